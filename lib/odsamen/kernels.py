"""Fresh kernels without paying for Python's imports each time: fork them from a template process.

A briefing kernel spends most of its start-up importing: ipykernel and
IPython, then pandas, matplotlib and odsamen in the notebook's first cell.
That is the same work for every briefing. A :class:`KernelTemplate` is a
process that does these imports once and then only waits. For every kernel
it forks a child, and that child becomes an ordinary ipykernel, exactly as
``python -m ipykernel_launcher -f <connection file>`` would: its own
process, session, working folder, environment and stdout/stderr file, a new
IPython shell, nothing executed in it before. The only difference with a
kernel started from scratch is that the modules are already in memory, as
they were after the imports; every briefing still gets a kernel of its own
that has run no other notebook.

The kernel is handed over to the process that asked for it (the worker of
:mod:`odsamen.runner`): the template forks twice and the intermediate process
exits at once, so the kernel is re-parented to the worker, which has made
itself a *child subreaper* (Linux ``prctl``). The worker can then wait for
the kernel, read its exit code and signal it like any child process, and
the kernel's own watch on its parent (``JPY_PARENT_PID``) works as usual.

jupyter_client learns about this through a kernel provisioner,
:class:`ForkProvisioner` (entry point ``odsamen-fork-provisioner``), named
in the kernel spec by :class:`ForkingKernelSpecManager`. The provisioner
falls back to the ordinary launch whenever forking is not possible: not on
Linux, no template in this process, a kernel command that is not this
Python's ``ipykernel_launcher``, or a template that failed to start.
"""

from __future__ import annotations

import atexit
import ctypes
import importlib
import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import IO, Any

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.provisioning import LocalProvisioner

PROVISIONER_NAME = "odsamen-fork-provisioner"
"""Entry point (group ``jupyter_client.kernel_provisioners``) of :class:`ForkProvisioner`."""

PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "matplotlib_inline.backend_inline",
    "IPython.display",
    "odsamen.briefing",
    "odsamen.plots",
    "odsamen.style",
    "odsamen.affinity",
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
    "PIL.Image",
    "PIL.PngImagePlugin",
)
"""Modules the template imports: what every kernel would otherwise import for itself (ipykernel on
start-up, the briefing notebook in its first cell and while drawing). Importing is all the template does."""

LAUNCHER = ("-m", "ipykernel_launcher")
"""The kernel command a template can stand in for: ``<this python> -m ipykernel_launcher <args>``."""

INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
"""The matplotlib backend ipykernel sets in ``MPLBACKEND`` before anything imports matplotlib."""

PR_SET_CHILD_SUBREAPER = 36
"""Linux ``prctl`` option: orphaned descendants are re-parented to this process, not to init."""

READY_TIMEOUT = 120
"""Seconds the template may take for its imports before kernels are launched the ordinary way."""


class TemplateError(RuntimeError):
    """The template process cannot fork kernels (it failed to start, or died)."""


def supported() -> bool:
    """True where kernels can be forked: Linux (fork without exec is safe, and ``prctl`` exists)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def registered() -> bool:
    """True if :class:`ForkProvisioner` is installed as a kernel provisioner (odsamen installed with
    pip, not only put on the path): jupyter_client finds provisioners by their entry point."""
    from importlib.metadata import entry_points

    return bool(entry_points(group="jupyter_client.kernel_provisioners", name=PROVISIONER_NAME))


def become_subreaper() -> None:
    """Make this process adopt its orphaned descendants, so a forked kernel becomes its child."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


# --- the template process --------------------------------------------------------------------------


def _reply(stream: IO[str], message: dict) -> None:
    stream.write(json.dumps(message) + "\n")
    stream.flush()


