"""How a briefing reaches the page: the Jinja templates and their catalogue functions, the page
and figure sizes, a figure as an image with its text alternative, and the partner chart.

Every sentence is a catalogue entry (:func:`odsamen.catalogue.text`, ``t()`` in a template) filled
with names and counts from the data, so a changed input can never leave a stale sentence behind;
numbers and lists are written by Babel for the reader's language. Everything that reaches the page
is HTML-escaped (the templates autoescape): a note in a data file is shown as text, never run as
markup.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.ext import Extension
from jinja2.lexer import Token
from markupsafe import Markup, escape

from odsamen.analysis.affinity import (
    HEADLINE_LENS,
    basis_text,
    lens_label,
)
from odsamen.analysis.data import Dataset
from odsamen.catalogue import check_language, format_number, join_words, text
from odsamen.report.facts import counted

CSS_PIXELS_PER_INCH = 96
"""A figure's natural width on screen; the page's stylesheet shrinks wider ones to fit."""


PAGE_FIGURE_WIDTH = 8.5
"""Widest figure in inches: an A4 page holds about 7 inches, so text in a figure prints at
least about 80 % of its size; wider figures would shrink their labels below reading size."""


def say(key: str, lang: str, **fields: object) -> Markup:
    """A catalogue sentence (singular where ``n`` is 1, see :func:`~odsamen.catalogue.text`),
    HTML-escaped together with every field filled into it."""
    return escape(text(key, lang, **fields))


TEMPLATES = Path(__file__).with_name("templates")
"""One Jinja template per section (``<section>.html.j2``): the markup and the choice of sentences."""


LINE_BREAK = re.compile(r"[ \t]*\n\s*")


class JoinLines(Extension):
    """Templates spread their markup over indented lines; the page has no white space between tags.

    In a template's own text (never in a value filled in) a line break is dropped together with the
    spaces around it, so ``<ul>`` and an indented ``<li>`` on the next line become ``<ul><li>``.
    A space a sentence needs is written on the line itself: ``{{ a }} {{ b }}``.
    """

    def filter_stream(self, stream):
        for token in stream:
            if token.type == "data":
                token = Token(token.lineno, token.type, LINE_BREAK.sub("", token.value))
            yield token


@pass_context
def _catalogue_text(context, key: str, /, **fields: object) -> str:
    """``t(key, **fields)`` in a template: the catalogue entry in the briefing's language; the
    template escapes it where it is shown, so it can also fill a field of another entry."""
    return text(key, context["lang"], **fields)


@pass_context
def _number_filter(context, value: float | None, decimals: int = 2) -> str:
    """``value|number``: a number as a reader of the briefing's language writes it."""
    return format_number(value, context["lang"], decimals)


@pass_context
def _words_filter(context, words: Iterable[object]) -> str:
    """``codes|words``: ``a, b en c`` in the briefing's language."""
    return join_words(words, context["lang"])


TEMPLATE_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    # JoinLines drops every line break of the markup with its indentation; trim_blocks would drop the
    # break after a block tag first and leave the next line's indentation on the page.
    trim_blocks=False,
    lstrip_blocks=True,
    extensions=[JoinLines],
)


TEMPLATE_ENVIRONMENT.globals.update(t=_catalogue_text, counted=counted)


TEMPLATE_ENVIRONMENT.filters.update(number=_number_filter, words=_words_filter)


def render(template: str, lang: str, /, **facts: object) -> Markup:
    """The template ``<template>.html.j2`` filled with ``facts``, in ``lang``; every value is
    HTML-escaped unless it is already Markup."""
    return Markup(TEMPLATE_ENVIRONMENT.get_template(f"{template}.html.j2").render(lang=lang, **facts))


def page_size(
    size: tuple[float, float],
    max_width: float = PAGE_FIGURE_WIDTH,
    *,
    height_share: float = 1.0,
    extra_height: float = 0.0,
) -> tuple[float, float]:
    """``size`` (inches) fitted to a page: width capped at ``max_width``, height scaled by ``height_share``
    plus ``extra_height``; the layout engine fits the contents."""
    width, height = size
    return (min(width, max_width), round(height * height_share + extra_height, 2))


LEGEND_BELOW_HEIGHT = 1.1
"""Inches added under a figure whose legend is moved below it (:func:`legend_below`)."""


PREFERENCE_LEGEND_HEIGHT = 1.9
"""Inches added under a preference figure for its legend below: a three-line title, four rows."""


GRID_HEIGHT_SHARE = 0.75
"""Share of a score grid's own height used in a briefing: lower cells, so two grids fit on a page."""


def legend_below(ax, *, ncols: int = 2) -> None:
    """Move the legend of ``ax`` under the figure, in ``ncols`` columns.

    A legend beside a wide grid takes width an A4 page does not have; below
    the grid it costs only height. Handles, labels, title and the handlers that
    draw the handles stay the same.
    """
    legend = ax.get_legend()
    if legend is None:
        return
    handles, labels = legend.legend_handles, [label.get_text() for label in legend.get_texts()]
    title = legend.get_title().get_text()
    handlers = legend.get_legend_handler_map()  # such as the advisor mark's (plots.LEGEND_HANDLERS)
    legend.remove()
    ax.figure.legend(
        handles,
        labels,
        title=title or None,
        handler_map=handlers,
        loc="outside lower left",
        ncols=ncols,
        alignment="left",
        frameon=False,
    )


