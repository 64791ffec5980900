"""The narrative of a board briefing: what one service reads about itself.

The first half of this module computes *facts* about one service as small
DataFrames and dicts (where it stands, where cooperation pays, preferred
scales, best partners, what depends on the reading of ``?``); each is tested
on its own. :class:`Briefing` turns the facts into HTML sections for the
briefing notebook (``notebooks/briefing.ipynb``): each section method gathers
a small dict of facts (``<section>_facts``) and renders the Jinja template
``templates/<section>.html.j2``, which holds the section's markup and chooses
its sentences.

Every sentence is a catalogue entry (:func:`odsamen.catalogue.text`, ``t()``
in a template) filled with names and counts from the data, so a changed
input can never leave a stale sentence behind; numbers and lists are written
by Babel for the reader's language. Everything that reaches the page is
HTML-escaped (the templates autoescape): a note in a data file is shown as
text, never run as markup.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.ext import Extension
from jinja2.lexer import Token
from markupsafe import Markup, escape

from odsamen.analysis import shared
from odsamen.analysis.affinity import (
    ADDED_SYMBOLS,
    ALONE_LEVEL,
    CLOSE_MARGIN,
    COUNT_LENSES,
    HEADLINE_LENS,
    LENSES,
    LOW_EVIDENCE_SHARE,
    STRONG_SYMBOLS,
    WEAK_SYMBOLS,
    PartnerVerdict,
    basis_text,
    lens_definition,
    lens_label,
    partner_verdict,
    states,
)
from odsamen.analysis.data import DIMENSIONS, Dataset
from odsamen.analysis.scoring import (
    DEFAULT_ADVISOR,
    DEFAULT_LEVELS,
    DEFAULT_UNKNOWN,
    READINGS,
    SYMBOL_VALUES,
    Reading,
    check_advisor,
    check_levels,
    check_unknown,
    level_letters,
)
from odsamen.catalogue import WORDS, check_language, format_number, join_words, quoted, text

MET, NOT_MET, MIXED, UNKNOWN = "met", "not_met", "mixed", "unknown"
STATUSES = (MET, NOT_MET, MIXED, UNKNOWN)
"""How a ``meets`` symbol reads: + and ++ met, - and -- not met, -/+ mixed, ? unknown."""

MAX_NAMED = 6
"""Up to this many other services are named in a sentence; beyond that only counted."""

MAX_COALITIONS = 8
"""Up to this many coalitions of the service are shown in the table of forms, those that fit best."""

CSS_PIXELS_PER_INCH = 96
"""A figure's natural width on screen; the page's stylesheet shrinks wider ones to fit."""

PAGE_FIGURE_WIDTH = 8.5
"""Widest figure in inches: an A4 page holds about 7 inches, so text in a figure prints at
least about 80 % of its size; wider figures would shrink their labels below reading size."""


# --- facts: where the service stands ---------------------------------------------


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


# --- facts: where cooperation pays -------------------------------------------------


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


# --- facts: preferred scales ------------------------------------------------------


def preference_table(data: Dataset) -> pd.DataFrame:
    """Every preference cell with its ``letters`` (a tuple, empty for ``?`` or no answer) and ``answer``.

    ``answer`` is ``levels`` (letters given), ``unknown`` (``?``) or
    ``missing`` (left empty; ``note`` says why). Columns ``service,
    dimension, item, aspect, levels, letters, answer, note``, codebook order.
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
                if letter != ALONE_LEVEL and letter in pooled.get((partner, cell.item), set())
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
    """Which scores the advisors filled in, in words, per service and dimension ("de scores van OFGV
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
    """Who gave the scores, in one sentence: the directors' own assessment, with the scores the
    advisors filled in (:func:`advisor_parts`) as the exception."""
    parts = advisor_parts(data, lang)
    if not parts:
        return text("briefing.who_scored", lang)
    return text("briefing.who_scored.advisors", lang, parts=parts)


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
    given = _offers_with_receivers(data, service, advisor=advisor)
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


def _reason_kind(row: dict) -> str:
    """``doubt`` where the report's reason for an advice row is a doubt (a ``balance`` test), else
    ``reason``: the scores bear out either the report's reason or its doubt."""
    return "doubt" if row["doubt"] else "reason"


def reason_label(row: dict, lang: str) -> str:
    """What the scores say on the report's reason (or doubt) of an :func:`advice_summary` row, in a few
    words: *reden ondersteund*, *twijfel deels ondersteund*, *niet te toetsen*."""
    return text(f"briefing.evidence_short.{_reason_kind(row)}.{row['evidence']}", lang)


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


def _offers_with_receivers(data: Dataset, service: str, *, advisor: str) -> pd.DataFrame:
    table = offers(data, service, advisor=advisor)
    return table[table["receivers"].map(len) > 0]


def partner_with_basis(found: PartnerVerdict, partner: str, lang: str) -> str:
    """``IJmond (11 van 14 onderdelen)``: a partner with what its value rests on (default reading)."""
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


# --- HTML pieces ---------------------------------------------------------------


def say(key: str, lang: str, **fields: object) -> Markup:
    """A catalogue sentence (singular where ``n`` is 1, see :func:`~odsamen.catalogue.text`),
    HTML-escaped together with every field filled into it."""
    return escape(text(key, lang, **fields))


# --- templates -------------------------------------------------------------------

TEMPLATES = Path(__file__).with_name("templates")
"""One Jinja template per section (``<section>.html.j2``): the markup and the choice of sentences."""

LINE_BREAK = re.compile(r"[ \t]*\n\s*")


class JoinLines(Extension):
    """Templates spread their markup over indented lines; the page has no white space between tags.

    In a template's own text (never in a value filled in) a line break is dropped together with the
    spaces around it, so ``<ul>`` and an indented ``<li>`` on the next line become ``<ul><li>``.
    A space a sentence needs is written on the line itself: ``{{ a }} {{ b }}``.
    """

    def filter_stream(self, stream):
        for token in stream:
            if token.type == "data":
                token = Token(token.lineno, token.type, LINE_BREAK.sub("", token.value))
            yield token


@pass_context
def _catalogue_text(context, key: str, /, **fields: object) -> str:
    """``t(key, **fields)`` in a template: the catalogue entry in the briefing's language; the
    template escapes it where it is shown, so it can also fill a field of another entry."""
    return text(key, context["lang"], **fields)


