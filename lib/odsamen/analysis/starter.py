"""A data folder to start a new assessment from (``odsamen new``).

The folder ``new_assessment/`` beside this module holds it: the six national robustness criteria
with their definitions, two example tasks, a scale-level table to adapt, the forms of cooperation
with their thresholds, the facts of the assessment to fill in, empty score, preference and advice
tables with their headers, and a README that says what to fill in, in which order.
``odsamen validate`` on the folder lists what is still missing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

STARTER = Path(__file__).with_name("new_assessment")
"""The starter folder, shipped with the package."""


def starter_files() -> list[Path]:
    """The starter's files, README first."""
    return sorted(STARTER.iterdir(), key=lambda path: (path.name != "README.md", path.name))


def write_starter(out: str | Path) -> list[Path]:
    """Copy the starter into folder ``out`` (made if needed; it must not hold any file yet).

    Returns the written paths. Raises :class:`FileExistsError` if ``out`` is a file or a folder
    that is not empty: an assessment already begun there is never overwritten.
    """
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(out)
    out.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy2(path, out / path.name)) for path in starter_files()]
