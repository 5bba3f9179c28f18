"""The learner edition holds no answer: searched file by file against the masters and the keys (tests/coursework/leaks.py).

Counts go to build/leak-report.json. The same search over the instructor edition must find every kind of needle,
which shows that the search can find what it looks for.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from alliancelab import coursework, exercises
from tests.coursework import leaks
from tests.helpers import ROOT


def _scan(edition):
    return leaks.scan(edition, ROOT, coursework.assessed_ids(root=ROOT), exercises.all_exercises())


def test_learner_edition_holds_no_solution_model_answer_instructor_note_or_assessed_key(editions):
    report = _scan(editions["learner"])
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "leak-report.json").write_text(json.dumps(report.as_dict(), indent=1, ensure_ascii=False), encoding="utf-8")
    assert report.checked["solution code lines"] > 20 and report.checked["model-answer sentences"] > 20
    assert report.checked["instructor-note sentences"] > 100 and report.checked["assessed key values"] > 10
    found = {kind: hits for kind, hits in report.leaks.items() if hits}
    assert not found, "the learner edition gives answers away:\n" + "\n".join(f"{k}: {h}" for k, hs in found.items() for h in hs[:10])


def test_the_search_finds_every_kind_of_needle_in_the_instructor_edition(editions):
    report = _scan(editions["instructor"])
    for kind in ("solution code lines", "model-answer sentences", "instructor-note sentences", "assessed key values",
                 "assessed explanations and hints"):
        assert report.leaks[kind], f"the search found no {kind} even where they are"


def test_self_study_edition_has_model_answers_but_no_solution_code_or_notes_files(editions):
    report = _scan(editions["self-study"])
    # its keys are all formative, so a key helper may compute an answer the way a solution does; its notebooks may not
    assert not [hit for hit in report.leaks["solution code lines"] if ".ipynb" in hit]
    assert report.leaks["model-answer sentences"], "self-study ships the model answers (for reveal)"
    assert not (editions["self-study"] / "instructors").exists()


PROBE = r"""
import json, sys
from alliancelab import coursework, exercises
assessed = json.loads(sys.argv[1])
out = {}
for eid, ex in exercises.all_exercises().items():
    out[eid] = {"marked": coursework.is_assessed(ex), "explanation": ex.explanation, "hints": list(ex.hints),
                "key": None if coursework.is_assessed(ex) else repr(ex.key())}
print(json.dumps({"file": exercises.__file__, "items": out}))
"""


def test_learner_registry_holds_no_assessed_key_and_every_formative_key(editions):
    """Short keys (a letter, a year) cannot be found by search; the edition's own registry proves they are absent."""
    assessed = coursework.assessed_ids(root=ROOT)
    env = dict(os.environ, PYTHONPATH=str(editions["learner"] / "src"))
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(assessed)], capture_output=True, text=True, env=env,
                          cwd=editions["learner"], check=True)
    probe = json.loads(proc.stdout)
    assert probe["file"].startswith(str(editions["learner"])), "the probe imported the course's own package"
    master = {e: ex for e, ex in exercises.all_exercises().items() if re.match(r"^\d+\.", e)}  # not other tests' items
    assert set(probe["items"]) == set(master)
    for eid, item in probe["items"].items():
        if eid in assessed:
            assert item["marked"] and item["key"] is None
            assert item["explanation"] == coursework.MARKED_TEXT and item["hints"] == [coursework.MARKED_TEXT]
        else:
            assert not item["marked"] and item["key"] == repr(master[eid].key()), f"{eid}: formative key changed"


def test_every_kind_of_file_is_searched(editions):
    files = leaks.file_texts(editions["learner"])
    suffixes = {p.rsplit(".", 1)[-1] for p in files if "." in p}
    assert {"ipynb", "py", "json", "md", "csv", "toml", "yml"} <= suffixes
    assert not any(name.startswith(".git/") for name in files)
