"""The report's advice beside the scores: the evidence for and against the report's own reason.

The report (``data/advice.csv``) advises forms of cooperation for groups of
services, each for a reason of its own: two services complement each other,
an expertise centre pools scarce knowledge, one service would mostly bring and
get little, several services work for one client. The scores cannot judge an
advice; they can only bear on its reason. Each advice row names, in data,
what the scores can test of that reason (``test``), for whom (``focus``) and
on which items (``about``):

``agenda``
    A binding form needs a broad joint agenda: the share of the determined
    items where every member sees added value and names a level that counts
    (the form's thresholds), and whether each ``focus`` service can get help
    from another member on at least one item.
``supply``
    Pooling expertise pays where a ``focus`` service falls short and sees
    added value, and another member is strong there and sees added value
    (:func:`supply`): how many such items each focus service has (the form's
    thresholds).
``balance``
    *Halen en brengen*: on how many items a ``focus`` service could bring
    help to another member and get help from one, at any scale. The report's
    doubt is borne out where it brings more than it gets.
``shared``
    On the ``about`` items every member sees added value and names a level
    that counts.
``none``
    The tables hold nothing on the reason (municipal tasks, urgency, costs,
    support): *niet te toetsen*.

Each test gives facts, each ``for``, ``partly``, ``against`` or ``silent``
(the scores leave it open), with the items behind it. :func:`advice_evidence`
turns them into one ``evidence`` per row: ``supported``, ``partly``,
``contrary`` (only if the scores run against the reason under every variant)
or ``not_testable``, and lists in ``depends_on`` the variants of this
project's rules (:func:`odsamen.analysis.coalitions.variants`) that change it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from odsamen.analysis import coalitions as co
from odsamen.analysis.affinity import LOW_EVIDENCE_SHARE, States, all_of
from odsamen.analysis.data import Dataset
from odsamen.analysis.scoring import Reading
from odsamen.catalogue import WORDS, check_language, format_number, join_words, quoted, text

EVIDENCE = ("supported", "partly", "contrary", "not_testable")
"""How the scores bear on the report's reason for an advice row."""
FACT_STATES = ("for", "partly", "against", "silent")
MAX_ITEMS_NAMED = 4
"""In a briefing a fact names its items up to this many; beyond, its count says it (the pack's tables
list them all)."""
COMPARISON_COLUMNS = (
    "coalition",
    "scenario",
    "stance",
    "where",
    "verdict",
    "agreement",
    "reason",
    "evidence",
    "depends_on",
    "facts",
    "beyond",
)
AGREEMENT = {"supported": "consistent", "partly": "partly", "contrary": "differs", "not_testable": ""}
"""The older ``agreement`` column, kept for readers of the table: empty where the scores cannot test."""
SUPPLY_COLUMNS = (
    "service",
    "dimension",
    "item",
    "meets",
    "added_value",
    "levels",
    "supplier",
    "supplier_meets",
    "supplier_added_value",
    "supplier_levels",
    "counts",
    "advisor",
)


# --- who can help whom ---------------------------------------------------------------------------


def can_help(facts: States, needer: int, supplier: int, *, scale: bool = True) -> np.ndarray:
    """Per item, three-valued: ``needer`` falls short and sees added value, ``supplier`` is strong and
    sees added value, and (with ``scale``) both name a level that counts under the scale rule."""
    flags = [facts.needs[needer], facts.strong[supplier], facts.added[supplier]]
    if scale:
        flags += [facts.regional[needer], facts.regional[supplier]]
    return all_of(*flags)


