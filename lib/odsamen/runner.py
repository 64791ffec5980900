"""Run briefing jobs in parallel worker processes, each briefing in a fresh kernel.

A worker takes jobs from a queue until it gets ``None``. For each job it
executes the parameterized notebook with nbclient in a kernel of its own,
keeps the tidied notebook, converts it once to HTML and renders that HTML to
PDF (:mod:`odsamen.export`), and writes a log. The kernel for the next job
is started as soon as the current one is taken, so that its start-up
overlaps with the current briefing's execution and conversion; every kernel
serves exactly one briefing.

On Linux each worker keeps a kernel template (:mod:`odsamen.kernels`): a
process that has imported ipykernel, pandas, matplotlib and odsamen once and
forks every kernel the worker asks for. A forked kernel is as fresh as a
launched one (its own process, nothing run in it before) but skips about
0.7 CPU seconds of imports. ``fork=False`` (``--kernel-start launch``)
launches every kernel from scratch.

The parent (:func:`run_jobs`) collects one :class:`~odsamen.pack.Outcome`
per job. A job that raises is a failed outcome, never a failed run; a worker
that dies takes only its current job with it.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

KERNEL_NAME = "python3"
CELL_TIMEOUT = 600
"""Seconds a single notebook cell may run before the briefing counts as failed."""
STARTUP_TIMEOUT = 120
"""Seconds a kernel may take to start."""
JOIN_TIMEOUT = 5.0
"""Seconds a worker gets to stop after its last job before it is killed."""
STOP_TIMEOUT = 1.0
"""Seconds a worker gets after an interrupt (SIGTERM) before it is killed; its kernels then exit on
their own, as ipykernel ends a kernel whose parent process is gone."""
POLL_SECONDS = 0.5
"""How often the parent checks that its workers are still alive while it waits."""


@dataclass
class Kernel:
    """A started kernel, its connected client and the file that receives its own stdout and stderr."""

    manager: object
    output: Path
    handle: IO[bytes]
    client: object
    cpu_seconds: float | None = None
    """CPU seconds the kernel used, known after :func:`stop_kernel` for a forked kernel."""

    @property
    def how(self) -> str:
        """How the kernel was started, for the log: forked from the worker's template, or launched."""
        provisioner = getattr(self.manager, "provisioner", None)
        if getattr(provisioner, "forked", False):
            return f"forked from the worker's template, pid {provisioner.pid}"
        return f"launched, pid {getattr(provisioner, 'pid', '?')}"


def start_kernel(
    cwd: Path, env: dict[str, str], output: Path, specs=None, sockets: Path | None = None
) -> Kernel:
    """Launch a fresh kernel in ``cwd``; returns at once, the kernel finishes starting on its own.

    ``specs`` is the kernel spec manager (default jupyter_client's); the
    worker passes :class:`~odsamen.kernels.ForkingKernelSpecManager` to fork
    kernels from its template. With ``sockets``, a folder, the kernel talks
    over Unix sockets in that folder instead of TCP ports on localhost: no
    port picked for one kernel can be taken meanwhile by another process,
    and nothing travels unencrypted over the network stack.
    """
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    options = {} if specs is None else {"kernel_spec_manager": specs}
    if sockets is not None:
        options.update(transport="ipc", ip=str(Path(sockets) / output.stem))
    manager = AsyncKernelManager(kernel_name=KERNEL_NAME, **options)
    handle = open(output, "wb")  # noqa: SIM115 - closed by stop_kernel
    run_sync(manager.start_kernel)(cwd=str(cwd), env=env, stdout=handle, stderr=handle)
    # Connected now, while the kernel starts: a client that subscribes to IOPub only when the briefing
    # begins misses the kernel's first messages, and jupyter_client then waits 0.2 s to ask again.
    client = manager.client()
    client.start_channels()
    return Kernel(manager, output, handle, client)


def kill_kernel(kernel: Kernel) -> None:
    """Kill ``kernel`` now, without waiting for it to go (:func:`stop_kernel` reaps it later)."""
    from jupyter_core.utils import run_sync

    provisioner = kernel.manager.provisioner
    if provisioner is not None and provisioner.has_process:
        run_sync(provisioner.kill)()


