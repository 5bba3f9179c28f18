"""`make bench`: what learners feel, measured.

Writes benchmarks/results.md and prints it:
- per notebook: median wall time of a fresh-kernel top-to-bottom run (3 runs), and its ratio to a floor
  notebook that only imports the stack (pandas, plotly, ipywidgets, alliancelab);
- per explorer: median Python callback latency for a control change (in-process, 50 changes);
- per notebook: browser input-to-repaint median, from the last browser-test run (build/browser-timings.json);
- stored .ipynb size per notebook, and the repository size without .venv/ and build/;
- the wall time of the last `make test` (build/make-test-seconds.txt, written by the Makefile).

Timing is reported, never asserted: machines are noisy.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
RESULTS = ROOT / "benchmarks" / "results.md"
RUNS = 3
CHANGES = 50
TARGETS = {"ratio": 1.5, "callback_ms": 20.0, "repaint_ms": 150.0, "size_kb": 100.0}

# The floor imports the stack, including plotly's renderer module (plotly loads it lazily on the first
# figure shown, and it costs about 1.4 s on its own), so that the ratio measures the lesson, not plotly's import.
FLOOR_SOURCE = (
    "import pandas, plotly.graph_objects, plotly.express, plotly.io._renderers, ipywidgets\n"
    "import alliancelab, alliancelab.data, alliancelab.widgets"
)


def masters() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def run_once(nb: nbformat.NotebookNode, cwd: Path) -> float:
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def notebook_times() -> tuple[float, dict[str, float]]:
    env_before = os.environ.get("ALLIANCELAB_STRICT")
    os.environ["ALLIANCELAB_STRICT"] = "1"
    try:
        floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
        floor = statistics.median(run_once(nbformat.from_dict(json.loads(json.dumps(floor_nb))), NOTEBOOKS) for _ in range(RUNS))
        times = {}
        for path in masters():
            samples = [run_once(nbformat.read(path, as_version=4), NOTEBOOKS) for _ in range(RUNS)]
            times[path.stem] = statistics.median(samples)
        return floor, times
    finally:
        if env_before is None:
            os.environ.pop("ALLIANCELAB_STRICT", None)
        else:
            os.environ["ALLIANCELAB_STRICT"] = env_before


def _find(widget, label: str):
    from alliancelab.widgets import find_control

    try:
        return find_control(widget, label)
    except LookupError:
        return None


def _values(control, kind: str) -> list:
    if kind in ("dropdown", "toggle", "select"):
        return [v for _, v in control.options] if control.options and isinstance(control.options[0], tuple) else list(control.options)
    if kind == "checkbox":
        return [True, False]
    if kind == "slider":
        if isinstance(control.value, tuple):
            lo, hi = control.min, control.max
            return [(lo, hi), (lo, max(lo, hi - 1)), (min(hi, lo + 1), hi)]
        return [control.min, control.max, (control.min + control.max) // 2 if isinstance(control.value, int) else (control.min + control.max) / 2]
    if kind == "text":
        return ["alliance", "war", "", "immediately"]
    raise ValueError(kind)


def callback_latencies() -> dict[str, float]:
    from alliancelab import widgets

    results = {}
    for name, contract in widgets.CONTRACTS.items():
        for control_spec in contract.controls:
            # A fresh explorer per control: an earlier control (a filter, say) can leave a later one with no options.
            box = getattr(widgets, name)()
            control = _find(box, control_spec.label)
            if control is None:
                results[f"{name}: {control_spec.label}"] = float("nan")
                continue
            values = _values(control, control_spec.kind)
            samples = []
            for i in range(CHANGES):
                value = values[i % len(values)]
                if value == control.value:
                    value = values[(i + 1) % len(values)]
                start = time.perf_counter()
                control.value = value
                samples.append((time.perf_counter() - start) * 1000)
            results[f"{name}: {control_spec.label}"] = statistics.median(samples)
    return results


def repaint_medians() -> dict[str, float] | None:
    path = BUILD / "browser-timings.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    return {key: statistics.median(values) for key, values in data.items() if values}


def repo_size_kb() -> float:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    return sum((ROOT / f).stat().st_size for f in files if f and (ROOT / f).is_file()) / 1024


def mark(ok: bool) -> str:
    return "meets target" if ok else "**misses target**"


GRADING_SUBMISSIONS = 40
GRADING_TARGET_S = 180.0


def grading_time(n: int = GRADING_SUBMISSIONS, lesson: str = "03") -> dict:
    """`python -m alliancelab.grade` over n submissions of one lesson (half correct, a quarter wrong, a quarter blank,
    generated from the student versions as the grader's tests do), two at a time. Wall time of the whole run."""
    import tempfile

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from alliancelab import grade
    from tests.coursework import submissions as subs

    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "submissions", Path(tmp) / "out"
        folder.mkdir()
        kinds = {"correct": subs.correct(lesson), "wrong": subs.wrong(lesson), "blank": subs.blank(lesson)}
        for i in range(n):
            kind = "correct" if i % 2 == 0 else ("wrong" if i % 4 == 1 else "blank")
            subs.write(folder, f"learner_{i:02d}_{kind}.ipynb", kinds[kind])
        start = time.perf_counter()
        outcomes = grade.grade_folder(lesson, folder, out, jobs=2)
        seconds = time.perf_counter() - start
    return {"n": n, "lesson": lesson, "seconds": seconds, "graded": sum(o.status == "graded" for o in outcomes),
            "per_submission": sorted(o.seconds for o in outcomes)[len(outcomes) // 2]}


def main() -> int:
    floor, times = notebook_times()
    callbacks = callback_latencies()
    repaints = repaint_medians()
    test_seconds = (BUILD / "make-test-seconds.txt").read_text().strip() if (BUILD / "make-test-seconds.txt").exists() else None
    cpu = platform.processor() or platform.machine()
    lines = [
        "# Benchmark results",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} on {platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}. Medians; timings are reported, never asserted.",
        "",
        "## Notebooks: fresh kernel, top to bottom",
        "",
        f"Floor notebook (imports the stack only): **{floor:.2f} s** (median of {RUNS}). Target: ratio ≤ {TARGETS['ratio']}×; stored size < {TARGETS['size_kb']:.0f} KB.",
        "",
        "| notebook | median run (s) | ratio to floor | target | stored size (KB) | target |",
        "|---|---|---|---|---|---|",
    ]
    for path in masters():
        ratio = times[path.stem] / floor
        size = path.stat().st_size / 1024
        lines.append(f"| {path.stem} | {times[path.stem]:.2f} | {ratio:.2f}× | {mark(ratio <= TARGETS['ratio'])} | {size:.1f} | {mark(size < TARGETS['size_kb'])} |")
    lines += ["", "## Explorers: Python callback latency", "", f"Median of {CHANGES} changes per control, in-process. Target: < {TARGETS['callback_ms']:.0f} ms.", "",
              "| explorer: control | median (ms) | target |", "|---|---|---|"]
    for key, ms in callbacks.items():
        lines.append(f"| {key} | {ms:.2f} | {mark(ms < TARGETS['callback_ms'])} |")
    lines += ["", "## Browser: input to repaint", ""]
    if repaints is None:
        lines.append("No browser timings yet: run `make test` with Chromium installed first.")
    else:
        lines += [f"From the last browser-test run (JupyterLab in headless Chromium; master and student runs pooled). Target: < {TARGETS['repaint_ms']:.0f} ms.", "",
                  "| notebook: explorer: control | median (ms) | target |", "|---|---|---|"]
        for key, ms in sorted(repaints.items()):
            lines.append(f"| {key} | {ms:.1f} | {mark(ms < TARGETS['repaint_ms'])} |")
    g = grading_time()
    lines += ["", "## Grading submissions", "",
              f"`python -m alliancelab.grade --lesson {g['lesson']}` over {g['n']} submissions (generated from the student version: "
              f"half correct, a quarter wrong, a quarter blank), two at a time on {os.cpu_count()} cores. Target: under "
              f"{GRADING_TARGET_S / 60:.0f} minutes.", "",
              "| submissions | wall time (s) | median per submission (s) | graded | target |", "|---|---|---|---|---|",
              f"| {g['n']} | {g['seconds']:.1f} | {g['per_submission']:.1f} | {g['graded']} | {mark(g['seconds'] < GRADING_TARGET_S)} |"]
    # Start-up (issue 17): first figure, costliest cells, `make lab` on a fresh copy, the book (benchmarks/startup.py).
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import startup

    profiles = startup.lesson_profiles(masters())
    lab = None if "--no-lab" in sys.argv else startup.make_lab_seconds()
    built = None if "--no-book" in sys.argv else startup.book_build()
    lines += startup.markdown(floor, profiles, lab, built)
    lines += ["", "## Sizes and the test suite", "",
              f"- Repository size (tracked files, without .venv/ and build/): {repo_size_kb():.0f} KB",
              f"- Wall time of the last `make test`: {test_seconds + ' s' if test_seconds else 'not recorded yet (run make test)'}", ""]
    text = "\n".join(lines)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
