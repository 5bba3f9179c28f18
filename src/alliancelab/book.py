"""`make book`: the course as a static book, in a learner and an instructor edition, from one build.

    python -m alliancelab.book [--edition learner|instructor|all] [--out build/book] [--root .]

writes ``build/book/learner/`` and ``build/book/instructor/``. Each is a Sphinx site (myst-nb and
sphinx-book-theme; the README says why not Jupyter Book) with search, a sidebar, previous/next links, the
syllabus (``lessons.md``) as its landing page, the glossary as a page that every lesson's term links reach,
a download of each lesson's notebook, and Binder and JupyterHub (nbgitpuller) launch buttons configured from
one setting, ``[tool.alliancelab.launch]`` in ``pyproject.toml``. It opens from disk or from any static web
server, and nothing on it is fetched from the network.

- **learner** book: the learner edition's notebooks (``alliancelab.student.build_edition("learner")``: no
  solutions, no model answers, no assessed keys), executed with the learner edition's own package, and their
  clean notebooks as downloads.
- **instructor** book: the masters (the instructor edition), with solutions and model answers, plus the
  instructor notes (``instructors/*.md``) as pages.

How: each edition is built by :func:`alliancelab.student.build_edition` into a work folder; every lesson is
executed in a fresh kernel (two at a time, on two cores) with widgets rendered as static HTML and plotly figures
as placeholders that the book's script draws with the local plotly.js (:mod:`alliancelab.site`, the part no tool
does offline); Sphinx then reads the executed notebooks (``nb_execution_mode = "off"``: it never runs code). The
Sphinx configuration is ``book/conf.py``; the book's script and styles are in ``book/_static/``.

Lessons are found by glob (``NN_*.ipynb``), so a new lesson is in the next build without a change here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .site import STATIC_ENV, plotly_to_html

BOOKS = ("learner", "instructor")
LESSON_GLOB = "[0-9][0-9]_*.ipynb"
PARALLEL = 2  # kernels at a time (the course's machines have two cores)
DEFAULT_LAUNCH = {
    "repository": "https://github.com/YOUR-ORG/lips-and-teeth",
    "branch": "learner",
    "binderhub": "https://mybinder.org",
    "jupyterhub": "",
}


@dataclass
class Book:
    """What one build of one edition produced."""

    edition: str
    out: Path
    src: Path  # the Sphinx source folder: the executed notebooks and the pages
    lessons: list[str] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)  # lesson stem -> figures on its page
    declared: dict[str, int] = field(default_factory=dict)  # lesson stem -> metadata.alliancelab.plotly_figures
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # execute / sphinx

    def page_sizes_kb(self) -> dict[str, float]:
        """Each page's own size (HTML only; plotly.js and the theme are shared by every page)."""
        return {p.name: p.stat().st_size / 1024 for p in sorted(self.out.glob("*.html"))}

    def as_dict(self) -> dict:
        return {"edition": self.edition, "out": str(self.out), "src": str(self.src), "lessons": self.lessons, "figures": self.figures,
                "declared": self.declared, "warnings": self.warnings, "seconds": self.seconds,
                "page_kb": {k: round(v, 1) for k, v in self.page_sizes_kb().items()}}


# --------------------------------------------------------------------------- settings


