"""Every lesson notebook has a text twin in lessons_src/ (MyST Markdown, paired by jupytext.toml), and they agree.

The comparison reads both files with jupytext and compares content, never modification times: the cells'
type, source and metadata (tags included) and the notebook metadata the course uses. A failure names the
first cell that differs and says to run `make sync`. Two round trips through `jupytext --sync`, in a
temporary copy, show that a one-sentence edit to either file is a one-line diff in both.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
from pathlib import Path

import jupytext
import pytest
from jupytext.cli import jupytext as jupytext_cli

from alliancelab import nbtools
from alliancelab.student import dumps
from tests.helpers import ROOT, masters

TEXTS = ROOT / "lessons_src"
NOTEBOOK_METADATA = ("alliancelab", "kernelspec")  # what the course reads from a notebook's metadata
# Cell metadata jupytext keeps in the notebook only, never in a text (its _IGNORE_CELL_METADATA): interface
# state such as a collapsed output. `jupytext --sync` restores it in the notebook, so it is not compared.
NOTEBOOK_ONLY_CELL_METADATA = {"autoscroll", "collapsed", "scrolled", "trusted", "execution", "ExecuteTime"}
FIX = "Run `make sync` (or `.venv/bin/jupytext --sync notebooks/NN_name.ipynb`) to bring them back in step."


def twin(notebook: Path) -> Path:
    return TEXTS / f"{notebook.stem}.md"


def test_jupytext_pairs_notebooks_with_lessons_src():
    config = jupytext.config.load_jupytext_config(str(ROOT / "notebooks"))
    assert config is not None, "jupytext.toml is missing from the repository root"
    assert "".join(config.formats) == "notebooks///ipynb,lessons_src///md:myst"
    assert "alliancelab" in config.notebook_metadata_filter


def test_every_lesson_has_a_text_twin_and_every_text_a_lesson():
    missing = [m.name for m in masters() if not twin(m).is_file()]
    assert missing == [], f"no text twin in lessons_src/ for {missing}. {FIX}"
    orphans = sorted({p.stem for p in TEXTS.glob("*.md")} - {m.stem for m in masters()})
    assert orphans == [], f"lessons_src/ holds texts without a notebook: {orphans}. {FIX}"


def _first_difference(nb_a, nb_b) -> str | None:
    for key in NOTEBOOK_METADATA:
        if nb_a.metadata.get(key) != nb_b.metadata.get(key):
            return f"notebook metadata {key!r}: {nb_a.metadata.get(key)!r} in the notebook, {nb_b.metadata.get(key)!r} in the text"
    for i, (a, b) in enumerate(zip(nb_a.cells, nb_b.cells)):
        if a.cell_type != b.cell_type:
            return f"cell {i} is {a.cell_type} in the notebook, {b.cell_type} in the text"
        meta_a = {k: v for k, v in a.metadata.items() if k not in NOTEBOOK_ONLY_CELL_METADATA}
        if meta_a != dict(b.metadata):
            return f"cell {i} ({a.cell_type}) metadata: {meta_a} in the notebook, {dict(b.metadata)} in the text"
        if a.source != b.source:
            diff = "\n".join(difflib.unified_diff(a.source.splitlines(), b.source.splitlines(), "notebook", "text", lineterm="", n=0))
            return f"cell {i} ({a.cell_type}) source differs:\n{diff[:1500]}"
    if len(nb_a.cells) != len(nb_b.cells):
        return f"the notebook has {len(nb_a.cells)} cells, the text {len(nb_b.cells)}"
    return None


@pytest.mark.parametrize("notebook", masters(), ids=lambda p: p.name)
def test_notebook_and_its_text_twin_have_the_same_content(notebook):
    text = twin(notebook)
    assert text.is_file(), f"no {text.relative_to(ROOT)}. {FIX}"
    difference = _first_difference(jupytext.read(notebook), jupytext.read(text))
    if difference:
        pytest.fail(f"{notebook.name} and {text.relative_to(ROOT)} differ: {difference}\n{FIX}", pytrace=False)


def test_tags_survive_the_text():
    """The solution tags the student generator relies on are in the text, and read back as tags."""
    tagged = [(m, i) for m in masters() for i, c in enumerate(json.loads(m.read_text(encoding="utf-8"))["cells"])
              if "solution" in c["metadata"].get("tags", [])]
    assert tagged, "no lesson has a cell tagged 'solution'"
    for notebook, i in tagged:
        cells = jupytext.read(twin(notebook)).cells
        assert i < len(cells) and "solution" in cells[i].metadata.get("tags", []), \
            f"{notebook.name} cell {i} is tagged 'solution' but its cell in the text twin is not. {FIX}"


# --------------------------------------------------------------------------- one sentence, one line


def _copy_pair(tmp_path: Path, stem: str) -> tuple[Path, Path]:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "lessons_src").mkdir()
    shutil.copy(ROOT / "jupytext.toml", tmp_path / "jupytext.toml")
    notebook = shutil.copy(ROOT / "notebooks" / f"{stem}.ipynb", tmp_path / "notebooks")
    # The twin as `make sync` writes it from the notebook, so the test does not depend on the repository's
    # text being in step (the test above checks that).
    jupytext.write(jupytext.read(notebook), tmp_path / "lessons_src" / f"{stem}.md",
                   config=jupytext.config.load_jupytext_config(str(tmp_path / "notebooks")), fmt="md:myst")
    return Path(notebook), tmp_path / "lessons_src" / f"{stem}.md"


def _a_sentence(text: str) -> str:
    """The second sentence of the first prose paragraph that has several (ends with '. ')."""
    for line in text.splitlines():
        if re.match(r"^[A-Z][^|#<`]*\. [A-Z][^.]*\. ", line) and text.count(line) == 1:
            return re.split(r"(?<=\.) ", line)[1]
    raise AssertionError("no paragraph of several sentences found")


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    return ([d for d in diff if d.startswith("-") and not d.startswith("---")],
            [d for d in diff if d.startswith("+") and not d.startswith("+++")])


def _sync(path: Path, newer_than: Path) -> None:
    later = newer_than.stat().st_mtime + 10
    os.utime(path, (later, later))
    assert jupytext_cli(["--sync", "--quiet", str(path)]) == 0


@pytest.mark.parametrize("notebook", masters(), ids=lambda p: p.name)
def test_one_sentence_changed_in_the_text_is_one_line_in_both_files(tmp_path, notebook):
    ipynb, md = _copy_pair(tmp_path, notebook.stem)
    ipynb_before, md_before = ipynb.read_text(encoding="utf-8"), md.read_text(encoding="utf-8")
    sentence = _a_sentence(md_before)
    md.write_text(md_before.replace(sentence, "This sentence was rewritten by a maintainer.", 1), encoding="utf-8")
    _sync(md, newer_than=ipynb)

    removed, added = _changed_lines(md_before, md.read_text(encoding="utf-8"))
    assert len(removed) == len(added) == 1 and sentence in removed[0], (removed, added)
    removed, added = _changed_lines(ipynb_before, ipynb.read_text(encoding="utf-8"))
    assert len(removed) == len(added) == 1, f"the notebook changed in more than one line: {removed} {added}"
    as_text = [json.loads(line[1:].strip().rstrip(",")) for line in (removed[0], added[0])]  # JSON-escaped lines
    assert sentence in as_text[0] and "rewritten by a maintainer" in as_text[1]
    assert nbtools.problems(ipynb.read_text(encoding="utf-8"), ipynb.name) == [], "the synced notebook is not stored clean"


def test_one_sentence_changed_in_the_notebook_is_one_line_in_the_text(tmp_path):
    ipynb, md = _copy_pair(tmp_path, masters()[0].stem)
    md_before = md.read_text(encoding="utf-8")
    sentence = _a_sentence(md_before)
    nb = json.loads(ipynb.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        cell["source"] = [line.replace(sentence, "This sentence was rewritten in JupyterLab.") for line in cell["source"]]
    ipynb.write_text(dumps(nb), encoding="utf-8")
    _sync(ipynb, newer_than=md)

    removed, added = _changed_lines(md_before, md.read_text(encoding="utf-8"))
    assert len(removed) == len(added) == 1 and sentence in removed[0] and "rewritten in JupyterLab" in added[0]
