"""Load and validate the odsamen tables.

The tables under ``data/`` are the source report's matrices in tidy form,
its forms of cooperation (``scenarios.csv``) and its advice per coalition
(``advice.csv``); see ``data/README.md``. :func:`load_dataset` reads all of
them, checks them against each other and returns pandas DataFrames with
ordered categoricals.
Every problem found is collected into one :class:`DataError`, each entry
naming the file, the line, the column, the value and what was expected.

Files may come from Excel: UTF-8 with or without a byte-order mark, UTF-16
with a byte-order mark ("Unicode text"), Windows code page 1252, ``,``, ``;``
or a tab as separator, ``TRUE``/``WAAR`` for ``true``, and empty columns at the
end of the header are all accepted. A file mixing two encodings, a header
naming a column twice, control characters in a cell, text that a spreadsheet
would run as a formula and cells Excel turned into formula errors are refused
with a hint (see ``data/README.md``).
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from odsamen.catalogue import DEFAULT_LANGUAGE, text

if TYPE_CHECKING:
    import pandera.pandas as pa

# pandera is imported by the checking functions only, so that importing this module stays cheap.

SYMBOLS = ("--", "-", "-/+", "?", "+", "++")
"""Score symbols in reading order. ``-/+`` (mixed) and ``?`` (unknown) both
sit in the middle of the scale; their relative order carries no meaning."""

LEVELS = ("A", "B", "C", "D", "E", "F")
DIMENSIONS = ("robustness", "task")
MEASURES = ("meets", "added_value")
SOURCES = ("self", "advisor")
ASPECTS = ("opleiding", "bi")
ROBUSTNESS_ITEMS = (
    "omvang",
    "kwaliteitscriteria",
    "innovatie",
    "weerstandsvermogen",
    "bi_en_opleiding",
    "taken_en_werkgebied",
)
TASK_ITEMS = (
    "uh_strategie",
    "datagedreven",
    "milieucriminaliteit",
    "ketentoezicht",
    "energietransitie",
    "zzs",
    "circulaire_economie",
    "water_en_bodem",
    "eu_wet_en_regelgeving",
    "implementatie_omgevingswet",
    "natuurbescherming",
)
ITEMS = {"robustness": ROBUSTNESS_ITEMS, "task": TASK_ITEMS}

SERVICE_CODE = r"[A-Za-z][A-Za-z0-9_-]{0,31}"
"""Service codes become file names, so they are restricted to safe characters."""
LEVELS_PATTERN = r"\?|[A-F](/[A-F])*"
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
}
"""The columns of free text, per table: words for people, copied into figures, briefings and the
pack's CSV files. None of them may begin with ``=``, ``+``, ``-`` or ``@`` (:data:`FORMULA_START`)."""

FORMULA_START = re.compile(r"[=+\-@]")
"""What a spreadsheet reads as the start of a formula (a CSV cell that begins with it is run)."""

CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
"""Characters no cell may hold: control characters (tab and line breaks excepted), the Unicode line
and paragraph separators, the bidirectional overrides and a byte-order mark inside the text."""

EXCEL_ERROR = re.compile(r"#[A-Za-z][A-Za-z/0-9]*[!?]?")
"""An error value as Excel writes it into a CSV file (``#NAME?``, ``#NAAM?``, ``#VALUE!``, ``#WAARDE!``,
``#N/A``, ...): what is left of a cell Excel read as a formula."""

TRUE_WORDS = ("true", "waar")
FALSE_WORDS = ("false", "onwaar")
"""How a boolean cell may be written (any case): by hand, or by an English or Dutch Excel."""

BOOLEAN_COLUMNS = {"levels": ("regional",), "scenarios": ("decides",), "items": ("regional_start",)}

REGIONAL_LEVELS = ("B", "C")
"""The scale levels that mean cooperation within Noord-Holland and Flevoland (``regional`` true)."""

WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)
"""Names Windows does not allow as a file name, in any case; service codes become file names."""

MAX_LINES_NAMED = 10
"""A duplicated key names at most this many other lines, and how many more there are."""

MAX_ROWS_LISTED = 10_000
"""A check lists at most this many rows of a file one by one; the last one listed says how many
more rows have the same problem. A file with a million bad rows gives ten thousand messages, not a
million, and takes seconds, not minutes, to report."""

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
"""A well-formed UTF-8 sequence of two to four bytes (a character outside ASCII)."""


Expectation = tuple[str, tuple[tuple[str, str], ...]]
"""A catalogue key ``expect.*`` and the fields of its template."""


