"""Any region's assessment: a made-up region builds a full pack with none of the report's words,
``odsamen new`` starts a new assessment, and the package itself names no service of the report."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from odsamen.analysis import claims
from odsamen.analysis.data import DataError, load_dataset
from odsamen.analysis.starter import write_starter
from odsamen.cli import main
from odsamen.publish import pack
from odsamen.report.facts import who_scored

ROOT = Path(__file__).resolve().parents[1]
REGION = ROOT / "tests" / "fixtures" / "lageland"
"""A made-up region: five services, the six criteria, eight tasks of its own, levels A to E."""

REPORT_WORDS = re.compile(
    r"\b(NHN|IJmond|NZKG|OFGV|Noord-Holland|Noord Holland|Flevoland|Galan|Seveso|OpenWave|Open Wave|"
    r"Omgevingsdiensten NL|2024)\b"
)
"""The report's services, region, authors, networks and year."""

NAMES = re.compile(r"\b(NHN|IJmond|NZKG|OFGV|Noord-Holland|Noord Holland|Flevoland|Galan|Seveso|OpenWave)")
"""What no file of the package may name, but the checks of the report's own conclusions."""


def test_the_package_names_no_service_region_or_source_of_the_report():
    lib = ROOT / "lib" / "odsamen"
    allowed = {lib / "analysis" / "claims.py"}
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(lib.rglob("*"))
        if path.is_file()
        and path.suffix in {".py", ".j2", ".css", ".json", ".md", ".csv"}
        and path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if NAMES.search(line)
    ]
    assert not found, "\n".join(found)


def test_the_made_up_region_is_valid_with_its_own_codebook():
    data = load_dataset(REGION)
    assert len(data.service_codes) == 5
    assert len(data.item_codes("robustness")) == 6 and len(data.item_codes("task")) == 8
    assert data.level_codes == ["A", "B", "C", "D", "E"] and data.regional_levels == {"B", "C"}
    assert data.fact("region") == "Lageland" and data.source_date("nl") == "12-5-2026"


def test_the_reports_claims_are_not_checked_on_another_assessment():
    data = load_dataset(REGION)
    assert claims.report_claims(data).empty
    table = claims.claims_table(data, lang="en")
    assert len(table) == 1
    assert table.iloc[0, 0].startswith("Not checked: these conclusions come from another report")
    assert "Samen sterker in Lageland" in table.iloc[0, 0]
    assert len(claims.report_claims(load_dataset(ROOT / "data"))) == len(claims.CLAIMS)


def test_an_advisor_note_only_where_the_data_hold_advisor_scores(tmp_path: Path):
    data = load_dataset(REGION)
    assert who_scored(data, "nl") == "De scores zijn een zelfbeoordeling door de directeuren."
    copy = shutil.copytree(REGION, tmp_path / "region")
    path = copy / "scores.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        if row[0] == "LZU" and row[1] == "task":
            row[5] = "advisor"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    # Advisor scores need the fact of who filled them in.
    with pytest.raises(DataError) as caught:
        load_dataset(copy)
    assert [issue.describe("en") for issue in caught.value.issues] == [
        "assessment.csv, column 'fact': expected a row for the fact 'advisors' (missing)"
    ]
    with (copy / "assessment.csv").open("a", encoding="utf-8") as handle:
        handle.write("advisors,het bureau,the consultants\n")
    assert who_scored(load_dataset(copy), "en") == (
        "The scores are a self-assessment by the directors, except the scores of LZU for the future tasks: "
        "the consultants filled those in from what the service supplied."
    )


