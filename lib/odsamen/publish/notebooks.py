"""Re-run the committed notebooks and store their outputs.

The notebooks under ``notebooks/`` are committed with their outputs, and
``make test`` re-runs them with nbval: any change in what they show fails the
tests. After an intended change, :func:`refresh` (``make notebooks``) runs
them again in place so the new outputs become the reference: the analysis
notebooks with their default parameters, and the reference briefings through
:func:`odsamen.publish.pack.write_reference_notebooks`.

Every notebook in ``notebooks/`` has a paired percent script beside it
(``01-explore.py``, see ``jupytext.toml``) with its code and text only, for
review; :func:`write_script` writes it from the notebook and :func:`refresh`
writes them all at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from odsamen.analysis.shared import NOTEBOOKS

FOLDER = NOTEBOOKS
"""The notebooks of the repository this package is installed from (editable install)."""
ANALYSIS = ("01-explore.ipynb", "02-affinity.ipynb", "03-coalitions.ipynb")
REFERENCES = "briefings"
CELL_TIMEOUT = 600


def execute_in_place(path: Path) -> Path:
    """Run the notebook at ``path`` top to bottom in a fresh kernel, in its own folder, and save it.

    Timings, papermill's paths and cell execution stamps are left out so that
    an unchanged notebook is saved byte for byte as it was.
    """
    import nbclient
    import nbformat

    from odsamen.publish.export import tidy_notebook

    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
    )
    client.execute()
    nbformat.write(tidy_notebook(notebook), path)
    return path


def script_path(notebook: Path) -> Path:
    """The percent script paired with ``notebook``: same folder and name, ending in ``.py``."""
    return notebook.with_suffix(".py")


def write_script(notebook: Path) -> Path:
    """Write the percent script paired with ``notebook`` from the notebook, as JupyterLab's jupytext would."""
    import jupytext
    from jupytext.config import load_jupytext_config

    script = script_path(notebook)
    config = load_jupytext_config(str(script.resolve()))
    jupytext.write(jupytext.read(notebook), script, fmt="py:percent", config=config)
    return script


def refresh(folder: Path = FOLDER, *, progress: TextIO = sys.stderr) -> bool:
    """Re-run the analysis notebooks and the reference briefings in ``folder``, then write every
    notebook's paired script again; True if all ran."""
    from odsamen.publish.pack import write_reference_notebooks

    for name in ANALYSIS:
        print(name, file=progress, flush=True)
        execute_in_place(folder / name)
    outcomes = write_reference_notebooks(
        folder.parent / "data", folder / REFERENCES, notebook=folder / "briefing.ipynb", progress=progress
    )
    for notebook in sorted(folder.glob("*.ipynb")):
        write_script(notebook)
    return all(outcome.ok for outcome in outcomes)
