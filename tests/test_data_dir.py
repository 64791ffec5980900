"""A notebook's ``data_dir`` is found from the notebook's folder, the repository root or anywhere else,
and a relative one never outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from odsamen.analysis import shared
from odsamen.analysis.shared import NOTEBOOKS, REPOSITORY, find_data_dir
from odsamen.report.briefing import Briefing

DATA = REPOSITORY / "data"


def test_from_the_notebooks_folder_the_path_is_kept_as_given(monkeypatch):
    monkeypatch.chdir(NOTEBOOKS)
    assert str(find_data_dir("../data")) == os.path.join("..", "data")


def test_from_the_repository_root_the_notebooks_default_is_found(monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    assert find_data_dir("../data") == Path("data")  # shown as from here: no full path of this machine


def test_from_elsewhere_a_path_from_the_repository_root_is_found(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert find_data_dir("data") == DATA
    assert find_data_dir("../data") == DATA


def test_from_a_folder_outside_the_checkout_its_own_data_comes_first(monkeypatch, tmp_path):
    """A board pack built elsewhere reads its own copy of the data, not the checkout's."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "scores.csv").write_text("service\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_data_dir("data") == Path("data")


def test_a_data_folder_beside_the_checkout_is_never_read(monkeypatch, tmp_path):
    """``papermill notebooks/briefing.ipynb ...`` from the root: ``../data`` is the checkout's own."""
    checkout = tmp_path / "checkout"
    for folder in (checkout / "notebooks", checkout / "data", tmp_path / "data"):
        folder.mkdir(parents=True)
        (folder / "scores.csv").write_text("service\n", encoding="utf-8")
    monkeypatch.setattr(shared, "REPOSITORY", checkout)
    monkeypatch.setattr(shared, "NOTEBOOKS", checkout / "notebooks")
    monkeypatch.chdir(checkout)
    assert find_data_dir("../data").resolve() == (checkout / "data").resolve()
    monkeypatch.chdir(checkout / "notebooks")
    assert find_data_dir("../data") == Path("../data")


def test_an_absolute_path_is_used_as_is_and_a_missing_one_is_one_line(tmp_path):
    assert find_data_dir(DATA) == DATA
    with pytest.raises(FileNotFoundError) as error:
        find_data_dir(tmp_path / "nowhere", "en")
    assert str(error.value) == f"Data folder '{tmp_path / 'nowhere'}' does not exist."
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="bestaat niet"):
        find_data_dir(tmp_path / "empty")


def test_a_missing_folder_names_every_path_looked_in_on_one_line(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError) as error:
        find_data_dir("nowhere", "en")
    message = str(error.value)
    assert "\n" not in message and message.startswith("Data folder 'nowhere' not found; looked in ")
    for folder in (tmp_path, NOTEBOOKS, REPOSITORY):
        assert str((folder / "nowhere").resolve()) in message


def test_a_briefing_opens_with_the_notebooks_default_from_anywhere(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    brief = Briefing.open("../data", "IJmond")
    assert brief.data.folder == DATA


@pytest.mark.slow
def test_papermill_runs_the_briefing_from_the_repository_root(tmp_path):
    out = tmp_path / "out.ipynb"
    # The kernel papermill starts must import this repository's odsamen (a worktree may not be installed).
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPOSITORY / "lib"), os.environ.get("PYTHONPATH")]))
    }
    run = subprocess.run(
        [sys.executable, "-m", "papermill", "notebooks/briefing.ipynb", str(out), "-p", "service", "IJmond"],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    outputs = [
        output for cell in nbformat.read(out, as_version=4).cells for output in cell.get("outputs", [])
    ]
    assert not [output for output in outputs if output["output_type"] == "error"]
    assert any("IJmond" in str(output.get("data", {})) for output in outputs)
