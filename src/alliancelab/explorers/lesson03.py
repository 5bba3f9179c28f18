"""Explorers for lesson 03 (trade asymmetry): trade explorer, asymmetry dashboard, substitution explorer.

The computations are in :mod:`alliancelab.measures`; this module only draws.
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import data, measures, style
from ..contracts import Contract, Control
from ..contracts import register as _contract  # a local alias: the calls below predate alliancelab.contracts

__all__ = ["trade_explorer", "asymmetry_dashboard", "substitution_explorer", "trade_events", "EVENT_IDS"]

# Milestones drawn on the trade explorer (ids in data/events.csv).
EVENT_IDS = (
    "1996_china_hard_currency_demand",
    "2006_unsc_res_1718",
    "2009_unsc_res_1874",
    "2013_unsc_res_2094",
    "2016_unsc_res_2270",
    "2016_unsc_res_2321",
    "2017_unsc_res_2371",
    "2017_unsc_res_2375",
    "2017_unsc_res_2397",
    "2020_01_22_dprk_border_closed_tourists",
    "2022_01_17_dandong_sinuiju_rail_freight_resumes",
)
SHORT = {
    "1996_china_hard_currency_demand": "1996 hard-currency demand",
    "2006_unsc_res_1718": "UNSC 1718",
    "2009_unsc_res_1874": "UNSC 1874",
    "2013_unsc_res_2094": "UNSC 2094",
    "2016_unsc_res_2270": "UNSC 2270",
    "2016_unsc_res_2321": "UNSC 2321",
    "2017_unsc_res_2371": "UNSC 2371",
    "2017_unsc_res_2375": "UNSC 2375",
    "2017_unsc_res_2397": "UNSC 2397",
    "2020_01_22_dprk_border_closed_tourists": "Border closed (Jan 2020)",
    "2022_01_17_dandong_sinuiju_rail_freight_resumes": "Rail freight resumes (Jan 2022)",
}


def trade_events():
    """The milestone rows of data/events.csv used for annotations (main rows only), with a short label."""
    ev = data.load_events()
    ev = ev[ev["variant_of"].isna() & ev["id"].isin(EVENT_IDS)].copy()
    ev["label"] = ev["id"].map(SHORT)
    d = ev["date"].astype(str)
    ev["year"] = d.str[:4].astype(int)
    ev["x"] = ev["year"] + (d.str[5:7].astype(int) - 1) / 12  # month position inside the year
    return ev[["id", "date", "year", "x", "label", "description", "source"]].reset_index(drop=True)


def _no_data(year: int, err: Exception) -> str:
    """A plain 'No data for YEAR' message from a MeasureError (never a traceback)."""
    why = html.escape(str(err).split(": ", 1)[-1])
    return f"<p class='alliancelab-nodata' style='color:#8a3b00'><strong>No data for {year}.</strong> {why}</p>"


# --------------------------------------------------------------------------- 1. trade explorer
TRADE_EXPLORER = _contract(
    Contract(
        explorer="trade_explorer",
        css_class="alliancelab-trade-explorer",
        controls=(
            Control(label="From", kind="slider", set_to="2010", expect_text="2010", expect_figure_change=True),
            Control(label="To", kind="slider", set_to="2019", expect_text="2019", expect_figure_change=True),
            Control(label="Series", kind="toggle", set_to="KOTRA", expect_text="KOTRA estimate only", expect_figure_change=True),
            Control(label="Measure", kind="dropdown", set_to="China's imports from the DPRK", expect_text="imports from the DPRK", expect_figure_change=True),
            Control(label="Log scale", kind="checkbox", set_to="on", expect_text="log scale", expect_figure_change=True),
        ),
        notebooks=("03_trade_asymmetry",),
    )
)
SERIES_CHOICES = {"Both": ("customs", "kotra"), "Customs": ("customs",), "KOTRA": ("kotra",)}


def trade_summary(frames: dict, measure: str, start: int, end: int, log: bool) -> str:
    """Plain-text summary beside the trade chart (HTML). ``frames`` maps a series to {year: value} for the shown years."""
    label = measures.MEASURES[measure][0]
    names = list(frames)
    which = "both series" if len(names) == 2 else f"{measures.SERIES_LABELS[names[0]]} only"
    parts = [f"<p><strong>{html.escape(label)}</strong>, {start}–{end}, {which}"
             f"{' (log scale)' if log else ''}. US$ million.</p><ul>"]
    for s, vals in frames.items():
        if not vals:
            parts.append(f"<li>{measures.SERIES_LABELS[s]}: no figures in these years.</li>")
            continue
        top_year = max(vals, key=lambda y: (vals[y], -y))  # highest value; earliest year on a tie
        missing = sorted(set(range(start, end + 1)) - set(vals))
        gap = f" No figure for: {', '.join(map(str, missing))}." if missing else ""
        parts.append(f"<li>{measures.SERIES_LABELS[s]}: {len(vals)} years; highest {vals[top_year]:,.1f} in {top_year}.{gap}</li>")
    parts.append("</ul>")
    return "".join(parts)


def trade_explorer(start: int = 1991, end: int = 2025) -> widgets.VBox:
    """Line chart of China–DPRK trade by series, with milestones; hover shows each value's source key."""
    trade = data.load_china_dprk_trade()
    events = trade_events()
    lo, hi = int(trade["year"].min()), int(trade["year"].max())
    w_from = widgets.IntSlider(value=max(start, lo), min=lo, max=hi, description="From", continuous_update=False)
    w_to = widgets.IntSlider(value=min(end, hi), min=lo, max=hi, description="To", continuous_update=False)
    w_series = widgets.ToggleButtons(options=list(SERIES_CHOICES), value="Both", description="Series")
    w_measure = widgets.Dropdown(options=[(v[0], k) for k, v in measures.MEASURES.items()], value="total", description="Measure")
    w_log = widgets.Checkbox(value=False, description="Log scale")
    fig = go.Figure()
    for i, s in enumerate(("customs", "kotra")):
        st = style.style_for(i)
        fig.add_scatter(name=measures.SERIES_LABELS[s], mode="lines+markers", connectgaps=False,
                        line=dict(color=st["color"], dash=st["dash"]), marker=dict(symbol=st["symbol"], size=8),
                        hovertemplate="%{x}: US$ %{y:,.1f} million<br>" + measures.SERIES_LABELS[s]
                        + "<br>Source: %{customdata[0]}<br>Value: %{customdata[1]}<extra></extra>")
    fig.update_layout(title="China–North Korea trade, by series", xaxis_title="Year",
                      yaxis_title="US$ million", height=430, legend=dict(orientation="h", y=-0.2))
    summary = widgets.HTML()
    # every (series, measure) computed once; a callback only slices by year, in plain Python (no pandas per change)
    full = {(s, m): measures.trade_series(trade, s, m) for s in measures.SERIES_LABELS for m in measures.MEASURES}
    lookup = {key: {int(r.year): (float(r.value), str(r.source), str(r.basis)) for r in df.itertuples()}
              for key, df in full.items()}
    # all milestones are drawn once; the x-axis range set in redraw() decides which are in view (plotly clips
    # axis-referenced shapes and hides annotations whose anchor is outside the range), so a change of years does
    # not rebuild them (rebuilding cost most of the callback time)
    fig.layout.shapes = [dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1,
                              line=dict(color="#777", width=1, dash="dot")) for x in events["x"]]
    fig.layout.annotations = [dict(x=x, y=1 - 0.07 * (k % 5), xref="x", yref="paper", text=lab, showarrow=False,
                                   textangle=0, font=dict(size=10, color="#444"), xanchor="left",
                                   bgcolor="rgba(255,255,255,0.7)")
                              for k, (x, lab) in enumerate(zip(events["x"], events["label"]))]

    fig = go.FigureWidget(fig)  # built complete, then wrapped: the browser gets it in one piece
    def redraw(*_):
        a, b = sorted((w_from.value, w_to.value))
        series = SERIES_CHOICES[w_series.value]
        frames = {}
        with fig.batch_update():
            for i, s in enumerate(("customs", "kotra")):
                tr = fig.data[i]
                if s in series:
                    by = lookup[(s, w_measure.value)]
                    # insert None at missing years so that gaps show as gaps (never joined up)
                    years = list(range(a, b + 1))
                    tr.x = years
                    tr.y = [by[y][0] if y in by else None for y in years]
                    tr.customdata = [[by[y][1], by[y][2]] if y in by else ["", ""] for y in years]
                    tr.visible = True
                    frames[s] = {y: by[y][0] for y in years if y in by}
                else:
                    tr.visible = False
            log = w_log.value
            fig.layout.yaxis.type = "log" if log else "linear"
            fig.layout.yaxis.title.text = "US$ million" + (" (log scale)" if log else "")
            fig.layout.title.text = f"China–North Korea trade: {measures.MEASURES[w_measure.value][0]}"
            fig.layout.xaxis.range = [a - 0.5, b + 0.5]
        notes = []
        if w_from.value > w_to.value:
            notes.append("<p><em>'From' is after 'To': the years were swapped.</em></p>")
        if log and any(v <= 0 for vals in frames.values() for v in vals.values()):
            notes.append("<p><em>Values of zero or below cannot be drawn on a log scale and are hidden.</em></p>")
        summary.value = trade_summary(frames, w_measure.value, a, b, log) + "".join(notes)

    for w in (w_from, w_to, w_series, w_measure, w_log):
        w.observe(redraw, names="value")
    redraw()
    box = widgets.VBox([widgets.HBox([w_from, w_to]), w_series, widgets.HBox([w_measure, w_log]), fig, summary])
    box.add_class(TRADE_EXPLORER.css_class)
    return box


