"""Explorers for lesson 05 (the other side of the board).

* :func:`triangle_explorer` — choose a dyad of the board (Seoul–Washington, Beijing–Pyongyang, ...) and an episode
  from events.csv; tag it as an abandonment fear, an entrapment fear, wedging or binding, say whose, and get
  feedback from the key (:data:`alliancelab.keys.lesson05.TRIANGLE_KEY`).
* :func:`council_votes_explorer` — China's and Russia's record on every Security Council decision on DPRK sanctions
  in the data, on a timeline; pick a decision to read its tally and source; hide the votes that are only inferred
  from a unanimous adoption.
* :func:`sanctions_trade_explorer` — pick a resolution: what it restricted (each quotation marked operative text or
  summary), and China–DPRK trade around it in Chinese customs and KOTRA figures, with the gap between them.
* :func:`wording_figure` — a static timeline of China's statements on the peninsula (with or without
  "denuclearization") and the nuclear tests.

The computation lives in :mod:`alliancelab.sanctions`; these functions only wire widgets to it.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from .. import data, sanctions, style
from ..contracts import Contract, Control
from ..contracts import register as _contract
from ..keys.lesson05 import TRIANGLE_KEY

__all__ = ["triangle_explorer", "council_votes_explorer", "sanctions_trade_explorer", "wording_figure",
           "episode_label_05", "measures_html", "decision_html", "statements_table"]

_WIDE = {"description_width": "initial"}
_NOTE = "font-size:90%;color:#444"


def _cite(keys: str) -> str:
    return f"<span style='{_NOTE}'>Source: {html.escape(data.cite(str(keys)))} <code>{html.escape(str(keys))}</code></span>"


# --------------------------------------------------------------------------- 1. triangle explorer

TRIANGLE_EXAMPLE = "★ 2023-09-13 · Putin hosts Kim Jong Un at the Vostochny Cosmodrome in Amur region; Putin indicates Russia will help North Ko…"

TRIANGLE = _contract(
    Contract(
        explorer="triangle_explorer",
        css_class="alliancelab-triangle-explorer",
        controls=(
            Control(label="Dyad", kind="dropdown", set_to="Moscow–Pyongyang", expect_text="episodes of Moscow–Pyongyang"),
            Control(label="Episode", kind="select", set_to=TRIANGLE_EXAMPLE, expect_text="That’s why we came here"),
            Control(label="Your tag", kind="toggle", set_to="Binding", expect_text="Right tag"),
            Control(label="Whose move or fear", kind="dropdown", set_to="Russia", expect_text="Agreed: binding, Russia"),
        ),
        notebooks=("05_other_side_of_the_board",),
    )
)


def episode_label_05(row) -> str:
    """List label: a star when the episode is in the key, the ISO date, the description (cut to fit)."""
    text = str(row["description"])
    if len(text) > 110:
        text = text[:109] + "…"
    star = "★ " if row["id"] in TRIANGLE_KEY else ""
    return f"{star}{row['date']:%Y-%m-%d} · {text}"


def _episode_html(row) -> str:
    quote = row["quote"] if isinstance(row["quote"], str) else ""
    note = row["note"] if isinstance(row["note"], str) else ""
    parts = [f"<div class='alliancelab-episode'><p><strong>{row['date']:%Y-%m-%d}</strong> · "
             f"{html.escape(str(row['category']))} · {html.escape(str(row['actors']).replace(';', ', '))}</p>",
             f"<p>{html.escape(str(row['description']))}</p>"]
    if quote:
        parts.append(f"<blockquote>{html.escape(quote)}</blockquote>")
    parts.append(f"<p>{_cite(row['source'])}</p>")
    if note:
        parts.append(f"<p style='font-size:85%;color:#555'>Note: {html.escape(note)}</p>")
    parts.append(f"<p style='font-size:85%;color:#555'>Event id: <code>{html.escape(str(row['id']))}</code></p></div>")
    return "".join(parts)


def _triangle_feedback_html(result: dict) -> str:
    colours = {"correct": "#009E73", "partly": "#E69F00", "wrong": "#D55E00", "unkeyed": "#999999", "untagged": "#999999"}
    heads = {"correct": "✔ Agreed with the key", "partly": "◐ Partly", "wrong": "✘ Not what the key says",
             "unkeyed": "… Not in the key", "untagged": "… Not tagged yet"}
    reasoning = (f"<div style='margin-top:.3em'><em>The key's reasoning (a judgement, not a fact):</em> "
                 f"{html.escape(result['reasoning'])}</div>" if result["reasoning"] else "")
    return (f"<div class='alliancelab-triangle-feedback' data-status='{result['status']}' role='status' "
            f"style='border-left:6px solid {colours[result['status']]};padding:.4em .8em;background:#f7f7f7;color:#111'>"
            f"<strong>{heads[result['status']]}</strong><div>{html.escape(result['message'])}</div>{reasoning}</div>")


def triangle_explorer(dyad: str = "Seoul–Washington") -> widgets.VBox:
    """Pick a dyad and an episode, tag it (abandonment, entrapment, wedging, binding), say whose, compare with the key."""
    events = data.load_events()
    pick_dyad = widgets.Dropdown(options=list(sanctions.DYADS), value=dyad if dyad in sanctions.DYADS else "Seoul–Washington",
                                 description="Dyad", style=_WIDE)
    pick = widgets.Select(options=[], rows=8, description="Episode", layout=widgets.Layout(width="95%"))
    tag = widgets.ToggleButtons(options=[sanctions.TRIANGLE_TAG_LABELS[t] for t in sanctions.TRIANGLE_TAGS], value=None,
                                description="Your tag", style=_WIDE)
    whose = widgets.Dropdown(options=["—", *sanctions.STATES], value="—", description="Whose move or fear", style=_WIDE)
    heading = widgets.HTML()
    reading = widgets.HTML()
    feedback = widgets.HTML()
    by_dyad = {d: sanctions.dyad_episodes(d, events) for d in sanctions.DYADS}
    rows_by_id = {r["id"]: r for table in by_dyad.values() for _, r in table.iterrows()}
    tag_of = {v: k for k, v in sanctions.TRIANGLE_TAG_LABELS.items()}
    state = {"busy": False}

    def show_feedback() -> None:
        if pick.value is None:
            feedback.value = ""
            return
        result = sanctions.triangle_feedback(TRIANGLE_KEY, pick.value, tag_of.get(tag.value), whose.value)
        feedback.value = _triangle_feedback_html(result)

    def show_episode() -> None:
        reading.value = (_episode_html(rows_by_id[pick.value]) if pick.value is not None
                         else "<p>No episode for this dyad.</p>")
        state["busy"] = True
        tag.value = None
        whose.value = "—"
        state["busy"] = False
        show_feedback()

    def refill(_change=None) -> None:
        table = by_dyad[pick_dyad.value]
        keyed = int(table["id"].isin(TRIANGLE_KEY).sum())
        heading.value = (f"<p><strong>{len(table)}</strong> episodes of {html.escape(pick_dyad.value)} in the data, "
                         f"{keyed} of them in the key (★). Both sides of the dyad take part in each.</p>")
        options = [(episode_label_05(r), r["id"]) for _, r in table.iterrows()]
        state["busy"] = True
        pick.options = options
        keyed_first = next((v for _, v in options if v in TRIANGLE_KEY), options[0][1] if options else None)
        pick.value = keyed_first
        state["busy"] = False
        show_episode()

    def on_pick(_change) -> None:
        if not state["busy"]:
            show_episode()

    def on_tag(_change) -> None:
        if not state["busy"]:
            show_feedback()

    pick_dyad.observe(refill, names="value")
    pick.observe(on_pick, names="value")
    tag.observe(on_tag, names="value")
    whose.observe(on_tag, names="value")
    refill()
    legend = widgets.HTML("<p style='font-size:90%'>★ = in the course's key: tag it for feedback. Other episodes: tag "
                          "them and discuss. <em>Russia</em> stands for Moscow, the Soviet Union before 1992.</p>")
    box = widgets.VBox([pick_dyad, heading, legend, pick, reading, tag, whose, feedback])
    box.add_class(TRIANGLE.css_class)
    return box


# --------------------------------------------------------------------------- 2. Security Council votes

VOTES = _contract(
    Contract(
        explorer="council_votes_explorer",
        css_class="alliancelab-votes-explorer",
        controls=(
            Control(label="Member", kind="dropdown", set_to="Russia", expect_text="Russia alone", expect_figure_change=True),
            Control(label="Decision", kind="dropdown", set_to="Draft vetoed · 28 Mar 2024",
                    expect_text="13 in favor, Russia against and China abstaining"),
            Control(label="Only votes a source names", kind="checkbox", set_to="on",
                    expect_text="only the votes a source names", expect_figure_change=True),
        ),
        notebooks=("05_other_side_of_the_board",),
    )
)

_VOTE_ORDER = ("in_favour", "proposed", "abstention", "against")


def decision_html(decision_id: str, votes: pd.DataFrame | None = None) -> str:
    """One decision: document, tally, each member's vote and basis, the verbatim line and its source, the notes."""
    rows = sanctions.decision_rows(decision_id, votes)
    first = rows.iloc[0]
    tally = ("tally not read" if pd.isna(first["votes_for"]) else
             f"{int(first['votes_for'])} in favour, {int(first['votes_against'])} against, {int(first['abstentions'])} "
             "abstaining")
    doc = first["document"] if isinstance(first["document"], str) and first["document"] else "no document symbol read"
    parts = [f"<div class='alliancelab-decision'><p><strong>{pd.Timestamp(first['decision_date']):%d %B %Y}</strong> · "
             f"{html.escape(str(first['decision_type']).replace('_', ' '))} · {html.escape(doc)} · {tally}</p><ul>"]
    for _, r in rows.iterrows():
        basis = ("named by the source" if str(r["basis"]) == "explicit"
                 else "inferred: the source says the Council was unanimous")
        veto = " (a veto)" if bool(r["veto"]) else ""
        parts.append(f"<li><strong>{html.escape(str(r['member']))}</strong>: "
                     f"{html.escape(sanctions.VOTE_LABELS[str(r['vote'])])}{veto}, {basis}.</li>")
    parts.append("</ul>")
    quotes = list(dict.fromkeys(rows["quote"]))
    for q in quotes:
        parts.append(f"<blockquote>{html.escape(str(q))}</blockquote>")
    for keys in dict.fromkeys(rows["source"]):
        parts.append(f"<p>{_cite(keys)}</p>")
    for note in dict.fromkeys(n for n in rows["note"] if isinstance(n, str) and n):
        parts.append(f"<p style='font-size:85%;color:#555'>Note: {html.escape(note)}</p>")
    return "".join(parts) + "</div>"


