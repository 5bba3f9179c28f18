"""Statements in lesson text that the data could contradict, checked against the data.

These checks live here, not in the notebooks, so that nothing on a learner's screen asserts an answer. Each test
finds the sentence in the lesson (so a reworded sentence must be re-checked: the test fails if it disappears)
and recomputes what it states.
"""

from __future__ import annotations

import json
import re

import pytest

from alliancelab import data, timeline
from alliancelab.explorers.lesson04 import article4_term_summary

from .helpers import NOTEBOOKS

NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                10: "ten", 11: "eleven", 12: "twelve"}


def markdown(stem: str) -> str:
    nb = json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def sentence(text: str, pattern: str) -> re.Match:
    m = re.search(pattern, text)
    assert m, f"the statement /{pattern}/ is no longer in the lesson: re-check it against the data"
    return m


@pytest.fixture(scope="module")
def events():
    return data.load_events().set_index("id")


# ---------------------------------------------------------------- lesson 00


def test_lesson00_longest_articles():
    arts = data.load_articles()
    t = arts[(arts["treaty_id"] == "prc_dprk_1961") & (arts["version_rank"] == 1)]
    words = dict(zip(t["article"], t["text"].str.split().str.len()))
    ranked = sorted((a for a in words if a != "preamble"), key=words.get, reverse=True)
    assert max(words, key=words.get) == "preamble"
    m = sentence(markdown("00_start_here"), r"Article (\w+) \(mutual assistance\) is the longest, (\w+) words? ahead "
                                            r"of Article (\w+)")
    assert [m.group(1), m.group(3)] == ranked[:2]
    assert {"one": 1, "two": 2, "three": 3}[m.group(2)] == words[ranked[0]] - words[ranked[1]]


# ---------------------------------------------------------------- lesson 04


def test_lesson04_article4_summary_true_for_every_option():
    summary = article4_term_summary(data.load_articles())
    m = sentence(markdown("04_russia_pivot_2024"),
                 r"every translation shares the core words of the promise \(([^)]*)\) with both 1961 clauses")
    stated = re.findall(r'"([^"]+)"', m.group(1))
    assert sorted(stated) == summary["shared_by_all"]
    # "Armed" is shared except in the Chosun Ilbo version, and only there.
    assert [label.split(" English")[0] for label in summary["missing_in"]["armed"]] == ["Chosun Ilbo"]
    assert {"article", "51", "charter"} <= set(summary["added_by_complete"])


def test_lesson04_troop_claims_summary():
    troops = data.load_troops()
    text = markdown("04_russia_pivot_2024")
    sentence(text, r"its first claim of about 11,000 actually in Russia came on 19 December 2024")
    nis = troops[troops["claimant"].str.startswith("South Korea NIS")]
    deployed = nis[nis["measure"] == "troops_deployed"].sort_values("date_reported")
    big = deployed[deployed["high"].fillna(deployed["low"]) >= 10000]
    assert str(big["date_reported"].iloc[0].date()) == "2024-12-19" and big["high"].iloc[0] == 11000
    october = nis[(nis["date_reported"] >= "2024-10-01") & (nis["date_reported"] <= "2024-10-31")]
    assert sorted(october.loc[october["measure"] == "troops_deployed", "high"]) == [1500, 3000]
    assert sorted(october.loc[october["measure"] == "troops_planned", "high"]) == [10000, 12000]
    sentence(text, r"The NIS's October figures of 10,000 and 12,000 were troops \*planned\*")
    us = troops[troops["claimant"].str.startswith("United States") & (troops["measure"] == "troops_deployed")]
    first_10k = us[us["high"].fillna(us["low"]) >= 10000].sort_values("date_reported").iloc[0]
    assert str(first_10k["date_reported"].date()) == "2024-10-28"
    sentence(text, r"from 28 October US officials also said about 10,000")


# ---------------------------------------------------------------- lesson 01


