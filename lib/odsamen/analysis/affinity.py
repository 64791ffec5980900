"""Affinity between services: which services fit together, on what, and how sure that is.

Every *lens* answers one question about a pair of services, item by item (an
*item* is a robustness criterion or a future task):

``joint_agenda`` (the headline lens)
    On how many items do both name a regional scale level (B or C) *and*
    both see added value in cooperation? This is the pair's candidate joint
    agenda; it joins the two independent questions (at which scale? is
    there something to gain?) per item, so no weights are needed.
``shared_regional``
    On how many items do both name a regional scale level?
``shared_added_value``
    On how many items do both see added value (``+`` or ``++``)?
``complementarity``
    Give and take: on how many items is one strong (``meets`` + or ++)
    while the other falls short (-/+, - or --) and sees added value?
``scale_agreement``
    Do they name the same scales of cooperation? Per item both answered, the
    share of the cooperation scales they name that both name; the mean of
    that over those items.

Each item is *yes*, *no* or *undetermined* for a pair. A ``?`` score, a
preference left open and (with ``advisor="exclude"``) an advisor-filled
score are undetermined: never weak, never strong, never added value. An item
that is undetermined lowers the number of items the value rests on
(``n_items``), not the value. Counts are therefore shown with their basis
(``11 of 13 items``) and compared as shares. A value that rests on fewer
than :data:`LOW_EVIDENCE_SHARE` of the lens's items is marked as resting on
little evidence.

The readings (:class:`odsamen.analysis.scoring.Reading`): ``unknown`` (``?`` neutral
or missing) only matters where scores are averaged (:func:`service_profile`);
the lenses treat ``?`` as undetermined under both. ``advisor`` leaves the
advisor-filled scores in or out; ``levels`` compares scale letters as
groups (A alone; B, C regional; D, E, F national or wider; the default) or
letter by letter. :func:`partner_verdict` names a best partner only when it
leads by :data:`CLOSE_MARGIN` under every reading; :func:`sensitivity_values`
shows every value that a reading changes.

Typical use in a notebook::

    data = load_dataset("data")
    pair_affinity(data)                           # every pair and lens, with n_items
    best_partners(data, "ODA")                    # per lens, best first, with basis
    partner_verdict(data, "ODA")                  # a best partner, or the close calls
    sensitivity_values(data)                      # values that change with the reading
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from odsamen.analysis.data import DIMENSIONS, Dataset
from odsamen.analysis.scoring import (
    DEFAULT_ADVISOR,
    DEFAULT_LEVELS,
    DEFAULT_UNKNOWN,
    READINGS,
    UNKNOWN_SYMBOL,
    Reading,
    check_unknown,
    named_letters,
    scores_read,
    with_values,
)
from odsamen.catalogue import format_number, text

LENSES = ("joint_agenda", "shared_regional", "shared_added_value", "complementarity", "scale_agreement")
HEADLINE_LENS = "joint_agenda"
"""The lens whose best partner the briefing and the index name."""
COUNT_LENSES = LENSES[:-1]
"""Lenses whose value is a number of items; ``scale_agreement`` is a mean from 0 to 1."""

STRONG_SYMBOLS = ("+", "++")
"""A ``meets`` score that says the service is strong on the item and can give."""
WEAK_SYMBOLS = ("-/+", "-", "--")
"""A ``meets`` score that says the service falls (partly) short."""
ADDED_SYMBOLS = ("+", "++")
"""An ``added_value`` score that says cooperation adds value."""

LOW_EVIDENCE_SHARE = 0.5
"""A value resting on fewer than this share of the lens's items is marked as resting on little evidence."""
CLOSE_MARGIN = 0.10
"""A partner is the best only if its share leads the next by at least this much (one item in ten)
under every reading; otherwise the partners within this margin are a close call."""

PAIR_AFFINITY_COLUMNS = ("service_a", "service_b", "lens", "value", "n_items", "share", "low_evidence")
PROFILE_COLUMNS = ("service", "dimension", "measure", "mean_score", "n_known", "n_unknown")
SENSITIVITY_COLUMNS = (
    "lens",
    "service_a",
    "service_b",
    "share",
    "n_items",
    "share_low",
    "share_high",
    "n_low",
    "n_high",
    "changed_by",
)
CSV_FLOAT_FORMAT = "%.6g"
"""Six significant digits: enough for any share of a few dozen items, and the same text on every
platform."""
_DIGITS = 12
"""Shares are rounded to this many decimals before ranking, so float noise never breaks a tie."""


# --- readings and scope -----------------------------------------------------------------


def reading_of(unknown: str = DEFAULT_UNKNOWN, advisor: str = DEFAULT_ADVISOR, levels: str = DEFAULT_LEVELS):
    """The :class:`~odsamen.analysis.scoring.Reading` for three keyword values (each checked)."""
    return Reading(unknown, advisor, levels)


def scope_items(data: Dataset, dimension: str | None) -> list[str]:
    """The item keys a lens runs over, in codebook order."""
    if dimension is None:
        return [str(item) for item in data.items["item"]]
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; expected one of {', '.join(DIMENSIONS)} or None")
    return data.item_codes(dimension)


