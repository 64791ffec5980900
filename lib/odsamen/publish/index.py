"""The pack's front page: one row per service with its headline figures, the evidence on the
report's advice and its best partner, and the context the ``index.html`` template reads.
"""

from __future__ import annotations

from pathlib import Path

from odsamen.analysis import shared
from odsamen.analysis.data import Dataset
from odsamen.analysis.scoring import DEFAULT_ADVISOR
from odsamen.analysis.workbook import TABLES_WORKBOOK
from odsamen.catalogue import text
from odsamen.publish.folders import BRIEFINGS, DATA, LOGS, NOTEBOOKS, TABLES
from odsamen.publish.runner import Outcome


def _count(n: int, total: int, lang: str) -> str:
    return text("pack.count", lang, n=n, total=total)


def service_row(data: Dataset, outcome: Outcome, facts: dict, *, lang: str) -> dict:
    """One line of the front page: the service's headline figures (:func:`odsamen.report.briefing.headline`)
    and its links, relative to the pack."""
    from odsamen.analysis.evidence import advice_words

    code = outcome.service
    mark = " " + text("affinity.advisor_mark", lang)
    marked = {
        "robustness": "robustness" in facts["advisor"],
        "tasks": "task" in facts["advisor"],
        "needs": facts["needs_advisor"],
        "offers": facts["offers_advisor"],
        "strongest": any(row["advisor"] for row in facts["advice"]),
    }
    return {
        "code": code,
        "name": data.service_name(code, lang),
        "robustness": _count(facts["met"], facts["n_robustness"], lang) + mark * marked["robustness"],
        "tasks": _count(facts["equipped"], facts["n_tasks"], lang) + mark * marked["tasks"],
        "needs": f"{facts['needs']}{mark if marked['needs'] else ''}",
        "offers": f"{facts['offers']}{mark if marked['offers'] else ''}",
        "advisor": any(marked.values()),
        "partner": partner_cell(facts["verdict"], lang),
        "advice": advice_words(data, code, lang),
        "strongest": evidence_cell(data, facts["advice"], lang),
        "ok": outcome.ok,
        "error": outcome.error or "",
        "html": f"{BRIEFINGS}/{code}.html",
        "pdf": f"{BRIEFINGS}/{code}.pdf",
        "notebook": f"{NOTEBOOKS}/{code}.ipynb",
        "log": f"{LOGS}/{code}.log",
    }


def evidence_cell(data: Dataset, advice: list[dict], lang: str) -> str:
    """The front page's evidence column: per advice row for the service, the form and group with what
    the scores say on the report's reason (:func:`odsamen.report.briefing.advice_summary`)."""
    from odsamen.analysis.coalitions import coalition_label, scenario_label
    from odsamen.report.briefing import reason_label

    parts = [
        text(
            "pack.index.evidence_part",
            lang,
            form=scenario_label(data, row["form"], lang).lower(),
            coalition=coalition_label(row["coalition"], lang),
            evidence=reason_label(row, lang)
            + (" " + text("affinity.advisor_mark", lang) if row["advisor"] else ""),
        )
        for row in advice
    ]
    return "; ".join(parts) or text("briefing.none", lang)


def partner_cell(found, lang: str) -> str:
    """The front page's partner column: the best partner with what it rests on, or the close calls."""
    from odsamen.catalogue import join_words
    from odsamen.report.briefing import close_reason, partner_with_basis

    def shown(partner: str) -> str:
        return partner_with_basis(found, partner, lang)

    if found.best:
        return shown(found.best)
    if not found.close:
        return text("briefing.none", lang)
    # A near-tie reads as a tie, as in the briefing (:func:`odsamen.report.briefing.close_reason`).
    return text(
        f"pack.index.no_best.{close_reason(found)}",
        lang,
        partners=join_words([shown(p) for p in found.close[:3]], lang),
    )


def index_context(
    data: Dataset,
    outcomes: list[Outcome],
    headlines: dict[str, dict],
    staging: Path,
    *,
    lang: str,
    unknown: str,
    advisor: str = DEFAULT_ADVISOR,
) -> dict:
    """Everything the front page shows; all of it is escaped by the template. ``headlines`` maps each
    service to its :func:`odsamen.report.briefing.headline`."""
    from odsamen.analysis.affinity import HEADLINE_LENS, lens_label
    from odsamen.report.briefing import who_scored

    words = {
        key.removeprefix("pack.index."): text(key, lang)
        for key in (
            "pack.index.kicker",
            "pack.index.title",
            "pack.index.service",
            "pack.index.robustness",
            "pack.index.tasks",
            "pack.index.needs",
            "pack.index.offers",
            "pack.index.briefing",
            "pack.index.failed",
            "pack.index.log",
            "pack.index.notebook",
            "pack.index.audit",
            "pack.index.tables",
            "pack.index.data",
            "pack.index.notebooks",
            "pack.index.logs",
            "pack.index.changes",
        )
    }
    words["partner"] = text("pack.index.partner", lang, lens=lens_label(HEADLINE_LENS, lang))
    words["advisor_note"] = text("pack.index.advisor_note", lang)
    words["advice"] = text("pack.index.advice", lang)
    words["strongest"] = text("pack.index.strongest", lang)
    words["intro"] = text(
        "pack.index.intro",
        lang,
        who_scored=who_scored(data, lang),
        n=len(outcomes),
        reading=text(f"unknown.{unknown}", lang),
    )
    if advisor != DEFAULT_ADVISOR:
        words["intro"] += " " + text("pack.index.advisor_excluded", lang)
    words["fingerprint"] = text(
        "pack.index.fingerprint", lang, fingerprint=shared.fingerprint(data.folder)[:12]
    )
    failed = [o.service for o in outcomes if not o.ok]
    rows = [service_row(data, o, headlines[o.service], lang=lang) for o in outcomes]
    for row in rows:
        if not (staging / row["notebook"]).is_file():  # its worker died before writing it
            row["notebook"] = None
    return {
        "lang": lang,
        "words": words,
        "synthetic": text("briefing.synthetic", lang) if data.synthetic else "",
        "failed_note": text("pack.index.failed_note", lang, services=", ".join(failed)) if failed else "",
        "rows": rows,
        "changes": None,  # the link to changes.html, once the comparison is made (pack._build_in)
        "tables": [TABLES_WORKBOOK] * (staging / TABLES_WORKBOOK).exists()
        + sorted(p.relative_to(staging).as_posix() for p in (staging / TABLES).glob("*.csv")),
        "data_files": sorted(p.relative_to(staging).as_posix() for p in shared.data_files(staging / DATA)),
    }