def _votes_summary(member: str, explicit_only: bool, votes: pd.DataFrame) -> str:
    members = ["China", "Russia"] if member == "Both" else [member]
    lines = []
    for m in members:
        counts = sanctions.vote_counts(votes, m, explicit_only)
        inferred = 0 if explicit_only else int((sanctions.vote_record(votes, m)["basis"].astype(str) == "unanimous").sum())
        text = ", ".join(f"{sanctions.VOTE_LABELS[v].split(' (')[0].lower()} {counts[v]}" for v in _VOTE_ORDER if counts[v])
        lines.append(f"<li>{html.escape(m)}: {sum(counts.values())} votes shown ({text})"
                     + (f"; {inferred} of them inferred from a unanimous adoption" if inferred else "") + ".</li>")
    scope = ("Showing only the votes a source names explicitly." if explicit_only else
             "Showing every vote, including those inferred from a unanimous adoption (hollow markers).")
    who = "China and Russia" if member == "Both" else f"{html.escape(member)} alone"
    return f"<div class='alliancelab-votes-summary'><p>{who}. {scope}</p><ul>{''.join(lines)}</ul></div>"


def _vote_traces(record: pd.DataFrame) -> list[dict]:
    out = []
    for v in _VOTE_ORDER:
        rows = record[record["vote"].astype(str) == v]
        inferred = rows["basis"].astype(str) == "unanimous"
        out.append({
            "x": [f"{d:%Y-%m-%d}" for d in rows["decision_date"]],  # ISO strings: plain JSON for the widget messages
            "y": [str(m) for m in rows["member"]],
            "text": [f"{d:%d %b %Y}: {html.escape(str(doc) if isinstance(doc, str) else 'draft')} · {sanctions.VOTE_LABELS[v]}"
                     f"{' (inferred from unanimity)' if i else ''}"
                     for d, doc, i in zip(rows["decision_date"], rows["document"], inferred)],
            "symbol": [f"{style.SYMBOLS[_VOTE_ORDER.index(v)]}{'-open' if i else ''}" for i in inferred],
        })
    return out


