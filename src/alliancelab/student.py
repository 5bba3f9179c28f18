"""Student versions of the master notebooks, and the learner's workspace.

Rules (one source, two versions):

* Code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` becomes the
  same assignments with ``...`` as the value (``x = ...``), or ``...`` alone
  when the block assigns nothing. The markers go too.
* Markdown cells tagged ``solution`` become ``*Write your answer here.*``.
* Everything else is byte-identical: the notebook is written back with the
  same JSON layout nbformat uses, so untouched cells do not change.
* A marker left open, an END without a BEGIN, a solution block that does not
  parse, or a marker inside a non-code cell is refused with a message that
  names the notebook and the cell.

The workspace is where learners work. ``make_workspace`` only ever adds
missing notebooks; it never overwrites a file that exists.

Command line::

    python -m alliancelab.student build   [--src notebooks] [--dest build/student]
    python -m alliancelab.student workspace [--src notebooks] [--dest workspace]
    python -m alliancelab.student fresh 01  [--src notebooks] [--dest workspace]
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
PLACEHOLDER_MD = "*Write your answer here.*"
SOLUTION_TAG = "solution"

__all__ = [
    "SolutionMarkerError",
    "strip_code",
    "student_notebook",
    "student_text",
    "build_student_versions",
    "make_workspace",
    "fresh_copy",
]


class SolutionMarkerError(ValueError):
    """A master notebook's solution markers are malformed."""


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _marker(line: str) -> str | None:
    stripped = line.strip()
    if stripped == BEGIN:
        return "begin"
    if stripped == END:
        return "end"
    return None


def _placeholder(block: list[str], indent: str, where: str) -> list[str]:
    code = textwrap.dedent("".join(block))
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise SolutionMarkerError(f"{where}: the solution block does not parse as Python ({error.msg}, line {error.lineno}).")
    targets: list[str] = []

    def add(text: str) -> None:
        if text not in targets:
            targets.append(text)

    for node in tree.body:
        if isinstance(node, ast.Assign):
            parts = []
            for target in node.targets:
                seg = ast.get_source_segment(code, target) or ""
                if isinstance(target, (ast.Tuple, ast.List)):
                    seg = f"{seg} = {', '.join('...' for _ in target.elts)}"
                    add(seg)
                    parts = []
                    break
                parts.append(seg)
            if parts:
                add(" = ".join(parts) + " = ...")
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
            add(f"{node.target.id} = ...")
    if not targets:
        return [f"{indent}...\n"]
    return [f"{indent}{t}\n" for t in targets]


def strip_code(source: str, where: str = "cell") -> str:
    """Replace every solution block in one code cell's source."""
    lines = source.splitlines(keepends=True)
    out: list[str] = []
    block: list[str] | None = None
    indent = ""
    begin_line = 0
    for number, line in enumerate(lines, start=1):
        kind = _marker(line)
        if kind == "begin":
            if block is not None:
                raise SolutionMarkerError(f"{where}: '{BEGIN}' at line {number} opens a block inside the block opened at line {begin_line}.")
            block, indent, begin_line = [], line[: len(line) - len(line.lstrip())], number
        elif kind == "end":
            if block is None:
                raise SolutionMarkerError(f"{where}: '{END}' at line {number} has no '{BEGIN}' before it.")
            out.extend(_placeholder(block, indent, where))
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    if block is not None:
        raise SolutionMarkerError(f"{where}: '{BEGIN}' at line {begin_line} is never closed with '{END}'.")
    text = "".join(out)
    # keep the master's convention: no trailing newline at the end of a cell
    if not source.endswith("\n") and text.endswith("\n"):
        text = text[:-1]
    return text


def _set_source(cell: dict, text: str) -> None:
    original = cell.get("source", "")
    if isinstance(original, list):
        cell["source"] = text.splitlines(keepends=True)
    else:
        cell["source"] = text


