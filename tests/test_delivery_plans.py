"""Delivery plans run as written (issue 14): each row of a plan in lessons.md that names parts of a lesson runs
in a fresh kernel, and fails with the first error, the cell it happened in and that cell's section.

What runs
---------
A fresh kernel runs the lesson's setup cell (its first code cell), then the code cells the row asks for, in
notebook order. How a row is read (the wording `lessons.md` uses under "## Delivery plans"):

- Its lesson: "lesson NN" in the row's "from" column (the taster), else the first "lesson NN" of the row.
- ``section "A"``, ``sections "A", "B" and "C"``, ``the explorer "X"``: only these run. An H2 section runs from
  its heading to the next H2; a named H3 (an explorer, a sub-section) from its heading to the next H2 or H3.
  A row that names no section runs every section.
- ``skip "A"``, ``skip Exercise(s) N.M ... and open prompt X``: left out. An exercise or an open prompt runs
  from its H3 heading to the next H2 or H3.
- ``Exercise(s) N.M, ...`` in a clause without "skip" or "keep" ("do Exercises 2.1, 2.2 and 2.5"; the taster's
  "Exercises 2.1 and 2.2"): the exercises the row does. The lesson's other exercises are left out, so a model
  solution that leans on an exercise the plan drops fails here. "keep Exercises ..." leaves out nothing.
- A clause that ends "as homework" (``set open prompt B and the episode explorer ("Going further") as
  homework``, ``open prompts as homework``): left out of the class run, then run after it in the same kernel,
  as a learner who carries on later in the same session would.
- A quoted section that the clause gives to another lesson ("which lesson 04 returns to in section
  "Beijing's dilemma"") is a cross-reference: it must exist there, and it does not run.
- A row that names nothing runnable (a whole lesson, a lesson's discussion questions) is left to nbval, which
  runs every lesson from top to bottom; so is a row that names no lesson. The test lists them, and fails if the
  plans ever name nothing it can run.

Which version runs: the master, with strict mode off
----------------------------------------------------
The master holds the model solutions, so running it also shows that the cells a plan keeps give a learner
everything needed to answer the exercises it keeps: a model solution that uses a table built in a section the
plan leaves out (say ``customs``) fails here, where the student version would hold ``answer = ...`` and hide
the fault until a learner tried to answer. The student version's own faults do not depend on which sections
run (a placeholder is ``...`` whatever ran before it), and nbval on ``build/student`` already catches them.
Strict mode is off (``ALLIANCELAB_STRICT=0``): whether a model solution is right is nbval's question; this test
asks whether the plan's cells run.

Kernels
-------
One fresh kernel per row, started like ``nbval --nbval-current-env``: this Python's ipykernel, working folder
``notebooks/``, and the course's offline guard on ``PYTHONPATH`` (the root ``conftest.py`` puts
``tests/offline`` there; the kernel inherits it). The rows collected in a session run concurrently in one event
loop, so the wall time is about that of the slowest row, not the sum. A kernel is never shared between rows: a
shared kernel would carry one row's names into the next, which is the fault this test looks for.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from alliancelab.grade import run_coroutine

from tests.helpers import NOTEBOOKS, ROOT

SYLLABUS = ROOT / "lessons.md"
CELL_TIMEOUT = 180  # seconds per cell; lessons run in a few seconds
GUARD = str(ROOT / "tests" / "offline")

_LIST = r'"[^"]+"(?:(?:,\s*|\s+and\s+)"[^"]+")*'
NAMED = re.compile(rf'(?:\bsections?|\bexplorer|\bskip|\bkeep the|\()\s*({_LIST})')
EXERCISES = re.compile(r"\bExercises? ((?:\d\.\d+(?:–\d\.\d+)?(?:, | and )?)+)")
PROMPTS = re.compile(r"\bopen prompts?(?:\s+([A-Z0-9])\b)?", re.I)
LESSON = re.compile(r"\blesson (\d\d)\b", re.I)


# --------------------------------------------------------------------------- reading the plans


@dataclass
class Row:
    plan: str
    when: str
    text: str
    lesson: str | None = None
    include: list[str] = field(default_factory=list)  # quoted sections: only these run
    skip: list[str] = field(default_factory=list)
    homework: list[str] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)  # (lesson, quoted section) named in passing
    do_exercises: list[str] | None = None
    skip_exercises: list[str] = field(default_factory=list)
    homework_exercises: list[str] = field(default_factory=list)
    skip_prompts: list[str | None] = field(default_factory=list)  # None: every open prompt
    homework_prompts: list[str | None] = field(default_factory=list)

    @property
    def id(self) -> str:
        plan = re.sub(r"[^a-z0-9]+", "-", re.sub(r"\(.*?\)", "", self.plan.lower())).strip("-")
        plan = plan[2:] if plan.startswith("a-") else plan
        when = re.sub(r"[^0-9h]+", "-", self.when.replace(":", "h")).strip("-")
        return f"{plan}-{when}-lesson{self.lesson}"

    @property
    def runnable(self) -> bool:
        """Does the row ask for less than the whole lesson (or more than class time)? Else nbval covers it."""
        return bool(self.lesson and (self.include or self.skip or self.homework or self.do_exercises is not None
                                     or self.skip_exercises or self.homework_exercises or self.skip_prompts
                                     or self.homework_prompts))


def _ids(run: str) -> list[str]:
    out = []
    for a, b in re.findall(r"(\d\.\d+)(?:–(\d\.\d+))?", run):
        if b:
            lesson, lo, hi = a.split(".")[0], int(a.split(".")[1]), int(b.split(".")[1])
            out += [f"{lesson}.{i}" for i in range(lo, hi + 1)]
        else:
            out.append(a)
    return out


def parse_row(plan: str, cells: list[str], header: list[str]) -> Row:
    when, rest = cells[0], cells[1:]
    row = Row(plan, when, " | ".join(rest))
    columns = dict(zip(header[1:], rest))
    source = columns.get("from", "")
    found = LESSON.search(source) or LESSON.search(row.text)
    if not found:
        return row
    row.lesson = found.group(1)
    for clause in re.split(r"[;|]", row.text):
        homework = re.search(r"\bas homework\b", clause) is not None
        skip = re.search(r"\bskip\b", clause) is not None
        keep = re.search(r"\bkeep\b", clause) is not None
        for m in NAMED.finditer(clause):
            before = [n for n in LESSON.findall(clause[:m.start()]) if n != row.lesson]
            for name in re.findall(r'"([^"]+)"', m.group(1)):
                if before:
                    row.refs.append((before[-1], name))
                elif skip:
                    row.skip.append(name)
                elif homework:
                    row.homework.append(name)
                elif keep:
                    row.keep.append(name)
                else:
                    row.include.append(name)
        for m in EXERCISES.finditer(clause):
            ids = [i for i in _ids(m.group(1)) if i.split(".")[0] == str(int(row.lesson))]
            if skip:
                row.skip_exercises += ids
            elif homework:
                row.homework_exercises += ids
            elif not keep and ids:
                row.do_exercises = (row.do_exercises or []) + ids
        for m in PROMPTS.finditer(clause):
            label = m.group(1) if not m.group(0).lower().startswith("open prompts") else None
            if skip:
                row.skip_prompts.append(label)
            elif homework:
                row.homework_prompts.append(label)
    return row


def plan_rows(text: str | None = None) -> list[Row]:
    text = SYLLABUS.read_text(encoding="utf-8") if text is None else text
    plans = text[text.index("## Delivery plans"):text.index("### Assessment")]
    rows, plan, header = [], "", []
    for line in plans.splitlines():
        if line.startswith("### "):
            plan, header = line[4:].strip(), []
        elif line.startswith("|") and plan:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not header:
                header = [c.lower() for c in cells]
            elif not set("".join(cells)) <= set("-: "):
                rows.append(parse_row(plan, cells, header))
    return rows


# --------------------------------------------------------------------------- the cells a row runs


def notebook_of(lesson: str) -> Path:
    found = sorted(NOTEBOOKS.glob(f"{lesson}_*.ipynb"))
    assert len(found) == 1, f"no single notebook for lesson {lesson}: {found}"
    return found[0]


def _headings(cells: list[dict]) -> list[tuple[int, int, str]]:
    """(cell index, level, text) of every heading in the markdown cells, in order (code comments are not headings)."""
    out = []
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "markdown":
            for m in re.finditer(r"^(#{1,6}) +(.+?)\s*$", "".join(cell["source"]), flags=re.M):
                out.append((i, len(m.group(1)), m.group(2)))
    return out


def _norm(text: str) -> str:
    return text.replace("'", '"').replace("’", '"').casefold().strip()


class PlanError(AssertionError):
    """The plan names something the lesson does not have."""


class Lesson:
    def __init__(self, path: Path):
        self.path = path
        self.cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        self.heads = _headings(self.cells)
        self.code = [i for i, c in enumerate(self.cells) if c["cell_type"] == "code"]
        self.setup = self.code[0]

    def find(self, name: str) -> int:
        """Index into self.heads of the heading a plan's quoted name stands for (H2 or H3)."""
        want = _norm(name)
        heads = [(k, lv, _norm(t)) for k, (_, lv, t) in enumerate(self.heads) if lv in (2, 3)]
        for test in (lambda t: t == want, lambda t: t.startswith(want)):
            hits = [(k, lv) for k, lv, t in heads if test(t)]
            if hits:
                top = min(lv for _, lv in hits)
                hits = [k for k, lv in hits if lv == top]
                if len(hits) > 1:
                    raise PlanError(f"{self.path.name}: {name!r} matches {len(hits)} headings; name it so it matches one")
                return hits[0]
        raise PlanError(f"{self.path.name} has no H2 or H3 heading {name!r}")

    def scope(self, k: int) -> list[int]:
        """Code cells from heading k to the next heading of the same or a higher level."""
        start, level, _ = self.heads[k]
        end = next((c for c, lv, _ in self.heads[k + 1:] if lv <= level), len(self.cells))
        return [i for i in self.code if start < i < end]

    def _matching(self, pattern: str) -> list[int]:
        return [k for k, (_, lv, t) in enumerate(self.heads) if lv in (2, 3) and re.match(pattern, t, flags=re.I)]

    def exercise(self, ex_id: str) -> list[int]:
        hits = self._matching(rf"Exercise {re.escape(ex_id)}\b(?!\.\d)")
        if len(hits) != 1:
            raise PlanError(f"{self.path.name}: {len(hits)} headings for Exercise {ex_id} (want one)")
        return self.scope(hits[0])

    def prompts(self, label: str | None) -> list[int]:
        hits = self._matching(r"Open prompt\b" if label is None else rf"Open prompt {re.escape(label)}\b")
        if not hits:
            raise PlanError(f"{self.path.name}: no heading 'Open prompt{' ' + label if label else ''}'")
        return sorted({i for k in hits for i in self.scope(k)})

    def exercise_ids(self) -> list[str]:
        return [m.group(1) for _, lv, t in self.heads if lv in (2, 3) for m in [re.match(r"Exercise (\d+\.\d+)\b", t)] if m]

    def section_of(self, index: int) -> str:
        """The H2 (and H3, if any) a cell sits under."""
        h2 = h3 = ""
        for c, lv, t in self.heads:
            if c >= index:
                break
            if lv == 2:
                h2, h3 = t, ""
            elif lv == 3:
                h3 = t
        return f"{h2} › {h3}" if h3 else h2


