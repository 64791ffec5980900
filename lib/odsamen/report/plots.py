"""Figures a board member reads without help.

Every helper follows seaborn's contract: the data first, keyword-only
options after it, drawing on ``ax`` (or the current Axes) and returning that
Axes; nothing here shows or saves a figure (see :func:`odsamen.report.style.save_figure`).
When no ``ax`` is given and the current figure is still empty, the figure is
sized to the data (see :func:`odsamen.report.style.axes_for`), so four services and
twenty-eight services both give readable pictures.

All words come from :mod:`odsamen.catalogue` (titles, legends) or from the
codebook in the :class:`~odsamen.analysis.data.Dataset` (names of items and levels);
``lang="nl"`` (the default) or ``"en"`` picks the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from odsamen.report import style

if TYPE_CHECKING:
    import seaborn as sns

# seaborn and scipy are imported inside the few functions that use them: a briefing kernel, which
# draws only score grids and bars, then does not pay for loading them (about 0.6 s per kernel).
from odsamen.analysis.affinity import SENSITIVITY_COLUMNS
from odsamen.analysis.data import ASPECTS, SYMBOLS, Dataset
from odsamen.catalogue import ADVISOR_MARK, check_language, format_number, text

LEGEND_OUTSIDE = {
    "loc": "upper left",
    "bbox_to_anchor": (1.02, 1.0),
    "borderaxespad": 0.0,
    "alignment": "left",
}
"""Legends sit to the right of the Axes, clear of the cells."""

FULL_NETWORK = 8
"""Up to this many services a network shows every pair; beyond it only the strongest links."""

STRONGEST_LINKS = 3
"""Lines per service in a large network."""

FULL_PROFILE = 8
"""Up to this many services a profile chart has a bar per service; beyond it a row of dots."""

ASPECT_BOXES_LEFT, ASPECT_BOXES_RIGHT = 0.52, 0.97
"""In a cell with two answers, each answer's letter boxes sit in this part of the cell width."""

STACKED_ROW_INCHES = 0.6
"""Rows at least this high (in the laid-out figure) put an aspect's name above its boxes."""

PREFERENCE_BOXES = 3
"""Room for at least this many letters per preference cell, so cells line up."""

TRANSPOSED_COLUMN_INCHES, TRANSPOSED_ROW_INCHES, TRANSPOSED_LABEL_INCHES = 1.25, 0.36, 2.4
"""A preference chart with one column per service (``transpose``): column width, row height and the
room for the items' names on the left, in inches. Four services fit an A4 page at full size."""

TRANSPOSED_SPLIT_ROW_INCHES = 0.62
"""Row height of a transposed preference chart with a cell of two answers: each aspect's name goes
above its boxes (:data:`STACKED_ROW_INCHES`)."""

TRANSPOSED_LEGEND_WIDTH = 26
"""Characters per line of a legend entry in a transposed preference chart, so three columns fit."""

TRANSPOSED_LABEL_WIDTH = 24
"""Characters per line of an item's name in a transposed preference chart."""

ADVISOR_MARK_CORNER = (0.83, 0.28)
"""Where the advisor mark sits in a cell, from its left and top edges as shares of the cell: the
top-right corner, clear of the symbol in the middle."""

NEGATIVE_SYMBOLS = ("--", "-")
"""Score symbols drawn with :data:`NEGATIVE_HATCH`."""

NEGATIVE_HATCH = "--"
"""Hatch of a negative score cell: horizontal lines, like a minus sign. Printed in black and white,
the sign of a score is in its pattern (negative striped, positive plain) and its strength in its
lightness (``++`` and ``--`` dark, ``+`` and ``-`` light), so ``-`` and ``+`` differ as much as ``--``
and ``++`` (see tests/test_plots.py, greyscale)."""

SCORE_COLOURS: dict[str, str] = {**style.SYMBOL_COLOURS, "--": "#b35806"}
"""Face colour per symbol in a score heatmap: the house colours, with ``--`` a darker orange (the end
of ColorBrewer's PuOr, as ``++`` is) so that in greyscale both strong ends are dark, both weak ones
light, and ``--`` carries white text and lines like ``++``."""

SCORE_HATCHES: dict[str, str | None] = {
    **style.SYMBOL_HATCHES,
    **dict.fromkeys(NEGATIVE_SYMBOLS, NEGATIVE_HATCH),
}
"""Hatch per symbol in a score heatmap: the house hatches (``?`` dots, ``-/+`` diagonal lines) and
horizontal lines over the negative symbols."""


SYMBOL_FIELD = 0.56
"""Width and height of the plain field behind the symbol of a hatched score cell, as a share of the
cell's. The dots and lines stay clear of the symbol by about a font height above and below and more
on either side (tests/test_plots.py measures it), so a single ``-`` on its striped cell never reads
as one more line, printed at the width of an A4 page too."""


def score_hatch_colour(symbol: str) -> str:
    """Colour of the hatch over a score cell with ``symbol``: over a negative cell the colour of its
    symbol (black on light orange, white on dark), so the lines show on both; else the house grey."""
    if symbol in NEGATIVE_SYMBOLS:
        return style.text_colour_on(SCORE_COLOURS[symbol])
    return style.HATCH_COLOUR


# --- shared pieces ------------------------------------------------------------


def _decimals_for(values: np.ndarray) -> int:
    """0 when every value is a whole number (counts), else 2."""
    finite = values[np.isfinite(values)]
    return 0 if finite.size and np.allclose(finite, np.round(finite)) else 2


def _comma_ticks(axis, matrix: pd.DataFrame, lang: str) -> None:
    """Colour bar numbers written like the cell values (decimal comma in Dutch)."""
    decimals = _decimals_for(matrix.to_numpy(dtype=float))
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, lang, max(1, decimals))))


def _setup_grid(ax: Axes, row_labels: list[str], col_labels: list[str], fontsize: float) -> None:
    """Cell coordinates: column j spans x in [j, j+1], row i spans y in [i, i+1], first row on top.

    Column labels that are wider than their column are turned, so neighbours never overlap.
    """
    ax.set_xlim(0, len(col_labels))
    ax.set_ylim(len(row_labels), 0)
    column_fontsize = style.font_size_for(len(col_labels))
    column_inches = ax.get_position().width * ax.figure.get_figwidth() / max(1, len(col_labels))
    turned = style.label_too_wide(col_labels, column_inches, column_fontsize)
    ax.set_xticks(
        np.arange(len(col_labels)) + 0.5,
        [style.wrap_label(label.replace("\n", " "), 24) for label in col_labels] if turned else col_labels,
        fontsize=column_fontsize,
        rotation=35 if turned else 0,
        ha="right" if turned else "center",
        rotation_mode="anchor" if turned else "default",
    )
    ax.set_yticks(np.arange(len(row_labels)) + 0.5, row_labels, fontsize=fontsize)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _outline(ax: Axes, xy: tuple[float, float], width: float, height: float, gid: str) -> None:
    """The own service's outline: a rectangle in the highlight colour over the grid."""
    ax.add_patch(
        Rectangle(
            xy,
            width,
            height,
            fill=False,
            edgecolor=style.HIGHLIGHT_COLOUR,
            linewidth=style.HIGHLIGHT_LINEWIDTH,
            gid=gid,
            clip_on=False,
            zorder=5,
        )
    )