def test_lesson01_episodes_name_the_state_the_key_judges():
    from alliancelab.keys.lesson01 import CLASSIFY_EPISODES, EPISODE_KEY

    named = re.findall(r"^\d\. \*\*([^*]+)\*\*, `([a-z0-9_]+)`", markdown("01_alliance_theory"), flags=re.M)
    assert [e for _, e in named] == list(CLASSIFY_EPISODES)
    assert [state for state, _ in named] == [EPISODE_KEY[e]["whose"] for e in CLASSIFY_EPISODES]


def test_lesson01_dilemma_placements_read_as_the_text_says():
    """The explorer's 'What it shows' line states what each placement reads; the model must agree."""
    from alliancelab import models
    from alliancelab.exercises import get_exercise

    text = markdown("01_alliance_theory")
    sentence(text, r"On the 1961 placement China sits below its best commitment, so its fear of abandonment dominates")
    sentence(text, r"on the 1992 placement it is North Korea that sits below its best commitment")
    sentence(text, r"on the 2003 placement China sits above its best commitment, and its risk of entrapment dominates")
    p1961, p1992, p2003 = models.EPISODE_PLACEMENTS
    assert [p.label[:4] for p in models.EPISODE_PLACEMENTS] == ["1961", "1992", "2003"]
    cn, nk = models.DYAD
    f = models.fears(p1961.settings[cn], p1961.settings[nk])
    assert f["commitment"] < f["best"] - models.CLOSE
    f = models.fears(p1992.settings[nk], p1992.settings[cn])
    assert f["commitment"] < f["best"] - models.CLOSE
    f = models.fears(p2003.settings[cn], p2003.settings[nk])
    assert f["commitment"] > f["best"] + models.CLOSE
    # Prediction 1.P1's explanation quotes China's best commitment at North Korea's alternatives 0.2 and 0.9.
    nkp = p1961.settings[nk]
    low, high = (models.optimal_commitment(nkp.commitment, nkp.risk_taking, p) for p in (0.2, 0.9))
    assert f"about {low:.2f} (alternatives 0.2)" in get_exercise("1.P1").explanation
    assert f"about {high:.2f} (alternatives 0.9)" in get_exercise("1.P1").explanation


def test_lesson01_threat_explorer_starts_from_no_course_ratings():
    from alliancelab import models

    sentence(markdown("01_alliance_theory"), r"Every rating starts at 5, the middle of the scale, and \*\*the course gives no "
                                             r"ratings of its own\*\*")
    assert {v for r in models.neutral_ratings().values() for v in r.values()} == {5}


# ---------------------------------------------------------------- lesson 03


def test_lesson03_uses_the_latest_complete_year():
    from alliancelab import measures

    table = measures.course_asymmetry_table()
    latest = measures.latest_complete_year(table)
    text = markdown("03_trade_asymmetry")
    m = sentence(text, r"In (\d{4}), the latest year for which both sides' figures are held, China accounted for about "
                       r"(\d+) per cent")
    assert int(m.group(1)) == latest
    row = measures.measures_for_year(table, latest)
    assert round(row["china_share_of_dprk_pct"]) == int(m.group(2))
    for stated in re.findall(r"\*\* in (\d{4})", text):  # exercises 3.7-3.9 name the year they ask about
        assert int(stated) == latest
    # The keys' explanations quote the latest year's figures.
    from alliancelab.exercises import get_exercise

    assert f"in {latest} at US$ {row['cn_dprk_kotra']:,.2f} million" in get_exercise("3.7").explanation
    assert f"{row['dprk_total_kotra']:,.2f} million" in get_exercise("3.7").explanation
    assert f"{row['china_share_of_dprk_pct']:.2f}%" in get_exercise("3.7").explanation
    assert f"about {row['dprk_share_of_china_pct']:.3f}%" in get_exercise("3.8").explanation
    assert f"≈ {row['symmetry']:.3f}" in get_exercise("3.9").explanation



