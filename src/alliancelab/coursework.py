"""Marked coursework: which items are assessed, how their keys are withheld from learners, and the open prompts.

Assessed items
--------------
Items that count for marks are listed in one file, ``instructors/assessed.json`` (see
``instructors/coursework.md``). Their keys stay in :mod:`alliancelab.keys` in the course repository, which is
the instructor's copy. The learner edition (``make learner``) is built with :func:`withhold_keys`: each
assessed item's ``Exercise(...)`` in the copied key modules becomes a stand-in that keeps only the item's id,
kind, letters, unit and tolerance, and its private helper functions are dropped. In that edition
``check("3.7", answer)`` still checks the *format* of an answer (a number, a letter, a list) and otherwise
says plainly that the item is marked by the instructor (:mod:`alliancelab.exercises` asks :func:`is_assessed`). The grader
(:mod:`alliancelab.grade`) reads the answers out of each executed submission and grades them in its own
process with the full keys.

Open prompts
------------
Markdown cells tagged ``solution`` hold the model answers to open prompts. Each gets a prompt id
``<lesson>.<letter>`` in order of appearance (``1.A``, ``1.B``, ...), or the id in the cell's metadata
``alliancelab.prompt`` when a master sets one. :func:`open_prompts` lists them with the prompt's heading and
text (the markdown cell above) and the model answer; the self-study edition ships them as
``alliancelab/model_answers.json`` for :func:`alliancelab.selfstudy.reveal`, and the grader's feedback lists
them for hand marking with the marking notes from ``instructors/NN_*.md``.

This module imports only :mod:`alliancelab.registry` (in :func:`withheld`), so :mod:`alliancelab.exercises` and the
learner edition's key modules can import it without an import circle.
"""

from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path
from typing import Any

__all__ = [
    "MARKED_BY_INSTRUCTOR",
    "MARKED_TEXT",
    "CONFIG_NAME",
    "course_root",
    "config_path",
    "load_config",
    "assessed_ids",
    "points",
    "is_assessed",
    "withhold_keys",
    "withheld",
    "exercise_levels",
    "answer_variables",
    "open_prompts",
    "marking_notes",
]

CONFIG_NAME = "assessed.json"
MARKED_TEXT = "This item is marked by your instructor, so this notebook does not hold its answer."


class _Marked:
    """The answer of an assessed item in the learner edition: there is none to read."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MARKED_BY_INSTRUCTOR"

    def __reduce__(self):
        return (_Marked, ())


MARKED_BY_INSTRUCTOR = _Marked()


# --------------------------------------------------------------------------- where the course and its config are


def course_root() -> Path:
    """The course folder (the one holding ``notebooks/`` and ``data/datapackage.json``).

    ``$ALLIANCELAB_COURSE`` when set, else the first such folder above this package or above the working folder.
    """
    env = os.environ.get("ALLIANCELAB_COURSE")
    if env:
        return Path(env).resolve()
    for start in (Path(__file__).resolve().parent, Path.cwd().resolve()):
        for folder in (start, *start.parents):
            if (folder / "notebooks").is_dir() and (folder / "data" / "datapackage.json").is_file():
                return folder
    raise FileNotFoundError(
        "Could not find the course folder (one with notebooks/ and data/datapackage.json). Run from inside the "
        "course repository or set ALLIANCELAB_COURSE to it."
    )


def config_path(root: Path | str | None = None) -> Path:
    return Path(root or course_root()) / "instructors" / CONFIG_NAME


def load_config(root: Path | str | None = None) -> dict:
    """Read ``instructors/assessed.json``; a message names the file and the problem when it is wrong."""
    path = config_path(root)
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path} is missing: it lists the assessed items (see instructors/coursework.md).") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not valid JSON ({error.msg}, line {error.lineno}).") from None
    assessed = config.get("assessed")
    if not isinstance(assessed, dict) or not all(isinstance(v, list) for v in assessed.values()):
        raise ValueError(f"{path}: 'assessed' must map a lesson ('03') to a list of exercise ids (['3.3', '3.7']).")
    for lesson, ids in assessed.items():
        for eid in ids:
            if not (isinstance(eid, str) and eid.split(".")[0] == str(int(lesson))):
                raise ValueError(f"{path}: {eid!r} is listed under lesson {lesson!r} but is not one of its exercise ids.")
    weights = config.get("points", {})
    if not isinstance(weights, dict) or not all(isinstance(v, (int, float)) and v > 0 for v in weights.values()):
        raise ValueError(f"{path}: 'points' must map an exercise id to a positive number of points.")
    return config


def assessed_ids(lesson: str | None = None, root: Path | str | None = None) -> list[str]:
    """The assessed exercise ids, of one lesson ('03') or of all, in the config's order."""
    assessed = load_config(root)["assessed"]
    if lesson is not None:
        return list(assessed.get(f"{int(lesson):02d}", []))
    return [eid for ids in assessed.values() for eid in ids]


