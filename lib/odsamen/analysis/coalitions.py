"""Coalitions and forms of cooperation: which form the scores can support, for which group, on what.

A *coalition* is a set of two or more services, keyed by the member codes in
``services.csv`` order joined by ``+`` (``NHN+IJmond``). For every coalition
and item (a robustness criterion or a future task) six facts are each *yes*,
*no* or *undetermined*, with the cells behind them (:func:`coalition_items`):

``regional_fit``
    Every member names a regional scale level (B or C). A member naming only
    "alone" (A) or only national levels makes it *no*; a member with no
    answer or ``?`` leaves it undetermined.
``shared_want``
    Every member sees added value in cooperation (``+`` or ``++``).
``gap``
    Some member falls short (``-/+``, ``-`` or ``--``) and sees added value.
``supply``
    Some member is strong (``+`` or ``++``).
``agenda``
    The *joint agenda*: regional fit and shared want (for a pair, the
    ``joint_agenda`` lens of :mod:`odsamen.analysis.affinity`).
``exchange``
    On the agenda, with both a gap and a supply: one member can help another.

``data/scenarios.csv`` holds the forms of cooperation of the report and the
thresholds the code reads; :func:`scenario_verdicts` gives each coalition and
form a verdict ``fits``, ``partly``, ``does_not_fit`` or ``undetermined``
with the items and a reason. A full merger is never decided by the data
(``decides=false``): it needs finances, support and governance, which the
scores do not hold. :func:`advice_comparison` sets the report's advice
(``data/advice.csv``) beside the data's verdicts, and
:func:`scenario_sensitivity` shows which verdicts change with the reading or
the thresholds.

The words are "fits" and "consistent with", never "recommended": the scores
are four services' self-assessments, given per item, not per coalition.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from odsamen.analysis.affinity import ALONE_LEVEL, LOW_EVIDENCE_SHARE, States, all_of, any_of, states
from odsamen.analysis.data import Dataset
from odsamen.analysis.scoring import READINGS, Reading, named_letters
from odsamen.catalogue import check_language, format_number, join_words, quoted, text

FACTS = ("regional_fit", "shared_want", "gap", "supply", "agenda", "exchange")
ITEM_COLUMNS = ("coalition", "dimension", "item", *FACTS, "basis")
SCENARIO_COLUMNS = ("coalition", "scenario", "verdict", "n_items", "items", "reason")
COMPARISON_COLUMNS = ("coalition", "scenario", "stance", "where", "verdict", "agreement", "reason")
VERDICTS = ("fits", "partly", "does_not_fit", "undetermined")
STANCES = ("advised", "option", "not_now", "not_advised")
AGREEMENTS = ("consistent", "partly", "differs")
YES, NO, UNDETERMINED = "yes", "no", "undetermined"
SEPARATOR = "+"
ALL_SUBSETS_UP_TO = 6
"""Up to this many services every set of two or more is a coalition; beyond, pairs, triples,
regions and all services (the number of subsets grows too fast)."""
SCORES = {"fits": 2, "partly": 1, "does_not_fit": 0, "undetermined": 0}
"""How a verdict counts when the coalitions of a service are ordered (:func:`strongest_coalition`)."""

AGREEMENT_RULES = {
    ("advised", "fits"): "consistent",
    ("advised", "partly"): "partly",
    ("advised", "does_not_fit"): "differs",
    ("advised", "undetermined"): "partly",
    ("option", "fits"): "consistent",
    ("option", "partly"): "consistent",
    ("option", "does_not_fit"): "differs",
    ("option", "undetermined"): "partly",
    ("not_now", "undetermined"): "consistent",
    ("not_now", "does_not_fit"): "consistent",
    ("not_now", "partly"): "consistent",
    ("not_now", "fits"): "partly",
    ("not_advised", "does_not_fit"): "consistent",
    ("not_advised", "partly"): "partly",
    ("not_advised", "fits"): "partly",
    ("not_advised", "undetermined"): "partly",
}
"""How the report's stance and the data's verdict compare. The report advises against a covenant
for reasons the data do not hold (a small step beside the existing agenda), so data that fit a
covenant only partly agree with that advice; a full merger the report puts off ('not now') and the
data cannot decide is consistent."""


# --- coalitions ----------------------------------------------------------------------


def members(key: str) -> list[str]:
    """The member codes of a coalition key."""
    return key.split(SEPARATOR)


def coalitions(data: Dataset) -> list[str]:
    """The coalitions to study, by key: every set of two or more services (11 for four), or with
    more than :data:`ALL_SUBSETS_UP_TO` services all pairs and triples, the services of each
    region and all services. Smaller coalitions first, then codebook order."""
    codes = data.service_codes
    position = {code: k for k, code in enumerate(codes)}
    sizes = range(2, len(codes) + 1) if len(codes) <= ALL_SUBSETS_UP_TO else (2, 3)
    # combinations() keeps the codebook order within each set, so the joined codes are the key.
    sets = [combo for size in sizes for combo in itertools.combinations(codes, size)]
    if len(codes) > ALL_SUBSETS_UP_TO:
        regions = data.services.groupby("region", sort=False)["code"].agg(list)
        sets += [tuple(sorted(group, key=position.get)) for group in regions if len(group) >= 2]
        sets.append(tuple(codes))
    unique = list(dict.fromkeys(sets))
    unique.sort(key=lambda combo: (len(combo), [position[code] for code in combo]))
    return [SEPARATOR.join(combo) for combo in unique]


def involving(table: pd.DataFrame, service: str) -> pd.DataFrame:
    """The rows of ``table`` whose ``coalition`` has ``service`` among its members."""
    if table.empty:
        return table
    # Each coalition once, not once per row: a table has a row per coalition and form.
    keys = [key for key in table["coalition"].unique() if service in members(key)]
    return table.loc[table["coalition"].isin(keys)]


def coalitions_of(data: Dataset, service: str, keys: list[str] | None = None) -> list[str]:
    """The coalitions (of :func:`coalitions`, or ``keys``) that ``service`` belongs to."""
    return [key for key in (keys or coalitions(data)) if service in members(key)]


# --- facts per coalition and item ---------------------------------------------------------------


def _levels(data: Dataset) -> dict[tuple[str, str], str]:
    """Each service and item's preference as printed (aspects joined by ``;``), '' if open."""
    prefs = data.preferences.astype({"service": str, "item": str, "levels": str, "aspect": str})
    cells: dict[tuple[str, str], list[str]] = {}
    for cell in prefs.itertuples():
        shown = cell.levels or "–"
        cells.setdefault((cell.service, cell.item), []).append(
            f"{cell.aspect}:{shown}" if cell.aspect else shown
        )
    return {key: ";".join(value) for key, value in cells.items()}


