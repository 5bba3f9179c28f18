"""``python -m alliancelab COMMAND``: what the Makefile does, in Python, so that it runs the same on Windows, macOS and
Linux. ``course.py`` at the top of the course folder creates ``.venv/``, installs, and hands the command to this
module inside it; the Makefile's targets call ``course.py``. Paths are ``pathlib`` paths and programs are started
with ``sys.executable``, never through a shell.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], **kwargs) -> int:
    return subprocess.run(args, cwd=ROOT, **kwargs).returncode


def _python(module: str, *args: str) -> int:
    return _run([sys.executable, "-m", module, *args])


def lab_command(root_dir: Path, port: int = 8888, is_root: bool | None = None) -> list[str]:
    """JupyterLab on 127.0.0.1 with a token (the course's jupyter/ settings: no news, no update checks)."""
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    command = [sys.executable, "-m", "jupyterlab", f"--config={ROOT / 'jupyter' / 'jupyter_server_config.py'}",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--ServerApp.root_dir={root_dir}"]
    return command + (["--allow-root"] if is_root else [])


def cmd_workspace(args) -> int:
    from .student import make_workspace

    report = make_workspace(ROOT / "notebooks", ROOT / "workspace")
    print(report)
    return 0


def cmd_fresh(args) -> int:
    from .student import fresh_copy

    print(f"Wrote {fresh_copy(args.lesson, ROOT / 'notebooks', ROOT / 'workspace')}")
    return 0


def cmd_lab(args) -> int:
    if not args.solutions:
        cmd_workspace(args)
    root_dir = ROOT / ("notebooks" if args.solutions else "workspace")
    print("JupyterLab will print an address with a token: open it in a browser. Stop it with Ctrl+C.", flush=True)
    command = lab_command(root_dir, args.port)
    if os.name == "posix":  # become JupyterLab, so that a stop signal reaches it and nothing is left behind
        os.chdir(ROOT)
        os.execv(command[0], command)
    try:
        return _run(command)
    except KeyboardInterrupt:
        return 0


def cmd_student(args) -> int:
    from .student import build_student_versions

    written = build_student_versions(ROOT / "notebooks", ROOT / "build" / "student")
    print(f"Wrote {len(written)} student versions to build/student/")
    return 0


def cmd_learner(args) -> int:
    code = _python("alliancelab.student", "edition", "learner", "--dest", str(ROOT / "build" / "learner"), "--git")
    if code == 0:
        print("Publish it: git -C build/learner push <your fork's git URL> learner:learner --force "
              "(see instructors/coursework.md).")
    return code


def cmd_editions(args) -> int:
    for name in ("self-study", "instructor"):
        code = _python("alliancelab.student", "edition", name, "--dest", str(ROOT / "build" / name))
        if code:
            return code
    return cmd_learner(args)


def cmd_test(args) -> int:
    cmd_student(args)
    (ROOT / "build").mkdir(exist_ok=True)
    start = time.time()
    code = _python("pytest", "tests", "notebooks", "build/student", "--nbval-lax", "--nbval-current-env",
                   *args.pytest_args)
    (ROOT / "build" / "make-test-seconds.txt").write_text(f"{round(time.time() - start)}\n", encoding="utf-8")
    return code


def cmd_sync(args) -> int:
    notebooks = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    paired = {Path(n).stem for n in notebooks}
    texts = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "lessons_src").glob("[0-9][0-9]_*.md")
                   if p.stem not in paired)
    code = _python("jupytext", "--sync", *notebooks, *texts)
    cleaned = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    return code or _python("alliancelab.nbtools", "clean", *cleaned)


def cmd_lint(args) -> int:
    return _python("ruff", "check", "src", "tests", "conftest.py", "benchmarks", "course.py")


def cmd_bench(args) -> int:
    return _run([sys.executable, str(ROOT / "benchmarks" / "bench.py")])


def cmd_clean(args) -> int:
    return _python("alliancelab.nbtools", "clean", *sorted(str(p) for p in (ROOT / "notebooks").glob("*.ipynb")))


def cmd_grade(args) -> int:
    return _python("alliancelab.grade", *args.grade_args)


def cmd_wheelhouse(args) -> int:
    from .wheelhouse import main

    return main(args.wheelhouse_args)


def cmd_book(args) -> int:
    return _python("alliancelab.book", *args.book_args)


def cmd_cards(args) -> int:
    return _python("alliancelab.cards", "--dest", str(ROOT / "build" / "cards"))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python course.py", description="Lips and Teeth: set up, run and test the course.")
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, func, help: str):
        s = sub.add_parser(name, help=help, description=help)
        s.set_defaults(func=func)
        return s

    s = add("lab", cmd_lab, "add missing lessons to workspace/ (never overwriting yours) and open JupyterLab there")
    s.add_argument("--port", type=int, default=8888)
    s.set_defaults(solutions=False)
    s = add("lab-solutions", cmd_lab, "open the master notebooks (with solutions) for instructors")
    s.add_argument("--port", type=int, default=8888)
    s.set_defaults(solutions=True)
    add("workspace", cmd_workspace, "add missing lessons to workspace/ without opening JupyterLab")
    s = add("fresh", cmd_fresh, "write a clean copy of a lesson beside yours, e.g. `fresh 03`")
    s.add_argument("lesson")
    add("student", cmd_student, "write the student versions to build/student/")
    add("learner", cmd_learner, "write the learner edition (no answers) to build/learner/, a git repository")
    add("editions", cmd_editions, "write the learner, self-study and instructor editions to build/")
    s = add("test", cmd_test, "run the whole test suite (extra arguments go to pytest)")
    s.add_argument("pytest_args", nargs=argparse.REMAINDER)
    add("sync", cmd_sync, "pair each lesson notebook with its text in lessons_src/, then store the notebooks clean")
    add("lint", cmd_lint, "run ruff over the code")
    add("bench", cmd_bench, "time notebooks, explorers and browser repaints; write benchmarks/results.md")
    add("clean-notebooks", cmd_clean, "strip outputs and widget state from the masters")
    s = add("grade", cmd_grade, "grade submitted notebooks: grade --lesson 03 --submissions DIR --out OUT")
    s.add_argument("grade_args", nargs=argparse.REMAINDER)
    s = add("book", cmd_book, "build the course as a static book (learner and instructor editions)")
    s.add_argument("book_args", nargs=argparse.REMAINDER)
    add("cards", cmd_cards, "write lesson 05's role-play evidence cards to build/cards/ (HTML and Markdown)")
    s = add("wheelhouse", cmd_wheelhouse, "download wheels for offline installs: wheelhouse --platform all")
    s.add_argument("wheelhouse_args", nargs=argparse.REMAINDER)
    return p


#: Commands whose remaining arguments go, untouched, to another program (pytest, the grader, the book, pip).
PASSTHROUGH = {"test": ("pytest_args", cmd_test), "grade": ("grade_args", cmd_grade),
               "book": ("book_args", cmd_book), "wheelhouse": ("wheelhouse_args", cmd_wheelhouse)}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in PASSTHROUGH and not (len(argv) == 2 and argv[1] in ("-h", "--help") and argv[0] == "test"):
        field, func = PASSTHROUGH[argv[0]]
        return int(func(argparse.Namespace(**{field: argv[1:]})) or 0)
    args = parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