@pass_context
def _number_filter(context, value: float | None, decimals: int = 2) -> str:
    """``value|number``: a number as a reader of the briefing's language writes it."""
    return format_number(value, context["lang"], decimals)


@pass_context
def _words_filter(context, words: Iterable[object]) -> str:
    """``codes|words``: ``a, b en c`` in the briefing's language."""
    return join_words(words, context["lang"])


TEMPLATE_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    # JoinLines drops every line break of the markup with its indentation; trim_blocks would drop the
    # break after a block tag first and leave the next line's indentation on the page.
    trim_blocks=False,
    lstrip_blocks=True,
    extensions=[JoinLines],
)
TEMPLATE_ENVIRONMENT.globals.update(t=_catalogue_text, counted=counted)
TEMPLATE_ENVIRONMENT.filters.update(number=_number_filter, words=_words_filter)


def render(template: str, lang: str, /, **facts: object) -> Markup:
    """The template ``<template>.html.j2`` filled with ``facts``, in ``lang``; every value is
    HTML-escaped unless it is already Markup."""
    return Markup(TEMPLATE_ENVIRONMENT.get_template(f"{template}.html.j2").render(lang=lang, **facts))


def page_size(
    size: tuple[float, float],
    max_width: float = PAGE_FIGURE_WIDTH,
    *,
    height_share: float = 1.0,
    extra_height: float = 0.0,
) -> tuple[float, float]:
    """``size`` (inches) fitted to a page: width capped at ``max_width``, height scaled by ``height_share``
    plus ``extra_height``; the layout engine fits the contents."""
    width, height = size
    return (min(width, max_width), round(height * height_share + extra_height, 2))


LEGEND_BELOW_HEIGHT = 1.1
"""Inches added under a figure whose legend is moved below it (:func:`legend_below`)."""

PREFERENCE_LEGEND_HEIGHT = 1.9
"""Inches added under a preference figure for its legend below: a three-line title, four rows."""

GRID_HEIGHT_SHARE = 0.75
"""Share of a score grid's own height used in a briefing: lower cells, so two grids fit on a page."""


def legend_below(ax, *, ncols: int = 2) -> None:
    """Move the legend of ``ax`` under the figure, in ``ncols`` columns.

    A legend beside a wide grid takes width an A4 page does not have; below
    the grid it costs only height. Handles, labels, title and the handlers that
    draw the handles stay the same.
    """
    legend = ax.get_legend()
    if legend is None:
        return
    handles, labels = legend.legend_handles, [label.get_text() for label in legend.get_texts()]
    title = legend.get_title().get_text()
    handlers = legend.get_legend_handler_map()  # such as the advisor mark's (plots.LEGEND_HANDLERS)
    legend.remove()
    ax.figure.legend(
        handles,
        labels,
        title=title or None,
        handler_map=handlers,
        loc="outside lower left",
        ncols=ncols,
        alignment="left",
        frameon=False,
    )


def figure_image(draw: Callable[..., object], size: tuple[float, float], alt: str, *, dpi: int | None = None):
    """Draw a figure with ``draw(ax)`` and return it as an embeddable PNG display object.

    The figure is made without pyplot (nothing is left open in the kernel)
    and saved at the house resolution without a date or tool version, so
    the same data give the same picture. ``alt`` is the picture's text for
    screen readers and the HTML ``alt`` attribute.
    """
    from IPython.display import Image
    from matplotlib.figure import Figure

    from odsamen.report import style

    style.apply_style()
    dpi = dpi or style.SAVE_DPI
    # Made at the resolution it is saved at and laid out here, once: otherwise savefig lays the figure
    # out again in an extra, invisible draw at a new resolution. The picture is the same, byte for byte.
    figure = Figure(figsize=size, layout="constrained", dpi=dpi)
    draw(figure.add_subplot())
    figure.get_layout_engine().execute(figure)
    figure.set_layout_engine(None)
    width = round(size[0] * CSS_PIXELS_PER_INCH)
    return Image(data=_opaque_png(figure, dpi), format="png", alt=alt, width=width)


