"""Keep notebooks stored clean: no outputs, no execution counts, no widget state, canonical JSON.

    python -m alliancelab.nbtools clean notebooks/*.ipynb     # rewrite in place
    python -m alliancelab.nbtools check notebooks/*.ipynb     # exit 1 and list problems
    python -m alliancelab.nbtools glossary notebooks/*.ipynb  # (re)write each section's glossary links
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from .student import dumps


def problems(text: str, name: str = "notebook") -> list[str]:
    """What keeps a stored notebook from being clean (empty list when clean)."""
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as error:
        return [f"{name}: not valid JSON ({error.msg}, line {error.lineno})"]
    found = []
    if "widgets" in nb.get("metadata", {}):
        found.append(f"{name}: stores widget state (metadata.widgets)")
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") == "code":
            if cell.get("outputs"):
                found.append(f"{name}: cell {i} keeps outputs")
            if cell.get("execution_count") is not None:
                found.append(f"{name}: cell {i} keeps an execution count")
        if "id" in cell:
            found.append(f"{name}: cell {i} has an id (store as nbformat 4.4 without ids)")
    h1 = sum(
        1
        for c in nb.get("cells", [])
        if c.get("cell_type") == "markdown"
        for line in "".join(c.get("source", "")).splitlines()
        if re.match(r"^# ", line)
    )
    if h1 != 1:
        found.append(f"{name}: {h1} H1 headings (want exactly one)")
    if not found and dumps(nb) != text:
        found.append(f"{name}: not in canonical JSON layout (run make clean-notebooks)")
    return found


def clean(nb: dict) -> dict:
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        cell.pop("id", None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    if nb.get("nbformat_minor", 4) > 4:
        nb["nbformat_minor"] = 4
    return nb


GLOSSARY_LINE = "*Glossary:* "
_ENTRY = re.compile(r'<a id="(?P<anchor>[^"]+)"></a>\s*\n\s*### (?P<term>[^\n]+)\n(?P<body>.*?)(?=<a id=|\n## |\Z)', re.S)
_INTRO = re.compile(r"\*\*Introduced in:\*\* \[[^\]]*\]\((?:notebooks/)?(?P<nb>[^)]+)\.ipynb\), section \*(?P<section>[^*]+)\*")


def glossary_entries(glossary_text: str) -> list[dict]:
    """(anchor, term, notebook stem, section) for every glossary entry that names where it is introduced."""
    entries = []
    for m in _ENTRY.finditer(glossary_text):
        intro = _INTRO.search(m["body"])
        if intro:
            entries.append({"anchor": m["anchor"], "term": m["term"].strip(), "notebook": intro["nb"],
                            "section": intro["section"].strip()})
    return entries


def link_glossary(nb: dict, stem: str, entries: list[dict]) -> dict:
    """Give the first markdown cell of each H2/H3 section a line linking the glossary terms it introduces.

    The line starts with *Glossary:* and is rewritten on every run, so the command is idempotent.
    """
    wanted: dict[str, list[dict]] = {}
    for e in entries:
        if e["notebook"] == stem:
            wanted.setdefault(e["section"], []).append(e)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = "".join(cell.get("source", ""))
        lines = [line for line in source.split("\n") if not line.startswith(GLOSSARY_LINE)]
        while lines and lines[-1] == "":
            lines.pop()
        headings = [re.sub(r"^#{2,4} ", "", line).strip() for line in lines if re.match(r"^#{2,4} ", line)]
        terms = [e for h in headings for e in wanted.pop(h, [])]
        if terms:
            links = " · ".join(f"[{e['term']}](glossary.md#{e['anchor']})" for e in sorted(terms, key=lambda e: e["term"].lower()))
            lines += ["", GLOSSARY_LINE + links]
        new = "\n".join(lines)
        if new != source:
            cell["source"] = new.splitlines(True)
    return nb


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) >= 2 and argv[0] == "glossary":
        root = Path(__file__).resolve().parents[2]
        entries = glossary_entries((root / "notebooks" / "glossary.md").read_text(encoding="utf-8"))
        for name in argv[1:]:
            path = Path(name)
            text = path.read_text(encoding="utf-8")
            new = dumps(link_glossary(json.loads(text), path.stem, entries))
            if new != text:
                path.write_text(new, encoding="utf-8")
                print(f"linked glossary terms in {path}")
        return 0
    if len(argv) < 2 or argv[0] not in ("clean", "check"):
        print(__doc__)
        return 2
    status = 0
    for name in argv[1:]:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        if argv[0] == "clean":
            new = dumps(clean(json.loads(text)))
            if new != text:
                path.write_text(new, encoding="utf-8")
                print(f"cleaned {path}")
        else:
            for problem in problems(text, str(path)):
                print(problem)
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
