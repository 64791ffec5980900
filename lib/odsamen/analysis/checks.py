"""The checks on the read tables: each cell, the codebook, scores, preferences, scenarios and
advice, against each other. Each problem is one :class:`~odsamen.analysis.schema.DataIssue`.

Control characters in a cell, text that a spreadsheet would run as a formula and cells Excel
turned into formula errors are refused with a hint (see ``data/README.md``).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from odsamen.analysis.schema import (
    ADVICE_TESTS,
    ASPECTS,
    ASSESSMENT_FACTS,
    DEFINITION_SOURCES,
    DIMENSIONS,
    FILES,
    ITEM_KEY,
    LEVEL_LETTER,
    MAX_ROWS_LISTED,
    MEASURES,
    NUMBER,
    PAGE,
    PREFERENCE_COLUMNS,
    SCENARIO_COLUMNS,
    SCENARIO_DIMENSIONS,
    SCENARIO_KEY,
    SCENARIO_MEASURES,
    SCORE_COLUMNS,
    SERVICE_CODE,
    SOURCES,
    STANCES,
    SYMBOLS,
    WINDOWS_RESERVED,
    DataIssue,
    Expectation,
    expect,
    listed,
)

if TYPE_CHECKING:
    import pandera.pandas as pa

# pandera is imported by the checking functions only, so that importing this module stays cheap.

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


MAX_LINES_NAMED = 10
"""A duplicated key names at most this many other lines, and how many more there are."""


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
        for issue in listed([issue for issue in issues if issue.column == name], len(rows))
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


def _row_issues(
    frame: pd.DataFrame, where: pd.Series, issue: Callable[[tuple], DataIssue]
) -> list[DataIssue]:
    """``issue(row)`` for every row of ``frame`` where ``where`` holds (rows as :func:`_rows` gives
    them), made for the first :data:`MAX_ROWS_LISTED` rows only and listed by :func:`listed`."""
    rows = frame[where]
    return listed([issue(row) for row in _rows(rows.head(MAX_ROWS_LISTED))], len(rows))


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
                    expect("no_such_column", columns=expected_columns),
                )
            )
        elif case.schema_context == "DataFrameSchema" and "column_in_dataframe" in check:
            issues.append(
                DataIssue(
                    label,
                    1,
                    str(case.failure_case),
                    None,
                    expect("column_in_header", columns=expected_columns),
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
    first :data:`MAX_ROWS_LISTED` rows are listed (:func:`listed`).
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
    return listed(issues, len(rows))


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
        expected = expect("unique_key_more", lines=named, more=n_others - len(others))
    else:
        expected = expect("unique_key", lines=named)
    return DataIssue(label, int(line), ",".join(unique), ",".join(map(str, key)), expected)


def _codebook_items(items: pd.DataFrame) -> dict[str, list[str]] | None:
    """The item keys per dimension that ``items.csv`` defines, or ``None`` if it is not readable.

    The other tables are checked against these keys; where ``items.csv`` itself has a problem the
    keys of its well-formed rows are still used, so the other tables' errors are listed too.
    """
    if not {"dimension", "item"} <= set(items.columns):
        return None
    known = items[items["dimension"].isin(DIMENSIONS) & items["item"].str.fullmatch(ITEM_KEY)]
    known = known.drop_duplicates("item")
    return {dimension: list(known.loc[known["dimension"] == dimension, "item"]) for dimension in DIMENSIONS}


def _check_items_in_dimension(
    frame: pd.DataFrame, label: str, codebook: dict[str, list[str]]
) -> list[DataIssue]:
    """Every item of the codebook under the other dimension than its own."""
    own = frame["item"].map({item: dimension for dimension, items in codebook.items() for item in items})
    wrong = own.notna() & frame["dimension"].isin(DIMENSIONS) & (own != frame["dimension"])
    return _row_issues(
        frame,
        wrong,
        lambda row: DataIssue(
            label,
            row.source_line,
            "item",
            row.item,
            expect(f"item_of.{row.dimension}", file=FILES["items"], values=_listing(codebook[row.dimension])),
        ),
    )


def _check_complete(
    frame, label, services, keys: dict[str, tuple], codebook: dict[str, list[str]]
) -> list[DataIssue]:
    """Report every expected (service, dimension, item, ...) combination that has no row.

    The expected combinations are a table (every service with every item of the codebook and every
    value of ``keys``), looked up in the rows by pandas in one go, not one by one.
    """
    names = ["service", "dimension", "item", *keys]
    items = pd.DataFrame(
        [(dimension, item) for dimension, items in codebook.items() for item in items], columns=names[1:3]
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
            expect("row_present", row=", ".join(f"{k}={v}" for k, v in zip(names, key, strict=True))),
        )
        for key in missing[:MAX_ROWS_LISTED]
    ]
    return listed(issues, len(missing))


def _check_codebook(tables: dict[str, pd.DataFrame]) -> list[DataIssue]:
    """``items.csv``, ``services.csv`` and ``scale_levels.csv``: the codebook the other tables are
    checked against. Any number of items per dimension (at least one) and any single-letter scale
    levels, in the order given; the first level is a service on its own."""
    import pandera.pandas as pa

    issues = []
    items, services, levels = tables["items"], tables["services"], tables["levels"]
    issues += _check_frame(
        items,
        FILES["items"],
        {
            "dimension": (_isin(DIMENSIONS), expect("one_of", values=_listing(DIMENSIONS))),
            "item": (_fullmatch(ITEM_KEY), expect("item_key")),
            "letter": (_fullmatch(LEVEL_LETTER), expect("letter")),
            "label_nl": (pa.Check.str_length(min_value=1), expect("label_nl")),
            "label_en": (pa.Check.str_length(min_value=1), expect("label_en")),
            "report_column": (pa.Check.str_length(min_value=1), expect("report_column")),
            "definition_nl": (_filled(), expect("definition_nl")),
            "definition_en": (_filled(), expect("definition_en")),
            "definition_page": (_fullmatch(PAGE), expect("page")),
            "definition_by": (
                _isin(DEFINITION_SOURCES),
                expect("one_of", values=_listing(DEFINITION_SOURCES)),
            ),
            "regional_start": (_isin(["true", "false"]), expect("boolean")),
        },
        unique=["item"],
    )
    if {"dimension", "letter"} <= set(items.columns):
        issues += _check_unique(items, FILES["items"], ["dimension", "letter"])
    codebook = _codebook_items(items)
    if codebook is not None and "dimension" in items.columns:
        for dimension in DIMENSIONS:
            if not (items["dimension"] == dimension).any():
                issues.append(
                    DataIssue(FILES["items"], None, "dimension", None, expect(f"dimension_items.{dimension}"))
                )
    issues += _check_frame(
        services,
        FILES["services"],
        {
            "code": (
                _fullmatch(SERVICE_CODE),
                expect("code"),
            ),
            "name_nl": (pa.Check.str_length(min_value=1), expect("name_nl")),
            "name_en": (pa.Check.str_length(min_value=1), expect("name_en")),
            "region": (pa.Check.str_length(min_value=1), expect("region")),
            "context_nl": (_filled(), expect("context_nl")),
            "context_en": (_filled(), expect("context_en")),
            "context_page": (_fullmatch(PAGE), expect("page")),
        },
        unique=["code"],
    )
    if "code" in services.columns:
        issues += _check_codes(services)
        if len(services) < 2:
            issues.append(DataIssue(FILES["services"], None, "code", None, expect("services_two")))
    issues += _check_frame(
        levels,
        FILES["levels"],
        {
            "level": (_fullmatch(LEVEL_LETTER), expect("level_letter")),
            "label_nl": (pa.Check.str_length(min_value=1), expect("label_nl")),
            "label_en": (pa.Check.str_length(min_value=1), expect("label_en")),
            "regional": (_isin(["true", "false"]), expect("boolean")),
        },
        unique=["level"],
    )
    if {"level", "regional"} <= set(levels.columns):
        issues += _check_level_flags(levels)
    return issues


def _check_level_flags(levels: pd.DataFrame) -> list[DataIssue]:
    """At least two levels, the first (a service on its own) not regional, and at least one regional."""
    label = FILES["levels"]
    if len(levels) < 2:
        return [DataIssue(label, None, "level", ", ".join(levels["level"]), expect("levels_two"))]
    issues = []
    first = next(_rows(levels.head(1)))
    if first.regional == "true":
        issues.append(DataIssue(label, first.source_line, "regional", first.regional, expect("alone_level")))
    if levels["regional"].isin(["true", "false"]).all() and not (levels["regional"] == "true").any():
        issues.append(DataIssue(label, None, "regional", None, expect("regional_level")))
    return issues


def _check_codes(services: pd.DataFrame) -> list[DataIssue]:
    """Service codes that are no file name on Windows, or that differ from another only in case.

    The pack names files after the codes and is often unzipped on a Windows
    share, where ``CON`` is a device and ``ODA`` and ``oda`` are one file.
    """
    label, codes = FILES["services"], services["code"]
    issues = _row_issues(
        services,
        codes.str.upper().isin(WINDOWS_RESERVED),
        lambda row: DataIssue(label, row.source_line, "code", row.code, expect("code_reserved")),
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
                expected = expect("code_case_more", lines=named, more=n_others - len(others))
            else:
                expected = expect("code_case", lines=named)
            found.append(DataIssue(label, row.source_line, "code", row.code, expected))
        issues += listed(found, len(rows))
    return issues


def _excel_damage(issue: DataIssue) -> DataIssue:
    """``issue`` about a score symbol, with the hint on Excel's formulas if Excel damaged the cell."""
    if issue.column == "score" and issue.value is not None and _damaged(issue.value):
        return dataclasses.replace(issue, expected=expect("symbol_excel", values=_listing(SYMBOLS)))
    return issue


