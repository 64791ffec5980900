"""What changed between two board packs: per service, the data cells and the statements that moved.

Boards get a new pack before each meeting and need to know what is new. :func:`compare_packs` reads
only what every pack holds, its own ``data/`` and ``tables/``, so packs built by an older version
compare as well:

- **data cells**: every cell of the tables in ``data/`` whose text differs, by its key (service,
  item, measure, ...), with the old and the new value; rows added or removed count as well. Cells of
  ``scores.csv``, ``scale_preferences.csv`` and ``services.csv`` belong to their service; the other
  tables (codebook, forms, advice) to the pack as a whole;
- **statements**: the front page's figures and words for each service (criteria met, tasks equipped,
  what it can gain and give, its best partner, the evidence on the report's advice), computed from
  each pack's data with this version and one reading, so that a change there comes from the data;
- **forms**: each verdict on a form of cooperation for a group (``tables/coalition_scenarios.csv``)
  and each piece of evidence on the report's advice (``tables/advice_comparison.csv``) that moved,
  for every service in the group, as the pack that was built wrote them.

``odsamen briefings`` writes the comparison with the pack it replaces into ``changes.html``;
``odsamen compare OLD NEW`` prints it for any two packs.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pandas as pd

from odsamen.analysis.files import read_table
from odsamen.analysis.schema import FILES
from odsamen.analysis.scoring import DEFAULT_ADVISOR, DEFAULT_UNKNOWN
from odsamen.catalogue import text

CHANGES_PAGE = "changes.html"
"""The page of the pack that says what changed since the pack it replaced."""


KEYS = {
    "scores": ("service", "dimension", "item", "measure"),
    "preferences": ("service", "dimension", "item", "aspect"),
    "items": ("dimension", "item"),
    "services": ("code",),
    "levels": ("level",),
    "scenarios": ("scenario",),
    "advice": ("coalition", "scenario"),
    "assessment": ("fact",),
}
"""The columns that name a row of each table; the other columns are its cells."""


STATEMENTS = ("robustness", "tasks", "needs", "offers", "partner", "strongest", "advice")
"""The front page's statements on a service (:func:`odsamen.publish.index.service_row`), in its order."""


MAX_TEXT = 90
"""A long text (a service's context, a reason) is shown cut to this many characters."""


@dataclass(frozen=True)
class Change:
    """One thing that moved: what it is, in words, and its old and new value (``–`` when absent)."""

    what: str
    old: str
    new: str


@dataclass
class ServiceChanges:
    """Everything that moved for one service."""

    service: str
    cells: list[Change] = field(default_factory=list)
    statements: list[Change] = field(default_factory=list)
    forms: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.cells or self.statements or self.forms)

    @property
    def steady(self) -> bool:
        """Whether its data changed and yet no statement or verdict moved."""
        return bool(self.cells) and not (self.statements or self.forms)


@dataclass
class Comparison:
    """Two packs compared; ``previous`` is False when there was no pack to compare with."""

    previous: bool
    services: list[ServiceChanges] = field(default_factory=list)
    other: list[Change] = field(default_factory=list)
    """Changed cells of the tables that are not about one service (codebook, forms, advice)."""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unreadable: str = ""
    """Why the statements could not be compared (the old pack's data unreadable for this version)."""

    @property
    def changed(self) -> bool:
        return bool(self.other or self.added or self.removed or any(self.services))

    def count(self) -> int:
        """How many things moved in all; a verdict on a group's form counts once, not once per member."""
        forms = {change for found in self.services for change in found.forms}
        return len(self.other) + len(forms) + sum(len(s.cells) + len(s.statements) for s in self.services)


def is_pack(folder: Path) -> bool:
    """Whether ``folder`` holds a board pack to compare: its data and front page."""
    return (folder / "data").is_dir() and (folder / "index.html").is_file()


def _raw(folder: Path) -> dict[str, pd.DataFrame]:
    """The tables of data folder ``folder`` as text, indexed by their key; a table that cannot be
    read is left out (its cells then read as added or removed)."""
    tables = {}
    for name, filename in FILES.items():
        frame, _ = read_table(folder / filename, filename)
        if frame is None or not set(KEYS[name]) <= set(frame.columns):
            continue
        frame = frame.drop(columns="_line").drop_duplicates(list(KEYS[name]))
        tables[name] = frame.set_index(list(KEYS[name]))
    return tables


def _short(value: str) -> str:
    value = value if isinstance(value, str) else ""
    return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1].rstrip() + "…"


def _cell_words(name: str, key: tuple, column: str, labels: dict[str, str], lang: str) -> str:
    """Cell ``column`` of the row ``key`` of table ``name`` in words: the item's label and what was
    scored for scores and preferences (``Innovatie: eigen score``), else file, key and column."""
    fields = dict(zip(KEYS[name], key, strict=True))
    if name == "scores":
        measure = fields["measure"]
        words = text(f"measure.{measure}.short", lang) if measure in ("meets", "added_value") else measure
        what = f"{labels.get(fields['item'], fields['item'])}: {words.lower()}"
        return what if column == "score" else f"{what} ({column})"
    if name == "preferences":
        aspect = fields["aspect"]
        aspect = f" ({text(f'aspect.{aspect}', lang)})" if aspect in ("opleiding", "bi") else ""
        what = f"{labels.get(fields['item'], fields['item'])}{aspect}: {text('changes.scale', lang)}"
        return what if column == "levels" else f"{what} ({column})"
    return f"{FILES[name]}, {' · '.join(str(part) for part in key)}: {column}"


