"""Teaching models for lesson 01 (alliance theory). Pure functions, no widgets.

Three pieces, each used by an explorer in :mod:`alliancelab.explorers.lesson01`:

1. **The abandonment–entrapment model** — a *stated teaching model*, not data and not an estimate. It turns the
   verbal argument of Snyder (1984), "The Security Dilemma in Alliance Politics", *World Politics* 36(4): 461–495,
   into curves that learners can move. **Both allies carry both fears.** For a state ``i`` and its ally ``j``:

   - ``c_i``, ``c_j`` in [0, 1]: how firmly each backs the other (its *commitment*);
   - ``r_j`` in [0, 1]: how far the ally provokes its own adversaries (its *risk-taking*);
   - ``p_j`` in [0, 1]: how strongly the ally is pulled toward other partners — a rival patron, a deal with the
     adversary — (its *alternatives*);
   - ``i``'s fear of abandonment ``A_i = p_j (1 - c_j) (1 - c_i)**2``: it rises with the ally's alternatives and
     falls with the ally's own commitment and with ``i``'s support (firm support reassures the ally);
   - ``i``'s risk of entrapment ``E_i = r_j c_i**2``: it rises with ``i``'s commitment and the ally's risk-taking;
   - ``i``'s combined cost ``K_i = A_i + E_i`` (equal weights, a modelling choice).

   With ``q = p_j (1 - c_j)`` (the ally's *pull*: its temptation to defect), ``K_i`` is smallest at
   ``c_i* = q / (q + r_j)`` with ``K_i(c_i*) = q r_j / (q + r_j)``. The same formulas hold with ``i`` and ``j``
   swapped, so the patron can fear abandonment (China in 1961, when Moscow courted Pyongyang) and the client can
   fear entrapment. A riskier ally lowers the best commitment; an ally with better alternatives raises it: reducing
   one fear raises the other, which is Snyder's dilemma. The squares make the minimum interior (with straight
   lines the best choice would always be a corner); the exact shapes are a modelling choice, chosen only to be
   simple, bounded in [0, 1] and monotone.

2. **Threat assessment** — Walt's four sources of threat (aggregate power, proximity, offensive power, perceived
   intentions), rated 0–10 **by the learner** for the United States, the Soviet Union and Japan as seen from
   Beijing in 1961, each rating to be justified from :func:`threat_evidence` (event rows and passages of Han 2004).
   The course supplies no ratings of its own. :func:`weight_sweep`, :func:`first_place_changes` and
   :func:`closest_flips` show how the ranking depends on the weights and which single judgement would change it.

3. **Episode tagging** — filter ``data/events.csv`` and compare a learner's tag (abandonment fear,
   entrapment fear or neither; whose fear) with the instructor's key in :mod:`alliancelab.keys.lesson01`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import pandas as pd

__all__ = [
    "partner_pull",
    "abandonment_risk",
    "entrapment_risk",
    "combined_cost",
    "optimal_commitment",
    "minimum_cost",
    "model_curves",
    "AllySettings",
    "fears",
    "describe_fears",
    "DYAD",
    "EpisodePlacement",
    "EPISODE_PLACEMENTS",
    "THREAT_SOURCES",
    "THREAT_SOURCE_LABELS",
    "THREATS_1961",
    "neutral_ratings",
    "WEIGHT_PRESETS",
    "HAN_THREAT_PASSAGES",
    "threat_evidence",
    "threat_scores",
    "score_rows",
    "rankings_by_preset",
    "one_source_weights",
    "weight_sweep",
    "first_place_changes",
    "closest_flips",
    "TAGS",
    "TAG_LABELS",
    "filter_events",
    "tag_feedback",
]


# --------------------------------------------------------------------------- 1. abandonment–entrapment model


def _unit(value: float, name: str) -> float:
    """Check that a model input is a finite number in [0, 1]; raise ValueError with a plain message if not."""
    if isinstance(value, (bool, str)):
        raise ValueError(f"{name} must be a number between 0 and 1, not {value!r}.")
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number between 0 and 1; got {value!r}.") from None
    if not math.isfinite(x) or x < 0 or x > 1:
        raise ValueError(f"{name} must be between 0 and 1; got {value!r}.")
    return x


def partner_pull(partner_commitment: float, partner_alternatives: float) -> float:
    """The ally's pull ``q = p_j (1 - c_j)``: how strongly it is tempted to defect (0 = not at all, 1 = fully).

    It grows with the ally's alternatives and shrinks as the ally commits itself."""
    cj = _unit(partner_commitment, "partner_commitment")
    p = _unit(partner_alternatives, "partner_alternatives")
    return p * (1.0 - cj)


