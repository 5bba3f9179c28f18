"""Lesson 00's keys: every quotation is in the treaty as the course holds it, the decide-and-defend checker checks
validity and fit with the text (and never raises), and the text above an exercise does not give its answer away."""

from __future__ import annotations

import json
import re

import pytest

from alliancelab import data
from alliancelab.exercises import get_exercise, grade
from alliancelab.keys import lesson00
from tests.helpers import NOTEBOOKS

NB = NOTEBOOKS / "00_start_here.ipynb"
WHY = "Both parties must agree before the treaty can change or end, and nothing in the text lets one of them leave alone."


def _treaty_text() -> str:
    arts = data.load_articles()
    return lesson00._plain(" ".join(arts.loc[arts["treaty_id"] == "prc_dprk_1961", "text"]))


def _quotes(text: str) -> list[str]:
    """Single-quoted phrases of three or more characters (the keys quote the treaty in single quotes)."""
    return [q.strip(" …") for q in re.findall(r"(?<![A-Za-z])'([^']{3,}?)'(?![A-Za-z])", text)]


@pytest.mark.parametrize("ex_id", ["0.P1", "0.1", "0.2", "0.3"])
def test_every_quotation_in_a_key_is_in_the_treaty(ex_id):
    ex = get_exercise(ex_id)
    texts = [ex.explanation, *ex.hints, *ex.misconceptions.values()]
    quoted = [q for t in texts for q in _quotes(t)]
    treaty = _treaty_text()
    missing = [q for q in quoted if lesson00._plain(q) not in treaty]
    assert missing == [], f"{ex_id}: not in the 1961 treaty as held: {missing}"


def test_the_answers_come_from_the_data():
    parts = lesson00._parts()
    assert list(parts)[:2] == ["preamble", "I"] and list(parts)[-1] == "final" and len(parts) == 9
    assert get_exercise("0.P1").key() == len(parts["II"].split())
    with_peace = [a for a, text in parts.items() if "peace" in text]
    assert get_exercise("0.2").key() == len(with_peace)
    # the explanation names the parts: "Three parts: the preamble, Article I (...) and Article VI (...)"
    named = re.findall(r"\b(preamble|Article [IVX]+)\b", get_exercise("0.2").explanation)
    assert [n.replace("Article ", "") for n in named] == with_peace
    assert get_exercise("0.2").explanation.startswith({2: "Two", 3: "Three", 4: "Four"}[len(with_peace)] + " parts")
    # 0.1: the key's article is the one that promises economic aid; the distractors' articles do not
    assert "economic and technical aid" in parts["V"]
    assert all("economic" not in parts[a] for a in ("I", "II", "IV"))


def _answer(**kw):
    base = {"article": "VII", "words": "will remain in force until the Contracting Parties agree", "why": WHY}
    return {**base, **kw}


@pytest.mark.parametrize("answer", [
    _answer(),
    _answer(article="Article VII"),
    _answer(article=7),
    _answer(article="vii", words="“until the Contracting Parties agree on its amendment or termination.”"),
    _answer(words="The present Treaty will remain in force"),
])
def test_a_valid_consistent_decision_is_recorded(answer):
    assert grade("0.3", answer).status == "recorded"


@pytest.mark.parametrize("answer, says", [
    (_answer(article="VIII"), "has no part 'VIII'"),
    (_answer(article=None), "Give the article as text"),
    (_answer(article="III", words="until the Contracting Parties agree"), "They are in Article VII"),
    (_answer(words="one side cannot end it"), "not in Article VII"),
    (_answer(words="in force"), "at least four words"),
    (_answer(article="I", words="safeguard the peace of Asia"), "say nothing about how long the treaty lasts"),
    (_answer(words=12), "as text in quotes"),
])
def test_an_invalid_or_inconsistent_decision_says_what_to_fix(answer, says):
    result = grade("0.3", answer)
    assert result.status == "wrong" and says in result.message, result.message


@pytest.mark.parametrize("odd", [None, 3.5, True, [], {"article": object(), "words": object(), "why": WHY},
                                 _answer(article=float("nan")), _answer(article=10**30), _answer(article=-1),
                                 _answer(article=""), _answer(words=""), _answer(why=None), "VII", ...])
def test_the_checker_never_raises_on_odd_input(odd):
    assert grade("0.3", odd).status in ("wrong", "invalid", "unanswered")


def test_the_justification_must_say_something():
    assert grade("0.3", _answer(why="Because.")).status == "invalid"


def _markdown() -> list[str]:
    return ["".join(c["source"]) for c in json.loads(NB.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown"]


def test_nothing_above_an_exercise_gives_its_answer_away():
    cells = _markdown()
    start = next(i for i, t in enumerate(cells) if t.startswith("### Exercise 0.1"))
    above = "\n".join(cells[:start])
    overview = next(t for t in cells if t.startswith("## What the course covers"))
    assert not re.search(r"Article [IVX]+", overview), "the overview should not say which article holds which promise"
    assert not re.search(r"Article V\b[^.\n]{0,40}(economic|aid)", above), "0.1's answer (Article V, economic aid) is on screen"
    assert not re.search(r"Article VII\b[^.\n]{0,60}(force|agree|end)", above), "0.3's article is on screen"
    # the prediction comes before the explorer and the chart that answer it, the outcome after them
    text = "\n".join(cells)
    assert text.index("### Prediction 0.P1") < text.index("### Explore: the treaty, article by article")