# --------------------------------------------------------------------------- 2. asymmetry dashboard
DASH_MEASURES = {
    "China's share of DPRK trade (%)": "china_share_of_dprk_pct",
    "DPRK's share of China's trade (%)": "dprk_share_of_china_pct",
    "Ratio of the two shares": "ratio",
    "Salience (0–1)": "salience",
    "Symmetry (0–1)": "symmetry",
}
ASYMMETRY_DASHBOARD = _contract(
    Contract(
        explorer="asymmetry_dashboard",
        css_class="alliancelab-asymmetry-dashboard",
        controls=(
            Control(label="Year", kind="slider", set_to="2019", expect_text="No data for 2019", expect_figure_change=True),
            Control(label="Line shows", kind="dropdown", set_to="Symmetry (0–1)", expect_text="Line: Symmetry", expect_figure_change=True),
        ),
        notebooks=("03_trade_asymmetry",),
    )
)


def dashboard_html(table, year: int, line_label: str) -> str:
    """Numbers for one year (or a plain 'no data' message)."""
    head = f"<p>Line: {html.escape(line_label)} over time (years without data are left blank).</p>"
    try:
        r = measures.measures_for_year(table, year)
    except measures.MeasureError as e:
        return _no_data(year, e) + head
    return (
        f"<table class='alliancelab-dash'><tr><th colspan=2 style='text-align:left'>{year}</th></tr>"
        f"<tr><td>China's share of DPRK trade</td><td><b>{r['china_share_of_dprk_pct']:.1f}%</b> (KOTRA: {r['cn_dprk_kotra']:,.1f} of {r['dprk_total_kotra']:,.1f})</td></tr>"
        f"<tr><td>DPRK's share of China's trade</td><td><b>{r['dprk_share_of_china_pct']:.3f}%</b> (customs: {r['cn_dprk_customs']:,.1f} of {r['china_total_customs']:,.0f})</td></tr>"
        f"<tr><td>Ratio</td><td><b>{r['ratio']:,.0f}</b> : 1</td></tr>"
        f"<tr><td>Salience</td><td><b>{r['salience']:.3f}</b></td></tr>"
        f"<tr><td>Symmetry</td><td><b>{r['symmetry']:.3f}</b></td></tr></table>"
        f"<p style='font-size:90%;color:#444'>US$ million. Sources: <code>{html.escape(r['kotra_source'])}</code>, "
        f"<code>{html.escape(r['dprk_total_source'])}</code>, <code>{html.escape(r['customs_source'])}</code>, "
        f"<code>{html.escape(r['china_total_source'])}</code></p>" + head
    )


