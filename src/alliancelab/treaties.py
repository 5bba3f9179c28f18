"""Treaty texts: look-up helpers over data/treaties/ (comparison and search come with lesson 02)."""

from __future__ import annotations

import pandas as pd

from . import data

__all__ = ["articles_of", "article_label", "preferred_versions"]


def preferred_versions(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: the version ranked first."""
    ordered = articles.sort_values(["treaty_id", "article_order", "version_rank"])
    return ordered.drop_duplicates(["treaty_id", "article"], keep="first")


def articles_of(treaty_id: str, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The articles of one treaty, in order, preferred version only."""
    if articles is None:
        articles = data.load_articles()
    rows = preferred_versions(articles[articles["treaty_id"] == treaty_id])
    if rows.empty:
        known = ", ".join(sorted(articles["treaty_id"].astype(str).unique()))
        raise KeyError(f"No treaty {treaty_id!r}. Known treaties: {known}.")
    return rows.reset_index(drop=True)


def article_label(article: str) -> str:
    """'II' -> 'Article II', 'preamble' -> 'Preamble', 'final' -> 'Final clauses and signatures'."""
    if article == "preamble":
        return "Preamble"
    if article == "final":
        return "Final clauses and signatures"
    return f"Article {article}"
