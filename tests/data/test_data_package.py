"""Data package: Frictionless validation, loading, and meaning checks (see data/README.md)."""

from __future__ import annotations

import csv
import datetime as dt
import re

import frictionless
import pytest

from alliancelab import data as ald
from tests.helpers import DATA, SHARED

TRADE = ["china_dprk_trade", "dprk_total_trade", "china_total_trade", "russia_dprk_trade"]
MONEY = {  # resource: (total, exports, imports)
    "china_dprk_trade": ("total_usd_million", "china_exports_usd_million", "china_imports_usd_million"),
    "dprk_total_trade": ("dprk_total_trade_usd_million", "dprk_exports_usd_million", "dprk_imports_usd_million"),
    "china_total_trade": ("china_total_trade_usd_million", "china_exports_usd_million", "china_imports_usd_million"),
    "russia_dprk_trade": ("total_usd_million", "russia_exports_usd_million", "russia_imports_usd_million"),
}


def _years(*spans):
    out = set()
    for s in spans:
        out.update(range(s[0], s[1] + 1) if isinstance(s, tuple) else [s])
    return out


# Mirrors the 'Known gaps' table in data/README.md: years without a preferred row inside (or beside) a series' range.
KNOWN_GAPS = {
    ("china_dprk_trade", "customs"): _years(1992, (1994, 1998)),
    ("china_dprk_trade", "kotra"): _years(1999),
    ("dprk_total_trade", "kotra"): _years(1995, 1997),
    ("dprk_total_trade", "imf_dots"): _years((1994, 2007)),
    ("dprk_total_trade", "kita_mirror"): _years((1992, 2002)),
    ("dprk_total_trade", "rok_unification_ministry"): _years(1991, 1993),
    ("dprk_total_trade", "un_comtrade_mirror"): _years((2009, 2017)),
    ("china_total_trade", "customs"): _years(1994, 1998, 2001, 2015, 2017, 2019),
    ("russia_dprk_trade", "itc_trade_map"): _years(2016, 2017),
    ("russia_dprk_trade", "kotra"): _years((2001, 2004), 2007, 2008),
    ("russia_dprk_trade", "other"): _years(1990, 1991, 1999, 2000, 2005, 2024),
    ("russia_dprk_trade", "russian_customs"): _years(2019),
    ("russia_dprk_trade", "russian_official"): _years((1995, 1999), (2001, 2010), (2012, 2016), (2019, 2022)),
}
# Years whose only rows in a series are judged unreliable (no preferred row at all).
NO_ELIGIBLE_ROW = {
    ("china_dprk_trade", "kotra"): {1999},
    ("china_total_trade", "customs"): {1994},
    ("russia_dprk_trade", "other"): {1990, 1991, 1999, 2000, 2005, 2024},
}
# Preferred rows that are the only printing for their year and series and fail the sum check (README, 'Disagreements kept').
KNOWN_SUM_EXCEPTIONS = {("china_dprk_trade", 1991, "customs"), ("china_dprk_trade", 2016, "customs")}


def tolerance(total: float) -> float:
    return max(0.006 * total, 1.0)


def raw(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------- (a) Frictionless

def test_frictionless_validates_package():
    report = frictionless.validate(str(DATA / "datapackage.json"))
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors] + [e.message for e in report.errors]
    assert report.valid, "\n".join(errors[:30])


# ---------------------------------------------------------------- (b) loaders

RESOURCES = [r["name"] for r in ald.descriptor()["resources"]]


@pytest.mark.parametrize("name", RESOURCES)
def test_every_resource_loads(name):
    frame = ald.load(name)
    assert len(frame) > 0
    assert list(frame.columns) == [f["name"] for f in ald._resource(name)["schema"]["fields"]]


def test_named_loaders():
    assert len(ald.load_han_table1()) == 7
    for fn in (ald.load_china_dprk_trade, ald.load_dprk_total_trade, ald.load_china_total_trade,
               ald.load_russia_dprk_trade, ald.load_events, ald.load_troops):
        assert len(fn()) > 0
    assert ald.load_troops()["measure"].dtype == "category"


# ---------------------------------------------------------------- (c) meaning

@pytest.mark.parametrize("name", TRADE)
def test_totals_match_components_for_preferred_rows(name):
    frame = ald.load(name)
    tcol, ecol, icol = MONEY[name]
    bad = []
    for _, r in frame[frame.preferred & frame[[tcol, ecol, icol]].notna().all(axis=1)].iterrows():
        if abs(r[tcol] - (r[ecol] + r[icol])) > tolerance(r[tcol]) and (name, r["year"], r["series"]) not in KNOWN_SUM_EXCEPTIONS:
            bad.append((r["year"], r["series"], r[tcol], r[ecol], r[icol]))
    assert not bad, f"{name}: preferred totals differ from exports + imports: {bad}"