def _highlight_row(ax: Axes, row: int, n_cols: int, service: str) -> None:
    """Outline row ``row`` and set its tick label in bold: the reader's own service."""
    _outline(ax, (0, row), n_cols, 1, f"highlight:{service}")
    ax.get_yticklabels()[row].set_fontweight("bold")


def _highlight_column(ax: Axes, column: int, n_rows: int, service: str) -> None:
    """Outline column ``column`` and set its tick label in bold: the reader's own service, in a
    grid with one column per service (:func:`preference_chart` with ``transpose``)."""
    _outline(ax, (column, 0), 1, n_rows, f"highlight:{service}")
    ax.get_xticklabels()[column].set_fontweight("bold")


def _check_highlight(highlight: str | None, services: list[str]) -> int | None:
    """The row of ``highlight`` among ``services``, or None when nothing is picked out."""
    if highlight is None:
        return None
    if highlight not in services:
        raise ValueError(f"highlight {highlight!r} is not one of the services: {', '.join(services)}")
    return services.index(highlight)


SYNTHETIC_COLOUR = SCORE_COLOURS["--"]
"""The warning colour of the synthetic-data note: the dark orange end of the score palette."""


def synthetic_note(ax: Axes, synthetic: bool, lang: str, *, below: bool = False) -> None:
    """Say on the figure itself that the data are made up, so no one takes them as real: above the
    axes at the left, or with ``below`` inside them at the bottom right (for a figure whose title
    takes the top)."""
    if synthetic:
        place = (
            {"xy": (1, 0), "ha": "right", "va": "bottom"}
            if below
            else {"xy": (0, 1), "xytext": (0, 22), "textcoords": "offset points"}
        )
        ax.annotate(
            text("plots.synthetic", lang),
            xycoords="axes fraction",
            color=SYNTHETIC_COLOUR,
            fontweight="bold",
            gid="synthetic",
            **place,
        )


def _item_labels(data: Dataset, items: list[str], lang: str, width: int = 14) -> list[str]:
    return [style.wrap_label(data.item_label(item, lang), width) for item in items]


def measure_question(dimension: str, measure: str, lang: str = "nl") -> str:
    """The report's question behind ``measure`` for ``dimension``, as a reader sees it."""
    key = f"measure.meets.{dimension}" if measure == "meets" else f"measure.{measure}"
    return text(key, lang)


# --- scores ---------------------------------------------------------------------


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


def _add_cell(ax: Axes, patch: Rectangle) -> None:
    """Add a patch inside the grid. The grid's limits are fixed (:func:`_setup_grid`), so unlike
    ``add_patch`` this does not recompute the data limits for each of hundreds of cells."""
    ax.add_artist(patch)


