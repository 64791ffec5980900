"""Reading a table from disk as Excel and other tools write it, from a CSV file or from a sheet of a
workbook (:func:`read_workbook`; writing one is :mod:`odsamen.analysis.workbook`).

UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark ("Unicode text"),
Windows code page 1252, ``,``, ``;`` or a tab as separator, ``TRUE``/``WAAR`` for ``true``, and
empty columns at the end of the header are all accepted. A file mixing two encodings or a header
naming a column twice is refused with a hint (see ``data/README.md``).
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime
import io
import re
import sys
import zipfile
from pathlib import Path

import pandas as pd

from odsamen.analysis.schema import FILES, MAX_ROWS_LISTED, DataIssue, expect, listed

TRUE_WORDS = ("true", "waar")


FALSE_WORDS = ("false", "onwaar")
"""How a boolean cell may be written (any case): by hand, or by an English or Dutch Excel."""


BOOLEAN_COLUMNS = {"levels": ("regional",), "scenarios": ("decides",), "items": ("regional_start",)}


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
"""A well-formed UTF-8 sequence of two to four bytes (a character outside ASCII)."""


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
        return None, [DataIssue(label, None, None, None, expect("readable_file", reason=exc.strerror))]
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
        return None, [DataIssue(label, 1, None, None, expect("header"))]
    except csv.Error:  # a cell longer than the csv module takes: a quote never closed, say
        return None, [DataIssue(label, 1, None, None, expect("cell_size", limit=csv.field_size_limit()))]
    width = len(names)
    while width and not names[width - 1]:
        width -= 1  # Excel's empty columns after the last one
    columns = names[:width]
    issues += header_issues(columns, label)
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
                DataIssue(label, line, None, None, expect("cell_size", limit=csv.field_size_limit())),
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
                            expect(
                                "unnamed_cell", position=column_position(extra), columns=", ".join(columns)
                            ),
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
                        expect("fields", n=width, sep=sep, found=len(record)),
                    )
                )
            continue
        rows.append(cells)
        lines.append(line)
    issues += listed(unnamed, n_unnamed) + listed(misfits, n_misfits)
    if len(set(columns)) < len(columns) or "" in columns:
        return None, issues
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame["_line"] = pd.Series(lines, dtype="int64")
    frame.attrs["encoding"] = encoding
    frame.attrs["garbled_lines"] = garbled_lines(content)
    return frame, issues


GARBLED = re.compile("Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2020-\u2122]|â‚¬|Â[\u00a0-\u00bf]")
"""What UTF-8 text looks like after a program read it as Windows-1252 or Latin-1 and saved it again
(LibreOffice's or Excel's import with the wrong character set): ``é`` becomes ``Ã©``, ``ë`` ``Ã«``,
``€`` ``â‚¬``, a no-break space ``Â\xa0``."""


def garbled_lines(content: str) -> list[int]:
    """The line numbers (from 1) of ``content`` that hold text garbled as :data:`GARBLED` describes."""
    if not GARBLED.search(content):
        return []
    return [number for number, line in enumerate(content.splitlines(), 1) if GARBLED.search(line)]


def column_position(index: int) -> str:
    """Column ``index`` (from 0) as a user finds it: its number and Excel's letter, such as ``7 (G)``."""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{index + 1} ({letters})"


def header_issues(columns: list[str], label: str) -> list[DataIssue]:
    """A column without a name between named ones, and every name used more than once."""
    issues = []
    positions: dict[str, list[int]] = {}
    for index, name in enumerate(columns):
        positions.setdefault(name, []).append(index)
    for name, where in positions.items():
        if not name:
            for index in where:
                issues.append(
                    DataIssue(label, 1, None, None, expect("column_name", position=column_position(index)))
                )
        elif len(where) > 1:
            listed = ", ".join(column_position(index) for index in where)
            issues.append(DataIssue(label, 1, name, None, expect("column_once", positions=listed)))
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
            return None, "utf-16", [DataIssue(label, line, None, None, expect("encoding.utf16"))]
    if b"\x00" in raw:
        start = raw.index(b"\x00")
        return None, "", [DataIssue(label, _line_of(raw, start), None, None, expect("encoding.nul"))]
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
        expect(key, byte=f"0x{raw[offset]:02X}"),
    )


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
"""The file names read as a workbook rather than a data folder."""


