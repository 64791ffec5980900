"""Affinity heatmaps: how much two services have in common, per lens, with what each value rests on."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from odsamen.analysis.affinity import (
    COUNT_LENSES,
    LOW_EVIDENCE_SHARE,
    complementarity_directed,
    lens_basis,
    lens_matrix,
    lens_share,
)
from odsamen.analysis.data import Dataset
from odsamen.analysis.scoring import DEFAULT_ADVISOR, DEFAULT_LEVELS, DEFAULT_UNKNOWN
from odsamen.catalogue import check_language, format_number, text
from odsamen.report import style
from odsamen.report.plots.common import (
    check_highlight,
    comma_ticks,
    decimals_for,
    highlight_row,
    value_annotations,
)

# seaborn and scipy are imported inside the few functions that use them: a briefing kernel, which
# draws only score grids and bars, then does not pay for loading them (about 0.6 s per kernel).


def lens_title(lens: str, lang: str = "nl") -> str:
    """The plain-language name of an affinity lens (the catalogue's ``affinity.lens.<lens>``, as
    :func:`odsamen.analysis.affinity.lens_label` gives it)."""
    return text(f"affinity.lens.{lens}", lang)


def basis_annotations(
    matrix: pd.DataFrame,
    basis: pd.DataFrame,
    *,
    counts: pd.DataFrame | None = None,
    low_evidence: pd.DataFrame | None = None,
    lang: str = "nl",
) -> np.ndarray:
    """Cell texts that show each value with what it rests on: ``"0,79\\n11/14"``.

    ``matrix`` holds the values (shares), ``basis`` the number of items each
    rests on; with ``counts`` the second line is ``count/basis``, else the
    basis alone. Where ``low_evidence`` is True the second line ends in
    ``*``. Cells without a value stay empty. All frames are aligned on
    ``matrix``'s labels.
    """
    values = matrix.to_numpy(dtype=float)
    decimals = decimals_for(values)
    items = basis.reindex(index=matrix.index, columns=matrix.columns).to_numpy(dtype=float)
    counted = None if counts is None else counts.reindex(index=matrix.index, columns=matrix.columns)
    counted = None if counted is None else counted.to_numpy(dtype=float)
    low = (
        np.zeros(values.shape, dtype=bool)
        if low_evidence is None
        else low_evidence.reindex(index=matrix.index, columns=matrix.columns)
        .fillna(False)
        .to_numpy(dtype=bool)
    )
    cells = np.full(values.shape, "", dtype=object)
    for (i, j), value in np.ndenumerate(values):
        if np.isnan(value):
            continue
        n = "" if np.isnan(items[i, j]) else str(int(items[i, j]))
        under = n if counted is None or np.isnan(counted[i, j]) else f"{int(round(counted[i, j]))}/{n}"
        cells[i, j] = format_number(value, lang, decimals) + "\n" + under + (" *" if low[i, j] else "")
    return cells.astype(str)


def affinity_heatmap(
    matrix: pd.DataFrame,
    *,
    lens: str,
    basis: pd.DataFrame | None = None,
    counts: pd.DataFrame | None = None,
    low_evidence: pd.DataFrame | None = None,
    lang: str = "nl",
    highlight: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """How well each pair of services fits together through one lens.

    Parameters
    ----------
    matrix
        Symmetric service-by-service values of the lens (higher means a
        better fit), such as :func:`odsamen.analysis.affinity.lens_share`; the
        diagonal (a service with itself) is NaN and shown blank.
    lens
        The lens's name (one of :data:`odsamen.analysis.affinity.LENSES`); gives the
        title and colour bar label (:func:`lens_title`).
    basis
        Optional, service by service: the number of items each value rests
        on (:func:`odsamen.analysis.affinity.lens_basis`). Each cell then shows it
        under the value, and a note under the chart says so.
    counts
        Optional, with ``basis``: the counted items
        (:func:`odsamen.analysis.affinity.lens_matrix` of a count lens), shown as
        ``11/14`` under the share.
    low_evidence
        Optional, with ``basis``: True where the value rests on little
        evidence; such a cell's second line ends in ``*``, explained in the note.
    lang
        ``"nl"`` or ``"en"``.
    highlight
        A service code whose row and column are outlined and labelled in bold.
    ax
        Axes to draw on; default the current Axes.

    Returns
    -------
    Axes
        The cells are one QuadMesh (``ax.collections[0]``) in the sequential
        cividis colour map; values are written in each cell. Shares (every value
        from 0 to 1) are coloured on the whole scale from 0 to 1, so that one share
        has one colour in the maps of every lens; other values on their own range.
    """
    import seaborn as sns

    check_language(lang)
    services = [str(code) for code in matrix.index]
    row = check_highlight(highlight, services)
    ax = style.axes_for(ax, style.square_figsize(len(services)))
    fontsize = style.font_size_for(len(services))
    if basis is None:
        annotations = value_annotations(matrix, lang)
    else:
        annotations = basis_annotations(matrix, basis, counts=counts, low_evidence=low_evidence, lang=lang)
    sns.heatmap(
        matrix.astype(float),
        ax=ax,
        cmap=style.SEQUENTIAL_CMAP,
        mask=matrix.isna().to_numpy(),
        **share_range(matrix),
        annot=annotations,
        fmt="",
        annot_kws={"fontsize": fontsize if basis is None else fontsize - 1},
        linewidths=1.0,
        linecolor="#ffffff",
        square=True,
        cbar_kws={"label": lens_title(lens, lang), "shrink": 0.8},
    )
    comma_ticks(ax.collections[0].colorbar.ax.yaxis, matrix, lang)
    ax.set_xticks(
        np.arange(len(services)) + 0.5, services, fontsize=fontsize, rotation=90 if len(services) > 8 else 0
    )
    ax.set_yticks(np.arange(len(services)) + 0.5, services, fontsize=fontsize, rotation=0)
    if row is not None:
        highlight_row(ax, row, len(services), highlight)
        ax.add_patch(
            Rectangle(
                (row, 0),
                1,
                len(services),
                fill=False,
                edgecolor=style.HIGHLIGHT_COLOUR,
                linewidth=style.HIGHLIGHT_LINEWIDTH,
                gid=f"highlight-column:{highlight}",
                zorder=5,
            )
        )
        ax.get_xticklabels()[row].set_fontweight("bold")
    ax.set_title(
        text("plots.affinity_title", lang, lens=lens_title(lens, lang)), loc="left", fontweight="bold"
    )
    xlabel = text("plots.service", lang)
    if basis is not None:
        note = text("plots.basis.items" if counts is None else "plots.basis.counts", lang)
        if low_evidence is not None and bool(np.asarray(low_evidence, dtype=bool).any()):
            note += "\n" + text("plots.basis.low_evidence", lang)
        width = int(10 * ax.figure.get_figwidth())
        xlabel += "\n\n" + "\n".join(style.wrap_label(line, width) for line in note.split("\n"))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(text("plots.service", lang))
    return ax


def share_range(matrix: pd.DataFrame) -> dict[str, float]:
    """``vmin=0, vmax=1`` for a matrix of shares (every value from 0 to 1), else nothing."""
    values = matrix.to_numpy(dtype=float)
    values = values[~np.isnan(values)]
    return {"vmin": 0.0, "vmax": 1.0} if values.size and values.min() >= 0 and values.max() <= 1 else {}


def lens_heatmap(
    data: Dataset,
    lens: str,
    *,
    lang: str = "nl",
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    ax: Axes | None = None,
) -> Axes:
    """:func:`affinity_heatmap` of ``lens`` under one reading, computed from ``data``: the shares per
    pair, each cell with what it rests on (and the count, for a count lens), ``*`` where that is
    little evidence (:data:`~odsamen.analysis.affinity.LOW_EVIDENCE_SHARE` of the items)."""
    reading = {"unknown": unknown, "advisor": advisor, "levels": levels}
    shares = lens_share(data, lens, **reading)
    basis = lens_basis(data, lens, **reading)
    counts = lens_matrix(data, lens, **reading) if lens in COUNT_LENSES else None
    low_evidence = basis < LOW_EVIDENCE_SHARE * len(data.items)
    return affinity_heatmap(
        shares, lens=lens, basis=basis, counts=counts, low_evidence=low_evidence, lang=lang, ax=ax
    )


def give_and_take_table(
    data: Dataset,
    *,
    lang: str = "nl",
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    dimension: str | None = None,
) -> pd.DataFrame:
    """Who can give to whom, ready to show: :func:`~odsamen.analysis.affinity.complementarity_directed`
    with givers as rows and receivers as columns (axes named in ``lang``), whole numbers, and ``–``
    where a service meets itself."""
    check_language(lang)
    table = complementarity_directed(
        data, unknown=unknown, advisor=advisor, levels=levels, dimension=dimension
    )
    table = table.astype("Int64").astype(object).where(table.notna(), "–")
    return table.rename_axis(
        index=text("affinity.column.giver", lang), columns=text("affinity.column.receiver", lang)
    )
