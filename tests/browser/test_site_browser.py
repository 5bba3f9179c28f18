"""The static site in a real browser, opened from disk with no server: every figure draws, nothing is fetched."""

from __future__ import annotations

import json

import pytest

from tests.helpers import masters

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("nb", masters(), ids=lambda p: p.stem)
def test_static_page_draws_every_figure_offline(built_site, page, nb):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((built_site / f"{nb.stem}.html").as_uri())
    declared = json.loads(nb.read_text(encoding="utf-8"))["metadata"]["alliancelab"]["plotly_figures"]
    if declared:
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot').length >= {declared}", timeout=30_000)
    assert page.locator(".js-plotly-plot").count() == declared
    assert [u for u in requests if not u.startswith(("file://", "data:", "blob:"))] == []
    page.get_by_role("link", name="← Course index").click()
    page.wait_for_url("**/index.html")
