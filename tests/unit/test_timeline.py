"""alliancelab.timeline: the lesson 04 computations, checked against hand-computed values and bad input."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliancelab import data, timeline
from alliancelab.timeline import TimelineError


def _events(rows):
    cols = ["id", "date", "date_precision", "actors", "category", "description", "variant_of", "source", "quote", "note"]
    frame = pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


TOY = _events([
    ("a", "1961-07-06", "day", "Soviet Union;North Korea", "treaty", "Anchor treaty", None, "s1", "q", None),
    ("b", "2019-04-25", "day", "North Korea;Russia", "diplomacy", "Summit", None, "s1", "q", None),
    ("c", "2024-06-19", "day", "Russia;North Korea", "treaty", "Signed", None, "s1", "q", None),
    ("c2", "2024-06-18", "day", "Russia;North Korea", "treaty", "Other source's date", "c", "s2", "q", None),
    ("d", "2024-12-04", "day", "North Korea;Russia", "treaty", "In force", None, "s1", "q", None),
    ("m", "2024-10-01", "month", "China", "diplomacy", "Month only", None, "s1", "q", None),
    ("old", "2010-01-01", "day", "China", "economy", "Outside the window", None, "s1", "q", None),
])


# ------------------------------------------------------------------ events


def test_days_between_hand_computed():
    # 19 June -> 4 December 2024: 11 (rest of June) + 31 + 31 + 30 + 31 + 30 + 4 = 168
    assert timeline.days_between(TOY, "c", "d") == 168
    assert timeline.days_between(TOY, "d", "c") == -168
    assert timeline.days_between(TOY, "c", "c") == 0


def test_days_between_refuses_imprecise_dates_and_unknown_ids():
    with pytest.raises(TimelineError, match="month"):
        timeline.days_between(TOY, "c", "m")
    with pytest.raises(TimelineError, match="No event 'nope'"):
        timeline.days_between(TOY, "c", "nope")


def test_days_between_on_the_course_data():
    events = data.load_events()
    assert timeline.days_between(events, "2024_06_19_putin_pyongyang_treaty_signed",
                                 "2024_12_04_instruments_exchanged") == 168


def test_chronological_orders_by_date_and_rejects_unknown():
    assert timeline.chronological(TOY, ["d", "a", "c", "b"]) == ["a", "b", "c", "d"]
    with pytest.raises(TimelineError):
        timeline.chronological(TOY, ["a", "zzz"])


def test_timeline_window_anchors_and_variants():
    tl = timeline.timeline_events(TOY, anchors=("a",))
    assert list(tl["id"]) == ["a", "b", "c", "m", "d"]  # sorted by date; 'old' outside; variant 'c2' dropped
    assert list(tl["is_anchor"]) == [True, False, False, False, False]
    assert tl.loc[tl["id"] == "m", "date_text"].item() == "October 2024"
    assert tl.loc[tl["id"] == "c", "label"].item() == "2024-06-19 · Signed"
    with pytest.raises(TimelineError):
        timeline.timeline_events(TOY, start=2025, end=2019)


def test_filter_events_by_actor_and_category():
    tl = timeline.timeline_events(TOY, anchors=("a",))
    assert list(timeline.filter_events(tl, "China")["id"]) == ["m"]
    assert list(timeline.filter_events(tl, "Russia", "treaty")["id"]) == ["c", "d"]
    assert len(timeline.filter_events(tl, timeline.ALL_ACTORS, timeline.ALL_CATEGORIES)) == len(tl)
    assert len(timeline.filter_events(tl, None, "")) == len(tl)
    assert timeline.filter_events(tl, "Atlantis").empty
    # 'Korea' must not match 'North Korea' by substring
    assert timeline.filter_events(tl, "Korea").empty


def test_actors_and_label_truncation():
    assert timeline.actors_of(TOY) == ["China", "North Korea", "Russia", "Soviet Union"]
    row = pd.Series({"date_text": "2024", "description": "x" * 100})
    label = timeline.event_label(row, width=10)
    assert label == "2024 · " + "x" * 9 + "…"


def test_format_date_respects_precision():
    assert timeline.format_date("2024-10-01", "month") == "October 2024"
    assert timeline.format_date("2024-01-01", "year") == "2024"
    assert timeline.format_date("2024-06-19", "day") == "2024-06-19"


def test_event_html_shows_source_quote_variants_and_escapes():
    sources = pd.DataFrame({"key": ["s1", "s2"], "citation": ["Cite <one>", "Cite two"], "url": ["http://x", None],
                            "accessed": ["", ""], "note": ["", ""]})
    risky = _events([("x", "2024-06-19", "day", "Russia", "treaty", "<script>alert(1)</script>", None, "s1",
                      "a 'quoted' <b>text</b>", "n"),
                     ("x2", "2024-06-18", "day", "Russia", "treaty", "variant", "x", "s2", "q", None)])
    out = timeline.event_html(risky, "x", sources)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "Cite &lt;one&gt;" in out and "http://x" in out
    assert "Sources differ" in out and "2024-06-18" in out
    assert "Pick an event" in timeline.event_html(risky, None, sources)
    assert "No event" in timeline.event_html(risky, "missing", sources)


def test_every_course_event_renders_with_its_citation():
    events, sources = data.load_events(), data.load_sources()
    for event_id in timeline.timeline_events(events)["id"]:
        out = timeline.event_html(events, event_id, sources)
        assert "not in data/sources.csv" not in out, event_id


# ------------------------------------------------------------------ two patrons


def _trade():
    china = pd.DataFrame({"year": [2000, 2001, 2002], "series": ["kotra", "kotra", "customs"],
                          "total_usd_million": [40.0, 50.0, 60.0], "preferred": [True, True, True], "source": ["c"] * 3})
    russia = pd.DataFrame({"year": [2000, 2002, 2002, 2001], "series": ["kotra", "russian_customs", "other", "kotra"],
                           "total_usd_million": [5.0, 7.0, 99.0, 6.0], "preferred": [True, True, True, False],
                           "source": ["r1", "r2", "r3", "r4"]})
    total = pd.DataFrame({"year": [2000, 2001, 2002], "series": ["kotra", "kotra", "kotra"],
                          "dprk_total_trade_usd_million": [100.0, 200.0, 50.0], "preferred": [True] * 3,
                          "source": ["t"] * 3})
    return china, russia, total


def test_two_patrons_kotra_basis_keeps_gaps():
    china, russia, total = _trade()
    t = timeline.two_patrons(china, russia, total, basis="kotra")
    assert list(t["year"]) == [2000, 2001, 2002]
    assert t.loc[0, "russia_share_pct"] == pytest.approx(5.0)  # 5 / 100
    assert t.loc[0, "china_share_pct"] == pytest.approx(40.0)
    assert math.isnan(t.loc[1, "russia_usd_million"])  # 2001 row is not preferred: a gap, not filled
    assert math.isnan(t.loc[2, "china_usd_million"])  # only customs in 2002: not KOTRA
    assert t.loc[2, "same_compiler"]


def test_two_patrons_best_basis_labels_series_and_never_uses_unlisted_series():
    china, russia, total = _trade()
    t = timeline.two_patrons(china, russia, total, basis="best")
    row = t[t["year"] == 2002].iloc[0]
    assert row["russia_usd_million"] == 7.0 and row["russia_series"] == "russian_customs"  # 'other' (99) never used
    assert row["china_series"] == "customs" and not row["same_compiler"]
    # China 60 > total 50 is inconsistent: share is NaN, not clipped to 100
    assert math.isnan(row["china_share_pct"])
    assert row["russia_share_pct"] == pytest.approx(14.0)


def test_two_patrons_bad_basis():
    with pytest.raises(TimelineError):
        timeline.two_patrons(*_trade(), basis="average")


def test_two_patrons_on_course_data_2013():
    t = timeline.two_patrons(basis="kotra")
    row = t[t["year"] == 2013].iloc[0]
    assert row["russia_usd_million"] == 104.22 and row["total_usd_million"] == 7340.0  # KOTRA via RFA (preferred over the rounded 104)
    assert row["russia_share_pct"] == pytest.approx(104.22 / 7340 * 100)
    years = list(t["year"])
    assert years == list(range(years[0], years[-1] + 1))  # every year present: gaps are rows with NaN


def test_patrons_summary_html():
    china, russia, total = _trade()
    html = timeline.patrons_summary_html(timeline.two_patrons(china, russia, total, basis="best"))
    assert "Russian customs" in html and "(mixed)" in html and "14.0%" in html
    assert "No years" in timeline.patrons_summary_html(pd.DataFrame())


# ------------------------------------------------------------------ claims


def test_claimant_group():
    assert timeline.claimant_group("South Korea NIS") == "South Korea"
    assert timeline.claimant_group("Ukraine (President Zelensky)") == "Ukraine"
    assert timeline.claimant_group("United States (DoD, Singh)") == "United States"
    assert timeline.claimant_group("Ukrainian sources (Telegram)") == "Other or mixed"
    assert timeline.claimant_group("Politico (estimate)") == "Other or mixed"


def test_claims_figure_uses_high_else_low_and_until():
    troops = pd.DataFrame({
        "row_id": ["1", "2", "3", "4"], "date_reported": pd.to_datetime(["2024-10-01", "2024-10-02", "2025-01-01", "2024-10-03"]),
        "claimant": ["South Korea NIS", "Ukraine", "United States", "X"],
        "measure": ["troops_deployed", "troops_deployed", "troops_deployed", "killed"],
        "low": pd.array([1500, None, 20000, 5], dtype="Int64"), "high": pd.array([1500, 12000, None, 5], dtype="Int64"),
        "source": ["a", "b", "c", "d"]})
    c = timeline.claims(troops, "troops_deployed", until="2024-12-31")
    assert list(c["figure"]) == [1500.0, 12000.0]
    assert timeline.claims(troops, "troops_deployed")["figure"].max() == 20000.0
    with pytest.raises(TimelineError):
        timeline.claims(troops, "tanks")


def test_claims_on_course_data():
    c = timeline.claims(data.load_troops(), "troops_deployed", until="2024-12-31")
    assert c["figure"].max() == 12000
    assert (c["date_reported"] <= "2024-12-31").all()


def test_claim_ranges_low_high_by_group_with_bounds_and_leave_out():
    troops = pd.DataFrame({
        "row_id": ["001", "002", "003", "004", "005", "006"],
        "date_reported": pd.to_datetime(["2024-10-01", "2024-10-02", "2024-10-05", "2024-11-01", "2025-01-01", "2024-10-03"]),
        "claimant": ["South Korea NIS", "South Korea NIS", "Ukraine (HUR)", "Ukraine (Zelensky)", "Ukraine", "Press"],
        "measure": ["troops_deployed"] * 6,
        "low": pd.array([1500, 3000, None, 11000, 20000, None], dtype="Int64"),
        "high": pd.array([1500, None, 12000, 11000, 20000, None], dtype="Int64"),
        "source": list("abcdef")})
    r = timeline.claim_ranges(troops, "troops_deployed", until="2024-12-31")
    # an "at least 3,000" counts 3,000 at both ends; an "up to 12,000" too; a claim with no number is not a range
    assert r.loc["South Korea", ["low", "high"]].tolist() == [1500, 3000]
    assert r.loc["Ukraine", ["low", "high"]].tolist() == [11000, 12000] and r.loc["Ukraine", "claims"] == 2
    assert "Other or mixed" not in r.index
    r2 = timeline.claim_ranges(troops, "troops_deployed", start="2024-10-02", until="2024-12-31", leave_out=[3, "004"])
    assert list(r2.index) == ["South Korea"] and r2.loc["South Korea", "row_ids"] == "002"
    assert timeline.claim_ranges(troops, "troops_deployed").loc["Ukraine", "high"] == 20000
    with pytest.raises(TimelineError):
        timeline.claim_ranges(troops, "tanks")


def test_claim_ranges_on_course_data():
    r = timeline.claim_ranges(data.load_troops(), "troops_deployed", start="2024-10-01", until="2024-12-31")
    assert r.loc["South Korea", ["low", "high"]].tolist() == [1500, 11000]
    assert r.loc["United States", "high"] == 12000
    assert timeline.row_id(13) == "013" and timeline.row_id("013") == "013" and timeline.row_id("x1") == "x1"
