"""Keys for notebooks/02_treaty_texts.ipynb. Compute answers and choice keys read the data, so the keys follow it.

Decide-and-defend tasks (2.5, 2.11) have no single key: their ``validate`` functions check that the learner's
choice is valid and consistent with the evidence, never that it is "the" right opinion. The justification is marked
with the rubric in instructors/02_treaty_texts.md.
"""

from __future__ import annotations

import numbers
from functools import lru_cache

from ..registry import Exercise, register

# Weights of exercise 2.9 (also printed in the notebook).
WEIGHTS_2_9 = {
    "defence_obligation": 2,
    "immediacy": 1,
    "means": 1,
    "qualifiers": 3,
    "consultation": 0,
    "no_alliance_clause": 0,
    "duration_termination": 1,
}
ARTICLE4_DIMENSIONS = ["defence_obligation", "trigger", "immediacy", "means", "qualifiers"]

#: Letters of the prediction 2.P1 (the same order as in the notebook).
P1_LETTERS = {"prc_dprk_1961": "A", "ussr_dprk_1961": "B", "us_rok_1953": "C", "dprk_russia_2024": "D"}


def _prov():
    from .. import data

    return data.load_provisions().set_index(["treaty_id", "dimension"])


def _points():
    from .. import data, treaties

    return treaties.points_matrix(data.load_provisions(), data.load_treaties())


@lru_cache(maxsize=4)
def _robustness(missing: str = "skip"):
    from .. import treaties

    return treaties.rank_robustness(_points(), missing)


def _names() -> dict:
    from .. import data

    return data.load_treaties().set_index("treaty_id")["short_name"].to_dict()


# --------------------------------------------------------------------------- choice keys, read from the data

def _no_alliance_letter() -> str:
    """2.1: the article that holds the 1961 treaty's no-alliance clause."""
    article = _prov().loc[("prc_dprk_1961", "no_alliance_clause"), "article"]
    return {"II": "A", "III": "B", "IV": "C", "VII": "D"}.get(article, "?")


def _trigger_letter() -> str:
    """2.2: only an armed attack that puts the partner in a state of war sets Article II off."""
    return "D" if _prov().loc[("prc_dprk_1961", "trigger"), "code"] == "armed_attack_war" else "?"


def _termination_letter() -> str:
    """2.3: Article VII keeps the treaty in force until both parties agree to amend or end it."""
    row = _prov().loc[("prc_dprk_1961", "duration_termination")]
    return "A" if row["code"] == "until_mutual_agreement" and row["article"] == "VII" else "?"


def _renewal_timing_letter() -> str:
    """2.4: under the described renewal rule, the objection was due a year before the term ended on 10 September 1996."""
    import pandas as pd

    from .. import data

    e = data.load_events().set_index("id")["date"]
    lapse, notice = e["1996_ussr_dprk_treaty_lapse"], e["1995_russia_notice_ussr_dprk_treaty"]
    deadline = lapse - pd.DateOffset(years=1)
    duration = _prov().loc[("ussr_dprk_1961", "duration_termination")]
    described = duration["status"] == "text_missing" and "a year before expiry" in str(duration["note"])
    return "A" if described and e["1995_russia_notifies_dprk_ussr_treaty"] <= notice <= deadline else "?"


def _usrok_immediacy_letter() -> str:
    """2.6: US–ROK immediacy is coded `none` (not `not_present`) only while part of its text is missing."""
    p = _prov()
    row = p.loc[("us_rok_1953", "immediacy")]
    incomplete = (p.xs("us_rok_1953", level="treaty_id")["status"] == "text_missing").any()
    return "C" if row["status"] == "coded" and row["code"] == "none" and incomplete else "?"


def _russia2000_immediacy_letter() -> str:
    """2.7: the 2000 treaty's immediacy stays `text_missing` (no article held, nothing coded from the press)."""
    return "D" if _prov().loc[("russia_dprk_2000", "immediacy"), "status"] == "text_missing" else "?"