def _damaged(cell: str) -> bool:
    """Whether ``cell`` is what Excel leaves of a symbol it read as a formula (``#NAME?``, ``=--``)."""
    return cell.startswith("=") or EXCEL_ERROR.fullmatch(cell) is not None


def check_cells(frame: pd.DataFrame, label: str, free_text: tuple[str, ...]) -> list[DataIssue]:
    """Control characters in any cell, and free text that a spreadsheet would run as a formula."""
    issues = []
    for column in frame.columns:
        if column == "_line":
            continue
        cells = frame[column]
        control = _per_value(cells, lambda values: values.str.contains(CONTROL_CHARACTERS))
        issues += _cell_issues(frame, column, control, expect("no_control"), label)
        if column in free_text:
            formula = _per_value(cells, lambda values: values.str.match(FORMULA_START)) & ~control
            issues += _cell_issues(frame, column, formula, expect("no_formula"), label)
    return issues


def _cell_issues(
    frame: pd.DataFrame, column: str, where: pd.Series, expected: Expectation, label: str
) -> list[DataIssue]:
    """An issue for each cell of ``column`` where ``where`` holds, for the first rows (:func:`listed`)."""
    rows = frame.loc[where, ["_line", column]]
    issues = [
        DataIssue(label, int(line), column, value, expected)
        for line, value in rows.head(MAX_ROWS_LISTED).itertuples(index=False)
    ]
    return listed(issues, len(rows))


