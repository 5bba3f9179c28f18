"""Explorers for lesson 01 (alliance theory).

- :func:`alliance_dilemma_explorer` — Snyder's abandonment–entrapment dilemma as a stated teaching model in which
  both allies (China and North Korea) carry both fears, with real episodes placed on it (placements are teaching
  judgements; see :mod:`alliancelab.models`).
- :func:`threat_explorer` — Walt's four sources of threat: the learner rates the United States, the Soviet Union and
  Japan as seen from Beijing in 1961 from the evidence shown beside the sliders, and sees how the ranking depends on
  the weights and which single judgement would change it.
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
_NOTE_STYLE = "font-size:90%;color:#444"

# --------------------------------------------------------------------------- 1. abandonment–entrapment

_OWN_POINT = "Your own settings"
_SETTINGS = ("commitment", "risk_taking", "alternatives")
_SETTING_WORDS = {"commitment": "commitment", "risk_taking": "risk-taking", "alternatives": "alternatives"}


def dilemma_label(state: str, setting: str) -> str:
    """The description of one slider of the dilemma explorer, e.g. 'North Korea: risk-taking'."""
    return f"{state}: {_SETTING_WORDS[setting]}"


_CN, _NK = models.DYAD
DILEMMA = _contract(
    Contract(
        explorer="alliance_dilemma_explorer",
        css_class="alliancelab-dilemma-explorer",
        controls=(
            Control(label=dilemma_label(_CN, "commitment"), kind="slider", set_to="0.8",
                    expect_text=f"about {_NK}: commitment 0.80", expect_figure_change=True),
            Control(label=dilemma_label(_CN, "risk_taking"), kind="slider", set_to="0.2",
                    expect_text=f"{_CN}'s commitment 0.80, risk-taking 0.20", expect_figure_change=True),
            Control(label=dilemma_label(_CN, "alternatives"), kind="slider", set_to="0.9",
                    expect_text="risk-taking 0.20 and alternatives 0.90", expect_figure_change=True),
            Control(label=dilemma_label(_NK, "commitment"), kind="slider", set_to="0.3",
                    expect_text=f"about {_CN}: commitment 0.30", expect_figure_change=True),
            Control(label=dilemma_label(_NK, "risk_taking"), kind="slider", set_to="0.9",
                    expect_text=f"{_NK}'s commitment 0.30, risk-taking 0.90", expect_figure_change=True),
            Control(label=dilemma_label(_NK, "alternatives"), kind="slider", set_to="0.7",
                    expect_text="risk-taking 0.90 and alternatives 0.70", expect_figure_change=True),
            Control(label="Episode", kind="dropdown", set_to=models.EPISODE_PLACEMENTS[2].label,
                    expect_text="2003_dprk_npt_withdrawal", expect_figure_change=True),
        ),
        notebooks=("01_alliance_theory",),
    )
)


def _dilemma_summary(settings: dict, placement: models.EpisodePlacement | None) -> str:
    a, b = models.DYAD
    parts = []
    for x, y in ((a, b), (b, a)):
        text = models.describe_fears(x, y, settings[x], settings[y])
        parts.append(f"<p class='alliancelab-dilemma-summary'><strong>{html.escape(x)}</strong>"
                     f"{html.escape(text[len(x):])}</p>")
    if placement is not None:
        reasons = "".join(f"<li>{html.escape(r)}</li>" for r in placement.reasons)
        parts.append(
            f"<p><strong>{html.escape(placement.label)}</strong>. <em>Placement is a teaching judgement.</em> "
            f"Event <code>{html.escape(placement.event_id)}</code> in data/events.csv.</p><ul>{reasons}</ul>"
            f"<p style='{_NOTE_STYLE}'>Held at 0.50 for want of evidence: {html.escape(placement.held)}.</p>"
        )
    parts.append(_MODEL_NOTE)
    return "".join(parts)


def alliance_dilemma_explorer() -> widgets.VBox:
    """Both allies' fears side by side: each state's abandonment fear, entrapment risk and combined cost against its
    own commitment, given the other's settings. Six sliders (three per state) and an episode menu."""
    from plotly.subplots import make_subplots

    states = models.DYAD
    sliders = {(s, k): widgets.FloatSlider(value=0.5, min=0, max=1, step=0.05, description=dilemma_label(s, k),
                                           style=_WIDE, readout_format=".2f", continuous_update=False)
               for s in states for k in _SETTINGS}
    options = [_OWN_POINT] + [p.label for p in models.EPISODE_PLACEMENTS]
    episode = widgets.Dropdown(options=options, value=_OWN_POINT, description="Episode", style=_WIDE,
                               layout=widgets.Layout(width="520px"))
    by_label = {p.label: p for p in models.EPISODE_PLACEMENTS}

    base = make_subplots(rows=1, cols=2, horizontal_spacing=0.12,
                         subplot_titles=[f"{x}'s fears about {y}" for x, y in (states, states[::-1])])
    # Build the whole figure first and wrap it in a FigureWidget last: traces added to a live FigureWidget before
    # its view exists travel as separate messages, which a slow front end can miss (a blank chart).
    fig = base
    curves = [("abandonment", "Fear of abandonment pₐ(1 − cₐ)(1 − c)²"), ("entrapment", "Risk of entrapment rₐ·c²"),
              ("combined", "Combined cost")]
    for panel in (1, 2):
        for i, (_, name) in enumerate(curves):
            s = style.style_for(i)
            fig.add_scatter(mode="lines", name=name, legendgroup=name, showlegend=panel == 1, row=1, col=panel,
                            line=dict(color=s["color"], dash=s["dash"], width=3 if i == 2 else 2))
        s = style.style_for(3)
        fig.add_scatter(mode="markers+text", name="The state's chosen commitment", legendgroup="chosen",
                        showlegend=panel == 1, textposition="top center", row=1, col=panel,
                        marker=dict(color=s["color"], symbol=s["symbol"], size=14, line=dict(width=1, color="#222")))
        s = style.style_for(4)
        fig.add_scatter(mode="markers", name="Its best commitment (lowest combined cost)", legendgroup="best",
                        showlegend=panel == 1, row=1, col=panel, marker=dict(color=s["color"], symbol=s["symbol"], size=12))
    fig.update_layout(title="Snyder's dilemma for both allies: a teaching model (not data)", height=470,
                      legend=dict(orientation="h", y=-0.3), margin=dict(b=140))
    for panel, (x, y) in ((1, states), (2, states[::-1])):
        fig.update_xaxes(title_text=f"{x}'s commitment (0–1)", range=[0, 1], row=1, col=panel)
        fig.update_yaxes(title_text="Risk or cost (model units, 0–1)", range=[0, 1.05], row=1, col=panel)
    summary = widgets.HTML()
    state = {"busy": False}

    def current() -> dict:
        return {s: models.AllySettings(*(float(sliders[(s, k)].value) for k in _SETTINGS)) for s in states}

    def redraw() -> None:
        settings = current()
        placement = by_label.get(episode.value)
        with fig.batch_update():
            for panel, (x, y) in enumerate((states, states[::-1])):
                ally = settings[y]
                table = models.model_curves(ally.commitment, ally.risk_taking, ally.alternatives, n=51)
                first = panel * 5
                for i, (col, _) in enumerate(curves):
                    fig.data[first + i].x = table["commitment"].tolist()
                    fig.data[first + i].y = table[col].tolist()
                f = models.fears(settings[x], ally)
                fig.data[first + 3].x = [f["commitment"]]
                fig.data[first + 3].y = [f["combined"]]
                fig.data[first + 3].text = [placement.label.split(":")[0] if placement else x]
                fig.data[first + 4].x = [] if f["best"] is None else [f["best"]]
                fig.data[first + 4].y = [] if f["best"] is None else [f["lowest"]]
        summary.value = _dilemma_summary(settings, placement)

    def on_slider(change: dict) -> None:
        if state["busy"]:
            return
        placement = by_label.get(episode.value)
        if placement is not None:
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
            for s in states:
                for k in _SETTINGS:
                    sliders[(s, k)].value = getattr(placement.settings[s], k)
            state["busy"] = False
        redraw()

    for w in sliders.values():
        w.observe(on_slider, names="value")
    episode.observe(on_episode, names="value")
    redraw()
    fig = go.FigureWidget(fig)
    columns = [widgets.VBox([widgets.HTML(f"<strong>{html.escape(s)}</strong>"), *(sliders[(s, k)] for k in _SETTINGS)])
               for s in states]
    box = widgets.VBox([widgets.HBox(columns), episode, fig, summary])
    box.add_class(DILEMMA.css_class)
    return box