def cells_to_run(row: Row, lesson: Lesson) -> tuple[list[int], list[int]]:
    """The code cells of the class run (setup first) and of the homework run after it, as master cell indices."""
    for other, name in row.refs:
        Lesson(notebook_of(other)).find(name)  # a cross-reference must point at a heading that exists
    for name in row.keep:
        lesson.find(name)
    selected = set(lesson.code)
    if row.include:
        selected = {i for name in row.include for i in lesson.scope(lesson.find(name))}
    left_out = {i for name in row.skip for i in lesson.scope(lesson.find(name))}
    left_out |= {i for ex in row.skip_exercises for i in lesson.exercise(ex)}
    left_out |= {i for label in row.skip_prompts for i in lesson.prompts(label)}
    homework = {i for name in row.homework for i in lesson.scope(lesson.find(name))}
    homework |= {i for ex in row.homework_exercises for i in lesson.exercise(ex)}
    homework |= {i for label in row.homework_prompts for i in lesson.prompts(label)}
    if row.do_exercises is not None:
        unknown = sorted(set(row.do_exercises) - set(lesson.exercise_ids()))
        if unknown:
            raise PlanError(f"{lesson.path.name} has no exercise {', '.join(unknown)}")
        left_out |= {i for ex in lesson.exercise_ids() if ex not in row.do_exercises and ex not in row.homework_exercises
                     for i in lesson.exercise(ex)}
    left_out.discard(lesson.setup)
    homework -= left_out
    homework.discard(lesson.setup)
    in_class = sorted((selected - left_out - homework) | {lesson.setup})
    return in_class, sorted(homework)


