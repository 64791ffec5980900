"""Coalition charts: per item which groups of services could fetch and bring (halen en brengen)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from odsamen.analysis.data import Dataset
from odsamen.catalogue import check_language, text
from odsamen.report import style
from odsamen.report.plots.common import (
    LEGEND_HANDLERS,
    add_cell,
    advisor_handle,
    draw_advisor_mark,
    synthetic_note,
)

COALITION_STATES = ("exchange", "agenda", "not_agenda", "undetermined")
"""What a coalition × item cell shows: an exchange item (on the joint agenda, one member falls short
and another is strong), on the joint agenda only, not on it, or undetermined (the agenda cannot be
decided: a ``?``, no preference, or a score left out by the reading)."""


COALITION_COLOURS: dict[str, str] = {
    "exchange": "#5e3c99",
    "agenda": "#b2abd2",
    "not_agenda": "#f5f5f5",
    "undetermined": style.UNKNOWN_CELL_COLOUR,
}
"""Dark for an exchange item, medium for the agenda, near white for neither: three steps of
lightness that stay apart in greyscale. Undetermined is light grey with crosses
(:data:`~odsamen.report.style.UNKNOWN_CELL_HATCH`), as unknown cells of the other heatmaps."""


COALITION_HATCHES: dict[str, str | None] = {
    "exchange": None,
    "agenda": None,
    "not_agenda": None,
    "undetermined": style.UNKNOWN_CELL_HATCH,
}


COALITION_HATCH_COLOUR = style.MISSING_CROSS_COLOUR
"""Lighter crosses than the score grids' hatches: undetermined cells are many and should not
outweigh the agenda."""


COALITION_CELL_INCHES = 0.3
"""Side of one coalition × item cell: 17 items and the row labels fit the width of an A4 page."""


MAX_COALITION_ROWS = 60
"""More coalitions than this make no readable picture: pass a selection as ``keys``."""


EXCHANGE_MARKER = {
    "marker": "o",
    "markersize": 5.5,
    "markerfacecolor": "#ffffff",
    "markeredgecolor": "#000000",
    "markeredgewidth": 0.8,
}
"""A white dot on the dark exchange cells, so they read without colour too."""


OPEN_EXCHANGE_MARKER = {"markersize": 6.5, "color": "#000000"}
"""The question mark of an open exchange cell; its marker is :func:`_open_exchange_marker`."""


def _open_exchange_marker():
    # The house style draws text literally, so the question mark is made as math on purpose.
    return style.math_marker("$?$")


"""A ``?`` on an agenda cell where whether one member can help another is undetermined."""


def coalition_cells(data: Dataset, keys: list[str] | None = None, reading=None) -> pd.DataFrame:
    """One row per coalition and item (coalitions in ``keys`` order, items in codebook order).

    Columns ``coalition``, ``item``, ``state`` (one of :data:`COALITION_STATES`),
    ``exchange_open`` (on the agenda, but whether one member can help another
    there is undetermined; ``exchange``: on the agenda and one member can help another) and
    ``advisor`` (a score of some member that the reading uses was
    filled in by the advisors). The facts come from
    :func:`odsamen.analysis.coalitions.coalition_facts` under ``reading``
    (an :class:`~odsamen.analysis.scoring.Reading`; default the standard reading).
    """
    from odsamen.analysis.affinity import states
    from odsamen.analysis.coalitions import coalition_facts, members

    found = coalition_facts(data, keys, reading)
    per_service = states(data, reading, items=found.items)
    agenda, exchange = found.facts["agenda"], found.facts["exchange"]
    rows = []
    for row, key in enumerate(found.keys):
        member_rows = [per_service.codes.index(code) for code in members(key)]
        advisor = per_service.advisor[member_rows].any(axis=0)
        for k, item in enumerate(found.items):
            if exchange[row, k] == 1 and agenda[row, k] == 1:
                state = "exchange"
            elif agenda[row, k] == 1:
                state = "agenda"
            elif agenda[row, k] == 0:
                state = "not_agenda"
            else:
                state = "undetermined"
            open_ = state == "agenda" and bool(np.isnan(exchange[row, k]))
            rows.append((key, item, state, open_, bool(advisor[k])))
    return pd.DataFrame(rows, columns=["coalition", "item", "state", "exchange_open", "advisor"])


def _coalition_legend(ax: Axes, cells: pd.DataFrame, lang: str, fontsize: float) -> None:
    """The cell kinds, the ``?`` and the advisor mark; below the grid, two columns."""

    def wrapped(key: str, **fields) -> str:
        return style.wrap_label(text(key, lang, **fields), 36)

    def swatch(state: str) -> Patch:
        hatch = COALITION_HATCHES[state]
        return Patch(
            facecolor=COALITION_COLOURS[state],
            hatch=hatch * 2 if hatch else None,
            edgecolor=COALITION_HATCH_COLOUR if hatch else "#bdbdbd",
            linewidth=0.5,
            label=wrapped(f"plots.coalition.{state}"),
        )

    handles, labels = [], []
    exchange_dot = Line2D([], [], linestyle="none", **EXCHANGE_MARKER)
    handles.append((swatch("exchange"), exchange_dot))
    labels.append(wrapped("plots.coalition.exchange"))
    for state in ("agenda", "not_agenda"):
        handles.append(swatch(state))
        labels.append(wrapped(f"plots.coalition.{state}"))
    if cells["exchange_open"].any():
        open_mark = Line2D([], [], linestyle="none", marker=_open_exchange_marker(), **OPEN_EXCHANGE_MARKER)
        handles.append((swatch("agenda"), open_mark))
        labels.append(wrapped("plots.coalition.exchange_open"))
    if (cells["state"] == "undetermined").any():
        handles.append(swatch("undetermined"))
        labels.append(wrapped("plots.coalition.undetermined"))
    if cells["advisor"].any():
        label = wrapped("plots.coalition.advisor", source=text("source.advisor", lang))
        handles.append(advisor_handle(lang, label))
        labels.append(label)
    ax.legend(
        handles=handles,
        labels=labels,
        title=text("plots.coalition.legend", lang),
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        borderaxespad=2.2,
        ncols=2,
        fontsize=fontsize,
        title_fontsize=fontsize,
        alignment="left",
        handlelength=1.6,
        handleheight=1.2,
        handler_map=LEGEND_HANDLERS,
    )


def _coalition_marks(
    ax: Axes, cells: pd.DataFrame, keys: list[str], items: list[str], fontsize: float, lang: str
) -> None:
    """The white dots of exchange items, the ``?`` of open ones and the advisor marks."""
    x = cells["item"].map({item: k for k, item in enumerate(items)}).to_numpy()
    y = cells["coalition"].map({key: k for k, key in enumerate(keys)}).to_numpy()
    exchange = (cells["state"] == "exchange").to_numpy()
    open_ = cells["exchange_open"].to_numpy(dtype=bool)
    advisor = cells["advisor"].to_numpy(dtype=bool)
    if exchange.any():
        ax.plot(
            x[exchange] + 0.5,
            y[exchange] + 0.5,
            linestyle="none",
            gid="exchange",
            zorder=4,
            **EXCHANGE_MARKER,
        )
    if open_.any():
        ax.plot(
            x[open_] + 0.5,
            y[open_] + 0.55,
            linestyle="none",
            gid="exchange_open",
            zorder=4,
            marker=_open_exchange_marker(),
            **OPEN_EXCHANGE_MARKER,
        )
    for k in np.flatnonzero(advisor):
        face = COALITION_COLOURS[cells["state"].iat[k]]
        draw_advisor_mark(ax, x[k], y[k], face, fontsize, lang)


def _coalition_breaks(ax: Axes, data: Dataset, keys: list[str], items: list[str], lang: str, fontsize: float):
    """Lines between coalition sizes and between the two dimensions, the dimensions named below."""
    from odsamen.analysis.coalitions import members

    sizes = [len(members(key)) for key in keys]
    for row in range(1, len(keys)):
        if sizes[row] != sizes[row - 1]:
            ax.plot(
                [0, len(items)], [row, row], color="#636363", linewidth=1.0, gid=f"size-break:{row}", zorder=3
            )
    start = 0
    for dimension in dict.fromkeys(data.items.set_index("item").loc[items, "dimension"].astype(str)):
        count = sum(1 for item in items if item in set(data.item_codes(dimension)))
        if start:
            ax.plot(
                [start, start],
                [0, len(keys)],
                color="#636363",
                linewidth=1.0,
                gid=f"dimension-break:{dimension}",
                zorder=3,
            )
        ax.text(
            start + count / 2,
            len(keys) + 0.25,
            text(f"dimension.{dimension}", lang),
            ha="center",
            va="top",
            fontsize=fontsize,
            fontstyle="italic",
            gid=f"dimension:{dimension}",
        )
        start += count


def coalition_item_chart(
    data: Dataset,
    keys: list[str] | None = None,
    reading=None,
    *,
    lang: str = "nl",
    ax: Axes | None = None,
) -> Axes:
    """Per coalition (rows) and item (columns): on the joint agenda, an exchange item, or neither.

    A dark cell with a white dot is an *exchange item*: on the coalition's
    joint agenda (every member names a regional level and sees added value)
    and one member falls short where another is strong. A medium cell is on
    the agenda only; a ``?`` on it says whether it is an exchange item is
    undetermined. A near-white cell is not on the agenda; a light grey cell
    with crosses is undetermined. The catalogue's ``affinity.advisor_mark`` in
    a cell's top-right corner marks a cell that rests on a score the advisors
    filled in. Lines separate pairs, triples and larger coalitions, and the two
    dimensions. The cells are sized so that 17 items fit the width of an A4
    page.

    Parameters
    ----------
    data
        The loaded data folder.
    keys
        Coalition keys such as ``"ODA+ODB"`` (:func:`odsamen.analysis.coalitions.coalitions`,
        the default: for four services all 11). At most :data:`MAX_COALITION_ROWS`.
    reading
        An :class:`~odsamen.analysis.scoring.Reading`; default the standard reading.
    lang
        ``"nl"`` or ``"en"``.
    ax
        Axes to draw on; default the current Axes.

    Returns
    -------
    Axes
        Cell patches carry ``gid="coalition:<key>:<item>"``; the dots are one
        line ``gid="exchange"``, the ``?`` marks ``gid="exchange_open"``, the
        advisor marks (texts) ``gid="advisor"``.
    """
    from odsamen.analysis.coalitions import coalitions

    check_language(lang)
    keys = list(keys) if keys is not None else coalitions(data)
    if len(keys) > MAX_COALITION_ROWS:
        raise ValueError(
            f"{len(keys)} coalitions make no readable picture; pass at most {MAX_COALITION_ROWS} as keys"
        )
    cells = coalition_cells(data, keys, reading)
    items = list(dict.fromkeys(cells["item"]))
    cell = COALITION_CELL_INCHES
    ax = style.axes_for(ax, (2.0 + cell * len(items), 4.2 + cell * len(keys)))
    fontsize = min(9.0, style.font_size_for(len(keys)))
    small = max(style.MIN_FONT_SIZE, fontsize - 0.5)
    for row in cells.itertuples(index=False):
        x, y = items.index(row.item), keys.index(row.coalition)
        hatch = COALITION_HATCHES[row.state]
        add_cell(
            ax,
            Rectangle(
                (x, y),
                1,
                1,
                facecolor=COALITION_COLOURS[row.state],
                edgecolor=style.GRID_COLOUR,
                linewidth=1.0,
                gid=f"coalition:{row.coalition}:{row.item}",
                **({"hatch": hatch, "hatchcolor": COALITION_HATCH_COLOUR} if hatch else {}),
            ),
        )
    _coalition_marks(ax, cells, keys, items, small, lang)
    ax.set_xlim(0, len(items))
    ax.set_ylim(len(keys), 0)
    ax.set_aspect("equal")
    ax.xaxis.tick_top()
    ax.set_xticks(
        np.arange(len(items)) + 0.5,
        [data.item_label(item, lang) for item in items],
        fontsize=small,
        rotation=90,
        ha="center",
        va="bottom",
    )
    ax.set_yticks(np.arange(len(keys)) + 0.5, keys, fontsize=fontsize)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    _coalition_breaks(ax, data, keys, items, lang, small)
    _coalition_legend(ax, cells, lang, small)
    ax.set_title(style.wrap_label(text("plots.coalition.title", lang), 46), loc="left", fontweight="bold")
    synthetic_note(ax, data.synthetic, lang)
    return ax
