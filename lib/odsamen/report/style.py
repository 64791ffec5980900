"""The look of every odsamen figure: colours, hatches, sizes, fonts and saving.

One module owns the look so that a score of ``++`` has the same colour in
every picture of every notebook and briefing.

Colours
-------
Scores use ColorBrewer's PuOr diverging scheme (orange for negative, purple
for positive), which stays readable for the common forms of colour
blindness because it never sets red against green. ``--`` and ``++`` are
strong, ``-`` and ``+`` light. ``?`` (unknown) and ``-/+`` (mixed) both sit
in the middle of the scale; they share a neutral grey but carry a hatch
(dots for ``?``, diagonal lines for ``-/+``) so neither is mistaken for the
other or for a real middle. A cell without a score is white with a cross.

Scale levels use the Okabe–Ito qualitative palette; the regional levels are
shades of blue so that "regional" reads as one idea (:func:`level_colours`).
"""

from __future__ import annotations

import base64
import io
import math
import re
import textwrap
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from odsamen.catalogue import check_language, format_number

if TYPE_CHECKING:
    import pandas as pd

# --- colours -----------------------------------------------------------------

SYMBOL_COLOURS: dict[str, str] = {
    "--": "#e66101",
    "-": "#fdb863",
    "-/+": "#d9d9d9",
    "?": "#d9d9d9",
    "+": "#b2abd2",
    "++": "#5e3c99",
}
"""Face colour of a score cell, per report symbol."""

SYMBOL_HATCHES: dict[str, str | None] = {
    "--": None,
    "-": None,
    "-/+": "///",
    "?": "..",
    "+": None,
    "++": None,
}
"""Hatch pattern of a score cell: only the two middle symbols have one."""

HATCH_COLOUR = "#636363"
"""Colour of the hatch lines and dots, dark enough to see on the grey."""

MISSING_COLOUR = "#ffffff"
"""Face colour of a cell that has no value at all; a cross is drawn over it."""

MISSING_CROSS_COLOUR = "#9e9e9e"
"""Colour of the crosses over a cell without a value."""

MISSING_HATCH = "x"
"""Hatch of a cell without a value: crosses, unlike the dots and lines of ``?`` and ``-/+``."""

UNKNOWN_CELL_COLOUR = "#e5e5e5"
"""Face colour behind a cell of a colour-mapped heatmap that has no value (``?`` read as missing,
or not filled in): light grey, outside the colour map, so it is never read as a low value."""

UNKNOWN_CELL_HATCH = "xx"
"""Hatch over such a cell, so it stays distinct in greyscale too."""

GRID_COLOUR = "#ffffff"
"""Colour of the thin lines between cells."""

REGIONAL_LEVEL_COLOURS = ("#56B4E9", "#0072B2", "#9ACBEB", "#004C77")
"""Face colours of the regional scale levels, in their order: blues (Okabe–Ito sky blue and blue
first, then a lighter and a darker one), so that "regional" reads as one idea."""

OTHER_LEVEL_COLOURS = ("#E69F00", "#CC79A7", "#009E73", "#F0E442", "#D55E00", "#BBBBBB", "#8C6D31")
"""Face colours of the other scale levels, in their order (Okabe–Ito, then two more)."""


def level_colours(levels: pd.DataFrame) -> dict[str, str]:
    """Face colour per scale level of ``levels`` (``scale_levels.csv``): the regional levels take
    :data:`REGIONAL_LEVEL_COLOURS` in order, the others :data:`OTHER_LEVEL_COLOURS`; past the end of
    a palette the colours repeat, as the letter in each box tells the levels apart."""
    colours, counts = {}, {True: 0, False: 0}
    for level, regional in zip(levels["level"], levels["regional"], strict=True):
        palette = REGIONAL_LEVEL_COLOURS if regional else OTHER_LEVEL_COLOURS
        colours[str(level)] = palette[counts[bool(regional)] % len(palette)]
        counts[bool(regional)] += 1
    return colours


