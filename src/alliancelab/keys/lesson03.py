"""Keys for notebooks/03_trade_asymmetry.ipynb. Compute keys read the data through alliancelab.measures.

Choice items name the misconception behind every wrong letter. The two decide-and-defend tasks (3.13, 3.14)
check that the learner's choice is valid and that the figure they quote matches the data for the series or
measure and the year they chose; the justification is marked with the rubric in instructors/03_trade_asymmetry.md.
"""

import math
import numbers

from ..registry import Exercise, register

# KOTRA's estimate of the crude oil that Chinese customs does not record, 2019, in US$ million: "원유 수입 추정액
# 2억9000만 달러" (Asia Economy on KOTRA's 2019 report, source key asiae_2020_07_23_kotra2019, quoted in the row of
# data/trade/dprk_total_trade.csv; tests/test_text_facts.py checks that the quote is there).
OIL_2019_USD_MILLION = 290


def _row(year):
    from .. import measures

    return measures.measures_for_year(measures.course_asymmetry_table(), year)


def _latest():
    """Exercises 3.7-3.9 use the latest year with every figure (2024 in this edition of the data)."""
    from .. import measures

    return _row(measures.latest_complete_year())


def _fall(by):
    from .. import data, measures

    return measures.largest_fall(measures.trade_series(data.load_china_dprk_trade(), "customs"), by)[0]


def _unexplained_gap_2019():
    from .. import data, measures

    return measures.series_gap(data.load_china_dprk_trade(), 2019) - OIL_2019_USD_MILLION


def _china_share_2020():
    from .. import measures

    return float(measures.course_asymmetry_table().set_index("year").loc[2020, "china_share_of_dprk_pct"])


def _replacement_2020():
    from .. import measures

    return measures.record_after(measures.course_asymmetry_table(), 2019)["implied_replacement_pct"]


# --------------------------------------------------------------------------- decide-and-defend validators
# They never raise: every wrong type or value becomes one plain sentence. They check validity and consistency with
# the data, never which series or measure is "right".


def _is_number(v) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool) and math.isfinite(float(v))


def _as_year(v):
    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        if isinstance(v, str) and v.strip().isdigit():
            return int(v.strip())
        if _is_number(v) and float(v) == int(v):
            return int(v)
        return None
    return int(v)


SERIES_NAMES = {"customs": "customs", "chinese customs": "customs", "gacc": "customs", "china customs": "customs",
                "kotra": "kotra"}


def _close(value: float, key: float, abs_tol: float, rel_tol: float) -> bool:
    return abs(float(value) - float(key)) <= max(abs_tol, rel_tol * abs(float(key))) + 1e-9


def validate_series_choice(choice: dict) -> tuple[list[str], str]:
    """3.13: a series ('customs' or 'kotra'), a year, and that series' preferred China–DPRK total for the year."""
    from .. import data, measures

    series, year, value = choice.get("series"), choice.get("year"), choice.get("value")
    if not isinstance(series, str) or " ".join(series.casefold().split()) not in SERIES_NAMES:
        return [f"'series' should be 'customs' or 'kotra', as text in quotes; you gave {series!r:.40}."], ""
    s = SERIES_NAMES[" ".join(series.casefold().split())]
    label = measures.SERIES_LABELS[s]
    y = _as_year(year)
    if y is None:
        return [f"'year' should be a whole-number year such as 2019; you gave {year!r:.40}."], ""
    if not _is_number(value):
        return [f"'value' should be a number in US$ million, without quotes, such as 1234.5; you gave {value!r:.40}."], ""
    trade = data.load_china_dprk_trade()
    figures = {s2: dict(zip(measures.trade_series(trade, s2)["year"], measures.trade_series(trade, s2)["value"]))
               for s2 in measures.SERIES_LABELS}
    mine = figures[s]
    if y not in mine:
        return [f"The {label} series has no preferred figure for {y} (the course data run from {min(mine)} to "
                f"{max(mine)}, with gaps). Choose a year that series covers."], ""
    if _close(value, mine[y], 0.5, 0.001):
        return [], f"You chose the {label} series for {y}: US$ {float(value):,.1f} million."
    rows = trade[(trade["series"] == s) & (trade["year"] == y) & ~trade["preferred"].fillna(False).astype(bool)]
    if any(_close(value, v, 0.5, 0.001) for v in rows["total_usd_million"].dropna()):
        return [f"US$ {float(value):,.1f} million is in a {label} row for {y} that is not the preferred one (an earlier "
                "release or another printing, see its note): quote the preferred figure."], ""
    other = "kotra" if s == "customs" else "customs"
    if y in figures[other] and _close(value, figures[other][y], 0.5, 0.001):
        return [f"US$ {float(value):,.1f} million is the {measures.SERIES_LABELS[other]} figure for {y}, but the series "
                f"you chose is {label}: quote its figure."], ""
    return [f"US$ {float(value):,.1f} million does not match the {label} series' preferred total for {y} (within 0.1%, "
            "or US$ 0.5 million)."], ""


