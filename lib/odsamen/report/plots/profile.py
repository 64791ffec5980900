"""Profile charts: per service the share of items it meets or is equipped for, per dimension."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from odsamen.catalogue import check_language, format_number, text
from odsamen.report import style
from odsamen.report.plots.common import check_highlight

FULL_PROFILE = 8
"""Up to this many services a profile chart has a bar per service; beyond it a row of dots."""


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
    check_highlight(service, services)
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
