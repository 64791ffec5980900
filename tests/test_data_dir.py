"""A notebook's ``data_dir`` is found from the notebook's folder, the repository root or anywhere else."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest

from odsamen.analysis.shared import NOTEBOOKS, REPOSITORY, find_data_dir
from odsamen.report.briefing import Briefing

DATA = REPOSITORY / "data"


def test_from_the_notebooks_folder_the_path_is_kept_as_given(monkeypatch):
    monkeypatch.chdir(NOTEBOOKS)
    assert str(find_data_dir("../data")) == os.path.join("..", "data")


def test_from_the_repository_root_the_notebooks_default_is_found(monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    assert find_data_dir("../data") == DATA


def test_from_elsewhere_a_path_from_the_repository_root_is_found(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert find_data_dir("data") == DATA
    assert find_data_dir("../data") == DATA


def test_the_current_folder_comes_first(monkeypatch, tmp_path):
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    assert find_data_dir("data").resolve() == (tmp_path / "data").resolve()


def test_an_absolute_path_is_used_as_is(tmp_path):
    assert find_data_dir(DATA) == DATA
    assert find_data_dir(tmp_path / "nowhere") == tmp_path / "nowhere"  # load_dataset reports what is missing


def test_a_missing_folder_names_every_path_looked_in(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError) as error:
        find_data_dir("nowhere")
    message = str(error.value)
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
