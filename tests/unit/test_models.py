"""Unit tests for alliancelab.models: the abandonment–entrapment teaching model, the threat composite, episode tagging."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliancelab import data, models
from alliancelab.keys.lesson01 import CLASSIFY_EPISODES, EPISODE_KEY, WHOSE_OPTIONS

GRID = [i / 20 for i in range(21)]


# --------------------------------------------------------------------------- abandonment–entrapment


def test_hand_computed_values():
    assert models.abandonment_risk(0.0) == 1.0
    assert models.abandonment_risk(1.0) == 0.0
    assert models.abandonment_risk(0.25) == pytest.approx(0.5625)
    assert models.entrapment_risk(0.5, 0.8) == pytest.approx(0.2)
    assert models.combined_cost(0.5, 0.8) == pytest.approx(0.25 + 0.2)
    assert models.optimal_commitment(0.6) == pytest.approx(0.625)
    assert models.minimum_cost(1.0) == pytest.approx(0.5)


@pytest.mark.parametrize("r", GRID)
def test_all_risks_bounded_0_1(r):
    for c in GRID:
        assert 0.0 <= models.abandonment_risk(c) <= 1.0
        assert 0.0 <= models.entrapment_risk(c, r) <= 1.0
        assert 0.0 <= models.combined_cost(c, r) <= 2.0


def test_more_commitment_less_abandonment_fear():
    values = [models.abandonment_risk(c) for c in GRID]
    assert all(a > b for a, b in zip(values, values[1:]))


@pytest.mark.parametrize("r", [0.1, 0.5, 1.0])
def test_more_commitment_more_entrapment_risk(r):
    values = [models.entrapment_risk(c, r) for c in GRID]
    assert all(a < b for a, b in zip(values, values[1:]))


@pytest.mark.parametrize("c", [0.1, 0.5, 1.0])
def test_more_client_risk_more_entrapment_risk(c):
    values = [models.entrapment_risk(c, r) for r in GRID]
    assert all(a < b for a, b in zip(values, values[1:]))


def test_no_commitment_no_entrapment_and_cautious_client_no_entrapment():
    assert models.entrapment_risk(0.0, 1.0) == 0.0
    assert models.entrapment_risk(1.0, 0.0) == 0.0


@pytest.mark.parametrize("r", [0.0, 0.2, 0.6, 0.85, 1.0])
def test_combined_cost_minimum_matches_a_fine_grid(r):
    curves = models.model_curves(r, n=2001)
    grid_best = curves.loc[curves["combined"].idxmin(), "commitment"]
    assert grid_best == pytest.approx(models.optimal_commitment(r), abs=1e-3)
    assert curves["combined"].min() == pytest.approx(models.minimum_cost(r), abs=1e-6)
    assert models.combined_cost(models.optimal_commitment(r), r) == pytest.approx(models.minimum_cost(r))


def test_reducing_one_fear_raises_the_other_best_commitment_falls_with_risk():
    best = [models.optimal_commitment(r) for r in GRID]
    assert all(a > b for a, b in zip(best, best[1:]))
    assert best[0] == 1.0 and best[-1] == 0.5


def test_model_curves_shape_and_columns():
    curves = models.model_curves(0.3, n=11)
    assert list(curves.columns) == ["commitment", "abandonment", "entrapment", "combined"]
    assert len(curves) == 11 and curves["commitment"].iloc[-1] == 1.0
    assert (curves["combined"] == curves["abandonment"] + curves["entrapment"]).all()


@pytest.mark.parametrize("bad", [-0.1, 1.1, math.nan, math.inf, "0.5", None, True])
def test_bad_inputs_raise_a_plain_value_error(bad):
    with pytest.raises(ValueError, match="between 0 and 1"):
        models.abandonment_risk(bad)
    with pytest.raises(ValueError):
        models.optimal_commitment(bad)


def test_model_curves_rejects_bad_n():
    with pytest.raises(ValueError, match="at least 2"):
        models.model_curves(0.5, n=1)


def test_describe_point_reads_the_side_of_the_optimum():
    assert "abandonment fear dominates" in models.describe_point(0.2, 0.5)
    assert "entrapment risk dominates" in models.describe_point(1.0, 1.0)
    assert "close to the commitment" in models.describe_point(0.65, 0.5)


def test_episode_placements_refer_to_real_events_and_lie_in_the_unit_square():
    events = data.load_events()
    main = events[events["variant_of"].isna()]
    ids = set(main["id"])
    wanted = {"1992_china_rok_normalisation", "2003_three_party_talks_beijing_apr23", "2024_06_19_putin_pyongyang_treaty_signed"}
    assert {p.event_id for p in models.EPISODE_PLACEMENTS} == wanted
    for p in models.EPISODE_PLACEMENTS:
        assert p.event_id in ids
        assert 0 <= p.commitment <= 1 and 0 <= p.risk_taking <= 1
        assert p.reasoning and p.label


def test_placements_order_the_episodes_as_the_lesson_says():
    by_id = {p.event_id: p for p in models.EPISODE_PLACEMENTS}
    p1992, p2003 = by_id["1992_china_rok_normalisation"], by_id["2003_three_party_talks_beijing_apr23"]
    # 1992: below the best commitment (abandonment dominates); 2003: entrapment risk higher than in 1992.
    assert p1992.commitment < models.optimal_commitment(p1992.risk_taking)
    assert models.entrapment_risk(p2003.commitment, p2003.risk_taking) > models.entrapment_risk(p1992.commitment, p1992.risk_taking)


# --------------------------------------------------------------------------- threat composite

RATINGS = {
    "A": {"aggregate_power": 10, "proximity": 0, "offensive_power": 5, "intentions": 1},
    "B": {"aggregate_power": 2, "proximity": 8, "offensive_power": 4, "intentions": 9},
}
EQUAL = {s: 1 for s in models.THREAT_SOURCES}


def test_threat_scores_hand_computed():
    scores = models.threat_scores(RATINGS, EQUAL).set_index("threat")
    assert scores.loc["A", "composite"] == pytest.approx(4.0)
    assert scores.loc["B", "composite"] == pytest.approx(5.75)
    assert scores.loc["B", "rank"] == 1 and scores.loc["A", "rank"] == 2


def test_weights_are_rescaled():
    double = {s: 2 for s in models.THREAT_SOURCES}
    a = models.threat_scores(RATINGS, EQUAL)["composite"].tolist()
    b = models.threat_scores(RATINGS, double)["composite"].tolist()
    assert a == pytest.approx(b)


def test_ranking_changes_with_the_weights():
    power = models.WEIGHT_PRESETS["Balance of power (aggregate power only)"]
    assert models.threat_scores(RATINGS, power)["threat"].tolist() == ["A", "B"]
    assert models.threat_scores(RATINGS, EQUAL)["threat"].tolist() == ["B", "A"]


def test_ties_share_a_rank():
    same = {"X": dict(RATINGS["A"]), "Y": dict(RATINGS["A"])}
    assert models.threat_scores(same, EQUAL)["rank"].tolist() == [1, 1]


def test_illustrative_1961_scenario_values_and_the_flip_under_intentions():
    ratings = models.THREAT_SCENARIOS["Beijing, 1961"]["ratings"]
    scores = models.threat_scores(ratings, EQUAL).set_index("threat")["composite"]
    assert scores["United States"] == pytest.approx(8.5)
    assert scores["Soviet Union"] == pytest.approx(6.75)
    assert scores["Japan"] == pytest.approx(4.5)
    orders = models.rankings_by_preset(ratings)
    assert orders["Balance of power (aggregate power only)"] == ["United States", "Soviet Union", "Japan"]
    assert orders["Intentions only"] == ["United States", "Japan", "Soviet Union"]


@pytest.mark.parametrize("weights, message", [
    ({s: 0 for s in models.THREAT_SOURCES}, "All the weights are zero"),
    ({"aggregate_power": 1}, "missing"),
    ({**EQUAL, "proximity": -1}, "0 or more"),
    ({**EQUAL, "proximity": "x"}, "0 or more"),
])
def test_bad_weights_give_plain_messages(weights, message):
    with pytest.raises(ValueError, match=message):
        models.threat_scores(RATINGS, weights)


def test_bad_ratings_give_plain_messages():
    with pytest.raises(ValueError, match="0–10"):
        models.threat_scores({"A": {**RATINGS["A"], "intentions": 11}}, EQUAL)
    with pytest.raises(ValueError, match="no rating"):
        models.threat_scores({"A": {"aggregate_power": 1}}, EQUAL)
    with pytest.raises(ValueError, match="no potential threat"):
        models.threat_scores({}, EQUAL)


# --------------------------------------------------------------------------- episodes


def test_filter_events_drops_variants_and_matches_actor_names_exactly():
    events = data.load_events()
    everything = models.filter_events(events)
    assert everything["variant_of"].isna().all()
    assert len(everything) == events["variant_of"].isna().sum()
    russia = models.filter_events(events, "Russia")
    assert len(russia) > 0
    assert all("Russia" in s.split(";") for s in russia["actors"])
    ussr = models.filter_events(events, "Soviet Union", "treaty")
    assert ussr["id"].tolist() == ["1961_ussr_dprk_treaty"]
    assert models.filter_events(events, "Russia", "All").equals(russia)
    assert models.filter_events(events, "Nobody").empty


def test_filter_events_is_sorted_by_date():
    rows = models.filter_events(data.load_events(), "China", "diplomacy")
    assert rows["date"].is_monotonic_increasing


KEY = {"e1": {"tag": "entrapment", "whose": "China", "reasoning": "because"},
       "e2": {"tag": "neither", "whose": "", "reasoning": "domestic"}}


@pytest.mark.parametrize("event, tag, whose, status", [
    ("e1", "entrapment", "China", "correct"),
    ("e1", "entrapment", None, "partly"),
    ("e1", "entrapment", "—", "partly"),
    ("e1", "entrapment", "Russia", "partly"),
    ("e1", "abandonment", "China", "wrong"),
    ("e1", None, None, "untagged"),
    ("e1", "nonsense", None, "untagged"),
    ("e2", "neither", None, "correct"),
    ("e2", "abandonment", "China", "wrong"),
    ("zz", "abandonment", "China", "unkeyed"),
])
def test_tag_feedback_statuses(event, tag, whose, status):
    result = models.tag_feedback(KEY, event, tag, whose)
    assert result["status"] == status
    if status in ("correct", "wrong"):
        assert result["reasoning"]


# --------------------------------------------------------------------------- the instructor's key


def test_episode_key_entries_are_real_events_with_known_sources():
    events = data.load_events().set_index("id")
    known = data.source_keys()
    for event_id, entry in EPISODE_KEY.items():
        assert event_id in events.index, event_id
        assert pd.isna(events.loc[event_id, "variant_of"]), f"{event_id} is a variant row"
        assert entry["tag"] in models.TAGS
        if entry["tag"] == "neither":
            assert entry["whose"] == ""
        else:
            assert entry["whose"] in WHOSE_OPTIONS
        keys = entry["source"].split(";")
        assert keys[0] == events.loc[event_id, "source"], f"{event_id}: the first source must be the event's own"
        assert all(k in known for k in keys), f"{event_id}: unknown source in {keys}"
        assert len(entry["reasoning"]) > 40


def test_key_has_every_tag_and_the_classification_episodes():
    assert {e["tag"] for e in EPISODE_KEY.values()} == set(models.TAGS)
    assert set(CLASSIFY_EPISODES) <= set(EPISODE_KEY)
    dates = data.load_events().set_index("id").loc[list(CLASSIFY_EPISODES), "date"]
    assert dates.is_monotonic_increasing
