"""Affinity between services: which services fit together, and on what.

Every *lens* is a symmetric service-by-service matrix (index and columns are
the service codes in codebook order, the diagonal is NaN) that answers one
question about a pair of services:

``scale_agreement``
    Do they want to cooperate at the same scale? Mean Jaccard similarity of
    their preferred scale levels, 0 (never a level in common) to 1 (always
    the same levels).
``shared_regional``
    Their candidate joint agenda: the number of items on which both name a
    regional level.
``complementarity``
    Give and take: the number of items on which one is strong and the other
    is not, but sees added value in cooperation.
``shared_added_value``
    The number of items on which both see added value in cooperation.
``combined``
    A weighted mean of the four lenses above, each rescaled to 0..1.

An *item* is a robustness criterion or a future task; lenses run over all
items of both dimensions unless a ``dimension`` is given. Every lens can
name the items behind a pair's value (:func:`pair_items`), so an analyst can
say why two services fit. The reading of the score ``?`` is a parameter
``unknown`` (see :mod:`odsamen.scoring`); :func:`sensitivity` reruns every
lens under both readings and shows which rankings change.

Typical use in a notebook::

    data = load_dataset("data")
    matrix = lens_matrix(data, "combined", unknown="neutral", weights=None)
    best_partners(data, "NHN")                  # who fits NHN best, and on which items
    pair_affinity_items(data)                   # every pair, lens, value and its items
    tree = service_linkage(matrix)              # for dendrograms / seaborn.clustermap
    sensitivity(data).query("changed")          # rankings that depend on the reading of '?'
    write_tables(data, "reports")               # reports/tables/*.csv
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from odsamen.catalogue import text
from odsamen.data import DIMENSIONS, SYMBOLS, Dataset
from odsamen.scoring import DEFAULT_UNKNOWN, UNKNOWN_READINGS, check_unknown, symbol_value, with_values

LENSES = ("scale_agreement", "shared_regional", "complementarity", "shared_added_value", "combined")
BASE_LENSES = LENSES[:-1]
"""The lenses that :func:`combined` averages."""

DEFAULT_WEIGHTS = {lens: 1.0 for lens in BASE_LENSES}
"""Equal weights: every base lens counts the same in :func:`combined`."""

STRONG = 1.0
"""A ``meets`` score at or above this (``+``, ``++``): the service is strong and can give."""
WEAK = 0.0
"""A ``meets`` score at or below this (``-/+``, ``-``, ``--``, and ``?`` read as neutral):
the service does not (fully) meet the item and could receive."""
ADDED_VALUE = 1.0
"""An ``added_value`` score at or above this (``+``, ``++``): the service sees added value."""

PAIR_AFFINITY_COLUMNS = ("service_a", "service_b", "lens", "value")
PROFILE_COLUMNS = ("service", "dimension", "measure", "mean_score", "n_known", "n_unknown")
SENSITIVITY_COLUMNS = ("lens", "service", "ranking_neutral", "ranking_missing", "changed")
CSV_FLOAT_FORMAT = "%.6g"
"""Six significant digits: enough for any mean of a few dozen scores, and the
same text on every platform."""
SHARE_RANGE = (0, 1)
"""The scale of ``scale_agreement``, of :func:`lens_share` and of ``combined``: no fit to full fit."""
_DIGITS = 12
"""Values are rounded to this many decimals before ranking, so that float noise
in a weighted mean never breaks a tie."""


@dataclass(frozen=True)
class _Lens:
    """One lens computed for all pairs.

    ``value`` is services x services, ``evidence`` services x services x
    items (the items behind each pair's value) and ``basis`` services x
    services (how many items could have counted for the pair).
    """

    codes: list[str]
    items: list[str]
    value: np.ndarray
    evidence: np.ndarray
    basis: np.ndarray

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.value, index=list(self.codes), columns=list(self.codes))


# --- inputs ------------------------------------------------------------------


def _scope_items(data: Dataset, dimension: str | None) -> list[str]:
    """The item keys a lens runs over, in codebook order."""
    if dimension is None:
        return [str(item) for item in data.items["item"]]
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; expected one of {', '.join(DIMENSIONS)} or None")
    return data.item_codes(dimension)


def _score_array(data: Dataset, measure: str, unknown: str, items: list[str]) -> np.ndarray:
    """Services x items: the numeric scores of ``measure`` (NaN where missing)."""
    part = with_values(data.scores[data.scores["measure"] == measure], unknown)
    table = part.assign(service=part["service"].astype(str), item=part["item"].astype(str)).pivot(
        index="service", columns="item", values="value"
    )
    return table.reindex(index=data.service_codes, columns=items).to_numpy(dtype=float)


def _preference_array(data: Dataset, items: list[str]) -> np.ndarray:
    """Services x items x levels: True where the service names the level for the item.

    The letters of all aspects of a cell are pooled (their union); ``?`` and
    empty cells name no level, so their row stays all False.
    """
    levels = [str(level) for level in data.levels["level"]]
    prefs = data.preferences
    named = prefs.loc[~prefs["levels"].isin(["", "?"]), ["service", "item", "levels"]].astype(str)
    letters = named.assign(level=named["levels"].str.split("/")).explode("level")
    letters = letters[letters["item"].isin(items)]
    array = np.zeros((len(data.service_codes), len(items), len(levels)), dtype=bool)
    array[
        pd.Index(data.service_codes).get_indexer(letters["service"]),
        pd.Index(items).get_indexer(letters["item"]),
        pd.Index(levels).get_indexer(letters["level"]),
    ] = True
    return array


def _pairwise_and(flags: np.ndarray) -> np.ndarray:
    """Services x services x items: True where both services of the pair have the flag."""
    return flags[:, None, :] & flags[None, :, :]


def _finish(data: Dataset, items: list[str], value, evidence, basis) -> _Lens:
    """Blank the diagonal (a service is not its own partner) and wrap up."""
    value = np.asarray(value, dtype=float).copy()
    evidence = evidence.copy()
    np.fill_diagonal(value, np.nan)
    evidence[np.arange(len(value)), np.arange(len(value)), :] = False
    return _Lens(list(data.service_codes), items, value, evidence, np.asarray(basis, dtype=int))


# --- lenses --------------------------------------------------------------------


def _scale_agreement(data: Dataset, items: list[str]) -> _Lens:
    named = _preference_array(data, items)
    answered = named.any(axis=2)
    both = _pairwise_and(answered)
    common = np.einsum("sil,til->sti", named.astype(int), named.astype(int))
    size = named.sum(axis=2)
    union = size[:, None, :] + size[None, :, :] - common
    jaccard = np.where(both, common / np.where(union > 0, union, 1), np.nan)
    basis = both.sum(axis=2)
    with np.errstate(invalid="ignore"):
        value = np.where(basis > 0, np.nansum(jaccard, axis=2) / np.where(basis > 0, basis, 1), np.nan)
    return _finish(data, items, value, both & (common > 0), basis)


def _shared_regional(data: Dataset, items: list[str]) -> _Lens:
    named = _preference_array(data, items)
    regional = np.array([str(level) in data.regional_levels for level in data.levels["level"]])
    names_regional = (named & regional).any(axis=2)
    evidence = _pairwise_and(names_regional)
    basis = _pairwise_and(named.any(axis=2)).sum(axis=2)
    return _finish(data, items, evidence.sum(axis=2), evidence, basis)


def _gives(data: Dataset, unknown: str, items: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Giver x receiver x items, True where the giver can give; and services x items meets-known."""
    meets = _score_array(data, "meets", unknown, items)
    added = _score_array(data, "added_value", unknown, items)
    # NaN (a '?' read as missing) fails every comparison, so it never counts.
    strong = meets >= STRONG
    wants = (meets <= WEAK) & (added >= ADDED_VALUE)
    return strong[:, None, :] & wants[None, :, :], ~np.isnan(meets)


def _complementarity(data: Dataset, unknown: str, items: list[str]) -> _Lens:
    gives, known = _gives(data, unknown, items)
    # On one item at most one direction holds: strong and weak exclude each other.
    evidence = gives | gives.transpose(1, 0, 2)
    basis = _pairwise_and(known).sum(axis=2)
    return _finish(data, items, evidence.sum(axis=2), evidence, basis)


def _shared_added_value(data: Dataset, unknown: str, items: list[str]) -> _Lens:
    added = _score_array(data, "added_value", unknown, items)
    evidence = _pairwise_and(added >= ADDED_VALUE)
    basis = _pairwise_and(~np.isnan(added)).sum(axis=2)
    return _finish(data, items, evidence.sum(axis=2), evidence, basis)


def _share(part: _Lens, lens: str) -> np.ndarray:
    """The lens on a 0..1 scale: counts divided by the number of items that could count."""
    if lens in ("scale_agreement", "combined"):
        return part.value
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(part.basis > 0, part.value / np.where(part.basis > 0, part.basis, 1), np.nan)


def check_weights(weights: dict[str, float] | None) -> dict[str, float]:
    """The weights of the base lenses, with :data:`DEFAULT_WEIGHTS` for ``None``.

    A base lens left out of ``weights`` gets weight 0. Raises ``ValueError``
    for an unknown lens, a negative weight or weights that are all 0.
    """
    if weights is None:
        return dict(DEFAULT_WEIGHTS)
    unknown_lenses = sorted(set(weights) - set(BASE_LENSES))
    if unknown_lenses:
        raise ValueError(
            f"weights for unknown lenses {unknown_lenses}; expected some of {', '.join(BASE_LENSES)}"
        )
    checked = {lens: float(weights.get(lens, 0.0)) for lens in BASE_LENSES}
    if any(not w >= 0 for w in checked.values()) or not sum(checked.values()) > 0:
        raise ValueError(f"weights must be 0 or more and not all 0; got {weights}")
    return checked


def _combined(data: Dataset, unknown: str, weights: dict[str, float] | None, items: list[str]) -> _Lens:
    weights = check_weights(weights)
    total = np.zeros((len(data.service_codes),) * 2)
    weight_sum = np.zeros_like(total)
    evidence = np.zeros((len(data.service_codes),) * 2 + (len(items),), dtype=bool)
    for lens in BASE_LENSES:
        if weights[lens] == 0:
            continue
        part = _compute(data, lens, unknown, None, items)
        share = _share(part, lens)
        usable = ~np.isnan(share)
        total += np.where(usable, weights[lens] * share, 0.0)
        weight_sum += np.where(usable, weights[lens], 0.0)
        evidence |= part.evidence
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.where(weight_sum > 0, total / np.where(weight_sum > 0, weight_sum, 1), np.nan)
    return _finish(data, items, value, evidence, np.full(value.shape, len(items)))


def _compute(data: Dataset, lens: str, unknown: str, weights, items: list[str]) -> _Lens:
    check_unknown(unknown)
    if lens == "scale_agreement":
        return _scale_agreement(data, items)
    if lens == "shared_regional":
        return _shared_regional(data, items)
    if lens == "complementarity":
        return _complementarity(data, unknown, items)
    if lens == "shared_added_value":
        return _shared_added_value(data, unknown, items)
    if lens == "combined":
        return _combined(data, unknown, weights, items)
    raise ValueError(f"unknown lens {lens!r}; expected one of {', '.join(LENSES)}")


def scale_agreement(
    data: Dataset, *, unknown: str = DEFAULT_UNKNOWN, dimension: str | None = None
) -> pd.DataFrame:
    """How far two services want to cooperate at the same scale.

    For every item both services answered, the Jaccard similarity of their
    preferred level sets (levels named by both / levels named by either);
    the value is the mean over those items: 1 means they always name the same
    levels, 0 that they never share one. A preference ``?`` or an empty cell
    is "not answered"; where a cell is split into aspects (OFGV's
    ``bi_en_opleiding``: training and BI), the union of the letters counts.
    NaN where the two services have no answered item in common.

    The reading of the score ``?`` (``unknown``) does not matter here: this
    lens uses preferences only. ``dimension`` limits the items to
    ``"robustness"`` or ``"task"``.
    """
    return _compute(data, "scale_agreement", unknown, None, _scope_items(data, dimension)).frame()


def shared_regional(
    data: Dataset, *, unknown: str = DEFAULT_UNKNOWN, dimension: str | None = None
) -> pd.DataFrame:
    """The candidate joint regional agenda of two services.

    The number of items on which both services name a regional level
    (:attr:`Dataset.regional_levels`: B or C), not necessarily the same one.
    Uses preferences only, so ``unknown`` does not matter.
    """
    return _compute(data, "shared_regional", unknown, None, _scope_items(data, dimension)).frame()


def complementarity(
    data: Dataset, *, unknown: str = DEFAULT_UNKNOWN, dimension: str | None = None
) -> pd.DataFrame:
    """Give and take: on how many items one service can help the other.

    Service X *gives* to Y on an item when X is strong (``meets`` + or ++,
    :data:`STRONG`), Y is not (``meets`` -/+, - or --, or ``?`` read as
    neutral; :data:`WEAK`) and Y sees added value in cooperation
    (``added_value`` + or ++). With ``unknown="missing"`` a ``?`` is neither
    strong, weak nor added value, so it never counts. The symmetric value is
    the number of items on which either gives to the other (on one item only
    one direction can hold). Who gives to whom: :func:`complementarity_directed`.
    """
    return _compute(data, "complementarity", unknown, None, _scope_items(data, dimension)).frame()


def complementarity_directed(
    data: Dataset, *, unknown: str = DEFAULT_UNKNOWN, dimension: str | None = None
) -> pd.DataFrame:
    """Giver (rows) x receiver (columns): on how many items the giver gives.

    Same rule as :func:`complementarity`, which is this matrix plus its
    transpose. A row sum says how much a service has to offer the others, a
    column sum how much it would take. Diagonal NaN.
    """
    items = _scope_items(data, dimension)
    gives, _ = _gives(data, check_unknown(unknown), items)
    counts = gives.sum(axis=2).astype(float)
    np.fill_diagonal(counts, np.nan)
    return pd.DataFrame(counts, index=data.service_codes, columns=data.service_codes)


def shared_added_value(
    data: Dataset, *, unknown: str = DEFAULT_UNKNOWN, dimension: str | None = None
) -> pd.DataFrame:
    """The number of items on which both services see added value (``added_value`` + or ++).

    A ``?`` is never added value, whichever the reading of ``unknown``.
    """
    return _compute(data, "shared_added_value", unknown, None, _scope_items(data, dimension)).frame()


def combined(
    data: Dataset,
    *,
    weights: dict[str, float] | None = None,
    unknown: str = DEFAULT_UNKNOWN,
    dimension: str | None = None,
) -> pd.DataFrame:
    """A weighted mean of the four base lenses, each on a 0..1 scale.

    ``scale_agreement`` is already 0..1. Each count lens is divided by the
    number of items that could count for the pair: for ``shared_regional``
    the items both answered a preference for, for ``complementarity`` the
    items on which both ``meets`` scores are known, for
    ``shared_added_value`` the items on which both ``added_value`` scores
    are known (with ``?`` read as neutral every score is known). A lens with
    nothing to count for a pair is left out of that pair's mean and the
    other weights are renormalised. ``weights`` maps base lenses to weights
    (default :data:`DEFAULT_WEIGHTS`, equal; a lens left out counts 0).
    """
    return _compute(data, "combined", unknown, weights, _scope_items(data, dimension)).frame()


def lens_matrix(
    data: Dataset,
    lens: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    dimension: str | None = None,
) -> pd.DataFrame:
    """The matrix of ``lens`` (one of :data:`LENSES`); ``weights`` is used by ``combined`` only."""
    return _compute(data, lens, unknown, weights, _scope_items(data, dimension)).frame()


def lens_share(
    data: Dataset,
    lens: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    dimension: str | None = None,
) -> pd.DataFrame:
    """The matrix of ``lens`` on a 0..1 scale, as it enters :func:`combined`.

    Count lenses are divided by the number of items that could count for
    the pair, so lenses (and pairs with many ``?``) can be compared.
    """
    part = _compute(data, lens, unknown, weights, _scope_items(data, dimension))
    return pd.DataFrame(_share(part, lens), index=part.codes, columns=part.codes)


# --- pairs ---------------------------------------------------------------------


def _service_position(data: Dataset, service: str) -> int:
    if service not in data.service_codes:
        raise ValueError(f"unknown service {service!r}; expected one of {', '.join(data.service_codes)}")
    return data.service_codes.index(service)


def pair_items(
    data: Dataset,
    lens: str,
    a: str,
    b: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    dimension: str | None = None,
) -> list[str]:
    """The item keys behind the value of the pair ``a``, ``b`` under ``lens``, in codebook order.

    ``scale_agreement``: the items on which the two share at least one level
    (the other commonly answered items pull the mean down);
    ``shared_regional``, ``complementarity``, ``shared_added_value``: the
    items counted; ``combined``: the union of the items of the base lenses
    with a weight above 0. Empty for ``a == b``.
    """
    part = _compute(data, lens, unknown, weights, _scope_items(data, dimension))
    row, column = _service_position(data, a), _service_position(data, b)
    return [part.items[k] for k in np.flatnonzero(part.evidence[row, column])]


def _pair_rows(part: _Lens, lens: str) -> pd.DataFrame:
    """One row per unordered pair, in codebook order, of one computed lens."""
    rows, columns = np.triu_indices(len(part.codes), k=1)
    return pd.DataFrame(
        {
            "service_a": [part.codes[i] for i in rows],
            "service_b": [part.codes[j] for j in columns],
            "lens": lens,
            "value": part.value[rows, columns],
            "items": [
                [part.items[k] for k in np.flatnonzero(part.evidence[i, j])]
                for i, j in zip(rows, columns, strict=True)
            ],
            "_pair": np.arange(len(rows)),
            "_lens": LENSES.index(lens),
        }
    )


def pair_affinity_items(
    data: Dataset,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    dimension: str | None = None,
) -> pd.DataFrame:
    """:func:`pair_affinity` plus a column ``items``: the item keys behind each value (:func:`pair_items`)."""
    items = _scope_items(data, dimension)
    frames = [_pair_rows(_compute(data, lens, unknown, weights, items), lens) for lens in LENSES]
    table = pd.concat(frames, ignore_index=True).sort_values(["_pair", "_lens"], kind="stable")
    return table.drop(columns=["_pair", "_lens"]).reset_index(drop=True)


def pair_affinity(
    data: Dataset,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    dimension: str | None = None,
) -> pd.DataFrame:
    """Every lens for every unordered pair of services, as a long table.

    Columns ``service_a, service_b, lens, value``: one row per pair (``a``
    before ``b`` in codebook order, pairs in codebook order) and lens (in
    :data:`LENSES` order). ``value`` is on the lens's own scale (counts for
    the count lenses, 0..1 for ``scale_agreement`` and ``combined``); NaN
    where the lens has nothing to go on for the pair.
    """
    table = pair_affinity_items(data, unknown=unknown, weights=weights, dimension=dimension)
    return table[list(PAIR_AFFINITY_COLUMNS)]


def _readable(values: pd.Series) -> pd.Series:
    """Counts as whole numbers, shares to three decimals."""
    if values.dropna().mod(1).eq(0).all():
        return values.astype("Int64")
    return values.round(3)


def pair_table(
    data: Dataset,
    lens: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    lang: str = "nl",
) -> pd.DataFrame:
    """The pairs of one lens for reading: best fit first, with the items behind each value.

    Columns (headings from the catalogue, in ``lang``): the two services,
    the lens's value and the labels of the items that explain it. Ties keep
    codebook order; pairs without a value come last.
    """
    lens_label(lens, lang)
    table = pair_affinity_items(data, unknown=unknown, weights=weights)
    table = table[table["lens"] == lens].sort_values(
        "value", ascending=False, kind="stable", na_position="last"
    )
    return pd.DataFrame(
        {
            text("affinity.column.service_a", lang): table["service_a"].to_numpy(),
            text("affinity.column.service_b", lang): table["service_b"].to_numpy(),
            lens_label(lens, lang): _readable(table["value"]).to_numpy(),
            text("affinity.column.items", lang): [
                ", ".join(data.item_label(item, lang) for item in items) for items in table["items"]
            ],
        }
    )


def competition_rank(values: pd.Series) -> pd.Series:
    """Competition ranks, highest value first: ties share the best rank (1, 1, 3); NaN has no rank."""
    return values.round(_DIGITS).rank(method="min", ascending=False, na_option="keep").astype("Int64")


def _partners(part: _Lens, lens: str, position: int) -> pd.DataFrame:
    """The partners of the service at ``position`` under one computed lens, best first."""
    others = [k for k in range(len(part.codes)) if k != position]
    frame = pd.DataFrame(
        {
            "lens": lens,
            "partner": [part.codes[k] for k in others],
            "value": part.value[position, others],
            "items": [[part.items[i] for i in np.flatnonzero(part.evidence[position, k])] for k in others],
        }
    )
    frame.insert(1, "rank", competition_rank(frame["value"]))
    # A stable sort on rank alone keeps codebook order within ties; NaN goes last.
    return frame.sort_values("rank", kind="stable", na_position="last").reset_index(drop=True)


def best_partners(
    data: Dataset,
    service: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    dimension: str | None = None,
) -> pd.DataFrame:
    """The partners of ``service`` under every lens, best first.

    Columns ``lens, rank, partner, value, items``. Within a lens, ``rank`` 1
    is the highest value; partners with equal values share a rank
    (competition ranking: 1, 1, 3) and are listed in codebook order.
    Partners for whom the lens has no value (NaN) come last without a rank.
    ``items`` are the item keys behind the value (:func:`pair_items`).
    """
    position = _service_position(data, service)
    items = _scope_items(data, dimension)
    frames = [_partners(_compute(data, lens, unknown, weights, items), lens, position) for lens in LENSES]
    return pd.concat(frames, ignore_index=True)


# --- profiles ------------------------------------------------------------------


def service_profile(data: Dataset, *, unknown: str = DEFAULT_UNKNOWN) -> pd.DataFrame:
    """Each service's mean score per dimension and measure.

    Columns ``service, dimension, measure, mean_score, n_known, n_unknown``.
    ``n_unknown`` is the number of ``?`` scores, ``n_known`` the number of
    other scores. ``mean_score`` is on the -2..2 scale: with
    ``unknown="neutral"`` the mean over all scores with ``?`` as 0, with
    ``"missing"`` the mean over the known scores only (NaN if there are none).
    Rows in codebook order of service, then dimension, then measure.
    """
    scores = with_values(data.scores, check_unknown(unknown))
    scores = scores.assign(is_unknown=scores["score"].astype(str) == "?")
    grouped = scores.groupby(["service", "dimension", "measure"], observed=True, sort=True)
    profile = grouped.agg(
        mean_score=("value", "mean"),
        n_unknown=("is_unknown", "sum"),
        n_scores=("is_unknown", "size"),
    ).reset_index()
    profile["n_known"] = profile["n_scores"] - profile["n_unknown"]
    return profile[list(PROFILE_COLUMNS)].astype({"n_known": int, "n_unknown": int})


# --- clustering ----------------------------------------------------------------


def service_distances(matrix: pd.DataFrame) -> pd.DataFrame:
    """Distances between services from a lens matrix: the best pair's value minus the pair's value.

    The most similar pair is at distance 0; distances are in the lens's own
    units. A pair without a value (NaN) is put as far apart as the least
    similar pair. Diagonal 0.
    """
    similarity = matrix.to_numpy(dtype=float)
    off_diagonal = ~np.eye(len(similarity), dtype=bool)
    known = off_diagonal & ~np.isnan(similarity)
    top = similarity[known].max() if known.any() else 0.0
    bottom = similarity[known].min() if known.any() else 0.0
    distance = top - np.where(np.isnan(similarity), bottom, similarity)
    distance = (distance + distance.T) / 2
    np.fill_diagonal(distance, 0.0)
    return pd.DataFrame(distance, index=matrix.index, columns=matrix.columns)


def service_linkage(matrix: pd.DataFrame, *, method: str = "average") -> np.ndarray:
    """Hierarchical clustering of the services in a lens matrix.

    Metric: :func:`service_distances` (the best pair's value minus the
    pair's value; NaN pairs as far apart as the least similar pair).
    Linkage: ``method`` of :func:`scipy.cluster.hierarchy.linkage`, by
    default ``"average"`` (UPGMA: the distance between two clusters is the
    mean distance between their members). Leaves are the rows of ``matrix``
    in order; the result plugs into ``scipy``'s ``dendrogram`` or
    ``seaborn.clustermap(row_linkage=..., col_linkage=...)``.
    """
    if len(matrix) < 2:
        raise ValueError("clustering needs at least two services")
    # scipy is imported here, not at the top: briefing kernels import this module but never cluster.
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    distance = service_distances(matrix).to_numpy()
    return linkage(squareform(distance, checks=False), method=method)


def item_profiles(
    data: Dataset, *, dimension: str, measure: str, unknown: str = DEFAULT_UNKNOWN
) -> pd.DataFrame:
    """Items (rows, codebook order) x services (columns): the numeric scores of one dimension and measure."""
    items = _scope_items(data, dimension)
    values = _score_array(data, measure, check_unknown(unknown), items)
    return pd.DataFrame(values.T, index=items, columns=data.service_codes)


def _nan_distances(profiles: np.ndarray, metric: str) -> np.ndarray:
    """Pairwise distances between rows that skip NaN coordinates.

    For ``euclidean`` and ``cityblock`` the sum over the coordinates both
    rows know is scaled up by (all coordinates / known coordinates), as if
    the unknown ones differed like the known ones; rows with nothing in
    common get the largest distance found.
    """
    from scipy.spatial.distance import pdist, squareform

    if not np.isnan(profiles).any():
        return squareform(pdist(profiles, metric=metric)) if len(profiles) > 1 else np.zeros((1, 1))
    if metric not in ("euclidean", "cityblock"):
        raise ValueError(f"metric {metric!r} cannot skip unknown scores; use 'euclidean' or 'cityblock'")
    difference = profiles[:, None, :] - profiles[None, :, :]
    common = (~np.isnan(difference)).sum(axis=2)
    power = 2 if metric == "euclidean" else 1
    total = np.nansum(np.abs(difference) ** power, axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = np.where(common > 0, total * profiles.shape[1] / np.where(common > 0, common, 1), np.nan)
    distance = np.sqrt(scaled) if power == 2 else scaled
    largest = np.nanmax(distance) if not np.isnan(distance).all() else 0.0
    distance = np.where(np.isnan(distance), largest, distance)
    np.fill_diagonal(distance, 0.0)
    return distance


def item_linkage(
    data: Dataset,
    *,
    dimension: str,
    measure: str,
    unknown: str = DEFAULT_UNKNOWN,
    method: str = "average",
    metric: str = "euclidean",
) -> np.ndarray:
    """Hierarchical clustering of the items of ``dimension`` on their score profiles.

    Each item is the vector of the services' ``measure`` scores
    (:func:`item_profiles`). Metric: ``metric`` (default Euclidean distance);
    with ``unknown="missing"`` the unknown scores are skipped and the
    distance scaled up for them (see ``_nan_distances``). Linkage:
    ``method`` (default ``"average"``, UPGMA). Leaves are the items in
    codebook order (``data.item_codes(dimension)``).
    """
    profiles = item_profiles(data, dimension=dimension, measure=measure, unknown=unknown).to_numpy()
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    distance = _nan_distances(profiles, metric)
    return linkage(squareform(distance, checks=False), method=method)


# --- sensitivity ---------------------------------------------------------------


def ranking_text(partners: pd.DataFrame) -> str:
    """A ranking as one line: ``">"`` between ranks, ``"="`` within a tie; unranked partners left out."""
    ranked = partners.dropna(subset=["rank"])
    groups = ranked.groupby("rank", sort=True)["partner"].agg(" = ".join)
    return " > ".join(groups)


def sensitivity(
    data: Dataset, *, weights: dict[str, float] | None = None, dimension: str | None = None
) -> pd.DataFrame:
    """Does a service's ranking of partners depend on how ``?`` is read?

    For every lens (in :data:`LENSES` order) and service (codebook order):
    the ranking of its partners with ``?`` read as neutral and as missing
    (as :func:`ranking_text`, e.g. ``"NHN > IJmond = OFGV"``) and
    ``changed``, True where the two differ. ``scale_agreement`` and
    ``shared_regional`` use preferences only and never change.
    """
    items = _scope_items(data, dimension)
    computed = {
        (lens, unknown): _compute(data, lens, unknown, weights, items)
        for lens in LENSES
        for unknown in UNKNOWN_READINGS
    }
    rows = []
    for lens in LENSES:
        for position, service in enumerate(data.service_codes):
            neutral = ranking_text(_partners(computed[(lens, "neutral")], lens, position))
            missing = ranking_text(_partners(computed[(lens, "missing")], lens, position))
            rows.append((lens, service, neutral, missing, neutral != missing))
    return pd.DataFrame(rows, columns=list(SENSITIVITY_COLUMNS))


def sensitivity_values(
    data: Dataset, *, weights: dict[str, float] | None = None, dimension: str | None = None
) -> pd.DataFrame:
    """Every pair's value under both readings of ``?``.

    Columns ``service_a, service_b, lens, value_neutral, value_missing,
    difference`` (missing minus neutral), rows as in :func:`pair_affinity`.
    """
    neutral = pair_affinity(data, unknown="neutral", weights=weights, dimension=dimension)
    missing = pair_affinity(data, unknown="missing", weights=weights, dimension=dimension)
    table = neutral.rename(columns={"value": "value_neutral"})
    table["value_missing"] = missing["value"].to_numpy()
    table["difference"] = table["value_missing"] - table["value_neutral"]
    return table


# --- outputs -------------------------------------------------------------------


def write_tables(
    data: Dataset,
    out_dir: str | Path,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
) -> dict[str, Path]:
    """Write ``tables/pair_affinity.csv`` and ``tables/service_profile.csv`` under ``out_dir``.

    UTF-8, comma-separated, ``\\n`` line ends, floats with six significant
    digits and NaN as an empty field, so the same data give the same bytes.
    Returns the paths by table name (``pair_affinity``, ``service_profile``).
    """
    folder = Path(out_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        "pair_affinity": pair_affinity(data, unknown=unknown, weights=weights),
        "service_profile": service_profile(data, unknown=unknown),
    }
    paths = {}
    for name, table in tables.items():
        path = folder / f"{name}.csv"
        table.to_csv(
            path, index=False, encoding="utf-8", float_format=CSV_FLOAT_FORMAT, na_rep="", lineterminator="\n"
        )
        paths[name] = path
    return paths


# --- words ---------------------------------------------------------------------


def lens_label(lens: str, lang: str = "nl") -> str:
    """The short name of ``lens`` for titles and legends."""
    if lens not in LENSES:
        raise ValueError(f"unknown lens {lens!r}; expected one of {', '.join(LENSES)}")
    return text(f"affinity.lens.{lens}", lang)


def _plain_number(number: float, lang: str) -> str:
    """``number`` without trailing zeros, with a decimal comma in Dutch."""
    return f"{number:g}".replace(".", ",") if lang == "nl" else f"{number:g}"


def symbols_where(condition, unknown: str = DEFAULT_UNKNOWN) -> str:
    """The score symbols (in reading order) whose value meets ``condition`` under ``unknown``."""
    chosen = [s for s in reversed(SYMBOLS) if condition(symbol_value(s, unknown))]
    return ", ".join(chosen)


def lens_definition(
    data: Dataset,
    lens: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    weights: dict[str, float] | None = None,
    lang: str = "nl",
) -> str:
    """One sentence saying how ``lens`` is computed, with the symbols and levels it uses."""
    lens_label(lens, lang)  # refuses an unknown lens before any words are looked up
    check_unknown(unknown)
    regional = ", ".join(sorted(data.regional_levels))
    weight_words = [
        f"{lens_label(name, lang)} {_plain_number(w, lang)}" for name, w in check_weights(weights).items()
    ]
    fields = {
        "strong": symbols_where(lambda v: v >= STRONG, unknown),
        "weak": symbols_where(lambda v: v <= WEAK, unknown),
        "added": symbols_where(lambda v: v >= ADDED_VALUE, unknown),
        "regional": regional,
        "weights": ", ".join(weight_words),
        "low": SHARE_RANGE[0],
        "high": SHARE_RANGE[1],
    }
    return text(f"affinity.definition.{lens}", lang, **fields)
