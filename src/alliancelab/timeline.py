"""Lesson 04 computations: the event timeline, day counts between events, and the "two patrons" trade table.

Pure functions over the course data frames (no widgets): the explorers in ``explorers/lesson04.py``, the exercise
keys in ``keys/lesson04.py`` and the unit tests all call them, so what a learner sees and what a key expects come
from one place.

Choices written down here (so a learner can check them):

* **Timeline window.** Events dated 2019–2025, plus a few stated *anchors* from earlier years (the two 1961 treaties,
  the lapse of the Soviet treaty in 1996 and the 2000 Russia–DPRK treaty). Rows that are only another source's
  date for an event already listed (``variant_of`` set) are left out of the timeline and shown with that event.
* **Day counts** need day-precision dates on both ends; a month- or year-precision date raises, never guesses.
* **Two patrons.** China–DPRK and Russia–DPRK trade beside North Korea's total trade, year by year. Only rows the
  data marks ``preferred`` are used (rows flagged unreliable are not). Two bases:

  - ``"kotra"``: all three figures from KOTRA (South Korea's trade agency), so shares compare like with like;
  - ``"best"``: for each year the first series available in :data:`SERIES_ORDER` (KOTRA first), so more years are
    filled, but the compilers differ (Russian customs, the International Trade Centre ...), and each value keeps its
    series label.

  A year with no figure stays empty (NaN): gaps are never filled or interpolated.
"""

from __future__ import annotations

import html
import math
from typing import Iterable, Sequence

import pandas as pd

from . import data
from .measures import MeasureError, share_pct

__all__ = [
    "ANCHORS",
    "ALL_ACTORS",
    "ALL_CATEGORIES",
    "SERIES_ORDER",
    "TimelineError",
    "actors_of",
    "chronological",
    "days_between",
    "event_html",
    "event_label",
    "filter_events",
    "format_date",
    "timeline_events",
    "two_patrons",
    "patrons_summary_html",
    "claimant_group",
    "claims",
    "claim_ranges",
    "row_id",
]

#: Earlier events kept on the timeline as anchors (ids in data/events.csv).
ANCHORS: tuple[str, ...] = (
    "1961_ussr_dprk_treaty",
    "1961_prc_dprk_treaty",
    "1996_ussr_dprk_treaty_lapse",
    "2000_russia_dprk_treaty",
)
ALL_ACTORS = "All actors"
ALL_CATEGORIES = "All categories"

#: Series preference per trade file for the "best" basis (first available wins). KOTRA first everywhere.
SERIES_ORDER: dict[str, tuple[str, ...]] = {
    "china": ("kotra", "customs"),
    "russia": ("kotra", "russian_customs", "russian_official", "itc_trade_map"),
    "total": ("kotra", "itc", "un_comtrade_mirror", "kita_mirror", "imf_dots", "rok_unification_ministry"),
}
SERIES_NAMES = {
    "kotra": "KOTRA",
    "customs": "Chinese customs",
    "russian_customs": "Russian customs",
    "russian_official": "Russian official statistics",
    "itc_trade_map": "ITC Trade Map",
    "itc": "ITC",
    "un_comtrade_mirror": "UN Comtrade (mirror)",
    "kita_mirror": "KITA (mirror)",
    "imf_dots": "IMF DOTS",
    "rok_unification_ministry": "ROK Unification Ministry",
}


class TimelineError(ValueError):
    """A request the data cannot answer (unknown event id, imprecise date, unknown basis); the message says why."""


# --------------------------------------------------------------------------- dates and events


def format_date(date, precision: str) -> str:
    """'2024-06-19' (day), 'June 2024' (month) or '2024' (year): never more precise than the source."""
    ts = pd.Timestamp(date)
    if precision == "year":
        return f"{ts.year}"
    if precision == "month":
        return ts.strftime("%B %Y")
    return ts.strftime("%Y-%m-%d")


def _split(actors) -> list[str]:
    if not isinstance(actors, str):
        return []
    return [a.strip() for a in actors.split(";") if a.strip()]


