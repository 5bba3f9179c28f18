"""Explorers for lesson 01 (alliance theory).

- :func:`alliance_dilemma_explorer` — Snyder's abandonment–entrapment trade-off as a stated teaching model,
  with real episodes placed on it (placements are teaching judgements; see :mod:`alliancelab.models`).
- :func:`threat_explorer` — Walt's four sources of threat: learners' ratings and weights drive a composite.
- :func:`episode_explorer` — filter ``data/events.csv``, read an episode with its source, tag it, get feedback.

The computation lives in :mod:`alliancelab.models`; these functions only wire widgets to it.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import plotly.graph_objects as go

from .. import data, models, style
from ..keys.lesson01 import EPISODE_KEY, WHOSE_OPTIONS
from ..contracts import Contract, Control
from ..contracts import register as _contract  # a local alias: the calls below predate alliancelab.contracts

__all__ = ["alliance_dilemma_explorer", "threat_explorer", "episode_explorer", "episode_label", "episode_html"]

_WIDE = {"description_width": "initial"}
_MODEL_NOTE = ("<p style='font-size:90%;color:#444'><strong>A teaching model, not data.</strong> The curves follow the "
               "equations stated in the lesson; where an episode sits on them is the course's judgement, "
               "with its reasons given. Change the sliders if you judge differently.</p>")

# --------------------------------------------------------------------------- 1. abandonment–entrapment

_OWN_POINT = "Your own point"

DILEMMA = _contract(
    Contract(
        explorer="alliance_dilemma_explorer",
        css_class="alliancelab-dilemma-explorer",
        controls=(
            Control(label="Client risk-taking", kind="slider", set_to="0.9", expect_text="client risk-taking 0.90",
                    expect_figure_change=True),
            Control(label="Patron commitment", kind="slider", set_to="0.8", expect_text="Commitment 0.80",
                    expect_figure_change=True),
            Control(label="Episode", kind="dropdown", set_to=models.EPISODE_PLACEMENTS[1].label,
                    expect_text="continued diplomatic support", expect_figure_change=True),
        ),
        notebooks=("01_alliance_theory",),
    )
)


def _dilemma_summary(c: float, r: float, placement: models.EpisodePlacement | None) -> str:
    parts = [f"<p class='alliancelab-dilemma-summary'>{html.escape(models.describe_point(c, r))}</p>"]
    if placement is not None:
        parts.append(
            f"<p><strong>{html.escape(placement.label)}</strong> (patron: {html.escape(placement.patron)}, client: "
            f"{html.escape(placement.client)}). <em>Placement is a teaching judgement:</em> "
            f"{html.escape(placement.reasoning)}</p>"
            f"<p style='font-size:90%;color:#444'>Event <code>{html.escape(placement.event_id)}</code> in data/events.csv.</p>"
        )
    parts.append(_MODEL_NOTE)
    return "".join(parts)


def alliance_dilemma_explorer(risk_taking: float = 0.5, commitment: float = 0.5) -> widgets.VBox:
    """Curves of the client's abandonment fear, the patron's entrapment risk and the combined cost, with a movable point."""
    risk = widgets.FloatSlider(value=risk_taking, min=0, max=1, step=0.05, description="Client risk-taking",
                               style=_WIDE, readout_format=".2f", continuous_update=False)
    commit = widgets.FloatSlider(value=commitment, min=0, max=1, step=0.05, description="Patron commitment",
                                 style=_WIDE, readout_format=".2f", continuous_update=False)
    options = [_OWN_POINT] + [p.label for p in models.EPISODE_PLACEMENTS]
    episode = widgets.Dropdown(options=options, value=_OWN_POINT, description="Episode", style=_WIDE,
                               layout=widgets.Layout(width="520px"))
    by_label = {p.label: p for p in models.EPISODE_PLACEMENTS}

    fig = go.FigureWidget()
    names = [("abandonment", "Client's abandonment fear (1 − c)²"), ("entrapment", "Patron's entrapment risk r·c²"),
             ("combined", "Combined cost")]
    for i, (_, name) in enumerate(names):
        s = style.style_for(i)
        fig.add_scatter(mode="lines", name=name, line=dict(color=s["color"], dash=s["dash"], width=3 if i == 2 else 2))
    s = style.style_for(3)
    fig.add_scatter(mode="markers+text", name="Chosen point", textposition="top center",
                    marker=dict(color=s["color"], symbol=s["symbol"], size=14, line=dict(width=1, color="#222")))
    s = style.style_for(4)
    fig.add_scatter(mode="markers", name="Best commitment (lowest combined cost)",
                    marker=dict(color=s["color"], symbol=s["symbol"], size=12))
    fig.update_layout(
        title="Snyder's alliance security dilemma as a teaching model (not data)",
        xaxis_title="Patron's commitment c (0 = none, 1 = full)", yaxis_title="Risk or cost (model units, 0–1)",
        yaxis_range=[0, 1.05], xaxis_range=[0, 1], height=430, legend=dict(orientation="h", y=-0.25),
        margin=dict(b=120),
    )
    summary = widgets.HTML()
    state = {"busy": False}

    def redraw() -> None:
        c, r = float(commit.value), float(risk.value)
        curves = models.model_curves(r)
        best = models.optimal_commitment(r)
        placement = by_label.get(episode.value)
        with fig.batch_update():
            for i, (col, _) in enumerate(names):
                fig.data[i].x = curves["commitment"].tolist()
                fig.data[i].y = curves[col].tolist()
            fig.data[3].x = [c]
            fig.data[3].y = [models.combined_cost(c, r)]
            fig.data[3].text = [placement.label.split(":")[0] if placement else "you"]
            fig.data[4].x = [best]
            fig.data[4].y = [models.minimum_cost(r)]
        summary.value = _dilemma_summary(c, r, placement)

    def on_slider(change: dict) -> None:
        if state["busy"]:
            return
        placement = by_label.get(episode.value)
        if placement and (abs(commit.value - placement.commitment) > 1e-9 or abs(risk.value - placement.risk_taking) > 1e-9):
            state["busy"] = True
            episode.value = _OWN_POINT
            state["busy"] = False
        redraw()

    def on_episode(change: dict) -> None:
        if state["busy"]:
            return
        placement = by_label.get(change.get("new"))
        if placement is not None:
            state["busy"] = True
            risk.value, commit.value = placement.risk_taking, placement.commitment
            state["busy"] = False
        redraw()

    risk.observe(on_slider, names="value")
    commit.observe(on_slider, names="value")
    episode.observe(on_episode, names="value")
    redraw()
    box = widgets.VBox([widgets.HBox([risk, commit]), episode, fig, summary])
    box.add_class(DILEMMA.css_class)
    return box


# --------------------------------------------------------------------------- 2. threat assessment

_RATING_LABEL = {s: f"Rating: {models.THREAT_SOURCE_LABELS[s].lower()}" for s in models.THREAT_SOURCES}
_WEIGHT_LABEL = {s: f"Weight: {models.THREAT_SOURCE_LABELS[s].lower()}" for s in models.THREAT_SOURCES}

THREAT = _contract(
    Contract(
        explorer="threat_explorer",
        css_class="alliancelab-threat-explorer",
        controls=(
            Control(label="Scenario", kind="dropdown", set_to="Beijing, 2003", expect_text="China, 2003",
                    expect_figure_change=True),
            Control(label="Potential threat", kind="dropdown", set_to="Japan", expect_text="Ratings of Japan"),
            *[Control(label=_RATING_LABEL[s], kind="slider", set_to="0", expect_figure_change=True)
              for s in models.THREAT_SOURCES],
            *[Control(label=_WEIGHT_LABEL[s], kind="slider", set_to="0", expect_figure_change=True)
              for s in models.THREAT_SOURCES[:-1]],
            Control(label=_WEIGHT_LABEL[models.THREAT_SOURCES[-1]], kind="slider", set_to="0",
                    expect_text="All the weights are zero", expect_figure_change=True),
        ),
        notebooks=("01_alliance_theory",),
    )
)


_THREAT_TITLE = "Composite threat score (weighted mean of your ratings; illustrative)"
_NO_WEIGHTS_TITLE = "No score: all the weights are zero. Raise any weight."


def _threat_summary(scenario: dict, ratings: dict, weights: dict, editing: str) -> tuple[str, list | None]:
    """HTML beside the chart, and the score table (None when the input cannot be scored)."""
    head = (f"<p><strong>Observer:</strong> {html.escape(scenario['observer'])}, {scenario['year']}. "
            f"{html.escape(scenario['context'])}</p>"
            f"<p>You are rating <strong>{html.escape(editing)}</strong> with the rating sliders above. "
            f"<strong>The starting ratings are illustrative, not data</strong>: change them and defend your numbers.</p>")
    try:
        scores = models.score_rows(ratings, weights)
    except ValueError as problem:
        return head + f"<p class='alliancelab-threat-problem'><strong>{html.escape(str(problem))}</strong></p>", None
    ranking = " > ".join(f"{html.escape(row['threat'])} ({row['composite']:.2f})" for row in scores)
    rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{' > '.join(html.escape(t) for t in order)}</td></tr>"
                   for name, order in models.rankings_by_preset(ratings).items())
    table = ("<table style='border-collapse:collapse;font-size:90%'><tr><th style='text-align:left'>Weighting</th>"
             f"<th style='text-align:left'>Ranking (most threatening first)</th></tr>{rows}</table>")
    return head + f"<p><strong>Your weights give:</strong> {ranking}</p><p>The same ratings under other weightings:</p>{table}", scores


def threat_explorer(scenario: str = "Beijing, 1961") -> widgets.VBox:
    """Rate Walt's four sources of threat for each potential threat; weights drive the composite and its ranking."""
    if scenario not in models.THREAT_SCENARIOS:
        scenario = next(iter(models.THREAT_SCENARIOS))
    pick = widgets.Dropdown(options=list(models.THREAT_SCENARIOS), value=scenario, description="Scenario", style=_WIDE)
    ratings = {name: {k: dict(v) for k, v in sc["ratings"].items()} for name, sc in models.THREAT_SCENARIOS.items()}
    threat = widgets.Dropdown(options=list(ratings[scenario]), description="Potential threat", style=_WIDE)
    rate = {s: widgets.IntSlider(value=0, min=0, max=10, step=1, description=_RATING_LABEL[s], style=_WIDE,
                                 continuous_update=False) for s in models.THREAT_SOURCES}
    weigh = {s: widgets.FloatSlider(value=1.0, min=0, max=1, step=0.05, description=_WEIGHT_LABEL[s], style=_WIDE,
                                    readout_format=".2f", continuous_update=False) for s in models.THREAT_SOURCES}
    fig = go.FigureWidget()
    fig.add_bar(orientation="h", textposition="outside", marker=dict(line=dict(color="#222", width=1)))
    fig.update_layout(title=_THREAT_TITLE,
                      xaxis_title="Composite threat score (0–10)", yaxis_title="Potential threat",
                      xaxis_range=[0, 11.5], height=320, yaxis=dict(autorange="reversed"), showlegend=False)
    summary = widgets.HTML()
    heading = widgets.HTML()
    state = {"busy": False}

    def load_sliders() -> None:
        state["busy"] = True
        for s in models.THREAT_SOURCES:
            rate[s].value = int(ratings[pick.value][threat.value][s])
        state["busy"] = False

    def redraw() -> None:
        current = ratings[pick.value]
        weights = {s: float(weigh[s].value) for s in models.THREAT_SOURCES}
        html_text, scores = _threat_summary(models.THREAT_SCENARIOS[pick.value], current, weights, threat.value)
        summary.value = html_text
        heading.value = f"<strong>Ratings of {html.escape(str(threat.value))} (0–10)</strong>"
        if scores is None:  # no weights: empty the chart and say why, so that the chart never shows stale scores
            with fig.batch_update():
                fig.data[0].x, fig.data[0].y, fig.data[0].text = [], [], []
                fig.layout.title.text = _NO_WEIGHTS_TITLE
            return
        order = list(current)
        names = [row["threat"] for row in scores]
        patterns = ["", "/", "."]
        with fig.batch_update():
            fig.layout.title.text = _THREAT_TITLE
            fig.data[0].y = names
            fig.data[0].x = [round(row["composite"], 2) for row in scores]
            fig.data[0].text = [f"#{row['rank']}  {row['composite']:.2f}" for row in scores]
            fig.data[0].marker.color = [style.style_for(order.index(t))["color"] for t in names]
            fig.data[0].marker.pattern.shape = [patterns[order.index(t) % 3] for t in names]

    def on_scenario(change: dict) -> None:
        state["busy"] = True
        threat.options = list(ratings[pick.value])
        threat.value = threat.options[0]
        state["busy"] = False
        load_sliders()
        redraw()

    def on_threat(change: dict) -> None:
        if state["busy"] or change.get("new") is None:
            return
        load_sliders()
        redraw()

    def on_rating(change: dict) -> None:
        if state["busy"]:
            return
        for s in models.THREAT_SOURCES:
            ratings[pick.value][threat.value][s] = int(rate[s].value)
        redraw()

    def on_weight(change: dict) -> None:
        redraw()

    pick.observe(on_scenario, names="value")
    threat.observe(on_threat, names="value")
    for s in models.THREAT_SOURCES:
        rate[s].observe(on_rating, names="value")
        weigh[s].observe(on_weight, names="value")
    load_sliders()
    redraw()
    controls = widgets.VBox([pick, threat, heading,
                             *rate.values(), widgets.HTML("<strong>Weights</strong>"), *weigh.values()])
    box = widgets.VBox([controls, fig, summary])
    box.add_class(THREAT.css_class)
    return box


