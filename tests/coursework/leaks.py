"""Search an edition for what the learner edition must not hold, comparing against the masters and the keys.

Four kinds of needle, each compared with the *content* of the masters and keys (not with marker strings):

- solution code: every non-trivial line between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` in a master;
- model answers: every sentence of every markdown cell tagged ``solution``;
- instructor notes: every sentence (and table cell) of ``instructors/*.md``;
- assessed keys: for each assessed item, its key value in every form that a search can tell apart from other text
  (``repr`` and ``str``, and for numbers each rounding that the item's tolerance would accept), and the sentences
  of its explanation and hints.

A needle that also occurs in what learners are meant to have (the masters outside solution cells and blocks, the
glossary, the data files) cannot count as a leak: it is lesson text, a quotation or a data value, and is counted
as "shared" instead. Short values (a letter, a year, a small number) cannot be found by search in a meaningful
way; for them the test imports the edition's own package and proves that its registry holds no key
(tests/coursework/test_leak.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from alliancelab.student import BEGIN, END

TEXT_SUFFIXES = {".ipynb", ".py", ".json", ".md", ".html", ".txt", ".csv", ".yml", ".yaml", ".toml", ".cfg", "", ".js", ".css"}
MIN_SENTENCE = 25
MIN_WORDS = 6
MIN_CODE = 6


def norm(text: str) -> str:
    return " ".join(text.split())


def _cell_text(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def file_texts(root: Path, skip_data: bool = False) -> dict[str, str]:
    """Every text file under ``root`` (not .git), notebooks as their cell sources plus raw JSON, normalised."""
    out = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file() or ".git" in path.relative_to(root).parts or "__pycache__" in path.parts:
            continue
        rel = str(path.relative_to(root))
        if skip_data and rel.startswith("data/"):
            continue
        if path.suffix not in TEXT_SUFFIXES:
            continue
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        text = raw
        if path.suffix == ".ipynb":
            try:
                nb = json.loads(raw)
                parts = [_cell_text(c) for c in nb.get("cells", [])]
                for c in nb.get("cells", []):
                    for o in c.get("outputs", []):
                        parts.append(json.dumps(o, ensure_ascii=False))
                text = "\n".join(parts) + "\n" + raw
            except ValueError:
                pass
        elif path.suffix == ".json":
            try:  # decoded strings too, so that escaped quotes and unicode do not hide a sentence
                text = raw + "\n" + "\n".join(_strings(json.loads(raw)))
            except ValueError:
                pass
        out[rel] = norm(text)
    return out


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def sentences(text: str) -> list[str]:
    """Sentences and table cells of a markdown text, at least MIN_SENTENCE characters and MIN_WORDS words long
    (shorter ones, such as a rubric's criterion label, are names rather than answers)."""
    found = []
    for block in re.split(r"\n\s*\n|\|", text):
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z*\"“(])", norm(block)):
            s = s.strip(" -*")
            if len(s) >= MIN_SENTENCE and len(s.split()) >= MIN_WORDS:
                found.append(s)
    return found


def solution_lines(master: dict) -> list[str]:
    lines = []
    for cell in master["cells"]:
        if cell.get("cell_type") != "code":
            continue
        inside = False
        for line in _cell_text(cell).splitlines():
            if line.strip() == BEGIN:
                inside = True
            elif line.strip() == END:
                inside = False
            elif inside:
                s = line.strip()
                if len(s) >= MIN_CODE and not s.startswith("#"):
                    lines.append(s)
    return lines


def model_answer_cells(master: dict) -> list[str]:
    return [_cell_text(c) for c in master["cells"] if c.get("cell_type") == "markdown" and "solution" in c.get("metadata", {}).get("tags", [])]


def lesson_text(master: dict) -> str:
    """What a learner is meant to see of a master: every cell except model answers, code without solution blocks."""
    parts = []
    for cell in master["cells"]:
        if "solution" in cell.get("metadata", {}).get("tags", []):
            continue
        text = _cell_text(cell)
        if cell.get("cell_type") == "code":
            keep, inside = [], False
            for line in text.splitlines():
                if line.strip() == BEGIN:
                    inside = True
                elif line.strip() == END:
                    inside = False
                elif not inside:
                    keep.append(line)
            text = "\n".join(keep)
        parts.append(text)
    return "\n".join(parts)


def _distinct_number(form: str) -> bool:
    """At least four characters and two significant digits: "98.0", "0.035", "12,000"; not "0.02" or "5"."""
    digits = form.lstrip("-").replace(",", "")
    significant = digits.replace(".", "").lstrip("0")
    return len(digits) >= 4 and len(significant) >= 2


