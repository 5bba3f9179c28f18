"""Keep notebooks stored clean: no outputs, no execution counts, no widget state, canonical JSON.

    python -m alliancelab.nbtools clean notebooks/*.ipynb     # rewrite in place
    python -m alliancelab.nbtools check notebooks/*.ipynb     # exit 1 and list problems
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


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
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
