"""Figures, tested by what they hold: cells, colours, hatches, texts, legends, sizes."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import same_color, to_rgba
from scipy.cluster import hierarchy

from odsamen import plots, style
from odsamen.catalogue import text
from odsamen.data import SYMBOLS, Dataset, load_dataset

DATA = Path(__file__).resolve().parents[1] / "data"
COPIES = 6
"""Copies of each real service in the large data set: 4 + 4 x 6 = 28 services."""


# --- helpers ----------------------------------------------------------------------


def patch(ax, gid: str):
    found = [p for p in ax.patches if p.get_gid() == gid]
    assert len(found) == 1, f"{len(found)} patches with gid {gid!r}"
    return found[0]


def gids(ax, prefix: str) -> list[str]:
    return [p.get_gid() for p in ax.patches if (p.get_gid() or "").startswith(prefix)]


def label(ax, gid: str) -> str:
    found = [t for t in ax.texts if t.get_gid() == gid]
    assert len(found) == 1, f"{len(found)} texts with gid {gid!r}"
    return found[0].get_text()


def legend_texts(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def tick_texts(labels) -> list[str]:
    return [t.get_text() for t in labels]


def pair_matrix(codes: list[str], seed: int = 3) -> pd.DataFrame:
    """A symmetric affinity-like matrix with a blank diagonal and distinct values."""
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 12, (len(codes), len(codes))).astype(float)
    values = (values + values.T) / 2
    np.fill_diagonal(values, np.nan)
    return pd.DataFrame(values, index=codes, columns=codes)


@pytest.fixture(scope="module")
def many_services(tmp_path_factory) -> Dataset:
    """28 services: the real four plus six renamed copies of each (such as ``NHN1``)."""
    folder = tmp_path_factory.mktemp("many") / "data"
    shutil.copytree(DATA, folder)
    services = pd.read_csv(DATA / "services.csv", dtype=str, keep_default_na=False)
    copies = [services.assign(code=services["code"] + str(k)) for k in range(1, COPIES + 1)]
    pd.concat([services, *copies]).to_csv(folder / "services.csv", index=False)
    for name in ("scores.csv", "scale_preferences.csv"):
        table = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)
        copies = [table.assign(service=table["service"] + str(k)) for k in range(1, COPIES + 1)]
        pd.concat([table, *copies]).to_csv(folder / name, index=False)
    return load_dataset(folder)


# --- style ------------------------------------------------------------------------


def test_symbol_colours_strong_ends_and_hatched_middle():
    assert set(style.SYMBOL_COLOURS) == set(SYMBOLS)
    # Strong ends are darker than their light neighbours (luminance via the text-colour rule).
    assert style.text_colour_on(style.SYMBOL_COLOURS["++"]) == "#ffffff"
    assert style.text_colour_on(style.SYMBOL_COLOURS["+"]) == "#000000"
    assert style.SYMBOL_HATCHES["?"] != style.SYMBOL_HATCHES["-/+"]
    assert style.SYMBOL_HATCHES["?"] and style.SYMBOL_HATCHES["-/+"]
    assert style.MISSING_HATCH not in (style.SYMBOL_HATCHES["?"], style.SYMBOL_HATCHES["-/+"])
    assert all(style.SYMBOL_HATCHES[s] is None for s in ("--", "-", "+", "++"))
    assert len(set(style.LEVEL_COLOURS.values())) == 6


def test_sizes_grow_with_services_and_fonts_shrink_slowly():
    small, large = style.grid_figsize(4, 11), style.grid_figsize(28, 11)
    assert small[0] == large[0] and large[1] > small[1]
    assert style.square_figsize(28)[0] > style.square_figsize(4)[0]
    assert style.font_size_for(4) == style.BASE_FONT_SIZE
    assert style.MIN_FONT_SIZE <= style.font_size_for(28) < style.BASE_FONT_SIZE
    assert style.wrap_label("Implementatie Omgevingswet", 14) == "Implementatie\nOmgevingswet"


def test_save_figure_is_byte_for_byte_reproducible(tmp_path, dataset):
    paths = []
    with mpl.rc_context():
        style.apply_style()
        assert mpl.rcParams["svg.hashsalt"] == "odsamen"
        for run in ("a", "b"):
            plt.figure()
            ax = plots.score_heatmap(dataset, dimension="robustness", measure="meets")
            paths.append(style.save_figure(ax.figure, tmp_path / run, "scores_robustness_meets"))
            plt.close("all")
    assert [p.name for p in paths[0]] == ["scores_robustness_meets.png", "scores_robustness_meets.svg"]
    for first, second in zip(*paths, strict=True):
        assert first.read_bytes() == second.read_bytes()
    svg = paths[0][1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    with pytest.raises(ValueError):
        style.save_figure(ax.figure, tmp_path, "Fig 3")


# --- score heatmap -------------------------------------------------------------------


def test_score_heatmap_cells_colours_and_symbols(dataset):
    ax = plots.score_heatmap(dataset, dimension="robustness", measure="meets")
    assert len(gids(ax, "cell:")) == 4 * 6
    cell = patch(ax, "cell:NHN:innovatie")
    assert same_color(cell.get_facecolor(), style.SYMBOL_COLOURS["--"])
    assert cell.get_hatch() is None
    assert label(ax, "text:cell:NHN:innovatie") == "--"
    assert same_color(patch(ax, "cell:NHN:weerstandsvermogen").get_facecolor(), style.SYMBOL_COLOURS["++"])


def test_score_heatmap_hatches_unknown_and_mixed(dataset):
    ax = plots.score_heatmap(dataset, dimension="robustness", measure="meets")
    unknown = patch(ax, "cell:NHN:kwaliteitscriteria")
    mixed = patch(ax, "cell:IJmond:innovatie")
    assert unknown.get_hatch() == style.SYMBOL_HATCHES["?"]
    assert mixed.get_hatch() == style.SYMBOL_HATCHES["-/+"]
    assert label(ax, "text:cell:NHN:kwaliteitscriteria") == "?"
    assert same_color(unknown.get_facecolor(), mixed.get_facecolor())


def test_score_heatmap_labels_dutch_and_english(dataset):
    nl = plots.score_heatmap(dataset, dimension="robustness", measure="meets")
    plt.figure()
    en = plots.score_heatmap(dataset, dimension="robustness", measure="meets", lang="en")
    flat = [t.replace("\n", " ") for t in tick_texts(nl.get_xticklabels())]
    assert flat[:3] == ["Omvang", "Kwaliteitscriteria", "Innovatie"]
    assert "Innovation" in [t.replace("\n", " ") for t in tick_texts(en.get_xticklabels())]
    assert tick_texts(nl.get_yticklabels()) == ["NHN", "IJmond", "NZKG", "OFGV"]
    assert text("measure.meets.robustness", "nl") in nl.get_title(loc="left")
    assert text("measure.meets.robustness", "en") in en.get_title(loc="left")
    assert nl.get_ylabel() == text("plots.service", "nl")


def test_score_heatmap_legend_names_every_level(dataset):
    ax = plots.score_heatmap(dataset, dimension="robustness", measure="added_value")
    entries = legend_texts(ax)
    assert entries == [text(f"symbol.{s}", "nl") for s in reversed(SYMBOLS)]
    hatched = {h.get_label(): h.get_hatch() for h in ax.get_legend().legend_handles}
    assert hatched[text("symbol.?", "nl")] == style.SYMBOL_HATCHES["?"]


def test_score_heatmap_marks_advisor_scores(dataset):
    ax = plots.score_heatmap(dataset, dimension="task", measure="meets")
    markers = [line for line in ax.lines if line.get_gid() == "advisor"]
    assert len(markers) == 1 and len(markers[0].get_xdata()) == 11
    # every marked cell is in OFGV's row (the fourth, y from 3 to 4)
    assert all(3 < y < 4 for y in markers[0].get_ydata())
    assert legend_texts(ax)[-1] == text("plots.advisor", "nl", source=text("source.advisor", "nl"))
    plt.figure()
    robustness = plots.score_heatmap(dataset, dimension="robustness", measure="meets")
    assert not [line for line in robustness.lines if line.get_gid() == "advisor"]
    assert text("plots.advisor", "nl", source=text("source.advisor", "nl")) not in legend_texts(robustness)


def test_score_heatmap_highlight(dataset):
    ax = plots.score_heatmap(dataset, dimension="task", measure="meets", highlight="IJmond")
    weights = {t.get_text(): t.get_fontweight() for t in ax.get_yticklabels()}
    assert weights["IJmond"] == "bold" and weights["NHN"] == "normal"
    outline = patch(ax, "highlight:IJmond")
    assert outline.get_xy() == (0, 1) and outline.get_width() == 11
    with pytest.raises(ValueError):
        plots.score_heatmap(dataset, dimension="task", measure="meets", highlight="XYZ")


def test_score_heatmap_missing_cell(dataset):
    scores = dataset.scores
    drop = (scores["service"] == "NZKG") & (scores["item"] == "omvang") & (scores["measure"] == "meets")
    partial = dataclasses.replace(dataset, scores=scores[~drop])
    ax = plots.score_heatmap(partial, dimension="robustness", measure="meets")
    cell = patch(ax, "cell:NZKG:omvang")
    assert cell.get_hatch() == style.MISSING_HATCH
    assert same_color(cell.get_facecolor(), style.MISSING_COLOUR)
    assert not [t for t in ax.texts if t.get_gid() == "text:cell:NZKG:omvang"]
    assert text("symbol.missing", "nl") in legend_texts(ax)


def test_score_heatmap_draws_on_given_axes(dataset):
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))
    returned = plots.score_heatmap(dataset, dimension="robustness", measure="meets", ax=right)
    assert returned is right and not left.patches
    assert tuple(fig.get_size_inches()) == (12, 4)


# --- preference chart ------------------------------------------------------------------


def test_preference_letters_in_service_order(dataset):
    ax = plots.preference_chart(dataset, dimension="robustness")
    boxes = gids(ax, "pref:NHN:innovatie:")
    assert boxes == ["pref:NHN:innovatie:0:B", "pref:NHN:innovatie:1:C", "pref:NHN:innovatie:2:E"]
    assert same_color(patch(ax, "pref:NHN:innovatie:2:E").get_facecolor(), style.LEVEL_COLOURS["E"])
    assert label(ax, "text:pref:NHN:innovatie:0") == "B"
    assert gids(ax, "pref:OFGV:innovatie:") == [
        "pref:OFGV:innovatie:0:E",
        "pref:OFGV:innovatie:1:C",
        "pref:OFGV:innovatie:2:B",
    ]


def test_preference_two_aspects_in_one_cell(dataset):
    ax = plots.preference_chart(dataset, dimension="robustness")
    assert gids(ax, "pref:OFGV:bi_en_opleiding:opleiding:") == ["pref:OFGV:bi_en_opleiding:opleiding:0:E"]
    assert gids(ax, "pref:OFGV:bi_en_opleiding:bi:") == [
        "pref:OFGV:bi_en_opleiding:bi:0:B",
        "pref:OFGV:bi_en_opleiding:bi:1:C",
        "pref:OFGV:bi_en_opleiding:bi:2:E",
    ]
    opleiding = patch(ax, "pref:OFGV:bi_en_opleiding:opleiding:0:E")
    bi = patch(ax, "pref:OFGV:bi_en_opleiding:bi:0:B")
    assert opleiding.get_y() < bi.get_y()  # opleiding on the upper line, as in the report
    assert label(ax, "aspect:pref:OFGV:bi_en_opleiding:opleiding") == "opleiding"
    plt.figure()
    english = plots.preference_chart(dataset, dimension="robustness", lang="en")
    assert label(english, "aspect:pref:OFGV:bi_en_opleiding:opleiding") == "training"


def test_preference_not_given_and_unknown(dataset):
    ax = plots.preference_chart(dataset, dimension="task")
    missing = gids(ax, "pref:OFGV:")
    assert len([g for g in missing if g.endswith(":missing")]) == 11
    assert patch(ax, "pref:OFGV:zzs:missing").get_hatch() == style.MISSING_HATCH
    assert patch(ax, "pref:NHN:ketentoezicht:0:?").get_hatch() == style.SYMBOL_HATCHES["?"]
    entries = legend_texts(ax)
    assert entries[:6] == [
        text("plots.level_entry", "nl", level=level, label=dataset.level_label(level, "nl"))
        for level in "ABCDEF"
    ]
    assert entries[6:] == [text("preference.unknown", "nl"), text("preference.missing", "nl")]
    assert "OFGV: niet opgegeven" in ax.get_xlabel()
    plt.figure()
    robustness = plots.preference_chart(dataset, dimension="robustness")
    assert text("preference.missing", "nl") not in legend_texts(robustness)
    assert robustness.get_xlabel() == ""


def test_preference_highlight_and_english_legend(dataset):
    ax = plots.preference_chart(dataset, dimension="task", lang="en", highlight="NHN")
    assert {t.get_text(): t.get_fontweight() for t in ax.get_yticklabels()}["NHN"] == "bold"
    assert legend_texts(ax)[0] == "A: Individual service"
    assert text("dimension.task", "en") in ax.get_title(loc="left")


# --- affinity pictures --------------------------------------------------------------------


def test_affinity_heatmap_values_blank_diagonal_and_highlight():
    matrix = pd.DataFrame(
        [[np.nan, 0.5, 0.25], [0.5, np.nan, 1.0], [0.25, 1.0, np.nan]],
        index=["NHN", "IJmond", "OFGV"],
        columns=["NHN", "IJmond", "OFGV"],
    )
    ax = plots.affinity_heatmap(matrix, lens="scale_agreement", highlight="OFGV")
    written = sorted(t.get_text() for t in ax.texts)
    assert written == ["0,25", "0,25", "0,50", "0,50", "1,00", "1,00"]
    mesh = ax.collections[0]
    assert np.ma.getmaskarray(mesh.get_array()).reshape(3, 3).diagonal().all()
    assert {t.get_text(): t.get_fontweight() for t in ax.get_xticklabels()}["OFGV"] == "bold"
    assert mesh.colorbar.ax.get_ylabel() == text("affinity.lens.scale_agreement", "nl")
    assert text("affinity.lens.scale_agreement", "nl") in ax.get_title(loc="left")


def test_affinity_heatmap_counts_as_whole_numbers_in_english():
    matrix = pair_matrix(["A1", "B1", "C1"]).round()
    ax = plots.affinity_heatmap(matrix, lens="shared_regional", lang="en")
    assert all("," not in t.get_text() and "." not in t.get_text() for t in ax.texts)
    assert text("affinity.lens.shared_regional", "en") in ax.get_title(loc="left")


def test_clustered_heatmap_follows_given_linkage():
    codes = ["NHN", "IJmond", "NZKG", "OFGV"]
    matrix = pair_matrix(codes)
    link = hierarchy.linkage(np.array([[0.0], [10.0], [1.0], [11.0]]), method="average")
    grid = plots.clustered_heatmap(matrix, row_linkage=link, col_linkage=link, value_label="Gecombineerd")
    order = [codes[i] for i in hierarchy.leaves_list(link)]
    assert tick_texts(grid.ax_heatmap.get_yticklabels()) == order
    assert tick_texts(grid.ax_heatmap.get_xticklabels()) == order
    assert "gemiddelde" in grid.figure._suptitle.get_text()
    assert grid.ax_cbar.get_title(loc="left") == "Gecombineerd"


def test_clustered_heatmap_fallback_linkage_and_labels():
    matrix = pd.DataFrame(
        [[2.0, -1.0], [1.0, 0.0], [2.0, -2.0]], index=["a", "b", "c"], columns=["NHN", "OFGV"]
    )
    grid = plots.clustered_heatmap(matrix, labels={"a": "Omvang"}, lang="en")
    assert "Omvang" in tick_texts(grid.ax_heatmap.get_yticklabels())
    assert "average linkage" in grid.figure._suptitle.get_text().replace("\n", " ")
    assert plots.average_linkage(matrix).shape == (2, 4)


def test_affinity_network_edges_and_legend():
    codes = ["NHN", "IJmond", "NZKG", "OFGV"]
    matrix = pair_matrix(codes)
    ax = plots.affinity_network(matrix, lens="combined", highlight="NZKG")
    edges = plots.network_edges(matrix)
    lines = next(c for c in ax.collections if c.get_gid() == "edges")
    widths = lines.get_linewidths()
    assert len(widths) == len(edges) == int((np.triu(matrix.to_numpy(), 1) > 0).sum())
    assert list(widths) == sorted(widths)  # weakest first, so strongest drawn on top
    assert len(legend_texts(ax)) == 3
    node = next(c for c in ax.collections if c.get_gid() == "node:NZKG")
    assert same_color(node.get_facecolor()[0], style.OWN_SERVICE_COLOUR)
    assert label(ax, "label:OFGV") == "OFGV"
    first = [t.get_position() for t in ax.texts]
    plt.figure()
    again = plots.affinity_network(matrix, lens="combined", highlight="NZKG")
    assert [t.get_position() for t in again.texts] == first


def test_network_keeps_strongest_links_per_service():
    codes = [f"S{k:02d}" for k in range(1, 29)]
    edges = plots.network_edges(pair_matrix(codes), strongest=2)
    assert len(edges) < 28 * 27 // 2
    counts = pd.concat([edges["service_a"], edges["service_b"]]).value_counts()
    assert set(counts.index) == set(codes)


# --- sensitivity and profile ---------------------------------------------------------------


@pytest.fixture
def sensitivity_values() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("complementarity", "NHN", "IJmond", 5.0, 3.0),
            ("complementarity", "NHN", "OFGV", 4.0, 4.0),
            ("complementarity", "IJmond", "OFGV", 1.0, 1.0),
            ("scale_agreement", "NHN", "IJmond", 0.5, 0.5),
            ("scale_agreement", "NHN", "OFGV", 0.25, 0.25),
            ("scale_agreement", "IJmond", "OFGV", 0.75, 0.75),
        ],
        columns=list(plots.SENSITIVITY_COLUMNS),
    )


def test_sensitivity_table_ranks(sensitivity_values):
    table = plots.sensitivity_table(sensitivity_values)
    complementarity = table[table["lens"] == "complementarity"].set_index("pair")
    assert complementarity.loc["NHN – IJmond", "rank_neutral"] == 1
    assert complementarity.loc["NHN – IJmond", "rank_missing"] == 2
    assert complementarity["rank_changed"].tolist() == [True, True, False]
    assert table["scaled_neutral"].max() == 1.0
    assert not table.loc[table["lens"] == "scale_agreement", "rank_changed"].any()
    with pytest.raises(ValueError):
        plots.sensitivity_table(sensitivity_values.drop(columns="value_missing"))


def test_sensitivity_chart_shows_both_readings(sensitivity_values):
    ax = plots.sensitivity_chart(sensitivity_values)
    labels = tick_texts(ax.get_yticklabels())
    assert labels[0] == text("affinity.lens.complementarity", "nl")
    assert "NHN – IJmond" in labels
    # The first "NHN – IJmond" is in the complementarity block, where its rank changes.
    first = next(t for t in ax.get_yticklabels() if t.get_text() == "NHN – IJmond")
    last = [t for t in ax.get_yticklabels() if t.get_text() == "NHN – IJmond"][-1]
    assert first.get_fontweight() == "bold" and last.get_fontweight() == "normal"
    assert legend_texts(ax) == [text("unknown.neutral", "nl"), text("unknown.missing", "nl")]
    change = label(ax, "change:complementarity:NHN – IJmond")
    assert change.startswith("5 → 3") and text("plots.sensitivity.rank", "nl", neutral=1, missing=2) in change
    neutral = [line for line in ax.lines if line.get_gid() == "neutral:complementarity:NHN – IJmond"]
    missing = [line for line in ax.lines if line.get_gid() == "missing:complementarity:NHN – IJmond"]
    assert neutral[0].get_xdata()[0] == 1.0 and missing[0].get_xdata()[0] == pytest.approx(0.6)


def test_profile_chart_picks_out_own_service():
    profile = pd.DataFrame(
        [
            ("NHN", "robustness", "meets", 0.5, 5, 1),
            ("OFGV", "robustness", "meets", -0.25, 6, 0),
            ("NHN", "task", "meets", 1.0, 11, 0),
            ("OFGV", "task", "meets", 1.5, 10, 1),
        ],
        columns=["service", "dimension", "measure", "mean_score", "n_known", "n_unknown"],
    )
    ax = plots.profile_chart(profile, service="OFGV")
    own = patch(ax, "bar:OFGV:robustness:meets")
    other = patch(ax, "bar:NHN:robustness:meets")
    assert same_color(own.get_facecolor(), style.OWN_SERVICE_COLOUR)
    assert same_color(other.get_facecolor(), style.OTHER_SERVICE_COLOUR)
    assert own.get_width() == -0.25
    labels = tick_texts(ax.get_yticklabels())
    assert labels[0] == text(
        "plots.profile.group",
        "nl",
        dimension=text("dimension.robustness", "nl"),
        measure=text("measure.meets.short", "nl"),
    )
    assert any(text("plots.profile.unknown", "nl", n=1, total=6) in t.get_text() for t in ax.texts)
    assert "OFGV" in ax.get_title(loc="left")


# --- 28 services ---------------------------------------------------------------------------


def test_figures_grow_for_28_services(dataset, many_services):
    sizes = {}
    for name, data in (("four", dataset), ("many", many_services)):
        plt.figure()
        heat = plots.score_heatmap(data, dimension="task", measure="added_value", highlight="OFGV")
        plt.figure()
        prefs = plots.preference_chart(data, dimension="robustness")
        sizes[name] = (heat.figure.get_size_inches()[1], prefs.figure.get_size_inches()[1])
        assert len(heat.get_yticklabels()) == len(data.service_codes)
        assert len(gids(heat, "cell:")) == len(data.service_codes) * 11
        plt.close("all")
    assert sizes["many"][0] > sizes["four"][0] and sizes["many"][1] > sizes["four"][1]


def test_labels_shrink_but_stay_readable_for_28_services(many_services):
    ax = plots.score_heatmap(many_services, dimension="robustness", measure="meets")
    sizes = {t.get_fontsize() for t in ax.get_yticklabels()}
    assert sizes == {style.font_size_for(28)} and style.font_size_for(28) >= style.MIN_FONT_SIZE
    assert tick_texts(ax.get_yticklabels())[-1] == "OFGV6"
    # the split cell stays two lines, also in low rows
    assert len(gids(ax, "cell:OFGV6:")) == 6
    plt.figure()
    prefs = plots.preference_chart(many_services, dimension="robustness")
    assert gids(prefs, "pref:OFGV6:bi_en_opleiding:opleiding:") == [
        "pref:OFGV6:bi_en_opleiding:opleiding:0:E"
    ]


def test_matrix_pictures_for_28_services(many_services):
    codes = many_services.service_codes
    matrix = pair_matrix(codes)
    heat = plots.affinity_heatmap(matrix, lens="combined")
    assert len(heat.get_xticklabels()) == 28
    assert heat.figure.get_size_inches()[0] > style.square_figsize(4)[0]
    plt.figure()
    network = plots.affinity_network(matrix, lens="combined")
    assert text("plots.network_strongest", "nl", n=plots.STRONGEST_LINKS) in network.get_title(loc="left")
    assert len([c for c in network.collections if (c.get_gid() or "").startswith("node:")]) == 28
    grid = plots.clustered_heatmap(matrix)
    assert len(grid.ax_heatmap.get_yticklabels()) == 28
    assert tuple(grid.figure.get_size_inches()) == style.cluster_figsize(28, 28)


def test_synthetic_data_says_so_on_the_figure(many_services):
    synthetic = dataclasses.replace(many_services, synthetic=True)
    ax = plots.score_heatmap(synthetic, dimension="robustness", measure="meets")
    assert label(ax, "synthetic") == text("plots.synthetic", "nl")
    plt.figure()
    real = plots.score_heatmap(many_services, dimension="robustness", measure="meets")
    assert not [t for t in real.texts if t.get_gid() == "synthetic"]


def test_no_red_against_green_in_score_colours():
    # A colour-blind-safe diverging scale: its two ends differ mainly in blue, not in red vs green.
    negative, positive = (to_rgba(style.SYMBOL_COLOURS[s]) for s in ("--", "++"))
    assert positive[2] > negative[2]
    assert not (negative[0] > 0.7 and negative[1] < 0.3 and positive[1] > 0.5 and positive[0] < 0.3)


def test_profile_chart_rows_of_dots_for_28_services():
    codes = [f"S{k:02d}" for k in range(1, 29)]
    profile = pd.DataFrame(
        [(code, "task", "meets", (k % 5) / 2 - 1, 10, 1) for k, code in enumerate(codes)],
        columns=["service", "dimension", "measure", "mean_score", "n_known", "n_unknown"],
    )
    ax = plots.profile_chart(profile, service="S05")
    dots = [line for line in ax.lines if (line.get_gid() or "").startswith("dot:")]
    assert len(dots) == 28
    own = next(line for line in dots if line.get_gid() == "dot:S05:task:meets")
    assert same_color(own.get_color(), style.OWN_SERVICE_COLOUR)
    assert legend_texts(ax) == [text("plots.profile.others", "nl", n=27)]
    assert ax.figure.get_size_inches()[1] < 6  # one row per dimension and measure, not per service
    with pytest.raises(ValueError):
        plots.profile_chart(profile, service="NHN")