def level_group(data: Dataset, level: str) -> str:
    """``alone`` for the first level (the service on its own, :attr:`Dataset.alone_level`),
    ``regional`` for the levels flagged regional, else ``national``."""
    if level == data.alone_level:
        return "alone"
    return "regional" if level in data.regional_levels else "national"


# --- per service and item: yes (1), no (0) or undetermined (NaN) --------------------------------


def _symbols(data: Dataset, measure: str, advisor: str, items: list[str]) -> pd.DataFrame:
    """Services x items: the score symbols of ``measure`` ('' where not given or left out)."""
    part = scores_read(data.scores, advisor)
    part = part[part["measure"] == measure].astype({"service": str, "item": str, "score": str})
    table = part.pivot(index="service", columns="item", values="score")
    return table.reindex(index=data.service_codes, columns=items).fillna("")


def _state(symbols: pd.DataFrame, yes: tuple[str, ...], no: tuple[str, ...]) -> np.ndarray:
    values = symbols.to_numpy(dtype=object)
    return np.where(np.isin(values, yes), 1.0, np.where(np.isin(values, no), 0.0, np.nan))


@dataclass(frozen=True)
class States:
    """Services x items, each 1 (yes), 0 (no) or NaN (undetermined), for one reading.

    ``strong``: ``meets`` + or ++; ``weak``: ``meets`` -/+, - or --;
    ``added``: ``added_value`` + or ++ (0 for -/+, - or --); ``regional``:
    the preference names a regional level (0 if it names only others; NaN
    if open or ``?``); ``advisor``: True where a score of the cell that is in
    use was filled in by the advisors. ``preferences[s][i]`` is the set of
    levels (``exact``) or level groups (``grouped``) the service names, or
    None if it named none.
    """

    codes: list[str]
    items: list[str]
    strong: np.ndarray
    weak: np.ndarray
    added: np.ndarray
    regional: np.ndarray
    advisor: np.ndarray
    preferences: list[list[frozenset | None]]
    alone: str
    """The scale level of a service on its own (:attr:`Dataset.alone_level`)."""

    @property
    def needs(self) -> np.ndarray:
        """Where cooperation pays for a service: weak on the item, sees added value (yes/no/undetermined)."""
        return all_of(self.weak, self.added)


SCALE_RULES = ("regional", "cooperation", "national_first")
"""Which named scale levels count as a wish to cooperate in the region (a rule of this project):
``regional`` (the default) only the levels flagged regional in ``scale_levels.csv``; ``cooperation``
every level but alone (A); ``national_first`` the regional levels, and on the items flagged
``regional_start`` in ``items.csv`` (national first, a regional start for now, as the report reasons
for BI and data) every level but alone."""
OWN_UNKNOWN_RULES = ("undetermined", "not_fully")
"""How a ``?`` on a service's own standing reads in the facts (a rule of this project): neither weak
nor strong (``undetermined``, the default), or as "not fully" met, that is weak (``not_fully``)."""


def counted_levels(data: Dataset, scale: str = "regional") -> dict[str, set[str]]:
    """Per item, the scale levels that count as a wish to cooperate in the region under ``scale``."""
    if scale not in SCALE_RULES:
        raise ValueError(f"unknown scale rule {scale!r}; expected one of {', '.join(SCALE_RULES)}")
    regional = set(data.regional_levels)
    wider = set(data.level_codes) - {data.alone_level}
    starts = dict(zip(data.items["item"].astype(str), data.items["regional_start"], strict=True))
    return {
        item: wider if scale == "cooperation" or (scale == "national_first" and start) else regional
        for item, start in starts.items()
    }


def states(
    data: Dataset,
    reading: Reading | None = None,
    items: list[str] | None = None,
    *,
    scale: str = "regional",
    own_unknown: str = "undetermined",
) -> States:
    """The yes/no/undetermined facts per service and item that every lens is built from; ``scale``
    (:data:`SCALE_RULES`) and ``own_unknown`` (:data:`OWN_UNKNOWN_RULES`) are the project's rules
    that the forms of cooperation vary."""
    if own_unknown not in OWN_UNKNOWN_RULES:
        raise ValueError(
            f"unknown rule for '?' {own_unknown!r}; expected one of {', '.join(OWN_UNKNOWN_RULES)}"
        )
    reading = reading or Reading()
    items = items if items is not None else scope_items(data, None)
    meets = _symbols(data, "meets", reading.advisor, items)
    added = _symbols(data, "added_value", reading.advisor, items)
    used = scores_read(data.scores, reading.advisor)
    by_advisor = used[used["source"].astype(str) == "advisor"].astype({"service": str, "item": str})
    advisor = np.zeros((len(data.service_codes), len(items)), dtype=bool)
    rows = pd.Index(data.service_codes).get_indexer(by_advisor["service"])
    columns = pd.Index(items).get_indexer(by_advisor["item"])
    keep = columns >= 0
    advisor[rows[keep], columns[keep]] = True

    groups = {str(level): level_group(data, str(level)) for level in data.levels["level"]}
    named = named_letters(data)
    preferences = [
        [
            None
            if (code, item) not in named
            else frozenset(
                named[(code, item)]
                if reading.levels == "exact"
                else {groups[letter] for letter in named[(code, item)]}
            )
            for item in items
        ]
        for code in data.service_codes
    ]
    counted = counted_levels(data, scale)
    regional = np.array(
        [
            [
                np.nan if (code, item) not in named else float(bool(named[(code, item)] & counted[item]))
                for item in items
            ]
            for code in data.service_codes
        ],
        dtype=float,
    ).reshape(len(data.service_codes), len(items))
    unknown_weak = ("?",) if own_unknown == "not_fully" else ()
    return States(
        list(data.service_codes),
        items,
        strong=_state(meets, STRONG_SYMBOLS, WEAK_SYMBOLS + unknown_weak),
        weak=_state(meets, WEAK_SYMBOLS + unknown_weak, STRONG_SYMBOLS),
        added=_state(added, ADDED_SYMBOLS, WEAK_SYMBOLS),
        regional=regional,
        advisor=advisor,
        preferences=preferences,
        alone=data.alone_level,
    )


