"""Unit tests for alliancelab.measures: hand-computed cases, edge cases and bad data."""

import math

import pandas as pd
import pytest

from alliancelab import data, measures as m
from alliancelab.measures import MeasureError


# ---------------------------------------------------------------- share_pct (the interface lesson 04 imports)
def test_share_pct_hand_computed():
    assert m.share_pct(1, 4) == 25.0
    assert m.share_pct(760.8, 863) == pytest.approx(88.158, abs=1e-3)  # 76080 / 863
    assert m.share_pct(0, 10) == 0.0
    assert m.share_pct(10, 10) == 100.0


@pytest.mark.parametrize("total", [0, -5, None, float("nan")])
def test_share_pct_bad_total(total):
    with pytest.raises(MeasureError, match="total"):
        m.share_pct(1, total)


def test_share_pct_missing_part():
    with pytest.raises(MeasureError, match="part is missing"):
        m.share_pct(None, 10)


def test_share_above_100_is_bad_data_not_clipped():
    with pytest.raises(MeasureError, match="above 100") as err:
        m.share_pct(5, 4)
    assert "5" in str(err.value) and "4" in str(err.value)
    assert issubclass(MeasureError, ValueError)


# ---------------------------------------------------------------- Barbieri, ratio, Hirschman
def test_salience_symmetry_hand_computed():
    # shares 50% and 8%: salience = sqrt(0.5*0.08) = sqrt(0.04) = 0.2; symmetry = 1 - 0.42 = 0.58
    assert m.salience(50, 8) == pytest.approx(0.2)
    assert m.symmetry(50, 8) == pytest.approx(0.58)
    assert m.interdependence(50, 8) == pytest.approx(0.116)
    assert m.symmetry(30, 30) == 1.0
    assert m.salience(0, 90) == 0.0
    assert m.symmetry(8, 50) == m.symmetry(50, 8)


@pytest.mark.parametrize("bad", [-1, 101, None, float("nan")])
def test_barbieri_bad_shares(bad):
    with pytest.raises(MeasureError):
        m.salience(bad, 10)
    with pytest.raises(MeasureError):
        m.symmetry(10, bad)


def test_ratio():
    assert m.ratio(90, 0.15) == pytest.approx(600)
    with pytest.raises(MeasureError):
        m.ratio(90, 0)
    with pytest.raises(MeasureError):
        m.ratio(None, 3)


def test_hirschman_hand_computed():
    assert m.hirschman_index([100]) == 1.0
    assert m.hirschman_index([50, 50]) == pytest.approx(math.sqrt(0.5))  # 0.7071
    assert m.hirschman_index([60, 30, 10]) == pytest.approx(math.sqrt(0.36 + 0.09 + 0.01))
    with pytest.raises(MeasureError, match="> 100"):
        m.hirschman_index([70, 40])
    with pytest.raises(MeasureError):
        m.hirschman_index([])


def test_hirschman_bounds_bracket_any_split():
    lo, hi = m.hirschman_bounds(60)
    assert lo == pytest.approx(0.6) and hi == pytest.approx(math.sqrt(0.36 + 0.16))
    for rest in ([40], [20, 20], [10] * 4, [1] * 40):
        assert lo - 1e-12 <= m.hirschman_index([60, *rest]) <= hi + 1e-12


# ---------------------------------------------------------------- series functions on a small hand-made frame
def _toy():
    return pd.DataFrame({
        "year": [2000, 2001, 2003, 2004, 2000, 2001],
        "series": ["customs"] * 4 + ["kotra"] * 2,
        "total_usd_million": [100.0, 50.0, 80.0, None, 110.0, 60.0],
        "china_exports_usd_million": [60.0, 30.0, None, 30.0, None, None],
        "china_imports_usd_million": [40.0, 20.0, None, 10.0, None, None],
        "preferred": [True] * 6,
        "source": ["a", "b", "c", "d", "e", "f"],
    })


def test_trade_series_total_falls_back_to_sum_and_labels_it():
    s = m.trade_series(_toy(), "customs")
    assert list(s["year"]) == [2000, 2001, 2003, 2004]
    assert s.set_index("year").loc[2004, "value"] == 40.0
    assert s.set_index("year").loc[2004, "basis"] == "exports + imports"
    bal = m.trade_series(_toy(), "customs", "balance")
    assert list(bal["year"]) == [2000, 2001, 2004] and list(bal["value"]) == [20.0, 10.0, 20.0]
    with pytest.raises(MeasureError):
        m.trade_series(_toy(), "cia", "total")


