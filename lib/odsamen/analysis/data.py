"""Load and validate the odsamen tables.

The tables under ``data/`` are the source report's matrices in tidy form,
its forms of cooperation (``scenarios.csv``) and its advice per coalition
(``advice.csv``); see ``data/README.md``. :func:`load_dataset` reads all of
them, checks them against each other and returns pandas DataFrames with
ordered categoricals.
Every problem found is collected into one :class:`DataError`, each entry
naming the file, the line, the column, the value and what was expected.

The work is done in three modules beside this one, each with one job:

- :mod:`odsamen.analysis.files` reads a table as Excel and other tools write it
  (encodings, separators, booleans);
- :mod:`odsamen.analysis.schema` says what each table holds (its columns and
  allowed values) and how a problem is reported (:class:`DataIssue`);
- :mod:`odsamen.analysis.checks` checks the tables, cell by cell and against each other.

The names of :mod:`~odsamen.analysis.schema` can be imported from here as well.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from odsamen.analysis.checks import check_cells, check_tables, parse_number
from odsamen.analysis.files import in_sheets, is_workbook, normalise_booleans, read_table, read_workbook
from odsamen.analysis.schema import (
    ADVICE_COLUMNS,
    ADVICE_TESTS,
    ASPECTS,
    ASSESSMENT_COLUMNS,
    ASSESSMENT_FACTS,
    DEFINITION_SOURCES,
    DIMENSIONS,
    FILES,
    FREE_TEXT_COLUMNS,
    ITEM_COLUMNS,
    ITEM_KEY,
    LEVEL_COLUMNS,
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
    SERVICE_COLUMNS,
    SOURCES,
    STANCES,
    SYMBOLS,
    SYNTHETIC_MARKER,
    WINDOWS_RESERVED,
    DataError,
    DataIssue,
    Expectation,
    visible,
)
from odsamen.catalogue import DEFAULT_LANGUAGE, format_date, join_words, text

__all__ = [
    "ADVICE_COLUMNS",
    "ADVICE_TESTS",
    "ASSESSMENT_COLUMNS",
    "ASSESSMENT_FACTS",
    "ASPECTS",
    "DEFINITION_SOURCES",
    "DIMENSIONS",
    "DataError",
    "DataIssue",
    "Dataset",
    "Expectation",
    "FILES",
    "FREE_TEXT_COLUMNS",
    "ITEM_COLUMNS",
    "ITEM_KEY",
    "LEVEL_LETTER",
    "LEVEL_COLUMNS",
    "MAX_ROWS_LISTED",
    "MEASURES",
    "NUMBER",
    "PAGE",
    "PREFERENCE_COLUMNS",
    "SCENARIO_COLUMNS",
    "SCENARIO_DIMENSIONS",
    "SCENARIO_KEY",
    "SCENARIO_MEASURES",
    "SCORE_COLUMNS",
    "SERVICE_CODE",
    "SERVICE_COLUMNS",
    "SOURCES",
    "STANCES",
    "SYMBOLS",
    "SYNTHETIC_MARKER",
    "WINDOWS_RESERVED",
    "encoding_notes",
    "fact_of",
    "load_dataset",
    "read_facts",
    "read_table",
    "summary",
    "visible",
]


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
    assessment: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(ASSESSMENT_COLUMNS)))
    """The assessment's own facts: its source, region, who scored, its tables (``data/assessment.csv``)."""
    encodings: dict[str, str] = field(default_factory=dict)
    """The encoding each file was read in (``utf-8``, ``utf-16`` or ``cp1252``), by file name."""
    garbled: dict[str, list[int]] = field(default_factory=dict)
    """The lines of each file whose text looks garbled by a wrong character set (``Ã©`` for ``é``)."""

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
        """The scale levels that mean cooperation within the region (``regional`` true)."""
        return set(self.levels.loc[self.levels["regional"], "level"])

    def fact(self, name: str, lang: str = "nl") -> str:
        """The assessment's fact ``name`` (:data:`ASSESSMENT_FACTS`) in ``lang``: its ``value_en`` in
        English where given, else its Dutch value; empty if the table does not have it."""
        return fact_of(self.assessment, name, lang)

    def source_date(self, lang: str = "nl") -> str:
        """The source document's date as the briefings write it (``7-1-2024``; English ``2024-01-07``)."""
        return source_date(self.assessment, lang)

    @property
    def level_codes(self) -> list[str]:
        """The scale letters in the order of ``scale_levels.csv``."""
        return list(self.levels["level"])

    @property
    def alone_level(self) -> str:
        """The first scale level: a service on its own (``A`` in the report)."""
        return str(self.levels["level"].iloc[0])


