"""Submitted notebooks for the grader's tests and `make bench`, generated from the student versions.

- ``correct``: the student version with every solution block of the master put back (the master's solutions);
- ``wrong``: the student version with each assessed answer set to a wrong value of the right type;
- ``blank``: the student version as handed out;
- and the bad cases the grader must survive (see ``bad_cases``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from alliancelab import coursework, exercises
from alliancelab.student import BEGIN, END, masters, student_text
from tests.helpers import ROOT


def master_path(lesson: str) -> Path:
    return next(m for m in masters(ROOT / "notebooks") if m.name.startswith(f"{lesson}_"))


def _cells_text(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def blank(lesson: str) -> dict:
    path = master_path(lesson)
    return json.loads(student_text(path.read_text(encoding="utf-8"), path.name))


def correct(lesson: str) -> dict:
    master = json.loads(master_path(lesson).read_text(encoding="utf-8"))
    nb = blank(lesson)
    for cell, mcell in zip(nb["cells"], master["cells"]):
        if cell["cell_type"] == "code" and BEGIN in _cells_text(mcell):
            cell["source"] = "".join(line for line in _cells_text(mcell).splitlines(keepends=True) if line.strip() not in (BEGIN, END))
    return nb


def _wrong_value(eid: str) -> str:
    ex = exercises.get_exercise(eid)
    key = ex.key()
    if ex.kind == "choice":
        return repr(next(c for c in ex.choices if c != str(key).upper()))
    if ex.kind == "number":
        return repr(float(key) + 1000 * (ex.tolerance + 1))
    if ex.kind == "year":
        return repr(int(key) - 7)
    if ex.kind == "text":
        return repr("certainly not the answer")
    if ex.kind == "decide":
        return repr({"why": "no reason"})  # not the form asked for: invalid, so no points
    items = list(key)
    if ex.kind == "list" and len(items) > 1 and items[::-1] != items:
        return repr(items[::-1])
    return repr(items[1:] if len(items) > 1 else ["nothing like it"])


def wrong(lesson: str, assessed: list[str] | None = None) -> dict:
    nb = blank(lesson)
    ids = assessed if assessed is not None else coursework.assessed_ids(lesson, ROOT)
    variables = coursework.answer_variables(nb)
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        text = _cells_text(cell)
        for eid in ids:
            var = variables.get(eid)
            if var and re.search(rf"^{var} = \.\.\.$", text, flags=re.M):
                text = re.sub(rf"^{var} = \.\.\.$", f"{var} = {_wrong_value(eid)}", text, flags=re.M)
        cell["source"] = text
    return nb


def code_cell(source: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}


def insert_after_setup(nb: dict, *sources: str) -> dict:
    """Insert code cells right after the lesson's setup cell (the first code cell)."""
    first = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code")
    for offset, src in enumerate(sources, start=1):
        nb["cells"].insert(first + offset, code_cell(src))
    return nb


def answer_cell_index(nb: dict, eid: str) -> int:
    return next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code" and f'check("{eid}"' in _cells_text(c))


def write(folder: Path, name: str, nb: dict | str | bytes) -> Path:
    path = folder / name
    if isinstance(nb, dict):
        path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    elif isinstance(nb, bytes):
        path.write_bytes(nb)
    else:
        path.write_text(nb, encoding="utf-8")
    return path