def _toml(path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: Sphinx brings tomli
        import tomli as tomllib
    return tomllib.loads(path.read_text(encoding="utf-8"))


def launch_settings(root: Path) -> dict:
    """The one setting behind both launch buttons: ``[tool.alliancelab.launch]`` in pyproject.toml.

    ``repository`` and ``branch``: where the learner edition is published (``make learner``, then push
    ``build/learner`` to that branch); ``binderhub``: a BinderHub (default mybinder.org); ``jupyterhub``: your
    hub's address, or empty for no hub button. Both buttons open the learner edition, never the masters.
    """
    table = _toml(root / "pyproject.toml").get("tool", {}).get("alliancelab", {}).get("launch", {})
    unknown = set(table) - set(DEFAULT_LAUNCH)
    if unknown:
        raise ValueError(f"pyproject.toml [tool.alliancelab.launch]: unknown keys {sorted(unknown)}; known: {sorted(DEFAULT_LAUNCH)}")
    return {**DEFAULT_LAUNCH, **table}


def binder_url(launch: dict, path: str) -> str:
    """The Binder link the book's launch button uses (sphinx-book-theme's form, for GitHub repositories)."""
    org_repo = re.sub(r"^https://github\.com/|\.git$|/$", "", launch["repository"])
    return f"{launch['binderhub'].rstrip('/')}/v2/gh/{org_repo}/{launch['branch']}?urlpath=lab/tree/{path}"


def hub_url(launch: dict, path: str) -> str:
    """The nbgitpuller link the book's hub button uses (sphinx-book-theme's form)."""
    from urllib.parse import urlencode

    repo = re.sub(r"\.git$|/$", "", launch["repository"]).rsplit("/", 1)[-1]
    query = urlencode({"repo": launch["repository"], "urlpath": f"lab/tree/{repo}/{path}", "branch": launch["branch"]})
    return f"{launch['jupyterhub'].rstrip('/')}/hub/user-redirect/git-pull?{query}"


# --------------------------------------------------------------------------- pages


def syllabus_page(text: str, edition: str, lessons: list[str], notes: list[str]) -> str:
    """The landing page: lessons.md with its file names turned into links, and the book's table of contents."""
    if edition != "instructor":  # learners get no instructor notes (the learner edition holds none); the timing
        # bullets repeat the notes' words, and the table at the top already gives every lesson's minutes
        text = "\n".join(line for line in text.splitlines()
                         if not line.lstrip().startswith(("- **Instructor notes:**", "- **Time:**")))
        text = re.sub(r"`instructors/[a-z0-9_]+\.md`", "the instructor notes", text)
    text = re.sub(r"`notebooks/(\d\d_[a-z0-9_]+)\.ipynb`", r"[`\1`](\1.ipynb)", text)
    text = re.sub(r"`(?:notebooks/)?glossary\.md`", "[the glossary](glossary.md)", text)
    text = re.sub(r"`instructors/([a-z0-9_]+)\.md`", r"[`instructors/\1.md`](instructors/\1.md)", text)
    parts = [text.rstrip(), "", "```{toctree}", ":hidden:", ":caption: Lessons", "", *lessons, "```", "",
             "```{toctree}", ":hidden:", ":caption: Reference", "", "glossary", "```", ""]
    if notes:
        parts += ["```{toctree}", ":hidden:", ":caption: Instructor notes", "", *[f"instructors/{n}" for n in notes], "```", ""]
    return "\n".join(parts)


def glossary_page(text: str) -> str:
    """The glossary with its HTML anchors as MyST targets, so that ``glossary.md#term`` links resolve in Sphinx."""
    return re.sub(r'^<a id="([^"]+)"></a>\s*$', r"(\1)=", text, flags=re.M)


def notes_page(text: str) -> str:
    """An instructor notes file as a page: links to the notebooks point at the lesson pages one level up."""
    text = re.sub(r"\]\((?:\.\./)?(?:notebooks/)?(\d\d_[a-z0-9_]+\.ipynb)", r"](../\1", text)
    return re.sub(r"\]\((?:\.\./)?(?:notebooks/)?glossary\.md", "](../glossary.md", text)


def _tidy_outputs(nb) -> None:
    """Accessibility fix-ups an HTML exporter would otherwise miss: an empty corner cell of a pandas table is not
    a header (screen readers announce empty headers)."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/html" in data:
                data["text/html"] = re.sub(r"<th(\s[^>]*)?>\s*</th>", r"<td\1></td>", str(data["text/html"]))


# --------------------------------------------------------------------------- executing


async def _execute_all(jobs: list[tuple[Path, Path, dict]], timeout: int) -> list:
    import nbformat
    from nbclient import NotebookClient

    gate = asyncio.Semaphore(PARALLEL)

    async def run(path: Path, cwd: Path, env: dict):
        async with gate:
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=False,
                                    resources={"metadata": {"path": str(cwd)}})
            try:
                await client.async_execute(env=env)
            except Exception as error:  # name the notebook: the book shows every lesson run clean, or is not built
                raise RuntimeError(f"{path.name} (in {cwd.name}) did not run clean: {str(error)[-1500:]}") from error
            nb.metadata.pop("widgets", None)
            return nb

    return await asyncio.gather(*(run(*job) for job in jobs))


def _kernel_env(edition_dir: Path) -> dict:
    """A kernel that imports the edition's own package (its keys, its data) and shows widgets as static HTML."""
    env = dict(os.environ)
    env[STATIC_ENV] = "1"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(edition_dir / "src"), os.environ.get("PYTHONPATH", "")) if p)
    env.pop("ALLIANCELAB_STRICT", None)  # a book shows what learners see; strict mode is for the test suite
    return env


# --------------------------------------------------------------------------- building