def asymmetry_dashboard(year: int = 2023) -> widgets.VBox:
    """Pick a year: both shares, ratio, salience, symmetry; a line over time of the chosen measure."""
    table = measures.course_asymmetry_table()
    years = list(table["year"])
    w_year = widgets.IntSlider(value=year, min=min(years), max=max(years), description="Year", continuous_update=False)
    w_line = widgets.Dropdown(options=list(DASH_MEASURES), value="China's share of DPRK trade (%)", description="Line shows",
                              style={"description_width": "initial"})
    fig = go.Figure(make_subplots(rows=1, cols=2, column_widths=[0.35, 0.65],
                                        subplot_titles=("Both shares in the chosen year", "Chosen measure over time")))
    s0, s1, s2 = style.style_for(0), style.style_for(1), style.style_for(2)
    fig.add_bar(x=["China's share<br>of DPRK trade", "DPRK's share<br>of China's trade"], y=[0, 0],
                marker=dict(color=[s0["color"], s1["color"]], pattern_shape=["", "/"]), text=["", ""],
                textposition="outside", hovertemplate="%{x}: %{y:.3f}%<extra></extra>", row=1, col=1, showlegend=False)
    fig.add_scatter(x=years, y=[None] * len(years), mode="lines+markers", connectgaps=False, name="measure",
                    line=dict(color=s2["color"], dash=s2["dash"]), marker=dict(symbol=s2["symbol"]), row=1, col=2, showlegend=False)
    fig.add_scatter(x=[year], y=[None], mode="markers", name="chosen year", marker=dict(size=14, symbol="circle-open", color="#000"),
                    row=1, col=2, showlegend=False)
    fig.update_layout(title="Asymmetry dashboard", height=400, margin=dict(t=90))
    fig.update_yaxes(title_text="Per cent of own total trade", range=[0, 105], row=1, col=1)
    fig.update_xaxes(title_text="Which share", row=1, col=1)
    fig.update_xaxes(title_text="Year", row=1, col=2)
    out = widgets.HTML()

    fig = go.FigureWidget(fig)  # built complete, then wrapped: the browser gets it in one piece
    def redraw(*_):
        y, lab = w_year.value, w_line.value
        col = DASH_MEASURES[lab]
        vals = [None if (v is None or (isinstance(v, float) and math.isnan(v))) else float(v) for v in table[col]]
        row = table[table["year"] == y]
        a = row["china_share_of_dprk_pct"].iloc[0] if not row.empty else math.nan
        b = row["dprk_share_of_china_pct"].iloc[0] if not row.empty else math.nan
        ok = not (math.isnan(a) or math.isnan(b))
        with fig.batch_update():
            fig.data[0].y = [a, b] if ok else [0, 0]
            fig.data[0].text = [f"{a:.1f}%", f"{b:.3f}%"] if ok else ["no data", "no data"]
            fig.data[1].y = vals
            fig.data[2].x = [y]
            fig.data[2].y = [vals[years.index(y)]] if y in years else [None]
            fig.layout.yaxis2.title.text = lab
            fig.layout.yaxis2.type = "log" if col == "ratio" else "linear"
            fig.layout.title.text = f"Asymmetry dashboard: {y}" + ("" if ok else " (no data)")
        out.value = dashboard_html(table, y, lab)

    w_year.observe(redraw, names="value")
    w_line.observe(redraw, names="value")
    redraw()
    box = widgets.VBox([widgets.HBox([w_year, w_line]), fig, out])
    box.add_class(ASYMMETRY_DASHBOARD.css_class)
    return box