# --------------------------------------------------------------------------- 2. threat assessment

_RATING_LABEL = {s: f"Rating: {models.THREAT_SOURCE_LABELS[s].lower()}" for s in models.THREAT_SOURCES}
_RATING_VALUES = ("9", "8", "7", "6")

THREAT = _contract(
    Contract(
        explorer="threat_explorer",
        css_class="alliancelab-threat-explorer",
        controls=(
            Control(label="Threat to rate", kind="dropdown", set_to="Japan", expect_text="You are rating Japan"),
            *[Control(label=_RATING_LABEL[s], kind="slider", set_to=v, expect_figure_change=True)
              for s, v in zip(models.THREAT_SOURCES, _RATING_VALUES)],
            Control(label="Source to weight", kind="dropdown", set_to="Perceived intentions",
                    expect_text="weight on perceived intentions", expect_figure_change=True),
            Control(label="Share of the weight", kind="slider", set_to="0.7", expect_text="0.70 of the weight",
                    expect_figure_change=True),
        ),
        notebooks=("01_alliance_theory",),
    )
)


_THE = {"United States": "the United States", "Soviet Union": "the Soviet Union"}


def _names(threats: list[str], article: bool = False) -> str:
    """'the United States', 'Japan and the Soviet Union' (with ``article``, the names as they read in a sentence)."""
    names = [_THE.get(t, t) if article else t for t in threats]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _possessive(name: str) -> str:
    """"the United States'", "Japan's"."""
    return name + ("'" if name.endswith("s") else "'s")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _source_word(source: str) -> str:
    return models.THREAT_SOURCE_LABELS[source].lower()


