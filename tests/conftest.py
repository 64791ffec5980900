"""Shared fixtures: the real data, and no figure left open between tests."""

from __future__ import annotations

from pathlib import Path

import matplotlib

# Tests draw figures without a screen.
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from odsamen.analysis.data import Dataset, load_dataset  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(autouse=True)
def close_figures():
    """Close every figure a test opened, so figures never leak into the next test."""
    yield
    plt.close("all")


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The real data folder ``data/``, loaded and validated once per test session."""
    return load_dataset(DATA)
