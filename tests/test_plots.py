"""Figures, tested by what they hold: cells, colours, hatches, texts, legends, sizes."""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import same_color, to_rgba
from scipy.cluster import hierarchy

from odsamen.analysis import affinity, clustering
from odsamen.analysis.data import SYMBOLS, Dataset, load_dataset
from odsamen.analysis.scoring import Reading
from odsamen.catalogue import text
from odsamen.report import plots, style

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


def test_level_colours_follow_the_regional_flag(dataset):
    # The report's six levels keep their colours; regional levels are blues, in their order.
    colours = style.level_colours(dataset.levels)
    assert colours == {
        "A": "#E69F00",
        "B": "#56B4E9",
        "C": "#0072B2",
        "D": "#CC79A7",
        "E": "#009E73",
        "F": "#F0E442",
    }
    other = pd.DataFrame({"level": list("PQRS"), "regional": [False, True, True, False]})
    assert style.level_colours(other) == {"P": "#E69F00", "Q": "#56B4E9", "R": "#0072B2", "S": "#CC79A7"}


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
    assert same_color(cell.get_facecolor(), plots.SCORE_COLOURS["--"])
    assert cell.get_hatch() == plots.NEGATIVE_HATCH  # negative cells are striped, for black and white
    assert label(ax, "text:cell:NHN:innovatie") == "--"
    strong = patch(ax, "cell:NHN:weerstandsvermogen")
    assert same_color(strong.get_facecolor(), plots.SCORE_COLOURS["++"]) and strong.get_hatch() is None


def test_score_colours_sign_in_pattern_strength_in_lightness():
    assert set(plots.SCORE_COLOURS) == set(plots.SCORE_HATCHES) == set(SYMBOLS)
    assert {s for s in SYMBOLS if plots.SCORE_HATCHES[s] == plots.NEGATIVE_HATCH} == {"--", "-"}
    assert plots.NEGATIVE_HATCH not in (plots.SCORE_HATCHES[s] for s in ("-/+", "?", "+", "++"))
    # white symbols and lines on both strong ends, black on both weak ones
    assert {style.text_colour_on(plots.SCORE_COLOURS[s]) for s in ("--", "++")} == {"#ffffff"}
    assert {style.text_colour_on(plots.SCORE_COLOURS[s]) for s in ("-", "+")} == {"#000000"}
    assert plots.score_hatch_colour("--") == "#ffffff" and plots.score_hatch_colour("-") == "#000000"


def test_score_heatmap_hatches_unknown_and_mixed(dataset):
    ax = plots.score_heatmap(dataset, dimension="robustness", measure="meets")
    unknown = patch(ax, "cell:NHN:kwaliteitscriteria")
    mixed = patch(ax, "cell:IJmond:innovatie")
    assert unknown.get_hatch() == style.SYMBOL_HATCHES["?"]
    assert mixed.get_hatch() == style.SYMBOL_HATCHES["-/+"]
    assert label(ax, "text:cell:NHN:kwaliteitscriteria") == "?"
    assert same_color(unknown.get_facecolor(), mixed.get_facecolor())


def test_score_heatmap_puts_hatched_symbols_on_a_plain_field(dataset):
    ax = plots.score_heatmap(dataset, dimension="robustness", measure="meets")
    hatched = [("NHN:bi_en_opleiding", "-"), ("NHN:kwaliteitscriteria", "?"), ("IJmond:innovatie", "-/+")]
    for gid, symbol in hatched:
        cell, field = patch(ax, f"cell:{gid}"), patch(ax, f"field:cell:{gid}")
        assert label(ax, f"text:cell:{gid}") == symbol and cell.get_hatch()
        assert same_color(field.get_facecolor(), cell.get_facecolor()) and not field.get_hatch()
        assert field.get_width() == field.get_height() == plots.SYMBOL_FIELD
        assert field.get_center() == pytest.approx(cell.get_center())
        order = [id(artist) for artist in ax.get_children()]
        assert order.index(id(cell)) < order.index(id(field))  # drawn over the hatch, under the symbol
    assert not [p for p in ax.patches if p.get_gid() == "field:cell:NHN:weerstandsvermogen"]  # plain ++


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


def advisor_marks(ax) -> list:
    """The advisor marks drawn in the cells of ``ax`` (texts ``gid="advisor"``)."""
    return [t for t in ax.texts if t.get_gid() == "advisor"]


def test_score_heatmap_marks_advisor_scores(dataset):
    ax = plots.score_heatmap(dataset, dimension="task", measure="meets")
    marks_drawn = advisor_marks(ax)
    assert len(marks_drawn) == 11  # the advisors filled in OFGV's 11 future tasks
    assert {m.get_text() for m in marks_drawn} == {text("affinity.advisor_mark", "nl")} == {"†"}
    # every mark sits in the top-right quarter of a cell in OFGV's row (the fourth, y from 3 to 4)
    positions = [m.get_position() for m in marks_drawn]
    assert all(3 < y < 3.5 and 0.5 < x % 1 < 1 for x, y in positions)
    assert sorted(int(x) for x, _ in positions) == list(range(11))
    assert legend_texts(ax)[-1] == text("plots.advisor", "nl", source=text("source.advisor", "nl"))
    handle = ax.get_legend().legend_handles[-1]
    assert handle.get_text() == text("affinity.advisor_mark", "nl")  # the legend shows the same mark
    plt.figure()
    robustness = plots.score_heatmap(dataset, dimension="robustness", measure="meets")
    assert not advisor_marks(robustness)
    assert text("plots.advisor", "nl", source=text("source.advisor", "nl")) not in legend_texts(robustness)


