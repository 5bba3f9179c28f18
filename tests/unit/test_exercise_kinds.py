"""Decide-and-defend tasks, predictions and misconception feedback (issue 14's exercise kinds)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliancelab import exercises
from alliancelab.exercises import Exercise, check, get_exercise, grade, outcome, predict, register


def _validate_weights(choice: dict) -> tuple[list[str], str]:
    weights = choice["weights"]
    if not isinstance(weights, dict) or not weights:
        return ["'weights' should be a dictionary of dimension: weight."], ""
    bad = [k for k, v in weights.items() if not isinstance(v, int) or not 0 <= v <= 3]
    if bad:
        return [f"Weights must be whole numbers from 0 to 3; check {', '.join(map(str, bad))}."], ""
    if choice["ranking_survives"] not in (True, False):
        return ["'ranking_survives' is True or False."], ""
    return [], f"Your weights: {weights}."


register(
    Exercise(id="t.k1", kind="choice", choices="ABCD", answer="C", explanation="C because.",
             hints=["first hint", "second hint"],
             misconceptions={"A": "Dataset as authority: a dataset is not the text.",
                             "B": "Guessing: nobody has read the missing text.",
                             "D": "Qualifier as time word: a qualifier conditions the promise."}),
    Exercise(id="t.k2", kind="decide", answer=None, explanation="Compare with the model answer.",
             hints=["Say which weight matters most."], fields=("weights", "ranking_survives"),
             validate=_validate_weights, min_words=5),
    Exercise(id="t.k3", kind="prediction", answer=lambda: 97.95, tolerance=5, unit="per cent",
             explanation="China's share is about 98%.", hints=["Think of the 2020 closure."]),
)


def test_wrong_choice_names_its_misconception_and_gives_a_hint():
    r = grade("t.k1", "A")
    assert r.status == "wrong" and "Dataset as authority" in r.message and "Hint 1 of 2" in r.message
    assert "C because" not in r.message  # the key's explanation is not shown for a wrong answer
    assert grade("t.k1", "C").status == "correct"


def test_misconceptions_must_name_real_options():
    with pytest.raises(ValueError):
        Exercise(id="t.kx", kind="choice", choices="ABC", answer="A", explanation="x", hints=["h"],
                 misconceptions={"E": "no such option"})


def test_decide_needs_fields_and_validate():
    with pytest.raises(ValueError):
        Exercise(id="t.ky", kind="decide", answer=None, explanation="x", hints=["h"])


def test_decide_records_a_valid_consistent_choice():
    r = grade("t.k2", {"weights": {"qualifiers": 3, "immediacy": 1}, "ranking_survives": False,
                      "why": "Qualifiers decide how binding the promise is in practice."})
    assert r.status == "recorded" and bool(r) and "valid and consistent" in r.message


def test_decide_reports_each_problem_plainly():
    r = grade("t.k2", {"weights": {"qualifiers": 5}, "ranking_survives": False, "why": "one two three four five six"})
    assert r.status == "wrong" and "whole numbers from 0 to 3" in r.message and not r


@pytest.mark.parametrize("answer, status, words", [
    ("weights 3", "invalid", "dictionary"),
    ({"weights": ..., "ranking_survives": ..., "why": ...}, "unanswered", "Fill in"),
    ({"weights": {"a": 1}, "ranking_survives": True}, "invalid", "'why'"),
    ({"weights": {"a": 1}, "ranking_survives": True, "why": "too short"}, "invalid", "at least 5"),
    ({"weights": {"a": 1}, "ranking_survives": True, "why": 42}, "invalid", "as text"),
    ({"weights": {"a": 1}, "ranking_survives": True, "why": "a b c d e f", "extra": 1}, "invalid", "Unexpected"),
])
def test_decide_shape_errors_are_plain_sentences(answer, status, words):
    r = grade("t.k2", answer)
    assert r.status == status and words in r.message


def test_decide_in_strict_mode_raises_only_when_inconsistent(monkeypatch):
    good = {"weights": {"a": 1}, "ranking_survives": True, "why": "one two three four five"}
    assert check("t.k2", good, strict=True)
    with pytest.raises(AssertionError):
        check("t.k2", {**good, "weights": {"a": 9}}, strict=True)


def test_prediction_is_recorded_then_compared():
    exercises._PREDICTIONS.pop("t.k3", None)
    assert outcome("t.k3").status == "unanswered"
    assert predict("t.k3", ...).status == "unanswered"
    assert predict("t.k3", "lots").status == "invalid"
    r = predict("t.k3", 60)
    assert r.status == "recorded" and "60" in r.message
    out = outcome("t.k3")
    assert out.status == "compared" and "60" in out.message and "97.95" in out.message and "about 98%" in out.message
    assert predict("t.k3", 96).status == "recorded" and outcome("t.k3").message.startswith("You predicted 96")
    assert check("t.k3", 50, strict=False).status == "invalid"  # a prediction is never checked as right or wrong


def test_prediction_ids_are_checked():
    assert predict("t.k1", 3).status == "unknown" and outcome("nope").status == "unknown"


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.none(), st.integers(), st.text(), st.lists(st.integers()),
                 st.dictionaries(st.text(), st.one_of(st.integers(), st.text(), st.none()))))
def test_new_kinds_never_raise_on_learner_input(value):
    for call in (lambda: check("t.k2", value, strict=False), lambda: predict("t.k3", value), lambda: outcome("t.k3"),
                 lambda: check("t.k1", value, strict=False)):
        assert call().status in exercises.LABELS


def test_registered_course_exercises_still_load():
    assert get_exercise("1.7") is not None
