"""The data folder as one Excel workbook and back, a pack built from a workbook, and the pack's
``tables.xlsx``, read by openpyxl and by LibreOffice as a third-party reader."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pack_builds import english_pack, real_pack
from test_pack import quick_builds

from odsamen import cli
from odsamen.analysis import workbook
from odsamen.analysis.data import FILES, SYMBOLS, SYNTHETIC_MARKER, DataError, load_dataset
from odsamen.publish import pack

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """``data/`` written as a workbook by the command line."""
    out = tmp_path_factory.mktemp("workbook") / "assessment.xlsx"
    assert cli.main(["workbook", "--data", str(DATA), "--out", str(out)]) == 0
    return out


def edited(book: Path, target: Path, **cells: str | bool | int) -> Path:
    """A copy of ``book`` with ``cells`` (``scores__E3="+++"``: sheet, then cell) changed, as in Excel."""
    opened = load_workbook(book)
    for where, value in cells.items():
        sheet, cell = where.split("__")
        opened[sheet][cell] = value
    opened.save(target)
    return target


def test_round_trip_of_unchanged_data_gives_the_same_bytes(book, tmp_path, capsys):
    assert cli.main(["workbook", "--from", str(book), "--data", str(tmp_path / "back")]) == 0
    for filename in FILES.values():
        assert (tmp_path / "back" / filename).read_bytes() == (DATA / filename).read_bytes(), filename
    assert "8 bestand(en) gewijzigd" in capsys.readouterr().out
    # Written again over itself, nothing changes, and the command says so.
    assert cli.main(["workbook", "--from", str(book), "--data", str(tmp_path / "back")]) == 0
    assert "0 bestand(en) gewijzigd" in capsys.readouterr().out


def test_a_workbook_has_a_sheet_per_table_with_every_cell_text(book):
    opened = load_workbook(book)
    assert opened.sheetnames == [Path(name).stem for name in FILES.values()]
    scores = opened["scores"]
    assert [cell.value for cell in scores[1]] == [
        "service",
        "dimension",
        "item",
        "measure",
        "score",
        "source",
    ]
    symbols = {row[4].value for row in scores.iter_rows(min_row=2)}
    assert {"--", "++", "-/+", "?"} <= symbols
    assert all(
        cell.data_type == "s" and cell.number_format == "@"
        for row in scores.iter_rows(min_row=2)
        for cell in row
    )
    # Cells typed below the last row are text too, so "++" typed there is no formula.
    assert scores.column_dimensions["E"].number_format == "@"
    pages = [row[8].value for row in opened["items"].iter_rows(min_row=2)]
    assert pages[0] == "8", "a page number stays the text of the CSV file"


def drop_downs(sheet) -> dict:
    """The drop-down lists of ``sheet`` by the letter of their column."""
    return {str(rule.sqref)[0]: rule for rule in sheet.data_validations.dataValidation}


def test_drop_down_lists_hold_the_allowed_values(book):
    opened = load_workbook(book)
    rules = drop_downs(opened["scores"])
    assert rules["E"].formula1 == '"' + ",".join(SYMBOLS) + '"' and rules["E"].errorStyle == "stop"
    assert rules["F"].formula1 == '"self,advisor"'
    assert rules["A"].formula1.startswith("services!$A$2:$A$")  # the service codes, from their own sheet
    assert rules["C"].formula1.startswith("items!$B$2:$B$")
    levels = drop_downs(opened["scale_preferences"])
    assert levels["E"].formula1 == '"A,B,C,D,E,F,?"'
    assert levels["E"].errorStyle == "information", "B/C is a right answer outside the list"
    assert "data/README.md" in rules["E"].error


def test_the_same_data_give_the_same_workbook_bytes(book, tmp_path):
    again = workbook.write_workbook(DATA, tmp_path / "again.xlsx")
    assert again.read_bytes() == book.read_bytes()


def test_validate_reads_a_workbook_as_a_folder(book, capsys):
    assert cli.main(["validate", "--data", str(book)]) == 0
    assert "136 scores" in capsys.readouterr().out
    assert load_dataset(book).scores.equals(load_dataset(DATA).scores)


def test_errors_in_a_workbook_name_the_sheet_row_column_and_value_all_at_once(book, tmp_path, capsys):
    bad = edited(book, tmp_path / "bad.xlsx", scores__E3="+++", scores__A5="XYZ", items__I2="=1+7")
    assert cli.main(["validate", "--data", str(bad), "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("4 error(s) in the data in ")  # and the row XYZ took from NHN
    assert "bad.xlsx, sheet 'scores', row 3, column 'score': value '+++': expected a score symbol" in said
    assert "bad.xlsx, sheet 'scores', row 5, column 'service': value 'XYZ'" in said
    # A formula is read as what was typed, never as what Excel computed.
    assert "bad.xlsx, sheet 'items', row 2, column 'definition_page': value '=1+7'" in said
    assert cli.main(["validate", "--data", str(bad)]) == 2
    assert "bad.xlsx, blad 'scores', rij 3, kolom 'score': waarde '+++'" in capsys.readouterr().err


def test_a_missing_sheet_and_a_file_that_is_no_workbook_are_named(book, tmp_path):
    opened = load_workbook(book)
    del opened["advice"]
    opened.save(tmp_path / "short.xlsx")
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path / "short.xlsx")
    assert caught.value.describe("en") == [
        "short.xlsx, sheet 'advice': expected a sheet of this name; the workbook has: "
        "scores, scale_preferences, items, services, scale_levels, scenarios, assessment"
    ]
    (tmp_path / "text.xlsx").write_text("service,score\n", encoding="utf-8")
    with pytest.raises(DataError, match="text.xlsx: verwacht een werkmap die Excel kan openen"):
        load_dataset(tmp_path / "text.xlsx")


def test_writing_back_an_invalid_workbook_writes_nothing(book, tmp_path, capsys):
    folder = shutil.copytree(DATA, tmp_path / "data")
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    bad = edited(book, tmp_path / "bad.xlsx", scores__E3="+++", scores__E4="++")
    assert cli.main(["workbook", "--from", str(bad), "--data", str(folder)]) == 2
    assert "blad 'scores', rij 3" in capsys.readouterr().err
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_one_changed_score_changes_one_line_of_one_file(book, tmp_path):
    folder = shutil.copytree(DATA, tmp_path / "data")
    opened = load_workbook(book)
    row = next(r for r in opened["scores"].iter_rows(min_row=2) if r[4].value == "+")
    row[4].value = "++"
    opened.save(tmp_path / "changed.xlsx")
    changed = workbook.write_folder(tmp_path / "changed.xlsx", folder)
    assert changed == [folder / "scores.csv"]
    old = (DATA / "scores.csv").read_text(encoding="utf-8").splitlines()
    new = (folder / "scores.csv").read_text(encoding="utf-8").splitlines()
    assert [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b] == [row[4].row - 1]
    assert (folder / "README.md").read_bytes() == (DATA / "README.md").read_bytes()


def test_a_workbook_is_not_overwritten_without_force(book, tmp_path, capsys):
    out = shutil.copy(book, tmp_path / "mine.xlsx")
    edited(out, out, scores__E3="--")
    mine = Path(out).read_bytes()
    assert cli.main(["workbook", "--data", str(DATA), "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert Path(out).read_bytes() == mine
    assert cli.main(["workbook", "--data", str(DATA), "--out", str(out), "--force"]) == 0
    assert Path(out).read_bytes() == book.read_bytes()
    assert cli.main(["workbook", "--data", str(DATA), "--out", str(tmp_path / "plain.csv")]) == 2


def test_the_synthetic_marker_travels_with_the_workbook(tmp_path):
    folder = shutil.copytree(DATA, tmp_path / "synthetic")
    (folder / SYNTHETIC_MARKER).write_text("made up\n", encoding="utf-8")
    out = workbook.write_workbook(folder, tmp_path / "synthetic.xlsx")
    assert load_dataset(out).synthetic
    workbook.write_folder(out, tmp_path / "back")
    assert (tmp_path / "back" / SYNTHETIC_MARKER).read_text(encoding="utf-8") == "made up\n"
    assert not load_dataset(workbook.write_workbook(DATA, tmp_path / "real.xlsx")).synthetic


def test_a_pack_built_from_a_workbook_holds_the_same_data(book, tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    result = pack.build_pack(book, tmp_path / "reports", progress=io.StringIO())
    assert result.ok
    for filename in FILES.values():
        assert (result.out / "data" / filename).read_bytes() == (DATA / filename).read_bytes()
    assert (result.out / workbook.TABLES_WORKBOOK).exists()


def test_a_pack_from_an_invalid_workbook_names_the_sheet_and_builds_nothing(book, tmp_path):
    bad = edited(book, tmp_path / "bad.xlsx", scores__E3="+++")
    stream = io.StringIO()
    code = pack.command(
        data=bad, out=tmp_path / "reports", services=None, jobs=1, lang="nl", unknown="neutral", stream=stream
    )
    assert code == 2
    assert "bad.xlsx, blad 'scores', rij 3, kolom 'score'" in stream.getvalue()
    assert not (tmp_path / "reports").exists()


def _sheet(path: Path, name: str) -> list[list[object]]:
    return [list(row) for row in load_workbook(path, read_only=True)[name].iter_rows(values_only=True)]


def test_tables_xlsx_has_every_table_with_headers_in_the_pack_language(tmp_path_factory):
    built = real_pack(tmp_path_factory).out
    path = built / workbook.TABLES_WORKBOOK
    csvs = sorted((built / "tables").glob("*.csv"))
    assert load_workbook(path, read_only=True).sheetnames == [p.stem for p in csvs] + ["Kolommen"]
    pairs = _sheet(path, "pair_affinity")
    assert pairs[0][:6] == ["Dienst", "Partner", "Maatstaf", "Uitkomst", "Aantal onderdelen", "Aandeel"]
    with (built / "tables" / "pair_affinity.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(pairs) == len(rows) + 1
    first = dict(zip(rows[0], pairs[1], strict=True))
    assert first["value"] == int(rows[0]["value"]) and isinstance(first["value"], int)
    assert first["share"] == pytest.approx(float(rows[0]["share"])) and isinstance(first["share"], float)
    assert first["low_evidence"] is (rows[0]["low_evidence"] == "True")
    assert first["items"] == rows[0]["items"], "a list of items stays in one cell"
    english = english_pack(tmp_path_factory).out / workbook.TABLES_WORKBOOK
    assert _sheet(english, "pair_affinity")[0][:3] == ["Service", "Partner", "Lens"]
    legend = _sheet(path, "Kolommen")
    assert ["pair_affinity", "Aandeel", "share"] in legend


def test_the_index_links_the_tables_workbook(tmp_path_factory):
    built = real_pack(tmp_path_factory).out
    assert 'href="tables.xlsx"' in (built / "index.html").read_text(encoding="utf-8")


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (CI installs it: .ci/run)")
def test_libreoffice_reads_tables_xlsx(tmp_path_factory, tmp_path):
    """LibreOffice, headless, as a reader that is not openpyxl: the first sheet as CSV."""
    built = real_pack(tmp_path_factory).out
    profile = tmp_path / "profile"  # its own profile: tests running at once do not share one
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(built / workbook.TABLES_WORKBOOK),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with (tmp_path / "tables.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    with (built / "tables" / "advice_comparison.csv").open(encoding="utf-8") as handle:
        original = list(csv.reader(handle))
    assert rows[0][:4] == [
        "Groep",
        "Vorm van samenwerking",
        "Advies van het rapport",
        "Bladzijde in het rapport",
    ]
    assert rows[1:] == original[1:]
