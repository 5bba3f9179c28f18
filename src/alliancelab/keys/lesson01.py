"""Keys for notebooks/01_alliance_theory.ipynb, and the instructor's key for the episode-tagging explorer.

Han (2004) is cited by section title (and footnote number), the course convention: the seed prints running
heads only on pp. 158 and 175 and its pages are out of order, so any other page number would be inferred.
"""

from ..registry import Exercise, register

# --------------------------------------------------------------------------- episode-tagging key
# event id (data/events.csv) -> tag ("abandonment" / "entrapment" / "neither"), whose fear, reasoning, and the
# source keys behind it (the event's own source first). The tags are the course's teaching judgements.

EPISODE_KEY: dict[str, dict[str, str]] = {
    "1961_ussr_dprk_treaty": {
        "tag": "abandonment",
        "whose": "China",
        "reasoning": (
            "Moscow and Beijing were competing for Pyongyang. China signed its own treaty five days after the Soviet "
            "one and, in Han's reading, 'hastened to integrate North Korea to its side' (Han 2004, section “Historical Evolution of the Chinese-North Korean Military Alliance”). The fear is "
            "the patron's: losing its ally to a rival. In Snyder's (1984) sense abandonment includes an ally realigning."
        ),
        "source": "shared_treaty_ussr_dprk_1961;han_2004",
    },
    "1971_zhou_briefs_kim_on_kissinger": {
        "tag": "abandonment",
        "whose": "North Korea",
        "reasoning": (
            "China was opening to North Korea's main adversary. Zhou Enlai travelled to Pyongyang after Kissinger's "
            "secret visit to brief Kim Il Sung and secure his support: the patron managing its client's fear of being "
            "abandoned. (Dates from NewsChina 2017, not cross-checked against a primary source.)"
        ),
        "source": "newschina_2017_07_28_kissinger",
    },
    "1992_china_rok_normalisation": {
        "tag": "abandonment",
        "whose": "North Korea",
        "reasoning": (
            "China established relations with its ally's adversary. Han (2004, section “Historical Evolution of the Chinese-North Korean Military Alliance”) says this 'could be tantamount to "
            "Chinese negligence in respecting the Sino-North Korean alliance'. Pyongyang's fear is abandonment."
        ),
        "source": "nyt_1992_08_24_china_rok;han_2004",
    },
    "1995_russia_notice_ussr_dprk_treaty": {
        "tag": "abandonment",
        "whose": "North Korea",
        "reasoning": (
            "More than a fear: a month after notifying Pyongyang (7 August 1995), Russia announced publicly that it was "
            "ending the 1961 Soviet treaty, which lapsed in September 1996. North Korea lost a treaty ally, the outcome "
            "that abandonment fear anticipates."
        ),
        "source": "hankookilbo_1995_09_08_ussr_dprk_treaty;shared_treaty_ussr_dprk_1961",
    },
    "1996_china_hard_currency_demand": {
        "tag": "abandonment",
        "whose": "North Korea",
        "reasoning": (
            "The patron demanded hard currency for part of its grain, oil and coal and warned it could cut supplies "
            "(Han 2004, section “Theoretical Insights into the Beijing-Pyongyang Alliance”, n. 15). A dependent client fears that support will be withdrawn: abandonment, in its "
            "economic form."
        ),
        "source": "han_2004",
    },
    "2000_russia_dprk_treaty": {
        "tag": "entrapment",
        "whose": "Russia",
        "reasoning": (
            "The new treaty had no automatic military-assistance clause: Moscow limited what its ally could drag it "
            "into. The events data do not give Moscow's own reasons, so this is the model's reading of the change."
        ),
        "source": "shared_treaty_russia_dprk_2000",
    },
    "2003_three_party_talks_beijing_apr23": {
        "tag": "entrapment",
        "whose": "China",
        "reasoning": (
            "China hosted talks to defuse a crisis its client had escalated. At the same time Chinese scholars argued "
            "that China should not be drawn into a US–North Korean military clash and that Article II should be deleted "
            "(Han 2004, section “Future Evolution of the Asymmetrical Interdependence”). The fear is the patron's: entrapment."
        ),
        "source": "afp_2004_06_20_chronology;han_2004",
    },
    "2014_xi_jinping_visit_seoul": {
        "tag": "abandonment",
        "whose": "North Korea",
        "reasoning": (
            "The first Chinese president to visit Seoul before Pyongyang; the Korea Herald calls it widely seen as a snub. "
            "A client watching its patron court its adversary fears abandonment."
        ),
        "source": "korea_herald_2014_07_03_xi",
    },
    "2024_11_01_china_their_own_matter": {
        "tag": "entrapment",
        "whose": "China",
        "reasoning": (
            "Beijing called Russia–North Korea ties 'their own matter' and said it did not know the specifics. Keeping "
            "its distance from a pact that sends its ally's troops to a European war limits China's risk of being "
            "associated with, or drawn into, that conflict. A teaching judgement: China gave no reason."
        ),
        "source": "afp_2024_11_01_china_own_matter",
    },
    "1978_third_plenum_reform": {
        "tag": "neither",
        "whose": "",
        "reasoning": (
            "A domestic decision, not an alliance move. Han (2004, abstract and introduction) dates the widening gap between "
            "Chinese and North Korean interests from the reforms, but the event itself shows neither fear."
        ),
        "source": "china_org_cn_2021_third_plenum;han_2004",
    },
    "2020_01_22_dprk_border_closed_tourists": {
        "tag": "neither",
        "whose": "",
        "reasoning": "A public-health measure against the coronavirus, not a move in the alliance game.",
        "source": "kyodo_2020_01_22_tourists_barred",
    },
}