def test_sum_exceptions_are_real_and_noted():
    for name, year, series in KNOWN_SUM_EXCEPTIONS:
        frame = ald.load(name)
        rows = frame[(frame.year == year) & (frame.series == series)]
        assert len(rows) == 1 and rows.preferred.all() and rows.note.str.contains("SUM CHECK FAILS").all()


@pytest.mark.parametrize("name", TRADE)
def test_rows_failing_sum_check_are_labelled(name):
    frame = ald.load(name)
    tcol, ecol, icol = MONEY[name]
    for _, r in frame[frame[[tcol, ecol, icol]].notna().all(axis=1)].iterrows():
        if abs(r[tcol] - (r[ecol] + r[icol])) > tolerance(r[tcol]):
            assert "SUM CHECK FAILS" in r["note"], (name, r["year"], r["source"])


def test_shares_in_range():
    checks = [("dprk_total_trade", "china_share_pct_reported"), ("china_dprk_1950_1990", "pct_of_china_total_trade"),
              ("china_dprk_1950_1990", "pct_of_dprk_total_trade")]
    for name, col in checks:
        values = ald.load(name)[col].dropna()
        assert values.between(0, 100).all(), (name, col)


def test_every_source_key_exists():
    known = ald.source_keys()
    for name in RESOURCES:
        if name == "sources":
            continue
        frame = ald.load(name)
        if "source" not in frame:
            continue
        keys = {k for v in frame["source"].dropna() for k in str(v).split(";")}
        assert keys <= known, (name, sorted(keys - known))


def test_source_keys_well_formed_and_unique():
    keys = [r["key"] for r in raw(DATA / "sources.csv")]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z0-9_]+", k) for k in keys)


@pytest.mark.parametrize("name", TRADE)
def test_exactly_one_preferred_row_per_year_and_series(name):
    frame = ald.load(name)
    counts = frame.groupby(["year", "series"], observed=True)["preferred"].sum()
    assert (counts <= 1).all(), counts[counts > 1]
    none = {(name, s, y) for (y, s), c in counts.items() if c == 0}
    allowed = {(name, s, y) for (n, s), ys in NO_ELIGIBLE_ROW.items() if n == name for y in ys}
    assert none == allowed, f"{name}: (year, series) without a preferred row: {sorted(none ^ allowed)}"
    for (n, s), ys in NO_ELIGIBLE_ROW.items():
        if n == name:
            rows = frame[(frame.series == s) & frame.year.isin(ys)]
            assert rows.note.str.startswith("NOT PREFERRED (unreliable)").all()


def test_exactly_one_preferred_share():
    frame = ald.load("dprk_total_trade")
    with_share = frame[frame.china_share_pct_reported.notna()]
    counts = with_share.groupby(["year", "series"], observed=True)["preferred_share"].sum()
    reliable = with_share[~with_share.note.fillna("").str.startswith("NOT PREFERRED (unreliable)")]
    expected = reliable.groupby(["year", "series"], observed=True).size().clip(upper=1)
    assert counts.reindex(expected.index).eq(expected).all()
    assert not frame[frame.preferred_share & frame.china_share_pct_reported.isna()].shape[0]


@pytest.mark.parametrize("name", TRADE)
def test_no_silent_gaps(name):
    frame = ald.load(name)
    for series, g in frame.groupby("series", observed=True):
        preferred = set(g[g.preferred].year)
        span = set(range(min(preferred), max(preferred) + 1)) if preferred else set()
        missing = (span | set(g.year)) - preferred
        known = KNOWN_GAPS.get((name, series), set())
        assert missing == known, f"{name}/{series}: unlisted gaps {sorted(missing - known)}; listed but filled {sorted(known - missing)}"


def test_known_gaps_mirror_readme():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Known gaps", 1)[1].split("\n## ", 1)[0]
    for (name, series) in KNOWN_GAPS:
        assert re.search(rf"\|\s*`{name}`\s*\|\s*`{series}`\s*\|", section), (name, series)


