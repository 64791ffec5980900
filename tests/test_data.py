"""Loading and validating the data tables: the real data and every kind of bad input."""

from __future__ import annotations

import csv
import io
import itertools
import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

import odsamen.analysis.checks as checks_module
import odsamen.analysis.files as files_module
import odsamen.analysis.schema as schema_module
from odsamen.analysis.data import (
    ADVICE_COLUMNS,
    FILES,
    ITEM_COLUMNS,
    SCENARIO_COLUMNS,
    SERVICE_COLUMNS,
    SYMBOLS,
    DataError,
    DataIssue,
    Dataset,
    load_dataset,
    summary,
)
from odsamen.analysis.scoring import score_values, with_values
from odsamen.catalogue import join_words, text
from odsamen.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` on 1-based ``line`` of ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def issues_of(folder: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    return caught.value.issues


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    """Set ``column`` on 1-based ``line`` of the CSV file ``path`` (one record per line) to ``value``."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[line - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def the_issue(folder: Path, file: str, line: int, column: str, value: str):
    """The one issue at ``file``, ``line``, ``column``, after checking that its message names all four."""
    issues = [i for i in issues_of(folder) if (i.file, i.line, i.column) == (file, line, column)]
    assert len(issues) == 1, [str(i) for i in issues_of(folder)]
    (issue,) = issues
    assert issue.value == value
    assert issue.describe("en").startswith(
        f"{file}, line {line}, column '{column}': value '{value}': expected"
    )
    assert issue.describe("nl").startswith(
        f"{file}, regel {line}, kolom '{column}': waarde '{value}': verwacht"
    )
    return issue


# --- the real data -------------------------------------------------------------


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
"""The report's items in its column order (the codebook in ``data/items.csv`` holds them)."""


def test_real_data_counts():
    data = load_dataset(DATA)
    assert len(data.scores) == 136
    assert len(data.preferences) == 69
    assert data.service_codes == ["NHN", "IJmond", "NZKG", "OFGV"]
    assert tuple(data.item_codes("robustness")) == ROBUSTNESS_ITEMS
    assert tuple(data.item_codes("task")) == TASK_ITEMS
    assert not data.synthetic


def test_real_data_known_cells():
    data = load_dataset(DATA)
    s = data.scores.set_index(["service", "dimension", "item", "measure"])
    assert s.loc[("NHN", "robustness", "innovatie", "meets"), "score"] == "--"
    assert s.loc[("NZKG", "task", "uh_strategie", "meets"), "score"] == "++"
    assert s.loc[("IJmond", "task", "datagedreven", "meets"), "score"] == "-/+"
    assert (s.xs("OFGV", level="service").xs("task", level="dimension")["source"] == "advisor").all()
    assert (data.scores.loc[data.scores["service"] != "OFGV", "source"] == "self").all()
    prefs = data.preferences.set_index(["service", "item", "aspect"])
    assert prefs.loc[("OFGV", "innovatie", ""), "levels"] == "E/C/B"
    assert prefs.loc[("OFGV", "bi_en_opleiding", "opleiding"), "levels"] == "E"
    assert prefs.loc[("OFGV", "bi_en_opleiding", "bi"), "levels"] == "B/C/E"
    assert prefs.loc[("NHN", "ketentoezicht", ""), "levels"] == "?"
    ofgv_tasks = data.preferences[
        (data.preferences["service"] == "OFGV") & (data.preferences["dimension"] == "task")
    ]
    assert len(ofgv_tasks) == 11
    assert (ofgv_tasks["levels"] == "").all() and (ofgv_tasks["note"] != "").all()


def test_real_scenarios_and_advice():
    data = load_dataset(DATA)
    assert list(data.scenarios.columns) == list(SCENARIO_COLUMNS)
    assert list(data.advice.columns) == list(ADVICE_COLUMNS)
    assert len(data.scenarios) == 5 and len(data.advice) == 9
    scenarios = data.scenarios.set_index("scenario")
    assert list(scenarios.index) == ["convenant", "expertisecentrum", "federatie", "taakoverdracht", "fusie"]
    assert scenarios.at["convenant", "fits_at"] == 3.0 and scenarios.at["federatie", "partly_at"] == 0.3
    assert scenarios["fits_at"].dtype == float and math.isnan(scenarios.at["fusie", "fits_at"])
    assert scenarios["decides"].dtype == bool and not scenarios.at["fusie", "decides"]
    assert "blocking_items" not in scenarios.columns  # a level-A answer is no veto
    assert data.items["regional_start"].dtype == bool
    assert set(data.items.loc[data.items["regional_start"], "item"]) == {
        "innovatie",
        "bi_en_opleiding",
        "datagedreven",
    }
    assert set(data.items["definition_by"]) == {"report", "odsamen"}
    assert data.scenario_label("fusie", "en") == "Full merger"
    assert set(data.advice["scenario"]) <= set(scenarios.index)
    assert (data.advice.loc[data.advice["scenario"] == "fusie", "stance"] == "not_now").all()


def test_dataset_without_the_new_tables_still_builds():
    data = load_dataset(DATA)
    old = Dataset(data.folder, data.scores, data.preferences, data.items, data.services, data.levels, True)
    assert old.synthetic and old.warnings == []
    assert list(old.scenarios.columns) == list(SCENARIO_COLUMNS) and old.scenarios.empty
    assert list(old.advice.columns) == list(ADVICE_COLUMNS) and old.advice.empty


def test_new_tables_are_data_files():
    assert FILES["scenarios"] == "scenarios.csv" and FILES["advice"] == "advice.csv"
    assert len(FILES) == 8 and FILES["assessment"] == "assessment.csv"
    assert {p.name for p in DATA.glob("*.csv")} == set(FILES.values())


def test_categoricals_are_ordered():
    data = load_dataset(DATA)
    score = data.scores["score"]
    assert score.cat.ordered and tuple(score.cat.categories) == SYMBOLS
    assert data.scores["service"].cat.ordered
    assert list(data.scores["item"].cat.categories[:2]) == ["omvang", "kwaliteitscriteria"]
    assert data.regional_levels == {"B", "C"}


def test_excel_csv_with_bom_and_semicolons(data_copy: Path):
    for name in ("scores.csv", "scale_preferences.csv", "services.csv"):
        path = data_copy / name
        text = path.read_text(encoding="utf-8").replace(",", ";").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    data = load_dataset(data_copy)
    assert len(data.scores) == 136 and len(data.preferences) == 69
    assert data.service_codes[0] == "NHN"


def test_windows_codepage_is_read(data_copy: Path):
    path = data_copy / "services.csv"
    path.write_bytes(
        path.read_text(encoding="utf-8")
        .replace("Noord-Holland Noord", "Noord-Holland Noordé")
        .encode("cp1252")
    )
    assert load_dataset(data_copy).service_name("NHN").endswith("Noordé")


# --- bad input -----------------------------------------------------------------


def test_unknown_symbol_names_file_line_column_value(data_copy: Path):
    edit_line(data_copy / "scores.csv", 3, ",?,", ",+++,")
    (issue,) = issues_of(data_copy)
    assert (issue.file, issue.line, issue.column, issue.value) == ("scores.csv", 3, "score", "+++")
    assert "'++'" in issue.describe("en") and "'-/+'" in issue.describe("en")
    assert issue.describe("nl").startswith("scores.csv, regel 3, kolom 'score': waarde '+++': verwacht")


def test_all_errors_reported_at_once(data_copy: Path):
    edit_line(data_copy / "scores.csv", 3, ",?,", ",+++,")
    edit_line(data_copy / "scores.csv", 10, "NHN,", "NHX,")
    edit_line(data_copy / "scores.csv", 14, ",meets,", ",meet,")
    edit_line(data_copy / "scale_preferences.csv", 4, "B/C/E", "B/G")
    found = {(i.file, i.line, i.column, i.value) for i in issues_of(data_copy)}
    assert ("scores.csv", 3, "score", "+++") in found
    assert ("scores.csv", 10, "service", "NHX") in found
    assert ("scores.csv", 14, "measure", "meet") in found
    assert ("scale_preferences.csv", 4, "levels", "B/G") in found


def test_unknown_item_dimension_and_item_in_wrong_dimension(data_copy: Path):
    edit_line(data_copy / "scores.csv", 2, "omvang", "grootte")
    edit_line(data_copy / "scores.csv", 4, "robustness", "robuust")
    # a task item filed under robustness
    edit_line(data_copy / "scores.csv", 5, "robustness,weerstandsvermogen", "robustness,zzs")
    found = {(i.line, i.column, i.value) for i in issues_of(data_copy)}
    assert (2, "item", "grootte") in found
    assert (4, "dimension", "robuust") in found
    assert (5, "item", "zzs") in found


def test_missing_and_extra_columns(data_copy: Path):
    path = data_copy / "scores.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.drop(columns="source").assign(comment="x").to_csv(path, index=False)
    found = {(i.line, i.column) for i in issues_of(data_copy)}
    assert (1, "source") in found
    assert (1, "comment") in found


def test_duplicate_key_names_both_lines(data_copy: Path):
    path = data_copy / "scores.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("NHN,robustness,omvang,meets,+,self\n")
    issues = issues_of(data_copy)
    assert {i.line for i in issues} == {2, 138}
    assert "line 138" in issues[0].describe("en") and "line 2" in issues[1].describe("en")


def test_missing_rows_are_listed(data_copy: Path):
    path = data_copy / "scores.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:5] + lines[6:]), encoding="utf-8")
    (issue,) = issues_of(data_copy)
    message = issue.describe("en")
    assert "service=NHN" in message and "item=bi_en_opleiding" in message and "measure=meets" in message


def test_missing_preference_row_and_note(data_copy: Path):
    path = data_copy / "scale_preferences.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("IJmond,task,zzs,")]
    path.write_text("".join(kept), encoding="utf-8")
    edit_line(path, 2, ",A,", ",,")
    messages = [i.describe("en") for i in issues_of(data_copy)]
    assert any("item=zzs" in m and "IJmond" in m for m in messages)
    assert any("line 2, column 'note'" in m for m in messages)


def test_repeated_letter_and_unsafe_service_code(data_copy: Path):
    edit_line(data_copy / "scale_preferences.csv", 3, "B/C", "B/B")
    for name in ("scores.csv", "scale_preferences.csv", "services.csv"):
        path = data_copy / name
        path.write_text(path.read_text(encoding="utf-8").replace("NZKG", "../NZKG"), encoding="utf-8")
    found = {(i.file, i.column, i.value) for i in issues_of(data_copy)}
    assert ("scale_preferences.csv", "levels", "B/B") in found
    assert ("services.csv", "code", "../NZKG") in found


def test_missing_file(data_copy: Path):
    (data_copy / "items.csv").unlink()
    (issue,) = issues_of(data_copy)
    assert issue.file == "items.csv" and issue.line is None


def test_missing_scenarios_file(data_copy: Path):
    (data_copy / "scenarios.csv").unlink()
    (issue,) = issues_of(data_copy)
    assert issue.file == "scenarios.csv" and issue.line is None


def test_wrong_number_of_fields(data_copy: Path):
    edit_line(data_copy / "scores.csv", 7, ",self", ",self,extra")
    issues = issues_of(data_copy)
    assert any(i.line == 7 and i.expected[0] == "expect.fields" for i in issues)


# --- scenarios.csv -------------------------------------------------------------


@pytest.mark.parametrize(
    "line, column, value, expected",
    [
        (2, "scenario", "Convenant", "lowercase letters a to z and '_'"),
        (2, "scenario", "con venant", "lowercase letters a to z and '_'"),
        (2, "label_nl", "", "a Dutch label"),
        (3, "label_en", "", "an English label"),
        (2, "conditions_nl", "", "the conditions in Dutch"),
        (4, "conditions_en", "", "the conditions in English"),
        (5, "where", "", "the place in the report"),
        (2, "measure", "agenda", "empty, or one of 'agenda_items', 'exchange_items', 'agenda_share'"),
        (3, "dimension", "everything", "one of 'all', 'robustness', 'task'"),
        (2, "fits_at", "-1", "a number of 0 or more"),
        (3, "partly_at", "one", "a number of 0 or more"),
        (2, "fits_at", "", "a number: the scenario has the measure 'agenda_items'"),
        (4, "partly_at", "", "a number: the scenario has the measure 'agenda_share'"),
        (6, "fits_at", "2", "empty: the scenario has no measure"),
        (6, "partly_at", "1", "empty: the scenario has no measure"),
        (2, "partly_at", "4", "at most 'fits_at' (3) on the same line"),
        (4, "fits_at", "1.5", "a share from 0 to 1 for the measure 'agenda_share'"),
        (4, "partly_at", "2", "a share from 0 to 1"),
        (2, "fits_at", "2.5", "a whole number of items for the measure 'agenda_items'"),
        (3, "partly_at", "0.5", "a whole number of items for the measure 'exchange_items'"),
        (2, "decides", "yes", "'true' or 'false'"),
        (2, "decides", "false", "'true': the data decide a scenario that has a measure"),
        (6, "decides", "true", "'false': without a measure ('measure' empty) the data do not decide"),
    ],
)
def test_bad_scenario_cell(data_copy: Path, line, column, value, expected):
    set_cell(data_copy / "scenarios.csv", line, column, value)
    issue = the_issue(data_copy, "scenarios.csv", line, column, value)
    assert expected in issue.describe("en")


def test_scenario_key_must_be_unique(data_copy: Path):
    set_cell(data_copy / "scenarios.csv", 6, "scenario", "convenant")
    issues = [i for i in issues_of(data_copy) if i.file == "scenarios.csv"]
    assert {(i.line, i.column, i.value) for i in issues} == {
        (2, "scenario", "convenant"),
        (6, "scenario", "convenant"),
    }
    assert "line 6" in issues[0].describe("en") and "line 2" in issues[1].describe("en")


def test_scenario_columns_must_be_exact(data_copy: Path):
    path = data_copy / "scenarios.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.drop(columns="where").assign(comment="x").to_csv(path, index=False)
    found = {(i.file, i.line, i.column) for i in issues_of(data_copy)}
    assert found == {("scenarios.csv", 1, "where"), ("scenarios.csv", 1, "comment")}


def test_excel_numbers_in_scenarios(data_copy: Path):
    path = data_copy / "scenarios.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[3][rows[0].index("fits_at")] = "0,5"  # a Dutch Excel writes a decimal comma
    with path.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    scenarios = load_dataset(data_copy).scenarios.set_index("scenario")
    assert scenarios.at["federatie", "fits_at"] == 0.5


def test_item_flags_read_excel_booleans(data_copy: Path):
    set_cell(data_copy / "items.csv", 2, "regional_start", "WAAR")
    set_cell(data_copy / "items.csv", 4, "definition_by", "rapport")
    issues = [i for i in issues_of(data_copy) if i.file == "items.csv"]
    assert [(i.line, i.column, i.value) for i in issues] == [(4, "definition_by", "rapport")]


# --- advice.csv ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, column, value, expected",
    [
        (
            2,
            "coalition",
            "NHN",
            "two or more service codes from services.csv joined by '+', such as 'NHN+IJmond'",
        ),
        (2, "coalition", "NHN+NHX", "(codes: 'NHN', 'IJmond', 'NZKG', 'OFGV')"),
        (2, "coalition", "NHN,IJmond", "two or more service codes from services.csv joined by '+'"),
        (2, "coalition", "", "two or more service codes"),
        (3, "coalition", "NHN+IJmond+NHN", "each service once"),
        (2, "coalition", "IJmond+NHN", "the services in the order of services.csv: NHN+IJmond"),
        (
            8,
            "coalition",
            "OFGV+NZKG+IJmond+NHN",
            "the services in the order of services.csv: NHN+IJmond+NZKG+OFGV",
        ),
        (3, "scenario", "fusion", "a scenario from scenarios.csv: one of 'convenant', 'expertisecentrum'"),
        (4, "stance", "maybe", "one of 'advised', 'option', 'not_now', 'not_advised'"),
        (5, "where", "", "the place in the report"),
        (6, "note_nl", "", "a Dutch note"),
        (7, "note_en", "", "an English note"),
    ],
)
def test_bad_advice_cell(data_copy: Path, line, column, value, expected):
    set_cell(data_copy / "advice.csv", line, column, value)
    issue = the_issue(data_copy, "advice.csv", line, column, value)
    assert expected in issue.describe("en")


def test_coalition_order_named_in_dutch(data_copy: Path):
    set_cell(data_copy / "advice.csv", 3, "coalition", "NZKG+NHN+IJmond")
    issue = the_issue(data_copy, "advice.csv", 3, "coalition", "NZKG+NHN+IJmond")
    assert issue.describe("nl").endswith(
        "verwacht de diensten in de volgorde van services.csv: NHN+IJmond+NZKG"
    )


def test_advice_once_per_coalition_and_scenario(data_copy: Path):
    set_cell(data_copy / "advice.csv", 6, "scenario", "federatie")
    found = {(i.file, i.line, i.column, i.value) for i in issues_of(data_copy)}
    assert found == {
        ("advice.csv", 2, "coalition,scenario", "NHN+IJmond,federatie"),
        ("advice.csv", 6, "coalition,scenario", "NHN+IJmond,federatie"),
    }


def test_advice_columns_must_be_exact(data_copy: Path):
    path = data_copy / "advice.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.drop(columns="note_en").assign(source="x").to_csv(path, index=False)
    found = {(i.file, i.line, i.column) for i in issues_of(data_copy)}
    assert found == {("advice.csv", 1, "note_en"), ("advice.csv", 1, "source")}


def test_advice_may_have_no_rows(data_copy: Path):
    path = data_copy / "advice.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    advice = load_dataset(data_copy).advice
    assert advice.empty and list(advice.columns) == list(ADVICE_COLUMNS)


def test_advice_refers_to_services_and_scenarios(data_copy: Path):
    # a scenario renamed in scenarios.csv leaves every advice row on it without its scenario
    set_cell(data_copy / "scenarios.csv", 6, "scenario", "volledige_fusie")
    found = {(i.file, i.line, i.column, i.value) for i in issues_of(data_copy)}
    assert found == {("advice.csv", line, "scenario", "fusie") for line in (7, 8)}


def test_cross_checks_wait_for_readable_tables(data_copy: Path):
    set_cell(data_copy / "scenarios.csv", 1, "scenario", "key")
    set_cell(data_copy / "advice.csv", 2, "scenario", "Federatie")
    set_cell(data_copy / "advice.csv", 3, "scenario", "anything")
    found = {(i.file, i.line, i.column, i.value) for i in issues_of(data_copy)}
    # without scenario keys, advice.csv is only checked for the shape of a key
    assert ("advice.csv", 2, "scenario", "Federatie") in found
    assert not any(file == "advice.csv" and line == 3 for file, line, _, _ in found)
    assert ("scenarios.csv", 1, "key", None) in found


def test_coalitions_not_checked_against_unreadable_services(data_copy: Path):
    set_cell(data_copy / "services.csv", 1, "code", "service")
    set_cell(data_copy / "advice.csv", 2, "coalition", "IJmond+NHN")
    set_cell(data_copy / "advice.csv", 3, "coalition", "NHN")
    found = {(i.file, i.line, i.column) for i in issues_of(data_copy)}
    assert ("advice.csv", 2, "coalition") not in found
    assert ("advice.csv", 3, "coalition") in found  # one code is no coalition, whatever the services


# --- definitions (items.csv) and contexts (services.csv) ---------------------------


def test_real_items_and_services_have_every_definition_and_context():
    data = load_dataset(DATA)
    assert list(data.items.columns) == list(ITEM_COLUMNS)
    assert list(data.services.columns) == list(SERVICE_COLUMNS)
    for item in ROBUSTNESS_ITEMS + TASK_ITEMS:
        for lang in ("nl", "en"):
            assert len(data.item_definition(item, lang)) > 20, (item, lang)
        assert data.item_definition(item, "nl") != data.item_definition(item, "en")
        assert data.definition_page(item) == 8  # the page "Drie dimensies van samenwerking"
        assert isinstance(data.definition_page(item), int)
    for code in data.service_codes:
        for lang in ("nl", "en"):
            context = data.service_context(code, lang)
            assert code in context and 2 <= context.count(". ") + 1 <= 4, (code, lang)
        assert data.context_page(code) == 7  # the page "Opgave en context per individuele OD"
    assert data.items["definition_page"].dtype == "int64" and data.services["context_page"].dtype == "int64"


def test_real_definitions_say_what_the_report_says():
    data = load_dataset(DATA)
    size = data.item_definition("omvang", "en")
    assert "€15 million" in size and "80%" in size and "primary process" in size
    assert "15 miljoen euro" in data.item_definition("omvang", "nl")
    assert "AADV" in data.item_definition("datagedreven", "en")
    assert "altijd actuele digitale vergunning" in data.item_definition("datagedreven", "nl")
    # ZZS is spelled out once, in the definition; the labels keep the short form
    assert "substances of very high concern (ZZS), nitrogen and the like" in data.item_definition("zzs", "en")
    assert "zeer zorgwekkende stoffen (ZZS)" in data.item_definition("zzs", "nl")
    assert data.item_label("uh_strategie", "en") == "Implementation and enforcement strategy"


def test_ijmond_context_gives_the_reports_judgement():
    # IJmond scores itself well on most criteria; the report still judges it not robust (p. 7)
    data = load_dataset(DATA)
    assert "not robust" in data.service_context("IJmond", "en")
    assert "one-off subsidies" in data.service_context("IJmond", "en")
    assert "niet robuust" in data.service_context("IJmond", "nl")
    assert "eenmalige subsidies" in data.service_context("IJmond", "nl")


@pytest.mark.parametrize(
    "file, line, column, value, expected",
    [
        ("items.csv", 2, "definition_nl", "", "a Dutch explanation of the criterion or task"),
        ("items.csv", 12, "definition_en", "", "an English explanation of the criterion or task"),
        ("items.csv", 3, "definition_page", "", "a page number in the report: a whole number from 1"),
        ("items.csv", 4, "definition_page", "0", "a whole number from 1"),
        ("items.csv", 5, "definition_page", "8.0", "a whole number from 1"),
        ("items.csv", 6, "definition_page", "p. 8", "a whole number from 1"),
        ("items.csv", 18, "definition_page", "-8", "a whole number from 1"),
        ("services.csv", 2, "context_nl", "", "a Dutch description of the service's situation"),
        ("services.csv", 3, "context_en", "", "an English description of the service's situation"),
        ("services.csv", 4, "context_page", "", "a page number in the report"),
        ("services.csv", 5, "context_page", "zeven", "a whole number from 1, such as '7'"),
        ("services.csv", 2, "context_page", "07", "a whole number from 1"),
    ],
)
def test_bad_definition_or_context_cell(data_copy: Path, file, line, column, value, expected):
    set_cell(data_copy / file, line, column, value)
    issue = the_issue(data_copy, file, line, column, value)
    assert expected in issue.describe("en")
    assert issue.describe("nl").split(": verwacht ")[1]


def test_empty_context_named_in_dutch(data_copy: Path):
    set_cell(data_copy / "services.csv", 3, "context_nl", "")
    issue = the_issue(data_copy, "services.csv", 3, "context_nl", "")
    assert issue.describe("nl") == (
        "services.csv, regel 3, kolom 'context_nl': waarde '': "
        "verwacht een Nederlandse beschrijving van de situatie van de dienst"
    )


def test_every_empty_definition_reported_at_once(data_copy: Path):
    path = data_copy / "items.csv"
    for line in range(2, 19):
        set_cell(path, line, "definition_en", "")
    set_cell(data_copy / "services.csv", 5, "context_page", "x")
    found = {(i.file, i.line, i.column) for i in issues_of(data_copy)}
    assert found == {("items.csv", line, "definition_en") for line in range(2, 19)} | {
        ("services.csv", 5, "context_page")
    }


@pytest.mark.parametrize(
    "file, dropped",
    [
        ("items.csv", "definition_nl"),
        ("items.csv", "definition_page"),
        ("services.csv", "context_en"),
        ("services.csv", "context_page"),
    ],
)
def test_definition_and_context_columns_are_required(data_copy: Path, file, dropped):
    # an older data folder without the new columns is refused with the column named
    path = data_copy / file
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.drop(columns=dropped).to_csv(path, index=False)
    (issue,) = issues_of(data_copy)
    assert (issue.file, issue.line, issue.column) == (file, 1, dropped)
    assert "column" in issue.describe("en") and dropped in issue.describe("nl")


def test_texts_with_commas_and_semicolons_survive_excel(data_copy: Path):
    # Excel writes ';' as separator and quotes the long texts; a cell may hold ';' and ','
    for name in ("items.csv", "services.csv"):
        path = data_copy / name
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        with path.open("w", encoding="cp1252", newline="") as handle:
            csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    data = load_dataset(data_copy)
    real = load_dataset(DATA)
    assert data.service_context("IJmond", "nl") == real.service_context("IJmond", "nl")
    assert data.item_definition("omvang", "en") == real.item_definition("omvang", "en")
    assert data.definition_page("zzs") == 8


# --- scoring -------------------------------------------------------------------


def test_symbol_values_and_unknown_reading():
    symbols = pd.Series(["--", "-", "-/+", "?", "+", "++"])
    assert score_values(symbols).tolist() == [-2, -1, 0, 0, 1, 2]
    missing = score_values(symbols, unknown="missing")
    assert np.isnan(missing[3]) and missing[2] == 0
    with pytest.raises(ValueError, match="neutral"):
        score_values(symbols, unknown="zero")


def test_unknown_read_as_missing_leaves_a_gap():
    data = load_dataset(DATA)
    scores = with_values(data.scores, unknown="missing")
    own = scores[(scores["dimension"] == "task") & (scores["measure"] == "meets")]
    assert len(own) == 4 * len(TASK_ITEMS)
    assert own.loc[own["service"] == "NZKG", "value"].isna().sum() == 3  # NZKG answered '?' on three tasks


# --- command line ----------------------------------------------------------------


def test_validate_command_summary(capsys):
    assert main(["validate", "--data", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "136" in out and "69" in out


def test_validate_command_fails_with_exit_2(data_copy: Path, capsys):
    edit_line(data_copy / "scores.csv", 3, ",?,", ",+++,")
    assert main(["validate", "--data", str(data_copy)]) == 2
    err = capsys.readouterr().err
    assert "scores.csv, regel 3, kolom 'score': waarde '+++'" in err
    assert main(["validate", "--data", str(data_copy), "--lang", "en"]) == 2
    assert "scores.csv, line 3, column 'score': value '+++'" in capsys.readouterr().err


def test_bad_arguments_exit_2():
    assert main(["validate", "--lang", "fr"]) == 2
    assert main([]) == 2


# --- hardening: reading what Excel writes, refusing what would be misread ----------


def test_column_named_twice_is_refused(data_copy: Path):
    path = data_copy / "scores.csv"
    edit_line(path, 1, "score,source", "score,score")
    (issue,) = [i for i in issues_of(data_copy) if i.file == "scores.csv"]
    assert (issue.line, issue.column, issue.expected[0]) == (1, "score", "expect.column_once")
    assert issue.describe("en") == (
        "scores.csv, line 1, column 'score': expected each column name once in the header; "
        "this one is in columns 5 (E), 6 (F)"
    )


def test_utf16_with_bom_as_excel_unicode_text_is_read(data_copy: Path):
    path = data_copy / "services.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-16"))  # with its byte-order mark, tab-separated
    data = load_dataset(data_copy)
    assert data.service_context("OFGV", "nl") == load_dataset(DATA).service_context("OFGV", "nl")
    assert data.encodings["services.csv"] == "utf-16" and data.warnings == []


def test_utf16_without_bom_names_the_encoding(data_copy: Path):
    path = data_copy / "services.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    (issue,) = issues_of(data_copy)
    assert (issue.file, issue.line, issue.expected[0]) == ("services.csv", 1, "expect.encoding.nul")
    assert "\x00" not in str(issue) and "UTF-16" in issue.describe("en")


def test_one_cp1252_byte_in_a_utf8_file_is_refused_naming_its_line(data_copy: Path):
    path = data_copy / "services.csv"
    raw = path.read_bytes()  # UTF-8 with accented letters ('financiële', '€')
    assert raw.decode("utf-8") != raw.decode("cp1252", errors="replace")
    lines = raw.split(b"\n")
    lines[2] = lines[2].replace(b"IJmond,", "IJmond caf\u00e9,".encode("cp1252"), 1)
    path.write_bytes(b"\n".join(lines))
    (issue,) = issues_of(data_copy)
    assert (issue.file, issue.line, issue.expected[0]) == ("services.csv", 3, "expect.encoding.mixed")
    assert "0xE9" in issue.describe("en") and "caf\\xe9" in issue.value


def test_windows_codepage_is_noted(data_copy: Path, capsys):
    path = data_copy / "services.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    data = load_dataset(data_copy)
    assert data.encodings["services.csv"] == "cp1252" and data.encodings["scores.csv"] == "utf-8"
    assert data.warnings == [text("validate.cp1252", "nl", file="services.csv")]
    assert main(["validate", "--data", str(data_copy), "--lang", "en"]) == 0
    assert "services.csv was read as Windows-1252" in capsys.readouterr().out


def test_bytes_in_no_encoding_are_refused_naming_the_line(data_copy: Path):
    path = data_copy / "scores.csv"
    raw = path.read_bytes().split(b"\n")
    raw[4] = raw[4].replace(b",self", b",s\x81elf")  # 0x81: neither UTF-8 nor Windows-1252
    path.write_bytes(b"\n".join(raw))
    (issue,) = issues_of(data_copy)
    assert (issue.file, issue.line, issue.expected[0]) == ("scores.csv", 5, "expect.encoding.unknown")


@pytest.mark.parametrize(("true", "false"), [("TRUE", "FALSE"), ("WAAR", "ONWAAR"), ("Waar", "onwaar")])
def test_excel_booleans_are_read(data_copy: Path, true: str, false: str):
    for line, (value, word) in enumerate([("false", false), ("true", true), ("true", true)], start=2):
        edit_line(data_copy / "scale_levels.csv", line, f",{value}", f",{word}")
    edit_line(data_copy / "scenarios.csv", 2, ",true,", f",{true},")
    edit_line(data_copy / "scenarios.csv", 6, ",false,", f",{false},")
    data = load_dataset(data_copy)
    assert data.regional_levels == {"B", "C"}
    decides = data.scenarios.set_index("scenario")["decides"]
    assert decides.dtype == bool and decides["convenant"] and not decides["fusie"]


def test_excel_empty_trailing_columns_are_dropped(data_copy: Path):
    path = data_copy / "scores.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",,,"] + [line + ",," for line in lines[1:]] + [",,,,,,,,"]) + "\n")
    assert len(load_dataset(data_copy).scores) == 136


def test_filled_cell_under_a_column_without_name_is_refused(data_copy: Path):
    path = data_copy / "scores.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",,"] + [line + ",," for line in lines[1:]]
    lines[6] = lines[6][:-1] + "oops"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (issue,) = issues_of(data_copy)
    assert (issue.file, issue.line, issue.value) == ("scores.csv", 7, "oops")
    assert "column 7 (G)" in issue.describe("en") and "kolom 7 (G)" in issue.describe("nl")


def test_column_without_name_between_others_is_refused(data_copy: Path):
    edit_line(data_copy / "scores.csv", 1, "measure,", ",")
    (issue,) = issues_of(data_copy)
    assert (issue.line, issue.expected[0]) == (1, "expect.column_name")
    assert "column 4 (D)" in issue.describe("en")


@pytest.mark.parametrize("damaged", ["#NAME?", "#NAAM?", "#VALUE!", "#WAARDE!", "=--", "=-/+"])
def test_symbols_excel_read_as_formulas_get_a_hint(data_copy: Path, damaged: str):
    set_cell(data_copy / "scores.csv", 4, "score", damaged)
    issue = the_issue(data_copy, "scores.csv", 4, "score", damaged)
    assert issue.expected[0] == "expect.symbol_excel"
    assert "Data > From Text/CSV" in issue.describe("en") and "Van tekst/CSV" in issue.describe("nl")


def test_control_characters_are_refused_and_shown_escaped(data_copy: Path):
    set_cell(data_copy / "services.csv", 3, "name_en", "Evil\x1b[2J\nname\tend")
    (issue,) = issues_of(data_copy)  # the cell spans lines 3 and 4 of the file; the row starts on 3
    assert (issue.line, issue.column, issue.value) == (3, "name_en", "Evil\x1b[2J\nname\tend")
    assert issue.expected[0] == "expect.no_control"
    message = issue.describe("en")
    assert "value 'Evil\\x1b[2J\\nname\\tend'" in message
    assert "\n" not in message and "\x1b" not in message
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert len(str(caught.value).splitlines()) == len(caught.value.issues)  # one problem per line


def test_newline_in_free_text_is_allowed_but_never_printed_raw(data_copy: Path):
    set_cell(data_copy / "services.csv", 3, "name_en", "Two\nlines")
    assert load_dataset(data_copy).service_name("IJmond", "en") == "Two\nlines"
    set_cell(data_copy / "services.csv", 3, "code", "IJ\nmond")
    messages = [i.describe("en") for i in issues_of(data_copy) if i.column == "code"]
    assert messages and all("'IJ\\nmond'" in m and "\n" not in m for m in messages)


@pytest.mark.parametrize(
    ("file", "line", "column"),
    [
        ("services.csv", 2, "name_nl"),
        ("items.csv", 3, "definition_en"),
        ("scenarios.csv", 2, "conditions_nl"),
        ("advice.csv", 2, "note_en"),
        ("scale_levels.csv", 2, "label_en"),
    ],
)
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_free_text_that_a_spreadsheet_would_run_is_refused(data_copy, file, line, column, start):
    value = f'{start}HYPERLINK("http://example.org")'
    set_cell(data_copy / file, line, column, value)
    assert the_issue(data_copy, file, line, column, value).expected[0] == "expect.no_formula"


def test_note_with_levels_is_refused(data_copy: Path):
    set_cell(data_copy / "scale_preferences.csv", 2, "note", "zie verslag")
    issue = the_issue(data_copy, "scale_preferences.csv", 2, "note", "zie verslag")
    assert issue.expected[0] == "expect.note_only_for_empty"


def test_which_levels_are_regional_is_data(data_copy: Path):
    # D regional and B not: a codebook of its own, valid; the analysis reads the flag.
    set_cell(data_copy / "scale_levels.csv", 5, "regional", "true")  # D
    set_cell(data_copy / "scale_levels.csv", 3, "regional", "false")  # B
    assert load_dataset(data_copy).regional_levels == {"C", "D"}


def test_the_first_level_is_alone_and_one_level_is_regional(data_copy: Path):
    set_cell(data_copy / "scale_levels.csv", 2, "regional", "true")  # A
    assert the_issue(data_copy, "scale_levels.csv", 2, "regional", "true").expected[0] == "expect.alone_level"
    for line in (2, 3, 4):
        set_cell(data_copy / "scale_levels.csv", line, "regional", "false")
    issues = issues_of(data_copy)
    assert [i.expected[0] for i in issues] == ["expect.regional_level"]


def test_scale_letters_come_from_the_levels_table(data_copy: Path):
    # Level F removed: a preference naming F is refused, with the letters that are allowed.
    path = data_copy / "scale_levels.csv"
    path.write_text(
        "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:-1]), encoding="utf-8"
    )
    issues = [i for i in issues_of(data_copy) if i.column == "levels"]
    assert issues and all("F" in i.value for i in issues)
    assert (
        issues[0]
        .describe("en")
        .endswith(
            "expected scale letters from scale_levels.csv ('A', 'B', 'C', 'D', 'E') joined by a slash "
            "(such as B/C), a question mark or empty"
        )
    ), issues[0].describe("en")


@pytest.mark.parametrize("code", ["CON", "con", "Nul", "COM1", "lpt9", "AUX", "PRN"])
def test_windows_reserved_service_codes_are_refused(data_copy: Path, code: str):
    for name in ("services.csv", "scores.csv", "scale_preferences.csv", "advice.csv"):
        path = data_copy / name
        path.write_text(path.read_text(encoding="utf-8").replace("NZKG", code), encoding="utf-8")
    assert the_issue(data_copy, "services.csv", 4, "code", code).expected[0] == "expect.code_reserved"


def test_service_codes_differing_only_in_case_are_refused(data_copy: Path):
    set_cell(data_copy / "services.csv", 4, "code", "nhn")
    issues = [i for i in issues_of(data_copy) if i.expected[0] == "expect.code_case"]
    assert {(i.line, i.value) for i in issues} == {(2, "NHN"), (4, "nhn")}
    assert "see line 4" in next(i for i in issues if i.line == 2).describe("en")


def test_many_duplicates_are_all_reported_each_naming_the_other_line(data_copy: Path):
    path = data_copy / "scores.csv"
    header = "service,dimension,item,measure,score,source"
    rows = [f"S{n},robustness,omvang,meets,+,self" for n in range(4000)]
    path.write_text("\n".join([header, *rows, *rows]) + "\n", encoding="utf-8")
    duplicates = [i for i in issues_of(data_copy) if i.column == "service,dimension,item,measure"]
    assert len(duplicates) == 8000
    for issue in duplicates:
        other = issue.line + 4000 if issue.line <= 4001 else issue.line - 4000
        assert issue.expected == ("expect.unique_key", (("lines", str(other)),))


def test_a_key_repeated_often_names_ten_lines_and_how_many_more(data_copy: Path):
    path = data_copy / "scores.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]] * 20) + "\n", encoding="utf-8")
    issue = next(
        i for i in issues_of(data_copy) if i.line == 2 and i.column == "service,dimension,item,measure"
    )
    assert issue.describe("en").endswith(
        "the same key is on line 138, 139, 140, 141, 142, 143, 144, 145, 146, 147 and 10 more lines"
    )


# --- scale: a check lists its first rows and counts the rest (issue 12, section 4) ----------


def write_bad_scores(path: Path, n: int) -> None:
    """``scores.csv`` of ``n`` rows that break six checks each, and ``n`` rows with too few cells."""
    header = "service,dimension,item,measure,score,source"
    bad = "NHN,robustness,zzs,meets,+++,se\x01lf"  # twice the same key; a task item; score; control
    path.write_text("\n".join([header, *[bad, "NHN,robustness"] * n]) + "\n", encoding="utf-8")


def list_at_most(monkeypatch, rows: int) -> None:
    """Every module that lists rows one by one lists at most ``rows``."""
    for module in (schema_module, files_module, checks_module):
        monkeypatch.setattr(module, "MAX_ROWS_LISTED", rows)


def test_bad_rows_are_counted_but_only_the_first_are_listed(data_copy: Path, monkeypatch):
    """The number of issues (and so of messages) made does not grow with the number of bad rows.

    No timing: a check that made an issue per bad row, or that compared each row with the
    other rows of its key, makes more issues for 2,000 bad rows than for 100, and fails here.
    """
    list_at_most(monkeypatch, 5)
    made = []

    def counted(*args, **kwargs):
        made.append(args)
        return DataIssue(*args, **kwargs)

    for module in (files_module, checks_module):
        monkeypatch.setattr(module, "DataIssue", counted)
    found = {}
    for n in (100, 2000):
        write_bad_scores(data_copy / "scores.csv", n)
        made.clear()
        found[n] = (issues_of(data_copy), len(made))
    (few, made_few), (many, made_many) = found[100], found[2000]
    assert made_many == made_few and len(many) == len(few)
    kinds = {(i.column, i.expected[0]) for i in many}
    assert {
        (None, "expect.fields"),
        ("source", "expect.no_control"),
        ("score", "expect.symbol"),
        ("source", "expect.one_of"),
        ("item", "expect.item_of.robustness"),
        ("service,dimension,item,measure", "expect.unique_key_more"),
        (None, "expect.row_present"),
    } <= kinds
    for column, key in kinds:
        listed = [i for i in many if (i.column, i.expected[0]) == (column, key)]
        assert len(listed) <= 5
        total = sum(1 + i.more for i in listed)
        assert total == (136 if key == "expect.row_present" else 2000), (column, key)
        assert all(i.more == 0 for i in listed[:-1])  # only the last one listed counts the rest


def test_the_last_row_listed_says_how_many_more_in_both_languages(data_copy: Path, monkeypatch):
    list_at_most(monkeypatch, 3)
    write_bad_scores(data_copy / "scores.csv", 3000)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    scores = [i for i in caught.value.issues if i.column == "score"]
    assert [i.line for i in scores] == [2, 4, 6]
    assert scores[-1].describe("en") == (
        "scores.csv, line 6, column 'score': value '+++': expected a score symbol: "
        "one of '--', '-', '-/+', '?', '+', '++'; and 2,997 more rows like this further on, "
        "not listed one by one"
    )
    assert (
        scores[-1]
        .describe("nl")
        .endswith("; en nog 2.997 regels verderop met hetzelfde probleem, niet afzonderlijk genoemd")
    )
    key = [i for i in caught.value.issues if i.column == "service,dimension,item,measure"]
    assert (
        key[0]
        .describe("en")
        .endswith("the same key is on line 4, 6, 8, 10, 12, 14, 16, 18, 20, 22 and 2989 more lines")
    )
    assert (
        key[-1]
        .describe("en")
        .endswith(
            "the same key is on line 2, 4, 8, 10, 12, 14, 16, 18, 20, 22 and 2989 more lines; "
            "and 2,997 more rows like this further on, not listed one by one"
        )
    )
    report = caught.value.report(data_copy, "en")
    listed = len(caught.value.issues)
    assert len(report.splitlines()) == 1 + listed
    total = sum(1 + i.more for i in caught.value.issues)
    assert total > 6 * 3000 and report.startswith(f"{total} error(s) in the data")


def test_one_more_row_is_named_in_the_singular(data_copy: Path, monkeypatch):
    list_at_most(monkeypatch, 2)
    for line in (3, 4, 5):
        set_cell(data_copy / "scores.csv", line, "score", "+++")
    scores = [i for i in issues_of(data_copy) if i.column == "score"]
    assert [(i.line, i.more) for i in scores] == [(3, 0), (4, 1)]
    assert scores[-1].describe("en").endswith("; and 1 more row like this further on")
    assert scores[-1].describe("nl").endswith("; en nog 1 regel verderop met hetzelfde probleem")


def test_many_spellings_of_one_service_code_name_ten_lines_and_how_many_more(data_copy: Path):
    path = data_copy / "services.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    spellings = ["".join(letters) for letters in itertools.product("aA", "bB", "cC", "dD")]
    rows = [lines[1].replace("NHN", code, 1) for code in spellings]
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    issues = [i for i in issues_of(data_copy) if i.expected[0].startswith("expect.code_case")]
    assert len(issues) == 16
    assert issues[0].describe("en").endswith("see line 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 5 more lines")
    assert issues[-1].describe("en").endswith("see line 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 5 more lines")


def test_labels_are_drawn_literally_never_as_tex():
    from odsamen.report import briefing, style

    style.apply_style()
    figure = Figure()
    title = figure.add_subplot().set_title("Kosten $x$ en $\\frac{1$")  # as TeX: one fails to parse
    figure.savefig(io.BytesIO(), format="png")
    assert title._preprocess_math(title.get_text()) == (title.get_text(), False)

    def draw(ax):
        ax.set_title("$x$")
        ax.set_xlabel("$\\frac{1$ per $")

    briefing.figure_image(draw, (3.0, 2.0), "alt")  # the briefing's figures: no TeX either


def test_text_garbled_by_a_wrong_character_set_is_named_by_line(data_copy: Path):
    """LibreOffice's import with no character set chosen, then saved: 'één' comes back as 'Ã©Ã©n'."""
    services = data_copy / "services.csv"
    original = services.read_text(encoding="utf-8")
    services.write_text(original.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")
    lines = [n for n, line in enumerate(original.splitlines(), 1) if not line.isascii()]
    assert lines  # the real services.csv has letters outside ASCII
    data = load_dataset(data_copy)  # still valid: only free text is garbled
    assert data.garbled == {"services.csv": lines}
    named = text("validate.garbled", "nl", file="services.csv", lines=join_words(lines, "nl"))
    assert named in data.warnings and named.startswith("services.csv heeft op regel")
    assert text("validate.garbled", "en", file="services.csv", lines=join_words(lines, "en")) in summary(
        data, "en"
    )
    assert load_dataset(DATA).garbled == {}


def test_the_message_of_a_data_error_is_in_the_language_asked_for(tmp_path):
    folder = shutil.copytree(DATA, tmp_path / "data")
    scores = folder / "scores.csv"
    scores.write_text(scores.read_text(encoding="utf-8").replace(",+,self", ",+++,self", 1), encoding="utf-8")
    for lang, word in (("en", "expected a score symbol"), ("nl", "verwacht een scoresymbool")):
        with pytest.raises(DataError) as caught:
            load_dataset(folder, lang=lang)
        assert word in str(caught.value)


# --- the codebook is data (items.csv, scale_levels.csv) ------------------------------------


def test_a_task_of_its_own_is_checked_against_items_csv(data_copy: Path):
    # A new task in items.csv, with scores and preferences for every service: valid, no code change.
    with (data_copy / "items.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [
                "task",
                "geluid",
                "L",
                "Geluid",
                "Noise",
                "Geluid",
                "Geluid van bedrijven.",
                "Noise of firms.",
                "3",
                "odsamen",
                "false",
            ]
        )
    codes = ["NHN", "IJmond", "NZKG", "OFGV"]
    with (data_copy / "scores.csv").open("a", encoding="utf-8", newline="") as handle:
        for code in codes:
            for measure in ("meets", "added_value"):
                handle.write(f"{code},task,geluid,{measure},+,self\n")
    with (data_copy / "scale_preferences.csv").open("a", encoding="utf-8", newline="") as handle:
        for code in codes:
            handle.write(f"{code},task,geluid,,B,,\n")
    data = load_dataset(data_copy)
    assert data.item_codes("task")[-1] == "geluid"
    # Scores for it without the codebook row: each row says the item is not in items.csv.
    rows = (data_copy / "items.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data_copy / "items.csv").write_text("".join(rows[:-1]), encoding="utf-8")
    issues = [i for i in issues_of(data_copy) if i.file == "scores.csv"]
    assert len(issues) == 8 and {i.value for i in issues} == {"geluid"}
    assert (
        issues[0].describe("en").split(": expected ")[1].startswith("an item from items.csv: one of 'omvang'")
    )


def test_every_dimension_needs_an_item(data_copy: Path):
    rows = (data_copy / "items.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data_copy / "items.csv").write_text("".join(r for r in rows if not r.startswith("robustness,")), "utf-8")
    issues = [i for i in issues_of(data_copy) if i.file == "items.csv"]
    assert [i.expected[0] for i in issues] == ["expect.dimension_items.robustness"]
    assert "at least one row with dimension 'robustness'" in issues[0].describe("en")
