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

Editions (one place decides what each holds: :data:`EDITIONS`)::

    learner     student notebooks, glossary, data, the package with formative keys only: no solutions, no model
                answers, no instructor notes, no keys of assessed items (instructors/assessed.json). What a
                learner downloads, a hub pulls (nbgitpuller) and Binder builds. `make learner`.
    self-study  the learner edition with every key formative, plus the model answers to the open prompts,
                revealed by ``reveal("1.A", answer_1_A)`` once the learner has written something.
    instructor  everything: masters, instructor notes, all keys, the grader.

Command line::

    python -m alliancelab.student build   [--src notebooks] [--dest build/student]
    python -m alliancelab.student workspace [--src notebooks] [--dest workspace]
    python -m alliancelab.student fresh 01  [--src notebooks] [--dest workspace]
    python -m alliancelab.student edition learner [--root .] [--dest build/learner] [--git]
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
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
    "Edition",
    "EDITIONS",
    "edition_notebook",
    "build_edition",
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
                decide = _decide_id(cell)
                _set_source(cell, DECIDE_PLACEHOLDER_MD.format(id=decide) if decide else PLACEHOLDER_MD)
    return nb


#: The model answer of a decide-and-defend task follows its code cell; the learner answers in the code cell.
DECIDE_PLACEHOLDER_MD = ("*Your answer to {id} goes in the cell above, with your justification under `\"why\"`. "
                         "A model answer is not shown here.*")


def _decide_id(cell: dict) -> str | None:
    """The exercise id of a decide-and-defend task's model answer (a solution cell whose prompt id is the id of a
    registered ``decide`` exercise), else None."""
    pid = cell.get("metadata", {}).get("alliancelab", {}).get("prompt")
    if not pid:
        return None
    from .exercises import get_exercise

    ex = get_exercise(pid)
    return pid if ex is not None and ex.kind == "decide" else None


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


# --------------------------------------------------------------------------- editions


@dataclass(frozen=True)
class Edition:
    """What one edition of the course holds. :data:`EDITIONS` is the one place that decides it."""

    name: str
    description: str
    notebooks: str  # "student": solutions replaced (see the rules above); "master": the masters as they are
    model_answers: str  # "none"; "reveal": shown by reveal() after an attempt (self-study); "inline": in the notebooks
    assessed_keys: bool  # False: assessed items' keys are withheld (alliancelab.coursework.withhold_keys)
    instructor_notes: bool  # instructors/ (notes per lesson, assessed.json, coursework.md) and lessons.md
    grader: bool  # alliancelab.grade and the kernel guard it runs submissions under
    # modules of the package an edition leaves out when it has no grader
    grader_modules: tuple[str, ...] = field(default=("grade.py", "kernel_guard"))


EDITIONS: dict[str, Edition] = {
    "learner": Edition(
        "learner", "for learners in a marked course: what they download, a hub pulls and Binder builds",
        notebooks="student", model_answers="none", assessed_keys=False, instructor_notes=False, grader=False),
    "self-study": Edition(
        "self-study", "for learners on their own: every check gives feedback, model answers are revealed after an attempt",
        notebooks="student", model_answers="reveal", assessed_keys=True, instructor_notes=False, grader=False),
    "instructor": Edition(
        "instructor", "everything: masters with solutions, instructor notes, all keys and the grader",
        notebooks="master", model_answers="inline", assessed_keys=True, instructor_notes=True, grader=True),
}

REVEAL_TAG = "reveal"
EDITION_FILE = "edition.json"  # inside the edition's package: which edition it is and which items it withholds
MODEL_ANSWERS_FILE = "model_answers.json"


def _reveal_cell(prompt_id: str) -> dict:
    var = "answer_" + prompt_id.replace(".", "_")
    source = (
        f"# Open prompt {prompt_id}: write your answer between the triple quotes, then run this cell.\n"
        "# The model answer appears once you have written something of your own.\n"
        f'{var} = """\n\n"""\n'
        "from alliancelab.selfstudy import reveal\n"
        f'reveal("{prompt_id}", {var})'
    )
    return {"cell_type": "code", "execution_count": None, "metadata": {"tags": [REVEAL_TAG], "alliancelab": {"prompt": prompt_id}},
            "outputs": [], "source": source.splitlines(keepends=True)}


