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
      taken_en_werkgebied R A  -> R would rather do this itself; never a veto
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


def test_many_services_take_pairs_regions_advice_and_each_ones_strongest_groups(tmp_path):
    from odsamen.analysis.affinity import HEADLINE_LENS, compute
    from odsamen.analysis.synth import write_synthetic

    codes = write_synthetic(8, tmp_path, seed=3, codebook=DATA).service_codes
    named = "+".join(codes[k] for k in (0, 3, 6, 7))
    (tmp_path / "advice.csv").write_text(
        (DATA / "advice.csv").read_text(encoding="utf-8").splitlines()[0]
        + f"\n{named},convenant,option,p. 1,Een groep.,A group.,none,,all,Reden.,Reason.,niets,nothing\n",
        encoding="utf-8",
    )
    data = load_dataset(tmp_path)
    keys = co.coalitions(data)
    assert len(keys) == len(set(keys))
    sizes = pd.Series([len(co.members(key)) for key in keys]).value_counts()
    assert sizes[2] == 28  # every pair
    assert sizes[3] < 56 and len(codes) not in sizes  # not every triple, no group of all
    for _region, group in data.services.groupby("region", sort=False)["code"]:
        if len(group) >= 2:
            assert co.SEPARATOR.join(group) in keys
    assert named in keys  # named in advice.csv
    # Each service with its three best partners on the joint agenda, every two and all three.
    value = compute(data, HEADLINE_LENS).value
    for i, code in enumerate(codes):
        best = sorted((j for j in range(len(codes)) if j != i), key=lambda j: (-value[i, j], j))[:3]
        group = co.SEPARATOR.join(codes[k] for k in sorted([i, *best]))
        assert group in keys, (code, group)
        first_two = co.SEPARATOR.join(codes[k] for k in sorted([i, *best[:2]]))
        assert first_two in keys
    # Smaller coalitions first, then codebook order.
    assert [len(co.members(key)) for key in keys] == sorted(len(co.members(key)) for key in keys)


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
    assert "kosten, draagvlak en bestuur" in pq["fusie"]["reason"]


def test_level_a_is_no_veto(trio):
    # R names only A for tasks and territory: it would rather do that itself, which rules nothing out.
    pr = verdict_of(co.scenario_verdicts(trio, ["P+R"]), "P+R", "federatie")
    assert "blok" not in pr["reason"] and "zelfstandig" not in pr["reason"]
    assert "blocking_items" not in trio.scenarios.columns


def test_exchange_needs_only_the_helper_and_the_helped(tmp_path):
    # A third member that names national levels does not stop one member from helping another.
    scores = {
        ("P", "innovatie", "meets"): "--",
        ("P", "innovatie", "added_value"): "++",
        ("Q", "innovatie", "meets"): "+",
        ("Q", "innovatie", "added_value"): "+",
    }
    prefs = {("P", "innovatie"): "B", ("Q", "innovatie"): "B", ("R", "innovatie"): "E"}
    data = load_dataset(write_folder(tmp_path / "x", ["P", "Q", "R"], scores, prefs))
    table = co.coalition_items(data, ["P+Q+R"])
    assert facts(table, "P+Q+R", "innovatie")["exchange"] == "yes"
    assert facts(table, "P+Q+R", "innovatie")["regional_fit"] == "no"


def test_thresholds_come_from_the_data(trio):
    scenarios = trio.scenarios.copy()
    scenarios.loc[scenarios["scenario"] == "convenant", "fits_at"] = 2.0
    table = co.scenario_verdicts(dataclasses.replace(trio, scenarios=scenarios), ["P+Q"])
    assert verdict_of(table, "P+Q", "convenant")["verdict"] == "fits"


def test_near_misses_are_named(trio):
    table = co.scenario_verdicts(trio, ["P+Q"], lang="en")
    reason = verdict_of(table, "P+Q", "expertisecentrum")["reason"]
    assert "‘Data-driven working’ (another scale level named: Q)" in reason


def test_no_answer_is_not_given_never_not_regional(real):
    table = co.scenario_verdicts(real, ["NHN+NZKG+OFGV"])
    reason = verdict_of(table, "NHN+NZKG+OFGV", "expertisecentrum")["reason"]
    assert "niet regionaal" not in reason
    assert "niet opgegeven: OFGV" in reason


def test_sensitivity_names_the_rule_variants(trio):
    changes = co.scenario_sensitivity(trio, ["P+Q"])
    convenant = changes[changes["scenario"] == "convenant"].iloc[0]
    assert convenant["verdict"] == "partly" and "fits" in convenant["other_verdicts"]
    # Datagedreven (Q names E) joins the agenda when national levels count too.
    assert convenant["changed_by"] == "scale=cooperation; scale=national_first; thresholds=looser"


def test_rules_and_their_variants():
    assert co.Rules().changes() == []
    assert [", ".join(r.changes()) for r in co.RULE_VARIANTS] == [
        "scale=cooperation",
        "scale=national_first",
        "own_unknown=not_fully",
        "thresholds=stricter",
        "thresholds=looser",
    ]
    with pytest.raises(ValueError, match="scale"):
        co.Rules(scale="national")


def test_scale_rule_national_first_counts_national_levels_on_flagged_items_only(real):
    # NZKG names E/D on innovatie (flagged regional_start) and E on U&H-strategie (not flagged).
    facts_default = co.rule_states(real)
    first = co.rule_states(real, rules=co.Rules(scale="national_first"))
    wide = co.rule_states(real, rules=co.Rules(scale="cooperation"))
    nzkg = real.service_codes.index("NZKG")
    innovation, strategy = facts_default.items.index("innovatie"), facts_default.items.index("uh_strategie")
    assert facts_default.regional[nzkg, innovation] == 0 and first.regional[nzkg, innovation] == 1
    assert first.regional[nzkg, strategy] == 0 and wide.regional[nzkg, strategy] == 1


# --- the real data -----------------------------------------------------------------------------------


def test_real_verdicts(real):
    table = co.scenario_verdicts(real)
    assert verdict_of(table, "NHN+IJmond", "federatie")["verdict"] == "fits"
    assert verdict_of(table, "NHN+IJmond", "convenant")["verdict"] == "fits"
    assert (table[table["scenario"] == "fusie"]["verdict"] == "undetermined").all()


def test_advisor_reading_changes_verdicts_with_ofgv(real):
    default = co.scenario_verdicts(real, ["NHN+OFGV"])
    without = co.scenario_verdicts(real, ["NHN+OFGV"], Reading(advisor="exclude"))
    assert not default["verdict"].equals(without["verdict"])
    assert co.other_advisor_reading(Reading(advisor="exclude")) == Reading()


def test_no_advice_is_no_error(trio):
    assert trio.advice.empty
    assert co.involving(trio.advice, "P").empty
