"""Re-running notebooks in place keeps outputs and nothing that changes from run to run."""

from __future__ import annotations

import nbformat

from odsamen.build.notebooks import ANALYSIS, FOLDER, execute_in_place


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
