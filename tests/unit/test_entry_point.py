"""The start that needs no `make` (issue 19): course.py and `python -m alliancelab`, tried in a temporary copy.

- course.py creates .venv, installs offline from a wheelhouse under the network guard, and builds workspace/;
- the never-overwrite rule holds through it;
- `lab` answers on loopback, and only with its token;
- the cross-platform wheelhouse: wheels for a foreign platform (Windows x86-64, Python 3.11) are downloaded and
  pip's resolver, offline, would take exactly the right files from them, including the Windows-only packages that
  pip's own cross-platform resolution skips.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import helpers

ROOT = helpers.ROOT
GUARD = ROOT / "tests" / "offline"
IGNORE = shutil.ignore_patterns(".venv", ".git", "build", "workspace", "wheelhouse", "tests", "research",
                                "lessons_src", "__pycache__", "node_modules", "*.egg-info", "benchmarks", ".ci")


def _env(offline: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    if offline:
        env["PYTHONPATH"] = str(GUARD)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course with a wheelhouse for this machine, set up once with course.py under the guard."""
    dest = tmp_path_factory.mktemp("course") / "lips-and-teeth"
    shutil.copytree(ROOT, dest, ignore=IGNORE)
    from alliancelab.wheelhouse import requirements

    got = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--dest", str(dest / "wheelhouse"),
                          *requirements(ROOT)], env=_env(offline=False), capture_output=True, text=True)
    if got.returncode != 0:
        pytest.fail(f"could not fill the wheelhouse from the package index: {got.stderr[-1500:]}")
    started = time.time()
    done = subprocess.run([sys.executable, "course.py", "workspace"], cwd=dest, env=_env(offline=True),
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return {"dir": dest, "output": done.stdout + done.stderr, "seconds": time.time() - started}


def test_course_py_creates_the_venv_and_installs_offline(course):
    dest = course["dir"]
    python = dest / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    assert python.exists() and (dest / ".venv" / ".installed-core").exists()
    assert "offline from wheelhouse/" in course["output"]
    # the network guard was on for every step and nothing needed it: the install really was offline
    assert "offline guard" not in course["output"]
    lessons = sorted(p.name for p in (dest / "workspace").glob("[0-9][0-9]_*.ipynb"))
    assert lessons == sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert (dest / "workspace" / "glossary.md").exists()


def test_workspace_never_overwrites_a_learners_file(course):
    dest = course["dir"]
    mine = next((dest / "workspace").glob("03_*.ipynb"))
    mine.write_text(mine.read_text(encoding="utf-8").replace("Trade asymmetry", "MY OWN NOTES", 1), encoding="utf-8")
    before = mine.read_bytes()
    missing = next((dest / "workspace").glob("01_*.ipynb"))
    missing.unlink()
    done = subprocess.run([sys.executable, "course.py", "workspace"], cwd=dest, env=_env(offline=True),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert mine.read_bytes() == before and b"MY OWN NOTES" in before
    assert missing.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_lab_answers_on_loopback_with_a_token(course):
    dest, port = course["dir"], _free_port()
    proc = subprocess.Popen([sys.executable, "course.py", "lab", "--port", str(port)], cwd=dest, env=_env(offline=True),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        token, lines, deadline = None, [], time.time() + 120
        while token is None and time.time() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"http://127\.0\.0\.1:%d/lab\?token=([0-9a-f]+)" % port, line)
            token = m.group(1) if m else None
        assert token, "no address with a token was printed:\n" + "".join(lines[-30:])
        status = None
        for _ in range(60):  # the address is printed as the server starts listening
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=20) as r:
                    status = (r.status, json.loads(r.read()))
                break
            except urllib.error.URLError as error:
                if isinstance(error, urllib.error.HTTPError):
                    raise
                time.sleep(0.5)
        assert status and status[0] == 200 and "started" in status[1], status
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents", timeout=20)
        assert refused.value.code == 403
        # course.py became JupyterLab (exec): stopping the one process stops the server, and nothing is left
        proc.terminate()
        proc.wait(timeout=60)
        time.sleep(1)
        with pytest.raises(urllib.error.URLError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=5)
    finally:
        try:
            os.killpg(proc.pid, 9)  # whatever the test's outcome, no server outlives it
        except (ProcessLookupError, PermissionError):
            pass


def test_missing_venv_module_gets_a_plain_message(tmp_path):
    shutil.copy(ROOT / "course.py", tmp_path / "course.py")
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n", encoding="utf-8")
    code = ("import sys, runpy; sys.modules['ensurepip'] = None; sys.argv = ['course.py', 'workspace']; "
            "runpy.run_path('course.py', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "python3-venv" in done.stderr and "Traceback" not in done.stderr


def test_pip_arguments_offline_only_when_the_wheelhouse_has_wheels(tmp_path):
    sys.path.insert(0, str(ROOT))
    try:
        import course as launcher
    finally:
        sys.path.pop(0)
    assert "--no-index" not in launcher.pip_args("", tmp_path / "wheelhouse")
    (tmp_path / "wheelhouse").mkdir()
    (tmp_path / "wheelhouse" / "x-1.0-py3-none-any.whl").write_bytes(b"")
    args = launcher.pip_args("test", tmp_path / "wheelhouse")
    assert args[-2:] == ["-e", ".[test]"] and "--no-index" in args and str(tmp_path / "wheelhouse") in args
    assert launcher.venv_python(Path("v")).parts[-2:] in (("bin", "python"), ("Scripts", "python.exe"))


def test_windows_wheels_are_downloaded_and_selected_without_installing(tmp_path, monkeypatch):
    from alliancelab import wheelhouse as wh

    # downloading needs the package index: the network guard is lifted for pip here, and only here
    monkeypatch.delenv("PYTHONPATH", raising=False)

    windows = wh.PLATFORMS["windows-x86_64"]
    env = _env(offline=False)
    reqs = wh.requirements(ROOT)
    got = subprocess.run(wh.download_command(windows, "3.11", tmp_path, reqs), env=env, capture_output=True, text=True)
    assert got.returncode == 0, got.stderr[-2000:]
    selected = wh.would_install(windows, "3.11", tmp_path, reqs)
    assert selected and all(wh.belongs(w, windows) for w in selected)
    assert any(w.startswith("pandas-2.3.3-cp311-cp311-win_amd64") for w in selected)
    # pip's cross-platform resolver skips requirements such as `pywinpty; os_name == "nt"`: the wheelhouse
    # module finds them and downloads them too, and then nothing is missing for Windows
    gaps = wh.conditional_gaps(tmp_path, windows, "3.11", selected)
    assert any(g.lower().startswith("pywinpty") for g in gaps)
    sizes = wh.download(["windows-x86_64"], ["3.11"], tmp_path, ROOT)
    selected = wh.would_install(windows, "3.11", tmp_path, reqs)
    assert wh.conditional_gaps(tmp_path, windows, "3.11", selected) == []
    assert any(p.name.startswith("pywinpty-") for p in tmp_path.glob("*.whl"))
    assert sizes["windows-x86_64"] >= 0
    # none of this machine's (Linux) compiled wheels was taken for Windows
    assert not [w for w in selected if "manylinux" in w]
