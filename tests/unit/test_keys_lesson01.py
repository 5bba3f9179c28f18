"""Lesson 01's keys: the two decide-and-defend validators (1.4, 1.9), the prediction (1.P1) and the computed keys.

The validators check validity and consistency with the evidence, never "the one right opinion", and never raise.
"""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliancelab import data, models
from alliancelab.exercises import check, get_exercise, grade, outcome, predict
from alliancelab.keys import lesson01 as K

WHY = " ".join(["because"] * 45)

THREAT_ANSWER = {
    "ratings": {
        "United States": {"aggregate_power": 10, "proximity": 6, "offensive_power": 9, "intentions": 9},
        "Soviet Union": {"aggregate_power": 8, "proximity": 9, "offensive_power": 7, "intentions": 5},
        "Japan": {"aggregate_power": 4, "proximity": 6, "offensive_power": 3, "intentions": 5},
    },
    "evidence": {"United States": ["H2", "H3", "H4"], "Soviet Union": ["H4", "H6", "1961_ussr_dprk_treaty"],
                 "Japan": ["H1", "1960_us_japan_security_treaty_signed"]},
    "weights": {"aggregate_power": 1, "proximity": 1, "offensive_power": 1, "intentions": 2},
    "first": "United States",
    "why": WHY,
}
EPISODE_ANSWER = {"event": "2006_unsc_res_1718", "state": "China", "ally": "North Korea", "fear": "entrapment", "why": WHY}


def test_the_decide_tasks_record_a_valid_answer_and_restate_it():
    r = grade("1.4", THREAT_ANSWER)
    assert r.status == "recorded"
    assert "United States (8.60) > Soviet Union (6.80) > Japan (4.60)" in r.message
    assert "perceived intentions" in r.message  # the judgement it turns on
    r = grade("1.9", EPISODE_ANSWER)
    assert r.status == "recorded" and "China's fear of entrapment by North Korea" in r.message


def test_other_opinions_are_recorded_too():
    """A learner who puts the Soviet Union first is not marked wrong, provided the numbers say so."""
    answer = copy.deepcopy(THREAT_ANSWER)
    answer["ratings"]["Soviet Union"]["intentions"] = 10
    answer["first"] = "Soviet Union"
    assert grade("1.4", answer).status == "recorded"
    other = {**EPISODE_ANSWER, "event": "2009_china_oil_exports_halt", "state": "North Korea", "ally": "China",
             "fear": "abandonment"}
    assert grade("1.9", other).status == "recorded"


def test_threat_ranking_inconsistent_with_own_numbers_is_caught():
    answer = {**THREAT_ANSWER, "first": "Japan"}
    r = grade("1.4", answer)
    assert r.status == "wrong" and "first is the United States" in r.message


def test_threat_evidence_must_exist_involve_the_state_and_predate_1962():
    answer = copy.deepcopy(THREAT_ANSWER)
    answer["evidence"] = {"United States": ["1963_liu_choe_joint_statement"], "Soviet Union": ["H2"],
                          "Japan": ["no_such_row"]}
    msg = grade("1.4", answer).message
    assert "after 1961" in msg and "H2 is not about the Soviet Union" in msg and "'no_such_row' is neither" in msg
    answer["evidence"] = {"United States": ["H2"], "Soviet Union": ["1953_us_rok_mdt_signed"], "Japan": []}
    msg = grade("1.4", answer).message
    assert "does not involve the Soviet Union" in msg and "at least one evidence id for Japan" in msg


def test_threat_ratings_and_weights_are_validated_plainly():
    answer = copy.deepcopy(THREAT_ANSWER)
    answer["ratings"]["Japan"]["proximity"] = 12
    assert "0–10" in grade("1.4", answer).message
    answer = {**THREAT_ANSWER, "ratings": {"United States": {}}, "weights": {s: 0 for s in models.THREAT_SOURCES}}
    msg = grade("1.4", answer).message
    assert "exactly three keys" in msg and "All the weights are zero" in msg


def test_the_justification_must_be_long_enough():
    assert grade("1.4", {**THREAT_ANSWER, "why": "short"}).status == "invalid"
    assert grade("1.9", {**EPISODE_ANSWER, "why": "short"}).status == "invalid"


