"""The narrative of a board briefing: what one service reads about itself.

:class:`Briefing` turns the facts of :mod:`odsamen.report.facts` into HTML sections for the
briefing notebook (``notebooks/briefing.ipynb``): each section method gathers a small dict of facts
(``<section>_facts``) and renders the Jinja template ``templates/<section>.html.j2`` through
:mod:`odsamen.report.render`; the template holds the section's markup and chooses its sentences.

The class stays one piece: its sections share one service, one reading and one language, and the
facts they need are computed once (cached) and read by several sections.

The public names of :mod:`odsamen.report.facts` and :mod:`odsamen.report.render` can be imported
from here as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
from markupsafe import Markup

from odsamen.analysis import shared
from odsamen.analysis.affinity import (
    ADDED_SYMBOLS,
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
)
from odsamen.analysis.data import DIMENSIONS, Dataset
from odsamen.analysis.parameters import did_you_mean
from odsamen.analysis.scoring import (
    DEFAULT_ADVISOR,
    DEFAULT_LEVELS,
    DEFAULT_UNKNOWN,
    READINGS,
    Reading,
    check_advisor,
    check_levels,
    check_unknown,
)
from odsamen.catalogue import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    check_language,
    format_number,
    join_words,
    quoted,
    text,
)
from odsamen.report.briefing_figures import BriefingFigures
from odsamen.report.facts import (
    MAX_COALITIONS,
    MAX_NAMED,
    MET,
    MIXED,
    NOT_MET,
    STATUSES,
    UNKNOWN,
    advice_summary,
    advisor_dimensions,
    advisor_parts,
    close_reason,
    concerns,
    counted,
    glossary_terms,
    headline,
    meets_status,
    needs,
    note_in,
    offers,
    offers_with_receivers,
    partner_with_basis,
    position_among,
    preference_matches,
    preference_table,
    reading_changes,
    reading_words,
    reason_kind,
    reason_label,
    score_table,
    source_title,
    standing,
    status_counts,
    undetermined_needs,
    verdict,
    verdict_words,
    who_scored,
)
from odsamen.report.render import (
    CSS_PIXELS_PER_INCH,
    GRID_HEIGHT_SHARE,
    LEGEND_BELOW_HEIGHT,
    LINE_BREAK,
    PAGE_FIGURE_WIDTH,
    PARTNER_CHART_WIDTH,
    PREFERENCE_LEGEND_HEIGHT,
    TEMPLATE_ENVIRONMENT,
    TEMPLATES,
    JoinLines,
    figure_image,
    legend_below,
    page_size,
    partner_chart,
    partner_chart_size,
    render,
    say,
)

__all__ = [
    "Briefing",
    "MET",
    "MIXED",
    "NOT_MET",
    "UNKNOWN",
    "CSS_PIXELS_PER_INCH",
    "GRID_HEIGHT_SHARE",
    "JoinLines",
    "LEGEND_BELOW_HEIGHT",
    "LINE_BREAK",
    "MAX_COALITIONS",
    "MAX_NAMED",
    "PAGE_FIGURE_WIDTH",
    "PARTNER_CHART_WIDTH",
    "PREFERENCE_LEGEND_HEIGHT",
    "STATUSES",
    "TEMPLATES",
    "TEMPLATE_ENVIRONMENT",
    "advice_summary",
    "advisor_dimensions",
    "advisor_parts",
    "close_reason",
    "concerns",
    "counted",
    "figure_image",
    "headline",
    "legend_below",
    "meets_status",
    "needs",
    "note_in",
    "offers",
    "offers_with_receivers",
    "page_size",
    "partner_chart",
    "partner_chart_size",
    "partner_with_basis",
    "position_among",
    "preference_matches",
    "preference_table",
    "reading_changes",
    "reading_words",
    "reason_kind",
    "reason_label",
    "render",
    "say",
    "score_table",
    "standing",
    "status_counts",
    "undetermined_needs",
    "verdict",
    "verdict_words",
    "who_scored",
]


@dataclass(frozen=True)
class Briefing(BriefingFigures):
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
            codes = self.data.service_codes
            raise ValueError(
                text(
                    "parameters.unknown_service",
                    self.lang,
                    service=self.service,
                    services=join_words(codes, self.lang),
                )
                + did_you_mean(self.service, codes, self.lang)
            )

    @classmethod
    def open(cls, data_dir: str | Path, service: str = "", **options) -> Briefing:
        """The briefing of ``service`` on the validated data in ``data_dir``, with its
        :class:`~odsamen.analysis.shared.SharedResults` computed here; an empty ``service`` is the
        first service of ``services.csv``."""
        lang = options.get("lang", DEFAULT_LANGUAGE)
        lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        if not service:
            data, results = shared.load(data_dir, None, lang)
            return cls(data, data.service_codes[0], results=results, **options)
        data, results = shared.load(data_dir, [service], lang)
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
        """``n_services``, the service's ``name``, ``who_scored`` (who gave the scores, and which
        scores the advisors filled in, :func:`who_scored`), ``advisor_excluded`` and ``synthetic``."""
        return {
            "n_services": len(self.data.service_codes),
            "name": self.name(),
            "who_scored": who_scored(self.data, self.lang),
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
        given = offers_with_receivers(self.data, self.service, advisor=self.advisor)
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
                        f"briefing.summary.evidence.{reason_kind(row)}.{row['evidence']}", self.lang
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
        """The abbreviations and terms of the briefing, each explained once: an abbreviation only where
        the codebook's labels or definitions use it (:data:`ABBREVIATIONS`)."""
        last, data = self.data.level_codes[-1], self.data
        labels = {"alone": data.alone_level, "last": last, "last_label": data.level_label(last, self.lang)}
        return render("glossary", self.lang, terms=glossary_terms(data), **labels)

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
            rows = [self._appendix_row(r, prefs) for r in own.itertuples(index=False)]
            tables.append((dimension, rows, self._source_place(dimension)))
        return {
            "service": self.service,
            "synthetic": self.data.synthetic,
            "tables": tables,
            "report": source_title(self.data, self.lang),
        }

    def _source_place(self, dimension: str) -> dict[str, str]:
        """Where ``dimension``'s table stands in the source document (``assessment.csv``): its title,
        page and the headings of its rows, as the caption of the appendix table names them."""
        fact = self.data.fact
        return {
            "table": fact(f"table_{dimension}", self.lang),
            "page": fact(f"page_{dimension}", self.lang),
            "meets_row": fact(f"row_meets_{dimension}", self.lang),
            "added_row": fact("row_added_value", self.lang),
            "preference_row": fact("row_preference", self.lang),
        }

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
