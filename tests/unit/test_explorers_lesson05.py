"""Lesson 05 explorers, built in-process: every control of each contract changes what its contract says."""

from __future__ import annotations

import html as H
import re
import statistics
import time

import ipywidgets as ipw
import pytest

from alliancelab import data, widgets
from alliancelab.explorers import lesson05 as L

NAMES = ["triangle_explorer", "council_votes_explorer", "sanctions_trade_explorer"]


def text_of(box) -> str:
    out, stack = [], [box]
    while stack:
        w = stack.pop(0)
        if isinstance(w, ipw.HTML):
            out.append(w.value)
        stack.extend(getattr(w, "children", ()))
    return H.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", " ".join(out))))


def figure_of(box):
    return next((w for w in widgets.walk(box) if w.__class__.__name__ == "FigureWidget"), None)


def state(fig):
    return [(tuple(t.x or ()), tuple(t.y or ()), t.visible, str(t.marker.symbol) if hasattr(t, "marker") else "")
            for t in fig.data]


def set_like_driver(w, control):
    if control.kind in ("dropdown", "select"):
        labels = {(o[0] if isinstance(o, tuple) else o): (o[1] if isinstance(o, tuple) else o) for o in w.options}
        assert control.set_to in labels, f"{control.label}: {control.set_to!r} not among {list(labels)[:4]}"
        w.value = labels[control.set_to]
    elif control.kind == "toggle":
        assert control.set_to in w.options
        w.value = control.set_to
    elif control.kind == "checkbox":
        w.value = not w.value
    elif control.kind == "slider":
        w.value = type(w.value)(float(control.set_to))
    else:  # pragma: no cover
        raise AssertionError(control.kind)


@pytest.mark.parametrize("name", NAMES)
def test_contract_controls_do_what_they_promise(name):
    contract = widgets.CONTRACTS[name]
    assert contract.notebooks == ("05_other_side_of_the_board",)
    box = getattr(widgets, name)()
    assert contract.css_class in box._dom_classes
    fig = figure_of(box)
    for control in contract.controls:
        w = widgets.find_control(box, control.label)
        before_text, before_fig = text_of(box), state(fig) if fig else None
        if control.expect_text:
            assert control.expect_text not in before_text, f"{control.label}: text already shown before the change"
        set_like_driver(w, control)
        if control.expect_text:
            assert control.expect_text in text_of(box), f"{control.label}: {control.expect_text!r} not shown"
        if control.expect_figure_change:
            assert state(fig) != before_fig, f"{control.label}: figure unchanged"


@pytest.mark.parametrize("name", NAMES)
def test_callbacks_are_fast(name):
    contract = widgets.CONTRACTS[name]
    box = getattr(widgets, name)()
    samples = []
    for _ in range(3):
        for control in contract.controls:
            w = widgets.find_control(box, control.label)
            start = time.perf_counter()
            set_like_driver(w, control)
            samples.append((time.perf_counter() - start) * 1000)
    assert statistics.median(samples) < 40, samples  # target 20 ms; generous for a busy test machine


def test_triangle_explorer_refills_resets_and_handles_unkeyed_episodes():
    box = widgets.triangle_explorer()
    dyad, pick = widgets.find_control(box, "Dyad"), widgets.find_control(box, "Episode")
    tag, whose = widgets.find_control(box, "Your tag"), widgets.find_control(box, "Whose move or fear")
    assert "episodes of Seoul–Washington" in text_of(box)
    assert pick.value in L.TRIANGLE_KEY  # a keyed episode is offered first
    tag.value, whose.value = "Abandonment fear", "South Korea"
    dyad.value = "Beijing–Pyongyang"
    assert tag.value is None and whose.value == "—"  # a new episode starts untagged
    pick.value = "1961_prc_dprk_treaty"  # exercise 5.4's first episode: deliberately not in the key
    tag.value = "Binding"
    assert "Not in the key" in text_of(box)
    for d in widgets.find_control(box, "Dyad").options:
        dyad.value = d
        assert pick.options, d


def test_votes_explorer_shows_inferred_votes_hollow_and_can_hide_them():
    box = widgets.council_votes_explorer()
    fig = figure_of(box)
    symbols = [s for t in fig.data for s in (t.marker.symbol or ())]
    assert any(s.endswith("-open") for s in symbols) and any(not s.endswith("-open") for s in symbols)
    n_all = sum(len(t.x) for t in fig.data)
    assert n_all == len(data.load("sanctions_votes"))
    widgets.find_control(box, "Only votes a source names").value = True
    assert sum(len(t.x) for t in fig.data) == 8
    assert all(not s.endswith("-open") for t in fig.data for s in (t.marker.symbol or ()))
    widgets.find_control(box, "Member").value = "China"
    assert {y for t in fig.data for y in t.y} == {"China"}
    detail = L.decision_html("res_1718")
    assert "inferred: the source says the Council was unanimous" in detail and "un_press_sc8853" in detail
    assert "a veto" in L.decision_html("draft_2022_05_26") and "tally not read" in L.decision_html("res_2680")


def test_sanctions_trade_explorer_marks_summaries_and_gaps():
    box = widgets.sanctions_trade_explorer()
    text = text_of(box)
    assert "Resolution 2270" in text and "summary; the operative paragraph was not read" in text
    assert "the resolution's own words (via a compilation)" in text  # 2270 paragraph 31 (aviation fuel)
    widgets.find_control(box, "Resolution").value = 1718
    widgets.find_control(box, "Years either side").value = 4
    assert "No figure in the chosen series for 2002" in text_of(box) or "2002" in text_of(box)
    fig = figure_of(box)
    assert fig.data[0].x[0] == 2002 and fig.data[2].x == (2006, 2006)
    widgets.find_control(box, "Series").value = "Chinese customs only"
    assert fig.data[0].visible and not fig.data[1].visible
    assert "Chinese customs only" in text_of(box)


def test_measures_html_escapes_and_counts():
    page = L.measures_html(2321)
    assert "9 quotation(s), 1 of them" in page and "大幅调整" in page


def test_wording_figure_has_three_lanes_titles_and_distinct_symbols():
    fig = L.wording_figure()
    names = [t.name for t in fig.data]
    assert names == ["Mentions denuclearization", "No mention", "Nuclear test"]
    assert fig.layout.title.text and fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    assert len({t.marker.symbol for t in fig.data}) == 3
    assert len(fig.data[2].x) == 6
    table = L.statements_table()
    assert list(table["date"])[-1] == "2025-11-27" and not table["mentions denuclearization"].iloc[-1]
