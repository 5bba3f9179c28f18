"""Explorers for lesson 04 (the 2024 Russia pivot).

* :func:`timeline_explorer` — events from 2019 to the data's last year plus the 1961–2000 anchors on a plotly timeline, filtered by actor
  and category; pick an event (or click a point) to read it with its source.
* :func:`clause_comparison` — 2024 Article 4 (a translation the learner picks) beside the 1961 assistance clause,
  shared and new terms marked (lesson 02's :func:`alliancelab.treaties.side_by_side_html`).
* :func:`two_patrons_explorer` — China vs Russia trade with North Korea, in US$ or as shares of DPRK trade, on a
  like-for-like or a best-available basis; gaps stay gaps.

The computation lives in :mod:`alliancelab.timeline` and :mod:`alliancelab.treaties`.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import data, style, timeline, treaties
from ..contracts import Contract, Control
from ..contracts import register as _contract  # a local alias: the calls below predate alliancelab.contracts

__all__ = [
    "timeline_explorer",
    "timeline_figure",
    "clause_comparison",
    "clause_comparison_html",
    "article4_versions",
    "COMPARE_WITH",
    "two_patrons_explorer",
    "troop_claims_figure",
]

CATEGORIES = ("treaty", "diplomacy", "military", "sanctions", "economy", "nuclear")

# --------------------------------------------------------------------------- timeline

TIMELINE = _contract(
    Contract(
        explorer="timeline_explorer",
        css_class="alliancelab-timeline-explorer",
        controls=(
            Control(label="Actor", kind="dropdown", set_to="China", expect_figure_change=True),
            Control(label="Category", kind="dropdown", set_to="diplomacy", expect_figure_change=True),
            Control(label="Event", kind="select",
                    set_to="2024-11-01 · After US claims that 8,000 North Korean troops are in Kursk, Ch…",
                    expect_text="two independent sovereign states"),
        ),
        notebooks=("04_russia_pivot_2024",),
    )
)


def _lanes(frame: pd.DataFrame, category: str, anchor: bool) -> pd.DataFrame:
    return frame[(frame["category"].astype(str) == category) & (frame["is_anchor"] == anchor)]


def _trace_values(rows: pd.DataFrame) -> dict:
    return {
        "x": list(rows["date"]),
        "y": [str(c) for c in rows["category"]],
        "customdata": list(rows["id"]),
        "hovertext": [f"{d} · {html.escape(desc)}<br>Actors: {html.escape(a)}"
                      for d, desc, a in zip(rows["date_text"], rows["description"], rows["actors"])],
    }


def _last_year(frame: pd.DataFrame) -> int:
    recent = frame.loc[~frame["is_anchor"], "date"] if "is_anchor" in frame else frame["date"]
    return int(recent.max().year) if len(recent) else 2025


def _recent_span(frame: pd.DataFrame) -> str:
    return f"2019–{_last_year(frame)}"


def timeline_figure(frame: pd.DataFrame, widget: bool = True):
    """Two panels on one category axis: the anchors (1955–2005) on the left, 2019 to the latest year of the
    data on the right.

    One trace per category and panel (colour, marker symbol and lane all say the category)."""
    span = _recent_span(frame)
    base = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.18, 0.82], horizontal_spacing=0.02,
                         subplot_titles=("Anchors, 1961–2000", span))
    for i, cat in enumerate(CATEGORIES):
        st = style.style_for(i)
        for col, anchor in ((1, True), (2, False)):
            rows = _lanes(frame, cat, anchor)
            base.add_trace(go.Scatter(mode="markers", name=cat, legendgroup=cat, showlegend=(col == 2),
                                      marker=dict(color=st["color"], symbol=st["symbol"], size=11,
                                                  line=dict(width=1, color="#222")),
                                      hovertemplate="%{hovertext}<extra>" + cat + "</extra>",
                                      **_trace_values(rows)), row=1, col=col)
    base.update_xaxes(range=["1955-01-01", "2003-01-01"], row=1, col=1, title_text="Year")
    base.update_xaxes(range=["2019-01-01", f"{_last_year(frame)}-12-31"], row=1, col=2, title_text="Date")
    base.update_yaxes(categoryorder="array", categoryarray=list(CATEGORIES)[::-1], title_text="Category", row=1, col=1)
    # The right panel shares the left panel's lanes; its own axis is titled too (screen readers and the
    # accessibility test read every axis), on the right-hand side so that it does not sit between the panels.
    base.update_yaxes(categoryorder="array", categoryarray=list(CATEGORIES)[::-1], title_text="Category (same lanes)",
                      side="right", row=1, col=2)
    base.update_layout(title=f"Russia, China and North Korea: events {span}, with earlier treaty anchors",
                       height=430, legend_title_text="Category", hovermode="closest",
                       legend=dict(x=1.06, xanchor="left"))
    return go.FigureWidget(base) if widget else go.Figure(base)


def _timeline_summary(frame: pd.DataFrame, actor: str, category: str) -> str:
    if frame.empty:
        return (f"<p>No events for <strong>{html.escape(actor)}</strong> in <strong>{html.escape(category)}</strong>. "
                "Choose another actor or category.</p>")
    recent = frame[~frame["is_anchor"]]
    text = (f"<p>Showing <strong>{len(frame)}</strong> event(s) for {html.escape(actor)} · {html.escape(category)}: "
            f"{int(frame['is_anchor'].sum())} anchor(s) on the left and {len(recent)} from {_recent_span(frame)} on "
            "the right.")
    if not recent.empty:
        busiest = recent["date"].dt.to_period("M").value_counts()
        text += (f" Busiest month: {busiest.index[0].strftime('%B %Y')} ({int(busiest.iloc[0])} event(s)).")
    return text + " Hover over a point, click it, or pick it in the Event list to read it with its source.</p>"


def timeline_explorer(default_event: str = "2024_06_19_putin_pyongyang_treaty_signed") -> widgets.VBox:
    """Plotly timeline with Actor and Category filters, an Event list and the chosen event with its source."""
    events = data.load_events()
    sources = data.load_sources()
    frame = timeline.timeline_events(events)
    actor = widgets.Dropdown(options=[timeline.ALL_ACTORS, *timeline.actors_of(frame)], value=timeline.ALL_ACTORS,
                             description="Actor")
    category = widgets.Dropdown(options=[timeline.ALL_CATEGORIES, *CATEGORIES], value=timeline.ALL_CATEGORIES,
                                description="Category")
    fig = timeline_figure(frame)
    summary = widgets.HTML(_timeline_summary(frame, actor.value, category.value))
    options = list(zip(frame["label"], frame["id"]))
    start = default_event if default_event in set(frame["id"]) else options[0][1]
    pick = widgets.Select(options=options, value=start, rows=9, description="Event",
                          layout=widgets.Layout(width="98%"))
    detail = widgets.HTML(timeline.event_html(events, start, sources))

    def refilter(_change=None) -> None:
        shown = timeline.filter_events(frame, actor.value, category.value)
        with fig.batch_update():
            k = 0
            for cat in CATEGORIES:
                for anchor in (True, False):
                    values = _trace_values(_lanes(shown, cat, anchor))
                    trace = fig.data[k]
                    trace.x, trace.y = values["x"], values["y"]
                    trace.customdata, trace.hovertext = values["customdata"], values["hovertext"]
                    k += 1
        summary.value = _timeline_summary(shown, actor.value, category.value)
        new_options = list(zip(shown["label"], shown["id"]))
        keep = pick.value if pick.value in set(shown["id"]) else None
        pick.options = new_options
        if keep is not None:
            pick.value = keep
        elif new_options:
            pick.value = new_options[0][1]
        else:
            detail.value = "<p>No event to show: the filters leave the list empty.</p>"

    def show(change: dict) -> None:
        detail.value = timeline.event_html(events, change.get("new"), sources)

    def clicked(trace, points, _state) -> None:
        if points.point_inds:
            event_id = trace.customdata[points.point_inds[0]]
            if event_id in {v for _, v in pick.options}:
                pick.value = event_id

    actor.observe(refilter, names="value")
    category.observe(refilter, names="value")
    pick.observe(show, names="value")
    for trace in fig.data:
        trace.on_click(clicked)
    box = widgets.VBox([widgets.HBox([actor, category]), fig, summary, pick, detail])
    box.add_class(TIMELINE.css_class)
    return box


# --------------------------------------------------------------------------- clause side by side

#: The 1961 clauses the learner can put beside Article 4: label -> (treaty_id, article).
COMPARE_WITH = {
    "China–DPRK 1961, Article II": ("prc_dprk_1961", "II"),
    "USSR–DPRK 1961, Article 1": ("ussr_dprk_1961", "1"),
}
_VERSION_NAMES = {
    "kcna_en": "KCNA English",
    "yonhap_en": "Yonhap English (from KCNA's Korean)",
    "chosun_en": "Chosun Ilbo English (from the Korean)",
    "interfax_en": "Interfax English (from the Russian)",
}


def article4_versions(articles: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, version) for each English version of the 2024 treaty's Article 4 held, in the data's rank order.
    The label names who translated it and whether the text is complete or partial."""
    rows = articles[(articles["treaty_id"] == "dprk_russia_2024") & (articles["article"] == "4")
                    & (articles["language"] == "en") & (articles["status"] != "missing")].sort_values("version_rank")
    return [(f"{_VERSION_NAMES.get(v, v)} — {s}", v) for v, s in zip(rows["version"], rows["status"])]


