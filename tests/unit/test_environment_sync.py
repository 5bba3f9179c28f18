"""environment.yml (conda/Binder) and pyproject.toml must list the same packages with the same pins."""

from __future__ import annotations

import re
import sys

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 has no tomllib; the check still runs on 3.11+ (CI)
    tomllib = pytest.importorskip("tomli", reason="Python 3.10 without tomli cannot read pyproject.toml")

from tests.helpers import ROOT


def pyproject_pins() -> dict[str, str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = meta["dependencies"] + [r for extra in meta["optional-dependencies"].values() for r in extra
                                   if not r.startswith(meta["name"] + "[")]  # an extra that includes another
    return dict(_split(r) for r in reqs)


def environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.\-\[\]]+==[^\s#]+)\s*$", line)
        if m:
            name, version = _split(m.group(1))
            pins[name] = version
    return pins


def _split(req: str) -> tuple[str, str]:
    req = req.split(";", 1)[0]  # an environment marker (the book extra needs Python 3.11+; environment.yml has 3.11)
    name, _, version = req.partition("==")
    assert version, f"{req!r} is not pinned with =="
    return name.strip().lower().replace("_", "-"), version.strip()


def test_same_packages_and_pins():
    py, env = pyproject_pins(), environment_pins()
    assert py == env, f"only in pyproject: {set(py.items()) - set(env.items())}; only in environment.yml: {set(env.items()) - set(py.items())}"


def test_environment_installs_the_package_itself():
    assert "- -e ." in (ROOT / "environment.yml").read_text()


def test_python_floor_agrees():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert meta["requires-python"] == ">=3.10"
    m = re.search(r"python=(3\.\d+)", (ROOT / "environment.yml").read_text())
    assert m and tuple(map(int, m.group(1).split("."))) >= (3, 10)


def test_makefile_has_the_documented_targets():
    text = (ROOT / "Makefile").read_text()
    for target in ("lab", "lab-solutions", "test", "student", "bench"):
        assert f"\n{target}:" in text, target