def _item_check(codebook: dict[str, list[str]] | None) -> tuple[pa.Check | None, Expectation]:
    """The check on an ``item`` cell: one of the keys in ``items.csv`` (none if it is unreadable)."""
    if codebook is None:
        return None, expect("free_text")
    keys = [item for items in codebook.values() for item in items]
    return _isin(keys), expect("item", file=FILES["items"], values=_listing(keys))


def _check_scores(
    scores: pd.DataFrame, services: list[str], codebook: dict[str, list[str]] | None
) -> list[DataIssue]:
    label = FILES["scores"]
    issues = _check_frame(
        scores,
        label,
        {
            "service": (
                _isin(services),
                expect("service", file=FILES["services"], values=_listing(services)),
            ),
            "dimension": (_isin(DIMENSIONS), expect("one_of", values=_listing(DIMENSIONS))),
            "item": _item_check(codebook),
            "measure": (_isin(MEASURES), expect("one_of", values=_listing(MEASURES))),
            "score": (_isin(SYMBOLS), expect("symbol", values=_listing(SYMBOLS))),
            "source": (_isin(SOURCES), expect("one_of", values=_listing(SOURCES))),
        },
        unique=["service", "dimension", "item", "measure"],
    )
    issues = [_excel_damage(issue) for issue in issues]
    if set(SCORE_COLUMNS) <= set(scores.columns) and codebook is not None:
        issues += _check_items_in_dimension(scores, label, codebook)
        issues += _check_complete(scores, label, services, {"measure": MEASURES}, codebook)
    return issues