def test_advisor_mark_reads_on_its_cell_colour(dataset):
    # task / added value: OFGV's marked cells are + (light) and ++ (dark purple)
    ax = plots.score_heatmap(dataset, dimension="task", measure="added_value")
    cells = plots.score_cells(dataset, dimension="task", measure="added_value").set_index(["service", "item"])
    items = dataset.item_codes("task")
    colours = set()
    for mark in advisor_marks(ax):
        x, _ = mark.get_position()
        symbol = cells.loc[("OFGV", items[int(x)]), "symbol"]
        face = plots.SCORE_COLOURS[symbol]
        assert mark.get_color() == style.text_colour_on(face), symbol
        assert same_color(mark.get_bbox_patch().get_facecolor(), face)  # on a plain field, clear of hatches
        colours.add(mark.get_color())
    assert colours == {"#000000", "#ffffff"}  # black on the light cells, white on the dark one


def test_score_heatmap_highlight(dataset):
    ax = plots.score_heatmap(dataset, dimension="task", measure="meets", highlight="IJmond")
    weights = {t.get_text(): t.get_fontweight() for t in ax.get_yticklabels()}
    assert weights["IJmond"] == "bold" and weights["NHN"] == "normal"
    outline = patch(ax, "highlight:IJmond")
    assert outline.get_xy() == (0, 1) and outline.get_width() == 11
    with pytest.raises(ValueError):
        plots.score_heatmap(dataset, dimension="task", measure="meets", highlight="XYZ")


def test_score_heatmap_shows_only_the_services_asked_for_in_codebook_order(dataset):
    ax = plots.score_heatmap(
        dataset, dimension="task", measure="meets", services=["OFGV", "NHN"], highlight="OFGV"
    )
    assert [t.get_text() for t in ax.get_yticklabels()] == ["NHN", "OFGV"]
    cells = {p.get_gid().split(":")[1] for p in ax.patches if (p.get_gid() or "").startswith("cell:")}
    assert cells == {"NHN", "OFGV"}
    assert patch(ax, "highlight:OFGV").get_xy() == (0, 1)
    with pytest.raises(ValueError, match="XYZ"):
        plots.score_heatmap(dataset, dimension="task", measure="meets", services=["NHN", "XYZ"])
    with pytest.raises(ValueError, match="NHN"):  # the highlighted service must be shown
        plots.score_heatmap(dataset, dimension="task", measure="meets", services=["OFGV"], highlight="NHN")


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
    assert same_color(
        patch(ax, "pref:NHN:innovatie:2:E").get_facecolor(), style.level_colours(dataset.levels)["E"]
    )
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


def test_lens_titles_exist_for_every_lens():
    for lens in affinity.LENSES:
        assert plots.lens_title(lens, "nl") == affinity.lens_label(lens, "nl")
        assert plots.lens_title(lens, "en") == affinity.lens_label(lens, "en")


def test_affinity_heatmap_shows_share_with_its_basis(dataset):
    lens = "joint_agenda"
    shares = affinity.lens_share(dataset, lens)
    basis = affinity.lens_basis(dataset, lens)
    counts = affinity.lens_matrix(dataset, lens)
    low = basis < affinity.LOW_EVIDENCE_SHARE * len(dataset.items)
    ax = plots.affinity_heatmap(shares, lens=lens, basis=basis, counts=counts, low_evidence=low)
    written = [t.get_text() for t in ax.texts if t.get_text()]
    assert len(written) == 12  # every pair twice, the diagonal blank
    assert written.count("0,79\n11/14") == 2
    assert written.count("0,29\n2/7 *") == 2  # NHN – OFGV rests on 7 of 17 items
    assert text("plots.basis.counts", "nl").split()[0] in ax.get_xlabel()
    assert text("plots.basis.low_evidence", "nl") in ax.get_xlabel().replace("\n", " ")
    assert ax.collections[0].colorbar.ax.get_ylabel() == affinity.lens_label(lens, "nl")


def test_basis_annotations_without_counts():
    matrix = pd.DataFrame([[np.nan, 0.5], [0.5, np.nan]], index=["A", "B"], columns=["A", "B"])
    basis = pd.DataFrame([[0, 6], [6, 0]], index=["A", "B"], columns=["A", "B"])
    cells = plots.basis_annotations(matrix, basis, lang="en")
    assert cells.tolist() == [["", "0.50\n6"], ["0.50\n6", ""]]


def test_clustered_heatmap_follows_given_linkage():
    codes = ["NHN", "IJmond", "NZKG", "OFGV"]
    matrix = pair_matrix(codes)
    link = hierarchy.linkage(np.array([[0.0], [10.0], [1.0], [11.0]]), method="average")
    grid = plots.clustered_heatmap(
        matrix, row_linkage=link, col_linkage=link, value_label="Gezamenlijke agenda"
    )
    order = [codes[i] for i in hierarchy.leaves_list(link)]
    assert tick_texts(grid.ax_heatmap.get_yticklabels()) == order
    assert tick_texts(grid.ax_heatmap.get_xticklabels()) == order
    assert "gemiddelde" in grid.figure._suptitle.get_text()
    assert grid.ax_cbar.get_title(loc="left").replace("\n", " ") == "Gezamenlijke agenda"


