"""Repository-wide pytest configuration.

Strict mode: every kernel that nbval starts inherits ALLIANCELAB_STRICT=1, so a
wrong model solution in a master notebook raises inside `check(...)` and the
run fails. Student versions hold `...`, which never raises.
"""

import os

os.environ.setdefault("ALLIANCELAB_STRICT", "1")
# Plotly must never try to open a browser or fetch anything while tests run.
os.environ.setdefault("PLOTLY_RENDERER", "plotly_mimetype")

# Offline guard: every Python process the tests start refuses connections that leave the machine
# (see tests/offline/sitecustomize.py). The notebooks must run with no network.
_GUARD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tests", "offline")
if _GUARD not in os.environ.get("PYTHONPATH", "").split(os.pathsep):
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_GUARD, os.environ.get("PYTHONPATH", "")) if p)


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """`make html` once per test session, into a temporary folder (tests/test_site.py, tests/browser/test_site_browser.py)."""
    from pathlib import Path

    from alliancelab import site

    root = Path(__file__).resolve().parent
    out = tmp_path_factory.mktemp("html")
    site.build(root / "notebooks", out, root / "lessons.md")
    return out
