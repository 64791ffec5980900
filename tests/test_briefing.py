"""The briefing narrative: facts checked against the report, HTML built safely, words from the catalogue."""

from __future__ import annotations

import base64
import dataclasses
import re

import pytest
from matplotlib.figure import Figure

from odsamen.analysis.data import load_dataset
from odsamen.catalogue import LANGUAGES, join_words, text
from odsamen.report import briefing
from odsamen.report.briefing import Briefing

# --- facts -----------------------------------------------------------------------


def test_meets_status_reads_every_symbol():
    statuses = {symbol: briefing.meets_status(symbol) for symbol in ("--", "-", "-/+", "?", "+", "++")}
    assert statuses == {
        "--": "not_met",
        "-": "not_met",
        "-/+": "mixed",
        "?": "unknown",
        "+": "met",
        "++": "met",
    }


def test_standing_follows_the_report_row_of_nhn(dataset):
    own = briefing.standing(dataset, "NHN", "robustness")
    assert list(own["item"]) == dataset.item_codes("robustness")
    assert list(own["meets"]) == ["+", "?", "--", "++", "-", "+"]
    assert list(own.loc[own["status"] == "met", "item"]) == [
        "omvang",
        "weerstandsvermogen",
        "taken_en_werkgebied",
    ]


def test_status_counts_of_every_service(dataset):
    counts = briefing.status_counts(dataset, "robustness")
    assert list(counts.index) == dataset.service_codes
    assert counts.loc["NZKG", "met"] == 6
    assert counts.loc["IJmond"].to_dict() == {"met": 4, "not_met": 1, "mixed": 1, "unknown": 0}
    assert (counts.sum(axis=1) == len(dataset.item_codes("robustness"))).all()
    assert briefing.status_counts(dataset, "task").loc["NHN", "met"] == 7


def test_position_among_the_others(dataset):
    # OFGV's ? on quality criteria and NHN's ? leave OFGV against NHN and IJmond open.
    assert briefing.position_among(dataset, "OFGV", "robustness") == {
        "more": ["NZKG"],
        "same": [],
        "fewer": [],
        "open": ["NHN", "IJmond"],
    }


def test_a_count_never_turns_unknown_into_weakness(dataset):
    # NZKG has no '-' on any task, only ? and -/+: it is not 'equipped for fewer tasks' than NHN.
    position = briefing.position_among(dataset, "NZKG", "task")
    assert "NHN" not in position["more"] and "NHN" in position["open"]
    page = str(Briefing(dataset, "NHN").compare("task"))
    assert "NZKG" not in page.split("Met")[0]


def test_needs_are_weak_items_with_added_value_and_unknown_is_not_weak(dataset):
    wanted = briefing.needs(dataset, "NHN")
    # NHN's 'kwaliteitscriteria' is ?: undetermined, not a weakness (the old code listed it).
    assert list(wanted["item"]) == [
        "innovatie",
        "bi_en_opleiding",
        "datagedreven",
        "energietransitie",
        "circulaire_economie",
    ]
    assert briefing.undetermined_needs(dataset, "NHN") == ["kwaliteitscriteria", "ketentoezicht"]
    nzkg = briefing.needs(dataset, "NZKG")
    assert not {"zzs", "natuurbescherming"} & set(nzkg["item"])
    assert {"zzs", "natuurbescherming"} <= set(briefing.undetermined_needs(dataset, "NZKG"))


def test_offers_name_the_services_that_want_help_and_mark_advisor_scores(dataset):
    offers = briefing.offers(dataset, "OFGV").set_index("item")
    assert offers.at["innovatie", "receivers"] == ["NHN", "IJmond"]
    assert offers.at["omvang", "receivers"] == []
    # OFGV's task scores were filled in by the advisors: every offer on a task carries the mark.
    assert offers.at["datagedreven", "receivers"] == ["NHN", "IJmond"]
    assert offers.at["datagedreven", "advisor"]
    assert not offers.at["innovatie", "advisor"]
    assert "datagedreven" not in set(briefing.offers(dataset, "OFGV", advisor="exclude")["item"])