def test_clustered_heatmap_fallback_linkage_and_labels():
    matrix = pd.DataFrame(
        [[2.0, -1.0], [1.0, 0.0], [2.0, -2.0]], index=["a", "b", "c"], columns=["NHN", "OFGV"]
    )
    grid = plots.clustered_heatmap(matrix, labels={"a": "Omvang"}, lang="en")
    assert "Omvang" in tick_texts(grid.ax_heatmap.get_yticklabels())
    assert "average linkage" in grid.figure._suptitle.get_text().replace("\n", " ")
    assert plots.average_linkage(matrix).shape == (2, 4)


def test_clustered_heatmap_hatches_unknown_cells_not_the_diagonal():
    matrix = pd.DataFrame(
        [[2.0, np.nan, 1.0], [1.0, 0.0, np.nan], [2.0, -2.0, 1.0], [np.nan, 1.0, 1.0]],
        index=["a", "b", "c", "d"],
        columns=["NHN", "IJmond", "NZKG"],
    )
    grid = plots.clustered_heatmap(
        matrix.fillna(0.0).where(matrix.notna()), row_cluster=False, col_cluster=False
    )
    unknown = [p for p in grid.ax_heatmap.patches if (p.get_gid() or "").startswith("unknown:")]
    assert sorted(p.get_gid() for p in unknown) == ["unknown:a:IJmond", "unknown:b:NZKG", "unknown:d:NHN"]
    assert all(p.get_hatch() == style.UNKNOWN_CELL_HATCH for p in unknown)
    cell = next(p for p in unknown if p.get_gid() == "unknown:a:IJmond")
    assert cell.get_xy() == (1, 0)  # column IJmond, row a
    mesh = grid.ax_heatmap.collections[0]
    assert np.ma.getmaskarray(mesh.get_array()).sum() == 3  # the colours leave the cells open
    legend = grid.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [text("plots.unknown_cell", "nl")]
    # In a service-by-service matrix, a service with itself is blank, not unknown.
    shares = pd.DataFrame(
        [[np.nan, 0.8, 0.2], [0.8, np.nan, np.nan], [0.2, np.nan, np.nan]],
        index=["NHN", "IJmond", "OFGV"],
        columns=["NHN", "IJmond", "OFGV"],
    )
    link = clustering.service_linkage(shares)
    services = plots.clustered_heatmap(shares, row_linkage=link, col_linkage=link, lang="en")
    marked = sorted(
        p.get_gid() for p in services.ax_heatmap.patches if (p.get_gid() or "").startswith("unknown:")
    )
    assert marked == ["unknown:IJmond:OFGV", "unknown:OFGV:IJmond"]
    assert [t.get_text() for t in services.figure.legends[0].get_texts()] == [
        text("plots.unknown_cell", "en")
    ]


def test_clustered_heatmap_follows_reordering_for_unknown_cells(dataset):
    profiles = clustering.item_profiles(
        dataset, dimension="task", measure="added_value", unknown="missing", advisor="exclude"
    )
    link = clustering.item_linkage(
        dataset, dimension="task", measure="added_value", unknown="missing", advisor="exclude"
    )
    grid = plots.clustered_heatmap(profiles.T, col_linkage=link, row_cluster=False)
    marked = {p.get_gid() for p in grid.ax_heatmap.patches if (p.get_gid() or "").startswith("unknown:")}
    expected = {
        f"unknown:{s}:{i}" for i in profiles.index for s in profiles.columns if np.isnan(profiles.loc[i, s])
    }
    assert marked == expected and expected
    columns = tick_texts(grid.ax_heatmap.get_xticklabels())
    for p in grid.ax_heatmap.patches:
        if (p.get_gid() or "").startswith("unknown:"):
            service, item = p.get_gid().split(":")[1:]
            assert columns[int(p.get_x())] == item
            assert list(profiles.columns)[int(p.get_y())] == service


def test_affinity_network_draws_shares(dataset):
    shares = affinity.lens_share(dataset, "joint_agenda")
    ax = plots.affinity_network(shares, lens="joint_agenda", highlight="NHN")
    lines = next(c for c in ax.collections if c.get_gid() == "edges")
    # NZKG – OFGV has share 0 and gets no line; the five other pairs do.
    assert len(lines.get_linewidths()) == 5
    assert legend_texts(ax)[0] == "0,79"
    assert affinity.lens_label("joint_agenda", "nl") in ax.get_title(loc="left")


def test_affinity_network_edges_and_legend():
    codes = ["NHN", "IJmond", "NZKG", "OFGV"]
    matrix = pair_matrix(codes)
    ax = plots.affinity_network(matrix, lens="joint_agenda", highlight="NZKG")
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
    again = plots.affinity_network(matrix, lens="joint_agenda", highlight="NZKG")
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
    """Rows as affinity.sensitivity_values gives them: only values some reading changes."""
    return pd.DataFrame(
        [
            ("shared_added_value", "NHN", "OFGV", 0.75, 16, 1 / 3, 0.75, 6, 16, "advisor"),
            ("shared_added_value", "IJmond", "OFGV", 11 / 15, 15, 1 / 3, 11 / 15, 6, 15, "advisor"),
            ("complementarity", "NZKG", "OFGV", 0.0, 11, 0.0, 0.0, 5, 11, "advisor"),
            ("scale_agreement", "NHN", "IJmond", 0.6875, 16, 0.354167, 0.6875, 16, 16, "levels"),
            ("scale_agreement", "NZKG", "OFGV", 1 / 6, 6, 1 / 12, 1 / 6, 6, 6, "advisor, levels"),
        ],
        columns=list(plots.SENSITIVITY_COLUMNS),
    )


