"""The benchmark report has every notebook and every explorer (structure only: timings are never asserted)."""

from __future__ import annotations

import importlib.util

from alliancelab import widgets
from tests.helpers import ROOT, masters


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_callback_latencies_cover_every_control_of_every_explorer():
    bench = load_bench()
    bench.CHANGES = 3
    results = bench.callback_latencies()
    expected = {f"{name}: {c.label}" for name, contract in widgets.CONTRACTS.items() for c in contract.controls}
    assert set(results) == expected
    assert all(value == value and value >= 0 for value in results.values()), "a control was not found in its explorer"


def test_bench_lists_the_same_notebooks_as_the_course():
    bench = load_bench()
    assert [p.name for p in bench.masters()] == [p.name for p in masters()]


def load_startup():
    spec = importlib.util.spec_from_file_location("startup", ROOT / "benchmarks" / "startup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_startup_report_has_every_lesson_and_every_issue_17_target():
    startup = load_startup()
    profiles = {nb.stem: {"first_figure_s": 1.2, "first_cell": 7, "cells": {3: 0.4, 7: 0.1}, "source": {3: "# setup\nimport x", 7: "widgets.f()"}}
                for nb in masters()}
    built = {"seconds": 40.0, "phases": {"execute": 30.0}, "editions": {
        name: {"total_mb": 13.0, "plotly_js_kb": 4700.0, "static_mb": 12.0, "pages": 9, "lesson_kb": {nb.stem: 100.0 for nb in masters()},
               "figures": {}, "declared": {}} for name in ("learner", "instructor")}}
    text = "\n".join(startup.markdown(1.05, profiles, {"answered_s": 25.0, "installed_s": 20.0}, built))
    for nb in masters():
        assert f"| {nb.stem} | 1.20 | 7 |" in text
    assert "`import x`" in text, "a cell is named by its first line of code, not its comment"
    for target in ("≤ 1.0 s", "≤ 30 s", "≤ 90 s", "largest lesson page"):
        assert target in text, target
    missing = "\n".join(startup.markdown(1.0, profiles, {"error": "no make"}, None))
    assert "Not measured: no make" in missing and "--no-book" in missing


def test_the_fresh_copy_for_make_lab_holds_the_course_but_no_venv_or_build(tmp_path):
    startup = load_startup()
    copy = startup.fresh_copy(tmp_path / "course")
    assert (copy / "Makefile").exists() and (copy / "pyproject.toml").exists() and (copy / "notebooks").is_dir()
    assert not (copy / ".venv").exists() and not (copy / "build").exists()
