"""How fast the course starts, for `make bench` (benchmarks/bench.py calls these; issue 17's measures).

- :func:`lesson_profiles`: per lesson, in a fresh kernel, the time from asking for the kernel to the first figure
  reaching the front end (the display message of the first plotly figure or figure widget, as JupyterLab receives
  it; drawing it adds the browser's repaint, measured by the browser tests), and every code cell's own run time,
  so the costliest cells can be named;
- :func:`make_lab_seconds`: `make lab` in a fresh copy of the course (the files a clone of this tree holds, no
  .venv/, build/ or workspace/) with the package cache as this machine has it, until JupyterLab answers;
- :func:`book_build`: `make book` (both editions): build time, total size, each lesson page's size.

Timings are reported, never asserted.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"floor_s": 1.0, "lab_s": 30.0, "book_s": 90.0, "page_kb": 300.0}
FIGURE_MIMES = ("application/vnd.plotly.v1+json", "application/vnd.jupyter.widget-view+json")


class _Timed(NotebookClient):
    """A client that notes when the first figure's display message arrives."""

    first_figure: float | None = None
    first_cell: int | None = None

    def output(self, outs, msg, display_id, cell_index):
        if self.first_figure is None and msg["msg_type"] in ("display_data", "execute_result"):
            data = msg["content"].get("data", {})
            if any(m in data for m in FIGURE_MIMES):
                self.first_figure, self.first_cell = time.perf_counter(), cell_index
        return super().output(outs, msg, display_id, cell_index)