def test_lesson03_source_criticism_figures():
    """Moved from the notebook's check cells, which must not show or assert the answer to 3.5."""
    from alliancelab import measures
    from alliancelab.keys.lesson03 import OIL_2019_USD_MILLION

    trade, dprk_total = data.load_china_dprk_trade(), data.load_dprk_total_trade()
    gap_2019 = measures.series_gap(trade, 2019)
    assert 290 < gap_2019 < 310 and round(gap_2019, 2) == 300.99
    quote = " ".join(dprk_total.loc[dprk_total["source"] == "asiae_2020_07_23_kotra2019", "quote"])
    assert "원유 수입 추정액 2억9000만 달러" in quote and OIL_2019_USD_MILLION == 290
    text = markdown("03_trade_asymmetry")
    sentence(text, r"For 2019 KOTRA valued the estimate at 2억9000만 달러, US\$ 290 million")
    sentence(text, r"KOTRA valued its 2019 estimate of the crude oil that customs does not record at US\$ 290 million")


def test_lesson03_measures_quoted_in_the_text():
    from alliancelab import measures

    t = measures.course_asymmetry_table().set_index("year")
    latest = measures.latest_complete_year()
    text = markdown("03_trade_asymmetry")
    assert round(t.loc[latest, "china_share_of_dprk_pct"]) == 98 and t.loc[latest, "dprk_share_of_china_pct"] < 0.1
    sentence(text, r"China's share of North Korea's trade rose from about a quarter to about 98%, while North Korea "
                   r"stayed below a fifth of one per cent of China's trade\. The ratio runs into the thousands")
    assert 24 < t.loc[2000, "china_share_of_dprk_pct"] < 26
    assert t["dprk_share_of_china_pct"].max() < 0.2 and t["ratio"].max() > 1000


def test_lesson03_sensitivity_section():
    """The 2020 record as the text states it after the explorer (moved from a check cell that needed other sections)."""
    from alliancelab import measures

    table = measures.course_asymmetry_table()
    t = table.set_index("year")
    text = markdown("03_trade_asymmetry")
    customs = measures.trade_series(data.load_china_dprk_trade(), "customs")
    assert measures.largest_fall(customs, "pct")[0] == 2020
    assert round(measures.largest_fall(customs, "pct")[1]) == -81
    sentence(text, r"China–DPRK trade in the customs series fell by about 81%")
    sentence(text, r"North Korea's total trade fell from US\$ 3,240 million to 863 million \(KOTRA\)\. Trade with other "
                   r"partners did not rise to fill the gap; it fell as well, and China still held 88% of what remained")
    assert t.loc[2019, "dprk_total_kotra"] == 3240 and t.loc[2020, "dprk_total_kotra"] == 863
    assert round(t.loc[2020, "china_share_of_dprk_pct"]) == 88
    rec = measures.record_after(table, 2019)
    assert rec["next"]["others"] < rec["path"][0]["others"] and rec["implied_replacement_pct"] < 0
    sentence(text, r"its trade with China fell by about three-quarters in KOTRA's series")
    assert round(-rec["china_change_pct"] / 25) == 3  # "about three-quarters": -75.4%
    # the explorer's defaults: "a 75% cut (close to the real fall in trade with China in 2020)"
    sentence(text, r"a 75% cut \(close to the real fall in trade with China in 2020\)")
    assert abs(-rec["china_change_pct"] - 75) < 2.5
    # 3.12: 2017 is the year of the last Security Council sanctions resolutions in the events data
    ev = data.load_events()
    unsc = ev[ev["id"].str.contains("unsc_res_") & ev["variant_of"].isna()]
    assert unsc["date"].max().year == 2017
    sentence(text, r"2017, the year of the last Security Council sanctions resolutions in `data/events.csv`")


