"""Measures of trade dependence used in lesson 03 (and lesson 04).

Every computation the lesson shows lives here, so learners can read it.
Bad data raises :class:`MeasureError` with a plain message; nothing is clipped
or interpolated silently.
"""

from __future__ import annotations

import math

__all__ = ["MeasureError", "share_pct"]


class MeasureError(ValueError):
    """Raised when the inputs to a measure are missing or impossible (bad data)."""


def _is_missing(x) -> bool:
    if x is None:
        return True
    try:
        return math.isnan(float(x))
    except (TypeError, ValueError):
        return True


def share_pct(part: float, total: float) -> float:
    """Return ``part`` as a percentage of ``total``.

    Raises MeasureError when either value is missing, when ``total`` is zero or
    negative, when ``part`` is negative, or when the share comes out above 100 %
    (a part larger than its total means the data are inconsistent).
    """
    if _is_missing(total):
        raise MeasureError(f"total is missing (got {total!r}); cannot compute a share of {part!r}")
    if _is_missing(part):
        raise MeasureError(f"part is missing (got {part!r}); cannot compute its share of {total!r}")
    part, total = float(part), float(total)
    if total <= 0:
        raise MeasureError(f"total must be positive, got {total:g} (part {part:g})")
    if part < 0:
        raise MeasureError(f"part must not be negative, got {part:g} (total {total:g})")
    pct = 100.0 * part / total
    if pct > 100.0 + 1e-9:
        raise MeasureError(
            f"share above 100%: part {part:g} is larger than total {total:g} ({pct:.1f}%) - "
            "the two figures do not fit together (bad data, not clipped)"
        )
    return pct


# --------------------------------------------------------------------------- two-sided measures
#
# Trade shares below are in per cent (0-100), as the data print them. Barbieri's
# salience and symmetry are defined on shares as fractions (0-1), so the two
# functions divide by 100 first and return values between 0 and 1.


def ratio(a: float, b: float) -> float:
    """``a / b``: how many times larger the first share is than the second."""
    if _is_missing(a) or _is_missing(b):
        raise MeasureError(f"cannot divide: a value is missing (a={a!r}, b={b!r})")
    a, b = float(a), float(b)
    if b <= 0:
        raise MeasureError(f"cannot divide by {b:g}: the second share must be positive (a={a:g})")
    return a / b


def _check_share(name: str, s) -> float:
    if _is_missing(s):
        raise MeasureError(f"{name} is missing (got {s!r})")
    s = float(s)
    if not 0 <= s <= 100 + 1e-9:
        raise MeasureError(f"{name} must lie between 0 and 100 per cent, got {s:g}")
    return s


def salience(share_a_pct: float, share_b_pct: float) -> float:
    """Barbieri's salience: the geometric mean of the two trade shares, sqrt(s_a * s_b), shares as fractions.

    0 when either side does not trade with the other; 1 only if each is the other's only partner.
    (Formula as reproduced in a secondary source; see the lesson for what is verified.)
    """
    a = _check_share("share_a_pct", share_a_pct) / 100
    b = _check_share("share_b_pct", share_b_pct) / 100
    return math.sqrt(a * b)


def symmetry(share_a_pct: float, share_b_pct: float) -> float:
    """Barbieri's symmetry: 1 - |s_a - s_b|, shares as fractions. 1 = both equally dependent; near 0 = lopsided."""
    a = _check_share("share_a_pct", share_a_pct) / 100
    b = _check_share("share_b_pct", share_b_pct) / 100
    return 1 - abs(a - b)


def interdependence(share_a_pct: float, share_b_pct: float) -> float:
    """Salience times symmetry (the product the same secondary source gives)."""
    return salience(share_a_pct, share_b_pct) * symmetry(share_a_pct, share_b_pct)