def test_episode_must_be_new_main_and_involve_the_state():
    for event in ("1961_ussr_dprk_treaty", "2000_russia_dprk_treaty", "1992_china_rok_normalisation",
                  "2024_11_01_china_their_own_matter"):
        assert "already classified" in grade("1.9", {**EPISODE_ANSWER, "event": event}).message
    assert "labelled variant" in grade("1.9", {**EPISODE_ANSWER, "event": "1958_cpv_withdrawal_complete_oct26"}).message
    assert "There is no event" in grade("1.9", {**EPISODE_ANSWER, "event": "1999_nothing"}).message
    msg = grade("1.9", {**EPISODE_ANSWER, "event": "2006_dprk_nuclear_test_1"}).message
    assert "not one of the row's actors" in msg


def test_episode_ally_and_fear_are_checked():
    msg = grade("1.9", {**EPISODE_ANSWER, "ally": "Japan", "fear": "anxiety"}).message
    assert "'ally' must be" in msg and "North Korea" in msg and "\"abandonment\" or \"entrapment\"" in msg
    assert grade("1.9", {**EPISODE_ANSWER, "fear": "Entrapment"}).status == "recorded"
    assert "'state' must be one of" in grade("1.9", {**EPISODE_ANSWER, "state": "Ukraine"}).message


def test_allied_pairs_are_symmetric_and_each_has_a_treaty_row():
    events = data.load_events()
    treaties = events[events["category"] == "treaty"]["actors"].map(lambda s: {a.strip() for a in s.split(";")})
    for state, allies in K.ALLIES.items():
        for ally in allies:
            assert state in K.ALLIES[ally], (state, ally)
            assert any({state, ally} <= actors for actors in treaties), f"no treaty row for {state}–{ally}"


def test_shown_episodes_cover_what_the_lesson_classifies():
    shown = K.shown_episodes()
    assert set(K.CLASSIFY_EPISODES) <= shown and set(K.EPISODE_KEY) <= shown
    assert {p.event_id for p in models.EPISODE_PLACEMENTS} <= shown
    main = models.filter_events(data.load_events())
    assert len(set(main["id"]) - shown) > 100  # plenty left to classify


def test_prediction_and_computed_keys_follow_the_model():
    assert get_exercise("1.P1").key() == "A"
    assert get_exercise("1.6").key() == "B"
    assert predict("1.P1", "c").status == "recorded"
    result = outcome("1.P1")
    assert result.status == "compared" and "hastened to integrate" in result.message


def test_every_choice_distractor_names_its_misconception():
    for i in ("1.1", "1.2", "1.3", "1.5", "1.6", "1.8", "1.10"):
        ex = get_exercise(i)
        key = ex.key()
        for letter in ex.choices:
            if letter != key:
                r = grade(i, letter)
                assert r.status == "wrong" and ex.misconceptions[letter].split(":")[0] in r.message


def test_hints_grow_more_specific():
    for i in ("1.4", "1.9"):
        ex = get_exercise(i)
        assert len(ex.hints) >= 3 and len(set(ex.hints)) == len(ex.hints)


answers = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8) | st.just(...),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=14), children, max_size=4),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ratings=answers, evidence=answers, weights=answers, first=answers, event=answers, state=answers)
def test_validators_never_raise(ratings, evidence, weights, first, event, state):
    for answer in ({"ratings": ratings, "evidence": evidence, "weights": weights, "first": first, "why": WHY},
                   {"event": event, "state": state, "ally": first, "fear": weights, "why": WHY}):
        for eid in ("1.4", "1.9"):
            r = check(eid, answer, strict=False)
            assert r.status in ("recorded", "wrong", "invalid", "unanswered")
    problems, summary = K.validate_threat_ranking({"ratings": ratings, "evidence": evidence, "weights": weights,
                                                   "first": first})
    assert isinstance(problems, list) and isinstance(summary, str)
    problems, summary = K.validate_episode({"event": event, "state": state, "ally": first, "fear": weights})
    assert isinstance(problems, list) and isinstance(summary, str)