def pack_words(folder: Path) -> dict[str, list[str]]:
    """Every occurrence of :data:`REPORT_WORDS` in the text of the pack ``folder``, by file: pages, tables,
    notebooks (without their images), logs, the PDFs' text and the workbook's cells."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".pdf":
            if not shutil.which("pdftotext"):
                continue
            content = subprocess.run(
                ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
            ).stdout
        elif path.suffix == ".xlsx":
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True)
            content = "\n".join(
                str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
            )
        else:
            content = re.sub(r"base64,[A-Za-z0-9+/=]+|\"image/png\": \"[^\"]*\"", "", path.read_text("utf-8"))
        hits = REPORT_WORDS.findall(content)
        if hits:
            found[str(path.relative_to(folder))] = sorted(set(hits))
    return found


@pytest.mark.slow
def test_a_made_up_region_builds_a_full_pack_without_a_word_of_the_report(tmp_path: Path):
    result = pack.build_pack(REGION, tmp_path / "pack", jobs=2, progress=io.StringIO())
    assert result.ok and [o.service for o in result.outcomes] == ["LNO", "LZU", "LWE", "LOO", "LMI"]
    out = tmp_path / "pack"
    for code in ["LNO", "LZU", "LWE", "LOO", "LMI"]:
        assert (out / "briefings" / f"{code}.html").stat().st_size > 0
        assert (out / "briefings" / f"{code}.pdf").stat().st_size > 0
    assert (out / "tables" / "coalition_scenarios.csv").is_file() and (out / "tables.xlsx").is_file()
    assert pack_words(out) == {}
    page = (out / "briefings" / "LNO.html").read_text(encoding="utf-8")
    assert "bron: zelfbeoordeling door de directeuren; Bureau Verzonnen, 12-5-2026" in page
    assert "adviseur" not in page.split("<h2", 1)[1].split("Rekenwijze")[0]  # no advisor scores, no note
    notebook = json.loads((out / "notebooks" / "LNO.ipynb").read_text(encoding="utf-8"))
    assert notebook["metadata"]["papermill"]["parameters"]["service"] == "LNO"


def fill_in(folder: Path) -> None:
    """The starter of ``odsamen new`` filled in: its facts, pages, three services and their scores."""
    facts = {
        "title": "Verkenning samenwerking Polderstreek",
        "authors": "Werkgroep Polderstreek",
        "date": "2026-09-30",
        "region": "Polderstreek",
        "table_robustness": "Robuustheid",
        "table_task": "Opgaven",
        "page_robustness": "3",
        "page_task": "4",
    }
    rewrite(folder / "assessment.csv", lambda row: [row[0], facts.get(row[0], row[1]), row[2]])
    rewrite(folder / "items.csv", lambda row: row[:8] + ["2"] + row[9:])
    rewrite(folder / "scenarios.csv", lambda row: row[:-1] + ["p. 5"])
    items = [row for row in read(folder / "items.csv")[1:]]
    codes = ["PA", "PB", "PC"]
    with (folder / "services.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for code in codes:
            writer.writerow(
                [
                    code,
                    f"Dienst {code}",
                    f"Service {code}",
                    "Polderstreek",
                    "Eigen situatie.",
                    "Own situation.",
                    "2",
                ]
            )
    symbols = ["-", "+", "++", "-/+", "?", "--"]
    with (folder / "scores.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for s, code in enumerate(codes):
            for i, (dimension, item, *_) in enumerate(items):
                writer.writerow([code, dimension, item, "meets", symbols[(s + i) % 6], "self"])
                writer.writerow([code, dimension, item, "added_value", symbols[(s + 2 * i + 1) % 6], "self"])
    with (folder / "scale_preferences.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for s, code in enumerate(codes):
            for i, (dimension, item, *_) in enumerate(items):
                writer.writerow([code, dimension, item, "", ["B/C", "A", "C/D", "B"][(s + i) % 4], "", ""])


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def rewrite(path: Path, change) -> None:
    rows = read(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([rows[0], *map(change, rows[1:])])


def test_odsamen_new_writes_a_starter_that_says_what_is_missing(tmp_path: Path, capsys):
    out = tmp_path / "mine"
    assert main(["new", "--out", str(out), "--lang", "en"]) == 0
    assert "New assessment written in" in capsys.readouterr().out
    assert (out / "README.md").read_text(encoding="utf-8").startswith("# A new assessment")
    assert main(["new", "--out", str(out)]) == 2  # never over an assessment begun
    assert "bestaat al" in capsys.readouterr().err
    data_items = load_dataset(ROOT / "data").items
    starter_items = read(out / "items.csv")
    robustness = [row for row in starter_items[1:] if row[0] == "robustness"]
    assert [row[1] for row in robustness] == list(
        data_items.loc[data_items["dimension"] == "robustness", "item"]
    )
    assert read(out / "scores.csv") == [["service", "dimension", "item", "measure", "score", "source"]]
    assert main(["validate", "--data", str(out), "--lang", "en"]) == 2
    errors = capsys.readouterr().err.splitlines()[1:]
    places = {re.match(r"\s+(\S+), (?:line \d+, )?column '(\w+)'", line).groups() for line in errors}
    assert places == {
        ("assessment.csv", "value_nl"),
        ("items.csv", "definition_page"),
        ("scenarios.csv", "where"),
        ("services.csv", "code"),
    }
    assert len(errors) == 8 + 8 + 5 + 1  # eight facts, eight pages, five forms, the services


@pytest.mark.slow
def test_the_filled_in_starter_builds_a_pack(tmp_path: Path):
    out = tmp_path / "mine"
    write_starter(out)
    fill_in(out)
    data = load_dataset(out)
    assert data.service_codes == ["PA", "PB", "PC"] and data.level_codes == ["A", "B", "C", "D"]
    result = pack.build_pack(out, tmp_path / "pack", jobs=2, progress=io.StringIO())
    assert result.ok and [o.service for o in result.outcomes] == ["PA", "PB", "PC"]
    assert pack_words(tmp_path / "pack") == {}