def _reveal_decide_cell(exercise_id: str) -> dict:
    """Self-study: the model answer of a decide-and-defend task, revealed once the learner's own answer (the dict in
    the cell above, with its "why") is written; the learner's variable is read, never overwritten."""
    var = "answer_" + exercise_id.replace(".", "_")
    source = (f"# The model answer to {exercise_id} appears once your answer above is written and checked.\n"
              "from alliancelab.selfstudy import reveal\n"
              f'reveal("{exercise_id}", {var})')
    return {"cell_type": "code", "execution_count": None,
            "metadata": {"tags": [REVEAL_TAG], "alliancelab": {"prompt": exercise_id}},
            "outputs": [], "source": source.splitlines(keepends=True)}


def edition_notebook(master: dict, name: str, edition: Edition) -> dict:
    """One lesson notebook as ``edition`` holds it."""
    if edition.notebooks == "master":
        return json.loads(json.dumps(master))
    nb = student_notebook(master, name)
    if edition.model_answers == "reveal":
        from .coursework import open_prompts

        ids = {p["cell"]: p["id"] for p in open_prompts(master, name)}
        nb["cells"] = [(_reveal_decide_cell(ids[i]) if _decide_id(master["cells"][i]) else _reveal_cell(ids[i]))
                       if i in ids else cell for i, cell in enumerate(nb["cells"])]
    return nb


def _pins(pyproject: str) -> list[str]:
    """The core dependency pins of the course's pyproject.toml (the ``dependencies = [...]`` list)."""
    text = "\n".join(line.split("#", 1)[0] for line in pyproject.splitlines())  # comments may quote anything
    m = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, flags=re.S | re.M)
    if not m:
        raise ValueError("pyproject.toml has no dependencies list")
    return re.findall(r'"([^"]+)"', m.group(1))


def _edition_pyproject(root: Path) -> str:
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version\s*=\s*"([^"]+)"', text, flags=re.M).group(1)
    deps = "".join(f'    "{p}",\n' for p in _pins(text))
    return (
        '[build-system]\nrequires = ["setuptools>=77", "wheel"]\nbuild-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "alliancelab"\nversion = "{version}"\n'
        'description = "Support package for the course \'Lips and Teeth: Alliance Politics on the Korean Peninsula\'"\n'
        'readme = "README.md"\nrequires-python = ">=3.10"\nlicense = "MIT AND CC-BY-4.0"\n'
        f"dependencies = [\n{deps}]\n\n"
        '[tool.setuptools.packages.find]\nwhere = ["src"]\n\n'
        '[tool.setuptools.package-data]\nalliancelab = ["*.css", "*.json"]\n'
    )


def _edition_environment(root: Path) -> str:
    pins = "".join(f"      - {p}\n" for p in _pins((root / "pyproject.toml").read_text(encoding="utf-8")))
    return ("# Conda / Binder environment of this edition (the course's pinned packages, without the test tools).\n"
            "name: lips-and-teeth\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n"
            f"{pins}      - -e .\n")


EDITION_MAKEFILE = """\
# Lips and Teeth, {name} edition. `make lab` creates .venv on first use, installs the course and opens JupyterLab here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: lab
lab: $(VENV)/.installed
\t$(BIN)/jupyter lab --config=jupyter/jupyter_server_config.py --ServerApp.port=$(PORT) $(ROOT_FLAG) --ServerApp.root_dir=.

$(VENV)/.installed: pyproject.toml
\t$(PYTHON) -m venv $(VENV)
\t$(BIN)/python -m pip install -e .
\t@touch $@
"""

EDITION_GITIGNORE = ".venv/\n__pycache__/\n*.egg-info/\n.ipynb_checkpoints/\n*.pyc\n"