# --------------------------------------------------------------------------- running them


# Run first in every kernel: the offline guard (tests/offline/sitecustomize.py) must have been imported.
GUARD_PROBE = ("import sys\n"
               "assert __import__('os').path.dirname(sys.modules['sitecustomize'].__file__) == " + repr(GUARD) + "\n")

ROWS = plan_rows()
RUNNABLE = [r for r in ROWS if r.runnable]


@dataclass
class Outcome:
    ran: int
    error: str | None = None


def _kernel_manager(ip: str):
    """A kernel manager for this Python's ipykernel, talking over IPC sockets named ``ip``-N.

    IPC, not TCP: kernels started at the same moment over TCP race for free ports ("Address already in use") and
    die; each row's own socket path cannot collide with another's.
    """
    import ipykernel.kernelspec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    name = "alliancelab-current-env"

    class CurrentEnv(KernelSpecManager):
        """This Python's ipykernel, as ``nbval --nbval-current-env`` uses (not whatever 'python3' is installed)."""

        def get_kernel_spec(self, kernel_name):
            if kernel_name == name:
                return self.kernel_spec_class(resource_dir=ipykernel.kernelspec.RESOURCES,
                                              **ipykernel.kernelspec.get_kernel_dict())
            return super().get_kernel_spec(kernel_name)

    return AsyncKernelManager(kernel_name=name, kernel_spec_manager=CurrentEnv(), transport="ipc", ip=ip)