# --------------------------------------------------------------------------- 3. episodes

EPISODE_EXAMPLE_LABEL = ("★ 2024-11-01 · After US claims that 8,000 North Korean troops are in Kursk, China's MFA says "
                         "Russia–DPRK ties are 'their own…")

EPISODES = _contract(
    Contract(
        explorer="episode_explorer",
        css_class="alliancelab-episode-explorer",
        controls=(
            Control(label="Actor", kind="dropdown", set_to="Russia", expect_text="Russian Foreign Ministry official"),
            Control(label="Category", kind="dropdown", set_to="diplomacy", expect_text="first round of Six-Party Talks"),
            Control(label="Episode", kind="select", set_to=EPISODE_EXAMPLE_LABEL, expect_text="their own matter"),
            Control(label="Your tag", kind="toggle", set_to="Entrapment fear", expect_text="Right tag"),
            Control(label="Whose fear", kind="dropdown", set_to="China", expect_text="Agreed"),
        ),
        notebooks=("01_alliance_theory",),
    )
)


def episode_label(row) -> str:
    """The list label of one event: a star when it is in the instructor's key, the ISO date, the description (cut)."""
    text = str(row["description"])
    if len(text) > 110:
        text = text[:109] + "…"
    star = "★ " if row["id"] in EPISODE_KEY else ""
    return f"{star}{row['date']:%Y-%m-%d} · {text}"