def points(exercise_id: str, config: dict) -> float:
    """Points an assessed item is worth (``points`` in the config, else ``default_points``, else 1)."""
    return config.get("points", {}).get(exercise_id, config.get("default_points", 1))


# --------------------------------------------------------------------------- check() in the learner edition


def is_assessed(ex: Any) -> bool:
    """True for the learner edition's stand-in of an assessed item (its key is not in this copy)."""
    return getattr(ex, "answer", None) is MARKED_BY_INSTRUCTOR


# --------------------------------------------------------------------------- withholding keys from a key module

_SAFE_FIELDS = ("kind", "choices", "unit", "tolerance", "fields", "min_words")  # the form of an answer, never its key


def withheld(**values: Any):
    """The learner edition's stand-in for an assessed item: an ``Exercise`` with only the fields that describe the
    form of an answer. Built without the registry's own validation when that asks for parts the stand-in leaves
    out on purpose (a decide item's ``validate`` function, say)."""
    import dataclasses

    from .registry import Exercise

    names = {f.name for f in dataclasses.fields(Exercise)}
    values = {k: v for k, v in values.items() if k in names}
    try:
        return Exercise(**values)
    except (TypeError, ValueError):
        ex = object.__new__(Exercise)
        for f in dataclasses.fields(Exercise):
            if f.name in values:
                value = values[f.name]
            elif f.default is not dataclasses.MISSING:
                value = f.default
            elif f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
                value = f.default_factory()  # type: ignore[misc]
            else:
                value = None
            object.__setattr__(ex, f.name, value)
        return ex


def _line_offsets(data: bytes) -> list[int]:
    offsets, pos = [0], 0
    for line in data.splitlines(keepends=True):
        pos += len(line)
        offsets.append(pos)
    return offsets


def _span(node: ast.AST, offsets: list[int]) -> tuple[int, int]:
    start = offsets[node.lineno - 1] + node.col_offset
    end = offsets[node.end_lineno - 1] + node.end_col_offset
    return start, end


def _stub(call: ast.Call, source: str) -> str:
    fields = {k.arg: k.value for k in call.keywords if k.arg}
    eid = fields["id"].value
    parts = [f"id={eid!r}"]
    for name in _SAFE_FIELDS:
        if name in fields:
            try:
                value = ast.literal_eval(fields[name])
            except ValueError:
                continue  # computed at import time: leave it out rather than copy code
            parts.append(f"{name}={value!r}")
    parts += ["answer=_MARKED", "explanation=_MARKED_TEXT", "hints=[_MARKED_TEXT]"]
    return f"_Withheld({', '.join(parts)})"


def _prune_private(source: str) -> str:
    """Drop top-level private helpers (``_name``) that nothing left in the module uses; repeat until none."""
    while True:
        tree = ast.parse(source)
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        used |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        data = source.encode("utf-8")
        offsets = _line_offsets(data)
        drop = []
        for node in tree.body:
            names = []
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            elif isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
                names = [t.id for t in node.targets]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            if names and all(n.startswith("_") and not n.startswith("__") and n not in used for n in names):
                first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
                drop.append((offsets[first - 1], offsets[node.end_lineno]))
        if not drop:
            return source
        for start, end in sorted(drop, reverse=True):
            data = data[:start] + data[end:]
        source = re.sub(r"\n{4,}", "\n\n\n", data.decode("utf-8"))


