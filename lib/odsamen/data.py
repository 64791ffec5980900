"""Load and validate the odsamen tables.

The tables under ``data/`` are the source report's matrices in tidy form,
its forms of cooperation (``scenarios.csv``) and its advice per coalition
(``advice.csv``); see ``data/README.md``. :func:`load_dataset` reads all of
them, checks them against each other and returns pandas DataFrames with
ordered categoricals.
Every problem found is collected into one :class:`DataError`, each entry
naming the file, the line, the column, the value and what was expected.

Files may come from Excel: UTF-8 with or without a byte-order mark, Windows
code page 1252, and ``;`` or ``,`` as separator are all accepted.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from odsamen.catalogue import DEFAULT_LANGUAGE, text

if TYPE_CHECKING:
    import pandera.pandas as pa

# pandera is imported by the checking functions only: a briefing kernel that loads the board pack's
# validated cache (odsamen.cache) never checks, so it does not pay for importing pandera.

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

SCENARIO_MEASURES = ("agenda_items", "exchange_items", "agenda_share")
"""What a scenario's thresholds count: items on the joint agenda, items to exchange, the agenda's share."""
SCENARIO_DIMENSIONS = ("all", *DIMENSIONS)
STANCES = ("advised", "option", "not_now", "not_advised")
"""The report's advice on a scenario for a coalition, from most to least in favour."""

SCORE_COLUMNS = ("service", "dimension", "item", "measure", "score", "source")
PREFERENCE_COLUMNS = ("service", "dimension", "item", "aspect", "levels", "note")
ITEM_COLUMNS = ("dimension", "item", "letter", "label_nl", "label_en", "report_column")
SERVICE_COLUMNS = ("code", "name_nl", "name_en", "region")
LEVEL_COLUMNS = ("level", "label_nl", "label_en", "regional")
SCENARIO_COLUMNS = (
    "scenario",
    "label_nl",
    "label_en",
    "measure",
    "dimension",
    "fits_at",
    "partly_at",
    "blocking_items",
    "decides",
    "conditions_nl",
    "conditions_en",
    "where",
)
ADVICE_COLUMNS = ("coalition", "scenario", "stance", "where", "note_nl", "note_en")

FILES = {
    "scores": "scores.csv",
    "preferences": "scale_preferences.csv",
    "items": "items.csv",
    "services": "services.csv",
    "levels": "scale_levels.csv",
    "scenarios": "scenarios.csv",
    "advice": "advice.csv",
}


Expectation = tuple[str, tuple[tuple[str, str], ...]]
"""A catalogue key ``expect.*`` and the fields of its template."""


def _expect(key: str, **fields: object) -> Expectation:
    return f"expect.{key}", tuple(sorted((k, str(v)) for k, v in fields.items()))


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

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The full message: file, line, column, value and what was expected."""
        message = text("issue.file", lang, file=self.file)
        if self.line is not None:
            message = text("issue.line", lang, file=self.file, line=self.line)
        if self.column is not None:
            message += text("issue.column", lang, column=self.column)
        if self.value is not None:
            message += text("issue.value", lang, value=self.value)
        key, fields = self.expected
        return message + text("issue.expected", lang, expected=text(key, lang, **dict(fields)))

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
        """What a user reads: how many problems ``folder`` has, then each on a line of its own."""
        lines = [text("validate.failed", lang, n=len(self.issues), folder=folder)]
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

    @property
    def service_codes(self) -> list[str]:
        """Service codes in codebook order."""
        return list(self.services["code"])

    def item_codes(self, dimension: str) -> list[str]:
        """Item keys of ``dimension`` in the report's column order."""
        return list(self.items.loc[self.items["dimension"] == dimension, "item"])

    def item_label(self, item: str, lang: str = "nl") -> str:
        """The codebook label of ``item`` in ``lang``."""
        return self.items.set_index("item").at[item, f"label_{lang}"]

    def item_labels(self, lang: str = "nl") -> dict[str, str]:
        """Every item key with its codebook label in ``lang``."""
        return dict(zip(self.items["item"], self.items[f"label_{lang}"], strict=True))

    def service_name(self, code: str, lang: str = "nl") -> str:
        """The full name of service ``code`` in ``lang``."""
        return self.services.set_index("code").at[code, f"name_{lang}"]

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
    """One sentence saying what a valid data folder holds."""
    return text(
        "validate.ok",
        lang,
        folder=data.folder,
        n_scores=len(data.scores),
        n_preferences=len(data.preferences),
        n_services=len(data.services),
    )


# --- reading -----------------------------------------------------------------