def _evidence_html(items: list[dict], threat: str) -> str:
    rows = []
    for it in items:
        if threat not in it["threats"]:
            continue
        if it["kind"] == "event":
            what = (f"<code>{html.escape(it['id'])}</code> ({html.escape(it['date'])}) {html.escape(it['description'])} "
                    f"Quotation: “{html.escape(it['text'])}” <span style='color:#444'>(source "
                    f"<code>{html.escape(it['source'])}</code>)</span>")
        else:
            what = (f"<code>{html.escape(it['id'])}</code> Han (2004), {html.escape(it['date'])}: “{html.escape(it['text'])}” "
                    f"<span style='color:#444'>(source <code>han_2004</code>)</span>")
        rows.append(f"<li style='margin-bottom:.3em'>{what}</li>")
    return (f"<div class='alliancelab-threat-evidence' style='font-size:90%'><p><strong>Evidence on "
            f"{html.escape(_names([threat], True))}, as Beijing could see it in {models.THREAT_YEAR}</strong> (cite these "
            f"ids in Exercise 1.4):</p><ul>{''.join(rows)}</ul></div>")


def _ratings_code(ratings: dict) -> str:
    lines = []
    for t, r in ratings.items():
        inner = ", ".join('"%s": %d' % (s, int(v)) for s, v in r.items())
        lines.append('    "%s": {%s},' % (t, inner))
    return "my_ratings = {\n" + "\n".join(lines) + "\n}"


def _ranking_text(rows: list[dict], scores: bool = True) -> str:
    """'A (7.00) > B (6.00) = C (6.00)': ties joined with '=', so that a tie never reads as an order."""
    out = ""
    for i, row in enumerate(rows):
        name = html.escape(row["threat"]) + (f" ({row['composite']:.2f})" if scores else "")
        out += name if i == 0 else (" = " if row["rank"] == rows[i - 1]["rank"] else " > ") + name
    return out


