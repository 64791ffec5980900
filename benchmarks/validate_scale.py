"""How long validating a very large data folder takes, and how much memory it needs.

    .venv/bin/python benchmarks/validate_scale.py [ROWS]

Writes two folders under a temporary directory, each with a ``scores.csv`` of
``ROWS`` rows (default 1,000,000) and the matching services and preferences:
``valid`` (every row valid) and ``duplicates`` (the second half repeats the
first, so every row is a duplicate naming its twin). Each is loaded with
:func:`odsamen.analysis.data.load_dataset` in a fresh process, which prints the wall
time and the peak resident memory (``ru_maxrss``).
"""

from __future__ import annotations

import csv
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from odsamen.analysis.data import ITEMS, MEASURES, SERVICE_COLUMNS

DATA = Path(__file__).resolve().parents[1] / "data"
PER_SERVICE = sum(len(items) for items in ITEMS.values()) * len(MEASURES)  # 34 score rows per service


def write_folder(folder: Path, n_rows: int, *, duplicates: bool) -> None:
    folder.mkdir(parents=True)
    for name in ("items.csv", "scale_levels.csv", "scenarios.csv"):
        shutil.copy(DATA / name, folder / name)
    (folder / "advice.csv").write_text("coalition,scenario,stance,where,note_nl,note_en\n", encoding="utf-8")
    unique_rows = n_rows // 2 if duplicates else n_rows
    n_services = -(-unique_rows // PER_SERVICE)
    codes = [f"S{i:06d}" for i in range(n_services)]
    with (folder / "services.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SERVICE_COLUMNS)
        for code in codes:
            writer.writerow([code, f"Dienst {code}", f"Service {code}", "Regio", "Gemaakt.", "Made up.", "7"])
    keys = [
        (code, dimension, item, measure)
        for code in codes
        for dimension, items in ITEMS.items()
        for item in items
        for measure in MEASURES
    ]
    symbols = ("--", "-", "-/+", "?", "+", "++")
    with (folder / "scores.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("service", "dimension", "item", "measure", "score", "source"))
        for _copy in range(2 if duplicates else 1):
            for index, key in enumerate(keys):
                writer.writerow((*key, symbols[index % 6], "self"))
    with (folder / "scale_preferences.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("service", "dimension", "item", "aspect", "levels", "note"))
        for code in codes:
            for dimension, items in ITEMS.items():
                for item in items:
                    writer.writerow((code, dimension, item, "", "B/C", ""))


def measure(folder: Path) -> None:
    from odsamen.analysis.data import DataError, load_dataset

    start = time.perf_counter()
    try:
        data = load_dataset(folder)
        outcome = f"valid: {len(data.scores):,} scores, {len(data.preferences):,} preferences"
    except DataError as err:
        outcome = f"refused: {len(err.issues):,} issues, first: {err.issues[0]}"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{folder.name}: {seconds:.1f} s, peak RSS {peak:,.0f} MB; {outcome[:160]}")


def main(n_rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, duplicates in (("valid", False), ("duplicates", True)):
            folder = Path(tmp) / name
            write_folder(folder, n_rows, duplicates=duplicates)
            rows = sum(1 for _ in (folder / "scores.csv").open()) - 1
            size = (folder / "scores.csv").stat().st_size / 1e6
            print(f"{name}: scores.csv {rows:,} rows, {size:.0f} MB")
            subprocess.run([sys.executable, __file__, "--measure", str(folder)], check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(Path(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