def hirschman_index(shares_pct) -> float:
    """Hirschman's concentration index: sqrt(sum of squared shares), shares as fractions; between 0 and 1.

    Needs the shares of *every* partner. They must not add up to more than 100 %.
    """
    shares = [_check_share("a partner share", s) for s in shares_pct]
    if not shares:
        raise MeasureError("no partner shares given: the index needs the share of every partner")
    if sum(shares) > 100 + 1e-6:
        raise MeasureError(f"partner shares add up to {sum(shares):.1f}% (> 100%): bad data")
    return math.sqrt(sum((s / 100) ** 2 for s in shares))


def hirschman_bounds(largest_share_pct: float) -> tuple[float, float]:
    """What one partner's share alone tells us about the Hirschman index.

    Lower bound: the share itself (the rest spread over very many small partners).
    Upper bound: sqrt(s^2 + (1-s)^2) (the rest all with one other partner).
    """
    s = _check_share("largest_share_pct", largest_share_pct) / 100
    return s, math.sqrt(s**2 + (1 - s) ** 2)


# --------------------------------------------------------------------------- the course's yearly table

MEASURES = {
    "total": ("Total trade", "total_usd_million"),
    "exports": ("China's exports to the DPRK", "china_exports_usd_million"),
    "imports": ("China's imports from the DPRK", "china_imports_usd_million"),
    "balance": ("Balance (China's exports minus imports)", None),
}
SERIES_LABELS = {"customs": "Chinese customs", "kotra": "KOTRA estimate"}


def _total_or_sum(total, exports, imports) -> tuple[float, str]:
    """The printed total; else exports + imports when both are printed (labelled); else missing."""
    if not _is_missing(total):
        return float(total), "printed"
    if not _is_missing(exports) and not _is_missing(imports):
        return float(exports) + float(imports), "exports + imports"
    return math.nan, "missing"


def trade_series(trade, series: str, measure: str = "total", start: int | None = None, end: int | None = None):
    """China–DPRK trade of one series (``customs`` or ``kotra``), preferred rows only, one row per year.

    Columns: year, value (US$ million), basis (how the value was obtained), source. Years without a
    preferred row or without the needed figures are absent: nothing is interpolated.
    """
    import pandas as pd

    if series not in SERIES_LABELS:
        raise MeasureError(f"unknown series {series!r}; use one of {sorted(SERIES_LABELS)}")
    if measure not in MEASURES:
        raise MeasureError(f"unknown measure {measure!r}; use one of {sorted(MEASURES)}")
    rows = trade[(trade["series"] == series) & trade["preferred"].fillna(False).astype(bool)]
    out = []
    for r in rows.itertuples(index=False):
        ex, im = r.china_exports_usd_million, r.china_imports_usd_million
        if measure == "total":
            value, basis = _total_or_sum(r.total_usd_million, ex, im)
        elif measure == "balance":
            ok = not (_is_missing(ex) or _is_missing(im))
            value, basis = (float(ex) - float(im), "exports - imports") if ok else (math.nan, "missing")
        else:
            value = getattr(r, MEASURES[measure][1])
            basis = "missing" if _is_missing(value) else "printed"
        if not _is_missing(value):
            out.append({"year": int(r.year), "value": float(value), "basis": basis, "source": r.source})
    df = pd.DataFrame(out, columns=["year", "value", "basis", "source"]).sort_values("year").reset_index(drop=True)
    if start is not None:
        df = df[df["year"] >= start]
    if end is not None:
        df = df[df["year"] <= end]
    return df.reset_index(drop=True)


def series_gap(trade, year: int, measure: str = "total") -> float:
    """KOTRA minus Chinese customs in one year (US$ million). MeasureError if either series lacks the year."""
    vals = {}
    for s in ("kotra", "customs"):
        ser = trade_series(trade, s, measure)
        hit = ser[ser["year"] == year]
        if hit.empty:
            raise MeasureError(f"no {SERIES_LABELS[s]} figure for {year}: the gap cannot be computed")
        vals[s] = float(hit["value"].iloc[0])
    return vals["kotra"] - vals["customs"]