def timeline_events(events: pd.DataFrame, start: int = 2019, end: int | None = None,
                    anchors: Iterable[str] = ANCHORS) -> pd.DataFrame:
    """Events dated ``start``–``end`` (inclusive years; ``end`` defaults to the latest year in the data) plus the
    anchor events, sorted by date.

    Variant rows (another source's date for an event already listed) are dropped; the remaining rows get
    ``is_anchor`` (bool), ``actor_list`` (list of names), ``date_text`` (at the source's precision) and ``label``
    (the text used in the event list).
    """
    if end is None:
        end = int(events["date"].dt.year.max())
    if start > end:
        raise TimelineError(f"start year {start} is after end year {end}")
    anchors = tuple(anchors)
    years = events["date"].dt.year
    main = events["variant_of"].isna() | (events["variant_of"].astype(str) == "")
    keep = main & (years.between(start, end) | events["id"].isin(anchors))
    out = events[keep].copy().sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    out["is_anchor"] = out["id"].isin(anchors)
    out["actor_list"] = out["actors"].map(_split)
    out["date_text"] = [format_date(d, str(p)) for d, p in zip(out["date"], out["date_precision"])]
    out["label"] = [event_label(r) for r in out.itertuples()]
    return out


def event_label(row, width: int = 64) -> str:
    """'2024-06-19 · During Putin's first visit …' — the date at its precision and the start of the description."""
    desc = str(row.description)
    if len(desc) > width:
        desc = desc[: width - 1].rstrip() + "…"
    return f"{row.date_text} · {desc}"


def actors_of(events: pd.DataFrame) -> list[str]:
    """Every actor named in ``events`` (split on ';'), sorted alphabetically."""
    names: set[str] = set()
    for a in events["actors"]:
        names.update(_split(a))
    return sorted(names)


def filter_events(timeline: pd.DataFrame, actor: str | None = None, category: str | None = None) -> pd.DataFrame:
    """Rows of a :func:`timeline_events` frame involving ``actor`` and in ``category``.

    ``None``, ``""``, :data:`ALL_ACTORS` and :data:`ALL_CATEGORIES` mean no filter. An unknown actor or category
    gives an empty frame (the explorer says so in words), not an error.
    """
    mask = pd.Series(True, index=timeline.index)
    if actor and actor != ALL_ACTORS:
        mask &= timeline["actor_list"].map(lambda names: actor in names)
    if category and category != ALL_CATEGORIES:
        mask &= timeline["category"].astype(str) == category
    return timeline[mask]


def _row(events: pd.DataFrame, event_id: str) -> pd.Series:
    rows = events[events["id"] == event_id]
    if rows.empty:
        raise TimelineError(f"No event {event_id!r} in data/events.csv. Look the id up with data.load_events().")
    return rows.iloc[0]


def days_between(events: pd.DataFrame, first_id: str, second_id: str) -> int:
    """Days from event ``first_id`` to event ``second_id`` (negative if the second is earlier).

    Both dates must have day precision; otherwise the count would be a guess, so TimelineError is raised.
    """
    a, b = _row(events, first_id), _row(events, second_id)
    for r in (a, b):
        if str(r["date_precision"]) != "day":
            raise TimelineError(f"Event {r['id']!r} is dated only to the {r['date_precision']}; "
                                "a day count needs day-precision dates.")
    return int((pd.Timestamp(b["date"]) - pd.Timestamp(a["date"])).days)


def chronological(events: pd.DataFrame, ids: Sequence[str]) -> list[str]:
    """The ids sorted by event date (ties keep the given order). Unknown ids raise TimelineError."""
    dates = {i: pd.Timestamp(_row(events, i)["date"]) for i in ids}
    return sorted(ids, key=lambda i: dates[i])