def abandonment_risk(commitment: float, partner_commitment: float, partner_alternatives: float) -> float:
    """A state's fear of being abandoned by its ally, ``A = p_j (1 - c_j) (1 - c)**2``.

    ``commitment`` is the state's own; ``partner_commitment`` and ``partner_alternatives`` are the ally's. It is 0 when
    the ally has no alternatives or is fully committed, and falls as the state backs its ally more firmly."""
    c = _unit(commitment, "commitment")
    return partner_pull(partner_commitment, partner_alternatives) * (1.0 - c) ** 2


def entrapment_risk(commitment: float, partner_risk_taking: float) -> float:
    """A state's risk of being dragged into its ally's conflicts, ``E = r_j c**2``: it grows with the state's own
    commitment and with the ally's risk-taking."""
    c = _unit(commitment, "commitment")
    r = _unit(partner_risk_taking, "partner_risk_taking")
    return r * c**2


def combined_cost(commitment: float, partner_commitment: float, partner_risk_taking: float,
                  partner_alternatives: float) -> float:
    """``K = A + E`` for one state: its two fears added with equal weights (a modelling choice)."""
    return (abandonment_risk(commitment, partner_commitment, partner_alternatives)
            + entrapment_risk(commitment, partner_risk_taking))


def optimal_commitment(partner_commitment: float, partner_risk_taking: float,
                       partner_alternatives: float) -> float | None:
    """The commitment that minimises a state's combined cost, ``c* = q / (q + r_j)`` with ``q = p_j (1 - c_j)``
    (from dK/dc = 0). ``None`` when ``q = r_j = 0``: the ally neither tempts defection nor takes risks, neither fear
    arises, and every commitment costs nothing."""
    q = partner_pull(partner_commitment, partner_alternatives)
    r = _unit(partner_risk_taking, "partner_risk_taking")
    if q + r == 0:
        return None
    return q / (q + r)


def minimum_cost(partner_commitment: float, partner_risk_taking: float, partner_alternatives: float) -> float:
    """The combined cost at the best commitment, ``K(c*) = q r_j / (q + r_j)`` (0 when ``q = r_j = 0``)."""
    q = partner_pull(partner_commitment, partner_alternatives)
    r = _unit(partner_risk_taking, "partner_risk_taking")
    return 0.0 if q + r == 0 else q * r / (q + r)


def model_curves(partner_commitment: float, partner_risk_taking: float, partner_alternatives: float,
                 n: int = 101) -> pd.DataFrame:
    """One state's three curves over its own commitment 0..1, for one setting of its ally (n points, n >= 2)."""
    q = partner_pull(partner_commitment, partner_alternatives)
    r = _unit(partner_risk_taking, "partner_risk_taking")
    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise ValueError("n must be a whole number of at least 2.")
    cs = [i / (n - 1) for i in range(n)]
    a = [q * (1.0 - c) ** 2 for c in cs]
    e = [r * c**2 for c in cs]
    return pd.DataFrame({"commitment": cs, "abandonment": a, "entrapment": e, "combined": [x + y for x, y in zip(a, e)]})


@dataclass(frozen=True)
class AllySettings:
    """One ally's three settings in the model, each in [0, 1]."""

    commitment: float  # how firmly it backs its ally
    risk_taking: float  # how far it provokes its own adversaries
    alternatives: float  # how strongly it is pulled toward other partners

    def __post_init__(self) -> None:
        for name in ("commitment", "risk_taking", "alternatives"):
            _unit(getattr(self, name), name)


def fears(state: AllySettings, ally: AllySettings) -> dict:
    """One state's fears about its ally: abandonment, entrapment, combined, its best commitment and that cost."""
    c = state.commitment
    a = abandonment_risk(c, ally.commitment, ally.alternatives)
    e = entrapment_risk(c, ally.risk_taking)
    return {"commitment": c, "abandonment": a, "entrapment": e, "combined": a + e,
            "best": optimal_commitment(ally.commitment, ally.risk_taking, ally.alternatives),
            "lowest": minimum_cost(ally.commitment, ally.risk_taking, ally.alternatives)}


