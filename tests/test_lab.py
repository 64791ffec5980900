"""Under the JupyterLab that ``make lab`` starts, a notebook saved in Lab reaches its paired script."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]


def lab_command(root: Path) -> list[str]:
    """The command of the Makefile's ``lab`` target, with ``root`` for the repository."""
    makefile = (REPOSITORY / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lab:.*\n\t(.+)$", makefile, re.M).group(1)
    recipe = recipe.replace("$(BIN)", str(Path(sys.executable).parent)).replace("$(CURDIR)", str(root))
    return shlex.split(recipe)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(url: str, token: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    headers = {"Authorization": f"token {token}", "Content-Type": "application/json"}
    request = urllib.request.Request(url, data=data, headers=headers, method="GET" if body is None else "PUT")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def test_the_lab_target_roots_lab_at_the_repository():
    command = lab_command(Path("/repo"))
    assert "--ServerApp.root_dir=/repo" in command
    assert "--LabApp.default_url=/lab/tree/notebooks" in command


@pytest.mark.slow
def test_a_cell_saved_through_lab_reaches_the_paired_script(tmp_path):
    shutil.copy(REPOSITORY / "jupytext.toml", tmp_path)
    (tmp_path / "notebooks").mkdir()
    for name in ("01-explore.ipynb", "01-explore.py"):
        shutil.copy(REPOSITORY / "notebooks" / name, tmp_path / "notebooks")
    port, token = free_port(), "odsamen-test"
    extra = ["--no-browser", f"--port={port}", f"--IdentityProvider.token={token}"]
    extra += ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(lab_command(tmp_path) + extra, cwd=tmp_path, stdout=log, stderr=log)
    try:
        base = f"http://127.0.0.1:{port}/api"
        deadline = time.monotonic() + 90
        while True:
            try:
                call(f"{base}/status", token)
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, (tmp_path / "lab.log").read_text()
                assert time.monotonic() < deadline, "JupyterLab did not start in 90 s"
                time.sleep(0.5)
        url = f"{base}/contents/notebooks/01-explore.ipynb"
        notebook = call(url + "?content=1", token)["content"]
        cell = next(cell for cell in notebook["cells"] if cell["cell_type"] == "markdown")
        cell["source"] += "\n\nEen regel die in JupyterLab is toegevoegd."
        call(url, token, {"type": "notebook", "format": "json", "content": notebook})
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    script = (tmp_path / "notebooks" / "01-explore.py").read_text(encoding="utf-8")
    assert "# Een regel die in JupyterLab is toegevoegd." in script
