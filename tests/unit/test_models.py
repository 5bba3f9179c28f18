"""Unit tests for alliancelab.models: the abandonment–entrapment teaching model, the threat composite, episode tagging."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliancelab import data, models
from alliancelab.keys.lesson01 import CLASSIFY_EPISODES, EPISODE_KEY, WHOSE_OPTIONS
from tests.helpers import ROOT

GRID = [i / 20 for i in range(21)]


# --------------------------------------------------------------------------- abandonment–entrapment (both allies)


def test_hand_computed_values():
    # A = p_a (1 - c_a) (1 - c)^2 ; E = r_a c^2
    assert models.partner_pull(0.5, 0.8) == pytest.approx(0.4)
    assert models.abandonment_risk(0.0, 0.0, 1.0) == 1.0
    assert models.abandonment_risk(1.0, 0.0, 1.0) == 0.0
    assert models.abandonment_risk(0.25, 0.5, 0.8) == pytest.approx(0.4 * 0.5625)
    assert models.entrapment_risk(0.5, 0.8) == pytest.approx(0.2)
    assert models.combined_cost(0.5, 0.5, 0.8, 0.8) == pytest.approx(0.4 * 0.25 + 0.2)
    # c* = q / (q + r): q = 0.4, r = 0.6 -> 0.4
    assert models.optimal_commitment(0.5, 0.6, 0.8) == pytest.approx(0.4)
    assert models.minimum_cost(0.5, 0.6, 0.8) == pytest.approx(0.4 * 0.6 / 1.0)
    # with an ally of full pull (p = 1, c_a = 0) the model reduces to the single-fear case c* = 1 / (1 + r)
    assert models.optimal_commitment(0.0, 0.6, 1.0) == pytest.approx(1 / 1.6)


@pytest.mark.parametrize("r", GRID[::4])
@pytest.mark.parametrize("ca", GRID[::4])
@pytest.mark.parametrize("p", GRID[::4])
def test_all_risks_bounded_0_1(r, ca, p):
    for c in GRID:
        assert 0.0 <= models.abandonment_risk(c, ca, p) <= 1.0
        assert 0.0 <= models.entrapment_risk(c, r) <= 1.0
        assert 0.0 <= models.combined_cost(c, ca, r, p) <= 1.0 + 1e-12  # convex, so at most max(q, r) <= 1


def test_abandonment_falls_with_own_commitment_and_with_the_allys():
    own = [models.abandonment_risk(c, 0.3, 0.9) for c in GRID]
    assert all(a > b for a, b in zip(own, own[1:]))
    ally = [models.abandonment_risk(0.3, ca, 0.9) for ca in GRID]
    assert all(a > b for a, b in zip(ally, ally[1:]))


def test_abandonment_rises_with_the_allys_alternatives():
    values = [models.abandonment_risk(0.3, 0.5, p) for p in GRID]
    assert all(a < b for a, b in zip(values, values[1:]))
    assert models.abandonment_risk(0.3, 0.5, 0.0) == 0.0  # an ally with nowhere else to go cannot defect
    assert models.abandonment_risk(0.3, 1.0, 1.0) == 0.0  # nor can a fully committed one, in the model


@pytest.mark.parametrize("r", [0.1, 0.5, 1.0])
def test_more_commitment_more_entrapment_risk(r):
    values = [models.entrapment_risk(c, r) for c in GRID]
    assert all(a < b for a, b in zip(values, values[1:]))


@pytest.mark.parametrize("c", [0.1, 0.5, 1.0])
def test_riskier_ally_more_entrapment_risk(c):
    values = [models.entrapment_risk(c, r) for r in GRID]
    assert all(a < b for a, b in zip(values, values[1:]))


@pytest.mark.parametrize("ca, r, p", [(0.0, 0.2, 1.0), (0.5, 0.6, 0.8), (0.5, 0.85, 0.2), (0.3, 0.0, 0.5),
                                      (0.0, 1.0, 0.0), (0.9, 0.5, 0.9)])
def test_combined_cost_minimum_matches_a_fine_grid(ca, r, p):
    curves = models.model_curves(ca, r, p, n=2001)
    grid_best = curves.loc[curves["combined"].idxmin(), "commitment"]
    assert grid_best == pytest.approx(models.optimal_commitment(ca, r, p), abs=1e-3)
    assert curves["combined"].min() == pytest.approx(models.minimum_cost(ca, r, p), abs=1e-6)
    best = models.optimal_commitment(ca, r, p)
    assert models.combined_cost(best, ca, r, p) == pytest.approx(models.minimum_cost(ca, r, p))


def test_no_pull_and_no_risk_has_no_best_commitment():
    assert models.optimal_commitment(1.0, 0.0, 0.7) is None
    assert models.optimal_commitment(0.3, 0.0, 0.0) is None
    assert models.minimum_cost(0.3, 0.0, 0.0) == 0.0
    text = models.describe_fears("A", "B", models.AllySettings(0.5, 0.5, 0.5), models.AllySettings(0.3, 0.0, 0.0))
    assert "neither fear arises" in text


def test_the_dilemma_best_commitment_falls_with_risk_and_rises_with_pull():
    by_risk = [models.optimal_commitment(0.5, r, 1.0) for r in GRID]
    assert all(a > b for a, b in zip(by_risk, by_risk[1:]))
    assert by_risk[0] == 1.0 and by_risk[-1] == pytest.approx(1 / 3)
    by_pull = [models.optimal_commitment(0.5, 0.5, p) for p in GRID[1:]]
    assert all(a < b for a, b in zip(by_pull, by_pull[1:]))


def test_both_allies_carry_both_fears():
    """The issue-14 fix: the same formulas hold for either ally, so a patron can fear abandonment."""
    china, nk = models.AllySettings(0.3, 0.5, 0.5), models.AllySettings(0.5, 0.5, 0.9)
    for state, ally in ((china, nk), (nk, china)):
        f = models.fears(state, ally)
        assert f["abandonment"] > 0 and f["entrapment"] > 0
    assert models.fears(china, nk)["abandonment"] > models.fears(china, nk)["entrapment"]


def test_one_allys_looser_commitment_raises_the_others_abandonment_fear():
    """Exercise 1.8 in the model: a lower commitment by Russia lowers its entrapment risk, raises North Korea's
    fear of abandonment."""
    nk = models.AllySettings(0.5, 0.7, 0.5)
    firm, loose = models.AllySettings(0.9, 0.3, 0.5), models.AllySettings(0.4, 0.3, 0.5)
    assert models.fears(loose, nk)["entrapment"] < models.fears(firm, nk)["entrapment"]
    assert models.fears(nk, loose)["abandonment"] > models.fears(nk, firm)["abandonment"]


def test_model_curves_shape_and_columns():
    curves = models.model_curves(0.5, 0.3, 0.8, n=11)
    assert list(curves.columns) == ["commitment", "abandonment", "entrapment", "combined"]
    assert len(curves) == 11 and curves["commitment"].iloc[-1] == 1.0
    assert (curves["combined"] == curves["abandonment"] + curves["entrapment"]).all()


@pytest.mark.parametrize("bad", [-0.1, 1.1, math.nan, math.inf, "0.5", None, True])
def test_bad_inputs_raise_a_plain_value_error(bad):
    with pytest.raises(ValueError, match="between 0 and 1"):
        models.abandonment_risk(bad, 0.5, 0.5)
    with pytest.raises(ValueError, match="between 0 and 1"):
        models.abandonment_risk(0.5, bad, 0.5)
    with pytest.raises(ValueError):
        models.optimal_commitment(0.5, bad, 0.5)
    with pytest.raises(ValueError):
        models.AllySettings(bad, 0.5, 0.5)


def test_model_curves_rejects_bad_n():
    with pytest.raises(ValueError, match="at least 2"):
        models.model_curves(0.5, 0.5, 0.5, n=1)


def test_describe_fears_reads_the_side_of_the_optimum():
    ally = models.AllySettings(0.5, 0.5, 0.9)  # q = 0.45, r = 0.5: c* ~ 0.47
    assert "fear of abandonment dominates" in models.describe_fears("A", "B", models.AllySettings(0.1, 0, 0), ally)
    assert "risk of entrapment dominates" in models.describe_fears("A", "B", models.AllySettings(1.0, 0, 0), ally)
    assert "close to that" in models.describe_fears("A", "B", models.AllySettings(0.5, 0, 0), ally)


def test_episode_placements_refer_to_real_events_and_cite_real_rows():
    events = data.load_events()
    ids = set(events["id"])
    main = set(events.loc[events["variant_of"].isna(), "id"])
    assert [p.event_id for p in models.EPISODE_PLACEMENTS] == [
        "1961_ussr_dprk_treaty", "1992_china_rok_normalisation", "2003_three_party_talks_beijing_apr23"]
    for p in models.EPISODE_PLACEMENTS:
        assert p.event_id in main
        assert set(p.settings) == set(models.DYAD)
        assert p.reasons and p.label and p.held
        cited = {w for r in p.reasons for w in r.replace(",", " ").replace(")", " ").split() if w[:4].isdigit() and "_" in w}
        assert cited and cited <= ids, f"{p.label}: unknown event ids {cited - ids}"


def test_placements_read_as_the_lesson_says():
    p1961, p1992, p2003 = models.EPISODE_PLACEMENTS
    cn, nk = models.DYAD
    f = models.fears(p1961.settings[cn], p1961.settings[nk])
    assert f["commitment"] < f["best"] - models.CLOSE  # 1961: China below its best commitment
    f = models.fears(p1992.settings[nk], p1992.settings[cn])
    assert f["commitment"] < f["best"] - models.CLOSE  # 1992: North Korea below its best commitment
    f = models.fears(p2003.settings[cn], p2003.settings[nk])
    assert f["commitment"] > f["best"] + models.CLOSE  # 2003: China above its best commitment
    e1992 = models.fears(p1992.settings[cn], p1992.settings[nk])["entrapment"]
    assert f["entrapment"] > 2 * e1992


def test_placement_settings_are_on_the_slider_grid():
    for p in models.EPISODE_PLACEMENTS:
        for s in p.settings.values():
            for v in (s.commitment, s.risk_taking, s.alternatives):
                assert round(v * 20, 9) == round(v * 20), (p.label, v)


# --------------------------------------------------------------------------- threat assessment

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
    assert models.rankings_by_preset(RATINGS)["Intentions only"] == ["B", "A"]


def test_ties_share_a_rank():
    same = {"X": dict(RATINGS["A"]), "Y": dict(RATINGS["A"])}
    assert models.threat_scores(same, EQUAL)["rank"].tolist() == [1, 1]


def test_the_course_supplies_no_ratings_only_a_neutral_start():
    start = models.neutral_ratings()
    assert list(start) == list(models.THREATS_1961) == ["United States", "Soviet Union", "Japan"]
    assert {v for r in start.values() for v in r.values()} == {5}
    assert not hasattr(models, "THREAT_SCENARIOS")


def test_one_source_weights():
    w = models.one_source_weights("intentions", 0.25)
    assert w == pytest.approx({s: 0.25 for s in models.THREAT_SOURCES})
    assert models.one_source_weights("aggregate_power", 1.0) == pytest.approx(
        models.WEIGHT_PRESETS["Balance of power (aggregate power only)"])
    with pytest.raises(ValueError, match="Unknown source"):
        models.one_source_weights("size", 0.5)


def test_weight_sweep_matches_threat_scores():
    sweep = models.weight_sweep(RATINGS, "intentions", n=5)
    assert len(sweep) == 10
    for x in (0.0, 0.25, 0.5, 1.0):
        scores = models.threat_scores(RATINGS, models.one_source_weights("intentions", x)).set_index("threat")
        for t in RATINGS:
            row = sweep[(sweep["share"] == x) & (sweep["threat"] == t)]
            if len(row):
                assert row["composite"].item() == pytest.approx(scores.loc[t, "composite"])


def test_first_place_changes_exactly_where_the_lines_cross():
    # A: rest (0+5+1)/3 = 2 at x = 0, 10 at x = 1; B: rest (8+4+9)/3 = 7 -> 2. They cross at x = 5/13.
    changes = models.first_place_changes(RATINGS, "aggregate_power")
    assert len(changes) == 1
    assert changes[0]["share"] == pytest.approx(5 / 13)
    assert changes[0]["before"] == ["B"] and changes[0]["after"] == ["A"]
    # with intentions: A 5 -> 1, B 14/3 -> 9, so A leads at first and B from x = (1/3) / (25/3) = 0.04
    assert [(c["share"], c["after"]) for c in models.first_place_changes(RATINGS, "intentions")] == [
        (pytest.approx(0.04), ["B"])]
    strong = {"X": {s: 9 for s in models.THREAT_SOURCES}, "Y": {s: 1 for s in models.THREAT_SOURCES}}
    assert models.first_place_changes(strong, "proximity") == []  # X leads all the way


def test_closest_flips_are_the_smallest_whole_point_changes():
    # Equal weights: B 5.75, A 4.00; each point moves a composite by 0.25, so 7 points are needed.
    flips = models.closest_flips(RATINGS, EQUAL, limit=10)
    assert flips and all(abs(f["change"]) == 7 for f in flips)
    for f in flips:
        trial = {k: dict(v) for k, v in RATINGS.items()}
        trial[f["threat"]][f["source"]] = f["to"]
        first = models.threat_scores(trial, EQUAL)
        assert "A" in first.loc[first["rank"] == 1, "threat"].tolist()
    assert {(f["threat"], f["source"]) for f in flips} >= {("A", "proximity"), ("B", "intentions")}


def test_closest_flips_empty_for_a_tie_at_the_top():
    same = {"X": dict(RATINGS["A"]), "Y": dict(RATINGS["A"]), "Z": dict(RATINGS["B"])}
    assert models.closest_flips(same, models.WEIGHT_PRESETS["Balance of power (aggregate power only)"]) == []


def test_threat_evidence_is_verbatim_and_dated_no_later_than_1961():
    seed = ROOT.parent / "shared" / "seeds" / "han_2004_alliance_fatigue.txt"
    events = data.load_events().set_index("id")
    items = models.threat_evidence(data.load_events())
    assert {p["id"] for p in models.HAN_THREAT_PASSAGES} <= {i["id"] for i in items}
    for t in models.THREATS_1961:
        assert models.threat_evidence(data.load_events(), t), f"no evidence for {t}"
    for it in items:
        if it["kind"] == "event":
            assert events.loc[it["id"], "date"].year <= 1961
            assert it["text"] == events.loc[it["id"], "quote"]
            assert all(t in events.loc[it["id"], "actors"] for t in it["threats"])
    if seed.exists():  # the seed is beside the repository, not shipped: compare with PDF spacing removed
        text = seed.read_text(encoding="utf-8").replace("-\n", "")  # words hyphenated across a line break
        squeezed = "".join(text.split())
        for p in models.HAN_THREAT_PASSAGES:
            assert "".join(p["text"].split()) in squeezed, p["id"]


def test_bad_weights_and_ratings_give_plain_messages():
    for weights, message in [({s: 0 for s in models.THREAT_SOURCES}, "All the weights are zero"),
                             ({"aggregate_power": 1}, "missing"), ({**EQUAL, "proximity": -1}, "0 or more"),
                             ({**EQUAL, "proximity": "x"}, "0 or more"), ("x", "dictionary")]:
        with pytest.raises(ValueError, match=message):
            models.threat_scores(RATINGS, weights)
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