def _stamp(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def profile_once(path: Path) -> dict:
    nb = nbformat.read(path, as_version=4)
    client = _Timed(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    cells = {}
    for i, cell in enumerate(nb.cells):
        run = cell.metadata.get("execution", {})
        if cell.cell_type == "code" and "iopub.execute_input" in run and "shell.execute_reply" in run:
            cells[i] = _stamp(run["shell.execute_reply"]) - _stamp(run["iopub.execute_input"])
    first = None if client.first_figure is None else client.first_figure - start
    return {"first_figure_s": first, "first_cell": client.first_cell, "cells": cells,
            "source": {i: nb.cells[i].source for i in cells}}


def lesson_profiles(paths: list[Path], runs: int = 3) -> dict[str, dict]:
    """Medians over ``runs`` fresh kernels (strict mode on, as `make bench` runs the masters)."""
    before = os.environ.get("ALLIANCELAB_STRICT")
    os.environ["ALLIANCELAB_STRICT"] = "1"
    try:
        return _profiles(paths, runs)
    finally:
        if before is None:
            os.environ.pop("ALLIANCELAB_STRICT", None)
        else:
            os.environ["ALLIANCELAB_STRICT"] = before


def _profiles(paths: list[Path], runs: int) -> dict[str, dict]:
    out = {}
    for path in paths:
        samples = [profile_once(path) for _ in range(runs)]
        firsts = [s["first_figure_s"] for s in samples if s["first_figure_s"] is not None]
        cells = {i: statistics.median(s["cells"].get(i, 0.0) for s in samples) for i in samples[0]["cells"]}
        out[path.stem] = {"first_figure_s": statistics.median(firsts) if firsts else None,
                          "first_cell": samples[0]["first_cell"], "cells": cells, "source": samples[0]["source"]}
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fresh_copy(dest: Path) -> Path:
    """The files a clone of this working tree holds (tracked, and new files not ignored), copied to ``dest``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for rel in listed:
        src = ROOT / rel
        if not rel or not src.is_file() or rel.startswith(("wheelhouse/", "build/", "workspace/", ".venv/")):
            continue
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / rel)
    return dest


def make_lab_seconds(timeout: float = 600.0) -> dict:
    """`make lab` in a fresh copy until JupyterLab answers on its port (GET /api), then stopped."""
    if shutil.which("make") is None:
        return {"error": "make not found"}
    tmp = Path(tempfile.mkdtemp(prefix="alliancelab-lab-"))
    port = _free_port()
    log = tmp / "make-lab.log"
    try:
        clone = fresh_copy(tmp / "course")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        start = time.perf_counter()
        with open(log, "w") as handle:
            proc = subprocess.Popen(["make", "lab", f"PORT={port}"], cwd=clone, stdout=handle, stderr=subprocess.STDOUT,
                                    env=env, start_new_session=True)
        answered, installed = None, None
        try:
            while time.perf_counter() - start < timeout and proc.poll() is None:
                if installed is None and any((clone / ".venv").glob(".installed*")):
                    installed = time.perf_counter() - start
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as response:
                        if response.status == 200:
                            answered = time.perf_counter() - start
                            break
                except OSError:
                    time.sleep(0.2)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
        if answered is None:
            return {"error": "JupyterLab did not answer: " + log.read_text(errors="replace")[-600:]}
        return {"answered_s": answered, "installed_s": installed}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def book_build() -> dict:
    """Both books, into a temporary folder: wall time, sizes."""
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from alliancelab import book

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        try:
            books = book.build(ROOT, Path(tmp) / "out", work=Path(tmp) / "work")
        except SystemExit as error:  # the book packages are not installed
            return {"error": str(error)}
        seconds = time.perf_counter() - start
        result = {"seconds": seconds, "editions": {}}
        for name, b in books.items():
            total = sum(p.stat().st_size for p in b.out.rglob("*") if p.is_file())
            plotly_js = (b.out / "_static" / "plotly.min.js").stat().st_size
            static = sum(p.stat().st_size for p in (b.out / "_static").rglob("*") if p.is_file())
            result["editions"][name] = {"total_mb": total / 2**20, "plotly_js_kb": plotly_js / 1024, "static_mb": static / 2**20,
                                        "pages": len(list(b.out.rglob("*.html"))), "lesson_kb": {s: b.page_sizes_kb()[f"{s}.html"] for s in b.lessons},
                                        "figures": b.figures, "declared": b.declared}
        result["phases"] = next(iter(books.values())).seconds
        return result


def _gist(source: str) -> str:
    """The first line of a cell that is neither a comment nor a solution marker, cut to 40 characters."""
    lines = [s.strip() for s in source.splitlines() if s.strip() and not s.strip().startswith("#")]
    return (lines[0] if lines else source.strip())[:40].replace("`", "'")


def _mark(ok: bool) -> str:
    return "meets target" if ok else "**misses target**"


def markdown(floor: float, profiles: dict, lab: dict | None, built: dict | None, top: int = 3) -> list[str]:
    lines = ["", "## Start-up", "",
             f"Floor notebook: **{floor:.2f} s** (target ≤ {TARGETS['floor_s']:.1f} s: {_mark(floor <= TARGETS['floor_s'])}).", "",
             "Fresh kernel to the first figure: from asking for a kernel to the first plotly figure (or figure widget) reaching "
             "the front end, median of three runs. The costliest cells are each lesson's own code cells, slowest first (median "
             "cell run time in the kernel; the floor notebook's one cell imports the stack).", "",
             "| lesson | first figure (s) | in cell | costliest cells (ms) |", "|---|---|---|---|"]
    for stem, p in profiles.items():
        worst = sorted(p["cells"].items(), key=lambda kv: -kv[1])[:top]
        cells = "; ".join(f"{i}: {ms * 1000:.0f} (`{_gist(p['source'][i])}`)" for i, ms in worst)
        first = f"{p['first_figure_s']:.2f}" if p["first_figure_s"] is not None else "no figure"
        lines.append(f"| {stem} | {first} | {p['first_cell']} | {cells.replace('|', '/')} |")
    lines += ["", "## `make lab` on a fresh copy", ""]
    if lab is None:
        lines.append("Not measured (`python benchmarks/bench.py --no-lab`).")
    elif "error" in lab:
        lines.append(f"Not measured: {lab['error']}")
    else:
        installed = f"; installed after {lab['installed_s']:.1f} s" if lab.get("installed_s") else ""
        lines.append(f"A fresh copy of the course (the files a clone holds, no .venv/), the package cache warm: JupyterLab answered "
                     f"after **{lab['answered_s']:.1f} s**{installed}. Target: ≤ {TARGETS['lab_s']:.0f} s "
                     f"({_mark(lab['answered_s'] <= TARGETS['lab_s'])}).")
    lines += ["", "## The book (`make book`)", ""]
    if built is None:
        lines.append("Not measured (`python benchmarks/bench.py --no-book`).")
    elif "error" in built:
        lines.append(f"Not measured: {built['error']}")
    else:
        lines.append(f"Both editions built in **{built['seconds']:.1f} s** (target ≤ {TARGETS['book_s']:.0f} s: "
                     f"{_mark(built['seconds'] <= TARGETS['book_s'])}); "
                     + "; ".join(f"{k}: {v:.1f} s" for k, v in built["phases"].items()) + ".")
        lines += ["", "| edition | pages | total (MB) | shared assets (MB; plotly.js KB) | largest lesson page (KB) | target |", "|---|---|---|---|---|---|"]
        for name, e in built["editions"].items():
            big = max(e["lesson_kb"].items(), key=lambda kv: kv[1])
            lines.append(f"| {name} | {e['pages']} | {e['total_mb']:.1f} | {e['static_mb']:.1f}; {e['plotly_js_kb']:.0f} | "
                         f"{big[1]:.0f} ({big[0]}) | {_mark(big[1] <= TARGETS['page_kb']) if name == 'learner' else '—'} |")
        lines += ["", "Learner lesson pages (KB, each without the shared plotly.js and theme): "
                  + ", ".join(f"{s} {kb:.0f}" for s, kb in built["editions"]["learner"]["lesson_kb"].items()) + "."]
    return lines
