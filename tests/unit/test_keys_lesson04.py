"""Lesson 04's keys: the decide-and-defend validators (valid and consistent, never one opinion), the prediction, and
the figures the explanations state, recomputed from the data."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from alliancelab import data, timeline
from alliancelab.exercises import get_exercise, grade
from alliancelab.keys import lesson04 as K

from tests.helpers import NOTEBOOKS

WHY = " ".join(["because the evidence in the table supports this reading of the record"] * 5)


# ------------------------------------------------------------------ the model solutions in the master are valid


def _solution_dict(exercise_id: str) -> dict:
    """Run the master's solution cell for one decide item (its assignments only) and return the answer dict."""
    nb = json.loads((NOTEBOOKS / "04_russia_pivot_2024.ipynb").read_text(encoding="utf-8"))
    var = "answer_" + exercise_id.replace(".", "_")
    cell = next("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"
                and f'check("{exercise_id}", {var})' in "".join(c["source"]))
    body = cell.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    scope = {"timeline": timeline, "troops": data.load_troops(), var: {}}
    exec(body, scope)  # noqa: S102 - the course's own master notebook
    return scope[var]


@pytest.mark.parametrize("exercise_id", ["4.2", "4.7", "4.10"])
def test_master_solutions_are_recorded(exercise_id):
    result = grade(exercise_id, _solution_dict(exercise_id))
    assert result.status == "recorded", result.message


# ------------------------------------------------------------------ 4.2: the end of the Soviet treaty


def test_soviet_end_accepts_any_pair_of_rows_with_a_legal_treaty_law_date():
    problems, summary = K.validate_soviet_end({"deterrence": K.SOVIET_END[0], "treaty_law": "1995_russia_notifies_dprk_ussr_treaty"})
    assert problems == [] and "December 1991" in summary and "1995-08-07" in summary
    problems, summary = K.validate_soviet_end({"deterrence": "1996_ussr_dprk_treaty_lapse", "treaty_law": "1996_ussr_dprk_treaty_lapse"})
    assert problems == [] and "same row for both" in summary


@pytest.mark.parametrize("treaty_law", sorted(K.NOT_A_LEGAL_END))
def test_soviet_end_treaty_law_needs_a_legal_step(treaty_law):
    problems, _ = K.validate_soviet_end({"deterrence": K.SOVIET_END[2], "treaty_law": treaty_law})
    assert len(problems) == 1 and "legal end" in problems[0]


@pytest.mark.parametrize("value", [None, 1996, "1996", "", "1961_prc_dprk_treaty", ["1996_ussr_dprk_treaty_lapse"]])
def test_soviet_end_rejects_what_is_not_a_row(value):
    problems, _ = K.validate_soviet_end({"deterrence": value, "treaty_law": "1996_ussr_dprk_treaty_lapse"})
    assert len(problems) == 1 and "'deterrence'" in problems[0]


def test_soviet_end_rows_exist_and_include_every_bullet():
    events = data.load_events().set_index("id")
    assert set(K.SOVIET_END) <= set(events.index)
    assert set(K.NOT_A_LEGAL_END) < set(K.SOVIET_END)


def test_decide_shape_is_checked_before_the_validator():
    assert grade("4.2", {"deterrence": ..., "treaty_law": ..., "why": ...}).status == "unanswered"
    assert grade("4.2", {"deterrence": K.SOVIET_END[3], "treaty_law": K.SOVIET_END[5], "why": "too short"}).status == "invalid"
    wrong = grade("4.2", {"deterrence": "x", "treaty_law": K.SOVIET_END[5], "why": WHY})
    assert wrong.status == "wrong" and "Hint 1 of 3" in wrong.message


# ------------------------------------------------------------------ 4.7: the range of claims


GOOD = {"measure": "troops_deployed", "period": ("2024-10-01", "2024-12-31"), "leave_out": [],
        "ranges": {"South Korea": (1500, 11000), "Ukraine": (10000, 12000)},
        "sentence": "Claims ranged from 1,500 (South Korea's NIS, 18 October) to 12,000 (Ukraine's HUR) by 31 December 2024."}