def test_missing_year_is_not_bridged():
    s = m.trade_series(_toy(), "customs")
    yoy = m.year_on_year(s).set_index("year")
    assert yoy.loc[2001, "change"] == -50.0 and yoy.loc[2001, "change_pct"] == -50.0
    assert math.isnan(yoy.loc[2003, "change"])  # 2002 is missing: no change computed across the gap
    assert m.largest_fall(s, "pct") == (2001, -50.0)


def test_series_gap_and_missing_year():
    assert m.series_gap(_toy(), 2000) == 10.0
    with pytest.raises(MeasureError, match="no KOTRA"):
        m.series_gap(_toy(), 2003)


def test_asymmetry_table_zero_total_and_missing_year():
    trade = _toy()
    dprk = pd.DataFrame({"year": [2000, 2001], "series": ["kotra"] * 2, "dprk_total_trade_usd_million": [200.0, 0.0],
                         "dprk_exports_usd_million": [None, None], "dprk_imports_usd_million": [None, None],
                         "china_share_pct_reported": [None, None], "preferred": [True, True],
                         "preferred_share": [False, False], "source": ["x", "y"]})
    china = pd.DataFrame({"year": [2000, 2001], "series": ["customs"] * 2, "china_total_trade_usd_million": [1000.0, 1000.0],
                          "china_exports_usd_million": [None, None], "china_imports_usd_million": [None, None],
                          "preferred": [True, True], "source": ["p", "q"]})
    t = m.asymmetry_table(trade, dprk, china)
    row = m.measures_for_year(t, 2000)
    assert row["china_share_of_dprk_pct"] == pytest.approx(55.0)  # 110 / 200
    assert row["dprk_share_of_china_pct"] == pytest.approx(10.0)  # 100 / 1000
    assert row["ratio"] == pytest.approx(5.5)
    assert row["symmetry"] == pytest.approx(0.55)
    with pytest.raises(MeasureError, match="no data for 2001"):  # DPRK total of zero
        m.measures_for_year(t, 2001)
    with pytest.raises(MeasureError, match="no data for 1999"):
        m.measures_for_year(t, 1999)


def test_asymmetry_table_share_above_100_is_reported_missing_not_clipped():
    trade = _toy()
    dprk = pd.DataFrame({"year": [2000], "series": ["kotra"], "dprk_total_trade_usd_million": [50.0],
                         "dprk_exports_usd_million": [None], "dprk_imports_usd_million": [None],
                         "china_share_pct_reported": [None], "preferred": [True], "preferred_share": [False], "source": ["x"]})
    china = pd.DataFrame({"year": [2000], "series": ["customs"], "china_total_trade_usd_million": [1000.0],
                          "china_exports_usd_million": [None], "china_imports_usd_million": [None], "preferred": [True], "source": ["p"]})
    t = m.asymmetry_table(trade, dprk, china)  # 110 of 50 would be 220 %
    assert math.isnan(t.set_index("year").loc[2000, "china_share_of_dprk_pct"])
    with pytest.raises(MeasureError):
        m.measures_for_year(t, 2000)


# ---------------------------------------------------------------- on the course data
def test_course_table_matches_reported_shares():
    t = m.course_asymmetry_table().dropna(subset=["china_share_of_dprk_pct", "china_share_reported_pct"])
    assert len(t) >= 15
    assert (abs(t["china_share_of_dprk_pct"] - t["china_share_reported_pct"]) < 0.5).all()


def test_course_table_hand_checked_2019_and_2023():
    t = m.course_asymmetry_table().set_index("year")
    assert t.loc[2023, "china_share_of_dprk_pct"] == pytest.approx(100 * 2721.1 / 2770)
    assert t.loc[2023, "dprk_share_of_china_pct"] == pytest.approx(100 * 2295.38 / 5940000)
    assert math.isnan(t.loc[2019, "dprk_share_of_china_pct"])  # no China customs total for 2019 in the data
    assert m.series_gap(data.load_china_dprk_trade(), 2019) == pytest.approx(3090 - 2789.01)


# ---------------------------------------------------------------- sensitivity and vulnerability: substitution
ROWS = {2000: (80.0, 100.0), 2001: (40.0, 50.0), 2002: (60.0, 90.0), 2004: (50.0, 60.0)}  # {year: (china, total)}


