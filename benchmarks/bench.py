"""Time the board pack build against the plain papermill + nbconvert loop.

For each size (by default 4 services, the real data, and 28 synthetic
services made by ``odsamen synth``) this runs, in the same run and on the same
data folder:

* our build: ``odsamen briefings --data D --out O`` (HTML and PDF, fresh
  kernels, in parallel), with the peak memory of its whole process tree;
* the loop a user would write for the same outputs: a serial shell loop of
  ``papermill``, ``jupyter nbconvert --to html --no-input`` and
  ``weasyprint`` per service (HTML and PDF);
* the same loop without ``weasyprint`` (HTML only), the earlier baseline.

It prints the wall times, the CPU seconds per briefing, the ratios and the
marginal cost per added service, and writes them with the machine and
versions to ``benchmarks/RESULTS.md``. ``--profile`` adds where the time of
one briefing goes. See ``benchmarks/README.md``.

Timings are a benchmark, not a test: nothing here passes or fails on speed.
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WORK = ROOT / "benchmarks" / "work"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
NOTEBOOK = ROOT / "notebooks" / "briefing.ipynb"
REAL_DATA = ROOT / "data"
SAMPLE_SECONDS = 0.1
PACKAGES = (
    "odsamen",
    "papermill",
    "nbclient",
    "nbconvert",
    "ipykernel",
    "weasyprint",
    "pandas",
    "matplotlib",
)


class BenchError(RuntimeError):
    """The benchmark cannot run; the message says what to do."""


# --- memory of a process tree ---------------------------------------------------


def tree_memory(root: int) -> tuple[int, int, int]:
    """``(rss, pss, processes)``: the memory of ``root`` and all its descendants alive now, summed,
    in bytes (psutil); a process that ends while it is read counts as zero."""
    try:
        parent = psutil.Process(root)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return 0, 0, 0
    rss = pss = 0
    for process in processes:
        try:
            memory = process.memory_full_info()
        except psutil.Error:
            continue
        rss, pss = rss + memory.rss, pss + getattr(memory, "pss", 0)
    return rss, pss, len(processes)


@dataclass
class TreeMemory:
    """Peak memory of a process tree, sampled every :data:`SAMPLE_SECONDS`.

    ``peak_rss`` is the largest sum of resident set sizes over the tree at one
    moment (shared pages counted once per process, so an upper bound);
    ``peak_pss`` the same with proportional set sizes (shared pages split
    between the processes sharing them, closer to what the machine needs).
    """

    root: int
    peak_rss: int = 0
    peak_pss: int = 0
    peak_processes: int = 0
    samples: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> None:
        """Take one sample and keep the peaks."""
        rss, pss, processes = tree_memory(self.root)
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_processes = max(self.peak_processes, processes)
        self.samples += 1

    def watch(self) -> threading.Thread:
        """Start sampling in the background until :meth:`stop`."""

        def loop():
            while not self._stop.is_set():
                self.sample()
                self._stop.wait(SAMPLE_SECONDS)

        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()


# --- running commands -----------------------------------------------------------


@dataclass
class Run:
    """One timed command.

    Attributes
    ----------
    seconds
        Its wall time.
    memory
        Peak memory of its process tree, if watched.
    other_cpu
        CPU seconds the machine spent on processes other than ours while it
        ran (other users, other jobs): how disturbed the measurement was.
    cpu
        CPU seconds of the command and all its descendants (each waited for by its parent:
        workers, kernels, converters), from ``RUSAGE_CHILDREN``.
    """

    seconds: float
    memory: TreeMemory | None = None
    other_cpu: float | None = None
    cpu: float | None = None


def _machine_busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (psutil): all but idle and waiting for disk."""
    times = psutil.cpu_times()
    # guest time is part of user time already; idle and iowait are not work
    busy = ("user", "nice", "system", "irq", "softirq", "steal")
    return sum(getattr(times, name, 0.0) for name in busy)