def test_sensitivity_columns_match_the_affinity_module():
    assert plots.SENSITIVITY_COLUMNS == affinity.SENSITIVITY_COLUMNS


def test_sensitivity_table_values_basis_and_switch(sensitivity_values):
    table = plots.sensitivity_table(sensitivity_values)
    assert list(table["lens"].unique()) == ["shared_added_value", "complementarity", "scale_agreement"]
    added = table[table["lens"] == "shared_added_value"]
    assert list(added["pair"]) == ["NHN – OFGV", "IJmond – OFGV"]  # highest default share first
    row = table.set_index(["lens", "pair"]).loc[("shared_added_value", "NHN – OFGV")]
    assert row["values_text"] == "0,75 (16) · 0,33–0,75 (6–16)"
    assert row["switch_text"] == text("plots.sensitivity.switch.advisor", "nl")
    assert row["spread"] == pytest.approx(0.75 - 1 / 3)
    # Only the basis changes: one share, a range of items.
    only_basis = table.set_index(["lens", "pair"]).loc[("complementarity", "NZKG – OFGV")]
    assert only_basis["values_text"] == "0,00 (11) · 0,00 (5–11)"
    # Only the share changes: one basis.
    only_share = table.set_index(["lens", "pair"]).loc[("scale_agreement", "NHN – IJmond")]
    assert only_share["values_text"] == "0,69 (16) · 0,35–0,69 (16)"
    both = table.set_index(["lens", "pair"]).loc[("scale_agreement", "NZKG – OFGV")]
    assert both["switch_text"] == ", ".join(
        text(f"plots.sensitivity.switch.{name}", "nl") for name in ("advisor", "levels")
    )
    english = plots.sensitivity_table(sensitivity_values, lang="en")
    assert english["values_text"].iloc[0] == "0.75 (16) · 0.33–0.75 (6–16)"
    with pytest.raises(ValueError):
        plots.sensitivity_table(sensitivity_values.drop(columns="share_low"))
    with pytest.raises(ValueError):
        plots.switch_label("weights")


def test_sensitivity_table_keeps_the_pairs_that_move_most(sensitivity_values):
    table = plots.sensitivity_table(sensitivity_values, max_pairs=1)
    assert table.groupby("lens").size().max() == 1
    kept = table.set_index("lens")["pair"]
    assert kept["scale_agreement"] == "NHN – IJmond"  # moves 0.33; NZKG – OFGV moves 0.08


def test_sensitivity_chart_draws_ranges_default_and_texts_on_the_right(sensitivity_values):
    ax = plots.sensitivity_chart(sensitivity_values)
    labels = tick_texts(ax.get_yticklabels())
    assert labels[0] == text("affinity.lens.shared_added_value", "nl")
    headings = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert headings == [text(f"affinity.lens.{lens}", "nl") for lens in table_lenses(sensitivity_values)]
    assert labels.count("NZKG – OFGV") == 2  # once under each lens it changes in
    key = "shared_added_value:NHN – OFGV"
    line = next(line for line in ax.lines if line.get_gid() == f"range:{key}")
    assert list(line.get_xdata()) == pytest.approx([1 / 3, 0.75])
    ends = next(line for line in ax.lines if line.get_gid() == f"ends:{key}")
    dot = next(line for line in ax.lines if line.get_gid() == f"default:{key}")
    assert dot.get_xdata()[0] == 0.75
    # Greyscale: the default and the range ends differ in shape, not only in colour.
    assert dot.get_marker() != ends.get_marker()
    assert label(ax, f"values:{key}") == "0,75 (16) · 0,33–0,75 (6–16)"
    assert label(ax, f"switch:{key}") == text("plots.sensitivity.switch.advisor", "nl")
    ax.figure.canvas.draw()
    axis_right = ax.get_window_extent().x1
    values = next(t for t in ax.texts if t.get_gid() == f"values:{key}")
    switch = next(t for t in ax.texts if t.get_gid() == f"switch:{key}")
    values_box, switch_box = values.get_window_extent(), switch.get_window_extent()
    assert axis_right < values_box.x0 < values_box.x1 < switch_box.x0
    assert legend_texts(ax) == [
        text("plots.sensitivity.default", "nl"),
        text("plots.sensitivity.range", "nl"),
    ]
    assert len([t for t in ax.texts if (t.get_gid() or "").startswith("values:")]) == len(sensitivity_values)


def table_lenses(values: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(values["lens"]))


def test_sensitivity_chart_from_the_data_has_no_unknown_rows(dataset):
    values = affinity.sensitivity_values(dataset)
    ax = plots.sensitivity_chart(values)
    switches = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("switch:")]
    assert len(switches) == len(values)
    assert text("plots.sensitivity.switch.unknown", "nl") not in switches


def test_sensitivity_chart_without_rows_says_so(sensitivity_values):
    ax = plots.sensitivity_chart(sensitivity_values.iloc[0:0])
    assert label(ax, "none") == text("plots.sensitivity.none", "nl")


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
    heat = plots.affinity_heatmap(matrix, lens="joint_agenda")
    assert len(heat.get_xticklabels()) == 28
    assert heat.figure.get_size_inches()[0] > style.square_figsize(4)[0]
    plt.figure()
    network = plots.affinity_network(matrix, lens="joint_agenda")
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
    negative, positive = (to_rgba(plots.SCORE_COLOURS[s]) for s in ("--", "++"))
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