def test_verdict_words_name_the_basis(dataset):
    nhn = briefing.verdict(dataset, "NHN")
    assert briefing.verdict_words(dataset, nhn, "nl") == (
        "Beste partner (gemeten aan ‘Gezamenlijke agenda’): IJmond (11 van 14 onderdelen). "
        "Dat blijft zo bij elke rekenwijze."
    )
    nzkg = briefing.verdict_words(dataset, briefing.verdict(dataset, "NZKG"), "nl")
    assert nzkg.startswith("Geen duidelijke beste partner") and "NHN (" in nzkg and "IJmond (" in nzkg


def test_reading_changes(dataset):
    assert briefing.reading_changes(dataset, "NHN") == []
    changes = dict(briefing.reading_changes(dataset, "NHN", results=None))
    assert changes == {}
    scale = briefing.verdict(dataset, "NHN", lens="scale_agreement").leaders()
    assert len(set(map(tuple, scale.values()))) > 1


def test_headline_figures(dataset):
    facts = briefing.headline(dataset, "NHN")
    assert (facts["met"], facts["n_robustness"], facts["equipped"], facts["n_tasks"]) == (3, 6, 7, 11)
    assert facts["needs"] == 5
    assert facts["verdict"].best == "IJmond"


# --- HTML pieces -----------------------------------------------------------------


def test_the_table_macro_escapes_text_but_keeps_markup():
    from markupsafe import Markup

    template = briefing.TEMPLATE_ENVIRONMENT.from_string(
        '{% from "macros.html.j2" import table %}{{ table(header, rows, class="c") }}'
    )
    page = template.render(header=["<h>"], rows=[["<b>", Markup("<i>x</i>")]])
    assert page == (
        '<table class="c short"><thead><tr><th scope="col">&lt;h&gt;</th></tr></thead>'
        "<tbody><tr><td>&lt;b&gt;</td><td><i>x</i></td></tr></tbody></table>"
    )


def test_join_words_and_numbers_in_each_language():
    assert join_words(["A", "B", "C"], "nl") == "A, B en C"
    assert join_words(["A", "B"], "en") == "A and B"
    assert join_words([], "nl") == ""


# --- the briefing ------------------------------------------------------------------


