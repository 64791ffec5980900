"""Re-running notebooks in place keeps outputs and nothing that changes from run to run; paired scripts;
compact figures."""

from __future__ import annotations

import base64
import io

import matplotlib.pyplot as plt
import nbformat
from PIL import Image

from odsamen.publish.notebooks import (
    ANALYSIS,
    FOLDER,
    REFERENCES,
    execute_in_place,
    script_path,
    write_script,
)
from odsamen.report import style
from odsamen.report.style import compact_png


def test_execute_in_place_stores_outputs_without_timings(tmp_path):
    path = tmp_path / "tiny.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    execute_in_place(path)
    first = path.read_bytes()
    cell = nbformat.read(path, as_version=4).cells[0]
    assert cell.outputs[0]["text"] == "42\n"
    assert "execution" not in cell.metadata
    execute_in_place(path)
    assert path.read_bytes() == first


def test_the_analysis_notebooks_are_committed_executed_with_parameters():
    for name in ANALYSIS:
        notebook = nbformat.read(FOLDER / name, as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert "parameters" in code[0].metadata.get("tags", [])
        assert all(cell.execution_count is not None for cell in code), name


def test_every_notebook_is_paired_with_a_script_holding_its_cells():
    """The script beside each notebook (jupytext.toml) has the notebook's cells: its diff can be trusted."""
    import jupytext

    notebooks = sorted(FOLDER.glob("*.ipynb"))
    assert notebooks
    assert sorted(FOLDER.glob("*.py")) == [script_path(notebook) for notebook in notebooks]
    assert not list((FOLDER / REFERENCES).glob("*.py"))
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        script = jupytext.read(script_path(path))
        assert [cells(cell) for cell in script.cells] == [cells(cell) for cell in notebook.cells], (
            f"{script_path(path).name} differs from {path.name}: run `odsamen notebooks`, or open and save "
            "the notebook in the JupyterLab that `make lab` starts"
        )


def cells(cell) -> tuple[str, str, list[str]]:
    return cell.cell_type, cell.source, cell.metadata.get("tags", [])


def test_write_script_pairs_a_new_notebook(tmp_path):
    path = tmp_path / "tiny.ipynb"
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Tiny"),
            nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
        ]
    )
    nbformat.write(notebook, path)
    script = write_script(path).read_text(encoding="utf-8")
    assert "# %% [markdown]\n# # Tiny\n" in script
    assert '# %% tags=["parameters"]\nx = 1\n' in script


def test_the_analysis_notebooks_show_their_figures_as_palette_images():
    """``style.notebook_figures()`` keeps the committed notebooks small (see compact_png)."""
    for name in ANALYSIS:
        notebook = nbformat.read(FOLDER / name, as_version=4)
        images = [
            output["data"]["image/png"]
            for cell in notebook.cells
            for output in cell.get("outputs", [])
            if "image/png" in output.get("data", {})
        ]
        assert images, name
        for image in images:
            assert Image.open(io.BytesIO(base64.b64decode(image))).mode == "P", name


def test_compact_png_draws_the_figure_with_a_palette():
    from IPython.core.pylabtools import print_figure

    figure, ax = plt.subplots(figsize=(3, 2))
    ax.imshow([[0, 1], [2, 3]])
    ax.set_title("odsamen")
    image = Image.open(io.BytesIO(base64.b64decode(compact_png(figure))))
    full = Image.open(io.BytesIO(print_figure(figure, "png", bbox_inches="tight")))
    assert image.mode == "P" and image.size == full.size
    assert len(image.getcolors()) <= style.NOTEBOOK_COLOURS
    assert compact_png(plt.figure()) is None