# --- coalitions ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def coalition_chart(dataset):
    """The coalition × item chart of the real data under the standard reading; closed afterwards."""
    plt.figure()
    ax = plots.coalition_item_chart(dataset)
    yield ax
    plt.close(ax.figure)


def marks(ax, gid: str) -> set[tuple[float, float]]:
    """The (x, y) positions of the markers of the line ``gid`` (empty if there is none); for
    ``"advisor"``, of the advisor marks (texts)."""
    if gid == "advisor":
        return {tuple(map(float, m.get_position())) for m in advisor_marks(ax)}
    lines = [line for line in ax.lines if line.get_gid() == gid]
    assert len(lines) <= 1, f"{len(lines)} lines with gid {gid!r}"
    if not lines:
        return set()
    return {(float(x), float(y)) for x, y in zip(lines[0].get_xdata(), lines[0].get_ydata(), strict=True)}


def plain(entries: list[str]) -> list[str]:
    return [entry.replace("\n", " ") for entry in entries]


def test_coalition_chart_has_a_cell_per_coalition_and_item(dataset, coalition_chart):
    from odsamen.analysis import coalitions

    keys = coalitions.coalitions(dataset)
    assert len(keys) == 11
    assert len(gids(coalition_chart, "coalition:")) == 11 * 17
    assert tick_texts(coalition_chart.get_yticklabels()) == keys
    labels = tick_texts(coalition_chart.get_xticklabels())
    assert labels == [dataset.item_label(item, "nl") for item in dataset.items["item"]]
    assert coalition_chart.get_title(loc="left").replace("\n", " ") == text("plots.coalition.title", "nl")


def test_coalition_chart_states_of_known_cells(coalition_chart):
    ax = coalition_chart
    colours = plots.COALITION_COLOURS
    exchange = patch(ax, "coalition:NHN+IJmond:bi_en_opleiding")
    assert same_color(exchange.get_facecolor(), colours["exchange"]) and exchange.get_hatch() is None
    # BI en opleiding is the fifth column, NHN+IJmond the first row: a white dot in its middle
    assert (4.5, 0.5) in marks(ax, "exchange")
    assert same_color(patch(ax, "coalition:NHN+IJmond:innovatie").get_facecolor(), colours["agenda"])
    assert same_color(patch(ax, "coalition:NHN+IJmond:omvang").get_facecolor(), colours["not_agenda"])
    undetermined = patch(ax, "coalition:NHN+IJmond:ketentoezicht")
    assert same_color(undetermined.get_facecolor(), colours["undetermined"])
    assert undetermined.get_hatch() == plots.COALITION_HATCHES["undetermined"]
    # on the agenda, but whether it is an exchange item is open (NHN's own score is ?)
    open_cell = patch(ax, "coalition:NHN+IJmond:kwaliteitscriteria")
    assert same_color(open_cell.get_facecolor(), colours["agenda"])
    assert (1.5, 0.55) in marks(ax, "exchange_open")
    # every dot sits on a dark cell: 4 exchange cells on the real data
    assert len(marks(ax, "exchange")) == 4


def test_coalition_chart_cells_follow_the_coalition_facts(dataset):
    from odsamen.analysis import coalitions

    cells = plots.coalition_cells(dataset)
    facts = coalitions.coalition_items(dataset)
    assert list(cells["coalition"]) == list(facts["coalition"]) and list(cells["item"]) == list(facts["item"])
    both = (facts["exchange"] == "yes") & (facts["agenda"] == "yes")
    assert ((cells["state"] == "exchange") == both).all()
    on_agenda = cells["state"].isin(["exchange", "agenda"])
    assert (on_agenda == (facts["agenda"] == "yes")).all()
    assert ((cells["state"] == "undetermined") == (facts["agenda"] == "undetermined")).all()
    assert (
        cells["exchange_open"] == ((facts["agenda"] == "yes") & (facts["exchange"] == "undetermined"))
    ).all()


def test_coalition_chart_legend_explains_every_mark(coalition_chart):
    entries = plain(legend_texts(coalition_chart))
    assert entries == [
        text("plots.coalition.exchange", "nl"),
        text("plots.coalition.agenda", "nl"),
        text("plots.coalition.not_agenda", "nl"),
        text("plots.coalition.exchange_open", "nl"),
        text("plots.coalition.undetermined", "nl"),
        text("plots.coalition.advisor", "nl", source=text("source.advisor", "nl")),
    ]
    legend = coalition_chart.get_legend()
    assert legend.get_title().get_text() == text("plots.coalition.legend", "nl")
    hatches = [getattr(handle, "get_hatch", lambda: None)() for handle in legend.legend_handles]
    assert hatches[4] and plots.COALITION_HATCHES["undetermined"] in hatches[4]
    assert hatches[:4] == [None] * 4
    assert legend.legend_handles[5].get_text() == text("affinity.advisor_mark", "nl")


