"""The linter: ruff (pinned in pyproject's test extras, configured in [tool.ruff]) finds nothing in the code.

Part of `make test`, so a lint error fails the run. To see or fix the findings: `make lint`, or
`.venv/bin/python -m ruff check src tests conftest.py benchmarks` (add `--fix` for the safe fixes).
"""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

PATHS = ["src", "tests", "conftest.py", "benchmarks"]


def test_ruff_finds_nothing():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", *PATHS],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    assert "No module named ruff" not in run.stderr, "ruff is not installed: `.venv/bin/python -m pip install -e '.[test]'`"
    assert run.returncode == 0, f"ruff found problems (fix them, or run `make lint`):\n{run.stdout}{run.stderr}"