def _expect(key: str, **fields: object) -> Expectation:
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

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The full message: file, line, column, value and what was expected.

        One line, whatever the cell holds: line breaks, tabs, escape
        sequences and other invisible characters in the column name or the
        value are shown escaped (``\\n``, ``\\t``, ``\\x1b``), never sent raw
        to a terminal.
        """
        message = text("issue.file", lang, file=visible(self.file))
        if self.line is not None:
            message = text("issue.line", lang, file=visible(self.file), line=self.line)
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

    def __init__(self, issues: list[DataIssue]):
        self.issues = sorted(issues, key=lambda i: (i.file, i.line or 0, i.column or ""))
        super().__init__("\n".join(str(i) for i in self.issues))

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


@dataclass
class Dataset:
    """All validated tables of one data folder."""

    folder: Path
    scores: pd.DataFrame
    preferences: pd.DataFrame
    items: pd.DataFrame
    services: pd.DataFrame
    levels: pd.DataFrame
    synthetic: bool = False
    warnings: list[str] = field(default_factory=list)
    scenarios: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SCENARIO_COLUMNS)))
    """The forms of cooperation with the thresholds the analysis reads (``data/scenarios.csv``)."""
    advice: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(ADVICE_COLUMNS)))
    """The report's advice per coalition and scenario (``data/advice.csv``); may have no rows."""
    encodings: dict[str, str] = field(default_factory=dict)
    """The encoding each file was read in (``utf-8``, ``utf-16`` or ``cp1252``), by file name."""

    @property
    def service_codes(self) -> list[str]:
        """Service codes in codebook order."""
        return list(self.services["code"])

    def item_codes(self, dimension: str) -> list[str]:
        """Item keys of ``dimension`` in the report's column order."""
        return list(self.items.loc[self.items["dimension"] == dimension, "item"])

    def item_label(self, item: str, lang: str = "nl") -> str:
        """The codebook label of ``item`` in ``lang``."""
        return self.item_labels(lang)[item]

    def item_labels(self, lang: str = "nl") -> dict[str, str]:
        """Every item key with its codebook label in ``lang``."""
        return dict(zip(self.items["item"], self.items[f"label_{lang}"], strict=True))

    def item_definition(self, item: str, lang: str = "nl") -> str:
        """What criterion or task ``item`` means, in plain words in ``lang`` (paraphrased from the report)."""
        return self.items.set_index("item").at[item, f"definition_{lang}"]

    def definition_page(self, item: str) -> int:
        """The report's page that :meth:`item_definition` draws on."""
        return int(self.items.set_index("item").at[item, "definition_page"])

    def service_name(self, code: str, lang: str = "nl") -> str:
        """The full name of service ``code`` in ``lang``."""
        return self.services.set_index("code").at[code, f"name_{lang}"]

    def service_context(self, code: str, lang: str = "nl") -> str:
        """Service ``code``'s own situation as the report describes it, in ``lang`` (paraphrased)."""
        return self.services.set_index("code").at[code, f"context_{lang}"]

    def context_page(self, code: str) -> int:
        """The report's page that :meth:`service_context` draws on."""
        return int(self.services.set_index("code").at[code, "context_page"])

    def level_label(self, level: str, lang: str = "nl") -> str:
        """The label of scale level ``level`` in ``lang``."""
        return self.levels.set_index("level").at[level, f"label_{lang}"]

    def scenario_label(self, scenario: str, lang: str = "nl") -> str:
        """The label of scenario ``scenario`` in ``lang``."""
        return self.scenarios.set_index("scenario").at[scenario, f"label_{lang}"]

    @property
    def regional_levels(self) -> set[str]:
        """The scale levels that mean cooperation within the region."""
        return set(self.levels.loc[self.levels["regional"], "level"])


def summary(data: Dataset, lang: str = DEFAULT_LANGUAGE) -> str:
    """One sentence saying what a valid data folder holds, then a line per file read as Windows-1252."""
    lines = [
        text(
            "validate.ok",
            lang,
            folder=data.folder,
            n_scores=len(data.scores),
            n_preferences=len(data.preferences),
            n_services=len(data.services),
        )
    ]
    return "\n".join(lines + [f"  {message}" for message in encoding_notes(data.encodings, lang)])


