"""Keys for notebooks/05_other_side_of_the_board.ipynb.

Compute keys read the data through :mod:`alliancelab.sanctions`, so they cannot drift from it. The two
decide-and-defend tasks (5.2, 5.7) are checked for validity and for consistency with the evidence the learner
cites, never for one right opinion. :data:`TRIANGLE_KEY` is the key of the triangle explorer: for each keyed
episode, the readings the course accepts (a tag and the state whose move or fear it is) and the reasoning, which is
the course's judgement from the sourced rows, not a fact.
"""

from __future__ import annotations

import math
import numbers

from ..registry import Exercise, register

# --------------------------------------------------------------------------- the triangle explorer's key

TRIANGLE_KEY: dict[str, dict] = {
    "1961_ussr_dprk_treaty": {
        "accept": [("binding", "Russia"), ("abandonment", "China")],
        "reasoning": "Han (2004, section “Historical Evolution of the Chinese-North Korean Military Alliance”): 'In "
                     "order to secure their strategic influence over North Korea, China and the Soviet Union had "
                     "competed to provide economic and military resources and political support for the Kim Il Sung "
                     "regime.' Moscow's treaty of 6 July 1961 binds Pyongyang to Moscow (the explorer lists the Soviet "
                     "Union under Russia). Seen from Beijing, which signed its own treaty five days later, the same "
                     "event shows the fear of losing Pyongyang: lesson 01 keys it as China's abandonment fear.",
    },
    "2014_xi_jinping_visit_seoul": {
        "accept": [("wedging", "China"), ("abandonment", "North Korea")],
        "reasoning": "Xi went to Seoul before any visit to Pyongyang, 'widely read as a snub to North Korea' (the "
                     "event's own description). Courting a US ally is wedging in this lesson's sense. For Pyongyang, "
                     "a patron that visits its rival first gives a reason to fear abandonment. Both readings are "
                     "defensible; neither is a fact about intentions.",
    },
    "2019_06_20_xi_visits_pyongyang": {
        "accept": [("binding", "China")],
        "reasoning": "The first state visit by a Chinese leader to North Korea in 14 years (KBS), a year after Kim's "
                     "three trips to China: the patron renewing the tie at the top. That is binding.",
    },
    "2023_07_27_shoigu_li_hongzhong_parade": {
        "accept": [("binding", "Russia"), ("binding", "China")],
        "reasoning": "Russia's defence minister and a Chinese Politburo member were the first high-level foreign "
                     "visitors since the COVID closure (Reuters). Each patron is binding Pyongyang, at the same "
                     "parade: the competition of 1961 in a new form.",
    },
    "2023_09_13_vostochny_summit": {
        "accept": [("binding", "Russia"), ("binding", "North Korea")],
        "reasoning": "Asked whether Russia would help North Korea build satellites, Putin answered 'That’s why we "
                     "came here' (Reuters). An offer in the field Pyongyang cares about ties the partner closer; both "
                     "sides were moving towards each other, so the key accepts either state.",
    },
    "2023_07_18_ncg_first_meeting": {
        "accept": [("abandonment", "South Korea"), ("entrapment", "United States")],
        "reasoning": "The NCG was set up under the Washington Declaration, in which 'The ROK has full confidence in "
                     "U.S. extended deterrence commitments and recognizes the importance, necessity, and benefit of "
                     "its enduring reliance on the U.S. nuclear deterrent.' A standing body on nuclear planning answers "
                     "a client's fear of being left alone; for the patron, a closer nuclear tie with an ally facing a "
                     "nuclear-armed neighbour is a form of entrapment risk. This is the course's reading (compare "
                     "exercise 5.2).",
    },
    "2024_06_19_putin_pyongyang_treaty_signed": {
        "accept": [("binding", "Russia"), ("binding", "North Korea"), ("abandonment", "China")],
        "reasoning": "A treaty with an assistance clause (Article 4) is the strongest form of binding, and Kim called "
                     "the relationship an alliance (KBS). Seen from Beijing, which is not a party, a second guarantor "
                     "for its own ally is the abandonment worry of lesson 04.",
    },
    "2024_09_26_lavrov_denuclearisation_closed": {
        "accept": [("binding", "Russia")],
        "reasoning": "Lavrov called denuclearisation 'a closed issue' and said Moscow would stand with Pyongyang "
                     "against US 'expanded nuclear deterrence' (Reuters): Moscow accepting what Pyongyang most wants "
                     "accepted, which binds the partner closer.",
    },
    "2024_10_16_msmt_launched": {
        "accept": [("binding", "United States")],
        "reasoning": "After Russia's veto ended the UN panel, the US, South Korea, Japan and eight other states set up "
                     "their own monitoring team, launched in Seoul. Washington draws its two allies into joint work: "
                     "binding, and an instance of the US–ROK–Japan triangle that Cha's quasi-alliance describes.",
    },
    "2025_09_04_xi_kim_talks_beijing": {
        "accept": [("binding", "China"), ("abandonment", "China")],
        "reasoning": "Xi: 'No matter how the international situation changes, this position will not change' (AFP, "
                     "quoting Xinhua), a year after the Russia treaty. A reassurance of this kind is binding; read as "
                     "a reaction to Moscow's treaty, it also shows Beijing's fear of losing its ally.",
    },
    "2025_10_09_li_qiang_pyongyang": {
        "accept": [("binding", "China")],
        "reasoning": "Premier Li Qiang went to Pyongyang for the Workers' Party anniversary, alongside a Russian "
                     "delegation led by Dmitry Medvedev (Reuters): two patrons binding the same partner at the same "
                     "celebration.",
    },
}