def _edition_readme(edition: Edition, lessons: list[str], assessed: list[str], prompts: list[str]) -> str:
    listing = "\n".join(f"- `{name}`" for name in lessons)
    parts = [
        f"# Lips and Teeth: Alliance Politics on the Korean Peninsula ({edition.name} edition)\n",
        f"This is the **{edition.name} edition** of the course: {edition.description}. It is generated from the course "
        "repository by `python -m alliancelab.student edition " + edition.name + "`; do not edit it by hand.\n",
        "## Lessons\n", listing + "\n\nThe glossary is `glossary.md`; the data, each row with its source, are in `data/`.\n",
        "## Running it\n",
        "- **On a JupyterHub:** your instructor gives you a link that pulls this edition into your home folder and opens "
        "lesson 00. Clicking the link again later brings in your instructor's updates and keeps your own edits.\n"
        "- **On your computer** (Python 3.10 or newer and `make`): `make lab` creates `.venv/`, installs the course "
        "package and opens JupyterLab in this folder. Without `make`: `python3 -m venv .venv`, "
        "`.venv/bin/pip install -e .`, then `.venv/bin/jupyter lab --config=jupyter/jupyter_server_config.py`.\n"
        "- **Conda or Binder:** `environment.yml` lists the same pinned packages and installs the course package.\n",
        "## Exercises\n",
        "Each exercise has one call, such as `check(\"3.3\", answer_3_3)`: it gives feedback at once, and a wrong "
        "answer earns a hint, not a penalty.",
    ]
    if assessed:
        parts.append(" Some items count for marks and are marked by your instructor: for them `check` only tells you "
                     "whether your answer has the right form (a number, a letter, a list). They are: "
                     + ", ".join(assessed) + ".\n\nTo hand in a lesson, save the notebook and submit the `.ipynb` file "
                     "as your instructor asks (for example renamed to your name, `ada_lovelace.ipynb`). Keep the "
                     "answer cells and the `answer_...` names as they are: the grader looks for them.\n")
    else:
        parts.append("\n")
    if edition.model_answers == "reveal" and prompts:
        parts.append("Open prompts have a model answer: write your own answer in the cell under the prompt, then run "
                     "it. `reveal(...)` shows the model answer only once you have written something. Prompts: "
                     + ", ".join(prompts) + ".\n")
    if edition.grader:
        parts.append("\n## Instructors\n\nThe notebooks here are the masters, with solutions. `instructors/` holds the "
                     "notes per lesson, `instructors/coursework.md` (handing out, collecting, grading) and "
                     "`instructors/assessed.json` (the assessed items). Grade a folder of submissions with "
                     "`python -m alliancelab.grade --lesson 03 --submissions DIR --out OUT`.\n")
    parts.append("\n## Licence\n\nCode: MIT. Lesson text and the compiled data: CC BY 4.0.\n")
    return "\n".join(parts)


def _copy_package(root: Path, dest: Path, edition: Edition, withheld: set[str]) -> None:
    from .coursework import withhold_keys

    src = root / "src" / "alliancelab"
    skip = set() if edition.grader else set(edition.grader_modules)

    def ignore(folder, names):
        here = Path(folder)
        out = {n for n in names if n == "__pycache__" or n.endswith((".pyc", ".egg-info"))}
        if here == src:
            out |= {n for n in names if n in skip or n in (EDITION_FILE, MODEL_ANSWERS_FILE)}
        return out

    shutil.copytree(src, dest, ignore=ignore)
    if edition.assessed_keys:
        return
    found: set[str] = set()
    for module in sorted((dest / "keys").glob("*.py")):
        text, ids = withhold_keys(module.read_text(encoding="utf-8"), withheld, module.name)
        if ids:
            module.write_text(text, encoding="utf-8")
        found |= ids
    if found != withheld:
        raise ValueError(f"instructors/assessed.json lists items with no key in alliancelab.keys: {sorted(withheld - found)}")


