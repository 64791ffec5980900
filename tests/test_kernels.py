"""Kernels forked from a template process: fresh, ours, and the same as launched ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from odsamen import kernels
from odsamen.runner import start_kernel, stop_kernel

pytestmark = pytest.mark.skipif(not kernels.supported(), reason="kernels are forked on Linux only")


@pytest.fixture
def template(tmp_path):
    """A template started in ``tmp_path/cwd`` and used by this process; closed afterwards."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    started = kernels.KernelTemplate(cwd=cwd, env=dict(os.environ))
    kernels.use_template(started)
    yield started
    kernels.use_template(None)
    started.close()


def run(kernel, code: str) -> dict:
    """Run ``code`` in ``kernel``; return the JSON it printed last."""
    client = kernel.manager.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        said = []
        reply = client.execute_interactive(
            code,
            timeout=60,
            output_hook=lambda msg: said.append(msg["content"].get("text", "")),
        )
    finally:
        client.stop_channels()
    assert reply["content"]["status"] == "ok", reply["content"]
    return json.loads("".join(said).strip().splitlines()[-1])


LOOK_AROUND = textwrap.dedent(
    """
    import json, os, sys
    import numpy
    print(json.dumps({
        "pid": os.getpid(), "ppid": os.getppid(), "sid": os.getsid(0), "cwd": os.getcwd(),
        "marker": os.environ.get("ODSAMEN_TEST_MARKER"), "preloaded": "odsamen.plots" in sys.modules,
        "left_over": "left_over" in globals(), "random": numpy.random.random(),
        "backend": os.environ.get("MPLBACKEND"),
    }))
    left_over = 1
    """
)


def test_a_forked_kernel_is_a_fresh_child_of_this_process(template, tmp_path):
    cwd = tmp_path / "briefing"
    cwd.mkdir()
    env = {**os.environ, "ODSAMEN_TEST_MARKER": "yes"}
    specs = kernels.ForkingKernelSpecManager()
    seen = []
    sockets = tmp_path / "sockets"
    sockets.mkdir()
    for number in range(2):
        kernel = start_kernel(cwd, env, tmp_path / f"kernel-{number}.out", specs, sockets)
        try:
            assert kernel.how.startswith("forked from the worker's template")
            assert kernel.manager.transport == "ipc"  # Unix sockets: no TCP port to collide over
            seen.append(run(kernel, LOOK_AROUND))
        finally:
            stop_kernel(kernel)
    for facts in seen:
        assert facts["ppid"] == os.getpid()  # adopted: waitable, signallable, watched like a launched one
        assert facts["sid"] == facts["pid"]  # a session of its own, as jupyter_client gives a kernel
        assert facts["cwd"] == str(cwd) and facts["marker"] == "yes"
        assert facts["preloaded"] and not facts["left_over"]
        assert facts["backend"] == kernels.INLINE_BACKEND
    assert seen[0]["pid"] != seen[1]["pid"]
    assert seen[0]["random"] != seen[1]["random"]  # numpy re-seeded in each kernel


def test_a_killed_kernel_reports_its_signal(template, tmp_path):
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", str(tmp_path / "never-read.json")]
    pid = template.fork(argv, env=dict(os.environ), cwd=tmp_path, output=tmp_path / "out")
    process = kernels.ForkedKernel(pid)
    assert process.poll() is None
    process.kill()
    assert process.wait(timeout=10) == -9