CLOSE = 0.1  # within this distance of the best commitment, a point counts as "close to it"


def describe_fears(name: str, ally_name: str, state: AllySettings, ally: AllySettings) -> str:
    """A plain-text reading of one state's fears about its ally (used beside the chart)."""
    f = fears(state, ally)
    head = (f"{name}, about {ally_name}: commitment {f['commitment']:.2f}. Abandonment risk {f['abandonment']:.2f}, "
            f"entrapment risk {f['entrapment']:.2f}, combined cost {f['combined']:.2f}. Given {ally_name}'s commitment "
            f"{ally.commitment:.2f}, risk-taking {ally.risk_taking:.2f} and alternatives {ally.alternatives:.2f}, ")
    best = f["best"]
    if best is None:
        return head + (f"neither fear arises: {ally_name} is not tempted to defect and takes no risks, so every "
                       f"commitment costs {name} nothing.")
    if abs(f["commitment"] - best) <= CLOSE:
        where = "its commitment is close to that"
    elif f["commitment"] < best:
        where = f"its commitment is below that, so {name}'s fear of abandonment dominates"
    else:
        where = f"its commitment is above that, so {name}'s risk of entrapment dominates"
    return head + f"{name}'s best commitment is {best:.2f} (cost {f['lowest']:.2f}): {where}."


#: The dyad the explorer shows. The model itself holds for any pair of allies.
DYAD: tuple[str, str] = ("China", "North Korea")


@dataclass(frozen=True)
class EpisodePlacement:
    """Where the course places a real episode in the model, for both allies. A teaching judgement, not a measurement."""

    event_id: str  # id in data/events.csv
    label: str  # shown in the dropdown
    settings: Mapping[str, AllySettings]  # one entry per state of DYAD
    reasons: tuple[str, ...]  # one sentence per setting that is judged, each with its evidence
    held: str  # the settings held at 0.5 for want of evidence


EPISODE_PLACEMENTS: tuple[EpisodePlacement, ...] = (
    EpisodePlacement(
        event_id="1961_ussr_dprk_treaty",
        label="1961: after the Soviet–North Korean treaty, before China's",
        settings={"China": AllySettings(commitment=0.3, risk_taking=0.5, alternatives=0.5),
                  "North Korea": AllySettings(commitment=0.5, risk_taking=0.5, alternatives=0.9)},
        reasons=(
            "North Korea's alternatives 0.90: it signed a treaty with the Soviet Union on 6 July 1961 (event "
            "1961_ussr_dprk_treaty), and Han (2004, section “Historical Evolution of the Chinese-North Korean Military "
            "Alliance”) writes that “China and the Soviet Union had competed to provide economic and military resources "
            "and political support for the Kim Il Sung regime”.",
            "China's commitment 0.30: China had no treaty with North Korea until 11 July (event 1961_prc_dprk_treaty), "
            "and the last Chinese People's Volunteers had left North Korea in October 1958 (event "
            "1958_cpv_withdrawal_complete_oct25).",
        ),
        held="China's risk-taking and alternatives, North Korea's commitment and risk-taking",
    ),
    EpisodePlacement(
        event_id="1992_china_rok_normalisation",
        label="1992: China recognises South Korea",
        settings={"China": AllySettings(commitment=0.35, risk_taking=0.2, alternatives=0.8),
                  "North Korea": AllySettings(commitment=0.5, risk_taking=0.3, alternatives=0.2)},
        reasons=(
            "China's commitment 0.35: Han (2004, section “Historical Evolution of the Chinese-North Korean Military "
            "Alliance”) says that relations with its ally's adversary “could be tantamount to Chinese negligence in "
            "respecting the Sino-North Korean alliance”.",
            "China's alternatives 0.80 and risk-taking 0.20: it established diplomatic relations with South Korea "
            "(event 1992_china_rok_normalisation), settling with its ally's adversary instead of confronting it.",
            "North Korea's risk-taking 0.30: it had signed the inter-Korean Basic Agreement and the denuclearisation "
            "declaration (events 1991_inter_korean_basic_agreement, 1992_korean_denuclearization_declaration); its "
            "announced NPT withdrawal came in March 1993 (event 1993_dprk_npt_withdrawal_announced).",
            "North Korea's alternatives 0.20: Han (2004, section “Theoretical Insights into the Beijing-Pyongyang "
            "Alliance”) names “the discontinuation of Soviet assistance”, and Gibler dates the practical end of the "
            "Soviet alliance to December 1991 (event 1991_ussr_dprk_treaty_effectively_ended_gibler).",
        ),
        held="North Korea's commitment",
    ),
    EpisodePlacement(
        event_id="2003_three_party_talks_beijing_apr23",
        label="2003: China hosts the three-party talks",
        settings={"China": AllySettings(commitment=0.6, risk_taking=0.2, alternatives=0.5),
                  "North Korea": AllySettings(commitment=0.5, risk_taking=0.85, alternatives=0.2)},
        reasons=(
            "North Korea's risk-taking 0.85: it had declared its withdrawal from the NPT in January 2003 (event "
            "2003_dprk_npt_withdrawal).",
            "China's commitment 0.60: Han (2004, section “Future Evolution of the Asymmetrical Interdependence”) reads "
            "the talks as “continued diplomatic support”, while Chinese scholars argued in print that Article II "
            "should be deleted (same section, nn. 44–45).",
            "China's risk-taking 0.20: it hosted talks between its ally and the ally's adversary (event "
            "2003_three_party_talks_beijing_apr23), a conciliatory move.",
            "North Korea's alternatives 0.20: Han (2004, section “Theoretical Insights into the Beijing-Pyongyang "
            "Alliance”) writes that natural disasters “apparently deepened North Korea’s dependence on China”, and the "
            "Soviet treaty had lapsed in 1996 (event 1996_ussr_dprk_treaty_lapse).",
        ),
        held="China's alternatives, North Korea's commitment",
    ),
)