def encoding_notes(encodings: dict[str, str], lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """A sentence for each file that was read in Windows code page 1252 rather than UTF-8."""
    return [text("validate.cp1252", lang, file=name) for name, code in encodings.items() if code == "cp1252"]


# --- reading -----------------------------------------------------------------


def read_table(path: Path, label: str) -> tuple[pd.DataFrame | None, list[DataIssue]]:
    """Read a CSV file as written by hand, by pandas or by Excel.

    Returns the rows as strings (surrounding spaces removed) with the file's
    line number of each row in the column ``_line``, or ``None`` and the
    reasons when the file cannot be read. The encoding the file was read in
    is in the frame's ``attrs["encoding"]`` (see :func:`decode`).

    Empty columns at the end of the header, as Excel leaves them, are
    dropped when every cell under them is empty too; a filled cell under a
    column without a name, a column without a name between others and a
    column named twice are reported.

    Each distinct cell text is kept once in memory (:func:`sys.intern`): a
    million rows hold a few thousand service codes and six score symbols, and
    a copy per cell would take hundreds of megabytes.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [DataIssue(label, None, None, None, _expect("readable_file", reason=exc.strerror))]
    content, encoding, issues = decode(raw, label)
    del raw  # the text is all that is read from here on
    if content is None:
        return None, issues
    end = content.find("\n")
    header = content if end < 0 else content[:end]  # not split(): that would copy the whole file
    sep = max((",", ";", "\t"), key=header.count)  # ties: ','
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=sep)
    try:
        names = [c.strip() for c in next(reader)]
    except StopIteration:
        return None, [DataIssue(label, 1, None, None, _expect("header"))]
    except csv.Error:  # a cell longer than the csv module takes: a quote never closed, say
        return None, [DataIssue(label, 1, None, None, _expect("cell_size", limit=csv.field_size_limit()))]
    width = len(names)
    while width and not names[width - 1]:
        width -= 1  # Excel's empty columns after the last one
    columns = names[:width]
    issues += _header_issues(columns, label)
    rows, lines = [], []
    unnamed, misfits = [], []  # records with a filled cell after the last column; with too few cells
    n_unnamed = n_misfits = 0
    while True:
        line = reader.line_num + 1  # where the record starts: a quoted cell may span lines
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error:
            return None, [
                *issues,
                DataIssue(label, line, None, None, _expect("cell_size", limit=csv.field_size_limit())),
            ]
        if len(record) > width:
            extra = next((i for i in range(width, len(record)) if record[i].strip()), None)
            if extra is not None and extra < len(names):
                n_unnamed += 1
                if n_unnamed <= MAX_ROWS_LISTED:
                    unnamed.append(
                        DataIssue(
                            label,
                            line,
                            None,
                            record[extra].strip(),
                            _expect("unnamed_cell", position=_position(extra), columns=", ".join(columns)),
                        )
                    )
            if extra is None or extra < len(names):
                record = record[:width]  # the named cells are still checked
        cells = list(map(sys.intern, map(str.strip, record)))
        if not any(cells):
            continue
        if len(cells) != width:
            n_misfits += 1
            if n_misfits <= MAX_ROWS_LISTED:
                misfits.append(
                    DataIssue(
                        label,
                        line,
                        None,
                        sep.join(record),
                        _expect("fields", n=width, sep=sep, found=len(record)),
                    )
                )
            continue
        rows.append(cells)
        lines.append(line)
    issues += _listed(unnamed, n_unnamed) + _listed(misfits, n_misfits)
    if len(set(columns)) < len(columns) or "" in columns:
        return None, issues
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame["_line"] = pd.Series(lines, dtype="int64")
    frame.attrs["encoding"] = encoding
    return frame, issues


def _position(index: int) -> str:
    """Column ``index`` (from 0) as a user finds it: its number and Excel's letter, such as ``7 (G)``."""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{index + 1} ({letters})"


def _header_issues(columns: list[str], label: str) -> list[DataIssue]:
    """A column without a name between named ones, and every name used more than once."""
    issues = []
    positions: dict[str, list[int]] = {}
    for index, name in enumerate(columns):
        positions.setdefault(name, []).append(index)
    for name, where in positions.items():
        if not name:
            for index in where:
                issues.append(
                    DataIssue(label, 1, None, None, _expect("column_name", position=_position(index)))
                )
        elif len(where) > 1:
            listed = ", ".join(_position(index) for index in where)
            issues.append(DataIssue(label, 1, name, None, _expect("column_once", positions=listed)))
    return issues


def decode(raw: bytes, label: str) -> tuple[str | None, str, list[DataIssue]]:
    """The text of a file, the encoding it was read in, and why it could not be read.

    The encoding is decided per file, never guessed cell by cell: UTF-8
    (with or without a byte-order mark); UTF-16 with a byte-order mark
    (Excel's "Unicode text"); else, when the file is not UTF-8 and holds no
    UTF-8 character at all, Windows code page 1252 (Excel's "CSV" on a
    Windows in Western Europe). A file that holds UTF-8 characters next to
    bytes that are not UTF-8 mixes two encodings and is refused, naming the
    line of the first such byte: reading it either way would garble one
    part. So are files in no encoding at all, and UTF-16 without a
    byte-order mark.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].decode("utf-16", errors="replace").count("\n") + 1
            return None, "utf-16", [DataIssue(label, line, None, None, _expect("encoding.utf16"))]
    if b"\x00" in raw:
        start = raw.index(b"\x00")
        return None, "", [DataIssue(label, _line_of(raw, start), None, None, _expect("encoding.nul"))]
    try:
        return raw.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as exc:
        first = exc.start + (3 if raw.startswith(codecs.BOM_UTF8) else 0)
    if raw.startswith(codecs.BOM_UTF8) or _UTF8_MULTIBYTE.search(raw):
        return None, "", [_encoding_issue(raw, first, label, "encoding.mixed")]
    try:
        return raw.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError as exc:
        return None, "", [_encoding_issue(raw, exc.start, label, "encoding.unknown")]


def _line_of(raw: bytes, offset: int) -> int:
    """The line (from 1) that byte ``offset`` of ``raw`` is on; ``\\r\\n``, ``\\n`` and ``\\r`` end lines."""
    before = raw[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _encoding_issue(raw: bytes, offset: int, label: str, key: str) -> DataIssue:
    """An issue naming the line of byte ``offset``, its value and the text around it."""
    begin = max(raw.rfind(b"\n", 0, offset), raw.rfind(b"\r", 0, offset)) + 1
    begin = max(begin, offset - 40)
    around = raw[begin : offset + 20].split(b"\n")[0].split(b"\r")[0]
    return DataIssue(
        label,
        _line_of(raw, offset),
        None,
        around.decode("utf-8", errors="backslashreplace"),
        _expect(key, byte=f"0x{raw[offset]:02X}"),
    )


# --- checking ----------------------------------------------------------------


def _listing(values) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _isin(values) -> pa.Check:
    import pandera.pandas as pa

    return pa.Check.isin(list(values))


def _fullmatch(pattern: str) -> pa.Check:
    import pandera.pandas as pa

    return pa.Check.str_matches(rf"^(?:{pattern})$")


def _schema(columns: dict[str, pa.Check | None], unique: list[str] | None) -> pa.DataFrameSchema:
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {name: pa.Column(str, check, nullable=False) for name, check in columns.items()}
        | {"_line": pa.Column(int)},
        strict=True,
        unique=unique,
        report_duplicates="all",
    )


def _check_frame(
    frame: pd.DataFrame,
    label: str,
    columns: dict[str, tuple[pa.Check | None, str]],
    unique: list[str] | None = None,
) -> list[DataIssue]:
    """Check ``frame`` with pandera and translate its failures into issues; ``unique`` is checked here.

    Each column's pandera check first runs on its own over the column's distinct values
    (:func:`_failing`). pandera then validates only the rows that failed a check, at most
    :data:`MAX_ROWS_LISTED` per column, so a million bad cells never become a million failure
    cases; for a valid table it validates no rows, only the columns of the header. Every cell is
    text (:func:`read_table`), so the schema's type and missing-value checks have nothing to find
    in the rows left out.
    """
    import pandera.pandas as pa

    checks = {name: check for name, (check, _) in columns.items()}
    failing = {
        name: frame.index[_failing(check, frame[name])]
        for name, check in checks.items()
        if check is not None and name in frame.columns
    }
    shown = sorted(set().union(*(rows[:MAX_ROWS_LISTED] for rows in failing.values())))
    issues = []
    try:
        _schema(checks, None).validate(frame.loc[shown], lazy=True)
    except pa.errors.SchemaErrors as err:
        issues = _translate(err.failure_cases, frame, label, columns, unique)
    # A row shown for one column may fail another column's check too, further on than that
    # column's first rows: each column lists its own first rows, and counts all of them.
    cells = [
        issue
        for name, rows in failing.items()
        for issue in _listed([issue for issue in issues if issue.column == name], len(rows))
    ]
    issues = [issue for issue in issues if issue.column not in failing] + cells
    if unique and set(unique) <= set(frame.columns):
        issues += _check_unique(frame, label, unique)
    return issues


def _failing(check: pa.Check, cells: pd.Series) -> pd.Series:
    """Where ``cells`` fail pandera's ``check``: a boolean Series like ``cells``."""
    return _per_value(cells, lambda values: ~check(values).check_output)


def _per_value(cells: pd.Series, test: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``test`` (a Series of booleans for a Series of text) for every cell, run once per distinct text.

    What a check says about a cell depends on its text only, and a million rows hold a few
    thousand service codes and six score symbols: testing each text once saves a regular
    expression per row. Cells are never missing (:func:`read_table` gives text).
    """
    codes, values = pd.factorize(cells)
    flags = test(pd.Series(values, dtype=object)).to_numpy(dtype=bool)
    return pd.Series(flags[codes], index=cells.index)


def _listed(issues: list[DataIssue], found: int) -> list[DataIssue]:
    """One check's ``issues`` as the user gets them: in file order, at most :data:`MAX_ROWS_LISTED`.

    ``found`` is how many rows the check found in all (some may have no issue made for them);
    when it is more than are listed, the last issue listed says how many more there are.
    """
    listed = sorted(issues, key=lambda issue: issue.line or 0)[:MAX_ROWS_LISTED]
    if listed and found > len(listed):
        listed[-1] = dataclasses.replace(listed[-1], more=found - len(listed))
    return listed


def _row_issues(
    frame: pd.DataFrame, where: pd.Series, issue: Callable[[tuple], DataIssue]
) -> list[DataIssue]:
    """``issue(row)`` for every row of ``frame`` where ``where`` holds (rows as :func:`_rows` gives
    them), made for the first :data:`MAX_ROWS_LISTED` rows only and listed by :func:`_listed`."""
    rows = frame[where]
    return _listed([issue(row) for row in _rows(rows.head(MAX_ROWS_LISTED))], len(rows))


def _translate(failures, frame, label, columns, unique) -> list[DataIssue]:
    expected_columns = ", ".join(columns)
    issues = []
    for case in failures.itertuples(index=False):
        check = str(case.check)
        if case.schema_context == "DataFrameSchema" and "column_in_schema" in check:
            issues.append(
                DataIssue(
                    label,
                    1,
                    str(case.failure_case),
                    None,
                    _expect("no_such_column", columns=expected_columns),
                )
            )
        elif case.schema_context == "DataFrameSchema" and "column_in_dataframe" in check:
            issues.append(
                DataIssue(
                    label,
                    1,
                    str(case.failure_case),
                    None,
                    _expect("column_in_header", columns=expected_columns),
                )
            )
        elif case.index is not None and case.column in columns:
            line = int(frame.at[case.index, "_line"])
            issues.append(
                DataIssue(label, line, case.column, str(case.failure_case), columns[case.column][1])
            )
    return list(dict.fromkeys(issues))


def _rows(frame: pd.DataFrame):
    """Rows as named tuples; ``source_line`` is the row's line in its file."""
    return frame.rename(columns={"_line": "source_line"}).itertuples(index=False)


def _check_unique(frame: pd.DataFrame, label: str, unique: list[str]) -> list[DataIssue]:
    """Every row whose key (the columns ``unique``) another row has too, naming the other lines.

    The rows are grouped by key once (a hash of each key), so a file full of
    duplicates takes linear time; a key repeated very often names the first
    :data:`MAX_LINES_NAMED` other lines and how many more there are. The
    first :data:`MAX_ROWS_LISTED` rows are listed (:func:`_listed`).
    """
    repeated = frame.duplicated(unique, keep=False)
    if not repeated.any():
        return []
    rows = frame.loc[repeated, [*unique, "_line"]]
    groups = rows.groupby(list(unique), sort=False, dropna=False).ngroup()
    shown = rows.index[:MAX_ROWS_LISTED]
    others = _other_lines(groups, rows["_line"], shown)
    issues = [
        _duplicate_of(label, unique, tuple(getattr(row, name) for name in unique), row.source_line, *other)
        for row, other in zip(_rows(rows.loc[shown]), others, strict=True)
    ]
    return _listed(issues, len(rows))


def _other_lines(groups: pd.Series, lines: pd.Series, shown: pd.Index) -> list[tuple[list[int], int]]:
    """For each row in ``shown``: the lines of the first :data:`MAX_LINES_NAMED` other rows of its
    group, and how many other rows its group has.

    ``groups`` numbers each row's group and ``lines`` gives its line, both indexed like the rows.
    Only the first lines of each group are collected, so a row whose key is on a million other
    lines costs no more than a row whose key is on one.
    """
    sizes = groups.value_counts()
    wanted = groups.isin(groups.loc[shown])
    first = lines[wanted].groupby(groups[wanted], sort=False).head(MAX_LINES_NAMED + 1)
    heads: dict[int, list[int]] = {}
    for group, line in zip(groups.loc[first.index], first, strict=True):
        heads.setdefault(group, []).append(int(line))
    result = []
    for group, line in zip(groups.loc[shown], lines.loc[shown], strict=True):
        named = [other for other in heads[group] if other != line][:MAX_LINES_NAMED]
        result.append((named, int(sizes[group]) - 1))
    return result


def _duplicate_of(
    label: str, unique: list[str], key: tuple, line: int, others: list[int], n_others: int
) -> DataIssue:
    """The issue of a row at ``line`` whose ``key`` is on ``n_others`` other lines, the first ``others``."""
    named = ", ".join(str(n) for n in others)
    if n_others > len(others):
        expected = _expect("unique_key_more", lines=named, more=n_others - len(others))
    else:
        expected = _expect("unique_key", lines=named)
    return DataIssue(label, int(line), ",".join(unique), ",".join(map(str, key)), expected)


def _check_items_in_dimension(frame: pd.DataFrame, label: str) -> list[DataIssue]:
    """Every known item under the other dimension than its own."""
    own = frame["item"].map({item: dimension for dimension, items in ITEMS.items() for item in items})
    wrong = own.notna() & frame["dimension"].isin(DIMENSIONS) & (own != frame["dimension"])
    return _row_issues(
        frame,
        wrong,
        lambda row: DataIssue(
            label,
            row.source_line,
            "item",
            row.item,
            _expect(f"item_of.{row.dimension}", values=_listing(ITEMS[row.dimension])),
        ),
    )


ITEMS_ALL = ROBUSTNESS_ITEMS + TASK_ITEMS


def _check_complete(frame, label, services, keys: dict[str, tuple]) -> list[DataIssue]:
    """Report every expected (service, dimension, item, ...) combination that has no row.

    The expected combinations are a table (every service with every item and every value of
    ``keys``), looked up in the rows by pandas in one go, not one by one.
    """
    names = ["service", "dimension", "item", *keys]
    items = pd.DataFrame(
        [(dimension, item) for dimension, items in ITEMS.items() for item in items], columns=names[1:3]
    )
    expected = pd.DataFrame({"service": services}, dtype=object).merge(items, how="cross")
    for name, values in keys.items():
        expected = expected.merge(pd.DataFrame({name: list(values)}, dtype=object), how="cross")
    wanted = pd.MultiIndex.from_frame(expected)
    missing = wanted[~wanted.isin(pd.MultiIndex.from_frame(frame[names]))]
    issues = [
        DataIssue(
            label,
            None,
            None,
            None,
            _expect("row_present", row=", ".join(f"{k}={v}" for k, v in zip(names, key, strict=True))),
        )
        for key in missing[:MAX_ROWS_LISTED]
    ]
    return _listed(issues, len(missing))


def _check_codebook(tables: dict[str, pd.DataFrame]) -> list[DataIssue]:
    import pandera.pandas as pa

    issues = []
    items, services, levels = tables["items"], tables["services"], tables["levels"]
    issues += _check_frame(
        items,
        FILES["items"],
        {
            "dimension": (_isin(DIMENSIONS), _expect("one_of", values=_listing(DIMENSIONS))),
            "item": (_isin(ITEMS_ALL), _expect("one_of", values=_listing(ITEMS_ALL))),
            "letter": (_fullmatch(r"[A-K]"), _expect("letter")),
            "label_nl": (pa.Check.str_length(min_value=1), _expect("label_nl")),
            "label_en": (pa.Check.str_length(min_value=1), _expect("label_en")),
            "report_column": (pa.Check.str_length(min_value=1), _expect("report_column")),
            "definition_nl": (_filled(), _expect("definition_nl")),
            "definition_en": (_filled(), _expect("definition_en")),
            "definition_page": (_fullmatch(PAGE), _expect("page")),
            "definition_by": (
                _isin(DEFINITION_SOURCES),
                _expect("one_of", values=_listing(DEFINITION_SOURCES)),
            ),
            "regional_start": (_isin(["true", "false"]), _expect("boolean")),
        },
        unique=["item"],
    )
    if not issues:
        issues += _check_items_in_dimension(items, FILES["items"])
        for dimension, expected in ITEMS.items():
            found = tuple(items.loc[items["dimension"] == dimension, "item"])
            if found != expected:
                issues.append(
                    DataIssue(
                        FILES["items"],
                        None,
                        "item",
                        ", ".join(found),
                        _expect(f"items_in_order.{dimension}", values=", ".join(expected)),
                    )
                )
    issues += _check_frame(
        services,
        FILES["services"],
        {
            "code": (
                _fullmatch(SERVICE_CODE),
                _expect("code"),
            ),
            "name_nl": (pa.Check.str_length(min_value=1), _expect("name_nl")),
            "name_en": (pa.Check.str_length(min_value=1), _expect("name_en")),
            "region": (pa.Check.str_length(min_value=1), _expect("region")),
            "context_nl": (_filled(), _expect("context_nl")),
            "context_en": (_filled(), _expect("context_en")),
            "context_page": (_fullmatch(PAGE), _expect("page")),
        },
        unique=["code"],
    )
    if "code" in services.columns:
        issues += _check_codes(services)
    issues += _check_frame(
        levels,
        FILES["levels"],
        {
            "level": (_isin(LEVELS), _expect("one_of", values=_listing(LEVELS))),
            "label_nl": (pa.Check.str_length(min_value=1), _expect("label_nl")),
            "label_en": (pa.Check.str_length(min_value=1), _expect("label_en")),
            "regional": (_isin(["true", "false"]), _expect("boolean")),
        },
        unique=["level"],
    )
    if {"level", "regional"} <= set(levels.columns):
        regional = levels["level"].isin(REGIONAL_LEVELS).map({True: "true", False: "false"})
        wrong = levels["level"].isin(LEVELS) & levels["regional"].isin(["true", "false"])
        for row in _rows(levels[wrong & (levels["regional"] != regional)]):
            issues.append(
                DataIssue(
                    FILES["levels"],
                    row.source_line,
                    "regional",
                    row.regional,
                    _expect(f"regional.{'true' if row.level in REGIONAL_LEVELS else 'false'}"),
                )
            )
    if "level" in levels and tuple(levels["level"]) != LEVELS:
        issues.append(
            DataIssue(
                FILES["levels"],
                None,
                "level",
                ", ".join(levels["level"]),
                _expect("levels_in_order", values=", ".join(LEVELS)),
            )
        )
    return issues


def _check_codes(services: pd.DataFrame) -> list[DataIssue]:
    """Service codes that are no file name on Windows, or that differ from another only in case.

    The pack names files after the codes and is often unzipped on a Windows
    share, where ``CON`` is a device and ``NHN`` and ``nhn`` are one file.
    """
    label, codes = FILES["services"], services["code"]
    issues = _row_issues(
        services,
        codes.str.upper().isin(WINDOWS_RESERVED),
        lambda row: DataIssue(label, row.source_line, "code", row.code, _expect("code_reserved")),
    )
    folded = codes.str.casefold()
    clash = folded.duplicated(keep=False) & ~codes.duplicated(keep=False)
    if clash.any():
        # every row in a group is another spelling: a code used twice is a duplicate, reported as such
        rows = services[clash]
        groups = pd.Series(pd.factorize(folded[clash])[0], index=rows.index)
        shown = rows.index[:MAX_ROWS_LISTED]
        found = []
        for row, (others, n_others) in zip(
            _rows(rows.loc[shown]), _other_lines(groups, rows["_line"], shown), strict=True
        ):
            named = ", ".join(str(n) for n in others)
            if n_others > len(others):
                expected = _expect("code_case_more", lines=named, more=n_others - len(others))
            else:
                expected = _expect("code_case", lines=named)
            found.append(DataIssue(label, row.source_line, "code", row.code, expected))
        issues += _listed(found, len(rows))
    return issues


def _excel_damage(issue: DataIssue) -> DataIssue:
    """``issue`` about a score symbol, with the hint on Excel's formulas if Excel damaged the cell."""
    if issue.column == "score" and issue.value is not None and _damaged(issue.value):
        return dataclasses.replace(issue, expected=_expect("symbol_excel", values=_listing(SYMBOLS)))
    return issue


def _damaged(cell: str) -> bool:
    """Whether ``cell`` is what Excel leaves of a symbol it read as a formula (``#NAME?``, ``=--``)."""
    return cell.startswith("=") or EXCEL_ERROR.fullmatch(cell) is not None


def _check_cells(frame: pd.DataFrame, label: str, free_text: tuple[str, ...]) -> list[DataIssue]:
    """Control characters in any cell, and free text that a spreadsheet would run as a formula."""
    issues = []
    for column in frame.columns:
        if column == "_line":
            continue
        cells = frame[column]
        control = _per_value(cells, lambda values: values.str.contains(CONTROL_CHARACTERS))
        issues += _cell_issues(frame, column, control, _expect("no_control"), label)
        if column in free_text:
            formula = _per_value(cells, lambda values: values.str.match(FORMULA_START)) & ~control
            issues += _cell_issues(frame, column, formula, _expect("no_formula"), label)
    return issues


def _cell_issues(
    frame: pd.DataFrame, column: str, where: pd.Series, expected: Expectation, label: str
) -> list[DataIssue]:
    """An issue for each cell of ``column`` where ``where`` holds, for the first rows (:func:`_listed`)."""
    rows = frame.loc[where, ["_line", column]]
    issues = [
        DataIssue(label, int(line), column, value, expected)
        for line, value in rows.head(MAX_ROWS_LISTED).itertuples(index=False)
    ]
    return _listed(issues, len(rows))


def _normalise_booleans(tables: dict[str, pd.DataFrame]) -> None:
    """``TRUE``/``WAAR`` and ``FALSE``/``ONWAAR`` (any case, as Excel writes them): ``true``/``false``."""
    words = dict.fromkeys(TRUE_WORDS, "true") | dict.fromkeys(FALSE_WORDS, "false")
    for name, columns in BOOLEAN_COLUMNS.items():
        frame = tables[name]
        for column in columns:
            if column in frame.columns:
                cells = frame[column]
                frame[column] = cells.str.lower().map(words).fillna(cells)


def _check_scores(scores: pd.DataFrame, services: list[str]) -> list[DataIssue]:
    label = FILES["scores"]
    issues = _check_frame(
        scores,
        label,
        {
            "service": (
                _isin(services),
                _expect("service", file=FILES["services"], values=_listing(services)),
            ),
            "dimension": (_isin(DIMENSIONS), _expect("one_of", values=_listing(DIMENSIONS))),
            "item": (_isin(ITEMS_ALL), _expect("item", file=FILES["items"], values=_listing(ITEMS_ALL))),
            "measure": (_isin(MEASURES), _expect("one_of", values=_listing(MEASURES))),
            "score": (_isin(SYMBOLS), _expect("symbol", values=_listing(SYMBOLS))),
            "source": (_isin(SOURCES), _expect("one_of", values=_listing(SOURCES))),
        },
        unique=["service", "dimension", "item", "measure"],
    )
    issues = [_excel_damage(issue) for issue in issues]
    if set(SCORE_COLUMNS) <= set(scores.columns):
        issues += _check_items_in_dimension(scores, label)
        issues += _check_complete(scores, label, services, {"measure": MEASURES})
    return issues


def _check_preferences(prefs: pd.DataFrame, services: list[str]) -> list[DataIssue]:
    label = FILES["preferences"]
    issues = _check_frame(
        prefs,
        label,
        {
            "service": (
                _isin(services),
                _expect("service", file=FILES["services"], values=_listing(services)),
            ),
            "dimension": (_isin(DIMENSIONS), _expect("one_of", values=_listing(DIMENSIONS))),
            "item": (_isin(ITEMS_ALL), _expect("item", file=FILES["items"], values=_listing(ITEMS_ALL))),
            "aspect": (_isin(("",) + ASPECTS), _expect("aspect", values=_listing(ASPECTS))),
            "levels": (
                _fullmatch(f"({LEVELS_PATTERN})?"),
                _expect("levels"),
            ),
            "note": (None, _expect("free_text")),
            "note_en": (None, _expect("free_text")),
        },
        unique=["service", "dimension", "item", "aspect"],
    )
    if set(PREFERENCE_COLUMNS) <= set(prefs.columns):
        issues += _check_items_in_dimension(prefs, label)
        issues += _check_complete(prefs, label, services, {})
        levels = prefs["levels"]
        repeated = _per_value(
            levels, lambda values: values.str.fullmatch(LEVELS_PATTERN) & values.str.match(r".*([A-F]).*\1")
        )
        issues += _row_issues(
            prefs,
            repeated,
            lambda row: DataIssue(label, row.source_line, "levels", row.levels, _expect("letter_once")),
        )
        issues += _row_issues(
            prefs,
            (levels == "") & (prefs["note"] == ""),
            lambda row: DataIssue(label, row.source_line, "note", "", _expect("note_for_empty")),
        )
        issues += _row_issues(
            prefs,
            (levels != "") & (prefs["note"] != ""),
            lambda row: DataIssue(label, row.source_line, "note", row.note, _expect("note_only_for_empty")),
        )
        issues += _row_issues(
            prefs,
            (levels != "") & (prefs["note_en"] != ""),
            lambda row: DataIssue(
                label, row.source_line, "note_en", row.note_en, _expect("note_only_for_empty")
            ),
        )
        named = (prefs["aspect"] != "").groupby([prefs["service"], prefs["dimension"], prefs["item"]])
        split = named.transform("any")
        issues += _row_issues(
            prefs,
            split & (prefs["aspect"] == ""),
            lambda row: DataIssue(
                label, row.source_line, "aspect", "", _expect("aspect_needed", values=_listing(ASPECTS))
            ),
        )
    return issues


def _filled() -> pa.Check:
    import pandera.pandas as pa

    return pa.Check.str_length(min_value=1)


def _number(cell: str) -> float:
    """The value of a threshold cell (``0,5`` from a Dutch Excel too); NaN where empty."""
    return float(cell.replace(",", ".")) if cell else math.nan


def _check_scenarios(scenarios: pd.DataFrame) -> list[DataIssue]:
    """Check ``scenarios.csv``."""
    label = FILES["scenarios"]
    threshold = (_fullmatch(f"({NUMBER})?"), _expect("threshold"))
    issues = _check_frame(
        scenarios,
        label,
        {
            "scenario": (_fullmatch(SCENARIO_KEY), _expect("scenario_key")),
            "label_nl": (_filled(), _expect("label_nl")),
            "label_en": (_filled(), _expect("label_en")),
            "measure": (
                _isin(("", *SCENARIO_MEASURES)),
                _expect("empty_or_one_of", values=_listing(SCENARIO_MEASURES)),
            ),
            "dimension": (
                _isin(SCENARIO_DIMENSIONS),
                _expect("one_of", values=_listing(SCENARIO_DIMENSIONS)),
            ),
            "fits_at": threshold,
            "partly_at": threshold,
            "decides": (_isin(["true", "false"]), _expect("boolean")),
            "conditions_nl": (_filled(), _expect("conditions_nl")),
            "conditions_en": (_filled(), _expect("conditions_en")),
            "where": (_filled(), _expect("where")),
        },
        unique=["scenario"],
    )
    if set(SCENARIO_COLUMNS) <= set(scenarios.columns):
        for row in _rows(scenarios):
            issues += _check_thresholds(row, label)
            if row.measure in ("", *SCENARIO_MEASURES) and row.decides in ("true", "false"):
                decides = "true" if row.measure else "false"
                if row.decides != decides:
                    issues.append(
                        DataIssue(
                            label, row.source_line, "decides", row.decides, _expect(f"decides.{decides}")
                        )
                    )
    return issues


def _check_thresholds(row, label: str) -> list[DataIssue]:
    """``fits_at`` and ``partly_at`` of one scenario against its ``measure`` and each other."""
    if row.measure not in ("", *SCENARIO_MEASURES):
        return []  # the measure itself is reported
    issues, values = [], {}
    for column in ("fits_at", "partly_at"):
        cell = getattr(row, column)
        if cell and not re.fullmatch(NUMBER, cell):
            continue  # not a number: reported by the column check
        if not row.measure and cell:
            expected = _expect("threshold_unused")
        elif row.measure and not cell:
            expected = _expect("threshold_needed", measure=row.measure)
        elif row.measure == "agenda_share" and _number(cell) > 1:
            expected = _expect("share", measure=row.measure)
        elif row.measure.endswith("_items") and not _number(cell).is_integer():
            expected = _expect("whole_number", measure=row.measure)
        else:
            values[column] = _number(cell)
            continue
        issues.append(DataIssue(label, row.source_line, column, cell, expected))
    if len(values) == 2 and values["partly_at"] > values["fits_at"]:
        issues.append(
            DataIssue(
                label,
                row.source_line,
                "partly_at",
                row.partly_at,
                _expect("partly_at_most", fits=row.fits_at),
            )
        )
    return issues


def _check_advice(
    advice: pd.DataFrame,
    services: list[str] | None,
    scenarios: list[str] | None,
    items: list[str] | None = None,
) -> list[DataIssue]:
    """Check ``advice.csv`` against the service codes, scenario keys and item keys (``None``: table
    unreadable)."""
    label = FILES["advice"]
    if scenarios is None:
        scenario = (_fullmatch(SCENARIO_KEY), _expect("scenario_key"))
    else:
        scenario = (
            _isin(scenarios),
            _expect("scenario", file=FILES["scenarios"], values=_listing(scenarios)),
        )
    issues = _check_frame(
        advice,
        label,
        {
            "coalition": (None, _expect("free_text")),
            "scenario": scenario,
            "stance": (_isin(STANCES), _expect("one_of", values=_listing(STANCES))),
            "where": (_filled(), _expect("where")),
            "note_nl": (_filled(), _expect("note_nl")),
            "note_en": (_filled(), _expect("note_en")),
            "test": (_isin(ADVICE_TESTS), _expect("one_of", values=_listing(ADVICE_TESTS))),
            "focus": (None, _expect("free_text")),
            "about": (None, _expect("free_text")),
            "reason_nl": (_filled(), _expect("reason_nl")),
            "reason_en": (_filled(), _expect("reason_en")),
            "beyond_nl": (_filled(), _expect("beyond_nl")),
            "beyond_en": (_filled(), _expect("beyond_en")),
        },
        unique=["coalition", "scenario"],
    )
    if "coalition" in advice.columns:
        order = None if services is None else {code: position for position, code in enumerate(services)}
        for row in _rows(advice):
            expected = _coalition_problem(row.coalition, services, order)
            if expected is not None:
                issues.append(DataIssue(label, row.source_line, "coalition", row.coalition, expected))
            elif "focus" in advice.columns:
                issues += _check_focus(row, label)
    if "about" in advice.columns and items is not None:
        for row in _rows(advice):
            keys = row.about.split(";")
            if row.about not in ("all", "none") and not set(keys) <= set(items):
                expected = _expect("about", file=FILES["items"], values=_listing(items))
                issues.append(DataIssue(label, row.source_line, "about", row.about, expected))
    return issues


def _check_focus(row, label: str) -> list[DataIssue]:
    """``focus``: empty, or members of the row's coalition joined by ``;``."""
    members = row.coalition.split("+")
    if row.focus and not set(row.focus.split(";")) <= set(members):
        return [
            DataIssue(
                label, row.source_line, "focus", row.focus, _expect("focus", members=", ".join(members))
            )
        ]
    return []


def _coalition_problem(
    cell: str, services: list[str] | None, order: dict[str, int] | None = None
) -> Expectation | None:
    """What is wrong with one coalition cell, or ``None``; ``services`` in the order of ``services.csv``,
    ``order`` each code's position in it (made once for all rows)."""
    if services is not None and order is None:
        order = {code: position for position, code in enumerate(services)}
    codes = cell.split("+")
    known = all(re.fullmatch(SERVICE_CODE, code) for code in codes) and (
        order is None or all(code in order for code in codes)
    )
    if not known or len(codes) < 2:
        if services is None:
            return _expect("coalition_codes")
        example = "+".join(services[:2])
        return _expect("coalition", file=FILES["services"], example=example, values=_listing(services))
    if len(set(codes)) < len(codes):
        return _expect("coalition_once")
    if order is not None:
        ordered = sorted(codes, key=order.__getitem__)
        if codes != ordered:
            return _expect("coalition_order", file=FILES["services"], order="+".join(ordered))
    return None


# --- typing ------------------------------------------------------------------


def _categorical(values, categories) -> pd.Categorical:
    return pd.Categorical(values, categories=list(categories), ordered=True)


def _typed(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    items = tables["items"].drop(columns="_line").reset_index(drop=True)
    services = tables["services"].drop(columns="_line").reset_index(drop=True)
    levels = tables["levels"].drop(columns="_line").reset_index(drop=True)
    levels["regional"] = levels["regional"] == "true"
    items["definition_page"] = items["definition_page"].astype("int64")
    items["regional_start"] = items["regional_start"] == "true"
    services["context_page"] = services["context_page"].astype("int64")
    codes = list(services["code"])
    item_order = list(items["item"])
    items["dimension"] = _categorical(items["dimension"], DIMENSIONS)

    def common(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.rename(columns={"_line": "line"}).copy()
        frame["service"] = _categorical(frame["service"], codes)
        frame["dimension"] = _categorical(frame["dimension"], DIMENSIONS)
        frame["item"] = _categorical(frame["item"], item_order)
        return frame

    scores = common(tables["scores"])
    scores["measure"] = _categorical(scores["measure"], MEASURES)
    scores["score"] = _categorical(scores["score"], SYMBOLS)
    scores["source"] = pd.Categorical(scores["source"], categories=list(SOURCES))
    scores = scores.sort_values(["dimension", "measure", "service", "item"]).reset_index(drop=True)
    prefs = common(tables["preferences"])
    prefs = prefs.sort_values(["dimension", "service", "item", "aspect"]).reset_index(drop=True)
    return {
        "scores": scores,
        "preferences": prefs,
        "items": items,
        "services": services,
        "levels": levels,
        "scenarios": _typed_scenarios(tables["scenarios"]),
        "advice": tables["advice"].drop(columns="_line").reset_index(drop=True),
    }


def _typed_scenarios(frame: pd.DataFrame) -> pd.DataFrame:
    """Thresholds as floats (NaN where empty), ``decides`` as bool."""
    scenarios = frame.drop(columns="_line").reset_index(drop=True)
    for column in ("fits_at", "partly_at"):
        scenarios[column] = scenarios[column].map(_number).astype(float)
    scenarios["decides"] = (scenarios["decides"] == "true").astype(bool)
    return scenarios


def _column(frame: pd.DataFrame, name: str) -> list[str] | None:
    """The values of column ``name``, or ``None`` if the table has no such column."""
    return list(frame[name]) if name in frame.columns else None


def load_dataset(folder: str | Path = "data", *, check: bool = True) -> Dataset:
    """Read, validate and type every table in ``folder``.

    Parameters
    ----------
    folder
        A data folder laid out as ``data/`` (see ``data/README.md``).
    check
        False skips the checks (and the pandera import) for a folder already
        validated, byte for byte (:func:`odsamen.analysis.shared.load`): the
        tables are read and typed the same way.

    Returns
    -------
    Dataset
        The tables as DataFrames with ordered categoricals for services,
        dimensions, items, measures and score symbols; each scores and
        preferences row keeps its source ``line`` in the file. In
        ``scenarios`` the thresholds are floats (NaN where empty),
        ``decides`` is a bool. ``items.regional_start`` is a bool.
        ``items.definition_page`` and ``services.context_page`` are ints.

    Raises
    ------
    DataError
        Listing every problem found in any of the files.
    """
    folder = Path(folder)
    tables, issues = {}, []
    for name, filename in FILES.items():
        frame, problems = read_table(folder / filename, filename)
        tables[name] = frame
        issues += problems
    if any(frame is None for frame in tables.values()):
        raise DataError(issues)
    if check:
        for name, frame in tables.items():
            issues += _check_cells(frame, FILES[name], FREE_TEXT_COLUMNS.get(name, ()))
    _normalise_booleans(tables)
    if check:
        issues += _checks(tables)
    if issues:
        raise DataError(issues)
    encodings = {FILES[name]: frame.attrs.get("encoding", "utf-8") for name, frame in tables.items()}
    typed = _typed(tables)
    synthetic = (folder / SYNTHETIC_MARKER).exists()
    return Dataset(
        folder=folder,
        synthetic=synthetic,
        warnings=encoding_notes(encodings),
        encodings=encodings,
        **typed,
    )


def _checks(tables: dict[str, pd.DataFrame]) -> list[DataIssue]:
    """Every check across the read tables: codebook, scores, preferences, scenarios, advice."""
    issues = _check_codebook(tables)
    services = list(tables["services"]["code"]) if "code" in tables["services"] else []
    issues += _check_scores(tables["scores"], services)
    issues += _check_preferences(tables["preferences"], services)
    issues += _check_scenarios(tables["scenarios"])
    issues += _check_advice(
        tables["advice"],
        _column(tables["services"], "code"),
        _column(tables["scenarios"], "scenario"),
        _column(tables["items"], "item"),
    )
    return issues
