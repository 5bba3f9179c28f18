"""Every notebook, master and student version, run in a real JupyterLab; every explorer control driven."""

from __future__ import annotations

import json

import pytest

import alliancelab.widgets  # noqa: F401  (importing the explorers fills the contract registry)
from alliancelab.contracts import CONTRACTS
from tests.browser import jlab
from tests.browser.conftest import SCREENSHOTS
from tests.helpers import masters

pytestmark = pytest.mark.browser

NAMES = [m.name for m in masters()]


def declared_figures(name: str) -> int:
    meta = json.loads(next(m for m in masters() if m.name == name).read_text(encoding="utf-8"))["metadata"]
    return int(meta["alliancelab"]["plotly_figures"])


def test_server_runs_with_course_settings(lab):
    settings = lab.api("/lab/api/settings/@jupyterlab/apputils-extension:notification")["schema"]["properties"]
    assert settings["fetchNews"]["default"] == "false" and settings["checkForUpdates"]["default"] is False
    widgets = lab.api("/lab/api/settings/@jupyter-widgets/jupyterlab-manager:plugin")["schema"]["properties"]
    assert widgets["saveState"]["default"] is False
    assert lab.api("/lab/api/news") == {"news": []}


@pytest.mark.parametrize("version", ["masters", "student"])
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_in_lab(lab, page, timings, version, name):
    stem = f"{version}-{name.removesuffix('.ipynb')}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        jlab.open_notebook(page, lab.notebook_url(f"{version}/{name}"))
        kernel = jlab.settle_kernel(page, lab, f"{version}/{name}")
        jlab.run_all(page)
        assert lab.kernels_of(f"{version}/{name}") == [kernel], f"{version}/{name}: the kernel was replaced during the run"
        errors = jlab.error_outputs(page)
        assert errors == [], f"{version}/{name} shows errors:\n" + "\n---\n".join(e[:800] for e in errors)
        assert jlab.plotly_count(page) == declared_figures(name), f"{version}/{name}: plotly figures rendered vs declared"
        if version == "masters":
            assert page.locator(".alliancelab-feedback[data-status='correct']").count() >= 1
        else:
            assert page.locator(".alliancelab-feedback[data-status='unanswered']").count() >= 1
        for contract in CONTRACTS.values():
            if name.removesuffix(".ipynb") in contract.notebooks:
                ms = jlab.drive(page, contract)
                for label, value in ms.items():
                    timings.setdefault(f"{name.removesuffix('.ipynb')}:{contract.explorer}:{label}", []).append(value)
    except BaseException:
        # Keep what a person would need to see the failure: the page, and JupyterLab's console log.
        page.screenshot(path=str(SCREENSHOTS / f"FAILED-{stem}.png"), full_page=True)
        (SCREENSHOTS / f"FAILED-{stem}.console.txt").write_text("\n".join(page.console_lines), encoding="utf-8")
        raise
    page.screenshot(path=str(SCREENSHOTS / f"{stem}.png"), full_page=True)


def test_every_explorer_is_driven_somewhere():
    assert CONTRACTS, "no explorer contracts registered"
    for contract in CONTRACTS.values():
        assert contract.notebooks, f"{contract.explorer} is in no notebook"
        assert set(contract.notebooks) <= {n.removesuffix(".ipynb") for n in NAMES}
        assert contract.controls, f"{contract.explorer} declares no controls"


def test_a_glossary_link_opens_the_glossary_rendered(lab, page):
    """A learner clicks a term's glossary link in a lesson: the glossary opens in JupyterLab as a rendered page.

    (Whether JupyterLab also scrolls to the term's anchor is not checked.)"""
    jlab.open_notebook(page, lab.notebook_url("student/01_alliance_theory.ipynb"))
    link = page.locator(".jp-RenderedMarkdown a[href*='glossary.md'][href$='#entrapment']").first
    link.wait_for(timeout=30_000)
    link.scroll_into_view_if_needed()
    link.click()
    tab = page.locator(".lm-TabBar-tab", has_text="glossary.md")
    tab.wait_for(timeout=30_000)
    preview = page.locator(".jp-MarkdownViewer .jp-RenderedMarkdown")
    preview.get_by_role("heading", name="Entrapment", exact=True).wait_for(timeout=30_000)
    assert preview.get_by_role("heading", name="Glossary", exact=True).count() == 1
