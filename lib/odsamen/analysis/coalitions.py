"""Coalitions and forms of cooperation: which form the scores can support, for which group, on what.

A *coalition* is a set of two or more services, keyed by the member codes in
``services.csv`` order joined by ``+`` (``ODA+ODB``). For every coalition
and item (a robustness criterion or a future task) six facts are each *yes*,
*no* or *undetermined*, with the cells behind them (:func:`coalition_items`):

``regional_fit``
    Every member names a scale level that counts under the scale rule
    (:data:`~odsamen.analysis.affinity.SCALE_RULES`; by default the regional
    levels). A member naming only other levels makes it *no*; a member with
    no answer (*niet opgegeven*) or ``?`` leaves it undetermined. A level-A
    answer means the service would rather do this itself; it never rules a
    form out.
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
    One member can help another: some member falls short and sees added
    value, another is strong and sees added value, and both name a level
    that counts under the scale rule (the other members need not).

``data/scenarios.csv`` holds the forms of cooperation of the report and the
thresholds the code reads; :func:`scenario_verdicts` gives each coalition and
form a verdict ``fits``, ``partly``, ``does_not_fit`` or ``undetermined``
with the items and a reason. Those thresholds, the scale rule and the reading
of ``?`` are this project's rules (:class:`Rules`), each with variants
(:data:`RULE_VARIANTS`); :func:`scenario_sensitivity` shows which verdicts
change with them. A full merger is never decided by the data
(``decides=false``): it needs money, support and governance, which the
scores do not hold. The forms are alternatives of rising intensity: a
convenant fits wherever a federation fits, and the scores cannot tell a light
form from a binding one, so verdicts are never added up.
:mod:`odsamen.analysis.evidence` sets the report's advice beside the scores.

The words are "fits", never "recommended": the scores are four services'
self-assessments, given per item, not per coalition.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from odsamen.analysis.affinity import (
    HEADLINE_LENS,
    LOW_EVIDENCE_SHARE,
    OWN_UNKNOWN_RULES,
    SCALE_RULES,
    States,
    all_of,
    any_of,
    compute,
    states,
)
from odsamen.analysis.data import Dataset
from odsamen.analysis.scoring import Reading, named_letters
from odsamen.catalogue import ADVISOR_MARK, check_language, format_number, join_words, quoted, text

FACTS = ("regional_fit", "shared_want", "gap", "supply", "agenda", "exchange")
ITEM_COLUMNS = ("coalition", "dimension", "item", *FACTS, "basis")
SCENARIO_COLUMNS = ("coalition", "scenario", "verdict", "n_items", "items", "reason")
VERDICTS = ("fits", "partly", "does_not_fit", "undetermined")
STANCES = ("advised", "option", "not_now", "not_advised")
YES, NO, UNDETERMINED = "yes", "no", "undetermined"
SEPARATOR = "+"
ALL_SUBSETS_UP_TO = 6
"""Up to this many services every set of two or more is a coalition (57 for six); beyond, the
groups a board can use (:func:`coalitions`): the number of subsets grows too fast (at 28 services
3,276 triples alone), and most of them are noise to a board."""
BEST_PARTNERS = 3
"""Beyond :data:`ALL_SUBSETS_UP_TO` services, each service's groups with its this many best partners
on the joint agenda: with every two of them, and with all of them."""
THRESHOLD_RULES = ("default", "stricter", "looser")
"""The thresholds of ``scenarios.csv`` as given, or a step stricter or looser (:func:`threshold_variants`)."""


@dataclass(frozen=True)
class Rules:
    """This project's own rules for the forms of cooperation, each one a choice the reader can vary.

    ``scale``: which named levels count as a wish to cooperate in the region
    (:data:`~odsamen.analysis.affinity.SCALE_RULES`); ``own_unknown``: how
    ``?`` on a service's own standing reads
    (:data:`~odsamen.analysis.affinity.OWN_UNKNOWN_RULES`); ``thresholds``:
    those of ``scenarios.csv`` or one step stricter or looser
    (:data:`THRESHOLD_RULES`). The defaults are the project's choice.
    """

    scale: str = SCALE_RULES[0]
    own_unknown: str = OWN_UNKNOWN_RULES[0]
    thresholds: str = THRESHOLD_RULES[0]

    def __post_init__(self):
        for name, allowed in (
            ("scale", SCALE_RULES),
            ("own_unknown", OWN_UNKNOWN_RULES),
            ("thresholds", THRESHOLD_RULES),
        ):
            if getattr(self, name) not in allowed:
                raise ValueError(
                    f"unknown {name} rule {getattr(self, name)!r}; expected one of {', '.join(allowed)}"
                )

    def changes(self) -> list[str]:
        """The rules on which this differs from the default, as ``"scale=cooperation"``."""
        default = Rules()
        return [
            f"{name}={getattr(self, name)}"
            for name in ("scale", "own_unknown", "thresholds")
            if getattr(self, name) != getattr(default, name)
        ]


RULE_VARIANTS = (
    Rules(scale="cooperation"),
    Rules(scale="national_first"),
    Rules(own_unknown="not_fully"),
    Rules(thresholds="stricter"),
    Rules(thresholds="looser"),
)
"""Each rule varied on its own; with the advisors' scores the other way
(:func:`other_advisor_reading`) these are the variants every statement on forms is computed under."""


# --- coalitions ----------------------------------------------------------------------


def members(key: str) -> list[str]:
    """The member codes of a coalition key."""
    return key.split(SEPARATOR)


def coalitions(data: Dataset) -> list[str]:
    """The coalitions to study, by key. Up to :data:`ALL_SUBSETS_UP_TO` services every set of two
    or more (11 for four). With more, the groups a board can use: every pair, the services of
    each region (``region`` in ``services.csv``), every group named in ``advice.csv``, and per
    service its strongest groups (:func:`strongest_groups`). Smaller coalitions first, then
    codebook order."""
    codes = data.service_codes
    position = {code: k for k, code in enumerate(codes)}
    # combinations() keeps the codebook order within each set, so the joined codes are the key.
    if len(codes) <= ALL_SUBSETS_UP_TO:
        sets = [combo for size in range(2, len(codes) + 1) for combo in itertools.combinations(codes, size)]
    else:
        sets = list(itertools.combinations(codes, 2))
        regions = data.services.groupby("region", sort=False)["code"].agg(list)
        sets += [tuple(sorted(group, key=position.get)) for group in regions if len(group) >= 2]
        sets += [tuple(members(key)) for key in data.advice["coalition"]]
        sets += strongest_groups(data)
    unique = list(dict.fromkeys(sets))
    unique.sort(key=lambda combo: (len(combo), [position[code] for code in combo]))
    return [SEPARATOR.join(combo) for combo in unique]


def best_partners(data: Dataset, partners: int = BEST_PARTNERS) -> dict[str, list[str]]:
    """Per service, its ``partners`` best partners on the joint agenda (the headline lens, the
    report's tables whole), best first; ties in codebook order, a pair without a value last."""
    lens = compute(data, HEADLINE_LENS)
    codes, value = data.service_codes, np.nan_to_num(lens.value, nan=-1.0)
    ranked = {}
    for i, code in enumerate(codes):
        others = sorted((j for j in range(len(codes)) if j != i), key=lambda j: (-value[i, j], j))
        ranked[code] = [codes[j] for j in others[:partners]]
    return ranked


def strongest_groups(data: Dataset, partners: int = BEST_PARTNERS) -> list[tuple[str, ...]]:
    """Per service, the groups it could form with its ``partners`` best partners
    (:func:`best_partners`): the service with every two of them, and with all of them. Members in
    codebook order."""
    position = {code: k for k, code in enumerate(data.service_codes)}
    groups = []
    for code, best in best_partners(data, partners).items():
        for size in range(2, len(best) + 1):
            for combo in itertools.combinations(best, size):
                groups.append(tuple(sorted((code, *combo), key=position.get)))
    return groups


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


def cell_levels(data: Dataset) -> dict[tuple[str, str], str]:
    """Each service and item's preference as printed (aspects joined by ``;``), '' if open."""
    prefs = data.preferences.astype({"service": str, "item": str, "levels": str, "aspect": str})
    cells: dict[tuple[str, str], list[str]] = {}
    for cell in prefs.itertuples():
        shown = cell.levels or "–"
        cells.setdefault((cell.service, cell.item), []).append(
            f"{cell.aspect}:{shown}" if cell.aspect else shown
        )
    return {key: ";".join(value) for key, value in cells.items()}


def cell_symbols(data: Dataset, reading: Reading) -> dict[tuple[str, str, str], str]:
    from odsamen.analysis.scoring import scores_read

    used = scores_read(data.scores, reading.advisor).astype(str)
    return {(r.service, r.item, r.measure): r.score for r in used.itertuples()}


def _cell_basis(facts: States, symbols: dict, levels: dict, code: str, item: str) -> str:
    """One member's cells behind the facts: ``ODA meets=- added=++ levels=B/C``, ``†`` if advisor-filled."""
    i, k = facts.codes.index(code), facts.items.index(item)
    meets = symbols.get((code, item, "meets"), "·")
    added = symbols.get((code, item, "added_value"), "·")
    mark = " " + text(ADVISOR_MARK, "nl") if facts.advisor[i, k] else ""  # the same mark in both languages
    return f"{code} meets={meets} added={added} levels={levels.get((code, item), '–')}{mark}"


@dataclass(frozen=True)
class CoalitionFacts:
    """The six facts (1, 0 or NaN) of every coalition (rows, :func:`coalitions` order) and item,
    and ``advisor``: True where a member's cell on the item holds a score the advisors filled in."""

    keys: list[str]
    items: list[str]
    facts: dict[str, np.ndarray]
    advisor: np.ndarray


def rule_states(data: Dataset, reading: Reading | None = None, rules: Rules | None = None) -> States:
    """:func:`~odsamen.analysis.affinity.states` under ``reading`` and the scale and ``?`` rules."""
    rules = rules or Rules()
    return states(data, reading, scale=rules.scale, own_unknown=rules.own_unknown)


def coalition_facts(
    data: Dataset, keys: list[str] | None = None, reading: Reading | None = None, rules: Rules | None = None
) -> CoalitionFacts:
    """The six facts of every coalition and item, as arrays (coalitions x items)."""
    keys = keys if keys is not None else coalitions(data)
    facts = rule_states(data, reading, rules)
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
            "exchange": helps(facts, m),
        }
        for name, value in values.items():
            result[name][row] = value
    return CoalitionFacts(keys, facts.items, result, advisor)


