"""A validated data set handed from the board pack build to its briefing kernels.

The build validates the data folder once. Each briefing runs in its own fresh
kernel and would otherwise read and validate the same files again; instead
the build pickles the validated :class:`~odsamen.data.Dataset` into its
staging folder and names that file in the kernel's environment variable
:data:`ENV_VAR`. :func:`load_dataset` uses the cache only when its
fingerprint matches the files in the data folder byte for byte, so an edited
file is always read and validated afresh, and without the variable (a
notebook run by hand, nbval) it simply validates.

The same file carries :class:`SharedResults`: analysis that every briefing
needs and that is the same for all of them (the best partners of every
service under every lens, for both readings of ``?``). The build computes it
once; a kernel that finds it for its data (same fingerprint) uses it, and a
briefing run without the build (JupyterLab, nbval) computes it itself.

The cache lives only in the build's own staging folder, never in a data
folder, and is removed before the pack is published.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from odsamen.data import FILES, Dataset
from odsamen.data import load_dataset as validate_folder

ENV_VAR = "ODSAMEN_VALIDATED_DATA"
"""Environment variable naming the cache file for briefing kernels."""

MARKER_FILE = "SYNTHETIC"
"""The file whose presence marks a data folder as synthetic (see :mod:`odsamen.synth`)."""


def data_files(folder: str | Path) -> list[Path]:
    """The files of a data folder that make up its content: the tables and the synthetic marker if present."""
    folder = Path(folder)
    files = [folder / name for name in FILES.values()]
    marker = folder / MARKER_FILE
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
    (:data:`odsamen.scoring.READINGS`) to every lens computed for all pairs
    (:func:`odsamen.affinity.compute_all`).
    """

    lenses: dict

    @classmethod
    def compute(cls, data: Dataset, services: list[str] | None = None) -> SharedResults:
        """The shared results of ``data``: each lens computed once per reading, for all pairs
        (``services`` is accepted for callers that brief a few services; the pairs need them all)."""
        from odsamen.affinity import compute_all
        from odsamen.scoring import READINGS

        return cls({reading: compute_all(data, reading) for reading in READINGS})

    def best_partners(self, data: Dataset, service: str, reading) -> pd.DataFrame:
        """:func:`odsamen.affinity.best_partners` of ``service`` under ``reading``, from the stored lenses."""
        from odsamen.affinity import LENSES, best_partners, partners_of

        lenses = self.lenses.get(reading)
        if lenses is None:
            return best_partners(
                data, service, unknown=reading.unknown, advisor=reading.advisor, levels=reading.levels
            )
        position = data.service_codes.index(service)
        return pd.concat([partners_of(lenses[lens], position) for lens in LENSES], ignore_index=True)


def write_cache(data: Dataset, path: str | Path, results: SharedResults | None = None) -> Path:
    """Pickle the validated ``data`` (and its ``results``, if given) to ``path`` with the fingerprint of
    its folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"fingerprint": fingerprint(data.folder), "dataset": data, "results": results}
    path.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    return path


def _payload(folder: str | Path) -> dict | None:
    """The build's cache if the environment names one that holds exactly the files of ``folder``."""
    cached = os.environ.get(ENV_VAR)
    if cached and Path(cached).is_file():
        payload = pickle.loads(Path(cached).read_bytes())
        if payload.get("fingerprint") == fingerprint(folder):
            return payload
    return None


def load_dataset(folder: str | Path) -> Dataset:
    """The validated data in ``folder``: from the build's cache if it holds exactly these files,
    else read and checked.

    Raises :class:`~odsamen.data.DataError` like :func:`odsamen.data.load_dataset`.
    """
    payload = _payload(folder)
    if payload is None:
        return validate_folder(folder)
    return dataclasses.replace(payload["dataset"], folder=Path(folder))


def load(folder: str | Path, services: list[str] | None = None) -> tuple[Dataset, SharedResults]:
    """The validated data in ``folder`` and its :class:`SharedResults`: both from the build's cache if it
    holds exactly these files, else the data read and checked and the results computed here (for
    ``services`` only, if given)."""
    payload = _payload(folder)
    if payload is None or payload.get("results") is None:
        data = load_dataset(folder)
        return data, SharedResults.compute(data, services)
    return dataclasses.replace(payload["dataset"], folder=Path(folder)), payload["results"]