def _symbols(data: Dataset, reading: Reading) -> dict[tuple[str, str, str], str]:
    from odsamen.analysis.scoring import scores_read

    used = scores_read(data.scores, reading.advisor).astype(str)
    return {(r.service, r.item, r.measure): r.score for r in used.itertuples()}


def _cell_basis(facts: States, symbols: dict, levels: dict, code: str, item: str) -> str:
    """One member's cells behind the facts: ``NHN meets=- added=++ levels=B/C``, ``†`` if advisor-filled."""
    i, k = facts.codes.index(code), facts.items.index(item)
    meets = symbols.get((code, item, "meets"), "·")
    added = symbols.get((code, item, "added_value"), "·")
    mark = " †" if facts.advisor[i, k] else ""
    return f"{code} meets={meets} added={added} levels={levels.get((code, item), '–')}{mark}"


@dataclass(frozen=True)
class CoalitionFacts:
    """The six facts (1, 0 or NaN) of every coalition (rows, :func:`coalitions` order) and item,
    and ``advisor``: True where a member's cell on the item holds a score the advisors filled in."""

    keys: list[str]
    items: list[str]
    facts: dict[str, np.ndarray]
    advisor: np.ndarray


def coalition_facts(
    data: Dataset, keys: list[str] | None = None, reading: Reading | None = None
) -> CoalitionFacts:
    """The six facts of every coalition and item, as arrays (coalitions x items)."""
    keys = keys if keys is not None else coalitions(data)
    facts = states(data, reading)
    result = {name: np.full((len(keys), len(facts.items)), np.nan) for name in FACTS}
    advisor = np.zeros((len(keys), len(facts.items)), dtype=bool)
    for row, key in enumerate(keys):
        m = [facts.codes.index(code) for code in members(key)]
        advisor[row] = facts.advisor[m].any(axis=0)
        regional_fit = all_of(*facts.regional[m])
        shared_want = all_of(*facts.added[m])
        gap = any_of(*facts.needs[m])
        supply = any_of(*facts.strong[m])
        agenda = all_of(regional_fit, shared_want)
        values = {
            "regional_fit": regional_fit,
            "shared_want": shared_want,
            "gap": gap,
            "supply": supply,
            "agenda": agenda,
            "exchange": all_of(agenda, gap, supply),
        }
        for name, value in values.items():
            result[name][row] = value
    return CoalitionFacts(keys, facts.items, result, advisor)


