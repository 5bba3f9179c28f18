"""Keys for notebooks/03_trade_asymmetry.ipynb. Compute keys read the data through alliancelab.measures."""

from ..registry import Exercise, register


def _row(year):
    from .. import measures

    return measures.measures_for_year(measures.course_asymmetry_table(), year)


def _latest():
    """Exercises 3.7-3.9 use the latest year with every figure (2024 in this edition of the data)."""
    from .. import measures

    return _row(measures.latest_complete_year())


def _table1_years_with_both():
    from .. import data

    t = data.load_han_table1()
    return [int(y) for y in t.loc[t["pct_of_dprk_total_trade"].notna(), "year"]]


def _fall(by):
    from .. import data, measures

    return measures.largest_fall(measures.trade_series(data.load_china_dprk_trade(), "customs"), by)[0]


def _gap_2019():
    from .. import data, measures

    return measures.series_gap(data.load_china_dprk_trade(), 2019)


register(
    Exercise(
        id="3.1",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="Each share in Table 1 is China–DPRK trade divided by one country's own total trade. In 1972 that trade was 27.2% of North Korea's total but only 4.49% of China's.",
        hints=[
            "Read the row label: '% of North Korea's Total Trade'. Whose total is the denominator?",
            "The numerator is China–North Korea trade (US$ 283.07 million in 1972); the denominator is North Korea's trade with all partners.",
        ],
    ),
    Exercise(
        id="3.2",
        kind="set",
        answer=_table1_years_with_both,
        explanation="Only 1970, 1972 and 1980 print both shares; the other years print N/A for North Korea's side, so for them Table 1 cannot show how lopsided the trade was.",
        hints=[
            "Look for the years where the column pct_of_dprk_total_trade is not empty (N/A is stored as an empty cell).",
            "table1.loc[table1['pct_of_dprk_total_trade'].notna(), 'year'] lists them; answer as a list like [1950, 1960].",
        ],
    ),
    Exercise(
        id="3.3",
        kind="year",
        answer=lambda: _fall("pct"),
        explanation="In percentage terms the customs series fell most in 2020 (about −81%), when the border closed against COVID-19.",
        hints=[
            "Use measures.year_on_year(customs) and look for the most negative change_pct.",
            "measures.largest_fall(customs, 'pct') gives (year, change).",
        ],
    ),
    Exercise(
        id="3.4",
        kind="year",
        answer=lambda: _fall("usd"),
        explanation="In US$ the largest fall came in 2018 (−2,545 million), the year after the 2017 Security Council resolutions; 2020 fell by less in dollars because the base was already smaller.",
        hints=[
            "Same series as your answer to 3.3, but now the change in US$ million, not per cent.",
            "measures.largest_fall(customs, 'usd').",
        ],
    ),
    Exercise(
        id="3.5",
        kind="number",
        answer=_gap_2019,
        tolerance=0.5,
        unit="US$ million",
        explanation="KOTRA 3,090 minus customs 2,789.01 ≈ 301. KOTRA's estimate of unrecorded crude oil for 2019 was 2억9000만 달러 (US$ 290 million), so the oil explains most of this gap.",
        hints=[
            "Take the preferred total of each series for 2019 and subtract: KOTRA minus customs.",
            "measures.series_gap(trade, 2019).",
        ],
    ),
    Exercise(
        id="3.6",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation="The sources (KOTRA quoted in Hankyoreh; the Peterson Institute) say Chinese customs has recorded no crude-oil exports to the DPRK since 2014, while KOTRA adds an estimate of about 500,000 tonnes a year. Before 2014 the two series nearly coincide in the data, which suggests (no source says so) that KOTRA used the Chinese figures for the China line.",
        hints=[
            "Compare the two series before and after 2014 in the explorer: when do they start to part?",
            "Which commodity does KOTRA add that the customs line leaves out?",
        ],
    ),
    Exercise(
        id="3.7",
        kind="number",
        answer=lambda: _latest()["china_share_of_dprk_pct"],
        tolerance=0.1,
        unit="per cent",
        explanation="KOTRA puts China–DPRK trade in 2024 at US$ 2,640.87 million out of a DPRK total of 2,696.11 million: about 97.95%. KOTRA itself printed 98.0%.",
        hints=[
            "Use the KOTRA series on both sides: China–DPRK trade (KOTRA) divided by DPRK total trade (KOTRA), times 100.",
            "measures.share_pct(2640.87, 2696.11) — or read row 2024 of the asymmetry table.",
        ],
    ),
    Exercise(
        id="3.8",
        kind="number",
        answer=lambda: _latest()["dprk_share_of_china_pct"],
        tolerance=0.002,
        unit="per cent",
        explanation="Chinese customs: US$ 2,180 million of China's US$ 6.16 trillion total, about 0.035%: three and a half hundredths of one per cent.",
        hints=[
            "Use Chinese customs on both sides: China–DPRK trade (customs) divided by China's total trade (customs).",
            "Both are in US$ million: China's total is 6,160,000. measures.share_pct(2180, 6160000).",
        ],
    ),
    Exercise(
        id="3.9",
        kind="number",
        answer=lambda: _latest()["symmetry"],
        tolerance=0.002,
        explanation="Symmetry = 1 − |0.9795 − 0.00035| ≈ 0.021: close to 0, which is the most lopsided value the measure can take.",
        hints=[
            "Symmetry works on shares as fractions (0–1), not per cent: divide each share by 100 first.",
            "measures.symmetry(answer_3_7, answer_3_8): your answers to 3.7 and 3.8, both in per cent.",
        ],
    ),
    Exercise(
        id="3.10",
        kind="choice",
        choices="ABCD",
        answer="A",
        explanation="The Hirschman index is the square root of the sum of all squared partner shares, so it is at least as large as the largest single share: China's 98% alone puts it at 0.98 or more, whatever the other partners do.",
        hints=[
            "The index adds up squared shares of every partner; none of those terms can be negative.",
            "sqrt(0.98² + other squares) ≥ sqrt(0.98²).",
        ],
    ),
    Exercise(
        id="3.11",
        kind="choice",
        choices="ABCD",
        answer="D",
        explanation="Vulnerability is about the costs and availability of alternatives once a relationship is cut. In 2020 North Korea lost most of its foreign trade and had no other partner to turn to; for China the loss was a tiny fraction of its trade.",
        hints=[
            "Sensitivity is how fast and how costly a change passes through before policies adjust; vulnerability is about the alternatives.",
            "Which statement talks about alternatives after the cut?",
        ],
    ),
)
