"""The board pack: every service's briefing as HTML and PDF, with a front page.

``odsamen briefings`` calls :func:`build_pack`, which

0. resolves and checks the output folder (:func:`~odsamen.publish.folders.resolve_out`) and takes the
   lock on builds into it (:func:`~odsamen.publish.folders.build_lock`): a second build into the same
   folder stops at once;
1. validates the data folder (a :class:`~odsamen.analysis.data.DataError` means
   nothing is written) and checks the requested service codes;
2. builds everything in a hidden staging folder next to the output folder:
   a copy of the data, ``tables/`` from :mod:`odsamen.analysis.affinity`, and per
   service the executed notebook, its HTML and PDF and a log;
3. runs the briefings in a pool of worker processes (:mod:`odsamen.publish.runner`),
   each briefing in a fresh kernel of its own that nbclient starts; the
   briefings read the pack's own copy of the data;
4. writes ``index.html`` and ``manifest.json`` (every file it wrote, with its
   size and SHA-256) and swaps the staging folder in for the previous pack by
   renames (the old pack aside, the new one in, the old one removed), so an
   interrupted or crashed run never leaves a half-written pack; a swap cut
   off between its two renames is put right by the next run
   (:func:`~odsamen.publish.folders.remove_stale_staging`).

The folders (where the pack goes, the lock, the staging folder, the manifest
and the swap) are :mod:`odsamen.publish.folders`; the front page's rows and
cells are :mod:`odsamen.publish.index`.

Layout of a pack::

    index.html                  front page, headline figures and links
    briefings/<CODE>.html|.pdf  the briefings
    notebooks/<CODE>.ipynb      the executed notebooks, for audit
    logs/<CODE>.log             what happened per service: its kernel, seconds and CPU per step
    tables/*.csv                affinity tables
    data/*.csv                  the data the pack was built from
    figures/                    the analysis notebooks' figures, carried over from the previous folder
    manifest.json               what odsamen wrote here, so that the next build may replace it

A briefing that fails leaves the others: it is named in the summary,
marked in the index with a link to its log, and :attr:`PackResult.ok` is
False (exit code 1). The previous pack then stays as it was: the new one is
kept aside in ``<out>.partial`` (:func:`~odsamen.publish.folders.partial_folder`), unless
``allow_partial`` publishes it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd

from odsamen.analysis import shared, workbook
from odsamen.analysis.data import SERVICE_CODE, Dataset, load_dataset
from odsamen.analysis.scoring import DEFAULT_ADVISOR, DEFAULT_UNKNOWN, check_advisor, check_unknown
from odsamen.catalogue import check_language, text
from odsamen.publish import changes
from odsamen.publish.folders import (
    BRIEFINGS,
    DATA,
    DEFAULT_OUT,
    LOGS,
    NOTEBOOKS,
    TABLES,
    WORK,
    PackError,
    PackFault,
    build_lock,
    check_out,
    copy_data,
    make_staging,
    os_fault,
    partial_folder,
    publish,
    remove_partial,
    remove_stale_staging,
    resolve_out,
)
from odsamen.publish.index import index_context
from odsamen.publish.runner import KERNEL_NAME, WORKER_ERRORS, Job, Outcome, run_jobs

NOTEBOOK = Path(__file__).resolve().parents[3] / "notebooks" / "briefing.ipynb"
"""The briefing notebook of the repository this package is installed from (editable install)."""


@dataclass
class PackResult:
    """The result of a build: the pack folder and one outcome per service, in codebook order.

    ``partial`` is where the new pack was kept aside when a briefing failed
    (``out`` then still holds the previous pack); None when it was published in ``out``.
    """

    out: Path
    outcomes: list[Outcome]
    seconds: float
    partial: Path | None = None

    @property
    def failed(self) -> list[str]:
        return [o.service for o in self.outcomes if not o.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


def default_jobs() -> int:
    """One job per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def safe_file_stem(code: str) -> str:
    """``code`` if it can be a file name as it is (the codebook's code pattern), else :class:`PackError`."""
    if not re.fullmatch(SERVICE_CODE, code) or Path(code).name != code:
        raise PackError("pack.bad_code", service=code)
    return code