def _consultation_2024_letter() -> str:
    """2.8: Article 3 of the 2024 treaty is crisis-specific consultation, the kind ATOP's rule counts."""
    row = _prov().loc[("dprk_russia_2024", "consultation")]
    return "C" if row["code"] == "crisis" and row["article"] == "3" else "?"


def _index_2024() -> float:
    from .. import treaties

    return float(treaties.commitment_index(WEIGHTS_2_9, _points()).loc["dprk_russia_2024", "index"])


def _robust_letter() -> str:
    """2.10: the one robust pair is PRC–DPRK 1961 over USSR–DPRK 1961."""
    rob = _robustness("skip")
    robust = rob[rob["robust"]]
    pairs = {(r["a"], r["b"], r["verdict"]) for _, r in robust.iterrows()}
    if pairs == {("ussr_dprk_1961", "prc_dprk_1961", "prc_dprk_1961 never ranks lower")}:
        return "B"
    return "?"


def _last_with_equal_weights() -> str:
    """2.P1: the scored treaty ranked last with every weight at 1, missing text left out."""
    from .. import treaties

    res = treaties.commitment_index({d: 1 for d in treaties.INDEX_DIMENSIONS}, _points())
    scored = res[res["scored"]]
    last = scored.index[scored["rank"] == scored["rank"].max()]
    return P1_LETTERS.get(last[0], "?") if len(last) == 1 else "?"


# --------------------------------------------------------------------------- 2.5: Article 4 from a version you choose

def _article4_versions():
    from .. import data

    a = data.load_articles()
    return a[(a["treaty_id"] == "dprk_russia_2024") & (a["article"] == "4")].set_index("version")


#: What each complete version of Article 4 is, in a few words (for feedback).
VERSION_WORDS = {"kcna_ko": "KCNA's Korean text", "yonhap_en": "Yonhap's English, from KCNA's Korean text",
                 "chosun_en": "Chosun Ilbo's English, from the Korean text", "interfax_en": "Interfax's English, from the Russian text"}
#: Other names a learner may use for a version of Article 4.
VERSION_ALIASES = {"interfax": "interfax_en", "yonhap": "yonhap_en", "chosun": "chosun_en", "chosun ilbo": "chosun_en",
                   "korean": "kcna_ko", "kcna korean": "kcna_ko", "kcna english": "kcna_en"}


def _validate_article4(choice: dict) -> tuple[list[str], str]:
    from .. import treaties

    versions = _article4_versions()
    complete = [v for v in versions.index if versions.loc[v, "status"] == "complete"]
    version = choice.get("version")
    if isinstance(version, str):
        version = VERSION_ALIASES.get(version.strip().lower(), version.strip().lower())
    if not isinstance(version, str) or version not in versions.index:
        return [f"'version' is the name of one version of Article 4 in quotes: one of {', '.join(complete)}."], ""
    if version not in complete:
        return [f"The {version} text of Article 4 breaks off before the time word and the qualifiers (it is held only in "
                f"part), so it cannot support a code for them. Choose a complete version: {', '.join(complete)}."], ""
    codes = choice.get("codes")
    if isinstance(codes, (list, tuple)) and len(codes) == len(ARTICLE4_DIMENSIONS):
        codes = dict(zip(ARTICLE4_DIMENSIONS, codes))
    if not isinstance(codes, dict):
        return ["'codes' should be a dictionary of the five dimensions and their codes, like "
                "{'defence_obligation': 'yes', 'trigger': ..., 'immediacy': ..., 'means': ..., 'qualifiers': ...}."], ""
    missing = [d for d in ARTICLE4_DIMENSIONS if d not in codes]
    extra = [str(d) for d in codes if d not in ARTICLE4_DIMENSIONS]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"give a code for {', '.join(missing)}")
        if extra:
            parts.append(f"leave out {', '.join(map(repr, extra))} (not one of the five dimensions)")
        return ["In 'codes', " + " and ".join(parts) + "."], ""
    problems = []
    supported = treaties.wording_codes(versions.loc[version, "text"])
    for dim in ARTICLE4_DIMENSIONS:
        code = codes[dim]
        vocab = treaties.PROVISION_VOCAB[dim]
        if not isinstance(code, str) or code.strip() not in vocab:
            problems.append(f"{dim}: {code!r} is not a code for this dimension; the codes are {', '.join(vocab)}.")
            continue
        wanted = supported[dim]["code"]
        if wanted is not None and code.strip() != wanted:
            problems.append(f"{dim}: `{code.strip()}` does not match the wording of {version}. Read that version again "
                            "for the words this dimension rests on.")
    if problems:
        return problems, ""
    summary = (f"You coded Article 4 from {version} ({VERSION_WORDS.get(version, 'a version held')}): "
               + ", ".join(f"{d} `{codes[d].strip()}`" for d in ARTICLE4_DIMENSIONS) + ".")
    return [], summary