def test_only_this_pythons_ipykernel_launcher_is_forked(template):
    assert template.stands_in_for([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
    assert not template.stands_in_for([sys.executable, "-m", "other_kernel", "-f", "k.json"])
    assert not template.stands_in_for(["/usr/bin/false", "-m", "ipykernel_launcher", "-f", "k.json"])


def test_a_template_that_cannot_import_falls_back_to_launching(tmp_path):
    # A module of the preload list that fails to import breaks the template, not the briefing.
    shadow = tmp_path / "shadow" / "PIL"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('broken for this test')\n")
    env = {**os.environ, "PYTHONPATH": str(shadow.parent)}
    broken = kernels.KernelTemplate(cwd=tmp_path, env=env)
    kernels.use_template(broken)
    try:
        with pytest.raises(kernels.TemplateError, match="broken for this test"):
            broken.wait_ready()
        kernel = start_kernel(
            tmp_path, dict(os.environ), tmp_path / "k.out", kernels.ForkingKernelSpecManager()
        )
        try:
            assert kernel.how.startswith("launched")
            assert run(kernel, "import json, os; print(json.dumps(os.getpid()))") > 0
        finally:
            stop_kernel(kernel)
    finally:
        kernels.use_template(None)
        broken.close()


WORKER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from odsamen import kernels
    template = kernels.KernelTemplate(cwd=Path.cwd(), env=dict(os.environ))
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", sys.argv[1]]
    env = {**os.environ, "JPY_PARENT_PID": str(os.getpid())}
    print(template.fork(argv, env=env, cwd=Path.cwd(), output=os.devnull), flush=True)
    from jupyter_client import BlockingKernelClient
    client = BlockingKernelClient(connection_file=sys.argv[1])
    client.load_connection_file()
    client.start_channels()
    client.wait_for_ready(timeout=60)  # the kernel is up and watching its parent
    os._exit(0)  # dies without stopping its kernel
    """
)


def test_a_kernel_ends_when_its_worker_dies(tmp_path):
    from jupyter_client import write_connection_file

    connection, _ = write_connection_file(str(tmp_path / "kernel.json"))
    done = subprocess.run(
        [sys.executable, "-c", WORKER, connection], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    pid = int(done.stdout.strip().splitlines()[0])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "Z":  # ended; its new parent has yet to reap it
            break
        time.sleep(0.2)
    else:
        assert not Path(f"/proc/{pid}").exists(), "the kernel outlived its worker"


def test_until_ready_waits_for_iopub_and_reports_a_dead_kernel(tmp_path):
    from jupyter_core.utils import run_sync

    from odsamen.runner import kill_kernel, until_ready

    kernel = start_kernel(tmp_path, dict(os.environ), tmp_path / "k.out")  # launched, no template
    try:
        run_sync(until_ready)(kernel, 60)
        # ready means IOPub is live: the first thing the kernel prints reaches this very client
        said = []
        run_sync(kernel.client.execute_interactive)(
            "print('first')", timeout=60, output_hook=lambda msg: said.append(msg["content"].get("text", ""))
        )
        assert "".join(said) == "first\n"
        kill_kernel(kernel)
        with pytest.raises(RuntimeError, match="died"):
            run_sync(until_ready)(kernel, 60)
    finally:
        stop_kernel(kernel)


def test_a_forked_kernel_reports_the_cpu_it_used(template, tmp_path):
    kernel = start_kernel(tmp_path, dict(os.environ), tmp_path / "k.out", kernels.ForkingKernelSpecManager())
    try:
        run(
            kernel,
            "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\nprint(1)",
        )
    finally:
        stop_kernel(kernel)
    assert kernel.cpu_seconds is not None and kernel.cpu_seconds >= 0.3


def test_a_worker_that_cannot_adopt_kernels_launches_them(tmp_path, monkeypatch, capsys):
    from odsamen import runner

    def refused():
        raise OSError(1, "prctl(PR_SET_CHILD_SUBREAPER) failed")

    monkeypatch.setattr(kernels, "become_subreaper", refused)
    settings = {"fork": True, "work": tmp_path, "cwd": tmp_path}
    assert runner._kernel_template(settings, dict(os.environ)) == (None, None)
    assert "kernels are launched, not forked" in capsys.readouterr().err


def test_without_the_provisioner_installed_kernels_are_launched(tmp_path, monkeypatch, capsys):
    from odsamen import runner

    assert kernels.registered()  # installed by `pip install -e .`, as the Makefile does
    monkeypatch.setattr(kernels, "registered", lambda: False)
    settings = {"fork": True, "work": tmp_path, "cwd": tmp_path}
    assert runner._kernel_template(settings, dict(os.environ)) == (None, None)
    assert "odsamen-fork-provisioner is not installed" in capsys.readouterr().err
