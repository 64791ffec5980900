"""Affinity networks: services as nodes, the strength of each pair as a line."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from odsamen.catalogue import check_language, format_number, text
from odsamen.report import style
from odsamen.report.plots.affinity import lens_title
from odsamen.report.plots.common import LEGEND_OUTSIDE, check_highlight, decimals_for

FULL_NETWORK = 8
"""Up to this many services a network shows every pair; beyond it only the strongest links."""


STRONGEST_LINKS = 3
"""Lines per service in a large network."""


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
    decimals = decimals_for(weights)
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
    check_highlight(highlight, services)
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
