"""Round three of "never lose a file": a pack folder that changes while the build runs, two builds at
once, odd folder names, a killed worker, repeated options and odd paths (issue 21).

The races are run as a user would meet them: real ``odsamen briefings`` processes, one NHN briefing
each to keep them short.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time

import pytest
from test_faults import DATA, build, killing_notebook

from odsamen import cli
from odsamen.build import pack, runner
from odsamen.catalogue import text


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
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("codes", "key", "fields"),
    [
        (
            ["ijmond", "nhn"],
            "pack.unknown_service_case",
            dict(service="ijmond, nhn", suggestion="IJmond, NHN"),
        ),
        ([""], "pack.unknown_service", dict(service="''", services="NHN, IJmond, NZKG, OFGV")),
    ],
)
def test_odd_service_codes_are_named_plainly(tmp_path, codes, key, fields):
    exit_code, lines = build(tmp_path / "reports", services=codes)
    assert exit_code == 2 and lines == [text(key, "en", **fields)]


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
