"""Affinity lenses: yes/no/undetermined per item, the basis of every value, the readings,
the verdict on the best partner, sensitivity and clustering.

Most tests use a tiny hand-made data folder whose every value is worked out by
hand in :func:`tiny`; a few check the real data and a 28-service copy.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from odsamen.analysis import affinity as af
from odsamen.analysis import clustering
from odsamen.analysis.data import load_dataset
from odsamen.analysis.scoring import READINGS, Reading
from odsamen.catalogue import LANGUAGES, WORDS

DATA = Path(__file__).resolve().parents[1] / "data"
CODEBOOK = load_dataset(DATA)
ITEMS = {dimension: CODEBOOK.item_codes(dimension) for dimension in ("robustness", "task")}
"""The report's items per dimension, as ``data/items.csv`` gives them."""
ALL_ITEMS = ITEMS["robustness"] + ITEMS["task"]


def write_folder(
    folder: Path, services: list[str], scores: dict, prefs: dict, advisor: set | frozenset = frozenset()
) -> Path:
    """A valid data folder: every score ``-`` and every preference ``?`` unless given.

    ``scores`` maps (service, item, measure) to a symbol; ``prefs`` maps
    (service, item) to levels such as ``"B/C"``, or to a dict of aspect to
    levels; ``advisor`` holds (service, dimension) pairs whose scores the
    advisors filled in. With the defaults every score says "falls short, no
    added value" and every preference is open.
    """
    folder.mkdir(parents=True)
    for name in ("items.csv", "scale_levels.csv", "scenarios.csv", "assessment.csv"):
        shutil.copy(DATA / name, folder / name)
    (folder / "advice.csv").write_text(
        (DATA / "advice.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
    )
    with (folder / "services.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name_nl", "name_en", "region", "context_nl", "context_en", "context_page"])
        writer.writerows(
            [c, f"Dienst {c}", f"Service {c}", "Regio", "Situatie", "Situation", 7] for c in services
        )
    with (folder / "scores.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["service", "dimension", "item", "measure", "score", "source"])
        for service in services:
            for dimension, items in ITEMS.items():
                source = "advisor" if (service, dimension) in advisor else "self"
                for item in items:
                    for measure in ("meets", "added_value"):
                        score = scores.get((service, item, measure), "-")
                        writer.writerow([service, dimension, item, measure, score, source])
    with (folder / "scale_preferences.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["service", "dimension", "item", "aspect", "levels", "note", "note_en"])
        for service in services:
            for dimension, items in ITEMS.items():
                for item in items:
                    cell = prefs.get((service, item), "?")
                    aspects = cell if isinstance(cell, dict) else {"": cell}
                    for aspect, levels in aspects.items():
                        writer.writerow([service, dimension, item, aspect, levels, "", ""])
    return folder


@pytest.fixture
def tiny(tmp_path: Path):
    """Three services, codebook order X, Z, Y (not alphabetical, to test tie-breaking).

    Preferences (all other cells ``?``, i.e. open):
      omvang             X A      Y A      -> both alone: no agreement (0), not regional
      kwaliteitscriteria X B      Y C      -> both regional: grouped 1, exact 0
      innovatie          X B/E    Z ?      -> open for X-Z
      weerstandsvermogen X E      Z D      -> both national: grouped 1, exact 0
      zzs                X C      Y B      -> both regional
    scale_agreement: X-Y (omvang 0, kwaliteitscriteria 1, zzs 1) = 2/3 on 3 items (exact 0);
    X-Z (weerstandsvermogen) = 1 on 1 item (exact 0); Z-Y nothing in common: NaN on 0.

    Scores (default ``-`` for both measures: falls short, no added value):
      kwaliteitscriteria added X +, Y +            -> shared; with both regional: joint agenda X-Y
      zzs                added X +, Y ?            -> undetermined for X-Y (shared, joint)
      uh_strategie       X meets ++, Y added +     -> X gives to Y
      datagedreven       Y meets +, Z meets ?, Z added ++ -> undetermined for Y-Z (the ? is not weak)
      energietransitie   added X +, Z + (Z's task scores are the advisors')
    Z's task scores are advisor-filled.
    """
    scores = {
        ("X", "kwaliteitscriteria", "added_value"): "+",
        ("Y", "kwaliteitscriteria", "added_value"): "+",
        ("X", "zzs", "added_value"): "+",
        ("Y", "zzs", "added_value"): "?",
        ("X", "uh_strategie", "meets"): "++",
        ("Y", "uh_strategie", "added_value"): "+",
        ("Y", "datagedreven", "meets"): "+",
        ("Z", "datagedreven", "meets"): "?",
        ("Z", "datagedreven", "added_value"): "++",
        ("X", "energietransitie", "added_value"): "+",
        ("Z", "energietransitie", "added_value"): "+",
    }
    prefs = {
        ("X", "omvang"): "A",
        ("Y", "omvang"): "A",
        ("X", "kwaliteitscriteria"): "B",
        ("Y", "kwaliteitscriteria"): "C",
        ("X", "innovatie"): "B/E",
        ("X", "weerstandsvermogen"): "E",
        ("Z", "weerstandsvermogen"): "D",
        ("X", "zzs"): "C",
        ("Y", "zzs"): "B",
    }
    folder = write_folder(tmp_path / "tiny", ["X", "Z", "Y"], scores, prefs, advisor={("Z", "task")})
    return load_dataset(folder)


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA)


def pair(table: pd.DataFrame, lens: str, a: str, b: str) -> pd.Series:
    rows = table[(table["lens"] == lens) & (table["service_a"] == a) & (table["service_b"] == b)]
    assert len(rows) == 1
    return rows.iloc[0]


# --- yes, no and undetermined ------------------------------------------------------------------------


def test_three_valued_and_or():
    nan = np.nan
    assert np.array_equal(
        af.all_of(np.array([1, 1, 0, nan]), np.array([1, nan, nan, nan])), [1, nan, 0, nan], equal_nan=True
    )
    assert np.array_equal(
        af.any_of(np.array([0, 0, 1, nan]), np.array([0, nan, nan, nan])), [0, nan, 1, nan], equal_nan=True
    )


def test_unknown_score_is_never_weak_nor_strong(tiny):
    facts = af.states(tiny)
    z, k = facts.codes.index("Z"), facts.items.index("datagedreven")
    assert np.isnan(facts.weak[z, k]) and np.isnan(facts.strong[z, k])
    assert facts.weak[facts.codes.index("Y"), facts.items.index("uh_strategie")] == 1


# --- the lenses, with their basis ----------------------------------------------------------------------


@pytest.mark.parametrize("lens", af.LENSES)
def test_every_lens_is_symmetric_with_blank_diagonal(tiny, lens):
    matrix = af.lens_matrix(tiny, lens)
    assert list(matrix.index) == ["X", "Z", "Y"]
    assert np.isnan(np.diag(matrix.to_numpy())).all()
    values = matrix.to_numpy()
    assert np.array_equal(values, values.T, equal_nan=True)
    basis = af.lens_basis(tiny, lens).to_numpy()
    assert np.array_equal(basis, basis.T)


def test_scale_agreement_groups_letters_and_alone_is_no_agreement(tiny):
    table = af.pair_affinity(tiny)
    xy = pair(table, "scale_agreement", "X", "Y")
    # omvang: both only "alone" -> 0 (the old Jaccard on letters gave 1); kwaliteitscriteria B vs C
    # and zzs C vs B -> 1 each (the old one gave 0).
    assert (xy["value"], xy["n_items"]) == (pytest.approx(2 / 3), 3)
    xz = pair(table, "scale_agreement", "X", "Z")
    assert (xz["value"], xz["n_items"]) == (1.0, 1)  # Z's open innovatie cell lowers the basis, not the value
    zy = pair(table, "scale_agreement", "Z", "Y")
    assert np.isnan(zy["value"]) and zy["n_items"] == 0


def test_scale_agreement_exact_letters_is_a_reading(tiny):
    table = af.pair_affinity(tiny, levels="exact")
    assert pair(table, "scale_agreement", "X", "Y")["value"] == 0.0
    assert pair(table, "scale_agreement", "X", "Z")["value"] == 0.0


def test_joint_agenda_needs_both_regional_and_both_added_value(tiny):
    table = af.pair_affinity_items(tiny)
    xy = pair(table, "joint_agenda", "X", "Y")
    assert xy["items"] == ["kwaliteitscriteria"]
    # zzs is regional for both, but Y's added value is ?: undetermined, so 16 of 17 items are determined.
    assert (xy["value"], xy["n_items"]) == (1, 16)
    assert "zzs" not in xy["basis_items"]
    assert pair(table, "shared_regional", "X", "Y")["items"] == ["kwaliteitscriteria", "zzs"]


def test_complementarity_leaves_unknown_undetermined(tiny):
    table = af.pair_affinity_items(tiny)
    xy = pair(table, "complementarity", "X", "Y")
    assert xy["items"] == ["uh_strategie"]
    zy = pair(table, "complementarity", "Z", "Y")
    # Y is strong on datagedreven and Z sees added value, but Z's own score is ?: not weak, not counted.
    assert zy["value"] == 0 and "datagedreven" not in zy["basis_items"]
    directed = af.complementarity_directed(tiny)
    assert directed.at["X", "Y"] == 1 and directed.at["Y", "X"] == 0 and directed.at["Y", "Z"] == 0


def test_shares_and_low_evidence(tiny):
    table = af.pair_affinity(tiny)
    xy = pair(table, "joint_agenda", "X", "Y")
    assert xy["share"] == pytest.approx(1 / 16) and not xy["low_evidence"]
    assert pair(table, "scale_agreement", "X", "Y")["low_evidence"]  # 2 of 17 items
    assert list(table.columns) == list(af.PAIR_AFFINITY_COLUMNS)


def test_dimension_limits_the_items(tiny):
    table = af.pair_affinity(tiny, dimension="robustness")
    assert pair(table, "joint_agenda", "X", "Y")["n_items"] == len(ITEMS["robustness"])


# --- advisor-filled scores -----------------------------------------------------------------------------


def test_advisor_items_are_marked_and_can_be_left_out(tiny):
    included = af.pair_affinity_items(tiny)
    xz = pair(included, "shared_added_value", "X", "Z")
    assert xz["items"] == ["energietransitie"] and xz["advisor_items"] == ["energietransitie"]
    assert xz["n_items"] == len(ALL_ITEMS)
    excluded = af.pair_affinity_items(tiny, advisor="exclude")
    xz = pair(excluded, "shared_added_value", "X", "Z")
    # Z's task scores are gone; a task where X sees no added value is still a determined "no".
    assert xz["value"] == 0 and xz["n_items"] == len(ALL_ITEMS) - 2
    # Preferences carry no source: the preference lenses do not move.
    assert pair(excluded, "scale_agreement", "X", "Z")["value"] == 1.0


def test_bad_readings_are_refused(tiny):
    with pytest.raises(ValueError, match="advisor"):
        af.pair_affinity(tiny, advisor="maybe")
    with pytest.raises(ValueError, match="scale levels"):
        af.pair_affinity(tiny, levels="letters")
    with pytest.raises(ValueError, match="unknown lens"):
        af.lens_matrix(tiny, "combined")


# --- partners, ties and close calls --------------------------------------------------------------------


def test_best_partners_rank_by_share_with_basis(tiny):
    partners = af.best_partners(tiny, "X")
    joint = partners[partners["lens"] == "joint_agenda"]
    assert list(joint["partner"]) == ["Y", "Z"]
    assert list(joint["n_items"]) == [16, 16]  # Z-X: energietransitie has no preference from either


def test_a_small_lead_is_a_close_call_not_a_winner(tiny):
    # Y leads Z by 1/16 on X's joint agenda: less than the margin, so no best partner.
    found = af.partner_verdict(tiny, "X")
    assert found.best is None and found.reason == "margin"
    assert found.close == ["Y", "Z"]


def test_a_clear_lead_under_every_reading_is_the_best(real):
    found = af.partner_verdict(real, "NHN")
    assert (found.best, found.reason) == ("IJmond", "clear")
    row = found.default_row("IJmond")
    assert (row["value"], row["n_items"]) == (11, 14)
    assert set(found.table["reading"]) == set(READINGS)


def test_real_close_calls_and_thin_evidence(real):
    nzkg = af.partner_verdict(real, "NZKG")
    assert nzkg.best is None and set(nzkg.close) == {"NHN", "IJmond"}
    ofgv = af.partner_verdict(real, "OFGV")
    assert ofgv.best is None and ofgv.reason == "evidence"


def test_leader_that_changes_with_the_reading(real):
    found = af.partner_verdict(real, "NHN", lens="scale_agreement")
    assert found.reason == "reading"
    leaders = found.leaders()
    assert leaders[Reading()] == ["IJmond"]
    assert leaders[Reading(levels="exact")] == ["OFGV"]


def test_top_pair_of_the_real_data(real):
    top = af.top_pair(real)
    assert top["pairs"] == ["NHN–IJmond"] and top["stable"]
    assert (top["value"], top["n_items"]) == (11, 14)


def test_competition_rank_ignores_float_noise():
    ranks = af.competition_rank(pd.Series([0.1 + 0.2, 0.3, 0.2, np.nan]))
    assert list(ranks[:3]) == [1, 1, 3] and pd.isna(ranks.iloc[3])


# --- sensitivity ---------------------------------------------------------------------------------------


def test_sensitivity_values_only_rows_that_change(tiny):
    table = af.sensitivity_values(tiny)
    assert list(table.columns) == list(af.SENSITIVITY_COLUMNS)
    # The reading of ? enters no lens, so it changes no row on its own.
    assert not table["changed_by"].str.contains("unknown").any()
    xz_scale = table[
        (table["lens"] == "scale_agreement") & (table["service_a"] == "X") & (table["service_b"] == "Z")
    ]
    assert xz_scale.iloc[0][["share_low", "share_high", "changed_by"]].tolist() == [0.0, 1.0, "levels"]
    xz_added = table[
        (table["lens"] == "shared_added_value") & (table["service_a"] == "X") & (table["service_b"] == "Z")
    ]
    row = xz_added.iloc[0]
    assert (row["n_low"], row["n_high"], row["changed_by"]) == (15, 17, "advisor")
    # X-Y's complementarity rests on no advisor score and no preference: no reading changes it.
    assert table[
        (table["lens"] == "complementarity") & (table["service_a"] == "X") & (table["service_b"] == "Y")
    ].empty


def test_sensitivity_verdicts(real):
    table = af.sensitivity(real)
    joint = table[table["lens"] == "joint_agenda"].set_index("service")
    assert joint.at["NHN", "best"] == "IJmond" and joint.at["IJmond", "best"] == "NHN"
    assert joint.at["NZKG", "best"] == "" and joint.at["NZKG", "reason"] == "margin"


# --- profiles and clustering ------------------------------------------------------------------------------


def test_service_profile_by_hand(tiny):
    profile = af.service_profile(tiny, unknown="missing").set_index(["service", "dimension", "measure"])
    row = profile.loc[("Z", "task", "meets")]
    assert (row["n_known"], row["n_unknown"]) == (10, 1)
    assert row["mean_score"] == pytest.approx((9 * -1 + 1 * -1) / 10)
    excluded = af.service_profile(tiny, advisor="exclude")
    assert ("Z", "task") not in set(zip(excluded["service"], excluded["dimension"], strict=True))


def test_service_distances_keep_the_best_pair_off_zero():
    shares = pd.DataFrame(
        [[np.nan, 0.8, 0.2], [0.8, np.nan, np.nan], [0.2, np.nan, np.nan]],
        index=list("abc"),
        columns=list("abc"),
    )
    distance = clustering.service_distances(shares)
    assert distance.at["a", "b"] == pytest.approx(0.2)
    assert distance.at["b", "c"] == 1.0
    tree = clustering.service_linkage(shares)
    assert tree[0, 2] == pytest.approx(0.2) and tree[0, 2] > 0


def test_item_profiles_leave_out_advisor_columns(tiny):
    included = clustering.item_profiles(tiny, dimension="task", measure="added_value")
    assert "Z" in included.columns
    excluded = clustering.item_profiles(tiny, dimension="task", measure="added_value", advisor="exclude")
    assert list(excluded.columns) == ["X", "Y"]
    missing = clustering.item_profiles(tiny, dimension="task", measure="added_value", unknown="missing")
    assert np.isnan(missing.at["zzs", "Y"])
    assert clustering.item_linkage(
        tiny, dimension="task", measure="added_value", advisor="exclude"
    ).shape == (10, 4)


def test_merge_steps_name_the_groups_each_merge_joins():
    shares = pd.DataFrame(
        [[np.nan, 0.8, 0.2], [0.8, np.nan, 0.4], [0.2, 0.4, np.nan]],
        index=list("abc"),
        columns=list("abc"),
    )
    steps = clustering.merge_steps(clustering.service_linkage(shares), list(shares.index))
    assert list(steps.columns) == list(clustering.MERGE_COLUMNS)
    assert list(steps["step"]) == [1, 2]
    assert sorted(steps.at[0, "first"] + steps.at[0, "second"]) == ["a", "b"]
    assert sorted(steps.at[1, "first"] + steps.at[1, "second"]) == ["a", "b", "c"]
    # Average linkage: c is 0.8 from a and 0.6 from b, so the second merge is at 0.7.
    assert list(steps["height"]) == pytest.approx([0.2, 0.7])
    assert list(steps["share"]) == pytest.approx([0.8, 0.3])


def test_pair_row_finds_a_pair_named_in_either_order():
    data = load_dataset(DATA)
    table = af.pair_affinity(data)
    row = af.pair_row(table, "joint_agenda", "IJmond", "NHN")
    assert (row["service_a"], row["service_b"], row["lens"]) == ("NHN", "IJmond", "joint_agenda")
    assert row.equals(af.pair_row(table, "joint_agenda", "NHN", "IJmond"))
    with pytest.raises(KeyError, match="NHN–XYZ"):
        af.pair_row(table, "joint_agenda", "NHN", "XYZ")


# --- outputs and words ------------------------------------------------------------------------------------


def test_write_tables(tiny, tmp_path):
    paths = af.write_tables(tiny, tmp_path)
    pairs = pd.read_csv(paths["pair_affinity"], keep_default_na=False)
    assert list(pairs.columns)[: len(af.PAIR_AFFINITY_COLUMNS)] == list(af.PAIR_AFFINITY_COLUMNS)
    row = pairs[
        (pairs["lens"] == "shared_added_value") & (pairs["service_a"] == "X") & (pairs["service_b"] == "Z")
    ]
    assert row.iloc[0]["advisor_items"] == "energietransitie"
    partners = pd.read_csv(paths["partners"], keep_default_na=False)
    x = partners[(partners["service"] == "X") & (partners["lens"] == "joint_agenda")].iloc[0]
    assert (x["best"], x["reason"], x["close"]) == ("", "margin", "Y Z")
    first = paths["pair_affinity"].read_bytes()
    af.write_tables(tiny, tmp_path)
    assert paths["pair_affinity"].read_bytes() == first


@pytest.mark.parametrize("lang", LANGUAGES)
def test_basis_words(lang):
    assert (
        af.basis_text(11, 14, "joint_agenda", lang)
        == {"nl": "11 van 14 onderdelen", "en": "11 of 14 items"}[lang]
    )
    assert af.basis_text(0.6875, 16, "scale_agreement", "nl") == "gemiddeld 0,69 op 16 onderdelen"
    assert af.basis_text(np.nan, 0, "joint_agenda", "nl") == "niet te bepalen"


def test_affinity_words_in_both_languages_without_typed_numbers(real):
    keys = [f"affinity.lens.{lens}" for lens in af.LENSES] + [
        f"affinity.definition.{lens}" for lens in af.LENSES
    ]
    for key in keys:
        assert set(WORDS[key]) == set(LANGUAGES)
        for template in WORDS[key].values():
            assert not re.search(r"\d", re.sub(r"\{[^}]*\}", "", template)), template
    for lang in LANGUAGES:
        for lens in af.LENSES:
            assert "{" not in af.lens_definition(real, lens, lang=lang)


def test_pair_table_is_readable_and_sorted(real):
    table = af.pair_table(real, "joint_agenda", lang="nl")
    assert list(table.columns) == [
        "Dienst",
        "Partner",
        "Uitkomst",
        "Aandeel",
        "Op welke onderdelen",
        "Let op",
    ]
    first = table.iloc[0]
    assert (first["Dienst"], first["Partner"], first["Uitkomst"]) == ("NHN", "IJmond", "11 van 14 onderdelen")
    assert table["Aandeel"].is_monotonic_decreasing
    ofgv = table[(table["Partner"] == "OFGV") & table["Dienst"].isin(["NHN", "IJmond"])]
    assert (ofgv["Let op"] == "rust op weinig onderdelen").all()
    advised = af.pair_table(real, "shared_added_value", lang="nl")
    assert advised["Op welke onderdelen"].str.contains("†").any()


def scaled_copy(tmp_path: Path, copies: int) -> Path:
    """The real data with every service repeated ``copies`` times under new codes, scores rotated."""
    real = load_dataset(DATA)
    folder = tmp_path / "many"
    folder.mkdir()
    for name in ("items.csv", "scale_levels.csv", "scenarios.csv", "assessment.csv"):
        shutil.copy(DATA / name, folder / name)
    (folder / "advice.csv").write_text(
        (DATA / "advice.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
    )
    tables = {
        "services.csv": pd.read_csv(DATA / "services.csv", dtype=str),
        "scores.csv": pd.read_csv(DATA / "scores.csv", dtype=str),
        "scale_preferences.csv": pd.read_csv(
            DATA / "scale_preferences.csv", dtype=str, keep_default_na=False
        ),
    }
    symbols = ["--", "-", "-/+", "?", "+", "++"]
    for name, table in tables.items():
        key = "code" if name == "services.csv" else "service"
        parts = []
        for k in range(copies):
            part = table.assign(**{key: table[key] + f"_{k}"})
            if name == "scores.csv":
                part["score"] = [symbols[(symbols.index(s) + k + i) % 6] for i, s in enumerate(part["score"])]
            parts.append(part)
        pd.concat(parts).to_csv(folder / name, index=False, lineterminator="\n")
    assert len(real.service_codes) * copies == len(load_dataset(folder).service_codes)
    return folder


def test_scales_to_28_services(tmp_path):
    data = load_dataset(scaled_copy(tmp_path, 7))
    for lens in af.LENSES:
        matrix = af.lens_share(data, lens)
        assert matrix.shape == (28, 28)
        assert np.array_equal(matrix.to_numpy(), matrix.T.to_numpy(), equal_nan=True)
    assert len(af.pair_affinity(data)) == 28 * 27 // 2 * len(af.LENSES)
    assert clustering.service_linkage(af.lens_share(data, "joint_agenda")).shape == (27, 4)
    assert len(af.sensitivity(data)) == 28 * len(af.LENSES)
