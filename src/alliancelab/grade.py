"""Grade a folder of submitted notebooks: ``python -m alliancelab.grade --lesson 03 --submissions DIR --out OUT``.

``DIR`` holds one submitted notebook per learner; the learner's name is the file's stem (``ada.ipynb`` -> ``ada``).
For each one, the grader

1. checks the file: a notebook (``.ipynb``, valid JSON, notebook cells), of the lesson asked for, with the answer
   cells of its assessed items (``check("3.7", answer_3_7)``);
2. runs it in a fresh kernel (nbclient) inside its own temporary folder, which holds a copy of the submission, the
   glossary and the course data; the kernel imports the course package of the *learner edition* (no assessed keys)
   and runs under :mod:`alliancelab.kernel_guard`: no network, no writing outside that folder, no reading of the
   course's masters or keys, no starting programs. Strict mode is off. Each notebook has a time limit
   (``--timeout``, 120 s), each cell a quarter of it; a cell past its limit is interrupted and the run goes on; a
   cell that cannot be interrupted, that ends the kernel, or that prints more than ``--max-output-mb`` (4 MB) is left
   out and the notebook run again without it (outputs are counted, never kept). Two submissions run at a time
   (``--jobs``);
3. reads the answer variables (``answer_3_7``) out of the kernel after the run, as plain values, and grades them in
   this process with the full keys (:mod:`alliancelab.keys`) and fresh attempt counters. Redefining ``check``,
   ``grade`` or anything else in the notebook changes nothing here.

It writes ``OUT/gradebook.csv`` (``student``, one column per assessed item with the points earned, ``total``,
``max``, ``status``) and ``OUT/feedback/<student>.html``. ``status`` is ``graded`` when the notebook ran to the end
with every answer cell in place; otherwise it names what went wrong (``invalid JSON: ...``, ``wrong lesson: ...``,
``timeout: ...``, ``kernel died: ...``, ``answer missing: ...``). Points are filled in whenever answers could be
read. The same submissions give the same gradebook. Which items are assessed, and their points, is set in
``instructors/assessed.json`` (see ``instructors/coursework.md``).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import html
import io
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["main", "grade_folder", "Plan", "Outcome"]

DEFAULT_TIMEOUT = 120.0
DEFAULT_JOBS = 2
MAX_FILE_MB = 50
DEFAULT_MAX_OUTPUT_MB = 4.0
GUARD_DIR = Path(__file__).resolve().parent / "kernel_guard"
ANSWERS_FILE = ".alliancelab-answers.json"
_CHECK_CALL = re.compile(r"""check\(\s*["'](\d+\.\d+)["']\s*,\s*([A-Za-z_][A-Za-z0-9_]*)""")


# --------------------------------------------------------------------------- what to grade


@dataclass
class Plan:
    lesson: str  # "03"
    notebook: str  # "03_trade_asymmetry.ipynb"
    assessed: list[str]  # exercise ids, in order
    variables: dict[str, str]  # id -> answer variable in the learner edition ("answer_3_7")
    points: dict[str, float]
    prompts: list[dict]  # open prompts of the lesson, with marking notes
    template: Path  # the learner edition the grader builds (its notebooks, package and data)
    deny: list[str] = field(default_factory=list)  # paths the kernels may not read
    timeout: float = DEFAULT_TIMEOUT
    max_output: int = int(DEFAULT_MAX_OUTPUT_MB * 1024 * 1024)

    @property
    def max_points(self) -> float:
        return sum(self.points[e] for e in self.assessed)



def run_coroutine(make):
    """``asyncio.run(make())``, or, where an event loop is already running in this thread (inside Jupyter, or
    beside Playwright's sync API in a test session), the same in a worker thread with a loop of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()

def make_plan(lesson: str, work: Path, root: Path | None = None, timeout: float = DEFAULT_TIMEOUT,
              max_output_mb: float = DEFAULT_MAX_OUTPUT_MB) -> Plan:
    from . import coursework
    from .student import build_edition, masters

    root = Path(root or coursework.course_root()).resolve()
    lesson = f"{int(lesson):02d}"
    matches = [m for m in masters(root / "notebooks") if m.name.startswith(f"{lesson}_")]
    if not matches:
        raise SystemExit(f"There is no lesson {lesson}; lessons are: {', '.join(m.name[:2] for m in masters(root / 'notebooks'))}")
    master_path = matches[0]
    config = coursework.load_config(root)
    template = build_edition("learner", root, work / "learner")
    learner_nb = json.loads((template / master_path.name).read_text(encoding="utf-8"))
    master_nb = json.loads(master_path.read_text(encoding="utf-8"))
    variables = coursework.answer_variables(learner_nb)
    assessed = [e for e in coursework.assessed_ids(lesson, root) if e in variables]
    missing = sorted(set(coursework.assessed_ids(lesson, root)) - set(assessed))
    if missing:
        raise SystemExit(f"instructors/assessed.json lists {', '.join(missing)}, which lesson {lesson} does not check with an answer variable.")
    notes = sorted((root / "instructors").glob(f"{lesson}_*.md"))
    notes_text = notes[0].read_text(encoding="utf-8") if notes else ""
    prompts = []
    for p in coursework.open_prompts(master_nb, master_path.name):
        prompts.append({**p, "notes": coursework.marking_notes(p, notes_text)})
    import alliancelab

    deny = {str(Path(alliancelab.__file__).resolve().parent)}
    deny |= {str(root / d) for d in ("notebooks", "instructors", "src", "lessons_src", "research", "build", ".git")}
    return Plan(lesson, master_path.name, assessed, {e: variables[e] for e in assessed},
                {e: float(coursework.points(e, config)) for e in assessed}, prompts, template, sorted(deny),
                float(timeout), int(max_output_mb * 1024 * 1024))


# --------------------------------------------------------------------------- outcome of one submission


@dataclass
class ItemResult:
    exercise_id: str
    status: str  # correct | wrong | unanswered | invalid | missing
    points: float
    message: str
    answer: str = ""  # a short description of what the learner gave


@dataclass
class Outcome:
    student: str
    file: str
    graded: bool = False  # answers could be read (points are filled in)
    problems: list[str] = field(default_factory=list)
    items: list[ItemResult] = field(default_factory=list)
    cell_errors: list[str] = field(default_factory=list)
    prompt_answers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def status(self) -> str:
        return "; ".join(self.problems) if self.problems else "graded"

    @property
    def total(self) -> float:
        return sum(i.points for i in self.items)


def _fmt(x: float) -> str:
    return f"{x:g}"


# --------------------------------------------------------------------------- reading a submission


def _cell_text(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def read_submission(path: Path, plan: Plan) -> tuple[dict | None, list[str]]:
    """The submission as a notebook dict, or None and the reason it cannot be graded."""
    if path.suffix.lower() != ".ipynb":
        return None, [f"not a notebook: {path.name} is a {path.suffix or 'file without extension'} file, not .ipynb"]
    size = path.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        return None, [f"file too large: {size / 1024 / 1024:.0f} MB (a lesson notebook is well under {MAX_FILE_MB} MB)"]
    raw = path.read_bytes()
    try:
        nb = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, ["invalid JSON: the file is not UTF-8 text (was another file renamed to .ipynb?)"]
    except json.JSONDecodeError as error:
        return None, [f"invalid JSON: {error.msg} at line {error.lineno}, column {error.colno} (the file is damaged or was edited outside JupyterLab)"]
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list) or not all(
            isinstance(c, dict) and c.get("cell_type") in ("code", "markdown", "raw") for c in nb["cells"]):
        return None, ["not a notebook: valid JSON, but without notebook cells"]
    if nb.get("nbformat") != 4:
        return None, [f"not a notebook: nbformat {nb.get('nbformat')!r}, expected 4 (save it from JupyterLab)"]
    lessons: dict[str, int] = {}
    for cell in nb["cells"]:
        if cell.get("cell_type") == "code":
            for eid, _ in _CHECK_CALL.findall(_cell_text(cell)):
                lesson = f"{int(eid.split('.')[0]):02d}"
                lessons[lesson] = lessons.get(lesson, 0) + 1
    if lessons and plan.lesson not in lessons:
        other = max(sorted(lessons), key=lessons.get)
        return None, [f"wrong lesson: this is the notebook of lesson {other}, not {plan.lesson}"]
    if not lessons and plan.assessed:
        return None, [f"wrong lesson: no exercise of lesson {plan.lesson} in this notebook"]
    return nb, []


def _submitted_names(nb: dict) -> dict[str, list[str]]:
    """id -> variable names the submission's own check() calls use for it."""
    found: dict[str, list[str]] = {}
    for cell in nb["cells"]:
        if cell.get("cell_type") == "code":
            for eid, var in _CHECK_CALL.findall(_cell_text(cell)):
                found.setdefault(eid, [])
                if var not in found[eid]:
                    found[eid].append(var)
    return found


def _prompt_answers(nb: dict, plan: Plan) -> dict[str, str]:
    """The learner's text under each open prompt: the markdown cells tagged ``solution``, in order."""
    cells = [c for c in nb["cells"] if c.get("cell_type") == "markdown" and "solution" in (c.get("metadata") or {}).get("tags", [])]
    out = {}
    for prompt, cell in zip(plan.prompts, cells):
        text = _cell_text(cell).strip()
        out[prompt["id"]] = "" if text in ("*Write your answer here.*", "") else text
    return out


# --------------------------------------------------------------------------- running a submission

PRELUDE = """\
import sitecustomize as __alliancelab_guard
__alliancelab_guard.arm()
del __alliancelab_guard
def __alliancelab_no_exit(*args, **kwargs):
    raise SystemExit("exit() and quit() do not end the kernel while a submission is graded")
get_ipython().user_ns["exit"] = get_ipython().user_ns["quit"] = __alliancelab_no_exit
del __alliancelab_no_exit
# Nobody looks at the outputs: plain text only, and figures are built but not rendered (saves ~2 s per notebook)
for __alliancelab_k, __alliancelab_f in get_ipython().display_formatter.formatters.items():
    __alliancelab_f.enabled = __alliancelab_k == "text/plain"
try:
    import plotly.io as __alliancelab_pio, plotly.basedatatypes as __alliancelab_bdt
    __alliancelab_pio.show = lambda *a, **k: None
    __alliancelab_bdt.BaseFigure.show = lambda self, *a, **k: None
    __alliancelab_bdt.BaseFigure._ipython_display_ = lambda self: None
    __alliancelab_bdt.BaseFigure._repr_mimebundle_ = lambda self, *a, **k: {"text/plain": "<figure>"}
    del __alliancelab_pio, __alliancelab_bdt
except Exception:
    pass
"""

# Runs after the learner's cells, in a namespace of its own: a learner who rebinds json, print, str or type in
# the notebook changes nothing here. Values are written as plain tagged JSON, never pickled.
EXTRACT = r'''
import builtins as __alliancelab_b
__alliancelab_b.exec("""
import json as _json, numbers as _numbers, itertools as _it
def _enc(v, depth=0):
    try:
        if v is Ellipsis:
            return {"t": "ellipsis"}
        if v is None:
            return {"t": "none"}
        if type(v).__module__ == "numpy" and getattr(v, "shape", None) == () and hasattr(v, "item"):
            v = v.item()
        if isinstance(v, bool):
            return {"t": "bool", "v": bool(v)}
        if isinstance(v, int):
            return {"t": "int", "v": int(v)} if abs(v) < 10**15 else {"t": "bigint", "v": str(int(v))[:40]}
        if isinstance(v, float):
            return {"t": "float", "v": repr(float(v))}
        if isinstance(v, str):
            return {"t": "str", "v": str(v)[:20000]}
        if isinstance(v, (list, tuple, set, frozenset)) and depth < 4:
            kind = "set" if isinstance(v, (set, frozenset)) else "tuple" if isinstance(v, tuple) else "list"
            items = list(_it.islice(v, 2000))
            if kind == "set":
                items = sorted(items, key=repr)
            return {"t": kind, "type": type(v).__name__, "v": [_enc(i, depth + 1) for i in items]}
        if isinstance(v, dict) and depth < 4:
            return {"t": "dict", "v": [[_enc(k, depth + 1), _enc(x, depth + 1)] for k, x in _it.islice(v.items(), 2000)]}
        shape = getattr(v, "shape", None)
        if shape is not None and not isinstance(v, _numbers.Number):
            try:
                shape = [int(s) for s in tuple(shape)][:6]
            except Exception:
                shape = []
            return {"t": "shaped", "type": type(v).__name__[:60], "shape": shape}
        if isinstance(v, _numbers.Real):
            return {"t": "float", "v": repr(float(v))}
        return {"t": "other", "type": type(v).__name__[:60]}
    except Exception as error:
        return {"t": "other", "type": "unreadable " + type(error).__name__}
_out = {"nonce": NONCE, "values": {}}
for _name in NAMES:
    if _name in NS:
        _out["values"][_name] = _enc(NS[_name])
with open(PATH, "w", encoding="utf-8") as _f:
    _json.dump(_out, _f)
""", {"__builtins__": __alliancelab_b, "NS": __alliancelab_b.globals(), "NAMES": %(names)r, "PATH": %(path)r, "NONCE": %(nonce)r})
del __alliancelab_b
'''


def _make_client_class():
    from nbclient import NotebookClient

    class CountingClient(NotebookClient):
        """Counts output bytes instead of keeping them; interrupts a cell that prints past the cap."""

        def __init__(self, *args, max_output: int, **kwargs):
            super().__init__(*args, **kwargs)
            self.max_output = max_output
            self.cell_bytes: dict[int, int] = {}
            self.flooded: set[int] = set()

        def output(self, outs, msg, display_id, cell_index):
            content = msg.get("content", {})
            size = len(content.get("text", "") or "") + sum(len(str(v)) for v in (content.get("data") or {}).values())
            size += len(str(content.get("traceback", ""))) if msg.get("msg_type") == "error" else 0
            total = self.cell_bytes.get(cell_index, 0) + size
            self.cell_bytes[cell_index] = total
            if total > self.max_output and cell_index not in self.flooded:
                # Interrupting is not enough: what the kernel has already queued can be hundreds of MB to read.
                # The kernel is killed instead, and the notebook is run again without this cell.
                self.flooded.add(cell_index)
                asyncio.ensure_future(self._kill())
            return None  # outputs are never kept: the grader needs values, not pictures

        async def _kill(self):
            try:
                await self.km.signal_kernel(signal.SIGKILL)
            except Exception:
                pass

    return CountingClient


def _kernel_env(sandbox: Path, plan: Plan) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ALLIANCELAB_", "JUPYTER", "PYTHON", "IPYTHON", "MPL", "VIRTUAL_ENV_PROMPT"))}
    home = sandbox / ".home"
    env.update({
        "PYTHONPATH": os.pathsep.join([str(GUARD_DIR), str(plan.template / "src")]),
        "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "ALLIANCELAB_STRICT": "0",
        "ALLIANCELAB_DATA": str(sandbox / "data"),
        "ALLIANCELAB_SANDBOX": str(sandbox),
        "ALLIANCELAB_SANDBOX_READ": str(plan.template),
        "ALLIANCELAB_SANDBOX_DENY": os.pathsep.join(plan.deny),
        "HOME": str(home),
        "IPYTHONDIR": str(home / ".ipython"),
        "MPLCONFIGDIR": str(home / ".matplotlib"),
        "TMPDIR": str(sandbox / ".tmp"),
        "PLOTLY_RENDERER": "plotly_mimetype",
    })
    return env


def _prepare(sandbox: Path, nb: dict, plan: Plan) -> None:
    sandbox.mkdir(parents=True)
    (sandbox / ".home").mkdir()
    (sandbox / ".tmp").mkdir()
    shutil.copytree(plan.template / "data", sandbox / "data")
    for companion in ("glossary.md",):
        if (plan.template / companion).exists():
            shutil.copyfile(plan.template / companion, sandbox / companion)
    (sandbox / plan.notebook).write_text(json.dumps(nb), encoding="utf-8")


async def _run_once(nb: dict, sandbox: Path, plan: Plan, skip: set[int], outcome: Outcome) -> tuple[dict | None, int | None, str]:
    """One run in a fresh kernel. Returns (answers or None, index of a cell that killed the run or None, why)."""
    import nbformat
    from nbclient.exceptions import DeadKernelError

    nonce = secrets.token_hex(16)
    names = sorted({v for vs in _candidates(nb, plan).values() for v in vs})
    answers_path = sandbox / ANSWERS_FILE
    if answers_path.exists():
        answers_path.unlink()
    cells = [nbformat.v4.new_code_cell(PRELUDE)]
    learner_cells = []
    for index, cell in enumerate(nb["cells"]):
        if cell.get("cell_type") == "code" and index not in skip:
            learner_cells.append(index)
            cells.append(nbformat.v4.new_code_cell(_cell_text(cell)))
    cells.append(nbformat.v4.new_code_cell(EXTRACT % {"names": names, "path": str(answers_path), "nonce": nonce}))
    book = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    client_class = _make_client_class()
    cell_limit = max(5.0, plan.timeout / 4)
    from jupyter_client.manager import AsyncKernelManager

    runtime = sandbox.parent / ".runtime"  # outside the sandbox: the kernel cannot read it once the guard is armed
    runtime.mkdir(exist_ok=True)
    # IPC (Unix sockets) rather than loopback TCP: no port another process on the machine could reach
    km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=str(runtime / f"k{nonce[:12]}"),
                            connection_file=str(runtime / f"kernel-{nonce[:12]}.json"))
    client = client_class(book, km=km, kernel_name="python3", timeout=int(cell_limit), allow_errors=True, interrupt_on_timeout=True,
                          iopub_timeout=5, shutdown_kernel="immediate", max_output=plan.max_output,
                          resources={"metadata": {"path": str(sandbox)}})
    replies: dict[int, dict] = {}

    def record(cell, cell_index, execute_reply):
        replies[cell_index] = (execute_reply or {}).get("content", {})

    client.on_cell_executed = record
    deadline = time.monotonic() + plan.timeout
    last = len(book.cells) - 1
    fatal: tuple[int | None, str] = (None, "")
    out_of_time = False
    kernel_start = time.monotonic()
    async with client.async_setup_kernel(env=_kernel_env(sandbox, plan), cwd=str(sandbox),
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        if os.environ.get("ALLIANCELAB_GRADE_PROFILE") == "1":
            print(f"kernel start {time.monotonic() - kernel_start:.2f}s", file=sys.stderr)
        for position, cell in enumerate(book.cells):
            learner_index = learner_cells[position - 1] if 0 < position < last else None
            remaining = deadline - time.monotonic()
            if learner_index is not None and remaining <= 0:
                if not out_of_time:
                    out_of_time = True
                    outcome.problems.append(f"timeout: the notebook's {plan.timeout:g} s ran out at cell {learner_index}; "
                                            "the cells from there on were not run, answers defined before were graded")
                continue
            limit = 30.0 if learner_index is None else min(cell_limit, max(1.0, remaining))
            client.timeout = int(max(1, limit))
            cell_start = time.monotonic()
            task = asyncio.ensure_future(client.async_execute_cell(cell, position))
            done, _ = await asyncio.wait({task}, timeout=limit + 10)
            if os.environ.get("ALLIANCELAB_GRADE_PROFILE") == "1":
                print(f"cell {learner_index} {time.monotonic() - cell_start:.2f}s {cell.source[:50]!r}", file=sys.stderr)
            flooded = _flooded_cell(client.flooded, learner_cells)
            if not done and flooded is not None:
                task.cancel()
                try:
                    await task
                except BaseException:
                    pass
                fatal = (flooded, "output too large")
                break
            if not done:  # interrupted but still running (it catches KeyboardInterrupt, or sits in C code)
                task.cancel()
                try:
                    await task
                except BaseException:
                    pass
                fatal = (learner_index, "could not be interrupted")
                break
            try:
                task.result()
            except DeadKernelError:
                # the kill for too much output lands when the grader has read that far, maybe a few cells later
                flooded = _flooded_cell(client.flooded, learner_cells)
                if flooded is not None:
                    fatal = (flooded, "output too large")
                    break
                # exit() and quit() are disarmed by the prelude, so a kernel dies in the cell that kills it
                # (os._exit, a signal, a crash); dying in the extraction means the last cell did it on its way out
                culprit = learner_index if learner_index is not None else (learner_cells[-1] if learner_cells and position else None)
                fatal = (culprit, "kernel died")
                break
            except Exception as error:  # nbclient trouble the grader did not foresee: report, do not crash
                fatal = (learner_index, f"{type(error).__name__}")
                break
            if learner_index is None:
                continue
            content = replies.get(position, {})
            if content.get("status") == "error":
                err = f"{content.get('ename', 'Error')}: {str(content.get('evalue', ''))[:120]}"
                outcome.cell_errors.append(f"cell {learner_index}: {err}")
                if content.get("ename") == "KeyboardInterrupt" and position not in client.flooded:
                    outcome.problems.append(f"timeout: cell {learner_index} ran past its {cell_limit:g} s limit and was interrupted")
    if fatal[1]:
        return None, fatal[0], fatal[1]
    try:
        data = json.loads(answers_path.read_text(encoding="utf-8"))
        if data.get("nonce") != nonce:
            raise ValueError("nonce")
        return data["values"], None, ""
    except (OSError, ValueError, KeyError, TypeError):
        return None, None, "answers could not be read after the run"


def _flooded_cell(flooded: set[int], learner_cells: list[int]) -> int | None:
    """The learner's index of the first cell that printed past the cap (positions count the prelude as 0)."""
    positions = sorted(p for p in flooded if 0 < p <= len(learner_cells))
    return learner_cells[positions[0] - 1] if positions else None


def _candidates(nb: dict, plan: Plan) -> dict[str, list[str]]:
    submitted = _submitted_names(nb)
    return {e: [plan.variables[e]] + [v for v in submitted.get(e, []) if v != plan.variables[e]] for e in plan.assessed}


# --------------------------------------------------------------------------- grading the values


def _decode(obj: Any) -> Any:
    t = obj.get("t") if isinstance(obj, dict) else None
    if t == "ellipsis":
        return Ellipsis
    if t == "none":
        return None
    if t in ("bool", "int", "str"):
        return obj["v"]
    if t == "bigint":
        return int(obj["v"]) if obj["v"].lstrip("-").isdigit() else 10**16
    if t == "float":
        return float(obj["v"])
    if t in ("list", "tuple", "set"):
        items = [_decode(i) for i in obj["v"]]
        if t == "tuple":
            return tuple(items)
        if t == "set":
            try:
                return set(items)
            except TypeError:
                return items
        return items
    if t == "dict":
        out = {}
        for k, v in obj["v"]:
            try:
                out[_decode(k)] = _decode(v)
            except TypeError:
                pass
        return out
    if t == "shaped":
        return type(str(obj.get("type", "array")), (), {"shape": tuple(obj.get("shape", ()))})()
    return type(str(obj.get("type", "object")) if isinstance(obj, dict) else "object", (), {})()


def _describe(value: Any) -> str:
    """What the learner gave, in a few words, for the feedback page."""
    if value is Ellipsis:
        return "… (not answered)"
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, (bool, int, float)):
        return repr(value)
    if isinstance(value, (list, tuple, set)):
        shown = repr(sorted(value, key=repr) if isinstance(value, set) else list(value))
        return shown if len(shown) <= 80 else f"a {type(value).__name__} of {len(value)} items"
    if isinstance(value, dict):
        return f"a dictionary with keys {', '.join(map(repr, list(value)[:8]))}"
    shape = getattr(value, "shape", None)
    name = type(value).__name__
    return f"a {name} of shape {tuple(shape)}" if shape is not None else f"a {name}"


def grade_values(values: dict[str, Any], nb: dict, plan: Plan, outcome: Outcome) -> None:
    from . import exercises

    candidates = _candidates(nb, plan)
    missing_cells = [e for e in plan.assessed if e not in _submitted_names(nb)]
    if missing_cells:
        outcome.problems.append(f"answer cells deleted or renamed: {', '.join(missing_cells)}")
    missing_vars = []
    for eid in plan.assessed:
        found = next((v for v in candidates[eid] if v in values), None)
        if found is None:
            if eid not in missing_cells:
                missing_vars.append(f"{eid} ({plan.variables[eid]} is not defined)")
            outcome.items.append(ItemResult(eid, "missing", 0.0, f"No answer found: {plan.variables[eid]} is not defined at the end "
                                            "of the notebook (its cell was deleted, renamed or stopped by an error)."))
            continue
        value = _decode(values[found])
        exercises.reset_attempts()  # fresh attempt counters: the first hint, whatever the learner's session did
        result = exercises.grade(eid, value)
        # "recorded": a decide-and-defend task whose choice is valid and consistent; its justification is hand-marked
        status = result.status if result.status in ("correct", "recorded", "wrong", "unanswered", "invalid") else "invalid"
        message = result.message + (f" {result.detail}" if result.detail else "")
        earned = plan.points[eid] if status in ("correct", "recorded") else 0.0
        if isinstance(value, dict) and isinstance(value.get("why"), str):
            outcome.prompt_answers[f"{eid} (justification)"] = value["why"]
        described = _describe(value)
        if found != plan.variables[eid]:
            described += f" (read from {found}, the name the learner's check call uses)"
        outcome.items.append(ItemResult(eid, status, earned, message, described))
    if missing_vars:
        outcome.problems.append(f"answer missing: {', '.join(missing_vars)}")
    outcome.graded = True


async def grade_one(path: Path, student: str, plan: Plan, work: Path, index: int) -> Outcome:
    start = time.monotonic()
    outcome = Outcome(student, path.name)
    nb, problems = read_submission(path, plan)
    if nb is None:
        outcome.problems = problems
        return outcome
    outcome.prompt_answers = _prompt_answers(nb, plan)
    for cell in nb["cells"]:  # stored outputs are never run or kept
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    skip: set[int] = set()
    values = None
    for attempt in range(3):
        sandbox = work / f"run-{index:04d}-{attempt}"
        _prepare(sandbox, nb, plan)
        run_problems: list[str] = []
        probe = Outcome(student, path.name)
        try:
            values, culprit, why = await _run_once(nb, sandbox, plan, skip, probe)
        except Exception as error:  # the kernel could not even start: report and go on with the others
            values, culprit, why = None, None, f"the kernel could not be started ({type(error).__name__}: {str(error)[:100]})"
        finally:
            shutil.rmtree(sandbox, ignore_errors=True)
        run_problems = probe.problems
        outcome.cell_errors = probe.cell_errors
        if values is not None:
            outcome.problems.extend(run_problems)
            break
        if culprit is None:
            outcome.problems.extend(run_problems + [f"not graded: {why}"])
            break
        if why == "output too large":
            outcome.problems.append(f"output too large: cell {culprit} printed more than {plan.max_output / 1024 / 1024:g} MB; "
                                    "graded from a run without that cell")
        else:
            label = "kernel died" if why == "kernel died" else "timeout"
            detail = ("the kernel stopped (sys.exit, exit(), os._exit or a crash)" if why == "kernel died"
                      else "it ran past its limit and could not be interrupted")
            outcome.problems.append(f"{label}: in cell {culprit} {detail}; graded from a run without that cell")
        skip.add(culprit)
    blocked = [e for e in outcome.cell_errors if "alliancelab grader:" in e]
    others = [e for e in outcome.cell_errors if e not in blocked and "KeyboardInterrupt" not in e]
    if blocked:
        outcome.problems.append("blocked by the grader's guard: " + "; ".join(_blocked_label(e) for e in blocked))
    if others:
        outcome.problems.append("errors in cells: " + ", ".join(e.split(":")[0].replace("cell ", "") + " " + e.split(": ")[1] for e in others))
    if values is not None:
        grade_values(values, nb, plan, outcome)
    elif not any(p.startswith("not graded") for p in outcome.problems):
        outcome.problems.append("not graded: the notebook could not be run to the end")
    outcome.seconds = time.monotonic() - start
    return outcome


# --------------------------------------------------------------------------- the whole folder


def _blocked_label(error: str) -> str:
    """'cell 5: PermissionError: alliancelab grader: writing '/x' is not allowed ...' -> "cell 5 tried writing '/x'"."""
    cell = error.split(":")[0]
    what = error.split("alliancelab grader:", 1)[1].split(" is not allowed")[0].split(" is blocked")[0].strip()
    return f"{cell} tried {what}"


def _students(folder: Path, out: Path) -> list[tuple[str, Path | None, str]]:
    """(student, path, problem) for every entry of the submissions folder, sorted by name."""
    entries = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or path.resolve() == out.resolve():
            continue
        if path.is_dir():
            entries.append((path.name, None, "not a notebook: a folder, not a file"))
            continue
        student = path.stem
        if student in seen:
            entries.append((f"{student} ({path.name})", None, f"duplicate student name: {seen[student].name} was graded under this name"))
            continue
        seen[student] = path
        entries.append((student, path, ""))
    return entries


async def _grade_all(entries, plan: Plan, work: Path, jobs: int) -> list[Outcome]:
    gate = asyncio.Semaphore(max(1, jobs))

    async def one(i, student, path, problem):
        if path is None:
            return Outcome(student, student, problems=[problem])
        async with gate:
            try:
                return await grade_one(path, student, plan, work, i)
            except Exception as error:  # never stop the run for one submission
                return Outcome(student, path.name, problems=[f"not graded: grader error {type(error).__name__}: {str(error)[:120]}"])

    return await asyncio.gather(*(one(i, s, p, pr) for i, (s, p, pr) in enumerate(entries)))


def write_gradebook(outcomes: list[Outcome], plan: Plan, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *plan.assessed, "total", "max", "status"])
    for o in sorted(outcomes, key=lambda o: o.student):
        by_id = {i.exercise_id: i for i in o.items}
        if o.graded:
            cells = [_fmt(by_id[e].points) for e in plan.assessed]
            writer.writerow([o.student, *cells, _fmt(o.total), _fmt(plan.max_points), o.status])
        else:
            writer.writerow([o.student, *[""] * len(plan.assessed), "", _fmt(plan.max_points), o.status])
    path = out / "gradebook.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