def _kernel_env() -> dict[str, str]:
    env = dict(os.environ, ALLIANCELAB_STRICT="0", PLOTLY_RENDERER=os.environ.get("PLOTLY_RENDERER", "plotly_mimetype"))
    if GUARD not in env.get("PYTHONPATH", "").split(os.pathsep):  # the root conftest.py normally did this already
        env["PYTHONPATH"] = os.pathsep.join(p for p in (GUARD, env.get("PYTHONPATH", "")) if p)
    env.pop("ALLIANCELAB_ALLOW_NETWORK", None)
    return env


def _describe_failure(row: Row, lesson: Lesson, index: int, phase: str, error: Exception) -> str:
    source = "".join(lesson.cells[index]["source"])
    shown = "\n".join("    " + line for line in source.splitlines()[:12])
    ename = getattr(error, "ename", type(error).__name__)
    evalue = getattr(error, "evalue", str(error).strip().splitlines()[-1] if str(error).strip() else "")
    tb = re.sub(r"\x1b\[[0-9;]*m", "", str(error)).strip().splitlines()
    tail = "\n".join("    " + line for line in tb[-8:])
    return (f"{row.plan}, {row.when} runs {lesson.path.name} ({phase}): cell {index}, section "
            f"\"{lesson.section_of(index)}\", failed with {ename}: {evalue}\n  the cell:\n{shown}\n  the end of the traceback:\n{tail}")


