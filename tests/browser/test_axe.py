"""axe-core accessibility scan of every page of both books (`make book`), in Chromium, from disk.

The axe script is vendored in tests/vendor/ (MPL-2.0), so the scan needs no network.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "vendor" / "axe-4.14.1.min.js"
REPORT = ROOT / "build" / "axe-report.json"


def _pages(out):
    return sorted(p for p in out.rglob("*.html") if "_static" not in p.relative_to(out).parts)


@pytest.fixture(scope="module")
def axe_results(built_book, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    results = {}
    try:
        for edition, b in built_book.items():
            for path in _pages(b.out):
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
                page.add_script_tag(path=str(AXE))
                raw = page.evaluate("""async () => {
                    const r = await axe.run(document, {resultTypes: ['violations']});
                    return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.length, example: v.nodes[0] && v.nodes[0].target.join(' ')}));
                }""")
                results[f"{edition}/{path.relative_to(b.out)}"] = raw
    finally:
        context.close()
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return results


def test_axe_finds_no_violations_on_any_page(axe_results):
    assert len(axe_results) >= 2 * 8  # lessons, landing page, glossary, search, index of each book
    found = {page: [f"{v['id']} ({v['impact']}, {v['nodes']} nodes, e.g. {v['example']}): {v['help']}" for v in vs]
             for page, vs in axe_results.items() if vs}
    assert found == {}, json.dumps(found, indent=1)