def coalition_items(
    data: Dataset, keys: list[str] | None = None, reading: Reading | None = None
) -> pd.DataFrame:
    """Every coalition and item with its six facts (``yes``, ``no``, ``undetermined``) and ``basis``.

    Columns :data:`ITEM_COLUMNS`. ``basis`` names each member's cells:
    ``NHN meets=- added=++ levels=B/C`` is NHN's own score ``-``, added
    value ``++`` and preferred levels ``B/C`` (``†`` marks a score the
    advisors filled in, ``·`` a score left out by the reading, ``–`` no
    preference).
    """
    reading = reading or Reading()
    found = coalition_facts(data, keys, reading)
    per_state = states(data, reading)
    symbols, levels = _symbols(data, reading), _levels(data)
    dimension = dict(zip(data.items["item"].astype(str), data.items["dimension"].astype(str), strict=True))
    # Each service's cells once, then joined per coalition.
    cells = {
        (code, item): _cell_basis(per_state, symbols, levels, code, item)
        for code in per_state.codes
        for item in found.items
    }
    words = {
        name: np.where(np.isnan(flags), UNDETERMINED, np.where(flags == 1, YES, NO))
        for name, flags in found.facts.items()
    }
    rows = []
    for row, key in enumerate(found.keys):
        codes = members(key)
        for k, item in enumerate(found.items):
            basis = "; ".join(cells[(code, item)] for code in codes)
            rows.append((key, dimension[item], item, *(words[name][row, k] for name in FACTS), basis))
    return pd.DataFrame(rows, columns=list(ITEM_COLUMNS))


# --- scenario verdicts --------------------------------------------------------------------------


def _scope(data: Dataset, items: list[str], dimension: str) -> np.ndarray:
    if dimension == "all":
        return np.ones(len(items), dtype=bool)
    return np.isin(items, data.item_codes(dimension))


@dataclass(frozen=True)
class Verdict:
    """One coalition and form: ``verdict``, the measured ``value``, the items it counts, why."""

    coalition: str
    scenario: str
    verdict: str
    value: float
    n_determined: int
    n_scope: int
    items: list[str]
    blocked_by: list[tuple[str, str]]
    near: list[tuple[str, list[str]]] = ()
    """Exchange measures: items with a shared want, a gap and a supply that miss only the regional
    fit, with the members that name no regional level there."""
    advisor_items: list[str] = ()
    """The counted items that rest on a score the advisors filled in."""


@dataclass(frozen=True)
class _Context:
    """What every verdict of one data set looks up, read once: the levels each service names per
    item, the regional levels and each dimension's items in scope."""

    letters: dict
    regional: set
    scopes: dict

    @classmethod
    def of(cls, data: Dataset, items: list[str]) -> _Context:
        scopes = {dimension: _scope(data, items, dimension) for dimension in ("all", "robustness", "task")}
        return cls(named_letters(data), set(data.regional_levels), scopes)