def test_lesson03_key_explanations_follow_the_data():
    from alliancelab import measures
    from alliancelab.exercises import get_exercise

    table = measures.course_asymmetry_table()
    t = table.set_index("year")
    r17, r19 = measures.record_after(table, 2017), measures.record_after(table, 2019)
    e = {i: get_exercise(i).explanation for i in ("3.5", "3.10", "3.11", "3.12", "3.P1", "3.P2")}
    assert "300.99" in e["3.5"] and "about US$ 11 million" in e["3.5"]
    assert f"{t.loc[2018, 'symmetry']:.2f}" == "0.04" and f"{t.loc[2020, 'symmetry']:.2f}" == "0.12"
    assert "from about 0.04 to 0.12" in e["3.10"] and "88% in 2020" in e["3.10"]
    lo, hi = measures.hirschman_bounds(t.loc[1998, "china_share_of_dprk_pct"])
    assert f"{lo:.3f}" in e["3.11"] and f"{hi:.3f}" in e["3.11"] and "413.02 of 1,442" in e["3.11"]
    assert f"about {-r17['china_change_pct']:.0f}%" in e["3.12"] and f"about −{-r17['implied_replacement_pct']:.0f}%" in e["3.12"]
    assert f"from about US$ {r17['path'][0]['others']:.0f} million to {r17['next']['others']:.0f} million" in e["3.12"]
    assert f"{t.loc[2020, 'china_share_of_dprk_pct']:.1f}% (2020)" in e["3.P1"]
    assert f"from about {r19['path'][0]['others']:.0f} to {r19['next']['others']:.0f} million" in e["3.P2"]
    assert f"about −{-r19['implied_replacement_pct']:.0f}%" in e["3.P2"]
    # "in every year in the data when trade with China fell, except 2024 (base year 2023), trade with other partners
    # fell as well": the fall is in the year after the explorer's base year
    falls = {y: measures.record_after(table, y) for y in measures.kotra_rows(table)}
    fell = [y for y, r in falls.items() if r["china_change_pct"] is not None and r["china_change_pct"] < 0]
    exceptions = [(falls[y]["next"]["year"], y) for y in fell if falls[y]["others_change_pct"] >= 0]
    assert fell and exceptions == [(2024, 2023)]
    assert "except 2024 (base year 2023)" in e["3.P2"]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def test_lesson04_soviet_treaty_end_dates(events):
    text = markdown("04_russia_pivot_2024")
    expected = {  # the bullet's date -> the event row it reports
        "December 1991": "1991_ussr_dprk_treaty_effectively_ended_gibler",
        "17 November 1992": "1992_russia_article1_effectively_scrapped",
        "7 August 1995": "1995_russia_notifies_dprk_ussr_treaty",
        "7 September 1995": "1995_russia_notice_ussr_dprk_treaty",
        "10 September 1996": "1996_ussr_dprk_treaty_lapse",
    }
    bullets = re.findall(r"^- \*\*([^*]+)\.\*\* ", text, flags=re.M)
    assert [b for b in bullets if b in expected] == list(expected)
    for stated, event_id in expected.items():
        date = events.loc[event_id, "date"]
        parts = stated.split()
        assert MONTHS.index(parts[-2]) + 1 == date.month and int(parts[-1]) == date.year, event_id
        if len(parts) == 3:
            assert int(parts[0]) == date.day, event_id
    # COW ends the alliance on the announcement, ATOP on the lapse.
    assert events.loc["1995_ussr_dprk_alliance_end_cow", "date"] == events.loc["1995_russia_notice_ussr_dprk_treaty", "date"]
    sentence(text, r"7 September 1995\.\*\* Russia's Foreign Ministry announced publicly.*Correlates of War")
    assert "gave notice on 7 September 1995" not in text and "the day of the notice" not in text