def all_of(*flags: np.ndarray) -> np.ndarray:
    """Yes where every flag is yes, no where any is no, else undetermined (three-valued AND)."""
    stack = np.stack(np.broadcast_arrays(*flags))
    return np.where((stack == 0).any(axis=0), 0.0, np.where((stack == 1).all(axis=0), 1.0, np.nan))


def any_of(*flags: np.ndarray) -> np.ndarray:
    """Yes where any flag is yes, no where every flag is no, else undetermined (three-valued OR)."""
    stack = np.stack(np.broadcast_arrays(*flags))
    return np.where((stack == 1).any(axis=0), 1.0, np.where((stack == 0).all(axis=0), 0.0, np.nan))


def _both(flags: np.ndarray) -> np.ndarray:
    """Services x services x items: both services of the pair have the flag (three-valued)."""
    return all_of(flags[:, None, :], flags[None, :, :])


# --- lenses --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lens:
    """One lens computed for all pairs of one reading.

    ``value`` (services x services): a count of items, or for
    ``scale_agreement`` a mean from 0 to 1; NaN where nothing is determined
    and on the diagonal. ``n_items``: the items the value rests on (those
    determined for the pair). ``evidence``, ``basis`` and ``advisor``
    (services x services x items): the items counted, the items determined,
    and the counted items that rest on an advisor-filled score.
    """

    name: str
    codes: list[str]
    items: list[str]
    value: np.ndarray
    n_items: np.ndarray
    evidence: np.ndarray
    basis: np.ndarray
    advisor: np.ndarray

    @property
    def share(self) -> np.ndarray:
        """The value from 0 to 1: counts divided by ``n_items``."""
        if self.name not in COUNT_LENSES:
            return self.value
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(
                self.n_items > 0, self.value / np.where(self.n_items > 0, self.n_items, 1), np.nan
            )

    @property
    def low_evidence(self) -> np.ndarray:
        return self.n_items < LOW_EVIDENCE_SHARE * len(self.items)

    def frame(self, values: np.ndarray | None = None) -> pd.DataFrame:
        values = self.value if values is None else values
        return pd.DataFrame(values, index=list(self.codes), columns=list(self.codes))


def _count_lens(name: str, facts: States, flags: np.ndarray, advisor: np.ndarray) -> Lens:
    counted = flags == 1
    basis = ~np.isnan(flags)
    n_items = basis.sum(axis=2)
    value = np.where(n_items > 0, counted.sum(axis=2), np.nan).astype(float)
    return _finish(name, facts, value, n_items, counted, basis, counted & advisor)


def _finish(name, facts: States, value, n_items, evidence, basis, advisor) -> Lens:
    """Blank the diagonal (a service is not its own partner) and wrap up."""
    value = np.array(value, dtype=float)
    n_items, evidence, basis, advisor = (np.array(a) for a in (n_items, evidence, basis, advisor))
    diagonal = np.arange(len(value))
    value[diagonal, diagonal] = np.nan
    n_items[diagonal, diagonal] = 0
    for array in (evidence, basis, advisor):
        array[diagonal, diagonal, :] = False
    return Lens(name, facts.codes, facts.items, value, n_items, evidence, basis, advisor)


def _pair_advisor(facts: States) -> np.ndarray:
    return facts.advisor[:, None, :] | facts.advisor[None, :, :]


def _scale_agreement(facts: States) -> Lens:
    n, m = len(facts.codes), len(facts.items)
    agreement = np.full((n, n, m), np.nan)
    for i in range(n):
        for j in range(n):
            for k in range(m):
                a, b = facts.preferences[i][k], facts.preferences[j][k]
                if a is None or b is None:
                    continue
                # Naming "alone" is no wish to cooperate: only the other scales can agree.
                a, b = a - {"alone", facts.alone}, b - {"alone", facts.alone}
                agreement[i, j, k] = len(a & b) / len(a | b) if a | b else 0.0
    basis = ~np.isnan(agreement)
    n_items = basis.sum(axis=2)
    with np.errstate(invalid="ignore"):
        value = np.where(
            n_items > 0, np.nansum(agreement, axis=2) / np.where(n_items > 0, n_items, 1), np.nan
        )
    evidence = np.nan_to_num(agreement) > 0
    return _finish("scale_agreement", facts, value, n_items, evidence, basis, np.zeros_like(evidence))