# --------------------------------------------------------------------------- 2. threat assessment (Walt)

THREAT_SOURCES: tuple[str, ...] = ("aggregate_power", "proximity", "offensive_power", "intentions")
THREAT_SOURCE_LABELS: dict[str, str] = {
    "aggregate_power": "Aggregate power",
    "proximity": "Proximity",
    "offensive_power": "Offensive power",
    "intentions": "Perceived intentions",
}

#: The potential threats the learner rates, as seen from Beijing in 1961.
THREATS_1961: tuple[str, ...] = ("United States", "Soviet Union", "Japan")

#: The year the learner judges from; evidence dated later is hindsight.
THREAT_YEAR = 1961


def neutral_ratings(threats=THREATS_1961) -> dict[str, dict[str, int]]:
    """Every rating at 5, the middle of the scale: the explorer's starting point (no judgement made yet)."""
    return {t: {s: 5 for s in THREAT_SOURCES} for t in threats}


WEIGHT_PRESETS: dict[str, dict[str, float]] = {
    "Balance of power (aggregate power only)": {"aggregate_power": 1, "proximity": 0, "offensive_power": 0, "intentions": 0},
    "Walt: equal weights": {"aggregate_power": 1, "proximity": 1, "offensive_power": 1, "intentions": 1},
    "Intentions only": {"aggregate_power": 0, "proximity": 0, "offensive_power": 0, "intentions": 1},
}

# Passages of Han (2004), section "Historical Evolution of the Chinese-North Korean Military Alliance", on what
# Beijing faced when it signed the 1961 treaty. Verbatim from the seed text (PDF spacing closed up, footnote
# numbers left out); each names the potential threats it speaks to. Source key han_2004.
HAN_THREAT_PASSAGES: tuple[dict, ...] = (
    {"id": "H1", "threats": ("Japan", "United States"),
     "text": ("In order to protect this security linchpin, China was involved in three military confrontations, "
              "including the Sino-Japanese Wars in 1592 and in 1895, and its military involvement in the Korean War "
              "against the perceived U.S. expansion in 1950.")},
    {"id": "H2", "threats": ("United States", "Japan"),
     "text": ("The first motivation came from the U.S.-Japanese revision of their security treaty in 1960. Their major "
              "objective of the strategic binding was to further solidify their anticommunist military containment "
              "system in the Asian-Pacific region.")},
    {"id": "H3", "threats": ("United States", "Japan"),
     "text": "China, which regarded it as a serious security threat, struggled to reinforce its frontline security."},
    {"id": "H4", "threats": ("United States", "Soviet Union"),
     "text": ("Hence the Chinese regarded this new treaty as an important instrument to counterbalance not only the "
              "assertive U.S. military presence in South Korea, but also the Soviet Union’s potential military "
              "ambitions in North Korea.")},
    {"id": "H5", "threats": ("Soviet Union",),
     "text": ("Third, a more important impetus was the growing Sino-Soviet rift, which Kim Il Sung managed to "
              "manipulate in the interests of North Korea’s security.")},
    {"id": "H6", "threats": ("Soviet Union",),
     "text": ("In order to secure their strategic influence over North Korea, China and the Soviet Union had competed "
              "to provide economic and military resources and political support for the Kim Il Sung regime.")},
    {"id": "H7", "threats": ("Soviet Union",),
     "text": ("Given the growing intensity of the Sino-Soviet rift, China was under severe security pressure when it "
              "signed the treaty")},
)
HAN_SECTION = "Historical Evolution of the Chinese-North Korean Military Alliance"