LABEL = {"correct": "Correct", "recorded": "Valid choice (justification marked by hand)", "wrong": "Not correct", "unanswered": "Not answered", "invalid": "Answer in the wrong form",
         "missing": "No answer found"}


def feedback_html(o: Outcome, plan: Plan) -> str:
    e = html.escape
    rows = []
    for item in o.items:
        rows.append(f"<tr class='{item.status}'><th scope='row'>{e(item.exercise_id)}</th><td>{e(LABEL[item.status])}</td>"
                    f"<td>{_fmt(item.points)} / {_fmt(plan.points[item.exercise_id])}</td><td>{e(item.answer)}</td><td>{e(item.message)}</td></tr>")
    parts = [
        "<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
        f"<title>Feedback: lesson {e(plan.lesson)}, {e(o.student)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.4em;text-align:left;vertical-align:top}"
        "tr.correct td:nth-child(2){color:#00704f}tr.wrong td:nth-child(2),tr.missing td:nth-child(2){color:#a33f00}"
        ".answer{white-space:pre-wrap;background:#f5f5f5;padding:.6em;border-left:4px solid #0072B2}"
        ".notes{background:#fffbe6;padding:.6em;border-left:4px solid #E69F00}</style></head><body>",
        f"<h1>Lesson {e(plan.lesson)}: feedback for {e(o.student)}</h1>",
        f"<p>Notebook: <code>{e(o.file)}</code>. Status: <strong>{e(o.status)}</strong>.</p>",
    ]
    if o.graded:
        parts.append(f"<p>Auto-marked items: <strong>{_fmt(o.total)} of {_fmt(plan.max_points)} points</strong>.</p>")
        parts += ["<h2>Auto-marked items</h2>", "<table><thead><tr><th scope='col'>Exercise</th><th scope='col'>Result</th>"
                  "<th scope='col'>Points</th><th scope='col'>Your answer</th><th scope='col'>Feedback</th></tr></thead><tbody>",
                  *rows, "</tbody></table>"]
    else:
        parts.append("<p>This notebook could not be graded; the status above says why. Fix it and hand it in again, or ask your instructor.</p>")
    if o.cell_errors:
        parts += ["<h2>Cells that stopped with an error</h2>", "<ul>", *[f"<li>{e(x)}</li>" for x in o.cell_errors], "</ul>"]
    if plan.prompts:
        parts.append("<h2>Open prompts (marked by hand)</h2>")
        for p in plan.prompts:
            written = o.prompt_answers.get(p["id"], "")
            parts += [f"<h3>{e(p['id'])}: {e(p['title'])}</h3>", f"<p>{e(p['prompt'])}</p>",
                      "<p><strong>Your answer:</strong></p>",
                      f"<div class='answer'>{e(written) if written else '<em>(nothing written)</em>'}</div>",
                      "<p><strong>Rubric (marking notes):</strong></p>",
                      f"<div class='notes'>{e(p['notes'] or p['model_answer'])}</div>",
                      "<p>Mark: ______</p>"]
    justifications = {k: v for k, v in o.prompt_answers.items() if k.endswith(" (justification)")}
    if justifications:
        parts.append("<h2>Justifications of decide-and-defend tasks (marked by hand with the rubric in the instructor notes)</h2>")
        for key, text in sorted(justifications.items()):
            parts += [f"<h3>{e(key)}</h3>", f"<div class='answer'>{e(text)}</div>", "<p>Mark: ______</p>"]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _safe_name(student: str) -> str:
    return re.sub(r"[^\w.\- ()]+", "_", student).strip(" .") or "student"