def gives(facts: States) -> np.ndarray:
    """Giver x receiver x items: the giver is strong, the receiver falls short and sees added value."""
    return all_of(facts.strong[:, None, :], facts.weak[None, :, :], facts.added[None, :, :])


def lens_from_states(facts: States, lens: str) -> Lens:
    """Compute ``lens`` for every pair from the facts of one reading."""
    advisor = _pair_advisor(facts)
    if lens == "joint_agenda":
        return _count_lens(lens, facts, all_of(_both(facts.regional), _both(facts.added)), advisor)
    if lens == "shared_regional":
        return _count_lens(lens, facts, _both(facts.regional), np.zeros_like(advisor))
    if lens == "shared_added_value":
        return _count_lens(lens, facts, _both(facts.added), advisor)
    if lens == "complementarity":
        given = gives(facts)
        # On one item at most one direction holds: strong and weak exclude each other.
        return _count_lens(lens, facts, any_of(given, given.transpose(1, 0, 2)), advisor)
    if lens == "scale_agreement":
        return _scale_agreement(facts)
    raise ValueError(f"unknown lens {lens!r}; expected one of {', '.join(LENSES)}")


def check_lens(lens: str) -> str:
    if lens not in LENSES:
        raise ValueError(f"unknown lens {lens!r}; expected one of {', '.join(LENSES)}")
    return lens


def compute(data: Dataset, lens: str, reading: Reading | None = None, dimension: str | None = None) -> Lens:
    """``lens`` for every pair under ``reading`` (default: the report's tables whole)."""
    check_lens(lens)
    return lens_from_states(states(data, reading, scope_items(data, dimension)), lens)


def compute_all(data: Dataset, reading: Reading | None = None, dimension: str | None = None) -> dict:
    """Every lens for one reading, the facts read once."""
    facts = states(data, reading, scope_items(data, dimension))
    return {lens: lens_from_states(facts, lens) for lens in LENSES}


def lens_matrix(
    data: Dataset,
    lens: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    dimension: str | None = None,
) -> pd.DataFrame:
    """Service x service values of ``lens`` on its own scale (counts, or 0 to 1 for scale agreement)."""
    return compute(data, lens, reading_of(unknown, advisor, levels), dimension).frame()


def lens_share(
    data: Dataset,
    lens: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    dimension: str | None = None,
) -> pd.DataFrame:
    """Service x service values of ``lens`` from 0 to 1: counts divided by the items they rest on."""
    part = compute(data, lens, reading_of(unknown, advisor, levels), dimension)
    return part.frame(part.share)


def lens_basis(
    data: Dataset,
    lens: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    dimension: str | None = None,
) -> pd.DataFrame:
    """Service x service: on how many items each value of ``lens`` rests."""
    part = compute(data, lens, reading_of(unknown, advisor, levels), dimension)
    return part.frame(part.n_items.astype(float))


def complementarity_directed(
    data: Dataset,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    dimension: str | None = None,
) -> pd.DataFrame:
    """Giver (rows) x receiver (columns): on how many items the giver can give (see :func:`gives`)."""
    facts = states(data, reading_of(unknown, advisor, levels), scope_items(data, dimension))
    counts = (gives(facts) == 1).sum(axis=2).astype(float)
    np.fill_diagonal(counts, np.nan)
    return pd.DataFrame(counts, index=data.service_codes, columns=data.service_codes)


# --- pairs -----------------------------------------------------------------------------------------


def _service_position(data: Dataset, service: str) -> int:
    if service not in data.service_codes:
        raise ValueError(f"unknown service {service!r}; expected one of {', '.join(data.service_codes)}")
    return data.service_codes.index(service)


def _items_at(part: Lens, flags: np.ndarray, i: int, j: int) -> list[str]:
    return [part.items[k] for k in np.flatnonzero(flags[i, j])]


def _pair_rows(part: Lens) -> pd.DataFrame:
    """One row per unordered pair, in codebook order, of one computed lens."""
    rows, columns = np.triu_indices(len(part.codes), k=1)
    pairs = list(zip(rows, columns, strict=True))
    return pd.DataFrame(
        {
            "service_a": [part.codes[i] for i in rows],
            "service_b": [part.codes[j] for j in columns],
            "lens": part.name,
            "value": part.value[rows, columns],
            "n_items": part.n_items[rows, columns].astype(int),
            "share": part.share[rows, columns],
            "low_evidence": part.low_evidence[rows, columns],
            "items": [_items_at(part, part.evidence, i, j) for i, j in pairs],
            "advisor_items": [_items_at(part, part.advisor, i, j) for i, j in pairs],
            "basis_items": [_items_at(part, part.basis, i, j) for i, j in pairs],
        }
    )