def _verdict(data: Dataset, found: CoalitionFacts, row: int, scenario, thresholds: dict, context) -> Verdict:
    key = found.keys[row]
    letters = context.letters
    scope = context.scopes[scenario.dimension]
    n_scope = int(scope.sum())
    measure = scenario.measure
    if not scenario.decides or not measure:
        # Items where every member wants to stay on its own: no sign of a wish to pool.
        alone = [
            item
            for item in np.array(found.items)[scope]
            if all(letters.get((code, item)) == {ALONE_LEVEL} for code in members(key))
        ]
        return Verdict(key, scenario.scenario, "undetermined", np.nan, 0, n_scope, alone, [])
    fact = "agenda" if measure.startswith("agenda") else "exchange"
    flags = found.facts[fact][row][scope]
    items = [item for item, flag in zip(np.array(found.items)[scope], flags, strict=True) if flag == 1]
    by_advisor = [item for item in items if found.advisor[row][found.items.index(item)]]
    n_determined = int((~np.isnan(flags)).sum())
    value = len(items) / n_determined if measure == "agenda_share" and n_determined else float(len(items))
    if measure == "agenda_share" and not n_determined:
        value = np.nan
    fits_at, partly_at = thresholds.get(scenario.scenario, (scenario.fits_at, scenario.partly_at))
    blocked = [
        (code, item)
        for item in scenario.blocking_items
        for code in members(key)
        if letters.get((code, item)) == {ALONE_LEVEL}
    ]
    near = []
    if fact == "exchange":
        almost = all_of(found.facts["shared_want"][row], found.facts["gap"][row], found.facts["supply"][row])
        misses = scope & (almost == 1) & (found.facts["regional_fit"][row] == 0)
        for k in np.flatnonzero(misses):
            item = found.items[k]
            regional = [code for code in members(key) if letters.get((code, item), set()) & context.regional]
            near.append((item, [code for code in members(key) if code not in regional]))
    if blocked:
        verdict = "does_not_fit"
    elif not np.isnan(value) and value >= fits_at:
        verdict = "fits"
    elif n_determined < LOW_EVIDENCE_SHARE * n_scope:
        verdict = "undetermined"
    elif value >= partly_at:
        verdict = "partly"
    else:
        verdict = "does_not_fit"
    return Verdict(
        key, scenario.scenario, verdict, value, n_determined, n_scope, items, blocked, near, by_advisor
    )


def verdicts(
    data: Dataset,
    keys: list[str] | None = None,
    reading: Reading | None = None,
    thresholds: dict | None = None,
    found: CoalitionFacts | None = None,
) -> list[Verdict]:
    """Every coalition and form of ``data.scenarios``: a :class:`Verdict` each.

    ``thresholds`` maps a scenario to ``(fits_at, partly_at)`` in place of
    those in ``scenarios.csv`` (for the sensitivity). A form fits when its
    measure reaches ``fits_at``, partly when it reaches ``partly_at``; a
    member naming only level A on one of the form's ``blocking_items`` makes
    it ``does_not_fit``; when fewer than half of the items in scope are
    determined and the form does not fit, it is ``undetermined``.
    """
    found = found or coalition_facts(data, keys, reading)
    context = _Context.of(data, found.items)
    scenarios = list(data.scenarios.itertuples(index=False))
    return [
        _verdict(data, found, row, scenario, thresholds or {}, context)
        for row in range(len(found.keys))
        for scenario in scenarios
    ]


def _reason(data: Dataset, found: Verdict, scenario, lang: str, labels: dict[str, str]) -> str:
    def items(names) -> str:  # item labels in running text: quoted, ‘BI en opleiding’ stays one item
        return join_words([quoted(label, lang) for label in names], lang)

    if found.verdict == "undetermined" and (not scenario.decides or not scenario.measure):
        words = text("coalitions.reason.not_decided", lang)
        if found.items:
            words += " " + text(
                "coalitions.reason.all_alone",
                lang,
                items=items(labels[item] for item in found.items),
            )
        return words
    if found.blocked_by:
        who = sorted({code for code, _ in found.blocked_by}, key=data.service_codes.index)
        return text(
            "coalitions.reason.blocked",
            lang,
            who=join_words(who, lang),
            n=len(who),
            items=items(dict.fromkeys(labels[item] for _, item in found.blocked_by)),
        )
    fields = {
        "n": len(found.items),
        "determined": found.n_determined,
        "scope": found.n_scope,
        "fits_at": format_number(scenario.fits_at, lang, 2 if scenario.measure == "agenda_share" else 0),
        "partly_at": format_number(scenario.partly_at, lang, 2 if scenario.measure == "agenda_share" else 0),
        "share": format_number(found.value, lang, 2),
    }
    words = text(f"coalitions.reason.{scenario.measure}", lang, **fields)
    if found.near and found.verdict != "fits":
        words += " " + text(
            "coalitions.reason.near",
            lang,
            items="; ".join(
                text(
                    "coalitions.reason.near_item",
                    lang,
                    item=quoted(labels[item], lang),
                    who=join_words(codes, lang),
                )
                for item, codes in found.near
            ),
        )
    if found.verdict == "undetermined":
        words += " " + text("coalitions.reason.little_evidence", lang, **fields)
    if found.advisor_items:
        words += " " + text(
            "coalitions.reason.advisor",
            lang,
            items=items(labels[item] for item in found.advisor_items),
        )
    return words


