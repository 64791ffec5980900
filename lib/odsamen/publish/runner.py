"""Run briefing jobs in parallel worker processes, each briefing in a fresh kernel.

The workers are a standard-library :class:`~concurrent.futures.ProcessPoolExecutor`.
For each job a worker executes the parameterized notebook with nbclient's
public API (:class:`nbclient.NotebookClient`), which starts a kernel of its
own the ordinary way, waits until it is ready, runs the cells and shuts the
kernel down. The worker then keeps the tidied notebook, converts it once to
HTML, renders that HTML to PDF (:mod:`odsamen.publish.export`) and writes a log.

The parent (:func:`run_jobs`) collects one :class:`Outcome`
per job as the jobs finish. A job that raises is a failed outcome, never a
failed run. A worker that dies breaks the pool: the jobs not finished then
run again, each in a worker of its own, so that a job that kills its worker
fails only itself.

Stopping: the workers leave the terminal's process group, so Ctrl-C reaches
the parent only. On :class:`KeyboardInterrupt` (Ctrl-C, or SIGTERM turned
into one by :func:`odsamen.publish.pack.stop_signals`) the parent cancels the jobs not yet
started, tells the workers to take no new one and sends them SIGINT: nbclient
then shuts down the kernel it started. Workers that have not ended after
:data:`STOP_TIMEOUT` seconds are terminated (their kernels end on their own,
as ipykernel ends a kernel whose parent process is gone).

A worker whose parent is gone (the build killed with ``kill -9``) stops too:
it interrupts its briefing, so that nbclient shuts the kernel down, takes no
new job and ends (:func:`_watch_parent`); nothing runs on for no one.
"""

from __future__ import annotations

import _thread
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

KERNEL_NAME = "python3"
CELL_TIMEOUT = 600
"""Seconds a single notebook cell may run before the briefing counts as failed."""
STARTUP_TIMEOUT = 120
"""Seconds a kernel may take to start."""
POLL_SECONDS = 0.5
"""How often the parent looks up from waiting for the next briefing (to honour a stop request)."""
STOP_TIMEOUT = 10.0
"""Seconds the workers get after an interrupt to stop their kernels and end, before they are terminated."""

WORKER_ERRORS = "worker-*.err"
"""File names of the workers' stderr in the work folder (see :func:`_start_worker`)."""


@dataclass(frozen=True)
class Job:
    """One briefing to run: the parameterized notebook and where each result goes.

    ``html`` and ``pdf`` are None when that output is not wanted (reference
    notebooks); ``keep_images`` False drops figures from the kept notebook.
    """

    service: str
    title: str
    lang: str
    notebook: dict
    cwd: Path
    notebook_out: Path
    log: Path
    html: Path | None = None
    pdf: Path | None = None
    keep_images: bool = True


@dataclass
class Outcome:
    """What became of one job: ``ok``, the ``error`` if not, wall seconds per phase and CPU seconds
    per process (``worker``: executing and converting; ``kernel``: the notebook's own work, where known)."""

    service: str
    ok: bool
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)


@contextmanager
def timed(seconds: dict[str, float], phase: str):
    """Add the wall time of the ``with`` block to ``seconds[phase]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[phase] = round(seconds.get(phase, 0.0) + time.perf_counter() - start, 3)


def execute(job):
    """Run the job's notebook in a fresh kernel; return the notebook (partly run if it failed), the error."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.from_dict(job.notebook)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL_NAME,
        timeout=CELL_TIMEOUT,
        startup_timeout=STARTUP_TIMEOUT,
        record_timing=True,  # for the log's seconds per kind of cell; tidy_notebook drops the record
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(job.cwd)}},
    )
    try:
        client.execute()
    except Exception as err:  # noqa: BLE001 - any failure of one briefing is that briefing's outcome
        return notebook, err
    return notebook, None


def _stream_text(notebook) -> str:
    """What the notebook's cells printed (stdout, stderr): kept out of the briefing, kept in the log."""
    lines = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                lines.append(f"--- cell {index} {output.get('name')} ---\n{output.get('text', '')}")
    return "\n".join(lines)


