"""Treaty texts: look-up, term comparison, clause comparison, search and a commitment index (lesson 02).

Everything here is pure computation (no widgets): the explorers in ``explorers/lesson02.py`` and lesson 04 call it.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from . import data

__all__ = [
    "DIMENSIONS",
    "PROVISION_VOCAB",
    "STOP_WORDS",
    "article_label",
    "articles_of",
    "preferred_versions",
    "CODE_POINTS",
    "DIMENSION_LABELS",
    "INDEX_DIMENSIONS",
    "ASSISTANCE_DIMENSIONS",
    "WORDING_CUES",
    "clause_comparison_html",
    "clause_table",
    "commitment_index",
    "highlight",
    "lead_survives",
    "points_matrix",
    "rank_robustness",
    "search_html",
    "search_texts",
    "side_by_side_html",
    "term_diff",
    "terms",
    "wording_codes",
]

#: Provision dimensions of data/treaties/provisions.csv, in teaching order.
DIMENSIONS: tuple[str, ...] = (
    "defence_obligation",
    "trigger",
    "immediacy",
    "means",
    "qualifiers",
    "consultation",
    "no_alliance_clause",
    "aid",
    "duration_termination",
    "ratification",
)

#: Controlled vocabulary of provisions.csv's `code` column, per dimension (documented in data/README.md).
#: The "none"/"no" value is used with status not_present; text_missing rows leave `code` empty.
PROVISION_VOCAB: dict[str, tuple[str, ...]] = {
    "defence_obligation": ("yes", "no"),
    "trigger": ("armed_attack_war", "armed_attack", "threat", "none"),
    "immediacy": ("immediately", "without_delay", "none"),
    "means": ("all_means", "unspecified"),
    "qualifiers": ("none", "constitutional_processes", "un_charter_art51_and_laws"),
    "consultation": ("crisis", "general", "none"),
    "no_alliance_clause": ("yes", "no"),
    "aid": ("economic_technical", "economic_general", "none"),
    "duration_termination": ("until_mutual_agreement", "fixed_term_renewable", "indefinite", "none"),
    "ratification": ("required", "none"),
}

#: Function words left out of term comparisons. Deliberately small and stated, so a learner can see what is dropped:
#: articles, conjunctions, common prepositions, pronouns, forms of "to be"/"to have", and a few treaty fillers
#: ("shall", "not" and "no" are kept: they carry obligations and prohibitions).
STOP_WORDS: frozenset[str] = frozenset(
    """
    a an the and or nor but if then than so as
    of to in on at by for from with into onto upon within without between among about against under over
    this that these those such same other each any all both either neither
    it its itself they them their theirs he him his she her we us our you your i me my
    be is are was were been being am have has had having do does did
    which who whom whose what where when while there here
    also only very
    """.split()
)

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def _term(token: str) -> str:
    """Normalise one token: lower case, curly apostrophe -> straight, trailing possessive 's dropped."""
    t = token.lower().replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    return t


def _is_content(term: str) -> bool:
    return bool(term) and term not in STOP_WORDS


def terms(text: str) -> set[str]:
    """The content-word terms of a text.

    Rules: words are runs of letters/digits (hyphens and apostrophes inside a word are kept, so "co-operation"
    is one term); lower-cased; curly apostrophes straightened; a trailing possessive "'s" dropped ("People's" ->
    "people"); words in :data:`STOP_WORDS` removed. Non-text input (None, NaN) gives an empty set.
    """
    if not isinstance(text, str):
        return set()
    return {t for t in (_term(m.group()) for m in _WORD.finditer(text)) if _is_content(t)}


def term_diff(text_a: str, text_b: str) -> dict[str, list[str]]:
    """Compare two texts by content-word terms (see :func:`terms`).

    Returns ``{"shared": [...], "only_a": [...], "only_b": [...]}``, each list sorted alphabetically.
    """
    a, b = terms(text_a), terms(text_b)
    return {"shared": sorted(a & b), "only_a": sorted(a - b), "only_b": sorted(b - a)}


