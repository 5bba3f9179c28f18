"""Keys for notebooks/04_russia_pivot_2024.ipynb. Compute keys read the data through alliancelab.timeline.

The three decide-and-defend tasks (4.2, 4.7, 4.10) have validators: each checks that the learner's structured choice
is valid and consistent with the evidence in the data, never that it is "the one right opinion". A validator never
raises on anything a learner can type; it returns one plain sentence per problem.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from urllib.parse import urlparse

from ..registry import Exercise, register

SIGNED = "2024_06_19_putin_pyongyang_treaty_signed"
IN_FORCE = "2024_12_04_instruments_exchanged"

#: Exercise 4.2: the rows of the table in section "Moscow and Pyongyang before 2024" (the notebook's ``soviet_end``).
SOVIET_END = (
    "1991_ussr_dprk_treaty_effectively_ended_gibler",
    "1992_russia_article1_effectively_scrapped",
    "1995_russia_notifies_dprk_ussr_treaty",
    "1995_russia_notice_ussr_dprk_treaty",
    "1995_ussr_dprk_alliance_end_cow",
    "1996_ussr_dprk_treaty_lapse",
)
#: Rows whose own source says they do not date a legal end (the lesson text says so too): not a treaty-law date.
NOT_A_LEGAL_END = {
    "1991_ussr_dprk_treaty_effectively_ended_gibler": "Gibler's summary says the alliance 'effectively ended' in "
    "December 1991, a dating of practice: the same entry has the treaty in force until 1995 and a Russian note "
    "about renewal after that",
    "1992_russia_article1_effectively_scrapped": "the 1992 row is an anonymous official's forecast that Article 1 "
    "would be recast, and 'effectively scrapped' is the newspaper's verdict: no legal act ended anything that day",
}

#: Exercise 4.10: the kinds of evidence of section "A news report as a source".
KINDS_OF_EVIDENCE = ("reported fact", "official act", "claim", "interpretation")

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")


# --------------------------------------------------------------------------- compute keys


def _days_signing_to_force() -> int:
    from .. import data, timeline

    return timeline.days_between(data.load_events(), SIGNED, IN_FORCE)


def _highest_us_claim_2024() -> float:
    from .. import data, timeline

    rows = timeline.claims(data.load_troops(), "troops_deployed", until="2024-12-31")
    return float(rows.loc[rows["group"] == "United States", "figure"].max())


def _russian_ministry_share_2000() -> float:
    from .. import data, timeline

    russia = data.load_russia_dprk_trade().query("year == 2000 and series == 'russian_official' and preferred")
    total = timeline.two_patrons(basis="kotra").set_index("year").loc[2000, "total_usd_million"]
    return float(russia["total_usd_million"].iloc[0] / total * 100)


def _highest_russia_share_kotra() -> float:
    from .. import timeline

    return float(timeline.two_patrons(basis="kotra")["russia_share_pct"].max())


# --------------------------------------------------------------------------- small readers (never raise)


def _date(value) -> _dt.date | None:
    """A date from '2026-02-25', a datetime.date or a pandas Timestamp; None if it is not one."""
    import pandas as pd

    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        if not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
            return None
    elif not isinstance(value, (_dt.date, pd.Timestamp)):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        return None
    return None if pd.isna(stamp) else stamp.date()


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _url(value) -> str | None:
    """The host of a web address ('www.' removed), or None if it is not one."""
    text = _text(value)
    if not text or not re.match(r"https?://", text):
        return None
    host = urlparse(text).netloc.lower()
    return host.removeprefix("www.") if "." in host else None


def numbers_in(sentence: str) -> list[float]:
    """The figures a sentence states: '10,000', '12000', '1.5'. Years (1900–2100 written without a comma), days
    next to a month name ('19 December', 'December 19'), ordinals ('19th') and article numbers are not figures."""
    found = []
    for m in re.finditer(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])", sentence):
        raw = m.group(1)
        value = float(raw.replace(",", ""))
        before = sentence[: m.start()].lower().split()[-1:] or [""]
        after = sentence[m.end():].lower().split()[:1] or [""]
        word_before, word_after = before[0].strip("(,;:"), after[0].strip("),.;:")
        if "," not in raw and raw.isdigit() and 1900 <= value <= 2100:
            continue
        if raw.isdigit() and value <= 31 and (word_before in MONTHS or word_after in MONTHS):
            continue
        if word_before in ("article", "articles", "art."):
            continue
        found.append(value)
    return found


# --------------------------------------------------------------------------- 4.2: the end of the Soviet treaty


def _event_dates() -> dict[str, str]:
    from .. import data, timeline

    events = data.load_events().set_index("id")
    return {i: timeline.format_date(events.loc[i, "date"], str(events.loc[i, "date_precision"]))
            for i in SOVIET_END if i in events.index}


def validate_soviet_end(choice: dict) -> tuple[list[str], str]:
    """4.2: an end date for a deterrence study and one for a treaty-law study, each a row of the table."""
    problems, picks = [], {}
    for field, study in (("deterrence", "deterrence study"), ("treaty_law", "treaty-law study")):
        value = _text(choice.get(field))
        if value is None:
            problems.append(f"'{field}' should be one of the event ids in the table, in quotes (the date for your "
                            f"{study}).")
        elif value not in SOVIET_END:
            problems.append(f"'{field}' is {value[:60]!r}, which is not a row of the table in section 'Moscow and "
                            f"Pyongyang before 2024'; copy one id from the list soviet_end.")
        else:
            picks[field] = value
    if picks.get("treaty_law") in NOT_A_LEGAL_END:
        problems.append(f"For a treaty-law study you need the legal end, but {NOT_A_LEGAL_END[picks['treaty_law']]}.")
    if problems:
        return problems, ""
    dates = _event_dates()
    summary = (f"Deterrence study: {picks['deterrence']} ({dates.get(picks['deterrence'], '?')}); treaty-law study: "
               f"{picks['treaty_law']} ({dates.get(picks['treaty_law'], '?')}).")
    if picks["deterrence"] == picks["treaty_law"]:
        summary += (" You chose the same row for both studies: your justification must say why one date serves "
                    "both questions.")
    return [], summary


# --------------------------------------------------------------------------- 4.7: the range of troop claims


GROUPS = ("South Korea", "Ukraine", "United States", "United Kingdom", "Russia", "Other or mixed")


def _ranges(value) -> dict | None:
    """The learner's ranges as {group: (low, high)}: a dict, or a claim_ranges() table; None if neither."""
    import pandas as pd

    if isinstance(value, pd.DataFrame) and {"low", "high"} <= set(value.columns):
        return {str(g): (r["low"], r["high"]) for g, r in value.iterrows()}
    return dict(value) if isinstance(value, dict) else None