MEASURE_CHOICES = {
    # name: (label, column of the asymmetry table or a function of the row, absolute tolerance)
    "china_share": ("China's share of North Korea's trade (per cent)", "china_share_of_dprk_pct", 0.1),
    "dprk_share": ("North Korea's share of China's trade (per cent)", "dprk_share_of_china_pct", 0.002),
    "ratio": ("the ratio of the two shares", "ratio", 1.0),
    "salience": ("Barbieri's salience (0-1)", "salience", 0.002),
    "symmetry": ("Barbieri's symmetry (0-1)", "symmetry", 0.002),
    "hirschman_lower": ("the lower bound of North Korea's Hirschman index (0-1)", "hirschman_lower", 0.002),
    "hirschman_upper": ("the upper bound of North Korea's Hirschman index (0-1)", "hirschman_upper", 0.002),
}


def measure_value(row: dict, measure: str) -> float:
    """The value of one of MEASURE_CHOICES in a row of the asymmetry table (NaN when it cannot be computed)."""
    from .. import measures

    column = MEASURE_CHOICES[measure][1]
    if column.startswith("hirschman"):
        share = row["china_share_of_dprk_pct"]
        if share is None or math.isnan(share):
            return math.nan
        lo, hi = measures.hirschman_bounds(share)
        return lo if column == "hirschman_lower" else hi
    v = row[column]
    return math.nan if v is None else float(v)


def validate_measure_choice(choice: dict) -> tuple[list[str], str]:
    """3.14: a measure from MEASURE_CHOICES, a year, and the measure's value in that year."""
    from .. import measures

    measure, year, value = choice.get("measure"), choice.get("year"), choice.get("value")
    names = ", ".join(repr(k) for k in MEASURE_CHOICES)
    if not isinstance(measure, str) or measure.strip().casefold() not in MEASURE_CHOICES:
        return [f"'measure' should be one of {names}; you gave {measure!r:.40}."], ""
    m = measure.strip().casefold()
    label, _, abs_tol = MEASURE_CHOICES[m]
    y = _as_year(year)
    if y is None:
        return [f"'year' should be a whole-number year such as 2024; you gave {year!r:.40}."], ""
    if not _is_number(value):
        return [f"'value' should be a number without quotes; you gave {value!r:.40}."], ""
    table = measures.course_asymmetry_table()
    hit = table[table["year"] == y]
    if hit.empty:
        return [f"The course data have no figures for {y}; the asymmetry table runs from {int(table['year'].min())} "
                f"to {int(table['year'].max())}."], ""
    row = hit.iloc[0].to_dict()
    key = measure_value(row, m)
    if math.isnan(key):
        why = row["missing"] or "a figure it needs is missing"
        return [f"{label[0].upper() + label[1:]} cannot be computed for {y}: missing {why}. Nothing is interpolated, "
                "so choose a year that has it."], ""
    if _close(value, key, abs_tol, 0.01):
        return [], f"You chose {label} for {y}: {float(value):,.4g}."
    if 0 < key <= 1 and _close(value, 100 * key, 100 * abs_tol, 0.01):
        return [f"{float(value):g} looks like {label} written as a per cent; this measure runs from 0 to 1."], ""
    if key > 1 and _close(value, key / 100, abs_tol / 100, 0.01):
        return [f"{float(value):g} looks like {label} written as a fraction; give it in per cent, as the table does."], ""
    for other, (other_label, _, tol) in MEASURE_CHOICES.items():
        v = measure_value(row, other)
        if other != m and not math.isnan(v) and _close(value, v, tol, 0.01):
            return [f"{float(value):g} is {other_label} for {y}, not {label}: quote the value of the measure you chose."], ""
    return [f"{float(value):g} does not match {label} for {y} (tolerance {abs_tol:g}, or 1%). Compute it from that "
            "year's row of the asymmetry table."], ""


