"""From score symbols to numbers.

The report scores on the legend ``--, -, ?, +, ++``. We read that as an
ordinal scale from -2 to 2. Two symbols need a choice:

``-/+``
    Not in the legend; the service gave a mixed answer. Always read as 0.
``?``
    In the legend's middle position, but it says "unknown". Every analysis
    takes the reading as a parameter ``unknown``:

    * ``"neutral"`` (the default): ``?`` counts as 0, as its place in the
      legend suggests;
    * ``"missing"``: ``?`` is left out (NaN), so means and counts use only
      the scores a service actually knew.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

UNKNOWN_READINGS = ("neutral", "missing")
DEFAULT_UNKNOWN = "neutral"

SYMBOL_VALUES = {"--": -2.0, "-": -1.0, "-/+": 0.0, "+": 1.0, "++": 2.0}
UNKNOWN_SYMBOL = "?"
MIXED_SYMBOL = "-/+"


def check_unknown(unknown: str) -> str:
    """Return ``unknown`` if it is a valid reading of ``?``, else raise ``ValueError``."""
    if unknown not in UNKNOWN_READINGS:
        raise ValueError(
            f"unknown reading of '?': {unknown!r}; expected one of {', '.join(UNKNOWN_READINGS)}"
        )
    return unknown


def symbol_value(symbol: str, unknown: str = DEFAULT_UNKNOWN) -> float:
    """The number for one score symbol; NaN for ``?`` read as missing."""
    check_unknown(unknown)
    if symbol == UNKNOWN_SYMBOL:
        return 0.0 if unknown == "neutral" else np.nan
    return SYMBOL_VALUES[symbol]


def score_values(symbols: pd.Series, unknown: str = DEFAULT_UNKNOWN) -> pd.Series:
    """Numbers for a Series of score symbols, same index, float dtype."""
    check_unknown(unknown)
    mapping = dict(SYMBOL_VALUES)
    mapping[UNKNOWN_SYMBOL] = 0.0 if unknown == "neutral" else np.nan
    return symbols.astype(str).map(mapping).astype(float)


def with_values(scores: pd.DataFrame, unknown: str = DEFAULT_UNKNOWN) -> pd.DataFrame:
    """``scores`` with a numeric column ``value`` for the given reading of ``?``."""
    return scores.assign(value=score_values(scores["score"], unknown))


def score_matrix(
    scores: pd.DataFrame, *, dimension: str, measure: str, unknown: str = DEFAULT_UNKNOWN
) -> pd.DataFrame:
    """Services by items: the numeric scores of one dimension and measure."""
    part = scores[(scores["dimension"] == dimension) & (scores["measure"] == measure)]
    part = with_values(part, unknown)
    table = part.pivot_table(index="service", columns="item", values="value", observed=True, dropna=False)
    table.columns = table.columns.astype(str)
    table.index = table.index.astype(str)
    return table
