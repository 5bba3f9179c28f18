"""Build the course data files from data/_staging (run once by the data engineer; kept outside the repo).

Values are copied as printed strings from the staged CSVs; nothing is recomputed.
"""
import csv
import re
from pathlib import Path

import pandas as pd

ROOT = Path("/work/main/data")
ST = ROOT / "_staging"


def read(p):
    return pd.read_csv(p, dtype=str, keep_default_na=False)


def write(df, path, cols):
    path.parent.mkdir(parents=True, exist_ok=True)
    df = df[cols]
    df.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")


KEY_RENAME = {
    "sedaily_1HMQIV9ELA_customs_2012prelim": "sedaily_1hmqiv9ela_customs_2012prelim",
    "sedaily_1HVAA5P1ND_kotra2011": "sedaily_1hvaa5p1nd_kotra2011",
    "sedaily_1HRB4KES42_kotra2009": "sedaily_1hrb4kes42_kotra2009",
    "siudz_unreliable_NOT_USED": "siudz_unreliable_not_used",
}


def fix_keys(df):
    df["source"] = df["source"].map(lambda s: ";".join(KEY_RENAME.get(k, k) for k in s.split(";")))
    return df


# ---------------------------------------------------------------- preferred rule
def f(x):
    return float(x) if x != "" else None


def sig(x):
    """Significant digits of a printed number (precision proxy)."""
    if x == "":
        return 0
    s = x.replace(".", "").lstrip("0").rstrip("0")
    return len(s)


APPROX = re.compile(r"approximate|\brounded\b|printed rounded|\"약\"|\(\"약\"\)|nearly|roughly|about \$|low precision", re.I)
SECONDARY = {
    "kampoo3_hani_2017_07_21_kotra2016", "jpic_912_khan_2006_05_09_kotra2005", "newspic_yonhap_2024_07_21_kotra2023",
    "newstomato_161922_kotra2010", "shicijianshang_customs2020", "kyodo_via_charm_2025_01_customs2024",
    "seoul_co_kr_list_customs2018", "goggler_2024_01_12_china_trade_2023", "businesspostbd_2022_11_09_china_trade",
    "daum_2024_07_21_kotra2023_b", "daum_2024_07_21_kotra2023_a",
}


def sum_ok(t, e, i):
    if t is None or e is None or i is None:
        return True
    return abs(t - (e + i)) <= max(0.006 * t, 1.0)