def supply(
    data: Dataset, service: str | None = None, reading: Reading | None = None, rules: co.Rules | None = None
) -> pd.DataFrame:
    """Who can supply what: for each item where a service falls short and sees added value, every other
    service that is strong there, with the scale levels both named.

    Columns :data:`SUPPLY_COLUMNS`; ``counts`` is True where the supplier sees
    added value too and both name a level that counts under the scale rule
    (the expertise centre's test); ``advisor`` True where a score behind the
    row was filled in by the advisors. A need no service is strong on has one
    row with an empty ``supplier``. ``service`` picks one service's needs.
    """
    reading = reading or Reading()
    facts = co.rule_states(data, reading, rules)
    symbols, levels = co.cell_symbols(data, reading), co.cell_levels(data)
    dimension = dict(zip(data.items["item"].astype(str), data.items["dimension"].astype(str), strict=True))
    rows = []
    for i, code in enumerate(facts.codes):
        if service is not None and code != service:
            continue
        for k in np.flatnonzero(facts.needs[i] == 1):
            item = facts.items[k]
            own = (symbols.get((code, item, "meets"), ""), symbols.get((code, item, "added_value"), ""))
            suppliers = [j for j in range(len(facts.codes)) if j != i and facts.strong[j, k] == 1]
            for j in suppliers or [None]:
                other = facts.codes[j] if j is not None else ""
                rows.append(
                    (
                        code,
                        dimension[item],
                        item,
                        *own,
                        levels.get((code, item), ""),
                        other,
                        symbols.get((other, item, "meets"), ""),
                        symbols.get((other, item, "added_value"), ""),
                        levels.get((other, item), ""),
                        j is not None and bool(can_help(facts, i, j)[k] == 1),
                        bool(facts.advisor[i, k] or (j is not None and facts.advisor[j, k])),
                    )
                )
    return pd.DataFrame(rows, columns=list(SUPPLY_COLUMNS))