def pair_affinity_items(
    data: Dataset,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    dimension: str | None = None,
) -> pd.DataFrame:
    """:func:`pair_affinity` plus the item keys behind each value: ``items`` (counted),
    ``advisor_items`` (counted, resting on an advisor-filled score) and ``basis_items`` (determined)."""
    lenses = compute_all(data, reading_of(unknown, advisor, levels), dimension)
    table = pd.concat([_pair_rows(lenses[lens]) for lens in LENSES], ignore_index=True)
    order = {lens: k for k, lens in enumerate(LENSES)}
    table["_pair"] = table.groupby(["service_a", "service_b"], sort=False).ngroup()
    table = table.sort_values(["_pair", "lens"], key=lambda s: s.map(order) if s.name == "lens" else s)
    return table.drop(columns="_pair").reset_index(drop=True)


def pair_affinity(
    data: Dataset,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    dimension: str | None = None,
) -> pd.DataFrame:
    """Every lens for every unordered pair of services, as a long table.

    Columns :data:`PAIR_AFFINITY_COLUMNS`: ``value`` on the lens's own scale
    (a count of items; a mean from 0 to 1 for ``scale_agreement``),
    ``n_items`` the items it rests on, ``share`` the value from 0 to 1 and
    ``low_evidence`` True where ``n_items`` is below
    :data:`LOW_EVIDENCE_SHARE` of the lens's items. One row per pair (``service_a``
    before ``service_b`` in codebook order) and lens (:data:`LENSES` order).
    """
    table = pair_affinity_items(data, unknown=unknown, advisor=advisor, levels=levels, dimension=dimension)
    return table[list(PAIR_AFFINITY_COLUMNS)]


def pair_row(table: pd.DataFrame, lens: str, one: str, other: str) -> pd.Series:
    """The row of ``table`` (from :func:`pair_affinity`) for ``lens`` and the pair ``one`` and ``other``,
    named in either order. Raises KeyError if the table has no such row."""
    pair = {one, other}
    rows = table[
        (table["lens"] == lens)
        & table["service_a"].astype(str).isin(pair)
        & table["service_b"].astype(str).isin(pair)
        & (table["service_a"] != table["service_b"])
    ]
    if rows.empty:
        raise KeyError(f"no row for lens {lens!r} and pair {one}–{other}")
    return rows.iloc[0]


def pair_table(
    data: Dataset,
    lens: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    lang: str = "nl",
) -> pd.DataFrame:
    """The pairs of one lens for reading: highest share first, each value with what it rests on.

    Columns (headings from the catalogue, in ``lang``): the two services, the
    result with its basis (``11 van 14 onderdelen``), the share, the labels
    of the items counted (``†`` where they rest on an advisor-filled score)
    and a note for a value resting on little evidence. Ties keep codebook
    order; pairs without a value come last.
    """
    check_lens(lens)
    table = pair_affinity_items(data, unknown=unknown, advisor=advisor, levels=levels)
    table = table[table["lens"] == lens]
    table = table.sort_values("share", ascending=False, kind="stable", na_position="last")
    mark = text("affinity.advisor_mark", lang)

    def labels(row) -> str:
        marks = [f" {mark}" if item in row.advisor_items else "" for item in row.items]
        return ", ".join(data.item_label(item, lang) + m for item, m in zip(row.items, marks, strict=True))

    return pd.DataFrame(
        {
            text("affinity.column.service_a", lang): table["service_a"].to_numpy(),
            text("affinity.column.service_b", lang): table["service_b"].to_numpy(),
            text("affinity.column.value", lang): [
                basis_text(row.value, row.n_items, lens, lang) for row in table.itertuples()
            ],
            text("affinity.column.share", lang): table["share"].round(2).to_numpy(),
            text("affinity.column.items", lang): [labels(row) for row in table.itertuples()],
            text("affinity.column.note", lang): [
                text("affinity.note.low_evidence", lang) if low else "" for low in table["low_evidence"]
            ],
        }
    )


def competition_rank(values: pd.Series) -> pd.Series:
    """Competition ranks, highest value first: ties share the best rank (1, 1, 3); NaN has no rank."""
    return values.round(_DIGITS).rank(method="min", ascending=False, na_option="keep").astype("Int64")


def partners_of(part: Lens, position: int) -> pd.DataFrame:
    """The partners of the service at ``position`` under one computed lens, best share first."""
    others = [k for k in range(len(part.codes)) if k != position]
    frame = pd.DataFrame(
        {
            "lens": part.name,
            "partner": [part.codes[k] for k in others],
            "value": part.value[position, others],
            "n_items": part.n_items[position, others].astype(int),
            "share": part.share[position, others],
            "low_evidence": part.low_evidence[position, others],
            "items": [_items_at(part, part.evidence, position, k) for k in others],
            "advisor_items": [_items_at(part, part.advisor, position, k) for k in others],
        }
    )
    frame.insert(1, "rank", competition_rank(frame["share"]))
    # A stable sort on rank alone keeps codebook order within ties; NaN goes last.
    return frame.sort_values("rank", kind="stable", na_position="last").reset_index(drop=True)


