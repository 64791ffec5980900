"""A validated data set handed from the board pack build to its briefing kernels.

The build validates the data folder once. Each briefing runs in its own fresh
kernel and would otherwise read and validate the same files again; instead
the build pickles the validated :class:`~odsamen.data.Dataset` into its
staging folder and names that file in the kernel's environment variable
:data:`ENV_VAR`. :func:`load_dataset` uses the cache only when its
fingerprint matches the files in the data folder byte for byte, so an edited
file is always read and validated afresh, and without the variable (a
notebook run by hand, nbval) it simply validates.

The cache lives only in the build's own staging folder, never in a data
folder, and is removed before the pack is published.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from pathlib import Path

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


def write_cache(data: Dataset, path: str | Path) -> Path:
    """Pickle the validated ``data`` to ``path`` with the fingerprint of its folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"fingerprint": fingerprint(data.folder), "dataset": data}
    path.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    return path


def load_dataset(folder: str | Path) -> Dataset:
    """The validated data in ``folder``: from the build's cache if it holds exactly these files,
    else read and checked.

    Raises :class:`~odsamen.data.DataError` like :func:`odsamen.data.load_dataset`.
    """
    cached = os.environ.get(ENV_VAR)
    if cached and Path(cached).is_file():
        payload = pickle.loads(Path(cached).read_bytes())
        if payload.get("fingerprint") == fingerprint(folder):
            return dataclasses.replace(payload["dataset"], folder=Path(folder))
    return validate_folder(folder)