def _clause_1961(articles: pd.DataFrame, tid: str, art: str) -> pd.DataFrame:
    """The English versions of a 1961 clause, best-ranked first (the comparison works on English words)."""
    return articles[(articles["treaty_id"] == tid) & (articles["article"] == art)
                    & (articles["language"] == "en") & (articles["status"] != "missing")].sort_values("version_rank")


def article4_term_summary(articles: pd.DataFrame) -> dict[str, list[str]]:
    """What the clause comparison shows over every option it offers, so that the lesson's summary can be
    checked against the data: the terms every English version of 2024 Article 4 shares with both 1961
    clauses (``shared_by_all``); for each term shared in some comparisons but not all, the versions that
    lack it (``missing_in``: term -> version labels); and the terms that every complete version adds
    beyond both 1961 clauses (``added_by_complete``)."""
    versions = article4_versions(articles)
    shared_sets, added_sets, missing_in = [], [], {}
    for label, version in versions:
        right = articles[(articles["treaty_id"] == "dprk_russia_2024") & (articles["article"] == "4")
                         & (articles["version"] == version)].iloc[0]
        only_2024: set[str] | None = None
        for tid, art in COMPARE_WITH.values():
            left = _clause_1961(articles, tid, art).iloc[0]
            diff = treaties.term_diff(left["text"], right["text"])
            shared_sets.append((label, set(diff["shared"])))
            only_2024 = set(diff["only_b"]) if only_2024 is None else only_2024 & set(diff["only_b"])
        if str(right["status"]) == "complete":
            added_sets.append(only_2024 or set())
    every = set.intersection(*(s for _, s in shared_sets)) if shared_sets else set()
    some = set.union(*(s for _, s in shared_sets)) if shared_sets else set()
    for term in sorted(some - every):
        missing_in[term] = sorted({label for label, s in shared_sets if term not in s})
    added = set.intersection(*added_sets) if added_sets else set()
    return {"shared_by_all": sorted(every), "missing_in": missing_in, "added_by_complete": sorted(added)}


