"""The data a briefing reads and the analysis every briefing shares.

A briefing kernel reads the data folder it is given (in a board pack the
pack's own ``data/`` copy, which the build has validated) with :func:`load`,
and computes :class:`SharedResults`, the analysis every briefing needs (every
lens for every pair under every reading), once for itself: 0.1 to 0.3 CPU
seconds at 4 to 28 services, less than reading such results back from files
would save. What the build hands to the kernels is the data folder's name, a
notebook parameter, and the stamp :data:`STAMP` in that folder: the
fingerprint of the files the build validated. When the folder's fingerprint
still matches it, :func:`load` reads the tables without checking them again
(no pandera import, no checks: about 0.8 CPU seconds per kernel); any change
to a file, or a stamp from another odsamen version, means a full validation.
:func:`find_data_dir` finds the data folder from wherever a notebook runs, and
:func:`fingerprint` identifies a data folder's content for the pages and the
front page.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from odsamen.analysis.data import FILES, SYNTHETIC_MARKER, Dataset, load_dataset
from odsamen.catalogue import DEFAULT_LANGUAGE, join_words, text

REPOSITORY = Path(__file__).resolve().parents[3]
"""The repository this package is installed from (an editable install, as ``make`` makes)."""
NOTEBOOKS = REPOSITORY / "notebooks"
"""The notebooks folder, against which the notebooks' default ``data_dir = "../data"`` is written."""


def find_data_dir(path: str | Path, lang: str = DEFAULT_LANGUAGE) -> Path:
    """The data folder that ``path`` names, wherever the notebook or script runs.

    An absolute ``path`` is used as is, if it is a data folder. A relative one is looked up in this
    order; from a folder inside this checkout (:data:`REPOSITORY`) it may not lead out of it, so
    that a ``data/`` folder beside the checkout is never read by mistake:

    1. from the current folder (a notebook in JupyterLab or nbval runs in its own folder);
    2. from the notebooks folder, :data:`NOTEBOOKS` (``papermill notebooks/briefing.ipynb ...``
       run from the repository root, where ``"../data"`` would miss);
    3. from the repository root, :data:`REPOSITORY` (``data_dir="data"``).

    The first folder that holds at least one of the tables is the data folder;
    :func:`~odsamen.analysis.data.load_dataset` then checks them. Found from the current folder, the
    path is returned as given (outputs show ``../data``, not a full path of this machine); otherwise
    relative to the current folder if it lies inside it (``data`` from the repository root), else as
    a full path. Installed without a checkout (no :data:`NOTEBOOKS`), the current folder is the
    only place looked in.

    Raises
    ------
    FileNotFoundError
        With one line in ``lang``: the path, and for a relative one every full path looked in.
    """
    path = Path(path)
    if path.is_absolute():
        if not _holds_tables(path):
            raise FileNotFoundError(text("data_dir.missing", lang, path=path))
        return path
    checkout = NOTEBOOKS.is_dir()
    candidates = [Path.cwd() / path, NOTEBOOKS / path, REPOSITORY / path] if checkout else [Path.cwd() / path]
    root = REPOSITORY.resolve()
    working_inside = Path.cwd().resolve().is_relative_to(root)
    for number, candidate in enumerate(candidates):
        # From inside the checkout a relative path may not lead out of it; from a folder elsewhere
        # (a board pack being built, a copy of a notebook) it is read from there.
        allowed = (
            not checkout or candidate.resolve().is_relative_to(root) or (number == 0 and not working_inside)
        )
        if allowed and _holds_tables(candidate):
            return path if number == 0 else _shown(candidate.resolve())
    looked = dict.fromkeys(str(candidate.resolve()) for candidate in candidates)  # in order, each once
    raise FileNotFoundError(text("data_dir.not_found", lang, path=path, folders=join_words(looked, lang)))


def _shown(folder: Path) -> Path:
    """``folder`` relative to the current folder when it lies inside it (``data``, not a full path of
    this machine in a notebook's output), else in full."""
    try:
        return folder.relative_to(Path.cwd().resolve())
    except ValueError:
        return folder


def _holds_tables(folder: Path) -> bool:
    """Whether ``folder`` is a folder with at least one of the tables of a data folder in it."""
    return folder.is_dir() and any((folder / name).is_file() for name in FILES.values())


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


STAMP = "validated.json"
"""Written by the build into the pack's copy of the data (:func:`write_stamp`): which files it validated."""


def _stamp_content(folder: str | Path) -> dict[str, str]:
    from odsamen import __version__

    return {"fingerprint": fingerprint(folder), "validated_by": f"odsamen {__version__}"}


def write_stamp(folder: str | Path) -> Path:
    """Record in ``folder`` that its data files, as they are now, passed validation (call it only then)."""
    path = Path(folder) / STAMP
    path.write_text(json.dumps(_stamp_content(folder), indent=1) + "\n", encoding="utf-8")
    return path


def validated(folder: str | Path) -> bool:
    """True if ``folder`` holds a stamp of this odsamen version for exactly its current data files."""
    try:
        stamp = json.loads((Path(folder) / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp == _stamp_content(folder)


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


def load(
    folder: str | Path, services: list[str] | None = None, lang: str = DEFAULT_LANGUAGE
) -> tuple[Dataset, SharedResults]:
    """The validated data in ``folder`` (:func:`odsamen.analysis.data.load_dataset`, which raises
    :class:`~odsamen.analysis.data.DataError`; not checked again if :func:`validated`) and its
    :class:`SharedResults`, computed here.

    ``folder`` is looked up by :func:`find_data_dir` (its error in ``lang``), so a notebook's
    ``"../data"`` works from anywhere in the checkout."""
    folder = find_data_dir(folder, lang)
    data = load_dataset(folder, check=not validated(folder), lang=lang)
    return data, SharedResults.compute(data, services)
