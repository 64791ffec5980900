"""Sensitivity charts and tables: how far an affinity moves when one choice of method changes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from odsamen.analysis.affinity import SENSITIVITY_COLUMNS
from odsamen.catalogue import check_language, format_number, text
from odsamen.report import style
from odsamen.report.plots.affinity import lens_title

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