SHARED_CLASS = "alliancelab-shared"
NEW_CLASS = "alliancelab-new"
# Inline styles as well as classes, so the marking survives wherever the HTML is shown (widget, static output,
# exported page). Shared = underlined + bold on no background; one side only = highlighted + italic.
_SHARED_STYLE = "background:none;color:inherit;text-decoration:underline;font-weight:bold"
_NEW_STYLE = "background:#ffe08a;color:#000;font-style:italic"


def _marked(text: str, shared: set[str]) -> str:
    if not isinstance(text, str) or not text.strip():
        return "<em>(no text)</em>"
    out, pos = [], 0
    for m in _WORD.finditer(text):
        out.append(html.escape(text[pos : m.start()]))
        word, term = m.group(), _term(m.group())
        if not _is_content(term):
            out.append(html.escape(word))
        elif term in shared:
            out.append(f"<mark class='{SHARED_CLASS}' style='{_SHARED_STYLE}'>{html.escape(word)}</mark>")
        else:
            out.append(f"<mark class='{NEW_CLASS}' style='{_NEW_STYLE}'>{html.escape(word)}</mark>")
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def side_by_side_html(left_label: str, left_text: str, right_label: str, right_text: str) -> str:
    """Two texts in two columns, terms marked: shared terms underlined + bold, one-side-only terms highlighted +
    italic (class ``alliancelab-shared`` / ``alliancelab-new``). A legend names both in words, so the marking does
    not rely on colour. Labels and texts are HTML-escaped."""
    shared = terms(left_text) & terms(right_text)
    n_left, n_right = len(terms(left_text) - shared), len(terms(right_text) - shared)

    def column(label: str, text: str, n_new: int) -> str:
        return (
            "<div class='alliancelab-sbs-col' style='flex:1 1 18em;min-width:0'>"
            f"<div style='font-weight:bold;margin-bottom:0.3em'>{html.escape(str(label))}</div>"
            f"<div style='white-space:pre-wrap;line-height:1.5'>{_marked(text, shared)}</div>"
            f"<div style='font-size:90%;margin-top:0.3em'>{n_new} term(s) only on this side</div>"
            "</div>"
        )

    legend = (
        "<div class='alliancelab-sbs-legend' style='margin-bottom:0.5em'>Legend: "
        f"<mark class='{SHARED_CLASS}' style='{_SHARED_STYLE}'>underlined bold</mark> = term in both texts "
        f"({len(shared)} shared); "
        f"<mark class='{NEW_CLASS}' style='{_NEW_STYLE}'>highlighted italic</mark> = term in this text only. "
        "Common function words (the, of, and …) are not marked.</div>"
    )
    return (
        "<div class='alliancelab-sbs'>"
        + legend
        + "<div style='display:flex;flex-wrap:wrap;gap:1.5em'>"
        + column(left_label, left_text, n_left)
        + column(right_label, right_text, n_right)
        + "</div></div>"
    )


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


# --------------------------------------------------------------------------- lesson 02: clause comparison

DIMENSION_LABELS: dict[str, str] = {
    "defence_obligation": "Defence obligation",
    "trigger": "Trigger",
    "immediacy": "Immediacy",
    "means": "Means",
    "qualifiers": "Qualifiers",
    "consultation": "Consultation",
    "no_alliance_clause": "No-alliance clause",
    "aid": "Economic and technical aid",
    "duration_termination": "Duration and termination",
    "ratification": "Ratification",
}

_STATUS_WORDS = {
    "coded": "coded from the text",
    "not_present": "no such clause in the full text",
    "text_missing": "text missing in our sources: not coded",
}


def _treaty_order(treaties_df: pd.DataFrame) -> list[str]:
    return list(treaties_df.sort_values("signed_date")["treaty_id"])