#: The four episodes of exercise 5.4, in the order asked, with the state whose move is judged.
WEDGE_BIND_EPISODES = (
    ("1961_prc_dprk_treaty", "China"),
    ("2023_08_18_camp_david_summit", "United States"),
    ("2023_08_21_china_protests_camp_david", "United States"),
    ("2026_01_05_xi_lee_beijing_summit", "China"),
)

FEARS = ("abandonment", "entrapment")
#: Exercise 5.2: an event of the US–ROK alliance itself has both allies among its actors and no one else but Japan.
ALLIANCE_ACTORS = frozenset({"United States", "South Korea", "Japan"})
VERDICTS = ("used", "not used", "cannot tell")


# --------------------------------------------------------------------------- compute keys


def _customs_change(first: int, last: int) -> float:
    from .. import sanctions

    return sanctions.trade_change(None, "customs", first, last)


def _days_last_mention_to_white_paper() -> int:
    from .. import data, sanctions

    paper = data.load("china_statements").set_index("statement_id").loc["2025_11_27_arms_control_white_paper", "date"]
    last = sanctions.last_mention_before(paper)
    return sanctions.days_between_dates(last["date"], paper)


# --------------------------------------------------------------------------- decide-and-defend validators


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_real(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(float(value))


def _known_rows() -> tuple[dict, set]:
    from .. import data

    events = data.load_events()
    actors = {r["id"]: {a.strip() for a in str(r["actors"]).split(";")} for _, r in events.iterrows()}
    return actors, set(data.load("china_statements")["statement_id"])


def validate_5_2(choice: dict) -> tuple[list[str], str]:
    """Seoul's seat: a fear for Seoul, a fear for Washington, two to four evidence rows, one of them a US–ROK event."""
    problems = []
    for field, whom in (("seoul_fear", "Seoul"), ("washington_fear", "Washington")):
        if choice[field] not in FEARS:
            problems.append(f"'{field}' is the fear you judge {whom} to face: 'abandonment' or 'entrapment'.")
    evidence = choice["evidence"]
    if isinstance(evidence, str) or not isinstance(evidence, (list, tuple)):
        problems.append("'evidence' is a list of row ids in quotes, like ['2023_04_26_washington_declaration', ...].")
        return problems, ""
    if not 2 <= len(evidence) <= 4:
        problems.append(f"Cite two to four rows as evidence; you gave {len(evidence)}.")
    actors, statement_ids = _known_rows()
    unknown = [e for e in evidence if not isinstance(e, str) or (e not in actors and e not in statement_ids)]
    if unknown:
        problems.append("These are not ids of rows in events.csv or positions/china_statements.csv: "
                        + ", ".join(repr(e)[:60] for e in unknown) + ".")
    elif not any({"United States", "South Korea"} <= actors.get(e, set()) <= ALLIANCE_ACTORS for e in evidence):
        problems.append("None of your rows is an event of the US–ROK alliance itself (the United States and South Korea "
                        "among its actors, with no one else but Japan): cite at least one, since the question is about "
                        "that alliance.")
    summary = (f"Seoul: {choice['seoul_fear']} fear; Washington: {choice['washington_fear']}; evidence: "
               f"{', '.join(map(str, evidence)) if isinstance(evidence, (list, tuple)) else evidence}.")
    return problems, summary


def validate_5_7(choice: dict) -> tuple[list[str], str]:
    """A sanctions test: a resolution, a series and a window around it, the change computed from the data, a verdict
    consistent with that change, with what the resolution restricted and with the 2020 border closure."""
    from .. import sanctions

    problems = []
    table = sanctions.resolutions().set_index("resolution")
    res, series = choice["resolution"], choice["series"]
    first, last, change, verdict = choice["from_year"], choice["to_year"], choice["change_pct"], choice["verdict"]
    if not _is_int(res) or int(res) not in table.index:
        problems.append(f"'resolution' is one of the resolution numbers {', '.join(map(str, table.index))} (a number, "
                        "no quotes).")
    if series not in sanctions.SERIES_LABELS:
        problems.append("'series' is 'customs' or 'kotra'.")
    if verdict not in VERDICTS:
        problems.append("'verdict' is 'used', 'not used' or 'cannot tell'.")
    if not (_is_int(first) and _is_int(last)):
        problems.append("'from_year' and 'to_year' are whole years, like 2016.")
    if not _is_real(change):
        problems.append("'change_pct' is the percent change you computed, a number like -12.3.")
    if problems:
        return problems, ""
    adopted = int(table.loc[int(res), "adoption_date"].year)
    if not first < adopted < last:
        problems.append(f"Resolution {res} was adopted in {adopted}: take 'from_year' before {adopted} and 'to_year' "
                        f"after it, so that the window brackets the step.")
    if last - first > 5:
        problems.append("Keep the window to five years or fewer; a longer one mixes in too many other steps.")
    try:
        computed = sanctions.trade_change(None, series, first, last)
    except ValueError as gap:
        problems.append(str(gap))
        return problems, ""
    if abs(float(change) - computed) > 0.5:
        problems.append(f"Your 'change_pct' does not match the {sanctions.SERIES_LABELS[series]} figures for "
                        f"{first} and {last} (it is off by more than half a point): recompute it with "
                        f"sanctions.trade_change(trade, {series!r}, {first}, {last}).")
    restricts_goods = any(c in sanctions.TRADE_MEASURES for c in str(table.loc[int(res), "measures"]).split(";"))
    if verdict == "used":
        if computed >= 0:
            problems.append("You say China used its leverage, but trade did not fall over your window: that verdict "
                            "does not fit your own number.")
        if not restricts_goods:
            problems.append(f"Resolution {res} imposed no sectoral ban (nothing on coal, minerals, fuel, seafood, "
                            "textiles or other whole classes of goods; see its measures), so a change in trade after it "
                            "cannot show China enforcing it.")
        if first <= 2019 and last >= 2020:
            problems.append("Your window includes 2020, when North Korea closed its border "
                            "(event 2020_01_22_dprk_border_closed_tourists): a fall cannot be credited to sanctions "
                            "alone. Choose 'cannot tell' or a window that ends before 2020.")
    if verdict == "not used" and computed < 0:
        problems.append("You say China did not use its leverage, but trade fell over your window: either explain "
                        "the fall by something else and choose 'cannot tell', or change your verdict.")
    summary = (f"Resolution {res} ({adopted}), {sanctions.SERIES_LABELS[series]} {first}→{last}: {computed:+.1f}%; "
               f"your verdict: leverage {verdict}.")
    return problems, summary


# --------------------------------------------------------------------------- the keys

register(
    Exercise(
        id="5.1",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation="C. 1961 Article II says the other party 'shall immediately render military and other assistance "
                    "by all means at its disposal'; 2024 Article 4 says 'without delay' (translations from the Korean) "
                    "or 'immediately' (Interfax, from the Russian). Article III says only that each party 'would act "
                    "to meet the common danger in accordance with its constitutional processes': no time word, no "
                    "'all means', and the decision runs through each side's own procedures. A misreads the scope, B "
                    "borrows 2024's qualifiers, D contradicts Article V and the 1954 entry into force.",
        hints=[
            "Put the three clauses side by side and look for two things: a word about timing, and a condition on "
            "the response.",
            "Article II has 'immediately'; Article 4 has 'without delay' or 'immediately'. What does Article III have "
            "in their place, at its very end?",
        ],
        misconceptions={
            "A": "Scope misread: Article III speaks of an armed attack 'on either of the Parties', so it covers an "
                 "attack on South Korea as much as one on the United States.",
            "B": "Borrowed qualifier: Article 51 and the laws of both states qualify 2024 Article 4; Article III's only "
                 "qualifier is 'in accordance with its constitutional processes'.",
            "D": "Ratification myth: Article V provides for ratification, and events.csv records the treaty entering "
                 "into force on 17 November 1954, on the exchange of ratifications in Washington.",
        },
    ),
    Exercise(
        id="5.2",
        kind="decide",
        answer=None,
        fields=("seoul_fear", "washington_fear", "evidence"),
        validate=validate_5_2,
        min_words=30,
        explanation="Compare your reasoning with the model answer below the cell. The rubric (instructor notes) looks "
                    "for: each fear defined in Snyder's sense and tied to one state; evidence quoted from the rows you "
                    "cite; the link between Article III's 'constitutional processes' and the demand for extended "
                    "deterrence; and one piece of evidence that cuts the other way.",
        hints=[
            "Read the two 2023 events in the table above (the Washington Declaration and the first NCG meeting) and "
            "their notes: what does Seoul say it has 'full confidence' in, and why would it need to say so?",
            "Abandonment is the fear that the ally will not come; entrapment is the fear of being dragged into the "
            "ally's fight. Give 'seoul_fear' and 'washington_fear' one of the two words each, and cite the rows by id.",
            "Evidence ids are the 'id' column of events.csv (e.g. '2023_04_26_washington_declaration') or the "
            "'statement_id' column of positions/china_statements.csv; at least one must be a US–ROK event.",
        ],
    ),
    Exercise(
        id="5.3",
        kind="choice",
        choices="ABCD",
        answer="A",
        explanation="A. The publisher's statement of Cha's finding is that when 'the American defense commitment to "
                    "the region is weak, Japan-ROK relations exhibit significantly less contention over bilateral "
                    "issues'. Totten's review says the book uses the 'entrapment' and 'abandonment' fears to explain "
                    "changes in the triangle; the course's reading is that when the common ally pulls back, both fear "
                    "abandonment by it, and the shared fear draws them together. The quotes "
                    "come through a review and the publisher's description; the course has not read the book.",
        hints=[
            "Apply the quoted finding directly: a weak American commitment goes with more or with less contention "
            "between Japan and South Korea?",
            "A quasi-alliance is two states 'unallied but' sharing 'a third party as a common ally'. Which fear do both "
            "feel when that ally pulls back?",
        ],
        misconceptions={
            "B": "Reversed hypothesis: the stated finding runs the other way: a weak US commitment goes with less "
                 "contention, not more.",
            "C": "History decides: the description grants that history and emotion matter, but says cooperation and "
                 "dissension are 'better understood' through the quasi-alliance.",
            "D": "Quasi means allied: in Cha's definition the two states 'remain unallied'; the finding is about "
                 "contention, not about signing a treaty.",
        },
    ),
    Exercise(
        id="5.4",
        kind="list",
        answer=["binding", "binding", "wedging", "wedging"],
        items=("wedging", "binding"),
        explanation="Binding, binding, wedging, wedging. (1) Han: Article II 'serves as an important legal basis to "
                    "bind China and North Korea as strategic allies', signed five days after Moscow's treaty. (2) At "
                    "Camp David the three leaders committed their governments 'to consult trilaterally': Washington "
                    "tying its two allies closer to itself and to each other. (3) Beijing's charge that the three leaders were 'driving a wedge "
                    "between China and its neighboring countries' accuses Washington of wedging. (4) Receiving a US "
                    "ally's president on a state visit and agreeing to 'enhance bilateral strategic partnership' pulls "
                    "a rival's ally towards Beijing: wedging by this lesson's definition (whether Beijing meant it so "
                    "is interpretation).",
        hints=[
            "Ask for each move: is the state named tying its own ally or partner closer (binding), or pulling a "
            "rival's ally away from that rival (wedging)?",
            "Episodes 1 and 2 are moves towards a state's own partners. Episode 3 is Beijing's accusation about "
            "Washington's aim towards China's neighbours. In episode 4, whose ally is Seoul?",
        ],
    ),
    Exercise(
        id="5.5",
        kind="number",
        answer=lambda: _customs_change(2012, 2014),
        tolerance=0.1,
        unit="percent",
        explanation="About +7.3%: Chinese customs recorded US$5,932 million in 2012 and US$6,363.63 million in 2014. "
                    "Resolutions 2087 and 2094 (2013) added designations and financial, cargo and luxury-goods "
                    "measures but no sectoral ban, and trade went on rising. KOTRA's series rises "
                    "more (6,010 to 6,860), because from 2014 KOTRA adds an estimate of crude oil that customs does not "
                    "show.",
        hints=[
            "Use sanctions.trade_change(trade, 'customs', 2012, 2014): the percent change between the two years' "
            "preferred customs rows.",
            "It is (2014 value / 2012 value − 1) × 100, with both values from the customs column of "
            "sanctions.preferred_trade().",
        ],
    ),
    Exercise(
        id="5.P1",
        kind="prediction",
        answer=lambda: _customs_change(2016, 2018),
        tolerance=10,
        unit="percent",
        explanation="Chinese customs: US$5,820 million in 2016, US$2,431 million in 2018, a fall of about 58%. The "
                    "2017 resolutions banned North Korean exports of coal, iron, seafood and textiles, and China "
                    "suspended coal imports in February 2017, citing resolution 2321. China's imports from North Korea "
                    "fell from 1,731 to 213 (US$ million) between 2017 and 2018, far more than its exports to it.",
        hints=["Think of what resolutions 2371, 2375 and 2397 banned, and who bought those goods."],
    ),
    Exercise(
        id="5.6",
        kind="choice",
        choices="ABCD",
        answer="D",
        explanation="D. The vote was 13 in favour, Russia against and China abstaining (AP): Russia's negative vote "
                    "defeated the draft; China's abstention did not. Geng Shuang's explanation keeps China's stated "
                    "line, 'sanctions are not an end in itself, but a means', and that they 'should serve the "
                    "denuclearization of the Peninsula'. Beijing let the panel end without casting the veto itself; "
                    "it had voted for the panel's renewal a year earlier (resolution 2680).",
        hints=[
            "Open the 28 March 2024 decision in the voting explorer: who voted against, who abstained, and what was "
            "the tally?",
            "Only a permanent member's negative vote blocks a draft. Then check China's vote on resolution 2680 in "
            "2023 and its ten votes of 2006–2017.",
        ],
        misconceptions={
            "A": "Abstention as veto: the record has China abstaining, not voting against; only Russia voted against, "
                 "so 2024 was not a double veto like 2022.",
            "B": "Abstention blocks: a permanent member's abstention does not defeat a draft; Russia's negative vote "
                 "did (13 in favour, 1 against, 1 abstention).",
            "C": "Always opposed: China voted for all ten sanctions resolutions of 2006–2017 and for the panel's "
                 "renewal in 2023 (resolution 2680).",
        },
    ),
    Exercise(
        id="5.7",
        kind="decide",
        answer=None,
        fields=("resolution", "series", "from_year", "to_year", "change_pct", "verdict"),
        validate=validate_5_7,
        min_words=30,
        explanation="Compare your reasoning with the model answer below the cell. The rubric (instructor notes) looks "
                    "for: a window chosen for a reason; the series named and the other series' figure noted; what "
                    "the resolution restricted; at least one rival explanation of the change; and a verdict that says "
                    "what trade data cannot show.",
        hints=[
            "Pick a resolution in the sanctions-and-trade explorer, note what it restricted, and read the trade "
            "before and after it in the series you choose.",
            "Compute change_pct with sanctions.trade_change(trade, series, from_year, to_year); the years must "
            "bracket the adoption year and have a figure in that series.",
            "'used' needs a fall in trade after a resolution with a sectoral ban, in a window that ends before 2020; "
            "otherwise 'not used' (trade did not fall) or 'cannot tell'.",
        ],
    ),
    Exercise(
        id="5.8",
        kind="number",
        answer=_days_last_mention_to_white_paper,
        tolerance=0,
        unit="days",
        explanation="609 days: from Geng Shuang's explanation of vote on 28 March 2024 ('Sanctions against the DPRK "
                    "should serve the denuclearization of the Peninsula ...'), the last statement in the data whose "
                    "Chinese wording uses the word, to the white paper of 27 November 2025, which does not.",
        hints=[
            "Filter the statements to topic 'peninsula_position' and mentions_denuclearization True, and take the "
            "latest one before 27 November 2025.",
            "sanctions.last_mention_before('2025-11-27') returns that row; sanctions.days_between_dates(first, "
            "second) counts the days.",
        ],
    ),
    Exercise(
        id="5.9",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="B. The English text of Wang Yi's remark that the course read glosses the 'dual track approach' as "
                    "the two suspensions, without the word; KBS reads it as seeking denuclearization; JoongAng calls "
                    "March 2024 the last official mention. Three weeks later Geng Shuang's explanation of vote, an "
                    "official text, says sanctions 'should serve the denuclearization of the Peninsula'. So the last "
                    "mention in a text read is 28 March 2024; whether 7 March counts depends on the report.",
        hints=[
            "Open the rows for 7 and 28 March 2024 in the statements table: which is China's own published wording, "
            "and which is a report of what was said?",
            "Read the note on the 7 March row: three sources, three readings. Which conclusion survives all three?",
        ],
        misconceptions={
            "A": "One report settles it: JoongAng is a secondary report; the English text the course read has no "
                 "'denuclearization' in Wang Yi's gloss.",
            "C": "Silence after 2017: the data hold later mentions, in 2018, 2020, 2022 and March 2024.",
            "D": "Nothing changed: the 2025 passage drops the word, and even the 2005 wording is disputed (two "
                 "reports, two versions).",
        },
    ),
)
