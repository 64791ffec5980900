"""The build's stamp on a validated data folder, and reading a stamped folder without checks."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from odsamen.analysis import shared
from odsamen.analysis.data import DataError, load_dataset

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def stamped(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in shared.data_files(DATA):
        shutil.copy2(path, folder / path.name)
    shared.write_stamp(folder)
    return folder


def test_a_stamped_folder_reads_as_the_same_dataset_without_checks(stamped, dataset):
    assert shared.validated(stamped)
    unchecked = load_dataset(stamped, check=False)
    for name in ("scores", "preferences", "items", "services", "levels", "scenarios", "advice"):
        pd.testing.assert_frame_equal(getattr(unchecked, name), getattr(dataset, name))
    assert (unchecked.synthetic, unchecked.encodings) == (dataset.synthetic, dataset.encodings)


def test_a_stamp_holds_only_for_the_bytes_it_was_written_for(stamped):
    scores = stamped / "scores.csv"
    scores.write_bytes(scores.read_bytes().replace(b"++", b"+++", 1))
    assert not shared.validated(stamped)
    with pytest.raises(DataError):
        shared.load(stamped)  # checked again, so the broken cell is found


def test_a_folder_without_a_stamp_or_with_a_foreign_one_is_checked(stamped):
    (stamped / shared.STAMP).write_text('{"fingerprint": "0"}', encoding="utf-8")
    assert not shared.validated(stamped)
    (stamped / shared.STAMP).unlink()
    assert not shared.validated(stamped)


def test_loading_a_stamped_folder_does_not_import_pandera(stamped):
    import subprocess

    code = (
        "import sys; from odsamen.analysis import shared; shared.load(sys.argv[1]); "
        "print('pandera' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(stamped)], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