def year_on_year(series_df):
    """Change from the previous year, only where both years are in the data (no bridging across gaps).

    Columns: year, value, change (US$ million), change_pct.
    """
    df = series_df[["year", "value"]].sort_values("year").reset_index(drop=True).copy()
    prev_year = df["year"].shift(1)
    prev_val = df["value"].shift(1)
    consecutive = df["year"] - prev_year == 1
    df["change"] = (df["value"] - prev_val).where(consecutive)
    df["change_pct"] = (100 * (df["value"] - prev_val) / prev_val).where(consecutive & (prev_val > 0))
    return df


def largest_fall(series_df, by: str = "pct") -> tuple[int, float]:
    """(year, change) of the largest year-on-year fall, by ``"pct"`` or ``"usd"``; consecutive years only."""
    col = {"pct": "change_pct", "usd": "change"}.get(by)
    if col is None:
        raise MeasureError(f"by must be 'pct' or 'usd', not {by!r}")
    yoy = year_on_year(series_df).dropna(subset=[col])
    if yoy.empty or yoy[col].min() >= 0:
        raise MeasureError("no year-on-year fall in these data")
    row = yoy.loc[yoy[col].idxmin()]
    return int(row["year"]), float(row[col])


def asymmetry_table(trade, dprk_total, china_total):
    """One row per year with the figures and every measure the lesson computes.

    Pairing rule (each share is computed inside one family of sources):
    - China's share of DPRK trade = KOTRA China–DPRK trade / KOTRA DPRK total trade;
    - DPRK's share of China's trade = Chinese customs China–DPRK trade / Chinese customs China total trade.
    Where a total is printed only as exports and imports, their sum is used (column ``*_basis`` says so).
    A measure that cannot be computed is left empty (NaN) and ``missing`` says why.
    """
    import pandas as pd

    kotra = trade_series(trade, "kotra").set_index("year")
    customs = trade_series(trade, "customs").set_index("year")
    dt = dprk_total[(dprk_total["series"] == "kotra") & dprk_total["preferred"].fillna(False).astype(bool)]
    ct = china_total[(china_total["series"] == "customs") & china_total["preferred"].fillna(False).astype(bool)]
    shares = dprk_total[(dprk_total["series"] == "kotra") & dprk_total["preferred_share"].fillna(False).astype(bool)]
    dprk_tot = {int(r.year): (_total_or_sum(r.dprk_total_trade_usd_million, r.dprk_exports_usd_million, r.dprk_imports_usd_million), r.source) for r in dt.itertuples()}
    china_tot = {int(r.year): (_total_or_sum(r.china_total_trade_usd_million, r.china_exports_usd_million, r.china_imports_usd_million), r.source) for r in ct.itertuples()}
    reported = {int(r.year): float(r.china_share_pct_reported) for r in shares.itertuples()}
    years = sorted(set(kotra.index) | set(customs.index) | set(dprk_tot) | set(china_tot))
    rows = []
    for y in years:
        row = {"year": y}
        row["cn_dprk_kotra"] = kotra["value"].get(y, math.nan)
        row["cn_dprk_customs"] = customs["value"].get(y, math.nan)
        (row["dprk_total_kotra"], row["dprk_total_basis"]), row["dprk_total_source"] = dprk_tot.get(y, ((math.nan, "missing"), ""))
        (row["china_total_customs"], row["china_total_basis"]), row["china_total_source"] = china_tot.get(y, ((math.nan, "missing"), ""))
        row["china_share_reported_pct"] = reported.get(y, math.nan)
        row["kotra_source"] = kotra["source"].get(y, "")
        row["customs_source"] = customs["source"].get(y, "")
        missing = []
        try:
            row["china_share_of_dprk_pct"] = share_pct(row["cn_dprk_kotra"], row["dprk_total_kotra"])
        except MeasureError:
            row["china_share_of_dprk_pct"] = math.nan
            missing.append("China's share of DPRK trade (needs KOTRA China–DPRK trade and KOTRA DPRK total)")
        try:
            row["dprk_share_of_china_pct"] = share_pct(row["cn_dprk_customs"], row["china_total_customs"])
        except MeasureError:
            row["dprk_share_of_china_pct"] = math.nan
            missing.append("DPRK's share of China's trade (needs customs China–DPRK trade and China's customs total)")
        a, b = row["china_share_of_dprk_pct"], row["dprk_share_of_china_pct"]
        if missing:
            row["ratio"] = row["salience"] = row["symmetry"] = row["interdependence"] = math.nan
        else:
            row["ratio"], row["salience"], row["symmetry"] = ratio(a, b), salience(a, b), symmetry(a, b)
            row["interdependence"] = row["salience"] * row["symmetry"]
        row["missing"] = "; ".join(missing)
        rows.append(row)
    return pd.DataFrame(rows)


