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


# --------------------------------------------------------------------------- decide-and-defend validators
# Each returns (problems, summary) and never raises: a wrong type is a problem sentence, not an exception.

THREATS = ("United States", "Soviet Union", "Japan")

#: Allied pairs in the course's data (each has a treaty row in data/events.csv; see tests/unit/test_models.py).
ALLIES: dict[str, tuple[str, ...]] = {
    "China": ("North Korea",),
    "North Korea": ("China", "Soviet Union", "Russia"),
    "Soviet Union": ("North Korea",),
    "Russia": ("North Korea",),
    "United States": ("South Korea", "Japan"),
    "South Korea": ("United States",),
    "Japan": ("United States",),
}


def shown_episodes() -> set[str]:
    """The events the lesson classifies for the learner: Exercise 1.7's four, the dilemma explorer's placements and
    the ★ episodes of the episode explorer. Exercise 1.9 asks for a row outside this set."""
    from ..models import EPISODE_PLACEMENTS

    return set(CLASSIFY_EPISODES) | set(EPISODE_KEY) | {p.event_id for p in EPISODE_PLACEMENTS}


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _as_ids(value) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return [v.strip() for v in value]


def _threat_name(name: str) -> str:
    return {"United States": "the United States", "Soviet Union": "the Soviet Union"}.get(name, name)


def validate_threat_ranking(answer: dict) -> tuple[list[str], str]:
    """Exercise 1.4: valid ratings, evidence that exists, involves the state and predates 1962, and a first place
    consistent with the learner's own ratings and weights."""
    from .. import data, models

    problems: list[str] = []
    ratings, evidence, weights, first = (answer.get(k) for k in ("ratings", "evidence", "weights", "first"))
    if not isinstance(ratings, dict) or set(ratings) != set(THREATS):
        problems.append("'ratings' must be a dictionary with exactly three keys, 'United States', 'Soviet Union' and "
                        "'Japan' (copy my_ratings from the explorer).")
        ratings = None
    else:
        try:
            models.score_rows(ratings, models.WEIGHT_PRESETS["Walt: equal weights"])
        except ValueError as problem:
            problems.append(f"In 'ratings': {problem}")
            ratings = None
    try:
        models.score_rows({"x": {s: 0 for s in models.THREAT_SOURCES}}, weights)
    except ValueError as problem:
        problems.append(f"In 'weights': {problem}")
        weights = None
    except Exception:
        problems.append("'weights' must be a dictionary with a number of 0 or more for each of 'aggregate_power', "
                        "'proximity', 'offensive_power' and 'intentions'.")
        weights = None
    if not isinstance(evidence, dict) or set(evidence) != set(THREATS):
        problems.append("'evidence' must be a dictionary with the same three keys as 'ratings', each holding a list of "
                        "evidence ids, e.g. {'Japan': ['H1'], ...}.")
    else:
        events = data.load_events().set_index("id")
        han = {p["id"]: p for p in models.HAN_THREAT_PASSAGES}
        for threat in THREATS:
            ids = _as_ids(evidence[threat])
            if ids is None:
                problems.append(f"Give at least one evidence id for {_threat_name(threat)}, as text in a list.")
                continue
            for eid in ids:
                if eid.upper() in han:
                    if threat not in han[eid.upper()]["threats"]:
                        problems.append(f"{eid.upper()} is not about {_threat_name(threat)}: Han's passage speaks of "
                                        f"{' and '.join(_threat_name(t) for t in han[eid.upper()]['threats'])}.")
                elif eid in events.index:
                    row = events.loc[eid]
                    actors = [a.strip() for a in str(row["actors"]).split(";")]
                    if row["date"].year > models.THREAT_YEAR:
                        problems.append(f"{eid} is dated {row['date']:%Y-%m-%d}, after {models.THREAT_YEAR}: it is "
                                        f"hindsight, not what Beijing could see when it judged in {models.THREAT_YEAR}.")
                    elif threat not in actors:
                        problems.append(f"{eid} does not involve {_threat_name(threat)} (its actors are "
                                        f"{', '.join(actors)}).")
                else:
                    problems.append(f"{eid!r} is neither one of Han's passages (H1–H7) nor an event id in events.")
    if not isinstance(first, str) or first.strip() not in THREATS:
        problems.append("'first' must be one of 'United States', 'Soviet Union' or 'Japan'.")
        first = None
    summary = ""
    if ratings is not None and weights is not None:
        rows = models.score_rows(ratings, weights)
        top = [r["threat"] for r in rows if r["rank"] == 1]
        order = " > ".join(f"{r['threat']} ({r['composite']:.2f})" for r in rows)
        if first is not None and first.strip() not in top:
            problems.append(f"Under your own ratings and weights the first is {' and '.join(_threat_name(t) for t in top)} "
                            f"({rows[0]['composite']:.2f}), not {first.strip()}: change 'first', or change the numbers "
                            "and say why.")
        flips = models.closest_flips(ratings, weights, limit=1)
        turn = ""
        if flips:
            f = flips[0]
            points = f"{f['change']:+d} point{'s' if abs(f['change']) != 1 else ''}"
            owner = _threat_name(f["threat"])
            owner += "'" if owner.endswith("s") else "'s"
            turn = (f" The judgement it turns on: your rating of {owner} "
                    f"{models.THREAT_SOURCE_LABELS[f['source']].lower()} (a change of {points} would put "
                    f"{' and '.join(_threat_name(t) for t in f['first'])} first).")
        summary = f"Your ranking: {order}.{turn}"
    return problems, summary