def test_substitution_hand_computed():
    # base 2000: China 80 of 100 (share 80%), others 20. Cut 50% -> 40 lost. Replace 50% over 2 years:
    # year 1: 40 + 20 + 0.5*40*(1/2) = 70; year 2 and later: 40 + 20 + 20 = 80.
    s = m.substitution(ROWS, 2000, 50, 50, 2, horizon=3)
    assert [p["year"] for p in s["path"]] == [2000, 2001, 2002, 2003]
    assert [p["total"] for p in s["path"]] == pytest.approx([100, 70, 80, 80])
    assert [p["replacement"] for p in s["path"]] == pytest.approx([0, 10, 20, 20])
    assert s["sensitivity_pct"] == pytest.approx(40.0)  # cut x share = 0.5 x 80%
    assert s["vulnerability_pct"] == pytest.approx(30.0) and s["vulnerability_end_pct"] == pytest.approx(20.0)
    assert s["path"][1]["china_share_pct"] == pytest.approx(100 * 40 / 70)


def test_substitution_extremes():
    none = m.substitution(ROWS, 2000, 100, 0, 1, horizon=2)
    assert none["vulnerability_end_pct"] == pytest.approx(none["sensitivity_pct"]) == pytest.approx(80.0)
    full = m.substitution(ROWS, 2000, 100, 100, 1, horizon=2)
    assert full["vulnerability_pct"] == pytest.approx(0.0) and full["path"][1]["china_share_pct"] == 0.0
    zero = m.substitution(ROWS, 2000, 0, 100, 3)
    assert all(p["total"] == pytest.approx(100) for p in zero["path"])  # no cut, nothing to replace


@pytest.mark.parametrize("args", [(2000, 150, 0, 1), (2000, -1, 0, 1), (2000, 50, 101, 1), (2000, 50, None, 1),
                                  (2000, 50, 0, 0), (2000, 50, 0, 1.5), (2000, 50, 0, True), (1999, 50, 0, 1)])
def test_substitution_refuses_impossible_assumptions_and_missing_years(args):
    with pytest.raises(MeasureError):
        m.substitution(ROWS, *args)


def test_record_after_hand_computed_and_gaps():
    r = m.record_after(ROWS, 2000, horizon=4)
    assert [p["year"] for p in r["path"]] == [2000, 2001, 2002, 2004]  # 2003 is missing: left out, not interpolated
    assert r["china_change_pct"] == pytest.approx(-50.0)
    assert r["others_change_pct"] == pytest.approx(-50.0)  # others 20 -> 10
    assert r["implied_replacement_pct"] == pytest.approx(-25.0)  # -10 of the 40 lost
    up = m.record_after(ROWS, 2001)  # trade with China rose: nothing to replace
    assert up["china_change_pct"] > 0 and up["implied_replacement_pct"] is None
    last = m.record_after(ROWS, 2004)
    assert last["next"] is None and last["implied_replacement_pct"] is None
    with pytest.raises(MeasureError, match="no data for 2003"):
        m.record_after(ROWS, 2003)


def test_kotra_rows_keep_only_years_with_a_valid_share():
    rows = m.kotra_rows(m.course_asymmetry_table())
    assert rows[2019] == (3090.0, 3240.0) and rows[2020] == (760.8, 863.0)
    assert 1995 not in rows and 2007 not in rows and 2025 not in rows  # a KOTRA figure is missing there


def test_record_after_2019_on_the_course_data():
    """The 2020 record the lesson reads as vulnerability: other partners made up none of the trade lost with China."""
    r = m.record_after(m.course_asymmetry_table(), 2019)
    assert r["china_change_pct"] == pytest.approx(100 * (760.8 - 3090) / 3090)
    assert r["others_change_pct"] == pytest.approx(100 * ((863 - 760.8) - 150) / 150)
    assert r["implied_replacement_pct"] == pytest.approx(100 * ((863 - 760.8) - 150) / (3090 - 760.8))
    assert r["next"]["china_share_pct"] == pytest.approx(100 * 760.8 / 863)


def test_in_the_record_other_partners_almost_never_replaced_lost_china_trade():
    table = m.course_asymmetry_table()
    falls = {y: m.record_after(table, y) for y in m.kotra_rows(table)}
    fell = sorted(y for y, r in falls.items() if r["china_change_pct"] is not None and r["china_change_pct"] < 0)
    assert fell == [1993, 2008, 2014, 2016, 2017, 2019, 2020, 2023]
    assert [y for y in fell if falls[y]["implied_replacement_pct"] > 0] == [2023]