def sections(brief: Briefing) -> str:
    return str(
        brief.title()
        + brief.heading("standing")
        + brief.figure_note()
        + brief.standing("robustness")
        + brief.standing("task")
        + brief.heading("cooperation")
        + brief.cooperation()
        + brief.heading("preferences")
        + brief.preferences()
        + brief.heading("partners")
        + brief.partners()
        + brief.heading("forms")
        + brief.forms()
        + brief.heading("annex")
        + brief.definitions("robustness")
        + brief.definitions("task")
        + brief.partners_table()
        + brief.groups()
        + brief.other_advice()
        + brief.heading("caveats", 3)
        + brief.caveats()
        + brief.glossary()
        + brief.heading("appendix", 3)
        + brief.appendix()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.slow
def test_every_section_renders_for_every_service(dataset, lang):
    for code in dataset.service_codes:
        page = sections(Briefing(dataset, code, lang=lang))
        assert dataset.service_name(code, lang).replace("&", "&amp;") in page
        # Every template field was filled: no braces are left in the text.
        assert not re.search(r"\{[a-z_]+\}", page)
        assert text("briefing.section.appendix", lang) in page


def test_summary_counts_come_from_the_data(dataset):
    page = str(Briefing(dataset, "NZKG").summary())
    facts = dict(met=6, n_robustness=6, equipped=6, n_tasks=11)
    assert text("briefing.summary.standing", "nl", service="NZKG", **facts) in page


def test_caveats_name_the_advisors_and_missing_preferences_of_ofgv(dataset):
    page = str(Briefing(dataset, "OFGV").caveats())
    assert "voetnoot **" in page
    assert "telt in de vergelijkingen niet mee" in page
    other = str(Briefing(dataset, "NHN").caveats())
    assert "OFGV" in other  # the others read that OFGV's preferences are not given
    # Who filled in which scores stands once, at the top of every briefing.
    assert "de scores van OFGV voor de toekomstige opgaven" in str(Briefing(dataset, "NHN").title())


def test_text_from_the_data_is_escaped(dataset):
    prefs = dataset.preferences.copy()
    prefs["note"] = prefs["note"].where(prefs["note"] == "", "<script>alert('x')</script> & co")
    tampered = dataclasses.replace(dataset, preferences=prefs)
    page = str(Briefing(tampered, "OFGV").caveats())
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co" in page


def test_appendix_points_to_the_report(dataset):
    page = str(Briefing(dataset, "NHN").appendix())
    # The source's table, page and row headings come from data/assessment.csv.
    assert "de tabel ‘Analyse samenwerking: robuustheid’ op bladzijde 10" in page
    assert (
        "‘Scenario’s voor samenwerking tussen omgevingsdiensten in Noord Holland en Flevoland (Galan Groep, "
        in page
    )
    assert "Weerstand" in page  # the report's own column heading for 'weerstandsvermogen'
    assert page.count("<table") == 2


def test_synthetic_data_are_marked_and_many_services_are_counted(tmp_path, dataset):
    from odsamen.analysis.synth import write_synthetic

    write_synthetic(9, tmp_path, seed=7, codebook=dataset.folder)
    data = load_dataset(tmp_path)
    brief = Briefing(data, data.service_codes[0])
    assert text("briefing.synthetic", "nl") in str(brief.title())
    assert brief.services(data.service_codes[1:]) == text("briefing.n_services", "nl", n=8)
    assert "synthetisch" in str(brief.appendix())
    # Synthetic folders hold no advice: the section says so instead of failing.
    assert text("briefing.forms.no_advice", "nl", service=brief.service) in str(brief.forms())
    assert briefing.headline(data, brief.service)["advice"] == []


def test_beyond_six_services_the_score_figures_show_the_service_and_its_best_partners(tmp_path, dataset):
    from odsamen.analysis import coalitions as co
    from odsamen.analysis.synth import write_synthetic

    write_synthetic(9, tmp_path, seed=7, codebook=dataset.folder)
    data = load_dataset(tmp_path)
    service = data.service_codes[4]
    brief = Briefing(data, service)
    best = co.best_partners(data)[service]
    assert len(best) == co.BEST_PARTNERS and service not in best
    assert brief.figure_services == [code for code in data.service_codes if code in {service, *best}]
    note = str(brief.figure_note())
    assert "9 diensten" in note and all(code in note for code in best) and "data/scores.csv" in note
    picture = brief.score_figure("task", "meets")
    assert all(code in picture.alt for code in best) and "omlijnd" in picture.alt
    # Up to six services every one is shown, and the note says only how the own row is marked.
    four = Briefing(dataset, "NHN")
    assert four.figure_services == dataset.service_codes
    assert (
        str(four.figure_note())
        == '<p class="note">' + text("briefing.standing.figure_note", "nl", service="NHN") + "</p>"
    )


def test_unknown_service_or_options_are_refused(dataset):
    with pytest.raises(ValueError):
        Briefing(dataset, "XYZ")
    with pytest.raises(ValueError):
        Briefing(dataset, "NHN", lang="fr")
    with pytest.raises(ValueError):
        Briefing(dataset, "NHN", unknown="zero")


# --- figures -------------------------------------------------------------------------


def test_legend_below_keeps_entries():
    figure = Figure(layout="constrained")
    ax = figure.add_subplot()
    ax.plot([0, 1], label="one")
    ax.plot([1, 0], label="two")
    ax.legend(title="Score")
    briefing.legend_below(ax, ncols=2)
    assert ax.get_legend() is None
    (legend,) = figure.legends
    assert [t.get_text() for t in legend.get_texts()] == ["one", "two"]
    assert legend.get_title().get_text() == "Score"


def test_score_figure_is_an_embeddable_png_with_alt_text(dataset):
    image = Briefing(dataset, "IJmond").score_figure("robustness", "meets")
    encoded, metadata = image._repr_png_()  # as the notebook stores it: base64 text
    assert base64.b64decode(encoded)[:8] == b"\x89PNG\r\n\x1a\n"
    assert "IJmond" in metadata["alt"]
    assert metadata["width"] <= round(briefing.PAGE_FIGURE_WIDTH * briefing.CSS_PIXELS_PER_INCH)


def test_page_size_caps_width_and_scales_height():
    assert briefing.page_size((14.0, 4.0), 8.5, height_share=0.5, extra_height=1.0) == (8.5, 3.0)
    assert briefing.page_size((5.0, 4.0)) == (5.0, 4.0)


def test_partner_chart_has_a_bar_per_partner_best_first(dataset):
    from matplotlib.colors import to_hex

    from odsamen.report import style

    figure = Figure()
    ax = briefing.partner_chart(dataset, "NHN", best="IJmond", ax=figure.add_subplot())
    bars = {patch.get_gid(): patch for patch in ax.patches}
    assert sorted(bars) == ["partner:IJmond", "partner:NZKG", "partner:OFGV"]
    assert [label.get_text() for label in ax.get_yticklabels()][0] == "IJmond"
    assert to_hex(bars["partner:IJmond"].get_facecolor()) == style.OWN_SERVICE_COLOUR.lower()
    assert to_hex(bars["partner:NZKG"].get_facecolor()) == style.OTHER_SERVICE_COLOUR.lower()
    assert bars["partner:OFGV"].get_hatch() == "///"  # NHN-OFGV rests on 7 of 17 items
    assert not bars["partner:IJmond"].get_hatch()
    assert "11 van 14 onderdelen" in [t.get_text() for t in ax.texts]


def test_partner_chart_paints_no_winner_on_a_close_call(dataset):
    from matplotlib.colors import to_hex

    from odsamen.report import style

    found = briefing.verdict(dataset, "NZKG")
    ax = briefing.partner_chart(dataset, "NZKG", best=found.best, ax=Figure().add_subplot())
    colours = {to_hex(patch.get_facecolor()) for patch in ax.patches}
    assert colours == {style.OTHER_SERVICE_COLOUR.lower()}


def test_partner_chart_says_what_its_colours_mean_and_marks_the_best_without_colour(dataset):
    ax = briefing.partner_chart(dataset, "NHN", best="IJmond", lang="en", ax=Figure().add_subplot())
    weights = {label.get_text(): label.get_fontweight() for label in ax.get_yticklabels()}
    assert weights == {"IJmond": "bold", "NZKG": "normal", "OFGV": "normal"}
    assert text("briefing.partner_chart.colours", "en") in ax.get_xlabel().splitlines()
    found = briefing.verdict(dataset, "NZKG")
    assert found.best is None
    ax = briefing.partner_chart(dataset, "NZKG", best=found.best, ax=Figure().add_subplot())
    assert {label.get_fontweight() for label in ax.get_yticklabels()} == {"normal"}
    assert text("briefing.partner_chart.grey", "nl") in ax.get_xlabel().splitlines()


def test_one_page_agrees_with_itself(dataset):
    # The preferences sentence and the partner table use the same measure and numbers.
    for code in ("NHN", "IJmond"):
        brief = Briefing(dataset, code)
        preferences, partners = str(brief.preferences()), str(brief.partners_table())
        found = briefing.verdict(dataset, code, lens="scale_agreement")
        for partner in found.close:
            row = found.default_row(partner)
            shown = briefing.basis_text(row["value"], row["n_items"], "scale_agreement", "nl")
            assert shown in preferences
            # The table's column holds shares, each with what it rests on: the same numbers.
            share = briefing.format_number(row["share"], "nl")
            assert f"{share} (gemiddelde op {row['n_items']} onderdelen)" in partners


def test_advisor_driven_statements_carry_the_mark(dataset):
    ofgv = Briefing(dataset, "OFGV")
    assert "†" in str(ofgv.cooperation())
    assert "†" not in str(Briefing(dataset, "OFGV", advisor="exclude").cooperation())


def test_a_count_of_one_reads_in_the_singular():
    assert briefing.say("briefing.summary.brengen", "nl", n=1, items="x").startswith(
        "Brengen op 1 onderdeel:"
    )
    assert briefing.say("briefing.summary.brengen", "nl", n=2, items="x").startswith(
        "Brengen op 2 onderdelen:"
    )
    assert briefing.say("briefing.summary.brengen", "en", n=1, items="x").startswith("Give on 1 item:")


def test_summary_says_when_the_advisors_filled_in_the_scores(dataset):
    own = str(Briefing(dataset, "OFGV").summary())
    assert "De scores voor de toekomstige opgaven vulden de adviseurs in." in own
    # The mark is explained on page 1 only where page 1 uses it.
    assert text("briefing.summary.sure_advisor", "nl") in own
    assert "adviseurs" not in str(Briefing(dataset, "NHN").summary())


# --- forms of cooperation ---------------------------------------------------------------


def test_forms_set_the_advice_beside_the_scores_as_evidence(dataset):
    page = str(Briefing(dataset, "NHN").forms())
    assert "Federatie van NHN en IJmond (aangeraden, p. 24)" in page
    assert "Reden in het rapport:" in page and "Wat de scores laten zien:" in page
    assert "Niet te toetsen" in page
    # No verdict the scores cannot give, and no ranking of groups by how many forms fit.
    for gone in ("strookt", "wijkt af", "meeste vormen", "blokkeert", "zelfstandig blijven", "aanbevolen"):
        assert gone not in page
    assert "Of een lichte of een bindende vorm beter past, kunnen de scores niet zeggen." in page


def test_forms_show_who_can_help_on_what(dataset):
    page = str(Briefing(dataset, "NHN").cooperation())
    assert text("briefing.column.strong_at", "nl") in page
    assert "NZKG (E/D)" in page and "IJmond (B/E/F)" in page


def test_forms_say_when_a_rule_changes_the_evidence(dataset):
    page = str(Briefing(dataset, "IJmond").forms())
    assert "Dit hangt af van een rekenregel: met de regel" in page
    assert "elk niveau van samenwerking telt mee" in page


def test_forms_in_english(dataset):
    page = str(Briefing(dataset, "IJmond", lang="en").forms())
    assert "The report&#39;s reason:" in page and "cannot be tested" in page.lower()


def test_page_one_answers_form_and_advice(dataset):
    question = text("briefing.question.forms", "nl")
    for code in dataset.service_codes:
        summary = str(Briefing(dataset, code).summary())
        assert question in summary and "ondersteun" in summary
    assert "Aangeraden: federatie van NHN en IJmond (reden deels ondersteund" in str(
        Briefing(dataset, "NHN").summary()
    )
    # NZKG joining a federation: the scores bear out the report's doubt, and page 1 says it as such.
    nzkg = str(Briefing(dataset, "NZKG").summary())
    assert "Optie: federatie van NHN, IJmond en NZKG (twijfel ondersteund)" in nzkg
    # OFGV is advised to weigh the Noord-Holland services against other partners: in the report's words.
    ofgv = str(Briefing(dataset, "OFGV").summary())
    assert "naast samenwerking met andere partners" in ofgv


# --- statements that were false (issue 19, item 6) ---------------------------------------------


def test_a_lead_that_shrinks_only_letter_by_letter_is_said_so(dataset):
    # IJmond: NHN 0,69 against OFGV 0,42 is no near tie; only letter by letter is it 0,35 against 0,31.
    words = str(Briefing(dataset, "IJmond").preferences())
    assert "vrijwel gelijk" not in words
    assert "NHN (gemiddeld 0,69 op 16 onderdelen) ligt voor op OFGV (gemiddeld 0,42" in words
    assert "0,35 tegen 0,31" in words and "letter voor letter" in words


def test_a_leader_that_swaps_letter_by_letter_is_said_so(dataset):
    # NHN: IJmond 0,69 against OFGV 0,50; letter by letter OFGV comes first.
    words = str(Briefing(dataset, "NHN").preferences())
    assert "Dicht bij elkaar" not in words
    assert "IJmond (gemiddeld 0,69 op 16 onderdelen) ligt voor op OFGV (gemiddeld 0,50" in words
    assert "ligt OFGV voorop" in words


def test_a_tie_under_every_reading_is_no_single_leader(dataset):
    caveats = str(Briefing(dataset, "NZKG").caveats())
    assert "dezelfde partner voorop" not in caveats
    assert "NHN en IJmond" in caveats
    assert "staan gelijk, bij elke rekenwijze" in str(Briefing(dataset, "NZKG").summary())


def test_no_answer_is_never_called_not_regional(dataset):
    for code in dataset.service_codes:
        for lang in ("nl", "en"):
            page = str(Briefing(dataset, code, lang=lang).forms())
            assert "niet regionaal: NZKG en OFGV" not in page and "not regional: NZKG and OFGV" not in page


def test_size_and_resilience_are_not_said_to_be_missing(dataset):
    for code in dataset.service_codes:
        page = str(Briefing(dataset, code).forms()) + str(Briefing(dataset, code).caveats())
        assert "niets over financiën, omvang" not in page


def test_a_count_resting_wholly_on_advisor_scores_says_wholly(dataset):
    summary = str(Briefing(dataset, "OFGV").summary())
    assert "toegerust voor 10 van de 11" in summary
    assert "De scores voor de toekomstige opgaven vulden de adviseurs in. †" in summary
    assert "Dit rust (deels)" not in summary


def test_task_explanations_are_not_attributed_to_the_report(dataset):
    tasks = str(Briefing(dataset, "NHN").definitions("task"))
    assert "de uitleg is van odsamen" in tasks and "rapport, pagina 8" not in tasks
    robustness = str(Briefing(dataset, "NHN").definitions("robustness"))
    assert "naar het rapport, pagina 8" in robustness


def test_ofgv_comparisons_carry_the_advisor_mark(dataset):
    page = str(Briefing(dataset, "OFGV").compare("task"))
    assert "†" in page


def test_without_advisor_scores_ofgv_is_undetermined_not_unfit(dataset):
    page = str(Briefing(dataset, "OFGV", advisor="exclude").forms())
    assert "past bij geen enkele groep" not in page
    from odsamen.analysis import coalitions as co

    table = co.scenario_verdicts(dataset, ["NHN+OFGV"], co.Reading(advisor="exclude"))
    assert set(table["verdict"]) <= {"undetermined", "does_not_fit", "partly"}
    assert (table.set_index("scenario").loc[["convenant", "federatie"], "verdict"] == "undetermined").all()


def test_top_of_the_briefing_says_whose_scores_these_are(dataset):
    title = str(Briefing(dataset, "NHN").title())
    assert "een zelfbeoordeling door de directeuren" in title
    assert "de scores van OFGV voor de toekomstige opgaven" in title


def test_context_and_definitions_come_from_the_codebook(dataset):
    context = str(Briefing(dataset, "IJmond").context())
    assert dataset.service_context("IJmond", "nl").replace("'", "&#39;") in context
    assert "pagina 7" in context
    definitions = str(Briefing(dataset, "NHN", lang="en").definitions("robustness"))
    assert "15 million" in definitions and "page 8" in definitions
    assert definitions.count("<li>") == len(dataset.item_codes("robustness"))


def test_summary_counts_resting_on_advisor_scores_carry_the_mark(dataset):
    # OFGV's standing, offers and both judgements on its advice rest on task scores the advisors filled
    # in, and page 1 says once what the mark means; NHN's answers are its own.
    assert str(Briefing(dataset, "OFGV").summary()).count("†") == 5
    assert "†" not in str(Briefing(dataset, "NHN").summary())
    # Leaving the advisors' scores out changes what rests on them, not the standing, which shows every score.
    assert str(Briefing(dataset, "OFGV", advisor="exclude").summary()).count("†") < 5


# --- templates -------------------------------------------------------------------------


def test_templates_join_their_lines_but_not_the_values():
    template = briefing.TEMPLATE_ENVIRONMENT.from_string("<p>\n  {{ a }}{{ ' ' }}{{ b }}\n</p>\n<ul>\n</ul>")
    assert template.render(a="x\ny", b="<b>") == "<p>x\ny &lt;b&gt;</p><ul></ul>"


def test_a_missing_fact_is_an_error_not_a_blank():
    import jinja2

    with pytest.raises(jinja2.UndefinedError):
        briefing.render("figure_note", "nl")


@pytest.mark.parametrize(
    ("lang", "expected"), [("nl", "0,50 | NHN, IJmond en OFGV"), ("en", "0.50 | NHN, IJmond, and OFGV")]
)
def test_templates_write_numbers_and_lists_in_the_language(lang, expected):
    template = briefing.TEMPLATE_ENVIRONMENT.from_string("{{ x|number }} | {{ codes|words }}")
    assert template.render(lang=lang, x=0.5, codes=["NHN", "IJmond", "OFGV"]) == expected


def standing_page(lang, by_status, groups):
    facts = {"service": "NHN", "dimension": "task", "total": 11, "groups": groups}
    by_status = {status: by_status.get(status, []) for status in briefing.STATUSES}
    return str(briefing.render("standing", lang, **facts, by_status=by_status))


def test_standing_template_for_no_one_and_several_items():
    none = standing_page("nl", {}, [])
    assert (
        none
        == "<h3>Toekomstige opgaven</h3><ul></ul><p>"
        + text("briefing.standing.alone", "nl", service="NHN")
        + "</p>"
    )
    one = standing_page("nl", {"met": ["‘A’"]}, [])
    assert "<li>" + text("briefing.standing.task.met", "nl", n=1, total=11, items="‘A’") + "</li>" in one
    several = standing_page("en", {"met": ["‘A’", "‘B’"], "unknown": ["‘C’", "‘D’", "‘E’"]}, [])
    assert several.count("<li>") == 2
    assert "‘C’, ‘D’, and ‘E’" in several


def test_compare_template_joins_one_sentence_per_group_with_a_space():
    groups = [("more", "IJmond en OFGV", 2, False), ("fewer", "NZKG", 1, False)]
    page = str(briefing.render("compare", "nl", service="NHN", dimension="task", groups=groups))
    more = text("briefing.standing.task.more", "nl", services="IJmond en OFGV", service="NHN", n=2)
    fewer = text("briefing.standing.task.fewer", "nl", services="NZKG", service="NHN", n=1)
    assert page == f"{more} {fewer}"


@pytest.mark.parametrize("n", [0, 1, 5])
def test_summary_template_answers_each_question_with_a_pointer(n):
    questions = ("standing", "partners", "cooperation", "forms", "sure")[: max(n, 1)]
    answers = [(q, f"<antwoord {q}>", "standing") for q in questions]
    page = str(briefing.render("summary", "nl", service="NHN", answers=answers))
    assert page.count("<dt>") == len(questions) and page.count('<a class="see" href="#standing"') == len(
        questions
    )
    for question in questions:
        assert f"<dt>{text(f'briefing.question.{question}', 'nl', service='NHN')}</dt>" in page
        assert f"&lt;antwoord {question}&gt;" in page  # answers are escaped
    assert 'data-page="pagina"' in page


def test_section_facts_are_plain_values(dataset):
    brief = Briefing(dataset, "OFGV")
    facts = brief.summary_facts()
    assert [question for question, _, _ in facts["answers"]] == [
        "standing",
        "partners",
        "cooperation",
        "forms",
        "sure",
    ]
    assert all(isinstance(answer, str) for _, answer, _ in facts["answers"])
    assert brief.compare_facts("robustness")["groups"] == [
        ("more", "NZKG", 1, False),
        ("open", "NHN en IJmond", 2, False),
    ]
    assert [label for label, _ in brief.definitions_facts("robustness")["entries"]][0] == "Omvang"
    assert brief.context_facts()["service"] == "OFGV"
    assert brief.title_facts()["advisor_excluded"] is False


def caveats_page(lang="nl", **changes):
    facts = {
        "service": "NHN",
        "synthetic": False,
        "own_preferences": [],
        "other_preferences": "",
        "n_other_preferences": 0,
        "n_unknown": 0,
        "unknown_cells": "",
        "lens": "Geven en nemen",
        "n_readings": 8,
        "leaders": "IJmond",
        "moving": "",
        "reading_changes": [],
    }
    return str(briefing.render("caveats", lang, **{**facts, **changes}))


def test_caveats_template_for_no_one_and_several_changes_of_reading():
    none = caveats_page()
    assert none == (
        f"<ul><li>{text('briefing.forms.rules', 'nl')}</li>"
        f"<li>{text('briefing.caveat.no_unknown', 'nl', service='NHN')}</li>"
        f"<li>{text('briefing.change.nothing.still', 'nl', partners='IJmond')}</li></ul>"
    )
    one = caveats_page(reading_changes=[("? als ontbrekend", "IJmond")])
    assert one.count("<li>") == 4 and "</li></ul></li></ul>" in one
    several = caveats_page(reading_changes=[("a", "IJmond"), ("b", "NZKG en OFGV")], synthetic=True)
    assert several.count("<li>") == 6
    assert several.startswith(f"<ul><li>{text('briefing.synthetic', 'nl')}</li>")


def test_caveats_template_names_preferences_and_unknown_scores():
    page = caveats_page(
        own_preferences=[("missing", 1, "‘A’", "zie <noot>")],
        n_unknown=2,
        unknown_cells="‘B’ (meerwaarde)",
    )
    assert page.count("<li>") == 4  # the rules, preferences, ?-scores, readings (advisors: at the top)
    assert "zie &lt;noot&gt;" in page
    assert (
        text("briefing.caveat.preference_missing.one", "nl", service="NHN", n=1, items="‘A’", note="x")[:20]
        in page
    )


def test_cooperation_template_without_rows_has_no_tables():
    facts = {
        "service": "NHN",
        "weak": "-",
        "strong": "+",
        "added": "+",
        "needs": [],
        "undetermined": [],
        "offers": [],
        "idle": [],
        "advisor": False,
    }
    page = str(briefing.render("cooperation", "en", **facts))
    assert "<table" not in page and 'class="note"' not in page
    assert text("briefing.cooperation.no_needs", "en", service="NHN") in page
    several = str(
        briefing.render(
            "cooperation", "en", **{**facts, "needs": [["a", "b", "-", "+"]] * 2, "undetermined": ["‘X’"]}
        )
    )
    assert several.count("<tr>") == 3  # header and two rows
    assert text("briefing.cooperation.undetermined", "en", n=1, items="‘X’") in several.replace("&#39;", "'")


def test_preferences_template_without_answers_says_so_and_shows_no_table():
    facts = {
        "service": "NHN",
        "n_answered": 0,
        "n_regional": 0,
        "regional_levels": "B of C",
        "closest": "",
        "rows": [],
        "level_entries": "",
        "n_missing": 1,
    }
    page = str(briefing.render("preferences", "nl", **facts))
    assert page == (
        f"<p>{text('briefing.preferences.none', 'nl', service='NHN')}</p>"
        f'<p class="note">{text("briefing.preferences.missing", "nl", service="NHN", n=1)}</p>'
    )
    several = str(
        briefing.render("preferences", "nl", **{**facts, "n_answered": 3, "rows": [["a", "b", "c", "d"]] * 3})
    )
    assert several.count("<tr>") == 4 and 'class="legend"' in several


def test_appendix_facts_hold_one_table_per_dimension_with_every_item(dataset):
    facts = Briefing(dataset, "NHN", lang="en").appendix_facts()
    assert [dimension for dimension, _, _ in facts["tables"]] == ["robustness", "task"]
    assert [len(rows) for _, rows, _ in facts["tables"]] == [6, 11]
    assert all(len(row) == 6 for _, rows, _ in facts["tables"] for row in rows)
    assert [place["page"] for _, _, place in facts["tables"]] == ["10", "11"]
    assert facts["report"].endswith("(Galan Groep, 2024-01-07, in Dutch)")


def test_partners_facts_name_a_row_per_measure_at_least(dataset):
    from odsamen.analysis.affinity import LENSES

    facts = Briefing(dataset, "NZKG").partners_facts()
    assert len(facts["rows"]) >= len(LENSES)
    assert [row[0] for row in facts["rows"]][0] == briefing.lens_label(LENSES[0], "nl")
    page = str(Briefing(dataset, "NZKG").partners_table())
    assert page.count("<tr>") == len(facts["rows"]) + 1
    assert all(len(row) == 4 for row in facts["rows"])


def forms_page(**changes):
    return str(briefing.render("forms", "nl", **{"service": "NHN", "advice": [], **changes}))


def test_forms_template_for_no_one_and_several_rows():
    none = forms_page()
    assert "<table" not in none and text("briefing.forms.no_advice", "nl", service="NHN") in none
    row = {
        "advice": "Advies <a>",
        "reason": "r",
        "facts": "",
        "evidence": "Ondersteund",
        "sentence": "s",
        "depends": "",
    }
    one = forms_page(advice=[row])
    assert "<h4>Advies &lt;a&gt;</h4>" in one
    assert "Wat de scores laten zien" not in one  # no facts, no line for them
    several = forms_page(advice=[row, {**row, "facts": "f", "depends": "d"}])
    assert several.count("<h4>") == 2 and "Wat de scores laten zien" in several and " d</li>" in several


def test_groups_template_for_no_one_and_several_rows():
    facts = {"service": "NHN", "groups": [["a", "b", "c", "d"]] * 2, "n_more": 1, "n_not_given": 0}
    page = str(briefing.render("groups", "nl", **facts))
    assert page.count("<tr>") == 3 and text("briefing.forms.more", "nl", n=1) in page
    assert "schaalniveau" not in page
    missing = str(briefing.render("groups", "nl", **{**facts, "n_more": 0, "n_not_given": 11}))
    assert text("briefing.forms.not_given", "nl", service="NHN", n=11) in missing