def test_claim_ranges_recorded_and_flexible_in_form():
    assert K.validate_claim_ranges(GOOD)[0] == []
    table = timeline.claim_ranges(data.load_troops(), "troops_deployed", start="2024-10-01", until="2024-12-31")
    assert K.validate_claim_ranges({**GOOD, "ranges": table})[0] == []  # the table itself
    lower = {**GOOD, "ranges": {"south korea": [1500.0, 11000.0], "UKRAINE": (10000, 12000)}, "leave_out": "013",
             "period": (dt.date(2024, 10, 1), pd.Timestamp("2024-12-31"))}
    assert K.validate_claim_ranges(lower)[0] == []


def test_claim_ranges_recomputes_after_leaving_rows_out():
    # Without the NIS's last claim (021, 11,000) the South Korean high is 3,000.
    choice = {**GOOD, "leave_out": ["021"], "ranges": {"South Korea": (1500, 11000), "Ukraine": (10000, 12000)}}
    problems, _ = K.validate_claim_ranges(choice)
    assert len(problems) == 1 and "high for South Korea" in problems[0] and "too high" in problems[0]
    ok = {**choice, "ranges": {"South Korea": (1500, 3000), "Ukraine": (10000, 12000)}}
    assert K.validate_claim_ranges(ok)[0] == []


@pytest.mark.parametrize("change, words", [
    ({"sentence": "About 15,000 North Korean troops were in Russia by the end of 2024, officials said."}, "15,000"),
    ({"ranges": {"South Korea": (1500, 11000)}}, "at least two"),
    ({"ranges": {"Seoul": (1500, 11000), "Ukraine": (10000, 12000)}}, "not a claimant group"),
    ({"ranges": {"South Korea": (11000, 1500), "Ukraine": (10000, 12000)}}, "lower first"),
    ({"ranges": {"United Kingdom": (1, 2), "Ukraine": (10000, 12000)}}, "No United Kingdom claim"),
    ({"leave_out": ["999"]}, "not troops_deployed claims"),
    ({"measure": "tanks"}, "'measure'"),
    ({"period": ("2024-12-31", "2024-10-01")}, "starts after it ends"),
    ({"period": "2024"}, "'period'"),
    ({"ranges": [1500, 11000]}, "'ranges'"),
    ({"sentence": "Too short."}, "'sentence'"),
    ({"leave_out": None}, "'leave_out'"),
])
def test_claim_ranges_problems_are_plain_sentences(change, words):
    problems, _ = K.validate_claim_ranges({**GOOD, **change})
    assert problems and any(words in p for p in problems), problems


def test_numbers_in_skips_years_days_ordinals_and_articles():
    text = ("On 19 December 2024 (and December 19th) the NIS said 11,000; Ukraine said 10,000–12,000, "
            "Article 4 was cited, and 1.5 thousand or 3000 more were reported on 3 January.")
    assert K.numbers_in(text) == [11000, 10000, 12000, 1.5, 3000]


# ------------------------------------------------------------------ 4.10: a claim after the cut-off


def _claim(**change):
    base = {"date": (data.cutoff() + pd.Timedelta(days=2)).strftime("%Y-%m-%d"), "claimant": "A spokesman",
            "quote": "words spoken by the claimant in a report", "url": "https://example.org/a",
            "second_url": "https://www.another.example.net/b", "kind": "Claim"}
    return {**base, **change}


def test_new_claim_recorded_with_or_without_a_second_source():
    assert K.validate_new_claim(_claim())[0] == []
    problems, summary = K.validate_new_claim(_claim(second_url=None))
    assert problems == [] and "no second source" in summary