def _our_cpu_seconds() -> float:
    """CPU seconds used by this script and its finished children (with their waited-for descendants)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_timed(command: list[str] | str, log: Path, *, watch_memory: bool = False) -> Run:
    """Run ``command`` from the repository root, output to ``log``; raise if it fails.

    A string is run by ``bash`` (the baseline's shell loop), a list directly.
    """
    argv = ["bash", "-euo", "pipefail", "-c", command] if isinstance(command, str) else command
    log.parent.mkdir(parents=True, exist_ok=True)
    busy, ours = _machine_busy_seconds(), _our_cpu_seconds()
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        memory = TreeMemory(process.pid) if watch_memory else None
        thread = memory.watch() if memory else None
        returncode = process.wait()
        seconds = time.perf_counter() - start
    if memory:
        memory.stop()
        thread.join()
    if returncode != 0:
        tail = "".join(log.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)[-15:])
        raise BenchError(
            f"command failed with exit code {returncode} (log: {log}):\n{_show(command)}\n{tail}"
        )
    cpu = _our_cpu_seconds() - ours
    other = max(_machine_busy_seconds() - busy - cpu, 0.0)
    return Run(seconds, memory, other, cpu)


def _show(command: list[str] | str) -> str:
    """A command line as a user would type it, paths relative to the repository root."""
    line = command if isinstance(command, str) else shlex.join(command)
    return line.replace(f"{ROOT}/", "").replace(str(ROOT), ".")


# --- the two ways to build ------------------------------------------------------


def pack_command(data: Path, out: Path, jobs: int | None) -> list[str]:
    """Our build: the board pack of every service in ``data``."""
    command = [str(BIN / "odsamen"), "briefings", "--data", str(data), "--out", str(out)]
    return command + (["--jobs", str(jobs)] if jobs else [])


def baseline_script(codes: list[str], data: Path, out: Path, notebook: Path, *, pdf: bool = True) -> str:
    """The serial loop a user would write: papermill, nbconvert and (``pdf``) weasyprint, per service."""
    papermill, jupyter = shlex.quote(str(BIN / "papermill")), shlex.quote(str(BIN / "jupyter"))
    notebook, folder = shlex.quote(str(notebook)), shlex.quote(str(out))
    data_dir = shlex.quote(str(data))
    weasyprint = shlex.quote(str(BIN / "weasyprint"))
    to_pdf = f'  {weasyprint} {folder}/"$code".html {folder}/"$code".pdf\n' if pdf else ""
    return (
        f"mkdir -p {folder}\n"
        f"for code in {' '.join(shlex.quote(c) for c in codes)}; do\n"
        f'  {papermill} {notebook} {folder}/"$code".ipynb -p service "$code" -p data_dir {data_dir}\n'
        f'  {jupyter} nbconvert --to html --no-input {folder}/"$code".ipynb\n'
        f"{to_pdf}"
        "done\n"
    )


def check_tools(*, need_pack: bool, need_baseline: bool, notebook: Path) -> None:
    """Raise :class:`BenchError` naming what is missing to run the benchmark."""
    odsamen = BIN / "odsamen"
    if not odsamen.exists():
        raise BenchError(
            f"{odsamen} not found: run `make bench` (it builds .venv) or run with .venv/bin/python"
        )
    if need_pack:
        probe = subprocess.run(
            [str(odsamen), "briefings", "--help"], capture_output=True, text=True, cwd=ROOT
        )
        if probe.returncode != 0:
            raise BenchError(
                "`odsamen briefings` is not available (exit code "
                f"{probe.returncode}): the board pack command (odsamen.publish.pack) is missing or broken.\n"
                f"{probe.stderr.strip()}\nUse --skip-pack to time the baseline alone."
            )
    if need_baseline:
        for path in (notebook, BIN / "papermill", BIN / "jupyter", BIN / "weasyprint"):
            if not path.exists():
                raise BenchError(
                    f"{path} not found: the baseline needs it. Use --skip-baseline to time the pack alone."
                )


# --- data -----------------------------------------------------------------------


def service_codes_of(folder: Path) -> list[str]:
    """The service codes of a data folder, in file order."""
    from odsamen.analysis.data import load_dataset

    return load_dataset(folder).service_codes


def data_for(size: int, seed: int) -> Path:
    """The data folder for ``size`` services: the real one, or synthetic data made for it."""
    if len(service_codes_of(REAL_DATA)) == size:
        return REAL_DATA
    folder = WORK / f"data-{size}"
    command = [
        str(BIN / "odsamen"),
        "synth",
        "--services",
        str(size),
        "--out",
        str(folder),
        "--seed",
        str(seed),
    ]
    run_timed(command + ["--codebook", str(REAL_DATA), "--force"], WORK / "logs" / f"synth-{size}.log")
    return folder


def fresh(folder: Path) -> Path:
    """``folder`` under the work folder, emptied, so every build starts from nothing."""
    if WORK not in folder.parents:
        raise BenchError(f"refusing to empty {folder}: not under {WORK}")
    shutil.rmtree(folder, ignore_errors=True)
    return folder


# --- measuring ------------------------------------------------------------------


@dataclass
class SizeResult:
    """All runs of one size: the data used, both builds' runs and their command lines."""

    size: int
    data: Path
    codes: list[str]
    pack: list[Run] = field(default_factory=list)
    same: list[Run] = field(default_factory=list)
    """The loop for the same outputs: papermill, nbconvert, weasyprint."""
    baseline: list[Run] = field(default_factory=list)
    """The HTML-only loop: papermill, nbconvert."""
    memory: Run | None = None
    """One more build of ours, not timed, with its memory sampled (sampling takes CPU from the build)."""
    commands: dict[str, str] = field(default_factory=dict)
    profile: dict[str, float] = field(default_factory=dict)
    pack_steps: dict[str, float] = field(default_factory=dict)
    pack_cpu: dict[str, float] = field(default_factory=dict)
    pack_cells: dict[str, float] = field(default_factory=dict)


def check_outputs(folder: Path, names: list[str]) -> None:
    """Raise :class:`BenchError` if a build left out one of the files ``names``."""
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise BenchError(f"the build in {folder} did not write {', '.join(missing[:5])}")


def time_pack(result: SizeResult, repeat: int, jobs: int | None) -> None:
    """Time our build of ``result``'s data once and check its output."""
    out = fresh(WORK / f"pack-{result.size}")
    command = pack_command(result.data, out, jobs)
    result.commands["pack"] = _show(command)
    run = run_timed(command, WORK / "logs" / f"pack-{result.size}-{repeat}.log")
    expected = [f"briefings/{code}.{ext}" for code in result.codes for ext in ("html", "pdf")]
    check_outputs(out, ["index.html", *expected])
    result.pack.append(run)
    result.pack_steps = pack_timings(out)
    result.pack_cpu = pack_timings(out, CPU_LINE)
    result.pack_cells = pack_timings(out, CELLS_LINE)
    print(f"  {result.size} services, run {repeat + 1}: our build {run.seconds:.1f} s", flush=True)


def watch_pack(result: SizeResult, jobs: int | None) -> None:
    """Build ours once more, untimed, sampling the memory of its process tree."""
    out = fresh(WORK / f"pack-{result.size}")
    command = pack_command(result.data, out, jobs)
    result.memory = run_timed(command, WORK / "logs" / f"pack-{result.size}-memory.log", watch_memory=True)
    print(
        f"  {result.size} services: our build once more, memory sampled: {result.memory.seconds:.1f} s",
        flush=True,
    )


def time_baseline(result: SizeResult, repeat: int, notebook: Path, *, pdf: bool) -> None:
    """Time the serial loop over ``result``'s data once: HTML and PDF (``pdf``), or HTML only."""
    name = "same" if pdf else "baseline"
    out = fresh(WORK / f"{name}-{result.size}")
    script = baseline_script(result.codes, result.data, out, notebook, pdf=pdf)
    result.commands[name] = _show(script)
    run = run_timed(script, WORK / "logs" / f"{name}-{result.size}-{repeat}.log")
    check_outputs(out, [f"{code}.{ext}" for code in result.codes for ext in ("html", "pdf")[: 1 + pdf]])
    getattr(result, name).append(run)
    print(f"  {result.size} services, run {repeat + 1}: {LABELS[name]} {run.seconds:.1f} s", flush=True)


def measure_size(size: int, args: argparse.Namespace) -> SizeResult:
    """Build the pack and the baseline for ``size`` services, ``args.repeat`` times each."""
    data = data_for(size, args.seed)
    result = SizeResult(size, data, service_codes_of(data))
    print(f"{size} services ({_show(str(data))}):", flush=True)
    for repeat in range(args.repeat):
        # alternate the two, so a warming cache or a busy moment hits both alike
        if not args.skip_pack:
            time_pack(result, repeat, args.jobs)
        if not args.skip_baseline:
            time_baseline(result, repeat, args.notebook, pdf=True)
            time_baseline(result, repeat, args.notebook, pdf=False)
    if not args.skip_pack and args.memory:
        watch_pack(result, args.jobs)
    if args.profile and not args.skip_baseline:
        result.profile = profile_briefing(data, result.codes[0], args.notebook)
    return result


# --- where the time goes --------------------------------------------------------


def top_level_imports(source: str) -> str:
    """The top-level import statements of a cell's code; empty if none or if it is not plain Python.

    Running these first, then the whole cell (whose imports are then cached),
    times the import cost apart from the work.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ""
    imports = (node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom))
    return "\n".join(ast.get_source_segment(source, node) for node in imports)


def _execute_timed(client, notebook, times: dict[str, float]) -> None:
    """Run the code cells of ``notebook`` in ``client``'s kernel; add seconds per stage to ``times``."""
    import nbformat

    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if set(cell.metadata.get("tags", [])) & {"parameters", "injected-parameters"}:
            steps = [("parameters", cell)]
        else:
            imports = top_level_imports(cell.source)
            steps = [("imports", nbformat.v4.new_code_cell(imports))] if imports else []
            steps.append(("execution", cell))
        for stage, step in steps:
            begin = time.perf_counter()
            client.execute_cell(step, index)
            times[stage] = times.get(stage, 0.0) + time.perf_counter() - begin


def profile_briefing(data: Path, code: str, notebook: Path) -> dict[str, float]:
    """Seconds per stage of one briefing built step by step as the baseline does.

    Stages: starting each command line tool (papermill, nbconvert), starting
    the kernel, the notebook's imports, the parameters cell, the rest of the
    cells (loading the data and drawing), converting to HTML, and a PDF made
    by WeasyPrint from that HTML.
    """
    import weasyprint
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    times = {
        "papermill start-up": _time_help([str(BIN / "papermill"), "--help"]),
        "nbconvert start-up": _time_help([str(BIN / "jupyter"), "nbconvert", "--help"]),
        "weasyprint start-up": _time_help([str(BIN / "weasyprint"), "--help"]),
    }
    # papermill's own loader, which gives every cell the metadata it expects
    parameters = {"service": code, "data_dir": str(data)}
    notebook = parameterize_notebook(load_notebook_node(str(notebook)), parameters)
    kernel = notebook.metadata.get("kernelspec", {}).get("name", "python3")
    client = NotebookClient(notebook, kernel_name=kernel, resources={"metadata": {"path": str(ROOT)}})
    client.reset_execution_trackers()
    said = WORK / "logs" / f"profile-{code}-kernel.log"  # the kernel's own output, off the terminal
    said.parent.mkdir(parents=True, exist_ok=True)
    with said.open("wb") as output:
        start = time.perf_counter()
        with client.setup_kernel(stdout=output, stderr=output):
            times["kernel start"] = time.perf_counter() - start
            _execute_timed(client, notebook, times)
    begin = time.perf_counter()
    html, _ = HTMLExporter(exclude_input=True).from_notebook_node(notebook)
    times["HTML conversion"] = time.perf_counter() - begin
    begin = time.perf_counter()
    weasyprint.HTML(string=html, base_url=str(ROOT)).write_pdf()
    times["PDF (WeasyPrint)"] = time.perf_counter() - begin
    return times


def _time_help(command: list[str]) -> float:
    """Seconds a command line tool takes to start and print its help: its fixed cost per call."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - start


SECONDS_LINE = re.compile(r"^seconds:\s*(?P<steps>.*)$")
CPU_LINE = re.compile(r"^cpu:\s*(?P<steps>.*)$")
CELLS_LINE = re.compile(r"^cells:\s*(?P<steps>.*)$")
STEP = re.compile(r"(?P<step>[A-Za-z][\w -]*?)\s+(?P<seconds>\d+(?:\.\d+)?)")


def pack_timings(out: Path, line_pattern: re.Pattern = SECONDS_LINE) -> dict[str, float]:
    """Seconds per step of our build, summed over all services, from its per-service logs.

    ``odsamen briefings`` writes a line ``seconds: execute 2.10, html 0.31,
    pdf 0.95`` (wall time per step) and a line ``cpu: worker 0.70, kernel
    1.45`` (CPU time per process) into ``logs/<CODE>.log``; ``line_pattern``
    picks which. Empty if no log has one.
    """
    steps: dict[str, float] = {}
    for log in sorted(out.glob("logs/*.log")):
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            found = line_pattern.match(line)
            for step in STEP.finditer(found["steps"]) if found else ():
                steps[step["step"]] = steps.get(step["step"], 0.0) + float(step["seconds"])
    return steps


# --- reporting ------------------------------------------------------------------


def median_seconds(runs: list[Run]) -> float | None:
    """The median wall time of ``runs``; ``None`` if there are none."""
    return statistics.median(run.seconds for run in runs) if runs else None


LABELS = {"pack": "our build", "same": "same-output loop", "baseline": "HTML-only loop"}


def speedup(result: SizeResult, loop: str = "same") -> float | None:
    """How many times faster our build is than a loop (``same`` or ``baseline``): loop time / our time."""
    ours, theirs = median_seconds(result.pack), median_seconds(getattr(result, loop))
    return theirs / ours if ours and theirs else None


def cpu_per_briefing(result: SizeResult, name: str) -> float | None:
    """Median CPU seconds per briefing of a build (all its processes), or None if not measured."""
    runs = [run.cpu for run in getattr(result, name) if run.cpu is not None]
    return statistics.median(runs) / result.size if runs else None


def marginal_costs(results: list[SizeResult]) -> dict[str, float | None]:
    """Seconds per added service between the smallest and the largest size, per build."""
    small, large = results[0], results[-1]
    added = large.size - small.size
    costs = {}
    for name in ("pack", "same", "baseline"):
        low, high = median_seconds(getattr(small, name)), median_seconds(getattr(large, name))
        costs[name] = (high - low) / added if added and low is not None and high is not None else None
    return costs


def peak_memory(result: SizeResult) -> TreeMemory | None:
    """The peaks of the build whose memory was watched, if any."""
    return result.memory.memory if result.memory else None


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} s"


def _times(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def _mib(value: int) -> str:
    return f"{value / 2**20:,.0f} MiB"


def _spread(runs: list[Run]) -> str:
    if len(runs) < 2:
        return ""
    return f" ({min(r.seconds for r in runs):.1f}–{max(r.seconds for r in runs):.1f})"


def markdown_table(header: list[str], rows: list[list[object]], align: str) -> list[str]:
    """A Markdown table; ``align`` has an ``l`` (text) or ``r`` (numbers) per column."""
    rule = "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"
    lines = [header, *([str(cell) for cell in row] for row in rows)]
    first, *others = ("| " + " | ".join(line) + " |" for line in lines)
    return [first, rule, *others]


def wall_time_table(results: list[SizeResult]) -> list[str]:
    """Markdown rows per size and build: wall time, CPU seconds per briefing, and loop / ours for both."""
    header = ["services", "build", "wall time", "loop / ours (wall)", "CPU per briefing", "loop / ours (CPU)"]
    rows = []
    titles = {
        "pack": "our build (HTML + PDF)",
        "same": "same-output loop (HTML + PDF)",
        "baseline": "HTML-only loop",
    }
    for result in results:
        ours_cpu = cpu_per_briefing(result, "pack")
        for name, title in titles.items():
            runs = getattr(result, name)
            if not runs:
                continue
            cpu = cpu_per_briefing(result, name)
            ratio = "" if name == "pack" else _times(speedup(result, name))
            cpu_ratio = "" if name == "pack" or not (cpu and ours_cpu) else _times(cpu / ours_cpu)
            wall = f"{_seconds(median_seconds(runs))}{_spread(runs)}"
            rows.append([result.size, title, wall, ratio, _seconds(cpu), cpu_ratio])
    return markdown_table(header, rows, "rlrrrr")


def _other_share(runs: list[Run]) -> str:
    """The largest share of the machine other processes used during ``runs``."""
    shares = [run.other_cpu / (run.seconds * os.cpu_count()) for run in runs if run.other_cpu is not None]
    return f"{max(shares):.0%}" if shares else "n/a"


def disturbance_lines(results: list[SizeResult]) -> list[str]:
    """Markdown: how much of the machine other processes used while we measured."""
    parts = [
        f"{result.size} services: our build {_other_share(result.pack)}, "
        f"same-output loop {_other_share(result.same)}, HTML-only loop {_other_share(result.baseline)}"
        for result in results
    ]
    return [
        "CPU used by other processes while a build ran, as a share of the machine (cores × wall time), "
        "worst run: " + "; ".join(parts) + ". Near 0% means an undisturbed measurement.",
    ]


def memory_lines(results: list[SizeResult]) -> list[str]:
    """Markdown rows: peak memory of our build per size."""
    header = [
        "services",
        "peak RSS, summed over the process tree",
        "peak PSS, summed",
        "processes at most",
        "wall time of that build",
    ]
    rows = [
        [result.size, _mib(memory.peak_rss), _mib(memory.peak_pss), memory.peak_processes]
        + [_seconds(result.memory.seconds)]
        for result in results
        if (memory := peak_memory(result))
    ]
    return markdown_table(header, rows, "rrrrr")


def _profile_table(result: SizeResult) -> list[str]:
    """Markdown: seconds per stage of one briefing built step by step as the baseline does."""
    total = sum(result.profile.values())
    startup = sum(sec for stage, sec in result.profile.items() if stage.endswith("start-up"))
    return [
        f"One briefing ({result.codes[0]}, {result.size} services), built step by step as the baseline does:",
        "",
        *markdown_table(
            ["stage", "seconds", "share"],
            [[stage, f"{sec:.2f}", f"{sec / total:.0%}"] for stage, sec in result.profile.items()],
            "lrr",
        ),
        "",
        f"Starting the three command line tools alone takes {startup:.1f} s ({startup / total:.0%}) per "
        "briefing in the same-output loop.",
        "",
    ]


def _pack_steps_table(result: SizeResult) -> list[str]:
    """Markdown: our build's logged seconds per step, summed and per briefing, and its parallelism."""
    steps, wall = result.pack_steps, result.pack[-1].seconds
    total = sum(steps.values())
    rows = [
        f"Our build at {result.size} services (last run), seconds per step from its logs:",
        "",
        *markdown_table(
            ["step", "summed over briefings", "per briefing", "share"],
            [
                [step, f"{sec:.1f}", f"{sec / result.size:.2f}", f"{sec / total:.0%}"]
                for step, sec in sorted(steps.items(), key=lambda item: (-item[1], item[0]))
            ],
            "lrrr",
        ),
        "",
        f"Summed step time / wall time: {total / wall:.2f}, the number of briefings in progress at once "
        f"on average, on {os.cpu_count()} cores.",
        "",
    ]
    if result.pack_cells:
        cells, execute = result.pack_cells, steps.get("execute", 0.0)
        rows += [
            "Seconds of the `execute` step by part, from the logs' `cells:` line (nbclient's timing of each "
            "cell); the rest of `execute` is starting and stopping the kernel:",
            "",
            *per_briefing_table(
                "part of execute",
                {"kernel start and stop": execute - sum(cells.values())}
                | {CELL_KINDS.get(kind, kind): sec for kind, sec in cells.items()},
                result.size,
            ),
            "",
        ]
    if result.pack_cpu:
        cpu = result.pack_cpu
        total = result.pack[-1].cpu
        if total is not None:
            cpu = {**cpu, "build (validation, index, tables, start)": max(total - sum(cpu.values()), 0.0)}
        rows += [
            "CPU seconds per process, from the same logs (`kernel`: the kernel, from its start to its end; "
            "`worker`: running the notebook through nbclient, HTML and PDF) and, for the build's own "
            "process, the rest of the build's measured CPU:",
            "",
            *per_briefing_table("process", cpu, result.size),
            "",
            f"Summed CPU / (cores × wall time): {sum(cpu.values()) / (os.cpu_count() * wall):.0%} of the "
            "machine; the rest is idle time or other users.",
            "",
        ]
    return rows


def per_briefing_table(what: str, seconds: dict[str, float], size: int) -> list[str]:
    """Markdown: seconds per part, summed over the ``size`` briefings and per briefing."""
    rows = [[name, f"{sec:.1f}", f"{sec / size:.2f}"] for name, sec in seconds.items()]
    return markdown_table([what, "summed over briefings", "per briefing"], rows, "lrr")


CELL_KINDS = {
    "open": "imports and opening the data (first cell)",
    "sections": "text sections and tables",
    "figures": "figures",
}


def profile_lines(results: list[SizeResult]) -> list[str]:
    """Markdown: where the time of one briefing goes (baseline path) and, if logged, of our build."""
    lines = []
    for result in results:
        if result.profile:
            lines += _profile_table(result)
        if result.pack_steps and result.pack:
            lines += _pack_steps_table(result)
    return lines


def machine_lines() -> list[str]:
    """Markdown bullets: cores, CPU, memory, Python, package versions and commit."""
    cpu = _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"
    memory = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return [
        f"- cores: {os.cpu_count()} (`os.cpu_count()`), {usable} usable by this process",
        f"- CPU: {cpu}; memory: {memory}",
        f"- {platform.system()} {platform.release()}, Python {platform.python_version()}",
        f"- {versions}",
        f"- commit: {_commit()}",
    ]


def _proc_field(path: str, name: str) -> str | None:
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(name)), None)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" with local changes" if git("status", "--porcelain") else "")