def clause_table(dimension: str, provisions: pd.DataFrame, articles: pd.DataFrame, treaties_df: pd.DataFrame) -> pd.DataFrame:
    """One row per treaty (in order of signing) for one provision dimension: code, status, article, excerpt, the
    full text of the article version quoted, whose wording it is, and the coder's note."""
    if dimension not in DIMENSIONS:
        raise KeyError(f"No dimension {dimension!r}. Known: {', '.join(DIMENSIONS)}.")
    prov = provisions[provisions["dimension"] == dimension].set_index("treaty_id")
    names = treaties_df.set_index("treaty_id")["short_name"]
    art = articles.set_index(["treaty_id", "article", "version"])
    rows = []
    for tid in _treaty_order(treaties_df):
        if tid not in prov.index:
            continue
        p = prov.loc[tid]
        article, version = p["article"], p["version"]
        text = wording = ""
        if isinstance(article, str) and article and isinstance(version, str) and (tid, article, version) in art.index:
            a = art.loc[(tid, article, version)]
            text = a["text"] if isinstance(a["text"], str) else ""
            wording = a["translation_note"] if isinstance(a["translation_note"], str) else ""
        rows.append({
            "treaty_id": tid,
            "treaty": names.get(tid, tid),
            "code": p["code"] if isinstance(p["code"], str) else "",
            "status": str(p["status"]),
            "article": article if isinstance(article, str) else "",
            "excerpt": p["excerpt"] if isinstance(p["excerpt"], str) else "",
            "version": version if isinstance(version, str) else "",
            "article_text": text,
            "wording": wording,
            "note": p["note"] if isinstance(p["note"], str) else "",
            "source": str(p["source"]),
        })
    return pd.DataFrame(rows)


def highlight(text: str, phrase: str, css_class: str = "alliancelab-hit") -> str:
    """HTML-escape `text` and wrap every case-insensitive occurrence of `phrase` in <mark> (bold + underline as well
    as background, so the marking does not rely on colour)."""
    if not isinstance(text, str):
        return ""
    if not isinstance(phrase, str) or not phrase.strip():
        return html.escape(text)
    out, pos = [], 0
    style = "background:#ffe08a;color:#000;font-weight:bold;text-decoration:underline"
    for m in re.finditer(re.escape(phrase.strip()), text, flags=re.IGNORECASE):
        out.append(html.escape(text[pos : m.start()]))
        out.append(f"<mark class='{css_class}' style='{style}'>{html.escape(m.group())}</mark>")
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def clause_comparison_html(table: pd.DataFrame, dimension: str) -> str:
    """Cards, one per treaty, for :func:`clause_table` output: code, article, the article with the coded excerpt
    highlighted, and the status in words (missing text is shown as missing, never paraphrased)."""
    label = DIMENSION_LABELS.get(dimension, dimension)
    if table is None or table.empty:
        return f"<p>No provisions coded for {html.escape(label)}.</p>"
    cards = []
    for _, r in table.iterrows():
        head = f"<div style='font-weight:bold'>{html.escape(r['treaty'])}</div>"
        code = r["code"] or "—"
        where = article_label(r["article"]) if r["article"] else "no single article"
        meta = (f"<div>Code: <code>{html.escape(code)}</code> · {html.escape(where)} · "
                f"<em>{html.escape(_STATUS_WORDS.get(r['status'], r['status']))}</em></div>")
        if r["status"] == "coded":
            body = f"<blockquote style='margin:0.4em 0'>{highlight(r['article_text'], r['excerpt'])}</blockquote>"
            if "[…]" in r["article_text"]:
                body += "<div><em>[Only part of this article is held; […] marks where the source breaks off.]</em></div>"
        elif r["status"] == "not_present":
            body = "<p><em>The full text is held and has no such clause.</em></p>"
        else:
            body = "<p><em>[Text missing: the relevant wording is not in our sources, so this is not coded.]</em></p>"
        small = []
        if r["wording"]:
            small.append(f"Wording: {html.escape(r['wording'])}.")
        if r["note"]:
            small.append(f"Note: {html.escape(r['note'])}")
        small.append(f"Source: <code>{html.escape(r['source'])}</code>")
        cards.append("<div class='alliancelab-clause-card' style='flex:1 1 20em;border:1px solid #999;padding:0.5em;"
                      f"border-radius:4px'>{head}{meta}{body}<div style='font-size:88%'>{' '.join(small)}</div></div>")
    n_coded = int((table["status"] == "coded").sum())
    summary = (f"<p><strong>{html.escape(label)}</strong>: coded for {n_coded} of {len(table)} treaties. "
               "Highlighted (bold, underlined) words are the excerpt the code rests on.</p>")
    return f"<div>{summary}<div style='display:flex;flex-wrap:wrap;gap:0.8em'>{''.join(cards)}</div></div>"


