"""A real JupyterLab, started from the project's environment, driven by Chromium through Playwright.

- Chromium is the system one (/usr/bin/chromium from Debian's package, or $CHROMIUM); Playwright never downloads a browser.
- Without Chromium the browser tests skip with a reason that says how to install it; under CI=true they fail instead.
- JupyterLab serves copies of the masters and of the student versions from a temporary folder, so autosave can never touch
  the repository's notebooks. It runs on a free loopback port with a random token and the course's settings, and is always stopped.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from alliancelab.student import student_text
from tests.helpers import DATA, ROOT, masters

TIMINGS = ROOT / "build" / "browser-timings.json"
SCREENSHOTS = ROOT / "build" / "screenshots"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _require_chromium() -> str:
    path = chromium_path()
    if path:
        return path
    reason = "No Chromium found: install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set $CHROMIUM to its path."
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    def __init__(self, url: str, token: str, root: Path):
        self.url, self.token, self.root = url, token, root

    def notebook_url(self, relpath: str) -> str:
        # A fresh, uniquely named workspace per visit, so nothing from an earlier test is restored. (The earlier
        # `?reset` made JupyterLab open the notebook, shut its first kernel down and leave the panel without one:
        # Run All then stopped part-way, about one run in three.)
        return f"{self.url}/lab/workspaces/t{secrets.token_hex(6)}/tree/{relpath}?token={self.token}"

    def api(self, path: str, method: str = "GET", body: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def kernels_of(self, relpath: str) -> list[str]:
        return [s["kernel"]["id"] for s in self.api("/api/sessions") if s["path"] == relpath and s.get("kernel")]


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lab")
    (root / "masters").mkdir()
    (root / "student").mkdir()
    for master in masters():
        text = master.read_text(encoding="utf-8")
        (root / "masters" / master.name).write_text(text, encoding="utf-8")
        (root / "student" / master.name).write_text(student_text(text, master.name), encoding="utf-8")
    glossary = ROOT / "notebooks" / "glossary.md"  # the lessons link to it by relative path
    for folder in ("masters", "student"):
        (root / folder / "glossary.md").write_text(glossary.read_text(encoding="utf-8"), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def lab(lab_root) -> Lab:
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, ALLIANCELAB_DATA=str(DATA), JUPYTER_RUNTIME_DIR=str(lab_root / ".runtime"))
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--config={ROOT / 'jupyter' / 'jupyter_server_config.py'}",
           f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={lab_root}",
           "--ServerApp.port_retries=0"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        cmd.append("--allow-root")
    log = open(lab_root / "lab.log", "w")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{(lab_root / 'lab.log').read_text()[-3000:]}")
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not answer in 90 s:\n{(lab_root / 'lab.log').read_text()[-3000:]}")
                time.sleep(0.3)
        yield Lab(url, token, lab_root)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except Exception:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        # Keep the server log where CI artefacts and people look for it.
        (ROOT / "build").mkdir(exist_ok=True)
        shutil.copyfile(lab_root / "lab.log", ROOT / "build" / "browser-lab.log")


@pytest.fixture(scope="session")
def browser():
    path = _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=path,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"],
        )
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.console_lines = []  # kept for the failure report: JupyterLab logs kernel and comm trouble to the console
    pg.on("console", lambda m: pg.console_lines.append(f"{time.monotonic():.3f} {m.type}: {m.text}"))
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(scope="session")
def timings():
    """Collects input-to-repaint times; written to build/browser-timings.json for `make bench`."""
    store: dict[str, list[float]] = {}
    yield store
    if store:
        TIMINGS.parent.mkdir(parents=True, exist_ok=True)
        TIMINGS.write_text(json.dumps(store, indent=1), encoding="utf-8")
