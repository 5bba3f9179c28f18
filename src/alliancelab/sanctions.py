"""Lesson 05's computations: sanctions resolutions, Security Council votes, trade around each step, China's wording,
the nuclear tests and the triangle episodes.

Every function here is pure: it takes the tables (or loads them through :mod:`alliancelab.data` when none are given)
and returns plain values or DataFrames. The explorers in :mod:`alliancelab.explorers.lesson05` only wire widgets to
these functions, and the unit tests (``tests/unit/test_sanctions_module.py``) call them directly.

Nothing is interpolated or averaged. A year without a preferred trade row stays empty, and every function that
would need one says so (``ValueError`` with a plain message) instead of guessing.
"""

from __future__ import annotations

import math
from typing import Mapping, Sequence

import pandas as pd

from . import data

__all__ = [
    "MEASURE_LABELS",
    "VOTE_LABELS",
    "SERIES_LABELS",
    "CONTEXT_EVENTS",
    "DYADS",
    "TRIANGLE_TAGS",
    "TRIANGLE_TAG_LABELS",
    "STATES",
    "resolutions",
    "resolution_label",
    "measures_of",
    "resolution_overview",
    "preferred_trade",
    "trade_value",
    "trade_change",
    "trade_window",
    "steps_between",
    "context_between",
    "resolution_trade_summary",
    "vote_record",
    "vote_counts",
    "decision_labels",
    "decision_rows",
    "statements",
    "last_mention_before",
    "days_between_dates",
    "nuclear_tests",
    "dyad_episodes",
    "triangle_feedback",
    "key_problems",
    "TRADE_MEASURES",
]

#: The measure categories of ``sanctions/measures.csv``, in words.
MEASURE_LABELS: dict[str, str] = {
    "arms_embargo": "Arms embargo",
    "wmd_items": "Nuclear, missile and other WMD-related items",
    "luxury_goods": "Luxury goods",
    "designations": "Asset freezes and travel bans on listed persons (designations)",
    "cargo_inspection": "Cargo inspection and shipping",
    "financial": "Financial measures",
    "panel_of_experts": "Panel of Experts (monitoring)",
    "coal_iron_minerals": "Coal, iron and other minerals",
    "statues": "Statues and some metals",
    "seafood": "Seafood",
    "textiles": "Textiles",
    "overseas_workers": "North Korean workers abroad",
    "joint_ventures": "Joint ventures",
    "aviation_fuel": "Aviation fuel",
    "refined_petroleum_cap": "Cap on refined petroleum supplied",
    "crude_oil_cap": "Cap on crude oil supplied",
    "natural_gas_condensates": "Natural gas condensates and liquids",
    "diplomatic_restrictions": "Diplomats and missions",
    "other_export_bans": "Other bans on North Korean exports",
    "other_import_bans": "Other bans on supplies to North Korea",
}

#: The sectoral measure categories: bans and caps on whole classes of goods (coal, minerals, fuel, seafood, textiles
#: and the like), the ones a customs series could show. The UN's own summaries call such measures "sectoral".
TRADE_MEASURES = ("coal_iron_minerals", "statues", "seafood", "textiles", "refined_petroleum_cap", "crude_oil_cap",
                  "natural_gas_condensates", "other_export_bans", "other_import_bans", "aviation_fuel")

VOTE_LABELS: dict[str, str] = {
    "in_favour": "In favour",
    "proposed": "Proposed (a draft never put to a vote)",
    "abstention": "Abstention",
    "against": "Against",
}

SERIES_LABELS: dict[str, str] = {"customs": "Chinese customs", "kotra": "KOTRA"}

#: Events that are not Council decisions but change what the trade figures can show (course's choice; each is a
#: sourced row of events.csv).
CONTEXT_EVENTS: tuple[str, ...] = (
    "2017_china_suspends_dprk_coal",
    "2020_01_22_dprk_border_closed_tourists",
    "2022_01_17_dandong_sinuiju_rail_freight_resumes",
    "2022_09_26_rail_freight_resumes_again",
    "2024_04_30_panel_of_experts_mandate_ends",
    "2024_10_16_msmt_launched",
)