def stop_kernel(kernel: Kernel) -> str:
    """Stop ``kernel`` if it still runs; return what it wrote to stdout and stderr. A forked kernel's
    CPU seconds are then in ``kernel.cpu_seconds``."""
    from jupyter_core.utils import run_sync

    try:
        if kernel.client.channels_running:
            kernel.client.stop_channels()
        process = getattr(kernel.manager.provisioner, "process", None)
        if run_sync(kernel.manager.is_alive)():
            run_sync(kernel.manager.shutdown_kernel)(now=True)
        kernel.cpu_seconds = getattr(process, "cpu_seconds", None)
        run_sync(kernel.manager.cleanup_resources)()
    finally:
        kernel.handle.close()
    said = kernel.output.read_text(encoding="utf-8", errors="replace") if kernel.output.exists() else ""
    kernel.output.unlink(missing_ok=True)
    return said


@contextmanager
def timed(seconds: dict[str, float], phase: str):
    """Add the wall time of the ``with`` block to ``seconds[phase]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[phase] = round(seconds.get(phase, 0.0) + time.perf_counter() - start, 3)


IOPUB_GRACE = 0.5
"""Seconds to wait for the IOPub status of a ``kernel_info`` request before asking again."""


async def until_ready(kernel: Kernel, timeout: float) -> None:
    """Return once ``kernel`` answers ``kernel_info`` on the shell channel *and* its IOPub messages
    reach our client, or raise :class:`RuntimeError` (dead kernel, or no answer within ``timeout``).

    jupyter_client's ``wait_for_ready`` checks the same, then waits 0.2 s for
    IOPub to fall silent. Here the IOPub queue is read up to the idle status of
    our own request instead, which proves the subscription is live (a client
    that subscribed too late would lose the first cell's outputs) and leaves
    no earlier message behind, without the wait.
    """
    from queue import Empty

    client, deadline = kernel.client, time.monotonic() + timeout
    while time.monotonic() < deadline:
        asked = client.kernel_info()
        answered = False
        while not answered and time.monotonic() < deadline:
            try:
                reply = await client.shell_channel.get_msg(timeout=1)
            except Empty:
                if not await kernel.manager.is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info") from None
                continue
            answered = reply["parent_header"].get("msg_id") == asked
        grace = time.monotonic() + IOPUB_GRACE
        while answered and time.monotonic() < grace:
            try:
                message = await client.iopub_channel.get_msg(timeout=max(grace - time.monotonic(), 0))
            except Empty:
                break
            if (
                message["parent_header"].get("msg_id") == asked
                and message["msg_type"] == "status"
                and message["content"]["execution_state"] == "idle"
            ):
                return
    raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


def _execute(job, kernel: Kernel):
    """Run the job's notebook in ``kernel``; return the notebook (partly run if it failed) and the error.

    The kernel is killed as soon as the notebook has run (or failed), without
    waiting for it to go: the briefing is converted meanwhile.
    """
    import nbformat
    from jupyter_core.utils import run_sync
    from nbclient import NotebookClient

    notebook = nbformat.from_dict(job.notebook)
    client = NotebookClient(
        notebook,
        km=kernel.manager,
        kernel_name=KERNEL_NAME,
        timeout=CELL_TIMEOUT,
        startup_timeout=STARTUP_TIMEOUT,
        record_timing=False,
        resources={"metadata": {"path": str(job.cwd)}},
    )
    client.kc = kernel.client  # already connected and, once until_ready returns, ready
    try:
        run_sync(until_ready)(kernel, STARTUP_TIMEOUT)
        kernel.client.allow_stdin = False
        client.execute(cleanup_kc=False)
    except Exception as err:  # noqa: BLE001 - any failure of one briefing is that briefing's outcome
        return notebook, err
    finally:
        kill_kernel(kernel)
    return notebook, None


def _stream_text(notebook) -> str:
    """What the notebook's cells printed (stdout, stderr): kept out of the briefing, kept in the log."""
    lines = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                lines.append(f"--- cell {index} {output.get('name')} ---\n{output.get('text', '')}")
    return "\n".join(lines)


def _write_log(job, outcome, notebook, kernel: str, kernel_output: str, error: BaseException | None) -> None:
    parts = [
        f"service: {job.service}",
        f"kernel: {kernel}",
        f"parameters: {notebook.metadata.get('papermill', {}).get('parameters', {})}" if notebook else "",
        f"result: {'ok' if outcome.ok else 'FAILED'}",
        "seconds: " + ", ".join(f"{phase} {value:.2f}" for phase, value in outcome.seconds.items()),
        "cpu: " + ", ".join(f"{process} {value:.2f}" for process, value in outcome.cpu.items()),
    ]
    if notebook is not None and _stream_text(notebook):
        parts += ["", "=== output of the notebook's cells ===", _stream_text(notebook)]
    if kernel_output.strip():
        parts += ["", "=== output of the kernel process ===", kernel_output.rstrip()]
    if error is not None:
        parts += ["", "=== error ===", "".join(traceback.format_exception(error)).rstrip()]
    job.log.write_text("\n".join(part for part in parts if part is not None) + "\n", encoding="utf-8")


def run_job(job, kernel: Kernel, exporter) -> object:
    """Execute, keep, convert and log one briefing; return its outcome (a failed briefing never raises)."""
    import nbformat

    from odsamen.export import tidy_notebook
    from odsamen.pack import Outcome

    outcome = Outcome(job.service, ok=False)
    notebook, error, how = None, None, kernel.how
    cpu_start = time.process_time()
    try:
        with timed(outcome.seconds, "execute"):
            notebook, error = _execute(job, kernel)
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
    finally:
        kernel_output = stop_kernel(kernel)
    outcome.cpu["worker"] = round(time.process_time() - cpu_start, 3)
    if kernel.cpu_seconds is not None:
        outcome.cpu["kernel"] = round(kernel.cpu_seconds, 3)
    outcome.ok = error is None
    outcome.error = None if error is None else _summary(error)
    _write_log(job, outcome, notebook, how, kernel_output, error)
    return outcome


def _summary(error: BaseException) -> str:
    """One line naming the error, for the progress line and the summary (the log has the rest)."""
    name = getattr(error, "ename", None) or type(error).__name__
    value = getattr(error, "evalue", None) or str(error)
    return f"{name}: {value.strip().splitlines()[0] if value.strip() else ''}".strip().rstrip(":")


def _more_waiting(tasks) -> bool:
    """True if other jobs (not just stop signals) may still wait in the queue; True where unknowable."""
    try:
        return tasks.qsize() > 0
    except NotImplementedError:
        return True


def _next_job(tasks, parent: int):
    """The next job from the queue; None when there is none left or the parent process has died
    (a killed build must not leave workers waiting for ever)."""
    while True:
        try:
            return tasks.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                return None


def _redirect_stderr(path: Path) -> None:
    """Send what this process writes to stderr into ``path``: library chatter (and nbclient's noise when
    a run is stopped) stays off the terminal, whose progress lines belong to the parent."""
    sys.stderr.flush()
    with open(path, "ab") as target:
        os.dup2(target.fileno(), 2)


WORKER_ERRORS = "worker-*.err"
"""File names of the workers' stderr in the work folder (see :func:`_redirect_stderr`)."""


def worker_main(tasks, results, settings: dict) -> None:
    """The loop of one worker process (see the module docstring)."""
    # Ctrl-C goes to the terminal's foreground process group. A worker leaves that group (and ignores
    # SIGINT where it cannot), so only the parent sees it and decides; kernels have their own sessions.
    if hasattr(os, "setpgrp"):
        os.setpgrp()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _redirect_stderr(settings["work"] / f"worker-{os.getpid()}.err")
    from odsamen.export import warm_exporter

    env = {**os.environ, **settings["env"]}
    numbers = itertools.count()
    template, specs, spare = None, None, None

    def fresh() -> Kernel:
        output = settings["work"] / f"kernel-{os.getpid()}-{next(numbers)}.out"
        return start_kernel(settings["cwd"], env, output, specs, settings.get("sockets"))

    try:
        template, specs = _kernel_template(settings, env)
        spare = fresh()
        exporter = warm_exporter()  # inherited from the parent where workers are forked
        while (job := _next_job(tasks, settings["parent"])) is not None:
            results.put(("started", job.service, os.getpid()))
            kernel, spare = spare or fresh(), None
            if _more_waiting(tasks):
                spare = fresh()
            results.put(("done", run_job(job, kernel, exporter), os.getpid()))
            # nbclient handles SIGINT while it runs a notebook and then restores Python's default handler
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    finally:
        if spare is not None:
            stop_kernel(spare)
        if template is not None:
            template.close()


def _kernel_template(settings: dict, env: dict[str, str]):
    """The worker's :class:`~odsamen.kernels.KernelTemplate` and the kernel spec manager that forks
    from it, or ``(None, None)`` where kernels are launched the ordinary way."""
    from odsamen import kernels

    if not settings.get("fork", True) or not kernels.supported():
        return None, None
    if not kernels.registered():
        print(
            f"kernels are launched, not forked: {kernels.PROVISIONER_NAME} is not installed", file=sys.stderr
        )
        return None, None
    errors = open(settings["work"] / f"worker-{os.getpid()}-template.err", "ab")  # noqa: SIM115
    try:
        template = kernels.KernelTemplate(cwd=settings["cwd"], env=env, errors=errors)
    except OSError as err:  # cannot adopt forked kernels (prctl refused) or start the template
        print(f"kernels are launched, not forked: {err}", file=sys.stderr)
        return None, None
    finally:
        errors.close()  # the template holds its own copy
    kernels.use_template(template)
    return template, kernels.ForkingKernelSpecManager()


def _context():
    """Fork where it is safe and cheap (Linux): workers inherit the parent's imports; spawn elsewhere."""
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def run_jobs(
    jobs: Iterable,
    *,
    n_jobs: int,
    cwd: Path,
    workers: int,
    env: dict[str, str],
    work: Path,
    on_done: Callable,
    fork: bool = True,
    check: Callable[[], None] | None = None,
) -> list:
    """Run ``n_jobs`` jobs on ``workers`` processes; call ``on_done(outcome, n_done, n_jobs)`` as each ends.

    The workers start (and start their first kernels) before ``jobs`` is
    consumed, so a generator of jobs is prepared while kernels boot. Every
    job must run in ``cwd`` (kernels are started before their job is
    known). Returns the outcomes in the order of ``jobs``; ``env`` is added
    to every kernel's environment. ``fork`` forks the kernels from a
    template process that has done the imports (:mod:`odsamen.kernels`,
    Linux only); False launches each kernel from scratch. ``check`` is called
    while waiting for outcomes, at least every :data:`POLL_SECONDS`; an
    exception it raises (such as a stop request) ends the run.
    """
    if n_jobs == 0:
        return []
    context = _context()
    if context.get_start_method() == "fork":
        from odsamen.export import warm_exporter

        warm_exporter()  # once, here, for all workers: they inherit it
    tasks, results = context.Queue(), context.Queue()
    # Unix socket paths are limited to about 100 bytes: a short folder of their own, not the work folder.
    # The parent owns it, so that it goes even when a worker is killed.
    sockets = Path(tempfile.mkdtemp(prefix="odsamen-")) if os.name == "posix" else None
    settings = {
        "cwd": Path(cwd),
        "env": env,
        "work": work,
        "parent": os.getpid(),
        "fork": fork,
        "sockets": sockets,
    }
    processes = [
        context.Process(target=worker_main, args=(tasks, results, settings), daemon=True)
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    finished = False
    try:
        order = []
        for job in jobs:
            if Path(job.cwd) != settings["cwd"]:
                raise ValueError(f"job {job.service} runs in {job.cwd}, not in {cwd}")
            order.append(job.service)
            tasks.put(job)
        for _ in processes:
            tasks.put(None)
        outcomes = _collect(order, processes, results, on_done, check)
        finished = True
    finally:
        _stop(processes, graceful=finished)
        # Jobs nobody will take any more (the workers were stopped) must not keep this process from
        # exiting: the queue's feeder thread would wait for ever to write them into the full pipe.
        tasks.cancel_join_thread()
        if sockets is not None:
            shutil.rmtree(sockets, ignore_errors=True)
    return [outcomes[service] for service in order]


def _collect(services: list[str], processes: list, results, on_done: Callable, check=None) -> dict:
    """Gather outcomes until every job has one; a job whose worker died fails with the exit code."""
    from odsamen.pack import Outcome

    pending = list(services)
    running: dict[int, str] = {}
    outcomes = {}

    def finish(outcome) -> None:
        outcomes[outcome.service] = outcome
        pending.remove(outcome.service)
        on_done(outcome, len(outcomes), len(services))

    while pending:
        if check is not None:
            check()
        try:
            kind, service_or_outcome, pid = results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            for process in processes:
                if not process.is_alive() and process.pid in running:
                    lost = running.pop(process.pid)
                    finish(
                        Outcome(lost, ok=False, error=f"worker process died (exit code {process.exitcode})")
                    )
            if not any(process.is_alive() for process in processes):
                for lost in list(pending):
                    finish(Outcome(lost, ok=False, error="no worker process left to run it"))
            continue
        if kind == "started":
            running[pid] = service_or_outcome
        else:
            running.pop(pid, None)
            finish(service_or_outcome)
    return outcomes


def _stop(processes: list, *, graceful: bool) -> None:
    """Let workers end on their own after a finished run, or stop them after an interrupt; kill stragglers."""
    if not graceful:
        for process in processes:
            if process.is_alive():
                process.terminate()
    deadline = time.monotonic() + (JOIN_TIMEOUT if graceful else STOP_TIMEOUT)
    for process in processes:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()