def _draw_score_cell(ax: Axes, x: int, y: int, symbol: str | None, fontsize: float, gid: str) -> None:
    if symbol is None:
        _add_cell(ax, _missing_rectangle((x, y), 1, 1, gid))
        return
    face = SCORE_COLOURS[symbol]
    _add_cell(
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
        _add_cell(ax, _symbol_field(x, y, face, gid))
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


def _missing_rectangle(xy: tuple[float, float], width: float, height: float, gid: str) -> Rectangle:
    return Rectangle(
        xy,
        width,
        height,
        facecolor=style.MISSING_COLOUR,
        hatch=style.MISSING_HATCH,
        hatchcolor=style.MISSING_CROSS_COLOUR,
        edgecolor=style.MISSING_CROSS_COLOUR,
        linewidth=0.8,
        gid=gid,
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
        handles.append(_missing_handle(text("symbol.missing", lang)))
    if advisor:
        handles.append(_advisor_handle(lang))
    ax.legend(
        handles=handles, title=text("plots.legend.score", lang), handler_map=LEGEND_HANDLERS, **LEGEND_OUTSIDE
    )


def _missing_handle(label: str) -> Patch:
    # A legend swatch is small: a denser hatch shows whole crosses, as the large cells do.
    return Patch(
        facecolor=style.MISSING_COLOUR,
        hatch=style.MISSING_HATCH * 3,
        edgecolor=style.MISSING_CROSS_COLOUR,
        label=label,
    )


class _MarkLegendHandler(HandlerBase):
    """Draws a legend entry whose handle is a :class:`~matplotlib.text.Text` as that text: the advisor
    mark in the legend is the very character the cells show."""

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        mark = Text(
            width / 2 - xdescent,
            height / 2 - ydescent,
            orig_handle.get_text(),
            ha="center",
            va="center",
            fontsize=fontsize * style.ADVISOR_MARK_SCALE,
            fontweight="bold",
            color=style.ADVISOR_MARK_LEGEND_COLOUR,
            transform=trans,
            gid="advisor",
        )
        return [mark]


LEGEND_HANDLERS = {Text: _MarkLegendHandler()}
"""The handler map of a legend that may hold the advisor mark (:func:`_advisor_handle`)."""


def _advisor_handle(lang: str, label: str | None = None) -> Text:
    """The legend entry of the advisor mark: the catalogue's mark, labelled ``label`` (default: what a
    score heatmap's legend says). Needs :data:`LEGEND_HANDLERS`."""
    label = label or text("plots.advisor", lang, source=text("source.advisor", lang))
    return Text(text=text(ADVISOR_MARK, lang), label=label)


def _draw_advisor_mark(ax: Axes, x: float, y: float, face: str, fontsize: float, lang: str) -> None:
    """The catalogue's mark for a score the advisors filled in, in the top-right corner of the cell at
    column ``x``, row ``y`` (rows run down). It sits on a small plain field of the cell's colour, clear of
    any hatch, in black or white, whichever reads on that colour."""
    ax.text(
        x + ADVISOR_MARK_CORNER[0],
        y + ADVISOR_MARK_CORNER[1],
        text(ADVISOR_MARK, lang),
        ha="center",
        va="center",
        fontsize=fontsize,
        fontweight="bold",
        color=style.text_colour_on(face),
        bbox={"boxstyle": "square,pad=0.12", "facecolor": face, "edgecolor": "none"},
        gid="advisor",
        zorder=2.5,  # over the cells, under the lines that divide them
        in_layout=False,  # inside its cell, so the layout need not measure it
    )


def _mark_advisor_cells(
    ax: Axes, cells: pd.DataFrame, services: list[str], items: list[str], fontsize: float, lang: str
) -> None:
    """The advisor mark in the top-right corner of each advisor-filled cell of a score heatmap."""
    for cell in cells[cells["advisor"]].itertuples(index=False):
        face = SCORE_COLOURS[cell.symbol] if cell.symbol is not None else style.MISSING_COLOUR
        x, y = items.index(cell.item), services.index(cell.service)
        _draw_advisor_mark(ax, x, y, face, fontsize * style.ADVISOR_MARK_SCALE, lang)


def score_heatmap(
    data: Dataset,
    *,
    dimension: str,
    measure: str,
    lang: str = "nl",
    highlight: str | None = None,
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
    services, items = data.service_codes, data.item_codes(dimension)
    row = _check_highlight(highlight, services)
    cells = score_cells(data, dimension=dimension, measure=measure)
    ax = style.axes_for(ax, style.grid_figsize(len(services), len(items)))
    fontsize = style.font_size_for(len(services))
    for cell in cells.itertuples(index=False):
        x, y = items.index(cell.item), services.index(cell.service)
        _draw_score_cell(ax, x, y, cell.symbol, fontsize, f"cell:{cell.service}:{cell.item}")
    _mark_advisor_cells(ax, cells, services, items, fontsize, lang)
    _setup_grid(ax, services, _item_labels(data, items, lang), fontsize)
    if row is not None:
        _highlight_row(ax, row, len(items), highlight)
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


# --- scale preferences ------------------------------------------------------------


def preference_cells(data: Dataset, *, dimension: str) -> pd.DataFrame:
    """One row per service, item and aspect of ``dimension``: the preferred ``levels``
    as a tuple of letters in the service's own order (``("?",)`` for unknown,
    ``()`` for not given), the ``aspect`` ("" for a single answer) and the ``note`` (``note_en``:
    in English, the Dutch note where no English one is given)."""
    part = data.preferences[data.preferences["dimension"] == dimension]
    rows = [
        {
            "service": str(pref.service),
            "item": str(pref.item),
            "aspect": pref.aspect,
            "levels": tuple(pref.levels.split("/")) if pref.levels else (),  # "?" stays, drawn as unknown
            "note": pref.note,
            "note_en": pref.note_en or pref.note,
        }
        for pref in part.itertuples(index=False)
    ]
    cells = pd.DataFrame(rows, columns=["service", "item", "aspect", "levels", "note", "note_en"])
    keys = {
        "_s": cells["service"].map({code: i for i, code in enumerate(data.service_codes)}),
        "_i": cells["item"].map({code: i for i, code in enumerate(data.item_codes(dimension))}),
        "_a": cells["aspect"].map({aspect: i for i, aspect in enumerate(("", *ASPECTS))}),
    }
    cells = cells.assign(**keys).sort_values(list(keys), kind="stable")
    return cells.drop(columns=list(keys)).reset_index(drop=True)


def _draw_levels(
    ax: Axes,
    centre: tuple[float, float],
    height: float,
    levels: tuple,
    box_width: float,
    fontsize: float,
    gid: str,
) -> None:
    """Coloured letter boxes side by side, centred on ``centre``, first preference on the left."""
    gap = 0.03
    x, y = centre
    start = x - (len(levels) * box_width + (len(levels) - 1) * gap) / 2
    for k, level in enumerate(levels):
        left = start + k * (box_width + gap)
        unknown = level == "?"
        face = style.UNKNOWN_PREFERENCE_COLOUR if unknown else style.LEVEL_COLOURS[level]
        _add_cell(
            ax,
            Rectangle(
                (left, y - height / 2),
                box_width,
                height,
                facecolor=face,
                hatch=style.SYMBOL_HATCHES["?"] if unknown else None,
                hatchcolor=style.HATCH_COLOUR,
                edgecolor="#ffffff",
                linewidth=0.8,
                gid=f"{gid}:{k}:{level}",
            ),
        )
        box = {"boxstyle": "round,pad=0.1", "facecolor": face, "edgecolor": "none"} if unknown else None
        ax.text(
            left + box_width / 2,
            y,
            level,
            ha="center",
            va="center",
            fontsize=fontsize,
            fontweight="bold",
            color=style.text_colour_on(face),
            bbox=box,
            gid=f"text:{gid}:{k}",
            in_layout=False,
        )


@dataclass(frozen=True)
class _CellLayout:
    """How letter boxes are drawn in every cell of one preference chart.

    ``stacked``: in a cell with two answers, each aspect's name goes above
    its boxes (roomy rows) or to their left (low rows of a large chart).
    """

    box_width: float
    fontsize: float
    stacked: bool


def _aspect_line(ax: Axes, x: int, top: float, height: float, answer, layout: _CellLayout, lang: str):
    """Write the aspect's name; return where its boxes go: centre, box width, box height, font size."""
    name = text(f"aspect.{answer.aspect}", lang)
    small = max(style.MIN_FONT_SIZE - 0.5, layout.fontsize - 2)
    gid = f"aspect:pref:{answer.service}:{answer.item}:{answer.aspect}"
    if layout.stacked:
        ax.text(x + 0.5, top + 0.04, name, ha="center", va="top", fontsize=small, style="italic", gid=gid)
        return (x + 0.5, top + 0.62 * height), layout.box_width, 0.5 * height, layout.fontsize
    ax.text(x + 0.05, top + height / 2, name, ha="left", va="center", fontsize=small, style="italic", gid=gid)
    n = max(1, len(answer.levels))
    room = ASPECT_BOXES_RIGHT - ASPECT_BOXES_LEFT
    width = min(layout.box_width, (room - (n - 1) * 0.03) / n)
    centre = (x + (ASPECT_BOXES_LEFT + ASPECT_BOXES_RIGHT) / 2, top + height / 2)
    return centre, width, 0.8 * height, layout.fontsize - 1


def _draw_preference_cell(ax: Axes, x: int, y: int, answers: list, layout: _CellLayout, lang: str) -> None:
    """One cell: one line of letter boxes, or one line per aspect with its name (``answers``: the
    cell's rows of :func:`preference_cells`, as named tuples)."""
    service, item = answers[0].service, answers[0].item
    gid = f"pref:{service}:{item}"
    _add_cell(ax, Rectangle((x, y), 1, 1, facecolor="#f7f7f7", edgecolor="#ffffff", linewidth=1.5, gid=gid))
    if len(answers) == 1 and not answers[0].levels:
        _add_cell(ax, _missing_rectangle((x, y), 1, 1, f"{gid}:missing"))
        return
    height = 1 / len(answers)
    for line, answer in enumerate(answers):
        top = y + line * height
        sub_gid = f"{gid}:{answer.aspect}" if answer.aspect else gid
        if answer.aspect:
            centre, width, box_height, letters = _aspect_line(ax, x, top, height, answer, layout, lang)
        else:
            centre, width, box_height, letters = (
                (x + 0.5, top + height / 2),
                layout.box_width,
                0.62 * height,
                layout.fontsize,
            )
        if answer.levels:
            _draw_levels(ax, centre, box_height, answer.levels, width, letters, sub_gid)
        else:
            _add_cell(
                ax,
                _missing_rectangle(
                    (centre[0] - 0.2, centre[1] - box_height / 2), 0.4, box_height, f"{sub_gid}:missing"
                ),
            )


def _preference_legend(
    ax: Axes, data: Dataset, lang: str, *, unknown: bool, missing: bool, width: int | None = None
) -> None:
    """The levels' colours and names (wrapped to ``width`` characters if given), then the marks."""
    handles = [
        Patch(
            facecolor=style.LEVEL_COLOURS[level],
            edgecolor="none",
            label=style.wrap_label(entry, width) if width else entry,
        )
        for level in data.levels["level"]
        for entry in [text("plots.level_entry", lang, level=level, label=data.level_label(level, lang))]
    ]
    if unknown:
        handles.append(
            Patch(
                facecolor=style.UNKNOWN_PREFERENCE_COLOUR,
                hatch=style.SYMBOL_HATCHES["?"],
                edgecolor=style.HATCH_COLOUR,
                linewidth=0.0,
                label=text("preference.unknown", lang),
            )
        )
    if missing:
        handles.append(_missing_handle(text("preference.missing", lang)))
    ax.legend(
        handles=handles,
        title=text("plots.legend.levels", lang, regional=text("regional", lang)),
        **LEGEND_OUTSIDE,
    )


def _notes_label(cells: pd.DataFrame, lang: str, width: int = 110) -> str:
    """The services' own notes on empty cells, once per service and note, wrapped to ``width``."""
    column = "note_en" if lang == "en" else "note"
    notes = (
        cells.loc[cells[column] != "", ["service", column]].drop_duplicates().rename(columns={column: "note"})
    )
    lines = [text("plots.note", lang, service=row.service, note=row.note) for row in notes.itertuples()]
    return "\n".join(style.wrap_label(line, width) for line in lines)


def preference_figsize(
    n_services: int, n_items: int, *, transpose: bool = False, split: bool = False
) -> tuple[float, float]:
    """Figure size in inches for :func:`preference_chart` (2.2 inches for title, labels and notes);
    ``split``: some cell holds two answers."""
    if transpose:
        width = TRANSPOSED_LABEL_INCHES + TRANSPOSED_COLUMN_INCHES * n_services
        row = TRANSPOSED_SPLIT_ROW_INCHES if split else TRANSPOSED_ROW_INCHES
        return round(width, 2), round(2.2 + row * n_items, 2)
    # A cell with two answers needs two lines of boxes, so its rows may not shrink as far.
    return style.grid_figsize(
        n_services, n_items, cell_width=1.1, cell_height=0.6, min_cell_height=0.5 if split else 0.28
    )


def preference_chart(
    data: Dataset,
    *,
    dimension: str,
    lang: str = "nl",
    highlight: str | None = None,
    transpose: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Which scale of cooperation each service prefers, per item.

    Each cell holds the preferred levels A–F as coloured letter boxes in the
    order the service gave them (first named on the left). A grey dotted box
    with ``?`` means the service said it does not know; a white cell with a
    cross means no preference was given, and the service's own note saying
    why is printed under the chart. A cell with two answers (OFGV's "BI en
    opleiding") has one line per aspect, named on the left.

    Parameters
    ----------
    data
        The loaded data folder.
    dimension
        ``"robustness"`` or ``"task"``.
    lang
        ``"nl"`` or ``"en"``.
    highlight
        A service code whose row (column) is outlined and labelled in bold.
    transpose
        One column per service and one row per item, names of the items on
        the left: for a page of A4 (a few services, eleven tasks), where one
        column per item leaves no room for the letters.
    ax
        Axes to draw on; default the current Axes.

    Returns
    -------
    Axes
        Letter boxes carry ``gid="pref:<service>:<item>[:<aspect>]:<k>:<letter>"``
        with ``k`` the position in the service's order; an empty cell
        carries ``gid="pref:<service>:<item>:missing"``.
    """
    check_language(lang)
    services, items = data.service_codes, data.item_codes(dimension)
    row = _check_highlight(highlight, services)
    cells = preference_cells(data, dimension=dimension)
    n_letters = max([PREFERENCE_BOXES, *cells["levels"].map(len)])
    split = bool((cells["aspect"] != "").any())
    ax = style.axes_for(ax, preference_figsize(len(services), len(items), transpose=transpose, split=split))
    n_rows = len(items) if transpose else len(services)
    fontsize = style.font_size_for(len(services))
    row_inches = ax.get_position().height * ax.figure.get_figheight() / n_rows
    layout = _CellLayout(
        box_width=min(0.24, (1 - 0.12 - (n_letters - 1) * 0.03) / n_letters),
        fontsize=fontsize,
        stacked=row_inches >= STACKED_ROW_INCHES,
    )
    by_cell: dict[tuple[str, str], list] = {}
    for answer in cells.itertuples(
        index=False
    ):  # rows, once: a DataFrame per cell costs more than its drawing
        by_cell.setdefault((answer.service, answer.item), []).append(answer)
    for (service, item), answers in by_cell.items():
        x, y = items.index(item), services.index(service)
        _draw_preference_cell(ax, *((y, x) if transpose else (x, y)), answers, layout, lang)
    if transpose:
        _setup_grid(ax, _item_labels(data, items, lang, TRANSPOSED_LABEL_WIDTH), services, fontsize)
        ax.xaxis.tick_top()  # the services' codes over their columns, the notes below the grid
        if row is not None:
            _highlight_column(ax, row, len(items), highlight)
    else:
        _setup_grid(ax, services, _item_labels(data, items, lang), fontsize)
        if row is not None:
            _highlight_row(ax, row, len(items), highlight)
    letters = [letter for levels in cells["levels"] for letter in levels]
    _preference_legend(
        ax,
        data,
        lang,
        unknown="?" in letters,
        missing=(cells["levels"].map(len) == 0).any(),
        width=TRANSPOSED_LEGEND_WIDTH if transpose else None,
    )
    title = text("plots.preference_title", lang, dimension=text(f"dimension.{dimension}", lang))
    # Transposed, the title starts over the grid, right of the items' names: two lines fit there.
    ax.set_title(style.wrap_label(title, 40) if transpose else title, loc="left", fontweight="bold")
    if transpose:
        ax.set_xlabel(_notes_label(cells, lang, width=80), loc="left", fontsize=fontsize - 1)
    else:
        ax.set_ylabel(text("plots.service", lang))
        ax.set_xlabel(_notes_label(cells, lang), loc="left", fontsize=fontsize - 1)
    synthetic_note(ax, data.synthetic, lang)
    return ax


# --- affinity -----------------------------------------------------------------------


def lens_title(lens: str, lang: str = "nl") -> str:
    """The plain-language name of an affinity lens (the catalogue's ``affinity.lens.<lens>``, as
    :func:`odsamen.analysis.affinity.lens_label` gives it)."""
    return text(f"affinity.lens.{lens}", lang)


def _annotations(matrix: pd.DataFrame, lang: str) -> np.ndarray:
    values = matrix.to_numpy(dtype=float)
    decimals = _decimals_for(values)
    return np.array(
        [["" if np.isnan(v) else format_number(v, lang, decimals) for v in row] for row in values]
    )


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
    decimals = _decimals_for(values)
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
        cividis colour map; values are written in each cell.
    """
    import seaborn as sns

    check_language(lang)
    services = [str(code) for code in matrix.index]
    row = _check_highlight(highlight, services)
    ax = style.axes_for(ax, style.square_figsize(len(services)))
    fontsize = style.font_size_for(len(services))
    if basis is None:
        annotations = _annotations(matrix, lang)
    else:
        annotations = basis_annotations(matrix, basis, counts=counts, low_evidence=low_evidence, lang=lang)
    sns.heatmap(
        matrix.astype(float),
        ax=ax,
        cmap=style.SEQUENTIAL_CMAP,
        mask=matrix.isna().to_numpy(),
        annot=annotations,
        fmt="",
        annot_kws={"fontsize": fontsize if basis is None else fontsize - 1},
        linewidths=1.0,
        linecolor="#ffffff",
        square=True,
        cbar_kws={"label": lens_title(lens, lang), "shrink": 0.8},
    )
    _comma_ticks(ax.collections[0].colorbar.ax.yaxis, matrix, lang)
    ax.set_xticks(
        np.arange(len(services)) + 0.5, services, fontsize=fontsize, rotation=90 if len(services) > 8 else 0
    )
    ax.set_yticks(np.arange(len(services)) + 0.5, services, fontsize=fontsize, rotation=0)
    if row is not None:
        _highlight_row(ax, row, len(services), highlight)
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
        "annot": _annotations(matrix, lang),
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
        method=_term("linkage", method, lang),
        metric=_term("metric", metric, lang),
    )
    _title_and_colour_bar(grid, heading, value_label, fontsize, keep_colour_bar="cbar_pos" in kwargs)
    if grid.ax_cbar is not None:
        _comma_ticks(grid.ax_cbar.yaxis, matrix, lang)
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


def _term(kind: str, name: str, lang: str) -> str:
    """The catalogue's word for a clustering method or distance, or its scipy name if it has none."""
    try:
        return text(f"plots.{kind}.{name}", lang)
    except KeyError:
        return name


def _edge_widths(weights: np.ndarray) -> np.ndarray:
    """Line widths from 0.8 to 7 points, in proportion to the weight above the smallest."""
    low, high = float(weights.min()), float(weights.max())
    if high == low:
        return np.full(weights.shape, 3.0)
    return 0.8 + 6.2 * (weights - low) / (high - low)


def network_edges(
    matrix: pd.DataFrame, *, min_value: float | None = None, strongest: int | None = None
) -> pd.DataFrame:
    """The pairs of services drawn in :func:`affinity_network`.

    Parameters
    ----------
    matrix
        Symmetric service-by-service values; the diagonal is ignored.
    min_value
        Only pairs with a value above this are kept (default: above zero).
    strongest
        If given, a pair is kept only if it is among the ``strongest`` pairs
        of at least one of its two services (ties broken by matrix order),
        so a large network shows each service's best partners.

    Returns
    -------
    DataFrame
        Columns ``service_a``, ``service_b``, ``value``, one row per kept
        unordered pair, weakest first (so strong lines are drawn on top),
        ties in matrix order.
    """
    services = [str(code) for code in matrix.index]
    values = matrix.to_numpy(dtype=float)
    threshold = 0.0 if min_value is None else min_value
    pairs = [
        (values[i, j], i, j)
        for i in range(len(services))
        for j in range(i + 1, len(services))
        if np.isfinite(values[i, j]) and values[i, j] > threshold
    ]
    if strongest is not None:
        kept = set()
        for k in range(len(services)):
            own = sorted((p for p in pairs if k in p[1:]), key=lambda p: (-p[0], p[1], p[2]))
            kept.update((i, j) for _, i, j in own[:strongest])
        pairs = [p for p in pairs if p[1:] in kept]
    rows = [{"service_a": services[i], "service_b": services[j], "value": v} for v, i, j in sorted(pairs)]
    return pd.DataFrame(rows, columns=["service_a", "service_b", "value"])


def _network_legend(
    ax: Axes, weights: np.ndarray, widths: np.ndarray, colours: list, lang: str, title: str
) -> None:
    """Three sample lines, weakest, middle and strongest drawn edge, with their values."""
    picks = sorted({0, len(weights) // 2, len(weights) - 1})
    decimals = _decimals_for(weights)
    handles = [
        Line2D([], [], color=colours[k], linewidth=widths[k], label=format_number(weights[k], lang, decimals))
        for k in reversed(picks)
    ]
    ax.legend(handles=handles, title=style.wrap_label(title, 20), **LEGEND_OUTSIDE)


def _draw_nodes(
    ax: Axes, positions: dict, services: list[str], highlight: str | None, fontsize: float
) -> None:
    """Services as dots on a circle, each labelled just outside it so long codes never overlap a dot."""
    for service in services:
        x, y = positions[service]
        own = service == highlight
        ax.scatter(
            [x],
            [y],
            s=260 if len(services) <= 8 else 90,
            zorder=3,
            gid=f"node:{service}",
            color=style.OWN_SERVICE_COLOUR if own else "#ffffff",
            edgecolors=style.HIGHLIGHT_COLOUR,
            linewidths=style.HIGHLIGHT_LINEWIDTH if own else 1.2,
        )
        ax.text(
            1.16 * x,
            1.16 * y,
            service,
            ha="left" if x > 0.01 else "right" if x < -0.01 else "center",
            va="center",
            fontsize=fontsize,
            fontweight="bold" if own else "normal",
            gid=f"label:{service}",
        )


def affinity_network(
    matrix: pd.DataFrame,
    *,
    lens: str | None = None,
    lang: str = "nl",
    highlight: str | None = None,
    min_value: float | None = None,
    strongest: int | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The services as a network: the thicker and darker a line, the better the pair fits.

    Services sit on a circle in the matrix's order (the same picture every
    run). Every pair with a value above ``min_value`` (default: above zero)
    gets a line whose width and colour grow with the value.

    Parameters
    ----------
    matrix
        Symmetric service-by-service values of one lens; the diagonal is ignored.
    lens
        The lens's name, for the title and legend; None for a general title.
    lang
        ``"nl"`` or ``"en"``.
    highlight
        A service code drawn as a filled dot with a bold label.
    min_value
        Pairs with this value or less get no line.
    strongest
        Draw only each service's ``strongest`` lines (see :func:`network_edges`);
        default all lines up to :data:`FULL_NETWORK` services, else
        :data:`STRONGEST_LINKS`, with the title saying so.
    ax
        Axes to draw on; default the current Axes.

    Returns
    -------
    Axes
        The lines are one LineCollection (``gid="edges"``), in the order of
        :func:`network_edges`; dots carry ``gid="node:<service>"``.
    """
    import networkx as nx

    check_language(lang)
    services = [str(code) for code in matrix.index]
    _check_highlight(highlight, services)
    ax = style.axes_for(ax, style.NETWORK_FIGSIZE)
    if strongest is None and len(services) > FULL_NETWORK:
        strongest = STRONGEST_LINKS
    edges = network_edges(matrix, min_value=min_value, strongest=strongest)
    graph = nx.Graph()
    graph.add_nodes_from(services)
    graph.add_weighted_edges_from(edges[["service_a", "service_b", "value"]].itertuples(index=False))
    positions = nx.circular_layout(services)
    title = lens_title(lens, lang) if lens else text("plots.network_legend", lang)
    if not edges.empty:
        weights = edges["value"].to_numpy(dtype=float)
        widths = _edge_widths(weights)
        colours = [style.network_colour(share) for share in (widths - 0.8) / 6.2]
        lines = nx.draw_networkx_edges(
            graph,
            positions,
            edgelist=list(zip(edges["service_a"], edges["service_b"], strict=True)),
            width=widths,
            edge_color=colours,
            ax=ax,
        )
        lines.set_gid("edges")
        _network_legend(ax, weights, widths, colours, lang, title)
    _draw_nodes(ax, positions, services, highlight, style.font_size_for(len(services)))
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.set_axis_off()
    heading = text("plots.network_title", lang, lens=title)
    if strongest is not None:
        heading += "\n" + text("plots.network_strongest", lang, n=strongest)
    ax.set_title(heading, loc="left", fontweight="bold")
    return ax


# --- sensitivity ------------------------------------------------------------------------

# The table sensitivity_chart draws is affinity.sensitivity_values (columns SENSITIVITY_COLUMNS):
# one row per lens and unordered pair whose value or basis some reading changes.

SENSITIVITY_SWITCHES = ("advisor", "levels", "unknown", "combination")
"""The words ``changed_by`` may hold, each with a plain name in the catalogue."""

DEFAULT_MARKER = {"marker": "o", "markersize": 9, "color": "#000000"}
"""The default reading's share: a large filled black dot."""

RANGE_MARKER = {"marker": "|", "markersize": 12, "markeredgewidth": 2.0, "color": "#737373"}
"""The lowest and highest share over the readings: grey upright bars at both ends of the line,
a different shape from the dot, so the picture reads in greyscale."""


def _span(low: float, high: float, lang: str, decimals: int = 2) -> str:
    """``0,33–0,75``, or one number when both ends are equal."""
    first, last = format_number(low, lang, decimals), format_number(high, lang, decimals)
    return first if first == last else f"{first}–{last}"


def _count_span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def switch_label(changed_by: str, lang: str = "nl") -> str:
    """The switches in ``changed_by`` (``"advisor, levels"``) in plain words, joined by commas."""
    names = [name.strip() for name in str(changed_by).split(",") if name.strip()]
    unknown = [name for name in names if name not in SENSITIVITY_SWITCHES]
    if unknown:
        raise ValueError(f"unknown switch {unknown[0]!r}; expected one of {', '.join(SENSITIVITY_SWITCHES)}")
    return ", ".join(text(f"plots.sensitivity.switch.{name}", lang) for name in names)


def sensitivity_table(values: pd.DataFrame, *, max_pairs: int = 12, lang: str = "nl") -> pd.DataFrame:
    """The rows of :func:`sensitivity_chart`: per lens, the pairs a reading changes, with their texts.

    Parameters
    ----------
    values
        Columns :data:`SENSITIVITY_COLUMNS` (see
        :func:`odsamen.analysis.affinity.sensitivity_values`): the default reading's
        ``share`` and ``n_items``, the lowest and highest share and basis over
        all readings, and the switches that change them (``changed_by``).
    max_pairs
        Per lens, keep at most this many pairs: those whose share moves most
        (ties broken by pair name).
    lang
        ``"nl"`` or ``"en"``, for the texts.

    Returns
    -------
    DataFrame
        The input columns plus ``pair`` (``"A – B"``), ``spread``
        (``share_high - share_low``), ``values_text`` (``"0,75 (16) ·
        0,33–0,75 (6–16)"``: the default share and its basis, then the range
        of shares and of bases over the readings) and ``switch_text`` (the
        switches in words). Lenses keep their order of first appearance;
        pairs within a lens go from the highest default share down, then by
        pair name.
    """
    check_language(lang)
    missing = [column for column in SENSITIVITY_COLUMNS if column not in values.columns]
    if missing:
        raise ValueError(f"sensitivity values lack the columns {', '.join(missing)}")
    table = values.loc[:, list(SENSITIVITY_COLUMNS)].copy()
    table["pair"] = table["service_a"].astype(str) + " – " + table["service_b"].astype(str)
    table["spread"] = (table["share_high"] - table["share_low"]).astype(float)
    table["values_text"] = [
        text(
            "plots.sensitivity.span",
            lang,
            share=format_number(row.share, lang, 2),
            n=int(row.n_items),
            shares=_span(row.share_low, row.share_high, lang),
            items=_count_span(int(row.n_low), int(row.n_high)),
        )
        for row in table.itertuples(index=False)
    ]
    table["switch_text"] = [switch_label(changed, lang) for changed in table["changed_by"]]
    table["_lens"] = table["lens"].map({lens: k for k, lens in enumerate(table["lens"].unique())})
    table["_order"] = -table["spread"].fillna(np.inf)
    kept = table.sort_values(["_lens", "_order", "pair"], kind="stable").groupby("lens", sort=False)
    kept = kept.head(max_pairs).assign(_share=lambda t: -t["share"].fillna(-1.0))
    kept = kept.sort_values(["_lens", "_share", "pair"], kind="stable")
    return kept.drop(columns=["_lens", "_order", "_share"]).reset_index(drop=True)


def _sensitivity_rows(table: pd.DataFrame, lang: str) -> tuple[list[str], list[int], list[bool]]:
    """Y tick labels (a bold heading per lens, then its pairs), the y of each pair row, and which
    rows are headings."""
    labels, pair_rows, headings = [], [], []
    for lens, part in table.groupby("lens", sort=False):
        labels.append(lens_title(lens, lang))
        headings.append(True)
        for pair in part["pair"]:
            pair_rows.append(len(labels))
            labels.append(pair)
            headings.append(False)
    return labels, pair_rows, headings


def _column_offsets(table: pd.DataFrame, fontsize: float, lang: str) -> tuple[float, float]:
    """Where the two text columns right of the chart start, in points past the axis.

    Points, not a share of the Axes, so the columns keep their distance whatever the layout
    does to the Axes; the second starts past the widest text of the first (about 0.6 em per
    character of DejaVu Sans).
    """
    texts = [*table["values_text"], *text("plots.sensitivity.values_heading", lang).split("\n")]
    widest = max(len(line) for line in texts)
    first = 10.0
    return first, first + 0.6 * (fontsize - 0.5) * widest + 14.0


def _right_text(ax: Axes, y: float, offset: float, words: str, fontsize: float, gid: str, **kwargs) -> None:
    ax.annotate(
        words,
        xy=(1.0, y),
        xycoords=ax.get_yaxis_transform(),  # x in axes fraction, y in data: past the axis
        xytext=(offset, 0),
        textcoords="offset points",
        va=kwargs.pop("va", "center"),
        fontsize=fontsize - 0.5,
        gid=gid,
        annotation_clip=False,
        **kwargs,
    )


def _draw_ranges(ax: Axes, table: pd.DataFrame, pair_rows: list[int], fontsize: float, lang: str) -> None:
    """Per pair a line from its lowest to its highest share, bars at the ends, a dot at the
    default share, and on the right the values with their basis and the switch that moves them."""
    values_at, switch_at = _column_offsets(table, fontsize, lang)
    for y, row in zip(pair_rows, table.itertuples(index=False), strict=True):
        key = f"{row.lens}:{row.pair}"
        ends = [row.share_low, row.share_high]
        ax.plot(ends, [y, y], color="#bdbdbd", linewidth=3, zorder=1, gid=f"range:{key}")
        ax.plot(ends, [y, y], linestyle="none", zorder=2, gid=f"ends:{key}", **RANGE_MARKER)
        ax.plot([row.share], [y], linestyle="none", zorder=3, gid=f"default:{key}", **DEFAULT_MARKER)
        _right_text(ax, y, values_at, row.values_text, fontsize, f"values:{key}")
        _right_text(ax, y, switch_at, row.switch_text, fontsize, f"switch:{key}")
    for offset, name in ((values_at, "values"), (switch_at, "switch")):
        _right_text(
            ax,
            -0.6,
            offset,
            text(f"plots.sensitivity.{name}_heading", lang),
            fontsize,
            f"heading:{name}",
            va="bottom",
            fontweight="bold",
        )


def _range_legend(ax: Axes, lang: str) -> None:
    """The dot and the bars explained in one line between the title and the chart."""
    handles = [
        Line2D([], [], linestyle="none", label=text("plots.sensitivity.default", lang), **DEFAULT_MARKER),
        Line2D(
            [],
            [],
            color="#bdbdbd",
            linewidth=3,
            marker=RANGE_MARKER["marker"],
            markersize=RANGE_MARKER["markersize"],
            markeredgewidth=RANGE_MARKER["markeredgewidth"],
            markeredgecolor=RANGE_MARKER["color"],
            label=text("plots.sensitivity.range", lang),
        ),
    ]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, borderaxespad=0.2)


def sensitivity_chart(
    values: pd.DataFrame, *, max_pairs: int = 12, lang: str = "nl", ax: Axes | None = None
) -> Axes:
    """Which shares change with the reading of the data, by how much, and through which switch.

    Per lens (a bold heading) each pair that some reading changes is a row:
    a grey line from its lowest to its highest share over all readings, with
    grey upright bars at both ends, and a black dot at the share of the
    default reading. On the right stand the default share with the number of
    items it rests on, then the range of shares and of items over the
    readings (``0,75 (16) · 0,33–0,75 (6–16)``), and the switch that moves
    it (such as the advisors' scores). Shares run from 0 to 1 in every lens,
    so all lenses share one axis. Dot and bars differ in shape, not only in
    colour, so the chart reads in greyscale.

    Parameters
    ----------
    values
        Columns :data:`SENSITIVITY_COLUMNS`, as
        :func:`odsamen.analysis.affinity.sensitivity_values` returns them; pairs that
        no reading changes are not in it.
    max_pairs
        Per lens, show at most this many pairs, those that move most.
    lang
        ``"nl"`` or ``"en"``.
    ax
        Axes to draw on; default the current Axes.

    Returns
    -------
    Axes
        Per row, ``gid="range:<lens>:<pair>"`` (the line), ``"ends:<lens>:<pair>"`` (the bars),
        ``"default:<lens>:<pair>"`` (the dot); the texts on the right ``"values:<lens>:<pair>"``
        and ``"switch:<lens>:<pair>"``. With no rows the chart says that no reading changes a value.
    """
    check_language(lang)
    table = sensitivity_table(values, max_pairs=max_pairs, lang=lang)
    labels, pair_rows, headings = _sensitivity_rows(table, lang)
    ax = style.axes_for(ax, (11.0, 1.9 + 0.32 * max(2, len(labels))))
    fontsize = style.font_size_for(len(labels) // 3)
    ax.set_xlim(-0.02, 1.02)
    ax.set_title(text("plots.sensitivity.readings_title", lang), pad=30, loc="left", fontweight="bold")
    ax.set_xlabel(text("plots.sensitivity.share_xlabel", lang))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, lang, 1)))
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    if table.empty:
        ax.set_yticks([])
        ax.set_ylim(1, 0)
        ax.text(0.5, 0.5, text("plots.sensitivity.none", lang), ha="center", va="center", gid="none")
        return ax
    _draw_ranges(ax, table, pair_rows, fontsize, lang)
    ax.set_yticks(range(len(labels)), labels, fontsize=fontsize)
    for tick, heading in zip(ax.get_yticklabels(), headings, strict=True):
        tick.set_fontweight("bold" if heading else "normal")
    ax.set_ylim(len(labels) - 0.5, -0.5)
    _range_legend(ax, lang)
    return ax


# --- profile ----------------------------------------------------------------------------


def _profile_rows(profile: pd.DataFrame, lang: str) -> tuple[list[str], list[int], pd.DataFrame]:
    """Y labels (a heading per dimension and measure, then the services) and the bar rows."""
    labels, rows, parts = [], [], []
    for (dimension, measure), part in profile.groupby(["dimension", "measure"], sort=False, observed=True):
        labels.append(_group_label(dimension, measure, lang))
        for service in part["service"].astype(str):
            rows.append(len(labels))
            labels.append(service)
        parts.append(part)
    return labels, rows, pd.concat(parts, ignore_index=True) if parts else profile.iloc[0:0]


def profile_chart(
    profile: pd.DataFrame, *, service: str | None = None, lang: str = "nl", ax: Axes | None = None
) -> Axes:
    """Each service's mean score per dimension and measure, own service picked out.

    Up to :data:`FULL_PROFILE` services, each service gets a bar from 0 to
    its mean score on the report's scale (-2 for ``--`` to +2 for ``++``),
    with the number of ``?`` scores behind the mean written next to it (they
    count as 0 or not at all depending on the reading). With more services
    each dimension and measure is one row of dots, one per service, so the
    own service's place among many stays visible on one screen.

    Parameters
    ----------
    profile
        Columns ``service, dimension, measure, mean_score, n_known, n_unknown``.
    service
        The own service: blue and labelled in bold, the others grey.
    lang
        ``"nl"`` or ``"en"``.
    ax
        Axes to draw on; default the current Axes.

    Returns
    -------
    Axes
        Bars carry ``gid="bar:<service>:<dimension>:<measure>"``, dots
        ``gid="dot:<service>:<dimension>:<measure>"``.
    """
    check_language(lang)
    services = list(dict.fromkeys(profile["service"].astype(str)))
    _check_highlight(service, services)
    strips = len(services) > FULL_PROFILE
    ax = _profile_strips(profile, service, lang, ax) if strips else _profile_bars(profile, service, lang, ax)
    ax.set_xticks([-2, -1, 0, 1, 2], ["-2\n--", "-1\n-", "0", "+1\n+", "+2\n++"])
    ax.axvline(0, color="#636363", linewidth=0.8)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(text("plots.profile.xlabel", lang))
    title = (
        text("plots.profile.title", lang)
        if service is None
        else text("plots.profile.title_own", lang, service=service)
    )
    # Strips carry a legend line above the Axes; the title sits above that.
    ax.set_title(title, loc="left", fontweight="bold", pad=26 if strips else 6)
    return ax


def _unknown_note(row, lang: str) -> str:
    note = format_number(row.mean_score, lang, 1)
    if row.n_unknown:
        total = int(row.n_known + row.n_unknown)
        note += "  " + text("plots.profile.unknown", lang, n=int(row.n_unknown), total=total)
    return note


def _profile_bars(profile: pd.DataFrame, service: str | None, lang: str, ax: Axes | None) -> Axes:
    """One bar per service, grouped under a bold heading per dimension and measure."""
    labels, rows, ordered = _profile_rows(profile, lang)
    ax = style.axes_for(ax, (10.0, 1.8 + 0.3 * len(labels)))
    fontsize = style.font_size_for(len(labels) // 3)
    for y, row in zip(rows, ordered.itertuples(index=False), strict=True):
        own = service is not None and str(row.service) == service
        colour = style.OTHER_SERVICE_COLOUR if service is not None and not own else style.OWN_SERVICE_COLOUR
        gid = f"bar:{row.service}:{row.dimension}:{row.measure}"
        ax.barh(y, row.mean_score, height=0.7, color=colour, gid=gid)
        ax.text(
            max(row.mean_score, 0) + 0.05, y, _unknown_note(row, lang), va="center", fontsize=fontsize - 1
        )
    ax.set_yticks(range(len(labels)), labels, fontsize=fontsize)
    for y, tick in enumerate(ax.get_yticklabels()):
        heading = y not in rows
        tick.set_fontweight("bold" if heading or tick.get_text() == service else "normal")
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlim(-2.1, 3.8)
    return ax


def _group_label(dimension: str, measure: str, lang: str) -> str:
    """Heading of one dimension and measure in a profile chart, such as "Toekomstige opgaven: Meerwaarde"."""
    return text(
        "plots.profile.group",
        lang,
        dimension=text(f"dimension.{dimension}", lang),
        measure=text(f"measure.{measure}.short", lang),
    )


def _draw_profile_dots(ax: Axes, profile: pd.DataFrame, groups: list, service: str | None, lang: str) -> None:
    services = list(dict.fromkeys(profile["service"].astype(str)))
    # A small fixed vertical spread per service keeps equal means from hiding each other.
    spread = {code: 0.3 * (k / max(1, len(services) - 1) - 0.5) for k, code in enumerate(services)}
    for row in profile.itertuples(index=False):
        y = groups.index((str(row.dimension), str(row.measure)))
        own = str(row.service) == service
        ax.plot(
            [row.mean_score],
            [y if own else y + spread[str(row.service)]],
            linestyle="none",
            marker="o",
            markersize=11 if own else 6,
            zorder=3 if own else 2,
            gid=f"dot:{row.service}:{row.dimension}:{row.measure}",
            color=style.OWN_SERVICE_COLOUR if own else style.OTHER_SERVICE_COLOUR,
            markeredgecolor=style.HIGHLIGHT_COLOUR if own else "none",
        )
        if own:
            ax.annotate(
                f"{service}: {_unknown_note(row, lang)}",
                (row.mean_score, y),
                xytext=(0, -16),
                textcoords="offset points",
                ha="center",
                va="top",
                fontweight="bold",
            )


def _profile_strips(profile: pd.DataFrame, service: str | None, lang: str, ax: Axes | None) -> Axes:
    """One row of dots per dimension and measure; the own service large, blue and labelled."""
    pairs = zip(profile["dimension"].astype(str), profile["measure"].astype(str), strict=True)
    groups = list(dict.fromkeys(pairs))
    ax = style.axes_for(ax, (10.0, 2.4 + 0.9 * len(groups)))
    _draw_profile_dots(ax, profile, groups, service, lang)
    ax.set_yticks(range(len(groups)), [_group_label(d, m, lang) for d, m in groups], fontweight="bold")
    ax.set_ylim(len(groups) - 0.4, -0.6)
    ax.set_xlim(-2.1, 2.1)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)
    n_others = profile["service"].nunique() - (service is not None)
    other = Line2D(
        [],
        [],
        linestyle="none",
        marker="o",
        markersize=6,
        color=style.OTHER_SERVICE_COLOUR,
        label=text("plots.profile.others", lang, n=n_others),
    )
    ax.legend(handles=[other], loc="lower left", bbox_to_anchor=(0.0, 1.0), borderaxespad=0.2)
    return ax


# --- coalitions --------------------------------------------------------------------------------

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
        handles.append(_advisor_handle(lang, label))
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
        _draw_advisor_mark(ax, x[k], y[k], face, fontsize, lang)


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
        Coalition keys such as ``"NHN+IJmond"`` (:func:`odsamen.analysis.coalitions.coalitions`,
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
        _add_cell(
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