def latest_complete_year(table=None) -> int:
    """The latest year of the asymmetry table for which every measure can be computed (both shares, hence the
    ratio, salience and symmetry). Lessons and keys use it instead of a hard-typed year, so that they follow
    the data when a newer year is added."""
    if table is None:
        table = course_asymmetry_table()
    complete = table.loc[table["symmetry"].notna(), "year"]
    if complete.empty:
        raise MeasureError("no year has every figure the asymmetry measures need")
    return int(complete.max())


def measures_for_year(table, year: int) -> dict:
    """The asymmetry measures of one year as a dict; MeasureError (plain message) when the year cannot be computed."""
    hit = table[table["year"] == year]
    if hit.empty:
        raise MeasureError(f"no data for {year}: no series in the course covers that year")
    row = hit.iloc[0].to_dict()
    if row["missing"]:
        raise MeasureError(f"no data for {year}: missing {row['missing']}. Nothing is interpolated.")
    return row


# --------------------------------------------------------------------------- sensitivity and vulnerability
#
# Keohane and Nye: sensitivity is how much a change costs before anyone adjusts; vulnerability is what it still
# costs once the alternatives have been used. The substitution scenario makes that difference computable: a cut
# in China-DPRK trade, then other partners replacing some of the lost trade, at a speed the learner sets. The
# cut, the replacement and its speed are ASSUMPTIONS; the base year and the record it is compared with are data
# (KOTRA: China-DPRK trade and North Korea's total, the same pairing as China's share in asymmetry_table).


def kotra_rows(table) -> dict:
    """``{year: (china_dprk_kotra, dprk_total_kotra)}`` for every year of the asymmetry table with both figures
    and a valid share (the table's China share is computed)."""
    if isinstance(table, dict):
        return table
    out = {}
    for r in table[["year", "cn_dprk_kotra", "dprk_total_kotra", "china_share_of_dprk_pct"]].itertuples(index=False):
        if not _is_missing(r.china_share_of_dprk_pct):
            out[int(r.year)] = (float(r.cn_dprk_kotra), float(r.dprk_total_kotra))
    return out


def _kotra_year(rows: dict, year: int) -> dict:
    china, total = rows[year]
    return {"year": year, "total": total, "china": china, "others": total - china,
            "china_share_pct": share_pct(china, total)}


def record_after(table, year: int, horizon: int = 5) -> dict:
    """What happened after ``year`` in the KOTRA record (data, no assumptions).

    Returns ``path``: the base year and each later year up to ``horizon`` that has both figures (total, trade
    with China, trade with other partners = total - China, China's share); and for the next year, when it is in
    the data: ``china_change_pct`` (change in trade with China), ``others_change_pct`` and
    ``implied_replacement_pct``: the change in trade with other partners as a per cent of the trade lost with
    China (100 = other partners made up all of it; 0 = none; negative = their trade fell too). It is None when
    trade with China did not fall.
    """
    rows = kotra_rows(table)
    if year not in rows:
        raise MeasureError(f"no data for {year}: the KOTRA figures for China–DPRK trade and North Korea's total "
                           "are both needed. Nothing is interpolated.")
    base = _kotra_year(rows, year)
    path = [base] + [_kotra_year(rows, y) for y in range(year + 1, year + horizon + 1) if y in rows]
    out = {"year": year, "path": path, "next": None, "china_change_pct": None, "others_change_pct": None,
           "implied_replacement_pct": None}
    if year + 1 in rows:
        nxt = _kotra_year(rows, year + 1)
        out["next"] = nxt
        out["china_change_pct"] = 100 * (nxt["china"] - base["china"]) / base["china"] if base["china"] > 0 else None
        out["others_change_pct"] = 100 * (nxt["others"] - base["others"]) / base["others"] if base["others"] > 0 else None
        lost = base["china"] - nxt["china"]
        if lost > 0:
            out["implied_replacement_pct"] = 100 * (nxt["others"] - base["others"]) / lost
    return out


