"""Loading and validating the data tables: the real data and every kind of bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from odsamen.cli import main
from odsamen.data import ROBUSTNESS_ITEMS, SYMBOLS, TASK_ITEMS, DataError, load_dataset
from odsamen.scoring import score_matrix, score_values, symbol_value

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


# --- the real data -------------------------------------------------------------


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


def test_wrong_number_of_fields(data_copy: Path):
    edit_line(data_copy / "scores.csv", 7, ",self", ",self,extra")
    issues = issues_of(data_copy)
    assert any(i.line == 7 and i.expected[0] == "expect.fields" for i in issues)


# --- scoring -------------------------------------------------------------------


def test_symbol_values_and_unknown_reading():
    symbols = pd.Series(["--", "-", "-/+", "?", "+", "++"])
    assert score_values(symbols).tolist() == [-2, -1, 0, 0, 1, 2]
    missing = score_values(symbols, unknown="missing")
    assert np.isnan(missing[3]) and missing[2] == 0
    assert symbol_value("?", "neutral") == 0
    with pytest.raises(ValueError, match="neutral"):
        score_values(symbols, unknown="zero")


def test_score_matrix_shape():
    data = load_dataset(DATA)
    matrix = score_matrix(data.scores, dimension="task", measure="meets", unknown="missing")
    assert matrix.shape == (4, 11)
    assert list(matrix.columns) == list(TASK_ITEMS)
    assert matrix.loc["NZKG"].isna().sum() == 3  # NZKG answered '?' on three tasks


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