def threat_evidence(events: pd.DataFrame, threat: str | None = None, year: int = THREAT_YEAR) -> list[dict]:
    """The evidence a learner may cite for a rating: Han's passages and the main event rows dated no later than
    ``year`` that involve the potential threat. Each item: id, kind ("Han 2004" or "event"), date (text), threats,
    text (verbatim), description, source key. ``threat=None`` gives every item for every threat in THREATS_1961."""
    wanted = THREATS_1961 if threat is None else (threat,)
    items = [{"id": p["id"], "kind": "Han 2004", "date": f"section “{HAN_SECTION}”", "threats": tuple(p["threats"]),
              "text": p["text"], "description": "", "source": "han_2004"}
             for p in HAN_THREAT_PASSAGES if set(p["threats"]) & set(wanted)]
    rows = events[events["variant_of"].isna()] if "variant_of" in events else events
    rows = rows[rows["date"].dt.year <= year].sort_values(["date", "id"])
    for _, row in rows.iterrows():
        actors = tuple(a.strip() for a in str(row["actors"]).split(";"))
        about = tuple(t for t in wanted if t in actors)
        if about:
            items.append({"id": row["id"], "kind": "event", "date": f"{row['date']:%Y-%m-%d}", "threats": about,
                          "text": str(row["quote"]), "description": str(row["description"]), "source": str(row["source"])})
    return items