def test_coalition_chart_marks_cells_resting_on_advisor_scores(dataset, coalition_chart):
    from odsamen.analysis import coalitions

    keys = coalitions.coalitions(dataset)
    advisor = marks(coalition_chart, "advisor")
    with_ofgv = [row for row, key in enumerate(keys) if "OFGV" in coalitions.members(key)]
    # the advisors filled in OFGV's scores on the 11 future tasks (columns 6 to 16)
    assert len(advisor) == len(with_ofgv) * 11
    assert {int(y) for _, y in advisor} == set(with_ofgv)
    assert all(x > 6 for x, _ in advisor)
    assert all(0.5 < x % 1 < 1 and y % 1 < 0.5 for x, y in advisor)  # top right in the cell
    assert {m.get_text() for m in advisor_marks(coalition_chart)} == {text("affinity.advisor_mark", "nl")}
    plt.figure()
    without = plots.coalition_item_chart(dataset, reading=Reading(advisor="exclude"))
    assert not marks(without, "advisor")
    assert text("plots.coalition.advisor", "nl", source=text("source.advisor", "nl")) not in plain(
        legend_texts(without)
    )


def test_coalition_chart_separates_sizes_and_dimensions(coalition_chart):
    breaks = sorted(line.get_gid() for line in coalition_chart.lines if "break" in (line.get_gid() or ""))
    # pairs (rows 0-5), triples (6-9), all four (10); robustness (6 columns), then tasks
    assert breaks == ["dimension-break:task", "size-break:10", "size-break:6"]
    assert label(coalition_chart, "dimension:task") == text("dimension.task", "nl")


def test_coalition_chart_fits_a4_width_and_draws_on_given_axes(dataset, coalition_chart):
    width, _ = coalition_chart.figure.get_size_inches()
    assert width <= 8.0
    assert all(t.get_fontsize() >= style.MIN_FONT_SIZE for t in coalition_chart.get_xticklabels())
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5))
    returned = plots.coalition_item_chart(dataset, ["NHN+IJmond", "NZKG+OFGV"], lang="en", ax=right)
    assert returned is right and not left.patches
    assert len(gids(right, "coalition:")) == 2 * 17
    assert "Innovation" in tick_texts(right.get_xticklabels())
    assert plain(legend_texts(right))[0] == text("plots.coalition.exchange", "en")


def test_coalition_chart_refuses_an_unreadable_number_of_rows(many_services):
    with pytest.raises(ValueError, match="coalitions"):
        plots.coalition_item_chart(many_services)


# --- greyscale: the briefing's figures printed in black and white ----------------------

STRENGTH_GAP = 40
"""Grey levels (of 255) by which every ``++`` and ``--`` cell is darker than every ``+`` and ``-`` cell."""

MIN_STRIPES = 25
"""Spread (standard deviation, grey levels) of the row means in a negative cell: its stripes."""

MAX_PLAIN = 3
"""...and at most this in a positive cell, which is plain."""

MIN_SYMBOL_CONTRAST = 120
"""Grey levels between a cell's symbol and what lies right behind it."""

MIN_LETTER_CONTRAST = 100
"""Grey levels between a preference letter and its box."""

MIN_BAR_GAP = 40
"""Grey levels between the bar of the best partner and every other bar."""


def briefing_figures(briefing, monkeypatch, make):
    """Call ``make(briefing)`` (a figure method of the briefing) and return the matplotlib figure it
    drew and the PNG it made of it, in greyscale (PIL's ``convert("L")``)."""
    from PIL import Image

    from odsamen.report import render as module

    drawn = []
    original = module._opaque_png

    def spy(figure, dpi):
        drawn.append(figure)
        return original(figure, dpi)

    monkeypatch.setattr(module, "_opaque_png", spy)
    picture = make(briefing)
    (figure,) = drawn
    grey = np.asarray(Image.open(io.BytesIO(picture.data)).convert("L")).astype(float)
    assert grey.shape == (int(figure.bbox.height), int(figure.bbox.width))
    return figure, grey


def pixels(grey: np.ndarray, box, inset: float = 0.0) -> np.ndarray:
    """The pixels of ``grey`` inside the display box ``box`` (origin bottom left), ``inset`` (a share of
    the box's size) left off each side."""
    height = grey.shape[0]
    dx, dy = box.width * inset, box.height * inset
    left, right = round(box.x0 + dx), round(box.x1 - dx)
    top, bottom = round(height - box.y1 + dy), round(height - box.y0 - dy)
    return grey[top:bottom, left:right]


def cell_measures(figure, grey) -> dict[str, list[tuple[float, float, float]]]:
    """Per symbol, for each of its cells: mean grey, stripe spread and contrast of its symbol.

    Mean grey and stripes are measured in a strip down the left of the cell (clear of the plain field
    behind the symbol in the middle, the advisor mark top right and the own row's outline); the
    contrast between the
    darkest or lightest pixel in the symbol's box and the median there (the box behind the symbol).
    """
    ax = figure.axes[0]
    texts = {t.get_gid(): t for t in ax.texts}
    found: dict[str, list[tuple[float, float, float]]] = {}
    for cell in ax.patches:
        gid = cell.get_gid() or ""
        if not gid.startswith("cell:") or f"text:{gid}" not in texts:
            continue
        symbol = texts[f"text:{gid}"].get_text()
        box = cell.get_window_extent()
        strip = pixels(grey, box, inset=0.15)[:, : max(2, round(box.width * 0.05))]
        glyph = pixels(grey, texts[f"text:{gid}"].get_window_extent())
        behind = np.median(glyph)
        contrast = max(behind - glyph.min(), glyph.max() - behind)
        found.setdefault(symbol, []).append((strip.mean(), strip.mean(axis=1).std(), contrast))
    return found


