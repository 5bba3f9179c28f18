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