def fact_of(assessment: pd.DataFrame, name: str, lang: str = "nl") -> str:
    """Fact ``name`` of an ``assessment.csv`` table in ``lang`` (:meth:`Dataset.fact`)."""
    rows = assessment[assessment["fact"] == name] if "fact" in assessment.columns else assessment.iloc[:0]
    if rows.empty:
        return ""
    row = rows.iloc[0]
    return str(row["value_en"]) if lang == "en" and row["value_en"] else str(row["value_nl"])


def source_date(assessment: pd.DataFrame, lang: str = "nl") -> str:
    """The source document's date from an ``assessment.csv`` table, as a reader writes it."""
    import datetime

    value = fact_of(assessment, "date")
    try:
        return format_date(datetime.date.fromisoformat(value), lang)
    except ValueError:
        return value


def read_facts(folder: str | Path) -> pd.DataFrame:
    """Only ``assessment.csv`` of a data folder, read as :func:`load_dataset` reads it but not checked
    (for a page footer on a folder validated before); an empty table if it cannot be read."""
    frame, _ = read_table(Path(folder) / FILES["assessment"], FILES["assessment"])
    return frame if frame is not None else pd.DataFrame(columns=list(ASSESSMENT_COLUMNS))


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
    notes = encoding_notes(data.encodings, lang) + garbled_notes(data.garbled, lang)
    return "\n".join(lines + [f"  {message}" for message in notes])


def garbled_notes(garbled: dict[str, list[int]], lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """A sentence for each file with text that a wrong character set garbled (``Ã©`` for ``é``),
    naming its lines (:func:`odsamen.analysis.files.garbled_lines`)."""
    notes = []
    for name, lines in garbled.items():
        shown = join_words(lines[:MAX_GARBLED_NAMED], lang) + (" …" if len(lines) > MAX_GARBLED_NAMED else "")
        notes.append(text("validate.garbled", lang, file=name, lines=shown))
    return notes


MAX_GARBLED_NAMED = 10
"""A warning on garbled text names at most this many lines."""


def encoding_notes(encodings: dict[str, str], lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """A sentence for each file that was read in Windows code page 1252 rather than UTF-8."""
    return [text("validate.cp1252", lang, file=name) for name, code in encodings.items() if code == "cp1252"]


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
        "assessment": tables["assessment"].drop(columns="_line").reset_index(drop=True),
    }


def _typed_scenarios(frame: pd.DataFrame) -> pd.DataFrame:
    """Thresholds as floats (NaN where empty), ``decides`` as bool."""
    scenarios = frame.drop(columns="_line").reset_index(drop=True)
    for column in ("fits_at", "partly_at"):
        scenarios[column] = scenarios[column].map(parse_number).astype(float)
    scenarios["decides"] = (scenarios["decides"] == "true").astype(bool)
    return scenarios


def load_dataset(folder: str | Path = "data", *, check: bool = True, lang: str = DEFAULT_LANGUAGE) -> Dataset:
    """Read, validate and type every table in ``folder``.

    Parameters
    ----------
    folder
        A data folder laid out as ``data/`` (see ``data/README.md``), or an Excel workbook
        (``.xlsx``) with a sheet per table (:mod:`odsamen.analysis.workbook`); errors in a
        workbook name its sheet and row.
    check
        False skips the checks (and the pandera import) for a folder already
        validated, byte for byte (:func:`odsamen.analysis.shared.load`): the
        tables are read and typed the same way.
    lang
        The language of the :class:`DataError`'s message (a notebook's ``lang``); its
        :meth:`~DataError.describe` gives any language.

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
    if is_workbook(folder):
        tables, issues, marker = read_workbook(folder)
        relabel = functools.partial(in_sheets, workbook=folder)
        synthetic = marker is not None
    else:
        for name, filename in FILES.items():
            frame, problems = read_table(folder / filename, filename)
            tables[name] = frame
            issues += problems
        relabel = list
        synthetic = (folder / SYNTHETIC_MARKER).exists()
    if any(tables.get(name) is None for name in FILES):
        raise DataError(relabel(issues), lang)
    if check:
        for name, frame in tables.items():
            issues += check_cells(frame, FILES[name], FREE_TEXT_COLUMNS.get(name, ()))
    normalise_booleans(tables)
    if check:
        issues += check_tables(tables)
    if issues:
        raise DataError(relabel(issues), lang)
    encodings = {FILES[name]: frame.attrs.get("encoding", "utf-8") for name, frame in tables.items()}
    garbled = {
        FILES[name]: frame.attrs["garbled_lines"]
        for name, frame in tables.items()
        if frame.attrs.get("garbled_lines")
    }
    typed = _typed(tables)
    return Dataset(
        folder=folder,
        synthetic=synthetic,
        warnings=encoding_notes(encodings) + garbled_notes(garbled),
        garbled=garbled,
        encodings=encodings,
        **typed,
    )
