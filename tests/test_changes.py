"""What changed since the last pack: ``changes.html`` in every pack, and ``odsamen compare``."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from test_pack import quick_builds

from odsamen import cli
from odsamen.catalogue import text
from odsamen.publish import changes, pack

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
INNOVATION = "NZKG,robustness,innovatie,meets,+,self\n"


def with_score(folder: Path, score: str) -> Path:
    """A copy of ``data/`` in ``folder`` with NZKG's own score on Innovatie set to ``score``."""
    shutil.copytree(DATA, folder)
    scores = folder / "scores.csv"
    content = scores.read_text(encoding="utf-8")
    assert content.count(INNOVATION) == 1
    scores.write_text(content.replace(INNOVATION, INNOVATION.replace(",+,", f",{score},")), encoding="utf-8")
    return folder


def build(data: Path, out: Path, lang: str = "nl") -> Path:
    assert pack.build_pack(data, out, lang=lang, progress=io.StringIO()).ok
    return out


def page_text(out: Path) -> str:
    return (out / changes.CHANGES_PAGE).read_text(encoding="utf-8")


@pytest.fixture
def first(tmp_path, monkeypatch) -> Path:
    quick_builds(monkeypatch)
    return build(DATA, tmp_path / "reports")


def test_the_first_pack_says_there_is_nothing_to_compare_with(first):
    assert text("changes.first", "nl") in page_text(first)
    index = (first / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{changes.CHANGES_PAGE}">Wat is er veranderd</a>: {text("changes.first", "nl")}' in index


def test_a_pack_from_identical_data_says_geen_wijzigingen(first):
    build(DATA, first)
    assert "Geen wijzigingen" in page_text(first)
    assert "Geen wijzigingen" in (first / "index.html").read_text(encoding="utf-8")


def test_one_changed_score_shows_the_cell_and_that_no_statement_moved(first, tmp_path, capsys):
    keep = shutil.copytree(first, tmp_path / "before")
    build(with_score(tmp_path / "data", "++"), first)
    page = page_text(first)
    assert "1 wijziging ten opzichte van het vorige pakket." in page
    assert '<section id="service-NZKG">' in page and 'id="service-NHN"' not in page
    assert '<tr><th scope="row">Innovatie: eigen score</th><td>+</td><td>++</td></tr>' in page
    assert text("changes.steady", "nl") in page
    # The command says the same for the same two packs.
    assert cli.main(["compare", str(keep), str(first)]) == 0
    said = capsys.readouterr().out
    assert said.splitlines()[:4] == [
        "1 wijziging ten opzichte van het vorige pakket.",
        "",
        "NZKG",
        "  Gewijzigde gegevens",
    ]
    assert "    Innovatie: eigen score: + → ++" in said


def test_a_score_that_moves_the_statements_lists_them(first, tmp_path, capsys):
    keep = shutil.copytree(first, tmp_path / "before")
    build(with_score(tmp_path / "data", "--"), first)
    page = page_text(first)
    assert "<td>6 van 6</td><td>5 van 6</td>" in page  # criteria met
    assert '<th scope="row">Kan halen (onderdelen)</th><td>0</td><td>1</td>' in page
    assert text("changes.steady", "nl") not in page
    assert cli.main(["compare", str(keep), str(first), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert "    Robustness criteria met: 6 of 6 → 5 of 6" in said
    assert "    Innovation: own score: + → --" in said


def test_a_pack_built_before_this_change_compares_from_its_data_and_tables(first, tmp_path, capsys):
    old = shutil.copytree(first, tmp_path / "old")
    (old / changes.CHANGES_PAGE).unlink()
    (old / "tables.xlsx").unlink()
    # The older version judged one form differently: the verdict is listed for every member.
    path = old / "tables" / "coalition_scenarios.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    row = next(r for r in rows[1:] if r[0] == "NHN+IJmond" and r[1] == "federatie")
    was = row[2]
    row[2] = "does_not_fit"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    found = changes.compare_packs(old, first, lang="nl")
    forms = {s.service: s.forms for s in found.services}
    expected = changes.Change(
        "Oordeel over federatie van NHN en IJmond", "past niet", text(f"coalitions.verdict.{was}", "nl")
    )
    assert forms["NHN"] == forms["IJmond"] == [expected]
    assert forms["NZKG"] == forms["OFGV"] == []
    assert found.count() == 1


def test_changes_in_tables_of_the_whole_pack_and_services_added_are_listed(first, tmp_path):
    old = shutil.copytree(first, tmp_path / "old")
    scenarios = old / "data" / "scenarios.csv"
    content = scenarios.read_text(encoding="utf-8")
    scenarios.write_text(
        content.replace(
            "convenant,Convenant,Covenant,agenda_items,all,3,",
            "convenant,Convenant,Covenant,agenda_items,all,4,",
        ),
        encoding="utf-8",
    )
    found = changes.compare_packs(old, first, lang="nl")
    assert changes.Change("scenarios.csv, convenant: fits_at", "4", "3") in found.other
    assert "Gewijzigd in de overige tabellen" in changes.as_text(found, "nl")


def test_compare_refuses_a_folder_that_is_no_pack(first, tmp_path, capsys):
    assert cli.main(["compare", str(tmp_path / "nothing"), str(first)]) == 2
    assert "is geen bestuurspakket" in capsys.readouterr().err