def test_lesson04_two_patrons_summary():
    text = markdown("04_russia_pivot_2024")
    m = sentence(text, r"On the like-for-like basis (\w+) years have a Russia figure, from (\d{4}) to (\d{4})\. In those "
                       r"years Russia's share never reaches (\d+)% \(its peak is ([\d.]+)% in (\d{4})\)\. From (\d{4}) "
                       r"it stays below (\d+)%, and below (\d+)% in every year except (\d{4}), while China's share "
                       r"climbs from about a quarter in (\d{4}) to about nine-tenths from (\d{4})")
    shares = timeline.two_patrons(basis="kotra").dropna(subset=["russia_share_pct"]).set_index("year")
    years = list(shares.index)
    assert m.group(1) == NUMBER_WORDS[len(years)] and (int(m.group(2)), int(m.group(3))) == (years[0], years[-1])
    russia, china = shares["russia_share_pct"], shares["china_share_pct"]
    assert russia.max() < int(m.group(4)) and f"{russia.max():.1f}" == m.group(5) and russia.idxmax() == int(m.group(6))
    later = russia[russia.index >= int(m.group(7))]
    assert (later < int(m.group(8))).all()
    assert list(later[later >= int(m.group(9))].index) == [int(m.group(10))]
    assert round(china.loc[int(m.group(11))] / 25) == 1  # about a quarter
    assert all(round(v / 10) == 9 for v in china[china.index >= int(m.group(12))])  # about nine-tenths
    russia_2000 = data.load_russia_dprk_trade().query("year == 2000 and preferred")
    assert sorted(russia_2000["total_usd_million"]) == [46.0, 105.0]
    # (the dollar signs are escaped: two bare "$" in one paragraph render as mathematics in JupyterLab)
    sentence(text, r"for 2000, KOTRA puts Russia–DPRK trade at US\\\$46 million, while Russia's economics ministry "
                   r"\(via ITAR-TASS\) gives US\\\$105 million")
    # The key points name the same span.
    sentence(text, rf"in the {NUMBER_WORDS[len(years)]} years from {years[0]} to {years[-1]} with a KOTRA figure")



def test_lesson04_exercise_premises(events):
    """What the exercises of lesson 04 tell the learner before asking (the premises), recomputed from the data."""
    text = markdown("04_russia_pivot_2024")
    arts = data.load_articles().set_index(["treaty_id", "article", "version"])["text"]
    # 4.5 quotes Article 4 and two acknowledgements verbatim.
    trigger = sentence(text, r'one side "(is put in a state of war by an armed invasion from an individual state or '
                             r'several states)" \(KCNA English\)').group(1)
    assert trigger in arts[("dprk_russia_2024", "4", "kcna_en")]
    for event_id, pattern in (("2025_04_26_gerasimov_acknowledges", r'Gerasimov to Putin, 26 April 2025 [^"]*"([^"]+)"'),
                              ("2025_04_28_dprk_acknowledges_troops", r'Central Military Commission, 28 April 2025 [^"]*"([^"]+)"')):
        assert sentence(text, pattern).group(1) in events.loc[event_id, "quote"], event_id
    # 4.6: the summary gives the US "about 10,000"; the rows hold a higher US claim by the end of 2024.
    sentence(text, r"The summary above the chart says that from 28 October 2024 US officials said about 10,000")
    us = timeline.claims(data.load_troops(), "troops_deployed", until="2024-12-31").query("group == 'United States'")
    assert us["figure"].max() > 10000
    # The paragraph before 4.7 says what some rows count.
    troops = data.load_troops().set_index("row_id")
    sentence(text, r"Row 026 is the White House's figure for one week, not a total; rows 013, 014 and 018 count only the "
                   r"troops in the Kursk region; .*row 019 is a Ukrainian agency's paraphrase of a US statement")
    assert "White House" in troops.loc["026", "claimant"] and "ONE WEEK" in troops.loc["026", "note"]
    assert all("Kursk" in troops.loc[r, "note"] for r in ("013", "014", "018"))
    assert troops.loc["019", "claimant"].endswith("per Ukrinform)") and troops.loc["019", "claimant"].startswith("United States")
    # 4.9: the jump on the best-available basis.
    m = sentence(text, r"jumps from about ([\d.]+)% in (\d{4}) to about (\d+)% in (\d{4})")
    best = timeline.two_patrons(basis="best").set_index("year")["russia_share_pct"]
    assert round(best[int(m.group(2))], 1) == float(m.group(1)) and round(best[int(m.group(4))]) == int(m.group(3))
    # 4.2 offers the rows of the table in section "Moscow and Pyongyang before 2024".
    from alliancelab.keys.lesson04 import SOVIET_END

    nb = json.loads((NOTEBOOKS / "04_russia_pivot_2024.ipynb").read_text(encoding="utf-8"))
    table = next("".join(c["source"]) for c in nb["cells"] if "".join(c["source"]).startswith("soviet_end = ["))
    assert re.findall(r'"([a-z0-9_]+)"', table.split("]")[0]) == list(SOVIET_END)
    # The key points give the time to entry into force without giving 4.3's answer.
    sentence(text, r"on \*\*4 December 2024\*\*, less than six months after signing")
    assert timeline.days_between(data.load_events(), "2024_06_19_putin_pyongyang_treaty_signed",
                                 "2024_12_04_instruments_exchanged") < 183
    assert "168 days" not in text

