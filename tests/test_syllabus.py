"""lessons.md and the README tell the truth about the notebooks: times, exercises, instructor notes, status."""

from __future__ import annotations

import json
import re

import pytest

from alliancelab import exercises
from tests.helpers import ROOT, masters

SYLLABUS = (ROOT / "lessons.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _glance_time(path) -> tuple[int, int, int]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    m = re.search(r"\*\*Time\*\* \| (\d+) minutes: (\d+) teaching, (\d+) exercises", text)
    assert m, f"{path.name}: no '**Time** | N minutes: T teaching, E exercises' in At a glance"
    total, teach, ex = map(int, m.groups())
    assert teach + ex == total, f"{path.name}: {teach} + {ex} != {total}"
    return total, teach, ex


def _section(path) -> str:
    m = re.search(rf"^## .*\(`notebooks/{re.escape(path.name)}`\)\n(.*?)(?=^## |\Z)", SYLLABUS, flags=re.M | re.S)
    assert m, f"lessons.md has no section for notebooks/{path.name}"
    return m.group(1)


@pytest.mark.parametrize("path", masters(), ids=lambda p: p.name)
def test_syllabus_time_matches_the_notebook(path):
    total, teach, ex = _glance_time(path)
    assert f"**Time:** {total} minutes ({teach} teaching, {ex} exercises)" in _section(path)
    n = path.name[:2]
    assert re.search(rf"^\| {n} \| .* \| {teach} min \| {ex} min \| ready \|$", SYLLABUS, flags=re.M), f"overview row for {n}"


@pytest.mark.parametrize("path", masters(), ids=lambda p: p.name)
def test_syllabus_lists_the_exercises_that_exist(path):
    lesson = str(int(path.name[:2]))
    ids = sorted((int(i.split(".")[1]) for i in exercises.all_exercises()
                  if i.split(".")[0] == lesson and i.split(".")[1].isdigit()))  # predictions (N.P1) are not numbered
    assert ids == list(range(1, len(ids) + 1)), f"lesson {lesson}: exercise ids not 1..n: {ids}"
    section = _section(path)
    if len(ids) > 3:
        assert f"{lesson}.1–{lesson}.{ids[-1]}" in section, f"lessons.md should list exercises {lesson}.1–{lesson}.{ids[-1]}"
    else:
        assert all(f"{lesson}.{i}" in section for i in ids)


@pytest.mark.parametrize("path", masters(), ids=lambda p: p.name)
def test_instructor_notes_exist_and_are_named(path):
    notes = ROOT / "instructors" / path.name.replace(".ipynb", ".md")
    assert notes.exists(), f"missing {notes.relative_to(ROOT)}"
    assert f"`instructors/{notes.name}`" in _section(path)


def test_readme_status_lists_every_lesson_as_written():
    for path in masters():
        n = path.name[:2]
        assert re.search(rf"^\| {n} .*\| written", README, flags=re.M), f"README status row for {n}"


def test_delivery_plans_name_exercises_and_sections_that_exist():
    plans = SYLLABUS[SYLLABUS.index("## Delivery plans"):SYLLABUS.index("### Assessment")]
    keyed = set(exercises.all_exercises())
    named = set()
    for run in re.findall(r"Exercises? ((?:\d\.\d+(?:–\d\.\d+)?(?:, | and )?)+)", plans):
        for a, b in re.findall(r"(\d\.\d+)(?:–(\d\.\d+))?", run):
            if b:
                lesson, lo, hi = a.split(".")[0], int(a.split(".")[1]), int(b.split(".")[1])
                named |= {f"{lesson}.{i}" for i in range(lo, hi + 1)}
            else:
                named.add(a)
    assert named and named <= keyed, sorted(named - keyed)
    headings = set()
    for path in masters():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        headings |= {re.sub(r"^#+ ", "", line).strip() for c in cells if c["cell_type"] == "markdown"
                     for line in "".join(c["source"]).splitlines() if line.startswith("#")}
    quoted = re.findall(r'(?:section|sections|skip|explorer|keep the) "([^"]+)"', plans)
    quoted += re.findall(r'and "([^"]+)" \|', plans)
    missing = [q.replace("'", '"') for q in quoted if q.replace("'", '"') not in headings and not any(q.lower() in h.lower() for h in headings)]
    assert quoted and missing == [], missing


def test_nothing_a_learner_reads_points_into_the_authors_machine():
    """Learners get this repository only: no paths into the authors' workspace or the unshipped source folder."""
    files = list((ROOT / "notebooks").glob("*.ipynb")) + list((ROOT / "instructors").glob("*.md"))
    files += [ROOT / n for n in ("README.md", "lessons.md", "notebooks/glossary.md", "data/README.md", "data/datapackage.json")]
    files += list((ROOT / "data").rglob("*.csv"))
    bad = [f"{f.relative_to(ROOT)}: {m}" for f in files
           for m in re.findall(r"(/work/\S+|\.\./shared/\S*)", f.read_text(encoding="utf-8"))]
    assert bad == []
