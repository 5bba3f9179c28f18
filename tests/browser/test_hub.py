"""The JupyterHub route, end to end, on loopback only.

A real JupyterHub (dummy authenticator, local-process spawner, configurable-http-proxy from npm under build/node)
serves a learner whose course arrives by nbgitpuller from a bare git repository of the learner edition
(``file://``, published the way instructors/coursework.md says: ``git push <remote> learner``). Chromium opens the
README's nbgitpuller link with the hub and repository filled in, logs in, and must land in JupyterLab on lesson 00,
which then runs clean with the learner edition's package. Then the instructor pushes an update, the learner edits
lesson 00 in the browser and saves, the link is opened again, and both the edit and the update must be there.
Timings go to build/hub-timings.json.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from alliancelab.student import build_edition, commit_edition
from tests.browser import jlab
from tests.browser.conftest import SCREENSHOTS, _free_port
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

CHP = ROOT / "build" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
TIMINGS = ROOT / "build" / "hub-timings.json"
USER, PASSWORD = "learner", secrets.token_hex(8)
FOLDER = "lips-and-teeth"  # nbgitpuller clones into the repository's name


def _require_hub_tools() -> None:
    missing = []
    if not CHP.exists():
        missing.append(f"configurable-http-proxy ({CHP.relative_to(ROOT)}; `make hub-proxy` installs it with npm)")
    for module in ("jupyterhub", "nbgitpuller"):
        try:
            __import__(module)
        except ImportError:
            missing.append(f"{module} (pip install -e '.[test]')")
    if missing:
        reason = "JupyterHub test needs " + ", ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)


def readme_link() -> str:
    """The nbgitpuller link exactly as the README gives it (placeholders in angle brackets)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"`(https://<your-hub>/hub/user-redirect/git-pull\?[^`]+)`", text)
    assert m, "README.md has no nbgitpuller link of the form `https://<your-hub>/hub/user-redirect/git-pull?...`"
    return m.group(1)


def fill_link(template: str, hub: str, repo: str) -> str:
    link = template.replace("https://<your-hub>", hub).replace("<your fork's git URL, URL-encoded>", quote(repo, safe=""))
    assert "<" not in link, f"unfilled placeholder in the README link: {link}"
    return link


