"""Sphinx configuration of the course book (`make book`; see src/alliancelab/book.py).

alliancelab.book copies this folder into each edition's source folder and writes ``_book.json`` beside it: the
edition, its title and the launch setting (``[tool.alliancelab.launch]`` in pyproject.toml). Sphinx never executes
code here: the notebooks arrive executed, with plotly figures and explorers as static HTML.
"""

import json
from pathlib import Path

BOOK = json.loads((Path(__file__).parent / "_book.json").read_text(encoding="utf-8"))
LAUNCH = BOOK["launch"]

project = "Lips and Teeth: Alliance Politics on the Korean Peninsula"
author = "the Lips and Teeth authors"
copyright = "lesson text and data CC BY 4.0, code MIT"
html_title = BOOK["title"]
language = "en"

extensions = ["myst_nb"]
nb_execution_mode = "off"  # executed by alliancelab.book, with widgets rendered as static HTML
nb_ipywidgets_js = {}  # no widget state is kept, so no widget manager is needed (it would come from a CDN)
nb_merge_streams = True
myst_enable_extensions = []  # no dollar maths: a dollar sign in the lessons is money, and no MathJax is loaded
myst_heading_anchors = 0
exclude_patterns = ["_build", "**.ipynb_checkpoints", "_book.json", "data/**"]  # data/: downloads, not pages
suppress_warnings = ["myst.header"]  # the glossary's letter headings (## A) sit above H3 entries, as in the notebook

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_js_files = ["plotly.min.js", "alliancelab-book.js"]
html_css_files = ["alliancelab-book.css"]
html_sourcelink_suffix = ""  # the download button offers NN.ipynb itself
html_last_updated_fmt = None
html_show_sphinx = False
html_context = {"default_mode": "light"}
html_theme_options = {
    "repository_url": LAUNCH["repository"],
    "repository_branch": LAUNCH["branch"],
    "path_to_docs": "",  # the learner edition keeps its notebooks at the top of its repository
    "launch_buttons": {
        "binderhub_url": LAUNCH["binderhub"],
        "jupyterhub_url": LAUNCH["jupyterhub"],
        "notebook_interface": "jupyterlab",
    },
    "use_download_button": True,
    "use_repository_button": False,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
}


# --------------------------------------------------------------------------- accessibility fix-ups of the theme
# axe-core (tests/browser/test_axe.py) finds two faults in pydata-sphinx-theme 0.20's markup, fixed in the written
# pages: the search buttons' accessible name ("Search") does not contain their visible text ("Search Ctrl+K"),
# and the primary sidebar's title link sits outside any landmark.
A11Y_FIXES = [
    ('class="btn search-button-field search-button__button pst-js-only" title="Search" aria-label="Search"',
     'class="btn search-button-field search-button__button pst-js-only" title="Search" aria-label="Search Ctrl+K"'),
    ('<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">',
     '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar" role="region" aria-label="Book contents and search">'),
]


def _fix_pages(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        if "_static" in page.relative_to(app.outdir).parts:
            continue
        text = page.read_text(encoding="utf-8")
        fixed = text
        for old, new in A11Y_FIXES:
            fixed = fixed.replace(old, new)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def setup(app):
    app.connect("build-finished", _fix_pages)