def write_feedback(outcomes: list[Outcome], plan: Plan, out: Path) -> Path:
    folder = out / "feedback"
    if folder.exists():
        for old in folder.glob("*.html"):
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    for o in outcomes:
        (folder / f"{_safe_name(o.student)}.html").write_text(feedback_html(o, plan), encoding="utf-8")
    return folder


def grade_folder(lesson: str, submissions: Path | str, out: Path | str, timeout: float = DEFAULT_TIMEOUT,
                 jobs: int = DEFAULT_JOBS, max_output_mb: float = DEFAULT_MAX_OUTPUT_MB, root: Path | str | None = None) -> list[Outcome]:
    submissions, out = Path(submissions).resolve(), Path(out).resolve()
    if not submissions.is_dir():
        raise SystemExit(f"--submissions {submissions} is not a folder")
    with tempfile.TemporaryDirectory(prefix="alliancelab-grade-") as tmp:
        work = Path(tmp)
        plan = make_plan(lesson, work, root, timeout, max_output_mb)
        plan.deny = sorted(set(plan.deny) | {str(submissions), str(out)})
        entries = _students(submissions, out)
        outcomes = run_coroutine(lambda: _grade_all(entries, plan, work, jobs))
        write_gradebook(outcomes, plan, out)
        write_feedback(outcomes, plan, out)
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliancelab.grade", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lesson", required=True, help="two-digit lesson number, e.g. 03")
    parser.add_argument("--submissions", required=True, help="folder with one notebook per learner (name = file stem)")
    parser.add_argument("--out", required=True, help="folder for gradebook.csv and feedback/")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help=f"seconds per notebook (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help=f"submissions run at a time (default {DEFAULT_JOBS})")
    parser.add_argument("--max-output-mb", type=float, default=DEFAULT_MAX_OUTPUT_MB, help="output a cell may print before it is stopped")
    args = parser.parse_args(argv)
    start = time.monotonic()
    outcomes = grade_folder(args.lesson, args.submissions, args.out, args.timeout, args.jobs, args.max_output_mb)
    graded = sum(o.status == "graded" for o in outcomes)
    print(f"{len(outcomes)} submissions, {graded} graded cleanly, {len(outcomes) - graded} with a status to read; "
          f"{time.monotonic() - start:.1f} s. Wrote {Path(args.out) / 'gradebook.csv'} and {Path(args.out) / 'feedback'}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