def _threat_summary(ratings: dict, threat: str, source: str, share: float) -> str:
    weights = models.one_source_weights(source, share)
    rows = models.score_rows(ratings, weights)
    top = [r["threat"] for r in rows if r["rank"] == 1]
    ranking = _ranking_text(rows)
    others = (1 - share) / 3
    parts = [f"<p><strong>You are rating {html.escape(_names([threat], True))}</strong> as seen from Beijing in {models.THREAT_YEAR}. "
             "Every rating starts at 5, the middle of the scale: the course gives no ratings of its own, so each "
             "number you set is your judgement and should rest on the evidence listed below the chart.</p>",
             f"<p><strong>With {share:.2f} of the weight on {_source_word(source)}</strong> ({others:.2f} on each of the "
             f"other three): {ranking}.</p>"]
    changes = models.first_place_changes(ratings, source)
    if changes:
        said = "; ".join(f"at a share of {c['share']:.2f}, from {html.escape(_names(c['before'], True))} to "
                         f"{html.escape(_names(c['after'], True))}" for c in changes)
        parts.append(f"<p>Along the chart's axis (the weight on {_source_word(source)} from 0 to 1), first place changes "
                     f"hands {said}.</p>")
    else:
        lead = models.score_rows(ratings, models.one_source_weights(source, 0.0))
        leaders = [r["threat"] for r in lead if r["rank"] == 1]
        parts.append(f"<p>Along the chart's axis (the weight on {_source_word(source)} from 0 to 1), first place does "
                     f"not change hands: {html.escape(_names(leaders, True))} "
                     f"{'stays' if len(leaders) == 1 else 'stay'} first throughout.</p>")
    if len(top) == len(rows):
        parts.append("<p>All three threats tie at this weighting: move the rating sliders to make your judgements.</p>")
    elif len(top) > 1:
        parts.append(f"<p>{html.escape(_cap(_names(top, True)))} share first place at this weighting: any change to one of their "
                     "ratings breaks the tie.</p>")
    else:
        flips = models.closest_flips(ratings, weights, limit=2)
        if flips:
            said = " Or: ".join(
                f"{'raise' if f['change'] > 0 else 'lower'} your rating of {html.escape(_possessive(_names([f['threat']], True)))} "
                f"{_source_word(f['source'])} by {abs(f['change'])} point{'s' if abs(f['change']) != 1 else ''} "
                f"({f['from']:.0f} → {f['to']:.0f}), and "
                + (f"{html.escape(_names(f['first'], True))} {'goes' if len(f['first']) == 1 else 'share'} first."
                   if len(f['first']) == 1 else f"{html.escape(_names(f['first'], True))} share first place.")
                for f in flips)
            parts.append(f"<p><strong>The judgement that decides first place:</strong> {said}</p>")
        else:
            parts.append("<p>No single rating change within 0–10 would change first place at this weighting.</p>")
    fixed = "".join(f"<tr><td>{html.escape(name)}</td><td>{_ranking_text(models.score_rows(ratings, w), False)}</td></tr>"
                    for name, w in models.WEIGHT_PRESETS.items())
    parts.append("<p>Your ratings under three fixed weightings:</p><table style='border-collapse:collapse;font-size:90%'>"
                 "<tr><th style='text-align:left'>Weighting</th><th style='text-align:left'>Ranking (most threatening "
                 f"first)</th></tr>{fixed}</table>")
    parts.append(f"<p style='{_NOTE_STYLE}'>Your ratings, to copy into Exercise 1.4:</p>"
                 f"<pre>{html.escape(_ratings_code(ratings))}</pre>")
    return "".join(parts)