def test_lesson04_trade_2025_and_cutoff():
    text = markdown("04_russia_pivot_2024")
    customs = data.load_china_dprk_trade().query("series == 'customs' and year == 2025")
    assert len(customs) == 3 and customs["preferred"].sum() == 1
    sentence(text, r"Three reports of that release print it a little differently")
    sentence(text, r"give the growth as 25% \(Kyodo\), 25\.4% \(FMT\) and 26% \(Nikkei\)")
    quotes = " ".join(customs["quote"])
    assert "25%" in quotes and "25.4%" in quotes and "26%" in quotes
    kotra = data.load_china_dprk_trade().query("series == 'kotra'")
    assert kotra["year"].max() < 2025, "a KOTRA 2025 row exists now: update 'There is no KOTRA estimate for 2025'"
    assert data.load_russia_dprk_trade()["year"].max() < 2025
    sentence(text, r"There is no KOTRA estimate for 2025 in the data, and no figure for Russia–North Korea trade in 2025")


# ---------------------------------------------------------------- lesson 02


def test_lesson02_index_statements():
    from alliancelab import treaties

    text = markdown("02_treaty_texts")
    points = treaties.points_matrix(data.load_provisions(), data.load_treaties())
    equal = treaties.commitment_index({d: 1 for d in treaties.INDEX_DIMENSIONS}, points)
    sentence(text, r"With equal weights the 2000 treaty is not scored")
    assert list(equal.index[~equal["scored"]]) == ["russia_dprk_2000"]
    sentence(text, r"with equal weights it comes last of the scored treaties")
    assert equal.loc["us_rok_1953", "rank"] == equal["rank"].max() and equal["rank"].value_counts()[equal["rank"].max()] == 1
    prov = data.load_provisions().set_index(["treaty_id", "dimension"])
    for dim, code in (("qualifiers", "constitutional_processes"), ("immediacy", "none"), ("means", "unspecified")):
        assert prov.loc[("us_rok_1953", dim), "code"] == code
        assert f"{dim} `{code}`" in text.replace("the qualifier", "qualifiers")
    arts = data.load_articles()
    art3 = arts[(arts["treaty_id"] == "us_rok_1953") & (arts["article"] == "III") & (arts["status"] == "complete")]
    assert "would act to meet the common danger in accordance with its constitutional processes" in art3["text"].iloc[0]
    prc2 = arts[(arts["treaty_id"] == "prc_dprk_1961") & (arts["article"] == "II")]["text"].iloc[0]
    assert "immediately" in prc2 and "by all means at its disposal" in prc2
    sentence(text, r'Beijing promised to help "immediately" and "by all means at its disposal"')