@pytest.mark.parametrize("change, words", [
    ({"date": data.cutoff().strftime("%Y-%m-%d")}, "not after the course data's cut-off"),
    ({"date": "25 February 2026"}, "'date'"),
    ({"date": "2999-01-01"}, "in the future"),
    ({"claimant": "  "}, "'claimant'"),
    ({"quote": "too short"}, "'quote'"),
    ({"quote": "Kim decided that the situation required the enactment of Article 4"}, "already in events.csv"),
    ({"url": "example.org/a"}, "'url'"),
    ({"second_url": "https://example.org/other"}, "same site"),
    ({"second_url": "no"}, "'second_url'"),
    ({"kind": "fact"}, "'kind'"),
])
def test_new_claim_problems(change, words):
    problems, _ = K.validate_new_claim(_claim(**change))
    assert problems and any(words in p for p in problems), problems


@pytest.mark.parametrize("exercise_id", ["4.2", "4.7", "4.10"])
@pytest.mark.parametrize("value", [None, 3, 2.5, True, "x", [], {}, (), {"a": 1}, float("nan"), pd.DataFrame(), ...])
def test_validators_never_raise(exercise_id, value):
    ex = get_exercise(exercise_id)
    problems, _ = ex.validate({field: value for field in ex.fields})
    assert problems or value is ...  # ... is 'unanswered' before the validator; here it must still not raise


# ------------------------------------------------------------------ prediction and the figures the explanations state


def test_prediction_key_and_explanation_match_the_data():
    kotra = timeline.two_patrons(basis="kotra").dropna(subset=["russia_share_pct"]).set_index("year")
    ex = get_exercise("4.P1")
    assert ex.kind == "prediction" and ex.key() == pytest.approx(kotra["russia_share_pct"].max())
    assert f"{kotra['russia_share_pct'].max():.1f}% ({kotra['russia_share_pct'].idxmax()})" in ex.explanation
    assert (kotra.loc[kotra.index >= 2009, "russia_share_pct"] < 3).all() and "under 3% from 2009" in ex.explanation
    assert round(kotra.loc[2000, "china_share_pct"] / 25) == 1 and round(kotra.loc[2015, "china_share_pct"] / 10) == 9


def test_share_2000_on_the_ministry_figure():
    ex = get_exercise("4.8")
    russia = data.load_russia_dprk_trade().query("year == 2000 and preferred").set_index("series")["total_usd_million"]
    total = timeline.two_patrons(basis="kotra").set_index("year").loc[2000]
    assert ex.key() == pytest.approx(105 / total["total_usd_million"] * 100) and russia["russian_official"] == 105
    for stated in (f"{ex.key():.2f}%", f"{total['russia_share_pct']:.2f}%", f"US${total['total_usd_million']:,.0f}",
                   f"(US${russia['kotra']:.0f} million)"):
        assert stated in ex.explanation, stated


def test_best_basis_2020_jump_explained_by_the_total():
    ex = get_exercise("4.9")
    best = timeline.two_patrons(basis="best").set_index("year")
    for year in (2019, 2020):
        assert f"{best.loc[year, 'russia_share_pct']:.2f}% ({year})" in ex.explanation
    assert f"US${best.loc[2020, 'russia_usd_million']:.2f} million" in ex.explanation
    assert f"US${best.loc[2019, 'total_usd_million']:,.0f} million to US${best.loc[2020, 'total_usd_million']:,.0f}" in ex.explanation
    assert best.loc[2020, "russia_usd_million"] < best.loc[2019, "russia_usd_million"]  # Russia's trade did not grow
    assert not best.loc[2020, "same_compiler"]
    quotes = " ".join(data.load_russia_dprk_trade().query("year == 2020")["quote"])
    assert "10.8% less than in the previous year" in quotes and "10.8% less than in the previous year" in ex.explanation


def test_highest_us_claim_of_2024():
    ex = get_exercise("4.6")
    rows = timeline.claims(data.load_troops(), "troops_deployed", until="2024-12-31").query("group == 'United States'")
    top = rows.loc[rows["figure"].idxmax()]
    assert ex.key() == 12000 and top["row_id"] == "019" and str(top["date_reported"].date()) == "2024-11-26"
    assert "row 019" in ex.explanation and "26 November 2024" in ex.explanation and pd.isna(top["high"])  # a lower bound