def helps(facts: States, members: list[int], needer: int | None = None) -> np.ndarray:
    """Per item, whether one member (``needer``, or any) can get help from another member of
    ``members`` (positions in ``facts``): the one falls short and sees added value, the other is
    strong and sees added value, and both name a level that counts (three-valued, any pair)."""
    pairs = [
        all_of(facts.needs[i], facts.regional[i], facts.strong[j], facts.added[j], facts.regional[j])
        for i in members
        if needer is None or i == needer
        for j in members
        if j != i
    ]
    return any_of(*pairs) if pairs else np.zeros(len(facts.items))


def coalition_items(
    data: Dataset, keys: list[str] | None = None, reading: Reading | None = None, rules: Rules | None = None
) -> pd.DataFrame:
    """Every coalition and item with its six facts (``yes``, ``no``, ``undetermined``) and ``basis``.

    Columns :data:`ITEM_COLUMNS`. ``basis`` names each member's cells:
    ``ODA meets=- added=++ levels=B/C`` is ODA's own score ``-``, added
    value ``++`` and preferred levels ``B/C`` (``†`` marks a score the
    advisors filled in, ``·`` a score left out by the reading, ``–`` no
    preference).
    """
    reading = reading or Reading()
    found = coalition_facts(data, keys, reading, rules)
    per_state = rule_states(data, reading, rules)
    symbols, levels = cell_symbols(data, reading), cell_levels(data)
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
    near: list[tuple[str, list[str], list[str]]] = ()
    """Exchange measures: items where one member could help another but a scale answer does not count,
    with the members whose named levels do not count and those who gave no answer (*niet opgegeven*)."""
    advisor_items: list[str] = ()
    """The counted items that rest on a score the advisors filled in."""