# --------------------------------------------------------------------------- 3. substitution explorer
SUBSTITUTION_EXPLORER = _contract(
    Contract(
        explorer="substitution_explorer",
        css_class="alliancelab-substitution-explorer",
        controls=(
            Control(label="Base year", kind="slider", set_to="2017", expect_text="Base year 2017", expect_figure_change=True),
            Control(label="Cut (%)", kind="slider", set_to="100", expect_text="cut of 100%", expect_figure_change=True),
            Control(label="Replaced (%)", kind="slider", set_to="50", expect_text="replace 50%", expect_figure_change=True),
            Control(label="Years to replace", kind="slider", set_to="3", expect_text="over 3 years", expect_figure_change=True),
        ),
        notebooks=("03_trade_asymmetry",),
    )
)
HORIZON = 5  # years drawn after the base year
# Two panels (total trade; trade with partners other than China), each with the record (data) and the scenario
# (assumptions). Record and scenario differ in colour, dash and marker; the panel title says which quantity.
_WIDE = {"description_width": "initial"}  # the full label, never cut to "Replaced ..."
RECORD_NAME = "Record (data, KOTRA)"
SCENARIO_NAME = "Your scenario (assumptions)"


def _pct(v, digits: int = 1) -> str:
    return "—" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:,.{digits}f}%"