def test_lesson02_signing_gap_and_robust_pair():
    """Statements moved out of lesson 02's check cells (one of them is the answer to Exercise 2.10)."""
    from alliancelab import treaties

    text = markdown("02_treaty_texts")
    t = data.load_treaties().set_index("treaty_id")["signed_date"]
    sentence(text, r"Five days earlier North Korea had signed a treaty with Moscow")
    assert (t["prc_dprk_1961"] - t["ussr_dprk_1961"]).days == 5
    points = treaties.points_matrix(data.load_provisions(), data.load_treaties())
    rob = treaties.rank_robustness(points).set_index(["a", "b"])
    sentence(text, r"With missing text left out, PRC–DPRK never ranks below USSR–DPRK\. The two treaties are coded alike on "
                   r"every provision whose text we hold, so the whole difference is the Soviet duration clause \(Article 6\)")
    assert rob.loc[("ussr_dprk_1961", "prc_dprk_1961"), "verdict"] == "prc_dprk_1961 never ranks lower"
    held = points.loc["ussr_dprk_1961"].notna()
    assert (points.loc["ussr_dprk_1961", held] == points.loc["prc_dprk_1961", held]).all()
    assert list(held[~held].index) == ["duration_termination"]
    sentence(text, r"It leads only where most of the weight sits on consultation")
    consult = treaties.commitment_index({"consultation": 3, "defence_obligation": 1}, points)
    assert consult.loc["us_rok_1953", "rank"] == 1
    # Exercise 2.4 rests on the renewal rule described in the provisions note and on the dates in the text
    sentence(text, r"automatic five-year renewal unless a party objected a year ahead")
    prov = data.load_provisions().set_index(["treaty_id", "dimension"])
    assert "a year before expiry" in prov.loc[("ussr_dprk_1961", "duration_termination"), "note"]
    events = data.load_events().set_index("id")["date"]
    sentence(text, r"Russia notified Pyongyang on 7 August 1995 that it meant to end the treaty, and its foreign ministry "
                   r"announced this publicly on 7 September 1995; the treaty lost force on 10 September 1996")
    assert str(events["1995_russia_notifies_dprk_ussr_treaty"].date()) == "1995-08-07"
    assert str(events["1995_russia_notice_ussr_dprk_treaty"].date()) == "1995-09-07"
    assert str(events["1996_ussr_dprk_treaty_lapse"].date()) == "1996-09-10"


def test_lesson04_korean_promise_differs_in_two_words():
    import difflib

    arts = data.load_articles()
    korean = arts[arts["language"] == "ko"].set_index(["treaty_id", "article"])["text"].str.rstrip(".")
    a = korean[("ussr_dprk_1961", "1")].split("지체없이")[1].split()
    b = korean[("dprk_russia_2024", "4")].split("지체없이")[1].split()
    changes = [(a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes()
               if op != "equal"]
    assert changes == [(["온갖", "수단으로써"], ["모든", "수단으로"])]
    sentence(markdown("04_russia_pivot_2024"), r"Only two words differ: 온갖 수단으로써 became 모든 수단으로")
    unts = arts[(arts["treaty_id"] == "ussr_dprk_1961") & (arts["article"] == "1") & (arts["version"] == "unts")]
    assert "shall immediately extend military and other assistance" in unts["text"].iloc[0]


# ---------------------------------------------------------------- the data's cut-off, stated once


def test_readme_and_syllabus_state_the_data_cutoff():
    from .helpers import ROOT

    stated = data.cutoff_text()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    syllabus = (ROOT / "lessons.md").read_text(encoding="utf-8")
    assert f"**Data cut-off: {stated}.**" in readme
    assert f"The course data run to {stated}" in syllabus
    assert f"cut-off ({stated})" in syllabus  # the memo assessment's requirement
    assert "data.cutoff_text()" in "".join(
        "".join(c["source"]) for c in json.loads((NOTEBOOKS / "04_russia_pivot_2024.ipynb").read_text())["cells"])


def test_cutoff_is_the_latest_dated_row():
    latest_event = data.load_events()["date"].max()
    latest_claim = data.load_troops()["date_reported"].max()
    assert data.cutoff() == max(latest_event, latest_claim)
    assert data.cutoff_text() == f"{data.cutoff().day} {data.cutoff():%B %Y}"
