"""The board pack in a real browser: open index.html in headless Chromium and follow every link.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``:
the browser reads commands from file descriptor 3 and answers on 4), so no
port is opened and no extra Python package is needed. The machine's network
may be closed: Chromium is started with everything that would phone home off.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from pack_builds import real_pack

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (apt-get install chromium); the browser test needs it",
    ),
]

PAGE_TIMEOUT = 30.0
"""Seconds a page may take to load."""

PAGE_REPORT = """(() => {
  const images = [...document.images].map(img => ({
    src: img.getAttribute('src').slice(0, 30), complete: img.complete, width: img.naturalWidth
  }));
  const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
  const scripts = document.querySelectorAll('script').length;
  return {title: document.title, images, links, scripts, text: document.body.innerText.length};
})()"""
"""What the test asks each page: its title, every image and whether it decoded, every link."""


class DevTools:
    """A headless Chromium and a minimal DevTools protocol client over its pipe."""

    def __init__(self, profile: Path):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        # Move the browser's ends above 10 first, so placing them on 3 and 4 cannot clobber either.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_read, from_browser_write)]

        def place_pipe_fds():
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            pass_fds=(3, 4),
            preexec_fn=place_pipe_fds,  # noqa: PLW1509 - no threads here; the browser needs fds 3 and 4
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for fd in (to_browser_read, from_browser_write, *high):
            os.close(fd)
        self.reader = os.fdopen(self.from_browser, "rb")
        self.next_id = 0
        self.events: list[dict] = []
        self.session = self._attach()

    def send(self, method: str, params: dict | None = None, *, session: bool = True) -> dict:
        """Send one command and wait for its answer; events that arrive meanwhile are kept."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def _read(self) -> dict:
        chunks = []
        while (byte := self.reader.read(1)) != b"\0":
            if not byte:
                raise RuntimeError("Chromium closed the DevTools pipe")
            chunks.append(byte)
        return json.loads(b"".join(chunks))

    def _attach(self) -> str:
        self.session = None
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)
        return attached["sessionId"]

    def open(self, url: str) -> dict:
        """Load ``url`` and return :data:`PAGE_REPORT` about it once its load event fired."""
        self.events.clear()
        navigation = self.send("Page.navigate", {"url": url})
        if navigation.get("errorText"):
            raise AssertionError(f"{url}: {navigation['errorText']}")
        while not any(event.get("method") == "Page.loadEventFired" for event in self.events):
            self.events.append(self._read())
        result = self.send("Runtime.evaluate", {"expression": PAGE_REPORT, "returnByValue": True})
        return result["result"]["value"]

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.reader.close()
        os.close(self.to_browser)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    tools = DevTools(tmp_path_factory.mktemp("chromium-profile"))
    tools.send("Page.enable")
    yield tools
    tools.close()


def local_path(url: str) -> Path:
    parsed = urlparse(url)
    assert parsed.scheme == "file", f"link leaves the pack: {url}"
    return Path(unquote(parsed.path))


def test_every_page_and_figure_of_the_pack_loads(browser, tmp_path_factory):
    result = real_pack(tmp_path_factory)
    root = result.out.resolve()
    index = browser.open((root / "index.html").as_uri())
    assert index["title"] and index["scripts"] == 0
    seen_pages, seen_files = {}, set()
    for link in index["links"]:
        path = local_path(link)
        assert path.is_file(), f"index links to a missing file: {link}"
        assert root in path.parents, f"index links outside the pack: {link}"
        seen_files.add(path)
        if path.suffix == ".html":
            seen_pages[path.name] = browser.open(path.as_uri())
    briefings = [f"{code}.html" for code in ("IJmond", "NHN", "NZKG", "OFGV")]
    assert sorted(seen_pages) == [*briefings, "changes.html"]  # and the page of what changed
    changes_page = seen_pages.pop("changes.html")
    assert changes_page["title"] and changes_page["scripts"] == 0
    assert all(local_path(link).is_file() for link in changes_page["links"])
    for name, page in seen_pages.items():
        assert page["title"], name
        assert page["scripts"] == 0, name
        assert page["text"] > 2000, name
        assert len(page["images"]) == 3, name  # two score heatmaps and the partners
        for image in page["images"]:
            assert image["src"].startswith("data:image/png;base64,"), name
            assert image["complete"] and image["width"] > 0, f"{name}: a figure did not load"
        for link in page["links"]:
            assert urlparse(link).fragment or local_path(link).is_file(), f"{name}: broken link {link}"
    assert {path.suffix for path in seen_files} >= {".html", ".pdf", ".ipynb", ".log", ".csv"}
    assert all(path.stat().st_size > 0 for path in seen_files)