def substitution_html(table, year: int, cut: float, replaced: float, years: int, china_side: dict | None = None) -> str:
    """The text beside the substitution chart: the base year (data), the assumptions (labelled), sensitivity and
    vulnerability in the scenario, and what the record shows for the next year (data)."""
    try:
        s = measures.substitution(table, year, cut, replaced, years, HORIZON)
        rec = measures.record_after(table, year, HORIZON)
    except measures.MeasureError as e:
        return _no_data(year, e)
    b, y1 = s["base"], s["path"][1]
    plural = "year" if years == 1 else "years"
    china = (china_side or {}).get(year)
    china_line = (f"For China the same cut is <b>{cut * china / 100:.3f}%</b> of its total trade (Chinese customs, {year})."
                  if china is not None else
                  f"For China the course data hold no customs figure for its total trade in {year}, so its side is not shown.")
    parts = [
        f"<p><b>Base year {year}</b> (data, KOTRA): North Korea's trade US$ {b['total']:,.0f} million, of which "
        f"China {b['china']:,.0f} ({b['china_share_pct']:.1f}%) and all other partners {b['others']:,.0f}.</p>",
        f"<p><b>Your assumptions</b> (not data): a cut of {cut:g}% in trade with China from {year + 1}, lasting; "
        f"other partners replace {replaced:g}% of the lost trade, built up evenly over {years} {plural}; "
        "their own trade otherwise unchanged.</p><ul>",
        f"<li><b>Sensitivity</b>, the loss before anyone adjusts: <b>{s['sensitivity_pct']:.1f}%</b> of North Korea's "
        f"trade (US$ {s['sensitivity_pct'] * b['total'] / 100:,.0f} million). {china_line}</li>",
        f"<li><b>Vulnerability</b>, the loss left after substitution: <b>{s['vulnerability_pct']:.1f}%</b> in {year + 1}, "
        f"{s['vulnerability_end_pct']:.1f}% by {year + HORIZON}.</li>",
        f"<li>Your scenario for {year + 1}: total US$ {y1['total']:,.0f} million; China's share {_pct(y1['china_share_pct'])}.</li></ul>",
    ]
    nxt = rec["next"]
    if nxt is None:
        parts.append(f"<p><b>The record</b>: the course data hold no KOTRA figures for {year + 1}, so there is nothing "
                     "to compare the scenario with.</p>")
    else:
        change = rec["china_change_pct"]
        implied = rec["implied_replacement_pct"]
        made_up = ("trade with China did not fall, so there was nothing to replace" if implied is None else
                   f"other partners made up <b>{implied:.1f}%</b> of the trade lost with China"
                   + (" (a negative share: their trade fell too)" if implied < 0 else ""))
        parts.append(
            f"<p><b>The record for {year + 1}</b> (data, KOTRA): total US$ {nxt['total']:,.0f} million; trade with China "
            f"{'fell' if change < 0 else 'rose'} {abs(change):.1f}%; trade with other partners went from {b['others']:,.0f} "
            f"to {nxt['others']:,.0f}; {made_up}. China's share: {nxt['china_share_pct']:.1f}%.</p>")
    parts.append("<p style='font-size:90%;color:#444'>US$ million. KOTRA's totals leave out inter-Korean trade, and "
                 "for 2022 KOTRA left Russia out (<code>koenergy_110938_kotra2022</code>). "
                 "Years without both KOTRA figures are left blank.</p>")
    return "".join(parts)