@dataclass(frozen=True)
class _Context:
    """What every verdict of one data set looks up, read once: the levels each service names per
    item and each dimension's items in scope."""

    letters: dict
    scopes: dict

    @classmethod
    def of(cls, data: Dataset, items: list[str]) -> _Context:
        scopes = {dimension: _scope(data, items, dimension) for dimension in ("all", "robustness", "task")}
        return cls(named_letters(data), scopes)


def _near(found: CoalitionFacts, facts: States, row: int, scope: np.ndarray, letters: dict) -> list:
    """Items in scope where one member could help another were it not for a scale answer."""
    key = found.keys[row]
    m = [facts.codes.index(code) for code in members(key)]
    loose = replace(facts, regional=np.ones_like(facts.regional))  # every answer counts
    misses = scope & (helps(loose, m) == 1) & (found.facts["exchange"][row] != 1)
    near = []
    for k in np.flatnonzero(misses):
        item = found.items[k]
        not_given = [code for code in members(key) if (code, item) not in letters]
        not_counted = [
            code
            for code in members(key)
            if code not in not_given and facts.regional[facts.codes.index(code), k] == 0
        ]
        near.append((item, not_counted, not_given))
    return near


def _verdict(
    data, found: CoalitionFacts, facts: States, row: int, scenario, thresholds: dict, context
) -> Verdict:
    key = found.keys[row]
    letters = context.letters
    scope = context.scopes[scenario.dimension]
    n_scope = int(scope.sum())
    measure = scenario.measure
    if not scenario.decides or not measure:
        # Items where every member would rather do this itself: shown, never a veto.
        alone = [
            item
            for item in np.array(found.items)[scope]
            if all(letters.get((code, item)) == {data.alone_level} for code in members(key))
        ]
        return Verdict(key, scenario.scenario, "undetermined", np.nan, 0, n_scope, alone)
    fact = "agenda" if measure.startswith("agenda") else "exchange"
    flags = found.facts[fact][row][scope]
    items = [item for item, flag in zip(np.array(found.items)[scope], flags, strict=True) if flag == 1]
    by_advisor = [item for item in items if found.advisor[row][found.items.index(item)]]
    n_determined = int((~np.isnan(flags)).sum())
    value = len(items) / n_determined if measure == "agenda_share" and n_determined else float(len(items))
    if measure == "agenda_share" and not n_determined:
        value = np.nan
    fits_at, partly_at = thresholds.get(scenario.scenario, (scenario.fits_at, scenario.partly_at))
    near = _near(found, facts, row, scope, letters) if fact == "exchange" else []
    if not np.isnan(value) and value >= fits_at:
        verdict = "fits"
    elif n_determined < LOW_EVIDENCE_SHARE * n_scope:
        verdict = "undetermined"
    elif value >= partly_at:
        verdict = "partly"
    else:
        verdict = "does_not_fit"
    return Verdict(key, scenario.scenario, verdict, value, n_determined, n_scope, items, near, by_advisor)


