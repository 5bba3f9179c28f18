"""Notebooks: stored clean, one H1, exercises wired to keys, and strict mode catching a wrong model solution."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from alliancelab import exercises, nbtools
from alliancelab.student import BEGIN, END, student_text
from tests.helpers import ROOT, masters

CHECK = re.compile(r"""check\(\s*["']([0-9]+\.[0-9]+)["']\s*,\s*([^)]*)\)""")
PREDICTION = re.compile(r"""\b(?:predict|outcome)\(\s*["']([0-9]+\.P[0-9]+)["']""")  # predictions: N.P1


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_there_are_masters():
    assert [m.name for m in masters()][:1] == ["00_start_here.ipynb"]


@pytest.mark.parametrize("path", masters(), ids=lambda p: p.name)
def test_stored_clean(path):
    assert nbtools.problems(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize("path", masters(), ids=lambda p: p.name)
def test_headings_are_sequential(path):
    levels = [len(m.group(1)) for c in cells(path) if c["cell_type"] == "markdown"
              for m in re.finditer(r"^(#{1,6}) ", "".join(c["source"]), flags=re.M)]
    assert levels and levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"{path.name}: heading jumps from H{before} to H{after}"


@pytest.mark.parametrize("path", masters(), ids=lambda p: p.name)
def test_every_exercise_is_keyed_answered_in_a_solution_block_and_every_key_used(path):
    lesson = path.name[:2].lstrip("0") or "0"
    used = set()
    for cell in cells(path):
        text = "".join(cell["source"])
        for ex_id, args in CHECK.findall(text):
            assert exercises.get_exercise(ex_id), f"{path.name}: check('{ex_id}') has no key in alliancelab.keys"
            used.add(ex_id)
            if "strict=False" in args or args.strip() == "...":
                continue  # a demonstration cell
            assert BEGIN in text and END in text, f"{path.name}: exercise {ex_id} has no solution block"
        used |= set(PREDICTION.findall(text))
    keyed = {i for i in exercises.all_exercises() if i.split(".")[0] == lesson}
    assert keyed and keyed <= used, f"{path.name}: keys never used: {sorted(keyed - used)}"


@pytest.mark.parametrize("path", masters(), ids=lambda p: p.name)
def test_exercises_appear_in_numeric_order(path):
    """A learner meets Exercise N.1, N.2, ... in that order; headings and check calls agree."""
    heads = [tuple(map(int, m.groups())) for c in cells(path) if c["cell_type"] == "markdown"
             for m in re.finditer(r"^#+ Exercise (\d+)\.(\d+)\b", "".join(c["source"]), flags=re.M)]
    assert heads == sorted(heads), f"{path.name}: exercise headings out of order: {heads}"
    calls = []
    for c in cells(path):
        for ex_id, args in CHECK.findall("".join(c["source"])):
            if "strict=False" not in args and args.strip() != "..." and ex_id not in calls:
                calls.append(ex_id)
    keys = [tuple(map(int, i.split("."))) for i in calls]
    assert keys == sorted(keys), f"{path.name}: check() calls out of order: {calls}"
    assert [f"{a}.{b}" for a, b in heads] == calls, f"{path.name}: headings {heads} do not match check() calls {calls}"


@pytest.mark.parametrize("path", masters(), ids=lambda p: p.name)
def test_lesson_anatomy(path):
    text = "\n".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "markdown")
    for heading in ("## At a glance", "## Key points", "## Discussion questions", "## Further reading"):
        assert heading in text, f"{path.name}: missing '{heading}'"
    assert re.search(r"\*\*Time\*\*", text) and "Prerequisites" in text and "**Data**" in text


def _run_nbval(notebook, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ALLIANCELAB_STRICT="1")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env",
         "--rootdir", str(tmp_path), str(notebook)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )


def test_a_wrong_model_solution_makes_the_run_fail(tmp_path):
    master = ROOT / "notebooks" / "00_start_here.ipynb"
    text = master.read_text(encoding="utf-8")
    good = tmp_path / "00_good.ipynb"
    good.write_text(text, encoding="utf-8")
    wrong = tmp_path / "00_wrong.ipynb"
    assert 'answer_0_1 = \\"B\\"' in text
    wrong.write_text(text.replace('answer_0_1 = \\"B\\"', 'answer_0_1 = \\"D\\"'), encoding="utf-8")
    student = tmp_path / "00_student.ipynb"
    student.write_text(student_text(text), encoding="utf-8")

    ok = _run_nbval(good, tmp_path)
    assert ok.returncode == 0, ok.stdout[-2000:]
    bad = _run_nbval(wrong, tmp_path)
    assert bad.returncode == 1 and "strict mode: exercise 0.1 is wrong" in bad.stdout, bad.stdout[-2000:]
    stud = _run_nbval(student, tmp_path)
    assert stud.returncode == 0, stud.stdout[-2000:]


def test_glossary_terms_are_linked_from_the_section_that_introduces_them():
    """`python -m alliancelab.nbtools glossary notebooks/*.ipynb` writes the links; this keeps them in step."""
    glossary = (ROOT / "notebooks" / "glossary.md").read_text(encoding="utf-8")
    entries = nbtools.glossary_entries(glossary)
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', glossary))
    assert len(entries) >= 40
    missing, broken = [], []
    for path in masters():
        text = "\n".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "markdown")
        for e in entries:
            if e["notebook"] == path.stem and f"](glossary.md#{e['anchor']})" not in text:
                missing.append(f"{path.name}: {e['term']} (section {e['section']})")
        broken += [f"{path.name}: #{a}" for a in re.findall(r"\]\(glossary\.md#([^)]+)\)", text) if a not in anchors]
    assert missing == [], "run `python -m alliancelab.nbtools glossary notebooks/*.ipynb`: " + "; ".join(missing)
    assert broken == []