@pytest.mark.parametrize("dimension", ["robustness", "task"])
def test_score_figures_tell_every_symbol_apart_in_greyscale(dataset, monkeypatch, dimension):
    from odsamen.report.briefing import Briefing

    seen = set()
    for code in dataset.service_codes:
        figure, grey = briefing_figures(
            Briefing(dataset, code), monkeypatch, lambda b: b.score_figure(dimension, "meets")
        )
        cells = cell_measures(figure, grey)
        seen |= set(cells)
        strong = [m[0] for s in ("++", "--") for m in cells.get(s, [])]
        weak = [m[0] for s in ("+", "-") for m in cells.get(s, [])]
        if strong and weak:  # strength in lightness: every strong cell darker than every weak one
            assert max(strong) + STRENGTH_GAP <= min(weak), (code, cells)
        for symbol, measures in cells.items():
            for _mean, stripes, contrast in measures:
                if symbol in ("--", "-"):  # sign in pattern: negative striped, positive plain
                    assert stripes >= MIN_STRIPES, (code, symbol, stripes)
                elif symbol in ("++", "+"):
                    assert stripes <= MAX_PLAIN, (code, symbol, stripes)
                assert contrast >= MIN_SYMBOL_CONTRAST, (code, symbol, contrast)
    # The real data hold each of the four in the robustness grid, so every pair was compared there.
    if dimension == "robustness":
        assert {"++", "+", "-", "--"} <= seen


MIN_SIGN_CLEARANCE = 1.0
"""Font heights between a ``-`` or ``--`` and the nearest hatch line above, below or level with it."""

MIN_PRINTED_SIGN = 8.0
"""Points a cell's symbol is at least when the figure is printed at the width of an A4 page."""

A4_TEXT_PIXELS = 673
"""Width of the text on an A4 page of the briefing (178 mm) in CSS pixels: wider figures are shrunk."""


def sign_clearance(figure, grey, symbol, cell) -> tuple[float, float]:
    """Distance, in font heights, from the ink of ``symbol`` (a text) to the nearest other ink in its
    ``cell``: along the sign's own rows, and straight above or below it (infinite if there is none)."""
    em = symbol.get_fontsize() * figure.dpi / 72
    region = pixels(grey, cell.get_window_extent(), inset=0.04)
    box, height = cell.get_window_extent(), grey.shape[0]
    left, top = round(box.x0 + box.width * 0.04), round(height - box.y1 + box.height * 0.04)
    extent = symbol.get_window_extent()
    inside = np.zeros(region.shape, dtype=bool)
    inside[round(height - extent.y1) - top : round(height - extent.y0) - top,
           round(extent.x0) - left : round(extent.x1) - left] = True  # fmt: skip
    ink = np.abs(region - np.median(region[inside])) > 60
    rows, cols = np.nonzero(ink & inside)
    other_rows, other_cols = np.nonzero(ink & ~inside)
    level = (other_rows >= rows.min()) & (other_rows <= rows.max())
    under = (other_cols >= cols.min()) & (other_cols <= cols.max())
    side = np.minimum(np.abs(other_cols[level] - cols.min()), np.abs(other_cols[level] - cols.max()))
    above = np.minimum(np.abs(other_rows[under] - rows.min()), np.abs(other_rows[under] - rows.max()))
    return (side.min() / em if side.size else np.inf), (above.min() / em if above.size else np.inf)


@pytest.mark.parametrize("dimension", ["robustness", "task"])
def test_negative_sign_stands_clear_of_its_stripes_at_print_size(dataset, monkeypatch, dimension):
    from odsamen.report.briefing import Briefing

    seen = 0
    for code in dataset.service_codes:
        briefing = Briefing(dataset, code)
        figure, grey = briefing_figures(briefing, monkeypatch, lambda b: b.score_figure(dimension, "meets"))
        ax = figure.axes[0]
        texts = {t.get_gid(): t for t in ax.texts}
        printed = min(1.0, A4_TEXT_PIXELS / briefing.score_figure(dimension, "meets").width)
        for cell in ax.patches:
            symbol = texts.get(f"text:{cell.get_gid()}")
            if symbol is None:
                continue
            assert symbol.get_fontsize() * printed >= MIN_PRINTED_SIGN, (code, symbol.get_gid())
            if symbol.get_text() in ("-", "--"):
                seen += 1
                side, above = sign_clearance(figure, grey, symbol, cell)
                assert min(side, above) >= MIN_SIGN_CLEARANCE, (code, cell.get_gid(), side, above)
    assert seen >= 4  # the real data hold negative scores in both grids


def test_advisor_mark_legible_at_print_size_in_greyscale(dataset, monkeypatch):
    from odsamen.report.briefing import Briefing

    for measure in ("meets", "added_value"):
        briefing = Briefing(dataset, "OFGV")
        figure, grey = briefing_figures(
            briefing, monkeypatch, lambda b, measure=measure: b.score_figure("task", measure)
        )
        printed = min(1.0, A4_TEXT_PIXELS / briefing.score_figure("task", measure).width)
        drawn = advisor_marks(figure.axes[0])
        assert len(drawn) == 11
        (legend,) = figure.legends  # moved below the grid, the legend still shows the mark
        assert legend.legend_handles[-1].get_text() == text("affinity.advisor_mark", "nl")
        for mark in drawn:
            assert mark.get_fontsize() * printed >= MIN_PRINTED_SIGN, (measure, mark.get_position())
            glyph = pixels(grey, mark.get_window_extent())
            behind = np.median(glyph)
            contrast = max(behind - glyph.min(), glyph.max() - behind)
            assert contrast >= MIN_SYMBOL_CONTRAST, (measure, mark.get_position(), contrast)