def figure_image(draw: Callable[..., object], size: tuple[float, float], alt: str, *, dpi: int | None = None):
    """Draw a figure with ``draw(ax)`` and return it as an embeddable PNG display object.

    The figure is made without pyplot (nothing is left open in the kernel)
    and saved at the house resolution without a date or tool version, so
    the same data give the same picture. ``alt`` is the picture's text for
    screen readers and the HTML ``alt`` attribute.
    """
    from IPython.display import Image
    from matplotlib.figure import Figure

    from odsamen.report import style

    style.apply_style()
    dpi = dpi or style.SAVE_DPI
    # Made at the resolution it is saved at and laid out here, once: otherwise savefig lays the figure
    # out again in an extra, invisible draw at a new resolution. The picture is the same, byte for byte.
    figure = Figure(figsize=size, layout="constrained", dpi=dpi)
    draw(figure.add_subplot())
    figure.get_layout_engine().execute(figure)
    figure.set_layout_engine(None)
    width = round(size[0] * CSS_PIXELS_PER_INCH)
    return Image(data=_opaque_png(figure, dpi), format="png", alt=alt, width=width)


def _opaque_png(figure, dpi: int) -> bytes:
    """``figure`` as a PNG without an alpha channel, without a date or tool version.

    The figure is opaque (a white background), so dropping the channel keeps
    every pixel; the file is smaller, and WeasyPrint need not split the
    channel off again for each PDF.
    """
    from PIL import Image as PillowImage

    raw = io.BytesIO()
    figure.savefig(raw, format="rgba", dpi=dpi)
    # The size of matplotlib's Agg canvas: the figure's box at ``dpi`` in whole pixels.
    width, height = (int(length) for length in figure.bbox.size)
    picture = PillowImage.frombuffer("RGBA", (width, height), raw.getbuffer(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, format="png", dpi=(dpi, dpi))
    return buffer.getvalue()


def partner_chart_size(n_partners: int) -> tuple[float, float]:
    """Figure size in inches for :func:`partner_chart`: a fixed width, a bar height that shrinks for many."""
    bar = 0.38 if n_partners <= 8 else 0.22
    return (PARTNER_CHART_WIDTH, round(1.5 + bar * n_partners, 2))


PARTNER_CHART_WIDTH = 6.5
"""Width in inches of the partner chart: it fits an A4 page at full size."""


def partner_chart(
    data: Dataset,
    service: str,
    *,
    lens: str = HEADLINE_LENS,
    lang: str = "nl",
    lenses: dict | None = None,
    best: str | None = None,
    ax=None,
):
    """How well every other service fits ``service`` under ``lens``: one bar per partner, best on top.

    Bars show the share (0 to 1) and carry what it rests on (``11 van 14``).
    Only a partner named ``best`` (see :func:`verdict`) is drawn in the
    own-service blue, its name in bold; the others are grey (a line under the
    axis says what the colours mean), and a value that rests on little
    evidence is hatched. A partner the lens has nothing to go on for gets no
    bar and a dash. Bars carry ``gid="partner:<code>"``. ``lenses``: the
    computed lenses of the reading (default: computed here). Returns the Axes.
    """
    from matplotlib.ticker import FuncFormatter

    from odsamen.analysis.affinity import compute, partners_of
    from odsamen.report import plots, style

    check_language(lang)
    part = (lenses or {}).get(lens) or compute(data, lens)
    table = partners_of(part, data.service_codes.index(service))
    if ax is None:
        # pyplot only here: a kernel that draws on Figures of its own never loads it.
        import matplotlib.pyplot as plt

        ax = plt.gca()
    fontsize = style.font_size_for(len(table))
    shares = table["share"].astype(float).fillna(0.0)
    colours = [
        style.OWN_SERVICE_COLOUR if p == best else style.OTHER_SERVICE_COLOUR for p in table["partner"]
    ]
    bars = ax.barh(range(len(table)), shares, color=colours, height=0.7, edgecolor="#404040", linewidth=0.6)
    for bar, row in zip(bars, table.itertuples(index=False), strict=True):
        bar.set_gid(f"partner:{row.partner}")
        if row.low_evidence:
            bar.set_hatch("///")
        ax.annotate(
            basis_text(row.value, row.n_items, lens, lang),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=fontsize,
        )
    ax.set_yticks(range(len(table)), list(table["partner"]), fontsize=fontsize)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.45)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(round(value, 2), lang)))
    label = text("affinity.share_scale", lang)
    # Colour is never the only mark of the best partner: its name is bold, a line says what colours mean.
    partners = list(table["partner"])
    if best in partners:
        ax.get_yticklabels()[partners.index(best)].set_fontweight("bold")
    colours = "briefing.partner_chart.colours" if best in partners else "briefing.partner_chart.grey"
    label += "\n" + text(colours, lang)
    if table["low_evidence"].any():
        label += "\n" + text("briefing.partner_chart.hatched", lang)
    ax.set_xlabel(label)
    title = text("briefing.partner_chart.title", lang, service=service, lens=lens_label(lens, lang))
    ax.set_title(style.wrap_label(title, 45), loc="left")
    plots.synthetic_note(ax, data.synthetic, lang, below=True)
    return ax
