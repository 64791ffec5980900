"""Language: every Dutch sentence spelled right, and every sentence that names a list grammatical.

Spelling: every Dutch catalogue entry goes through hunspell with the Dutch
dictionary (Debian ``hunspell-nl``; CI installs it in ``.ci/run``), less the
short project word list ``tests/wordlist-nl.txt``. The tests skip, saying
why, only when hunspell or its Dutch dictionary is missing.

Grammar: a sentence that names a variable list of services or items must
read well for no, one and several of them. Each such sentence is checked for
the three cases here, on the real data and on small hand-made folders.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from test_affinity import write_folder
from test_claims import copy, rename_service  # noqa: F401  (``copy`` is a fixture)

from odsamen.analysis import coalitions as co
from odsamen.analysis.affinity import PartnerVerdict
from odsamen.analysis.claims import report_claims
from odsamen.analysis.data import load_dataset
from odsamen.analysis.scoring import Reading
from odsamen.catalogue import WORDS, text
from odsamen.publish.index import evidence_cell, partner_cell
from odsamen.report import briefing
from odsamen.report.briefing import Briefing

WORDLIST = Path(__file__).with_name("wordlist-nl.txt")
DICTIONARY = "nl_NL"

# --- spelling ---------------------------------------------------------------------


def hunspell_missing() -> str | None:
    """Why hunspell cannot check Dutch here, or None if it can."""
    if shutil.which("hunspell") is None:
        return "hunspell is not installed (apt-get install hunspell hunspell-nl; .ci/run does this)"
    probe = subprocess.run(
        ["hunspell", "-d", DICTIONARY, "-l"], input="huis\n", capture_output=True, text=True
    )
    if probe.returncode != 0 or probe.stderr.strip():
        problem = probe.stderr.strip()
        return f"hunspell has no Dutch dictionary {DICTIONARY} (apt-get install hunspell-nl): {problem}"
    return None


needs_hunspell = pytest.mark.skipif(hunspell_missing() is not None, reason=str(hunspell_missing()))


def misspelt(words: str) -> list[str]:
    """The words of ``words`` that hunspell's Dutch dictionary does not know."""
    found = subprocess.run(["hunspell", "-d", DICTIONARY, "-l"], input=words, capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    return found.stdout.split()


def prose(template: str) -> str:
    """The words of a catalogue template that are Dutch prose, one a line.

    Left out: ``{fields}`` (filled in by the code), code spans in backticks,
    literal values in straight quotes (``'true'``, ``'B/C'``: what a data
    file must hold), file names, command-line options and anything with a
    digit or a symbol in it (scores such as ``-/+``, ``SHA-256``).
    """
    template = re.sub(r"\{[^{}]*\}", " ", template)
    template = re.sub(r"`[^`]*`", " ", template)
    template = re.sub(r"(?<![\w’])'.*?'(?!\w)", " ", template)  # 'door komma's gescheiden'

    words = []
    for token in template.split():
        token = token.strip('‘’“”"()[],.;:!?*…·→=')
        if not token or token.startswith("-") or re.search(r"[\d/_@&+#<>\\]|\.\w", token):
            continue
        # A hyphenated compound is checked part by part: 'Manhattan-afstand', 'Noord-Holland'.
        words += [part for part in token.split("-") if re.search(r"[A-Za-zÀ-ÿ]", part)]
    return "\n".join(words)


def wordlist() -> set[str]:
    lines = (line.split("#")[0].strip() for line in WORDLIST.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def test_prose_leaves_out_fields_symbols_and_literals():
    words = prose("‘{item}’ (eigen score -/+, --): kies 'B/C' of `odsamen synth` in items.csv met --force.")
    assert words.split() == ["eigen", "score", "kies", "of", "in", "met"]


@needs_hunspell
def test_hunspell_reports_a_misspelt_word():
    # The check can fail: a deliberate misspelling is reported, correct words are not.
    assert misspelt("samenwerkng\nomgevingsdienst\nmeerwaarde\n") == ["samenwerkng"]
    assert misspelt(prose("Halen: 5 onderdeelen waarop de dienst niet voldoet.")) == ["onderdeelen"]


def catalogue_words() -> dict[str, list[str]]:
    """Every word of the Dutch catalogue (:func:`prose`), with the keys it occurs in."""
    words: dict[str, list[str]] = {}
    for key, entry in sorted(WORDS.items()):
        for word in prose(entry["nl"]).split():
            words.setdefault(word, []).append(key)
    return words


@needs_hunspell
def test_every_dutch_catalogue_entry_is_spelled_right():
    words = catalogue_words()  # one hunspell run for all of them: the dictionary loads once
    wrong = {word: words.get(word, "?") for word in misspelt("\n".join(words)) if word not in wordlist()}
    assert not wrong, f"misspelt (fix them, or add a justified word to {WORDLIST.name}): {wrong}"


@needs_hunspell
def test_every_word_on_the_list_is_needed():
    # The list stays short: each word is unknown to the dictionary and used in the catalogue.
    listed = sorted(wordlist())
    assert set(misspelt("\n".join(listed))) == set(listed), "known to the dictionary: remove from the list"
    assert not set(listed) - set(catalogue_words()), "not used in the catalogue: remove from the list"


# --- grammar: hand-made folders ------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return load_dataset(Path(__file__).resolve().parents[1] / "data")


@pytest.fixture
def blank(tmp_path: Path):
    """Three services P, Q, R: every score ``-`` (falls short, no added value), every preference ``?``.
    Nothing is shared, so no partner, no group and no form of cooperation fits."""
    return load_dataset(write_folder(tmp_path / "blank", ["P", "Q", "R"], {}, {}))


def strip_tags(html: object) -> str:
    return re.sub(r"<[^>]+>", " ", str(html)).replace("&amp;", "&")


def pages(data, code: str, lang: str) -> str:
    brief = Briefing(data, code, lang=lang)
    parts = [
        brief.summary(),
        brief.standing("robustness"),
        brief.standing("task"),
        brief.cooperation(),
        brief.preferences(),
        brief.partners(),
        brief.partners_table(),
        brief.forms(),
        brief.groups(),
        brief.other_advice(),
        brief.definitions("robustness"),
        brief.definitions("task"),
        brief.caveats(),
        brief.glossary(),
        brief.appendix(),
    ]
    return " ".join(strip_tags(part) for part in parts)


# The sentences of the old wording: a verb before a list of services, and 'geen' as a list.
BROKEN = [
    r"\bvoldoen (geen|[A-Z])",
    r"toegerust zijn",
    r"\baan (evenveel|minder) (geen|[A-Z])",
    r"\bvoor (evenveel|minder) (geen|[A-Z])",
    r": (none|geen)[;.]",
    r"\bwil bij\b.* en [A-Z]\w* wil\b",
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.slow
def test_no_page_has_the_old_ungrammatical_sentences(real, lang):
    for code in real.service_codes:
        page = pages(real, code, lang)
        for pattern in BROKEN:
            assert not re.search(pattern, page), (code, pattern)


# Calques of English and jargon a board member should not meet (issue 20), with a reason each; and
# the terms that name one thing two ways, the one not chosen.
BANNED = {
    r"\blezing": "calque of 'reading': say rekenwijze",
    r"\bmaat\b|\bmaten\b": "jargon: say what it measures (gemeten aan ...)",
    r"\bover \d+ onderde": "calque of 'over 16 items': gemiddeld ... op 16 onderdelen",
    r"beslissen hier niet": "calque: Hierover zeggen de scores niets",
    r"\bdragen\b|\bdraagt\b": "calque of 'carry': ondersteunen",
    r"Bijna zulke": "no sentence",
    r"naast de gegevens": "calque of 'beside the data'",
    r"\bnotebook|\.csv\b|03-coalitions": "a board member cannot open these",
    r"(?i)zoekt[^.]*\bhulp|hulp zoekt": "the report speaks of halen en brengen",
    r"Eigen stand|eigen stand": "one term: eigen score",
    r"niet \(volledig\)": "the report says toegerust (tasks) or tekortkomen",
    r"(?i)\bonbepaald": "one term: telt niet mee / niet te bepalen",
    r"meeste vormen": "forms are alternatives, not points",
    r"zelfstandig blijven|blokkeert": "a level-A answer is no veto",
    r"strookt|wijkt af": "not a verdict the scores can give",
}


@pytest.mark.parametrize("lang", ["nl"])
def test_no_banned_calques_in_any_briefing(real, lang):
    for code in real.service_codes:
        page = pages(real, code, lang)
        for pattern, why in BANNED.items():
            found = re.search(pattern, page)
            assert not found, f"{code}: {found.group(0)!r} ({why})"


def test_the_banned_list_catches_what_it_bans():
    samples = (
        "bij elke lezing",
        "de maat",
        "0,69 over 16 onderdelen",
        "daar zoekt nu geen dienst hulp",
        "Onbepaald",
    )
    for sample in samples:
        assert any(re.search(pattern, sample) for pattern in BANNED), sample


# --- standing: more, as many, fewer ----------------------------------------------------------


def test_standing_compare_for_one_several_and_no_services(real):
    open_ = "niet goed te vergelijken: door de scores met ? kan het verschil nog beide kanten op."
    nhn_task = strip_tags(Briefing(real, "NHN").compare("task"))
    # Several, then one; OFGV's task scores are the advisors' (†); NZKG's three ? leave it open.
    assert nhn_task == f"IJmond en OFGV zijn voor meer opgaven toegerust dan NHN. † Met NZKG is NHN {open_}"
    ofgv = strip_tags(Briefing(real, "OFGV").compare("robustness"))
    assert ofgv == f"NZKG voldoet aan meer criteria dan OFGV. Met NHN en IJmond is OFGV {open_}"
    assert strip_tags(Briefing(real, "NZKG").compare("robustness")) == (
        "NHN, IJmond en OFGV voldoen aan minder criteria dan NZKG."
    )
    assert strip_tags(Briefing(real, "OFGV", lang="en").compare("task")).startswith(
        "NHN and NZKG are equipped for fewer tasks than OFGV. †"
    )
    assert strip_tags(Briefing(real, "OFGV", lang="en").compare("robustness")).startswith(
        "NZKG meets more criteria than OFGV. OFGV cannot be compared with NHN and IJmond"
    )


def test_standing_compare_without_other_services(real, monkeypatch):
    monkeypatch.setattr(
        briefing, "position_among", lambda *_: {"more": [], "same": [], "fewer": [], "open": []}
    )
    assert (
        strip_tags(Briefing(real, "NHN").compare("task"))
        == "Er is geen andere dienst om NHN mee te vergelijken."
    )


def test_standing_counts_many_services_instead_of_naming_them(tmp_path, real):
    from odsamen.analysis.synth import write_synthetic

    write_synthetic(9, tmp_path, seed=7, codebook=real.folder)
    data = load_dataset(tmp_path)
    sentences = " ".join(strip_tags(Briefing(data, code).compare("task")) for code in data.service_codes)
    # More than MAX_NAMED services are counted ('7 diensten'); the verb is then plural.
    for match in re.finditer(r"(?<!Met )(\d+) diensten (\w+)", sentences):
        assert match.group(2) in ("zijn", "voldoen"), sentences


# --- the summary: no, one, several items ------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "start"),
    [
        (0, "Halen: op geen enkel onderdeel komt P tekort"),
        (1, "Halen op 1 onderdeel: x."),
        (5, "Halen op 5 onderdelen: x."),
    ],
)
def test_summary_counts_read_for_no_one_and_several_items(n, start):
    words = briefing.say(briefing.counted("briefing.summary.halen", n), "nl", n=n, items="x", service="P")
    assert words.startswith(start)


def test_summary_of_a_service_with_nothing_to_gain_or_give(blank, real):
    summary = strip_tags(Briefing(blank, "P").summary())
    assert "Halen: op geen enkel onderdeel" in summary and "Brengen: op geen enkel onderdeel" in summary
    assert "Brengen: op geen enkel onderdeel" in strip_tags(Briefing(real, "NHN").summary())
    assert "Brengen op 4 onderdelen: ‘Innovatie’" in strip_tags(Briefing(real, "OFGV").summary())
    assert "Halen op 1 onderdeel" in text("briefing.summary.halen", "nl", n=1, items="x")


# --- partner verdicts: tie, near tie, in front, nothing --------------------------------------------


def made_verdict(reason: str, shares: dict[str, float], best: str | None = None) -> PartnerVerdict:
    table = pd.DataFrame(
        {
            "reading": [Reading()] * len(shares),
            "partner": list(shares),
            "value": [round(share * 10) for share in shares.values()],
            "n_items": [10] * len(shares),
            "share": list(shares.values()),
            "low_evidence": [reason == "evidence"] * len(shares),
            "leads": [True] + [False] * (len(shares) - 1),
        }
    )
    return PartnerVerdict(
        "P", "joint_agenda", best, reason, [] if reason == "nothing" else list(shares), table
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_partner_verdicts_for_one_several_and_no_partners(real, lang):
    say = {
        (reason, len(shares)): briefing.verdict_words(real, made_verdict(reason, shares, best), lang)
        for reason, shares, best in [
            ("clear", {"Q": 0.8, "R": 0.4}, "Q"),
            ("margin", {"Q": 0.5, "R": 0.5}, None),
            ("margin", {"Q": 0.5, "R": 0.45, "S": 0.42}, None),
            ("evidence", {"Q": 0.3}, None),
            ("evidence", {"Q": 0.3, "R": 0.3}, None),
            ("nothing", {"Q": 0.0}, None),
        ]
    }
    if lang == "nl":
        assert (
            "Beste partner (gemeten aan ‘Gezamenlijke agenda’): Q (8 van 10 onderdelen)." in say["clear", 2]
        )
        assert say["margin", 2].endswith("Q (5 van 10 onderdelen) en R (5 van 10 onderdelen) staan gelijk.")
        assert (
            "Q (5 van 10 onderdelen), R (4 van 10 onderdelen) en S (4 van 10 onderdelen) staan vrijwel gelijk"
            in (say["margin", 3])
        )
        assert say["evidence", 1].endswith("Voorop: Q (3 van 10 onderdelen).")
        assert say["evidence", 2].endswith("Voorop: Q (3 van 10 onderdelen) en R (3 van 10 onderdelen).")
        assert (
            say["nothing", 1]
            == "Met geen enkele dienst iets gemeenschappelijks (gemeten aan ‘Gezamenlijke agenda’)."
        )
    else:
        assert say["margin", 2].endswith("Q (5 of 10 items) and R (5 of 10 items) are tied.")
        assert "are nearly tied" in say["margin", 3]
        assert say["evidence", 1].endswith("In front: Q (3 of 10 items).")
        assert say["nothing", 1] == "Nothing in common with any service (measured by ‘Joint agenda’)."


def test_a_near_tie_and_a_reading_tie_always_name_several_partners(real, tmp_path):
    # 'staan (vrijwel) gelijk' needs a plural subject: the verdict names two or more partners then.
    from odsamen.analysis.synth import write_synthetic

    write_synthetic(9, tmp_path, seed=7, codebook=real.folder)
    for data in (real, load_dataset(tmp_path)):
        for code in data.service_codes:
            found = briefing.verdict(data, code)
            if found.reason in ("margin", "reading"):
                assert len(found.close) >= 2, (code, found.reason)


def test_the_index_shows_a_near_tie_as_level(real):
    assert partner_cell(made_verdict("margin", {"Q": 0.5, "R": 0.45}), "nl").startswith(
        "geen duidelijke; vrijwel gelijk: Q"
    )
    assert partner_cell(made_verdict("margin", {"Q": 0.5, "R": 0.5}), "en").startswith("none clear; tied: Q")
    assert partner_cell(made_verdict("clear", {"Q": 0.8, "R": 0.4}, "Q"), "nl") == "Q (8 van 10 onderdelen)"
    assert partner_cell(made_verdict("nothing", {"Q": 0.0}), "nl") == "geen"
    nzkg = partner_cell(briefing.verdict(real, "NZKG"), "nl")
    assert "gelijk" in nzkg and "dicht bij elkaar" not in nzkg


def test_the_index_evidence_for_no_one_and_several(real):
    assert evidence_cell(real, [], "nl") == "geen"
    row = {
        "form": "federatie",
        "coalition": "NHN+IJmond",
        "evidence": "partly",
        "advisor": False,
        "doubt": False,
    }
    assert evidence_cell(real, [row], "nl") == "federatie van NHN en IJmond: reden deels ondersteund"
    # Where the report's reason is a doubt, the scores bear out the doubt, not the form.
    other = {**row, "form": "convenant", "evidence": "supported", "advisor": True, "doubt": True}
    assert evidence_cell(real, [row, other], "en") == (
        "federation of NHN and IJmond: reason partly supported; covenant of NHN and IJmond: doubt supported †"
    )


# --- forms: no ranking -----------------------------------------------------------------------


def test_forms_rank_no_group_by_how_many_forms_fit(real, blank):
    for code in real.service_codes:
        assert "meeste vormen" not in strip_tags(Briefing(real, code).forms())
    assert text("briefing.forms.no_advice", "nl", service="P") in strip_tags(Briefing(blank, "P").forms())


def test_item_labels_with_and_stay_one_item(real):
    page = strip_tags(Briefing(real, "NHN").standing("robustness"))
    assert "Voldoet niet aan 2 van de 6 criteria: ‘Innovatie’ en ‘BI en opleiding’." in page
    assert Briefing(real, "NHN").items([]) == ""
    assert Briefing(real, "NHN").items(["innovatie"]) == "‘Innovatie’"


@pytest.mark.parametrize(
    ("n", "ending"), [(1, "Dit onderdeel telt niet mee bij halen."), (2, "Deze onderdelen tellen")]
)
def test_undetermined_items_for_one_and_several(n, ending):
    assert ending in text("briefing.cooperation.undetermined", "nl", n=n, items="x")


# --- coalition reasons: level A is no veto ----------------------------------------------------


def federation_reason(tmp_path: Path, alone: list[str]) -> str:
    prefs = {(code, "taken_en_werkgebied"): "A" for code in alone}
    data = load_dataset(write_folder(tmp_path / "-".join(alone or ["none"]), ["P", "Q", "R"], {}, prefs))
    table = co.scenario_verdicts(data, ["P+Q+R"])
    return table[table["scenario"] == "federatie"]["reason"].iloc[0]


def test_level_a_is_never_read_as_a_wish_to_stay_alone(tmp_path):
    for alone in (["R"], ["Q", "R"], []):
        reason = federation_reason(tmp_path, alone)
        assert "zelfstandig" not in reason and "blokkeert" not in reason


def test_near_misses_name_several_members_with_and(real):
    table = co.scenario_verdicts(real)
    reasons = " ".join(table["reason"])
    assert "niet regionaal" not in reasons
    assert "(ander schaalniveau genoemd: NZKG; niet opgegeven: OFGV)" in reasons
    assert "‘Datagedreven werken’ (ander schaalniveau genoemd: NZKG)" in reasons


# --- claims that name services -----------------------------------------------------------------


def test_claims_missing_one_or_several_services(copy):  # noqa: F811
    rename_service(copy, "NZKG", "NZK2")
    one = report_claims(load_dataset(copy))
    assert one.at["nzkg_seveso", "evidence"] == "Niet te toetsen: NZKG ontbreekt in deze gegevens."
    rename_service(copy, "NHN", "NHN2")
    several = report_claims(load_dataset(copy))
    assert (
        several.at["nzkg_most_robust", "evidence"]
        == "Niet te toetsen: NHN en NZKG ontbreken in deze gegevens."
    )


def test_claims_name_no_one_and_several_services(real):
    table = report_claims(real)
    assert not table["evidence"].str.contains("Niet te toetsen").any()  # no service missing
    assert "een van IJmond, NHN en OFGV" in table.at["three_need_cooperation", "evidence"]
    for n, verb in ((1, "staat"), (2, "staan")):
        assert f"Bovenaan, gemeten aan ‘x’, {verb} " in text(
            "claims.top_pair.evidence",
            "nl",
            n=n,
            lens="x",
            top="",
            top_value="",
            top_share="",
            next_share="",
            pair="",
            pair_value="",
            rank=1,
            n_pairs=6,
            stability="",
        )
    assert text("claims.nobody", "nl") == "geen enkele dienst"


def test_no_number_is_left_unformatted_in_a_table_column(real):
    # The partner table's value column holds shares only, each with what it rests on.
    page = str(Briefing(real, "NHN").partners_table())
    cells = re.findall(r"<tr><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>", page)
    assert cells and all(re.match(r"(\d,\d\d \(|—|niet te bepalen)", cell) for cell in cells), cells
