"""Load and validate the odsamen tables.

The tables under ``data/`` are the source report's matrices in tidy form
(see ``data/README.md``). :func:`load_dataset` reads all of them, checks them
against each other and returns pandas DataFrames with ordered categoricals.
Every problem found is collected into one :class:`DataError`, each entry
naming the file, the line, the column, the value and what was expected.

Files may come from Excel: UTF-8 with or without a byte-order mark, Windows
code page 1252, and ``;`` or ``,`` as separator are all accepted.
"""

from __future__ import annotations

import csv
import io
import itertools
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

SCORE_COLUMNS = ("service", "dimension", "item", "measure", "score", "source")
PREFERENCE_COLUMNS = ("service", "dimension", "item", "aspect", "levels", "note")
ITEM_COLUMNS = ("dimension", "item", "letter", "label_nl", "label_en", "report_column")
SERVICE_COLUMNS = ("code", "name_nl", "name_en", "region")
LEVEL_COLUMNS = ("level", "label_nl", "label_en", "regional")

FILES = {
    "scores": "scores.csv",
    "preferences": "scale_preferences.csv",
    "items": "items.csv",
    "services": "services.csv",
    "levels": "scale_levels.csv",
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
    frame["_line"] = lines
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
    return {"scores": scores, "preferences": prefs, "items": items, "services": services, "levels": levels}


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
        preferences row keeps its source ``line`` in the file.

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
    if issues:
        raise DataError(issues)
    typed = _typed(tables)
    synthetic = (folder / "SYNTHETIC").exists()
    return Dataset(folder=folder, synthetic=synthetic, **typed)
