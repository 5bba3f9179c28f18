"""Explorers for lesson 02 (treaty texts): clause comparison, text search, commitment-strength index.

The computation lives in :mod:`alliancelab.treaties` (pure, unit-tested); these functions only wire widgets to it.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import plotly.graph_objects as go

from .. import data, style, treaties
from ..contracts import Contract, Control
from ..contracts import register as _contract  # a local alias: the calls below predate alliancelab.contracts

__all__ = ["clause_comparer", "treaty_search", "commitment_explorer"]

_WIDE = {"description_width": "initial"}

# --------------------------------------------------------------------------- 1. clause comparison

CLAUSE_COMPARER = _contract(
    Contract(
        explorer="clause_comparer",
        css_class="alliancelab-clause-comparer",
        controls=(Control(label="Provision", kind="dropdown", set_to="Qualifiers", expect_text="Article 51"),),
        notebooks=("02_treaty_texts",),
    )
)


def clause_comparer(dimension: str = "immediacy") -> widgets.VBox:
    """Pick a provision dimension; see each treaty's clause, article, code and status side by side."""
    provisions, articles, tdf = data.load_provisions(), data.load_articles(), data.load_treaties()
    options = [(treaties.DIMENSION_LABELS[d], d) for d in treaties.DIMENSIONS]
    dropdown = widgets.Dropdown(options=options, value=dimension, description="Provision", style=_WIDE)
    out = widgets.HTML()

    def render(dim) -> None:
        if dim is None:
            out.value = "<p>Pick a provision from the list.</p>"
            return
        out.value = treaties.clause_comparison_html(treaties.clause_table(dim, provisions, articles, tdf), dim)

    dropdown.observe(lambda change: render(change.get("new")), names="value")
    render(dropdown.value)
    box = widgets.VBox([dropdown, out])
    box.add_class(CLAUSE_COMPARER.css_class)
    return box


# --------------------------------------------------------------------------- 2. text search

TREATY_SEARCH = _contract(
    Contract(
        explorer="treaty_search",
        css_class="alliancelab-treaty-search",
        controls=(
            Control(label="Search for", kind="text", set_to="without delay", expect_text="2 hits", expect_figure_change=True),
            Control(label="Include other translations", kind="checkbox", set_to="", expect_text="No passage", expect_figure_change=True),
        ),
        notebooks=("02_treaty_texts",),
    )
)


def treaty_search(query: str = "immediately") -> widgets.VBox:
    """Search all five treaties for a word or phrase: hits in context, counts per treaty, bar chart."""
    articles, tdf = data.load_articles(), data.load_treaties()
    box_text = widgets.Text(value=query, description="Search for", placeholder="a word or phrase, then Enter",
                            continuous_update=False, style=_WIDE)
    all_versions = widgets.Checkbox(value=True, description="Include other translations", indent=False)
    first = treaties.search_texts(query, articles, tdf, True)
    names = list(first["counts"])
    s0 = style.style_for(0)
    fig = go.FigureWidget(
        data=[go.Bar(x=list(first["counts"].values()), y=names, orientation="h", marker_color=s0["color"],
                     marker_pattern_shape="/", text=list(first["counts"].values()), textposition="outside",
                     hovertemplate="%{y}: %{x} hit(s)<extra></extra>")],
        layout=go.Layout(title="Hits per treaty", xaxis_title="Number of hits in the texts held",
                         yaxis_title="Treaty", yaxis_autorange="reversed", height=300, width=620,
                         margin=dict(l=150, r=40, t=60, b=50)),
    )
    out = widgets.HTML()

    def render(*_) -> None:
        result = treaties.search_texts(box_text.value, articles, tdf, all_versions.value)
        counts = list(result["counts"].values())
        with fig.batch_update():
            fig.data[0].x = counts
            fig.data[0].text = counts
            q = result["query"]
            fig.layout.title.text = f"Hits per treaty for “{html.escape(q[:40])}”" if q else "Hits per treaty (no search yet)"
            fig.layout.xaxis.range = [0, max(counts + [1]) * 1.25]
        out.value = treaties.search_html(result)

    box_text.observe(render, names="value")
    all_versions.observe(render, names="value")
    render()
    box = widgets.VBox([widgets.HBox([box_text, all_versions]), fig, out])
    box.add_class(TREATY_SEARCH.css_class)
    return box


# --------------------------------------------------------------------------- 3. commitment-strength index

_SLIDERS = {
    "defence_obligation": "Defence obligation",
    "immediacy": "Immediacy",
    "means": "Means",
    "qualifiers": "Qualifiers",
    "consultation": "Consultation",
    "no_alliance_clause": "No-alliance clause",
    "duration_termination": "Duration",
}
_MISSING = {"left out (rescale)": "skip", "counted as zero": "zero"}

