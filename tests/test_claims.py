"""The report's claims about the four services, checked against the real data and edited copies."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from odsamen.analysis.claims import CLAIMS, VERDICTS, claim_text, report_claims, verdict_label
from odsamen.analysis.data import load_dataset
from odsamen.catalogue import LANGUAGES, WORDS, format_number

DATA = Path(__file__).resolve().parents[1] / "data"

REAL_VERDICTS = {
    "nzkg_most_robust": "partly",  # highest mean, level on innovation, but IJmond ++ on BI
    "nzkg_seveso": "agrees",
    "nzkg_gives_more": "agrees",
    "three_need_cooperation": "partly",  # OFGV sees less added value on robustness than NZKG
    "three_national_bi_data": "partly",  # E for BI, not for data-driven working
    "territory_added_value": "agrees",
    "three_bi_innovation_quality": "partly",  # OFGV '-' on BI and training
    "nhn_ijmond_complement": "partly",  # upper half of the pairs, not the top
    "top_pair": "agrees",  # NHN-IJmond on top of the joint agenda under every reading
}


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit_table(folder: Path, name: str, match: dict, column: str, new: str) -> None:
    """Set ``column`` to ``new`` in the rows of ``folder/name`` that match every ``match`` field."""
    path = folder / name
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = pd.Series(True, index=table.index)
    for key, wanted in match.items():
        rows &= table[key] == wanted
    assert rows.any(), match
    table.loc[rows, column] = new
    table.to_csv(path, index=False, lineterminator="\n")


def rename_service(folder: Path, old: str, new: str) -> None:
    for name, column in (
        ("services.csv", "code"),
        ("scores.csv", "service"),
        ("scale_preferences.csv", "service"),
    ):
        edit_table(folder, name, {column: old}, column, new)
    advice = folder / "advice.csv"
    table = pd.read_csv(advice, dtype=str, keep_default_na=False)
    table["coalition"] = [
        "+".join(new if c == old else c for c in key.split("+")) for key in table["coalition"]
    ]
    table["focus"] = [
        ";".join(new if c == old else c for c in key.split(";")) if key else "" for key in table["focus"]
    ]
    table.to_csv(advice, index=False, lineterminator="\n")


# --- the real data ---------------------------------------------------------------


@pytest.mark.parametrize("unknown", ["neutral", "missing"])
def test_real_verdicts(real, unknown):
    table = report_claims(real, unknown=unknown)
    assert list(table.columns) == ["claim", "evidence", "verdict"]
    assert tuple(table.index) == CLAIMS
    assert 6 <= len(CLAIMS) <= 9
    assert table["verdict"].to_dict() == REAL_VERDICTS


def test_real_evidence_carries_the_numbers(real):
    nl = report_claims(real, lang="nl")
    en = report_claims(real, lang="en")
    assert "NZKG 1,00; IJmond 0,83; OFGV 0,67; NHN 0,17" in nl.at["nzkg_most_robust", "evidence"]
    assert "NZKG 1.00; IJmond 0.83; OFGV 0.67; NHN 0.17" in en.at["nzkg_most_robust", "evidence"]
    assert "++ (IJmond)" in nl.at["nzkg_most_robust", "evidence"]
    assert "7 van de 17" in nl.at["nzkg_seveso", "evidence"]
    assert "OFGV ‘BI and training’ -" in en.at["three_bi_innovation_quality", "evidence"]
    assert (
        "6 keer" in nl.at["nzkg_gives_more", "evidence"] and "0 keer" in nl.at["nzkg_gives_more", "evidence"]
    )
    assert "NHN–IJmond (11 van 14 onderdelen" in nl.at["top_pair", "evidence"]
    assert "plaats 3 van 6" in nl.at["nhn_ijmond_complement", "evidence"]
    assert (nl["claim"] != en["claim"]).all() and (nl["evidence"] != en["evidence"]).all()


def test_unknown_is_never_weak_in_give_and_take(real):
    neutral = report_claims(real, unknown="neutral", lang="en")
    missing = report_claims(real, unknown="missing", lang="en")
    # NZKG's '?' on zzs and nature protection is undetermined under both readings: never a need.
    assert "other way round: 0 times" in neutral.at["nzkg_gives_more", "evidence"]
    assert neutral.at["nzkg_gives_more", "evidence"] == missing.at["nzkg_gives_more", "evidence"]
    # Averages still depend on the reading.
    need = "three_need_cooperation"
    assert neutral.at[need, "evidence"] != missing.at[need, "evidence"]


def test_claims_name_items_and_levels_from_the_codebook(real):
    assert "‘Seveso+ (national with state and inspectorates)’" in claim_text(real, "nzkg_seveso", "en")
    assert "‘BI en opleiding’" in claim_text(real, "three_bi_innovation_quality", "nl")


@pytest.mark.parametrize("key", CLAIMS)
def test_catalogue_has_both_languages_and_no_typed_numbers(key):
    for part in ("claim", "evidence"):
        entry = WORDS[f"claims.{key}.{part}"]
        assert set(entry) == set(LANGUAGES)
        for template in entry.values():
            assert not re.search(r"\d", re.sub(r"\{[^}]*\}", "", template)), template


def test_verdict_labels():
    for lang in LANGUAGES:
        labels = [verdict_label(v, lang) for v in VERDICTS]
        assert len(set(labels)) == len(VERDICTS)
    with pytest.raises(ValueError, match="verdict"):
        verdict_label("maybe")


def test_format_number():
    assert format_number(0.8333, "nl") == "0,83"
    assert format_number(-0.3333, "en") == "-0.33"
    assert format_number(float("nan"), "en") == "–"


# --- edited copies: verdicts follow the data --------------------------------------


def test_ofgv_seeing_value_in_bi_makes_the_claim_agree(copy):
    match = {"service": "OFGV", "item": "bi_en_opleiding", "measure": "added_value"}
    edit_table(copy, "scores.csv", match, "score", "+")
    assert report_claims(load_dataset(copy)).at["three_bi_innovation_quality", "verdict"] == "agrees"


def test_national_data_preferences_make_the_claim_agree(copy):
    for service in ("NHN", "IJmond"):
        edit_table(copy, "scale_preferences.csv", {"service": service, "item": "datagedreven"}, "levels", "E")
    assert report_claims(load_dataset(copy)).at["three_national_bi_data", "verdict"] == "agrees"


def test_weak_nzkg_makes_the_robustness_claim_disagree(copy):
    for item in ("omvang", "kwaliteitscriteria", "innovatie", "weerstandsvermogen", "bi_en_opleiding"):
        edit_table(copy, "scores.csv", {"service": "NZKG", "item": item, "measure": "meets"}, "score", "-")
    table = report_claims(load_dataset(copy), lang="en")
    assert table.at["nzkg_most_robust", "verdict"] == "disagrees"
    assert "best of the others ++ (IJmond)" in table.at["nzkg_most_robust", "evidence"]


def test_nzkg_without_territory_value_is_partly(copy):
    match = {"service": "NZKG", "item": "taken_en_werkgebied", "measure": "added_value"}
    edit_table(copy, "scores.csv", match, "score", "-")
    assert report_claims(load_dataset(copy)).at["territory_added_value", "verdict"] == "partly"


# --- services missing -------------------------------------------------------------


def test_missing_service_makes_its_claims_not_applicable(copy):
    rename_service(copy, "NZKG", "NZK2")
    table = report_claims(load_dataset(copy), lang="en")
    about_nzkg = ["nzkg_most_robust", "nzkg_seveso", "nzkg_gives_more", "three_need_cooperation"]
    assert (table.loc[about_nzkg, "verdict"] == "not_applicable").all()
    assert table.at["nzkg_seveso", "evidence"] == "Cannot be checked: NZKG is not in these data."
    assert table.at["three_national_bi_data", "verdict"] == "partly"
    assert table.at["nhn_ijmond_complement", "verdict"] != "not_applicable"


def test_synthetic_services_make_every_claim_not_applicable(copy):
    for k, code in enumerate(["NHN", "IJmond", "NZKG", "OFGV"]):
        rename_service(copy, code, f"SYN{k + 1:02d}")
    table = report_claims(load_dataset(copy))
    assert (table["verdict"] == "not_applicable").all()
    assert table["claim"].str.len().gt(0).all()


def test_best_of_the_others_names_every_tied_symbol(copy):
    edit_table(copy, "scores.csv", {"service": "OFGV", "item": "innovatie", "measure": "meets"}, "score", "?")
    evidence = report_claims(load_dataset(copy), lang="en").at["nzkg_most_robust", "evidence"]
    # IJmond's -/+ and OFGV's ? (read as neutral) are both 0, and both are shown
    assert "‘Innovation’: NZKG +, best of the others -/+ (IJmond); ? (OFGV)." in evidence
    missing = report_claims(load_dataset(copy), unknown="missing", lang="en").at[
        "nzkg_most_robust", "evidence"
    ]
    assert "‘Innovation’: NZKG +, best of the others -/+ (IJmond)." in missing


def test_claims_table_reads_in_words(dataset):
    from odsamen.analysis.claims import claims_table

    table = claims_table(dataset, lang="en")
    assert list(table.columns) == ["The report says (our words)", "What the data show", "Verdict"]
    assert set(table["Verdict"]) <= {verdict_label(v, "en") for v in VERDICTS}
    assert len(table) == len(CLAIMS)
