"""Clustering of services and of items: the distances, the trees (average linkage) and the order in
which a tree merges.

With four services a tree only draws the six pair values again; it earns its place at larger
numbers, where nobody overlooks every pair in a table (see ``notebooks/02-affinity``).
scipy is imported inside the functions: briefing kernels never cluster.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from odsamen.analysis.affinity import scope_items
from odsamen.analysis.data import Dataset
from odsamen.analysis.scoring import DEFAULT_ADVISOR, DEFAULT_UNKNOWN, check_unknown, scores_read, with_values

MERGE_COLUMNS = ("step", "first", "second", "height", "share")
"""Columns of :func:`merge_steps`."""


def service_distances(shares: pd.DataFrame) -> pd.DataFrame:
    """Distances between services from a lens's shares (0 to 1): one minus the share.

    A pair without a share (nothing determined) is put at the largest
    distance, 1. Diagonal 0. Unlike a distance measured from the best pair,
    the best pair keeps its real distance, so no merge is drawn at height 0
    unless two services agree on every item.
    """
    similarity = shares.to_numpy(dtype=float)
    distance = 1.0 - np.where(np.isnan(similarity), 0.0, similarity)
    distance = (distance + distance.T) / 2
    np.fill_diagonal(distance, 0.0)
    return pd.DataFrame(distance, index=shares.index, columns=shares.columns)


def service_linkage(shares: pd.DataFrame, *, method: str = "average") -> np.ndarray:
    """Hierarchical clustering of the services on :func:`service_distances` (``method``, default UPGMA)."""
    if len(shares) < 2:
        raise ValueError("clustering needs at least two services")
    # scipy is imported here, not at the top: briefing kernels import this module but never cluster.
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    return linkage(squareform(service_distances(shares).to_numpy(), checks=False), method=method)


def item_profiles(
    data: Dataset,
    *,
    dimension: str,
    measure: str,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
) -> pd.DataFrame:
    """Items (rows, codebook order) x services (columns): the numeric scores of one dimension and measure.

    NaN for a ``?`` read as missing and for a score left out by ``advisor="exclude"``; a service
    with no score left on the dimension is dropped."""
    items = scope_items(data, dimension)
    scores = with_values(scores_read(data.scores, advisor), check_unknown(unknown))
    part = scores[scores["measure"] == measure].astype({"service": str, "item": str})
    table = part.pivot(index="item", columns="service", values="value")
    table = table.reindex(index=items, columns=data.service_codes)
    table.index.name, table.columns.name = None, None
    return table.dropna(axis=1, how="all")


def nan_distances(profiles: np.ndarray, metric: str) -> np.ndarray:
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
    advisor: str = DEFAULT_ADVISOR,
    method: str = "average",
    metric: str = "euclidean",
) -> np.ndarray:
    """Hierarchical clustering of the items of ``dimension`` on their score profiles
    (:func:`item_profiles`; unknown scores skipped, see :func:`nan_distances`)."""
    profiles = item_profiles(
        data, dimension=dimension, measure=measure, unknown=unknown, advisor=advisor
    ).to_numpy()
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    return linkage(squareform(nan_distances(profiles, metric), checks=False), method=method)


def merge_steps(linkage: np.ndarray, codes: list[str]) -> pd.DataFrame:
    """The merges of a tree from :func:`service_linkage`, in order: which groups it joins, and at what height.

    Columns :data:`MERGE_COLUMNS`: ``step`` (1, 2, ...), ``first`` and ``second`` (the service codes of
    the two groups joined, as lists, in the tree's order), ``height`` (the average distance between
    the groups) and ``share`` (one minus the height: their average share of the lens).
    """
    groups = {k: [code] for k, code in enumerate(codes)}
    rows = []
    for k, (left, right, height, _size) in enumerate(linkage):
        first, second = groups[int(left)], groups[int(right)]
        groups[len(codes) + k] = first + second
        rows.append({"step": k + 1, "first": first, "second": second, "height": height, "share": 1 - height})
    return pd.DataFrame(rows, columns=list(MERGE_COLUMNS))