UNKNOWN_PREFERENCE_COLOUR = SYMBOL_COLOURS["?"]
"""Face colour of a preference given as ``?``; it carries the ``?`` hatch too."""

HIGHLIGHT_COLOUR = "#000000"
"""Outline colour that picks out the reader's own service."""

HIGHLIGHT_LINEWIDTH = 3.0
"""Line width of the own-service outline, in points."""

OWN_SERVICE_COLOUR = "#0072B2"
"""Fill colour of the own service where others are drawn in :data:`OTHER_SERVICE_COLOUR`."""

OTHER_SERVICE_COLOUR = "#bdbdbd"
"""Fill colour of the other services next to the own service."""

SEQUENTIAL_CMAP = "cividis"
"""Colour map for amounts such as affinity: perceptually uniform and colour-blind safe."""

NETWORK_CMAP = "Blues"
"""Colour map for network lines: light for a weak fit, dark blue for a strong one, on white."""

NETWORK_FIGSIZE = (10.0, 7.5)
"""Figure size in inches of a network of services: the circle scales, labels stay put."""

ADVISOR_MARK_SCALE = 1.1
"""Size of the advisor mark (the catalogue's ``affinity.advisor_mark``) in a cell's corner and in a
legend, as a share of the font size there: it leaves the symbol alone and reads in print."""

ADVISOR_MARK_LEGEND_COLOUR = "#000000"
"""Colour of the advisor mark in a legend, on the white page."""

# --- fonts, sizes and saving -------------------------------------------------

FONT = "DejaVu Sans"
BASE_FONT_SIZE = 10.0
MIN_FONT_SIZE = 6.5
SAVE_DPI = 150
"""Resolution of saved PNG files, fixed so that files are reproducible."""

STYLE_RC: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": BASE_FONT_SIZE,
    "axes.titlesize": BASE_FONT_SIZE + 2,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": SAVE_DPI,
    "savefig.facecolor": "white",
    "hatch.linewidth": 0.8,
    "svg.hashsalt": "odsamen",
    "svg.fonttype": "path",
    "image.cmap": SEQUENTIAL_CMAP,
    # Labels come from the data (a service's name, an item's label) and are drawn as they are written:
    # a '$' in a name is a dollar sign, never the start of TeX math that would fail to draw.
    "text.parse_math": False,
}
"""The rcParams every odsamen figure is drawn with."""

FILE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


def apply_style() -> None:
    """Make every following matplotlib figure use the odsamen look (:data:`STYLE_RC`)."""
    mpl.rcParams.update(STYLE_RC)


NOTEBOOK_DPI = 80
"""Resolution of the figures an analysis notebook shows (saved figures use :data:`SAVE_DPI`)."""
NOTEBOOK_COLOURS = 256
"""Colours in a figure an analysis notebook shows; odsamen's figures need far fewer."""


