"""Re-run the committed notebooks and store their outputs.

The notebooks under ``notebooks/`` are committed with their outputs, and
``make test`` re-runs them with nbval: any change in what they show fails the
tests. After an intended change, :func:`refresh` (``make notebooks``) runs
them again in place so the new outputs become the reference: the analysis
notebooks with their default parameters, and the reference briefings through
:func:`odsamen.build.pack.write_reference_notebooks`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

FOLDER = Path(__file__).resolve().parents[3] / "notebooks"
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

    from odsamen.build.export import tidy_notebook

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


def refresh(folder: Path = FOLDER, *, progress: TextIO = sys.stderr) -> bool:
    """Re-run the analysis notebooks and the reference briefings in ``folder``; True if all ran."""
    from odsamen.build.pack import write_reference_notebooks

    for name in ANALYSIS:
        print(name, file=progress, flush=True)
        execute_in_place(folder / name)
    outcomes = write_reference_notebooks(
        folder.parent / "data", folder / REFERENCES, notebook=folder / "briefing.ipynb", progress=progress
    )
    return all(outcome.ok for outcome in outcomes)