def scenario_verdicts(
    data: Dataset,
    keys: list[str] | None = None,
    reading: Reading | None = None,
    *,
    lang: str = "nl",
    thresholds: dict | None = None,
) -> pd.DataFrame:
    """Every coalition and form with its verdict, as a table with columns :data:`SCENARIO_COLUMNS`.

    ``n_items`` and ``items`` (keys joined by ``;``) are the items the form
    counts (agenda or exchange items in its scope); ``reason`` says in
    ``lang`` what the verdict rests on.
    """
    check_language(lang)
    scenarios = {row.scenario: row for row in data.scenarios.itertuples(index=False)}
    labels = data.item_labels(lang)
    rows = []
    for found in verdicts(data, keys, reading, thresholds=thresholds):
        scenario = scenarios[found.scenario]
        counted = [] if not scenario.decides else found.items
        rows.append(
            (
                found.coalition,
                found.scenario,
                found.verdict,
                len(counted),
                ";".join(counted),
                _reason(data, found, scenario, lang, labels),
            )
        )
    return pd.DataFrame(rows, columns=list(SCENARIO_COLUMNS))


def strongest_coalitions(data: Dataset, service: str, table: pd.DataFrame | None = None) -> list[str]:
    """The coalitions of ``service`` whose forms fit best: most points (fits 2, partly 1) over the
    forms the data can decide. Several on a tie, fewest members first, then codebook order; empty
    if nothing fits."""
    table = table if table is not None else scenario_verdicts(data)
    own = involving(table, service)
    points = own.assign(points=own["verdict"].map(SCORES)).groupby("coalition", sort=False)["points"].sum()
    if points.empty or points.max() == 0:
        return []
    best = [key for key, value in points.items() if value == points.max()]
    position = {code: k for k, code in enumerate(data.service_codes)}
    return sorted(best, key=lambda key: (len(members(key)), [position[code] for code in members(key)]))


def other_advisor_reading(reading: Reading | None = None) -> Reading:
    """``reading`` with the advisor-filled scores the other way (left out if kept, kept if left out).

    Of the readings, only this one can change a coalition's facts: ``?`` is
    undetermined under both readings of ``?``, and the scale letters enter
    only through whether a level is regional, which grouping does not change.
    """
    reading = reading or Reading()
    other = "exclude" if reading.advisor == "include" else "include"
    return Reading(reading.unknown, other, reading.levels)


def strongest_holds(
    data: Dataset,
    service: str,
    reading: Reading | None = None,
    table: pd.DataFrame | None = None,
    other_table: pd.DataFrame | None = None,
) -> bool:
    """True when :func:`strongest_coalitions` of ``service`` are the same under ``reading`` and under
    :func:`other_advisor_reading` (``table``/``other_table``: the verdicts under each, if computed)."""
    keys = coalitions_of(data, service)
    if table is None:
        table = scenario_verdicts(data, keys, reading)
    if other_table is None:
        other_table = scenario_verdicts(data, keys, other_advisor_reading(reading))
    return strongest_coalitions(data, service, table) == strongest_coalitions(data, service, other_table)


def strongest_coalition(data: Dataset, service: str, table: pd.DataFrame | None = None) -> str | None:
    """The first of :func:`strongest_coalitions`, or None."""
    found = strongest_coalitions(data, service, table)
    return found[0] if found else None


# --- the report's advice beside the data -----------------------------------------------------------