def event_html(events: pd.DataFrame, event_id: str | None, sources: pd.DataFrame | None = None) -> str:
    """One event as HTML: date (at its precision), actors, category, description, the verbatim quote from its
    source, the source's full citation, the note, and any rows giving a different date for the same event."""
    if event_id is None or event_id == "":
        return "<p class='alliancelab-event'>Pick an event from the list to read it with its source.</p>"
    rows = events[events["id"] == event_id]
    if rows.empty:
        return f"<p class='alliancelab-event'>No event {html.escape(str(event_id))} in the data.</p>"
    r = rows.iloc[0]
    if sources is None:
        sources = data.load_sources()
    src = sources.set_index("key")
    cites = []
    for key in _split(str(r["source"])):
        if key in src.index:
            s = src.loc[key]
            url = s["url"] if isinstance(s["url"], str) else ""
            link = f" <span style='word-break:break-all'>{html.escape(url)}</span>" if url else ""
            cites.append(f"<code>{html.escape(key)}</code>: {html.escape(str(s['citation']))}{link}")
        else:
            cites.append(f"<code>{html.escape(key)}</code>: [not in data/sources.csv]")
    date_text = format_date(r["date"], str(r["date_precision"]))
    variants = events[events["variant_of"].astype(str) == event_id]
    var_html = ""
    if not variants.empty:
        items = "".join(
            f"<li>{html.escape(format_date(v['date'], str(v['date_precision'])))}: {html.escape(str(v['description']))} "
            f"(source <code>{html.escape(str(v['source']))}</code>)</li>" for _, v in variants.iterrows())
        var_html = f"<p><strong>Sources differ.</strong> Other dates given for this event:</p><ul>{items}</ul>"
    note = r["note"] if isinstance(r["note"], str) and r["note"] else ""
    quote = r["quote"] if isinstance(r["quote"], str) and r["quote"] else ""
    return (
        "<div class='alliancelab-event'>"
        f"<p style='margin:.2em 0;font-weight:bold;font-size:110%'>{html.escape(date_text)} ({html.escape(str(r['date_precision']))} precision)</p>"
        f"<p>{html.escape(str(r['description']))}</p>"
        f"<p style='font-size:90%'>Actors: {html.escape(', '.join(_split(r['actors'])))} · "
        f"Category: {html.escape(str(r['category']))} · id <code>{html.escape(str(r['id']))}</code></p>"
        + (f"<p>From the source, verbatim:</p><blockquote>{html.escape(quote)}</blockquote>" if quote else "")
        + f"<p style='font-size:90%'>Source: {'; '.join(cites)}</p>"
        + (f"<p style='font-size:90%;color:#444'>Note: {html.escape(note)}</p>" if note else "")
        + var_html
        + "</div>"
    )


# --------------------------------------------------------------------------- two patrons


def _pick(frame: pd.DataFrame, value_col: str, year: int, order: Sequence[str]) -> tuple[float, str, str]:
    """(value, series, source) of the first series in ``order`` with a preferred, non-empty value for ``year``."""
    rows = frame[(frame["year"] == year) & frame["preferred"].fillna(False).astype(bool) & frame[value_col].notna()]
    for series in order:
        hit = rows[rows["series"].astype(str) == series]
        if not hit.empty:
            first = hit.iloc[0]
            return float(first[value_col]), series, str(first["source"])
    return math.nan, "", ""


def _firsts(frame: pd.DataFrame, value_col: str) -> dict[tuple[int, str], tuple[float, str]]:
    """``{(year, series): (value, source)}``: what :func:`_pick` finds, for every year and series at once (one pass
    over the frame instead of a filter per year, about 25 ms saved per :func:`two_patrons` call)."""
    rows = frame[frame["preferred"].fillna(False).astype(bool) & frame[value_col].notna()]
    out: dict[tuple[int, str], tuple[float, str]] = {}
    for year, series, value, source in zip(rows["year"], rows["series"].astype(str), rows[value_col], rows["source"]):
        out.setdefault((int(year), series), (float(value), str(source)))
    return out


def _share(part: float, total: float) -> float:
    try:
        return share_pct(part, total)
    except MeasureError:
        return math.nan