def key_forms(key, tolerance: float = 0.0) -> list[str]:
    """The forms of a key value that a search can tell apart from other text (may be empty)."""
    forms: set[str] = set()
    if isinstance(key, bool):
        return []
    if isinstance(key, str):
        return [key] if len(key.strip()) >= 4 else []
    if isinstance(key, (list, tuple, set, frozenset)):
        items = list(key)
        if not items:
            return []
        reprs = [repr(items), str(items), json.dumps([i if not isinstance(i, float) or not i.is_integer() else int(i) for i in items])]
        return sorted(r for r in reprs if len(r) >= 8)  # single items are the options learners choose from
    if isinstance(key, (int, float)):
        value = float(key)
        if value.is_integer():
            n = int(value)
            if abs(n) >= 100 and not 1800 <= n <= 2100:
                forms |= {str(n), f"{n:,}"}
            if isinstance(key, float):
                forms |= {f for f in (repr(key),) if _distinct_number(f)}
            return sorted(forms)
        forms.add(repr(key))
        for d in range(1, 7):
            form = f"{value:.{d}f}"
            if abs(float(form) - value) <= tolerance + 1e-12:
                forms.add(form)
        return sorted(f for f in forms if _distinct_number(f))
    return []


def find_number(form: str, text: str) -> bool:
    return re.search(rf"(?<![\d.,]){re.escape(form)}(?!\d)", text) is not None


@dataclass
class Report:
    checked: dict[str, int] = field(default_factory=dict)
    shared: dict[str, int] = field(default_factory=dict)
    leaks: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, needle: str, where: list[str], shared: bool) -> None:
        self.checked[kind] = self.checked.get(kind, 0) + 1
        self.leaks.setdefault(kind, [])
        if shared:
            self.shared[kind] = self.shared.get(kind, 0) + 1
        elif where:
            self.leaks[kind].append(f"{needle[:90]!r} in {', '.join(where[:3])}")

    def as_dict(self) -> dict:
        return {"checked": self.checked, "shared_with_lesson_text": self.shared, "found": {k: len(v) for k, v in self.leaks.items()},
                "leaks": self.leaks}


def scan(edition: Path, root: Path, assessed: list[str], exercises: dict) -> Report:
    """Search ``edition`` for the four kinds of needle; ``exercises`` is the master registry (id -> Exercise)."""
    from alliancelab.student import masters

    files = file_texts(edition)
    files_no_data = {k: v for k, v in files.items() if not k.startswith("data/")}
    master_nbs = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in masters(root / "notebooks")}
    allowed = norm("\n".join(lesson_text(nb) for nb in master_nbs.values())
                   + "\n".join((root / "notebooks" / "glossary.md").read_text(encoding="utf-8").splitlines())
                   + "\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "data").rglob("*")) if p.is_file() and p.suffix in (".csv", ".md", ".json")))
    # the formative items' explanations, hints and misconception notes are in the learner edition by design
    formative = [eid for eid in exercises if re.match(r"^\d+\.", eid) and eid not in set(assessed)]
    allowed += " " + norm(" ".join(
        " ".join([exercises[e].explanation, *exercises[e].hints, *getattr(exercises[e], "misconceptions", {}).values()])
        for e in formative))
    report = Report()

    def where(needle: str, pool: dict[str, str], number: bool = False) -> list[str]:
        if number:
            return [name for name, text in pool.items() if find_number(needle, text)]
        n = norm(needle)
        return [name for name, text in pool.items() if n in text]

    for nb in master_nbs.values():
        for line in solution_lines(nb):
            report.add("solution code lines", line, where(line, files), norm(line) in allowed)
        for cell in model_answer_cells(nb):
            for s in sentences(cell):
                report.add("model-answer sentences", s, where(s, files), norm(s) in allowed)
    for notes in sorted((root / "instructors").glob("*.md")):
        for s in sentences(notes.read_text(encoding="utf-8")):
            report.add("instructor-note sentences", s, where(s, files), norm(s) in allowed)
    for eid in assessed:
        ex = exercises[eid]
        key = ex.key()
        forms = key_forms(key, getattr(ex, "tolerance", 0.0))
        if not forms:
            report.checked["assessed keys proved by the registry only"] = report.checked.get("assessed keys proved by the registry only", 0) + 1
        for form in forms:
            numeric = re.fullmatch(r"-?[\d,]+(\.\d+)?", form) is not None
            # no "shared" excuse here: a lesson that prints an assessed answer gives it away
            report.add("assessed key values", f"{eid}: {form}", where(form, files_no_data, numeric), False)
        for text in [ex.explanation, *ex.hints]:
            for s in sentences(text) or ([text] if len(text) >= MIN_SENTENCE else []):
                report.add("assessed explanations and hints", f"{eid}: {s}", where(s, files), False)
    return report