def council_votes_explorer(member: str = "Both") -> widgets.VBox:
    """China's and Russia's votes on DPRK sanctions, 2006–2024: a timeline by member and vote, and one decision read in full."""
    votes = data.load("sanctions_votes")
    pick_member = widgets.Dropdown(options=["Both", "China", "Russia"], value=member if member in ("Both", "China", "Russia") else "Both",
                                   description="Member", style=_WIDE)
    labels = sanctions.decision_labels(votes)
    pick_decision = widgets.Dropdown(options=labels, value=labels[0][1], description="Decision", style=_WIDE,
                                     layout=widgets.Layout(width="420px"))
    explicit = widgets.Checkbox(value=False, description="Only votes a source names", style=_WIDE, indent=False)
    # The figure is built complete (traces with their data, and the layout) before it becomes a widget, so the
    # browser receives it in one piece; later changes go through batch_update.
    base = go.Figure()
    first = _vote_traces(sanctions.vote_record(votes, pick_member.value, explicit.value))
    for i, (v, values) in enumerate(zip(_VOTE_ORDER, first)):
        st = style.style_for(i)
        base.add_scatter(mode="markers", name=sanctions.VOTE_LABELS[v], hovertemplate="%{text}<extra></extra>",
                         x=values["x"], y=values["y"], text=values["text"],
                         marker=dict(color=st["color"], symbol=values["symbol"], size=15, line=dict(width=2, color=st["color"])))
    base.update_layout(title="China and Russia on DPRK sanctions in the Security Council, 2006–2024",
                      xaxis_title="Date of the decision", yaxis_title="Council member", height=330,
                      xaxis_range=["2005-06-01", "2025-01-01"], legend=dict(orientation="h", y=-0.35),
                      margin=dict(b=120), yaxis=dict(categoryorder="array", categoryarray=["Russia", "China"]))
    fig = go.FigureWidget(base)
    summary = widgets.HTML()
    detail = widgets.HTML(decision_html(pick_decision.value, votes))

    def redraw(_change=None) -> None:
        record = sanctions.vote_record(votes, pick_member.value, explicit.value)
        traces = _vote_traces(record)
        with fig.batch_update():
            for trace, values in zip(fig.data, traces):
                trace.x, trace.y, trace.text = values["x"], values["y"], values["text"]
                trace.marker.symbol = values["symbol"]
        summary.value = _votes_summary(pick_member.value, explicit.value, votes)

    def show(change) -> None:
        detail.value = decision_html(change["new"], votes) if change.get("new") else ""

    pick_member.observe(redraw, names="value")
    explicit.observe(redraw, names="value")
    pick_decision.observe(show, names="value")
    summary.value = _votes_summary(pick_member.value, explicit.value, votes)  # the figure already holds the data
    box = widgets.VBox([widgets.HBox([pick_member, explicit]), fig, summary, pick_decision, detail])
    box.add_class(VOTES.css_class)
    return box