def _opaque_png(figure, dpi: int) -> bytes:
    """``figure`` as a PNG without an alpha channel, without a date or tool version.

    The figure is opaque (a white background), so dropping the channel keeps
    every pixel; the file is smaller, and WeasyPrint need not split the
    channel off again for each PDF.
    """
    from PIL import Image as PillowImage

    raw = io.BytesIO()
    figure.savefig(raw, format="rgba", dpi=dpi)
    # The size of matplotlib's Agg canvas: the figure's box at ``dpi`` in whole pixels.
    width, height = (int(length) for length in figure.bbox.size)
    picture = PillowImage.frombuffer("RGBA", (width, height), raw.getbuffer(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, format="png", dpi=(dpi, dpi))
    return buffer.getvalue()


# --- the briefing ------------------------------------------------------------------


@dataclass(frozen=True)
class Briefing:
    """The briefing of one service: every section as HTML, every figure as a PNG.

    ``unknown`` is the reading of ``?`` where scores are averaged
    (``"neutral"`` or ``"missing"``), ``advisor`` whether the scores the
    advisors filled in count (``"include"``, ``"exclude"``) and ``levels``
    how scale letters are compared (``"grouped"``, ``"exact"``). The verdict
    on the best partner covers every reading whatever these are.
    """

    data: Dataset
    service: str
    lang: str = "nl"
    unknown: str = DEFAULT_UNKNOWN
    advisor: str = DEFAULT_ADVISOR
    levels: str = DEFAULT_LEVELS
    results: shared.SharedResults | None = field(default=None, repr=False, compare=False)
    """Shared by all briefings (:class:`~odsamen.analysis.shared.SharedResults`); None computes as needed."""

    def __post_init__(self):
        check_language(self.lang)
        check_unknown(self.unknown)
        check_advisor(self.advisor)
        check_levels(self.levels)
        if self.service not in self.data.service_codes:
            raise ValueError(
                f"unknown service {self.service!r}; expected one of {', '.join(self.data.service_codes)}"
            )

    @classmethod
    def open(cls, data_dir: str | Path, service: str, **options) -> Briefing:
        """The briefing of ``service`` on the validated data in ``data_dir``, with its
        :class:`~odsamen.analysis.shared.SharedResults` computed here."""
        data, results = shared.load(data_dir, [service])
        return cls(data, service, results=results, **options)

    # -- words -------------------------------------------------------------------

    def name(self, code: str | None = None) -> str:
        return self.data.service_name(code or self.service, self.lang)

    def items(self, keys: Iterable[str]) -> str:
        """Item labels, each quoted (‘BI en opleiding’, ‘Innovatie’), joined into one phrase."""
        return join_words(self._quoted(keys), self.lang)

    def services(self, codes: list[str]) -> str:
        """Service codes joined into one phrase, or their number when there are too many to name."""
        if len(codes) > MAX_NAMED:
            return text("briefing.n_services", self.lang, n=len(codes))
        return join_words(codes, self.lang)

    def dimension(self, dimension: str) -> str:
        return text(f"dimension.{dimension}", self.lang)

    def heading(self, section: str, level: int = 2) -> Markup:
        """The heading of a section (``standing``, ``cooperation``, ``partners``, ``forms``; in the annex
        at ``level`` 3 ``definitions``, ``preferences``, ``partners_table``, ``other_advice``,
        ``caveats``, ``glossary``, ``appendix``), with an anchor; ``annex`` opens the annex."""
        return render("heading", self.lang, section=section, service=self.service, level=level)

    # -- sections -----------------------------------------------------------------

    def title(self) -> Markup:
        """The title block: name, purpose, a synthetic-data warning if needed, and the summary."""
        return render("title", self.lang, **self.title_facts(), summary=self.summary())

    def title_facts(self) -> dict[str, object]:
        """``n_services``, the service's ``name``, ``advisor_parts`` (which scores the advisors filled
        in, in words; empty when none or on synthetic data), ``advisor_excluded`` and ``synthetic``."""
        return {
            "n_services": len(self.data.service_codes),
            "name": self.name(),
            "advisor_parts": advisor_parts(self.data, self.lang),
            "advisor_excluded": self.advisor == "exclude",
            "synthetic": self.data.synthetic,
        }

    @property
    def reading(self) -> Reading:
        return Reading(self.unknown, self.advisor, self.levels)

    def summary(self) -> Markup:
        """The lines a board member reads first."""
        return render("summary", self.lang, **self.summary_facts())

    def summary_facts(self) -> dict[str, object]:
        """``answers``: ``(question, answer, section)`` for the board's five questions (where the service
        stands, with whom, on what, in which form and what the report advises, how sure), each answer
        in a sentence or two from :func:`headline`, with the section that shows its basis."""
        facts = headline(
            self.data, self.service, advisor=self.advisor, results=self.results, found=self._evidence
        )
        mark = " " + text("affinity.advisor_mark", self.lang)
        standing = text("briefing.summary.standing", self.lang, **facts)
        wholly = [d for d in DIMENSIONS if self._advisor_share(d) == "all"]
        if wholly:
            standing += (
                " "
                + text(
                    "briefing.summary.wholly_advisor",
                    self.lang,
                    dimension=join_words([self.dimension(d).lower() for d in wholly], self.lang),
                )
                + mark
            )
        elif any(self._advisor_share(d) for d in DIMENSIONS):
            standing += mark
        partner = verdict_words(self.data, facts["verdict"], self.lang)
        if self._verdict_advisor(facts["verdict"]):
            partner += mark
        answers = [
            ("standing", standing, "standing"),
            ("partners", partner, "partners"),
            ("cooperation", self._gain_and_give(facts, mark), "cooperation"),
            ("forms", self._advice_answer(facts["advice"], mark), "forms"),
        ]
        marked = any(mark in answer for _, answer, _ in answers)
        answers.append(("sure", self._how_sure(facts["advice"], marked), "caveats"))
        return {"service": self.service, "answers": answers}

    def _gain_and_give(self, facts: dict, mark: str) -> str:
        """Halen en brengen in two sentences, the items named (at most :data:`MAX_NAMED`)."""
        wanted = needs(self.data, self.service, advisor=self.advisor)
        given = _offers_with_receivers(self.data, self.service, advisor=self.advisor)
        parts = []
        for key, table, marked in (
            ("briefing.summary.halen", wanted, facts["needs_advisor"]),
            ("briefing.summary.brengen", given, facts["offers_advisor"]),
        ):
            names = self._quoted(table["item"])
            if len(names) > MAX_NAMED:
                names = names[:MAX_NAMED] + [
                    text("briefing.summary.more_items", self.lang, n=len(names) - MAX_NAMED)
                ]
            words = text(
                counted(key, len(table)),
                self.lang,
                n=len(table),
                items=join_words(names, self.lang),
                service=self.service,
            )
            parts.append(words + (mark if marked else ""))
        return " ".join(parts)

    def _advice_answer(self, advice: list[dict], mark: str) -> str:
        """The report's advice for this service with what the scores say on its reason; where the report
        advises nothing for it outright, in the report's own words (paraphrased in ``advice.csv``)."""
        from odsamen.analysis import coalitions as co

        if not advice:
            return text("briefing.forms.no_advice", self.lang, service=self.service)
        notes = self.data.advice.set_index(["coalition", "scenario"])[f"note_{self.lang}"]
        if not any(row["stance"] == "advised" for row in advice):
            return " ".join(
                text(
                    "briefing.summary.advice_note",
                    self.lang,
                    note=notes.loc[(row["coalition"], row["form"])],
                    evidence=text(
                        f"briefing.summary.evidence.{_reason_kind(row)}.{row['evidence']}", self.lang
                    )
                    + (mark if row["advisor"] else ""),
                    depends=text("briefing.summary.note_depends", self.lang) if row["depends"] else "",
                )
                for row in advice
            )
        by_stance: dict[str, list[str]] = {}
        for row in advice:
            by_stance.setdefault(row["stance"], []).append(
                text(
                    "briefing.summary.advice_row",
                    self.lang,
                    form=co.scenario_label(self.data, row["form"], self.lang).lower(),
                    coalition=co.coalition_label(row["coalition"], self.lang),
                    evidence=reason_label(row, self.lang) + (mark if row["advisor"] else ""),
                    depends=text("briefing.summary.advice_depends", self.lang) if row["depends"] else "",
                )
            )
        return " ".join(
            text(
                "briefing.summary.stance_rows",
                self.lang,
                stance=co.stance_label(stance, self.lang).capitalize(),
                rows=join_words(rows, self.lang),
            )
            for stance, rows in by_stance.items()
        )

    def _how_sure(self, advice: list[dict], marked: bool) -> str:
        """Whose scores these are, the ``?`` among the service's own scores, how many judgements on the
        advice a rule of the project changes, and what the advisor mark means if page 1 uses it."""
        own = self.data.scores[self.data.scores["service"] == self.service]
        words = text(
            "briefing.summary.sure",
            self.lang,
            service=self.service,
            n_services=len(self.data.service_codes),
            n_unknown=int((own["score"].astype(str) == "?").sum()),
            n_own=len(own),
        )
        n_depends = sum(row["depends"] for row in advice)
        if advice:
            words += " " + text(
                counted("briefing.summary.sure_depends", n_depends),
                self.lang,
                n=n_depends,
                total=len(advice),
                service=self.service,
            )
        if marked:
            words += " " + text("briefing.summary.sure_advisor", self.lang)
        return words

    @cached_property
    def _evidence(self) -> list:
        """The evidence on every advice row under this briefing's reading (computed once per briefing)."""
        from odsamen.analysis import evidence

        return evidence.advice_evidence(self.data, self.reading)

    def _advisor_share(self, dimension: str) -> str:
        """``all`` when every score of this service on ``dimension`` was filled in by the advisors,
        ``some`` when some were, else ''."""
        scores = self.data.scores
        own = scores[(scores["service"] == self.service) & (scores["dimension"] == dimension)]
        by_advisor = own["source"].astype(str) == "advisor"
        return "" if not by_advisor.any() else "all" if by_advisor.all() else "some"

    def _verdict_advisor(self, found: PartnerVerdict) -> bool:
        """Whether the values of the partners the verdict names rest on advisor-filled scores."""
        part = self._lenses()[found.lens]
        position = self.data.service_codes.index(self.service)
        named = [found.best] if found.best else found.close
        return any(part.advisor[position, self.data.service_codes.index(p)].any() for p in named)

    def _lenses(self) -> dict:
        """Every lens under this briefing's reading, from the build's results when there are any."""
        from odsamen.analysis.affinity import compute_all

        if self.results is not None and self.reading in self.results.lenses:
            return self.results.lenses[self.reading]
        return compute_all(self.data, self.reading)

    def standing(self, dimension: str) -> Markup:
        """Which items of ``dimension`` the service meets, and how that compares with the others."""
        return render("standing", self.lang, **self.standing_facts(dimension))

    def standing_facts(self, dimension: str) -> dict[str, object]:
        """``by_status``: per status of :data:`STATUSES` the items of ``dimension`` (quoted labels),
        ``total`` items, and the comparison with the others (:meth:`compare_facts`)."""
        own = standing(self.data, self.service, dimension)
        by_status = {status: self._quoted(own.loc[own["status"] == status, "item"]) for status in STATUSES}
        return {**self.compare_facts(dimension), "by_status": by_status, "total": len(own)}

    def compare(self, dimension: str) -> Markup:
        """How the service compares with the others on ``dimension``: one sentence for each group of
        services (more, as many, fewer items met) that is not empty, its verb agreeing with the group."""
        return render("compare", self.lang, **self.compare_facts(dimension))

    def compare_facts(self, dimension: str) -> dict[str, object]:
        """``groups``: ``(group, services, n)`` for each group of :func:`position_among` that is not
        empty, its services in words (:meth:`services`) and their number."""
        position = position_among(self.data, self.service, dimension)
        advised = {
            code for code in self.data.service_codes if dimension in advisor_dimensions(self.data, code)
        }
        groups = [
            (group, self.services(codes), len(codes), bool(advised & {self.service, *codes}))
            for group, codes in position.items()
            if codes
        ]
        return {"service": self.service, "dimension": dimension, "groups": groups}

    def context(self) -> Markup:
        """The service's own situation as the report describes it, with the page."""
        return render("context", self.lang, **self.context_facts())

    def context_facts(self) -> dict[str, object]:
        """``service``, its ``context`` as the report describes it and the report's ``page``."""
        return {
            "service": self.service,
            "context": self.data.service_context(self.service, self.lang),
            "page": self.data.context_page(self.service),
        }

    def definitions(self, dimension: str) -> Markup:
        """What each criterion or task of ``dimension`` means, paraphrased from the report, with its page."""
        return render("definitions", self.lang, **self.definitions_facts(dimension))

    def definitions_facts(self, dimension: str) -> dict[str, object]:
        """``entries``: ``(label, definition)`` per item of ``dimension``; ``pages`` of the report
        that define them."""
        items = self.data.item_codes(dimension)
        by = self.data.items.set_index("item").loc[items, "definition_by"]
        return {
            "dimension": dimension,
            "own_words": bool((by == "odsamen").any()),
            "pages": sorted({self.data.definition_page(item) for item in items}),
            "entries": [
                (self.data.item_label(item, self.lang), self.data.item_definition(item, self.lang))
                for item in items
            ],
        }

    def figure_note(self) -> Markup:
        """One line saying how the own service is picked out in the figures."""
        return render("figure_note", self.lang, service=self.service)

    def cooperation(self) -> Markup:
        """Where cooperation pays: items the service needs help with, and items where it can give."""
        return render("cooperation", self.lang, **self.cooperation_facts())

    def cooperation_facts(self) -> dict[str, object]:
        """The rule's symbols (``weak``, ``strong``, ``added``); table rows of the ``needs``
        (:func:`needs`) and of the ``offers`` some other service wants (:func:`offers`), items marked
        where advisor-filled scores drive them; ``undetermined`` and ``idle`` items (quoted labels);
        ``advisor``: whether any row is marked."""
        given = offers(self.data, self.service, advisor=self.advisor)
        helping = given[given["receivers"].map(len) > 0]
        idle = given[given["receivers"].map(len) == 0]
        return {
            "service": self.service,
            "weak": ", ".join(WEAK_SYMBOLS),
            "strong": ", ".join(STRONG_SYMBOLS),
            "added": ", ".join(ADDED_SYMBOLS),
            "needs": self.supply_rows(),
            "undetermined": self._quoted(undetermined_needs(self.data, self.service, advisor=self.advisor)),
            "offers": [
                [
                    self.dimension(r.dimension),
                    self._item_marked(r.item, r.advisor),
                    r.meets,
                    self.services(r.receivers),
                ]
                for r in helping.itertuples(index=False)
            ],
            "idle": self._quoted(idle["item"]),
            "advisor": bool(helping["advisor"].any()),
        }

    def _quoted(self, items: Iterable[str]) -> list[str]:
        """Item labels in running text, each quoted (‘BI en opleiding’)."""
        return [quoted(self.data.item_label(item, self.lang), self.lang) for item in items]

    def _item_marked(self, item: str, advisor: bool) -> str:
        """An item's label, with the advisor mark when an advisor-filled score drives the row."""
        label = self.data.item_label(item, self.lang)
        return f"{label} {text('affinity.advisor_mark', self.lang)}" if advisor else label

    def preferences(self) -> Markup:
        """The service's preferred scale levels and where they meet the other services' preferences."""
        return render("preferences", self.lang, **self.preferences_facts())

    def preferences_facts(self) -> dict[str, object]:
        """``n_answered`` items with levels given, ``n_regional`` of them with a regional level
        (``regional_levels`` in words); ``closest``: the verdict on agreement of scale in words, or
        empty; table ``rows`` of every answer given with the partners that share a level;
        ``level_entries``, the legend; ``n_missing`` answers left out."""
        table = preference_table(self.data)
        own = table[table["service"] == self.service]
        answered = own[own["answer"] == "levels"]
        regional = answered[
            answered["letters"].map(lambda letters: bool(set(letters) & self.data.regional_levels))
        ]
        closest = verdict(self.data, self.service, lens="scale_agreement", results=self.results)
        given = own[own["answer"] != "missing"]
        return {
            "service": self.service,
            "n_answered": answered["item"].nunique(),
            "n_regional": regional["item"].nunique(),
            "regional_levels": text("words.or", self.lang).join(sorted(self.data.regional_levels)),
            "closest": verdict_words(self.data, closest, self.lang) if closest.close else "",
            "rows": self._preference_rows(given),
            "level_entries": "; ".join(
                text(
                    "briefing.level_entry",
                    self.lang,
                    level=level,
                    label=self.data.level_label(level, self.lang),
                )
                for level in self.data.levels["level"]
            ),
            "n_missing": len(own) - len(given),
        }

    def _preference_rows(self, own: pd.DataFrame) -> list[list[str]]:
        matches = preference_matches(self.data, self.service)
        rows = []
        for cell in own.itertuples(index=False):
            found = matches[(matches["item"] == cell.item) & (matches["aspect"] == cell.aspect)]
            shared = [
                text("briefing.match", self.lang, partner=m.partner, levels="/".join(m.shared))
                for m in found.itertuples(index=False)
            ]
            if len(shared) > MAX_NAMED:
                rest = text("briefing.n_others", self.lang, n=len(shared) - MAX_NAMED)
                shared = shared[:MAX_NAMED] + [rest]
            rows.append(
                [
                    self.dimension(cell.dimension),
                    self._item_with_aspect(cell.item, cell.aspect),
                    self._levels_text(cell),
                    join_words(shared, self.lang) or "—",
                ]
            )
        return rows

    def _item_with_aspect(self, item: str, aspect: str) -> str:
        label = self.data.item_label(item, self.lang)
        return (
            text("briefing.item_aspect", self.lang, item=label, aspect=text(f"aspect.{aspect}", self.lang))
            if aspect
            else label
        )

    def _levels_text(self, cell) -> str:
        if cell.answer == UNKNOWN:
            return text("preference.unknown", self.lang)
        if cell.answer == "missing":
            return text("preference.missing", self.lang)
        return cell.levels

    def partners(self) -> Markup:
        """What the partner chart shows; the verdict stands on page 1, every measure in the annex."""
        return render("partners", self.lang, service=self.service)

    def partners_table(self) -> Markup:
        """Per measure the best partner, or the close calls, each value with what it rests on."""
        return render("partners_table", self.lang, **self.partners_facts())

    def partners_facts(self) -> dict[str, object]:
        """The ``verdict`` on the headline measure in words (``verdict_advisor``: resting on
        advisor-filled scores); table ``rows`` per measure and named partner (``advisor``: whether an
        item in them is marked); ``definitions`` of the measures; the rules' ``margin`` and ``share``."""
        found = {lens: verdict(self.data, self.service, lens=lens, results=self.results) for lens in LENSES}
        lenses = self._lenses()
        position = self.data.service_codes.index(self.service)
        rows, marked = [], False
        for lens in LENSES:
            named = [found[lens].best] if found[lens].best else found[lens].close[:MAX_NAMED]
            if not named:
                rows.append(
                    [lens_label(lens, self.lang), "—", text("briefing.partners.nothing", self.lang), ""]
                )
                continue
            part = lenses[lens]
            for partner in named:
                j = self.data.service_codes.index(partner)
                advised = bool(part.advisor[position, j].any())
                marked |= advised
                mark = " " + text("affinity.advisor_mark", self.lang) if advised else ""
                rows.append(
                    [
                        lens_label(lens, self.lang),
                        partner,
                        self._share_cell(part, position, j, lens) + mark,
                        self._partner_note(found[lens], bool(part.low_evidence[position, j])),
                    ]
                )
        return {
            "service": self.service,
            "verdict": verdict_words(self.data, found[HEADLINE_LENS], self.lang),
            "verdict_advisor": self._verdict_advisor(found[HEADLINE_LENS]),
            "rows": rows,
            "advisor": marked,
            "definitions": [
                (lens_label(lens, self.lang), lens_definition(self.data, lens, lang=self.lang))
                for lens in LENSES
            ],
            "margin": CLOSE_MARGIN,
            "share": f"{LOW_EVIDENCE_SHARE:.0%}",
        }

    def _share_cell(self, part, position: int, j: int, lens: str) -> str:
        """The partner table's value: the share, which every measure has, and what it rests on, so the
        column holds shares only: ``0,79 (11 van 14 onderdelen)``, ``0,69 (gemiddelde over 16 …)``."""
        value, n_items = part.value[position, j], int(part.n_items[position, j])
        if np.isnan(value):
            return text("affinity.basis.none", self.lang)
        basis = (
            basis_text(value, n_items, lens, self.lang)
            if lens in COUNT_LENSES
            else text("briefing.basis.mean", self.lang, n=n_items)
        )
        share = format_number(float(part.share[position, j]), self.lang, 2)
        return text("briefing.partner_value", self.lang, share=share, basis=basis)

    def _partner_note(self, found: PartnerVerdict, low_evidence: bool) -> str:
        notes = []
        reason = close_reason(found)
        if not found.best and reason != "nothing" and not (reason == "evidence" and low_evidence):
            notes.append(text(f"briefing.partners.note.{reason}", self.lang))
        if low_evidence:
            notes.append(text("affinity.note.low_evidence", self.lang))
        return "; ".join(notes)

    def forms(self) -> Markup:
        """The forms of cooperation: what the scores can tell apart, and the report's advice for this
        service beside the scores as evidence."""
        return render("forms", self.lang, service=self.service, advice=self.advice_rows())

    def groups(self) -> Markup:
        """The groups of this service with the broadest joint agenda (for the annex)."""
        return render("groups", self.lang, **self.groups_facts())

    def groups_facts(self) -> dict[str, object]:
        """``groups``: table rows of the service's groups with the broadest joint agenda (up to
        :data:`MAX_COALITIONS`; ``n_more`` not shown): the joint agenda, the items where one service
        can help another and the rule variants that change either count."""
        from odsamen.analysis import coalitions as co

        keys = co.coalitions_of(self.data, self.service)
        found = co.coalition_facts(self.data, keys, self.reading)
        agenda, helps = found.facts["agenda"], found.facts["exchange"]
        determined = (~np.isnan(agenda)).sum(axis=1)
        breadth = [(int((agenda[row] == 1).sum()), int((helps[row] == 1).sum())) for row in range(len(keys))]
        moved: list[list[str]] = [[] for _ in keys]
        for name, reading, rules in co.variants(self.reading):
            other = co.coalition_facts(self.data, keys, reading, rules).facts
            for row in range(len(keys)):
                counts = (int((other["agenda"][row] == 1).sum()), int((other["exchange"][row] == 1).sum()))
                if counts != breadth[row]:
                    moved[row].append(co.variant_label(name, self.lang, short=True))
        order = sorted(range(len(keys)), key=lambda row: (-breadth[row][0], -breadth[row][1], row))
        shown = order[:MAX_COALITIONS]
        groups = [
            [
                co.coalition_label(keys[row], self.lang),
                text(
                    "briefing.forms.group_agenda",
                    self.lang,
                    n=breadth[row][0],
                    determined=int(determined[row]),
                ),
                self._marked_items(
                    [found.items[k] for k in np.flatnonzero(helps[row] == 1)], found.advisor[row], found.items
                ),
                "; ".join(moved[row]) or "—",
            ]
            for row in shown
        ]
        table = preference_table(self.data)
        own = table[table["service"] == self.service]
        not_given = own.loc[own["answer"] != "levels", "item"].nunique()
        return {
            "service": self.service,
            "groups": groups,
            "n_more": len(keys) - len(shown),
            "n_not_given": int(not_given),
        }

    def _marked_items(self, items: list[str], advisor: np.ndarray, all_items: list[str]) -> str:
        """Item labels joined, each with the advisor mark where an advisor-filled score is behind it."""
        labels = [self._item_marked(item, bool(advisor[all_items.index(item)])) for item in items]
        return "; ".join(labels) or "—"

    def supply_rows(self) -> list[list[str]]:
        """Per item where the service falls short and sees added value: its scores and the services
        strong there, with the scale levels they named (:func:`odsamen.analysis.evidence.supply`)."""
        from odsamen.analysis import evidence

        table = evidence.supply(self.data, self.service, self.reading)
        rows = []
        for item, part in table.groupby("item", sort=False, observed=True):
            first = part.iloc[0]
            strong = [
                text(
                    "briefing.forms.strong_at", self.lang, service=r.supplier, levels=r.supplier_levels or "–"
                )
                for r in part.itertuples(index=False)
                if r.supplier
            ]
            rows.append(
                [
                    self._item_marked(str(item), bool(part["advisor"].any())),
                    f"{first['meets']} / {first['added_value']}",
                    join_words(strong, self.lang) or text("briefing.forms.nobody", self.lang),
                ]
            )
        return rows

    def advice_rows(self, own: bool = True) -> list[dict[str, str]]:
        """The report's advice for this service (:func:`concerns`; ``own=False``: the other advice on
        groups it is in), each with the report's reason, the facts in the scores, the evidence and the
        rule variants that change it."""
        from odsamen.analysis import coalitions as co
        from odsamen.analysis import evidence

        rows = []
        order = {stance: k for k, stance in enumerate(co.STANCES)}
        found_rows = sorted(self._evidence, key=lambda f: order[f.advice.stance])
        for found in found_rows:
            advice = found.advice
            if self.service not in co.members(advice.coalition) or concerns(advice, self.service) != own:
                continue
            rows.append(
                {
                    "advice": text(
                        "briefing.forms.advice_title",
                        self.lang,
                        form=co.scenario_label(self.data, advice.scenario, self.lang),
                        coalition=co.coalition_label(advice.coalition, self.lang),
                        stance=co.stance_label(advice.stance, self.lang),
                        where=advice.where,
                    ),
                    "reason": getattr(advice, f"reason_{self.lang}"),
                    "facts": " ".join(
                        evidence.fact_words(self.data, fact, self.lang, evidence.MAX_ITEMS_NAMED)
                        for fact in found.default.facts
                    ),
                    "evidence": evidence.evidence_label(found.evidence, self.lang).capitalize(),
                    "sentence": evidence.plain_sentence(self.data, found, self.lang),
                    "depends": evidence.depends_words(found, self.lang),
                }
            )
        return rows

    def other_advice(self) -> Markup:
        """The advice on groups with this service that is not advice for it (:func:`concerns`), for the
        annex; empty when there is none."""
        rows = self.advice_rows(own=False)
        if not rows:
            return Markup("")
        return self.heading("other_advice", 3) + render("other_advice", self.lang, advice=rows)

    def glossary(self) -> Markup:
        """The abbreviations and terms of the briefing, each explained once."""
        return render("glossary", self.lang)

    def caveats(self) -> Markup:
        """What this briefing rests on: the project's rules, missing preferences, ``?`` scores, readings."""
        return render("caveats", self.lang, **self.caveats_facts())

    def caveats_facts(self) -> dict[str, object]:
        """What the caveats name: the preferences this service and the others did not give
        (:meth:`_preference_facts`), its ``?`` scores (:meth:`_unknown_facts`), the readings that move
        the joint agenda (``moving``) and the ``reading_changes`` that put another partner first. Who
        filled in which scores stands once, at the top of the briefing (:meth:`title`)."""
        changes = reading_changes(self.data, self.service, results=self.results)
        return {
            "service": self.service,
            "synthetic": self.data.synthetic,
            **self._preference_facts(),
            **self._unknown_facts(),
            "lens": lens_label(HEADLINE_LENS, self.lang),
            "n_readings": len(READINGS),
            "moving": self._moving_readings(),
            "leaders": self.services(
                verdict(self.data, self.service, results=self.results).leaders().get(Reading(), [])
            ),
            "reading_changes": [
                (reading_words(reading, self.lang), self.services(leaders) or "—")
                for reading, leaders in changes
            ],
        }

    def _moving_readings(self) -> str:
        """The switches of the readings (one switch each) that change any value of this service on the
        :data:`HEADLINE_LENS`, in words; '' when none does: a reading that moves nothing proves nothing."""
        from odsamen.analysis.affinity import compute_all

        position = self.data.service_codes.index(self.service)

        def values(reading: Reading):
            lenses = self.results.lenses if self.results is not None else {}
            part = (lenses.get(reading) or compute_all(self.data, reading))[HEADLINE_LENS]
            return np.nan_to_num(part.value[position], nan=-1), part.n_items[position]

        default = values(Reading())
        moving = [
            reading
            for reading in READINGS[1:]
            if len(reading.changes()) == 1
            and not all(np.array_equal(a, b) for a, b in zip(values(reading), default, strict=True))
        ]
        return join_words([reading_words(reading, self.lang) for reading in moving], self.lang)

    def _preference_facts(self) -> dict[str, object]:
        """``own_preferences``: ``(answer, n, items, note)`` per kind of answer (``unknown``,
        ``missing``) and note of this service; ``other_preferences``: the other services that left
        preferences out, each with its number of items, in words (``n_other_preferences`` services)."""
        table = preference_table(self.data)
        own = table[(table["service"] == self.service) & (table["answer"] != "levels")]
        own_preferences = [
            (answer, len(cells), self.items(cells["item"]), note or "—")
            for (answer, note), cells in own.assign(note=note_in(own, self.lang)).groupby(
                ["answer", "note"], sort=False
            )
        ]
        others = table[(table["service"] != self.service) & (table["answer"] == "missing")]
        per_partner = others.groupby("service", observed=True)["item"].nunique()
        partners = [code for code in self.data.service_codes if code in per_partner.index]
        named = [
            text("briefing.caveat.preference_other_part", self.lang, partner=code, n=int(per_partner[code]))
            for code in partners[:MAX_NAMED]
        ]
        if len(partners) > MAX_NAMED:
            named.append(text("briefing.n_other_services", self.lang, n=len(partners) - MAX_NAMED))
        return {
            "own_preferences": own_preferences,
            "other_preferences": join_words(named, self.lang),
            "n_other_preferences": len(partners),
        }

    def _unknown_facts(self) -> dict[str, object]:
        """``n_unknown``: this service's ``?`` scores; ``unknown_cells``: one entry per item, naming
        the measures that are ``?``: ‘Ketentoezicht’ (eigen stand en meerwaarde)."""
        table = score_table(self.data)
        own = table[table["service"] == self.service].melt(
            id_vars=["dimension", "item"],
            value_vars=["meets", "added_value"],
            var_name="measure",
            value_name="score",
        )
        unknown = own[own["score"] == "?"]
        measures = unknown.groupby("item", sort=False)["measure"].agg(list)
        cells = [
            text(
                "briefing.unknown_cell",
                self.lang,
                item=quoted(self.data.item_label(item, self.lang), self.lang),
                measure=join_words(
                    [text(f"measure.{measure}.short", self.lang).lower() for measure in names], self.lang
                ),
            )
            for item, names in measures.items()
        ]
        return {"n_unknown": len(unknown), "unknown_cells": join_words(cells, self.lang)}

    def appendix(self) -> Markup:
        """The service's own data, and where each value stands in the source report."""
        return render("appendix", self.lang, **self.appendix_facts())

    def appendix_facts(self) -> dict[str, object]:
        """``tables``: per dimension the rows of the service's own scores and preferences."""
        table = score_table(self.data)
        prefs = preference_table(self.data)
        tables = []
        for dimension in DIMENSIONS:
            own = table[(table["service"] == self.service) & (table["dimension"] == dimension)]
            tables.append((dimension, [self._appendix_row(r, prefs) for r in own.itertuples(index=False)]))
        return {"service": self.service, "synthetic": self.data.synthetic, "tables": tables}

    def _appendix_row(self, row, prefs: pd.DataFrame) -> list[str]:
        cells = prefs[(prefs["service"] == self.service) & (prefs["item"] == row.item)]
        levels = "; ".join(
            (
                text(
                    "briefing.aspect_levels",
                    self.lang,
                    aspect=text(f"aspect.{c.aspect}", self.lang),
                    levels=self._levels_text(c),
                )
                if c.aspect
                else self._levels_text(c)
            )
            for c in cells.itertuples(index=False)
        )
        column = self.data.items.set_index("item").at[row.item, "report_column"]
        return [
            self.data.item_label(row.item, self.lang),
            column,
            row.meets,
            row.added_value,
            levels,
            text(f"briefing.source.{row.source}", self.lang),
        ]

    # -- figures -------------------------------------------------------------------

    def score_figure(self, dimension: str, measure: str, *, legend: bool = True):
        """The services' scores on ``dimension`` and ``measure`` as a heatmap, the own row outlined;
        without its ``legend`` when a figure below it carries the same one."""
        from odsamen.report import plots, style

        size = style.grid_figsize(len(self.data.service_codes), len(self.data.item_codes(dimension)))
        alt = text(
            "briefing.alt.scores",
            self.lang,
            question=plots.measure_question(dimension, measure, self.lang),
            dimension=self.dimension(dimension),
            service=self.service,
        )

        def draw(ax):
            plots.score_heatmap(
                self.data, dimension=dimension, measure=measure, lang=self.lang, highlight=self.service, ax=ax
            )
            if legend:
                legend_below(ax, ncols=4)
            elif ax.get_legend() is not None:
                ax.get_legend().remove()

        extra = LEGEND_BELOW_HEIGHT if legend else 0.0
        return figure_image(draw, page_size(size, height_share=GRID_HEIGHT_SHARE, extra_height=extra), alt)

    def preference_figure(self, dimension: str = "task"):
        """The services' preferred scale levels on ``dimension``: one column per service (the own one
        outlined), one row per item, readable at A4 width."""
        from odsamen.report import plots

        split = bool((plots.preference_cells(self.data, dimension=dimension)["aspect"] != "").any())
        size = plots.preference_figsize(
            len(self.data.service_codes), len(self.data.item_codes(dimension)), transpose=True, split=split
        )
        alt = text(
            "briefing.alt.preferences", self.lang, dimension=self.dimension(dimension), service=self.service
        )

        def draw(ax):
            plots.preference_chart(
                self.data, dimension=dimension, lang=self.lang, highlight=self.service, transpose=True, ax=ax
            )
            legend_below(ax, ncols=2)

        return figure_image(draw, page_size(size, extra_height=PREFERENCE_LEGEND_HEIGHT), alt)

    def partner_figure(self, lens: str = HEADLINE_LENS):
        """How well every other service fits this one under ``lens``, best first."""
        n_partners = len(self.data.service_codes) - 1
        alt = text("briefing.alt.partners", self.lang, lens=lens_label(lens, self.lang), service=self.service)
        found = verdict(self.data, self.service, lens=lens, results=self.results)
        return figure_image(
            lambda ax: partner_chart(
                self.data,
                self.service,
                lens=lens,
                lang=self.lang,
                lenses=self._lenses(),
                best=found.best,
                ax=ax,
            ),
            partner_chart_size(n_partners),
            alt,
        )


# --- the partner chart -------------------------------------------------------------


def reading_words(reading: Reading, lang: str) -> str:
    """A reading in words, naming only where it differs from the default (or all three for it)."""
    switches = [part.split("=") for part in reading.changes()] or [
        ("unknown", reading.unknown),
        ("advisor", reading.advisor),
        ("levels", reading.levels),
    ]
    return join_words([text(f"affinity.reading.{name}.{value}", lang) for name, value in switches], lang)


def partner_chart_size(n_partners: int) -> tuple[float, float]:
    """Figure size in inches for :func:`partner_chart`: a fixed width, a bar height that shrinks for many."""
    bar = 0.38 if n_partners <= 8 else 0.22
    return (PARTNER_CHART_WIDTH, round(1.5 + bar * n_partners, 2))


PARTNER_CHART_WIDTH = 6.5
"""Width in inches of the partner chart: it fits an A4 page at full size."""


def partner_chart(
    data: Dataset,
    service: str,
    *,
    lens: str = HEADLINE_LENS,
    lang: str = "nl",
    lenses: dict | None = None,
    best: str | None = None,
    ax=None,
):
    """How well every other service fits ``service`` under ``lens``: one bar per partner, best on top.

    Bars show the share (0 to 1) and carry what it rests on (``11 van 14``).
    Only a partner named ``best`` (see :func:`verdict`) is drawn in the
    own-service blue, its name in bold; the others are grey (a line under the
    axis says what the colours mean), and a value that rests on little
    evidence is hatched. A partner the lens has nothing to go on for gets no
    bar and a dash. Bars carry ``gid="partner:<code>"``. ``lenses``: the
    computed lenses of the reading (default: computed here). Returns the Axes.
    """
    from matplotlib.ticker import FuncFormatter

    from odsamen.analysis.affinity import compute, partners_of
    from odsamen.report import plots, style

    check_language(lang)
    part = (lenses or {}).get(lens) or compute(data, lens)
    table = partners_of(part, data.service_codes.index(service))
    if ax is None:
        # pyplot only here: a kernel that draws on Figures of its own never loads it.
        import matplotlib.pyplot as plt

        ax = plt.gca()
    fontsize = style.font_size_for(len(table))
    shares = table["share"].astype(float).fillna(0.0)
    colours = [
        style.OWN_SERVICE_COLOUR if p == best else style.OTHER_SERVICE_COLOUR for p in table["partner"]
    ]
    bars = ax.barh(range(len(table)), shares, color=colours, height=0.7, edgecolor="#404040", linewidth=0.6)
    for bar, row in zip(bars, table.itertuples(index=False), strict=True):
        bar.set_gid(f"partner:{row.partner}")
        if row.low_evidence:
            bar.set_hatch("///")
        ax.annotate(
            basis_text(row.value, row.n_items, lens, lang),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=fontsize,
        )
    ax.set_yticks(range(len(table)), list(table["partner"]), fontsize=fontsize)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.45)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(round(value, 2), lang)))
    label = text("affinity.share_scale", lang)
    # Colour is never the only mark of the best partner: its name is bold, a line says what colours mean.
    partners = list(table["partner"])
    if best in partners:
        ax.get_yticklabels()[partners.index(best)].set_fontweight("bold")
    colours = "briefing.partner_chart.colours" if best in partners else "briefing.partner_chart.grey"
    label += "\n" + text(colours, lang)
    if table["low_evidence"].any():
        label += "\n" + text("briefing.partner_chart.hatched", lang)
    ax.set_xlabel(label)
    title = text("briefing.partner_chart.title", lang, service=service, lens=lens_label(lens, lang))
    ax.set_title(style.wrap_label(title, 45), loc="left")
    plots.synthetic_note(ax, data.synthetic, lang, below=True)
    return ax