def validate_claim_ranges(choice: dict) -> tuple[list[str], str]:
    """4.7: the range of claims by claimant group for a measure and period the learner chooses, and one briefing
    sentence whose figures lie within those claims."""
    from .. import data, timeline

    troops = data.load_troops()
    measures = sorted(set(troops["measure"].astype(str)))
    problems: list[str] = []
    measure = _text(choice.get("measure"))
    if measure not in measures:
        problems.append(f"'measure' should be one of {', '.join(measures)} (in quotes).")
    period = choice.get("period")
    start = end = None
    if isinstance(period, (list, tuple)) and len(period) == 2:
        start, end = _date(period[0]), _date(period[1])
    if start is None or end is None:
        problems.append("'period' should be two dates in quotes, first and last day, like ('2024-10-01', '2024-12-31').")
    elif start > end:
        problems.append("'period' starts after it ends: put the earlier date first.")
    leave_out = choice.get("leave_out")
    if isinstance(leave_out, (str, int)) and not isinstance(leave_out, bool):
        leave_out = [leave_out]
    if not isinstance(leave_out, (list, tuple, set)):
        problems.append("'leave_out' should be a list of row ids from troops.csv, like ['013', '014'], or [] to keep "
                        "every claim.")
        leave_out = []
    ranges = _ranges(choice.get("ranges"))
    if ranges is None:
        problems.append("'ranges' should be a dictionary of claimant group: (low, high), like "
                        "{'South Korea': (1500, 11000), 'Ukraine': (10000, 12000)}, or a timeline.claim_ranges(...) table.")
    sentence = _text(choice.get("sentence"))
    if sentence is None or len(sentence.split()) < 8:
        problems.append("'sentence' should be the one sentence you would put in a briefing (at least 8 words), in quotes.")
    if problems:
        return problems, ""

    rows = timeline.claims(troops, measure, until=end)
    rows = rows[rows["date_reported"] >= str(start)]
    ids = {timeline.row_id(r) for r in leave_out}
    unknown = sorted(i for i in ids if i not in set(rows["row_id"].astype(str)))
    if unknown:
        problems.append(f"'leave_out' names row(s) {', '.join(unknown)}, which are not {measure} claims reported in your "
                        "period; leave out only rows you would otherwise count.")
    table = timeline.claim_ranges(troops, measure, start=start, until=end, leave_out=ids)
    known = {g.casefold(): g for g in GROUPS}
    listed: dict[str, tuple[float, float]] = {}
    for name, pair in ranges.items():
        group = known.get(str(name).strip().casefold())
        if group is None:
            problems.append(f"{str(name)[:40]!r} is not a claimant group; use {', '.join(GROUPS)} "
                            "(timeline.claimant_group reads it off the claimant).")
            continue
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            problems.append(f"The range for {group} should be a pair (low, high).")
            continue
        low, high = _number(pair[0]), _number(pair[1])
        if low is None or high is None or low > high:
            problems.append(f"The range for {group} should be two numbers, the lower first.")
            continue
        if group not in table.index:
            problems.append(f"No {group} claim of {measure} with a number is in your period (after leaving out your rows).")
            continue
        want = table.loc[group]
        for label, given, expected in (("low", low, want["low"]), ("high", high, want["high"])):
            if given != expected:
                side = "smallest" if label == "low" else "largest"
                direction = "too high" if given > expected else "too low"
                problems.append(f"Your {label} for {group} ({given:,.0f}) is {direction}: it should be the {side} number "
                                f"in that group's claims in your period (rows {want['row_ids']}).")
        listed[group] = (low, high)
    if len(ranges) < 2:
        problems.append("Compare at least two claimant groups: a range by claimant needs more than one claimant.")
    if problems:
        return problems, ""
    floor, ceiling = min(lo for lo, _ in listed.values()), max(hi for _, hi in listed.values())
    outside = [n for n in numbers_in(sentence) if not floor <= n <= ceiling]
    if outside:
        problems.append(f"Your sentence gives {', '.join(f'{n:,.0f}' for n in outside)}, outside the claims you listed "
                        f"({floor:,.0f} to {ceiling:,.0f}): every figure in a briefing sentence must come from the claims.")
        return problems, ""
    spans = "; ".join(f"{g} {lo:,.0f}–{hi:,.0f}" for g, (lo, hi) in listed.items())
    left = f", leaving out row(s) {', '.join(sorted(ids))}" if ids else ""
    return [], f"{measure} claims reported {start} to {end}{left}: {spans}."