def two_patrons(china: pd.DataFrame | None = None, russia: pd.DataFrame | None = None,
                total: pd.DataFrame | None = None, basis: str = "kotra",
                years: Iterable[int] | None = None) -> pd.DataFrame:
    """China–DPRK and Russia–DPRK trade beside DPRK total trade, one row per year, gaps kept as NaN.

    Columns: ``year``; for each of ``china``, ``russia``, ``total``: ``<x>_usd_million``, ``<x>_series``,
    ``<x>_source``; ``china_share_pct`` and ``russia_share_pct`` (via :func:`alliancelab.measures.share_pct`; NaN
    when a figure is missing or the pair is inconsistent); ``same_compiler`` (True when all figures present in the
    row come from one series). ``basis`` is ``"kotra"`` or ``"best"`` (see the module docstring). ``years``
    defaults to every year from the first to the last Russia–DPRK figure on that basis, then through the last
    China or total figure, so the empty years show as gaps.
    """
    if basis not in ("kotra", "best"):
        raise TimelineError(f"basis must be 'kotra' or 'best', not {basis!r}")
    china = data.load_china_dprk_trade() if china is None else china
    russia = data.load_russia_dprk_trade() if russia is None else russia
    total = data.load_dprk_total_trade() if total is None else total
    orders = {k: (("kotra",) if basis == "kotra" else v) for k, v in SERIES_ORDER.items()}
    frames = {
        "china": (china, "total_usd_million"),
        "russia": (russia, "total_usd_million"),
        "total": (total, "dprk_total_trade_usd_million"),
    }
    if years is None:
        ok = russia[russia["preferred"].fillna(False).astype(bool) & russia["total_usd_million"].notna()
                    & russia["series"].astype(str).isin(orders["russia"])]
        if ok.empty:
            return pd.DataFrame()
        last = max(int(ok["year"].max()), int(china["year"].max()), int(total["year"].max()))
        years = range(int(ok["year"].min()), last + 1)
    firsts = {name: _firsts(frame, col) for name, (frame, col) in frames.items()}
    rows = []
    for year in years:
        row: dict = {"year": int(year)}
        for name in frames:
            value, series, source = math.nan, "", ""
            for candidate in orders[name]:  # the first series in order with a figure that year, as _pick does
                if (int(year), candidate) in firsts[name]:
                    (value, source), series = firsts[name][(int(year), candidate)], candidate
                    break
            row[f"{name}_usd_million"] = value
            row[f"{name}_series"] = series
            row[f"{name}_source"] = source
        row["china_share_pct"] = _share(row["china_usd_million"], row["total_usd_million"])
        row["russia_share_pct"] = _share(row["russia_usd_million"], row["total_usd_million"])
        present = {row[f"{n}_series"] for n in frames if row[f"{n}_series"]}
        row["same_compiler"] = len(present) <= 1
        rows.append(row)
    return pd.DataFrame(rows)


def _fmt(x: float, digits: int) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:,.{digits}f}"


def patrons_summary_html(table: pd.DataFrame, measure: str = "usd") -> str:
    """A short text summary and a table of the years that have a Russia figure (what the chart plots)."""
    if table.empty:
        return "<p>No years with data on this basis.</p>"
    both = table.dropna(subset=["russia_usd_million"])
    shares = table.dropna(subset=["russia_share_pct"])
    parts = [f"<p><strong>{len(both)}</strong> year(s) have a Russia–DPRK figure on this basis, between "
             f"{int(table['year'].min())} and {int(table['year'].max())}; the other years are gaps."]
    if not shares.empty:
        top = shares.loc[shares["russia_share_pct"].idxmax()]
        parts.append(f" Russia's largest share of North Korea's recorded trade is {top['russia_share_pct']:.1f}% "
                     f"({int(top['year'])}).")
        china = shares.dropna(subset=["china_share_pct"])
        if not china.empty:
            parts.append(f" In the same years China's share runs from {china['china_share_pct'].min():.1f}% to "
                         f"{china['china_share_pct'].max():.1f}%.")
    parts.append("</p>")
    head = ("<tr><th>Year</th><th>China (US$ m)</th><th>Russia (US$ m)</th><th>DPRK total (US$ m)</th>"
            "<th>China share %</th><th>Russia share %</th><th>Series (China / Russia / total)</th></tr>")
    body = []
    for r in both.itertuples():
        series = " / ".join(SERIES_NAMES.get(s, s) if s else "—" for s in (r.china_series, r.russia_series, r.total_series))
        flag = "" if r.same_compiler else " (mixed)"
        body.append(f"<tr><td>{r.year}</td><td>{_fmt(r.china_usd_million, 1)}</td><td>{_fmt(r.russia_usd_million, 2)}</td>"
                    f"<td>{_fmt(r.total_usd_million, 1)}</td><td>{_fmt(r.china_share_pct, 1)}</td>"
                    f"<td>{_fmt(r.russia_share_pct, 2)}</td><td>{html.escape(series + flag)}</td></tr>")
    parts.append(f"<table style='font-size:90%'>{head}{''.join(body)}</table>")
    return "".join(parts)