def substitution(table, year: int, cut_pct: float, replaced_pct: float, years_to_replace: int = 1,
                 horizon: int = 5) -> dict:
    """A scenario: trade with China is cut by ``cut_pct`` % after ``year`` and stays cut; other partners replace
    ``replaced_pct`` % of the lost trade, building up evenly over ``years_to_replace`` years; their own trade is
    otherwise unchanged. All three are assumptions, not data; the base year is data (KOTRA).

    Returns ``path`` (one dict per year from the base year to ``year + horizon``: china, replacement, others,
    total, china_share_pct, loss_pct = per cent of the base-year total lost), ``sensitivity_pct`` (the loss at
    impact, before any substitution: cut x China's share), ``vulnerability_pct`` (the loss that remains one
    year after the cut, once that year's substitution is counted) and ``vulnerability_end_pct`` (the same at the
    horizon), and the base year's figures under ``base``.
    """
    for name, v in (("cut_pct", cut_pct), ("replaced_pct", replaced_pct)):
        if _is_missing(v) or not 0 <= float(v) <= 100:
            raise MeasureError(f"{name} must be between 0 and 100 per cent, got {v!r}")
    if isinstance(years_to_replace, bool) or _is_missing(years_to_replace) or int(years_to_replace) != years_to_replace \
            or not 1 <= int(years_to_replace) <= 20:
        raise MeasureError(f"years_to_replace must be a whole number of years from 1 to 20, got {years_to_replace!r}")
    rows = kotra_rows(table)
    if year not in rows:
        raise MeasureError(f"no data for {year}: the KOTRA figures for China–DPRK trade and North Korea's total "
                           "are both needed. Nothing is interpolated.")
    base = _kotra_year(rows, year)
    cut, rep, n = float(cut_pct) / 100, float(replaced_pct) / 100, int(years_to_replace)
    lost = cut * base["china"]
    path = []
    for t in range(0, horizon + 1):
        china = base["china"] if t == 0 else base["china"] - lost
        replacement = 0.0 if t == 0 else rep * lost * min(1.0, t / n)
        others = base["others"] + replacement
        total = china + others
        path.append({"year": year + t, "china": china, "replacement": replacement, "others": others, "total": total,
                     "china_share_pct": 100 * china / total if total > 0 else math.nan,
                     "loss_pct": 100 * (base["total"] - total) / base["total"]})
    return {"year": year, "cut_pct": float(cut_pct), "replaced_pct": float(replaced_pct), "years_to_replace": n,
            "base": base, "path": path, "sensitivity_pct": 100 * lost / base["total"],
            "vulnerability_pct": path[1]["loss_pct"] if horizon >= 1 else math.nan,
            "vulnerability_end_pct": path[-1]["loss_pct"]}


def course_asymmetry_table():
    """:func:`asymmetry_table` on the course data (cached)."""
    global _TABLE
    if _TABLE is None:
        from . import data

        _TABLE = asymmetry_table(data.load_china_dprk_trade(), data.load_dprk_total_trade(), data.load_china_total_trade())
    return _TABLE.copy()


_TABLE = None

__all__ += [
    "ratio", "salience", "symmetry", "interdependence", "hirschman_index", "hirschman_bounds", "MEASURES",
    "SERIES_LABELS", "trade_series", "series_gap", "year_on_year", "largest_fall", "asymmetry_table",
    "measures_for_year", "kotra_rows", "record_after", "substitution", "course_asymmetry_table",
    "latest_complete_year",
]
