"""Faults on the way to a pack: each ends in one plain line, never a traceback, and loses nothing.

Exit codes: 2 when the output folder as given cannot work and nothing was built (read-only, no
permission, a mount point); 1 when the build met a fault a new run may not meet (a full disk, a
file held open, data saved during the build, another build running). Either way the previous pack
stays as it was and no staging folder is left behind.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from test_pack import PREVIOUS, _processes_mentioning, names, previous_pack, quick_builds

from odsamen.catalogue import text
from odsamen.publish import folders, pack, runner

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def build(out: Path, *, data: Path = DATA, lang: str = "en", **kwargs) -> tuple[int, list[str]]:
    """``odsamen briefings`` for NHN into ``out``: the exit code and the lines it printed."""
    stream = io.StringIO()
    code = pack.command(
        data=data,
        out=out,
        services=kwargs.pop("services", ["NHN"]),
        jobs=1,
        lang=lang,
        unknown="neutral",
        stream=stream,
        **kwargs,
    )
    return code, stream.getvalue().splitlines()


def untouched(root: Path, *others: str) -> None:
    """The previous pack is as it was and ``root`` holds nothing else than ``others`` (no staging)."""
    assert (root / "reports" / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert not folders.unaccounted(root / "reports")
    assert names(root) == sorted(("reports", *others))


def one_line(lines: list[str], key: str, **fields) -> None:
    assert not any("Traceback" in line for line in lines), lines
    assert lines[-1] == text(key, "en", **fields), lines


def failing_os(monkeypatch, name: str, error: OSError, when) -> None:
    """Make ``os.<name>`` raise ``error`` for the calls whose arguments ``when`` accepts."""
    real = getattr(os, name)

    def fake(*args, **kwargs):
        if when(*args):
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)


# --- read-only, full, a mount point, a file held open -------------------------------------


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_an_out_that_cannot_be_written_is_one_line_exit_2(tmp_path, monkeypatch, code):
    previous_pack(tmp_path)
    quick_builds(monkeypatch)
    error = OSError(code, os.strerror(code))
    failing_os(monkeypatch, "mkdir", error, lambda path, *a: Path(path).parent == tmp_path)
    exit_code, lines = build(tmp_path / "reports")
    assert exit_code == 2
    key = "pack.out_read_only" if code == errno.EROFS else "pack.out_not_writable"
    one_line(lines, key, out=tmp_path / "reports", folder=tmp_path)
    assert len(lines) == 1
    untouched(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write in any folder")
def test_an_out_in_a_folder_without_write_permission_is_refused(tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    previous_pack(tmp_path)
    tmp_path.chmod(0o555)
    try:
        exit_code, lines = build(tmp_path / "reports")
    finally:
        tmp_path.chmod(0o755)
    assert exit_code == 2
    one_line(lines, "pack.out_not_writable", out=tmp_path / "reports", folder=tmp_path)
    untouched(tmp_path)


@pytest.mark.slow
def test_a_full_disk_is_one_line_exit_1_and_loses_nothing(tmp_path, monkeypatch):
    previous_pack(tmp_path)
    quick_builds(monkeypatch)
    real = folders.write_manifest

    def full(folder):  # the disk fills up as the pack's last file is written
        if folder.name.startswith(".reports.staging-"):
            (folder / "filler").write_bytes(b"x")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / folders.MANIFEST))
        return real(folder)

    monkeypatch.setattr(folders, "write_manifest", full)
    exit_code, lines = build(tmp_path / "reports")
    assert exit_code == 1
    one_line(lines, "pack.disk_full", out=tmp_path / "reports")
    untouched(tmp_path)


def test_out_as_a_mount_point_is_refused_before_anything_is_built(tmp_path, monkeypatch):
    previous_pack(tmp_path)
    quick_builds(monkeypatch)
    out = tmp_path / "reports"
    real = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == out or real(path))
    exit_code, lines = build(out, lang="nl")
    assert exit_code == 2
    assert lines == [text("pack.out_mount_point", "nl", out=out, inside=out / "reports")]
    untouched(tmp_path)


@pytest.mark.parametrize("code", [errno.EBUSY, errno.EXDEV])
def test_an_out_that_cannot_be_renamed_is_refused_and_the_previous_pack_stays(tmp_path, monkeypatch, code):
    # A bind mount, or a folder another system holds: os.path.ismount does not see it; the rename says so.
    previous_pack(tmp_path)
    quick_builds(monkeypatch)
    out = tmp_path / "reports"
    failing_os(monkeypatch, "rename", OSError(code, os.strerror(code)), lambda src, dst: Path(src) == out)
    exit_code, lines = build(out)
    assert exit_code == 2
    one_line(lines, "pack.out_mount_point", out=out, inside=out / "reports")
    untouched(tmp_path)


@pytest.mark.slow
def test_a_file_of_the_previous_pack_held_open_is_named(tmp_path, monkeypatch):
    # On Windows a file open in Excel cannot be moved: its folder cannot be renamed.
    previous_pack(tmp_path)
    quick_builds(monkeypatch)
    out = tmp_path / "reports"
    held = out / "index.html"
    denied = PermissionError(errno.EACCES, "Access is denied")
    failing_os(monkeypatch, "rename", denied, lambda src, dst: Path(src) == out)
    real_open = builtins.open

    def excel_holds(path, mode="r", *args, **kwargs):
        if Path(path) == held and mode != "r":
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", excel_holds)
    exit_code, lines = build(out)
    assert exit_code == 1
    one_line(lines, "pack.file_in_use", out=out, file=held)
    untouched(tmp_path)


@pytest.mark.slow
def test_a_swap_whose_second_rename_fails_puts_the_previous_pack_back(tmp_path, monkeypatch):
    previous_pack(tmp_path)
    quick_builds(monkeypatch)
    out = tmp_path / "reports"
    denied = PermissionError(errno.EACCES, "Access is denied")
    failing_os(monkeypatch, "rename", denied, lambda src, dst: ".staging-" in str(src) and Path(dst) == out)
    exit_code, lines = build(out)
    assert exit_code == 1
    assert not any("Traceback" in line for line in lines)
    assert str(out) in lines[-1]
    untouched(tmp_path)


@pytest.mark.slow
def test_an_office_lock_file_in_the_previous_pack_says_a_file_is_open(tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    out = previous_pack(tmp_path)
    (out / "~$ir_affinity.csv").write_bytes(b"\x0bExcel user")  # Excel's mark of an open file
    exit_code, lines = build(out)
    assert exit_code == 1
    one_line(lines, "pack.out_office_lock", out=out, entry="~$ir_affinity.csv")
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert names(tmp_path) == ["reports"]


@pytest.mark.slow
def test_data_saved_during_the_build_stop_it(tmp_path, monkeypatch):
    # The pack's copy of the data must be the bytes that were checked: Excel saving in between fails the run.
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    previous_pack(tmp_path)
    quick_builds(monkeypatch)
    real = pack.load_dataset

    def then_saved(folder):
        loaded = real(folder)
        with (data / "scores.csv").open("a", encoding="utf-8") as scores:
            scores.write("NHN,robustness,omvang,meets,+++,\n")
        return loaded

    monkeypatch.setattr(pack, "load_dataset", then_saved)
    exit_code, lines = build(tmp_path / "reports", data=data)
    assert exit_code == 1
    one_line(lines, "pack.data_changed", data=data)
    untouched(tmp_path, "data")


@pytest.mark.slow
def test_a_second_build_into_the_same_folder_waits_for_the_first(tmp_path, monkeypatch):
    from filelock import FileLock

    quick_builds(monkeypatch)
    previous_pack(tmp_path)
    running = tmp_path / ".reports.staging-1"  # process 1 always runs: its staging folder is left alone
    running.mkdir()
    (running / "index.html").write_text("half built", encoding="utf-8")
    with FileLock(folders.lock_path(tmp_path / "reports"), timeout=0):  # what the first build holds
        exit_code, lines = build(tmp_path / "reports")
    assert exit_code == 1
    one_line(lines, "pack.busy", out=tmp_path / "reports")
    assert (running / "index.html").read_text(encoding="utf-8") == "half built"
    untouched(tmp_path, running.name)


# --- odd paths ----------------------------------------------------------------------------


@pytest.mark.slow
def test_paths_with_spaces_unicode_and_a_leading_dash_work(tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    data = tmp_path / "-gegevens ë ü"
    shutil.copytree(DATA, data)
    out = tmp_path / "-bestuurs pakket ±"
    monkeypatch.chdir(tmp_path)
    for _run in range(2):  # the second replaces the first
        exit_code, lines = build(Path(out.name), data=Path(data.name))
        assert exit_code == 0, lines
    assert (out / "index.html").is_file() and not folders.unaccounted(out)
    assert names(tmp_path) == sorted([data.name, out.name])


def test_the_command_line_takes_an_out_that_starts_with_a_dash(monkeypatch):
    from odsamen import cli

    seen = {}
    monkeypatch.setattr(pack, "command", lambda **kwargs: seen.update(kwargs) or 0)
    assert cli.main(["briefings", "--out=-reports", "--data", "./-data"]) == 0
    assert seen["out"] == Path("-reports") and seen["data"] == Path("-data")


@pytest.mark.slow
def test_an_out_inside_the_data_folder_leaves_the_data_as_it_was(tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for _run in range(2):
        exit_code, lines = build(data / "reports", data=data)
        assert exit_code == 0, lines
    assert pack.shared.fingerprint(data) == pack.shared.fingerprint(DATA)
    assert names(data) == sorted([*(p.name for p in DATA.iterdir()), "reports"])


# --- a worker that dies, leftovers, kernels ------------------------------------------------


def killing_notebook(folder: Path, *, fails: str, kills: str) -> Path:
    """The briefing notebook with a cell that fails for ``fails`` and kills its worker for ``kills``."""
    notebook = nbformat.read(pack.NOTEBOOK, as_version=4)
    cell = nbformat.v4.new_code_cell(
        f'if service == "{fails}":\n    raise RuntimeError("broken on purpose")\n'
        f'if service == "{kills}":\n    import os, signal\n    os.kill(os.getppid(), signal.SIGKILL)'
    )
    notebook.cells.insert(3, cell)
    path = folder / "briefing.ipynb"
    nbformat.write(notebook, path)
    return path


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kills a worker with SIGKILL")
def test_every_link_in_a_pack_with_a_failed_briefing_and_a_dead_worker_resolves(tmp_path):
    stream = io.StringIO()
    code = pack.command(
        data=DATA,
        out=tmp_path / "reports",
        services=["NHN", "IJmond", "OFGV"],
        jobs=1,
        lang="nl",
        unknown="neutral",
        notebook=killing_notebook(tmp_path, fails="IJmond", kills="OFGV"),
        stream=stream,
    )
    partial = tmp_path / "reports.partial"
    assert code == 1 and partial.is_dir(), stream.getvalue()
    index = (partial / "index.html").read_text(encoding="utf-8")
    assert 'id="service-IJmond" class="failed"' in index and 'id="service-OFGV" class="failed"' in index
    pages = [partial / "index.html", *(partial / "briefings").glob("*.html")]
    assert len(pages) == 2  # the index and NHN's briefing
    for page in pages:
        for link in re.findall(r'(?:href|src)="([^"#]+)"', page.read_text(encoding="utf-8")):
            if not link.startswith("data:"):
                assert (page.parent / link).is_file(), (page.name, link)
    # The progress lines point at logs that are there too.
    for log in re.findall(r"\(zie (logs/[^)]+)\)", stream.getvalue()):
        assert (partial / log).is_file(), log
    assert "OFGV" in (partial / "logs" / "OFGV.log").read_text(encoding="utf-8")


def test_a_reference_run_whose_worker_died_reports_without_its_log(tmp_path, monkeypatch):
    def run_jobs(jobs, *, on_done, **kwargs):
        outcomes = [runner.Outcome(job.service, ok=False, error="BrokenProcessPool: died") for job in jobs]
        for done, outcome in enumerate(outcomes, 1):
            on_done(outcome, done, len(outcomes))
        return outcomes

    monkeypatch.setattr(pack, "run_jobs", run_jobs)
    stream = io.StringIO()
    outcomes = pack.write_reference_notebooks(DATA, tmp_path / "refs", services=["NHN"], progress=stream)
    assert [o.ok for o in outcomes] == [False, False]
    assert "BrokenProcessPool: died" in stream.getvalue()


def _start(tmp_path: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "odsamen", "briefings", "--data", str(DATA), *args]
    return subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, start_new_session=True, env={**os.environ, **(env or {})}
    )


def _gone(text_: str, seconds: float = 90) -> list[str]:
    """The processes still mentioning ``text_`` once they have all ended or ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while (left := _processes_mentioning(text_)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return left


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
def test_a_build_killed_with_kill_9_leaves_no_process_and_the_next_run_cleans_up(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = previous_pack(tmp_path)
    build = _start(tmp_path, "--out", str(out), "--jobs", "2", env={"TMPDIR": str(scratch)})
    try:
        said = [build.stderr.readline() for _ in range(2)]  # the start line and the first briefing done
        build.kill()  # kill -9 of the command only: its workers and kernels are left to themselves
        build.wait(timeout=60)
        left = _gone(str(tmp_path))
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert left == [], said
    assert [p.name for p in scratch.iterdir()] == []  # no kernel connection files
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert folders.remove_stale_staging(out) == [tmp_path / f".reports.staging-{build.pid}"]
    assert names(tmp_path) == ["reports", "tmp"]


@pytest.mark.slow
def test_a_long_tmpdir_does_not_break_the_kernels(tmp_path):
    # Kernels talk over TCP (nbclient's default) and the workers are forked: nothing puts a socket
    # file in TMPDIR, whose path length would be limited to about 100 characters.
    scratch = tmp_path / ("x" * 80)
    scratch.mkdir()
    assert len(str(scratch)) > 100
    build = _start(
        tmp_path, "--out", str(tmp_path / "reports"), "--service", "NHN", env={"TMPDIR": str(scratch)}
    )
    _, said = build.communicate(timeout=300)
    assert build.returncode == 0, said
    assert (tmp_path / "reports" / "briefings" / "NHN.pdf").is_file()
    assert list(scratch.iterdir()) == []


@pytest.mark.slow
def test_each_job_starts_one_kernel_and_no_spare(tmp_path, monkeypatch):
    # No kernel is started ahead for a next job, so none is wasted at a worker's last job.
    if runner.multiprocessing.get_start_method() != "fork":
        pytest.skip("counts kernel starts in forked workers")
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    started = tmp_path / "started"
    real = LocalProvisioner.launch_kernel

    async def counted(self, cmd, **kwargs):
        with started.open("a", encoding="utf-8") as record:
            record.write(f"{os.getpid()}\n")
        return await real(self, cmd, **kwargs)

    monkeypatch.setattr(LocalProvisioner, "launch_kernel", counted)
    work = tmp_path / "work"
    work.mkdir()
    jobs = [
        runner.Job(
            service=f"S{i}",
            title=f"S{i}",
            lang="en",
            notebook=nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)")]),
            cwd=tmp_path,
            notebook_out=work / f"S{i}.ipynb",
            log=work / f"S{i}.log",
        )
        for i in range(3)
    ]
    outcomes = runner.run_jobs(jobs, n_jobs=3, workers=1, work=work, on_done=lambda *args: None)
    assert [o.ok for o in outcomes] == [True, True, True], [o.error for o in outcomes]
    assert len(started.read_text(encoding="utf-8").split()) == 3


# --- odd data --------------------------------------------------------------------------------


def test_a_huge_cell_is_a_data_error_not_a_traceback(tmp_path):
    from odsamen.analysis.data import DataError, load_dataset

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    lines = (data / "scores.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][:-1] + '"' + "x" * 200_000  # a quote never closed swallows the rest
    (data / "scores.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_dataset(data)
    report = raised.value.report(data, "en")
    assert "scores.csv, line 2" in report and "quote" in report


@pytest.mark.slow
def test_a_name_too_long_for_the_staging_folder_is_one_line(tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    out = tmp_path / ("r" * 250)  # a legal name; its staging folder's name is not
    exit_code, lines = build(out)
    assert exit_code == 1
    assert not any("Traceback" in line for line in lines)
    assert len(lines) == 1 and "name too long" in lines[0].lower()
    assert list(tmp_path.iterdir()) == []


def test_a_folder_named_like_a_data_file_is_a_data_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "scores.csv").unlink()
    (data / "scores.csv").mkdir()
    exit_code, lines = build(tmp_path / "reports", data=data)
    assert exit_code == 2
    assert lines[-1].strip().startswith("scores.csv:"), lines
    assert names(tmp_path) == ["data"]
