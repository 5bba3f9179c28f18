"""The three editions (alliancelab.student.EDITIONS): what each holds, check() and reveal() in them, the learner
edition's notebooks under nbval with its own package, and the git repository nbgitpuller pulls."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

from alliancelab import coursework, student
from alliancelab.student import EDITIONS, build_edition, masters, student_text
from tests.helpers import ROOT


def test_the_edition_table_says_what_each_holds():
    learner, self_study, instructor = EDITIONS["learner"], EDITIONS["self-study"], EDITIONS["instructor"]
    assert (learner.notebooks, learner.model_answers, learner.assessed_keys, learner.instructor_notes, learner.grader) == (
        "student", "none", False, False, False)
    assert (self_study.notebooks, self_study.model_answers, self_study.assessed_keys, self_study.instructor_notes) == (
        "student", "reveal", True, False)
    assert (instructor.notebooks, instructor.model_answers, instructor.assessed_keys, instructor.instructor_notes, instructor.grader) == (
        "master", "inline", True, True, True)


def test_learner_edition_files(editions):
    root = editions["learner"]
    for master in masters(ROOT / "notebooks"):
        assert (root / master.name).read_text(encoding="utf-8") == student_text(master.read_text(encoding="utf-8"), master.name)
    for present in ("glossary.md", "README.md", "pyproject.toml", "environment.yml", "Makefile", ".gitignore",
                    "data/datapackage.json", "jupyter/jupyter_server_config.py", "src/alliancelab/keys/lesson03.py"):
        assert (root / present).exists(), present
    for absent in ("instructors", "notebooks", "lessons.md", "lessons_src", "tests", "src/alliancelab/grade.py",
                   "src/alliancelab/kernel_guard", "src/alliancelab/model_answers.json", "research"):
        assert not (root / absent).exists(), absent
    assert json.loads((root / "src/alliancelab/edition.json").read_text()) == {
        "edition": "learner", "assessed": sorted(coursework.assessed_ids(root=ROOT), key=lambda i: tuple(map(int, i.split("."))))}
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "learner edition" in readme and "3.7" in readme
    assert "[project.optional-dependencies]" not in (root / "pyproject.toml").read_text()


def test_instructor_edition_has_everything(editions):
    root = editions["instructor"]
    for master in masters(ROOT / "notebooks"):
        assert (root / master.name).read_bytes() == json.dumps(json.loads(master.read_text(encoding="utf-8")), sort_keys=True,
                                                               indent=1, ensure_ascii=False).encode() + b"\n"
    for present in ("instructors/assessed.json", "instructors/03_trade_asymmetry.md", "lessons.md", "src/alliancelab/grade.py",
                    "src/alliancelab/kernel_guard/sitecustomize.py", "src/alliancelab/model_answers.json"):
        assert (root / present).exists(), present


def _run(edition_root, code: str, strict: bool = False) -> str:
    env = dict(os.environ, PYTHONPATH=str(edition_root / "src"), ALLIANCELAB_STRICT="1" if strict else "0")
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, cwd=edition_root)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _items():
    """An assessed number item and a formative choice item of lesson 03, with their keys (from the master registry)."""
    from alliancelab import exercises

    assessed = coursework.assessed_ids("03", ROOT)
    number = next(e for e in assessed if exercises.get_exercise(e).kind == "number")
    choice = next(e for e, ex in exercises.all_exercises().items()
                  if e.startswith("3.") and e not in assessed and ex.kind == "choice")
    ex_n, ex_c = exercises.get_exercise(number), exercises.get_exercise(choice)
    wrong_letter = next(c for c in ex_c.choices if c != ex_c.key())
    return number, float(ex_n.key()), ex_n, choice, ex_c.key(), wrong_letter


def test_check_in_the_learner_edition(editions):
    number, key, ex_n, choice, letter, wrong_letter = _items()
    out = _run(editions["learner"], f"""
        import alliancelab.exercises as e
        for args in [({number!r}, {key!r}), ({number!r}, {key + 1000!r}), ({number!r}, "12.5"), ({number!r}, ...),
                     ({choice!r}, "Z"), ({choice!r}, {letter!r}), ({choice!r}, {wrong_letter!r})]:
            r = e.grade(*args)
            print("R:", args[0], r.status, "|", r.message)
        print("R: strict", e.check({number!r}, 1.0).status)
    """, strict=True)
    lines = [line[3:] for line in out.splitlines() if line.startswith("R: ")]
    assert lines[0].startswith(f"{number} assessed") and lines[1].startswith(f"{number} assessed"), "right and wrong look the same"
    assert lines[0].split("|")[1] == lines[1].split("|")[1] and "marked by your instructor" in lines[0]
    assert lines[2].startswith(f"{number} invalid") and "without quotes" in lines[2], "the format is still checked"
    assert lines[3].startswith(f"{number} unanswered")
    assert lines[4].startswith(f"{choice} invalid")
    assert lines[5].startswith(f"{choice} correct") and lines[6].startswith(f"{choice} wrong"), "formative items keep their feedback"
    assert lines[-1] == "strict assessed", "strict mode never raises on an assessed item"
    assert ex_n.explanation not in out and ex_n.hints[0] not in out


def test_reveal_in_the_self_study_edition(editions):
    number, key, *_ = _items()
    out = _run(editions["self-study"], f"NUMBER, KEY = {number!r}, {key!r}\n" + textwrap.dedent("""
        from alliancelab.selfstudy import reveal
        from alliancelab.exercises import grade
        print("R:", reveal("3.A", '''  ''').status)
        print("R:", reveal("3.A", ...).status)
        print("R:", reveal("3.A", 42).status)
        r = reveal("3.A", "Customs and KOTRA count different things.")
        print("R:", r.status, bool(r), "crude oil" in r.model_answer)
        print("R:", reveal("9.Z", "x").status)
        print("R:", grade(NUMBER, KEY).status)
    """))
    results = [line[3:] for line in out.splitlines() if line.startswith("R: ")]
    assert results == ["write-first", "write-first", "invalid", "revealed True True", "invalid", "correct"]


def test_learner_edition_reveal_says_there_are_no_model_answers(editions):
    out = _run(editions["learner"], """
        from alliancelab.selfstudy import reveal
        print(reveal("3.A", "my answer").status)
    """)
    assert "not-in-edition" in out


def test_self_study_notebooks_replace_each_model_answer_with_a_reveal_cell(editions):
    root = editions["self-study"]
    answers = json.loads((root / "src/alliancelab/model_answers.json").read_text(encoding="utf-8"))
    seen = []
    for master in masters(ROOT / "notebooks"):
        nb = json.loads((root / master.name).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            assert "solution" not in cell.get("metadata", {}).get("tags", [])
            if student.REVEAL_TAG in cell.get("metadata", {}).get("tags", []):
                pid = cell["metadata"]["alliancelab"]["prompt"]
                assert f'reveal("{pid}", answer_{pid.replace(".", "_")})' in "".join(cell["source"])
                seen.append(pid)
    assert seen and sorted(seen) == sorted(answers)
    assert all(answers[p]["model_answer"].startswith("**Model answer") for p in answers)


def test_withhold_keys_replaces_the_item_and_drops_its_private_helpers():
    source = textwrap.dedent('''
        """Keys."""
        from ..registry import Exercise, register

        def _secret():
            return 42.125

        def _shared():
            return 1

        def _kept():
            return _shared()

        register(
            Exercise(id="9.1", kind="number", answer=_secret, tolerance=0.5, unit="km", explanation="It is 42.125.", hints=["Try 42."]),
            Exercise(id="9.2", kind="number", answer=_kept, explanation="One.", hints=["h"]),
        )
    ''')
    out, found = coursework.withhold_keys(source, {"9.1"})
    assert found == {"9.1"}
    assert "42" not in out and "_secret" not in out and "_kept" in out and "_shared" in out
    assert "_Withheld(id='9.1', kind='number', unit='km', tolerance=0.5, answer=_MARKED" in out
    compile(out, "keys", "exec")


def test_an_assessed_id_without_a_key_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(coursework, "assessed_ids", lambda lesson=None, root=None: ["3.99"])
    with pytest.raises(ValueError, match="3.99"):
        build_edition("learner", ROOT, tmp_path / "learner")


def test_rebuild_keeps_git_history_and_commits_only_changes(tmp_path):
    dest = tmp_path / "learner"
    build_edition("learner", ROOT, dest, git=True)
    log = lambda: subprocess.run(["git", "-C", str(dest), "log", "--format=%H"], capture_output=True, text=True, check=True).stdout.split()  # noqa: E731
    first = log()
    branch = subprocess.run(["git", "-C", str(dest), "branch", "--show-current"], capture_output=True, text=True, check=True).stdout.strip()
    assert len(first) == 1 and branch == "learner"
    build_edition("learner", ROOT, dest, git=True)
    assert log() == first, "an unchanged rebuild makes no commit"
    assert not subprocess.run(["git", "-C", str(dest), "status", "--porcelain"], capture_output=True, text=True).stdout.strip()


def test_build_refuses_to_empty_a_folder_that_is_not_an_edition(tmp_path):
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(SystemExit, match="not an edition"):
        build_edition("learner", ROOT, tmp_path)
    assert (tmp_path / "precious.txt").exists()


def test_makefile_has_the_learner_target():
    text = (ROOT / "Makefile").read_text()
    assert "\nlearner:" in text and "\neditions:" in text and "\nhub-proxy:" in text
    cli = (ROOT / "src" / "alliancelab" / "cli.py").read_text()
    assert '"alliancelab.student", "edition", "learner"' in cli and '"--git"' in cli


def test_learner_notebooks_run_clean_under_nbval_with_the_learner_package(editions, tmp_path):
    """nbval, in strict mode, over the learner edition's own notebooks, importing the learner edition's package."""
    root = editions["learner"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "tests" / "offline"), str(root / "src")]),
               ALLIANCELAB_STRICT="1", ALLIANCELAB_DATA=str(root / "data"))
    notebooks = [str(root / m.name) for m in masters(ROOT / "notebooks")]
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env",
                           f"--rootdir={root}", "-c", os.devnull, *notebooks], capture_output=True, text=True, env=env, cwd=root, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:]
    assert " passed" in proc.stdout


def test_coursework_guide_names_the_config_the_command_and_each_status():
    text = (ROOT / "instructors" / "coursework.md").read_text(encoding="utf-8")
    assert "instructors/assessed.json" in text
    assert "python -m alliancelab.grade --lesson 03 --submissions" in text
    for status in ("not a notebook", "invalid JSON", "wrong lesson", "answer cells deleted or renamed", "answer missing",
                   "errors in cells", "blocked by the grader's guard", "timeout", "kernel died", "output too large"):
        assert f"`{status}" in text, status
    example = json.loads("{" + re.search(r'"assessed": \{"00".*?"03": \[[^\]]*\]', text).group(0) + "}}")
    for lesson, ids in example["assessed"].items():
        assert ids == coursework.load_config(ROOT)["assessed"][lesson], f"coursework.md shows lesson {lesson}'s items as {ids}"
