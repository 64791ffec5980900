"""Score heatmaps: one cell per service and item, its symbol, colour and hatch."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from odsamen.analysis.data import SYMBOLS, Dataset
from odsamen.catalogue import check_language, text
from odsamen.report import style
from odsamen.report.plots.common import (
    LEGEND_HANDLERS,
    LEGEND_OUTSIDE,
    NEGATIVE_HATCH,
    NEGATIVE_SYMBOLS,
    SCORE_COLOURS,
    SCORE_HATCHES,
    SYMBOL_FIELD,
    add_cell,
    advisor_handle,
    check_highlight,
    draw_advisor_mark,
    highlight_row,
    item_labels,
    measure_question,
    missing_handle,
    missing_rectangle,
    score_hatch_colour,
    setup_grid,
    shown_services,
    synthetic_note,
)


def score_cells(data: Dataset, *, dimension: str, measure: str) -> pd.DataFrame:
    """One row per service and item of ``dimension``: its ``symbol`` (None if missing) and
    whether the advisors filled it in (``advisor``), in codebook order."""
    part = data.scores[(data.scores["dimension"] == dimension) & (data.scores["measure"] == measure)]
    part = part.assign(service=part["service"].astype(str), item=part["item"].astype(str))
    part = part.set_index(["service", "item"])
    grid = pd.MultiIndex.from_product(
        [data.service_codes, data.item_codes(dimension)], names=["service", "item"]
    )
    symbols = part["score"].astype(object).reindex(grid)
    advisor = (part["source"].astype(str) == "advisor").reindex(grid, fill_value=False)
    cells = pd.DataFrame({"symbol": symbols.where(symbols.notna(), None), "advisor": advisor.astype(bool)})
    return cells.reset_index()


def _draw_score_cell(ax: Axes, x: int, y: int, symbol: str | None, fontsize: float, gid: str) -> None:
    if symbol is None:
        add_cell(ax, missing_rectangle((x, y), 1, 1, gid))
        return
    face = SCORE_COLOURS[symbol]
    add_cell(
        ax,
        Rectangle(
            (x, y),
            1,
            1,
            facecolor=face,
            hatch=SCORE_HATCHES[symbol],
            hatchcolor=score_hatch_colour(symbol),
            edgecolor=style.GRID_COLOUR,
            linewidth=1.5,
            gid=gid,
        ),
    )
    if SCORE_HATCHES[symbol]:
        add_cell(ax, _symbol_field(x, y, face, gid))
    ax.text(
        x + 0.5,
        y + 0.5,
        symbol,
        ha="center",
        va="center",
        fontsize=fontsize + 1,
        fontweight="bold",
        color=style.text_colour_on(face),
        gid=f"text:{gid}",
        in_layout=False,  # inside its cell, so the layout need not measure it
    )


def _symbol_field(x: int, y: int, face: str, gid: str) -> Rectangle:
    """The plain field in the middle of the hatched cell at column ``x``, row ``y``: its symbol goes on it."""
    margin = (1 - SYMBOL_FIELD) / 2
    return Rectangle(
        (x + margin, y + margin),
        SYMBOL_FIELD,
        SYMBOL_FIELD,
        facecolor=face,
        edgecolor="none",
        gid=f"field:{gid}",
    )


def _score_legend(ax: Axes, lang: str, *, missing: bool, advisor: bool) -> None:
    """Legend from strong positive down to strong negative, then the marks that need explaining."""
    handles = [
        Patch(
            facecolor=SCORE_COLOURS[symbol],
            # A legend swatch is low: denser lines show at least two stripes, as the large cells do.
            hatch=NEGATIVE_HATCH * 2 if symbol in NEGATIVE_SYMBOLS else SCORE_HATCHES[symbol],
            hatchcolor=score_hatch_colour(symbol),
            edgecolor=style.HATCH_COLOUR if SCORE_HATCHES[symbol] else SCORE_COLOURS[symbol],
            linewidth=0.0,
            label=text(f"symbol.{symbol}", lang),
        )
        for symbol in reversed(SYMBOLS)
    ]
    if missing:
        handles.append(missing_handle(text("symbol.missing", lang)))
    if advisor:
        handles.append(advisor_handle(lang))
    ax.legend(
        handles=handles, title=text("plots.legend.score", lang), handler_map=LEGEND_HANDLERS, **LEGEND_OUTSIDE
    )


def _mark_advisor_cells(
    ax: Axes, cells: pd.DataFrame, services: list[str], items: list[str], fontsize: float, lang: str
) -> None:
    """The advisor mark in the top-right corner of each advisor-filled cell of a score heatmap."""
    for cell in cells[cells["advisor"]].itertuples(index=False):
        face = SCORE_COLOURS[cell.symbol] if cell.symbol is not None else style.MISSING_COLOUR
        x, y = items.index(cell.item), services.index(cell.service)
        draw_advisor_mark(ax, x, y, face, fontsize * style.ADVISOR_MARK_SCALE, lang)


def score_heatmap(
    data: Dataset,
    *,
    dimension: str,
    measure: str,
    lang: str = "nl",
    highlight: str | None = None,
    services: list[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The report's score table as a picture: services (rows) by items (columns).

    Each cell shows the report's own symbol on its fixed colour (orange for
    negative, purple for positive); ``?`` (unknown) and ``-/+`` (mixed) are
    grey with dots or diagonal lines, a cell without a score is white with
    a cross, and the catalogue's ``affinity.advisor_mark`` in a cell's top-right
    corner marks a score the advisors filled in.

    Parameters
    ----------
    data
        The loaded data folder.
    dimension
        ``"robustness"`` (criteria) or ``"task"`` (future tasks).
    measure
        ``"meets"`` (does the service meet it / is it equipped) or
        ``"added_value"`` (how much would cooperation add).
    lang
        ``"nl"`` or ``"en"``.
    highlight
        A service code whose row is outlined and labelled in bold.
    services
        The rows to show, in codebook order whatever the order given; default every service.
    ax
        Axes to draw on; default the current Axes.

    Returns
    -------
    Axes
        Cell patches carry ``gid="cell:<service>:<item>"``, their symbols
        ``gid="text:cell:<service>:<item>"`` and the plain field behind the
        symbol of a hatched cell ``gid="field:cell:<service>:<item>"``, the
        advisor marks (texts) ``gid="advisor"``.
    """
    check_language(lang)
    items = data.item_codes(dimension)
    services = shown_services(data, services)
    row = check_highlight(highlight, services)
    cells = score_cells(data, dimension=dimension, measure=measure)
    cells = cells[cells["service"].isin(services)]
    ax = style.axes_for(ax, style.grid_figsize(len(services), len(items)))
    fontsize = style.font_size_for(len(services))
    for cell in cells.itertuples(index=False):
        x, y = items.index(cell.item), services.index(cell.service)
        _draw_score_cell(ax, x, y, cell.symbol, fontsize, f"cell:{cell.service}:{cell.item}")
    _mark_advisor_cells(ax, cells, services, items, fontsize, lang)
    setup_grid(ax, services, item_labels(data, items, lang), fontsize)
    if row is not None:
        highlight_row(ax, row, len(items), highlight)
    _score_legend(ax, lang, missing=cells["symbol"].isna().any(), advisor=cells["advisor"].any())
    ax.set_title(
        text(
            "plots.score_title",
            lang,
            dimension=text(f"dimension.{dimension}", lang),
            question=measure_question(dimension, measure, lang),
        ),
        loc="left",
        fontweight="bold",
    )
    ax.set_ylabel(text("plots.service", lang))
    synthetic_note(ax, data.synthetic, lang)
    return ax