# --------------------------------------------------------------------------- lesson 02: text search

def search_texts(query: str, articles: pd.DataFrame, treaties_df: pd.DataFrame, all_versions: bool = True,
                 context: int = 60) -> dict:
    """Case-insensitive literal search of the treaty texts held.

    Returns ``{"query", "hits", "counts"}``: ``hits`` is a list of dicts (treaty_id, treaty, article, version,
    before, match, after) in treaty order; ``counts`` maps every treaty's short name (in order of signing) to its
    number of hits, zeros included. ``all_versions=False`` searches only the first-ranked version of each article.
    An empty or blank query gives no hits. Non-string input is treated as empty.
    """
    q = query.strip() if isinstance(query, str) else ""
    order = _treaty_order(treaties_df)
    names = treaties_df.set_index("treaty_id")["short_name"]
    counts = {names[t]: 0 for t in order}
    result = {"query": q, "hits": [], "counts": counts}
    if not q:
        return result
    rows = articles if all_versions else preferred_versions(articles)
    rows = rows[rows["text"].map(lambda t: isinstance(t, str) and bool(t))]
    rank = {t: i for i, t in enumerate(order)}
    rows = rows.assign(_r=rows["treaty_id"].map(rank)).sort_values(["_r", "article_order", "version_rank"])
    pattern = re.compile(re.escape(q), flags=re.IGNORECASE)
    for _, r in rows.iterrows():
        text = r["text"]
        for m in pattern.finditer(text):
            a, b = max(0, m.start() - context), min(len(text), m.end() + context)
            result["hits"].append({
                "treaty_id": r["treaty_id"], "treaty": names[r["treaty_id"]], "article": r["article"],
                "version": r["version"],
                "before": ("…" if a > 0 else "") + text[a : m.start()],
                "match": m.group(),
                "after": text[m.end() : b] + ("…" if b < len(text) else ""),
            })
            counts[names[r["treaty_id"]]] += 1
    return result


def search_html(result: dict, max_hits: int = 40) -> str:
    """Hits in context, escaped, with the match marked; a plain message for an empty query or no hits."""
    q = result.get("query", "")
    if not q:
        return "<p class='alliancelab-search-msg'>Type a word or phrase in the box and press Enter to search the five treaties.</p>"
    hits = result["hits"]
    if not hits:
        return (f"<p class='alliancelab-search-msg'>No passage in the texts we hold contains “{html.escape(q)}”. "
                "Try a shorter word or another spelling. Remember that several articles are missing "
                "(see the data README), so no hits does not prove a treaty lacks the words.</p>")
    per = ", ".join(f"{html.escape(k)}: {v}" for k, v in result["counts"].items())
    lines = []
    style = "background:#ffe08a;color:#000;font-weight:bold;text-decoration:underline"
    for h in hits[:max_hits]:
        lines.append(
            f"<li><strong>{html.escape(h['treaty'])}, {html.escape(article_label(h['article']))}</strong> "
            f"<span style='font-size:88%'>({html.escape(h['version'])})</span>: "
            f"{html.escape(h['before'])}<mark class='alliancelab-hit' style='{style}'>{html.escape(h['match'])}</mark>"
            f"{html.escape(h['after'])}</li>"
        )
    more = f"<p>… and {len(hits) - max_hits} more.</p>" if len(hits) > max_hits else ""
    n = len(hits)
    return (f"<p><strong>{n} hit{'s' if n != 1 else ''}</strong> for “{html.escape(q)}”. Per treaty: {per}.</p>"
            f"<ul>{''.join(lines)}</ul>{more}")