# --- facts and evidence ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One fact the scores hold on the report's reason: ``key`` names its sentence
    (``evidence.fact.<key>``), ``state`` one of :data:`FACT_STATES`, ``items`` the items behind it."""

    key: str
    state: str
    fields: dict = field(default_factory=dict)
    items: list[str] = field(default_factory=list)
    advisor: bool = False


@dataclass(frozen=True)
class Evidence:
    """What the scores say on one advice row under one variant: the ``facts`` and the ``evidence``."""

    coalition: str
    scenario: str
    facts: list[Fact]
    evidence: str


def _combine(facts: list[Fact]) -> str:
    states = [fact.state for fact in facts if fact.state != "silent"]
    if not states:
        return "not_testable"
    if all(state == "for" for state in states):
        return "supported"
    if all(state == "against" for state in states):
        return "contrary"
    return "partly"


def _level(value: float, fits_at: float, partly_at: float) -> str:
    return "for" if value >= fits_at else "partly" if value >= partly_at else "against"


def _items(flags: np.ndarray, facts: States, scope: np.ndarray) -> list[str]:
    return [facts.items[k] for k in np.flatnonzero((flags == 1) & scope)]


def _marked(facts: States, positions: list[int], items: list[str]) -> bool:
    columns = [facts.items.index(item) for item in items]
    return bool(facts.advisor[np.ix_(positions, columns)].any()) if columns else False


def _agenda(facts, group, focus, scope, limits, by_share: bool) -> list[Fact]:
    agenda = all_of(*facts.added[group], *facts.regional[group])
    determined = int((~np.isnan(agenda) & scope).sum())
    on = _items(agenda, facts, scope)
    fits_at, partly_at = limits
    share = len(on) / determined if determined else np.nan
    if determined < LOW_EVIDENCE_SHARE * int(scope.sum()):
        state = "silent"
    else:
        state = _level(share if by_share else len(on), fits_at, partly_at)
    found = [
        Fact(
            "agenda",
            state,
            {"n": len(on), "determined": determined, "share": share, "fits_at": fits_at},
            on,
            _marked(facts, group, on),
        )
    ]
    for i in focus:
        helped = [item for j in group if j != i for item in _items(can_help(facts, i, j), facts, scope)]
        helped = list(dict.fromkeys(helped))
        found.append(
            Fact(
                "complement",
                "for" if helped else "against",
                {"service": facts.codes[i], "n": len(helped)},
                helped,
                _marked(facts, group, helped),
            )
        )
    return found


def _supply(facts, group, focus, scope, limits) -> list[Fact]:
    fits_at, partly_at = limits
    found = []
    for i in focus:
        needs = _items(facts.needs[i], facts, scope)
        open_ = [facts.items[k] for k in np.flatnonzero(np.isnan(facts.needs[i]) & scope)]
        helped = {}
        for j in group:
            if j != i:
                for item in _items(can_help(facts, i, j), facts, scope):
                    helped.setdefault(item, []).append(facts.codes[j])
        if helped:
            state = _level(len(helped), fits_at, partly_at)
        else:
            state = "silent" if not needs and open_ else "against"
        found.append(
            Fact(
                "supply" if needs else "supply_none",
                state,
                {"service": facts.codes[i], "n": len(helped), "needs": len(needs), "by": helped},
                list(helped),
                _marked(facts, group, list(helped) or needs),
            )
        )
    return found


def _balance(facts, group, focus, scope) -> list[Fact]:
    found = []
    for i in focus:
        others = [j for j in group if j != i]
        brings = {item for j in others for item in _items(can_help(facts, j, i, scale=False), facts, scope)}
        gets = {item for j in others for item in _items(can_help(facts, i, j, scale=False), facts, scope)}
        if not brings and not gets:
            state = "silent"
        else:
            state = "for" if len(brings) > len(gets) else "partly" if len(brings) == len(gets) else "against"
        items = [item for item in facts.items if item in brings | gets]
        found.append(
            Fact(
                "balance",
                state,
                {"service": facts.codes[i], "brings": len(brings), "gets": len(gets)},
                items,
                _marked(facts, group, items),
            )
        )
    return found


def _shared(facts, group, scope) -> list[Fact]:
    found = []
    for name, flags in (("shared_want", facts.added[group]), ("shared_scale", facts.regional[group])):
        every = all_of(*flags)
        yes, no = _items(every, facts, scope), [facts.items[k] for k in np.flatnonzero((every == 0) & scope)]
        n_scope = int(scope.sum())
        state = "for" if len(yes) == n_scope else "against" if len(no) == n_scope else "partly"
        if not yes and not no:
            state = "silent"
        found.append(Fact(name, state, {"n": len(yes), "scope": n_scope}, yes, _marked(facts, group, yes)))
    return found


def _scenario_limits(data: Dataset, scenario: str, rules: co.Rules) -> tuple[float, float]:
    row = data.scenarios.set_index("scenario").loc[scenario]
    if rules.thresholds != "default" and scenario in (
        variants := co.threshold_variants(data)[rules.thresholds]
    ):
        return variants[scenario]
    return float(row["fits_at"]), float(row["partly_at"])


def row_evidence(
    data: Dataset,
    advice,
    reading: Reading | None = None,
    rules: co.Rules | None = None,
    facts: States | None = None,
) -> Evidence:
    """The :class:`Evidence` of one row of ``data.advice`` (an ``itertuples`` row) under one variant;
    ``facts``: the :func:`~odsamen.analysis.coalitions.rule_states` of that variant, if computed."""
    rules = rules or co.Rules()
    scenario = data.scenarios.set_index("scenario").loc[advice.scenario]
    if advice.test == "none" or advice.about == "none" or not scenario["decides"]:
        return Evidence(advice.coalition, advice.scenario, [], "not_testable")
    facts = facts if facts is not None else co.rule_states(data, reading, rules)
    group = [facts.codes.index(code) for code in co.members(advice.coalition)]
    focus = [facts.codes.index(code) for code in advice.focus.split(";")] if advice.focus else group
    wanted = facts.items if advice.about == "all" else advice.about.split(";")
    scope = np.isin(facts.items, wanted)
    limits = _scenario_limits(data, advice.scenario, rules)
    if advice.test == "agenda":
        found = _agenda(facts, group, focus, scope, limits, scenario["measure"] == "agenda_share")
    elif advice.test == "supply":
        found = _supply(facts, group, focus, scope, limits)
    elif advice.test == "balance":
        found = _balance(facts, group, focus, scope)
    else:
        found = _shared(facts, group, scope)
    return Evidence(advice.coalition, advice.scenario, found, _combine(found))


# --- the comparison table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowEvidence:
    """One advice row: its default :class:`Evidence`, the final ``evidence`` and the variants that change
    it (``depends_on``: variant name to the evidence under it)."""

    advice: object
    default: Evidence
    evidence: str
    depends_on: dict[str, str]


def advice_evidence(data: Dataset, reading: Reading | None = None) -> list[RowEvidence]:
    """Every row of ``data.advice`` with its evidence under the default rules and every variant.

    A row is ``contrary`` only if the scores run against the reason under every
    variant; if some variant says otherwise, it is ``partly``.
    """
    found = []
    # The facts of each variant once, for every row.
    default_facts = co.rule_states(data, reading)
    variants = [
        (name, other, rules, co.rule_states(data, other, rules))
        for name, other, rules in co.variants(reading)
    ]
    for advice in data.advice.astype(str).itertuples(index=False):
        default = row_evidence(data, advice, reading, facts=default_facts)
        others = {
            name: row_evidence(data, advice, other, rules, facts).evidence
            for name, other, rules, facts in variants
        }
        changed = {name: value for name, value in others.items() if value != default.evidence}
        evidence = default.evidence
        if evidence == "contrary" and changed:
            evidence = "partly"
        found.append(RowEvidence(advice, default, evidence, changed))
    return found


def fact_words(data: Dataset, fact: Fact, lang: str, max_items: int | None = None) -> str:
    """One fact in a sentence, naming the items behind it (up to ``max_items``; all by default) and
    marking advisor-filled scores."""
    labels = data.item_labels(lang)
    fields = dict(fact.fields)
    if "share" in fields:
        fields["share"] = format_number(fields["share"], lang, 2)
        fields["fits_at"] = format_number(fields["fits_at"], lang, 2 if fields["fits_at"] < 1 else 0)
    if "by" in fields:
        fields["by"] = "; ".join(
            text("evidence.supplied_by", lang, item=quoted(labels[item], lang), who=join_words(codes, lang))
            for item, codes in fields["by"].items()
        )
    key = f"evidence.fact.{fact.key}.{fact.state}"
    words = text(key if key in WORDS else f"evidence.fact.{fact.key}", lang, **fields)
    if fact.items and fact.key != "supply":
        words += " " + text(
            "evidence.items", lang, items=join_words([quoted(labels[i], lang) for i in fact.items], lang)
        )
    if fact.advisor:
        words += " " + text("affinity.advisor_mark", lang)
    return words


def depends_words(found: RowEvidence, lang: str) -> str:
    """``hangt af van ...: met ... wordt het ...`` for every variant that changes the evidence, or ''."""
    if not found.depends_on:
        return ""
    parts = [
        text(
            "evidence.depends_part",
            lang,
            variant=co.variant_label(name, lang),
            evidence=evidence_label(value, lang),
        )
        for name, value in found.depends_on.items()
    ]
    return text("evidence.depends", lang, parts="; ".join(parts))


def evidence_label(evidence: str, lang: str = "nl") -> str:
    if evidence not in EVIDENCE:
        raise ValueError(f"unknown evidence {evidence!r}; expected one of {', '.join(EVIDENCE)}")
    return text(f"evidence.label.{evidence}", lang)


def plain_sentence(data: Dataset, found: RowEvidence, lang: str) -> str:
    """The row in one plain sentence: what the scores say on the report's reason, and what they cannot."""
    advice = found.advice
    beyond = getattr(advice, f"beyond_{lang}")
    if found.evidence == "not_testable":
        return text("evidence.sentence.not_testable", lang, beyond=beyond)
    words = text(f"evidence.sentence.{found.evidence}", lang)
    return f"{words} {text('evidence.sentence.beyond', lang, beyond=beyond)}"