def _git(*args, cwd=None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    _require_hub_tools()
    base = tmp_path_factory.mktemp("hub")
    timings: dict[str, float] = {}
    # the instructor's side: build the learner edition as a git repository and publish it to a bare "remote"
    t0 = time.monotonic()
    edition = build_edition("learner", ROOT, base / "build" / "learner", git=True)
    remote = base / "remote" / f"{FOLDER}.git"
    _git("init", "-q", "--bare", "-b", "learner", str(remote))
    _git("push", "-q", str(remote), "learner:learner", cwd=edition)
    timings["build and publish the learner edition (s)"] = time.monotonic() - t0

    port, hub_port, api_port = _free_port(), _free_port(), _free_port()
    listening_before = listening()
    home = base / "home" / USER
    config = base / "jupyterhub_config.py"
    singleuser_env = {
        # the learner's kernels import the course package from the pulled edition (on a real hub: installed in the image)
        "PYTHONPATH": os.pathsep.join([str(ROOT / "tests" / "offline"), str(home / FOLDER / "src")]),
        "ALLIANCELAB_STRICT": "1",
    }
    config.write_text(f"""
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.command = [{str(CHP)!r}]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allowed_users = {{{USER!r}}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(base / "home" / "{username}")!r}
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [{sys.executable!r}, "-m", "jupyterhub.singleuser"]
c.Spawner.args = ["--ServerApp.allow_root=True", "--config={ROOT / "jupyter" / "jupyter_server_config.py"}", "--LabApp.news_url=None",
                  "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                  "--LabApp.app_settings_dir={ROOT / 'jupyter' / 'app-settings'}"]
c.Spawner.environment = {singleuser_env!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.db_url = "sqlite:///{base / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(base / 'cookie_secret')!r}
c.JupyterHub.pid_file = {str(base / 'jupyterhub.pid')!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
""", encoding="utf-8")
    env = dict(os.environ, PATH=os.pathsep.join([str(CHP.parent), os.path.dirname(sys.executable), os.environ.get("PATH", "")]))
    log = open(base / "hub.log", "w")
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=base, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterHub exited early:\n{(base / 'hub.log').read_text()[-4000:]}")
            try:
                urllib.request.urlopen(f"{url}/hub/api", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterHub did not answer in 120 s:\n{(base / 'hub.log').read_text()[-4000:]}")
                time.sleep(0.3)
        timings["hub start (s)"] = time.monotonic() - t0
        yield {"url": url, "base": base, "edition": edition, "remote": remote, "home": home, "timings": timings,
               "ports": (port, hub_port, api_port), "listening_before": listening_before}
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # the hub stops the learner's server and the proxy (cleanup_servers)
            proc.wait(timeout=30)
        except Exception:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        (ROOT / "build").mkdir(exist_ok=True)
        shutil.copyfile(base / "hub.log", ROOT / "build" / "hub.log")
        if timings:
            TIMINGS.write_text(json.dumps({k: round(v, 2) for k, v in timings.items()}, indent=1), encoding="utf-8")


class _UserServer:
    """What jlab.settle_kernel needs from a server: the kernels of a notebook, read with the browser's hub login."""

    def __init__(self, page, hub_url: str):
        self.page, self.url = page, f"{hub_url}/user/{USER}"

    def kernels_of(self, relpath: str) -> list[str]:
        sessions = self.page.request.get(f"{self.url}/api/sessions").json()
        return [s["kernel"]["id"] for s in sessions if s["path"] == relpath and s.get("kernel")]


def _open_link_and_land(page, link: str, login: bool) -> None:
    page.goto(link)
    if login:
        page.wait_for_selector("input[name=username]", timeout=60_000)
        page.fill("input[name=username]", USER)
        page.fill("input[name=password]", PASSWORD)
        page.click("#login_submit, input[type=submit], button[type=submit]")
    # hub spawns the server, nbgitpuller pulls, then JupyterLab opens the lesson named in urlpath
    page.wait_for_url(re.compile(rf"/user/{USER}/lab/tree/{FOLDER}/00_start_here\.ipynb"), timeout=180_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)


def test_readme_link_pulls_the_learner_edition_into_jupyterlab_and_a_second_pull_merges(hub, browser):
    timings = hub["timings"]
    link = fill_link(readme_link(), hub["url"], hub["remote"].as_uri())
    assert link.startswith("http://127.0.0.1:") and "branch=learner" in link
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.console_lines = []
    page.on("console", lambda m: page.console_lines.append(f"{time.monotonic():.3f} {m.type}: {m.text}"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.monotonic()
        _open_link_and_land(page, link, login=True)
        timings["first visit: link, log in, spawn, pull, lesson 00 open (s)"] = time.monotonic() - t0
        pulled = hub["home"] / FOLDER
        assert (pulled / "00_start_here.ipynb").exists() and (pulled / ".git").exists()
        assert not (pulled / "instructors").exists() and not (pulled / "notebooks").exists(), "the hub pulled more than the learner edition"
        assert _git("branch", "--show-current", cwd=pulled).strip() == "learner"
        page.wait_for_selector(".jp-NotebookPanel .jp-RenderedMarkdown h1", timeout=60_000)
        assert "Start here" in page.locator(".jp-NotebookPanel .jp-RenderedMarkdown h1").first.inner_text()
        tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel").first.inner_text()
        assert tab == "00_start_here.ipynb"

        # lesson 00 runs clean in the hub, with the learner edition's package and strict mode on
        relpath = f"{FOLDER}/00_start_here.ipynb"
        page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=120_000)
        t0 = time.monotonic()
        jlab.settle_kernel(page, _UserServer(page, hub["url"]), relpath)
        jlab.run_all(page)
        timings["lesson 00: Run All Cells in the hub (s)"] = time.monotonic() - t0
        assert jlab.error_outputs(page) == []
        page.screenshot(path=str(SCREENSHOTS / "hub-lesson00.png"), full_page=False)

        # the instructor publishes an update; the learner edits lesson 00 and saves
        update = hub["edition"] / "glossary.md"
        update.write_text(update.read_text(encoding="utf-8") + "\n<!-- instructor update: a corrected entry -->\n", encoding="utf-8")
        lesson01 = hub["edition"] / "01_alliance_theory.ipynb"
        nb = json.loads(lesson01.read_text(encoding="utf-8"))
        nb["cells"][0]["source"] = "".join(nb["cells"][0]["source"]).replace("\n", "\n\n*Updated by your instructor.*\n", 1)
        lesson01.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        assert commit_edition(hub["edition"], message="instructor update")
        _git("push", "-q", str(hub["remote"]), "learner:learner", cwd=hub["edition"])

        note = f"# my own note {secrets.token_hex(3)}"
        page.locator(".jp-NotebookPanel .jp-CodeCell .cm-content").first.click()
        page.keyboard.press("Control+Home")
        page.keyboard.type(note + "\n")
        page.keyboard.press("Control+s")
        deadline = time.monotonic() + 30
        while note not in (pulled / "00_start_here.ipynb").read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the learner's edit was not saved"
            time.sleep(0.3)

        # the learner clicks the same link again
        t0 = time.monotonic()
        _open_link_and_land(page, link, login=False)
        timings["second visit: link, pull and merge, lesson 00 open (s)"] = time.monotonic() - t0
        assert note in (pulled / "00_start_here.ipynb").read_text(encoding="utf-8"), "the learner's edit did not survive the pull"
        assert "*Updated by your instructor.*" in (pulled / "01_alliance_theory.ipynb").read_text(encoding="utf-8"), "the update did not arrive"
        assert "instructor update" in (pulled / "glossary.md").read_text(encoding="utf-8")
        assert note in page.locator(".jp-NotebookPanel").first.inner_text()
        page.screenshot(path=str(SCREENSHOTS / "hub-after-second-pull.png"), full_page=False)
    except Exception:
        page.screenshot(path=str(SCREENSHOTS / "hub-failure.png"), full_page=True)
        prompts = page.evaluate("() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')].map(p => p.textContent)")
        print("PROMPTS", prompts)
        print("PANELS", page.evaluate("() => [...document.querySelectorAll('.jp-NotebookPanel')].map(p => [p.className, p.querySelectorAll('.jp-CodeCell').length])"))
        print("ERRS", jlab.error_outputs(page))
        raise
    finally:
        context.close()


@pytest.fixture(scope="module")
def learner_page(hub, browser):
    """A browser logged in to the hub as the learner (after the first test pulled the edition)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.console_lines = []
    page.on("console", lambda m: page.console_lines.append(f"{time.monotonic():.3f} {m.type}: {m.text}"))
    page.goto(f"{hub['url']}/hub/login")
    page.fill("input[name=username]", USER)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login_submit, input[type=submit], button[type=submit]")
    page.wait_for_url(re.compile(rf"/user/{USER}/"), timeout=180_000)
    try:
        yield page
    finally:
        context.close()


LESSONS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))[1:]


@pytest.mark.parametrize("name", LESSONS)
def test_each_lesson_of_the_learner_edition_runs_clean_in_the_hub(hub, learner_page, name):
    """Lessons 01 onwards, as pulled, with the learner edition's package and strict mode on (lesson 00: above)."""
    pulled = hub["home"] / FOLDER
    if not (pulled / name).exists():
        pytest.skip("the nbgitpuller test did not pull the edition")
    page = learner_page
    t0 = time.monotonic()
    jlab.open_notebook(page, f"{hub['url']}/user/{USER}/lab/workspaces/t{secrets.token_hex(6)}/tree/{FOLDER}/{name}")
    jlab.settle_kernel(page, _UserServer(page, hub["url"]), f"{FOLDER}/{name}")
    jlab.run_all(page, timeout_ms=180_000)
    hub["timings"][f"{name}: open and Run All Cells in the hub (s)"] = time.monotonic() - t0
    assert jlab.error_outputs(page) == [], f"{name} shows an error in the hub"
    assert page.locator(".alliancelab-feedback[data-status='assessed'], .alliancelab-feedback[data-status='unanswered']").count() > 0


def listening() -> set[tuple[str, int]]:
    """(address, port) of every listening TCP socket on this machine, from /proc/net/tcp and tcp6."""
    found = set()
    for name in ("tcp", "tcp6"):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state == "0A":  # LISTEN
                address, port = local.split(":")
                found.add((address, int(port, 16)))
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1 and ::1 as /proc/net writes them


def test_hub_proxy_and_server_listen_on_loopback_only(hub):
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp on this system")
    new = listening() - hub["listening_before"]
    ours = {(a, p) for a, p in new if p in hub["ports"]} | {(a, p) for a, p in new if a not in LOOPBACK}
    assert {p for _, p in ours} >= set(hub["ports"]), f"hub, proxy API and proxy should be listening: {ours}"
    assert all(a in LOOPBACK for a, _ in ours), f"something listens beyond loopback: {sorted(ours)}"