def _prepare(name: str, root: Path, work: Path) -> tuple[Path, Path, list[Path]]:
    from .student import build_edition

    edition_dir = build_edition(name, root, work / "edition")
    src = work / "src"
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(root / "book", src, ignore=shutil.ignore_patterns("__pycache__", "_build"))
    import plotly

    shutil.copyfile(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", src / "_static" / "plotly.min.js")
    lessons = sorted(edition_dir.glob(LESSON_GLOB))
    return edition_dir, src, lessons


def _write_sources(name: str, root: Path, edition_dir: Path, src: Path, lessons: list[Path], launch: dict) -> list[str]:
    glossary = edition_dir / "glossary.md"
    if glossary.exists():
        (src / "glossary.md").write_text(glossary_page(glossary.read_text(encoding="utf-8")), encoding="utf-8")
    # Links to the data files (the glossary's to data/sources.csv, say) become downloads of the edition's files.
    shutil.copytree(edition_dir / "data", src / "data", ignore=shutil.ignore_patterns("__pycache__"))
    notes = []
    if name == "instructor":
        (src / "instructors").mkdir()
        for path in sorted((edition_dir / "instructors").glob("*.md")):
            (src / "instructors" / path.name).write_text(notes_page(path.read_text(encoding="utf-8")), encoding="utf-8")
            notes.append(path.stem)
    syllabus = (root / "lessons.md").read_text(encoding="utf-8")
    (src / "index.md").write_text(syllabus_page(syllabus, name, [p.stem for p in lessons], notes), encoding="utf-8")
    titles = {"learner": "Lips and Teeth", "instructor": "Lips and Teeth (instructor edition)"}
    (src / "_book.json").write_text(json.dumps({"edition": name, "title": titles[name], "launch": launch}, indent=1),
                                    encoding="utf-8")
    return notes


def _sphinx(src: Path, out: Path, doctrees: Path) -> subprocess.Popen:
    if out.exists():
        shutil.rmtree(out)
    env = {k: v for k, v in os.environ.items() if k != STATIC_ENV}
    return subprocess.Popen([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-d", str(doctrees), str(src), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


def build(root: Path | str = ".", out: Path | str | None = None, editions: tuple[str, ...] = BOOKS,
          work: Path | str | None = None, timeout: int = 600) -> dict[str, Book]:
    """Build the books of ``editions`` into ``out/<edition>/`` (default ``build/book``); returns what each holds."""
    try:
        import myst_nb  # noqa: F401
        import sphinx_book_theme  # noqa: F401
    except ImportError as error:
        raise SystemExit(f"make book needs the book packages ({error.name} is missing): run `make book`, or "
                         "`.venv/bin/pip install -e '.[book]'` (Python 3.11 or newer).") from None
    root = Path(root).resolve()
    out = Path(out).resolve() if out is not None else root / "build" / "book"
    work = Path(work).resolve() if work is not None else root / "build" / "book-src"
    unknown = set(editions) - set(BOOKS)
    if unknown:
        raise SystemExit(f"unknown book edition(s) {sorted(unknown)}; books are: {', '.join(BOOKS)}")
    launch = launch_settings(root)
    books, prepared, jobs = {}, {}, []
    for name in editions:
        edition_dir, src, lessons = _prepare(name, root, work / name)
        prepared[name] = (edition_dir, src, lessons)
        books[name] = Book(name, out / name, src, lessons=[p.stem for p in lessons])
        env = _kernel_env(edition_dir)
        jobs += [(path, edition_dir, env) for path in lessons]
    start = time.perf_counter()
    executed = asyncio.run(_execute_all(jobs, timeout))
    execute_s = time.perf_counter() - start
    import nbformat

    done = iter(executed)
    for name in editions:
        edition_dir, src, lessons = prepared[name]
        for path in lessons:
            nb = next(done)
            books[name].figures[path.stem] = plotly_to_html(nb)
            books[name].declared[path.stem] = nb.metadata.get("alliancelab", {}).get("plotly_figures", 0)
            _tidy_outputs(nb)
            nbformat.write(nb, src / path.name)
        _write_sources(name, root, edition_dir, src, lessons, launch)
        books[name].seconds["execute (all editions, 2 kernels at a time)"] = round(execute_s, 2)
    start = time.perf_counter()
    procs = {name: _sphinx(prepared[name][1], out / name, work / name / "doctrees") for name in editions}
    for name, proc in procs.items():
        log, _ = proc.communicate()
        books[name].warnings = [line for line in log.splitlines() if "WARNING" in line or "ERROR" in line]
        if proc.returncode != 0:
            raise RuntimeError(f"Sphinx failed on the {name} book:\n{log}")
        edition_dir, _, lessons = prepared[name]
        for path in lessons:  # the download is the edition's clean notebook, as a learner (or instructor) runs it
            shutil.copyfile(path, out / name / "_sources" / path.name)
        books[name].seconds["sphinx (both books in parallel)"] = round(time.perf_counter() - start, 2)
        (out / name / ".buildinfo.json").write_text(json.dumps(books[name].as_dict(), indent=1), encoding="utf-8")
    return books


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliancelab.book", description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", choices=[*BOOKS, "all"], default="all")
    parser.add_argument("--out", type=Path, default=None, help="default: build/book")
    parser.add_argument("--root", type=Path, default=Path("."), help="the course repository (default: here)")
    args = parser.parse_args(argv)
    editions = BOOKS if args.edition == "all" else (args.edition,)
    start = time.perf_counter()
    try:
        books = build(args.root, args.out, editions)
    except (RuntimeError, ValueError, OSError) as error:  # a clear message, not a traceback
        print(f"make book failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    for book in books.values():
        lessons = ", ".join(f"{s}: {book.figures[s]}/{book.declared[s]} figures" for s in book.lessons)
        print(f"{book.edition} book: {book.out / 'index.html'} ({lessons}; {len(book.warnings)} Sphinx warnings)")
        for warning in book.warnings[:20]:
            print("  " + warning)
    print(f"built in {time.perf_counter() - start:.1f} s. Open build/book/learner/index.html in a browser (no server needed).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