def clause_comparison_html(articles: pd.DataFrame, compare_with: str, version: str) -> str:
    """Side-by-side HTML of a 1961 clause and one version of 2024 Article 4, with term lists and sources."""
    if compare_with not in COMPARE_WITH:
        return f"<p>Pick a 1961 clause from the list ({html.escape(', '.join(COMPARE_WITH))}).</p>"
    tid, art = COMPARE_WITH[compare_with]
    left = _clause_1961(articles, tid, art)
    right = articles[(articles["treaty_id"] == "dprk_russia_2024") & (articles["article"] == "4")
                     & (articles["version"] == version)]
    if left.empty or right.empty:
        return "<p>That text is not in the data. Pick another version.</p>"
    lrow, rrow = left.iloc[0], right.iloc[0]
    label = dict((v, l) for l, v in article4_versions(articles)).get(version, version)
    diff = treaties.term_diff(lrow["text"], rrow["text"])
    warn = ""
    if str(rrow["status"]) == "partial":
        warn = ("<p><strong>Partial text:</strong> this version breaks off where […] stands; terms after that point "
                "are missing from the comparison, not absent from the treaty.</p>")
    def terms(words: list[str]) -> str:
        return html.escape(", ".join(words)) if words else "(none)"
    return (
        treaties.side_by_side_html(compare_with, lrow["text"], f"DPRK–Russia 2024, Article 4 ({label})", rrow["text"])
        + warn
        + f"<p><strong>Shared terms ({len(diff['shared'])}):</strong> {terms(diff['shared'])}</p>"
        + f"<p><strong>Only in the 2024 text ({len(diff['only_b'])}):</strong> {terms(diff['only_b'])}</p>"
        + f"<p><strong>Only in the 1961 text ({len(diff['only_a'])}):</strong> {terms(diff['only_a'])}</p>"
        + f"<p style='font-size:90%;color:#444'>1961: {html.escape(str(lrow['translation_note']))}; source "
          f"<code>{html.escape(str(lrow['source']))}</code>. 2024: {html.escape(str(rrow['translation_note']))}; "
          f"status {html.escape(str(rrow['status']))}; source <code>{html.escape(str(rrow['source']))}</code>.</p>"
    )


