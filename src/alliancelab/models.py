"""Teaching models for lesson 01 (alliance theory). Pure functions, no widgets.

Three pieces, each used by an explorer in :mod:`alliancelab.explorers.lesson01`:

1. **The abandonment–entrapment model** — a *stated teaching model*, not data and not an estimate.
   It turns the verbal argument of Snyder (1984), "The Security Dilemma in Alliance Politics",
   *World Politics* 36(4): 461–495, into three curves that learners can move:

   - the patron chooses a level of commitment ``c`` in [0, 1];
   - the client chooses a level of risk-taking ``r`` in [0, 1] (how far it provokes its adversaries);
   - the client's fear of abandonment  ``A(c)    = (1 - c)**2``   (falls as commitment rises);
   - the patron's risk of entrapment   ``E(c, r) = r * c**2``     (rises with commitment and with client risk);
   - the combined cost                 ``K(c, r) = A(c) + E(c, r)``, equal weights.

   ``K`` is smallest at ``c* = 1 / (1 + r)`` with ``K(c*, r) = r / (1 + r)``. More client risk-taking
   lowers the best commitment: reducing one fear raises the other, which is Snyder's dilemma.
   The squares make the minimum interior (with straight lines the best choice would always be a corner);
   the exact shapes are a modelling choice, chosen only to be simple, bounded in [0, 1] and monotone.

2. **The threat-assessment composite** — Walt's four sources of threat (aggregate power, proximity,
   offensive power, perceived intentions), rated 0–10 by the learner, combined as a weighted mean.
   Default ratings in :data:`THREAT_SCENARIOS` are **illustrative**, not data.

3. **Episode tagging** — filter ``data/events.csv`` and compare a learner's tag (abandonment fear,
   entrapment fear or neither; whose fear) with the instructor's key in :mod:`alliancelab.keys.lesson01`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import pandas as pd

__all__ = [
    "abandonment_risk",
    "entrapment_risk",
    "combined_cost",
    "optimal_commitment",
    "minimum_cost",
    "model_curves",
    "EpisodePlacement",
    "EPISODE_PLACEMENTS",
    "describe_point",
    "THREAT_SOURCES",
    "THREAT_SOURCE_LABELS",
    "THREAT_SCENARIOS",
    "WEIGHT_PRESETS",
    "threat_scores",
    "score_rows",
    "rankings_by_preset",
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


def abandonment_risk(commitment: float) -> float:
    """The client's fear of abandonment, ``A(c) = (1 - c)**2``: 1 with no commitment, 0 with full commitment."""
    c = _unit(commitment, "commitment")
    return (1.0 - c) ** 2


def entrapment_risk(commitment: float, risk_taking: float) -> float:
    """The patron's risk of entrapment, ``E(c, r) = r * c**2``: grows with commitment and with client risk-taking."""
    c = _unit(commitment, "commitment")
    r = _unit(risk_taking, "risk_taking")
    return r * c**2


def combined_cost(commitment: float, risk_taking: float) -> float:
    """``K(c, r) = A(c) + E(c, r)``: the two fears added with equal weights (a modelling choice)."""
    return abandonment_risk(commitment) + entrapment_risk(commitment, risk_taking)


def optimal_commitment(risk_taking: float) -> float:
    """The commitment that minimises the combined cost: ``c* = 1 / (1 + r)`` (from dK/dc = 0)."""
    r = _unit(risk_taking, "risk_taking")
    return 1.0 / (1.0 + r)


def minimum_cost(risk_taking: float) -> float:
    """The combined cost at the best commitment: ``K(c*, r) = r / (1 + r)``."""
    r = _unit(risk_taking, "risk_taking")
    return r / (1.0 + r)


