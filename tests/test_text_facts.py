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
    sentence(text, r"for 2000, KOTRA puts Russia–DPRK trade at US\$46 million, while Russia's economics ministry "
                   r"\(via ITAR-TASS\) gives US\$105 million")
    # Exercise 4.8's option B and the key points name the same span.
    sentence(text, rf"every year with data \({years[0]}–{years[-1]}\)")
    sentence(text, rf"in the {NUMBER_WORDS[len(years)]} years from {years[0]} to {years[-1]} with a KOTRA figure")


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