def cell_changes(old: Path, new: Path, lang: str) -> tuple[dict[str, list[Change]], list[Change]]:
    """The cells of data folders ``old`` and ``new`` that differ: per service, and the others."""
    before, after = _raw(old), _raw(new)
    labels = {}
    for tables in (before, after):
        if "items" in tables and f"label_{lang}" in tables["items"].columns:
            items = tables["items"].reset_index()
            labels.update(zip(items["item"], items[f"label_{lang}"], strict=True))
    empty = text("changes.empty", lang)
    per_service: dict[str, list[Change]] = {}
    other: list[Change] = []
    for name in FILES:
        a = before.get(name, pd.DataFrame())
        b = after.get(name, pd.DataFrame())
        keys = list(dict.fromkeys([*a.index, *b.index]))
        columns = list(dict.fromkeys([*a.columns, *b.columns]))
        for key in keys:
            key = key if isinstance(key, tuple) else (key,)
            lookup = key if len(key) > 1 else key[0]
            for column in columns:
                was = a.at[lookup, column] if lookup in a.index and column in a.columns else None
                now = b.at[lookup, column] if lookup in b.index and column in b.columns else None
                if was == now or (not was and not now):
                    continue
                what = _cell_words(name, key, column, labels, lang)
                change = Change(what, _short(was) if was else empty, _short(now) if now else empty)
                service = key[0] if name in ("scores", "preferences", "services") else None
                (per_service.setdefault(service, []) if service else other).append(change)
    return per_service, other


def _front_page_rows(folder: Path, *, lang: str, unknown: str, advisor: str) -> dict[str, dict]:
    """The front page's row of every service of the pack whose data are in ``folder``, as this version
    writes it (:func:`odsamen.publish.index.service_row`)."""
    from odsamen.analysis import evidence, shared
    from odsamen.analysis.data import load_dataset
    from odsamen.analysis.scoring import Reading
    from odsamen.publish.index import service_row
    from odsamen.publish.runner import Outcome
    from odsamen.report.briefing import headline

    data = load_dataset(folder)
    results = shared.SharedResults.compute(data)
    found = evidence.advice_evidence(data, Reading(unknown, advisor))
    return {
        code: service_row(
            data,
            Outcome(code, ok=True),
            headline(data, code, advisor=advisor, results=results, found=found),
            lang=lang,
        )
        for code in data.service_codes
    }


def statement_words(lang: str) -> dict[str, str]:
    """The name of each of :data:`STATEMENTS`, as the front page heads its column."""
    from odsamen.analysis.affinity import HEADLINE_LENS, lens_label

    words = {key: text(f"pack.index.{key}", lang) for key in STATEMENTS if key != "partner"}
    words["partner"] = text("pack.index.partner", lang, lens=lens_label(HEADLINE_LENS, lang))
    return {key: words[key] for key in STATEMENTS}


def _table_rows(pack: Path, name: str, key: tuple[str, ...], value: str) -> dict[tuple, str]:
    """``value`` by ``key`` in the pack's ``tables/<name>.csv``; empty when the pack has no such table."""
    frame, _ = read_table(pack / "tables" / f"{name}.csv", f"{name}.csv")
    if frame is None or not {*key, value} <= set(frame.columns):
        return {}
    return {tuple(row[k] for k in key): row[value] for _, row in frame.iterrows()}


def form_changes(
    old: Path, new: Path, lang: str, forms: dict[str, str] | None = None
) -> dict[str, list[Change]]:
    """Per service, each verdict on a form for a group it is in, and each piece of evidence on the
    report's advice for such a group, that differs between the tables of packs ``old`` and ``new``.
    ``forms``: the name of each form by its key (the key itself where missing)."""
    from odsamen.analysis.coalitions import coalition_label, members

    empty = text("changes.empty", lang)
    per_service: dict[str, list[Change]] = {}
    for name, value, key in (
        ("coalition_scenarios", "verdict", "changes.form"),
        ("advice_comparison", "evidence", "changes.advice"),
    ):
        before = _table_rows(old, name, ("coalition", "scenario"), value)
        after = _table_rows(new, name, ("coalition", "scenario"), value)
        for coalition, scenario in dict.fromkeys([*before, *after]):
            was, now = before.get((coalition, scenario), ""), after.get((coalition, scenario), "")
            if was == now:
                continue
            form = (forms or {}).get(scenario, scenario).lower()
            what = text(key, lang, form=form, coalition=coalition_label(coalition, lang))
            change = Change(what, _verdict(name, was, lang) or empty, _verdict(name, now, lang) or empty)
            for member in members(coalition):
                per_service.setdefault(member, []).append(change)
    return per_service


