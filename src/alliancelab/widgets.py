"""Explorers: each is a function that returns a widget.

The computation behind each explorer is a pure function that the unit tests
call directly. Every explorer declares a *contract* in :data:`CONTRACTS`: its
controls and what a change must do. The browser tests drive each control as a
person would and check the contract; ``make bench`` times the callbacks.

The contract types, the registry and the helpers ``walk``/``find_control`` live in
:mod:`alliancelab.contracts` (which imports nothing from the course) and are
re-exported here. The explorer modules import them from there, never from this
module, so importing them below closes no import circle.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from . import contracts, data, treaties
from .contracts import CONTRACTS, Contract, Control, find_control, walk

__all__ = ["article_html", "article_viewer", "CONTRACTS", "Control", "Contract", "walk", "find_control"]


# --------------------------------------------------------------------------- article viewer (lesson 00)


def article_html(articles: pd.DataFrame, treaty_id: str, article: str) -> str:
    """HTML for one article of one treaty: heading, verbatim text (all versions held), status and source.

    Missing text is shown as missing, never paraphrased.
    """
    rows = articles[(articles["treaty_id"] == treaty_id) & (articles["article"] == article)].sort_values("version_rank")
    if rows.empty:
        return f"<p class='alliancelab-article'>No article {html.escape(str(article))} in {html.escape(str(treaty_id))}.</p>"
    parts = [f"<div class='alliancelab-article'><p class='alliancelab-article-title' style='font-weight:bold;font-size:110%;margin:.3em 0'>{html.escape(treaties.article_label(article))}</p>"]
    for _, row in rows.iterrows():
        status = str(row["status"])
        who = html.escape(str(row["translation_note"] or ""))
        if status == "missing":
            body = "<p><em>[Text missing: not found in any stored source.]</em></p>"
        else:
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in str(row["text"]).split("\n\n"))
            body = f"<blockquote lang='{html.escape(str(row['language'] or 'en'))}'>{paras}</blockquote>"
            if status == "partial":
                body += "<p><em>[Only part of this article is held; […] marks where the source breaks off.]</em></p>"
        note = f" {html.escape(str(row['note']))}" if isinstance(row["note"], str) and row["note"] else ""
        parts.append(f"{body}<p style='font-size:90%;color:#444'>Wording: {who}. Status: {status}.{note} "
                     f"Source: <code>{html.escape(str(row['source']))}</code></p>")
    parts.append("</div>")
    return "".join(parts)


ARTICLE_VIEWER = contracts.register(
    Contract(
        explorer="article_viewer",
        css_class="alliancelab-article-viewer",
        controls=(Control(label="Article", kind="dropdown", set_to="Article II", expect_text="shall immediately render military"),),
        notebooks=("00_start_here",),
    )
)


def article_viewer(treaty_id: str = "prc_dprk_1961") -> widgets.VBox:
    """A dropdown of a treaty's articles and the verbatim text of the one picked."""
    articles = data.load_articles()
    rows = treaties.articles_of(treaty_id, articles)
    options = [(treaties.article_label(a), a) for a in rows["article"]]
    dropdown = widgets.Dropdown(options=options, value=options[1][1] if len(options) > 1 else options[0][1], description="Article")
    out = widgets.HTML(article_html(articles, treaty_id, dropdown.value))

    def on_change(change: dict) -> None:
        if change.get("new") is None:
            out.value = "<p>Pick an article from the list.</p>"
            return
        out.value = article_html(articles, treaty_id, change["new"])

    dropdown.observe(on_change, names="value")
    box = widgets.VBox([dropdown, out])
    box.add_class(ARTICLE_VIEWER.css_class)
    return box


# --------------------------------------------------------------------------- lessons 01-04
# Each lesson's explorers live in alliancelab.explorers.lessonNN and register their contracts in
# alliancelab.contracts.CONTRACTS (the same dict as CONTRACTS here).
from .explorers.lesson01 import *  # noqa: E402,F403
from .explorers.lesson02 import *  # noqa: E402,F403
from .explorers.lesson03 import *  # noqa: E402,F403
from .explorers.lesson04 import *  # noqa: E402,F403
from .explorers.lesson05 import *  # noqa: E402,F403
