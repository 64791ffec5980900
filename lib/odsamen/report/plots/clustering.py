"""Clustered heatmaps: services ordered by average linkage, with a dendrogram."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.patches import Patch, Rectangle

from odsamen.catalogue import check_language, text
from odsamen.report import style
from odsamen.report.plots.common import comma_ticks, term, value_annotations

if TYPE_CHECKING:
    import seaborn as sns

# seaborn and scipy are imported inside the few functions that use them: a briefing kernel, which
# draws only score grids and bars, then does not pay for loading them (about 0.6 s per kernel).


def average_linkage(matrix: pd.DataFrame, *, axis: int = 0, metric: str = "euclidean") -> np.ndarray:
    """Average-linkage clustering of the rows (``axis=0``) or columns (``axis=1``) of ``matrix``.

    Distances are ``metric`` between the value profiles; a NaN (such as a
    blank diagonal) is replaced by its column's mean for the distance only,
    so a service is not pulled apart from others by its missing self-pair.
    """
    from scipy.cluster import hierarchy
    from scipy.spatial.distance import pdist

    values = matrix.to_numpy(dtype=float)
    values = values if axis == 0 else values.T
    means = np.nanmean(np.where(np.isnan(values), np.nan, values), axis=0)
    filled = np.where(np.isnan(values), np.nan_to_num(means)[None, :], values)
    return hierarchy.linkage(pdist(filled, metric=metric), method="average")


CLUSTER_DENDROGRAM_RATIO = 0.2
"""Share of the clustered heatmap's width and height given to each dendrogram."""


def clustered_heatmap(
    matrix: pd.DataFrame,
    *,
    row_linkage: np.ndarray | None = None,
    col_linkage: np.ndarray | None = None,
    lang: str = "nl",
    title: str | None = None,
    value_label: str | None = None,
    labels: dict[str, str] | None = None,
    method: str = "average",
    metric: str = "euclidean",
    unknown_label: str | None = None,
    **kwargs,
) -> sns.matrix.ClusterGrid:
    """A heatmap with rows and columns reordered so that alike ones sit together,
    with the dendrograms that show how they group.

    Parameters
    ----------
    matrix
        Values to show, rows and columns labelled (services by services, or
        items by services). A NaN cell (a ``?`` read as missing, a score not
        filled in or left out) is drawn light grey and hatched, with a legend
        entry in the lower left corner; a NaN where the row and column label
        are the same (a service with itself) stays blank.
    row_linkage, col_linkage
        Precomputed scipy linkage matrices. When None, average linkage on
        Euclidean distances is computed (:func:`average_linkage`).
    lang
        ``"nl"`` or ``"en"``.
    title
        Figure title; default says what the picture shows and names the
        clustering (``method`` and ``metric``).
    value_label
        What the colours mean, written above the colour bar (such as a lens name).
    labels
        Display names for row and column codes (such as item labels from the
        codebook); codes without one are shown as they are.
    method, metric
        The linkage method and distance behind the given linkages (or used
        for the fallback), named in the default title.
    unknown_label
        The legend entry of the hatched NaN cells; default ``? of niet
        ingevuld`` (``plots.unknown_cell``).
    **kwargs
        Passed on to :func:`seaborn.clustermap`.

    Returns
    -------
    seaborn.matrix.ClusterGrid
        Its ``figure`` is a new figure sized to the matrix. The hatched NaN cells are
        patches of ``ax_heatmap`` with ``gid="unknown:<row>:<column>"``.
    """
    import seaborn as sns

    check_language(lang)
    row_linkage = average_linkage(matrix, axis=0, metric=metric) if row_linkage is None else row_linkage
    col_linkage = average_linkage(matrix, axis=1, metric=metric) if col_linkage is None else col_linkage
    names = labels or {}
    shown = matrix.astype(float).rename(index=lambda c: names.get(c, c), columns=lambda c: names.get(c, c))
    fontsize = style.font_size_for(max(matrix.shape))
    options = {
        "cmap": style.SEQUENTIAL_CMAP,
        "annot": value_annotations(matrix, lang),
        "fmt": "",
        "annot_kws": {"fontsize": fontsize - 1},
        "linewidths": 0.5,
        "linecolor": "#ffffff",
        "figsize": style.cluster_figsize(*matrix.shape),
        "mask": matrix.isna().to_numpy(),
        "dendrogram_ratio": CLUSTER_DENDROGRAM_RATIO,
    } | kwargs
    grid = sns.clustermap(shown, row_linkage=row_linkage, col_linkage=col_linkage, **options)
    grid.ax_heatmap.tick_params(labelsize=fontsize)
    grid.ax_heatmap.tick_params(axis="y", labelrotation=0)
    grid.ax_heatmap.set_xlabel("")
    grid.ax_heatmap.set_ylabel("")
    heading = title or text(
        "plots.cluster_title",
        lang,
        method=term("linkage", method, lang),
        metric=term("metric", metric, lang),
    )
    _title_and_colour_bar(grid, heading, value_label, fontsize, keep_colour_bar="cbar_pos" in kwargs)
    if grid.ax_cbar is not None:
        comma_ticks(grid.ax_cbar.yaxis, matrix, lang)
    _mark_unknown_cells(grid, matrix, unknown_label or text("plots.unknown_cell", lang))
    return grid


