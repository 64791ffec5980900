"""What the tables of a data folder hold: their files and columns, the allowed values, and how a
problem in one of them is reported (:class:`DataIssue`, :class:`DataError`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from odsamen.catalogue import DEFAULT_LANGUAGE, text

SYMBOLS = ("--", "-", "-/+", "?", "+", "++")
"""Score symbols in reading order. ``-/+`` (mixed) and ``?`` (unknown) both
sit in the middle of the scale; their relative order carries no meaning."""


DIMENSIONS = ("robustness", "task")


MEASURES = ("meets", "added_value")


SOURCES = ("self", "advisor")


ASPECTS = ("opleiding", "bi")


ITEM_KEY = r"[a-z][a-z0-9_]{0,63}"
"""An item key in ``items.csv``: lower-case letters, digits and ``_`` (``water_en_bodem``)."""


LEVEL_LETTER = r"[A-Z]"
"""A scale level, and an item's letter: one capital letter (``scale_levels.csv``, ``items.csv``)."""


SERVICE_CODE = r"[A-Za-z][A-Za-z0-9_-]{0,31}"
"""Service codes become file names, so they are restricted to safe characters."""


SCENARIO_KEY = r"[a-z_]+"


NUMBER = r"\d+(?:[.,]\d+)?"
"""A number >= 0 as written by hand or by a Dutch Excel (``0.5`` or ``0,5``)."""


PAGE = r"[1-9]\d*"
"""A page of the report: a whole number of 1 or more (``8``; not ``08``, ``8.0`` or ``p. 8``)."""


SCENARIO_MEASURES = ("agenda_items", "exchange_items", "agenda_share")
"""What a scenario's thresholds count: items on the joint agenda, items to exchange, the agenda's share."""


SCENARIO_DIMENSIONS = ("all", *DIMENSIONS)


STANCES = ("advised", "option", "not_now", "not_advised")
"""The report's advice on a scenario for a coalition, from most to least in favour."""


SCORE_COLUMNS = ("service", "dimension", "item", "measure", "score", "source")


PREFERENCE_COLUMNS = ("service", "dimension", "item", "aspect", "levels", "note", "note_en")


ITEM_COLUMNS = (
    "dimension",
    "item",
    "letter",
    "label_nl",
    "label_en",
    "report_column",
    "definition_nl",
    "definition_en",
    "definition_page",
    "definition_by",
    "regional_start",
)


SERVICE_COLUMNS = ("code", "name_nl", "name_en", "region", "context_nl", "context_en", "context_page")


LEVEL_COLUMNS = ("level", "label_nl", "label_en", "regional")


SCENARIO_COLUMNS = (
    "scenario",
    "label_nl",
    "label_en",
    "measure",
    "dimension",
    "fits_at",
    "partly_at",
    "decides",
    "conditions_nl",
    "conditions_en",
    "where",
)


ADVICE_COLUMNS = (
    "coalition",
    "scenario",
    "stance",
    "where",
    "note_nl",
    "note_en",
    "test",
    "focus",
    "about",
    "reason_nl",
    "reason_en",
    "beyond_nl",
    "beyond_en",
)


ASSESSMENT_COLUMNS = ("fact", "value_nl", "value_en")


ASSESSMENT_FACTS = {
    "title": "text",
    "authors": "text",
    "date": "date",
    "language": "language",
    "region": "text",
    "scored_by": "text",
    "advisors": "text",
    "table_robustness": "text",
    "table_task": "text",
    "page_robustness": "page",
    "page_task": "page",
    "row_meets_robustness": "text",
    "row_meets_task": "text",
    "row_added_value": "text",
    "row_preference": "text",
}
"""The facts of the assessment itself (``assessment.csv``), each once, with the kind of value it
takes: the source document's title, authors, date (``YYYY-MM-DD``) and language, the region, who
gave the scores and who filled in the scores marked ``advisor``, and the source's own titles, page
numbers and row headings of its two tables. ``value_en`` may be empty: the Dutch value is used."""


ADVICE_TESTS = ("agenda", "supply", "balance", "shared", "none")
"""What the scores can test of the report's reason for an advice row (``data/README.md``)."""


DEFINITION_SOURCES = ("report", "odsamen")
"""Who wrote an item's explanation: the report itself, or this project (the report names the item only)."""


FILES = {
    "scores": "scores.csv",
    "preferences": "scale_preferences.csv",
    "items": "items.csv",
    "services": "services.csv",
    "levels": "scale_levels.csv",
    "scenarios": "scenarios.csv",
    "advice": "advice.csv",
    "assessment": "assessment.csv",
}


SYNTHETIC_MARKER = "SYNTHETIC"
"""A file of this name marks a data folder as synthetic (written by :mod:`odsamen.analysis.synth`)."""