# --------------------------------------------------------------------------- 3. sanctions and trade

SANCTIONS_TRADE = _contract(
    Contract(
        explorer="sanctions_trade_explorer",
        css_class="alliancelab-sanctions-trade-explorer",
        controls=(
            Control(label="Resolution", kind="dropdown", set_to="2375 · 11 Sep 2017", expect_text="Textiles",
                    expect_figure_change=True),
            Control(label="Series", kind="dropdown", set_to="KOTRA only", expect_text="KOTRA only",
                    expect_figure_change=True),
            Control(label="Years either side", kind="slider", set_to="3", expect_text="2014 to 2020",
                    expect_figure_change=True),
        ),
        notebooks=("05_other_side_of_the_board",),
    )
)

_SERIES_CHOICES = {"Both series": ("customs", "kotra"), "Chinese customs only": ("customs",), "KOTRA only": ("kotra",)}
_STATUS_WORDS = {"operative_text": "the resolution's own words (via a compilation)",
                 "summary": "a summary; the operative paragraph was not read",
                 "text_missing": "no quotation held"}


def measures_html(resolution: int, measures: pd.DataFrame | None = None) -> str:
    """What one resolution restricts: one line per quotation, with its status (own words or summary) and source."""
    rows = sanctions.measures_of(resolution, measures)
    own = int((rows["status"].astype(str) == "operative_text").sum())
    parts = [f"<p><strong>What resolution {int(resolution)} restricts</strong>: {len(rows)} quotation(s), {own} of them "
             "in the resolution's own words. The others are summaries: the adopted text was not read.</p>",
             "<table style='border-collapse:collapse;font-size:90%'><tr><th style='text-align:left'>Measure</th>"
             "<th style='text-align:left'>What the source says</th><th style='text-align:left'>Kind</th></tr>"]
    for _, r in rows.iterrows():
        para = f" (paragraph {html.escape(str(r['paragraph']))})" if isinstance(r["paragraph"], str) and r["paragraph"] else ""
        parts.append(f"<tr><td style='vertical-align:top;padding-right:.6em'>{html.escape(r['label'])}</td>"
                     f"<td style='vertical-align:top;padding-right:.6em'>“{html.escape(str(r['quote']))}” "
                     f"<code>{html.escape(str(r['source']))}</code></td>"
                     f"<td style='vertical-align:top'>{html.escape(_STATUS_WORDS[str(r['status'])])}{para}</td></tr>")
    return "".join(parts) + "</table>"


