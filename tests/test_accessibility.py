"""Accessibility rules that a machine can check (the rest is in the instructor notes' review list).

- one H1 per notebook and sequential headings (tests/test_notebooks.py);
- every plotly figure, static or live, has a title and a title on each axis it draws;
- every explorer that holds a live figure also holds a text summary (an HTML widget with words in it) beside it;
- every figure uses the course palette with a second, non-colour encoding (marker symbols or dash styles vary
  whenever colours vary);
- every markdown cell directly before a code cell that shows an explorer or a figure says what it shows.
"""

from __future__ import annotations

import json
import re

import ipywidgets
import nbformat
import plotly.graph_objects as go
import pytest
from nbclient import NotebookClient

from alliancelab import widgets
from tests.helpers import masters


def _axis_titles_missing(layout: dict, data: list[dict]) -> list[str]:
    missing = []
    cartesian = [t for t in data if t.get("type", "scatter") in ("scatter", "bar", "scattergl", "box", "histogram")]
    if not cartesian:
        return missing
    axes = {(t.get("xaxis") or "x", t.get("yaxis") or "y") for t in cartesian}
    for xa, ya in axes:
        for axis in (xa, ya):
            key = axis[0] + "axis" + axis[1:]
            title = ((layout.get(key) or {}).get("title") or {})
            text = title.get("text") if isinstance(title, dict) else title
            if not (text and str(text).strip()):
                missing.append(key)
    return missing


def _figure_problems(fig: dict, where: str) -> list[str]:
    layout, data = fig.get("layout", {}), fig.get("data", [])
    problems = []
    title = layout.get("title") or {}
    text = title.get("text") if isinstance(title, dict) else title
    if not (text and str(text).strip()):
        problems.append(f"{where}: figure has no title")
    for axis in _axis_titles_missing(layout, data):
        problems.append(f"{where}: {axis} has no title")
    problems += _colour_only(data, where)
    return problems


def _colour_only(data: list[dict], where: str) -> list[str]:
    """Line/marker traces told apart by colour must also differ in marker symbol or dash style."""
    seen = {}
    for t in data:
        if t.get("type", "scatter") not in ("scatter", "scattergl") or t.get("showlegend") is False:
            continue
        colour = (t.get("line") or {}).get("color") or (t.get("marker") or {}).get("color")
        if not isinstance(colour, str):
            continue
        mode = t.get("mode", "lines+markers")
        shape = ((t.get("marker") or {}).get("symbol") if "markers" in mode else None,
                 (t.get("line") or {}).get("dash") if "lines" in mode else None)
        seen.setdefault(colour, set()).add(json.dumps(shape))
    if len(seen) < 2:
        return []
    shapes = [next(iter(v)) for v in seen.values() if len(v) == 1]
    if len(shapes) == len(seen) and len(set(shapes)) < len(shapes):
        return [f"{where}: traces differ by colour only (give each a marker symbol or dash style of its own)"]
    return []


EXPLORERS = sorted(widgets.CONTRACTS)


@pytest.mark.parametrize("name", EXPLORERS)
def test_live_figures_have_titles_axis_labels_and_a_text_summary(name):
    box = getattr(widgets, name)()
    parts = list(widgets.walk(box))
    figures = [w for w in parts if isinstance(w, go.FigureWidget)]
    problems = []
    for fig in figures:
        problems += _figure_problems(json.loads(fig.to_json()), name)
    if figures:
        summaries = [w for w in parts if isinstance(w, ipywidgets.HTML) and len(re.sub(r"<[^>]+>", " ", w.value).split()) >= 5]
        if not summaries:
            problems.append(f"{name}: live figure without a text summary (an HTML widget of at least five words)")
    assert problems == []


def _executed(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


@pytest.fixture(scope="module")
def executed():
    return {p.name: _executed(p) for p in masters()}


@pytest.mark.parametrize("name", [p.name for p in masters()])
def test_static_figures_have_titles_and_axis_labels(executed, name):
    problems = []
    for i, cell in enumerate(executed[name].cells):
        for out in cell.get("outputs", []):
            fig = out.get("data", {}).get("application/vnd.plotly.v1+json")
            if fig:
                problems += _figure_problems(fig, f"{name} cell {i}")
    assert problems == []


@pytest.mark.parametrize("name", [p.name for p in masters()])
def test_every_figure_and_explorer_is_introduced_by_a_what_it_shows_line(executed, name):
    cells = executed[name].cells
    problems = []
    for i, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        shows = any("application/vnd.plotly.v1+json" in o.get("data", {}) or
                    "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in cell.get("outputs", []))
        if not shows:
            continue
        before = [c for c in cells[:i] if c.cell_type == "markdown"][-1:]
        if not before or not re.search(r"what it shows", before[0].source, flags=re.I):
            problems.append(f"{name} cell {i}: figure/explorer without a 'What it shows' line in the markdown before it")
    assert problems == []


def test_the_checks_catch_what_they_are_for():
    bare = {"layout": {}, "data": [{"type": "scatter", "x": [1], "y": [1]}]}
    assert set(_figure_problems(bare, "f")) == {"f: figure has no title", "f: xaxis has no title", "f: yaxis has no title"}
    two = [{"type": "scatter", "mode": "lines", "line": {"color": c}} for c in ("#000", "#fff")]
    assert _colour_only(two, "f")
    two[1]["line"]["dash"] = "dash"
    assert _colour_only(two, "f") == []