def episode_html(row) -> str:
    """One episode with its verbatim quotation and full source citation (all text escaped)."""
    quote = row["quote"] if isinstance(row["quote"], str) and row["quote"] else ""
    note = row["note"] if isinstance(row["note"], str) and row["note"] else ""
    parts = [
        f"<div class='alliancelab-episode'><p><strong>{row['date']:%Y-%m-%d}</strong> "
        f"({html.escape(str(row['date_precision']))} precision) · {html.escape(str(row['category']))} · "
        f"{html.escape(str(row['actors']).replace(';', ', '))}</p>",
        f"<p>{html.escape(str(row['description']))}</p>",
    ]
    if quote:
        parts.append(f"<blockquote>{html.escape(quote)}</blockquote>")
    parts.append(f"<p style='font-size:90%;color:#444'>Source: {html.escape(data.cite(str(row['source'])))} "
                 f"<code>{html.escape(str(row['source']))}</code></p>")
    if note:
        parts.append(f"<p style='font-size:85%;color:#555'>Note: {html.escape(note)}</p>")
    parts.append(f"<p style='font-size:85%;color:#555'>Event id: <code>{html.escape(str(row['id']))}</code></p></div>")
    return "".join(parts)


def _feedback_html(result: dict) -> str:
    colours = {"correct": "#009E73", "partly": "#E69F00", "wrong": "#D55E00", "unkeyed": "#999999", "untagged": "#999999"}
    icons = {"correct": "✔ Agreed with the key", "partly": "◐ Partly", "wrong": "✘ Not what the key says",
             "unkeyed": "… Not in the key", "untagged": "… Not tagged yet"}
    reasoning = (f"<div style='margin-top:.3em'><em>The key's reasoning:</em> {html.escape(result['reasoning'])}</div>"
                 if result["reasoning"] else "")
    return (f"<div class='alliancelab-episode-feedback' data-status='{result['status']}' role='status' "
            f"style='border-left:6px solid {colours[result['status']]};padding:.4em .8em;background:#f7f7f7;color:#111'>"
            f"<strong>{icons[result['status']]}</strong><div>{html.escape(result['message'])}</div>{reasoning}</div>")