def advice_comparison(data: Dataset, table: pd.DataFrame | None = None, *, lang: str = "nl") -> pd.DataFrame:
    """Every row of the report's advice (``data/advice.csv``) beside the data's verdict.

    Columns :data:`COMPARISON_COLUMNS`: ``agreement`` is ``consistent``,
    ``partly`` or ``differs`` (:data:`AGREEMENT_RULES`), and ``reason``
    gives the data's reason. An advice row about a coalition that is not
    studied (not in :func:`coalitions`) is computed on its own.
    """
    check_language(lang)
    if data.advice.empty:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    wanted = list(dict.fromkeys(data.advice["coalition"].astype(str)))
    table = table if table is not None else scenario_verdicts(data, wanted, lang=lang)
    missing = [key for key in wanted if key not in set(table["coalition"])]
    if missing:
        table = pd.concat([table, scenario_verdicts(data, missing, lang=lang)], ignore_index=True)
    found = table.set_index(["coalition", "scenario"])
    rows = []
    for advice in data.advice.astype(str).itertuples(index=False):
        row = found.loc[(advice.coalition, advice.scenario)]
        agreement = AGREEMENT_RULES[(advice.stance, row["verdict"])]
        rows.append(
            (
                advice.coalition,
                advice.scenario,
                advice.stance,
                advice.where,
                row["verdict"],
                agreement,
                row["reason"],
            )
        )
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


# --- sensitivity --------------------------------------------------------------------------------------


def threshold_variants(data: Dataset) -> dict[str, dict]:
    """Stricter and looser thresholds per form: one item more or less, or 0.1 more or less of a share,
    never below one item (or 0.1)."""
    variants = {}
    for scenario in data.scenarios.itertuples(index=False):
        if not scenario.decides or not scenario.measure:
            continue
        step = 0.1 if scenario.measure == "agenda_share" else 1.0
        # A count never drops below one item: 'partly' on zero items would say nothing.
        floor = step
        for name, sign in (("stricter", 1), ("looser", -1)):
            fits_at = max(floor, scenario.fits_at + sign * step)
            partly_at = max(floor, min(fits_at, scenario.partly_at + sign * step))
            variants.setdefault(name, {})[scenario.scenario] = (fits_at, partly_at)
    return variants


def scenario_sensitivity(data: Dataset, keys: list[str] | None = None) -> pd.DataFrame:
    """Which verdicts change with the reading (every :data:`~odsamen.analysis.scoring.READINGS`) or with
    stricter or looser thresholds (:func:`threshold_variants`).

    One row per coalition and form whose verdict is not the same everywhere:
    ``coalition, scenario, verdict`` (the default), ``other_verdicts`` (the
    others seen, ``;``-joined) and ``changed_by`` (the reading switches
    ``advisor``, ``levels``, ``unknown`` and ``thresholds`` that alone change it).
    """
    keys = keys if keys is not None else coalitions(data)
    default = {(v.coalition, v.scenario): v.verdict for v in verdicts(data, keys)}
    seen: dict[tuple[str, str], dict[str, set[str]]] = {key: {} for key in default}
    for reading in READINGS[1:]:
        switch = ", ".join(part.split("=")[0] for part in reading.changes())
        for found in verdicts(data, keys, reading):
            seen[(found.coalition, found.scenario)].setdefault(switch, set()).add(found.verdict)
    for thresholds in threshold_variants(data).values():
        for found in verdicts(data, keys, thresholds=thresholds):
            seen[(found.coalition, found.scenario)].setdefault("thresholds", set()).add(found.verdict)
    rows = []
    for key, verdict in default.items():
        others = set().union(*seen[key].values()) - {verdict} if seen[key] else set()
        if not others:
            continue
        changed_by = [
            switch for switch, found in seen[key].items() if found - {verdict} and "," not in switch
        ]
        rows.append(
            (
                *key,
                verdict,
                ";".join(v for v in VERDICTS if v in others),
                ", ".join(changed_by) or "combination",
            )
        )
    return pd.DataFrame(rows, columns=["coalition", "scenario", "verdict", "other_verdicts", "changed_by"])


