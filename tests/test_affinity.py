"""Affinity lenses, pair tables, rankings, profiles, clustering and sensitivity.

Most tests use a tiny hand-made data folder whose every lens value is worked
out by hand in :func:`tiny`; a few check the real data and a 28-service copy.
"""

from __future__ import annotations

import csv
import re
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from odsamen import affinity as af
from odsamen.catalogue import LANGUAGES, WORDS
from odsamen.data import ITEMS, load_dataset

DATA = Path(__file__).resolve().parents[1] / "data"
ALL_ITEMS = ITEMS["robustness"] + ITEMS["task"]


def write_folder(folder: Path, services: list[str], scores: dict, prefs: dict) -> Path:
    """A valid data folder: every score ``-`` and every preference ``?`` unless given.

    ``scores`` maps (service, item, measure) to a symbol; ``prefs`` maps
    (service, item) to levels such as ``"B/C"``, or to a dict of aspect to
    levels. With the defaults nothing counts in any lens.
    """
    folder.mkdir(parents=True)
    for name in ("items.csv", "scale_levels.csv"):
        shutil.copy(DATA / name, folder / name)
    with (folder / "services.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name_nl", "name_en", "region"])
        writer.writerows([code, f"Dienst {code}", f"Service {code}", "Regio"] for code in services)
    with (folder / "scores.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["service", "dimension", "item", "measure", "score", "source"])
        for service in services:
            for dimension, items in ITEMS.items():
                for item in items:
                    for measure in ("meets", "added_value"):
                        score = scores.get((service, item, measure), "-")
                        writer.writerow([service, dimension, item, measure, score, "self"])
    with (folder / "scale_preferences.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["service", "dimension", "item", "aspect", "levels", "note"])
        for service in services:
            for dimension, items in ITEMS.items():
                for item in items:
                    cell = prefs.get((service, item), "?")
                    aspects = cell if isinstance(cell, dict) else {"": cell}
                    for aspect, levels in aspects.items():
                        writer.writerow([service, dimension, item, aspect, levels, ""])
    return folder


@pytest.fixture
def tiny(tmp_path: Path):
    """Three services, codebook order X, Z, Y (not alphabetical, to test tie-breaking).

    Preferences (robustness items):
      omvang             X A     Y A              -> Jaccard 1
      kwaliteitscriteria X B/C   Y C/E            -> Jaccard 1/3; both regional
      innovatie          X B     Z B              -> Jaccard 1;   both regional
      bi_en_opleiding    X E     Z opleiding E, bi B/C (union B/C/E) -> Jaccard 1/3
    so scale_agreement X-Y = X-Z = 2/3, Y-Z NaN; shared_regional X-Y = X-Z = 1, Y-Z = 0.

    Scores (task items):
      uh_strategie        X meets ++, Y meets -,  Y added +   -> X gives to Y
      datagedreven        Y meets +,  Z meets ?,  Z added ++  -> Y gives to Z, only with ? neutral
      milieucriminaliteit Z meets +,  X meets -/+, X added +  -> Z gives to X
      ketentoezicht       X meets +,  Y meets -,  Y added ?   -> nothing (no added value)
      energietransitie    added X +, Y ++, Z +                -> shared by all pairs
      zzs                 added X +, Y +                      -> shared by X-Y
    """
    scores = {
        ("X", "uh_strategie", "meets"): "++",
        ("Y", "uh_strategie", "added_value"): "+",
        ("Y", "datagedreven", "meets"): "+",
        ("Z", "datagedreven", "meets"): "?",
        ("Z", "datagedreven", "added_value"): "++",
        ("Z", "milieucriminaliteit", "meets"): "+",
        ("X", "milieucriminaliteit", "meets"): "-/+",
        ("X", "milieucriminaliteit", "added_value"): "+",
        ("X", "ketentoezicht", "meets"): "+",
        ("Y", "ketentoezicht", "added_value"): "?",
        ("X", "energietransitie", "added_value"): "+",
        ("Y", "energietransitie", "added_value"): "++",
        ("Z", "energietransitie", "added_value"): "+",
        ("X", "zzs", "added_value"): "+",
        ("Y", "zzs", "added_value"): "+",
    }
    prefs = {
        ("X", "omvang"): "A",
        ("Y", "omvang"): "A",
        ("X", "kwaliteitscriteria"): "B/C",
        ("Y", "kwaliteitscriteria"): "C/E",
        ("X", "innovatie"): "B",
        ("Z", "innovatie"): "B",
        ("X", "bi_en_opleiding"): "E",
        ("Z", "bi_en_opleiding"): {"opleiding": "E", "bi": "B/C"},
    }
    return load_dataset(write_folder(tmp_path / "tiny", ["X", "Z", "Y"], scores, prefs))


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA)


def value(matrix: pd.DataFrame, a: str, b: str) -> float:
    return float(matrix.at[a, b])


# --- the lenses on hand-made data ------------------------------------------------


@pytest.mark.parametrize("lens", af.LENSES)
@pytest.mark.parametrize("unknown", ["neutral", "missing"])
def test_every_lens_is_symmetric_with_blank_diagonal(tiny, lens, unknown):
    matrix = af.lens_matrix(tiny, lens, unknown=unknown)
    assert list(matrix.index) == ["X", "Z", "Y"]
    assert list(matrix.columns) == ["X", "Z", "Y"]
    assert np.isnan(np.diag(matrix.to_numpy())).all()
    assert matrix.equals(matrix.T)


def test_scale_agreement_by_hand(tiny):
    matrix = af.scale_agreement(tiny)
    assert value(matrix, "X", "Y") == pytest.approx(2 / 3)
    assert value(matrix, "X", "Z") == pytest.approx(2 / 3)
    assert np.isnan(value(matrix, "Y", "Z"))


def test_scale_agreement_pools_aspects(tiny):
    assert af.pair_items(tiny, "scale_agreement", "X", "Z") == ["innovatie", "bi_en_opleiding"]
    assert af.pair_items(tiny, "scale_agreement", "X", "Y") == ["omvang", "kwaliteitscriteria"]


def test_shared_regional_by_hand(tiny):
    matrix = af.shared_regional(tiny)
    assert value(matrix, "X", "Y") == 1
    assert value(matrix, "X", "Z") == 1
    assert value(matrix, "Y", "Z") == 0
    assert af.pair_items(tiny, "shared_regional", "X", "Z") == ["innovatie"]


def test_complementarity_by_hand_and_unknown_matters(tiny):
    neutral = af.complementarity(tiny, unknown="neutral")
    missing = af.complementarity(tiny, unknown="missing")
    assert (value(neutral, "X", "Y"), value(neutral, "Y", "Z"), value(neutral, "X", "Z")) == (1, 1, 1)
    assert (value(missing, "X", "Y"), value(missing, "Y", "Z"), value(missing, "X", "Z")) == (1, 0, 1)
    assert af.pair_items(tiny, "complementarity", "Y", "Z") == ["datagedreven"]
    assert af.pair_items(tiny, "complementarity", "Y", "Z", unknown="missing") == []


def test_complementarity_directed_by_hand(tiny):
    directed = af.complementarity_directed(tiny)
    assert value(directed, "X", "Y") == 1 and value(directed, "Y", "X") == 0
    assert value(directed, "Y", "Z") == 1 and value(directed, "Z", "Y") == 0
    assert value(directed, "Z", "X") == 1 and value(directed, "X", "Z") == 0
    symmetric = directed.fillna(0) + directed.T.fillna(0)
    assert (symmetric.to_numpy() == af.complementarity(tiny).fillna(0).to_numpy()).all()


def test_shared_added_value_by_hand(tiny):
    matrix = af.shared_added_value(tiny)
    assert (value(matrix, "X", "Y"), value(matrix, "X", "Z"), value(matrix, "Y", "Z")) == (2, 1, 1)
    assert af.pair_items(tiny, "shared_added_value", "X", "Y") == ["energietransitie", "zzs"]
    # '?' is never added value, whichever the reading
    assert af.shared_added_value(tiny, unknown="missing").equals(matrix)


def test_dimension_limits_the_items(tiny):
    assert value(af.shared_added_value(tiny, dimension="robustness"), "X", "Y") == 0
    assert value(af.scale_agreement(tiny, dimension="task"), "X", "Y") != value(
        af.scale_agreement(tiny), "X", "Y"
    )
    with pytest.raises(ValueError, match="dimension"):
        af.scale_agreement(tiny, dimension="money")


def test_combined_by_hand(tiny):
    n = len(ALL_ITEMS)
    matrix = af.combined(tiny)
    # X-Y: agreement 2/3, regional 1 of 2 answered in common, give-and-take 1/n, shared 2/n
    assert value(matrix, "X", "Y") == pytest.approx((2 / 3 + 1 / 2 + 1 / n + 2 / n) / 4)
    # Y-Z: no common preference, so only give-and-take and shared added value count
    assert value(matrix, "Y", "Z") == pytest.approx((1 / n + 1 / n) / 2)
    # with ? missing, an item with a '?' drops out of the basis: Z's meets on datagedreven
    # for give-and-take, Y's added value on ketentoezicht for shared added value
    missing = af.combined(tiny, unknown="missing")
    assert value(missing, "Y", "Z") == pytest.approx((0 / (n - 1) + 1 / (n - 1)) / 2)


def test_combined_weights(tiny):
    only = af.combined(tiny, weights={"complementarity": 1.0})
    share = af.lens_share(tiny, "complementarity")
    assert np.allclose(only.to_numpy(), share.to_numpy(), equal_nan=True)
    assert value(only, "X", "Y") == pytest.approx(1 / len(ALL_ITEMS))
    heavy = af.combined(tiny, weights={"scale_agreement": 3.0, "shared_regional": 1.0})
    assert value(heavy, "X", "Y") == pytest.approx((3 * 2 / 3 + 1 / 2) / 4)
    assert af.DEFAULT_WEIGHTS == {lens: 1.0 for lens in af.BASE_LENSES}


@pytest.mark.parametrize("weights", [{"combined": 1.0}, {"scale_agreement": -1.0}, {"shared_regional": 0.0}])
def test_bad_weights_are_refused(tiny, weights):
    with pytest.raises(ValueError, match="weights"):
        af.combined(tiny, weights=weights)


def test_bad_lens_and_unknown_are_refused(tiny):
    with pytest.raises(ValueError, match="lens"):
        af.lens_matrix(tiny, "friendship")
    with pytest.raises(ValueError, match="unknown"):
        af.complementarity(tiny, unknown="zero")


def test_combined_items_are_the_union(tiny):
    union = af.pair_items(tiny, "combined", "X", "Y")
    parts = set()
    for lens in af.BASE_LENSES:
        parts |= set(af.pair_items(tiny, lens, "X", "Y"))
    assert set(union) == parts
    assert union == [item for item in ALL_ITEMS if item in parts]
    assert af.pair_items(tiny, "combined", "X", "Y", weights={"shared_added_value": 1}) == [
        "energietransitie",
        "zzs",
    ]


# --- pair tables and rankings ----------------------------------------------------


def test_pair_affinity_layout(tiny):
    table = af.pair_affinity(tiny)
    assert list(table.columns) == ["service_a", "service_b", "lens", "value"]
    assert len(table) == 3 * len(af.LENSES)
    pairs = list(dict.fromkeys(zip(table["service_a"], table["service_b"], strict=True)))
    assert pairs == [("X", "Z"), ("X", "Y"), ("Z", "Y")]
    assert list(table["lens"][: len(af.LENSES)]) == list(af.LENSES)
    row = table[
        (table["service_a"] == "X") & (table["service_b"] == "Y") & (table["lens"] == "shared_added_value")
    ]
    assert row["value"].item() == 2


def test_pair_affinity_items_match_pair_items(tiny):
    table = af.pair_affinity_items(tiny)
    assert list(table.columns) == ["service_a", "service_b", "lens", "value", "items"]
    for row in table.itertuples(index=False):
        assert row.items == af.pair_items(tiny, row.lens, row.service_a, row.service_b)


def test_best_partners_ties_share_rank_in_codebook_order(tiny):
    partners = af.best_partners(tiny, "X")
    assert list(partners.columns) == ["lens", "rank", "partner", "value", "items"]
    agreement = partners[partners["lens"] == "scale_agreement"]
    # Z and Y tie: both rank 1, Z first because it comes first in the codebook (not alphabetically)
    assert list(agreement["partner"]) == ["Z", "Y"]
    assert list(agreement["rank"]) == [1, 1]
    shared = partners[partners["lens"] == "shared_added_value"]
    assert list(shared["partner"]) == ["Y", "Z"] and list(shared["rank"]) == [1, 2]
    assert shared["items"].iloc[0] == ["energietransitie", "zzs"]


def test_best_partners_puts_unknown_values_last(tiny):
    agreement = af.best_partners(tiny, "Y").query("lens == 'scale_agreement'")
    assert list(agreement["partner"]) == ["X", "Z"]
    assert agreement["rank"].iloc[0] == 1 and pd.isna(agreement["rank"].iloc[1])
    with pytest.raises(ValueError, match="service"):
        af.best_partners(tiny, "Q")


def test_competition_rank_ignores_float_noise():
    ranks = af.competition_rank(pd.Series([0.1 + 0.2, 0.3, 0.1, np.nan]))
    assert list(ranks[:3]) == [1, 1, 3] and pd.isna(ranks[3])


# --- profile -----------------------------------------------------------------------


def test_service_profile_by_hand(tiny):
    neutral = af.service_profile(tiny)
    assert list(neutral.columns) == ["service", "dimension", "measure", "mean_score", "n_known", "n_unknown"]
    assert len(neutral) == 3 * 2 * 2
    assert list(neutral["service"].astype(str).unique()) == ["X", "Z", "Y"]
    row = neutral.query("service == 'Z' and dimension == 'task' and measure == 'meets'").iloc[0]
    # Z on tasks: ? (0), + (1) and nine times - (-1)
    assert row["mean_score"] == pytest.approx(-8 / 11)
    assert (row["n_known"], row["n_unknown"]) == (10, 1)
    missing = af.service_profile(tiny, unknown="missing")
    row = missing.query("service == 'Z' and dimension == 'task' and measure == 'meets'").iloc[0]
    assert row["mean_score"] == pytest.approx(-8 / 10)
    assert (row["n_known"], row["n_unknown"]) == (10, 1)


# --- clustering ---------------------------------------------------------------------


def test_service_linkage_joins_the_closest_pair_first():
    codes = ["P", "Q", "R", "S"]
    similarity = pd.DataFrame(
        [[np.nan, 9, 1, 2], [9, np.nan, 2, 1], [1, 2, np.nan, 8], [2, 1, 8, np.nan]],
        index=codes,
        columns=codes,
    )
    tree = af.service_linkage(similarity)
    assert tree.shape == (3, 4)
    assert sorted(tree[0, :2]) == [0, 1] and tree[0, 2] == 0  # P-Q, the best pair, at distance 0
    assert sorted(tree[1, :2]) == [2, 3] and tree[1, 2] == 1  # R-S, one less
    assert tree[2, 2] == pytest.approx(9 - 1.5)  # average linkage of the two groups


def test_service_linkage_is_nan_safe(tiny):
    distances = af.service_distances(af.scale_agreement(tiny))
    # Y-Z has no value: as far apart as the least similar known pair (here all known pairs are equal)
    assert distances.at["Y", "Z"] == distances.at["X", "Y"] == 0
    assert np.isfinite(af.service_linkage(af.scale_agreement(tiny))).all()
    with pytest.raises(ValueError, match="two"):
        af.service_linkage(pd.DataFrame([[np.nan]], index=["X"], columns=["X"]))


def test_item_linkage_clusters_identical_profiles_first(tiny):
    for unknown in ("neutral", "missing"):
        tree = af.item_linkage(tiny, dimension="robustness", measure="meets", unknown=unknown)
        assert tree.shape == (len(ITEMS["robustness"]) - 1, 4)
        assert np.isfinite(tree).all()
        assert tree[0, 2] == 0  # all robustness profiles are the same (every score '-')
    tree = af.item_linkage(tiny, dimension="task", measure="meets", unknown="missing")
    assert np.isfinite(tree).all()


def test_item_profiles_skip_unknown_scores(tiny):
    profiles = af.item_profiles(tiny, dimension="task", measure="meets", unknown="missing")
    assert list(profiles.columns) == ["X", "Z", "Y"]
    assert np.isnan(profiles.at["datagedreven", "Z"])
    with pytest.raises(ValueError, match="metric"):
        af.item_linkage(tiny, dimension="task", measure="meets", unknown="missing", metric="cosine")


# --- sensitivity --------------------------------------------------------------------


def test_sensitivity_by_hand(tiny):
    table = af.sensitivity(tiny)
    assert list(table.columns) == ["lens", "service", "ranking_neutral", "ranking_missing", "changed"]
    assert len(table) == len(af.LENSES) * 3
    row = table.query("lens == 'complementarity' and service == 'Y'").iloc[0]
    assert (row["ranking_neutral"], row["ranking_missing"], row["changed"]) == ("X = Z", "X > Z", True)
    row = table.query("lens == 'complementarity' and service == 'X'").iloc[0]
    assert (row["ranking_neutral"], row["changed"]) == ("Z = Y", False)
    assert not table.query("lens in ['scale_agreement', 'shared_regional']")["changed"].any()


def test_sensitivity_values_by_hand(tiny):
    table = af.sensitivity_values(tiny)
    assert list(table.columns) == [
        "service_a",
        "service_b",
        "lens",
        "value_neutral",
        "value_missing",
        "difference",
    ]
    row = table.query("lens == 'complementarity' and service_a == 'Z' and service_b == 'Y'").iloc[0]
    assert (row["value_neutral"], row["value_missing"], row["difference"]) == (1, 0, -1)


# --- outputs --------------------------------------------------------------------------


def test_write_tables(tiny, tmp_path):
    paths = af.write_tables(tiny, tmp_path / "reports")
    assert set(paths) == {"pair_affinity", "service_profile"}
    assert paths["pair_affinity"] == tmp_path / "reports" / "tables" / "pair_affinity.csv"
    lines = paths["pair_affinity"].read_text(encoding="utf-8").splitlines()
    assert lines[0] == "service_a,service_b,lens,value"
    assert "X,Z,scale_agreement,0.666667" in lines
    assert "Z,Y,scale_agreement," in lines  # NaN as an empty field
    assert "X,Y,shared_added_value,2" in lines
    profile = paths["service_profile"].read_text(encoding="utf-8").splitlines()
    assert profile[0] == "service,dimension,measure,mean_score,n_known,n_unknown"
    assert "Z,task,meets,-0.727273,10,1" in profile
    first = {name: path.read_bytes() for name, path in paths.items()}
    again = af.write_tables(tiny, tmp_path / "reports")
    assert {name: path.read_bytes() for name, path in again.items()} == first
    assert b"\r\n" not in first["pair_affinity"]


# --- words ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lens_words(tiny, lang):
    labels = [af.lens_label(lens, lang) for lens in af.LENSES]
    assert len(set(labels)) == len(labels)
    neutral = af.lens_definition(tiny, "complementarity", unknown="neutral", lang=lang)
    missing = af.lens_definition(tiny, "complementarity", unknown="missing", lang=lang)
    assert "?" in neutral and "?" not in missing
    assert "B, C" in af.lens_definition(tiny, "shared_regional", lang=lang)
    combined = af.lens_definition(tiny, "combined", weights={"complementarity": 2}, lang=lang)
    assert f"{af.lens_label('complementarity', lang)} 2" in combined
    assert f"{af.lens_label('scale_agreement', lang)} 0" in combined


# --- real data and scale --------------------------------------------------------------


def test_real_data_known_values(real):
    # NHN and OFGV agree on the scale of five of their six common (robustness) items
    assert value(af.scale_agreement(real), "NHN", "OFGV") == pytest.approx(5 / 6)
    # OFGV gave no task preferences and NZKG names no regional level where OFGV does
    assert value(af.shared_regional(real), "NZKG", "OFGV") == 0
    # NZKG is + where NHN is weak and wants help: the three criteria and two tasks
    assert value(af.complementarity_directed(real), "NZKG", "NHN") == 5
    assert af.pair_items(real, "complementarity", "NZKG", "NHN", unknown="missing") == [
        "innovatie",
        "bi_en_opleiding",
        "datagedreven",
        "circulaire_economie",
    ]


def test_real_data_sensitivity_shows_a_change(real):
    table = af.sensitivity(real)
    changed = table[table["changed"]]
    assert ("complementarity", "NHN") in set(zip(changed["lens"], changed["service"], strict=True))
    values = af.sensitivity_values(real)
    assert (values.query("lens == 'scale_agreement'")["difference"] == 0).all()


def scaled_copy(tmp_path: Path, copies: int) -> Path:
    """The real data with every service repeated ``copies`` times under new codes, scores rotated."""
    real = load_dataset(DATA)
    folder = tmp_path / "many"
    folder.mkdir()
    for name in ("items.csv", "scale_levels.csv"):
        shutil.copy(DATA / name, folder / name)
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
    start = time.perf_counter()
    matrices = {lens: af.lens_matrix(data, lens) for lens in af.LENSES}
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    for matrix in matrices.values():
        assert matrix.shape == (28, 28)
        assert matrix.equals(matrix.T)
    table = af.pair_affinity(data)
    assert len(table) == 28 * 27 // 2 * len(af.LENSES)
    assert af.service_linkage(matrices["combined"]).shape == (27, 4)
    assert len(af.sensitivity(data)) == 28 * len(af.LENSES)


def test_affinity_words_in_both_languages_without_typed_numbers():
    keys = [f"affinity.lens.{lens}" for lens in af.LENSES] + [
        f"affinity.definition.{lens}" for lens in af.LENSES
    ]
    for key in keys:
        assert set(WORDS[key]) == set(LANGUAGES)
        for template in WORDS[key].values():
            assert not re.search(r"\d", re.sub(r"\{[^}]*\}", "", template)), template


def test_pair_table_is_readable_and_sorted():
    from odsamen.affinity import pair_table
    from odsamen.data import load_dataset

    data = load_dataset(Path(__file__).resolve().parents[1] / "data")
    table = pair_table(data, "shared_regional", lang="nl")
    assert list(table.columns) == ["Dienst", "Partner", "Gedeelde regionale agenda", "Op welke items"]
    values = table["Gedeelde regionale agenda"]
    assert pd.api.types.is_integer_dtype(values) and values.is_monotonic_decreasing
    first = table.iloc[0]
    assert (first["Dienst"], first["Partner"]) == ("NHN", "IJmond")
    assert "Kwaliteitscriteria" in first["Op welke items"]
    english = pair_table(data, "combined", lang="en")
    assert "Combined" in english.columns and english["Combined"].dtype == float
