"""`python -m alliancelab.grade`: correct, wrong and blank submissions generated from the student versions, and every
bad case the issue names (not a notebook, invalid JSON, another lesson, deleted or renamed cells, a missing answer,
an exception, an infinite loop, sys.exit, a dying kernel, hundreds of MB of output, writing outside the folder,
reaching the network, redefining check and the keys). One grader run over all of them, through the exact command
line, then a rerun of a subset that must give the same rows.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alliancelab import coursework, grade
from tests.coursework import submissions as subs
from tests.helpers import ROOT

LESSON = "03"
TIMEOUT = "40"  # seconds per notebook: each cell may run 10 s


def _tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def _remove_cell(nb: dict, eid: str) -> dict:
    del nb["cells"][subs.answer_cell_index(nb, eid)]
    return nb


def _edit_answer_cell(nb: dict, eid: str, new_source: str) -> dict:
    nb["cells"][subs.answer_cell_index(nb, eid)]["source"] = new_source
    return nb


def _rename(nb: dict, eid: str, old: str, new: str) -> dict:
    cell = nb["cells"][subs.answer_cell_index(nb, eid)]
    cell["source"] = re.sub(rf"\b{old}\b", new, subs._cells_text(cell))
    return nb


def test_the_cases_use_assessed_items():
    assert {"3.3", "3.4", "3.5", "3.7", "3.8", "3.9"} <= set(coursework.assessed_ids(LESSON, ROOT)), \
        "instructors/assessed.json changed: pick other items of lesson 03 for the deleted/renamed/missing cases"


def build_submissions(folder: Path, out: Path) -> dict[str, str]:
    """Write every case into ``folder``; return student -> what the case is."""
    folder.mkdir(parents=True)
    c = lambda: subs.correct(LESSON)  # noqa: E731
    victim = folder / "zz_victim.ipynb"  # another learner's file, which a bad submission tries to overwrite
    cases = {
        "correct": c(),
        "wrong": subs.wrong(LESSON),
        "blank": subs.blank(LESSON),
        "other_lesson": subs.correct("01"),
        "deleted_cell": _remove_cell(c(), "3.7"),
        "renamed_variable": _rename(c(), "3.5", "answer_3_5", "my_gap"),
        "missing_variable": _edit_answer_cell(c(), "3.4", 'check("3.4", answer_3_4)'),
        "exception": subs.insert_after_setup(c(), "1 / 0"),
        "infinite_loop": subs.insert_after_setup(c(), "while True:\n    pass"),
        "unstoppable_loop": subs.insert_after_setup(c(), "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass"),
        "sys_exit": subs.insert_after_setup(c(), "import sys\nsys.exit(1)"),
        "exit_call": subs.insert_after_setup(c(), "exit()"),
        "kernel_dies": subs.insert_after_setup(c(), "import os\nos._exit(1)"),
        "huge_output": subs.insert_after_setup(c(), "for _ in range(400):\n    print('x' * 1_000_000)  # 400 MB unless stopped"),
        "writes_outside": subs.insert_after_setup(
            c(), f"open({str(ROOT / 'data' / 'events.csv')!r}, 'a').write('hacked')",
            f"open({str(victim)!r}, 'w').write('overwritten')",
            f"import os\nos.makedirs({str(out / 'feedback')!r}, exist_ok=True)\nopen({str(out / 'gradebook.csv')!r}, 'w').write('forged')",
            f"open({str(ROOT / 'src' / 'alliancelab' / 'keys' / 'lesson03.py')!r}).read()",
            "import subprocess\nsubprocess.run(['touch', '/tmp/alliancelab-grader-pwned'])",
            "open('my_notes.txt', 'w').write('a learner may write in their own folder')\nassert open('my_notes.txt').read()"),
        "network": subs.insert_after_setup(c(), "import urllib.request\nurllib.request.urlopen('http://192.0.2.1/', timeout=2)",
                                           "import socket\nsocket.create_connection(('192.0.2.1', 80), timeout=2)"),
        "cheat": subs.insert_after_setup(
            subs.wrong(LESSON),
            "from alliancelab.exercises import get_exercise\nstolen = get_exercise('3.7').key()"),
    }
    # a learner who redefines check, grade, the keys and json/print/str at the end gains nothing
    cheat = cases["cheat"]
    cheat["cells"].append(subs.code_cell(
        "import alliancelab.exercises as ex\nex._grade = lambda *a, **k: (True, '')\ncheck = grade = lambda *a, **k: True\n"
        "answer_3_7 = stolen\njson = print = str = type = repr = isinstance = None"))
    redefine = c()
    redefine["cells"].append(subs.code_cell("json = print = str = type = repr = isinstance = open = None"))
    cases["redefines_builtins"] = redefine
    for name, nb in cases.items():
        subs.write(folder, f"{name}.ipynb", nb)
    subs.write(folder, "not_a_notebook.txt", "my answers: B, 2020, 2018")
    subs.write(folder, "binary.ipynb", b"%PDF-1.4\n\xff\xfe\x00binary")
    subs.write(folder, "truncated.ipynb", json.dumps(c())[:5000])
    subs.write(folder, "json_not_notebook.ipynb", '{"answers": ["B", 2020]}')
    subs.write(folder, "correct.txt", "a second file for the learner 'correct'")
    (folder / "a_folder").mkdir()
    victim.write_text(json.dumps(subs.blank(LESSON)), encoding="utf-8")
    return {**{k: k for k in cases}, "not_a_notebook": "txt", "binary": "bin", "truncated": "trunc", "json_not_notebook": "json"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("grading")
    folder, out = base / "submissions", base / "out"
    build_submissions(folder, out)
    # (the course's src/ is read, never written, by the bad cases; it is left out because other work may edit it meanwhile)
    before = {"data": _tree_hash(ROOT / "data"), "submissions": _tree_hash(folder)}
    start = time.monotonic()
    # exactly the documented interface (plus a shorter time limit for the test)
    proc = subprocess.run([sys.executable, "-m", "alliancelab.grade", "--lesson", LESSON, "--submissions", str(folder), "--out", str(out),
                           "--timeout", TIMEOUT], capture_output=True, text=True, cwd=base, timeout=900)
    seconds = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr[-3000:]
    after = {"data": _tree_hash(ROOT / "data"), "submissions": _tree_hash(folder)}
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "grader-test-timing.json").write_text(json.dumps({"submissions": len(rows), "seconds": round(seconds, 1)}), encoding="utf-8")
    return {"rows": rows, "out": out, "folder": folder, "before": before, "after": after, "stdout": proc.stdout, "seconds": seconds}


def _row(graded, name):
    return graded["rows"][name]


def _max(graded):
    return float(next(iter(graded["rows"].values()))["max"])


def test_gradebook_columns_are_student_items_total_max_status(graded):
    header = (graded["out"] / "gradebook.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == ["student", *coursework.assessed_ids(LESSON, ROOT), "total", "max", "status"]


def test_correct_wrong_and_blank_generated_from_the_student_version(graded):
    correct, wrong, blank = (_row(graded, n) for n in ("correct", "wrong", "blank"))
    assert correct["status"] == "graded" and float(correct["total"]) == _max(graded) > 0
    assert wrong["status"] == "graded" and float(wrong["total"]) == 0
    assert blank["status"] == "graded" and float(blank["total"]) == 0
    assert all(correct[e] == "1" for e in coursework.assessed_ids(LESSON, ROOT))


@pytest.mark.parametrize("name, status", [
    ("not_a_notebook", r"^not a notebook: not_a_notebook\.txt is a \.txt file"),
    ("binary", r"^invalid JSON: the file is not UTF-8"),
    ("truncated", r"^invalid JSON: "),
    ("json_not_notebook", r"^not a notebook: valid JSON, but without notebook cells"),
    ("other_lesson", r"^wrong lesson: this is the notebook of lesson 01, not 03"),
    ("a_folder", r"^not a notebook: a folder"),
    ("correct (correct.txt)", r"^duplicate student name"),
])
def test_files_that_cannot_be_graded_get_a_row_with_the_reason(graded, name, status):
    row = _row(graded, name)
    assert re.search(status, row["status"]), row["status"]
    assert row["total"] == "" and all(row[e] == "" for e in coursework.assessed_ids(LESSON, ROOT))


def test_a_deleted_answer_cell_is_named_and_the_rest_graded(graded):
    row = _row(graded, "deleted_cell")
    assert "answer cells deleted or renamed: 3.7" in row["status"]
    assert row["3.7"] == "0" and row["3.3"] == "1" and row["3.4"] == "1"
    # 3.8 reads `row` and 3.9 reads answer_3_7, both defined in the deleted cell: they are missing too
    assert re.search(r"answer missing: .*3\.9 \(answer_3_9 is not defined\)", row["status"]), row["status"]


def test_a_renamed_answer_variable_is_read_from_the_learners_own_check_call(graded):
    row = _row(graded, "renamed_variable")
    assert row["status"] == "graded" and row["3.5"] == "1"
    assert "read from my_gap" in (graded["out"] / "feedback" / "renamed_variable.html").read_text(encoding="utf-8")


def test_a_missing_answer_variable(graded):
    row = _row(graded, "missing_variable")
    assert "answer missing: 3.4 (answer_3_4 is not defined)" in row["status"]
    assert "errors in cells:" in row["status"] and "NameError" in row["status"]
    assert row["3.4"] == "0" and float(row["total"]) == _max(graded) - 1


@pytest.mark.parametrize("name, status", [
    ("exception", r"errors in cells: \d+ ZeroDivisionError"),
    ("sys_exit", r"errors in cells: \d+ SystemExit"),
    ("exit_call", r"errors in cells: \d+ SystemExit"),
    ("infinite_loop", r"timeout: cell \d+ ran past its 10 s limit and was interrupted"),
    ("unstoppable_loop", r"timeout: in cell \d+ it ran past its limit and could not be interrupted; graded from a run without that cell"),
    ("kernel_dies", r"kernel died: in cell \d+ the kernel stopped .*graded from a run without that cell"),
    ("huge_output", r"output too large: cell \d+ printed more than 4 MB; graded from a run without that cell"),
    ("writes_outside", r"blocked by the grader's guard: cell \d+ tried writing '.*events\.csv'"),
    ("network", r"blocked by the grader's guard: cell \d+ tried .*192\.0\.2\.1"),
])
def test_bad_cells_get_a_clear_status_and_the_answers_still_count(graded, name, status):
    row = _row(graded, name)
    assert re.search(status, row["status"]), row["status"]
    assert row["total"] and float(row["total"]) == _max(graded), f"{name}: the learner's answers should still be graded ({row})"


def test_writes_outside_are_blocked_everywhere(graded):
    status = _row(graded, "writes_outside")["status"]
    assert "zz_victim.ipynb" in status and str(graded["out"]) in status
    assert "reading the course's own files" in status and "subprocess.Popen" in status
    assert graded["before"] == graded["after"], "a submission changed the course data or another submission"
    assert not Path("/tmp/alliancelab-grader-pwned").exists()
    assert (graded["out"] / "gradebook.csv").read_text(encoding="utf-8").startswith("student,")


def test_redefining_check_the_keys_or_builtins_gains_nothing(graded):
    assert float(_row(graded, "cheat")["total"]) == 0, "wrong answers stay wrong whatever the notebook redefines"
    assert _row(graded, "cheat")["3.7"] == "0", "the learner edition's kernel holds no key to steal"
    row = _row(graded, "redefines_builtins")
    assert row["status"] == "graded" and float(row["total"]) == _max(graded)


def test_feedback_per_learner_explains_correct_and_hints_wrong_and_lists_open_prompts(graded):
    folder = graded["out"] / "feedback"
    assert {p.stem for p in folder.glob("*.html")} == set(graded["rows"])
    from alliancelab import exercises

    good = (folder / "correct.html").read_text(encoding="utf-8")
    bad = (folder / "wrong.html").read_text(encoding="utf-8")
    import html as _html

    for eid in coursework.assessed_ids(LESSON, ROOT):
        ex = exercises.get_exercise(eid)
        assert _html.escape(ex.explanation) in good
        if ex.kind == "decide":  # the wrong submission gives the wrong form: the feedback says which form
            assert "Fill in" in bad
            continue
        assert _html.escape(ex.hints[0]) in bad, f"{eid}: the first hint, not a later one"
        if len(ex.hints) > 1:
            assert _html.escape(ex.hints[1]) not in bad
    assert "Open prompts (marked by hand)" in good and "3.A" in good and "Rubric" in good
    assert "(nothing written)" in (folder / "blank.html").read_text(encoding="utf-8")


def test_every_submission_has_a_row(graded):
    assert set(graded["rows"]) == {p.stem for p in graded["folder"].iterdir()} | {"correct (correct.txt)"}


def test_rerun_gives_the_same_rows(graded, tmp_path):
    subset = tmp_path / "subset"
    subset.mkdir()
    for name in ("correct.ipynb", "wrong.ipynb", "blank.ipynb", "truncated.ipynb", "other_lesson.ipynb", "missing_variable.ipynb"):
        shutil.copyfile(graded["folder"] / name, subset / name)
    grade.grade_folder(LESSON, subset, tmp_path / "out", timeout=float(TIMEOUT))
    with open(tmp_path / "out" / "gradebook.csv", newline="", encoding="utf-8") as f:
        again = {r["student"]: r for r in csv.DictReader(f)}
    for name, row in again.items():
        assert row == graded["rows"][name]
    first = (tmp_path / "out" / "feedback" / "wrong.html").read_text(encoding="utf-8")
    assert first == (graded["out"] / "feedback" / "wrong.html").read_text(encoding="utf-8")


def test_strict_mode_of_the_test_suite_does_not_reach_the_kernels(graded):
    assert os.environ.get("ALLIANCELAB_STRICT") == "1"  # set by conftest.py for nbval
    assert _row(graded, "wrong")["status"] == "graded", "in strict mode check() would have raised in every answer cell"


# --------------------------------------------------------------------------- fast unit tests (no kernel)


def test_decode_rebuilds_shapes_and_types_for_the_usual_messages():
    from alliancelab import exercises

    series = grade._decode({"t": "shaped", "type": "Series", "shape": [1]})
    assert exercises.grade("3.7", series).status == "invalid" and "Series of shape (1,)" in exercises.grade("3.7", series).message
    assert grade._decode({"t": "set", "v": [{"t": "int", "v": 1970}]}) == {1970}
    assert grade._decode({"t": "float", "v": "nan"}) != grade._decode({"t": "float", "v": "nan"})
    assert grade._decode({"t": "ellipsis"}) is Ellipsis


def test_answer_variables_come_from_the_learner_edition():
    nb = subs.blank(LESSON)
    variables = coursework.answer_variables(nb)
    assert variables["3.7"] == "answer_3_7" and set(coursework.assessed_ids(LESSON, ROOT)) <= set(variables)
