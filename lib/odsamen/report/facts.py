"""The facts of a board briefing about one service, as small DataFrames, dicts and phrases:
where it stands, where cooperation pays, its preferred scales, its best partners, the report's
advice that concerns it and what depends on the reading of ``?``. Each is tested on its own;
:class:`~odsamen.report.briefing.Briefing` turns them into sections.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from odsamen.analysis import shared
from odsamen.analysis.affinity import (
    CLOSE_MARGIN,
    HEADLINE_LENS,
    LOW_EVIDENCE_SHARE,
    PartnerVerdict,
    basis_text,
    lens_label,
    partner_verdict,
    states,
)
from odsamen.analysis.data import DIMENSIONS, Dataset
from odsamen.analysis.scoring import (
    DEFAULT_ADVISOR,
    SYMBOL_VALUES,
    Reading,
    check_advisor,
    level_letters,
)
from odsamen.catalogue import LANGUAGES, WORDS, format_number, join_words, text

MET, NOT_MET, MIXED, UNKNOWN = "met", "not_met", "mixed", "unknown"


STATUSES = (MET, NOT_MET, MIXED, UNKNOWN)
"""How a ``meets`` symbol reads: + and ++ met, - and -- not met, -/+ mixed, ? unknown."""


MAX_NAMED = 6
"""Up to this many other services are named in a sentence; beyond that only counted."""


MAX_COALITIONS = 8
"""Up to this many coalitions of the service are shown in the table of forms, those that fit best."""


def meets_status(symbol: str) -> str:
    """What a ``meets`` symbol says: one of :data:`STATUSES`."""
    if symbol == "?":
        return UNKNOWN
    if symbol == "-/+":
        return MIXED
    return MET if SYMBOL_VALUES[symbol] > 0 else NOT_MET


def score_table(data: Dataset) -> pd.DataFrame:
    """One row per service and item: its ``meets`` and ``added_value`` symbols.

    Columns ``service, dimension, item, meets, added_value, source`` (all
    strings; ``source`` is ``advisor`` if either score of the cell was
    filled in by the advisors), in codebook order of service, then item.
    """
    scores = data.scores.astype(
        {c: str for c in ("service", "dimension", "item", "measure", "score", "source")}
    )
    wide = scores.pivot(index=["service", "dimension", "item"], columns="measure", values="score")
    advisor = scores.assign(advisor=scores["source"] == "advisor").groupby(["service", "dimension", "item"])
    wide["source"] = np.where(advisor["advisor"].any(), "advisor", "self")
    wide = wide.reset_index()
    wide.columns.name = None
    order = {code: k for k, code in enumerate(data.service_codes)}
    item_order = {item: k for k, item in enumerate(data.items["item"])}
    wide = wide.sort_values(
        ["service", "item"], key=lambda s: s.map(order if s.name == "service" else item_order)
    )
    return wide[["service", "dimension", "item", "meets", "added_value", "source"]].reset_index(drop=True)


def standing(data: Dataset, service: str, dimension: str) -> pd.DataFrame:
    """The service's own scores on the items of ``dimension``, with the ``status`` of each.

    Columns ``item, meets, added_value, source, status``, in the report's
    column order.
    """
    table = score_table(data)
    own = table[(table["service"] == service) & (table["dimension"] == dimension)]
    return (
        own.drop(columns=["service", "dimension"])
        .assign(status=own["meets"].map(meets_status))
        .reset_index(drop=True)
    )


def status_counts(data: Dataset, dimension: str) -> pd.DataFrame:
    """Services (rows, codebook order) by :data:`STATUSES`: how many items of ``dimension`` have each."""
    table = score_table(data)
    part = table[table["dimension"] == dimension]
    status = part["meets"].map(meets_status)
    counts = pd.crosstab(part["service"], status).reindex(index=data.service_codes, columns=list(STATUSES))
    return counts.fillna(0).astype(int)


def position_among(data: Dataset, service: str, dimension: str) -> dict[str, list[str]]:
    """The other services that meet ``more``, the ``same`` number of and ``fewer`` items of ``dimension``,
    and those it cannot be compared with (``open``): a ``?`` is neither met nor not met, so a
    difference counts only if it holds however each ``?`` turns out."""
    counts = status_counts(data, dimension)
    met, unknown = counts[MET], counts[UNKNOWN]
    own_low, own_high = met[service], met[service] + unknown[service]
    found = {"more": [], "same": [], "fewer": [], "open": []}
    for code in data.service_codes:
        if code == service:
            continue
        low, high = met[code], met[code] + unknown[code]
        if low > own_high:
            found["more"].append(code)
        elif high < own_low:
            found["fewer"].append(code)
        elif low == high == own_low == own_high:
            found["same"].append(code)
        else:
            found["open"].append(code)
    return found


def _cells(data: Dataset, service: str, advisor: str):
    """The yes/no/undetermined facts of ``service`` per item, and the score table of its cells."""
    facts = states(data, Reading(advisor=advisor))
    table = score_table(data)
    own = table[table["service"] == service].set_index("item").reindex(facts.items)
    return facts, data.service_codes.index(service), own


def needs(data: Dataset, service: str, *, advisor: str = DEFAULT_ADVISOR) -> pd.DataFrame:
    """Items where cooperation pays for the service: it falls short and sees added value.

    The rule of the lens "give and take" (:func:`odsamen.analysis.affinity.gives`):
    ``meets`` -/+, - or -- and ``added_value`` + or ++. A ``?`` is neither
    (see :func:`undetermined_needs`). Columns ``dimension, item, meets,
    added_value, advisor`` (True where a score of the cell was filled in by
    the advisors), codebook order.
    """
    facts, i, own = _cells(data, service, check_advisor(advisor))
    wanted = facts.needs[i] == 1
    rows = own[wanted].reset_index()
    return rows.assign(advisor=facts.advisor[i][wanted])[
        ["dimension", "item", "meets", "added_value", "advisor"]
    ].reset_index(drop=True)


def undetermined_needs(data: Dataset, service: str, *, advisor: str = DEFAULT_ADVISOR) -> list[str]:
    """Items where a ``?`` (or a left-out advisor score) leaves open whether cooperation pays."""
    facts, i, _ = _cells(data, service, check_advisor(advisor))
    open_ = np.isnan(facts.needs[i])
    return [facts.items[k] for k in np.flatnonzero(open_)]


def offers(data: Dataset, service: str, *, advisor: str = DEFAULT_ADVISOR) -> pd.DataFrame:
    """Items where the service is strong (``meets`` + or ++), with the services that could use its help.

    Columns ``dimension, item, meets, receivers, advisor``: ``receivers``
    lists, in codebook order, the other services that want the item (see
    :func:`needs`; it may be empty); ``advisor`` is True where a score
    behind the row (the service's own or a receiver's) was filled in by the
    advisors. Codebook order of items.
    """
    facts, i, own = _cells(data, service, check_advisor(advisor))
    wants = facts.needs == 1
    strong = facts.strong[i] == 1
    rows = []
    for k in np.flatnonzero(strong):
        receivers = [code for j, code in enumerate(facts.codes) if j != i and wants[j, k]]
        marked = bool(facts.advisor[i, k]) or any(
            facts.advisor[facts.codes.index(code), k] for code in receivers
        )
        item = facts.items[k]
        rows.append((own.at[item, "dimension"], item, own.at[item, "meets"], receivers, marked))
    return pd.DataFrame(rows, columns=["dimension", "item", "meets", "receivers", "advisor"])


def preference_table(data: Dataset) -> pd.DataFrame:
    """Every preference cell with its ``letters`` (a tuple, empty for ``?`` or no answer) and ``answer``.

    ``answer`` is ``levels`` (letters given), ``unknown`` (``?``) or
    ``missing`` (left empty; ``note`` says why, ``note_en`` in English). Columns ``service,
    dimension, item, aspect, levels, letters, answer, note, note_en``, codebook order.
    """
    prefs = data.preferences.astype({"service": str, "dimension": str, "item": str})
    letters = [level_letters(levels) for levels in prefs["levels"]]
    answer = np.select([prefs["levels"] == "?", prefs["levels"] == ""], [UNKNOWN, "missing"], "levels")
    table = prefs.assign(letters=letters, answer=answer)
    return table[
        ["service", "dimension", "item", "aspect", "levels", "letters", "answer", "note", "note_en"]
    ].reset_index(drop=True)


def note_in(table: pd.DataFrame, lang: str) -> pd.Series:
    """The notes of preference cells in ``lang``: ``note_en`` in English where given, else ``note``."""
    if lang == "en":
        return table["note_en"].where(table["note_en"] != "", table["note"])
    return table["note"]


def preference_matches(data: Dataset, service: str) -> pd.DataFrame:
    """Where the service's preferred scale levels meet those of another service.

    One row per own answer (an item, or an aspect of a split item) and
    partner that names at least one of the same levels. The partner's
    aspects are pooled, as in :func:`odsamen.analysis.affinity.scale_agreement`.
    Columns ``dimension, item, aspect, letters, partner, shared`` (shared
    levels in the service's own order), codebook order of items, then
    partners.
    """
    table = preference_table(data)
    pooled = table.groupby(["service", "item"], sort=False)["letters"].agg(lambda cells: set().union(*cells))
    own = table[(table["service"] == service) & (table["answer"] == "levels")]
    partners = [code for code in data.service_codes if code != service]
    rows = []
    for cell in own.itertuples(index=False):
        for partner in partners:
            shared = tuple(
                letter
                for letter in cell.letters
                if letter != data.alone_level and letter in pooled.get((partner, cell.item), set())
            )
            if shared:
                rows.append((cell.dimension, cell.item, cell.aspect, cell.letters, partner, shared))
    return pd.DataFrame(rows, columns=["dimension", "item", "aspect", "letters", "partner", "shared"])


def verdict(
    data: Dataset,
    service: str,
    *,
    lens: str = HEADLINE_LENS,
    results: shared.SharedResults | None = None,
) -> PartnerVerdict:
    """:func:`~odsamen.analysis.affinity.partner_verdict` of ``service``, from ``results`` when given."""
    computed = results.lenses if results is not None else None
    return partner_verdict(data, service, lens=lens, computed=computed)


def reading_changes(
    data: Dataset, service: str, *, results: shared.SharedResults | None = None
) -> list[tuple[Reading, list[str]]]:
    """Under which readings another partner leads on the :data:`HEADLINE_LENS`: ``(reading, leaders)``
    for every reading whose leaders differ from the default's."""
    leaders = verdict(data, service, results=results).leaders()
    default = leaders.get(Reading(), [])
    return [(reading, names) for reading, names in leaders.items() if names != default]


def advisor_dimensions(data: Dataset, service: str) -> list[str]:
    """The dimensions on which (some of) ``service``'s scores were filled in by the advisors."""
    own = data.scores[(data.scores["service"] == service) & (data.scores["source"] == "advisor")]
    return [dimension for dimension in DIMENSIONS if (own["dimension"] == dimension).any()]


def advisor_parts(data: Dataset, lang: str) -> str:
    """Which scores the advisors filled in, in words, per service and dimension ("de scores van ODD
    voor de toekomstige opgaven"); empty when the directors gave every score, or on synthetic data."""
    if data.synthetic:
        return ""
    parts = [
        text(
            "briefing.who_scored.part",
            lang,
            service=code,
            dimension=join_words([text(f"dimension.{d}", lang).lower() for d in dimensions], lang),
        )
        for code in data.service_codes
        if (dimensions := advisor_dimensions(data, code))
    ]
    return join_words(parts, lang)


def who_scored(data: Dataset, lang: str) -> str:
    """Who gave the scores, in one sentence (``scored_by`` in ``assessment.csv``), with the scores
    others filled in (:func:`advisor_parts`, ``advisors``) as the exception, naming their services."""
    parts = advisor_parts(data, lang)
    scored_by = data.fact("scored_by", lang)
    if not parts:
        return text("briefing.who_scored", lang, scored_by=scored_by)
    advisors = data.fact("advisors", lang) or text("briefing.source.advisor", lang)
    return text("briefing.who_scored.advisors", lang, scored_by=scored_by, parts=parts, advisors=advisors)


def source_title(data: Dataset, lang: str) -> str:
    """The source document as the briefing names it: title, authors and date (``assessment.csv``),
    and its language when that is not the reader's."""
    source_language = data.fact("language") or lang
    key = "briefing.report.title" if source_language == lang else "briefing.report.title.other_language"
    return text(
        key,
        lang,
        title=data.fact("title", lang),
        authors=data.fact("authors", lang),
        date=data.source_date(lang),
    )


def headline(
    data: Dataset,
    service: str,
    *,
    advisor: str = DEFAULT_ADVISOR,
    results: shared.SharedResults | None = None,
    found: list | None = None,
) -> dict[str, object]:
    """The figures for the front page of the board pack (``found``: the
    :func:`~odsamen.analysis.evidence.advice_evidence` of the reading, if computed).

    ``met``/``n_robustness``: robustness criteria met and their number;
    ``equipped``/``n_tasks``: future tasks equipped for and their number;
    ``needs``: items where cooperation pays (:func:`needs`); ``offers``:
    items where it can help another service; ``verdict``: the
    :func:`verdict` on the best partner under the :data:`HEADLINE_LENS`;
    ``needs_advisor``/``offers_advisor``: whether advisor-filled scores drive
    those counts; ``advisor``: the dimensions whose scores the advisors filled
    in (:func:`advisor_dimensions`); ``advice``: :func:`advice_summary`.
    """
    wanted = needs(data, service, advisor=advisor)
    given = offers_with_receivers(data, service, advisor=advisor)
    return {
        "service": service,
        "met": int(status_counts(data, "robustness").at[service, MET]),
        "n_robustness": len(data.item_codes("robustness")),
        "equipped": int(status_counts(data, "task").at[service, MET]),
        "n_tasks": len(data.item_codes("task")),
        "needs": len(wanted),
        "offers": len(given),
        "needs_advisor": bool(wanted["advisor"].any()),
        "offers_advisor": bool(given["advisor"].any()),
        "verdict": verdict(data, service, results=results),
        "advisor": advisor_dimensions(data, service),
        "advice": advice_summary(data, service, Reading(advisor=advisor), found),
    }


def concerns(advice, service: str) -> bool:
    """Whether a row of ``advice.csv`` is advice *for* ``service``: advised to a group it is in, or
    naming it in ``focus``, or an option for a group it is in that names no focus."""
    from odsamen.analysis.coalitions import members

    if service not in members(advice.coalition):
        return False
    focus = advice.focus.split(";") if advice.focus else []
    return advice.stance == "advised" or service in focus or (advice.stance == "option" and not focus)


def reason_kind(row: dict) -> str:
    """``doubt`` where the report's reason for an advice row is a doubt (a ``balance`` test), else
    ``reason``: the scores bear out either the report's reason or its doubt."""
    return "doubt" if row["doubt"] else "reason"


def reason_label(row: dict, lang: str) -> str:
    """What the scores say on the report's reason (or doubt) of an :func:`advice_summary` row, in a few
    words: *reden ondersteund*, *twijfel deels ondersteund*, *niet te toetsen*."""
    return text(f"briefing.evidence_short.{reason_kind(row)}.{row['evidence']}", lang)


def advice_summary(
    data: Dataset, service: str, reading: Reading | None = None, found: list | None = None
) -> list[dict[str, object]]:
    """The report's advice for ``service`` (:func:`concerns`), most in favour first: per row the
    ``stance``, the ``form`` and ``coalition`` it concerns, the ``evidence`` (on a doubt of the report
    where ``doubt``), whether a rule variant changes it (``depends``), and whether advisor-filled
    scores drive its facts (``advisor``)."""
    from odsamen.analysis import coalitions as co
    from odsamen.analysis import evidence

    order = {stance: k for k, stance in enumerate(co.STANCES)}
    found = found if found is not None else evidence.advice_evidence(data, reading)
    rows = [row for row in found if concerns(row.advice, service)]
    rows.sort(key=lambda found: order[found.advice.stance])
    return [
        {
            "stance": found.advice.stance,
            "form": found.advice.scenario,
            "coalition": found.advice.coalition,
            "evidence": found.evidence,
            "doubt": found.advice.test == "balance",
            "depends": bool(found.depends_on),
            "advisor": any(fact.advisor for fact in found.default.facts),
        }
        for found in rows
    ]


def offers_with_receivers(data: Dataset, service: str, *, advisor: str) -> pd.DataFrame:
    table = offers(data, service, advisor=advisor)
    return table[table["receivers"].map(len) > 0]


def partner_with_basis(found: PartnerVerdict, partner: str, lang: str) -> str:
    """``ODB (11 van 14 onderdelen)``: a partner with what its value rests on (default reading)."""
    row = found.default_row(partner)
    return text(
        "briefing.verdict.partner_value",
        lang,
        partner=partner,
        basis=basis_text(row["value"], row["n_items"], found.lens, lang),
    )


def verdict_words(data: Dataset, found: PartnerVerdict, lang: str) -> str:
    """The verdict on the best partner in one sentence, with the basis of every value named."""
    lens = lens_label(found.lens, lang)

    def shown(partner: str) -> str:
        return partner_with_basis(found, partner, lang)

    if found.reason == "nothing":
        return text("briefing.verdict.nothing", lang, lens=lens)
    if found.best:
        return text("briefing.verdict.clear", lang, lens=lens, partner=shown(found.best))
    elsewhere = _closest_elsewhere(found)
    if elsewhere is not None:
        key, leader, other, reading, (a, b), (a2, b2) = elsewhere
        return text(
            f"briefing.verdict.{key}",
            lang,
            lens=lens,
            leader=shown(leader),
            other=shown(other),
            name=other,
            reading=text("briefing.verdict.when", lang, reading=reading_words(reading, lang)),
            a=format_number(a, lang, 2),
            b=format_number(b, lang, 2),
            a2=format_number(a2, lang, 2),
            b2=format_number(b2, lang, 2),
        )
    if (
        found.reason == "margin"
        and len(found.leaders()[Reading()]) > 1
        and all(len(names) > 1 for names in found.leaders().values())
    ):
        return text(
            "briefing.verdict.tie_always",
            lang,
            lens=lens,
            partners=join_words([shown(p) for p in found.close], lang),
        )
    close = [shown(partner) for partner in found.close[:MAX_NAMED]]
    if len(found.close) > MAX_NAMED:
        close.append(text("briefing.n_other_services", lang, n=len(found.close) - MAX_NAMED))
    return text(
        f"briefing.verdict.{close_reason(found)}",
        lang,
        lens=lens,
        partners=join_words(close, lang),
        margin=format_number(CLOSE_MARGIN, lang, 2),
        share=f"{LOW_EVIDENCE_SHARE:.0%}",
    )


def _closest_elsewhere(found: PartnerVerdict):
    """When the default reading has one clear leader but another reading makes the call close (or puts
    another partner first): ``(key, leader, other, reading, default shares, shares there)``, else None."""
    table = found.table
    shares = {(r.reading, r.partner): float(r.share) for r in table.itertuples(index=False)}
    leaders = found.leaders()
    default = leaders.get(Reading(), [])
    if found.reason not in ("margin", "reading") or len(default) != 1:
        return None
    leader = default[0]
    others = [p for p in found.close if p != leader]
    if not others:
        return None
    other = others[0]
    a, b = shares[(Reading(), leader)], shares[(Reading(), other)]
    if a - b < CLOSE_MARGIN:
        return None
    readings = list(dict.fromkeys(table["reading"]))
    swapped = [r for r in readings if shares[(r, other)] > shares[(r, leader)]]
    if swapped:
        reading = swapped[0]
        return (
            "leader_swaps",
            leader,
            other,
            reading,
            (a, b),
            (shares[(reading, leader)], shares[(reading, other)]),
        )
    reading = min(readings, key=lambda r: shares[(r, leader)] - shares[(r, other)])
    return (
        "lead_shrinks",
        leader,
        other,
        reading,
        (a, b),
        (shares[(reading, leader)], shares[(reading, other)]),
    )


def close_reason(found: PartnerVerdict) -> str:
    """Why there is no best partner, as the verdict sentences say it: ``tie`` when the close partners'
    shares are equal under the default reading, ``margin`` when they are nearly equal (both read as
    level), else the verdict's own reason."""
    if found.reason != "margin":
        return found.reason
    shares = {round(float(found.default_row(partner)["share"]), 12) for partner in found.close}
    return "tie" if len(shares) == 1 else "margin"


def counted(key: str, n: int) -> str:
    """``key``, or its ``.none`` form when ``n`` is 0 and the catalogue has one (the ``.one`` form for
    ``n == 1`` is chosen by :func:`~odsamen.catalogue.text`)."""
    return f"{key}.none" if n == 0 and f"{key}.none" in WORDS else key


def reading_words(reading: Reading, lang: str) -> str:
    """A reading in words, naming only where it differs from the default (or all three for it)."""
    switches = [part.split("=") for part in reading.changes()] or [
        ("unknown", reading.unknown),
        ("advisor", reading.advisor),
        ("levels", reading.levels),
    ]
    return join_words([text(f"affinity.reading.{name}.{value}", lang) for name, value in switches], lang)


ABBREVIATIONS = ("bi", "vth", "uh", "zzs", "aadv", "ki")
"""Abbreviations the glossary explains where the codebook uses them (``glossary.<term>.term``)."""
GLOSSARY_TERMS = ("od_nl", "toegerust", "meerwaarde", "halen_brengen", "rekenwijze")
"""Terms the glossary explains in every briefing."""


def glossary_terms(data: Dataset) -> list[str]:
    """The glossary's entries (``glossary.<term>``) for this data: the abbreviations the items'
    labels and definitions use (in any language), then the terms every briefing uses."""
    items = data.items
    columns = [f"{kind}_{lang}" for kind in ("label", "definition") for lang in LANGUAGES]
    words = set(re.findall(r"[\w&]+", " ".join(items[columns].to_numpy().ravel())))
    terms = {term: {text(f"glossary.{term}.term", lang) for lang in LANGUAGES} for term in ABBREVIATIONS}
    used = [term for term in ABBREVIATIONS if terms[term] & words]
    advisor = (data.scores["source"] == "advisor").any()
    return used + [term if advisor or term != "rekenwijze" else "rekenwijze.self" for term in GLOSSARY_TERMS]
