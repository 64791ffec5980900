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

One module per chart family (scores, preferences, affinity, clustering, network,
sensitivity, profile, coalitions) and :mod:`~odsamen.report.plots.common` for the pieces they
share; every public name is importable from ``odsamen.report.plots`` itself.
"""

from odsamen.analysis.affinity import SENSITIVITY_COLUMNS
from odsamen.report.plots.affinity import (
    affinity_heatmap,
    basis_annotations,
    give_and_take_table,
    lens_heatmap,
    lens_title,
)
from odsamen.report.plots.clustering import CLUSTER_DENDROGRAM_RATIO, average_linkage, clustered_heatmap
from odsamen.report.plots.coalitions import (
    COALITION_CELL_INCHES,
    COALITION_COLOURS,
    COALITION_HATCH_COLOUR,
    COALITION_HATCHES,
    COALITION_STATES,
    EXCHANGE_MARKER,
    MAX_COALITION_ROWS,
    OPEN_EXCHANGE_MARKER,
    coalition_cells,
    coalition_item_chart,
)
from odsamen.report.plots.common import (
    ADVISOR_MARK_CORNER,
    LEGEND_HANDLERS,
    LEGEND_OUTSIDE,
    NEGATIVE_HATCH,
    NEGATIVE_SYMBOLS,
    SCORE_COLOURS,
    SCORE_HATCHES,
    SYMBOL_FIELD,
    SYNTHETIC_COLOUR,
    measure_question,
    score_hatch_colour,
    synthetic_note,
)
from odsamen.report.plots.network import FULL_NETWORK, STRONGEST_LINKS, affinity_network, network_edges
from odsamen.report.plots.preferences import (
    ASPECT_BOXES_LEFT,
    ASPECT_BOXES_RIGHT,
    PREFERENCE_BOXES,
    STACKED_ROW_INCHES,
    TRANSPOSED_COLUMN_INCHES,
    TRANSPOSED_LABEL_INCHES,
    TRANSPOSED_LABEL_WIDTH,
    TRANSPOSED_LEGEND_WIDTH,
    TRANSPOSED_ROW_INCHES,
    TRANSPOSED_SPLIT_ROW_INCHES,
    preference_cells,
    preference_chart,
    preference_figsize,
)
from odsamen.report.plots.profile import FULL_PROFILE, profile_chart
from odsamen.report.plots.scores import score_cells, score_heatmap
from odsamen.report.plots.sensitivity import (
    DEFAULT_MARKER,
    RANGE_MARKER,
    SENSITIVITY_SWITCHES,
    sensitivity_chart,
    sensitivity_table,
    switch_label,
)

__all__ = [
    "ADVISOR_MARK_CORNER",
    "ASPECT_BOXES_LEFT",
    "ASPECT_BOXES_RIGHT",
    "CLUSTER_DENDROGRAM_RATIO",
    "COALITION_CELL_INCHES",
    "COALITION_COLOURS",
    "COALITION_HATCHES",
    "COALITION_HATCH_COLOUR",
    "COALITION_STATES",
    "DEFAULT_MARKER",
    "EXCHANGE_MARKER",
    "FULL_NETWORK",
    "FULL_PROFILE",
    "LEGEND_HANDLERS",
    "LEGEND_OUTSIDE",
    "MAX_COALITION_ROWS",
    "NEGATIVE_HATCH",
    "NEGATIVE_SYMBOLS",
    "OPEN_EXCHANGE_MARKER",
    "PREFERENCE_BOXES",
    "RANGE_MARKER",
    "SCORE_COLOURS",
    "SCORE_HATCHES",
    "SENSITIVITY_COLUMNS",
    "SENSITIVITY_SWITCHES",
    "STACKED_ROW_INCHES",
    "STRONGEST_LINKS",
    "SYMBOL_FIELD",
    "SYNTHETIC_COLOUR",
    "TRANSPOSED_COLUMN_INCHES",
    "TRANSPOSED_LABEL_INCHES",
    "TRANSPOSED_LABEL_WIDTH",
    "TRANSPOSED_LEGEND_WIDTH",
    "TRANSPOSED_ROW_INCHES",
    "TRANSPOSED_SPLIT_ROW_INCHES",
    "affinity_heatmap",
    "affinity_network",
    "average_linkage",
    "basis_annotations",
    "clustered_heatmap",
    "coalition_cells",
    "coalition_item_chart",
    "give_and_take_table",
    "lens_heatmap",
    "lens_title",
    "measure_question",
    "network_edges",
    "preference_cells",
    "preference_chart",
    "preference_figsize",
    "profile_chart",
    "score_cells",
    "score_hatch_colour",
    "score_heatmap",
    "sensitivity_chart",
    "sensitivity_table",
    "switch_label",
    "synthetic_note",
]
