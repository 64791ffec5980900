"""How long the explorer takes to answer a click: :meth:`odsamen.report.explorer.Explorer.view` per control.

    .venv/bin/python benchmarks/explorer.py [--repeat 5]

Each repeat starts from a fresh :class:`~odsamen.report.explorer.Explorer` on ``data/``,
loads it as the notebook does (``warm()`` and the first view: "first load"),
and then, from the default choices, changes one control at a time and times the
view that every output is redrawn from:

- **first click**: the first time that choice is seen, after the first load
  (what a user waits for);
- **again**: the same view once more (everything cached).

Medians over the repeats, slowest in brackets; the target is 300 ms per click
after the first load, on this 2-core machine. The load average before and after
says whether other work shared the cores. Timings are a benchmark, not a test.
Not measured: the widget round trip to the browser and the browser drawing the
HTML (a few tens of milliseconds on localhost, more for the pictures).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from odsamen.analysis.data import load_dataset  # noqa: E402
from odsamen.report.explorer import Explorer  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"
CHANGES = [
    ("service", "IJmond"),
    ("lens", "complementarity"),
    ("unknown", "missing"),
    ("advisor", "exclude"),
    ("levels", "exact"),
    ("dimension", "task"),
    ("coalition", "NHN+IJmond+NZKG"),
    ("pair", "NHN+OFGV"),
    ("lang", "en"),
]
"""One change from the default choices per row: every control of the notebook."""
TARGET_MS = 300


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - start) * 1000


def run(repeat: int) -> None:
    data = load_dataset(DATA)
    loads, first, again = [], {c: [] for c in CHANGES}, {c: [] for c in CHANGES}
    load_before = os.getloadavg()[0]
    for _ in range(repeat):
        explorer = Explorer(data)
        defaults = explorer.defaults()

        def load(explorer=explorer, defaults=defaults):
            explorer.warm()
            explorer.view(**defaults)

        loads.append(timed(load))
        for change in CHANGES:
            choices = defaults | {change[0]: change[1]}
            first[change].append(timed(explorer.view, **choices))
            again[change].append(timed(explorer.view, **choices))
    load_after = os.getloadavg()[0]

    def cell(values: list[float]) -> str:
        return f"{statistics.median(values):.0f} ms ({max(values):.0f})"

    print(f"Explorer.view on data/ ({len(data.service_codes)} services), median of {repeat}, slowest in ()")
    print(f"CPU cores: {os.cpu_count()}; load average {load_before:.1f} before, {load_after:.1f} after\n")
    print(f"First load (warm() and the first view): {statistics.median(loads) / 1000:.1f} s")
    print(f"({min(loads) / 1000:.1f}–{max(loads) / 1000:.1f} s)\n")
    print("| control changed | to | first click | again | under 300 ms |")
    print("|---|---|---:|---:|---|")
    for change in CHANGES:
        ok = "yes" if max(first[change]) < TARGET_MS else "no"
        print(f"| {change[0]} | {change[1]} | {cell(first[change])} | {cell(again[change])} | {ok} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="fresh explorers to time (default 5)")
    run(parser.parse_args().repeat)


if __name__ == "__main__":
    main()