FREE_TEXT_COLUMNS = {
    "items": ("label_nl", "label_en", "report_column", "definition_nl", "definition_en"),
    "services": ("name_nl", "name_en", "region", "context_nl", "context_en"),
    "levels": ("label_nl", "label_en"),
    "preferences": ("note", "note_en"),
    "scenarios": ("label_nl", "label_en", "conditions_nl", "conditions_en", "where"),
    "advice": ("where", "note_nl", "note_en", "reason_nl", "reason_en", "beyond_nl", "beyond_en"),
    "assessment": ("value_nl", "value_en"),
}
"""The columns of free text, per table: words for people, copied into figures, briefings and the
pack's CSV files. None of them may begin with ``=``, ``+``, ``-`` or ``@`` (:data:`FORMULA_START`)."""


WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)
"""Names Windows does not allow as a file name, in any case; service codes become file names."""


MAX_ROWS_LISTED = 10_000
"""A check lists at most this many rows of a file one by one; the last one listed says how many
more rows have the same problem. A file with a million bad rows gives ten thousand messages, not a
million, and takes seconds, not minutes, to report."""


Expectation = tuple[str, tuple[tuple[str, str], ...]]
"""A catalogue key ``expect.*`` and the fields of its template."""


def expect(key: str, **fields: object) -> Expectation:
    return f"expect.{key}", tuple(sorted((k, str(v)) for k, v in fields.items()))


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(value: str) -> str:
    """``value`` with every character a terminal would act on, or would not show, escaped.

    Line breaks and tabs read ``\\n``, ``\\r``, ``\\t``; other control and
    invisible characters their code (``\\x1b``, ``\\xa0``, ``\\u202e``). A message
    built from it stays on one line and shows what the cell really holds.
    """
    if value.isprintable():
        return value
    return "".join(char if char.isprintable() else _escaped(char) for char in value)


def _escaped(char: str) -> str:
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@dataclass(frozen=True)
class DataIssue:
    """One problem in one cell (or the header, or the whole file) of a table.

    ``expected`` says what would have been right, as a catalogue entry, so
    the message reads in Dutch or English (:meth:`describe`).
    """

    file: str
    line: int | None
    column: str | None
    value: str | None
    expected: Expectation
    more: int = 0
    """How many more rows after this one have the same problem and are not listed one by one
    (:data:`MAX_ROWS_LISTED`)."""
    sheet: str | None = None
    """The sheet of workbook ``file`` the table is on; ``line`` is then its row."""

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The full message: file, line, column, value and what was expected.

        One line, whatever the cell holds: line breaks, tabs, escape
        sequences and other invisible characters in the column name or the
        value are shown escaped (``\\n``, ``\\t``, ``\\x1b``), never sent raw
        to a terminal.
        """
        file = visible(self.file)
        if self.sheet is not None:
            key = "issue.sheet" if self.line is None else "issue.sheet_row"
            message = text(key, lang, file=file, sheet=visible(self.sheet), line=self.line)
        elif self.line is not None:
            message = text("issue.line", lang, file=file, line=self.line)
        else:
            message = text("issue.file", lang, file=file)
        if self.column is not None:
            message += text("issue.column", lang, column=visible(self.column))
        if self.value is not None:
            message += text("issue.value", lang, value=visible(self.value))
        key, fields = self.expected
        expected = text(key, lang, **{name: visible(value) for name, value in fields})
        message += text("issue.expected", lang, expected=expected)
        if self.more:
            count = f"{self.more:,}".replace(",", "." if lang == "nl" else ",")
            message += text("issue.more", lang, n=self.more, count=count)
        return message

    def __str__(self) -> str:
        return self.describe()


class DataError(ValueError):
    """Raised with every :class:`DataIssue` found, so all are fixed in one go."""

    def __init__(self, issues: list[DataIssue], lang: str = DEFAULT_LANGUAGE):
        self.issues = sorted(issues, key=lambda i: (i.file, i.sheet or "", i.line or 0, i.column or ""))
        super().__init__("\n".join(i.describe(lang) for i in self.issues))

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> list[str]:
        """Every issue's message in ``lang``."""
        return [issue.describe(lang) for issue in self.issues]

    def report(self, folder: str | Path, lang: str = DEFAULT_LANGUAGE) -> str:
        """What a user reads: how many problems ``folder`` has, then each on a line of its own.

        The count includes the rows a check found but did not list one by one
        (:attr:`DataIssue.more`).
        """
        count = sum(1 + issue.more for issue in self.issues)
        lines = [text("validate.failed", lang, n=count, folder=folder)]
        return "\n".join(lines + [f"  {message}" for message in self.describe(lang)])


def listed(issues: list[DataIssue], found: int) -> list[DataIssue]:
    """One check's ``issues`` as the user gets them: in file order, at most :data:`MAX_ROWS_LISTED`.

    ``found`` is how many rows the check found in all (some may have no issue made for them);
    when it is more than are listed, the last issue listed says how many more there are.
    """
    listed = sorted(issues, key=lambda issue: issue.line or 0)[:MAX_ROWS_LISTED]
    if listed and found > len(listed):
        listed[-1] = dataclasses.replace(listed[-1], more=found - len(listed))
    return listed