COMMITMENT_EXPLORER = _contract(
    Contract(
        explorer="commitment_explorer",
        css_class="alliancelab-commitment-explorer",
        controls=tuple(
            Control(label=label, kind="slider", set_to="3", expect_figure_change=True) for label in _SLIDERS.values()
        ) + (Control(label="Missing text", kind="toggle", set_to="counted as zero", expect_text="counted as zero",
                     expect_figure_change=True),),
        notebooks=("02_treaty_texts",),
    )
)


def _robustness_html(rob, names) -> str:
    items = []
    n_max = int(rob["n"].max()) if len(rob) else 0
    for _, r in rob.iterrows():
        if r["n"] == 0:
            continue
        a, b = names[r["a"]], names[r["b"]]
        share = (f" [both scored in only {int(r['n']):,} weightings; the best-covered pairs in {n_max:,}]"
                 if r["n"] < n_max else "")
        if r["verdict"] == "depends on the weights":
            txt = (f"{html.escape(a)} vs {html.escape(b)}: <strong>depends on the weights</strong> "
                   f"({r['a_above']:.0%} / {r['tie']:.0%} tied / {r['b_above']:.0%})")
        elif r["verdict"] == "always tied":
            txt = f"{html.escape(a)} vs {html.escape(b)}: always tied"
        else:
            winner = a if r["b_above"] == 0 else b
            loser = b if winner == a else a
            txt = f"{html.escape(winner)} never ranks below {html.escape(loser)} (<strong>robust</strong>)"
        items.append(f"<li>{txt}{share}</li>")
    return ("<p><strong>Robustness</strong> over every weighting with weights 0–3 (pairs scored together):</p>"
            f"<ul>{''.join(items)}</ul>"
            "<p>A pair scored together in only a few weightings rests on the one or two provisions whose text we hold: "
            "its verdict says more about our missing text than about the treaties.</p>")


def commitment_explorer() -> widgets.VBox:
    """Weights per provision → ranked bar chart of a commitment-strength index, with coverage and robustness."""
    provisions, tdf = data.load_provisions(), data.load_treaties()
    names = tdf.set_index("treaty_id")["short_name"].to_dict()
    points = treaties.points_matrix(provisions, tdf)
    robust = {rule: _robustness_html(treaties.rank_robustness(points, rule), names) for rule in ("skip", "zero")}
    sliders = {d: widgets.IntSlider(value=1, min=0, max=3, description=label, style=_WIDE, continuous_update=False)
               for d, label in _SLIDERS.items()}
    toggle = widgets.ToggleButtons(options=list(_MISSING), value="left out (rescale)", description="Missing text", style=_WIDE)
    s0 = style.style_for(0)
    fig = go.FigureWidget(
        data=[go.Bar(x=[], y=[], orientation="h", marker_color=s0["color"], marker_pattern_shape="x",
                     textposition="outside", hovertemplate="%{y}: %{x:.1f}<extra></extra>")],
        layout=go.Layout(title="Commitment-strength index (0–100)", xaxis_title="Index (100 = strongest on every weighted provision); in brackets: coverage",
                         yaxis_title="Treaty (ranked)", yaxis_autorange="reversed", xaxis_range=[0, 130], height=300, width=620,
                         margin=dict(l=150, r=40, t=60, b=50)),
    )
    out = widgets.HTML()

    def render(*_) -> None:
        weights = {d: s.value for d, s in sliders.items()}
        rule = _MISSING[toggle.value]
        res = treaties.commitment_index(weights, points, missing=rule)
        scored = res[res["scored"]].sort_values(["index"], ascending=False)
        with fig.batch_update():
            fig.data[0].y = [names[t] for t in scored.index]
            fig.data[0].x = list(scored["index"].round(1))
            fig.data[0].text = [f"{v:.1f} ({c:.0%})" for v, c in zip(scored["index"], scored["coverage"])]
        lines = [f"<li>{int(r['rank'])}. {html.escape(names[t])}: {r['index']:.1f} "
                 f"(scored on {r['coverage']:.0%} of the weight)</li>" for t, r in scored.iterrows()]
        unscored = [f"{html.escape(names[t])} ({r['coverage']:.0%} of the weight has text)" for t, r in res[~res["scored"]].iterrows()]
        if not lines:
            summary = "<p>No treaty can be scored: set at least one weight above 0.</p>"
        else:
            summary = f"<p><strong>Ranking</strong> (missing text {html.escape(toggle.value)}):</p><ol style='list-style:none;padding-left:0.5em'>{''.join(lines)}</ol>"
        if unscored:
            summary += ("<p>Not scored, because less than half of the weight falls on provisions whose text we hold: "
                        + "; ".join(unscored) + ".</p>")
        out.value = summary + robust[rule]

    for s in sliders.values():
        s.observe(render, names="value")
    toggle.observe(render, names="value")
    render()
    box = widgets.VBox([widgets.HBox([widgets.VBox(list(sliders.values())), widgets.VBox([toggle])]), fig, out])
    box.add_class(COMMITMENT_EXPLORER.css_class)
    return box