def _trade_summary_html(s: dict, series: tuple, res_row) -> str:
    window = s["window"].set_index("year")
    years = list(window.index)
    head = (f"<p class='alliancelab-sanctions-summary'><strong>Resolution {s['resolution']}</strong>, adopted "
            f"{s['adopted']:%d %B %Y}, after the {html.escape(str(res_row['trigger']))}. Trade from {years[0]} to "
            f"{years[-1]}, {html.escape(' and '.join(sanctions.SERIES_LABELS[x] for x in series))}"
            f"{' only' if len(series) == 1 else ''}.</p>")
    lines = []
    for x in series:
        c = s["changes"][x]
        lines.append(f"<li>{sanctions.SERIES_LABELS[x]}: {c['from_year']} → {c['to_year']}: {c['text']}</li>")
    gaps = window["gap_pct_of_customs"].dropna()
    if len(gaps):
        lines.append(f"<li>KOTRA exceeds customs by {gaps.min():.1f}% to {gaps.max():.1f}% of the customs figure in "
                     "these years (from 2014 KOTRA adds an estimate of crude oil that customs does not show).</li>")
    missing = [str(y) for y in years if any(pd.isna(window.loc[y, x]) for x in series)]
    if missing:
        lines.append(f"<li>No figure in the chosen series for {', '.join(missing)}: a gap, not a zero.</li>")
    others = s["other_steps"]
    if len(others):
        named = "; ".join(f"{d:%b %Y} {('resolution ' + str(int(r))) if pd.notna(r) else t.replace('_', ' ')}"
                          for d, r, t in zip(others["decision_date"], others["resolution"], others["decision_type"]))
        lines.append(f"<li>Other Council steps in the window: {html.escape(named)}. The change is not this resolution's "
                     "alone.</li>")
    for _, e in s["context"].iterrows():
        lines.append(f"<li>Also in the window: {e['date']:%d %b %Y}, {html.escape(str(e['description']))} "
                     f"<code>{html.escape(str(e['source']))}</code></li>")
    return head + "<ul>" + "".join(lines) + "</ul>"


def _fill_trade_figure(fig, resolution: int, years: int, chosen: tuple, res, trade) -> dict:
    """Put one resolution's trade window into the figure's three traces (plain ints and floats); return the summary."""
    s = sanctions.resolution_trade_summary(resolution, years, res, trade)
    w = s["window"]
    top = float(w[["customs", "kotra"]].max().max())
    for i, x in enumerate(sanctions.SERIES_LABELS):
        fig.data[i].x = [int(y) for y in w["year"]]
        fig.data[i].y = [None if pd.isna(v) else float(v) for v in w[x]]
        fig.data[i].visible = x in chosen
    fig.data[2].x = [s["year"], s["year"]]
    fig.data[2].y = [0, top * 1.05]
    fig.layout.title.text = (f"China–North Korea trade around resolution {s['resolution']} "
                             f"({s['adopted']:%b %Y}), {int(w['year'].iloc[0])}–{int(w['year'].iloc[-1])}")
    return s