#: The six states of the board, as named in events.csv (the Soviet Union counts as Moscow before 1992).
STATES: tuple[str, ...] = ("China", "North Korea", "Russia", "South Korea", "United States", "Japan")

#: Dyads of the triangle explorer: label -> the two sides, each a set of the names events.csv uses for it.
DYADS: dict[str, tuple[frozenset, frozenset]] = {
    "Seoul–Washington": (frozenset({"South Korea"}), frozenset({"United States"})),
    "Seoul–Tokyo": (frozenset({"South Korea"}), frozenset({"Japan"})),
    "Beijing–Pyongyang": (frozenset({"China"}), frozenset({"North Korea"})),
    "Moscow–Pyongyang": (frozenset({"Russia", "Soviet Union"}), frozenset({"North Korea"})),
    "Beijing–Seoul": (frozenset({"China"}), frozenset({"South Korea"})),
}

TRIANGLE_TAGS: tuple[str, ...] = ("abandonment", "entrapment", "wedging", "binding")
TRIANGLE_TAG_LABELS: dict[str, str] = {"abandonment": "Abandonment fear", "entrapment": "Entrapment fear",
                                       "wedging": "Wedging", "binding": "Binding"}


# --------------------------------------------------------------------------- resolutions and measures


def resolutions(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ten sanctions resolutions, oldest first (``sanctions/resolutions.csv``)."""
    table = data.load("sanctions_resolutions") if table is None else table
    return table.sort_values("adoption_date").reset_index(drop=True)


def resolution_label(row) -> str:
    """'2270 · 2 Mar 2016': the resolution number and its adoption date."""
    date = pd.Timestamp(row["adoption_date"])
    return f"{int(row['resolution'])} · {date.day} {date:%b %Y}"


def measures_of(resolution: int, measures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The measure rows of one resolution, with a ``label`` column (the category in words).

    Each row keeps its ``status``: ``operative_text`` when the quote is the resolution's own wording (through a
    compilation), ``summary`` when only a summary was read. Raises ValueError for an unknown resolution."""
    measures = data.load("sanctions_measures") if measures is None else measures
    rows = measures[measures["resolution"] == int(resolution)].copy()
    if rows.empty:
        raise ValueError(f"No measures are recorded for resolution {resolution!r}; the resolutions are "
                         f"{', '.join(str(r) for r in sorted(measures['resolution'].unique()))}.")
    rows["label"] = rows["measure"].astype(str).map(MEASURE_LABELS)
    return rows.reset_index(drop=True)


def resolution_overview(res: pd.DataFrame | None = None, measures: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per resolution: date, trigger, the categories it restricts (in words), whether any of them is a
    sectoral ban on whole classes of goods, and how many of its quotations are the resolution's own wording rather than a summary."""
    res = resolutions(res)
    measures = data.load("sanctions_measures") if measures is None else measures
    rows = []
    for _, r in res.iterrows():
        m = measures[measures["resolution"] == r["resolution"]]
        cats = [c for c in str(r["measures"]).split(";") if c]
        rows.append({
            "resolution": int(r["resolution"]),
            "adopted": r["adoption_date"],
            "trigger": r["trigger"],
            "restricts": "; ".join(MEASURE_LABELS[c] for c in cats),
            "sectoral_bans": any(c in TRADE_MEASURES for c in cats),
            "quotes_held": len(m),
            "operative_text_quotes": int((m["status"].astype(str) == "operative_text").sum()),
            "vote": f"{r['votes_for']}–{r['votes_against']}–{r['abstentions']}",
            "source": r["source"],
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- trade around each step


def preferred_trade(trade: pd.DataFrame | None = None) -> pd.DataFrame:
    """China–DPRK trade, US$ million, one row per year, a column per series (customs, kotra), preferred rows only.

    The KOTRA 2008 preferred row prints only exports and imports; its total is their sum (the lesson says so).
    Years with no preferred row stay NaN. A table this function already returned is passed through unchanged, so
    callers that need it many times (the explorer) compute it once."""
    trade = data.load_china_dprk_trade() if trade is None else trade
    if list(trade.columns) == list(SERIES_LABELS) and trade.index.name == "year":
        return trade
    rows = trade[trade["preferred"]].copy()
    total = rows["total_usd_million"].astype(float)
    split = rows["china_exports_usd_million"].astype(float) + rows["china_imports_usd_million"].astype(float)
    rows["value"] = total.where(total.notna(), split)
    rows["series"] = rows["series"].astype(str)
    table = rows.pivot_table(index="year", columns="series", values="value", aggfunc="first")
    table = table.reindex(range(int(trade["year"].min()), int(trade["year"].max()) + 1))
    table.index.name = "year"
    for s in SERIES_LABELS:
        if s not in table:
            table[s] = float("nan")
    return table[list(SERIES_LABELS)]


def trade_value(trade: pd.DataFrame | None, series: str, year: int) -> float:
    """China–DPRK trade in one year and series (US$ million), from the preferred row; ValueError if there is none."""
    if series not in SERIES_LABELS:
        raise ValueError(f"series must be one of {', '.join(SERIES_LABELS)}, not {series!r}.")
    table = preferred_trade(trade)
    if int(year) not in table.index or pd.isna(table.loc[int(year), series]):
        raise ValueError(f"There is no preferred {SERIES_LABELS[series]} figure for {year}: the year is a gap, "
                         "and the course does not fill gaps.")
    return float(table.loc[int(year), series])


def trade_change(trade: pd.DataFrame | None, series: str, from_year: int, to_year: int) -> float:
    """Percent change in China–DPRK trade between two years of one series (preferred rows)."""
    before = trade_value(trade, series, from_year)
    after = trade_value(trade, series, to_year)
    return (after / before - 1.0) * 100.0


def trade_window(year: int, before: int = 2, after: int = 2, trade: pd.DataFrame | None = None) -> pd.DataFrame:
    """The trade years around ``year``: customs, KOTRA, and the gap between them (KOTRA minus customs, and as a
    percentage of customs). Missing years stay NaN."""
    table = preferred_trade(trade)
    years = [y for y in range(int(year) - int(before), int(year) + int(after) + 1)]
    out = table.reindex(years).copy()
    out["gap_usd_million"] = out["kotra"] - out["customs"]
    out["gap_pct_of_customs"] = out["gap_usd_million"] / out["customs"] * 100
    return out.reset_index()


def steps_between(first_year: int, last_year: int, votes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every Council decision on DPRK sanctions in the data dated in [first_year, last_year] (resolutions, drafts,
    vetoes, the 2023 renewal), one row per decision, oldest first."""
    votes = data.load("sanctions_votes") if votes is None else votes
    rows = votes[(votes["decision_date"].dt.year >= int(first_year)) & (votes["decision_date"].dt.year <= int(last_year))]
    rows = rows.drop_duplicates("decision_id").sort_values("decision_date")
    return rows[["decision_id", "decision_date", "decision_type", "resolution", "document"]].reset_index(drop=True)


def context_between(first_year: int, last_year: int, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """The context events (:data:`CONTEXT_EVENTS`) dated in [first_year, last_year]."""
    events = data.load_events() if events is None else events
    rows = events[events["id"].isin(CONTEXT_EVENTS)]
    rows = rows[(rows["date"].dt.year >= int(first_year)) & (rows["date"].dt.year <= int(last_year))]
    return rows.sort_values("date")[["id", "date", "description", "source"]].reset_index(drop=True)


def _fmt_change(a: float, b: float) -> str:
    if any(map(lambda v: v is None or (isinstance(v, float) and math.isnan(v)), (a, b))):
        return "no figure for one of the two years"
    return f"{(b / a - 1) * 100:+.1f}%"


def resolution_trade_summary(resolution: int, years: int = 2, res: pd.DataFrame | None = None,
                             trade: pd.DataFrame | None = None) -> dict:
    """What the trade data did around one resolution: the window, the change from the year before adoption to the
    last year of the window in each series, the series gap, and the other steps and context events in the window."""
    table = resolutions(res)
    match = table[table["resolution"] == int(resolution)]
    if match.empty:
        raise ValueError(f"Resolution {resolution!r} is not one of {', '.join(map(str, table['resolution']))}.")
    row = match.iloc[0]
    year = int(row["adoption_date"].year)
    window = trade_window(year, before=years, after=years, trade=trade)
    by_year = window.set_index("year")
    first, last = year - 1, year + years
    changes = {}
    for s in SERIES_LABELS:
        a = by_year[s].get(first, float("nan"))
        b = by_year[s].get(last, float("nan"))
        changes[s] = {"from_year": first, "to_year": last, "from": a, "to": b,
                      "change_pct": (b / a - 1) * 100 if pd.notna(a) and pd.notna(b) else float("nan"),
                      "text": _fmt_change(a, b)}
    others = steps_between(year - years, year + years)
    others = others[others["decision_id"] != f"res_{int(resolution)}"]
    return {"resolution": int(resolution), "year": year, "adopted": row["adoption_date"], "window": window,
            "changes": changes, "other_steps": others, "context": context_between(year - years, year + years)}


# --------------------------------------------------------------------------- votes


def vote_record(votes: pd.DataFrame | None = None, member: str | None = None, explicit_only: bool = False) -> pd.DataFrame:
    """China's and Russia's votes, oldest first; one member only, and/or only votes a source names explicitly
    (``basis == 'explicit'``), when asked."""
    votes = data.load("sanctions_votes") if votes is None else votes
    rows = votes
    if member and member != "Both":
        rows = rows[rows["member"].astype(str) == member]
    if explicit_only:
        rows = rows[rows["basis"].astype(str) == "explicit"]
    return rows.sort_values(["decision_date", "member"]).reset_index(drop=True)


def vote_counts(votes: pd.DataFrame | None = None, member: str | None = None, explicit_only: bool = False) -> dict[str, int]:
    """How many votes of each kind (in favour, proposed, abstention, against) the record holds."""
    rows = vote_record(votes, member, explicit_only)
    counts = rows["vote"].astype(str).value_counts()
    return {v: int(counts.get(v, 0)) for v in VOTE_LABELS}


def decision_labels(votes: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """(label, decision_id) for every decision, oldest first: 'Resolution 1718 · 14 Oct 2006', 'Draft · 26 May 2022'."""
    votes = data.load("sanctions_votes") if votes is None else votes
    rows = votes.drop_duplicates("decision_id").sort_values("decision_date")
    out = []
    for _, r in rows.iterrows():
        d = pd.Timestamp(r["decision_date"])
        kind = str(r["decision_type"])
        if kind == "resolution_adopted":
            head = f"Resolution {int(r['resolution'])}"
        elif kind == "draft_vetoed":
            head = "Draft vetoed"
        else:
            head = "Draft not put to a vote"
        out.append((f"{head} · {d.day} {d:%b %Y}", str(r["decision_id"])))
    return out


def decision_rows(decision_id: str, votes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The vote rows of one decision (one per member held)."""
    votes = data.load("sanctions_votes") if votes is None else votes
    rows = votes[votes["decision_id"] == decision_id]
    if rows.empty:
        raise ValueError(f"No decision {decision_id!r} in sanctions/votes.csv.")
    return rows.reset_index(drop=True)


# --------------------------------------------------------------------------- China's wording and the tests


def statements(table: pd.DataFrame | None = None, topic: str | None = None) -> pd.DataFrame:
    """China's statements (``positions/china_statements.csv``), oldest first, optionally one topic."""
    table = data.load("china_statements") if table is None else table
    rows = table if not topic or topic == "All" else table[table["topic"].astype(str) == topic]
    return rows.sort_values(["date", "statement_id"]).reset_index(drop=True)


def last_mention_before(date, table: pd.DataFrame | None = None) -> pd.Series:
    """The latest statement on the peninsula dated before ``date`` whose Chinese wording mentions denuclearization."""
    rows = statements(table, "peninsula_position")
    rows = rows[(rows["date"] < pd.Timestamp(date)) & rows["mentions_denuclearization"].fillna(False).astype(bool)]
    if rows.empty:
        raise ValueError(f"No statement before {date} mentions denuclearization.")
    return rows.iloc[-1]


def days_between_dates(first, second) -> int:
    """Whole days from ``first`` to ``second``."""
    return int((pd.Timestamp(second) - pd.Timestamp(first)).days)


def nuclear_tests(events: pd.DataFrame | None = None) -> pd.DataFrame:
    """North Korea's nuclear tests as main rows of events.csv (labelled variants dropped), oldest first."""
    events = data.load_events() if events is None else events
    rows = events[events["id"].str.contains("nuclear_test", regex=False) & events["variant_of"].isna()]
    return rows.sort_values("date").reset_index(drop=True)


# --------------------------------------------------------------------------- triangle episodes


def _actor_set(actors) -> set[str]:
    return {a.strip() for a in str(actors).split(";") if a.strip()}


def dyad_episodes(dyad: str, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Main rows of events.csv in which both sides of a dyad (:data:`DYADS`) take part, oldest first."""
    if dyad not in DYADS:
        raise ValueError(f"dyad must be one of {', '.join(DYADS)}, not {dyad!r}.")
    events = data.load_events() if events is None else events
    a, b = DYADS[dyad]
    main = events[events["variant_of"].isna()]
    mask = main["actors"].map(lambda s: bool(_actor_set(s) & a) and bool(_actor_set(s) & b))
    return main[mask].sort_values(["date", "id"]).reset_index(drop=True)


def triangle_feedback(key: Mapping[str, Mapping], event_id: str | None, tag: str | None, whose: str | None) -> dict:
    """Compare a learner's tag (one of :data:`TRIANGLE_TAGS`) and state with the key for one episode.

    A key entry is ``{"accept": [(tag, state), ...], "reasoning": "..."}``: more than one reading can be defensible.
    Returns ``{"status", "message", "reasoning"}``; status is ``correct``, ``partly`` (tag right, state not),
    ``wrong``, ``unkeyed`` or ``untagged``."""
    entry = key.get(event_id) if event_id else None
    if entry is None:
        return {"status": "unkeyed", "message": "This episode is not in the key: tag it, then discuss your reasons.",
                "reasoning": ""}
    if not tag or tag not in TRIANGLE_TAGS:
        return {"status": "untagged", "message": "Choose a tag: abandonment fear, entrapment fear, wedging or binding.",
                "reasoning": ""}
    accept: Sequence[tuple[str, str]] = entry["accept"]
    tags = {t for t, _ in accept}
    readings = "; ".join(f"{TRIANGLE_TAG_LABELS[t].lower()} ({s})" for t, s in accept)
    if tag not in tags:
        return {"status": "wrong", "message": f"Not what the key says. The key accepts: {readings}.",
                "reasoning": entry["reasoning"]}
    if not whose or whose == "—":
        return {"status": "partly", "message": f"Right tag ({TRIANGLE_TAG_LABELS[tag].lower()}). Now say whose move "
                                               "or fear it is.", "reasoning": ""}
    if (tag, whose) not in set(map(tuple, accept)):
        states = ", ".join(s for t, s in accept if t == tag)
        return {"status": "partly", "message": f"Right tag ({TRIANGLE_TAG_LABELS[tag].lower()}), but the key gives it "
                                               f"to {states}, not {whose}.", "reasoning": entry["reasoning"]}
    others = [r for r in accept if tuple(r) != (tag, whose)]
    more = (" The key also accepts: " + "; ".join(f"{TRIANGLE_TAG_LABELS[t].lower()} ({s})" for t, s in others) + "."
            if others else "")
    return {"status": "correct", "message": f"Agreed: {TRIANGLE_TAG_LABELS[tag].lower()}, {whose}.{more}",
            "reasoning": entry["reasoning"]}


def key_problems(key: Mapping[str, Mapping], events: pd.DataFrame | None = None) -> list[str]:
    """Sanity checks of a triangle key against the data (used by the tests): unknown ids, tags or states."""
    events = data.load_events() if events is None else events
    ids = set(events["id"])
    problems = []
    for event_id, entry in key.items():
        if event_id not in ids:
            problems.append(f"{event_id}: not in events.csv")
        for tag, state in entry["accept"]:
            if tag not in TRIANGLE_TAGS or state not in STATES:
                problems.append(f"{event_id}: ({tag}, {state}) is not a tag and state of the explorer")
    return problems
