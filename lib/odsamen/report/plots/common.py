"""The drawing pieces every chart family shares: colours and hatches of a score, the grid,
outlines, highlights, the advisor mark, legends and the note on synthetic data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.legend_handler import HandlerBase
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from odsamen.analysis.data import Dataset
from odsamen.catalogue import ADVISOR_MARK, format_number, text
from odsamen.report import style

LEGEND_OUTSIDE = {
    "loc": "upper left",
    "bbox_to_anchor": (1.02, 1.0),
    "borderaxespad": 0.0,
    "alignment": "left",
}
"""Legends sit to the right of the Axes, clear of the cells."""


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


def decimals_for(values: np.ndarray) -> int:
    """0 when every value is a whole number (counts), else 2."""
    finite = values[np.isfinite(values)]
    return 0 if finite.size and np.allclose(finite, np.round(finite)) else 2


def comma_ticks(axis, matrix: pd.DataFrame, lang: str) -> None:
    """Colour bar numbers written like the cell values (decimal comma in Dutch)."""
    decimals = decimals_for(matrix.to_numpy(dtype=float))
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, lang, max(1, decimals))))


def setup_grid(ax: Axes, row_labels: list[str], col_labels: list[str], fontsize: float) -> None:
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


def highlight_row(ax: Axes, row: int, n_cols: int, service: str) -> None:
    """Outline row ``row`` and set its tick label in bold: the reader's own service."""
    _outline(ax, (0, row), n_cols, 1, f"highlight:{service}")
    ax.get_yticklabels()[row].set_fontweight("bold")


def highlight_column(ax: Axes, column: int, n_rows: int, service: str) -> None:
    """Outline column ``column`` and set its tick label in bold: the reader's own service, in a
    grid with one column per service (:func:`preference_chart` with ``transpose``)."""
    _outline(ax, (column, 0), 1, n_rows, f"highlight:{service}")
    ax.get_xticklabels()[column].set_fontweight("bold")


def shown_services(data: Dataset, services: list[str] | None) -> list[str]:
    """``services`` in codebook order (every service when None); an unknown code is an error."""
    codes = data.service_codes
    if services is None:
        return list(codes)
    unknown = [code for code in services if code not in codes]
    if unknown or not services:
        raise ValueError(
            f"services {', '.join(unknown) or '(none)'}: expected one or more of {', '.join(codes)}"
        )
    return [code for code in codes if code in services]


def check_highlight(highlight: str | None, services: list[str]) -> int | None:
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


def item_labels(data: Dataset, items: list[str], lang: str, width: int = 14) -> list[str]:
    return [style.wrap_label(data.item_label(item, lang), width) for item in items]


def measure_question(dimension: str, measure: str, lang: str = "nl") -> str:
    """The report's question behind ``measure`` for ``dimension``, as a reader sees it."""
    key = f"measure.meets.{dimension}" if measure == "meets" else f"measure.{measure}"
    return text(key, lang)


def add_cell(ax: Axes, patch: Rectangle) -> None:
    """Add a patch inside the grid. The grid's limits are fixed (:func:`setup_grid`), so unlike
    ``add_patch`` this does not recompute the data limits for each of hundreds of cells."""
    ax.add_artist(patch)


def missing_rectangle(xy: tuple[float, float], width: float, height: float, gid: str) -> Rectangle:
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


def missing_handle(label: str) -> Patch:
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
"""The handler map of a legend that may hold the advisor mark (:func:`advisor_handle`)."""


def advisor_handle(lang: str, label: str | None = None) -> Text:
    """The legend entry of the advisor mark: the catalogue's mark, labelled ``label`` (default: what a
    score heatmap's legend says). Needs :data:`LEGEND_HANDLERS`."""
    label = label or text("plots.advisor", lang, source=text("source.advisor", lang))
    return Text(text=text(ADVISOR_MARK, lang), label=label)


def draw_advisor_mark(ax: Axes, x: float, y: float, face: str, fontsize: float, lang: str) -> None:
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


def value_annotations(matrix: pd.DataFrame, lang: str) -> np.ndarray:
    values = matrix.to_numpy(dtype=float)
    decimals = decimals_for(values)
    return np.array(
        [["" if np.isnan(v) else format_number(v, lang, decimals) for v in row] for row in values]
    )


def term(kind: str, name: str, lang: str) -> str:
    """The catalogue's word for a clustering method or distance, or its scipy name if it has none."""
    try:
        return text(f"plots.{kind}.{name}", lang)
    except KeyError:
        return name