# --------------------------------------------------------------------------- lesson 02: what a wording supports

#: The five dimensions of an assistance clause, in the order lesson 02's coding exercise asks for them.
ASSISTANCE_DIMENSIONS: tuple[str, ...] = ("defence_obligation", "trigger", "immediacy", "means", "qualifiers")

#: Cue phrases (English and Korean, matched case-insensitively) that tie a wording to a code, per dimension, in
#: order of precedence: the first code whose cue occurs wins ("state of war" before "armed attack"). A dimension
#: whose cues are all absent gets its fallback code (``None`` where absence proves nothing). The cues are the words
#: the codes in provisions.csv rest on; a unit test checks that they give every coded row's code from its text.
WORDING_CUES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "defence_obligation": (("yes", ("military and other assistance", "act to meet the common danger", "군사적 및 기타 원조")),),
    "trigger": (
        ("armed_attack_war", ("state of war", "전쟁상태")),
        ("armed_attack", ("armed attack", "armed invasion", "무력침공", "무력침략")),
        ("threat", ("threat", "위협")),
    ),
    "immediacy": (("immediately", ("immediately",)), ("without_delay", ("without delay", "지체없이"))),
    "means": (("all_means", ("all means", "all the means", "모든 수단", "온갖 수단")),),
    "qualifiers": (
        ("un_charter_art51_and_laws", ("article 51", "제51조")),
        ("constitutional_processes", ("constitutional processes",)),
    ),
}
_CUE_FALLBACK = {"defence_obligation": None, "trigger": None, "immediacy": "none", "means": "unspecified",
                 "qualifiers": "none"}


def wording_codes(text: str) -> dict[str, dict]:
    """What one wording of an assistance clause supports, dimension by dimension (see :data:`WORDING_CUES`).

    Returns ``{dimension: {"code": code or None, "cue": the words found or ""}}`` for the five
    :data:`ASSISTANCE_DIMENSIONS`. ``code`` is ``None`` where the wording gives no cue and absence settles nothing.
    Non-text input gives ``None``/fallback codes throughout. A partial text (cut off with […]) should not be coded
    from: the missing words may hold the cue.
    """
    low = text.casefold() if isinstance(text, str) else ""
    out = {}
    for dim in ASSISTANCE_DIMENSIONS:
        found = None
        for code, cues in WORDING_CUES[dim]:
            hit = next((c for c in cues if c.casefold() in low), None)
            if hit:
                found = {"code": code, "cue": hit}
                break
        out[dim] = found or {"code": _CUE_FALLBACK[dim], "cue": ""}
    return out


# --------------------------------------------------------------------------- lesson 02: commitment-strength index

#: Dimensions that enter the commitment-strength index (aid, trigger and ratification are left out: aid is not a
#: defence commitment, the trigger is the same wherever it is held, and ratification is procedure).
INDEX_DIMENSIONS: tuple[str, ...] = (
    "defence_obligation",
    "immediacy",
    "means",
    "qualifiers",
    "consultation",
    "no_alliance_clause",
    "duration_termination",
)