def test_events_dates_ids_order_variants():
    rows = raw(DATA / "events.csv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    dates = [dt.date.fromisoformat(r["date"]) for r in rows]
    assert [(d, i) for d, i in zip(dates, ids)] == sorted(zip(dates, ids))
    for r, d in zip(rows, dates):
        if r["date_precision"] in ("month", "year"):
            assert d.day == 1 and (r["date_precision"] == "month" or d.month == 1), r["id"]
        assert "\n" not in r["description"] and r["description"].strip()
        if r["variant_of"]:
            assert r["variant_of"] in ids and r["variant_of"] != r["id"]
            assert not next(x for x in rows if x["id"] == r["variant_of"])["variant_of"], "variants point to main rows"


def _words(text):
    return re.sub(r"\W+", " ", text.lower()).split()


def test_event_descriptions_are_not_copied_from_quotes():
    for r in raw(DATA / "events.csv"):
        d, q = _words(r["description"]), " ".join(_words(r["quote"]))
        assert " ".join(d) not in q, r["id"]
        copied = [" ".join(d[i:i + 8]) for i in range(len(d) - 7) if " ".join(d[i:i + 8]) in q]
        assert not copied, (r["id"], copied[0])


def test_troops_bounds():
    frame = ald.load_troops()
    both = frame.dropna(subset=["low", "high"])
    assert (both.low <= both.high).all()
    assert frame.row_id.is_unique


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def test_article_numbers_complete_per_treaty():
    treaties = ald.load_treaties()
    articles = ald.load_articles()
    for _, t in treaties.iterrows():
        have = set(articles.loc[articles.treaty_id == t.treaty_id, "article"])
        n = int(t.n_articles)
        wanted = ROMAN[:n] if t.treaty_id in ("prc_dprk_1961", "us_rok_1953") else [str(i) for i in range(1, n + 1)]
        assert set(wanted) <= have, (t.treaty_id, sorted(set(wanted) - have))


PRINTED_TABLE_1 = {
    "1950": ("6.51", "0.57", ""), "1960": ("120.37", "3.16", ""), "1962": ("151.38", "5.19", ""),
    "1970": ("115.09", "2.51", "14.8"), "1972": ("283.07", "4.49", "27.2"), "1980": ("677.57", "1.79", "20.3"),
    "1990": ("442.20", "0.53", ""),
}


def test_han_table1_equals_printed_strings():
    rows = raw(DATA / "trade" / "china_dprk_1950_1990.csv")
    got = {r["year"]: (r["total_usd_million"], r["pct_of_china_total_trade"], r["pct_of_dprk_total_trade"]) for r in rows}
    assert got == PRINTED_TABLE_1
    assert all(r["source"] == "han_2004;hong_yung_lee_1994" for r in rows)


def test_han_table1_matches_seed_text():
    seed = SHARED / "seeds" / "han_2004_alliance_fatigue.txt"
    if not seed.is_file():
        pytest.skip("../shared/seeds is not available in this checkout")
    text = seed.read_text(encoding="utf-8")
    block = text[text.index("Table 1. China"):text.index("Source: Hong Yung Lee")]
    lines = [ln.replace(" ", "") for ln in block.splitlines() if ln.strip()]
    total = next(ln for ln in lines if ln.startswith("Total") and any(c.isdigit() for c in ln))[len("Total"):]
    assert total == "".join(v[0] for v in PRINTED_TABLE_1.values())
    assert "".join(v[1] for v in PRINTED_TABLE_1.values()) in lines
    assert "".join(v[2] or "N/A" for v in PRINTED_TABLE_1.values()) in lines


# ---------------------------------------------------------------- (e) treaty texts

def _norm(text: str) -> str:
    text = re.sub(r"^> ?", "", text, flags=re.M)
    return re.sub(r"\s+", " ", text).strip()


def _clean_stored(text: str) -> str:
    text = re.sub(r"\[\*\*variant:\*\*[^\]]*\]", "", text)
    text = re.sub(r" ?\[…\]$", "", text.strip())
    text = re.sub(r"^\[each party\] ", "", text)
    return _norm(text)


def test_treaty_texts_occur_verbatim_in_shared_sources():
    folder = SHARED / "sources" / "treaties"
    if not folder.is_dir():
        pytest.skip("../shared/sources/treaties is not available in this checkout")
    sources = {p.stem: _norm(re.sub(r"\[\*\*variant:\*\*[^\]]*\]", "", p.read_text(encoding="utf-8"))) for p in folder.glob("*.md")}
    # Passages the course read in a stored copy beyond the shared file are recorded verbatim, with their
    # address, in research/treaty_texts/<treaty>.md; a text may occur in either.
    for p in (DATA.parent / "research" / "treaty_texts").glob("*.md"):
        sources[p.stem] = sources.get(p.stem, "") + " " + _norm(p.read_text(encoding="utf-8"))
    missing = []
    for r in raw(DATA / "treaties" / "articles.csv"):
        if not r["text"].strip():
            continue
        if _clean_stored(r["text"]) not in sources[r["treaty_id"]]:
            missing.append((r["treaty_id"], r["article"], r["version"], r["text"][:60]))
    assert not missing, missing


def test_readme_files_table_gives_true_row_counts():
    """The 'rows' column of the Files table in data/README.md matches each file (first number in the cell)."""
    import csv as _csv

    readme = (DATA / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+\.csv)` \|.*\| (\d+)[^|]*\|\s*$", readme, flags=re.M)
    assert len(rows) >= 12, rows
    wrong = []
    for name, stated in rows:
        with (DATA / name).open(encoding="utf-8", newline="") as f:
            n = sum(1 for _ in _csv.reader(f)) - 1
        if n != int(stated):
            wrong.append(f"{name}: README says {stated}, file has {n}")
    assert wrong == []