def validate_episode(answer: dict) -> tuple[list[str], str]:
    """Exercise 1.9: a real, main, new event row; a state among its actors; an ally of that state; one of the fears."""
    from .. import data

    problems: list[str] = []
    event, state, ally, fear = (_text(answer.get(k)) for k in ("event", "state", "ally", "fear"))
    events = data.load_events().set_index("id")
    row = None
    if event is None:
        problems.append("'event' must be an event id, as text in quotes.")
    elif event not in events.index:
        problems.append(f"There is no event {event!r} in events: copy its id from the episode explorer or the table.")
    elif isinstance(events.loc[event, "variant_of"], str):
        problems.append(f"{event} is a labelled variant of {events.loc[event, 'variant_of']}: classify the main row.")
    elif event in shown_episodes():
        problems.append(f"The lesson has already classified {event} for you (Exercise 1.7, the dilemma explorer or a "
                        "★ episode): pick a row it has not.")
    else:
        row = events.loc[event]
    if state is None or state not in ALLIES:
        problems.append(f"'state' must be one of {', '.join(ALLIES)}.")
        state = None
    elif row is not None and state not in [a.strip() for a in str(row["actors"]).split(";")]:
        problems.append(f"{state} is not one of the row's actors ({str(row['actors']).replace(';', ', ')}): choose a "
                        "row that records what that state did or faced.")
    if ally is None or (state is not None and ally not in ALLIES[state]):
        options = " or ".join(ALLIES[state]) if state is not None else "its ally"
        problems.append(f"'ally' must be the state whose behaviour is feared: for {state or 'that state'}, {options}.")
    if fear is None or fear.lower() not in ("abandonment", "entrapment"):
        problems.append("'fear' must be \"abandonment\" or \"entrapment\".")
    summary = ""
    if not problems:
        summary = (f"You classify {event} ({row['date']:%Y-%m-%d}: {row['description']}) as {state}'s fear of "
                   f"{fear.lower()} by {ally}.")
    return problems, summary


# --------------------------------------------------------------------------- computed keys


def _prediction_1961() -> str:
    """1.P1: does China's best commitment rise (A), fall (B) or stay (C) as North Korea's alternatives rise?"""
    from ..models import EPISODE_PLACEMENTS, optimal_commitment

    nk = EPISODE_PLACEMENTS[0].settings["North Korea"]
    low, high = (optimal_commitment(nk.commitment, nk.risk_taking, p) for p in (0.2, 0.9))
    return "A" if high > low else "B" if high < low else "C"


def _test_from_beijing() -> str:
    """1.6: North Korea's risk-taking up, China's best commitment down (B); computed from the 2003 placement."""
    from ..models import EPISODE_PLACEMENTS, optimal_commitment

    nk = EPISODE_PLACEMENTS[2].settings["North Korea"]
    before = optimal_commitment(nk.commitment, nk.risk_taking, nk.alternatives)
    after = optimal_commitment(nk.commitment, min(1.0, nk.risk_taking + 0.1), nk.alternatives)
    return "B" if after < before else "C"


