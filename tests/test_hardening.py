"""Round three of "never lose a file": a pack folder that changes while the build runs, two builds at
once, odd folder names, a killed worker, repeated options and odd paths (issue 21).

The races are run as a user would meet them: real ``odsamen briefings`` processes, one NHN briefing
each to keep them short.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_faults import DATA, build, killing_notebook, one_line
from test_pack import PREVIOUS, names, previous_pack, quick_builds

from odsamen import cli
from odsamen.catalogue import text
from odsamen.publish import folders, pack, runner


def start(*args: str) -> subprocess.Popen:
    """``odsamen briefings`` for NHN in English, started as a process of its own."""
    command = [sys.executable, "-m", "odsamen", "briefings", "--data", str(DATA), "--service", "NHN"]
    return subprocess.Popen(
        [*command, "--lang", "en", *args], stderr=subprocess.PIPE, text=True, start_new_session=True
    )


def finish(*builds: subprocess.Popen) -> list[list[str]]:
    """Wait for ``builds`` to end (killing what is left after five minutes); the lines each printed."""
    try:
        return [build_.communicate(timeout=300)[1].splitlines() for build_ in builds]
    finally:
        for build_ in builds:
            if build_.poll() is None:
                os.killpg(build_.pid, signal.SIGKILL)


# --- 1, 2: what the swap removes is looked at just before the swap --------------------------


@pytest.mark.slow
def test_a_file_saved_into_the_pack_folder_during_the_build_is_kept(tmp_path):
    out = previous_pack(tmp_path)
    running = start("--out", str(out))
    assert "NHN" not in running.stderr.readline()  # started: the folder has been checked
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    [said] = finish(running)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert running.returncode == 1, said
    one_line(said, "pack.out_changed", out=out, entry="notes.txt")
    assert names(tmp_path) == ["reports"]


@pytest.mark.slow
def test_a_build_into_a_subfolder_during_a_build_of_the_folder_loses_nothing(tmp_path):
    out = tmp_path / "reports"
    outer = start("--out", str(out))
    outer.stderr.readline()  # started
    inner = start("--out", str(out / "extra"))
    said_outer, said_inner = finish(outer, inner)
    # The inner build's pack is whole where it said; the outer one refused to replace a folder that
    # now holds something it did not write.
    assert inner.returncode == 0, said_inner
    assert (out / "extra" / "briefings" / "NHN.pdf").is_file() and not folders.unaccounted(out / "extra")
    assert outer.returncode == 1, said_outer
    one_line(said_outer, "pack.out_changed", out=out, entry=".extra.lock")
    assert names(tmp_path) == ["reports"]


def test_a_build_into_a_folder_inside_a_pack_is_refused_at_once(tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    out = previous_pack(tmp_path)
    exit_code, lines = build(out / "extra")
    assert exit_code == 2
    one_line(lines, "pack.out_inside_pack", out=out / "extra", pack=out)
    assert len(lines) == 1 and names(out) == ["index.html", "manifest.json"]


# --- 3: folder names that look like patterns ------------------------------------------------

ODD_NAMES = ["board [2024]", "a*b?", "[x]"]


@pytest.mark.slow
@pytest.mark.parametrize("name", ODD_NAMES)
def test_a_swap_cut_off_into_a_folder_with_pattern_characters_is_put_right(tmp_path, monkeypatch, name):
    out = previous_pack(tmp_path, name)
    os.rename(out, tmp_path / f".{name}.old-999999999")  # a run (gone) died between its two renames
    (tmp_path / f".{name}.staging-999999998").mkdir()  # and another one before its swap
    quick_builds(monkeypatch, failed=("NHN",))
    exit_code, _ = build(out)
    assert exit_code == 1
    assert (out / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert names(tmp_path) == sorted([name, f"{name}.partial"])


def test_no_folder_name_is_used_as_a_pattern():
    source = "".join(path.read_text(encoding="utf-8") for path in Path(pack.__file__).parent.glob("*.py"))
    assert "fnmatch" not in source
    assert ".glob(f" not in source  # a glob pattern built from a name


# --- 4: one lock, taken first ---------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", ["reports", "board [2024]"])
def test_of_two_builds_started_together_into_one_folder_one_is_refused(tmp_path, name):
    out = previous_pack(tmp_path, name)
    first, second = start("--out", str(out)), start("--out", str(out))
    said = dict(zip((first.pid, second.pid), finish(first, second), strict=True))
    codes = sorted((first.returncode, second.returncode))
    assert codes == [0, 1], said
    refused = first if first.returncode == 1 else second
    one_line(said[refused.pid], "pack.busy", out=out)
    assert len(said[refused.pid]) == 1  # refused before anything else
    assert "service-NHN" in (out / "index.html").read_text(encoding="utf-8")
    assert not folders.unaccounted(out)
    assert names(tmp_path) == [name]


@pytest.mark.slow
def test_the_lock_of_a_build_killed_outright_does_not_stop_the_next(tmp_path, monkeypatch):
    out = previous_pack(tmp_path)
    running = start("--out", str(out))
    running.stderr.readline()  # started: it holds the lock
    os.killpg(running.pid, signal.SIGKILL)  # the build, its workers and kernels, as a crash would
    running.wait(timeout=60)
    assert folders.lock_path(out).exists()
    quick_builds(monkeypatch)
    exit_code, lines = build(out)
    assert exit_code == 0, lines
    assert names(tmp_path) == ["reports"]


def test_a_build_that_holds_the_lock_stops_the_next_before_it_reads_anything(tmp_path, monkeypatch):
    from filelock import FileLock

    out = previous_pack(tmp_path)
    read = []
    monkeypatch.setattr(pack, "load_dataset", lambda folder: read.append(folder))
    with FileLock(folders.lock_path(out), timeout=0):
        exit_code, lines = build(out)
    assert exit_code == 1 and read == []
    assert lines == [text("pack.busy", "en", out=out)]


# --- 5: a worker killed outright fails its own briefing only ---------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kills a worker with SIGKILL")
def test_a_worker_killed_with_sigkill_fails_only_its_own_briefing(tmp_path):
    stream = io.StringIO()
    code = pack.command(
        data=DATA,
        out=tmp_path / "reports",
        services=["NHN", "IJmond", "OFGV"],
        jobs=2,
        lang="en",
        unknown="neutral",
        notebook=killing_notebook(tmp_path, fails="nobody", kills="IJmond"),  # the kernel kills its worker
        stream=stream,
    )
    said = stream.getvalue()
    assert code == 1, said
    partial = tmp_path / "reports.partial"
    index = (partial / "index.html").read_text(encoding="utf-8")
    assert 'id="service-IJmond" class="failed"' in index
    assert 'id="service-NHN" class="failed"' not in index and 'id="service-OFGV" class="failed"' not in index
    assert sorted(p.name for p in (partial / "briefings").glob("*.pdf")) == ["NHN.pdf", "OFGV.pdf"]
    assert runner.WORKER_DIED in (partial / "logs" / "IJmond.log").read_text(encoding="utf-8")
    assert "IJmond" in said.splitlines()[-1] and str(partial) in said.splitlines()[-1]


# --- 6: repeated options, a code in the wrong case --------------------------------------------


def test_repeated_service_options_add_up(monkeypatch):
    seen = {}
    monkeypatch.setattr(pack, "command", lambda **kwargs: seen.update(kwargs) or 0)
    assert cli.main(["briefings", "--service", "NHN", "--service", "IJmond"]) == 0
    assert seen["services"] == ["NHN", "IJmond"]
    assert cli.main(["briefings", "--service", "NHN", "OFGV", "--service", "IJmond"]) == 0
    assert seen["services"] == ["NHN", "OFGV", "IJmond"]


def test_a_service_code_in_the_wrong_case_gets_a_suggestion(tmp_path):
    exit_code, lines = build(tmp_path / "reports", services=["ijmond"], lang="nl")
    assert exit_code == 2
    assert lines == [text("pack.unknown_service_case", "nl", service="ijmond", suggestion="IJmond")]
    assert "bedoelde u IJmond?" in lines[0]
    assert names(tmp_path) == []


# --- 7: --out resolved and checked once, before any work --------------------------------------


@pytest.mark.parametrize("inside", [False, True])
def test_an_out_in_a_loop_of_links_is_one_line_exit_2(tmp_path, inside):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    out = tmp_path / "a" / "pack" if inside else tmp_path / "a"
    exit_code, lines = build(out)
    assert exit_code == 2
    assert lines == [text("pack.out_link_loop", "en", out=out)]
    assert names(tmp_path) == ["a", "b"]


def test_an_out_inside_a_file_is_one_line_exit_2(tmp_path):
    (tmp_path / "some-file").write_text("mine", encoding="utf-8")
    out = tmp_path / "some-file" / "pack"
    exit_code, lines = build(out)
    assert exit_code == 2
    assert lines == [text("pack.out_parent_not_folder", "en", out=out, parent=tmp_path / "some-file")]
    assert names(tmp_path) == ["some-file"]


@pytest.mark.slow
def test_an_out_with_dot_dot_is_the_folder_it_names(tmp_path, monkeypatch):
    quick_builds(monkeypatch)
    keep = previous_pack(tmp_path, "keep")
    out = keep / "new" / ".."
    exit_code, lines = build(out)
    assert exit_code == 0, lines
    assert "service-NHN" in (keep / "index.html").read_text(encoding="utf-8")
    assert not (keep / "new").exists() and not folders.unaccounted(keep)
    assert names(tmp_path) == ["keep"]
    # A folder of one's own named that way is refused as it is, before anything is written.
    (keep / "mine.txt").write_text("mine", encoding="utf-8")
    exit_code, lines = build(out)
    assert exit_code == 2
    one_line(lines, "pack.out_not_ours", out=keep, entry="mine.txt")  # the folder, resolved
    assert not (keep / "new").exists() and names(tmp_path) == ["keep"]


def test_invalid_data_into_a_new_folder_leaves_no_folder_behind(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    exit_code, _ = build(tmp_path / "new" / "deeper" / "reports", data=data)
    assert exit_code == 2
    assert names(tmp_path) == ["data"] and not (tmp_path / "new").exists()


# --- abuses of our own (the table in the closing note of issue 21) ------------------------------


def test_a_folder_where_the_lock_goes_is_one_line_exit_2(tmp_path):
    out = previous_pack(tmp_path)
    folders.lock_path(out).mkdir()
    exit_code, lines = build(out)
    assert exit_code == 2
    assert lines == [text("pack.lock_in_the_way", "en", out=out, lock=folders.lock_path(out))]


@pytest.mark.skipif(shutil.which("flock") is None, reason="needs flock(1)")
def test_a_lock_held_by_another_program_is_honoured(tmp_path):
    out = previous_pack(tmp_path)
    holder = subprocess.Popen(["flock", str(folders.lock_path(out)), "sleep", "30"])
    try:
        deadline = time.monotonic() + 10
        while not folders.lock_path(out).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.2)
        exit_code, lines = build(out)
    finally:
        holder.kill()
        holder.wait()
    assert exit_code == 1 and lines == [text("pack.busy", "en", out=out)]


def test_an_option_of_one_value_given_twice_is_refused(capsys, monkeypatch):
    monkeypatch.setattr(pack, "command", lambda **kwargs: 0)  # were it parsed, nothing is built
    assert cli.main(["briefings", "--out", "a", "--out", "b"]) == 2
    assert "--out: " + text("cli.option_twice", "en", first="a", second="b") in capsys.readouterr().err
    assert cli.main(["briefings", "--jobs", "2", "--jobs", "3"]) == 2


@pytest.mark.parametrize(
    ("codes", "key", "fields"),
    [
        (
            ["ijmond", "nhn"],
            "pack.unknown_service_case",
            dict(service="ijmond, nhn", suggestion="IJmond, NHN"),
        ),
        (["NZGK"], "pack.unknown_service_case", dict(service="NZGK", suggestion="NZKG")),  # a slip
        ([""], "pack.unknown_service", dict(service="''", services="NHN, IJmond, NZKG, OFGV")),
    ],
)
def test_odd_service_codes_are_named_plainly(tmp_path, codes, key, fields):
    exit_code, lines = build(tmp_path / "reports", services=codes)
    assert exit_code == 2 and lines == [text(key, "en", **fields)]


@pytest.mark.slow
def test_an_out_replaced_by_a_file_during_the_build_is_kept_and_exit_1(tmp_path, monkeypatch):
    out = previous_pack(tmp_path)
    quick_builds(monkeypatch)
    real = pack.run_jobs

    def and_replaced(*args, **kwargs):
        shutil.rmtree(out)
        out.write_text("mine", encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(pack, "run_jobs", and_replaced)
    exit_code, lines = build(out)
    assert exit_code == 1
    one_line(lines, "pack.out_not_folder", out=out)
    assert out.read_text(encoding="utf-8") == "mine" and names(tmp_path) == ["reports"]


@pytest.mark.slow
def test_a_worker_killed_from_outside_loses_no_briefing(tmp_path):
    import psutil

    running = start("--out", str(tmp_path / "reports"), "--service", "OFGV", "--jobs", "2")
    running.stderr.readline()  # started
    deadline = time.monotonic() + 60
    while not (kernels := _kernels(running.pid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert kernels, "no kernel started"
    os.kill(psutil.Process(kernels[0]).ppid(), signal.SIGKILL)  # the worker running that kernel
    [said] = finish(running)
    assert running.returncode == 0, said  # the briefings it took with it were run again
    briefings = tmp_path / "reports" / "briefings"
    assert sorted(p.name for p in briefings.glob("*.pdf")) == ["NHN.pdf", "OFGV.pdf"]


def _kernels(pid: int) -> list[int]:
    """The process ids of the kernels under process ``pid``."""
    import psutil

    found = []
    for process in psutil.Process(pid).children(recursive=True):
        try:
            if any("ipykernel" in part for part in process.cmdline()):
                found.append(process.pid)
        except psutil.Error:  # ended in between
            continue
    return found