async def run_row(row: Row, sockets: str, lesson: Lesson | None = None) -> Outcome:
    """Run one row in a fresh kernel whose IPC sockets live in the folder ``sockets``."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    lesson = lesson or Lesson(notebook_of(row.lesson))
    in_class, homework = cells_to_run(row, lesson)
    plan = [(i, "class") for i in in_class] + [(i, "homework, after the class run") for i in homework]
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell(GUARD_PROBE)] + [nbformat.v4.new_code_cell("".join(lesson.cells[i]["source"])) for i, _ in plan]
    client = NotebookClient(nb, km=_kernel_manager(os.path.join(sockets, "kernel")), timeout=CELL_TIMEOUT, startup_timeout=120, allow_errors=False,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    current = {"at": 0}

    def on_cell_start(cell, cell_index):  # nbclient calls this before each cell
        current["at"] = cell_index

    client.on_cell_start = on_cell_start
    try:
        await client.async_execute(cleanup_kc=True, env=_kernel_env(), cwd=str(NOTEBOOKS))
    except (CellExecutionError, CellTimeoutError) as error:
        if current["at"] == 0:
            return Outcome(0, f"{row.plan}, {row.when}: the course's offline guard is not active in the kernel: {error}")
        index, phase = plan[current["at"] - 1]
        return Outcome(current["at"] - 1, _describe_failure(row, lesson, index, phase, error))
    finally:
        if client.km is not None and await client.km.is_alive():  # pragma: no cover - nbclient shuts it down
            await client.km.shutdown_kernel(now=True)
    return Outcome(len(plan))


async def _run_all(rows: list[Row], sockets: Path, lessons: dict[str, Lesson] | None = None) -> dict[str, Outcome]:
    folders = [sockets / f"row{n}" for n in range(len(rows))]
    for folder in folders:
        folder.mkdir()
    lessons = lessons or {}
    results = await asyncio.gather(*(run_row(r, str(f), lessons.get(r.id)) for r, f in zip(rows, folders)),
                                   return_exceptions=True)
    return {r.id: (res if isinstance(res, Outcome) else Outcome(0, f"{r.plan}, {r.when}: {type(res).__name__}: {res}"))
            for r, res in zip(rows, results)}


def _self_test_lesson(folder: Path) -> tuple[Row, Lesson]:
    """A two-section lesson whose second section uses a name the first defines: run alone, it must fail there."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A lesson\n\n## Setup"), nbformat.v4.new_code_cell("base = 1"),
                nbformat.v4.new_markdown_cell("## First"), nbformat.v4.new_code_cell("table = base + 1"),
                nbformat.v4.new_markdown_cell("## Second\n\nUses the first section's table."),
                nbformat.v4.new_code_cell("ok = base * 2"), nbformat.v4.new_code_cell("print(table)"),
                nbformat.v4.new_code_cell("never = 'runs'")]
    path = folder / "99_self_test.ipynb"
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    return Row("A self-test", "0", 'lesson 99, section "Second"', lesson="99", include=["Second"]), Lesson(path)


