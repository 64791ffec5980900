"""The data folder as one Excel workbook, and back (openpyxl).

Analysts enter and check scores in Excel. A CSV file opened there by a double-click fights them:
``--`` and ``++`` become formulas, a Dutch Excel puts every row in one column. The workbook has
none of that:

- :func:`write_workbook` puts each table of a data folder on a sheet of its own, named after its
  file (``scores``, ``scale_preferences``, ...). Every cell is text, and so is every cell typed
  below the last row, so Excel never reads ``++`` as a formula or ``8`` as a number. Drop-down
  lists (Excel's data validation) offer the allowed scores, levels, sources, service codes and item
  keys.
- :func:`read_workbook` reads such a workbook into the same tables as the CSV files give, so
  :func:`odsamen.analysis.data.load_dataset` checks it in the same way; its errors name the sheet,
  the row and the column.
- :func:`write_folder` writes the CSV files back: UTF-8, ``,`` between cells, quotes only where
  needed, one ``\\n`` per row. That is how the files in ``data/`` are written, so a round trip of
  unchanged data gives the same bytes.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from odsamen.analysis.files import SHEETS, SYNTHETIC_PROPERTY, is_workbook, read_table, read_workbook
from odsamen.analysis.schema import (
    ADVICE_TESTS,
    ASPECTS,
    DEFINITION_SOURCES,
    DIMENSIONS,
    FILES,
    MEASURES,
    SCENARIO_DIMENSIONS,
    SCENARIO_MEASURES,
    SOURCES,
    STANCES,
    SYMBOLS,
    SYNTHETIC_MARKER,
    DataError,
)
from odsamen.catalogue import DEFAULT_LANGUAGE, text

TEXT = "@"
"""Excel's number format *Text*: what is typed stays as typed."""


FIXED_TIME = datetime.datetime(1980, 1, 1)
"""The time written into every workbook, so the same tables give the same bytes."""


CORE_PROPERTIES = "docProps/core.xml"
"""The part of a workbook holding its times (Office Open XML, ECMA-376 part 2)."""


BOOLEANS = ("true", "false")


def _choices(tables: dict[str, pd.DataFrame]) -> dict[str, dict[str, tuple[str, bool]]]:
    """Per table, per column: the drop-down's source (a list or a range on another sheet) and whether
    a value outside it is refused (False: Excel only informs, as for ``B/C`` beside ``B`` and ``C``)."""

    def words(values) -> str:
        return '"' + ",".join(values) + '"'

    def column_range(name: str, column: str) -> str:
        letter = _letter(list(tables[name].columns).index(column))
        return f"{SHEETS[name]}!${letter}$2:${letter}${len(tables[name]) + 1 + ROWS_ADDED}"

    service = (column_range("services", "code"), True)
    item = (column_range("items", "item"), True)
    dimension = (words(DIMENSIONS), True)
    boolean = (words(BOOLEANS), False)  # TRUE, WAAR and the like are accepted too
    levels = [*tables["levels"]["level"], "?"]
    return {
        "scores": {
            "service": service,
            "dimension": dimension,
            "item": item,
            "measure": (words(MEASURES), True),
            "score": (words(SYMBOLS), True),
            "source": (words(SOURCES), True),
        },
        "preferences": {
            "service": service,
            "dimension": dimension,
            "item": item,
            "aspect": (words(ASPECTS), True),
            "levels": (words(levels), False),  # B/C/E is right too
        },
        "items": {
            "dimension": dimension,
            "definition_by": (words(DEFINITION_SOURCES), True),
            "regional_start": boolean,
        },
        "levels": {"regional": boolean},
        "scenarios": {
            "measure": (words(SCENARIO_MEASURES), True),
            "dimension": (words(SCENARIO_DIMENSIONS), True),
            "decides": boolean,
        },
        "advice": {
            "scenario": (column_range("scenarios", "scenario"), True),
            "stance": (words(STANCES), True),
            "test": (words(ADVICE_TESTS), True),
            "about": (words(SCENARIO_DIMENSIONS), True),
        },
    }


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


ROWS_OFFERED = 1000
"""The drop-down lists and the text format reach this many rows below a table's last row."""


ROWS_ADDED = 20
"""A drop-down of service codes, item keys or scenarios also offers what is typed in this many rows
below the last one of its sheet: a service added to ``services`` can be chosen at once."""