def advice_sensitivity(data: Dataset) -> pd.DataFrame:
    """Which comparisons with the report's advice change with the reading or the thresholds.

    One row per advice row and variant that changes its ``agreement``:
    ``coalition, scenario, agreement`` (default), ``other`` (the agreement
    under the variant) and ``changed_by``: the reading's switches
    (``advisor=exclude``, …) or ``thresholds=stricter``/``looser``
    (:func:`threshold_variants`).
    """
    columns = ["coalition", "scenario", "agreement", "other", "changed_by"]
    if data.advice.empty:
        return pd.DataFrame(columns=columns)
    keys = list(dict.fromkeys(data.advice["coalition"].astype(str)))
    base = advice_comparison(data, scenario_verdicts(data, keys)).set_index(["coalition", "scenario"])
    variants = [(", ".join(r.changes()), {"reading": r}) for r in READINGS[1:]]
    variants += [(f"thresholds={name}", {"thresholds": t}) for name, t in threshold_variants(data).items()]
    rows = []
    for name, options in variants:
        other = advice_comparison(data, scenario_verdicts(data, keys, **options))
        for row in other.itertuples(index=False):
            agreement = base.at[(row.coalition, row.scenario), "agreement"]
            if row.agreement != agreement:
                rows.append((row.coalition, row.scenario, agreement, row.agreement, name))
    return pd.DataFrame(rows, columns=columns)


# --- words ------------------------------------------------------------------------------------------------


def verdict_label(verdict: str, lang: str = "nl") -> str:
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {', '.join(VERDICTS)}")
    return text(f"coalitions.verdict.{verdict}", lang)


def stance_label(stance: str, lang: str = "nl") -> str:
    if stance not in STANCES:
        raise ValueError(f"unknown stance {stance!r}; expected one of {', '.join(STANCES)}")
    return text(f"coalitions.stance.{stance}", lang)


def agreement_label(agreement: str, lang: str = "nl") -> str:
    if agreement not in AGREEMENTS:
        raise ValueError(f"unknown agreement {agreement!r}; expected one of {', '.join(AGREEMENTS)}")
    return text(f"coalitions.agreement.{agreement}", lang)


def scenario_label(data: Dataset, scenario: str, lang: str = "nl") -> str:
    return str(data.scenarios.set_index("scenario").at[scenario, f"label_{lang}"])


def coalition_label(key: str, lang: str = "nl") -> str:
    """``NHN en IJmond``, ``NHN, IJmond en NZKG``."""
    return join_words(members(key), lang)


# --- outputs ----------------------------------------------------------------------------------------------


def write_tables(
    data: Dataset,
    out_dir,
    reading: Reading | None = None,
    *,
    lang: str = "nl",
    table: pd.DataFrame | None = None,
) -> dict:
    """Write ``tables/coalition_items.csv``, ``tables/coalition_scenarios.csv`` and
    ``tables/advice_comparison.csv`` under ``out_dir`` (UTF-8, ``\\n`` line ends, same data same
    bytes). ``table``: the :func:`scenario_verdicts` of every coalition, if already computed.
    Returns the paths by table name."""
    from pathlib import Path

    folder = Path(out_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    keys = coalitions(data)
    table = table if table is not None else scenario_verdicts(data, keys, reading, lang=lang)
    tables = {
        "coalition_items": coalition_items(data, keys, reading),
        "coalition_scenarios": table,
        "advice_comparison": advice_comparison(data, table, lang=lang),
    }
    paths = {}
    for name, frame in tables.items():
        path = folder / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths[name] = path
    return paths


def advice_words(data: Dataset, service: str, lang: str = "nl") -> str:
    """The report's advice for ``service`` in a few words: the forms it advises, or else the options
    it keeps open, with how many options there are besides."""
    advice = involving(data.advice, service)
    for stance in ("advised", "option"):
        rows = advice[advice["stance"] == stance]
        if rows.empty:
            continue
        forms = [
            text(
                "coalitions.advice_form",
                lang,
                form=scenario_label(data, row.scenario, lang).lower(),
                coalition=coalition_label(row.coalition, lang),
            )
            for row in rows.itertuples(index=False)
        ]
        words = text(
            "coalitions.advice_words", lang, forms="; ".join(forms), stance=stance_label(stance, lang)
        )
        n_options = int((advice["stance"] == "option").sum()) if stance == "advised" else 0
        if n_options:
            words += " " + text("coalitions.advice_options", lang, n=n_options)
        return words
    return text("briefing.none", lang)
