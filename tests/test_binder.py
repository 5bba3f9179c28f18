"""Binder: ``binder/`` builds the learner edition's environment, without the test packages and without the
notebook 7.4.7 / jupyterlab 4.6.6 conflict of repo2docker's base environment.

Docker is not available here, so the image is never built: ``repo2docker --no-build --debug`` writes the Dockerfile
it would build, and the test reads it. What was and was not tried is in the README ("Binder").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from alliancelab.student import build_edition
from tests.helpers import ROOT

tomllib = pytest.importorskip("tomllib", reason="Python 3.10 has no tomllib") if sys.version_info < (3, 11) else __import__("tomllib")

BINDER = ROOT / "binder"
TEST_ONLY = {"pytest", "playwright", "hypothesis", "frictionless", "nbval", "jupytext", "ruff", "jupyter-repo2docker", "sphinx", "myst-nb"}
#: notebook 7.6.5 requires jupyterlab >= 4.6.6, < 4.7: pinned with jupyterlab it replaces the base image's 7.4.7.
NOTEBOOK = "7.6.5"


def _pins(lines) -> dict[str, str]:
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{line!r} is not pinned with =="
            out[name.strip().lower()] = version.strip()
    return out


def test_binder_pins_are_the_courses_core_pins_without_test_tools_plus_a_compatible_notebook():
    core = _pins(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"])
    binder = _pins((BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines())
    assert not TEST_ONLY & set(binder), f"test packages in the Binder image: {TEST_ONLY & set(binder)}"
    assert binder == {k: v for k, v in core.items() if k not in TEST_ONLY} | {"notebook": NOTEBOOK}
    assert (BINDER / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"
    post = (BINDER / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-cache-dir --no-deps ." in post, "the course package goes in without nbval's pytest"
    assert (BINDER / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"


@pytest.fixture(scope="module")
def dockerfile(tmp_path_factory) -> tuple[str, str]:
    tmp = tmp_path_factory.mktemp("binder")
    edition = build_edition("learner", ROOT, tmp / "learner")
    if not (edition / "binder").exists():  # until build_edition copies binder/ into the editions it publishes
        shutil.copytree(BINDER, edition / "binder")
    proc = subprocess.run([sys.executable, "-m", "repo2docker", "--no-build", "--no-run", "--debug", str(edition)],
                          capture_output=True, text=True, timeout=300, cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout, proc.stderr


def test_repo2docker_writes_a_dockerfile_that_installs_binder_requirements_on_python_311(dockerfile):
    text, log = dockerfile
    assert "Building conda environment for python=3.11" in log
    assert re.search(r"^FROM \S*buildpack-deps", text, flags=re.M)
    assert "environment.py-3.11-linux-64.lock" in text.replace("-2e", ".").replace("-2d", "-")
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in text
    assert "RUN ./binder/postBuild" in text
    # binder/ wins: the edition's own environment.yml (which would upgrade jupyterlab alone) is not used
    assert "environment.yml" not in text


def test_the_dockerfile_installs_no_test_package(dockerfile):
    text, _ = dockerfile
    for name in TEST_ONLY:
        assert not re.search(rf"\b{re.escape(name)}\b", text), f"{name} in the Dockerfile"