def cell_seconds(notebook) -> dict[str, float]:
    """Wall seconds of the executed code cells by kind, from nbclient's timing record: ``open`` (the
    first cell after the parameters: imports and reading the data), ``figures`` (cells whose output is
    a picture) and ``sections`` (the other cells)."""
    from datetime import datetime

    seconds: dict[str, float] = {}
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    cells = [c for c in cells if not {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
    for index, cell in enumerate(cells):
        timing = cell.metadata.get("execution", {})
        start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if not (start and end):
            continue
        outputs = cell.get("outputs", [])
        kind = (
            "open"
            if index == 0
            else "figures"
            if any("image/png" in o.get("data", {}) for o in outputs)
            else "sections"
        )
        took = (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()
        seconds[kind] = round(seconds.get(kind, 0.0) + took, 3)
    return seconds


def _children_cpu() -> float | None:
    """CPU seconds of this process's ended and waited-for children (its kernels); None where unknown."""
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _write_log(job, outcome, notebook, error: BaseException | None, cells: dict[str, float]) -> None:
    parts = [
        f"service: {job.service}",
        f"kernel: {KERNEL_NAME}, a fresh one started by nbclient for this briefing, in worker {os.getpid()}",
        f"parameters: {notebook.metadata.get('papermill', {}).get('parameters', {})}" if notebook else "",
        f"result: {'ok' if outcome.ok else 'FAILED'}",
        "seconds: " + ", ".join(f"{phase} {value:.2f}" for phase, value in outcome.seconds.items()),
        "cpu: " + ", ".join(f"{process} {value:.2f}" for process, value in outcome.cpu.items()),
        "cells: " + ", ".join(f"{kind} {value:.2f}" for kind, value in cells.items()) if cells else "",
    ]
    if notebook is not None and _stream_text(notebook):
        parts += ["", "=== output of the notebook's cells ===", _stream_text(notebook)]
    if error is not None:
        parts += ["", "=== error ===", "".join(traceback.format_exception(error)).rstrip()]
    job.log.write_text("\n".join(part for part in parts if part) + "\n", encoding="utf-8")


_exporter = None
"""The worker's warm :class:`~odsamen.publish.export.BriefingExporter` (set by :func:`_start_worker`)."""
_stopping = None
"""The build's stop event in a worker: once set, the worker takes no new job."""


def run_job(job, exporter=None):
    """Execute, keep, convert and log one briefing; return its outcome (a failed briefing never raises)."""
    import nbformat

    from odsamen.publish.export import tidy_notebook, warm_exporter

    outcome = Outcome(job.service, ok=False)
    if _stopping is not None and _stopping.is_set():
        outcome.error = "not run: the build was interrupted"
        return outcome
    exporter = exporter or _exporter or warm_exporter()
    notebook, error, cells = None, None, {}
    cpu_start, kernels_start = time.process_time(), _children_cpu()
    try:
        with timed(outcome.seconds, "execute"):
            notebook, error = execute(job)
        if kernels_start is not None:
            # The kernel has ended and been waited for: its CPU is now among this worker's children's.
            outcome.cpu["kernel"] = round(_children_cpu() - kernels_start, 3)
        cells = cell_seconds(notebook)  # before tidying drops the timing record
        nbformat.write(tidy_notebook(notebook, keep_images=job.keep_images), job.notebook_out)
        if error is None and job.html is not None:
            with timed(outcome.seconds, "html"):
                html = exporter.to_html(notebook, title=job.title, lang=job.lang, cwd=job.cwd)
                job.html.write_text(html, encoding="utf-8")
            if job.pdf is not None:
                with timed(outcome.seconds, "pdf"):
                    exporter.to_pdf(html, job.pdf)
    except Exception as err:  # noqa: BLE001 - a conversion failure fails this briefing only
        error = err
    outcome.cpu["worker"] = round(time.process_time() - cpu_start, 3)
    outcome.ok = error is None
    outcome.error = None if error is None else _summary(error)
    _write_log(job, outcome, notebook, error, cells)
    return outcome


def _summary(error: BaseException) -> str:
    """One line naming the error, for the progress line and the summary (the log has the rest)."""
    name = getattr(error, "ename", None) or type(error).__name__
    value = getattr(error, "evalue", None) or str(error)
    return f"{name}: {value.strip().splitlines()[0] if value.strip() else ''}".strip().rstrip(":")


def _watch_parent(stopping) -> None:
    """In a worker, on a thread of its own: once the build's process is gone, stop as after Ctrl-C (the
    running briefing interrupted, nbclient shuts its kernel down, no new job) and end the worker."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    multiprocessing.connection.wait([parent.sentinel])  # returns when the parent process has ended
    stopping.set()
    _thread.interrupt_main()
    time.sleep(STOP_TIMEOUT)
    os._exit(1)  # an idle worker waits for work that will never come


def _start_worker(work: Path, stopping) -> None:
    """Initializer of a worker process: its own process group (Ctrl-C is the parent's to handle), its
    stderr (library chatter) into the work folder, a warm exporter."""
    global _exporter, _stopping
    if hasattr(os, "setpgrp"):
        os.setpgrp()
    _stopping = stopping
    threading.Thread(target=_watch_parent, args=(stopping,), daemon=True).start()
    sys.stderr.flush()
    with open(Path(work) / f"worker-{os.getpid()}.err", "ab") as target:
        os.dup2(target.fileno(), 2)
    from odsamen.publish.export import warm_exporter

    _exporter = warm_exporter()


def _stop_workers(stopping) -> None:
    """After an interrupt: no new jobs, SIGINT to the workers (nbclient shuts down its kernel), and
    terminate those that have not ended within :data:`STOP_TIMEOUT` seconds."""
    stopping.set()
    workers = multiprocessing.active_children()
    for worker in workers:
        try:
            if os.name == "posix":
                os.kill(worker.pid, signal.SIGINT)
            else:
                worker.terminate()
        except OSError:
            pass
    deadline = time.monotonic() + STOP_TIMEOUT
    for worker in workers:
        worker.join(timeout=max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            worker.terminate()
            worker.join(timeout=1)


WORKER_DIED = "BrokenProcessPool: the worker process of this briefing ended abruptly (killed, out of memory?)"
"""The error of a briefing whose worker died, twice: the second time in a worker of its own."""


def run_jobs(
    jobs: Iterable,
    *,
    n_jobs: int,
    workers: int,
    work: Path,
    on_done: Callable,
    check: Callable[[], None] | None = None,
) -> list:
    """Run ``n_jobs`` jobs on ``workers`` processes; call ``on_done(outcome, n_done, n_jobs)`` as each ends.

    Returns the outcomes in the order of ``jobs``. ``work`` is a scratch folder for the workers' stderr.
    ``check`` is called while waiting, at least every :data:`POLL_SECONDS`; an exception it raises
    (such as a stop request) ends the run as an interrupt does.

    A worker that dies (killed, out of memory) breaks the shared pool and with it every job not yet
    finished. Those jobs are run again, each in a pool of one worker of its own, ``workers`` at a
    time: a job whose worker dies there too fails (:data:`WORKER_DIED`), and only that job.
    """

    if n_jobs == 0:
        return []
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        from odsamen.publish.export import warm_exporter

        warm_exporter()  # once, here, for all workers: they inherit it
    stopping = context.Event()

    def pool(size: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=size, mp_context=context, initializer=_start_worker, initargs=(work, stopping)
        )

    shared = pool(workers)
    pools, order, outcomes, futures = [shared], [], {}, {}
    again: list = []  # jobs whose worker in the shared pool died, to run alone
    try:
        for job in jobs:
            order.append(job.service)
            futures[shared.submit(run_job, job)] = (job, shared)
        while futures or again:
            while again and sum(p is not shared for _, p in futures.values()) < workers:
                job, alone = again.pop(0), pool(1)
                pools.append(alone)
                futures[alone.submit(run_job, job)] = (job, alone)
            if check is not None:
                check()
            done, _ = wait(futures, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in done:
                job, in_pool = futures.pop(future)
                if in_pool is not shared:
                    in_pool.shutdown(wait=False)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    if in_pool is shared:
                        again.append(job)
                        continue
                    outcome = Outcome(job.service, ok=False, error=WORKER_DIED)
                except Exception as err:  # noqa: BLE001 - a job that cannot be run fails alone
                    outcome = Outcome(job.service, ok=False, error=_summary(err))
                outcomes[job.service] = outcome
                on_done(outcome, len(outcomes), len(order))
    except BaseException:
        for each in pools:
            each.shutdown(wait=False, cancel_futures=True)
        _stop_workers(stopping)
        raise
    for each in pools:
        each.shutdown(wait=True)
    return [outcomes[service] for service in order]