WHOSE_OPTIONS = ("China", "North Korea", "Russia", "South Korea", "United States")

# The four episodes of exercises 1.7 and 1.8, in date order.
CLASSIFY_EPISODES = (
    "1961_ussr_dprk_treaty",
    "1992_china_rok_normalisation",
    "2000_russia_dprk_treaty",
    "2003_three_party_talks_beijing_apr23",
)


def _classify_tags() -> list[str]:
    return [EPISODE_KEY[e]["tag"] for e in CLASSIFY_EPISODES]


def _japan_composite() -> float:
    from ..models import THREAT_SCENARIOS, threat_scores

    weights = {"aggregate_power": 1, "proximity": 2, "offensive_power": 1, "intentions": 2}
    scores = threat_scores(THREAT_SCENARIOS["Beijing, 1961"]["ratings"], weights)
    return float(scores.loc[scores["threat"] == "Japan", "composite"].iloc[0])


def _best_commitment() -> float:
    from ..models import optimal_commitment

    return optimal_commitment(0.6)


register(
    Exercise(
        id="1.1",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation=("Walt's definition covers formal or informal (unwritten) security cooperation; ATOP counts only formal, "
                     "written agreements between states to cooperate militarily. Informal alignment is an alliance for "
                     "Walt but not for ATOP."),
        hints=[
            "One definition includes the word 'informal'; the other requires a 'formal agreement'.",
            "Look for the option with no written treaty at all.",
        ],
    ),
    Exercise(
        id="1.2",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation=("ATOP's consultation obligation must be specific to militarised crises and aim at policy "
                     "coordination; a general promise to consult 'on all important international questions' does not "
                     "qualify. So Article IV exists, yet consul = 0."),
        hints=[
            "Read ATOP's definition of a consultation obligation above, and then Article IV word for word.",
            "What must the consultation be about, according to ATOP? Does Article IV mention crises?",
        ],
    ),
    Exercise(
        id="1.3",
        kind="choice",
        choices="ABCD",
        answer="D",
        explanation=("The passage is about purposes: 'for its aggression', an 'aggressive' alliance, 'criminal schemes' "
                     "to 'provoke a new war'. It says nothing about size, distance or military capability, so it "
                     "stresses perceived (aggressive) intentions."),
        hints=[
            "Underline the words that describe what the United States wants or plans, and those that describe what it has.",
            "Words like 'aggression', 'aggressive' and 'schemes … to provoke a new war' are about motives, not capabilities.",
        ],
    ),
    Exercise(
        id="1.4",
        kind="number",
        answer=_japan_composite,
        tolerance=0.01,
        unit="composite score, 0–10",
        explanation=("With weights 1, 2, 1, 2 (rescaled to 1/6, 2/6, 1/6, 2/6) Japan scores (4 + 2×6 + 3 + 2×5) / 6 = 29/6 "
                     "≈ 4.83 on the illustrative ratings. Proximity and intentions now count double."),
        hints=[
            "Use models.threat_scores(ratings, weights) with the 'Beijing, 1961' ratings, and read Japan's composite.",
            "The composite is a weighted mean: multiply each rating by its weight, add, and divide by the sum of the weights (6).",
        ],
    ),
    Exercise(
        id="1.5",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation=("Han (2004, section “Theoretical Insights into the Beijing-Pyongyang Alliance”): the great powers supported the smaller ones in economic and security matters, "
                     "'usually at the cost of their autonomy in the foreign policy decision-making process'. That is "
                     "Morrow's (1991) trade: the weaker partner buys security with autonomy."),
        hints=[
            "Morrow's trade-off has two goods: security and autonomy. Which one does the weaker partner get?",
            "The client receives protection; what does it give up in return?",
        ],
    ),
    Exercise(
        id="1.6",
        kind="number",
        answer=_best_commitment,
        tolerance=0.005,
        unit="commitment, 0–1",
        explanation=("The combined cost (1 − c)² + r·c² is smallest where its slope is zero: c* = 1 / (1 + r) = 1 / 1.6 = 0.625. "
                     "Compare r = 0: with a cautious client the best commitment is full commitment."),
        hints=[
            "Build the curves with models.model_curves(0.6, n=1001) and find the row with the smallest 'combined' value.",
            "curves.loc[curves['combined'].idxmin(), 'commitment'] gives the commitment at the minimum.",
        ],
    ),
    Exercise(
        id="1.7",
        kind="list",
        answer=_classify_tags,
        items=("abandonment", "entrapment"),
        explanation=("1961, China: afraid of losing North Korea to Moscow (abandonment, in Snyder's sense of an ally "
                     "realigning). 1992, North Korea: its patron embraces its adversary (abandonment). 2000, Russia: "
                     "Moscow drops the automatic clause, limiting what its ally could drag it into (entrapment). 2003, "
                     "China: Beijing works to defuse a crisis its treaty could drag it into (entrapment). A patron can "
                     "fear abandonment too."),
        hints=[
            "Ask of each episode, for the state named: is it afraid of being left alone, or of being dragged into a "
            "fight that is not its own?",
            "Two of each. In the two later episodes the named state limits or defuses a commitment.",
        ],
    ),
    Exercise(
        id="1.8",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation=("C. In Snyder's dilemma a move that lowers one ally's entrapment risk raises its partner's fear of "
                     "abandonment: the 2000 treaty's consultation clause promised less than the 1961 clause of "
                     "immediate assistance. A reverses the direction (a looser tie cannot drag North Korea further in). "
                     "B forgets that the 1961 Soviet treaty had lapsed in 1996. D misses the trade-off: loosening a tie "
                     "frees one side at the other's cost. The events data do not record Pyongyang's own reaction, so "
                     "this is the model's reading, not a documented fear."),
        hints=[
            "Snyder: moves that reduce one fear tend to raise the other. Whose entrapment risk fell, and what is the "
            "partner's side of that trade-off?",
            "Was the 1961 Soviet treaty still in force in 2000? Check the 1996 event in `events`.",
        ],
    ),
    Exercise(
        id="1.9",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation=("Han (2004, section “Theoretical Insights into the Beijing-Pyongyang Alliance”): seen from Beijing, China is the lips protecting the North (as in the Korean War); "
                     "seen from Pyongyang, North Korea is the lips guarding China's teeth, as a buffer zone."),
        hints=[
            "The question asks for Pyongyang's reading, not Beijing's.",
            "Think of North Korea's geography: which country does it shield?",
        ],
    ),
)
