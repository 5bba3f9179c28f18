"""Lesson 02's keys: choice keys read from the data, and the decide-and-defend validators (2.5, 2.11).

The validators check validity and consistency with the evidence, never "the one right opinion": every complete
version of Article 4 can be recorded with the codes its words support, and any valid weights can be recorded with a
true claim about the robustness check.
"""

from __future__ import annotations

import functools
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliancelab import data, treaties
from alliancelab.exercises import get_exercise, grade

WHY = " ".join(["because the evidence in the article says so"] * 8)  # 56 words
CODES = {"defence_obligation": "yes", "trigger": "armed_attack_war", "immediacy": "without_delay", "means": "all_means",
         "qualifiers": "un_charter_art51_and_laws"}


@pytest.mark.parametrize("ex_id, key", [("2.1", "B"), ("2.2", "D"), ("2.3", "A"), ("2.4", "A"), ("2.6", "C"),
                                        ("2.7", "D"), ("2.8", "C"), ("2.10", "B"), ("2.P1", "C")])
def test_choice_keys_follow_the_data(ex_id, key):
    assert get_exercise(ex_id).key() == key  # a '?' would mean the data no longer support the key


def test_wrong_letters_name_their_misconception():
    for ex_id in ("2.1", "2.2", "2.3", "2.4", "2.6", "2.7", "2.8", "2.10"):
        ex = get_exercise(ex_id)
        for letter in set(ex.choices) - {ex.key()}:
            r = grade(ex_id, letter)
            assert r.status == "wrong" and ex.misconceptions[letter].split(":")[0] in r.message


# --- 2.5: Article 4 from a version the learner chooses ---------------------------------------------------------------


@pytest.mark.parametrize("version, immediacy", [("yonhap_en", "without_delay"), ("chosun_en", "without_delay"),
                                                ("kcna_ko", "without_delay"), ("interfax_en", "immediately"),
                                                ("Interfax", "immediately"), ("korean", "without_delay")])
def test_article4_every_complete_version_can_be_recorded(version, immediacy):
    r = grade("2.5", {"version": version, "codes": {**CODES, "immediacy": immediacy}, "why": WHY})
    assert r.status == "recorded", r.message


def test_article4_codes_must_match_the_chosen_version():
    r = grade("2.5", {"version": "interfax_en", "codes": CODES, "why": WHY})
    assert r.status == "wrong" and "immediacy" in r.message and "interfax_en" in r.message
    assert "immediately" not in r.message.split("Hint")[0]  # the problem names the dimension, not the fix
    r = grade("2.5", {"version": "yonhap_en", "codes": {**CODES, "immediacy": "immediately"}, "why": WHY})
    assert r.status == "wrong" and "immediacy" in r.message
    r = grade("2.5", {"version": "yonhap_en", "codes": {**CODES, "trigger": "armed_attack"}, "why": WHY})
    assert r.status == "wrong" and "trigger" in r.message


def test_article4_partial_version_and_bad_shapes_are_plain_sentences():
    assert "breaks off" in grade("2.5", {"version": "kcna_en", "codes": CODES, "why": WHY}).message
    assert "one of" in grade("2.5", {"version": "pravda", "codes": CODES, "why": WHY}).message
    assert "dictionary" in grade("2.5", {"version": "yonhap_en", "codes": "yes", "why": WHY}).message
    assert "give a code for means" in grade("2.5", {"version": "yonhap_en", "codes": {k: v for k, v in CODES.items() if k != "means"}, "why": WHY}).message
    assert "not a code" in grade("2.5", {"version": "yonhap_en", "codes": {**CODES, "means": "some"}, "why": WHY}).message
    assert grade("2.5", {"version": "yonhap_en", "codes": list(CODES.values()), "why": WHY}).status == "recorded"  # in order


# --- 2.11: the learner's own weights -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _tables():
    points = treaties.points_matrix(data.load_provisions(), data.load_treaties())
    return points, treaties.rank_robustness(points)


def _truth(weights):
    points, rob = _tables()
    return treaties.lead_survives(weights, points, robustness=rob)["survives"]


@pytest.mark.parametrize("weights", [
    {d: 1 for d in treaties.INDEX_DIMENSIONS},
    {"qualifiers": 3, "consultation": 1, "duration_termination": 1},
    {"qualifiers": 0, "consultation": 3, "defence_obligation": 3, "immediacy": 2},
    {"defence_obligation": 1, "means": 1},
])
def test_weights_recorded_only_with_the_true_claim(weights):
    truth = _truth(weights)
    assert grade("2.11", {"weights": weights, "lead_survives": truth, "why": WHY}).status == "recorded"
    wrong = grade("2.11", {"weights": weights, "lead_survives": not truth, "why": WHY})
    assert wrong.status == "wrong" and "does not match" in wrong.message


def test_both_claims_occur_on_the_grid():
    """The claim is not guessable: some valid weightings give a lead that survives, others one that does not."""
    dims = treaties.INDEX_DIMENSIONS
    seen = set()
    for w in itertools.islice(itertools.product(range(4), repeat=len(dims)), 0, None, 97):
        if sum(1 for v in w if v) >= 2:
            seen.add(_truth(dict(zip(dims, w))))
    assert seen == {True, False}


@pytest.mark.parametrize("weights, words", [
    ({"qualifiers": 4, "means": 1}, "0 to 3"),
    ({"qualifiers": 1.5, "means": 1}, "0 to 3"),
    ({"qualifiers": True, "means": 1}, "0 to 3"),
    ({"qualifiers": 3}, "at least two"),
    ({"aid": 2, "means": 1}, "not an index dimension"),
    ({}, "dictionary"),
    ("3,2,1", "dictionary"),
])
def test_weights_bad_input_is_a_plain_sentence(weights, words):
    r = grade("2.11", {"weights": weights, "lead_survives": True, "why": WHY})
    assert r.status == "wrong" and words in r.message


def test_weights_claim_must_be_a_boolean():
    r = grade("2.11", {"weights": {"qualifiers": 3, "means": 1}, "lead_survives": "yes", "why": WHY})
    assert r.status == "wrong" and "True or False" in r.message


_any = st.recursive(st.none() | st.booleans() | st.integers(-5, 10) | st.floats(allow_nan=True) | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=20), inner, max_size=7),
                    max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(version=_any, codes=_any | st.fixed_dictionaries({k: _any for k in CODES}), weights=_any, claim=_any)
def test_decide_validators_never_raise(version, codes, weights, claim):
    for ex_id, answer in (("2.5", {"version": version, "codes": codes, "why": WHY}),
                          ("2.11", {"weights": weights, "lead_survives": claim, "why": WHY})):
        r = grade(ex_id, answer)
        assert r.status in ("recorded", "wrong", "invalid") and r.message
        assert "could not be read" not in r.message  # the validator handled it, not the safety net