def _mark_unknown_cells(grid, matrix: pd.DataFrame, label: str) -> None:
    """A light grey hatched square behind every NaN cell of the reordered heatmap, and a legend entry.

    The heatmap leaves a NaN cell transparent, so the square shows through: an unknown value
    is drawn as unknown, not as white or as 0. A service paired with itself (same row and
    column label) is no unknown and stays blank.
    """
    rows = (
        [matrix.index[k] for k in grid.dendrogram_row.reordered_ind] if grid.dendrogram_row else matrix.index
    )
    columns = (
        [matrix.columns[k] for k in grid.dendrogram_col.reordered_ind]
        if grid.dendrogram_col
        else matrix.columns
    )
    values = matrix.reindex(index=rows, columns=columns).to_numpy(dtype=float)
    marked = 0
    for (i, j), value in np.ndenumerate(values):
        if not np.isnan(value) or rows[i] == columns[j]:
            continue
        grid.ax_heatmap.add_patch(
            Rectangle(
                (j, i),
                1,
                1,
                facecolor=style.UNKNOWN_CELL_COLOUR,
                hatch=style.UNKNOWN_CELL_HATCH,
                edgecolor=style.HATCH_COLOUR,
                linewidth=0.0,
                zorder=0.5,
                gid=f"unknown:{rows[i]}:{columns[j]}",
            )
        )
        marked += 1
    if marked:
        handle = Patch(
            facecolor=style.UNKNOWN_CELL_COLOUR,
            hatch=style.UNKNOWN_CELL_HATCH * 2,
            edgecolor=style.HATCH_COLOUR,
            linewidth=0.0,
            label=label,
        )
        grid.figure.legend(handles=[handle], loc="lower left", bbox_to_anchor=(0.01, 0.01), frameon=False)


def _title_and_colour_bar(
    grid, heading: str, value_label: str | None, fontsize: float, *, keep_colour_bar: bool
) -> None:
    """Title at the top, colour bar in the free corner above the row dendrogram, clear of both."""
    width, height = grid.figure.get_size_inches()
    heading = style.wrap_label(heading, int(7 * width))
    top = 1 - (0.25 * (heading.count("\n") + 1) + 0.2) / height
    grid.gs.update(top=top)
    grid.figure.suptitle(heading, x=0.02, y=0.99, ha="left", va="top", fontweight="bold")
    if grid.ax_cbar is None:
        return
    if not keep_colour_bar:
        heatmap_top = grid.ax_heatmap.get_position().y1
        label_room = 0.45 / height if value_label else 0.1 / height
        grid.ax_cbar.set_position(
            (0.03, heatmap_top + 0.02, 0.025, max(0.05, top - heatmap_top - 0.02 - label_room))
        )
    if value_label:
        grid.ax_cbar.set_title(style.wrap_label(value_label, 16), fontsize=max(8.0, fontsize - 1), loc="left")