def compact_png(figure: Figure, colours: int = NOTEBOOK_COLOURS) -> str | None:
    """``figure`` as a base64 PNG with a palette of at most ``colours`` colours, as a notebook shows it.

    The heatmaps and charts hold a few flat colours, so a palette image looks the same
    at about a third of the bytes of the full-colour one.
    """
    from IPython.core.pylabtools import print_figure
    from PIL import Image

    drawn = print_figure(figure, "png", bbox_inches="tight")
    if drawn is None:  # a figure without axes shows nothing
        return None
    full = Image.open(io.BytesIO(drawn))
    on_white = Image.alpha_composite(Image.new("RGBA", full.size, "white"), full.convert("RGBA"))
    buffer = io.BytesIO()
    on_white.convert("RGB").quantize(colours).save(buffer, "png", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def notebook_figures(dpi: int = NOTEBOOK_DPI) -> None:
    """Show the figures of the notebook running this at ``dpi``, each as a :func:`compact_png`.

    For the analysis notebooks, which are committed with their outputs: they stay small,
    and an analyst still sees sharp figures. Figures saved with :func:`save_figure` and the
    briefings of the board pack do not change. Outside IPython only ``dpi`` is set.
    """
    from IPython import get_ipython
    from matplotlib import pyplot as plt

    mpl.rcParams["figure.dpi"] = dpi
    shell = get_ipython()
    if shell is None:
        return
    # The inline backend registers its own PNG formatter when it loads, at the first figure:
    # draw (and drop) one first, so that the formatter registered here is the one that stays.
    plt.close(plt.figure())
    shell.display_formatter.formatters["image/png"].for_type(Figure, compact_png)


def notebook_tables(lang: str) -> None:
    """Show the notebook's pandas tables as a reader of ``lang`` writes numbers, as the figures do
    (``0,86`` in Dutch, ``0.86`` in English, two decimals, a dash for no value), and every cell
    whole, without ``…``."""
    import pandas as pd

    check_language(lang)
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.float_format", partial(format_number, lang=lang))


def math_marker(symbol: str):
    """A marker drawn from ``symbol`` (such as ``"$?$"``) as TeX math, whatever ``text.parse_math`` says.

    The house style draws text literally (:data:`STYLE_RC` sets ``text.parse_math`` off, so labels from
    the data never turn into math); a marker made of a character is the one place that wants the math
    parser, and a :class:`~matplotlib.markers.MarkerStyle` keeps the path it was made with.
    """
    from matplotlib.markers import MarkerStyle

    with mpl.rc_context({"text.parse_math": True}):
        return MarkerStyle(symbol)


def text_colour_on(face: str) -> str:
    """Black or white, whichever reads better on a cell of colour ``face``."""
    red, green, blue = (_linear(channel) for channel in to_rgb(face))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > 0.22 else "#ffffff"


def network_colour(share: float) -> tuple[float, float, float, float]:
    """Line colour for a pair at ``share`` (0 weakest, 1 strongest) of the drawn range.

    The lightest part of :data:`NETWORK_CMAP` is skipped so that even the
    weakest line stays visible on white.
    """
    return mpl.colormaps[NETWORK_CMAP](0.3 + 0.7 * float(share))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def font_size_for(n_rows: int) -> float:
    """Font size (points) for tick labels and cell text of a grid with ``n_rows`` rows.

    Shrinks slowly from the base size for a handful of rows to
    :data:`MIN_FONT_SIZE` for a few dozen, so 28 services stay readable.
    """
    if n_rows <= 8:
        return BASE_FONT_SIZE
    return max(MIN_FONT_SIZE, BASE_FONT_SIZE - 1.5 * math.log2(n_rows / 8))


def wrap_label(label: str, width: int = 14) -> str:
    """``label`` broken over lines of at most ``width`` characters (words kept whole)."""
    return "\n".join(textwrap.wrap(str(label), width=width, break_long_words=False)) or str(label)


def grid_figsize(
    n_rows: int,
    n_cols: int,
    *,
    cell_width: float = 0.95,
    cell_height: float = 0.5,
    extra_width: float = 3.6,
    extra_height: float = 2.2,
    min_cell_height: float = 0.28,
) -> tuple[float, float]:
    """Figure size in inches for a grid of ``n_rows`` by ``n_cols`` cells.

    Each cell gets ``cell_width`` by ``cell_height`` inches while the rows
    are few; with many rows the cells get a little lower, never below
    ``min_cell_height`` inch, so 28 services fit on a screen and labels stay readable.
    ``extra_width`` and ``extra_height`` leave room for labels, title and legend.
    """
    height_per_row = cell_height if n_rows <= 8 else max(min_cell_height, cell_height * math.sqrt(8 / n_rows))
    width = extra_width + cell_width * n_cols
    height = extra_height + height_per_row * n_rows
    return round(width, 2), round(height, 2)


def square_figsize(n: int, *, cell: float = 0.9, extra: float = 2.8) -> tuple[float, float]:
    """Figure size in inches for an ``n`` by ``n`` service matrix with a colour bar."""
    per_cell = cell if n <= 8 else max(0.3, cell * math.sqrt(8 / n))
    side = per_cell * n
    return round(side + extra + 1.2, 2), round(side + extra, 2)


def cluster_figsize(n_rows: int, n_cols: int) -> tuple[float, float]:
    """Figure size in inches for a clustered heatmap with dendrograms and a colour bar.

    Rows and columns get the same cell size, set by the larger of the two
    counts, so a square service matrix gives a square picture.
    """
    n = max(n_rows, n_cols)
    per_cell = 0.9 if n <= 8 else max(0.38, 0.9 * math.sqrt(8 / n))
    return round(3.5 + per_cell * n_cols, 2), round(3.5 + per_cell * n_rows, 2)


def axes_for(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """The Axes to draw on: ``ax`` if given, else the current one.

    A fresh current figure (one empty Axes, as made by ``plt.gca()``) is
    resized to ``figsize`` and laid out with the constrained engine; a
    figure the caller made is left as it is.
    """
    if ax is not None:
        return ax
    # pyplot is imported only when there is no Axes: briefing kernels draw on Figures of their own.
    import matplotlib.pyplot as plt

    ax = plt.gca()
    fig = ax.figure
    if len(fig.axes) == 1 and not ax.has_data() and not ax.patches and not ax.texts:
        fig.set_size_inches(*figsize)
        fig.set_layout_engine("constrained")
    return ax


def keep_figure(fig: Figure, out_dir: str | Path | None, name: str) -> None:
    """:func:`save_figure` into ``out_dir/figures`` when ``out_dir`` is set (a notebook's ``out_dir``
    parameter); nothing is written when it is empty. Returns nothing, so that a notebook cell ending
    in it shows only the figure."""
    if out_dir:
        save_figure(fig, Path(out_dir) / "figures", name)


def save_figure(
    fig: Figure, folder: str | Path, name: str, *, formats: tuple[str, ...] = ("png", "svg")
) -> list[Path]:
    """Write ``fig`` as ``folder/name.<format>`` for each format, byte for byte reproducible.

    Parameters
    ----------
    fig
        A matplotlib Figure, or anything with a ``figure`` attribute such as
        seaborn's ClusterGrid.
    folder
        Output folder; created if needed.
    name
        The file name without extension, saying what the figure shows
        (``scores_robustness_meets``): lower-case letters, digits, ``_``, ``-``.
    formats
        File formats, each one of ``png``, ``svg``, ``pdf``.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.
    """
    if not FILE_NAME.fullmatch(name):
        raise ValueError(f"figure name {name!r}: use lower-case letters, digits, '_' and '-'")
    figure = getattr(fig, "figure", fig)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        with mpl.rc_context({"svg.hashsalt": STYLE_RC["svg.hashsalt"]}):
            # A tight box keeps long labels that stick out of a layout (seaborn's
            # clustermap puts row labels past the right edge) inside the file.
            figure.savefig(
                path,
                format=fmt,
                dpi=SAVE_DPI,
                metadata=_fixed_metadata(fmt),
                bbox_inches="tight",
                pad_inches=0.1,
            )
        written.append(path)
    return written


def _fixed_metadata(fmt: str) -> dict[str, None]:
    """Metadata that leaves out dates and tool versions, which would change every file."""
    if fmt == "png":
        return {"Software": None}
    if fmt == "svg":
        return {"Date": None, "Creator": None}
    if fmt == "pdf":
        return {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}
    raise ValueError(f"figure format {fmt!r}: expected png, svg or pdf")


def label_too_wide(labels: list[str], width_inches: float, fontsize: float) -> bool:
    """Whether any line of ``labels`` is likely wider than ``width_inches`` at ``fontsize``.

    Uses the average width of a DejaVu Sans character (0.6 em), which is
    enough to decide between level and turned column labels.
    """
    longest = max((len(line) for label in labels for line in str(label).split("\n")), default=0)
    return longest * 0.6 * fontsize / 72 > 0.92 * width_inches