def _levels_pattern(letters: list[str]) -> str:
    """A preference cell: ``?``, or scale letters of ``letters`` joined by ``/`` (``B/C``)."""
    letter = "[" + "".join(letters) + "]" if letters else LEVEL_LETTER
    return rf"\?|{letter}(/{letter})*"


def _check_preferences(
    prefs: pd.DataFrame,
    services: list[str],
    codebook: dict[str, list[str]] | None,
    letters: list[str],
) -> list[DataIssue]:
    """Check ``scale_preferences.csv`` against the services, the items and the scale ``letters``."""
    label = FILES["preferences"]
    pattern = _levels_pattern(letters)
    issues = _check_frame(
        prefs,
        label,
        {
            "service": (
                _isin(services),
                expect("service", file=FILES["services"], values=_listing(services)),
            ),
            "dimension": (_isin(DIMENSIONS), expect("one_of", values=_listing(DIMENSIONS))),
            "item": _item_check(codebook),
            "aspect": (_isin(("",) + ASPECTS), expect("aspect", values=_listing(ASPECTS))),
            "levels": (
                _fullmatch(f"({pattern})?"),
                expect("levels", file=FILES["levels"], values=_listing(letters) or "A–Z"),
            ),
            "note": (None, expect("free_text")),
            "note_en": (None, expect("free_text")),
        },
        unique=["service", "dimension", "item", "aspect"],
    )
    if set(PREFERENCE_COLUMNS) <= set(prefs.columns):
        if codebook is not None:
            issues += _check_items_in_dimension(prefs, label, codebook)
            issues += _check_complete(prefs, label, services, {}, codebook)
        levels = prefs["levels"]
        repeated = _per_value(
            levels, lambda values: values.str.fullmatch(pattern) & values.str.match(r".*([A-Z]).*\1")
        )
        issues += _row_issues(
            prefs,
            repeated,
            lambda row: DataIssue(label, row.source_line, "levels", row.levels, expect("letter_once")),
        )
        issues += _row_issues(
            prefs,
            (levels == "") & (prefs["note"] == ""),
            lambda row: DataIssue(label, row.source_line, "note", "", expect("note_for_empty")),
        )
        issues += _row_issues(
            prefs,
            (levels != "") & (prefs["note"] != ""),
            lambda row: DataIssue(label, row.source_line, "note", row.note, expect("note_only_for_empty")),
        )
        issues += _row_issues(
            prefs,
            (levels != "") & (prefs["note_en"] != ""),
            lambda row: DataIssue(
                label, row.source_line, "note_en", row.note_en, expect("note_only_for_empty")
            ),
        )
        named = (prefs["aspect"] != "").groupby([prefs["service"], prefs["dimension"], prefs["item"]])
        split = named.transform("any")
        issues += _row_issues(
            prefs,
            split & (prefs["aspect"] == ""),
            lambda row: DataIssue(
                label, row.source_line, "aspect", "", expect("aspect_needed", values=_listing(ASPECTS))
            ),
        )
    return issues