def advice_comparison(
    data: Dataset, table: pd.DataFrame | None = None, *, lang: str = "nl", reading: Reading | None = None
) -> pd.DataFrame:
    """Every row of the report's advice (``data/advice.csv``) beside the scores.

    Columns :data:`COMPARISON_COLUMNS`: ``verdict`` is the form's verdict for
    the group under the default rules (``table``: the
    :func:`~odsamen.analysis.coalitions.scenario_verdicts`, if computed);
    ``evidence`` one of :data:`EVIDENCE`; ``depends_on`` the variants that
    change it (``; ``-joined, empty when none does); ``reason`` the plain
    sentence; ``facts`` every fact in words; ``beyond`` what the report's
    reason rests on that the tables do not hold; ``agreement`` the older word
    for ``evidence`` (:data:`AGREEMENT`).
    """
    check_language(lang)
    if data.advice.empty:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    wanted = list(dict.fromkeys(data.advice["coalition"].astype(str)))
    table = table if table is not None else co.scenario_verdicts(data, wanted, reading, lang=lang)
    missing = [key for key in wanted if key not in set(table["coalition"])]
    if missing:
        table = pd.concat([table, co.scenario_verdicts(data, missing, reading, lang=lang)], ignore_index=True)
    verdict = table.set_index(["coalition", "scenario"])["verdict"]
    rows = []
    for found in advice_evidence(data, reading):
        advice = found.advice
        rows.append(
            (
                advice.coalition,
                advice.scenario,
                advice.stance,
                advice.where,
                verdict[(advice.coalition, advice.scenario)],
                AGREEMENT[found.evidence],
                plain_sentence(data, found, lang),
                found.evidence,
                "; ".join(found.depends_on),
                " ".join(fact_words(data, fact, lang) for fact in found.default.facts),
                getattr(advice, f"beyond_{lang}"),
            )
        )
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


