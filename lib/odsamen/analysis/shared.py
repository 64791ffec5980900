"""The data a briefing reads and the analysis every briefing shares.

A briefing kernel reads the data folder it is given (in a board pack the
pack's own ``data/`` copy, which the build has validated) with
:func:`odsamen.analysis.data.load_dataset`, and computes :class:`SharedResults`, the
analysis every briefing needs (every lens for every pair under every reading),
once for itself: about 0.2 CPU seconds, so nothing is handed
from the build to the kernels but the data folder's name, a notebook parameter.
:func:`fingerprint` identifies a data folder's content for the pages and the
front page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from odsamen.analysis.data import FILES, SYNTHETIC_MARKER, Dataset, load_dataset


def data_files(folder: str | Path) -> list[Path]:
    """The files of a data folder that make up its content: the tables and the synthetic marker if present."""
    folder = Path(folder)
    files = [folder / name for name in FILES.values()]
    marker = folder / SYNTHETIC_MARKER
    return files + [marker] if marker.exists() else files


def fingerprint(folder: str | Path) -> str:
    """SHA-256 over the names and bytes of :func:`data_files`: equal fingerprints, equal data."""
    digest = hashlib.sha256()
    for path in data_files(folder):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class SharedResults:
    """Analysis of one data set that every briefing needs, computed once.

    ``lenses`` maps every reading the sensitivity covers
    (:data:`odsamen.analysis.scoring.READINGS`) to every lens computed for all pairs
    (:func:`odsamen.analysis.affinity.compute_all`).
    """

    lenses: dict

    @classmethod
    def compute(cls, data: Dataset, services: list[str] | None = None) -> SharedResults:
        """The shared results of ``data``: each lens computed once per reading, for all pairs
        (``services`` is accepted for callers that brief a few services; the pairs need them all)."""
        from odsamen.analysis.affinity import compute_all
        from odsamen.analysis.scoring import READINGS

        return cls({reading: compute_all(data, reading) for reading in READINGS})


def load(folder: str | Path, services: list[str] | None = None) -> tuple[Dataset, SharedResults]:
    """The validated data in ``folder`` (:func:`odsamen.analysis.data.load_dataset`, which raises
    :class:`~odsamen.analysis.data.DataError`) and its :class:`SharedResults`, computed here."""
    data = load_dataset(folder)
    return data, SharedResults.compute(data, services)
