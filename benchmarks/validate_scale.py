"""How long validating a very large data folder takes, and how much memory it needs.

    .venv/bin/python benchmarks/validate_scale.py [ROWS]

Writes three folders under a temporary directory, each with a ``scores.csv`` of
``ROWS`` rows (default 1,000,000) and the matching services and preferences:
``valid`` (every row valid), ``duplicates`` (the second half repeats the
first, so every row is a duplicate naming its twin) and ``invalid`` (every
score symbol wrong, so pandera's check fails on every row). Each is loaded
with :func:`odsamen.analysis.data.load_dataset` in a fresh process, as ``odsamen
validate`` does, with the report of a refused folder made too; the process
prints the wall time, the CPU time it used (more than the wall time when
pandas uses a second core; much less when other work shares the machine)
and the peak resident memory (``ru_maxrss``).
"""

from __future__ import annotations

import csv
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from odsamen.analysis.data import MEASURES, SERVICE_COLUMNS, load_dataset

DATA = Path(__file__).resolve().parents[1] / "data"
ITEMS = {dimension: load_dataset(DATA).item_codes(dimension) for dimension in ("robustness", "task")}
PER_SERVICE = sum(len(items) for items in ITEMS.values()) * len(MEASURES)  # 34 score rows per service


CASES = ("valid", "duplicates", "invalid")


def write_folder(folder: Path, n_rows: int, case: str) -> None:
    folder.mkdir(parents=True)
    for name in ("items.csv", "scale_levels.csv", "scenarios.csv", "assessment.csv"):
        shutil.copy(DATA / name, folder / name)
    (folder / "advice.csv").write_text("coalition,scenario,stance,where,note_nl,note_en\n", encoding="utf-8")
    duplicates = case == "duplicates"
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
    symbols = ("+++",) if case == "invalid" else ("--", "-", "-/+", "?", "+", "++")
    with (folder / "scores.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("service", "dimension", "item", "measure", "score", "source"))
        for _copy in range(2 if duplicates else 1):
            for index, key in enumerate(keys):
                writer.writerow((*key, symbols[index % len(symbols)], "self"))
    with (folder / "scale_preferences.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("service", "dimension", "item", "aspect", "levels", "note", "note_en"))
        for code in codes:
            for dimension, items in ITEMS.items():
                for item in items:
                    writer.writerow((code, dimension, item, "", "B/C", "", ""))


def measure(folder: Path) -> None:
    from odsamen.analysis.data import DataError, load_dataset

    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        data = load_dataset(folder)
        outcome = f"valid: {len(data.scores):,} scores, {len(data.preferences):,} preferences"
    except DataError as err:
        report = err.report(folder, "en").splitlines()
        outcome = f"refused: {report[0]} {len(report) - 1:,} listed; last: {report[-1].strip()}"
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{folder.name}: {seconds:.1f} s ({cpu:.1f} s CPU), peak RSS {peak:,.0f} MB; {outcome[:400]}")


def main(n_rows: int) -> None:
    print(f"cores: {os.cpu_count()} ({len(os.sched_getaffinity(0))} usable); load average {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in CASES:
            folder = Path(tmp) / name
            write_folder(folder, n_rows, name)
            rows = sum(1 for _ in (folder / "scores.csv").open()) - 1
            size = (folder / "scores.csv").stat().st_size / 1e6
            print(f"{name}: scores.csv {rows:,} rows, {size:.0f} MB")
            subprocess.run([sys.executable, __file__, "--measure", str(folder)], check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(Path(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
