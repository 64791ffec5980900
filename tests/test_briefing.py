"""The briefing narrative: facts checked against the report, HTML built safely, words from the catalogue."""

from __future__ import annotations

import base64
import dataclasses
import re

import pytest
from matplotlib.figure import Figure

from odsamen import briefing
from odsamen.briefing import Briefing
from odsamen.catalogue import LANGUAGES, text
from odsamen.data import load_dataset

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
    assert briefing.position_among(dataset, "OFGV", "robustness") == {
        "more": ["NZKG"],
        "same": ["IJmond"],
        "fewer": ["NHN"],
    }


def test_needs_are_weak_items_with_added_value(dataset):
    neutral = briefing.needs(dataset, "NHN", unknown="neutral")
    assert list(neutral["item"]) == [
        "kwaliteitscriteria",
        "innovatie",
        "bi_en_opleiding",
        "datagedreven",
        "energietransitie",
        "circulaire_economie",
    ]
    # Read as missing, the unknown 'kwaliteitscriteria' (?) is no longer a weakness.
    missing = briefing.needs(dataset, "NHN", unknown="missing")
    assert "kwaliteitscriteria" not in set(missing["item"])
    assert len(missing) == len(neutral) - 1


def test_offers_name_the_services_that_want_help(dataset):
    offers = briefing.offers(dataset, "OFGV", unknown="neutral").set_index("item")
    assert offers.at["innovatie", "receivers"] == ["NHN", "IJmond"]
    assert offers.at["zzs", "receivers"] == ["NZKG"]
    assert offers.at["omvang", "receivers"] == []


def test_preference_matches_share_levels_in_own_order(dataset):
    matches = briefing.preference_matches(dataset, "OFGV")
    innovation = matches[matches["item"] == "innovatie"].set_index("partner")
    assert innovation.at["NHN", "shared"] == ("E", "C", "B")
    assert innovation.at["IJmond", "shared"] == ("B",)
    # OFGV gave no task preferences, so it matches no one on a task.
    assert set(matches["dimension"]) == {"robustness"}
    # The split item keeps its aspects apart on the own side.
    assert set(matches.loc[matches["item"] == "bi_en_opleiding", "aspect"]) == {"bi", "opleiding"}


def test_partner_overlap_sorted_most_first(dataset):
    overlap = briefing.partner_overlap(dataset, "OFGV")
    assert overlap.index[0] == "NHN"
    assert overlap.iloc[0] == 5
    assert list(overlap) == sorted(overlap, reverse=True)


def test_top_partners_leave_out_lenses_without_anything_in_common(dataset):
    best = briefing.top_partners(dataset, "OFGV")
    assert set(best["lens"]) <= set(briefing.LENSES)
    assert (best["value"] > 0).all()
    combined = best[best["lens"] == "combined"]
    assert list(combined["partner"]) == ["NHN"]
    assert all(isinstance(items, list) and items for items in best["items"])


def test_reading_changes_for_ofgv(dataset):
    changes = briefing.reading_changes(dataset, "OFGV", unknown="neutral")
    assert changes["other"] == "missing"
    assert changes["needs_lost"] == ["kwaliteitscriteria", "natuurbescherming"]
    assert changes["needs_gained"] == []
    assert changes["offers_lost"] == ["zzs"]
    assert briefing.other_reading("missing") == "neutral"


def test_headline_figures(dataset):
    facts = briefing.headline(dataset, "NHN")
    assert (facts["met"], facts["n_robustness"], facts["equipped"], facts["n_tasks"]) == (3, 6, 7, 11)
    assert facts["needs"] == 6
    assert facts["partners"]


# --- HTML pieces -----------------------------------------------------------------


def test_tag_escapes_text_but_keeps_markup():
    assert briefing.tag("p", "<b>") == "<p>&lt;b&gt;</p>"
    assert briefing.tag("p", briefing.tag("b", "x"), class_="c") == '<p class="c"><b>x</b></p>'