# --------------------------------------------------------------------------- 4.10: a claim after the cut-off


def validate_new_claim(choice: dict) -> tuple[list[str], str]:
    """4.10: a claim from after the data's cut-off, written down the way section 'Checking a new claim' says."""
    from .. import data

    problems: list[str] = []
    cutoff = data.cutoff().date()
    when = _date(choice.get("date"))
    if when is None:
        problems.append("'date' should be the date of the event or statement, in quotes, like '2026-03-15'.")
    elif when <= cutoff:
        problems.append(f"'date' ({when}) is not after the course data's cut-off ({data.cutoff_text()}): the course "
                        "already covers that period, so bring in something later.")
    elif _dt.date.today() > cutoff and when > _dt.date.today():  # (a clock set before the cut-off is wrong: skip)
        problems.append(f"'date' ({when}) is in the future.")
    claimant = _text(choice.get("claimant"))
    if claimant is None:
        problems.append("'claimant' should name who makes the claim (a person, government, agency or analyst), in quotes.")
    quote = _text(choice.get("quote"))
    if quote is None or len(quote.split()) < 5:
        problems.append("'quote' should be the exact words of the report you read (at least five words), in quotes.")
    elif any(quote in str(q) for q in data.load_events()["quote"].dropna()):
        problems.append("That quote is already in events.csv: bring in a claim the course does not hold.")
    host = _url(choice.get("url"))
    if host is None:
        problems.append("'url' should be the full address of the report you read, starting with http:// or https://.")
    second = choice.get("second_url")
    if second is not None:
        second_host = _url(second)
        if second_host is None:
            problems.append("'second_url' should be the full address of a second report, or None if you found none.")
        elif host is not None and second_host == host:
            problems.append("'second_url' is on the same site as 'url': a second source has to come from somewhere else.")
    kind = _text(choice.get("kind"))
    if kind is None or kind.casefold() not in KINDS_OF_EVIDENCE:
        problems.append(f"'kind' should be one of {', '.join(repr(k) for k in KINDS_OF_EVIDENCE)}.")
    if problems:
        return problems, ""
    check = (f"a second report on {_url(second)}" if second is not None else
             "no second source yet: say in your justification what you searched")
    return [], f"Your claim: {claimant}, {when}, kind of evidence: {kind.casefold()}; {check}."