def choose_services(data: Dataset, services: list[str] | None) -> list[str]:
    """The requested services in codebook order (all by default); :class:`PackError` for an unknown code."""
    if not services:
        return [safe_file_stem(code) for code in data.service_codes]
    unknown = [code for code in services if code not in data.service_codes]
    if unknown:
        from odsamen.analysis.parameters import nearest

        near = {code: nearest(code, data.service_codes) for code in unknown}
        if all(near.values()):  # --service ijmond, --service NZGK: did you mean
            raise PackError(
                "pack.unknown_service_case",
                service=", ".join(unknown),
                suggestion=", ".join(near[code] for code in unknown),
            )
        raise PackError(
            "pack.unknown_service",
            service=", ".join(repr(code) if not code.strip() else code for code in unknown),
            services=", ".join(data.service_codes),
        )
    return [safe_file_stem(code) for code in data.service_codes if code in services]


def check_notebook(path: str | Path) -> Path:
    """``path`` if it is a file, else :class:`PackError` (checked before anything is written)."""
    path = Path(path)
    if not path.is_file():
        raise PackError("pack.no_notebook", notebook=path)
    return path


def read_notebook(path: Path):
    """The briefing notebook as papermill loads it (with papermill's metadata defaults)."""
    from papermill.iorw import load_notebook_node

    return load_notebook_node(str(check_notebook(path)))


def parameterize(
    notebook, *, service: str, lang: str, data_dir: str, unknown: str, advisor: str = DEFAULT_ADVISOR
):
    """A copy of ``notebook`` with papermill's injected-parameters cell for one service."""
    import copy

    from papermill.parameterize import parameterize_notebook

    parameters = {"service": service, "lang": lang, "data_dir": data_dir, "unknown": unknown}
    if advisor != DEFAULT_ADVISOR:
        # Only a reading other than the default is written, so default packs keep their bytes.
        parameters["advisor"] = advisor
    result = parameterize_notebook(
        copy.deepcopy(notebook), parameters, kernel_name=KERNEL_NAME, language="python"
    )
    for cell in result.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            # papermill draws a random cell id; a fixed one keeps kept notebooks the same from run to run.
            cell.id = "injected-parameters"
    return result


def pack_jobs(
    data: Dataset,
    codes: list[str],
    staging: Path,
    *,
    lang: str,
    unknown: str,
    notebook: Path,
    advisor: str = DEFAULT_ADVISOR,
):
    """One job per service, writing into the pack layout under ``staging``.

    A generator: the notebook is read and parameterized while the workers
    already start their first kernels.
    """
    source = read_notebook(notebook)
    for code in codes:
        yield Job(
            service=code,
            title=text("briefing.title", lang, name=data.service_name(code, lang)),
            lang=lang,
            notebook=parameterize(
                source, service=code, lang=lang, data_dir=f"../{DATA}", unknown=unknown, advisor=advisor
            ),
            cwd=staging / NOTEBOOKS,
            notebook_out=staging / NOTEBOOKS / f"{code}.ipynb",
            log=staging / LOGS / f"{code}.log",
            html=staging / BRIEFINGS / f"{code}.html",
            pdf=staging / BRIEFINGS / f"{code}.pdf",
        )


def _reporter(stream: TextIO, lang: str):
    """A progress callback printing one line per finished briefing to ``stream``."""

    def report(outcome: Outcome, done: int, total: int) -> None:
        if outcome.ok:
            seconds = f"{sum(outcome.seconds.values()):.1f}"
            line = text(
                "pack.progress.ok", lang, done=done, total=total, service=outcome.service, seconds=seconds
            )
        else:
            line = text(
                "pack.progress.failed",
                lang,
                done=done,
                total=total,
                service=outcome.service,
                error=outcome.error,
                log=f"{LOGS}/{outcome.service}.log",
            )
        print(line, file=stream, flush=True)

    return report


