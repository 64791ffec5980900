"""Scale-preference charts: per service and item the levels (A to F) it prefers to cooperate at."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from odsamen.analysis.data import ASPECTS, Dataset
from odsamen.catalogue import check_language, text
from odsamen.report import style
from odsamen.report.plots.common import (
    LEGEND_OUTSIDE,
    add_cell,
    check_highlight,
    highlight_column,
    highlight_row,
    item_labels,
    missing_handle,
    missing_rectangle,
    setup_grid,
    synthetic_note,
)

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
    colours: dict[str, str],
) -> None:
    """Coloured letter boxes side by side, centred on ``centre``, first preference on the left."""
    gap = 0.03
    x, y = centre
    start = x - (len(levels) * box_width + (len(levels) - 1) * gap) / 2
    for k, level in enumerate(levels):
        left = start + k * (box_width + gap)
        unknown = level == "?"
        face = style.UNKNOWN_PREFERENCE_COLOUR if unknown else colours[level]
        add_cell(
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
    colours: dict[str, str]
    """Face colour per scale level (:func:`odsamen.report.style.level_colours`)."""


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
    add_cell(ax, Rectangle((x, y), 1, 1, facecolor="#f7f7f7", edgecolor="#ffffff", linewidth=1.5, gid=gid))
    if len(answers) == 1 and not answers[0].levels:
        add_cell(ax, missing_rectangle((x, y), 1, 1, f"{gid}:missing"))
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
            _draw_levels(ax, centre, box_height, answer.levels, width, letters, sub_gid, layout.colours)
        else:
            add_cell(
                ax,
                missing_rectangle(
                    (centre[0] - 0.2, centre[1] - box_height / 2), 0.4, box_height, f"{sub_gid}:missing"
                ),
            )


def _preference_legend(
    ax: Axes, data: Dataset, lang: str, *, unknown: bool, missing: bool, width: int | None = None
) -> None:
    """The levels' colours and names (wrapped to ``width`` characters if given), then the marks."""
    colours = style.level_colours(data.levels)
    handles = [
        Patch(
            facecolor=colours[level],
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
        handles.append(missing_handle(text("preference.missing", lang)))
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
    why is printed under the chart. A cell with two answers (an item answered
    per aspect, such as training and BI) has one line per aspect, named on the left.

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
    row = check_highlight(highlight, services)
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
        colours=style.level_colours(data.levels),
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
        setup_grid(ax, item_labels(data, items, lang, TRANSPOSED_LABEL_WIDTH), services, fontsize)
        ax.xaxis.tick_top()  # the services' codes over their columns, the notes below the grid
        if row is not None:
            highlight_column(ax, row, len(items), highlight)
    else:
        setup_grid(ax, services, item_labels(data, items, lang), fontsize)
        if row is not None:
            highlight_row(ax, row, len(items), highlight)
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