def threat_explorer(ratings: dict | None = None) -> widgets.VBox:
    """Rate Walt's four sources of threat for the United States, the Soviet Union and Japan as seen from Beijing in
    1961, with the evidence beside the sliders; see how the ranking depends on the weights and which judgement
    decides it. ``ratings`` (optional) starts from your own ratings; anything unreadable starts from 5s."""
    mine = models.neutral_ratings()
    note = ""
    if ratings is not None and ratings is not Ellipsis:
        try:
            clean = models.score_rows(ratings, models.WEIGHT_PRESETS["Walt: equal weights"])
            given = {r["threat"]: {s: int(round(r[s])) for s in models.THREAT_SOURCES} for r in clean}
            if set(given) != set(models.THREATS_1961):
                raise ValueError(f"rate exactly {_names(list(models.THREATS_1961))}")
            mine = {t: given[t] for t in models.THREATS_1961}
        except Exception as problem:  # a learner's dict: never raise, say what was wrong
            note = (f"<p class='alliancelab-threat-problem'><strong>Your ratings could not be used ({html.escape(str(problem))}); "
                    "starting from 5s.</strong></p>")
    events = data.load_events()
    evidence = models.threat_evidence(events)
    threat = widgets.Dropdown(options=list(models.THREATS_1961), value=models.THREATS_1961[0],
                              description="Threat to rate", style=_WIDE)
    rate = {s: widgets.IntSlider(value=5, min=0, max=10, step=1, description=_RATING_LABEL[s], style=_WIDE,
                                 continuous_update=False) for s in models.THREAT_SOURCES}
    source = widgets.Dropdown(options=[(models.THREAT_SOURCE_LABELS[s], s) for s in models.THREAT_SOURCES],
                              value="aggregate_power", description="Source to weight", style=_WIDE)
    share = widgets.FloatSlider(value=0.25, min=0, max=1, step=0.05, description="Share of the weight", style=_WIDE,
                                readout_format=".2f", continuous_update=False)
    fig = go.Figure()  # wrapped in a FigureWidget once complete (see alliance_dilemma_explorer)
    for i, t in enumerate(models.THREATS_1961):
        s = style.style_for(i)
        fig.add_scatter(mode="lines", name=t, line=dict(color=s["color"], dash=s["dash"], width=2.5))
    for i, t in enumerate(models.THREATS_1961):
        s = style.style_for(i)
        fig.add_scatter(mode="markers+text", name=f"{t} at your weighting", showlegend=False,
                        textposition=("top right", "middle right", "bottom right")[i % 3],
                        marker=dict(color=s["color"], symbol=s["symbol"], size=13, line=dict(width=1, color="#222")))
    fig.add_vline(x=0.25, line=dict(color="#555", dash="dot", width=1),
                  annotation_text="equal weights (Walt)", annotation_position="top")
    fig.update_layout(height=400, xaxis_range=[0, 1], yaxis_range=[0, 10.5], legend=dict(orientation="h", y=-0.3),
                      margin=dict(b=120), yaxis_title="Composite score (0–10)")
    heading = widgets.HTML()
    summary = widgets.HTML()
    shown = widgets.HTML()
    state = {"busy": False}

    def load_sliders() -> None:
        state["busy"] = True
        for s in models.THREAT_SOURCES:
            rate[s].value = int(mine[threat.value][s])
        state["busy"] = False

    def redraw() -> None:
        src, x = source.value, float(share.value)
        word = _source_word(src)
        sweep = models.weight_sweep(mine, src, n=21)
        weights = models.one_source_weights(src, x)
        scores = {r["threat"]: r["composite"] for r in models.score_rows(mine, weights)}
        with fig.batch_update():
            fig.layout.title.text = f"Your threat scores for Beijing, 1961, as the weight on {word} changes"
            fig.layout.xaxis.title.text = f"Share of the weight on {word} (the other three share the rest equally)"
            for i, t in enumerate(models.THREATS_1961):
                part = sweep[sweep["threat"] == t]
                fig.data[i].x = part["share"].tolist()
                fig.data[i].y = [round(v, 4) for v in part["composite"]]
                fig.data[3 + i].x = [x]
                fig.data[3 + i].y = [round(scores[t], 4)]
                fig.data[3 + i].text = [f"{scores[t]:.2f}"]
        heading.value = f"<strong>Ratings of {html.escape(_names([threat.value], True))} (0–10)</strong>"
        summary.value = note + _threat_summary(mine, threat.value, src, x)
        shown.value = _evidence_html(evidence, threat.value)

    def on_threat(change: dict) -> None:
        if change.get("new") is None:
            return
        load_sliders()
        redraw()

    def on_rating(change: dict) -> None:
        if state["busy"]:
            return
        for s in models.THREAT_SOURCES:
            mine[threat.value][s] = int(rate[s].value)
        redraw()

    threat.observe(on_threat, names="value")
    for s in models.THREAT_SOURCES:
        rate[s].observe(on_rating, names="value")
    source.observe(lambda change: redraw(), names="value")
    share.observe(lambda change: redraw(), names="value")
    load_sliders()
    redraw()
    fig = go.FigureWidget(fig)
    controls = widgets.VBox([threat, heading, *rate.values(), widgets.HTML("<strong>Weights</strong>"), source, share])
    box = widgets.VBox([controls, fig, summary, shown])
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
