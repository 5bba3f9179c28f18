import json
from pathlib import Path
import pandas as pd
ROOT = Path("/work/main/data")
dp = json.loads((ROOT / "datapackage.json").read_text())
LIC = [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}]
SRC = [{"title": "see the source column and data/sources.csv"}]
SOURCE = {"name": "source", "type": "string", "description": "one or more keys of data/sources.csv, separated by ';'",
          "constraints": {"required": True, "pattern": "[a-z0-9_]+(;[a-z0-9_]+)*"}}
BOOL = lambda name, desc: {"name": name, "type": "boolean", "trueValues": ["true"], "falseValues": ["false"], "description": desc, "constraints": {"required": True}}
YEAR = {"name": "year", "type": "integer", "description": "calendar year", "constraints": {"required": True, "minimum": 1900, "maximum": 2100}}
def money(name, desc, required=False):
    c = {"minimum": 0}
    if required: c["required"] = True
    return {"name": name, "type": "number", "description": desc + " (US$ million, as printed)", "constraints": c}
def pct(name, desc):
    return {"name": name, "type": "number", "description": desc + " (per cent, as printed)", "constraints": {"minimum": 0, "maximum": 100}}
def s(name, desc, required=False, enum=None, pattern=None):
    c = {}
    if required: c["required"] = True
    if enum: c["enum"] = enum
    if pattern: c["pattern"] = pattern
    f = {"name": name, "type": "string", "description": desc}
    if c: f["constraints"] = c
    return f
def enum_of(path, col):
    return sorted(set(pd.read_csv(ROOT / path, dtype=str, keep_default_na=False)[col]) - {""})
QUOTE = s("quote", "verbatim excerpt of the source supporting the row (original language)")
NOTE = s("note", "caveats; for trade rows also why the row is or is not preferred")
PREF = BOOL("preferred", "true on exactly one row per year and series (the row lessons compute with); see data/README.md for the rule")

def res(name, path, title, desc, fields, pk, fks=None):
    r = {"name": name, "path": path, "title": title, "format": "csv", "encoding": "utf-8", "description": desc,
         "licenses": LIC, "sources": SRC, "schema": {"fields": fields, "primaryKey": pk}}
    if fks: r["schema"]["foreignKeys"] = fks
    return r