def substitution_explorer(year: int = 2019, cut: int = 75, replaced: int = 0, years: int = 1) -> widgets.VBox:
    """Cut trade with China, let other partners replace some of it at a speed you set, and compare with the record."""
    table = measures.course_asymmetry_table()
    rows = measures.kotra_rows(table)  # computed once; each callback works on this small dict
    china_side = {int(r.year): float(r.dprk_share_of_china_pct) for r in table.itertuples()
                  if not math.isnan(r.dprk_share_of_china_pct)}
    valid = sorted(rows)
    w_year = widgets.IntSlider(value=year, min=valid[0], max=valid[-1], description="Base year", continuous_update=False,
                               style=_WIDE)
    w_cut = widgets.IntSlider(value=cut, min=0, max=100, step=5, description="Cut (%)", continuous_update=False,
                              style=_WIDE)
    w_rep = widgets.IntSlider(value=replaced, min=0, max=100, step=5, description="Replaced (%)", continuous_update=False,
                              style=_WIDE)
    w_years = widgets.IntSlider(value=years, min=1, max=5, description="Years to replace", continuous_update=False,
                                style=_WIDE)
    fig = go.Figure(make_subplots(rows=1, cols=2, horizontal_spacing=0.12, subplot_titles=(
        "North Korea's total trade", "Its trade with partners other than China")))
    for col in (1, 2):
        for i, name in enumerate((RECORD_NAME, SCENARIO_NAME)):
            st = style.style_for(i)
            what = "total trade" if col == 1 else "trade with partners other than China"
            fig.add_scatter(name=name, mode="lines+markers", connectgaps=False, x=[], y=[], showlegend=col == 1,
                            legendgroup=name, line=dict(color=st["color"], dash=st["dash"], width=3),
                            marker=dict(symbol=st["symbol"], size=9),
                            hovertemplate="%{x}: US$ %{y:,.0f} million<br>" + name + ": " + what + "<extra></extra>",
                            row=1, col=col)
    fig.update_layout(title="North Korea's trade after a cut in trade with China", height=440,
                      legend=dict(orientation="h", y=-0.22), margin=dict(t=100))
    fig.update_xaxes(title_text="Year", dtick=1)
    fig.update_yaxes(title_text="US$ million", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text="US$ million (its own scale)", rangemode="tozero", row=1, col=2)
    out = widgets.HTML()

    fig = go.FigureWidget(fig)  # built complete, then wrapped: the browser gets it in one piece
    def redraw(*_):
        y, c, r, n = w_year.value, w_cut.value, w_rep.value, w_years.value
        xs = list(range(y, y + HORIZON + 1))
        rec = {yy: rows[yy] for yy in xs if yy in rows}
        try:
            s = measures.substitution(rows, y, c, r, n, HORIZON)
            scen_total = [p["total"] for p in s["path"]]
            scen_others = [p["others"] for p in s["path"]]
            ok = True
        except measures.MeasureError:
            scen_total = scen_others = [None] * len(xs)
            ok = False
        record_total = [rec[yy][1] if yy in rec else None for yy in xs]
        record_others = [rec[yy][1] - rec[yy][0] if yy in rec else None for yy in xs]
        with fig.batch_update():
            for k, ys in enumerate((record_total, scen_total, record_others, scen_others)):
                fig.data[k].x, fig.data[k].y = xs, ys
            fig.layout.title.text = (f"After a {c}% cut in trade with China, base year {y}: scenario and record"
                                     + ("" if ok else " (no data)"))
            fig.layout.xaxis.range = fig.layout.xaxis2.range = [y - 0.3, y + HORIZON + 0.3]
        out.value = substitution_html(rows, y, c, r, n, china_side)

    for w in (w_year, w_cut, w_rep, w_years):
        w.observe(redraw, names="value")
    redraw()
    box = widgets.VBox([widgets.HBox([w_year, w_cut]), widgets.HBox([w_rep, w_years]), fig, out])
    box.add_class(SUBSTITUTION_EXPLORER.css_class)
    return box