def command_lines(results: list[SizeResult], argv: list[str]) -> list[str]:
    """Markdown: the benchmark's own command line and the commands it timed."""
    lines = ["```sh", _show(shlex.join([sys.executable, "benchmarks/bench.py", *argv])), "```", ""]
    for result in results:
        for name, title in (
            ("pack", "our build"),
            ("same", "same-output loop, run by `bash -euo pipefail -c`"),
            ("baseline", "HTML-only loop, run by `bash -euo pipefail -c`"),
        ):
            if name in result.commands:
                lines += [
                    f"{result.size} services, {title}:",
                    "",
                    "```sh",
                    result.commands[name].rstrip(),
                    "```",
                    "",
                ]
    return lines


TARGETS = {28: 2.5}
"""Wall time of the same-output loop / ours, at least this, per number of services (2 cores)."""

CPU_GROWTH = 1.25
"""CPU per briefing of our build at the largest size / at the smallest, at most this: a briefing's
cost should not grow with the number of services."""


def target_lines(results: list[SizeResult]) -> list[str]:
    """Markdown: each target with what was measured."""
    parts = []
    for result in results:
        if result.size in TARGETS:
            ratio = speedup(result, "same")
            met = "n/a" if ratio is None else "met" if ratio >= TARGETS[result.size] else "not met"
            parts.append(
                f"{result.size} services: at least {TARGETS[result.size]}×, measured {_times(ratio)} ({met})"
            )
    small, large = cpu_per_briefing(results[0], "pack"), cpu_per_briefing(results[-1], "pack")
    if len(results) > 1 and small and large:
        met = "met" if large / small <= CPU_GROWTH else "not met"
        parts.append(
            f"CPU per briefing at {results[-1].size} / at {results[0].size} services: at most "
            f"{CPU_GROWTH}×, measured {_times(large / small)} ({met})"
        )
    return [
        f"Targets, our build against the same-output loop (wall time, on {os.cpu_count()} cores) and "
        "against itself: " + ("; ".join(parts) or "no size with a target measured") + "."
    ]