def verdicts(
    data: Dataset,
    keys: list[str] | None = None,
    reading: Reading | None = None,
    thresholds: dict | None = None,
    found: CoalitionFacts | None = None,
    rules: Rules | None = None,
) -> list[Verdict]:
    """Every coalition and form of ``data.scenarios``: a :class:`Verdict` each.

    ``rules`` (:class:`Rules`) choose the scale rule, the reading of ``?`` on a
    service's own standing and the thresholds; ``thresholds`` maps a scenario
    to ``(fits_at, partly_at)`` in place of those (for a test). A form fits
    when its measure reaches ``fits_at``, partly when it reaches
    ``partly_at``; when fewer than half of the items in scope are determined
    and the form does not fit, it is ``undetermined``.
    """
    rules = rules or Rules()
    found = found or coalition_facts(data, keys, reading, rules)
    facts = rule_states(data, reading, rules)
    if thresholds is None:
        thresholds = {} if rules.thresholds == "default" else threshold_variants(data)[rules.thresholds]
    context = _Context.of(data, found.items)
    scenarios = list(data.scenarios.itertuples(index=False))
    return [
        _verdict(data, found, facts, row, scenario, thresholds, context)
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
                _near_words(item, not_counted, not_given, labels, lang)
                for item, not_counted, not_given in found.near
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


def _near_words(item: str, not_counted: list[str], not_given: list[str], labels: dict, lang: str) -> str:
    """``‘Datagedreven werken’ (ander schaalniveau: ODC; niet opgegeven: ODD)``."""
    parts = []
    if not_counted:
        parts.append(text("coalitions.reason.near_other_level", lang, who=join_words(not_counted, lang)))
    if not_given:
        parts.append(text("coalitions.reason.near_not_given", lang, who=join_words(not_given, lang)))
    return text("coalitions.reason.near_item", lang, item=quoted(labels[item], lang), why="; ".join(parts))


def scenario_verdicts(
    data: Dataset,
    keys: list[str] | None = None,
    reading: Reading | None = None,
    *,
    lang: str = "nl",
    thresholds: dict | None = None,
    rules: Rules | None = None,
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
    for found in verdicts(data, keys, reading, thresholds=thresholds, rules=rules):
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


def other_advisor_reading(reading: Reading | None = None) -> Reading:
    """``reading`` with the advisor-filled scores the other way (left out if kept, kept if left out).

    Of the readings, only this one can change a coalition's facts: ``?`` is
    undetermined under both readings of ``?``, and the scale letters enter
    only through whether a level counts, which grouping does not change.
    """
    reading = reading or Reading()
    other = "exclude" if reading.advisor == "include" else "include"
    return Reading(reading.unknown, other, reading.levels)


def variants(reading: Reading | None = None) -> list[tuple[str, Reading, Rules]]:
    """Every variant a statement on forms is computed under, one switch each: ``(name, reading,
    rules)`` with ``name`` as ``scale=cooperation`` or ``advisor=exclude``."""
    reading = reading or Reading()
    other = other_advisor_reading(reading)
    found = [(", ".join(rules.changes()), reading, rules) for rules in RULE_VARIANTS]
    return found + [(f"advisor={other.advisor}", other, Rules())]


# --- sensitivity --------------------------------------------------------------------------------------


def threshold_variants(data: Dataset) -> dict[str, dict]:
    """Stricter and looser thresholds per form: one item more or less, or 0.1 more or less of a share,
    never below one item (or 0.1)."""
    found = {}
    for scenario in data.scenarios.itertuples(index=False):
        if not scenario.decides or not scenario.measure:
            continue
        step = 0.1 if scenario.measure == "agenda_share" else 1.0
        # A count never drops below one item: 'partly' on zero items would say nothing.
        floor = step
        for name, sign in (("stricter", 1), ("looser", -1)):
            fits_at = max(floor, round(scenario.fits_at + sign * step, 6))
            partly_at = max(floor, min(fits_at, round(scenario.partly_at + sign * step, 6)))
            found.setdefault(name, {})[scenario.scenario] = (fits_at, partly_at)
    return found


def scenario_sensitivity(data: Dataset, keys: list[str] | None = None) -> pd.DataFrame:
    """Which verdicts change with a rule variant or the advisors' scores (:func:`variants`).

    One row per coalition and form whose verdict is not the same everywhere:
    ``coalition, scenario, verdict`` (the default), ``other_verdicts`` (the
    others seen, ``;``-joined) and ``changed_by`` (the variants that change
    it, ``; ``-joined). The readings of ``?`` in averages and of the scale
    letters change no coalition's facts, so they are not varied here.
    """
    keys = keys if keys is not None else coalitions(data)
    default = {(v.coalition, v.scenario): v.verdict for v in verdicts(data, keys)}
    seen: dict[tuple[str, str], dict[str, str]] = {key: {} for key in default}
    for name, reading, rules in variants():
        for found in verdicts(data, keys, reading, rules=rules):
            seen[(found.coalition, found.scenario)][name] = found.verdict
    rows = []
    for key, verdict in default.items():
        changed = {name: other for name, other in seen[key].items() if other != verdict}
        if changed:
            others = set(changed.values())
            rows.append((*key, verdict, ";".join(v for v in VERDICTS if v in others), "; ".join(changed)))
    return pd.DataFrame(rows, columns=["coalition", "scenario", "verdict", "other_verdicts", "changed_by"])


# --- words ------------------------------------------------------------------------------------------------


def verdict_label(verdict: str, lang: str = "nl") -> str:
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {', '.join(VERDICTS)}")
    return text(f"coalitions.verdict.{verdict}", lang)


def stance_label(stance: str, lang: str = "nl") -> str:
    if stance not in STANCES:
        raise ValueError(f"unknown stance {stance!r}; expected one of {', '.join(STANCES)}")
    return text(f"coalitions.stance.{stance}", lang)


def variant_label(name: str, lang: str = "nl", *, short: bool = False) -> str:
    """A variant of :func:`variants` in words: ``scale=cooperation`` is *elk niveau van samenwerking telt
    mee* (``short``: *elk niveau telt*, for a table column)."""
    return text(f"coalitions.variant{'_short' if short else ''}.{name.replace('=', '.')}", lang)


def scenario_label(data: Dataset, scenario: str, lang: str = "nl") -> str:
    return str(data.scenarios.set_index("scenario").at[scenario, f"label_{lang}"])


def coalition_label(key: str, lang: str = "nl") -> str:
    """``ODA en ODB``, ``ODA, ODB en ODC``."""
    return join_words(members(key), lang)