# --------------------------------------------------------------------------- 2.11: your own weights

def _validate_weights(choice: dict) -> tuple[list[str], str]:
    from .. import treaties

    weights = choice.get("weights")
    dims = treaties.INDEX_DIMENSIONS
    if not isinstance(weights, dict) or not weights:
        return ["'weights' should be a dictionary of dimension: weight, like {'defence_obligation': 3, 'qualifiers': 2, ...}."], ""
    unknown = [str(k) for k in weights if k not in dims]
    if unknown:
        return [f"{', '.join(map(repr, unknown))} is not an index dimension; the seven are {', '.join(dims)}."], ""
    clean, bad = {}, []
    for d, v in weights.items():
        whole = (isinstance(v, numbers.Integral) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())
        if not whole or not 0 <= v <= 3:
            bad.append(d)
        else:
            clean[d] = int(v)
    if bad:
        return [f"Weights are whole numbers from 0 to 3; check {', '.join(bad)}."], ""
    if sum(1 for v in clean.values() if v > 0) < 2:
        return ["Give at least two dimensions a weight above 0: a ranking on one provision alone is not an index."], ""
    claim = choice.get("lead_survives")
    if not isinstance(claim, bool) and type(claim).__name__ != "bool_":
        return ["'lead_survives' is True or False (without quotes)."], ""
    claim = bool(claim)
    result = treaties.lead_survives(clean, _points(), robustness=_robustness("skip"))
    if result["survives"] is None:
        return ["Your weights score fewer than two treaties (too much of the weight falls on provisions whose text is "
                "missing), so there is no ranking to test. Move some weight to provisions held for most treaties."], ""
    names = _names()
    ranking = "; ".join(f"{rank}. {names[t]} ({index:.1f})" for t, index, rank in result["ranking"])
    if claim != result["survives"]:
        return [f"With your weights the ranking is: {ranking}. Your claim that its lead "
                f"{'survives' if claim else 'does not survive'} the robustness check does not match the check."], ""
    if len(result["first"]) > 1:
        tied = [names[t] for t in result["first"]]
        lead = "a tie for first between " + ", ".join(tied[:-1]) + " and " + tied[-1]
    else:
        lead = f"{names[result['first'][0]]} ahead of " + " and ".join(names[t] for t in result["second"])
    summary = (f"Your weights: {', '.join(f'{d} {clean.get(d, 0)}' for d in dims)}. Ranking: {ranking}. Your lead is "
               f"{lead}, and you say correctly that it {'survives' if claim else 'does not survive'} the robustness check.")
    return [], summary


