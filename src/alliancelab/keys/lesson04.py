"""Keys for notebooks/04_russia_pivot_2024.ipynb. Compute keys read the data through alliancelab.timeline."""

from ..registry import Exercise, register

SIGNED = "2024_06_19_putin_pyongyang_treaty_signed"
IN_FORCE = "2024_12_04_instruments_exchanged"

#: Exercise 4.6: letter -> event id (the learner orders the letters by date).
ORDER_ITEMS = {
    "A": "2024_10_18_nis_first_troop_report",
    "B": "2023_09_13_vostochny_summit",
    "C": "2025_04_28_dprk_acknowledges_troops",
    "D": "2024_06_19_putin_pyongyang_treaty_signed",
    "E": "2024_12_04_instruments_exchanged",
}


def _days_signing_to_force() -> int:
    from .. import data, timeline

    return timeline.days_between(data.load_events(), SIGNED, IN_FORCE)


def _order() -> list[str]:
    from .. import data, timeline

    by_id = {v: k for k, v in ORDER_ITEMS.items()}
    return [by_id[i] for i in timeline.chronological(data.load_events(), list(ORDER_ITEMS.values()))]


def _russia_share_2013() -> float:
    from .. import timeline

    table = timeline.two_patrons(basis="kotra")
    return float(table.loc[table["year"] == 2013, "russia_share_pct"].iloc[0])


def _highest_deployed_2024() -> float:
    from .. import data, timeline

    return float(timeline.claims(data.load_troops(), "troops_deployed", until="2024-12-31")["figure"].max())


register(
    Exercise(
        id="4.2",
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
        id="4.3",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="Article 4: if either side 'is put in a state of war by an armed invasion', the other provides "
                    "'military and other assistance'. Article 3 only provides for consultations when a threat arises; "
                    "Article 8 sets up joint defence mechanisms; Article 22 governs entry into force.",
        hints=[
            "Two articles deal with threats: one says the sides will talk, the other says they will fight. Which promises "
            "assistance in a state of war?",
            "Article 3 is about a 'direct threat' and 'bilateral negotiations'; the next article is the one Russia's "
            "deputy UN envoy and North Korea's Central Military Commission both cited.",
        ],
    ),
    Exercise(
        id="4.1",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation="C. The record in events.csv has the 1961 Soviet treaty ending in the 1990s: Russia notified "
                    "Pyongyang in August 1995 and announced in September 1995 that it would not extend it, and it lapsed "
                    "on 10 September 1996. So in December 2024 only the 2000 treaty was in force to be ended, which is "
                    "what KCNA reported. Ushakov's list names the documents the new treaty takes the place of, including "
                    "one that had already lapsed. A treats a lapsed treaty as alive; B confuses the two 1961 treaties "
                    "(the China–DPRK treaty is untouched); D reads KCNA's silence as proof that nothing ended.",
        hints=[
            "Which treaty between Moscow and Pyongyang was still in force in 2024? Check when the 1961 Soviet treaty "
            "ended, in the table above.",
            "Look at the event '2024_12_04_treaty_2000_ceases' and its quote, then ask what a treaty that had lapsed in "
            "1996 is doing on a list of documents to be replaced.",
        ],
    ),
    Exercise(
        id="4.6",
        kind="list",
        answer=_order,
        items=tuple(ORDER_ITEMS),
        explanation="B (Vostochny, Sep 2023) → D (signing, Jun 2024) → A (first NIS troop report, Oct 2024) → "
                    "E (exchange of instruments, Dec 2024) → C (North Korea acknowledges the troops, Apr 2025): the "
                    "troops were reported in Russia before the treaty was in force.",
        hints=[
            "Find each event in the timeline explorer (or in events.csv) and write down its date.",
            "Two events are in 2024 before December and one is in 2025. The summit came first.",
            "timeline.chronological(events, [ids...]) sorts event ids by date; map the ids back to letters.",
        ],
    ),
    Exercise(
        id="4.7",
        kind="number",
        answer=_russia_share_2013,
        tolerance=0.05,
        unit="percent",
        explanation="About 1.42%: KOTRA puts Russia–DPRK trade at US$104.22 million in 2013 and North Korea's total trade at "
                    "US$7,340 million. Russia was the second-largest partner that year, yet China's share was about 89%.",
        hints=[
            "Divide Russia–DPRK trade in 2013 by North Korea's total trade in 2013 (both KOTRA), then multiply by 100.",
            "In the two-patrons table (timeline.two_patrons(basis='kotra')), take the 2013 row: 104.22 / 7340 × 100.",
        ],
    ),
    Exercise(
        id="4.4",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation="C is a reported fact: who signed the exchange protocol, as KCNA reported it, and it can be checked "
                    "against other reports. A, B and D are the report's interpretation: A is its own comparison ('akin "
                    "to'), B says Russia 'seems to be aiming', D is what 'it is widely assessed' North Korea wants.",
        hints=[
            "A reported fact can be checked against another source: a name, a date, a place. An interpretation is "
            "somebody's reading of motives.",
            "Look for the words 'appears', 'seems' and 'widely assessed' in the report; the remaining option reports "
            "who signed a document.",
        ],
    ),
    Exercise(
        id="4.8",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="On the like-for-like KOTRA basis, Russia's share never exceeds 8% (7.7% in 2005) and is under 3% "
                    "from 2009 (2000–2015, the years with a figure), while China's rises from about a quarter (2000) to "
                    "about nine-tenths (2014). Recorded "
                    "trade cannot show arms or labour, so it says nothing about whether Russia has become a second patron.",
        hints=[
            "Switch the explorer to 'Share of DPRK trade (%)' on the KOTRA basis and read both lines.",
            "The data stop before the treaty for Russia on this basis, and customs data do not record munitions or "
            "workers: eliminate the options that claim otherwise.",
        ],
    ),
    Exercise(
        id="4.5",
        kind="number",
        answer=_highest_deployed_2024,
        tolerance=0,
        unit="persons",
        explanation="12,000: the highest figure any claimant gave for North Korean troops sent to Russia in claims "
                    "reported by the end of 2024. Three rows reach it: Ukraine's military intelligence (24 October, "
                    "'approximately 12,000'), Zelensky (22 October, two brigades 'of up to 6,000 personnel each') and "
                    "the US Defense Department as reported by Ukrinform (26 November, 'at least 12,000'). South Korea's "
                    "NIS said 'roughly 11,000' in December. Larger numbers in 2024 (15,000) were plans or possible final "
                    "sizes, a different measure. These are claims, not a count.",
        hints=[
            "Use timeline.claims(troops, 'troops_deployed', until='2024-12-31') and take the largest value in the "
            "'figure' column.",
            "'figure' is the claim's high value where it gives one, else its low value. Use .max().",
        ],
    ),
)