def best_partners(
    data: Dataset,
    service: str,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
    dimension: str | None = None,
) -> pd.DataFrame:
    """The partners of ``service`` under every lens, best share first.

    Columns ``lens, rank, partner, value, n_items, share, low_evidence,
    items, advisor_items``. Partners with equal shares share a rank
    (1, 1, 3) in codebook order; partners without a value come last.
    """
    position = _service_position(data, service)
    lenses = compute_all(data, reading_of(unknown, advisor, levels), dimension)
    return pd.concat([partners_of(lenses[lens], position) for lens in LENSES], ignore_index=True)


# --- who is the best partner, and how sure is that ---------------------------------------------------


@dataclass(frozen=True)
class PartnerVerdict:
    """Whether ``service`` has one best partner under ``lens``, whatever the reading.

    ``best`` is that partner, or None. ``reason`` says why: ``clear`` (it
    leads by :data:`CLOSE_MARGIN` or more under every reading), ``margin``
    (the same partner leads everywhere, but by less), ``reading`` (which
    partner leads depends on the reading), ``evidence`` (the leader's value
    rests on little evidence) or ``nothing`` (no pair has any item on the
    lens). ``close`` are the partners within the margin of the leader under
    some reading, leader first. ``table`` has one row per reading and
    partner: ``reading, partner, value, n_items, share, low_evidence, leads``.
    """

    service: str
    lens: str
    best: str | None
    reason: str
    close: list[str]
    table: pd.DataFrame

    def default_row(self, partner: str) -> pd.Series:
        """The partner's row under the default reading."""
        rows = self._default_rows[self._default_rows["partner"] == partner]
        return rows.iloc[0]

    @cached_property
    def _default_rows(self) -> pd.DataFrame:
        # Picked once: comparing every row's reading is the slow part, and a briefing asks for many rows.
        return self.table[self.table["reading"] == Reading()]

    def leaders(self) -> dict[Reading, list[str]]:
        """Per reading, the partner(s) with the highest share."""
        led = self.table[self.table["leads"]]
        return {reading: list(part["partner"]) for reading, part in led.groupby("reading", sort=False)}


def partner_verdict(
    data: Dataset,
    service: str,
    *,
    lens: str = HEADLINE_LENS,
    margin: float = CLOSE_MARGIN,
    readings: tuple[Reading, ...] = READINGS,
    dimension: str | None = None,
    computed: dict | None = None,
) -> PartnerVerdict:
    """Is there one best partner for ``service`` under ``lens`` whatever the reading?

    ``computed`` maps readings to :func:`compute_all` results, to share work
    between services. See :class:`PartnerVerdict`.
    """
    check_lens(lens)
    position = _service_position(data, service)
    codes = data.service_codes
    others = [k for k in range(len(codes)) if k != position]
    columns: dict[str, list] = {name: [] for name in ("reading", "partner", "value", "n_items", "share")}
    low = []
    for reading in readings:
        part = ((computed or {}).get(reading) or compute_all(data, reading, dimension))[lens]
        columns["reading"] += [reading] * len(others)
        columns["partner"] += [codes[k] for k in others]
        columns["value"] += list(part.value[position, others])
        columns["n_items"] += [int(n) for n in part.n_items[position, others]]
        columns["share"] += list(part.share[position, others])
        low += list(part.low_evidence[position, others])
    table = pd.DataFrame(columns).assign(low_evidence=low)
    # Per reading, best share first; ties keep codebook order, partners without a value go last.
    table["_reading"] = np.repeat(np.arange(len(readings)), len(others))
    table.insert(2, "rank", table.groupby("_reading")["share"].transform(competition_rank).astype("Int64"))
    table = table.sort_values(["_reading", "rank"], kind="stable", na_position="last")
    table = table.drop(columns="_reading").reset_index(drop=True)
    top = table.groupby("reading", sort=False)["share"].transform("max")
    table["leads"] = (table["share"].round(_DIGITS) == top.round(_DIGITS)) & (table["share"] > 0)
    within = table["share"].notna() & ((top - table["share"]).round(_DIGITS) < margin)
    ranked = [p for p in table.loc[table["leads"], "partner"]]
    ranked += [p for p in table.loc[within, "partner"]]
    close = list(dict.fromkeys(ranked))
    if not table["leads"].any():
        return PartnerVerdict(service, lens, None, "nothing", [], table)
    leaders = {
        tuple(names) for names in table[table["leads"]].groupby("reading", sort=False)["partner"].agg(list)
    }
    if len(leaders) > 1 or len(next(iter(leaders))) > 1:
        return PartnerVerdict(service, lens, None, "reading" if len(leaders) > 1 else "margin", close, table)
    leader = next(iter(leaders))[0]
    if table.loc[table["partner"] == leader, "low_evidence"].any():
        return PartnerVerdict(service, lens, None, "evidence", close, table)
    if len(close) > 1:
        return PartnerVerdict(service, lens, None, "margin", close, table)
    return PartnerVerdict(service, lens, leader, "clear", close, table)