def results_markdown(results: list[SizeResult], argv: list[str], repeat: int) -> str:
    """The whole RESULTS.md: figures, machine, commands and method."""
    costs = marginal_costs(results)
    largest = results[-1]
    marginal = (
        f"Marginal cost per added service, from {results[0].size} to {largest.size} services: "
        f"our build {_seconds(costs['pack'])}, same-output loop {_seconds(costs['same'])}, "
        f"HTML-only loop {_seconds(costs['baseline'])}."
        if len(results) > 1
        else "Marginal cost per added service: needs two sizes."
    )
    lines = [
        "# Benchmark: board pack build against the plain papermill + nbconvert loop",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `benchmarks/bench.py` (`make bench`). "
        f"Wall times are the median of {repeat} run(s), range in brackets; each build starts from an "
        "empty output folder. Timings are a benchmark, not a test.",
        "",
        "## Wall time",
        "",
        *wall_time_table(results),
        "",
        *disturbance_lines(results),
        "",
        marginal,
        "",
        *target_lines(results),
        "",
    ]
    if any(result.memory for result in results):
        lines += [
            "## Peak memory of our build",
            "",
            *memory_lines(results),
            "",
            "RSS counts pages shared between processes (libraries, the parent's pages) once per process, "
            f"so its sum is an upper bound; PSS splits them. Sampled with psutil every {SAMPLE_SECONDS} s, "
            "in one more build after the timed ones: sampling takes CPU the build would otherwise have.",
            "",
        ]
    profile = profile_lines(results)
    if profile:
        lines += ["## Where the time goes", "", *profile]
    lines += ["## Machine", "", *machine_lines(), "", "## Command lines", "", *command_lines(results, argv)]
    return "\n".join(lines).rstrip() + "\n"