def advice_words(data: Dataset, service: str, lang: str = "nl") -> str:
    """The report's advice for ``service`` in a few words: the forms it advises, or else the options
    it keeps open, with how many options there are besides."""
    advice = co.involving(data.advice, service)
    for stance in ("advised", "option"):
        rows = advice[advice["stance"] == stance]
        if rows.empty:
            continue
        forms = [
            text(
                "coalitions.advice_form",
                lang,
                form=co.scenario_label(data, row.scenario, lang).lower(),
                coalition=co.coalition_label(row.coalition, lang),
            )
            for row in rows.itertuples(index=False)
        ]
        words = text(
            "coalitions.advice_words", lang, forms="; ".join(forms), stance=co.stance_label(stance, lang)
        )
        n_options = int((advice["stance"] == "option").sum()) if stance == "advised" else 0
        if n_options:
            words += " " + text("coalitions.advice_options", lang, n=n_options)
        return words
    return text("briefing.none", lang)


def write_tables(
    data: Dataset,
    out_dir,
    reading: Reading | None = None,
    *,
    lang: str = "nl",
    table: pd.DataFrame | None = None,
) -> dict:
    """Write ``tables/coalition_items.csv``, ``tables/coalition_scenarios.csv``,
    ``tables/advice_comparison.csv`` and ``tables/supply.csv`` under ``out_dir`` (UTF-8, ``\\n`` line
    ends, same data same bytes). ``table``: the scenario verdicts of every coalition, if computed.
    Returns the paths by table name."""
    folder = Path(out_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    keys = co.coalitions(data)
    table = table if table is not None else co.scenario_verdicts(data, keys, reading, lang=lang)
    tables = {
        "coalition_items": co.coalition_items(data, keys, reading),
        "coalition_scenarios": table,
        "advice_comparison": advice_comparison(data, table, lang=lang, reading=reading),
        "supply": supply(data, None, reading),
    }
    paths = {}
    for name, frame in tables.items():
        path = folder / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths[name] = path
    return paths