def student_notebook(nb: dict, name: str = "notebook") -> dict:
    """Return the student version of a notebook dict (the input is not changed)."""
    nb = json.loads(json.dumps(nb))
    for index, cell in enumerate(nb.get("cells", [])):
        where = f"{name}, cell {index} ({cell.get('cell_type')})"
        src = _source(cell)
        has_marker = any(_marker(line) for line in src.splitlines())
        if cell.get("cell_type") == "code":
            if has_marker:
                _set_source(cell, strip_code(src, where))
        else:
            if has_marker:
                raise SolutionMarkerError(f"{where}: solution markers belong in code cells only; tag a markdown answer 'solution' instead.")
            tags = cell.get("metadata", {}).get("tags", [])
            if cell.get("cell_type") == "markdown" and SOLUTION_TAG in tags:
                _set_source(cell, PLACEHOLDER_MD)
    return nb


def dumps(nb: dict) -> str:
    """Serialise exactly as nbformat.writes does (indent 1, sorted keys, trailing newline)."""
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def student_text(master_text: str, name: str = "notebook") -> str:
    return dumps(student_notebook(json.loads(master_text), name))


def masters(src: Path) -> list[Path]:
    return sorted(p for p in Path(src).glob("[0-9][0-9]_*.ipynb"))


# Course files that sit beside the lessons and travel with them (the lessons link to them by relative path).
COMPANIONS = ("glossary.md",)


def build_student_versions(src: Path | str = "notebooks", dest: Path | str = "build/student") -> list[Path]:
    """Write (or rewrite) every student version into ``dest``. ``dest`` is a build folder, never the workspace."""
    src, dest = Path(src), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for master in masters(src):
        target = dest / master.name
        text = student_text(master.read_text(encoding="utf-8"), master.name)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    for name in COMPANIONS:
        if (src / name).exists():
            (dest / name).write_text((src / name).read_text(encoding="utf-8"), encoding="utf-8")
            written.append(dest / name)
    return written


@dataclass
class WorkspaceReport:
    added: list[Path]
    kept: list[Path]

    def __str__(self) -> str:
        lines = [f"added {p.name}" for p in self.added]
        lines += [f"kept your copy of {p.name} (never overwritten)" for p in self.kept]
        return "\n".join(lines) or "nothing to do"


def make_workspace(src: Path | str = "notebooks", dest: Path | str = "workspace") -> WorkspaceReport:
    """Add the student version of each lesson that is missing from ``dest``. Never overwrite."""
    src, dest = Path(src), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    added, kept = [], []
    for master in masters(src):
        target = dest / master.name
        if target.exists():
            kept.append(target)
            continue
        text = student_text(master.read_text(encoding="utf-8"), master.name)
        # "x" mode: fails rather than overwrite if the file appeared meanwhile
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(text)
        added.append(target)
    for name in COMPANIONS:  # added when missing, never overwritten (a learner may have annotated it)
        source, target = src / name, dest / name
        if not source.exists():
            continue
        if target.exists():
            kept.append(target)
            continue
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(source.read_text(encoding="utf-8"))
        added.append(target)
    return WorkspaceReport(added, kept)


def fresh_copy(lesson: str, src: Path | str = "notebooks", dest: Path | str = "workspace") -> Path:
    """Write a fresh student copy of one lesson under a new name (``… (fresh N).ipynb``)."""
    src, dest = Path(src), Path(dest)
    matches = [m for m in masters(src) if m.name.startswith(f"{lesson}_") or m.stem == lesson]
    if len(matches) != 1:
        raise SystemExit(f"No single lesson matches {lesson!r}; lessons are: {', '.join(m.stem for m in masters(src))}")
    master = matches[0]
    dest.mkdir(parents=True, exist_ok=True)
    n = 1
    while (dest / f"{master.stem} (fresh {n}).ipynb").exists():
        n += 1
    target = dest / f"{master.stem} (fresh {n}).ipynb"
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(student_text(master.read_text(encoding="utf-8"), master.name))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliancelab.student", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "workspace", "fresh"):
        p = sub.add_parser(name)
        if name == "fresh":
            p.add_argument("lesson", help="lesson number, e.g. 01")
        p.add_argument("--src", default="notebooks")
        p.add_argument("--dest", default={"build": "build/student"}.get(name, "workspace"))
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            for path in build_student_versions(args.src, args.dest):
                print(f"wrote {path}")
        elif args.command == "workspace":
            print(make_workspace(args.src, args.dest))
        else:
            print(f"wrote {fresh_copy(args.lesson, args.src, args.dest)}")
    except SolutionMarkerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
