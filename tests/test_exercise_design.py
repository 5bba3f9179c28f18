"""Exercise design rules (issue 14): exercises that test judgement, with distractors that stand for misconceptions.

For every lesson notebook:
- every multiple-choice item offers exactly its registered letters, and every wrong letter has a named
  misconception in its key (the feedback for that letter names it);
- no letter is the key in more than 40% of the lesson's choice items (with fewer than three items, no letter
  twice), and the key is the longest option in at most a third of them;
- lessons 01 onwards have at least two decide-and-defend tasks and at least one prediction, few recall items,
  and a majority of items at interpret level or above;
- every "check that the text matches the data" cell is stored collapsed (its source hidden), so that nothing on a
  learner's screen shows more than the text above it.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter

import pytest

from alliancelab.exercises import all_exercises

from .helpers import masters

HEADING = re.compile(r"^### (?:Exercise (\d+\.\d+) \(([^)]+)\)|Prediction (\d+\.P\d+))", re.M)
OPTION = re.compile(r"^- \*\*([A-F])\*\* (.+)$", re.M)
LEVELS = ("recall", "compute", "interpret", "decide and defend", "predict")


def lesson_items(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    items = {}
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        for m in HEADING.finditer(text):
            body = text[m.end():]
            nxt = HEADING.search(body)
            body = body[:nxt.start()] if nxt else body
            ex_id, level = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), "predict")
            items[ex_id] = {"level": level, "options": dict(OPTION.findall(body))}
    return nb, items


LESSONS = [p for p in masters()]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_exercise_heading_names_a_level(path):
    _, items = lesson_items(path)
    bad = {i: v["level"] for i, v in items.items() if v["level"] not in LEVELS}
    assert not bad, f"levels must be one of {LEVELS}: {bad}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_choice_items_have_misconceptions_spread_keys_and_no_length_tell(path):
    _, items = lesson_items(path)
    registry = all_exercises()
    choice = {i: registry[i] for i in items if i in registry and registry[i].kind == "choice"}
    problems = []
    longest = 0
    keys = Counter()
    for ex_id, ex in choice.items():
        options = items[ex_id]["options"]
        key = str(ex.key()).upper()
        keys[key] += 1
        if sorted(options) != sorted(ex.choices):
            problems.append(f"{ex_id}: the notebook offers {sorted(options)}, the key allows {sorted(ex.choices)}")
            continue
        for letter in ex.choices:
            if letter != key and not str(ex.misconceptions.get(letter, "")).strip():
                problems.append(f"{ex_id}: option {letter} has no misconception in the key")
            if letter != key and ":" not in str(ex.misconceptions.get(letter, ":"))[:60]:
                problems.append(f"{ex_id}: option {letter}'s misconception should start with its name ('Name: why')")
        lengths = {k: len(v.strip()) for k, v in options.items()}
        if lengths[key] == max(lengths.values()) and list(lengths.values()).count(lengths[key]) == 1:
            longest += 1
    n = len(choice)
    if n:
        cap = 1 if n < 3 else math.floor(0.4 * n)
        letter, count = keys.most_common(1)[0]
        if count > cap:
            problems.append(f"'{letter}' is the key in {count} of {n} choice items (at most {cap})")
        if longest > n / 3:
            problems.append(f"the key is the longest option in {longest} of {n} choice items (at most a third)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", [p for p in LESSONS if not p.stem.startswith("00")], ids=lambda p: p.stem)
def test_lessons_test_judgement(path):
    _, items = lesson_items(path)
    registry = all_exercises()
    levels = Counter(v["level"] for i, v in items.items() if i in registry)
    kinds = Counter(registry[i].kind for i in items if i in registry)
    assert kinds["decide"] >= 2, f"{path.stem}: {kinds['decide']} decide-and-defend tasks (want at least 2)"
    assert kinds["prediction"] >= 1, f"{path.stem}: no prediction before an explorer"
    assert levels["decide and defend"] == kinds["decide"] and levels["predict"] == kinds["prediction"]
    graded = sum(levels[lv] for lv in ("recall", "compute", "interpret", "decide and defend"))
    assert levels["recall"] <= 2, f"{path.stem}: {levels['recall']} recall items (a short warm-up only)"
    assert levels["interpret"] + levels["decide and defend"] >= graded / 2, f"{path.stem}: {dict(levels)}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_check_cells_are_stored_collapsed(path):
    nb, _ = lesson_items(path)
    open_checks = [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"
                   and "".join(c["source"]).lstrip().startswith("# Check")
                   and not c.get("metadata", {}).get("jupyter", {}).get("source_hidden")]
    assert not open_checks, f"{path.stem}: check cells {open_checks} are not collapsed (metadata.jupyter.source_hidden)"