def model_curves(risk_taking: float, n: int = 101) -> pd.DataFrame:
    """The three curves over commitment 0..1 for one level of client risk-taking (n points, n >= 2)."""
    r = _unit(risk_taking, "risk_taking")
    if not isinstance(n, int) or n < 2:
        raise ValueError("n must be a whole number of at least 2.")
    cs = [i / (n - 1) for i in range(n)]
    a = [(1.0 - c) ** 2 for c in cs]
    e = [r * c**2 for c in cs]
    return pd.DataFrame({"commitment": cs, "abandonment": a, "entrapment": e, "combined": [x + y for x, y in zip(a, e)]})


@dataclass(frozen=True)
class EpisodePlacement:
    """Where the course places a real episode on the model's chart. A teaching judgement, not a measurement."""

    event_id: str  # id in data/events.csv
    label: str  # shown in the dropdown
    patron: str
    client: str
    commitment: float
    risk_taking: float
    reasoning: str  # why these values; cites its sources


EPISODE_PLACEMENTS: tuple[EpisodePlacement, ...] = (
    EpisodePlacement(
        event_id="1992_china_rok_normalisation",
        label="1992: China recognises South Korea",
        patron="China",
        client="North Korea",
        commitment=0.35,
        risk_taking=0.3,
        reasoning=(
            "Low commitment: Beijing opened relations with its ally's adversary, which Han (2004, section “Historical Evolution of the Chinese-North Korean Military Alliance”) says 'could be "
            "tantamount to Chinese negligence in respecting the Sino-North Korean alliance'. Moderate-to-low risk-taking: "
            "in 1991–92 Pyongyang had signed the inter-Korean Basic Agreement and the denuclearisation declaration "
            "(events 1991_inter_korean_basic_agreement, 1992_korean_denuclearization_declaration); the first nuclear crisis "
            "came in 1993."
        ),
    ),
    EpisodePlacement(
        event_id="2003_three_party_talks_beijing_apr23",
        label="2003: China hosts the three-party, then six-party talks",
        patron="China",
        client="North Korea",
        commitment=0.6,
        risk_taking=0.85,
        reasoning=(
            "High risk-taking: North Korea had declared its withdrawal from the NPT in January 2003 (event "
            "2003_dprk_npt_withdrawal). Middling commitment: Han (2004, section “Future Evolution of the Asymmetrical Interdependence”) reads the talks as 'continued diplomatic "
            "support', yet Beijing was pressing Pyongyang in private, and Chinese scholars argued in public that China "
            "should stay out of a US–North Korean clash and that Article II should be deleted (Han 2004, section “Future Evolution of the Asymmetrical Interdependence”)."
        ),
    ),
    EpisodePlacement(
        event_id="2024_06_19_putin_pyongyang_treaty_signed",
        label="2024: Russia–North Korea treaty (Russia as patron)",
        patron="Russia",
        client="North Korea",
        commitment=0.9,
        risk_taking=0.7,
        reasoning=(
            "High commitment: analysts describe the treaty as reviving the Soviet-era 'automatic military intervention' "
            "clause (Asia Business Daily, December 2024, seed text). High risk-taking: North Korea's nuclear programme "
            "goes on, and Russia calls its denuclearisation a 'closed issue' (event 2024_09_26_lavrov_denuclearisation_closed). "
            "The model's one-way roles then break: from October 2024 it was the client that sent troops to the patron's war."
        ),
    ),
)


def describe_point(commitment: float, risk_taking: float) -> str:
    """A plain-text reading of one point of the model (used beside the chart)."""
    c = _unit(commitment, "commitment")
    r = _unit(risk_taking, "risk_taking")
    a, e = abandonment_risk(c), entrapment_risk(c, r)
    best = optimal_commitment(r)
    if abs(c - best) < 0.05:
        where = "close to the commitment that minimises the combined cost"
    elif c < best:
        where = "below the best commitment: the client's abandonment fear dominates"
    else:
        where = "above the best commitment: the patron's entrapment risk dominates"
    return (f"Commitment {c:.2f}, client risk-taking {r:.2f}: abandonment fear {a:.2f}, entrapment risk {e:.2f}, "
            f"combined cost {a + e:.2f}. Best commitment for this risk-taking: {best:.2f} (cost {minimum_cost(r):.2f}); "
            f"this point is {where}.")


