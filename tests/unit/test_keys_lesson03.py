"""Lesson 03's decide-and-defend validators (3.13, 3.14) and predictions (3.P1, 3.P2): valid choices are recorded,
inconsistent ones get a plain sentence that says what does not fit, and nothing a learner types raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliancelab import data, measures
from alliancelab.exercises import grade, outcome, predict
from alliancelab.keys.lesson03 import MEASURE_CHOICES, measure_value, validate_measure_choice, validate_series_choice

WHY = " ".join(["word"] * 45)


def _series(series, year, value):
    return grade("3.13", {"series": series, "year": year, "value": value, "why": WHY})


def _measure(measure, year, value):
    return grade("3.14", {"measure": measure, "year": year, "value": value, "why": WHY})


@pytest.mark.parametrize("series, year, value", [("kotra", 2019, 3090), ("KOTRA", 2019, 3090.0), ("customs", 2019, 2789.01),
                                                 ("Chinese customs", 2019, 2789), ("customs", 2013, 6544.7),
                                                 ("kotra", "2024", 2640.87)])
def test_series_choice_recorded_when_the_figure_is_that_series_figure(series, year, value):
    r = _series(series, year, value)
    assert r.status == "recorded", r.message


@pytest.mark.parametrize("series, year, value, words", [
    ("kotra", 2019, 2789.01, "is the Chinese customs figure for 2019"),
    ("customs", 2019, 3090, "is the KOTRA estimate figure for 2019, but the series you chose is Chinese customs"),
    ("customs", 2012, 6033.9, "not the preferred one"),
    ("customs", 1995, 500, "no preferred figure for 1995"),
    ("kotra", 1999, 370, "no preferred figure for 1999"),
    ("kotra", 2019, 3500, "does not match"),
    ("comtrade", 2019, 3090, "'customs' or 'kotra'"),
    (42, 2019, 3090, "'customs' or 'kotra'"),
    ("kotra", 2019.5, 3090, "whole-number year"),
    ("kotra", True, 3090, "whole-number year"),
    ("kotra", 2019, "3090", "without quotes"),
    ("kotra", 2019, float("nan"), "without quotes"),
])
def test_series_choice_problems_are_plain_sentences(series, year, value, words):
    r = _series(series, year, value)
    assert r.status == "wrong" and words in r.message, r.message


def test_series_choice_model_solution_is_valid():
    kotra = measures.trade_series(data.load_china_dprk_trade(), "kotra").set_index("year")["value"]
    assert validate_series_choice({"series": "kotra", "year": 2019, "value": float(kotra[2019])})[0] == []


def test_every_measure_is_recorded_with_its_own_value():
    table = measures.course_asymmetry_table()
    row = measures.measures_for_year(table, 2024)
    for m in MEASURE_CHOICES:
        value = measure_value(row, m)
        problems, summary = validate_measure_choice({"measure": m, "year": 2024, "value": value})
        assert problems == [] and "2024" in summary, (m, problems)
    assert measure_value(row, "hirschman_lower") == pytest.approx(row["china_share_of_dprk_pct"] / 100)


@pytest.mark.parametrize("measure, year, value, words", [
    ("salience", 2024, 1.86, "written as a per cent"),
    ("china_share", 2024, 0.9795, "written as a fraction"),
    ("symmetry", 2024, 0.9795, "is the lower bound of North Korea's Hirschman index"),
    ("ratio", 2019, 2000, "cannot be computed for 2019"),
    ("salience", 2007, 0.03, "cannot be computed for 2007"),
    ("ratio", 1980, 10, "no figures for 1980"),
    ("ratio", 2024, 5000, "does not match"),
    ("leverage", 2024, 1, "should be one of"),
    ("ratio", "twenty", 1, "whole-number year"),
    ("ratio", 2024, [2768], "without quotes"),
])
def test_measure_choice_problems_are_plain_sentences(measure, year, value, words):
    r = _measure(measure, year, value)
    assert r.status == "wrong" and words in r.message, r.message


def test_china_share_works_in_years_without_china_total():
    # 2019 has no customs total for China, so the ratio cannot be computed, but China's share can
    t = measures.course_asymmetry_table().set_index("year")
    assert _measure("china_share", 2019, t.loc[2019, "china_share_of_dprk_pct"]).status == "recorded"
    assert _measure("hirschman_upper", 1998, measures.hirschman_bounds(t.loc[1998, "china_share_of_dprk_pct"])[1]).status == "recorded"


anything = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
                     st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@settings(max_examples=150, deadline=None)
@given(a=anything, b=anything, c=anything)
def test_validators_never_raise(a, b, c):
    for fn, keys in ((validate_series_choice, ("series", "year", "value")), (validate_measure_choice, ("measure", "year", "value"))):
        problems, summary = fn(dict(zip(keys, (a, b, c))))
        assert isinstance(problems, list) and isinstance(summary, str)
        assert all(isinstance(p, str) and p for p in problems)


def test_predictions_are_recorded_then_compared_with_the_data():
    assert predict("3.P1", 60).status == "recorded"
    r = outcome("3.P1")
    assert r.status == "compared" and "88.2" in r.message
    assert predict("3.P2", "lots").status == "invalid"
    assert predict("3.P2", -2).status == "recorded" and "Close" in outcome("3.P2").message