def sanctions_trade_explorer(resolution: int = 2270) -> widgets.VBox:
    """Pick a resolution: its measures (own words or summary) and China–DPRK trade around it, in both series."""
    res = sanctions.resolutions()
    measures = data.load("sanctions_measures")
    trade = sanctions.preferred_trade(data.load_china_dprk_trade())  # computed once, passed to every redraw
    options = [(sanctions.resolution_label(r), int(r["resolution"])) for _, r in res.iterrows()]
    pick = widgets.Dropdown(options=options, value=resolution if resolution in dict(map(reversed, options)) else options[0][1],
                            description="Resolution", style=_WIDE)
    series = widgets.Dropdown(options=list(_SERIES_CHOICES), value="Both series", description="Series", style=_WIDE)
    years = widgets.IntSlider(value=2, min=1, max=4, step=1, description="Years either side", style=_WIDE,
                              continuous_update=False)
    base = go.Figure()
    for i, x in enumerate(sanctions.SERIES_LABELS):
        st = style.style_for(i)
        base.add_scatter(mode="lines+markers", name=f"{sanctions.SERIES_LABELS[x]} (US$ million)",
                         line=dict(color=st["color"], dash=st["dash"], width=2),
                         marker=dict(color=st["color"], symbol=st["symbol"], size=10),
                         hovertemplate="%{x}: %{y:,.1f}<extra>" + sanctions.SERIES_LABELS[x] + "</extra>")
    base.add_scatter(mode="lines", name="Year of adoption", line=dict(color="#555", dash="dot", width=2),
                     hoverinfo="skip")
    base.update_layout(title="China–North Korea trade around a sanctions resolution",
                       xaxis_title="Year", yaxis_title="Trade, US$ million (preferred rows)", height=380,
                       legend=dict(orientation="h", y=-0.3), margin=dict(b=110), xaxis=dict(dtick=1))
    _fill_trade_figure(base, pick.value, years.value, _SERIES_CHOICES[series.value], res, trade)
    fig = go.FigureWidget(base)  # built complete, then wrapped: the browser receives it in one piece
    summary = widgets.HTML()
    table = widgets.HTML()
    by_res = res.set_index("resolution")

    def redraw(_change=None) -> None:
        chosen = _SERIES_CHOICES[series.value]
        with fig.batch_update():
            s = _fill_trade_figure(fig, pick.value, years.value, chosen, res, trade)
        summary.value = _trade_summary_html(s, chosen, by_res.loc[pick.value])
        table.value = measures_html(pick.value, measures)

    pick.observe(redraw, names="value")
    series.observe(redraw, names="value")
    years.observe(redraw, names="value")
    first = sanctions.resolution_trade_summary(pick.value, years.value, res, trade)  # the figure already holds it
    summary.value = _trade_summary_html(first, _SERIES_CHOICES[series.value], by_res.loc[pick.value])
    table.value = measures_html(pick.value, measures)
    box = widgets.VBox([widgets.HBox([pick, series]), years, fig, summary, table])
    box.add_class(SANCTIONS_TRADE.css_class)
    return box


# --------------------------------------------------------------------------- 4. China's wording (static)


def statements_table(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """China's statements on the peninsula, for display: date, speaker, kind, language, mentions, China's wording, source."""
    rows = sanctions.statements(table, "peninsula_position")
    out = rows[["date", "speaker", "kind", "language", "mentions_denuclearization", "china_wording", "source"]].copy()
    out["date"] = out["date"].dt.strftime("%Y-%m-%d")
    return out.rename(columns={"mentions_denuclearization": "mentions denuclearization"})


def wording_figure(table: pd.DataFrame | None = None, events: pd.DataFrame | None = None) -> go.Figure:
    """China's statements on the peninsula by date, in two lanes (mentions 'denuclearization' or not), and the six
    nuclear tests in a third lane. Marker shape and colour both say the lane."""
    rows = sanctions.statements(table, "peninsula_position")
    tests = sanctions.nuclear_tests(events)
    fig = go.Figure()
    lanes = (("Mentions denuclearization", True), ("No mention", False))
    for i, (name, flag) in enumerate(lanes):
        st = style.style_for(i)
        part = rows[rows["mentions_denuclearization"].fillna(False).astype(bool) == flag]
        fig.add_scatter(x=list(part["date"]), y=[name] * len(part), mode="markers", name=name,
                        marker=dict(color=st["color"], symbol=st["symbol"], size=13, line=dict(width=1, color="#222")),
                        text=[f"{d:%Y-%m-%d} · {html.escape(s)}<br>{html.escape(w[:90])}" for d, s, w in
                              zip(part["date"], part["speaker"], part["china_wording"])],
                        hovertemplate="%{text}<extra></extra>")
    st = style.style_for(3)
    fig.add_scatter(x=list(tests["date"]), y=["Nuclear test"] * len(tests), mode="markers", name="Nuclear test",
                    marker=dict(color=st["color"], symbol=st["symbol"], size=13, line=dict(width=1, color="#222")),
                    text=[f"{d:%Y-%m-%d} · {html.escape(t)}" for d, t in zip(tests["date"], tests["description"])],
                    hovertemplate="%{text}<extra></extra>")
    fig.update_layout(title="China's wording on the peninsula, 2005–2025, and North Korea's nuclear tests",
                      xaxis_title="Date", yaxis_title="Statement or event", height=340,
                      yaxis=dict(categoryorder="array", categoryarray=["Nuclear test", "No mention", "Mentions denuclearization"]),
                      legend=dict(orientation="h", y=-0.3), margin=dict(b=110))
    return fig