def _verdict(table: str, value: str, lang: str) -> str:
    """A verdict or evidence word of the pack's tables in ``lang`` (as the briefing writes it)."""
    if not value:
        return ""
    key = f"coalitions.verdict.{value}" if table == "coalition_scenarios" else f"evidence.label.{value}"
    try:
        return text(key, lang)
    except KeyError:
        return value


def compare_packs(
    old: Path | None,
    new: Path,
    *,
    lang: str,
    unknown: str = DEFAULT_UNKNOWN,
    advisor: str = DEFAULT_ADVISOR,
    new_rows: dict[str, dict] | None = None,
) -> Comparison:
    """Compare pack ``old`` (None, or a folder that holds no pack: nothing to compare with) with pack
    ``new``; ``new_rows``: the new front page's rows, if computed (see the module's text)."""
    from odsamen.analysis.data import DataError

    if old is None or not is_pack(old):
        return Comparison(previous=False)
    cells, other = cell_changes(old / "data", new / "data", lang)
    scenarios = _raw(new / "data").get("scenarios", pd.DataFrame())
    names = scenarios[f"label_{lang}"].to_dict() if f"label_{lang}" in scenarios.columns else {}
    forms = form_changes(old, new, lang, names)
    comparison = Comparison(previous=True, other=other)
    words = statement_words(lang)
    try:
        before = _front_page_rows(old / "data", lang=lang, unknown=unknown, advisor=advisor)
        after = new_rows or _front_page_rows(new / "data", lang=lang, unknown=unknown, advisor=advisor)
    except DataError:
        before, after = {}, {}
        comparison.unreadable = text("changes.unreadable", lang)
    old_codes = list(_raw(old / "data").get("services", pd.DataFrame()).index)
    new_codes = list(_raw(new / "data").get("services", pd.DataFrame()).index)
    comparison.added = [code for code in new_codes if code not in old_codes]
    comparison.removed = [code for code in old_codes if code not in new_codes]
    for code in new_codes:
        found = ServiceChanges(code, cells=cells.get(code, []), forms=forms.get(code, []))
        if code in before and code in after:
            found.statements = [
                Change(words[key], str(before[code][key]), str(after[code][key]))
                for key in STATEMENTS
                if before[code][key] != after[code][key]
            ]
        comparison.services.append(found)
    return comparison


def as_text(comparison: Comparison, lang: str) -> str:
    """The comparison as lines of plain text, as ``odsamen compare`` prints it."""
    if not comparison.previous:
        return text("changes.first", lang)
    if not comparison.changed:
        return text("changes.none", lang)
    lines = [text("changes.summary", lang, n=comparison.count())]
    if comparison.added:
        lines.append(text("changes.added", lang, services=", ".join(comparison.added)))
    if comparison.removed:
        lines.append(text("changes.removed", lang, services=", ".join(comparison.removed)))
    if comparison.unreadable:
        lines.append(comparison.unreadable)
    for found in comparison.services:
        if not found:
            continue
        lines += ["", found.service]
        parts = (("cells", found.cells), ("statements", found.statements), ("forms", found.forms))
        for key, changes in parts:
            if changes:
                lines.append("  " + text(f"changes.heading.{key}", lang))
                lines += [f"    {c.what}: {c.old} → {c.new}" for c in changes]
        if found.steady and not comparison.unreadable:
            lines.append("  " + text("changes.steady", lang))
    if comparison.other:
        lines += ["", text("changes.heading.other", lang)]
        lines += [f"  {c.what}: {c.old} → {c.new}" for c in comparison.other]
    return "\n".join(lines)


def page_context(comparison: Comparison, lang: str) -> dict:
    """What ``templates/changes.html.j2`` shows."""
    words = {
        key: text(f"changes.{key}", lang)
        for key in ("title", "kicker", "back", "what", "old", "new", "steady")
    }
    words |= {
        f"heading_{key}": text(f"changes.heading.{key}", lang)
        for key in ("cells", "statements", "forms", "other")
    }
    return {
        "lang": lang,
        "words": words,
        "comparison": comparison,
        "summary": as_text(comparison, lang).split("\n")[0],
        "added": text("changes.added", lang, services=", ".join(comparison.added))
        if comparison.added
        else "",
        "removed": text("changes.removed", lang, services=", ".join(comparison.removed))
        if comparison.removed
        else "",
    }


def write_page(comparison: Comparison, path: Path, lang: str) -> Path:
    """Write the comparison as the pack's ``changes.html``."""
    from odsamen.publish.export import render_page

    return render_page("changes.html.j2", page_context(comparison, lang), path)


def command(
    old: Path, new: Path, *, lang: str, unknown: str, advisor: str, stream: TextIO | None = None
) -> int:
    """``odsamen compare OLD NEW``: 0 when compared (changes or none), 2 when either is not a pack."""
    for folder in (old, new):
        if not is_pack(folder):
            print(text("changes.not_a_pack", lang, folder=folder), file=sys.stderr)
            return 2
    found = compare_packs(old, new, lang=lang, unknown=unknown, advisor=advisor)
    print(as_text(found, lang), file=stream or sys.stdout)
    return 0
