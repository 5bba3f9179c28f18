"""The book (`make book`) in a real browser, opened from disk with no server: every page of both editions draws its
figures and fetches nothing from outside; search finds a term; previous/next and a glossary link lead where they say.
"""

from __future__ import annotations

import json
import re

import pytest

from alliancelab import book
from tests.helpers import masters

pytestmark = pytest.mark.browser
LOCAL = ("file://", "data:", "blob:", "about:")


def _pages(out):
    return sorted(p for p in out.rglob("*.html") if "_static" not in p.relative_to(out).parts)


def _declared() -> dict[str, int]:
    return {nb.stem: json.loads(nb.read_text(encoding="utf-8"))["metadata"]["alliancelab"]["plotly_figures"] for nb in masters()}


@pytest.fixture
def watched(page):
    """The page, with every request and every script error it makes recorded."""
    page.requests, page.errors = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


@pytest.mark.parametrize("edition", book.BOOKS)
def test_every_page_opens_from_disk_draws_every_figure_and_fetches_nothing_outside(built_book, watched, edition):
    out, declared, drawn = built_book[edition].out, _declared(), {}
    pages = _pages(out)
    assert len(pages) >= len(declared) + 3  # lessons, landing page, glossary, search (and notes in the instructor book)
    for path in pages:
        watched.goto(path.as_uri())
        watched.wait_for_load_state("load")
        if path.parent == out and path.stem in declared:
            want = declared[path.stem]
            if want:  # drawn = plotly made its SVG inside the placeholder
                watched.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {want}", timeout=30_000)
            drawn[path.stem] = watched.locator(".alliancelab-static-figure.js-plotly-plot").count()
    assert drawn == declared, "figures drawn per lesson page differ from each notebook's declared count"
    outside = [u for u in watched.requests if not u.startswith(LOCAL)]
    assert outside == [], f"requests that left the disk: {outside[:5]}"
    assert watched.errors == [], watched.errors[:3]


def test_search_finds_a_term_from_disk(built_book, watched):
    out = built_book["learner"].out
    watched.goto((out / "index.html").as_uri())
    watched.locator("button.search-button-field").first.click()
    field = watched.locator("input[type=search]:visible").first
    field.fill("entrapment")
    field.press("Enter")
    watched.wait_for_url(re.compile(r"search\.html\?q=entrapment"))
    watched.wait_for_selector("#search-results ul.search li a", timeout=30_000)
    hits = watched.locator("#search-results ul.search li a").all_inner_texts()
    assert any("Glossary" in h for h in hits), hits
    assert any("Alliance theory" in h for h in hits), hits
    assert [u for u in watched.requests if not u.startswith(LOCAL)] == []


def test_previous_and_next_follow_the_lesson_order(built_book, watched):
    out = built_book["learner"].out
    stems = [nb.stem for nb in masters()]
    watched.goto((out / f"{stems[0]}.html").as_uri())
    watched.locator("a.right-next").click()
    watched.wait_for_url(f"**/{stems[1]}.html")
    watched.locator("a.left-prev").click()
    watched.wait_for_url(f"**/{stems[0]}.html")
    watched.locator("a.left-prev").click()
    watched.wait_for_url("**/index.html")


def test_a_glossary_link_in_a_lesson_opens_its_term(built_book, watched):
    out = built_book["learner"].out
    watched.goto((out / "03_trade_asymmetry.html").as_uri())
    link = watched.locator("article a[href^='glossary.html#']").first
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    watched.wait_for_url(f"**/glossary.html#{anchor}")
    target = watched.locator(f"[id='{anchor}']")
    assert target.count() == 1
    assert target.first.is_visible() or watched.locator(f"[id='{anchor}'] ~ *, [id='{anchor}'] *").first.is_visible()
    assert [u for u in watched.requests if not u.startswith(LOCAL)] == []