# --------------------------------------------------------------------------- 2. threat assessment (Walt)

THREAT_SOURCES: tuple[str, ...] = ("aggregate_power", "proximity", "offensive_power", "intentions")
THREAT_SOURCE_LABELS: dict[str, str] = {
    "aggregate_power": "Aggregate power",
    "proximity": "Proximity",
    "offensive_power": "Offensive power",
    "intentions": "Perceived intentions",
}

# ILLUSTRATIVE ratings (0-10) for classroom use: a starting point to argue with, NOT data.
# The scenario framing (who worried Beijing, and why) follows Han (2004), sections “Historical Evolution ...” (1961)
# and "Analyzing ..." / “Future Evolution ...” (2003); the numbers are the course's.
THREAT_SCENARIOS: dict[str, dict] = {
    "Beijing, 1961": {
        "observer": "China",
        "year": 1961,
        "context": ("Han (2004, section “Historical Evolution of the Chinese-North Korean Military Alliance”): China saw the 1960 US–Japan security treaty as a serious threat, watched "
                    "unrest in South Korea, and faced a growing rift with the Soviet Union."),
        "ratings": {
            "United States": {"aggregate_power": 10, "proximity": 6, "offensive_power": 9, "intentions": 9},
            "Soviet Union": {"aggregate_power": 8, "proximity": 8, "offensive_power": 7, "intentions": 4},
            "Japan": {"aggregate_power": 4, "proximity": 6, "offensive_power": 3, "intentions": 5},
        },
    },
    "Beijing, 2003": {
        "observer": "China",
        "year": 2003,
        "context": ("Han (2004, sections “Analyzing North Korea’s Growing Dependence and Its Leverage” and “Future Evolution of the Asymmetrical Interdependence”): North Korea's nuclear programme ran against China's interest in a nuclear-free "
                    "peninsula, and Chinese scholars worried about a US–North Korean military clash."),
        "ratings": {
            "United States": {"aggregate_power": 10, "proximity": 5, "offensive_power": 10, "intentions": 5},
            "North Korea": {"aggregate_power": 1, "proximity": 10, "offensive_power": 3, "intentions": 3},
            "Japan": {"aggregate_power": 6, "proximity": 6, "offensive_power": 3, "intentions": 4},
        },
    },
}

WEIGHT_PRESETS: dict[str, dict[str, float]] = {
    "Balance of power (aggregate power only)": {"aggregate_power": 1, "proximity": 0, "offensive_power": 0, "intentions": 0},
    "Walt: equal weights": {"aggregate_power": 1, "proximity": 1, "offensive_power": 1, "intentions": 1},
    "Intentions only": {"aggregate_power": 0, "proximity": 0, "offensive_power": 0, "intentions": 1},
}


def _weights(weights: Mapping[str, float]) -> dict[str, float]:
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


def score_rows(ratings: Mapping[str, Mapping[str, float]], weights: Mapping[str, float]) -> list[dict]:
    """Pure-Python core of :func:`threat_scores` (fast enough for widget callbacks): a list of row dicts."""
    w = _weights(weights)
    if not ratings:
        raise ValueError("There is no potential threat to rate.")
    rows = []
    for threat, r in ratings.items():
        row = {"threat": threat}
        for s in THREAT_SOURCES:
            if s not in r:
                raise ValueError(f"{threat}: no rating for {THREAT_SOURCE_LABELS[s].lower()}.")
            v = r[s]
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 10:
                raise ValueError(f"{threat}: the rating for {THREAT_SOURCE_LABELS[s].lower()} must be 0–10; got {v!r}.")
            row[s] = float(v)
        row["composite"] = round(sum(w[s] * row[s] for s in THREAT_SOURCES), 10)
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