SHEETS = {name: Path(filename).stem for name, filename in FILES.items()}
"""The sheet of each table in a workbook: its file name without ``.csv``."""


SYNTHETIC_PROPERTY = "odsamen_synthetic"
"""The workbook's custom document property that carries the synthetic marker of the folder."""


def is_workbook(path: str | Path) -> bool:
    """Whether ``path`` names an Excel workbook (by its suffix) rather than a data folder."""
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES


def _cell_text(value: object) -> str:
    """A cell as the text a CSV file would hold: a whole number without ``.0``, a truth value as
    ``true``/``false``, a date as ``2024-01-07``, surrounding spaces removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


def read_workbook(path: str | Path) -> tuple[dict[str, pd.DataFrame | None], list[DataIssue], str | None]:
    """The tables of workbook ``path``, as :func:`odsamen.analysis.files.read_table` gives them
    (strings, the row number in ``_line``), the problems found in reading, and the text of the
    synthetic marker if the workbook carries one.

    The problems are labelled with the table's file name (``scores.csv``), as for a folder, so that
    every check reads the same; :func:`in_sheets` relabels them for the user. A formula is read as
    its text (``=1+1``), never as what Excel computed, and is refused by the checks.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return {}, [DataIssue(path.name, None, None, None, expect("readable_workbook", reason=reason))], None
    try:
        tables, issues = {}, []
        for name, filename in FILES.items():
            if SHEETS[name] not in book.sheetnames:
                tables[name] = None
                issues.append(
                    DataIssue(
                        filename, None, None, None, expect("sheet", sheets=", ".join(book.sheetnames) or "–")
                    )
                )
                continue
            tables[name], problems = _sheet_table(book[SHEETS[name]], filename)
            issues += problems
        marker = next((p.value for p in book.custom_doc_props if p.name == SYNTHETIC_PROPERTY), None)
    finally:
        book.close()
    return tables, issues, marker


def _sheet_table(sheet, label: str) -> tuple[pd.DataFrame | None, list[DataIssue]]:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return None, [DataIssue(label, 1, None, None, expect("header"))]
    names = [_cell_text(value) for value in header]
    width = len(names)
    while width and not names[width - 1]:
        width -= 1
    columns = names[:width]
    issues = header_issues(columns, label)
    records, lines = [], []
    for line, row in enumerate(rows, start=2):
        cells = [_cell_text(value) for value in row]
        cells += [""] * (width - len(cells))
        extra = next((i for i in range(width, len(cells)) if cells[i]), None)
        if extra is not None:
            issues.append(
                DataIssue(
                    label,
                    line,
                    None,
                    cells[extra],
                    expect("unnamed_cell", position=column_position(extra), columns=", ".join(columns)),
                )
            )
        cells = cells[:width]
        if any(cells):
            records.append(cells)
            lines.append(line)
    if len(set(columns)) < len(columns) or "" in columns:
        return None, issues
    frame = pd.DataFrame(records, columns=columns, dtype=object)
    frame["_line"] = pd.Series(lines, dtype="int64")
    frame.attrs["encoding"] = "utf-8"
    frame.attrs["garbled_lines"] = []
    return frame, issues


def in_sheets(issues: list[DataIssue], workbook: str | Path) -> list[DataIssue]:
    """``issues`` labelled by table file (``scores.csv``) relabelled as sheets of ``workbook``."""
    sheets = {filename: SHEETS[name] for name, filename in FILES.items()}
    name = Path(workbook).name
    return [
        dataclasses.replace(issue, file=name, sheet=sheets[issue.file]) if issue.file in sheets else issue
        for issue in issues
    ]


def normalise_booleans(tables: dict[str, pd.DataFrame]) -> None:
    """``TRUE``/``WAAR`` and ``FALSE``/``ONWAAR`` (any case, as Excel writes them): ``true``/``false``."""
    words = dict.fromkeys(TRUE_WORDS, "true") | dict.fromkeys(FALSE_WORDS, "false")
    for name, columns in BOOLEAN_COLUMNS.items():
        frame = tables[name]
        for column in columns:
            if column in frame.columns:
                cells = frame[column]
                frame[column] = cells.str.lower().map(words).fillna(cells)