def episode_explorer(actor: str = "China", category: str = "All") -> widgets.VBox:
    """Filter the events by actor and category, read one with its source, tag it and compare with the key."""
    events = data.load_events()
    main = models.filter_events(events)
    actors = sorted({a.strip() for s in main["actors"] for a in str(s).split(";") if a.strip()})
    categories = [str(c) for c in events["category"].cat.categories]
    who = widgets.Dropdown(options=["All", *actors], value=actor if actor in actors else "All", description="Actor")
    cat = widgets.Dropdown(options=["All", *categories], value=category if category in categories else "All",
                           description="Category")
    pick = widgets.Select(options=[], rows=8, description="Episode", layout=widgets.Layout(width="95%"))
    tag = widgets.ToggleButtons(options=[models.TAG_LABELS[t] for t in models.TAGS], value=None, description="Your tag",
                                style=_WIDE)
    whose = widgets.Dropdown(options=["—", *WHOSE_OPTIONS], value="—", description="Whose fear", style=_WIDE)
    reading = widgets.HTML()
    feedback = widgets.HTML()
    by_id = {row["id"]: row for _, row in main.iterrows()}
    # Pre-computed once so that filtering in a callback is plain Python (fast): (id, actors, category, label).
    index = [(r["id"], {a.strip() for a in str(r["actors"]).split(";")}, str(r["category"]), episode_label(r))
             for _, r in main.iterrows()]
    tag_of_label = {v: k for k, v in models.TAG_LABELS.items()}
    state = {"busy": False}

    def show_feedback() -> None:
        if pick.value is None:
            feedback.value = ""
            return
        result = models.tag_feedback(EPISODE_KEY, pick.value, tag_of_label.get(tag.value), whose.value)
        feedback.value = _feedback_html(result)

    def show_episode() -> None:
        if pick.value is None:
            reading.value = "<p>No episode matches this actor and category. Choose 'All' in one of the filters.</p>"
        else:
            reading.value = episode_html(by_id[pick.value])
        state["busy"] = True
        tag.value = None
        whose.value = "—"
        state["busy"] = False
        show_feedback()

    def refilter(change: dict | None = None) -> None:
        rows = [(label, i) for i, acts, c, label in index
                if (who.value == "All" or who.value in acts) and (cat.value == "All" or c == cat.value)]
        state["busy"] = True
        pick.options = rows
        pick.value = rows[0][1] if rows else None
        state["busy"] = False
        show_episode()

    def on_pick(change: dict) -> None:
        if not state["busy"]:
            show_episode()

    def on_tag(change: dict) -> None:
        if not state["busy"]:
            show_feedback()

    who.observe(refilter, names="value")
    cat.observe(refilter, names="value")
    pick.observe(on_pick, names="value")
    tag.observe(on_tag, names="value")
    whose.observe(on_tag, names="value")
    refilter()
    legend = widgets.HTML("<p style='font-size:90%'>★ = in the instructor's key: tag it for feedback. "
                          "Other episodes: tag them and discuss your reasons.</p>")
    box = widgets.VBox([widgets.HBox([who, cat]), legend, pick, reading, tag, whose, feedback])
    box.add_class(EPISODES.css_class)
    return box
