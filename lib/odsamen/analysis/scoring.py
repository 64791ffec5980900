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

from dataclasses import dataclass

import numpy as np
import pandas as pd

UNKNOWN_READINGS = ("neutral", "missing")
DEFAULT_UNKNOWN = "neutral"

SYMBOL_VALUES = {"--": -2.0, "-": -1.0, "-/+": 0.0, "+": 1.0, "++": 2.0}
UNKNOWN_SYMBOL = "?"


def level_letters(levels: str) -> tuple[str, ...]:
    """The scale letters of one preference cell: ``"B/C"`` gives ``("B", "C")``, ``?`` or empty ``()``."""
    return () if levels in ("", UNKNOWN_SYMBOL) else tuple(levels.split("/"))


def named_letters(data) -> dict[tuple[str, str], set[str]]:
    """The levels each service names per item (all aspects pooled), keyed ``(service, item)``;
    absent where it named none. ``data`` is a :class:`~odsamen.analysis.data.Dataset`."""
    letters: dict[tuple[str, str], set[str]] = {}
    for cell in data.preferences.astype({"service": str, "item": str, "levels": str}).itertuples():
        if given := level_letters(cell.levels):
            letters.setdefault((cell.service, cell.item), set()).update(given)
    return letters


def check_unknown(unknown: str) -> str:
    """Return ``unknown`` if it is a valid reading of ``?``, else raise ``ValueError``."""
    if unknown not in UNKNOWN_READINGS:
        raise ValueError(
            f"unknown reading of '?': {unknown!r}; expected one of {', '.join(UNKNOWN_READINGS)}"
        )
    return unknown


def score_values(symbols: pd.Series, unknown: str = DEFAULT_UNKNOWN) -> pd.Series:
    """Numbers for a Series of score symbols, same index, float dtype."""
    check_unknown(unknown)
    mapping = dict(SYMBOL_VALUES)
    mapping[UNKNOWN_SYMBOL] = 0.0 if unknown == "neutral" else np.nan
    return symbols.astype(str).map(mapping).astype(float)


def with_values(scores: pd.DataFrame, unknown: str = DEFAULT_UNKNOWN) -> pd.DataFrame:
    """``scores`` with a numeric column ``value`` for the given reading of ``?``."""
    return scores.assign(value=score_values(scores["score"], unknown))


# --- readings ------------------------------------------------------------------

ADVISOR_READINGS = ("include", "exclude")
"""Scores the advisors filled in (``source=advisor``): kept as the report prints them
(``include``, the default) or left out as if not given (``exclude``)."""
DEFAULT_ADVISOR = "include"

LEVEL_READINGS = ("grouped", "exact")
"""Preferred scale levels compared as groups (``grouped``, the default: A alone; the regional
levels; the national and wider levels) or letter by letter (``exact``)."""
DEFAULT_LEVELS = "grouped"


def check_advisor(advisor: str) -> str:
    """Return ``advisor`` if it is a valid reading of advisor-filled scores, else raise ``ValueError``."""
    if advisor not in ADVISOR_READINGS:
        raise ValueError(
            f"unknown reading of advisor-filled scores: {advisor!r}; "
            f"expected one of {', '.join(ADVISOR_READINGS)}"
        )
    return advisor


def check_levels(levels: str) -> str:
    """Return ``levels`` if it is a valid reading of scale letters, else raise ``ValueError``."""
    if levels not in LEVEL_READINGS:
        raise ValueError(
            f"unknown reading of scale levels: {levels!r}; expected one of {', '.join(LEVEL_READINGS)}"
        )
    return levels


@dataclass(frozen=True)
class Reading:
    """One way of reading the data: ``?`` (``unknown``), advisor-filled scores (``advisor``) and
    scale letters (``levels``). The defaults keep the report's tables whole."""

    unknown: str = DEFAULT_UNKNOWN
    advisor: str = DEFAULT_ADVISOR
    levels: str = DEFAULT_LEVELS

    def __post_init__(self):
        check_unknown(self.unknown)
        check_advisor(self.advisor)
        check_levels(self.levels)

    @property
    def is_default(self) -> bool:
        return self == Reading()

    def changes(self) -> list[str]:
        """The switches on which this reading differs from the default, as ``"advisor=exclude"``."""
        default = Reading()
        return [
            f"{name}={getattr(self, name)}"
            for name in ("unknown", "advisor", "levels")
            if getattr(self, name) != getattr(default, name)
        ]


READINGS = tuple(
    Reading(unknown, advisor, levels)
    for unknown in UNKNOWN_READINGS
    for advisor in ADVISOR_READINGS
    for levels in LEVEL_READINGS
)
"""Every reading the sensitivity covers, the default first."""


def scores_read(scores: pd.DataFrame, advisor: str = DEFAULT_ADVISOR) -> pd.DataFrame:
    """``scores`` without the advisor-filled rows when ``advisor`` is ``"exclude"``."""
    if check_advisor(advisor) == "exclude":
        return scores[scores["source"].astype(str) != "advisor"]
    return scores