def print_summary(results: list[SizeResult]) -> None:
    """Print per size the wall times, ratio and memory, then the marginal costs."""
    print(f"\ncores: {os.cpu_count()}")
    for result in results:
        memory = peak_memory(result)
        peak = f", peak memory {_mib(memory.peak_rss)} RSS / {_mib(memory.peak_pss)} PSS" if memory else ""
        print(
            f"{result.size:>3} services: our build {_seconds(median_seconds(result.pack))}, "
            f"same-output loop {_seconds(median_seconds(result.same))} ({_times(speedup(result, 'same'))}), "
            f"HTML-only loop {_seconds(median_seconds(result.baseline))} "
            f"({_times(speedup(result, 'baseline'))}){peak}"
        )
    costs = marginal_costs(results)
    print(
        f"per added service: our build {_seconds(costs['pack'])}, "
        f"same-output loop {_seconds(costs['same'])}, HTML-only loop {_seconds(costs['baseline'])}"
    )


# --- command line ---------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[4, 28], help="numbers of services (default: 4 28)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per size and build; the median counts")
    parser.add_argument(
        "--jobs", type=int, help="passed to odsamen briefings (default: its own, one per core)"
    )
    parser.add_argument("--seed", type=int, default=20240107, help="seed of the synthetic data")
    parser.add_argument("--skip-baseline", action="store_true", help="time our build only (no loops)")
    parser.add_argument(
        "--memory",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="build ours once more, untimed, sampling its memory (default: on)",
    )
    parser.add_argument("--skip-pack", action="store_true", help="time the baseline only")
    parser.add_argument(
        "--profile",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="break one briefing's time down by stage (default: on)",
    )
    parser.add_argument(
        "--notebook", type=Path, default=NOTEBOOK, help="the briefing notebook the baseline runs"
    )
    parser.add_argument(
        "--results", type=Path, help="where to write the results (default: benchmarks/RESULTS.md)"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or min(args.sizes) < 2 or (args.skip_pack and args.skip_baseline):
        parser.error("need --repeat >= 1, sizes >= 2, and at least one of the two builds")
    args.sizes = sorted(set(args.sizes))
    if args.results is None:
        # a partial run must not overwrite the full results
        partial = args.skip_pack or args.skip_baseline
        args.results = WORK / "RESULTS-partial.md" if partial else RESULTS
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 0 when done, 2 if it cannot run, 1 if a build failed."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    try:
        check_tools(
            need_pack=not args.skip_pack, need_baseline=not args.skip_baseline, notebook=args.notebook
        )
        results = [measure_size(size, args) for size in args.sizes]
    except BenchError as err:
        print(f"bench: {err}", file=sys.stderr)
        return 1 if "failed" in str(err) else 2
    print_summary(results)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(results_markdown(results, argv, args.repeat), encoding="utf-8")
    print(f"written: {_show(str(args.results))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