CLAUSES = _contract(
    Contract(
        explorer="clause_comparison",
        css_class="alliancelab-clause-comparison",
        controls=(
            Control(label="Article 4 wording", kind="dropdown", set_to="Interfax English (from the Russian) — complete",
                    expect_text="Should either side face"),
            Control(label="Compare with", kind="dropdown", set_to="USSR–DPRK 1961, Article 1",
                    expect_text="coalition of States"),
        ),
        notebooks=("04_russia_pivot_2024",),
    )
)


def clause_comparison() -> widgets.VBox:
    """Pick a translation of 2024 Article 4 and a 1961 clause; read them side by side with terms marked."""
    articles = data.load_articles()
    versions = article4_versions(articles)
    default = "yonhap_en" if "yonhap_en" in {v for _, v in versions} else versions[0][1]
    version = widgets.Dropdown(options=versions, value=default, description="Article 4 wording",
                               style={"description_width": "initial"}, layout=widgets.Layout(width="34em"))
    left = widgets.Dropdown(options=list(COMPARE_WITH), value="China–DPRK 1961, Article II", description="Compare with",
                            style={"description_width": "initial"}, layout=widgets.Layout(width="24em"))
    out = widgets.HTML(clause_comparison_html(articles, left.value, version.value))

    def redraw(_change=None) -> None:
        if version.value is None or left.value is None:
            out.value = "<p>Pick a wording and a 1961 clause.</p>"
            return
        out.value = clause_comparison_html(articles, left.value, version.value)

    version.observe(redraw, names="value")
    left.observe(redraw, names="value")
    box = widgets.VBox([widgets.HBox([version, left]), out])
    box.add_class(CLAUSES.css_class)
    return box


# --------------------------------------------------------------------------- two patrons

PATRONS = _contract(
    Contract(
        explorer="two_patrons_explorer",
        css_class="alliancelab-two-patrons",
        controls=(
            Control(label="Measure", kind="toggle", set_to="Share of DPRK trade (%)", expect_figure_change=True),
            Control(label="Basis", kind="dropdown", set_to="Best available per year (mixed compilers)",
                    expect_text="Russian customs", expect_figure_change=True),
            Control(label="Log scale", kind="checkbox", set_to="on", expect_figure_change=True),
        ),
        notebooks=("04_russia_pivot_2024",),
    )
)
_BASES = {"KOTRA only (like for like)": "kotra", "Best available per year (mixed compilers)": "best"}
_MEASURES = ("US$ million", "Share of DPRK trade (%)")


def _patron_series(table: pd.DataFrame, measure: str) -> list[tuple[str, list, bool]]:
    """(name, y values, visible) for China, Russia and DPRK total; NaN stays None so plotly draws a gap."""
    def col(name: str) -> list:
        return [None if pd.isna(v) else float(v) for v in table[name]]
    if measure == _MEASURES[1]:
        return [("China", col("china_share_pct"), True), ("Russia", col("russia_share_pct"), True),
                ("DPRK total", [None] * len(table), False)]
    return [("China", col("china_usd_million"), True), ("Russia", col("russia_usd_million"), True),
            ("DPRK total", col("total_usd_million"), True)]