def read_table(path: Path, label: str) -> tuple[pd.DataFrame | None, list[DataIssue]]:
    """Read a CSV file as written by hand, by pandas or by Excel.

    Returns the rows as strings (surrounding spaces removed) with the file's
    line number of each row in the column ``_line``, or ``None`` and the
    reason when the file cannot be read.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [DataIssue(label, None, None, None, _expect("readable_file", reason=exc.strerror))]
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    header = content.split("\n", 1)[0]
    sep = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=sep)
    rows, lines = [], []
    try:
        columns = [c.strip() for c in next(reader)]
    except StopIteration:
        return None, [DataIssue(label, 1, None, None, _expect("header"))]
    issues = []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(columns):
            issues.append(
                DataIssue(
                    label,
                    reader.line_num,
                    None,
                    sep.join(record),
                    _expect("fields", n=len(columns), sep=sep, found=len(record)),
                )
            )
            continue
        rows.append([cell.strip() for cell in record])
        lines.append(reader.line_num)
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame["_line"] = pd.Series(lines, dtype="int64")
    return frame, issues


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
    """Check ``frame`` with pandera and translate its failures into issues."""
    import pandera.pandas as pa

    schema = _schema({name: check for name, (check, _) in columns.items()}, unique)
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        return _translate(err.failure_cases, frame, label, columns, unique)
    return []


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
        elif "uniqueness" in check:
            issues.append(_duplicate_issue(frame, label, unique, case.index))
        elif case.index is not None and case.column in columns:
            line = int(frame.at[case.index, "_line"])
            issues.append(
                DataIssue(label, line, case.column, str(case.failure_case), columns[case.column][1])
            )
    return list(dict.fromkeys(issues))


def _rows(frame: pd.DataFrame):
    """Rows as named tuples; ``source_line`` is the row's line in its file."""
    return frame.rename(columns={"_line": "source_line"}).itertuples(index=False)


def _duplicate_issue(frame: pd.DataFrame, label: str, unique: list[str], index) -> DataIssue:
    key = tuple(frame.loc[index, unique])
    same = (frame[unique] == pd.Series(key, index=unique)).all(axis=1)
    others = [str(n) for n in frame.loc[same, "_line"] if n != frame.at[index, "_line"]]
    return DataIssue(
        label,
        int(frame.at[index, "_line"]),
        ",".join(unique),
        ",".join(key),
        _expect("unique_key", lines=", ".join(others)),
    )


def _check_items_in_dimension(frame: pd.DataFrame, label: str) -> list[DataIssue]:
    issues = []
    for row in _rows(frame):
        allowed = ITEMS.get(row.dimension)
        if allowed is not None and row.item not in allowed and row.item in ITEMS_ALL:
            issues.append(
                DataIssue(
                    label,
                    row.source_line,
                    "item",
                    row.item,
                    _expect(f"item_of.{row.dimension}", values=_listing(allowed)),
                )
            )
    return issues


ITEMS_ALL = ROBUSTNESS_ITEMS + TASK_ITEMS


def _check_complete(frame, label, services, keys: dict[str, tuple]) -> list[DataIssue]:
    """Report every expected (service, dimension, item, ...) combination that has no row."""
    names = ["service", "dimension", "item", *keys]
    present = set(map(tuple, frame[names].to_numpy()))
    expected = (
        (service, dimension, item, *extra)
        for service in services
        for dimension, items in ITEMS.items()
        for item in items
        for extra in itertools.product(*keys.values())
    )
    return [
        DataIssue(
            label,
            None,
            None,
            None,
            _expect("row_present", row=", ".join(f"{k}={v}" for k, v in zip(names, key, strict=True))),
        )
        for key in expected
        if key not in present
    ]


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
        },
        unique=["code"],
    )
    issues += _check_frame(
        levels,
        FILES["levels"],
        {
            "level": (_isin(LEVELS), _expect("one_of", values=_listing(LEVELS))),
            "label_nl": (pa.Check.str_length(min_value=1), _expect("label_nl")),
            "label_en": (pa.Check.str_length(min_value=1), _expect("label_en")),
            "regional": (_isin(["true", "false"]), _expect("true_false")),
        },
        unique=["level"],
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
        },
        unique=["service", "dimension", "item", "aspect"],
    )
    if set(PREFERENCE_COLUMNS) <= set(prefs.columns):
        issues += _check_items_in_dimension(prefs, label)
        issues += _check_complete(prefs, label, services, {})
        for row in _rows(prefs):
            letters = row.levels.split("/")
            if len(letters) != len(set(letters)):
                issues.append(DataIssue(label, row.source_line, "levels", row.levels, _expect("letter_once")))
            if row.levels == "" and row.note == "":
                issues.append(DataIssue(label, row.source_line, "note", "", _expect("note_for_empty")))
        split = prefs.groupby(["service", "dimension", "item"])["aspect"].transform(lambda a: (a != "").any())
        for row in _rows(prefs[split & (prefs["aspect"] == "")]):
            issues.append(
                DataIssue(
                    label,
                    row.source_line,
                    "aspect",
                    "",
                    _expect("aspect_needed", values=_listing(ASPECTS)),
                )
            )
    return issues