def top_pair(
    data: Dataset, *, lens: str = HEADLINE_LENS, margin: float = CLOSE_MARGIN, dimension: str | None = None
) -> dict:
    """The pair(s) with the highest share under ``lens`` (default reading), and the runner-up's share.

    Returns ``pairs`` (``"A–B"`` strings), ``share``, ``n_items`` and ``value`` of the first
    top pair, ``next_share`` (the best share of the other pairs) and ``stable``: True when
    the same pair leads by :data:`CLOSE_MARGIN` under every reading.
    """
    leads = set()
    first = None
    for reading in READINGS:
        rows = _pair_rows(compute(data, lens, reading, dimension))
        rows["pair"] = rows["service_a"] + "–" + rows["service_b"]
        rows = rows.sort_values("share", ascending=False, kind="stable", na_position="last")
        best = rows["share"].iloc[0]
        tops = rows[rows["share"].round(_DIGITS) == round(best, _DIGITS)]
        rest = rows[rows["share"].round(_DIGITS) < round(best, _DIGITS)]["share"]
        next_share = rest.iloc[0] if len(rest) else np.nan
        if first is None:
            first = {
                "pairs": list(tops["pair"]),
                "share": best,
                "n_items": int(tops["n_items"].iloc[0]),
                "value": tops["value"].iloc[0],
                "next_share": next_share,
            }
        clear = bool(np.isnan(next_share) or round(best - next_share, _DIGITS) >= margin)
        leads.add((tuple(tops["pair"]), clear))
    first["stable"] = len(leads) == 1 and len(first["pairs"]) == 1 and next(iter(leads))[1]
    return first


# --- sensitivity ----------------------------------------------------------------------------------


def reading_values(data: Dataset, *, dimension: str | None = None) -> pd.DataFrame:
    """Every pair and lens under every reading: :func:`pair_affinity` rows with a column ``reading``."""
    frames = []
    for reading in READINGS:
        lenses = compute_all(data, reading, dimension)
        part = pd.concat([_pair_rows(lenses[lens]) for lens in LENSES], ignore_index=True)
        part.insert(0, "reading", [reading] * len(part))
        frames.append(part[["reading", *PAIR_AFFINITY_COLUMNS]])
    return pd.concat(frames, ignore_index=True)


def sensitivity_values(data: Dataset, *, dimension: str | None = None) -> pd.DataFrame:
    """The values that change with the reading, and which switches change them.

    One row per lens and pair whose share or basis differs between the
    readings (:data:`~odsamen.analysis.scoring.READINGS`); rows that no reading can
    change are left out. Columns :data:`SENSITIVITY_COLUMNS`: the default
    reading's ``share`` and ``n_items``, the lowest and highest share and
    basis over all readings, and ``changed_by``: the switches (``advisor``,
    ``levels``, ``unknown``) that alone change the value or its basis.
    """
    values = reading_values(data, dimension=dimension)
    default = values[values["reading"] == Reading()].set_index(["lens", "service_a", "service_b"])
    rows = []
    for (lens, a, b), part in values.groupby(["lens", "service_a", "service_b"], sort=False):
        shares = part["share"].round(_DIGITS)
        if shares.nunique(dropna=False) == 1 and part["n_items"].nunique() == 1:
            continue
        base = default.loc[(lens, a, b)]
        switches = []
        for switch in ("unknown", "advisor", "levels"):
            single = part[[r.changes() in ([], [f"{switch}={getattr(r, switch)}"]) for r in part["reading"]]]
            if single["share"].round(_DIGITS).nunique(dropna=False) > 1 or single["n_items"].nunique() > 1:
                switches.append(switch)
        rows.append(
            (
                lens,
                a,
                b,
                base["share"],
                int(base["n_items"]),
                part["share"].min(),
                part["share"].max(),
                int(part["n_items"].min()),
                int(part["n_items"].max()),
                ", ".join(switches) or "combination",
            )
        )
    return pd.DataFrame(rows, columns=list(SENSITIVITY_COLUMNS))


def sensitivity(data: Dataset, *, dimension: str | None = None) -> pd.DataFrame:
    """Per lens and service, does the best partner depend on the reading?

    Columns ``lens, service, best, reason, close``: the
    :func:`partner_verdict` of every service under every lens. Lenses and
    services in codebook order.
    """
    computed = {reading: compute_all(data, reading, dimension) for reading in READINGS}
    rows = []
    for lens in LENSES:
        for service in data.service_codes:
            verdict = partner_verdict(data, service, lens=lens, computed=computed)
            rows.append((lens, service, verdict.best or "", verdict.reason, " = ".join(verdict.close)))
    return pd.DataFrame(rows, columns=["lens", "service", "best", "reason", "close"])


# --- profiles ---------------------------------------------------------------------------------------