def two_patrons_explorer() -> widgets.VBox:
    """China vs Russia in North Korea's recorded trade: US$ or share, like-for-like or best available, log scale."""
    tables = {b: timeline.two_patrons(basis=b) for b in ("kotra", "best")}
    measure = widgets.ToggleButtons(options=list(_MEASURES), value=_MEASURES[0], description="Measure",
                                    style={"button_width": "14em"})
    basis = widgets.Dropdown(options=list(_BASES), value="KOTRA only (like for like)", description="Basis",
                             style={"description_width": "initial"}, layout=widgets.Layout(width="30em"))
    log = widgets.Checkbox(value=False, description="Log scale")
    fig = go.Figure()
    for i, (name, _, _) in enumerate(_patron_series(tables["kotra"], _MEASURES[0])):
        st = style.style_for({"China": 0, "Russia": 1, "DPRK total": 7}[name])
        fig.add_scatter(name=name, mode="lines+markers", connectgaps=False,
                        line=dict(color=st["color"], dash=st["dash"], width=2.5),
                        marker=dict(symbol=st["symbol"], size=9, color=st["color"]))
    fig.update_layout(height=420, hovermode="x unified", legend=dict(orientation="h", y=-0.2))
    summary = widgets.HTML()

    fig = go.FigureWidget(fig)  # built complete, then wrapped: the browser gets it in one piece
    def redraw(_change=None) -> None:
        table = tables[_BASES[basis.value]]
        series = _patron_series(table, measure.value)
        share = measure.value == _MEASURES[1]
        with fig.batch_update():
            for trace, (name, y, visible) in zip(fig.data, series):
                trace.x, trace.y, trace.visible = list(table["year"]), y, visible
            fig.layout.yaxis.type = "log" if log.value else "linear"
            fig.layout.yaxis.title = "Share of North Korea's total trade (%)" if share else "Trade, US$ million"
            fig.layout.xaxis.title = "Year"
            short = "KOTRA only" if _BASES[basis.value] == "kotra" else "best available, mixed compilers"
            fig.layout.title = ("Shares of North Korea's recorded trade" if share else
                                "North Korea's recorded trade with China and Russia") + f" ({short})"
        summary.value = timeline.patrons_summary_html(table)

    for control in (measure, basis, log):
        control.observe(redraw, names="value")
    redraw()
    box = widgets.VBox([widgets.HBox([measure]), widgets.HBox([basis, log]), fig, summary])
    box.add_class(PATRONS.css_class)
    return box


# --------------------------------------------------------------------------- troop claims (static figure)

_GROUP_STYLE = {g: i for i, g in enumerate((*timeline.CLAIMANT_GROUPS, "Other or mixed"))}


def troop_claims_figure(troops: pd.DataFrame, measure: str = "troops_deployed") -> go.Figure:
    """Each claim as a point at its date; a vertical bar from low to high where the claim gives a range; open
    markers where the claim gives only a bound ('at least', 'up to'). One colour and symbol per claimant group."""
    rows = timeline.claims(troops, measure)
    fig = go.Figure()
    for group, part in rows.groupby("group", sort=False):
        st = style.style_for(_GROUP_STYLE[group])
        low, high = part["low"].astype("float64"), part["high"].astype("float64")
        y = low.where(low.notna(), high)
        bound = low.isna() | high.isna()
        fig.add_scatter(
            x=part["date_reported"], y=y, mode="markers", name=group,
            marker=dict(color=st["color"], symbol=[st["symbol"] + ("-open" if b else "") for b in bound], size=11,
                        line=dict(width=1.5, color=st["color"])),
            error_y=dict(type="data", symmetric=False, array=(high - y).fillna(0).tolist(),
                         arrayminus=[0] * len(part), color=st["color"], thickness=2, width=4),
            hovertext=[f"{html.escape(timeline.format_date(d, str(p)))}"
                       f"{' (month only)' if str(p) == 'month' else ''}<br>"
                       f"{html.escape(c)}: {'' if pd.isna(lo) else f'{int(lo):,}'}–{'' if pd.isna(hi) else f'{int(hi):,}'}"
                       f" ({html.escape(str(s))})"
                       for d, p, c, lo, hi, s in zip(part["date_reported"], part["date_precision"], part["claimant"],
                                                     part["low"], part["high"], part["source"])],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    fig.update_layout(title=f"Claims about North Korean personnel in Russia ({measure.replace('_', ' ')}), by claimant",
                      xaxis_title="Date the claim was reported", yaxis_title="Persons (as claimed)", height=420,
                      legend_title_text="Claimant")
    return fig