# --------------------------------------------------------------------------- troop and casualty claims

CLAIMANT_GROUPS = ("South Korea", "Ukraine", "United States", "United Kingdom", "Russia")


def claimant_group(claimant: str) -> str:
    """The government a claim comes from, read off the start of the ``claimant`` text; anything else (press
    estimates, mixed groups such as 'US/South Korea/Ukraine intelligence') is 'Other or mixed'."""
    text = str(claimant).strip()
    for group in CLAIMANT_GROUPS:
        if text.startswith(group):
            return group
    return "Other or mixed"


def claims(troops: pd.DataFrame, measure: str, until=None) -> pd.DataFrame:
    """Claims of one ``measure`` (troops_deployed, troops_planned, casualties, killed, wounded, captured), optionally
    reported on or before ``until``, with ``group`` (see :func:`claimant_group`) and ``figure`` (the highest number
    the claim states: ``high`` if given, else ``low``; NaN when the claim gives no number). Sorted by date."""
    known = set(troops["measure"].astype(str))
    if measure not in known:
        raise TimelineError(f"No measure {measure!r} in data/troops.csv. Known: {', '.join(sorted(known))}.")
    rows = troops[troops["measure"].astype(str) == measure].copy()
    if until is not None:
        rows = rows[rows["date_reported"] <= pd.Timestamp(until)]
    rows["group"] = rows["claimant"].map(claimant_group)
    low = rows["low"].astype("float64")
    high = rows["high"].astype("float64")
    rows["figure"] = high.where(high.notna(), low)
    return rows.sort_values(["date_reported", "row_id"]).reset_index(drop=True)


def row_id(value) -> str:
    """A ``troops.csv`` row id as the file writes it: ``13``, ``"13"`` and ``"013"`` all become ``"013"``."""
    text = str(value).strip()
    return text.zfill(3) if text.isdigit() else text


def claim_ranges(troops: pd.DataFrame, measure: str, start=None, until=None, leave_out: Iterable = ()) -> pd.DataFrame:
    """The range of claims by claimant group (see :func:`claimant_group`), for one ``measure`` reported between
    ``start`` and ``until`` (inclusive; either may be None), after dropping the rows whose ids are in ``leave_out``.

    One row per group that has at least one number, indexed by group: ``low`` (the smallest number any of its
    claims states: the claim's low, or its high where it gives only an upper bound), ``high`` (the largest: the
    claim's high, or its low where it gives only a lower bound, as in :func:`claims`), ``claims`` (how many rows)
    and ``row_ids`` (which rows, comma-separated). A range is what the claimants said, never an estimate of the
    true number. Unknown measures raise :class:`TimelineError`.
    """
    rows = claims(troops, measure, until=until)
    if start is not None:
        rows = rows[rows["date_reported"] >= pd.Timestamp(start)]
    dropped = {row_id(r) for r in leave_out}
    rows = rows[~rows["row_id"].astype(str).map(row_id).isin(dropped)]
    low = rows["low"].astype("float64")
    high = rows["high"].astype("float64")
    rows = rows.assign(smallest=low.where(low.notna(), high), largest=high.where(high.notna(), low))
    rows = rows.dropna(subset=["smallest"])
    out = rows.groupby("group", sort=True).agg(low=("smallest", "min"), high=("largest", "max"),
                                               claims=("row_id", "size"),
                                               row_ids=("row_id", lambda ids: ", ".join(map(str, ids))))
    out.index.name = "group"
    return out.astype({"low": "Int64", "high": "Int64"})  # the claims are whole numbers of persons