def build_pack(
    data_dir: str | Path = "data",
    out: str | Path = DEFAULT_OUT,
    *,
    services: list[str] | None = None,
    jobs: int | None = None,
    lang: str = "nl",
    unknown: str = DEFAULT_UNKNOWN,
    notebook: str | Path = NOTEBOOK,
    progress: TextIO = sys.stderr,
    advisor: str = DEFAULT_ADVISOR,
    allow_partial: bool = False,
) -> PackResult:
    """Validate ``data_dir`` and build the board pack into ``out``.

    Parameters
    ----------
    data_dir
        The data folder (see ``data/README.md``).
    out
        The pack folder; replaced as a whole once the build has finished, and
        only if odsamen wrote everything in it (:func:`check_out`). If it is a
        symbolic link, the folder it points to is replaced and the link stays.
    services
        Service codes to brief (default: all, in codebook order).
    jobs
        Briefings run at the same time (default: one per core).
    lang, unknown, advisor
        Language of the briefings (``nl``, ``en``), reading of ``?`` and of the
        scores the advisors filled in (``include``, ``exclude``).
    notebook
        The briefing notebook to run (tests swap in one that fails).
    progress
        Where progress lines go.
    allow_partial
        If a briefing fails, publish the pack in ``out`` all the same. By
        default ``out`` then keeps the previous pack and the new one, failures
        marked in its index, goes to :func:`partial_folder`.

    Returns
    -------
    PackResult
        The pack folder, every service's outcome and, if kept aside, the partial pack.

    Raises
    ------
    DataError
        If the data are invalid; nothing has been written.
    PackError
        For an unknown service code, a missing notebook, an output path
        that is a file or a folder with something odsamen did not write (also
        in the partial pack's folder), or that cannot be written to or is a
        mount point; nothing has been written.
    PackFault
        For a fault on the way (a full disk, a file of the previous pack held
        open, data saved during the build, another build into ``out``): the
        previous pack is as it was and the staging folder is gone.
    """
    start = time.perf_counter()
    check_language(lang)
    check_unknown(unknown)
    check_advisor(advisor)
    out = Path(out)
    target = resolve_out(out)
    # The lock first of all: of two builds into one folder, the second stops here. A workbook is
    # checked and its tables written to a folder of their own, which the build reads as any other.
    with build_lock(out, target), workbook.as_folder(data_dir) as folder:
        outcomes, partial = _locked_build(
            folder,
            out,
            target,
            services=services,
            jobs=jobs,
            lang=lang,
            unknown=unknown,
            notebook=notebook,
            progress=progress,
            advisor=advisor,
            allow_partial=allow_partial,
        )
    return PackResult(out, outcomes, round(time.perf_counter() - start, 2), partial)


def _locked_build(
    data_dir: str | Path,
    out: Path,
    target: Path,
    *,
    services: list[str] | None,
    jobs: int | None,
    lang: str,
    unknown: str,
    notebook: str | Path,
    progress: TextIO,
    advisor: str,
    allow_partial: bool,
) -> tuple[list[Outcome], Path | None]:
    """:func:`build_pack` once it holds the lock on ``target``: the outcomes, and the partial pack's
    folder if the new pack was kept aside."""
    try:
        before = shared.fingerprint(data_dir)  # the copy in the pack must be these bytes (checked there)
    except OSError:
        before = None  # a file that cannot be read: load_dataset says which
    data = load_dataset(data_dir)
    codes = choose_services(data, services)
    notebook = check_notebook(notebook)
    remove_stale_staging(target)  # first: a swap cut short puts the previous pack back
    # The analysis notebooks write the same tables as the pack: replacing those loses nothing.
    tables = table_bytes(data, unknown)
    check_out(target, same_as=tables)
    check_out(partial_folder(target))
    workers = max(1, min(jobs or default_jobs(), len(codes)))
    staging = make_staging(target)  # before the first line: a folder that cannot be written is all it says
    print(text("pack.progress.start", lang, n=len(codes), jobs=workers, out=out), file=progress, flush=True)
    partial = None
    try:
        with stop_signals() as stopped:
            outcomes = _build_in(
                staging,
                data,
                codes,
                notebook,
                workers=workers,
                lang=lang,
                unknown=unknown,
                advisor=advisor,
                progress=progress,
                stopped=stopped,
                fingerprint=before,
                tables=tables if advisor == DEFAULT_ADVISOR else None,
                previous=target if changes.is_pack(target) else None,
            )
        if all(o.ok for o in outcomes) or allow_partial:
            publish(staging, target, same_as=tables)
            remove_partial(target)
        else:
            partial = publish(staging, partial_folder(target))
    except OSError as err:  # a full disk, a file held open: one line, the previous pack untouched
        raise os_fault(err, out) from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return outcomes, partial


