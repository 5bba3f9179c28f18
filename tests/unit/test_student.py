"""Student-version generator and the learner's workspace."""

from __future__ import annotations

import json

import nbformat
import pytest

from alliancelab import student
from alliancelab.student import BEGIN, END, PLACEHOLDER_MD, SolutionMarkerError
from tests.helpers import masters


def nb(*cells) -> dict:
    book = nbformat.v4.new_notebook(cells=list(cells))
    for c in book.cells:
        c.pop("id", None)
    book.nbformat_minor = 4
    return json.loads(nbformat.writes(book))


def code(src):
    return nbformat.v4.new_code_cell(src)


def md(src, tags=()):
    cell = nbformat.v4.new_markdown_cell(src)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def src(cell) -> str:
    return "".join(cell["source"])


def test_assignment_becomes_ellipsis():
    assert student.strip_code(f"{BEGIN}\nanswer = 'B'\n{END}\ncheck('1', answer)") == "answer = ...\ncheck('1', answer)"


def test_several_assignments_keep_each_name_once_and_drop_other_code():
    block = f"{BEGIN}\nrows = df[df.x > 1]\nfor r in rows:\n    print(r)\nshare = len(rows) / 2\nshare = round(share, 1)\n{END}"
    assert student.strip_code(block) == "rows = ...\nshare = ..."


def test_block_without_assignment_becomes_bare_ellipsis():
    assert student.strip_code(f"{BEGIN}\nprint('hi')\n{END}") == "..."


def test_tuple_targets_get_one_ellipsis_each_so_the_cell_still_runs():
    out = student.strip_code(f"{BEGIN}\nlow, high = 1, 2\n{END}")
    assert out == "low, high = ..., ..."
    namespace = {}
    exec(out, namespace)
    assert namespace["low"] is Ellipsis and namespace["high"] is Ellipsis


def test_chained_and_annotated_assignments():
    assert student.strip_code(f"{BEGIN}\na = b = 3\nc: int = 4\nc += 1\n{END}") == "a = b = ...\nc = ..."


def test_indented_block_keeps_its_indentation():
    text = f"def f():\n    {BEGIN}\n    x = 1\n    {END}\n    return x"
    assert student.strip_code(text) == "def f():\n    x = ...\n    return x"


def test_text_outside_blocks_is_untouched():
    text = f"# keep me\n{BEGIN}\nx = 1\n{END}\n# and me\n"
    assert student.strip_code(text) == "# keep me\nx = ...\n# and me\n"


@pytest.mark.parametrize("text,needle", [
    (f"{BEGIN}\nx = 1\n", "never closed"),
    (f"x = 1\n{END}\n", "has no"),
    (f"{BEGIN}\n{BEGIN}\nx=1\n{END}\n", "inside the block"),
    (f"{BEGIN}\nx = (\n{END}\n", "does not parse"),
])
def test_malformed_markers_are_refused_with_a_clear_message(text, needle):
    with pytest.raises(SolutionMarkerError, match=needle):
        student.strip_code(text, "lesson.ipynb, cell 3")


def test_marker_in_markdown_is_refused_and_names_the_cell():
    book = nb(md("intro"), md(f"{BEGIN}\nanswer\n{END}"))
    with pytest.raises(SolutionMarkerError, match=r"L\.ipynb, cell 1 \(markdown\)"):
        student.student_notebook(book, "L.ipynb")


def test_solution_markdown_is_replaced_and_everything_else_is_identical():
    book = nb(md("# Title"), code("x = 1"), md("Model answer: because.", tags=["solution"]), code(f"{BEGIN}\ny = 2\n{END}\ncheck('1', y)"))
    out = student.student_notebook(book, "L")
    assert src(out["cells"][2]) == PLACEHOLDER_MD
    assert out["cells"][2]["metadata"] == book["cells"][2]["metadata"]
    assert src(out["cells"][3]) == "y = ...\ncheck('1', y)"
    for i in (0, 1):
        assert out["cells"][i] == book["cells"][i]
    assert out["metadata"] == book["metadata"]
    assert book["cells"][2]["source"] != out["cells"][2]["source"]  # input not mutated


def test_notebook_without_solutions_is_byte_identical():
    text = nbformat.writes(nbformat.from_dict(nb(md("# T"), code("print(1)")))) + "\n"
    assert student.student_text(text) == text


def test_output_matches_nbformat_layout():
    book = nb(md("# T"), code(f"{BEGIN}\nz = 9\n{END}"))
    out = student.student_text(json.dumps(book))
    assert out == nbformat.writes(nbformat.reads(out, as_version=4)) + "\n"