def serve() -> None:
    """Main of the template process: import :data:`PRELOAD`, then fork one kernel per request on stdin.

    A request is one JSON line ``{"argv", "env", "cwd", "output"}`` (the
    kernel command, its environment, working folder and the file for its
    stdout and stderr); the answer is ``{"pid": N}`` or ``{"error": ...}``.
    The template ends when its stdin closes.
    """
    # As ipykernel_launcher does: the working folder is not where modules come from.
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    requests, answers = sys.stdin, sys.stdout
    try:
        os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
        for name in PRELOAD:
            importlib.import_module(name)
        if threading.active_count() != 1:
            raise TemplateError(f"{threading.active_count()} threads after the imports; forking needs one")
    except BaseException as err:  # noqa: BLE001 - told to the worker, which launches kernels itself
        _reply(answers, {"error": "".join(traceback.format_exception_only(err)).strip()})
        return
    _reply(answers, {"ready": True, "python": sys.executable})
    for line in requests:
        try:
            _reply(answers, {"pid": _fork_kernel(json.loads(line))})
        except Exception as err:  # noqa: BLE001 - one failed fork fails one kernel
            _reply(answers, {"error": "".join(traceback.format_exception_only(err)).strip()})


def _fork_kernel(request: dict) -> int:
    """Fork twice: the grandchild becomes the kernel, the child exits at once (see the module docstring).
    Returns the kernel's pid once the kernel has been re-parented to the worker."""
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    middle = os.fork()
    if middle == 0:
        middle_pid = os.getpid()
        code = 1
        try:
            os.close(read_end)
            kernel = os.fork()
            if kernel == 0:
                os.close(write_end)
                _run_kernel(request, middle_pid)  # never returns
            os.write(write_end, str(kernel).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        said = reader.read()
    _, status = os.waitpid(middle, 0)
    if not said or os.waitstatus_to_exitcode(status) != 0:
        raise TemplateError("the fork of a kernel failed")
    return int(said)


def _run_kernel(request: dict, middle: int) -> None:
    """Turn this forked process into the kernel ``python -m ipykernel_launcher`` would be; never returns.
    ``middle`` is the pid of the intermediate process, this one's parent until it exits."""
    code = 1
    try:
        os.setsid()  # as jupyter_client does: a session of its own, so interrupts reach the whole group
        stdin = os.open(os.devnull, os.O_RDONLY)
        output = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(stdin, 0)
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.close(stdin)
        os.close(output)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        numpy_random = sys.modules.get("numpy.random")
        if numpy_random is not None:  # Python's random re-seeds itself after a fork; numpy's does not
            numpy_random.seed()
        while os.getppid() == middle:  # until the intermediate process is gone and the worker adopted us
            time.sleep(0.0005)
        arguments = request["argv"][1 + len(LAUNCHER) :]
        # ipykernel reads JPY_PARENT_PID when it is imported, which was in the template: say it again.
        parent = os.environ.get("JPY_PARENT_PID", "")
        if parent.isdigit():
            arguments.append(f"--IPKernelApp.parent_handle={parent}")
        sys.argv = [importlib.util.find_spec(LAUNCHER[1]).origin, *arguments]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:  # noqa: BLE001 - printed to the kernel's output file, as a crashed kernel would
        traceback.print_exc()
    finally:
        # What the interpreter does on a normal exit (IPython saves its history in an atexit hook);
        # os._exit, so that the template's own code never runs on in this process.
        try:
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


# --- the worker's side ------------------------------------------------------------------------------


class KernelTemplate:
    """A template process started by this process; :meth:`fork` gives a new kernel's pid.

    Starting returns at once; the imports run while the caller does other
    work, and the first :meth:`fork` waits for them. ``errors`` receives
    the template's stderr.
    """

    def __init__(self, *, cwd: Path, env: dict[str, str], errors: IO[bytes] | None = None):
        become_subreaper()  # the kernels it forks must become our children
        self.python = sys.executable
        self.process = subprocess.Popen(
            [self.python, "-c", "from odsamen.kernels import serve; serve()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            cwd=str(cwd),
            env=env,
            text=True,
        )
        self._ready: bool | None = None
        self._lock = threading.Lock()
        self.error: str | None = None

    def stands_in_for(self, argv: list[str]) -> bool:
        """True if ``argv`` is the command this template can fork: this Python's ipykernel launcher."""
        return (
            len(argv) > len(LAUNCHER)
            and tuple(argv[1 : 1 + len(LAUNCHER)]) == LAUNCHER
            and os.path.realpath(argv[0]) == os.path.realpath(self.python)
        )

    def _answer(self, timeout: float | None = None) -> dict:
        import select

        if timeout is not None:
            readable, _, _ = select.select([self.process.stdout], [], [], timeout)
            if not readable:
                raise TemplateError(f"no answer from the kernel template within {timeout:.0f} s")
        line = self.process.stdout.readline()
        if not line:
            raise TemplateError(f"the kernel template ended (exit code {self.process.poll()})")
        return json.loads(line)

    def wait_ready(self) -> None:
        """Wait until the template has done its imports; raise :class:`TemplateError` if it cannot fork."""
        with self._lock:
            if self._ready is None:
                try:
                    answer = self._answer(READY_TIMEOUT)
                    self._ready = bool(answer.get("ready"))
                    self.error = answer.get("error")
                except (TemplateError, ValueError) as err:
                    self._ready, self.error = False, str(err)
            if not self._ready:
                raise TemplateError(f"the kernel template cannot fork kernels: {self.error}")

    def fork(self, argv: list[str], *, env: dict[str, str], cwd: str | Path, output: str | Path) -> int:
        """Fork a kernel that runs ``argv`` (see :meth:`stands_in_for`); return its pid, a child of ours."""
        self.wait_ready()
        request = {
            "argv": list(argv),
            "env": dict(env),
            "cwd": str(Path(cwd).resolve()),
            "output": str(Path(output).resolve()),
        }
        with self._lock:
            try:
                self.process.stdin.write(json.dumps(request) + "\n")
                self.process.stdin.flush()
                answer = self._answer()
            except (OSError, ValueError) as err:
                raise TemplateError(f"the kernel template did not answer: {err}") from err
        if "pid" not in answer:
            raise TemplateError(answer.get("error", "the kernel template gave no pid"))
        return int(answer["pid"])

    def close(self) -> None:
        """End the template (kernels it forked are not affected)."""
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


_template: KernelTemplate | None = None


def use_template(template: KernelTemplate | None) -> None:
    """Let :class:`ForkProvisioner` fork this process's kernels from ``template`` (None: launch them)."""
    global _template
    _template = template


class ForkedKernel:
    """The process handle of a forked kernel, with the parts of :class:`subprocess.Popen` that
    jupyter_client's :class:`~jupyter_client.provisioning.LocalProvisioner` uses."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None
        self.cpu_seconds: float | None = None
        """CPU (user and system) the kernel used, once it has ended and been reaped."""

    def _reap(self, options: int) -> int | None:
        if self.returncode is None:
            try:
                pid, status, usage = os.wait4(self.pid, options)
            except ChildProcessError:  # reaped elsewhere: gone, exit code unknown
                self.returncode = -1
            else:
                if pid == self.pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
                    self.cpu_seconds = usage.ru_utime + usage.ru_stime
        return self.returncode

    def poll(self) -> int | None:
        return self._reap(os.WNOHANG)

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout)
            time.sleep(0.01)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ForkProvisioner(LocalProvisioner):
    """A :class:`~jupyter_client.provisioning.LocalProvisioner` that forks the kernel from this
    process's :class:`KernelTemplate` where it can (see the module docstring)."""

    forked = False

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        template = _template
        if template is None or not supported() or not template.stands_in_for(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        env = dict(kwargs.get("env") or os.environ)
        env["JPY_PARENT_PID"] = str(os.getpid())  # what jupyter_client's launcher sets
        output = getattr(kwargs.get("stdout"), "name", os.devnull)
        cwd = kwargs.get("cwd") or os.getcwd()
        try:
            pid = template.fork(cmd, env=env, cwd=cwd, output=output)
        except TemplateError as err:
            self.log.warning("launching the kernel the ordinary way: %s", err)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedKernel(pid)
        self.pid = self.pgid = pid  # a session leader: its group is its pid
        self.cwd = cwd
        self.forked = True
        return self.connection_info


class ForkingKernelSpecManager(KernelSpecManager):
    """Kernel specs as usual, with :class:`ForkProvisioner` named as their provisioner."""

    def get_kernel_spec(self, kernel_name: str):
        spec = super().get_kernel_spec(kernel_name)
        spec.metadata = {**spec.metadata, "kernel_provisioner": {"provisioner_name": PROVISIONER_NAME}}
        return spec