class Interrupted(KeyboardInterrupt):
    """A build stopped by Ctrl-C or SIGTERM; ``signum`` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def stop_signals():
    """While a build runs, Ctrl-C (SIGINT) and SIGTERM stop it the same way: :class:`Interrupted` is
    raised at once, the workers are stopped and the staging folder goes, and the signal is kept in
    the yielded list. Outside the main thread signals cannot be caught and nothing changes."""
    stopped: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield stopped
        return

    def stop(signum, frame):
        stopped.append(signum)
        raise Interrupted(signum)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stopped
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def table_bytes(data: Dataset, unknown: str) -> dict[str, bytes]:
    """The affinity tables a pack of ``data`` holds, by path in the pack (``tables/<name>.csv``)."""
    import tempfile

    from odsamen.analysis.affinity import write_tables

    with tempfile.TemporaryDirectory(prefix="odsamen-tables-") as scratch:
        paths = write_tables(data, scratch, unknown=unknown)
        return {f"{TABLES}/{path.name}": path.read_bytes() for path in paths.values()}


def _build_in(
    staging: Path,
    data: Dataset,
    codes: list[str],
    notebook: Path,
    *,
    workers: int,
    lang: str,
    unknown: str,
    advisor: str,
    progress: TextIO,
    stopped: list[int] | None = None,
    fingerprint: str | None = None,
    tables: dict[str, bytes] | None = None,
    previous: Path | None = None,
) -> list[Outcome]:
    """Fill ``staging`` with the whole pack; returns the outcomes in codebook order. ``tables``: the
    affinity tables' bytes by path (:func:`table_bytes`) if already computed for this reading;
    ``previous``: the pack this one replaces, compared with it in ``changes.html``
    (:mod:`odsamen.publish.changes`)."""
    from odsamen.analysis import coalitions, evidence
    from odsamen.analysis.affinity import write_tables
    from odsamen.analysis.scoring import Reading
    from odsamen.publish.export import render_index
    from odsamen.report.briefing import headline

    # The briefings read the pack's own copy of the data, byte for byte the validated files.
    copy_data(data, staging / DATA, fingerprint)
    # For the front page, computed here while the briefings run (each briefing computes its own).
    results = shared.SharedResults.compute(data)
    report = _reporter(progress, lang)
    headlines = {}
    reading = Reading(unknown, advisor)
    forms: dict[str, pd.DataFrame] = {}

    def check() -> None:
        if stopped:
            # A stop signal whose KeyboardInterrupt a library swallowed (raised inside a finaliser,
            # it is only reported) still stops the build, here, within a poll interval.
            raise Interrupted(stopped[-1])

    def on_done(outcome: Outcome, done: int, total: int) -> None:
        check()
        ensure_log(staging / LOGS / f"{outcome.service}.log", outcome)
        report(outcome, done, total)
        # The front page's figures are computed here, while the other briefings still run; the forms
        # of every coalition once, for the front page and the pack's tables alike.
        if not forms:
            forms["table"] = coalitions.scenario_verdicts(data, None, reading, lang=lang)
            forms["evidence"] = evidence.advice_evidence(data, reading)
        headlines[outcome.service] = headline(
            data, outcome.service, advisor=advisor, results=results, found=forms["evidence"]
        )

    outcomes = run_jobs(
        pack_jobs(data, codes, staging, lang=lang, unknown=unknown, notebook=notebook, advisor=advisor),
        n_jobs=len(codes),
        workers=workers,
        work=staging / WORK,
        on_done=on_done,
        check=check,
    )
    _keep_worker_errors(staging)
    if tables is None:
        write_tables(data, staging, unknown=unknown, advisor=advisor)
    else:
        (staging / TABLES).mkdir(exist_ok=True)
        for name, content in tables.items():
            (staging / name).write_bytes(content)
    evidence.write_tables(data, staging, reading, lang=lang, table=forms.get("table"))
    workbook.write_tables_workbook(staging / TABLES, staging / workbook.TABLES_WORKBOOK, lang)
    context = index_context(data, outcomes, headlines, staging, lang=lang, unknown=unknown, advisor=advisor)
    rows = {row["code"]: row for row in context["rows"]}
    found = changes.compare_packs(
        previous, staging, lang=lang, unknown=unknown, advisor=advisor, new_rows=rows
    )
    changes.write_page(found, staging / changes.CHANGES_PAGE, lang)
    context["changes"] = {
        "href": changes.CHANGES_PAGE,
        "summary": changes.as_text(found, lang).split("\n")[0],
    }
    render_index(context, staging / "index.html")
    return outcomes


def ensure_log(log: Path, outcome: Outcome) -> None:
    """Write ``log`` for a briefing whose worker ended before it could (killed, out of memory), so
    that the link to it in the progress line and the front page leads somewhere."""
    if log.exists():
        return
    log.write_text(
        f"service: {outcome.service}\nresult: FAILED\n\n=== error ===\n{outcome.error}\n"
        "The worker process running this briefing ended before it could write its log; "
        "what it said, if anything, is in workers.log beside this log.\n",
        encoding="utf-8",
    )


def _keep_worker_errors(staging: Path) -> None:
    """Keep what the workers wrote to stderr, if anything, as ``logs/workers.log``."""
    said = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((staging / WORK).glob(WORKER_ERRORS))
    ]
    if any(text_.strip() for text_ in said):
        (staging / LOGS / "workers.log").write_text("\n".join(said), encoding="utf-8")


def summary(result: PackResult, lang: str) -> str:
    """The closing line of a build: where the pack is, and which briefings failed."""
    if result.ok:
        return text(
            "pack.summary.ok", lang, n=len(result.outcomes), out=result.out, seconds=f"{result.seconds:.1f}"
        )
    return text(
        "pack.summary.partial" if result.partial else "pack.summary.failed",
        lang,
        n_failed=len(result.failed),
        n=len(result.outcomes),
        services=", ".join(result.failed),
        out=result.out,
        partial=result.partial,
        seconds=f"{result.seconds:.1f}",
    )


def _run_references(
    jobs: list[Job],
    targets: dict[str, Path],
    *,
    workers: int,
    work: Path,
    progress: TextIO,
    lang: str,
) -> list[Outcome]:
    """Run reference ``jobs`` and move each successful notebook to its target."""
    outcomes = run_jobs(jobs, n_jobs=len(jobs), workers=workers, work=work, on_done=_reporter(progress, lang))
    for job, outcome in zip(jobs, outcomes, strict=True):
        if outcome.ok:
            shutil.move(job.notebook_out, targets[job.service])
        else:
            print(job.log.read_text(encoding="utf-8") if job.log.exists() else outcome.error, file=progress)
    return outcomes


def write_reference_notebooks(
    data_dir: str | Path,
    folder: str | Path,
    *,
    services: list[str] | None = None,
    jobs: int | None = None,
    lang: str = "nl",
    unknown: str = DEFAULT_UNKNOWN,
    notebook: str | Path = NOTEBOOK,
    progress: TextIO = sys.stderr,
) -> list[Outcome]:
    """Write the executed notebooks that nbval re-runs and compares (``make test``), figures removed.

    Each service's briefing goes to ``folder/<CODE>.ipynb`` with ``data_dir``
    relative to ``folder``; the briefing notebook itself is run with its own
    default parameters and its stored outputs are replaced. A briefing that
    fails leaves its previous version in place and is among the outcomes.
    """
    import tempfile

    import nbformat

    data = load_dataset(data_dir)
    codes = choose_services(data, services)
    notebook = check_notebook(notebook)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    relative = os.path.relpath(Path(data_dir).resolve(), folder.resolve())
    workers = max(1, min(jobs or default_jobs(), len(codes)))
    with tempfile.TemporaryDirectory(prefix="odsamen-references-") as scratch:
        work = Path(scratch)
        source = read_notebook(notebook)
        briefings = [
            Job(
                service=code,
                title=code,
                lang=lang,
                cwd=folder,
                notebook_out=work / f"{code}.ipynb",
                log=work / f"{code}.log",
                keep_images=False,
                notebook=parameterize(source, service=code, lang=lang, data_dir=relative, unknown=unknown),
            )
            for code in codes
        ]
        outcomes = _run_references(
            briefings,
            {code: folder / f"{code}.ipynb" for code in codes},
            workers=workers,
            work=work,
            progress=progress,
            lang=lang,
        )
        itself = Job(
            service=notebook.stem,
            title=notebook.stem,
            lang=lang,
            cwd=notebook.parent,
            notebook_out=work / notebook.name,
            log=work / f"{notebook.stem}.log",
            keep_images=False,
            notebook=nbformat.read(notebook, as_version=4),
        )
        outcomes += _run_references(
            [itself],
            {notebook.stem: notebook},
            workers=1,
            work=work,
            progress=progress,
            lang=lang,
        )
    return outcomes


def command(
    *,
    data: Path,
    out: Path,
    services: list[str] | None,
    jobs: int | None,
    lang: str,
    unknown: str,
    advisor: str = DEFAULT_ADVISOR,
    reference: Path | None = None,
    notebook: Path = NOTEBOOK,
    stream: TextIO = sys.stderr,
    allow_partial: bool = False,
) -> int:
    """``odsamen briefings``: exit code 0 when every briefing was built, 1 when one failed (the
    previous pack stays unless ``allow_partial``), 2 for invalid data or arguments (nothing
    written), 130 when interrupted by Ctrl-C and 143 by SIGTERM (nothing written)."""
    from odsamen.analysis.data import DataError

    try:
        if jobs is not None and jobs < 1:
            raise PackError("pack.bad_jobs", jobs=jobs)
        if reference is not None:
            outcomes = write_reference_notebooks(
                data,
                reference,
                services=services,
                jobs=jobs,
                lang=lang,
                unknown=unknown,
                notebook=notebook,
                progress=stream,
            )
            failed = [o.service for o in outcomes if not o.ok]
            key = "pack.references.failed" if failed else "pack.references.done"
            print(
                text(
                    key,
                    lang,
                    n=len(outcomes) - 1,  # the last outcome is the briefing notebook itself
                    n_failed=len(failed),
                    services=", ".join(failed),
                    folder=reference,
                ),
                file=stream,
            )
            return 1 if failed else 0
        result = build_pack(
            data,
            out,
            services=services,
            jobs=jobs,
            lang=lang,
            unknown=unknown,
            notebook=notebook,
            progress=stream,
            advisor=advisor,
            allow_partial=allow_partial,
        )
    except DataError as err:
        print(err.report(data, lang), file=stream)
        return 2
    except PackFault as err:
        print(err.message(lang), file=stream)
        return 1
    except OSError as err:  # met before the build (a name too long, a file that cannot be read)
        print(os_fault(err, Path(out)).message(lang), file=stream)
        return 1
    except PackError as err:
        print(err.message(lang), file=stream)
        return 2
    except KeyboardInterrupt as err:
        print(text("pack.interrupted", lang, out=out), file=stream)
        return 128 + getattr(err, "signum", signal.SIGINT)
    print(summary(result, lang), file=stream)
    return 0 if result.ok else 1