def withhold_keys(source: str, withheld: set[str] | frozenset[str], where: str = "key module") -> tuple[str, set[str]]:
    """Return ``source`` with every ``Exercise(id=...)`` call whose id is in ``withheld`` replaced by a stand-in.

    The stand-in keeps the id, kind, letters, unit and tolerance (what ``check`` needs to say what form an answer
    takes) and nothing else: no answer, explanation or hints. Private helpers that only the withheld items used
    are removed. Returns the new source and the ids found. Any call with a literal ``id=`` keyword counts, so
    new kinds of item are withheld the same way.
    """
    tree = ast.parse(source)
    data = source.encode("utf-8")
    offsets = _line_offsets(data)
    edits, found = [], set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        ids = [k.value for k in node.keywords if k.arg == "id"]
        if ids and isinstance(ids[0], ast.Constant) and ids[0].value in withheld:
            if ids[0].value in found:
                raise ValueError(f"{where}: exercise {ids[0].value} is defined twice")
            found.add(ids[0].value)
            edits.append((*_span(node, offsets), _stub(node, source).encode("utf-8")))
    if not found:
        return source, found
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text + data[end:]
    # the imports the stand-ins need go after the docstring and any __future__ import
    tree = ast.parse(data.decode("utf-8"))
    after = 0
    for node in tree.body:
        is_doc = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        if is_doc or (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
            after = node.end_lineno
            continue
        break
    offsets = _line_offsets(data)
    header = (b"\n# Assessed items: their keys are not in this edition (alliancelab.coursework.withhold_keys).\n"
              b"from ..coursework import MARKED_BY_INSTRUCTOR as _MARKED, MARKED_TEXT as _MARKED_TEXT, withheld as _Withheld\n")
    data = data[: offsets[after]] + header + data[offsets[after]:]
    return _prune_private(data.decode("utf-8")), found


# --------------------------------------------------------------------------- reading the master notebooks

_LEVEL = re.compile(r"^#+\s*Exercise\s+(\d+\.\d+)\s*\(([^)]*)\)", re.M)
_CHECK = re.compile(r"""check\(\s*["'](\d+\.\d+)["']\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,)]""")


def _cells(nb: dict) -> list[dict]:
    return nb.get("cells", [])


def _text(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def exercise_levels(nb: dict) -> dict[str, str]:
    """``{"3.1": "interpret", ...}`` from the exercise headings (``### Exercise 3.1 (interpret)``)."""
    return {m.group(1): m.group(2).strip() for c in _cells(nb) if c.get("cell_type") == "markdown"
            for m in _LEVEL.finditer(_text(c))}


def answer_variables(nb: dict) -> dict[str, str]:
    """``{"3.7": "answer_3_7", ...}``: the variable each ``check("3.7", answer_3_7)`` cell checks.

    Demonstration cells (``strict=False``) and bare ``check("0.1", ...)`` are left out.
    """
    found: dict[str, str] = {}
    for cell in _cells(nb):
        if cell.get("cell_type") != "code":
            continue
        text = _text(cell)
        for m in _CHECK.finditer(text):
            if "strict=False" in text[m.start(): text.find(")", m.end() - 1) + 1]:
                continue
            found.setdefault(m.group(1), m.group(2))
    return found


def _lesson_of(name: str) -> str:
    return name[:2]


def open_prompts(nb: dict, name: str) -> list[dict]:
    """The open prompts of one master: id, lesson, title, prompt text, model answer and the cell index."""
    lesson = _lesson_of(name)
    number = str(int(lesson))
    prompts, letter = [], 0
    cells = _cells(nb)
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "markdown" or "solution" not in cell.get("metadata", {}).get("tags", []):
            continue
        pid = cell.get("metadata", {}).get("alliancelab", {}).get("prompt") or f"{number}.{chr(ord('A') + letter)}"
        letter += 1
        before = _text(cells[index - 1]) if index > 0 and cells[index - 1].get("cell_type") == "markdown" else ""
        heading = re.search(r"^#+\s*(.+)$", before, re.M)
        title = heading.group(1).strip() if heading else f"Open prompt {pid}"
        prompt = re.sub(r"^#+\s*.+\n*", "", before, count=1).strip() if heading else before.strip()
        prompts.append({"id": pid, "lesson": lesson, "notebook": name, "cell": index, "title": title,
                        "prompt": prompt, "model_answer": _text(cell).strip()})
    return prompts


def marking_notes(prompt: dict, notes_text: str) -> str:
    """The paragraph of the instructor notes about one open prompt (matched by its label), or ''.

    ``### Open prompt A (argue)`` matches a paragraph starting ``**Open prompt A``; a heading such as
    ``### Open prompt: "more direct and categorical"?`` matches the bold paragraph that quotes the same words.
    """
    title = prompt["title"]
    m = re.match(r"Open prompt\s+([A-Za-z0-9]+)\b", title)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", notes_text) if p.strip().startswith("**")]
    if m:
        label = m.group(1)
        for p in paragraphs:
            if re.match(rf"\*\*Open prompt\s+{re.escape(label)}\b", p):
                return p
        return ""
    words = set(re.findall(r"\w+", re.sub(r"^Open prompt\s*:?", "", title).casefold()))
    best, score = "", 0.0
    for p in paragraphs:
        bold = set(re.findall(r"\w+", p.split("**")[1].casefold())) if p.count("**") >= 2 else set()
        overlap = len(words & bold) / len(words) if words else 0.0
        if overlap > score:
            best, score = p, overlap
    return best if score >= 0.6 else ""
