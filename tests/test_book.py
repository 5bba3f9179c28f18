"""`make book`: both editions build; the learner book holds no answer; nothing loads from the network; every lesson
is there with its figures, its download, its launch buttons and working glossary links.

The book is built once per session (conftest.py's ``built_book``), under the offline guard: building needs no network.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from alliancelab import book, coursework, exercises
from alliancelab.student import BEGIN, END
from tests.coursework import leaks
from tests.helpers import ROOT, masters

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)
LOCAL_ASSET = re.compile(r"""<(?:script|link|img)\b[^>]*\b(?:src|href)\s*=\s*["']([^"'#?]+)""", re.I)


def _pages(out):
    """The book's pages (not the theme's HTML templates under _static/)."""
    return sorted(p for p in out.rglob("*.html") if "_static" not in p.relative_to(out).parts)


@pytest.mark.parametrize("edition", book.BOOKS)
def test_every_lesson_has_a_page_with_its_figures_and_the_landing_page_links_it(built_book, edition):
    b = built_book[edition]
    index = (b.out / "index.html").read_text(encoding="utf-8")
    assert "syllabus" in index.lower()
    assert b.lessons == [nb.stem for nb in masters()], "the book finds lessons by glob, so every master is in it"
    for nb in masters():
        page = b.out / f"{nb.stem}.html"
        assert page.exists(), nb.stem
        assert f'href="{nb.stem}.html"' in index, f"the landing page does not link {nb.stem}.html"
        declared = json.loads(nb.read_text(encoding="utf-8"))["metadata"]["alliancelab"]["plotly_figures"]
        text = page.read_text(encoding="utf-8")
        assert len(re.findall(r"class=[\"']alliancelab-static-figure[\"']", text)) == declared, nb.stem
        assert "widget-state+json" not in text and "widget-view+json" not in text, nb.stem
        assert "Traceback" not in text, nb.stem
    assert (b.out / "glossary.html").exists() and (b.out / "search.html").exists() and (b.out / "searchindex.js").exists()


@pytest.mark.parametrize("edition", book.BOOKS)
def test_no_page_loads_anything_from_the_network_and_every_local_asset_exists(built_book, edition):
    out = built_book[edition].out
    for page in _pages(out):
        text = page.read_text(encoding="utf-8")
        assert not EXTERNAL.findall(text), f"{page.name} loads {EXTERNAL.findall(text)[:3]}"
        assert "cdn." not in text.lower() and "unpkg" not in text.lower() and "mathjax" not in text.lower(), page.name
        for asset in LOCAL_ASSET.findall(text):
            if asset.startswith(("data:", "mailto:")):
                continue
            assert (page.parent / html.unescape(asset)).exists(), f"{page.name}: missing {asset}"
    assert (out / "_static" / "plotly.min.js").stat().st_size > 1_000_000


def _book_files(out, dest):
    """The book without _static/ (the theme's and plotly's own code, where short numbers occur by chance)."""
    import shutil

    shutil.copytree(out, dest, ignore=lambda folder, names: {"_static"} if Path(folder) == out else set())
    return dest


def _scan(path):
    return leaks.scan(path, ROOT, coursework.assessed_ids(root=ROOT), exercises.all_exercises())


def test_learner_book_holds_no_solution_model_answer_instructor_note_or_assessed_key(built_book, tmp_path):
    """The edition leak test's search (tests/coursework/leaks.py), run over every file of the built learner book:
    pages, search index, downloads and sources.

    An assessed key value that the lesson itself prints when it runs (a table of every year, an explorer's start)
    is no leak of the book's making: a learner sees it in JupyterLab too. Those are listed in
    build/book-leak-report.json under "shown by the lesson when it runs"; any other occurrence fails."""
    out = built_book["learner"].out
    report = _scan(_book_files(out, tmp_path / "book"))
    executed = tmp_path / "executed"
    executed.mkdir()
    for nb in masters():  # the executed learner notebooks the book was made from, outputs and all
        (executed / nb.name).write_text((built_book["learner"].src / nb.name).read_text(encoding="utf-8"), encoding="utf-8")
    by_lesson = {hit.split(" in ")[0] for hit in _scan(executed).leaks["assessed key values"]}
    shown = [hit for hit in report.leaks["assessed key values"] if hit.split(" in ")[0] in by_lesson]
    report.leaks["assessed key values"] = [hit for hit in report.leaks["assessed key values"] if hit not in shown]
    result = report.as_dict() | {"shown by the lesson when it runs": shown}
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "book-leak-report.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    assert report.checked["solution code lines"] > 20 and report.checked["model-answer sentences"] > 20
    assert report.checked["instructor-note sentences"] > 100
    found = {kind: hits for kind, hits in report.leaks.items() if hits}
    assert not found, "the learner book gives answers away:\n" + "\n".join(f"{k}: {h}" for k, hs in found.items() for h in hs[:10])
    for page in _pages(out):
        text = page.read_text(encoding="utf-8")
        assert BEGIN not in text and END not in text, page.name
    assert not (out / "instructors").exists()


def test_the_same_search_finds_solutions_and_model_answers_in_the_instructor_book(built_book, tmp_path):
    report = _scan(_book_files(built_book["instructor"].out, tmp_path / "book"))
    for kind in ("solution code lines", "model-answer sentences", "instructor-note sentences"):
        assert report.leaks[kind], f"the search found no {kind} in the instructor book, where they are"


def test_instructor_book_has_every_instructor_notes_file_as_a_page(built_book):
    out = built_book["instructor"].out
    index = (out / "index.html").read_text(encoding="utf-8")
    for notes in sorted((ROOT / "instructors").glob("*.md")):
        assert (out / "instructors" / f"{notes.stem}.html").exists(), notes.name
        assert f'href="instructors/{notes.stem}.html"' in index, f"the sidebar does not list {notes.name}"


@pytest.mark.parametrize("edition", book.BOOKS)
def test_each_lesson_downloads_as_the_editions_clean_notebook(built_book, edition):
    out = built_book[edition].out
    for nb in masters():
        page = (out / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert f'href="_sources/{nb.stem}.ipynb"' in page, f"{nb.stem}: no download of the notebook"
        download = json.loads((out / "_sources" / f"{nb.stem}.ipynb").read_text(encoding="utf-8"))
        assert all(not c.get("outputs") for c in download["cells"]), f"{nb.stem}: the download should be the clean notebook"
        sources = "\n".join("".join(c["source"]) for c in download["cells"])
        if edition == "learner":
            assert BEGIN not in sources, f"{nb.stem}: the learner download holds a solution"
        else:
            assert download == json.loads(nb.read_text(encoding="utf-8")), f"{nb.stem}: the instructor download is the master"


def test_launch_buttons_for_binder_and_the_hub_come_from_the_one_setting(built_book):
    launch = book.launch_settings(ROOT)
    for edition in book.BOOKS:
        for nb in masters():
            page = (built_book[edition].out / f"{nb.stem}.html").read_text(encoding="utf-8")
            assert html.escape(book.binder_url(launch, f"{nb.stem}.ipynb")) in page, f"{edition} {nb.stem}: Binder button"
            if launch["jupyterhub"]:  # the theme writes the query half-encoded: compare what it means
                hrefs = re.findall(r'href="([^"]*/hub/user-redirect/git-pull\?[^"]*)"', page)
                assert hrefs, f"{edition} {nb.stem}: no hub button"
                want = urlsplit(book.hub_url(launch, f"{nb.stem}.ipynb"))
                got = urlsplit(html.unescape(hrefs[0]))
                assert (got.netloc, got.path) == (want.netloc, want.path)
                assert parse_qs(got.query) == parse_qs(want.query), f"{edition} {nb.stem}: hub button"
    assert launch["branch"] == "learner", "launch buttons open the learner edition, never the masters"


def test_launch_urls_follow_the_setting():
    launch = {"repository": "https://github.com/org/course", "branch": "learner", "binderhub": "https://binder.example.org/",
              "jupyterhub": "https://hub.example.org"}
    assert book.binder_url(launch, "03_x.ipynb") == "https://binder.example.org/v2/gh/org/course/learner?urlpath=lab/tree/03_x.ipynb"
    assert book.hub_url(launch, "03_x.ipynb") == ("https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com"
                                                  "%2Forg%2Fcourse&urlpath=lab%2Ftree%2Fcourse%2F03_x.ipynb&branch=learner")


@pytest.mark.parametrize("edition", book.BOOKS)
def test_every_glossary_link_from_a_lesson_reaches_its_term(built_book, edition):
    out = built_book[edition].out
    glossary = (out / "glossary.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'\bid="([^"]+)"', glossary))
    assert len(anchors) >= 40
    links = 0
    for nb in masters():
        page = (out / f"{nb.stem}.html").read_text(encoding="utf-8")
        for anchor in re.findall(r'href="glossary\.html#([^"]+)"', page):
            assert anchor in anchors, f"{nb.stem} links to missing glossary anchor #{anchor}"
            links += 1
        assert 'href="glossary.md' not in page, nb.stem
    assert links >= 30


def test_explorers_are_shown_as_they_start_with_a_note_on_running_them_live(built_book):
    page = (built_book["learner"].out / "03_trade_asymmetry.html").read_text(encoding="utf-8")
    assert page.count("alliancelab-static-explorer") >= 2
    assert "launch button" in page and "make lab" in page


def test_the_build_leaves_no_static_mode_behind(built_book):
    """Kernels started after the build (the browser tests' JupyterLab) must show live widgets."""
    import os

    from alliancelab import site

    assert site.STATIC_ENV not in os.environ


def test_glossary_and_syllabus_pages_are_made_from_the_course_files():
    text = '<a id="entrapment"></a>\n\n### Entrapment\n'
    assert book.glossary_page(text).startswith("(entrapment)=\n")
    syllabus = ("## 03 Trade (`notebooks/03_trade_asymmetry.ipynb`)\n- **Instructor notes:** `instructors/03_trade_asymmetry.md`.\n"
                "See `notebooks/glossary.md`.\n")
    learner = book.syllabus_page(syllabus, "learner", ["03_trade_asymmetry"], [])
    assert "[`03_trade_asymmetry`](03_trade_asymmetry.ipynb)" in learner and "Instructor notes" not in learner
    assert "[the glossary](glossary.md)" in learner
    instructor = book.syllabus_page(syllabus, "instructor", ["03_trade_asymmetry"], ["03_trade_asymmetry"])
    assert "(instructors/03_trade_asymmetry.md)" in instructor and "instructors/03_trade_asymmetry\n" in instructor
