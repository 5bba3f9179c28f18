"""`make html`: the static site builds, every page links back to the index, and nothing loads from the network."""

from __future__ import annotations

import json
import re

from tests.helpers import masters

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def test_every_lesson_has_a_page_and_the_index_links_to_it(built_site):
    index = (built_site / "index.html").read_text(encoding="utf-8")
    for nb in masters():
        assert (built_site / f"{nb.stem}.html").exists(), nb.stem
        assert f'href="{nb.stem}.html"' in index, f"index does not link {nb.stem}.html"


def test_every_page_links_back_to_the_index(built_site):
    for page in built_site.glob("[0-9][0-9]_*.html"):
        assert '<a href="index.html">' in page.read_text(encoding="utf-8"), page.name


def test_nothing_loads_from_the_network(built_site):
    for page in built_site.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not EXTERNAL.findall(text), f"{page.name} loads {EXTERNAL.findall(text)[:3]}"
        for asset in re.findall(r"""(?:src|href)="(assets/[^"]+)\"""", text):
            assert (built_site / asset).exists(), f"{page.name}: missing {asset}"


def test_every_figure_is_on_the_page_and_no_widget_state_is_embedded(built_site):
    for nb in masters():
        declared = json.loads(nb.read_text(encoding="utf-8"))["metadata"]["alliancelab"]["plotly_figures"]
        text = (built_site / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert len(re.findall(r"class=[\"']alliancelab-static-figure[\"']", text)) == declared, nb.stem
        assert "widget-state+json" not in text and "widget-view+json" not in text, nb.stem
        assert "Traceback" not in text, nb.stem


def test_the_glossary_page_exists_and_lesson_links_reach_its_anchors(built_site):
    glossary = (built_site / "glossary.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"', glossary))
    assert len(anchors) >= 40
    assert 'href="glossary.html"' in (built_site / "index.html").read_text(encoding="utf-8")
    links = 0
    for page in built_site.glob("[0-9][0-9]_*.html"):
        for anchor in re.findall(r'href="glossary\.html#([^"]+)"', page.read_text(encoding="utf-8")):
            assert anchor in anchors, f"{page.name} links to missing glossary anchor #{anchor}"
            links += 1
        assert "glossary.md" not in page.read_text(encoding="utf-8"), page.name
    assert links >= 30


def test_the_build_leaves_no_static_mode_behind(built_site):
    """Kernels started after the build (the browser tests' JupyterLab) must show live widgets."""
    import os

    from alliancelab import site

    assert site.STATIC_ENV not in os.environ