register(
    Exercise(
        id="2.1",
        kind="choice",
        choices="ABCD",
        answer=_no_alliance_letter,
        explanation="Article III: neither party may 'conclude any alliance directed against the other' or take part in any "
                    "bloc, action or measure directed against it. It limits the pacts a party may sign; it does not forbid "
                    "every pact.",
        hints=[
            "Which article is about alliances with, or against, third states?",
            "Go back to 'Reading Article III' and its note on China's 1992 ties with Seoul.",
        ],
        misconceptions={
            "A": "Assistance clause as the whole treaty: Article II says what happens after an attack; it says nothing "
                 "about pacts with third states.",
            "C": "Consultation as a veto: Article IV promises to consult on important questions; it neither forbids nor "
                 "permits a pact.",
            "D": "Final clause as a catch-all: Article VII governs ratification, duration and termination, not what a "
                 "party may sign with others.",
        },
    ),
    Exercise(
        id="2.2",
        kind="choice",
        choices="ABCD",
        answer=_trigger_letter,
        explanation="D. Article II is set off when a party is 'subjected to the armed attack by any state or several states "
                    "jointly and thus being involved in a state of war'. A joint invasion that leads to war is exactly that. "
                    "A clash that ends the same day is not a state of war; a threat is not an attack; and an attack on "
                    "China obliges North Korea to help China, not the reverse.",
        hints=[
            "Article II has two conditions: an armed attack, and the partner being 'thus ... involved in a state of war'. "
            "Test each situation against both.",
            "Also ask who has been attacked: Article II obliges the party that was not attacked to help the one that was.",
        ],
        misconceptions={
            "A": "Any clash triggers: Article II needs an armed attack that puts the partner in a state of war; a clash "
                 "that ends the same day is short of war.",
            "B": "Threat as trigger: Article II is set off by an armed attack, not by exercises or a threat, however "
                 "the threatened side describes them.",
            "C": "One-way reading: the promise is mutual, but it binds the party that was not attacked; an attack on "
                 "China obliges North Korea to help China.",
        },
    ),
    Exercise(
        id="2.3",
        kind="choice",
        choices="ABCD",
        answer=_termination_letter,
        explanation="A. Article VII: the treaty 'will remain in force until the Contracting Parties agree on its amendment or "
                    "termination'. The text gives neither party a way to end it alone, and no notice period; a note from "
                    "one party could only open the question. (The text does allow change: by agreement.)",
        hints=[
            "Read Article VII's second paragraph: who has to agree before the treaty ends?",
            "Look for a notice period or a term in Article VII. If there is none, a one-sided note has nothing in the "
            "text to run on.",
        ],
        misconceptions={
            "B": "Borrowed template: a one-year notice is in other treaties (US–ROK Article VI; the Soviet treaty's "
                 "reported renewal rule), not in Article VII.",
            "C": "Renewal myth: Article VII sets no term and no renewal; the 20-year cycle is the claim this section "
                 "refutes.",
            "D": "No change at all: Article VII allows amendment or termination by agreement; it only rules out ending "
                 "the treaty alone.",
        },
    ),
    Exercise(
        id="2.4",
        kind="choice",
        choices="ABCD",
        answer=_renewal_timing_letter,
        explanation="A. Under the rule the newspaper describes, a party can only stop the next renewal, by objecting a year "
                    "before the term ends. The term ended on 10 September 1996, so the objection was due by 10 September "
                    "1995: Russia notified Pyongyang on 7 August and announced it on 7 September 1995. That is why COW (the "
                    "announcement) and ATOP (the lapse) end the treaty a year apart. Remember that the rule is a press "
                    "description: Article 6 is missing.",
        hints=[
            "Under the rule, what can a party do, and by when? Count back one year from the day the treaty lost force.",
            "Compare the dates in `ussr_end` with that deadline: when did Russia notify Pyongyang, and when did it say so in public?",
        ],
        misconceptions={
            "B": "Exit at will: under the described rule a party cannot leave at any time; it can only stop the next "
                 "renewal by objecting a year ahead.",
            "C": "Announcement as the end: the objection stops the renewal, but the treaty runs to the end of its term; "
                 "COW's date marks the announcement, not the lapse.",
            "D": "Automatic end: without an objection the rule renews the treaty for another five years; it does not "
                 "lapse by itself.",
        },
    ),
    Exercise(
        id="2.5",
        kind="decide",
        answer=None,
        fields=("version", "codes"),
        validate=_validate_article4,
        min_words=30,
        explanation="Compare with the model answer below and the rubric: say which text each version translates (the "
                    "Korean text published by KCNA, or the Russian text), which of your codes would change under the "
                    "other version, and whether that change matters for the commitment index (which gives "
                    "'immediately' and 'without delay' the same points).",
        hints=[
            "Choose a complete version of Article 4: kcna_ko, yonhap_en, chosun_en or interfax_en. Then read that "
            "version only, and code each dimension from its words.",
            "The vocabulary is in `treaties.PROVISION_VOCAB` (and data/README.md). Look for: who must help, what "
            "sets it off, the time word, the means, and any 'in accordance with' / 'in line with'.",
            "The versions differ on one coded word: the time word ('without delay', 지체없이, or 'immediately').",
        ],
    ),
    Exercise(
        id="2.6",
        kind="choice",
        choices="ABCD",
        answer=_usrok_immediacy_letter,
        explanation="C. The course keeps two kinds of absence apart: `not_present` means the whole text is held and has no "
                    "such clause. US–ROK Article III is complete and has no time word, so `none` is coded from it, but "
                    "the end of Article VI and the final clauses are still missing, so the course cannot say the treaty "
                    "as a whole has no time term.",
        hints=[
            "Read the definitions of `not_present` and `text_missing` in the section 'Comparing clauses, dimension by "
            "dimension'. Which one needs the whole text?",
            "Is every article of the US–ROK treaty held in full? Look at the `status` of its Article VI in `articles`.",
        ],
        misconceptions={
            "A": "Dataset as authority: the course codes from the text and only compares with ATOP; ATOP's values do "
                 "not decide a row's status.",
            "B": "Guessing at unread text: nobody has read the missing end of Article VI, so no code can rest on what "
                 "it might say.",
            "D": "Qualifier as time word: 'constitutional processes' conditions how a party responds, not when; it is "
                 "coded under qualifiers.",
        },
    ),
    Exercise(
        id="2.7",
        kind="choice",
        choices="ABCD",
        answer=_russia2000_immediacy_letter,
        explanation="D. A press description is not the treaty: `provisions.csv` codes nothing from reports, so the 2000 "
                    "treaty's immediacy stays `text_missing` until an article is found.",
        hints=[
            "Which article of the 2000 treaty could you quote to support a code?",
            "The data README: 'Nothing is coded from press descriptions.'",
        ],
        misconceptions={
            "A": "Missing read as absent: a report is not the treaty; without the text the course cannot say that a "
                 "clause is absent (`not_present` needs the full text).",
            "B": "Assumed continuity: the reports say the 2000 treaty dropped the 1961 assistance clause, so the old "
                 "time word cannot be carried over.",
            "C": "Consultation speed as assistance timing: 'promptly' describes consultation in a report, not the time "
                 "term of an assistance clause in a text.",
        },
    ),
    Exercise(
        id="2.8",
        kind="choice",
        choices="ABCD",
        answer=_consultation_2024_letter,
        explanation="C. Article 3 is tied to a crisis that may become militarized ('a direct threat of armed invasion') and "
                    "aims at policy coordination ('adjusting their stands', 'practical measures'): both of the rule's "
                    "conditions. `provisions.csv` codes it `crisis`, like US–ROK Article II, which ATOP codes consul=1; "
                    "the 1961 Article IV, a general promise, is coded 0 by ATOP.",
        hints=[
            "ATOP's rule has two conditions: (1) specific to crises that may become militarized, (2) aimed at policy "
            "coordination. Find the words in Article 3 that meet, or fail, each one.",
            "'Negotiations' or 'consultations' (TASS's word) does not matter to the rule: what the parties promise to do, "
            "and when, does. Compare with US–ROK Article II, which ATOP codes 1.",
        ],
        misconceptions={
            "A": "Word matching: the rule asks what is promised and when, not for the word 'consult'; TASS's rendering "
                 "even says 'consultations'.",
            "B": "Defence pact absorbs consultation: ATOP codes US–ROK consul=1 alongside its defence pledge, so the two "
                 "are coded separately.",
            "D": "Inherited coding: ATOP codes the 1961 Article IV consul=0, and a new treaty is coded from its own "
                 "text, not its predecessor's.",
        },
    ),
    Exercise(
        id="2.P1",
        kind="prediction",
        choices="ABCD",
        answer=_last_with_equal_weights,
        explanation="US–ROK 1953 comes last of the scored treaties with equal weights: Article III has no time word and no "
                    "statement of means (0 points each), and 'constitutional processes' earns half a point as a "
                    "qualifier; only its crisis-consultation clause scores higher than the 1961 treaties' general one. "
                    "The index scores the wording of the promise, not how far an ally would in fact go.",
        hints=["Look at the points table and at the US–ROK codes named in the section on Article III."],
    ),
    Exercise(
        id="2.9",
        kind="number",
        answer=_index_2024,
        tolerance=0.1,
        unit="index points",
        explanation="Duration is missing for 2024 and is left out; consultation and the no-alliance clause weigh 0. "
                    "(2×1 + 1×1 + 1×1 + 3×0.5) / (2+1+1+3) × 100 = 5.5 / 7 × 100 ≈ 78.6.",
        hints=[
            "Use `treaties.commitment_index(weights_2_9, points)` and read the row 'dprk_russia_2024'.",
            "By hand: multiply each weight by the points for 2024's code, add up, divide by the weights whose text is held.",
        ],
    ),
    Exercise(
        id="2.10",
        kind="choice",
        choices="ABCD",
        answer=_robust_letter,
        explanation="B. Only one pair never changes order: PRC–DPRK 1961 never ranks below USSR–DPRK 1961. The two are "
                    "coded alike on every provision whose text we hold; the Soviet duration clause (Article 6) is missing "
                    "and is left out, so the verdict rests on a gap in our sources. Every other pair depends on the weights.",
        hints=[
            "Read the robustness list under the chart (or `treaties.rank_robustness(points)`): which pairs are marked robust?",
            "For the one robust pair, compare the two treaties' rows in `points`: where do they differ, and why?",
        ],
        misconceptions={
            "A": "First at equal weights means robust: weight consultation and 2024's crisis clause (Article 3) puts it "
                 "ahead of 1961's general one.",
            "C": "Equal weights as the verdict: with most of the weight on consultation, US–ROK's crisis clause lifts it "
                 "above the others.",
            "D": "Everything is fragile: one pair never changes order; the list marks it robust.",
        },
    ),
    Exercise(
        id="2.11",
        kind="decide",
        answer=None,
        fields=("weights", "lead_survives"),
        validate=_validate_weights,
        min_words=40,
        explanation="Compare with the model answer below and the rubric: one sentence per weight that says what the "
                    "provision adds to (or takes from) a promise's strength, with an article quoted for at least one; a "
                    "robustness claim that names the pair it rests on; and what your ranking can and cannot show.",
        hints=[
            "Set the explorer's sliders to your weights. The ranking under the chart shows who is first and who is second; "
            "the robustness list says, for each pair, whether one ever ranks below the other.",
            "Your lead survives only if the list marks the pair (your first, your runner-up) robust, with your first as "
            "the one that never ranks lower. With two runners-up tied, both pairs must be robust.",
            "Check it with `treaties.lead_survives(your_weights, points)['survives']`.",
        ],
    ),
)