register(
    Exercise(
        id="1.1",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation=("Walt's definition covers formal or informal (unwritten) security cooperation; ATOP counts only formal, "
                     "written agreements between states to cooperate militarily. Informal alignment is an alliance for "
                     "Walt but not for ATOP."),
        hints=[
            "One definition includes the word 'informal'; the other requires a 'formal agreement'.",
            "Three of the options are written agreements. Which of them could ATOP code at all?",
            "Look for the option with no written treaty at all.",
        ],
        misconceptions={
            "A": "A treaty is too formal for Walt: a signed defence treaty is an alliance under both definitions, since "
                 "Walt's covers formal as well as informal cooperation.",
            "B": "Non-aggression is not an alliance: ATOP codes non-aggression as one of its five obligations, so a "
                 "written non-aggression pact counts for ATOP too.",
            "D": "Any agreement is an alliance: neither definition counts cooperation that has no security content.",
        },
    ),
    Exercise(
        id="1.2",
        kind="choice",
        choices="ABCD",
        answer="A",
        explanation=("ATOP's consultation obligation must be specific to militarised crises and aim at policy "
                     "coordination; a general promise to consult 'on all important international questions' does not "
                     "qualify. So Article IV exists, yet consul = 0."),
        hints=[
            "Read ATOP's definition of a consultation obligation above, and then Article IV word for word.",
            "What must the consultation be about, according to ATOP? Does Article IV mention crises?",
            "ATOP sets two conditions: (1) specific to militarised crises, (2) aimed at policy coordination. Which "
            "option names them?",
        ],
        misconceptions={
            "B": "An ideology filter: ATOP does code this treaty (defense = 1 and nonagg = 1, shown above), so it codes "
                 "treaties between communist states.",
            "C": "The treaty was amended: it never has been; Article VII requires both parties' agreement, and the "
                 "treaty events in this lesson show no amendment.",
            "D": "A size rule: ATOP's definition speaks of consulting 'one or more alliance partners'; nothing limits it "
                 "to alliances of three or more.",
        },
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
            "Does the passage give any measure of American resources, distance or weapons?",
            "Words like 'aggression', 'aggressive' and 'schemes … to provoke a new war' are about motives, not capabilities.",
        ],
        misconceptions={
            "A": "Size is threat: the passage gives no measure of American resources; it is about what the United "
                 "States wants, not what it has.",
            "B": "Place is threat: the passage names places (Asia, southern Korea), but as where schemes unfold, not "
                 "as a reason why nearness makes the United States dangerous.",
            "C": "Weapons are threat: a 'shock brigade' and a 'military alliance' are means, but the passage's weight "
                 "falls on purposes: aggression, criminal schemes, provoking a new war.",
        },
    ),
    Exercise(
        id="1.4",
        kind="decide",
        answer=None,
        fields=("ratings", "evidence", "weights", "first"),
        validate=validate_threat_ranking,
        min_words=40,
        explanation=("The rubric (instructor notes) gives marks for tying each decisive rating to a cited passage or "
                     "event, for separating capabilities from perceived intentions, for naming the judgement your "
                     "ranking turns on, and for using only evidence from 1961 or earlier. Next: set the weights to "
                     "power only (aggregate power, share 1) in the explorer and see whether your first place survives."),
        hints=[
            "Copy my_ratings from the text under the explorer's chart; then give each state a list of evidence ids.",
            "Evidence ids are H1–H7 (Han's passages) or event ids dated 1961 or earlier whose actors include that state; "
            "all are listed under the chart when you rate that state.",
            "'first' must be the state that your own ratings and weights rank first: compute it with "
            "models.threat_scores(answer_1_4['ratings'], answer_1_4['weights']).",
        ],
    ),
    Exercise(
        id="1.5",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation=("In early March 2003 the pipeline was reportedly shut for three days 'soon after Pyongyang "
                     "test-fired a missile': an economic lever timed to North Korean behaviour abroad. The report is "
                     "not confirmed (the row's note: the oil company denied a halt), and Han finds that China's support "
                     "'has been irrelevant in shaping North Korea's international behavior', so the lever was tried, "
                     "not shown to work."),
        hints=[
            "Morrow's autonomy includes influence over the partner's policy. Which row ties an economic move to "
            "something North Korea did abroad?",
            "Read each row's description: which one follows a North Korean military act?",
            "One row says the move came 'after a North Korean missile test'.",
        ],
        misconceptions={
            "A": "Domestic reform as leverage: the Third Plenum turned China's own economy towards reform; the row ties "
                 "it to nothing North Korea did.",
            "C": "Payment terms as policy leverage: the 1996 demand was about how supplies would be paid for; the row "
                 "links it to no North Korean act abroad.",
            "D": "Any closure is pressure: the row says North Korea barred tourists from China, against the coronavirus; "
                 "it was not a Chinese lever.",
        },
    ),
    Exercise(
        id="1.6",
        kind="choice",
        choices="ABCD",
        answer=_test_from_beijing,
        explanation=("A nuclear test provokes North Korea's adversaries: in the model it raises North Korea's risk-taking "
                     "r. China's risk of entrapment E = r·c² then grows at any commitment, and China's best commitment "
                     "c* = q/(q + r) falls. The model does not say what China did next; it says which way the test "
                     "tilts China's trade-off."),
        hints=[
            "Which of North Korea's three settings describes provoking its adversaries?",
            "Entrapment grows with the ally's risk-taking: E = r·c². What does a larger r do to c* = q/(q + r)?",
            "In c* = q/(q + r), r is in the denominator only.",
        ],
        misconceptions={
            "A": "Provocation as realignment: a nuclear test provokes North Korea's adversaries; it gives North Korea "
                 "no new partner to turn to, so its alternatives do not change.",
            "C": "More danger, more support: a riskier ally makes every unit of commitment costlier (E = r·c²), so the "
                 "best commitment c* = q/(q + r) falls, not rises.",
            "D": "The response for the cause: the test is North Korea's move; how China answers is what the model "
                 "helps to weigh, not what the test itself changes.",
        },
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
            "Episode 1: Han says China 'hastened to integrate North Korea to its side'. What was China afraid of losing?",
        ],
    ),
    Exercise(
        id="1.8",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation=("C. In Snyder's dilemma a move that lowers one ally's entrapment risk raises its partner's fear of "
                     "abandonment: the 2000 treaty's consultation clause promised less than the 1961 clause of "
                     "immediate assistance. In the model, Russia's commitment fell, so North Korea's fear of abandonment "
                     "p(1 − c_Russia)(1 − c)² rose. The events data do not record Pyongyang's own reaction, so this is "
                     "the model's reading, not a documented fear."),
        hints=[
            "Snyder: moves that reduce one fear tend to raise the other. Whose entrapment risk fell, and what is the "
            "partner's side of that trade-off?",
            "Was the 1961 Soviet treaty still in force in 2000? Check the 1996 event in `events`.",
            "A looser promise from Moscow means less help that Pyongyang can count on.",
        ],
        misconceptions={
            "A": "Reversed direction: a looser tie cannot drag North Korea further into Russia's wars; it is Russia's "
                 "entrapment risk that fell.",
            "B": "A lapsed treaty: the 1961 Soviet treaty had lapsed in 1996 (event 1996_ussr_dprk_treaty_lapse), so "
                 "North Korea could no longer rely on it.",
            "D": "No trade-off: loosening a tie frees one side at the other's cost; Russia's lower entrapment risk is "
                 "North Korea's higher fear of abandonment.",
        },
    ),
    Exercise(
        id="1.P1",
        kind="prediction",
        choices="ABCD",
        answer=_prediction_1961,
        explanation=("China's best commitment c* = q/(q + r) rises with North Korea's pull q = p(1 − c), which grows "
                     "with North Korea's alternatives p. On the 1961 placement it goes from about 0.17 (alternatives 0.2) "
                     "to about 0.47 (alternatives 0.9). A rival patron courting the client gives the patron a fear of "
                     "abandonment, which is what Han describes: China 'apparently hastened to integrate North Korea to "
                     "its side' five days after the Soviet treaty. A model in which only the client feared abandonment "
                     "could not show this."),
        hints=["Predict a letter, A–D."],
    ),
    Exercise(
        id="1.9",
        kind="decide",
        answer=None,
        fields=("event", "state", "ally", "fear"),
        validate=validate_episode,
        min_words=30,
        explanation=("The rubric (instructor notes) gives marks for pointing to the words of the row that show the fear, "
                     "for naming whose fear it is and of which ally, and for weighing the opposite reading. Next: tag "
                     "the same row in the episode explorer and compare with a classmate's choice."),
        hints=[
            "Use the episode explorer (or models.filter_events) to find a row that is not marked ★ and was not in "
            "Exercise 1.7 or the dilemma explorer's menu.",
            "'state' must be one of the row's actors, and 'ally' an ally of that state in the course's data "
            "(e.g. China and North Korea).",
            "Check the spelling: the states are written as in the actors column ('North Korea', 'Soviet Union'), and "
            "the fear is 'abandonment' or 'entrapment'.",
        ],
    ),
    Exercise(
        id="1.10",
        kind="choice",
        choices="ABCD",
        answer="A",
        explanation=("Seen from Pyongyang, North Korea is the lips: a buffer zone for China's strategic interests "
                     "(Han 2004, section “Theoretical Insights into the Beijing-Pyongyang Alliance”). On that reading "
                     "it is China that needs its ally, so China fears losing it, and paying for little leverage is the "
                     "price of keeping the buffer. Beijing's reading (China as the lips, the protector) explains the "
                     "client's fear, not the patron's payments."),
        hints=[
            "Which capital needs the other, on each reading? The one that needs the other is the one that fears losing it.",
            "Han says China keeps giving aid because it fears the regime's collapse. Whose loss would that be?",
            "On Pyongyang's reading, North Korea guards China as a buffer zone.",
        ],
        misconceptions={
            "B": "The client's fear explains the patron's aid: Beijing's reading makes North Korea the needy one; it "
                 "does not say why China should pay without gaining influence.",
            "C": "Shared fate ends fear: 'to share the same fate' means that each falls if the other does, which gives "
                 "each a reason to fear losing the other, not none.",
            "D": "Trade, not security: Han uses the idiom for the security relationship (the protector, the buffer "
                 "zone), and Wiktionary glosses it as sharing a common lot.",
        },
    ),
)