def _weights(weights: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(weights, Mapping):
        raise ValueError("Give the weights as a dictionary, one number per source of threat.")
    missing = [s for s in THREAT_SOURCES if s not in weights]
    if missing:
        raise ValueError(f"Give a weight for every source of threat; missing: {', '.join(missing)}.")
    out = {}
    for s in THREAT_SOURCES:
        w = weights[s]
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(float(w)) or w < 0:
            raise ValueError(f"The weight for {THREAT_SOURCE_LABELS[s].lower()} must be a number of 0 or more; got {w!r}.")
        out[s] = float(w)
    total = sum(out.values())
    if total == 0:
        raise ValueError("All the weights are zero: give at least one source of threat some weight.")
    return {s: w / total for s, w in out.items()}


def _ratings(ratings: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    if not isinstance(ratings, Mapping) or not ratings:
        raise ValueError("There is no potential threat to rate.")
    out = {}
    for threat, r in ratings.items():
        if not isinstance(r, Mapping):
            raise ValueError(f"{threat}: give its ratings as a dictionary, one number per source of threat.")
        row = {}
        for s in THREAT_SOURCES:
            if s not in r:
                raise ValueError(f"{threat}: no rating for {THREAT_SOURCE_LABELS[s].lower()}.")
            v = r[s]
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(float(v)) or not 0 <= v <= 10:
                raise ValueError(f"{threat}: the rating for {THREAT_SOURCE_LABELS[s].lower()} must be 0–10; got {v!r}.")
            row[s] = float(v)
        out[str(threat)] = row
    return out


def score_rows(ratings: Mapping[str, Mapping[str, float]], weights: Mapping[str, float]) -> list[dict]:
    """Pure-Python core of :func:`threat_scores` (fast enough for widget callbacks): a list of row dicts."""
    w = _weights(weights)
    clean = _ratings(ratings)
    rows = []
    for threat, r in clean.items():
        row = {"threat": threat, **r}
        row["composite"] = round(sum(w[s] * r[s] for s in THREAT_SOURCES), 10)
        rows.append(row)
    for row in rows:  # rank 1 = most threatening; ties share the smaller rank
        row["rank"] = 1 + sum(other["composite"] > row["composite"] for other in rows)
    return sorted(rows, key=lambda row: (row["rank"], row["threat"]))


def threat_scores(ratings: Mapping[str, Mapping[str, float]], weights: Mapping[str, float]) -> pd.DataFrame:
    """Composite threat score (weighted mean of the four ratings, 0–10) and rank for each potential threat.

    ``ratings``: {threat: {source: rating 0..10}}; ``weights``: {source: weight >= 0}, rescaled to sum to 1.
    Returns one row per threat, highest score first, with the ratings, ``composite`` and ``rank`` (1 = most
    threatening; ties share the smaller rank). Raises ValueError with a plain message on bad input.
    """
    rows = score_rows(ratings, weights)
    return pd.DataFrame(rows, columns=["threat", *THREAT_SOURCES, "composite", "rank"])


def rankings_by_preset(ratings: Mapping[str, Mapping[str, float]],
                       presets: Mapping[str, Mapping[str, float]] | None = None) -> dict[str, list[str]]:
    """The ranking (most threatening first) under each weighting in ``presets`` (default :data:`WEIGHT_PRESETS`)."""
    presets = WEIGHT_PRESETS if presets is None else presets
    return {name: [row["threat"] for row in score_rows(ratings, w)] for name, w in presets.items()}


def one_source_weights(source: str, share: float) -> dict[str, float]:
    """Weights that give ``source`` the share ``share`` (0..1) and split the rest equally among the other three.

    ``share = 0.25`` is Walt's four sources weighted equally; ``share = 1`` counts that source alone (for aggregate
    power, the balance-of-power view)."""
    if source not in THREAT_SOURCES:
        raise ValueError(f"Unknown source of threat {source!r}; choose one of {', '.join(THREAT_SOURCES)}.")
    x = _unit(share, "share")
    return {s: (x if s == source else (1.0 - x) / 3.0) for s in THREAT_SOURCES}


def _line(rating: Mapping[str, float], source: str) -> tuple[float, float]:
    """A threat's composite along the sweep is linear in the share x: value(x) = a + b·x. Returns (a, b)."""
    rest = sum(rating[s] for s in THREAT_SOURCES if s != source) / 3.0
    return rest, rating[source] - rest


def weight_sweep(ratings: Mapping[str, Mapping[str, float]], source: str, n: int = 21) -> pd.DataFrame:
    """Composite scores as the share of the weight on ``source`` runs from 0 to 1 (the rest split equally).

    One row per share and threat: columns ``share``, ``threat``, ``composite``."""
    clean = _ratings(ratings)
    one_source_weights(source, 0.25)  # validates the source
    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise ValueError("n must be a whole number of at least 2.")
    rows = []
    for i in range(n):
        x = i / (n - 1)
        for threat, r in clean.items():
            a, b = _line(r, source)
            rows.append({"share": x, "threat": threat, "composite": a + b * x})
    return pd.DataFrame(rows, columns=["share", "threat", "composite"])


def _leaders(lines: Mapping[str, tuple[float, float]], x: float) -> list[str]:
    values = {t: a + b * x for t, (a, b) in lines.items()}
    top = max(values.values())
    return sorted(t for t, v in values.items() if abs(v - top) <= 1e-9)


def first_place_changes(ratings: Mapping[str, Mapping[str, float]], source: str) -> list[dict]:
    """Where, as the share of the weight on ``source`` runs from 0 to 1, the first place changes hands.

    Each item: ``share`` (where it changes, exact), ``before`` and ``after`` (the threats ranked first just before
    and just after; a list when tied). Empty when one threat stays first all the way."""
    clean = _ratings(ratings)
    one_source_weights(source, 0.25)
    lines = {t: _line(r, source) for t, r in clean.items()}
    names = list(lines)
    points = set()
    for i, t in enumerate(names):
        for u in names[i + 1:]:
            (a1, b1), (a2, b2) = lines[t], lines[u]
            if abs(b1 - b2) > 1e-12:
                x = (a2 - a1) / (b1 - b2)
                if 1e-9 < x < 1 - 1e-9:
                    points.add(round(x, 12))
    changes = []
    for x in sorted(points):
        before, after = _leaders(lines, x - 1e-7), _leaders(lines, x + 1e-7)
        if before != after:
            changes.append({"share": x, "before": before, "after": after})
    return changes


def closest_flips(ratings: Mapping[str, Mapping[str, float]], weights: Mapping[str, float],
                  limit: int = 3) -> list[dict]:
    """The smallest single-rating changes that would change which threat ranks first under ``weights``.

    Each item: ``threat`` and ``source`` (the rating to change), ``change`` (whole points, + or −), ``from`` and
    ``to`` (the rating before and after) and ``first`` (the threats ranked first after the change: more than one
    when they draw level). Found by trying every whole-point change of every rating within 0–10, so it is exact.
    Sorted by the size of the change; at most ``limit`` items; empty when two or more threats already share first
    place (any change to a tied threat breaks the tie), or when no single change within 0–10 is enough."""
    w = _weights(weights)
    clean = _ratings(ratings)
    rows = score_rows(clean, w)
    top = [r["threat"] for r in rows if r["rank"] == 1]
    if len(top) > 1:
        return []
    found = []
    for t in clean:
        for s in THREAT_SOURCES:
            if w[s] == 0:
                continue
            for sign in (1, -1):
                for d in range(1, 11):
                    value = clean[t][s] + sign * d
                    if not 0 <= value <= 10:
                        break
                    trial = {k: dict(v) for k, v in clean.items()}
                    trial[t][s] = value
                    first = [r["threat"] for r in score_rows(trial, w) if r["rank"] == 1]
                    if first != top:
                        found.append({"threat": t, "source": s, "change": sign * d, "from": clean[t][s], "to": value,
                                      "first": first})
                        break
    found.sort(key=lambda o: (abs(o["change"]), o["threat"] == top[0], o["threat"], THREAT_SOURCES.index(o["source"])))
    return found[:limit]


# --------------------------------------------------------------------------- 3. episode tagging

TAGS: tuple[str, ...] = ("abandonment", "entrapment", "neither")
TAG_LABELS: dict[str, str] = {"abandonment": "Abandonment fear", "entrapment": "Entrapment fear", "neither": "Neither"}


def filter_events(events: pd.DataFrame, actor: str | None = None, category: str | None = None) -> pd.DataFrame:
    """Main rows of the events table (labelled variants dropped), optionally for one actor and one category.

    ``actor`` matches one name in the ';'-separated ``actors`` column exactly; ``None`` or "All" means any.
    """
    rows = events[events["variant_of"].isna()] if "variant_of" in events else events
    if actor and actor != "All":
        rows = rows[rows["actors"].fillna("").map(lambda s: actor in [a.strip() for a in str(s).split(";")])]
    if category and category != "All":
        rows = rows[rows["category"].astype(str) == category]
    return rows.sort_values(["date", "id"]).reset_index(drop=True)


def tag_feedback(key: Mapping[str, Mapping[str, str]], event_id: str, tag: str | None, whose: str | None = None) -> dict:
    """Compare a learner's tag with the instructor's key for one episode.

    Returns ``{"status": ..., "message": ..., "reasoning": ...}`` where status is one of
    ``correct`` (tag and whose fear both right), ``partly`` (tag right, whose wrong or missing),
    ``wrong``, ``unkeyed`` (no key for this episode) or ``untagged`` (no tag chosen).
    """
    entry = key.get(event_id)
    if entry is None:
        return {"status": "unkeyed", "message": "This episode is not in the instructor's key: tag it, then discuss your reasons.",
                "reasoning": ""}
    if not tag or tag not in TAGS:
        return {"status": "untagged", "message": "Choose a tag: abandonment fear, entrapment fear or neither.", "reasoning": ""}
    right_tag = entry["tag"]
    reasoning = entry["reasoning"]
    if tag != right_tag:
        return {"status": "wrong", "message": f"The key says: {TAG_LABELS[right_tag].lower()}, not {TAG_LABELS[tag].lower()}.",
                "reasoning": reasoning}
    if right_tag == "neither":
        return {"status": "correct", "message": "Agreed: the key tags this as neither.", "reasoning": reasoning}
    if not whose or whose == "—":
        return {"status": "partly", "message": f"Right tag ({TAG_LABELS[tag].lower()}). Now say whose fear it is.",
                "reasoning": ""}
    if whose != entry["whose"]:
        return {"status": "partly",
                "message": f"Right tag ({TAG_LABELS[tag].lower()}), but the key says it is {entry['whose']}'s fear, not {whose}'s.",
                "reasoning": reasoning}
    return {"status": "correct", "message": f"Agreed: {TAG_LABELS[tag].lower()}, felt by {whose}.", "reasoning": reasoning}