#: Points per code, 0 (weakest) to 1 (strongest commitment). A stated, arguable choice: qualifiers and
#: consultation only in general terms count half; "immediately" and "without delay" count the same.
CODE_POINTS: dict[str, dict[str, float]] = {
    "defence_obligation": {"yes": 1.0, "no": 0.0},
    "immediacy": {"immediately": 1.0, "without_delay": 1.0, "none": 0.0},
    "means": {"all_means": 1.0, "unspecified": 0.0},
    "qualifiers": {"none": 1.0, "constitutional_processes": 0.5, "un_charter_art51_and_laws": 0.5},
    "consultation": {"crisis": 1.0, "general": 0.5, "none": 0.0},
    "no_alliance_clause": {"yes": 1.0, "no": 0.0},
    "duration_termination": {"until_mutual_agreement": 1.0, "indefinite": 1.0, "fixed_term_renewable": 0.5, "none": 0.0},
}


def points_matrix(provisions: pd.DataFrame, treaties_df: pd.DataFrame) -> pd.DataFrame:
    """Treaties (rows, in order of signing) × INDEX_DIMENSIONS (columns): points per CODE_POINTS, NaN where the text
    is missing."""
    order = _treaty_order(treaties_df)
    out = pd.DataFrame(index=order, columns=list(INDEX_DIMENSIONS), dtype=float)
    for _, r in provisions.iterrows():
        d = r["dimension"]
        if d in CODE_POINTS and r["treaty_id"] in out.index and r["status"] != "text_missing":
            out.loc[r["treaty_id"], d] = CODE_POINTS[d][r["code"]]
    return out


def commitment_index(weights: dict, points: pd.DataFrame, missing: str = "skip", min_coverage: float = 0.5) -> pd.DataFrame:
    """Weighted commitment-strength index, 0–100, one row per treaty.

    ``weights``: dimension -> non-negative number (absent dimensions weigh 0). ``missing``: ``"skip"`` leaves
    dimensions with missing text out and rescales by the weight that could be scored; ``"zero"`` counts them as 0.
    ``coverage`` is the share of the total weight that could be scored; a treaty with coverage below
    ``min_coverage`` gets no score (NaN) rather than one built on too little text. All weights 0 → no scores.
    Returns columns: index, coverage, scored (bool), rank (1 = strongest among scored; ties share a rank).
    """
    if missing not in ("skip", "zero"):
        raise ValueError("missing must be 'skip' or 'zero'")
    w = pd.Series({d: float(weights.get(d, 0) or 0) for d in points.columns})
    if (w < 0).any():
        raise ValueError("weights must be zero or positive")
    total = w.sum()
    known = points.notna()
    covered = known.mul(w, axis=1).sum(axis=1)
    coverage = covered / total if total > 0 else covered * 0
    num = points.fillna(0).mul(w, axis=1).sum(axis=1)
    denom = covered if missing == "skip" else pd.Series(total, index=points.index)
    score = (100 * num / denom.where(denom > 0)).round(6)
    scored = (coverage >= min_coverage) & (total > 0) & score.notna()
    score = score.where(scored)
    out = pd.DataFrame({"index": score, "coverage": coverage.round(6), "scored": scored})
    out["rank"] = out["index"].rank(ascending=False, method="min").astype("Int64")
    return out