new = [
 res("china_dprk_1950_1990", "trade/china_dprk_1950_1990.csv", "China's trade with North Korea, 1950-1990 (Han 2004, Table 1)",
     "Han (2004) Table 1 exactly as printed (source: Hong Yung Lee 1994). N/A is stored as an empty cell.",
     [YEAR, money("total_usd_million", "China-DPRK trade", True),
      pct("pct_of_china_total_trade", "share of China's total trade"), pct("pct_of_dprk_total_trade", "share of North Korea's total trade; empty where printed N/A"),
      SOURCE, s("note", "caveats")], ["year"]),
 res("china_dprk_trade", "trade/china_dprk_trade.csv", "China-North Korea merchandise trade, by series and source",
     "One row per printed figure. series customs = China-reported (GACC/MOFCOM and compilations of them); kotra = KOTRA's annual estimate. China's exports = North Korea's imports from China.",
     [s("row_id", "year_series_n, stable id of the row", True, pattern="[0-9]{4}_[a-z_]+_[0-9]+"), YEAR,
      s("series", "compiler of the figure", True, enum=["customs", "kotra"]),
      money("total_usd_million", "total two-way trade"), money("china_exports_usd_million", "China's exports to North Korea = DPRK imports from China"),
      money("china_imports_usd_million", "China's imports from North Korea = DPRK exports to China"), PREF, SOURCE, QUOTE, NOTE], ["row_id"]),
 res("dprk_total_trade", "trade/dprk_total_trade.csv", "North Korea's total trade and China's share, by compiler",
     "KOTRA totals exclude inter-Korean trade. Other compilers are kept as separate series and must not be mixed with KOTRA.",
     [YEAR, s("series", "compiler of the figure", True, enum=enum_of("trade/dprk_total_trade.csv", "series")),
      money("dprk_total_trade_usd_million", "North Korea's total trade"), money("dprk_exports_usd_million", "North Korea's exports"),
      money("dprk_imports_usd_million", "North Korea's imports"), pct("china_share_pct_reported", "China's share of North Korea's trade as reported by the compiler"),
      PREF, BOOL("preferred_share", "true on exactly one row per year and series among rows that print a share (the share lessons use)"),
      SOURCE, QUOTE, NOTE], ["year", "series", "source"]),
 res("china_total_trade", "trade/china_total_trade.csv", "China's total merchandise trade",
     "Stitched from year-end Chinese official releases (series customs) plus the World Bank WDI imports series (imports only, c.i.f.) and other labelled compilers.",
     [YEAR, money("china_total_trade_usd_million", "China's total merchandise trade"), money("china_exports_usd_million", "China's exports"),
      money("china_imports_usd_million", "China's imports"), s("series", "compiler of the figure", True, enum=enum_of("trade/china_total_trade.csv", "series")),
      PREF, SOURCE, QUOTE, NOTE], ["year", "series", "source"]),
 res("russia_dprk_trade", "trade/russia_dprk_trade.csv", "USSR/Russia-North Korea trade (US$)",
     "Patchy; labelled by compiler. Russia's exports = North Korea's imports from Russia. Rows judged unreliable are kept with preferred=false.",
     [YEAR, s("partner", "USSR or Russia", True, enum=["USSR", "Russia"]), s("series", "compiler of the figure", True, enum=enum_of("trade/russia_dprk_trade.csv", "series")),
      money("total_usd_million", "total two-way trade"), money("russia_exports_usd_million", "USSR/Russia exports to North Korea"),
      money("russia_imports_usd_million", "USSR/Russia imports from North Korea"), PREF, SOURCE, QUOTE, NOTE], ["year", "series", "source"]),
 res("ussr_dprk_trade_rubles", "trade/ussr_dprk_trade_rubles.csv", "USSR-North Korea trade in rubles, 1989-1991",
     "Soviet-era figures in million rubles; not convertible to US$ with the sources held.",
     [YEAR, s("partner", "USSR", True, enum=["USSR"]), s("series", "compiler", True, enum=enum_of("trade/ussr_dprk_trade_rubles.csv", "series")),
      {"name": "total_rub_million", "type": "number", "description": "total trade (million rubles, as printed)", "constraints": {"minimum": 0}},
      {"name": "ussr_exports_rub_million", "type": "number", "description": "USSR exports to North Korea (million rubles)", "constraints": {"minimum": 0}},
      {"name": "ussr_imports_rub_million", "type": "number", "description": "USSR imports from North Korea (million rubles)", "constraints": {"minimum": 0}},
      SOURCE, QUOTE, NOTE], ["year", "series", "source"]),
 res("events", "events.csv", "Dated events, 1950-2025",
     "One row per event and date claim. Rows with variant_of set are labelled alternative dates or codings of the main row; drop them to get one row per event.",
     [s("id", "unique id", True, pattern="[a-z0-9_]+"),
      {"name": "date", "type": "date", "description": "ISO date; month- or year-precision dates are stored as the first day", "constraints": {"required": True}},
      s("date_precision", "precision of date", True, enum=["day", "month", "year"]),
      s("actors", "actors separated by ';'", True), s("category", "kind of event", True, enum=enum_of("events.csv", "category")),
      s("description", "one-line summary in the compilers' own words", True),
      s("variant_of", "id of the main row when this row is a labelled variant (other date or coding); empty otherwise", pattern="[a-z0-9_]+"),
      SOURCE, QUOTE, NOTE], ["id"],
     [{"fields": "variant_of", "reference": {"resource": "", "fields": "id"}}]),
 res("troops", "troops.csv", "Claims about North Korean troops in Russia and their casualties",
     "One row per claimant per claim. Claims are not comparable without reading note (scope: Russia vs Kursk; cumulative vs additional).",
     [s("row_id", "row number", True, pattern="[0-9]{3}"),
      {"name": "date_reported", "type": "date", "description": "date the claim was reported; month-precision dates stored as the first day", "constraints": {"required": True}},
      s("date_precision", "precision of date_reported", True, enum=["day", "month"]),
      s("claimant", "who makes the claim", True),
      s("measure", "what is counted", True, enum=["troops_deployed", "troops_planned", "casualties", "killed", "wounded", "captured"]),
      {"name": "low", "type": "integer", "description": "lower bound (persons); empty for 'up to' claims", "constraints": {"minimum": 0}},
      {"name": "high", "type": "integer", "description": "upper bound (persons); empty for 'at least' claims", "constraints": {"minimum": 0}},
      s("unit", "unit of low and high", True, enum=["persons"]), SOURCE, QUOTE, NOTE], ["row_id"]),
]
names = {r["name"] for r in new}
dp["resources"] = [r for r in dp["resources"] if r["name"] not in names] + new
(ROOT / "datapackage.json").write_text(json.dumps(dp, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