# --------------------------------------------------------------------------- the keys


register(
    Exercise(
        id="4.1",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation="C. The record in events.csv has the 1961 Soviet treaty ending in the 1990s: Russia notified "
                    "Pyongyang in August 1995 and announced in September 1995 that it would not extend it, and it lapsed "
                    "on 10 September 1996. So in December 2024 only the 2000 treaty was in force to be ended, which is "
                    "what KCNA reported. Ushakov's list names the documents the new treaty takes the place of, including "
                    "one that had already lapsed.",
        hints=[
            "Which treaty between Moscow and Pyongyang was still in force in 2024? Check when the 1961 Soviet treaty "
            "ended, in the table above.",
            "Look at the event '2024_12_04_treaty_2000_ceases' and its quote, then ask what a treaty that had lapsed in "
            "1996 is doing on a list of documents to be replaced.",
        ],
        misconceptions={
            "A": "A lapsed treaty read as alive: every row of the table above dates the end of the 1961 Soviet treaty, or "
                 "of its assistance clause, between 1991 and 1996, and on entry into force KCNA named only the 2000 "
                 "treaty as becoming invalid.",
            "B": "The two 1961 treaties confused: Ushakov was listing Moscow's documents with Pyongyang; the China–North "
                 "Korea treaty of 11 July 1961 is not Russia's to replace, and it is still in force.",
            "D": "Silence read as proof: KCNA did not say nothing ended; it said the 2000 treaty 'becomes invalid' on the "
                 "day of the exchange.",
        },
    ),
    Exercise(
        id="4.2",
        kind="decide",
        answer=None,
        fields=("deterrence", "treaty_law"),
        validate=validate_soviet_end,
        min_words=30,
        explanation="Compare your reasons with the model answer. The rubric looks for: each date tied to the question "
                    "of its study (what Pyongyang could count on; when the obligation ended in law); the kind of "
                    "evidence behind each row (a reference work's summary, an anonymous official, a notification, a "
                    "public announcement, a dataset's coding, the lapse); and what your choice would change (studies "
                    "dated December 1991 and September 1996 differ by almost five years).",
        hints=[
            "Fill in two ids from the list soviet_end: one for 'deterrence', one for 'treaty_law'. A deterrence study "
            "asks when Pyongyang could no longer count on Moscow; a treaty-law study asks when the obligation ended.",
            "For treaty law pick a row that records a legal step or the legal effect (the notification, the "
            "announcement, COW's coding of it, or the lapse). Gibler's 1991 summary and the 1992 newspaper verdict say "
            "'effectively': they date practice, not law.",
            "Any row can serve a deterrence study if you say why; in your justification name the kind of source behind "
            "each date and say what a researcher would code differently with the other choice.",
        ],
    ),
    Exercise(
        id="4.3",
        kind="number",
        answer=_days_signing_to_force,
        tolerance=0,
        unit="days",
        explanation="168 days: signed in Pyongyang on 19 June 2024, in force on 4 December 2024, the day the "
                    "instruments of ratification were exchanged in Moscow (Article 22, as KCNA reported).",
        hints=[
            "Use timeline.days_between(events, first_id, second_id) with the ids of the signing and of the exchange of "
            "instruments.",
            "The ids are '2024_06_19_putin_pyongyang_treaty_signed' and '2024_12_04_instruments_exchanged'. The treaty "
            "entered into force on the day of the exchange.",
        ],
    ),
    Exercise(
        id="4.4",
        kind="choice",
        choices="ABCD",
        answer="A",
        explanation="A. The report shows, and other reports of the same KCNA release can confirm, that KCNA called the "
                    "exchange 'a powerful security guarantee mechanism that eases regional tensions'. That KCNA said so "
                    "is a reported fact. What it says, that the treaty eases tensions, is a claim by a party to the "
                    "treaty about its own deal: evidence of how Pyongyang presents it, not of its effects.",
        hints=[
            "Ask two questions of the sentence: what can a second source confirm (who said what, and when)? And who is "
            "speaking, with what stake in the treaty?",
            "KCNA is North Korea's state news agency, and North Korea is a party to the treaty. Quoting a party's words "
            "makes it a fact that they were said, not that they are true.",
        ],
        misconceptions={
            "B": "Quotation as verification: a quotation shows that KCNA said it; whether the treaty eases tensions "
                 "needs evidence about the region, not a party's description of its own deal.",
            "C": "The wrong author: these are KCNA's words, quoted; the report's unnamed analysts speak elsewhere (the "
                 "'military alliance' reading, the 'risky' honeymoon).",
            "D": "A statement taken for an act: an official act changes the legal or political situation (the exchange "
                 "itself, a ratification, a veto); a state agency describing it changes nothing.",
        },
    ),
    Exercise(
        id="4.5",
        kind="choice",
        choices="ABCD",
        answer="D",
        explanation="D. Article 4 promises assistance when a side 'is put in a state of war by an armed invasion'. "
                    "To present the Kursk deployment as Article 4 at work, Moscow and Pyongyang had to treat the "
                    "Ukrainian forces in the Kursk region as that invasion, which is what Gerasimov's 'the invading "
                    "group of the Ukrainian armed forces' does. Whether the clause fits the war as a whole is a "
                    "further question the two governments did not have to answer.",
        hints=[
            "Reread the first words of Article 4 (the cell under 'Reading Articles 3, 4 and 8'): what has to happen to a "
            "side before the other must help it?",
            "Article 4's trigger is a state of war caused by an armed invasion of the side being helped. Which option "
            "names an invasion of Russia, and whose, in Gerasimov's words?",
        ],
        misconceptions={
            "A": "A threat taken for the trigger: a 'direct threat of armed invasion' is Article 3's trigger, and it "
                 "leads to consultations, not to assistance.",
            "B": "Article 51 read as a permit: the article the treaty cites preserves an 'inherent right' of "
                 "self-defence 'if an armed attack occurs'; Article 4 does not make help wait for a UN decision.",
            "C": "Any war counts: Article 4 needs a state of war caused by an armed invasion of the side being helped, "
                 "which is why both governments pointed to Kursk rather than to the war in general.",
        },
    ),
    Exercise(
        id="4.6",
        kind="number",
        answer=_highest_us_claim_2024,
        tolerance=0,
        unit="persons",
        explanation="12,000: on 26 November 2024 the US Defense Department confirmed 'at least 12,000' North Korean "
                    "troops in Russia, as Ukrinform reported it (row 019). It is a lower bound, in a Ukrainian agency's "
                    "paraphrase of a statement the course has not read, so treat it as secondary. The summary above the "
                    "chart mentions only the earlier US 'about 10,000': a summary is not the evidence, the rows are.",
        hints=[
            "Take timeline.claims(troops, 'troops_deployed', until='2024-12-31'), keep the rows whose 'group' is "
            "'United States', and find the largest value in the 'figure' column.",
            "claims = timeline.claims(troops, 'troops_deployed', until='2024-12-31'); then "
            "claims[claims['group'] == 'United States']['figure'].max(). Read the row it comes from and its note.",
        ],
    ),
    Exercise(
        id="4.7",
        kind="decide",
        answer=None,
        fields=("measure", "period", "leave_out", "ranges", "sentence"),
        validate=validate_claim_ranges,
        min_words=30,
        explanation="Compare your sentence and reasons with the model answer. The rubric looks for: a stated measure "
                    "and period; every figure tied to a claimant; ranges, not one 'true' number; a reason for each row "
                    "left out (or for keeping it), from its note (Kursk only, a bound, a paraphrase, a mixed "
                    "claimant); and a sentence a reader can act on without overstating what is known.",
        hints=[
            "Choose a measure (e.g. 'troops_deployed' or 'casualties') and a period, then run timeline.claim_ranges("
            "troops, measure, start=..., until=...) to see each claimant group's range.",
            "Read the note of every row in the range (timeline.claims(...)[['row_id', 'claimant', 'low', 'high', "
            "'note']]). Put in 'leave_out' the rows that count something else (e.g. the Kursk region only, one week), "
            "then rerun claim_ranges with leave_out=... and copy its low and high.",
            "The low is the smallest number a group's claims give, the high the largest. Every figure in your "
            "sentence must lie within the claims you kept, and the sentence should say whose each figure is.",
        ],
    ),
    Exercise(
        id="4.P1",
        kind="prediction",
        answer=_highest_russia_share_kotra,
        tolerance=2.0,
        unit="percent",
        explanation="On the KOTRA basis Russia's share of North Korea's recorded trade peaks at 7.7% (2005) and is "
                    "under 3% from 2009, while China's share in the same years runs from about a quarter (2000) to "
                    "about nine-tenths (2015). Did you expect a larger Russian share, from the Soviet past and the "
                    "2024 treaty? Recorded trade shows a small partner, and it cannot show arms or labour.",
        hints=["Think of lesson 03: China's share of North Korea's trade was about 98% in 2024. What room does that "
               "leave?"],
    ),
    Exercise(
        id="4.8",
        kind="number",
        answer=_russian_ministry_share_2000,
        tolerance=0.05,
        unit="percent",
        explanation="About 5.33%: Russia's economics ministry (via ITAR-TASS) puts Russia–DPRK trade in 2000 at US$105 "
                    "million; over KOTRA's total for North Korea (US$1,969 million) that is 5.33%, against 2.34% with "
                    "KOTRA's own Russia figure (US$46 million). The share more than doubles with the compiler of one "
                    "number, and the 5.33% mixes two compilers, which is what the 'best available' basis warns about.",
        hints=[
            "Find the 2000 row of data.load_russia_dprk_trade() whose series is 'russian_official', and the 2000 total in "
            "patrons (the KOTRA table above). Divide, then multiply by 100.",
            "data.load_russia_dprk_trade().query(\"year == 2000 and series == 'russian_official'\") gives US$105 "
            "million; patrons gives North Korea's total for 2000. 105 / total × 100.",
        ],
    ),
    Exercise(
        id="4.9",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="B. On the best-available basis Russia's share rises from 1.48% (2019) to 4.95% (2020). Russian "
                    "customs put 2020 trade at US$42.74 million, '10.8% less than in the previous year', while KOTRA's "
                    "total for North Korea fell from US$3,240 million to US$863 million as trade with China collapsed "
                    "(lesson 03's 2020 shock). The share rose because the total shrank. The row mixes Russian customs "
                    "with KOTRA, so read the 4.95% as approximate, not as meaningless.",
        hints=[
            "In the explorer choose Basis: best available and look at 2019–2021 in the table, or run "
            "timeline.two_patrons(basis='best') and read the rows for 2019 and 2020: which number moved, the Russian "
            "figure or the total?",
            "A share is part / total. Compare the change in 'russia_usd_million' with the change in "
            "'total_usd_million' from 2019 to 2020, and note the series columns.",
        ],
        misconceptions={
            "A": "A share read as a size: Russia's recorded trade fell slightly in 2020 (Russian customs: 10.8% less "
                 "than in 2019); its share rose only because North Korea's total trade collapsed.",
            "C": "Mixed read as meaningless: the mix of compilers makes the figure approximate, but the fall in the "
                 "total is far larger than any gap between compilers; a flag asks for care, not for discarding the row.",
            "D": "After, therefore because: the 2019 Vladivostok summit came before 2020, but Russia's trade did not "
                 "rise; the denominator fell.",
        },
    ),
    Exercise(
        id="4.10",
        kind="decide",
        answer=None,
        fields=("date", "claimant", "quote", "url", "second_url", "kind"),
        validate=validate_new_claim,
        min_words=40,
        explanation="Compare your source criticism with the model answer. The rubric looks for: the claimant's stake; "
                    "the date of the event beside the date of the report; exact words from a report you read; whether "
                    "the second source is independent or repeats the same wire or the claimant's own media; a kind of "
                    "evidence that fits (that something was said is a reported fact; what it says may be a claim); and "
                    "how the claim bears on this lesson's question (abandonment or entrapment for Beijing).",
        hints=[
            "Find a report dated after the cut-off that bears on Moscow, Pyongyang or Beijing. Fill in the date of the "
            "event (not the day you read it), the claimant, the exact words, the address and a second report.",
            "The date must be after data.cutoff(). 'kind' is one of 'reported fact', 'official act', 'claim', "
            "'interpretation'. If you found no second report, put None under 'second_url' and say so in 'why'.",
            "In 'why', say who the claimant is and what they gain by saying it, whether your second report depends on "
            "the same source, and what the claim would change in open prompt B.",
        ],
    ),
)