def choose(df, group_cols, tcol, ecol, icol, unreliable, overrides, share_col=None):
    """Mark exactly one preferred row per group among eligible rows.

    unreliable: dict row-index -> reason (never preferred).
    overrides: dict group-key -> (row-index, reason).
    Returns df with 'preferred' ('true'/'false') and a reason appended to note.
    """
    df = df.copy()
    df["preferred"] = "false"
    extra = {i: [] for i in df.index}
    for i, reason in unreliable.items():
        extra[i].append(f"NOT PREFERRED (unreliable): {reason}")
    for key, g in df.groupby(group_cols, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        fails = {}
        for i, r in g.iterrows():
            t, e, im = f(r[tcol]), f(r[ecol]), f(r[icol])
            if not sum_ok(t, e, im):
                fails[i] = f"printed total {r[tcol]} differs from exports {r[ecol]} + imports {r[icol]} = {round(e + im, 6):g} beyond the tolerance (0.6% or US$1 million)"
        for i, msg in fails.items():
            extra[i].append("SUM CHECK FAILS: " + msg)
        eligible = [i for i in g.index if i not in unreliable and not (i in fails and len(g) > 1)]
        if not eligible:
            continue

        def score(i):
            r = df.loc[i]
            has_t, has_e, has_i = r[tcol] != "", r[ecol] != "", r[icol] != ""
            comp = 3 if (has_t and has_e and has_i) else 2 if has_t else 1 if (has_e and has_i) else 0
            approx = bool(APPROX.search(r["note"]) or APPROX.search(r["quote"]))
            prelim = "early-January release" in r["note"] or "prelim" in r["source"]
            prec = sig(r[tcol]) if has_t else sig(r[ecol]) + sig(r[icol])
            share = 1 if (share_col and r[share_col] != "") else 0
            secondary = r["source"] in SECONDARY
            return (comp, not prelim, not approx, prec, share, not secondary)

        no_money = all(df.loc[i, c] == "" for i in eligible for c in (tcol, ecol, icol))
        ranked = sorted(eligible, key=lambda i: score(i), reverse=True)
        if key in overrides:
            best, why = overrides[key]
            assert best in eligible, (key, best)
        else:
            best = ranked[0]
            if len(g) == 1:
                why = "only row for this year and series"
            else:
                s = score(best)
                parts = []
                others = [score(i) for i in eligible if i != best]
                if not others:
                    why = "only eligible row for this year and series"
                else:
                    o = max(others)
                    if s[0] > o[0]:
                        parts.append("most complete row (total with exports/imports where printed)")
                    elif s[1] > o[1]:
                        parts.append("final rather than preliminary release")
                    elif s[2] > o[2]:
                        parts.append("figure printed exactly rather than as an approximation")
                    elif s[3] > o[3]:
                        parts.append("most precise printing")
                    elif s[4] > o[4]:
                        parts.append("also carries the reported share")
                    elif s[5] > o[5]:
                        parts.append("primary copy rather than a secondary reproduction")
                    else:
                        parts.append("equal to the alternatives in completeness and precision; first listed")
                    why = "; ".join(parts)
        if no_money and len(g) > 1:
            why = "no eligible row prints a money figure for this year (see the rows not preferred); this row is kept as the preferred row so the year is not silently dropped"
        df.loc[best, "preferred"] = "true"
        extra[best].insert(0, f"PREFERRED: {why}.")
    df["note"] = [
        " ".join(x for x in [" ".join(extra[i]), df.loc[i, "note"]] if x) for i in df.index
    ]
    return df


def idx(df, **kw):
    m = pd.Series(True, index=df.index)
    for k, v in kw.items():
        m &= df[k] == v
    hits = df.index[m].tolist()
    assert len(hits) == 1, (kw, hits)
    return hits[0]


# ---------------------------------------------------------------- Han Table 1
han = pd.DataFrame({
    "year": ["1950", "1960", "1962", "1970", "1972", "1980", "1990"],
    "total_usd_million": ["6.51", "120.37", "151.38", "115.09", "283.07", "677.57", "442.20"],
    "pct_of_china_total_trade": ["0.57", "3.16", "5.19", "2.51", "4.49", "1.79", "0.53"],
    "pct_of_dprk_total_trade": ["", "", "", "14.8", "27.2", "20.3", ""],
})
han["source"] = "han_2004;hong_yung_lee_1994"
han["note"] = [
    "Han (2004), Table 1, as printed; '% of North Korea's Total Trade' printed N/A." if p == "" else "Han (2004), Table 1, as printed."
    for p in han.pct_of_dprk_total_trade
]
write(han, ROOT / "trade/china_dprk_1950_1990.csv",
      ["year", "total_usd_million", "pct_of_china_total_trade", "pct_of_dprk_total_trade", "source", "note"])

# ---------------------------------------------------------------- China-DPRK trade
cd = fix_keys(read(ST / "trade_cn_dprk/china_dprk_trade.csv"))
cd = cd.sort_values(["year", "series"], kind="stable").reset_index(drop=True)
unrel = {
    idx(cd, year="1999", series="kotra"): "the helper judges 307.37 a probable misprint in the article (Chinese data give 369.70 / 370.36); unverified",
    idx(cd, year="2012", series="kotra", source="wowtv_2013_05_29_kotra2012"): "imports printed 35억5000만; 2480 + 3530 = 6010 in the other KOTRA copies, so 3550 is probably a typo",
    idx(cd, year="2019", series="customs", source="mediapen_509821_kita2019"): "KITA figure 2805 does not match the GACC figure (2789.01) in three other sources",
}
ov = {
    ("2004", "customs"): (idx(cd, year="2004", series="customs", source="hankyung_2005_01_30_kita2004"),
                          "full split at the highest precision (1385.21 = 799.5 + 585.7); KOTRA's own 2004 figure 1385.206 agrees"),
    ("2007", "customs"): (idx(cd, year="2007", series="customs", source="dailynk_kr_mofcom_2008"),
                          "more precise printing (19억7천600만) of the Chinese commerce ministry figure than VOA's 19억 7천만"),
    ("2012", "customs"): (idx(cd, year="2012", series="customs", source="dailynk_kr_customs2012"),
                          "final end-January customs figure with full split; the early-January release (6033.9) was later superseded and KITA's 5931 agrees with it"),
    ("2013", "customs"): (idx(cd, year="2013", series="customs", source="sisafocus_89634_kita2013"),
                          "only row with the exports/imports split (KITA compilation of customs data)"),
    ("2014", "customs"): (idx(cd, year="2014", series="customs", source="dailynk_kr_105462_kotra_beijing_customs2014"),
                          "full split at the highest precision from the January customs release analysed by KOTRA Beijing"),
    ("2017", "customs"): (idx(cd, year="2017", series="customs", source="newsis_2019_04_10_comtrade2018"),
                          "only row with total and both directions (UN Comtrade, China as reporter); the GACC press total 5060 has no exports figure"),
    ("2022", "customs"): (idx(cd, year="2022", series="customs", source="voa_6924191_customs2022"),
                          "GACC release with the split; 1027.72 in Yonhap differs only in rounding"),
    ("2023", "kotra"): (idx(cd, year="2023", series="kotra", source="asiatoday_2024_07_21_kotra2023"),
                        "most precise printing of the KOTRA figure with the split (others print 2720 = 2430 + 290)"),
}
cd = choose(cd, ["year", "series"], "total_usd_million", "china_exports_usd_million", "china_imports_usd_million", unrel, ov)
cd["row_id"] = cd["year"] + "_" + cd["series"] + "_" + (cd.groupby(["year", "series"]).cumcount() + 1).astype(str)
write(cd, ROOT / "trade/china_dprk_trade.csv",
      ["row_id", "year", "series", "total_usd_million", "china_exports_usd_million", "china_imports_usd_million",
       "preferred", "source", "quote", "note"])

# ---------------------------------------------------------------- DPRK total trade
dt = fix_keys(read(ST / "trade_cn_dprk/dprk_total_trade.csv"))
dt = dt.sort_values(["year", "series"], kind="stable").reset_index(drop=True)
unrel = {
    idx(dt, year="2003", series="kotra", source="ftoday_820_kotra2008"): "2003 share 32.7% is probably a reporter's error (other KOTRA coverage and 1022.927 / 2391 give 42.8%; 32.7% is the 2008 import growth rate in the same article)",
    idx(dt, year="2003", series="kotra", source="kukinews_2009_05_18_kotra2008"): "2003 share 32.7% is probably a reporter's error (see the 42.8% rows)",
    idx(dt, year="2005", series="kotra", source="jpic_912_khan_2006_05_09_kotra2005"): "secondary digest; imports 2030 look like a transcription error (998 + 2003 = 3001 in VOA)",
}
ov = {
    ("2000", "kotra"): (idx(dt, year="2000", series="kotra", source="dailynk_kr_kotra2004"),
                        "later KOTRA coverage (2005), read as a revision of the 1972 printed in 2002"),
    ("2019", "kotra"): (idx(dt, year="2019", series="kotra", source="asiae_2020_07_23_kotra2019"),
                        "the KOTRA 2019 report's own figures with the split; 3224.5 (2020 report coverage) may be a revision but has no split"),
}
dt = choose(dt, ["year", "series"], "dprk_total_trade_usd_million", "dprk_exports_usd_million", "dprk_imports_usd_million",
            unrel, ov, share_col="china_share_pct_reported")

# preferred_share: exactly one row per (year, series) among rows printing a share
dt["preferred_share"] = "false"
share_over = {
    ("2014", "kotra"): ("90.1", "share printed with the KOTRA 2014 and 2015 reports (90.2% in later back-series kept, not preferred)"),
    ("2016", "kotra"): ("92.5", "share printed with the KOTRA 2016 report (92.7% in the 2022 report's back-series kept, not preferred)"),
    ("2018", "kotra"): ("95.8", "share printed in the 2021 and 2022 report coverage (two sources) rather than 95.2% (one source)"),
}
notes = dt["note"].tolist()
for key, g in dt.groupby(["year", "series"], sort=False):
    cand = [i for i in g.index if dt.loc[i, "china_share_pct_reported"] != "" and not notes[i].startswith("NOT PREFERRED (unreliable)")]
    if not cand:
        continue
    vals = sorted({dt.loc[i, "china_share_pct_reported"] for i in cand}, key=lambda v: float(v))
    pref = [i for i in cand if dt.loc[i, "preferred"] == "true"]
    if key in share_over:
        v, why = share_over[key]
        pick = [i for i in cand if dt.loc[i, "china_share_pct_reported"] == v]
        best = ([i for i in pick if dt.loc[i, "preferred"] == "true"] or pick)[0]
    elif len({float(v) for v in vals}) > 1:
        # disagreement: most precise printing; ties go to the preferred row's share
        top = max(sig(dt.loc[i, "china_share_pct_reported"]) for i in cand)
        pick = [i for i in cand if sig(dt.loc[i, "china_share_pct_reported"]) == top]
        best = ([i for i in pick if dt.loc[i, "preferred"] == "true"] or pick)[0]
        why = "most precise printing of the share"
        why += f" (other printed values: {', '.join(v for v in vals if float(v) != float(dt.loc[best, 'china_share_pct_reported']))})"
    else:
        best = pref[0] if pref else cand[0]
        why = "share of the preferred row" if pref else ("only row printing the share" if len(cand) == 1 else "all rows print the same share; first listed")
    excluded = [i for i in g.index if dt.loc[i, "china_share_pct_reported"] != "" and i not in cand]
    if excluded:
        why += "; rows printing " + ", ".join(sorted({dt.loc[i, "china_share_pct_reported"] for i in excluded})) + " are judged unreliable"
    dt.loc[best, "preferred_share"] = "true"
    notes[best] = f"PREFERRED SHARE: {why}. " + notes[best]
dt["note"] = notes
write(dt, ROOT / "trade/dprk_total_trade.csv",
      ["year", "series", "dprk_total_trade_usd_million", "dprk_exports_usd_million", "dprk_imports_usd_million",
       "china_share_pct_reported", "preferred", "preferred_share", "source", "quote", "note"])

# ---------------------------------------------------------------- China total trade
ct = fix_keys(read(ST / "trade_other/china_total_trade.csv"))
SERIES = {
    "wb_wdi_tm_val_mrch_indexmundi": "world_bank_imports",
    "wb_wdi_tx_val_mrch_indexmundi_map": "world_bank_exports",
    "csis_chinapower_trade_partner": None,  # decided per row
    "cia_world_factbook_1994_china": "cia_estimate",
}


def series_of(r):
    if r["source"] == "csis_chinapower_trade_partner":
        return "un_comtrade" if "intermediary UN Comtrade" in r["note"] else "other"
    return SERIES.get(r["source"]) or "customs"


ct["series"] = ct.apply(series_of, axis=1)
ct = ct.sort_values(["year", "series"], kind="stable").reset_index(drop=True)
unrel = {
    idx(ct, year="1994", series="customs"): "the helper judges the printed imports figure (111.5 bn) a probable typo: total, surplus and the World Bank figure all disagree with it",
    idx(ct, year="2005", source="chinaorgcn_2006_01_12_trade_2005"): "exports printed 772 bn, probably a typo for 762 bn (breaks the total and the stated surplus)",
}
ov = {
    ("2004", "customs"): (idx(ct, year="2004", source="rediff_2005_01_12_china_trade_2004"),
                          "only row with exports and imports (Ministry of Commerce); the GAC total 1.155 tn is kept as a separate row"),
}
ct = choose(ct, ["year", "series"], "china_total_trade_usd_million", "china_exports_usd_million", "china_imports_usd_million", unrel, ov)
write(ct, ROOT / "trade/china_total_trade.csv",
      ["year", "china_total_trade_usd_million", "china_exports_usd_million", "china_imports_usd_million", "series",
       "preferred", "source", "quote", "note"])

# ---------------------------------------------------------------- Russia-DPRK trade
rt = fix_keys(read(ST / "trade_other/russia_dprk_trade.csv"))
rt = rt.sort_values(["year", "series"], kind="stable").reset_index(drop=True)
unrel = {}
for i, r in rt.iterrows():
    if r["source"] == "primidi_wikipedia_nk_russia_relations":
        unrel[i] = "undated Wikipedia mirror without visible citations; its key sentence contradicts itself"
    if r["source"] == "kbs_2025_06_sputnik_nk_russia_2024":
        unrel[i] = "an industry official's estimate, not statistics; the 'record' claim is false against earlier years"
    if r["source"] == "newspim_2022_03_08_rfa_russian_customs_2021":
        unrel[i] = "reprint with apparent typos (40,569 vs 40,469 in Yonhap and Asiatoday)"
ov = {
    ("2020", "russian_customs"): (idx(rt, year="2020", source="newscj_2021_02_rfa_russian_customs_2020"),
                                  "same Russian customs data as the TASS/KBS row, with imports printed more precisely (42.03 vs 42)"),
}
rt = choose(rt, ["year", "series"], "total_usd_million", "russia_exports_usd_million", "russia_imports_usd_million", unrel, ov)
write(rt, ROOT / "trade/russia_dprk_trade.csv",
      ["year", "partner", "series", "total_usd_million", "russia_exports_usd_million", "russia_imports_usd_million",
       "preferred", "source", "quote", "note"])

ru = fix_keys(read(ST / "trade_other/ussr_dprk_trade_rubles.csv"))
write(ru, ROOT / "trade/ussr_dprk_trade_rubles.csv", list(ru.columns))

# ---------------------------------------------------------------- events
ev = pd.concat([read(ST / "events_early/events.csv"), read(ST / "events_recent/events.csv")], ignore_index=True)
ev = fix_keys(ev)
VARIANT = {
    "1950_cpv_cross_yalu_oct25": "1950_cpv_cross_yalu_oct19",
    "2003_iaea_vote_china_in_favour_feb13": "2003_iaea_refers_dprk_unsc_feb12",
    "2003_three_party_talks_han_march": "2003_three_party_talks_beijing_apr23",
    "2017_dprk_nuclear_test_6_unsc_draft_date": "2017_dprk_nuclear_test_6",
    "1958_cpv_withdrawal_communique_mar12": "1958_cpv_withdrawal_announced_feb20",
    "1958_cpv_withdrawal_complete_oct26": "1958_cpv_withdrawal_complete_oct25",
    "2005_six_party_joint_statement_pax_variant": "2005_six_party_joint_statement",
    "1995_ussr_dprk_alliance_end_cow": "1996_ussr_dprk_treaty_lapse",
}
ev["variant_of"] = ev["id"].map(VARIANT).fillna("")
REPHRASE = {
    "1993_dprk_npt_withdrawal_announced": "North Korea gives notice of withdrawal from the Nuclear Non-Proliferation Treaty, invoking the clause on supreme national interests.",
    "1958_cpv_withdrawal_announced_feb20": "The Chinese People's Volunteers state that all their troops will leave North Korea in stages by the end of 1958.",
    "2024_10_08_rok_defmin_likely_dispatch": "South Korea's Defence Minister Kim Yong-hyun tells parliament that a North Korean troop dispatch to support Russia is highly likely and that reports of North Korean officers killed near Donetsk are likely true.",
    "2024_10_28_nato_confirms_kursk": "NATO Secretary General Mark Rutte confirms that North Korean troops are in Russia and that units have deployed to the Kursk region, after a briefing by a South Korean delegation.",
    "2025_06_15_uk_mod_6000_casualties": "UK Defence Intelligence assesses that North Korean forces in Kursk have 'highly likely' taken more than 6,000 casualties, over half of about 11,000 initially deployed.",
}
for k, v in REPHRASE.items():
    ev.loc[ev.id == k, "description"] = v
ev = ev.sort_values(["date", "id"]).reset_index(drop=True)
write(ev, ROOT / "events.csv",
      ["id", "date", "date_precision", "actors", "category", "description", "variant_of", "source", "quote", "note"])

# ---------------------------------------------------------------- troops
tr = fix_keys(read(ST / "events_recent/troops.csv"))
tr["date_precision"] = tr["date_reported"].map(lambda d: "month" if len(d) == 7 else "day")
tr["date_reported"] = tr["date_reported"].map(lambda d: d + "-01" if len(d) == 7 else d)
CHANGE = "Measure changed from the staged 'troops_deployed' to 'troops_planned' because the quote {why}."
planned = {
    ("2024-10-18", "kbs_2024_10_18_nis_12000"): "reports a decision to send troops, not troops present",
    ("2024-10-23", "ap_2024_10_23_nis_another_1500", "10000"): "says North Korea 'plans to send' this total by December",
    ("2024-10-24", "telegraph_2024_10_24_putin"): "gives a possible final size ('could be as large as')",
    ("2024-11-05", "espreso_2024_11_05_umerov"): "describes a plan ('Russia plans to deploy')",
    ("2025-06-17", "up_2025_06_17_shoigu"): "reports a decision to send personnel",
    ("2025-07-12", "nhk_2025_07_14_lavrov_kim"): "says troops are 'expected to send' (additional, not yet sent)",
}
rows = []
for _, r in tr.iterrows():
    r = r.copy()
    for key, why in planned.items():
        if r["date_reported"] == key[0] and r["source"] == key[1] and (len(key) < 3 or r["low"] == key[2]):
            assert r["measure"] == "troops_deployed"
            r["measure"] = "troops_planned"
            r["note"] = CHANGE.format(why=why) + " " + r["note"]
    if r["source"] == "reuters_2024_12_19_nis_100_killed" and r["measure"] == "casualties":
        r["measure"] = "wounded"
        r["note"] = "Measure changed from the staged 'casualties' to 'wounded': the figure counts the injured only. " + r["note"]
    if r["source"] == "afp_2025_09_02_nis_2000" and r["measure"] == "troops_deployed":
        a = r.copy()
        a["low"], a["high"] = "1000", "1000"
        a["note"] = "Split from a staged row that held low = arrived and high = planned: this row is the troops that arrived ('around 1,000 combat engineers'). Not cumulative."
        b = r.copy()
        b["measure"] = "troops_planned"
        b["low"], b["high"] = "6000", "6000"
        b["note"] = "Split from a staged row that held low = arrived and high = planned: this row is the planned third deployment of 6,000. Not cumulative."
        rows += [a, b]
        continue
    rows.append(r)
    if r["source"] == "afp_2025_01_13_nis_300_killed" and r["measure"] == "killed":
        w = r.copy()
        w["measure"] = "wounded"
        w["low"], w["high"] = "2700", "2700"
        w["note"] = "Added by the data engineer from the quote of the staged 'killed' row ('2,700 injuries'); 'approximately'."
        rows.append(w)
tr = pd.DataFrame(rows).reset_index(drop=True)
tr = tr.sort_values(["date_reported", "claimant", "measure"], kind="stable").reset_index(drop=True)
tr["row_id"] = [f"{i + 1:03d}" for i in range(len(tr))]
write(tr, ROOT / "troops.csv",
      ["row_id", "date_reported", "date_precision", "claimant", "measure", "low", "high", "unit", "source", "quote", "note"])

# ---------------------------------------------------------------- sources
used = set()
for p in ["trade/china_dprk_1950_1990.csv", "trade/china_dprk_trade.csv", "trade/dprk_total_trade.csv",
          "trade/china_total_trade.csv", "trade/russia_dprk_trade.csv", "trade/ussr_dprk_trade_rubles.csv",
          "events.csv", "troops.csv"]:
    for s in read(ROOT / p)["source"]:
        used.update(k for k in s.split(";") if k)
README_KEYS = {
    "piie_north_korean_trade_oil_mystery", "hani_954877_kotra2019", "ajunews_2019_07_19_kotra2018",
    "kampoo3_hani_2017_07_21_kotra2016", "edaily_2016_kotra2015", "nocutnews_4608291_kotra2015",
    "asiae_2020_07_23_kotra2019", "li_tingting_2016_jusks_customs2015", "nkeconwatch_kotra_category",
    "dailynk_kr_105462_kotra_beijing_customs2014", "voa_3721917_kita_customs2016", "mbn_1065642_kotra2010",
    "joins_jp_141577_kdi2010", "kukinews_2009_05_18_kotra2008", "voa_2006_05_08_kotra2005", "koenergy_110938_kotra2022",
    "hankyung_2011_08_11_kdi_kotra_imf_un", "kdi_eiec_bok_2023_mirror_errors", "northkoreaintheworld_china_dprk_total_trade",
    "asianews_2009_10_27_data_suppression", "kosis_bukhan_trade_stat_types", "siudz_unreliable_not_used",
}
existing = read(Path("/tmp/build/sources_orig.csv"))
have = set(existing.key)
order = ["trade_cn_dprk", "trade_other", "events_early", "events_recent"]
new_rows, seen = [], set(have)
for folder in order:
    s = read(ST / folder / "sources.csv")
    s["key"] = s["key"].map(lambda k: KEY_RENAME.get(k, k))
    for _, r in s.iterrows():
        if r.key in (used | README_KEYS) and r.key not in seen:
            new_rows.append(r)
            seen.add(r.key)
missing = (used | README_KEYS) - seen
assert not missing, missing
import io
buf = io.StringIO()
pd.DataFrame(new_rows)[["key", "citation", "url", "accessed", "note"]].to_csv(buf, index=False, header=False, lineterminator="\n")
orig = Path("/tmp/build/sources_orig.csv").read_text(encoding="utf-8")
assert orig.endswith("\n")
(ROOT / "sources.csv").write_text(orig + buf.getvalue(), encoding="utf-8")
print("sources added:", len(new_rows))