def write_workbook(folder: str | Path, out: str | Path, lang: str = DEFAULT_LANGUAGE) -> Path:
    """Write the tables of data folder ``folder`` as the workbook ``out`` (see the module's text).

    The cells are the files' text as it stands, checked or not: a folder with errors can be
    mended in Excel. A value outside a drop-down list gets a message in ``lang``. Raises
    :class:`DataError` for a file that cannot be read at all.
    """
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    folder, out = Path(folder), Path(out)
    tables, issues = {}, []
    for name, filename in FILES.items():
        frame, problems = read_table(folder / filename, filename)
        tables[name], issues = frame, issues + problems
    if any(frame is None for frame in tables.values()):
        raise DataError(issues)
    tables = {name: frame.drop(columns="_line") for name, frame in tables.items()}
    book = Workbook()
    book.remove(book.active)
    choices = _choices(tables)
    for name, frame in tables.items():
        sheet = book.create_sheet(SHEETS[name])
        sheet.append(list(frame.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        _append_rows(sheet, (list(row) for row in frame.itertuples(index=False)))
        last = len(frame) + 1 + ROWS_OFFERED
        for index, column in enumerate(frame.columns):
            letter = _letter(index)
            dimension = sheet.column_dimensions[letter]
            dimension.number_format = TEXT  # cells typed in later
            dimension.width = min(60, max(10, len(column) + 2, *(len(v) + 2 for v in frame[column][:200])))
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
                cell.number_format = TEXT
            if column in choices.get(name, {}):
                source, strict = choices[name][column]
                rule = DataValidation(
                    type="list",
                    formula1=source,
                    allow_blank=True,
                    errorStyle="stop" if strict else "information",
                    showErrorMessage=True,
                    errorTitle=text("workbook.choice.title", lang),
                    error=text("workbook.choice" if strict else "workbook.choice.other", lang),
                )
                rule.add(f"{letter}2:{letter}{last}")
                sheet.add_data_validation(rule)
        sheet.freeze_panes = "A2"
    marker = folder / SYNTHETIC_MARKER
    if marker.exists():
        book.custom_doc_props.append(StringProperty(name=SYNTHETIC_PROPERTY, value=marker.read_text("utf-8")))
    save(book, out)
    return out


def save(book, out: Path) -> None:
    """Save ``book`` as ``out`` in one step (a reader never sees half a file), with fixed times in
    its properties and its zip entries, so the same content gives the same bytes."""
    from openpyxl.xml.functions import tostring

    buffer = io.BytesIO()
    book.save(buffer)  # sets the time of saving as the time last modified
    book.properties.created = book.properties.modified = FIXED_TIME
    fixed = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(entry)
            if entry.filename == CORE_PROPERTIES:
                content = tostring(book.properties.to_tree())
            target.writestr(info, content)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, prefix=f".{out.name}.", delete=False) as part:
        part.write(fixed.getvalue())
    os.replace(part.name, out)


def csv_text(frame: pd.DataFrame) -> str:
    """A table as the files in ``data/`` are written (see the module's text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.itertuples(index=False))
    return buffer.getvalue()


def write_folder(workbook: str | Path, folder: str | Path) -> list[Path]:
    """Write the tables of ``workbook`` as the CSV files of data folder ``folder``, after checking
    them: :class:`DataError` (the sheets named) and nothing written if they are not valid.

    Only the table files (and the synthetic marker) are written, each in one step; anything else in
    ``folder``, such as its README, stays. Returns the files whose bytes changed.
    """
    from odsamen.analysis.data import load_dataset

    load_dataset(workbook)  # every check, the sheets named in its errors
    tables, _, marker = read_workbook(workbook)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    contents = {FILES[name]: csv_text(frame.drop(columns="_line")) for name, frame in tables.items()}
    if marker is not None:
        contents[SYNTHETIC_MARKER] = marker
    changed = []
    for filename, content in contents.items():
        path = folder / filename
        new = content.encode("utf-8")
        if path.exists() and path.read_bytes() == new:
            continue
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{filename}.", delete=False) as part:
            part.write(new)
        os.replace(part.name, path)
        changed.append(path)
    return changed


@contextlib.contextmanager
def as_folder(path: str | Path) -> Iterator[Path]:
    """``path`` itself if it is a data folder; for a workbook, a temporary data folder with its tables
    (:func:`write_folder`), gone when the block ends."""
    if not is_workbook(path):
        yield Path(path)
        return
    with tempfile.TemporaryDirectory(prefix="odsamen-workbook-") as scratch:
        write_folder(path, scratch)
        yield Path(scratch)


TABLES_WORKBOOK = "tables.xlsx"
"""The pack's workbook of its ``tables/``, beside that folder."""


def write_tables_workbook(tables: str | Path, out: str | Path, lang: str = DEFAULT_LANGUAGE) -> Path:
    """Write every CSV file of the pack's folder ``tables`` as a sheet of workbook ``out``.

    For readers in Excel: each sheet is named after its file, its header in ``lang``
    (``tables.column.<name>`` in the catalogue); numbers are numbers and truth values truth values,
    while lists of items joined by ``;`` stay in one cell. The last sheet lists, per sheet, each
    header beside its column in the CSV file, for whoever moves between the two.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out = Path(out)
    book = Workbook()
    book.remove(book.active)
    legend = []
    bold = Font(bold=True)
    for path in sorted(Path(tables).glob("*.csv")):
        frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
        sheet = book.create_sheet(path.stem)
        headers = [text(f"tables.column.{column}", lang) for column in frame.columns]
        sheet.append(headers)
        legend += [(path.stem, header, column) for header, column in zip(headers, frame.columns, strict=True)]
        rows = (
            [None if pd.isna(value) else _plain(value) for value in row]
            for row in frame.itertuples(index=False)
        )
        _append_rows(sheet, rows)
        for index, header in enumerate(headers):
            sheet.cell(1, index + 1).font = bold
            widest = max([len(header), *(len(str(v)) for v in frame.iloc[:200, index])], default=8)
            sheet.column_dimensions[_letter(index)].width = min(60, widest + 2)
        sheet.freeze_panes = "A2"
    sheet = book.create_sheet(text("tables.legend", lang))
    sheet.append([text(f"tables.legend.{key}", lang) for key in ("sheet", "header", "column")])
    for cell in sheet[1]:
        cell.font = bold
    for row in legend:
        sheet.append(list(row))
    for letter in "ABC":
        sheet.column_dimensions[letter].width = 32
    save(book, out)
    return out


def _plain(value: object) -> object:
    """A pandas or numpy value as the Python value openpyxl writes (``numpy.int64`` as ``int``)."""
    return value.item() if hasattr(value, "item") else value


def _append_rows(sheet, rows) -> None:
    """Append ``rows`` below the sheet's header row, keeping a text that begins with ``=`` as text:
    openpyxl would write it as a formula. The row numbers are counted here, because asking the sheet
    for its last row looks at every cell, which made a large sheet slow to write."""
    for number, values in enumerate(rows, start=2):
        sheet.append(values)
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and value.startswith("="):
                cell = sheet.cell(number, column)
                if cell.data_type == "f":
                    cell.data_type = "s"