def test_generation_is_idempotent():
    book = nb(md("# T"), code(f"{BEGIN}\nz = 9\n{END}\ncheck('1', z)"), md("answer", tags=["solution"]))
    once = student.student_text(json.dumps(book))
    assert student.student_text(once) == once


def test_every_master_has_a_student_version_that_differs_only_in_solution_cells():
    for master in masters():
        book = json.loads(master.read_text(encoding="utf-8"))
        out = json.loads(student.student_text(master.read_text(encoding="utf-8"), master.name))
        assert len(out["cells"]) == len(book["cells"])
        for before, after in zip(book["cells"], out["cells"]):
            changed = before != after
            has_solution = BEGIN in src(before) or "solution" in before.get("metadata", {}).get("tags", [])
            assert changed == has_solution, f"{master.name}: a cell changed without a solution, or a solution survived"
            assert BEGIN not in src(after) and "### END" not in src(after)


def _write_master(folder, name, answer="'B'"):
    folder.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nbformat.from_dict(nb(md("# L"), code(f"{BEGIN}\na = {answer}\n{END}")))) + "\n"
    (folder / name).write_text(text, encoding="utf-8")


def test_workspace_adds_missing_lessons_and_never_overwrites(tmp_path):
    src_dir, ws = tmp_path / "notebooks", tmp_path / "workspace"
    _write_master(src_dir, "00_a.ipynb")
    _write_master(src_dir, "01_b.ipynb")
    first = student.make_workspace(src_dir, ws)
    assert sorted(p.name for p in first.added) == ["00_a.ipynb", "01_b.ipynb"]
    edited = "my own notes — do not lose me"
    (ws / "00_a.ipynb").write_text(edited, encoding="utf-8")
    _write_master(src_dir, "00_a.ipynb", answer="'C'")  # the master changes upstream
    _write_master(src_dir, "02_c.ipynb")  # and a new lesson arrives
    second = student.make_workspace(src_dir, ws)
    assert [p.name for p in second.added] == ["02_c.ipynb"]
    assert sorted(p.name for p in second.kept) == ["00_a.ipynb", "01_b.ipynb"]
    assert (ws / "00_a.ipynb").read_text(encoding="utf-8") == edited
    third = student.make_workspace(src_dir, ws)
    assert third.added == [] and (ws / "00_a.ipynb").read_text(encoding="utf-8") == edited
    assert "never overwritten" in str(third)


def test_workspace_notebooks_are_student_versions(tmp_path):
    _write_master(tmp_path / "n", "00_a.ipynb")
    student.make_workspace(tmp_path / "n", tmp_path / "w")
    assert "a = ..." in (tmp_path / "w" / "00_a.ipynb").read_text(encoding="utf-8")


def test_fresh_copy_uses_a_new_name(tmp_path):
    _write_master(tmp_path / "n", "00_a.ipynb")
    student.make_workspace(tmp_path / "n", tmp_path / "w")
    first = student.fresh_copy("00", tmp_path / "n", tmp_path / "w")
    second = student.fresh_copy("00", tmp_path / "n", tmp_path / "w")
    assert first.name == "00_a (fresh 1).ipynb" and second.name == "00_a (fresh 2).ipynb"


def test_command_line_reports_marker_errors_without_traceback(tmp_path, capsys):
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "00_bad.ipynb").write_text(json.dumps(nb(md("# x"), code(f"{BEGIN}\nx=1\n"))), encoding="utf-8")
    assert student.main(["build", "--src", str(folder), "--dest", str(tmp_path / "b")]) == 2
    assert "never closed" in capsys.readouterr().err


def test_the_glossary_travels_with_the_lessons_and_a_learners_copy_is_kept(tmp_path):
    src_dir, ws, build = tmp_path / "notebooks", tmp_path / "workspace", tmp_path / "build"
    _write_master(src_dir, "00_a.ipynb")
    (src_dir / "glossary.md").write_text("# Glossary\n", encoding="utf-8")
    assert "glossary.md" in [p.name for p in student.make_workspace(src_dir, ws).added]
    assert (ws / "glossary.md").read_text(encoding="utf-8") == "# Glossary\n"
    (ws / "glossary.md").write_text("# Glossary\nmy notes\n", encoding="utf-8")
    (src_dir / "glossary.md").write_text("# Glossary v2\n", encoding="utf-8")
    again = student.make_workspace(src_dir, ws)
    assert "glossary.md" in [p.name for p in again.kept]
    assert (ws / "glossary.md").read_text(encoding="utf-8") == "# Glossary\nmy notes\n"
    student.build_student_versions(src_dir, build)
    assert (build / "glossary.md").read_text(encoding="utf-8") == "# Glossary v2\n"
