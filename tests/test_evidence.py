"""The report's advice beside the scores: evidence for and against the report's own reason.

Each row of ``data/advice.csv`` is checked by hand against the report's tables.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_affinity import DATA

from odsamen.analysis import evidence as ev
from odsamen.analysis.data import load_dataset
from odsamen.analysis.scoring import Reading


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def table(real):
    return ev.advice_comparison(real).set_index(["coalition", "scenario"])


def test_columns_keep_the_old_and_add_evidence(real):
    frame = ev.advice_comparison(real)
    old = ["coalition", "scenario", "stance", "where", "verdict", "agreement", "reason"]
    assert list(frame.columns)[: len(old)] == old
    assert {"evidence", "depends_on"} <= set(frame.columns)
    assert len(frame) == len(real.advice) == 9
    assert set(frame["evidence"]) <= set(ev.EVIDENCE)


def test_mergers_and_municipal_tasks_cannot_be_tested(table):
    for key in [("NHN+IJmond", "fusie"), ("NHN+IJmond+NZKG+OFGV", "fusie"), ("NHN+IJmond", "taakoverdracht")]:
        row = table.loc[key]
        assert row["evidence"] == "not_testable"
        # The words for agreement are not used where the scores cannot test.
        assert row["agreement"] == ""
        assert "strookt" not in row["reason"] and "wijkt af" not in row["reason"]
        assert "Niet te toetsen" in row["reason"]


def test_no_row_is_contrary_unless_under_every_variant(real):
    for found in ev.advice_evidence(real):
        if found.evidence == "contrary":
            assert all(value == "contrary" for value in found.depends_on.values())


def test_expertise_centre_with_nzkg_depends_on_the_scale_rule(table, real):
    # NZKG names E/D where it is strong and NHN and IJmond fall short: with B/C only, little counts;
    # with any level of cooperation, both NHN and IJmond can get help on two items or more.
    row = table.loc[("NHN+IJmond+NZKG", "expertisecentrum")]
    assert row["evidence"] == "partly"
    assert "scale=cooperation" in row["depends_on"] and "scale=national_first" in row["depends_on"]
    found = next(f for f in ev.advice_evidence(real) if f.advice.scenario == "expertisecentrum")
    assert found.depends_on["scale=cooperation"] == "supported"


def test_who_can_supply_what_for_nhn(real):
    # Of NHN's five needs, NZKG is strong on four and IJmond on three (the example).
    supply = ev.supply(real, "NHN")
    assert supply["item"].nunique() == 5
    strong = supply.groupby("supplier")["item"].nunique()
    assert strong["NZKG"] == 4 and strong["IJmond"] == 3
    innovation = supply[(supply["item"] == "innovatie") & (supply["supplier"] == "NZKG")].iloc[0]
    assert (innovation["supplier_levels"], bool(innovation["counts"])) == ("E/D", False)


def test_provincial_tasks_rest_on_the_shared_wish_not_on_a_gap(table):
    # IJmond's and NZKG's own standing on nature is ?, but all three see added value and name a
    # regional level: that is the report's reason (one client), not that one is weak.
    row = table.loc[("NHN+IJmond+NZKG", "taakoverdracht")]
    assert row["evidence"] == "supported"
    assert "Natuurbescherming" in row["facts"]


def test_nzkg_joining_the_federation_bears_out_the_reports_caution(table):
    row = table.loc[("NHN+IJmond+NZKG", "federatie")]
    assert row["evidence"] == "supported"
    assert "brengen op 4 onderdelen, halen op 0" in row["facts"]
    assert row["agreement"] != "differs"


def test_covenant_row_and_ofgv_rest_on_advisor_scores_with_the_mark(table):
    row = table.loc[("NHN+IJmond+NZKG+OFGV", "convenant")]
    assert "†" in row["facts"]


def test_evidence_without_the_advisors_scores(real):
    without = {
        (f.advice.coalition, f.advice.scenario): f
        for f in ev.advice_evidence(real, Reading(advisor="exclude"))
    }
    ofgv = without[("NHN+IJmond+NZKG+OFGV", "expertisecentrum")]
    assert ofgv.evidence in ev.EVIDENCE


def test_write_tables(real, tmp_path):
    paths = ev.write_tables(real, tmp_path)
    assert set(paths) == {"coalition_items", "coalition_scenarios", "advice_comparison", "supply"}
    comparison = pd.read_csv(paths["advice_comparison"], keep_default_na=False)
    assert list(comparison.columns) == list(ev.COMPARISON_COLUMNS)
    supply = pd.read_csv(paths["supply"], keep_default_na=False)
    assert list(supply.columns) == list(ev.SUPPLY_COLUMNS)
    first = paths["advice_comparison"].read_bytes()
    ev.write_tables(real, tmp_path)
    assert paths["advice_comparison"].read_bytes() == first


def test_advice_words(real):
    words = ev.advice_words(real, "NHN", "nl")
    assert words == "federatie NHN en IJmond; expertisecentrum NHN, IJmond en NZKG (aangeraden) en 4 opties"
    assert ev.advice_words(real, "OFGV", "nl") == "expertisecentrum NHN, IJmond, NZKG en OFGV (optie)"


def test_the_advice_data_are_checked(tmp_path):
    import shutil

    from odsamen.analysis.data import DataError

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / "advice.csv"
    frame = pd.read_csv(path, keep_default_na=False, dtype=str)
    frame.loc[0, "test"] = "vote"
    frame.loc[1, "focus"] = "OFGV"
    frame.loc[2, "about"] = "geluid"
    frame.to_csv(path, index=False, lineterminator="\n")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    message = str(caught.value)
    assert "advice.csv, regel 2, kolom 'test'" in message
    assert "advice.csv, regel 3, kolom 'focus'" in message
    assert "advice.csv, regel 4, kolom 'about'" in message