def service_profile(
    data: Dataset, *, unknown: str = DEFAULT_UNKNOWN, advisor: str = DEFAULT_ADVISOR
) -> pd.DataFrame:
    """Each service's mean score per dimension and measure.

    Columns ``service, dimension, measure, mean_score, n_known, n_unknown``.
    ``n_unknown`` is the number of ``?`` scores, ``n_known`` the number of
    other scores. ``mean_score`` is on the -2..2 scale: with
    ``unknown="neutral"`` the mean over all scores with ``?`` as 0, with
    ``"missing"`` the mean over the known scores only (NaN if there are none).
    With ``advisor="exclude"`` the advisor-filled scores are left out.
    """
    scores = with_values(scores_read(data.scores, advisor), check_unknown(unknown))
    scores = scores.assign(is_unknown=scores["score"].astype(str) == UNKNOWN_SYMBOL)
    grouped = scores.groupby(["service", "dimension", "measure"], observed=True, sort=True)
    profile = grouped.agg(
        mean_score=("value", "mean"),
        n_unknown=("is_unknown", "sum"),
        n_scores=("is_unknown", "size"),
    ).reset_index()
    profile["n_known"] = profile["n_scores"] - profile["n_unknown"]
    return profile[list(PROFILE_COLUMNS)].astype({"n_known": int, "n_unknown": int})


# --- outputs -----------------------------------------------------------------------------------------------


def _csv(table: pd.DataFrame, path: Path) -> Path:
    table.to_csv(
        path, index=False, encoding="utf-8", float_format=CSV_FLOAT_FORMAT, na_rep="", lineterminator="\n"
    )
    return path


def partner_table(data: Dataset, *, dimension: str | None = None) -> pd.DataFrame:
    """Per service and lens, the :func:`partner_verdict`: columns ``service, lens, best, reason, close``
    and, under the default reading, the leader's ``share`` and ``n_items``."""
    computed = {reading: compute_all(data, reading, dimension) for reading in READINGS}
    rows = []
    for service in data.service_codes:
        for lens in LENSES:
            verdict = partner_verdict(data, service, lens=lens, computed=computed)
            first = verdict.close[0] if verdict.close else None
            row = verdict.default_row(first) if first else None
            rows.append(
                (
                    service,
                    lens,
                    verdict.best or "",
                    verdict.reason,
                    " ".join(verdict.close),
                    np.nan if row is None else row["share"],
                    0 if row is None else int(row["n_items"]),
                )
            )
    return pd.DataFrame(rows, columns=["service", "lens", "best", "reason", "close", "share", "n_items"])


def write_tables(
    data: Dataset,
    out_dir: str | Path,
    *,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    levels: str = DEFAULT_LEVELS,
) -> dict[str, Path]:
    """Write ``tables/pair_affinity.csv``, ``tables/partners.csv`` and ``tables/service_profile.csv``.

    UTF-8, comma-separated, ``\\n`` line ends, floats with six significant
    digits and NaN as an empty field, so the same data give the same bytes.
    ``pair_affinity.csv`` adds to :data:`PAIR_AFFINITY_COLUMNS` the counted
    items (``items``, keys joined by ``;``) and those resting on an
    advisor-filled score (``advisor_items``). Returns the paths by table name.
    """
    folder = Path(out_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    pairs = pair_affinity_items(data, unknown=unknown, advisor=advisor, levels=levels)
    pairs = pairs.drop(columns="basis_items").assign(
        items=pairs["items"].map(";".join), advisor_items=pairs["advisor_items"].map(";".join)
    )
    return {
        "pair_affinity": _csv(pairs, folder / "pair_affinity.csv"),
        "partners": _csv(partner_table(data), folder / "partners.csv"),
        "service_profile": _csv(
            service_profile(data, unknown=unknown, advisor=advisor), folder / "service_profile.csv"
        ),
    }


# --- words -----------------------------------------------------------------------------------------------


def lens_label(lens: str, lang: str = "nl") -> str:
    """The short name of ``lens`` for titles and legends."""
    return text(f"affinity.lens.{check_lens(lens)}", lang)


def lens_definition(data: Dataset, lens: str, *, lang: str = "nl") -> str:
    """One sentence in plain words saying how ``lens`` is counted, with the symbols and levels it uses."""
    check_lens(lens)
    fields = {
        "strong": ", ".join(STRONG_SYMBOLS),
        "weak": ", ".join(WEAK_SYMBOLS),
        "added": ", ".join(ADDED_SYMBOLS),
        "regional": text("words.or", lang).join(sorted(data.regional_levels)),
        "alone": data.alone_level,
        "region": data.fact("region", lang) or text("words.the_region", lang),
        "low": 0,
        "high": 1,
    }
    return text(f"affinity.definition.{lens}", lang, **fields)


def basis_text(value: float, n_items: int, lens: str, lang: str = "nl") -> str:
    """A value with what it rests on: ``11 van 13 onderdelen`` (counts) or ``0,69 over 16 onderdelen``."""
    if lens in COUNT_LENSES:
        if np.isnan(value):
            return text("affinity.basis.none", lang)
        return text("affinity.basis.count", lang, value=int(value), n=int(n_items))
    if np.isnan(value):
        return text("affinity.basis.none", lang)
    return text("affinity.basis.mean", lang, value=format_number(value, lang, 2), n=int(n_items))