def _filled() -> pa.Check:
    import pandera.pandas as pa

    return pa.Check.str_length(min_value=1)


def parse_number(cell: str) -> float:
    """The value of a threshold cell (``0,5`` from a Dutch Excel too); NaN where empty."""
    return float(cell.replace(",", ".")) if cell else math.nan


def _check_scenarios(scenarios: pd.DataFrame) -> list[DataIssue]:
    """Check ``scenarios.csv``."""
    label = FILES["scenarios"]
    threshold = (_fullmatch(f"({NUMBER})?"), expect("threshold"))
    issues = _check_frame(
        scenarios,
        label,
        {
            "scenario": (_fullmatch(SCENARIO_KEY), expect("scenario_key")),
            "label_nl": (_filled(), expect("label_nl")),
            "label_en": (_filled(), expect("label_en")),
            "measure": (
                _isin(("", *SCENARIO_MEASURES)),
                expect("empty_or_one_of", values=_listing(SCENARIO_MEASURES)),
            ),
            "dimension": (
                _isin(SCENARIO_DIMENSIONS),
                expect("one_of", values=_listing(SCENARIO_DIMENSIONS)),
            ),
            "fits_at": threshold,
            "partly_at": threshold,
            "decides": (_isin(["true", "false"]), expect("boolean")),
            "conditions_nl": (_filled(), expect("conditions_nl")),
            "conditions_en": (_filled(), expect("conditions_en")),
            "where": (_filled(), expect("where")),
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
                            label, row.source_line, "decides", row.decides, expect(f"decides.{decides}")
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
            expected = expect("threshold_unused")
        elif row.measure and not cell:
            expected = expect("threshold_needed", measure=row.measure)
        elif row.measure == "agenda_share" and parse_number(cell) > 1:
            expected = expect("share", measure=row.measure)
        elif row.measure.endswith("_items") and not parse_number(cell).is_integer():
            expected = expect("whole_number", measure=row.measure)
        else:
            values[column] = parse_number(cell)
            continue
        issues.append(DataIssue(label, row.source_line, column, cell, expected))
    if len(values) == 2 and values["partly_at"] > values["fits_at"]:
        issues.append(
            DataIssue(
                label,
                row.source_line,
                "partly_at",
                row.partly_at,
                expect("partly_at_most", fits=row.fits_at),
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
        scenario = (_fullmatch(SCENARIO_KEY), expect("scenario_key"))
    else:
        scenario = (
            _isin(scenarios),
            expect("scenario", file=FILES["scenarios"], values=_listing(scenarios)),
        )
    issues = _check_frame(
        advice,
        label,
        {
            "coalition": (None, expect("free_text")),
            "scenario": scenario,
            "stance": (_isin(STANCES), expect("one_of", values=_listing(STANCES))),
            "where": (_filled(), expect("where")),
            "note_nl": (_filled(), expect("note_nl")),
            "note_en": (_filled(), expect("note_en")),
            "test": (_isin(ADVICE_TESTS), expect("one_of", values=_listing(ADVICE_TESTS))),
            "focus": (None, expect("free_text")),
            "about": (None, expect("free_text")),
            "reason_nl": (_filled(), expect("reason_nl")),
            "reason_en": (_filled(), expect("reason_en")),
            "beyond_nl": (_filled(), expect("beyond_nl")),
            "beyond_en": (_filled(), expect("beyond_en")),
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
                expected = expect("about", file=FILES["items"], values=_listing(items))
                issues.append(DataIssue(label, row.source_line, "about", row.about, expected))
    return issues


def _check_focus(row, label: str) -> list[DataIssue]:
    """``focus``: empty, or members of the row's coalition joined by ``;``."""
    members = row.coalition.split("+")
    if row.focus and not set(row.focus.split(";")) <= set(members):
        return [
            DataIssue(label, row.source_line, "focus", row.focus, expect("focus", members=", ".join(members)))
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
            return expect("coalition_codes")
        example = "+".join(services[:2])
        return expect("coalition", file=FILES["services"], example=example, values=_listing(services))
    if len(set(codes)) < len(codes):
        return expect("coalition_once")
    if order is not None:
        ordered = sorted(codes, key=order.__getitem__)
        if codes != ordered:
            return expect("coalition_order", file=FILES["services"], order="+".join(ordered))
    return None


def _check_assessment(assessment: pd.DataFrame, scores: pd.DataFrame) -> list[DataIssue]:
    """``assessment.csv``: every fact of :data:`ASSESSMENT_FACTS` once, each value of its kind."""
    label = FILES["assessment"]
    issues = _check_frame(
        assessment,
        label,
        {
            "fact": (_isin(ASSESSMENT_FACTS), expect("one_of", values=_listing(ASSESSMENT_FACTS))),
            "value_nl": (None, expect("free_text")),
            "value_en": (None, expect("free_text")),
        },
        unique=["fact"],
    )
    if not {"fact", "value_nl", "value_en"} <= set(assessment.columns):
        return issues
    kinds = {"date": r"\d{4}-\d{2}-\d{2}", "page": PAGE, "language": "nl|en"}
    advisor = "source" in scores.columns and (scores["source"] == "advisor").any()
    for row in _rows(assessment):
        kind = ASSESSMENT_FACTS.get(row.fact)
        needed = kind is not None and (row.fact != "advisors" or advisor)
        if needed and not row.value_nl:
            issues.append(DataIssue(label, row.source_line, "value_nl", "", expect(f"fact.{row.fact}")))
        elif row.value_nl and kind in kinds and not _valid_fact(row.value_nl, kind, kinds[kind]):
            issues.append(
                DataIssue(label, row.source_line, "value_nl", row.value_nl, expect(f"fact.{row.fact}"))
            )
        if kind in kinds and row.value_en:
            issues.append(DataIssue(label, row.source_line, "value_en", row.value_en, expect("fact_once")))
    for fact in ASSESSMENT_FACTS:
        if fact not in set(assessment["fact"]) and (fact != "advisors" or advisor):
            issues.append(DataIssue(label, None, "fact", None, expect("fact_row", fact=fact)))
    return issues


def _valid_fact(value: str, kind: str, pattern: str) -> bool:
    """Whether ``value`` is of ``kind``: a real calendar date, a page number or a language code."""
    if not re.fullmatch(pattern, value):
        return False
    if kind == "date":
        import datetime

        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
    return True


def _column(frame: pd.DataFrame, name: str) -> list[str] | None:
    """The values of column ``name``, or ``None`` if the table has no such column."""
    return list(frame[name]) if name in frame.columns else None


def check_tables(tables: dict[str, pd.DataFrame]) -> list[DataIssue]:
    """Every check across the read tables: codebook, scores, preferences, scenarios, advice."""
    issues = _check_codebook(tables)
    services = list(tables["services"]["code"]) if "code" in tables["services"] else []
    codebook = _codebook_items(tables["items"])
    levels = tables["levels"]
    letters = (
        list(levels.loc[levels["level"].str.fullmatch(LEVEL_LETTER), "level"]) if "level" in levels else []
    )
    issues += _check_scores(tables["scores"], services, codebook)
    issues += _check_preferences(tables["preferences"], services, codebook, letters)
    issues += _check_scenarios(tables["scenarios"])
    issues += _check_advice(
        tables["advice"],
        _column(tables["services"], "code"),
        _column(tables["scenarios"], "scenario"),
        _column(tables["items"], "item"),
    )
    issues += _check_assessment(tables["assessment"], tables["scores"])
    return issues