def rank_robustness(points: pd.DataFrame, missing: str = "skip", levels: tuple[int, ...] = (0, 1, 2, 3),
                    min_coverage: float = 0.5) -> pd.DataFrame:
    """For every pair of treaties, how often one outranks the other over all weightings on a grid.

    Every combination of ``levels`` for the index dimensions is tried (all-zero left out). For each ordered pair
    (a, b) scored together: share of weightings with a > b, a == b, a < b. A pair is *robust* if one side is never
    below the other (ties allowed) in every weighting where both are scored.
    """
    import itertools

    import numpy as np

    dims = list(points.columns)
    lv = np.asarray(levels, dtype=float)
    grid = lv[np.stack(np.meshgrid(*[np.arange(len(lv))] * len(dims), indexing="ij"), -1).reshape(-1, len(dims))]
    grid = grid[grid.sum(axis=1) > 0]
    P = points.to_numpy(dtype=float)
    K = ~np.isnan(P)
    P0 = np.where(K, P, 0.0)
    total = grid.sum(axis=1)[:, None]
    num = grid @ P0.T
    covered = grid @ K.T.astype(float)
    denom = covered if missing == "skip" else np.repeat(total, P.shape[0], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = 100 * num / denom
    ok = (covered / total >= min_coverage) & (denom > 0)
    score = np.where(ok, np.round(score, 9), np.nan)
    names = list(points.index)
    rows = []
    for i, j in itertools.combinations(range(len(names)), 2):
        both = ok[:, i] & ok[:, j]
        n = int(both.sum())
        if n == 0:
            rows.append({"a": names[i], "b": names[j], "n": 0, "a_above": np.nan, "tie": np.nan, "b_above": np.nan, "robust": False, "verdict": "never scored together"})
            continue
        a, b = score[both, i], score[both, j]
        above, tie, below = (a > b).mean(), (a == b).mean(), (a < b).mean()
        robust = below == 0 or above == 0
        if robust and above == 0 and below == 0:
            verdict = "always tied"
        elif robust:
            verdict = f"{names[i] if below == 0 else names[j]} never ranks lower"
        else:
            verdict = "depends on the weights"
        rows.append({"a": names[i], "b": names[j], "n": n, "a_above": above, "tie": tie, "b_above": below, "robust": bool(robust), "verdict": verdict})
    return pd.DataFrame(rows)


def lead_survives(weights: dict, points: pd.DataFrame, missing: str = "skip", robustness: pd.DataFrame | None = None) -> dict:
    """Does the lead of the ranking under ``weights`` survive the robustness check (:func:`rank_robustness`)?

    The *lead* is the place of the first-ranked treaty above the runner-up: every treaty ranked second (ties share
    a rank). It survives if, in every weighting of the grid where both are scored, the first never ranks below each
    runner-up. If several treaties tie for first, the lead survives only if they are always tied.
    Returns ``{"ranking": [(treaty_id, index, rank), ...], "first": [...], "second": [...], "survives": bool or None,
    "pairs": [(a, b, verdict), ...]}``; ``survives`` is None when fewer than two treaties are scored.
    ``robustness`` may pass a precomputed ``rank_robustness(points, missing)`` table.
    """
    res = commitment_index(weights, points, missing=missing)
    scored = res[res["scored"]].sort_values(["rank", "index"], ascending=[True, False])
    ranking = [(t, float(r["index"]), int(r["rank"])) for t, r in scored.iterrows()]
    out = {"ranking": ranking, "first": [], "second": [], "survives": None, "pairs": []}
    if len(ranking) < 2:
        return out
    rob = rank_robustness(points, missing) if robustness is None else robustness
    verdicts = {}
    for _, r in rob.iterrows():
        verdicts[(r["a"], r["b"])] = verdicts[(r["b"], r["a"])] = r["verdict"]
    ranks = sorted({rank for _, _, rank in ranking})
    first = [t for t, _, rank in ranking if rank == ranks[0]]
    out["first"] = first
    if len(first) > 1:
        pairs = [(a, b) for i, a in enumerate(first) for b in first[i + 1:]]
        out["pairs"] = [(a, b, verdicts.get((a, b), "never scored together")) for a, b in pairs]
        out["survives"] = all(v == "always tied" for _, _, v in out["pairs"])
        return out
    second = [t for t, _, rank in ranking if rank == ranks[1]]
    out["second"] = second
    top = first[0]
    out["pairs"] = [(top, b, verdicts.get((top, b), "never scored together")) for b in second]
    out["survives"] = all(v in (f"{top} never ranks lower", "always tied") for _, _, v in out["pairs"])
    return out