@pytest.fixture(scope="module")
def outcomes(request, tmp_path_factory) -> dict[str, Outcome]:
    """Run, at once, every plan row this session collected (one fresh kernel each), and the self-test row."""
    wanted = {item.callspec.params["row"].id for item in request.session.items
              if getattr(item, "callspec", None) is not None and isinstance(item.callspec.params.get("row"), Row)}
    rows = [r for r in RUNNABLE if r.id in wanted]
    for r in rows:  # a plan that names what a lesson lacks fails as that row, not as a crash of the whole module
        try:
            cells_to_run(r, Lesson(notebook_of(r.lesson)))
        except AssertionError:  # PlanError, or no notebook for the lesson
            rows = [x for x in rows if x is not r]
    self_row, self_lesson = _self_test_lesson(tmp_path_factory.mktemp("plans"))
    sockets = Path(tempfile.mkdtemp(prefix="plans-"))  # short: a Unix socket path is at most ~107 bytes
    try:
        return run_coroutine(lambda: _run_all(rows + [self_row], sockets, {self_row.id: self_lesson}))
    finally:
        shutil.rmtree(sockets, ignore_errors=True)


# --------------------------------------------------------------------------- the tests


def test_the_plans_name_sections_this_test_can_run():
    ids = [r.id for r in RUNNABLE]
    assert len(ids) == len(set(ids)), f"two plan rows share an id: {ids}"
    assert RUNNABLE, "no delivery plan row names sections, exercises or open prompts of a lesson: check the parser"
    assert any(r.include for r in RUNNABLE), "no row names the sections it runs (the taster should)"
    assert all(r.lesson for r in RUNNABLE)


def test_the_parser_reads_the_wording_lessons_md_uses():
    text = (
        "## Delivery plans\n### A taster\n\n| minutes | what | from |\n|---|---|---|\n"
        '| 0–15 | Read it; Exercises 2.1 and 2.3 | lesson 02, sections "A one" and "B two", the explorer "C" |\n'
        "| 15–20 | Discussion | lesson 04, discussion questions |\n"
        "### A day\n\n| time | what |\n|---|---|\n"
        '| 0:30–1:30 | Lesson 01, theory: set open prompt B and the episode explorer ("Going further") as homework; '
        'keep Exercises 1.7–1.8, which lesson 04 returns to in section "Beijing\'s dilemma" |\n'
        '| 3:00–4:15 | Lesson 03, trade: skip Exercises 3.4 and 3.10 and open prompt 1; keep the "why" discussion; '
        "open prompts as homework |\n"
        "### Assessment\n"
    )
    taster, talk, day1, day3 = plan_rows(text)
    assert (taster.lesson, taster.include, taster.do_exercises) == ("02", ["A one", "B two", "C"], ["2.1", "2.3"])
    assert taster.id == "taster-0-15-lesson02" and taster.runnable and not talk.runnable
    assert (day1.homework, day1.homework_prompts, day1.refs) == (["Going further"], ["B"], [("04", "Beijing's dilemma")])
    assert day1.do_exercises is None and day1.include == []
    assert (day3.skip_exercises, day3.skip_prompts, day3.keep, day3.homework_prompts) == (["3.4", "3.10"], ["1"], ["why"], [None])


@pytest.mark.parametrize("row", RUNNABLE, ids=lambda r: r.id)
def test_a_plan_row_runs_after_the_setup_cell_alone(row, outcomes):
    lesson = Lesson(notebook_of(row.lesson))
    cells_to_run(row, lesson)  # raises PlanError, naming what the plan names and the lesson lacks
    outcome = outcomes[row.id]
    if outcome.error is not None:
        pytest.fail(outcome.error, pytrace=False)
    assert outcome.ran >= 2, f"{row.id}: only {outcome.ran} cell(s) ran"


def test_a_failing_row_names_its_first_error_the_cell_and_the_section(outcomes):
    """The self-test lesson: "Second" run alone stops at its second cell, which uses the first section's table."""
    error = outcomes["self-test-0-lesson99"].error
    assert error is not None and "cell 6, section \"Second\", failed with NameError: name 'table' is not defined" in error, error
    assert "print(table)" in error and "never" not in error
