"""Lips and Teeth: one command for every operating system, no `make` needed.

    python course.py lab        set up (first time), add missing lessons to workspace/, open JupyterLab
    python course.py test       set up with the test packages and run the whole test suite
    python course.py help       every command

On Windows type `py course.py lab` in PowerShell; on macOS and Linux `python3 course.py lab` in a terminal.

This file uses only Python's standard library. It creates `.venv/` when absent, installs the course into it
(from `wheelhouse/` when that folder holds wheels, never touching the network then), and hands the command to
`python -m alliancelab` inside `.venv/`, which does the rest (see src/alliancelab/cli.py). The Makefile's
targets call this same file, so there is one code path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WHEELHOUSE = ROOT / "wheelhouse"
MIN_PYTHON = (3, 10)
#: Commands that need the test packages as well as the course's own.
NEEDS_TEST = {"test", "bench", "sync", "lint"}
#: Commands that need an optional extra of their own.
NEEDS_EXTRA = {"book": "book"}
#: Commands that need only the standard library here (no virtual environment).
LOCAL = {"help", "--help", "-h"}


def fail(message: str) -> None:
    print(f"\ncourse.py: {message}\n", file=sys.stderr)
    raise SystemExit(2)


def venv_python(venv: Path = VENV) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def check_python() -> None:
    if sys.version_info < MIN_PYTHON:
        fail(f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer is needed; this is {sys.version.split()[0]}. "
             "Install a newer Python from python.org (Windows, macOS) or your package manager (Linux).")


def create_venv(venv: Path = VENV) -> None:
    if venv_python(venv).exists():
        return
    try:
        import ensurepip  # noqa: F401
        import venv as venv_module
    except ImportError:
        fail("this Python cannot create virtual environments (the 'venv' and 'ensurepip' modules are missing). "
             "On Debian or Ubuntu: sudo apt install python3-venv. On Fedora: sudo dnf install python3. "
             "On Windows and macOS, install Python from python.org, which includes them.")
    print(f"Creating {venv.name}/ (first run only) ...", flush=True)
    try:
        venv_module.EnvBuilder(with_pip=True).create(str(venv))
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"could not create {venv}: {error}. Check that the course folder is writable and has free space.")


def wheelhouse_wheels(wheelhouse: Path = WHEELHOUSE) -> list[Path]:
    return sorted(wheelhouse.glob("*.whl")) if wheelhouse.is_dir() else []


def pip_args(extras: str, wheelhouse: Path = WHEELHOUSE) -> list[str]:
    """The pip install arguments: offline from wheelhouse/ when it holds wheels (pip then picks, from one folder
    holding wheels for many platforms, those that fit this interpreter), else from the package index."""
    target = f"-e .[{extras}]" if extras else "-e ."
    args = ["install", "--disable-pip-version-check"]
    if wheelhouse_wheels(wheelhouse):
        args += ["--no-index", "--find-links", str(wheelhouse)]
    return args + target.split(" ", 1)


def stamp(name: str, venv: Path = VENV) -> Path:
    return venv / f".installed-{name}"


def install(extras: str = "", venv: Path = VENV, root: Path = ROOT) -> None:
    """Install the course (and ``extras``) into the venv unless pyproject.toml is older than the stamp."""
    name = extras or "core"
    mark = stamp(name, venv)
    pyproject = root / "pyproject.toml"
    if mark.exists() and mark.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    offline = bool(wheelhouse_wheels(root / "wheelhouse"))
    print(f"Installing the course{' with ' + extras + ' packages' if extras else ''}"
          f"{' offline from wheelhouse/' if offline else ''} (first run only, a few minutes) ...", flush=True)
    pip = [str(venv_python(venv)), "-m", "pip", *pip_args(extras, root / "wheelhouse")]
    uv = installer(venv, root)
    env = dict(os.environ, UV_OFFLINE="1") if offline else None  # uv is not Python: tell it, too, not to go online
    done = uv is not None and subprocess.run([*uv, *pip_args(extras, root / "wheelhouse")[2:]], cwd=root,
                                             env=env).returncode == 0
    if not done and subprocess.run(pip, cwd=root).returncode != 0:
        hint = ("wheelhouse/ may lack a package for this computer: make it again with "
                "`python course.py wheelhouse --platform all`." if offline else
                "check the internet connection, or use a USB copy with a wheelhouse/ folder.")
        fail(f"installing failed; {hint}")
    mark.write_text("ok\n", encoding="utf-8")


UV = "uv==0.13.9"  # a faster installer from PyPI (MIT/Apache-2.0); wheelhouse/ carries it too


def installer(venv: Path = VENV, root: Path = ROOT) -> list[str] | None:
    """``uv pip install`` for the venv when uv can be had (it installs the course in seconds rather than a
    minute), else None, and pip does the work. uv itself comes from PyPI, or from wheelhouse/ offline."""
    exe = venv / ("Scripts/uv.exe" if os.name == "nt" else "bin/uv")
    if not exe.exists():
        args = [str(venv_python(venv)), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
        if wheelhouse_wheels(root / "wheelhouse"):
            args += ["--no-index", "--find-links", str(root / "wheelhouse")]
        if subprocess.run([*args, UV], cwd=root, capture_output=True).returncode != 0 or not exe.exists():
            return None
    return [str(exe), "pip", "install", "--python", str(venv_python(venv))]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    check_python()
    command = argv[0] if argv else "help"
    if command in LOCAL:
        print(__doc__.strip().split("\n\nThis file")[0])
        print("\nAll commands: lab, lab-solutions, workspace, fresh, student, learner, editions, book, grade, test, bench, "
              "sync, lint, clean-notebooks, wheelhouse, install, install-test (see `python course.py <command> --help`).")
        return 0
    create_venv()
    install()
    if command in NEEDS_TEST or command == "install-test":
        install("test")
    if command in NEEDS_EXTRA:
        install(NEEDS_EXTRA[command])
    if command in ("install", "install-test"):
        return 0
    return hand_over([str(venv_python()), "-m", "alliancelab", *argv])


def hand_over(args: list[str]) -> int:
    """Run the command in .venv's Python. On macOS and Linux this process becomes it (exec), so that Ctrl+C and a
    stop signal reach JupyterLab itself and nothing is left running; Windows has no exec, so there it is a child."""
    if os.name == "posix":
        os.chdir(ROOT)
        os.execv(args[0], args)
    return subprocess.run(args, cwd=ROOT).returncode


if __name__ == "__main__":
    raise SystemExit(main())