def _clear(dest: Path) -> None:
    """Empty an edition folder for a rebuild, keeping its git history. Refuses a folder that is not an edition."""
    if not dest.exists():
        return
    marker = dest / "src" / "alliancelab" / EDITION_FILE
    entries = [p for p in dest.iterdir() if p.name != ".git"]
    if entries and not marker.is_file():
        raise SystemExit(f"{dest} exists and is not an edition built by alliancelab.student; choose an empty or new folder.")
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def build_edition(name: str, root: Path | str = ".", dest: Path | str | None = None, git: bool = False) -> Path:
    """Write one edition of the course (see :data:`EDITIONS`) to ``dest`` (default ``build/<name>``).

    Rebuilding rewrites the folder but keeps its ``.git``; with ``git=True`` the folder is (or becomes) a git
    repository on branch ``learner``/``self-study``/``instructor`` and a commit records any change, so that
    nbgitpuller can pull it and learners' later pulls merge the update.
    """
    from .coursework import assessed_ids, open_prompts

    if name not in EDITIONS:
        raise SystemExit(f"unknown edition {name!r}; editions are: {', '.join(EDITIONS)}")
    edition = EDITIONS[name]
    root = Path(root).resolve()
    dest = Path(dest) if dest is not None else root / "build" / name
    dest = dest.resolve()
    _clear(dest)
    dest.mkdir(parents=True, exist_ok=True)
    withheld = set() if edition.assessed_keys else set(assessed_ids(root=root))

    lessons, prompts = [], {}
    for master in masters(root / "notebooks"):
        nb = json.loads(master.read_text(encoding="utf-8"))
        (dest / master.name).write_text(dumps(edition_notebook(nb, master.name, edition)), encoding="utf-8")
        lessons.append(master.name)
        for prompt in open_prompts(nb, master.name):
            prompts[prompt["id"]] = {k: prompt[k] for k in ("lesson", "notebook", "title", "prompt", "model_answer")}
    for companion in COMPANIONS:
        if (root / "notebooks" / companion).exists():
            shutil.copyfile(root / "notebooks" / companion, dest / companion)
    shutil.copytree(root / "data", dest / "data", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "jupyter", dest / "jupyter", ignore=shutil.ignore_patterns("__pycache__"))
    package = dest / "src" / "alliancelab"
    _copy_package(root, package, edition, withheld)
    if edition.model_answers in ("reveal", "inline"):
        (package / MODEL_ANSWERS_FILE).write_text(json.dumps(prompts, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    assessed_sorted = sorted(withheld, key=lambda i: tuple(int(x) for x in i.split(".")))
    (package / EDITION_FILE).write_text(json.dumps({"edition": name, "assessed": assessed_sorted}, indent=1) + "\n", encoding="utf-8")
    if edition.instructor_notes:
        shutil.copytree(root / "instructors", dest / "instructors")
        if (root / "lessons.md").exists():
            shutil.copyfile(root / "lessons.md", dest / "lessons.md")
    (dest / "pyproject.toml").write_text(_edition_pyproject(root), encoding="utf-8")
    (dest / "environment.yml").write_text(_edition_environment(root), encoding="utf-8")
    (dest / "Makefile").write_text(EDITION_MAKEFILE.format(name=name), encoding="utf-8")
    (dest / ".gitignore").write_text(EDITION_GITIGNORE, encoding="utf-8")
    (dest / "README.md").write_text(_edition_readme(edition, lessons, assessed_sorted, sorted(prompts) if edition.model_answers == "reveal" else []),
                                    encoding="utf-8")
    if git:
        commit_edition(dest, branch=name)
    return dest


GIT_IDENTITY = ["-c", "user.name=alliancelab editions", "-c", "user.email=editions@localhost", "-c", "commit.gpgsign=false"]


def commit_edition(dest: Path | str, branch: str = "learner", message: str | None = None) -> str | None:
    """Make ``dest`` a git repository on ``branch`` (once) and commit whatever changed. Returns the new commit or None."""
    dest = Path(dest)

    def git(*args: str) -> str:
        return subprocess.run(["git", *GIT_IDENTITY, *args], cwd=dest, check=True, capture_output=True, text=True).stdout

    if not (dest / ".git").exists():
        git("init", "-q", "-b", branch)
    git("add", "-A")
    if not git("status", "--porcelain").strip():
        return None
    git("commit", "-q", "-m", message or f"{branch} edition, generated by alliancelab.student")
    return git("rev-parse", "HEAD").strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliancelab.student", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "workspace", "fresh"):
        p = sub.add_parser(name)
        if name == "fresh":
            p.add_argument("lesson", help="lesson number, e.g. 01")
        p.add_argument("--src", default="notebooks")
        p.add_argument("--dest", default={"build": "build/student"}.get(name, "workspace"))
    p = sub.add_parser("edition", help="write one edition: " + "; ".join(f"{e.name}: {e.description}" for e in EDITIONS.values()))
    p.add_argument("name", choices=list(EDITIONS))
    p.add_argument("--root", default=".", help="the course repository (default: here)")
    p.add_argument("--dest", default=None, help="default: build/<name>")
    p.add_argument("--git", action="store_true", help="keep the folder a git repository and commit the change (for nbgitpuller)")
    args = parser.parse_args(argv)
    try:
        if args.command == "edition":
            print(f"wrote the {args.name} edition to {build_edition(args.name, args.root, args.dest, git=args.git)}")
        elif args.command == "build":
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