def _filled() -> pa.Check:
    import pandera.pandas as pa

    return pa.Check.str_length(min_value=1)


def _number(cell: str) -> float:
    """The value of a threshold cell (``0,5`` from a Dutch Excel too); NaN where empty."""
    return float(cell.replace(",", ".")) if cell else math.nan


def _check_scenarios(scenarios: pd.DataFrame, items: list[str] | None) -> list[DataIssue]:
    """Check ``scenarios.csv``; ``items`` are the item keys of ``items.csv`` (``None``: unreadable)."""
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
            "blocking_items": (None, _expect("free_text")),
            "decides": (_isin(["true", "false"]), _expect("true_false")),
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
            keys = row.blocking_items.split(";") if row.blocking_items else []
            if items is not None and not set(keys) <= set(items):
                issues.append(
                    DataIssue(
                        label,
                        row.source_line,
                        "blocking_items",
                        row.blocking_items,
                        _expect("blocking_items", file=FILES["items"], values=_listing(items)),
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
    advice: pd.DataFrame, services: list[str] | None, scenarios: list[str] | None
) -> list[DataIssue]:
    """Check ``advice.csv`` against the service codes and scenario keys (``None``: table unreadable)."""
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
        },
        unique=["coalition", "scenario"],
    )
    if "coalition" in advice.columns:
        for row in _rows(advice):
            expected = _coalition_problem(row.coalition, services)
            if expected is not None:
                issues.append(DataIssue(label, row.source_line, "coalition", row.coalition, expected))
    return issues


def _coalition_problem(cell: str, services: list[str] | None) -> Expectation | None:
    """What is wrong with one coalition cell, or ``None``; ``services`` in the order of ``services.csv``."""
    codes = cell.split("+")
    known = all(re.fullmatch(SERVICE_CODE, code) for code in codes) and (
        services is None or set(codes) <= set(services)
    )
    if not known or len(codes) < 2:
        if services is None:
            return _expect("coalition_codes")
        example = "+".join(services[:2])
        return _expect("coalition", file=FILES["services"], example=example, values=_listing(services))
    if len(set(codes)) < len(codes):
        return _expect("coalition_once")
    if services is not None:
        order = sorted(codes, key=services.index)
        if codes != order:
            return _expect("coalition_order", file=FILES["services"], order="+".join(order))
    return None


# --- typing ------------------------------------------------------------------


def _categorical(values, categories) -> pd.Categorical:
    return pd.Categorical(values, categories=list(categories), ordered=True)


def _typed(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    items = tables["items"].drop(columns="_line").reset_index(drop=True)
    services = tables["services"].drop(columns="_line").reset_index(drop=True)
    levels = tables["levels"].drop(columns="_line").reset_index(drop=True)
    levels["regional"] = levels["regional"] == "true"
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
    """Thresholds as floats (NaN where empty), ``decides`` as bool, ``blocking_items`` as item keys."""
    scenarios = frame.drop(columns="_line").reset_index(drop=True)
    for column in ("fits_at", "partly_at"):
        scenarios[column] = scenarios[column].map(_number).astype(float)
    scenarios["decides"] = (scenarios["decides"] == "true").astype(bool)
    scenarios["blocking_items"] = scenarios["blocking_items"].map(
        lambda cell: tuple(cell.split(";")) if cell else ()
    )
    return scenarios


def _column(frame: pd.DataFrame, name: str) -> list[str] | None:
    """The values of column ``name``, or ``None`` if the table has no such column."""
    return list(frame[name]) if name in frame.columns else None


def load_dataset(folder: str | Path = "data") -> Dataset:
    """Read, validate and type every table in ``folder``.

    Parameters
    ----------
    folder
        A data folder laid out as ``data/`` (see ``data/README.md``).

    Returns
    -------
    Dataset
        The tables as DataFrames with ordered categoricals for services,
        dimensions, items, measures and score symbols; each scores and
        preferences row keeps its source ``line`` in the file. In
        ``scenarios`` the thresholds are floats (NaN where empty),
        ``decides`` is a bool and ``blocking_items`` a tuple of item keys.

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
    issues += _check_codebook(tables)
    services = list(tables["services"]["code"]) if "code" in tables["services"] else []
    issues += _check_scores(tables["scores"], services)
    issues += _check_preferences(tables["preferences"], services)
    issues += _check_scenarios(tables["scenarios"], _column(tables["items"], "item"))
    issues += _check_advice(
        tables["advice"], _column(tables["services"], "code"), _column(tables["scenarios"], "scenario")
    )
    if issues:
        raise DataError(issues)
    typed = _typed(tables)
    synthetic = (folder / "SYNTHETIC").exists()
    return Dataset(folder=folder, synthetic=synthetic, **typed)
