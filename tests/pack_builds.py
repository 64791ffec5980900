"""The builds of the board pack on the real data (Dutch; English), each shared by the test modules of one
session."""

from __future__ import annotations

import io
from pathlib import Path

from odsamen.publish import pack

DATA = Path(__file__).resolve().parents[1] / "data"

_BUILDS: dict[str, pack.PackResult] = {}


def real_pack(tmp_path_factory) -> pack.PackResult:
    """The board pack of ``data/`` with two jobs, built at most once per test session."""
    if "real" not in _BUILDS:
        root = tmp_path_factory.mktemp("pack")
        _BUILDS["real"] = pack.build_pack(DATA, root / "reports", jobs=2, progress=io.StringIO())
    return _BUILDS["real"]


def english_pack(tmp_path_factory) -> pack.PackResult:
    """The English board pack of ``data/`` (``--lang en``) with two jobs, built at most once per session."""
    if "english" not in _BUILDS:
        root = tmp_path_factory.mktemp("pack-en")
        _BUILDS["english"] = pack.build_pack(
            DATA, root / "reports", jobs=2, lang="en", progress=io.StringIO()
        )
    return _BUILDS["english"]