register(
    Exercise(
        id="3.1",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="Each share in Table 1 is China–DPRK trade divided by one country's own total trade. In 1972 that trade was 27.2% of North Korea's total but only 4.49% of China's.",
        hints=[
            "Read the row label: '% of North Korea's Total Trade'. Whose total is the denominator?",
            "The numerator is China–North Korea trade in both directions (US$ 283.07 million in 1972); the denominator is North Korea's trade with all partners.",
        ],
        misconceptions={
            "A": "Imports only: the row counts trade in both directions, North Korea's exports to China as well as its imports from China.",
            "C": "Wrong denominator: 27.2% is a share of North Korea's total trade; the share of China's total is the other row, 4.49% in 1972.",
            "D": "A share read as growth: a share compares a part with its total in the same year; it says nothing about change from one year to the next.",
        },
    ),
    Exercise(
        id="3.2",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation="Both shares have the same numerator, the China–North Korea trade of 1980, so their ratio compares the denominators: 20.3 / 1.79 ≈ 11.3. China's total trade was about eleven times North Korea's.",
        hints=[
            "Both shares divide the same number, the 1980 China–North Korea trade. What is different between them?",
            "Same numerator, different denominators: share_DPRK / share_China = China's total / North Korea's total. Compute 20.3 / 1.79.",
        ],
        misconceptions={
            "A": "Shares read as a trade balance: both shares describe the same two-way trade; they differ only in the denominator, so they say nothing about exports against imports.",
            "B": "Shares of one whole: each share has its own denominator (each country's total trade), so the two need not add up to 100 or to anything else.",
            "D": "Ratio upside down: the larger share is North Korea's, so the trade weighed about eleven times more for North Korea, not for China.",
        },
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
        answer=_unexplained_gap_2019,
        tolerance=0.5,
        unit="US$ million",
        explanation="The 2019 gap is KOTRA 3,090 minus customs 2,789.01 ≈ 300.99. Taking out KOTRA's oil estimate of US$ 290 million leaves about US$ 11 million that no source we hold explains: the documented cause covers most of the gap, not all of it.",
        hints=[
            "First compute the 2019 gap: KOTRA's preferred total minus the customs preferred total, in US$ million.",
            "measures.series_gap(trade, 2019) gives the gap; subtract KOTRA's oil estimate, 290.",
        ],
    ),
    Exercise(
        id="3.6",
        kind="choice",
        choices="ABCD",
        answer="D",
        explanation="The oil omission starts in 2014, so it cannot explain 2012. No source we hold explains the 2012 gap, and the customs figure for 2012 itself moved from 6,033.9 (early release) to 5,932 (final), a revision larger than the gap. The lesson: name the series and the release you use.",
        hints=[
            "From which year do the sources say customs shows no crude-oil exports to North Korea?",
            "Reread point 5 of the list above: which 2012 figure was revised, and by how much?",
        ],
        misconceptions={
            "A": "A cause projected backwards: the sources date customs' zero line for crude oil from 2014, and in every other year before 2014 the two series nearly agree.",
            "B": "Coverage mix-up: inter-Korean trade concerns KOTRA's figure for North Korea's total trade, which leaves it out; it is not part of either China line.",
            "C": "One series must be wrong: an unexplained gap is a reason to say which series you use and why, not to throw one away.",
        },
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
            "measures.share_pct(row['cn_dprk_kotra'], row['dprk_total_kotra']), with row the 2024 row of table.",
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
            "Both are in US$ million: China's total is 6,160,000. measures.share_pct(row['cn_dprk_customs'], row['china_total_customs']).",
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
        explanation="Symmetry is 1 − |s_China − s_DPRK|. In 2020 China's share of North Korea's trade fell (about 96% in 2018, 88% in 2020) while North Korea's share of China's trade stayed near zero, so the gap narrowed and symmetry rose from about 0.04 to 0.12. The measure tracks the distance between the shares; it says nothing about who was hurt.",
        hints=[
            "Symmetry = 1 − |s_a − s_b|. Which of the two shares moved between 2018 and 2020? Switch the line to each share in turn.",
            "China's share of North Korea's trade fell from about 96% to 88%; North Korea's share of China's trade stayed a few hundredths of a per cent. What does that do to |s_a − s_b|?",
        ],
        misconceptions={
            "B": "More symmetric means better off: symmetry rose because North Korea's trade with China collapsed, a loss, not a gain in independence.",
            "C": "The wrong side moved: North Korea's share of China's trade fell in 2020, from about 0.05% to 0.01%; only China's share of North Korea's trade moved enough to matter.",
            "D": "A gap read as an error: a missing year is left blank; it does not change the 2018 or 2020 values, each computed from that year's own figures.",
        },
    ),
    Exercise(
        id="3.11",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation="In 1998 China's share was about 28.6% (KOTRA: 413.02 of 1,442). The index is at least the largest known share, 0.286, and at most sqrt(0.286² + 0.714²) ≈ 0.769, reached if all other trade was with one partner. Without the other partners' shares you cannot say where in that range it lies.",
        hints=[
            "The index adds the squared shares of every partner, so each extra partner can only raise it. What is the smallest it can be?",
            "measures.hirschman_bounds(share) with the 1998 share in per cent (413.02 / 1442 × 100) gives both bounds.",
        ],
        misconceptions={
            "A": "Index equals the largest share: the index adds the squares of every partner's share, so other partners can only lift it above China's share.",
            "B": "The bound the wrong way round: China's share is the floor of the index, not its ceiling; with all the rest in one partner it could reach about 0.77.",
            "D": "All or nothing: one partner's share already bounds the index from both sides, even without the others.",
        },
    ),
    Exercise(
        id="3.12",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="From 2017 to 2018 North Korea's trade with China fell by about 48% (KOTRA), and its trade with all other partners fell too, from about US$ 290 million to 120 million: other partners made up none of the loss (about −7% of it). North Korea had no alternative to turn to, which is vulnerability, whatever the cause of the cut.",
        hints=[
            "Read the record paragraph under the chart for 2018: what happened to trade with partners other than China?",
            "Vulnerability is about what is left once alternatives are used. Did any alternative partner make up the trade lost with China in 2018?",
        ],
        misconceptions={
            "A": "Substitution assumed, not observed: the record shows trade with other partners falling too in 2018, from about 290 to 120 million.",
            "C": "A fall read as diversification: China's share rose, from 94.8% to 95.8%, because trade with other partners fell even faster than trade with China.",
            "D": "Vulnerability depends on the cause: Keohane and Nye's vulnerability concerns the alternatives a state has after a change, whatever caused the change.",
        },
    ),
    Exercise(
        id="3.13",
        kind="decide",
        answer=None,
        fields=("series", "year", "value"),
        validate=validate_series_choice,
        min_words=30,
        explanation="Compare your justification with the model answer below and the rubric in the instructor notes: it should tie the series to the question (how much North Korea depends on China needs North Korea's total, which only KOTRA gives; what China itself records and controls at its border is customs), name the documented cause of the gap (crude oil from 2014) and one caveat, and say what the other series would change.",
        hints=[
            "measures.trade_series(trade, 'kotra') and measures.trade_series(trade, 'customs') list each year's preferred total in the column 'value'.",
            "Quote the figure of the series you chose, for the year you chose, in US$ million; customs has no figure for 1992 or 1994–1998, KOTRA none for 1991, 1999 or 2025.",
            "If the message says the figure belongs to the other series, you have mixed the two: each answer takes one series throughout.",
        ],
    ),
    Exercise(
        id="3.14",
        kind="decide",
        answer=None,
        fields=("measure", "year", "value"),
        validate=validate_measure_choice,
        min_words=40,
        explanation="Compare your justification with the model answer below and the rubric in the instructor notes: it should say what your measure shows about China's potential leverage, why you chose it over the others, and what no trade measure can show: whether China is willing to use its leverage, which is Han's point.",
        hints=[
            "Allowed measures: 'china_share', 'dprk_share', 'ratio', 'salience', 'symmetry', 'hirschman_lower', 'hirschman_upper'. The first five are columns of table; the Hirschman bounds come from measures.hirschman_bounds(china_share).",
            "Pick a year with every figure the measure needs: the ratio, salience and symmetry need both shares (for example 2018, 2020–2024; not 2019).",
            "Shares are in per cent; salience, symmetry and the Hirschman bounds run from 0 to 1. Quote the value in the same unit as the table.",
        ],
    ),
    Exercise(
        id="3.P1",
        kind="prediction",
        answer=_china_share_2020,
        tolerance=3,
        unit="per cent",
        explanation="China's share fell only from about 95% (2019) to 88.2% (2020), although trade with China fell by about three-quarters: North Korea's trade with everyone else fell too, so China kept most of a much smaller whole. By 2021 its share was above 95% again.",
        hints=[
            "A share can stay high when the part falls, if the total falls as well. What happened to North Korea's other trade in 2020?",
        ],
    ),
    Exercise(
        id="3.P2",
        kind="prediction",
        answer=_replacement_2020,
        tolerance=5,
        unit="per cent of the lost trade",
        explanation="Other partners made up none of it: from 2019 to 2020 trade with China fell by about US$ 2,330 million (KOTRA), and trade with all other partners fell too, from about 150 to 102 million, so the 'replacement' was about −2%. Set the explorer to other base years: in every year in the data when trade with China fell, except 2024 (base year 2023), trade with other partners fell as well.",
        hints=[
            "100 would mean other partners replaced all the trade lost with China, 0 none of it; a negative value means their trade fell too.",
        ],
    ),
)