def test_join_words_and_numbers_in_each_language():
    assert briefing.join_words(["A", "B", "C"], "nl") == "A, B en C"
    assert briefing.join_words(["A", "B"], "en") == "A and B"
    assert briefing.join_words([], "nl") == ""
    assert briefing.format_value(0.583333, "nl") == "0,58"
    assert briefing.format_value(0.583333, "en") == "0.58"
    assert briefing.format_value(5.0, "nl") == "5"


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
        + brief.heading("caveats")
        + brief.caveats()
        + brief.heading("appendix")
        + brief.appendix()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_section_renders_for_every_service(dataset, lang):
    for code in dataset.service_codes:
        page = sections(Briefing(dataset, code, lang=lang))
        assert dataset.service_name(code, lang).replace("&", "&amp;") in page
        # Every template field was filled: no braces are left in the text.
        assert not re.search(r"\{[a-z_]+\}", page)
        assert text("briefing.section.appendix", lang) in page


def test_summary_counts_come_from_the_data(dataset):
    page = str(Briefing(dataset, "NZKG").summary())
    assert text("briefing.summary.robustness", "nl", service="NZKG", met=6, total=6) in page


def test_caveats_name_the_advisors_and_missing_preferences_of_ofgv(dataset):
    page = str(Briefing(dataset, "OFGV").caveats())
    dimension = text("dimension.task", "nl").lower()
    assert str(briefing.say("briefing.caveat.advisor_own", "nl", service="OFGV", dimension=dimension)) in page
    assert "voetnoot **" in page
    assert "? gelezen als ontbrekend" in page
    other = str(Briefing(dataset, "NHN").caveats())
    assert "OFGV" in other  # the others read that OFGV's task scores and preferences are not its own


def test_text_from_the_data_is_escaped(dataset):
    prefs = dataset.preferences.copy()
    prefs["note"] = prefs["note"].where(prefs["note"] == "", "<script>alert('x')</script> & co")
    tampered = dataclasses.replace(dataset, preferences=prefs)
    page = str(Briefing(tampered, "OFGV").caveats())
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co" in page


def test_appendix_points_to_the_report(dataset):
    page = str(Briefing(dataset, "NHN").appendix())
    assert text("briefing.report.page.robustness", "nl") in page
    assert "Weerstand" in page  # the report's own column heading for 'weerstandsvermogen'
    assert page.count("<table") == 2


def test_synthetic_data_are_marked_and_many_services_are_counted(tmp_path, dataset):
    from odsamen.synth import write_synthetic

    write_synthetic(9, tmp_path, seed=7, codebook=dataset.folder)
    data = load_dataset(tmp_path)
    brief = Briefing(data, data.service_codes[0])
    assert text("briefing.synthetic", "nl") in str(brief.title())
    assert brief.services(data.service_codes[1:]) == text("briefing.n_services", "nl", n=8)
    assert "synthetisch" in str(brief.appendix())


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

    from odsamen import style

    figure = Figure()
    ax = briefing.partner_chart(dataset, "NHN", ax=figure.add_subplot())
    bars = {patch.get_gid(): patch for patch in ax.patches}
    assert sorted(bars) == ["partner:IJmond", "partner:NZKG", "partner:OFGV"]
    assert [label.get_text() for label in ax.get_yticklabels()][0] == "OFGV"
    assert to_hex(bars["partner:OFGV"].get_facecolor()) == style.OWN_SERVICE_COLOUR.lower()
    assert to_hex(bars["partner:NZKG"].get_facecolor()) == style.OTHER_SERVICE_COLOUR.lower()
    assert "0,58" in [t.get_text() for t in ax.texts]


def test_a_count_of_one_reads_in_the_singular():
    assert briefing.say("briefing.summary.offers", "nl", n=1).startswith("Brengen: op 1 onderdeel is")
    assert briefing.say("briefing.summary.offers", "nl", n=2).startswith("Brengen: op 2 onderdelen is")
    assert briefing.say("briefing.summary.offers", "en", n=1).startswith("To give: on 1 item the")


def test_summary_says_when_the_advisors_filled_in_the_scores(dataset):
    own = str(Briefing(dataset, "OFGV").summary())
    assert "adviseurs" in own and "OFGV" in own
    for code in ("NHN", "IJmond", "NZKG"):
        assert "adviseurs" not in str(Briefing(dataset, code).summary())
