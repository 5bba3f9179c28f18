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


import importlib.util  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """`make book` once per test session, both editions, into a temporary folder (tests/test_book.py,
    tests/browser/test_book_browser.py, tests/browser/test_axe.py). Skips when the book packages are missing
    (Python 3.10: the `book` extra needs 3.11); under CI=true it fails instead."""
    import sys
    from pathlib import Path

    if sys.version_info < (3, 11) or importlib.util.find_spec("myst_nb") is None:
        reason = "the book packages are not installed (`.venv/bin/pip install -e '.[book]'`, Python 3.11+)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    from alliancelab import book

    root = Path(__file__).resolve().parent
    base = tmp_path_factory.mktemp("book")
    return book.build(root, base / "out", work=base / "work")