def test_preference_figure_letters_legible_in_greyscale(dataset, monkeypatch):
    from odsamen.report.briefing import Briefing

    for dimension in ("robustness", "task"):
        figure, grey = briefing_figures(
            Briefing(dataset, "NHN", lang="en"),
            monkeypatch,
            lambda b, dimension=dimension: b.preference_figure(dimension),
        )
        letters = [t for t in figure.axes[0].texts if (t.get_gid() or "").startswith("text:pref:")]
        assert letters
        for letter in letters:
            glyph = pixels(grey, letter.get_window_extent())
            behind = np.median(glyph)
            contrast = max(behind - glyph.min(), glyph.max() - behind)
            assert contrast >= MIN_LETTER_CONTRAST, (letter.get_gid(), contrast)


def test_preference_figure_fits_a4_width(dataset):
    from odsamen.report.briefing import PAGE_FIGURE_WIDTH, Briefing

    picture = Briefing(dataset, "NHN").preference_figure("task")
    # Shown at its own width (CSS pixels) up to the width of the text on A4 (178 mm, about 673 px):
    # at most this much smaller than drawn, so letters of 10 pt stay above 8.5 pt.
    assert picture.width / 96 <= PAGE_FIGURE_WIDTH
    assert 673 / picture.width >= 0.85


def test_partner_figure_best_partner_stands_out_in_greyscale(dataset, monkeypatch):
    from odsamen.report.briefing import Briefing

    for code in dataset.service_codes:
        figure, grey = briefing_figures(Briefing(dataset, code), monkeypatch, lambda b: b.partner_figure())
        bars = {
            p.get_gid(): pixels(grey, p.get_window_extent(), inset=0.2).mean()
            for p in figure.axes[0].patches
            if (p.get_gid() or "").startswith("partner:") and p.get_width() > 0
        }
        blue = {
            p.get_gid()
            for p in figure.axes[0].patches
            if (p.get_gid() or "").startswith("partner:")
            and same_color(p.get_facecolor(), style.OWN_SERVICE_COLOUR)
        }
        for gid in blue & set(bars):
            others = [value for other, value in bars.items() if other != gid]
            assert all(abs(bars[gid] - value) >= MIN_BAR_GAP for value in others), (code, bars)


def test_lens_heatmap_draws_the_lens_of_one_reading_with_its_basis(dataset):
    ax = plots.lens_heatmap(dataset, "joint_agenda", lang="en", advisor="exclude")
    shares = affinity.lens_share(dataset, "joint_agenda", advisor="exclude")
    basis = affinity.lens_basis(dataset, "joint_agenda", advisor="exclude")
    counts = affinity.lens_matrix(dataset, "joint_agenda", advisor="exclude")
    expected = plots.basis_annotations(
        shares,
        basis,
        counts=counts,
        low_evidence=basis < affinity.LOW_EVIDENCE_SHARE * len(dataset.items),
        lang="en",
    )
    shown = {t.get_text() for t in ax.texts}
    assert {cell for cell in expected.ravel() if cell} <= shown
    assert any("*" in cell for cell in expected.ravel())  # OFGV's pairs rest on little evidence
    plt.close(ax.figure)


def test_give_and_take_table_counts_per_giver_and_receiver(dataset):
    table = plots.give_and_take_table(dataset, lang="nl")
    raw = affinity.complementarity_directed(dataset)
    assert (table.index.name, table.columns.name) == ("gever", "ontvanger")
    assert plots.give_and_take_table(dataset, lang="en").index.name == "giver"
    for giver in dataset.service_codes:
        for receiver in dataset.service_codes:
            cell = table.at[giver, receiver]
            assert cell == ("–" if giver == receiver else int(raw.at[giver, receiver]))
    # Without the advisors' scores OFGV gives less: the two readings differ.
    without = plots.give_and_take_table(dataset, advisor="exclude")
    assert without.at["OFGV", "NHN"] < table.at["OFGV", "NHN"]


def test_keep_figure_writes_only_when_out_dir_is_set(tmp_path):
    figure = plt.figure()
    assert style.keep_figure(figure, "", "empty") is None
    assert list(tmp_path.iterdir()) == []
    style.keep_figure(figure, tmp_path, "kept")
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == ["kept.png", "kept.svg"]
    plt.close(figure)


def test_every_lens_map_colours_a_share_on_the_same_scale(dataset):
    ranges = set()
    for lens in affinity.LENSES:
        ax = plots.lens_heatmap(dataset, lens)
        ranges.add(ax.collections[0].get_clim())
        plt.close(ax.figure)
    assert ranges == {(0.0, 1.0)}
    counts = affinity.lens_matrix(dataset, "joint_agenda")
    ax = plots.affinity_heatmap(counts, lens="joint_agenda")
    assert ax.collections[0].get_clim()[1] == np.nanmax(counts.to_numpy(dtype=float))
    plt.close(ax.figure)


def test_notebook_tables_write_numbers_as_the_reader_does():
    table = pd.DataFrame({"aandeel": [0.857, 0.25]})
    with pd.option_context("display.float_format", None, "display.max_colwidth", 50):
        style.notebook_tables("nl")
        assert "0,86" in repr(table) and "0,25" in repr(table) and "0.86" not in repr(table)
        assert pd.get_option("display.max_colwidth") is None
        style.notebook_tables("en")
        assert "0.86" in repr(table)
        with pytest.raises(ValueError):
            style.notebook_tables("de")
