"""Coalitions, their facts per item, the forms of cooperation and the report's advice beside them.

The hand-made folder of :func:`duo` has every fact worked out by hand; the
real data are checked against the report's advice.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from test_affinity import DATA, write_folder

from odsamen.analysis import coalitions as co
from odsamen.analysis.data import load_dataset
from odsamen.analysis.scoring import Reading


@pytest.fixture
def trio(tmp_path: Path):
    """Three services P, Q, R (codebook order).

    Tasks (all other scores ``-``, all other preferences open):
      uh_strategie      P meets ++ added +, Q meets - added ++; P C, Q B -> exchange (gap Q, supply P)
      datagedreven      P meets + added +,  Q meets - added +;  P B, Q E -> regional fit no (Q national)
      milieucriminaliteit P added +, Q added ?; P B, Q B                    -> shared want undetermined
      energietransitie  P added +, Q added +; P A, Q B                      -> regional fit no (P alone)
      zzs               P added +, Q added +; P C, Q C                      -> agenda, no supply: not exchange
    Robustness:
      taken_en_werkgebied R A  -> R blocks a federation
    """
    scores = {
        ("P", "uh_strategie", "meets"): "++",
        ("P", "uh_strategie", "added_value"): "+",
        ("Q", "uh_strategie", "added_value"): "++",
        ("P", "datagedreven", "meets"): "+",
        ("P", "datagedreven", "added_value"): "+",
        ("Q", "datagedreven", "added_value"): "+",
        ("P", "milieucriminaliteit", "added_value"): "+",
        ("Q", "milieucriminaliteit", "added_value"): "?",
        ("P", "energietransitie", "added_value"): "+",
        ("Q", "energietransitie", "added_value"): "+",
        ("P", "zzs", "added_value"): "+",
        ("Q", "zzs", "added_value"): "+",
    }
    prefs = {
        ("P", "uh_strategie"): "C",
        ("Q", "uh_strategie"): "B",
        ("P", "datagedreven"): "B",
        ("Q", "datagedreven"): "E",
        ("P", "milieucriminaliteit"): "B",
        ("Q", "milieucriminaliteit"): "B",
        ("P", "energietransitie"): "A",
        ("Q", "energietransitie"): "B",
        ("P", "zzs"): "C",
        ("Q", "zzs"): "C",
        ("R", "taken_en_werkgebied"): "A",
    }
    return load_dataset(write_folder(tmp_path / "trio", ["P", "Q", "R"], scores, prefs))


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA)


def facts(table: pd.DataFrame, key: str, item: str) -> dict:
    row = table[(table["coalition"] == key) & (table["item"] == item)].iloc[0]
    return {name: row[name] for name in co.FACTS}


# --- coalitions ----------------------------------------------------------------------------------


def test_every_set_of_two_or_more_for_four_services(real):
    keys = co.coalitions(real)
    assert len(keys) == 11
    assert keys[0] == "NHN+IJmond" and keys[-1] == "NHN+IJmond+NZKG+OFGV"
    assert "NHN+IJmond" in keys and "IJmond+NHN" not in keys  # members in services.csv order
    assert len(co.coalitions_of(real, "OFGV")) == 7


def test_many_services_take_pairs_triples_regions_and_all(tmp_path):
    from odsamen.analysis.synth import write_synthetic

    write_synthetic(8, tmp_path, seed=3, codebook=DATA)
    data = load_dataset(tmp_path)
    keys = co.coalitions(data)
    sizes = pd.Series([len(co.members(key)) for key in keys]).value_counts()
    assert sizes[2] == 28 and sizes[3] == 56 and sizes[8] == 1
    for _region, group in data.services.groupby("region")["code"]:
        if len(group) >= 2:
            assert co.SEPARATOR.join(group) in keys


# --- facts per item ------------------------------------------------------------------------------


def test_facts_by_hand(trio):
    table = co.coalition_items(trio, ["P+Q"])
    assert facts(table, "P+Q", "uh_strategie") == {
        "regional_fit": "yes",
        "shared_want": "yes",
        "gap": "yes",
        "supply": "yes",
        "agenda": "yes",
        "exchange": "yes",
    }
    assert facts(table, "P+Q", "datagedreven")["regional_fit"] == "no"  # Q names only national
    assert facts(table, "P+Q", "energietransitie")["regional_fit"] == "no"  # P wants to stay alone
    assert facts(table, "P+Q", "milieucriminaliteit")["shared_want"] == "undetermined"
    assert facts(table, "P+Q", "milieucriminaliteit")["agenda"] == "undetermined"
    zzs = facts(table, "P+Q", "zzs")
    assert (zzs["agenda"], zzs["gap"], zzs["supply"], zzs["exchange"]) == ("yes", "yes", "no", "no")
    assert facts(table, "P+Q", "kwaliteitscriteria")["regional_fit"] == "undetermined"  # no answers
    basis = table[(table["coalition"] == "P+Q") & (table["item"] == "uh_strategie")]["basis"].iloc[0]
    assert basis == "P meets=++ added=+ levels=C; Q meets=- added=++ levels=B"
    assert list(table.columns) == list(co.ITEM_COLUMNS)


def test_a_member_without_answers_leaves_regional_fit_undetermined(trio):
    table = co.coalition_items(trio, ["P+Q+R"])
    assert facts(table, "P+Q+R", "uh_strategie")["regional_fit"] == "undetermined"
    assert facts(table, "P+Q+R", "datagedreven")["regional_fit"] == "no"


# --- forms -------------------------------------------------------------------------------------------


def verdict_of(table: pd.DataFrame, key: str, scenario: str) -> pd.Series:
    return table[(table["coalition"] == key) & (table["scenario"] == scenario)].iloc[0]


def test_verdicts_by_hand(trio):
    table = co.scenario_verdicts(trio, ["P+Q", "P+R", "P+Q+R"])
    assert list(table.columns) == list(co.SCENARIO_COLUMNS)
    pq = {s: verdict_of(table, "P+Q", s) for s in trio.scenarios["scenario"]}
    # Agenda: uh_strategie and zzs (2 items; a convenant fits from 3, partly from 1).
    assert (pq["convenant"]["verdict"], pq["convenant"]["n_items"]) == ("partly", 2)
    assert pq["convenant"]["items"] == "uh_strategie;zzs"
    # One exchange item: an expertise centre fits partly (fits from 2).
    assert (pq["expertisecentrum"]["verdict"], pq["expertisecentrum"]["items"]) == ("partly", "uh_strategie")
    # Federation: 2 of the determined items; most items are 'no' (both see no added value).
    assert pq["federatie"]["verdict"] == "does_not_fit"
    assert pq["fusie"]["verdict"] == "undetermined"
    assert "financiën" in pq["fusie"]["reason"]
    # R wants to stay alone on tasks and territory: that blocks a federation with R.
    pr = verdict_of(table, "P+R", "federatie")
    assert pr["verdict"] == "does_not_fit" and "R" in pr["reason"] and "Taken en werkgebied" in pr["reason"]


def test_thresholds_come_from_the_data(trio):
    scenarios = trio.scenarios.copy()
    scenarios.loc[scenarios["scenario"] == "convenant", "fits_at"] = 2.0
    table = co.scenario_verdicts(dataclasses.replace(trio, scenarios=scenarios), ["P+Q"])
    assert verdict_of(table, "P+Q", "convenant")["verdict"] == "fits"


def test_near_misses_are_named(trio):
    table = co.scenario_verdicts(trio, ["P+Q"], lang="en")
    reason = verdict_of(table, "P+Q", "expertisecentrum")["reason"]
    assert "Nearly such items" in reason and "‘Data-driven working’ (not regional: Q)" in reason


def test_sensitivity_names_thresholds(trio):
    changes = co.scenario_sensitivity(trio, ["P+Q"])
    convenant = changes[changes["scenario"] == "convenant"].iloc[0]
    assert convenant["verdict"] == "partly" and "fits" in convenant["other_verdicts"]
    assert convenant["changed_by"] == "thresholds"


# --- the real data and the report's advice ------------------------------------------------------------


def test_real_verdicts(real):
    table = co.scenario_verdicts(real)
    assert verdict_of(table, "NHN+IJmond", "federatie")["verdict"] == "fits"
    assert verdict_of(table, "NHN+IJmond", "convenant")["verdict"] == "fits"
    assert (table[table["scenario"] == "fusie"]["verdict"] == "undetermined").all()
    assert co.strongest_coalition(real, "NHN", table) == "NHN+IJmond"


def test_advice_beside_the_data(real):
    table = co.advice_comparison(real)
    assert list(table.columns) == list(co.COMPARISON_COLUMNS)
    assert len(table) == len(real.advice)
    federation = table[(table["coalition"] == "NHN+IJmond") & (table["scenario"] == "federatie")].iloc[0]
    assert (federation["verdict"], federation["agreement"]) == ("fits", "consistent")
    centre = table[
        (table["coalition"] == "NHN+IJmond+NZKG") & (table["scenario"] == "expertisecentrum")
    ].iloc[0]
    # NZKG names national levels where it is strong: the data differ from the advice, and say why.
    assert centre["agreement"] == "differs" and "niet regionaal: NZKG" in centre["reason"]
    mergers = table[table["scenario"] == "fusie"]
    assert (mergers["agreement"] == "consistent").all()


def test_agreement_rules_cover_every_stance_and_verdict():
    assert {(s, v) for s in co.STANCES for v in co.VERDICTS} == set(co.AGREEMENT_RULES)


def test_advisor_reading_changes_verdicts_with_ofgv(real):
    default = co.scenario_verdicts(real, ["NHN+OFGV"])
    without = co.scenario_verdicts(real, ["NHN+OFGV"], Reading(advisor="exclude"))
    assert not default["verdict"].equals(without["verdict"])


def test_write_tables(real, tmp_path):
    paths = co.write_tables(real, tmp_path)
    items = pd.read_csv(paths["coalition_items"], keep_default_na=False)
    assert list(items.columns) == list(co.ITEM_COLUMNS)
    assert len(items) == 11 * len(real.items)
    scenarios = pd.read_csv(paths["coalition_scenarios"], keep_default_na=False)
    assert list(scenarios.columns) == list(co.SCENARIO_COLUMNS)
    assert set(scenarios["verdict"]) <= set(co.VERDICTS)
    first = paths["coalition_scenarios"].read_bytes()
    co.write_tables(real, tmp_path)
    assert paths["coalition_scenarios"].read_bytes() == first


def test_advice_words(real):
    words = co.advice_words(real, "NHN", "nl")
    assert words == "federatie NHN en IJmond; expertisecentrum NHN, IJmond en NZKG (aangeraden) en 4 opties"
    assert co.advice_words(real, "OFGV", "nl") == "expertisecentrum NHN, IJmond, NZKG en OFGV (optie)"


def test_no_advice_is_no_error(trio):
    assert trio.advice.empty
    assert co.advice_words(trio, "P", "nl") == "geen"
    assert co.advice_comparison(trio).empty
    assert co.involving(trio.advice, "P").empty


def test_strongest_coalition_and_the_advisor_reading(real):
    # OFGV's strongest groups rest on items that are undetermined without the advisors' scores.
    assert co.strongest_holds(real, "NHN")
    assert not co.strongest_holds(real, "OFGV")
    assert co.other_advisor_reading(Reading(advisor="exclude")) == Reading()


def test_advice_sensitivity_names_what_moves_a_comparison(real, trio):
    moves = co.advice_sensitivity(real)
    assert list(moves.columns) == ["coalition", "scenario", "agreement", "other", "changed_by"]
    row = moves[(moves["coalition"] == "NHN+IJmond+NZKG") & (moves["scenario"] == "federatie")].iloc[0]
    # One step looser (a share of 0.2 is enough for 'partly') and the data agree with the report.
    assert (row["agreement"], row["other"], row["changed_by"]) == (
        "differs",
        "consistent",
        "thresholds=looser",
    )
    assert not moves["changed_by"].str.contains("unknown").any()
    assert co.advice_sensitivity(trio).empty
