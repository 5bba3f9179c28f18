"""Keys for notebooks/02_treaty_texts.ipynb. Compute answers read the data, so the keys follow it."""

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


def _prov():
    from .. import data

    return data.load_provisions().set_index(["treaty_id", "dimension"])


def _termination_letter() -> str:
    article = _prov().loc[("prc_dprk_1961", "duration_termination"), "article"]
    return {"II": "A", "III": "B", "VI": "C", "VII": "D"}[article]


def _days_between_signings() -> int:
    from .. import data

    t = data.load_treaties().set_index("treaty_id")["signed_date"]
    return int((t["prc_dprk_1961"] - t["ussr_dprk_1961"]).days)


def _usrok_immediacy_letter() -> str:
    """2.6: US–ROK immediacy is coded `none` (not `not_present`) only while part of its text is missing."""
    p = _prov()
    row = p.loc[("us_rok_1953", "immediacy")]
    incomplete = (p.xs("us_rok_1953", level="treaty_id")["status"] == "text_missing").any()
    return "C" if row["status"] == "coded" and row["code"] == "none" and incomplete else "?"


def _russia2000_immediacy_letter() -> str:
    """2.7: the 2000 treaty's immediacy stays `text_missing` (no article held, nothing coded from the press)."""
    return "D" if _prov().loc[("russia_dprk_2000", "immediacy"), "status"] == "text_missing" else "?"


def _article4_codes() -> list[str]:
    p = _prov()
    return [p.loc[("dprk_russia_2024", d), "code"] for d in ARTICLE4_DIMENSIONS]


def _index_2024() -> float:
    from .. import data, treaties

    points = treaties.points_matrix(data.load_provisions(), data.load_treaties())
    return float(treaties.commitment_index(WEIGHTS_2_9, points).loc["dprk_russia_2024", "index"])


def _robust_letter() -> str:
    from .. import data, treaties

    points = treaties.points_matrix(data.load_provisions(), data.load_treaties())
    rob = treaties.rank_robustness(points, "skip").set_index(["a", "b"])
    verdict = rob.loc[("prc_dprk_1961", "dprk_russia_2024"), "verdict"]
    return {"depends on the weights": "B", "prc_dprk_1961 never ranks lower": "A",
            "dprk_russia_2024 never ranks lower": "C", "always tied": "D"}[verdict]


def _days_announcement_to_lapse() -> int:
    from .. import data

    e = data.load_events().set_index("id")["date"]
    return int((e["1996_ussr_dprk_treaty_lapse"] - e["1995_russia_notice_ussr_dprk_treaty"]).days)


register(
    Exercise(
        id="2.1",
        kind="choice",
        choices="ABCD",
        answer=_termination_letter,
        explanation="Article VII: the treaty 'will remain in force until the Contracting Parties agree on its amendment "
                    "or termination'. Neither party can end it alone, and there is no fixed term.",
        hints=[
            "Termination belongs with the final article, next to ratification and entry into force.",
            "Pick 'Duration and termination' in the clause comparer, or read the last numbered article of the treaty.",
        ],
    ),
    Exercise(
        id="2.3",
        kind="number",
        answer=_days_between_signings,
        tolerance=0,
        unit="days",
        explanation="6 July 1961 (Moscow) to 11 July 1961 (Peking) is 5 days. Han (2004, section 'Historical Evolution of the "
                    "Chinese-North Korean Military Alliance', text at note 26 [p. 166, inferred]) writes that the Chinese treaty was "
                    "'signed five days after' the Soviet one.",
        hints=[
            "Take the two `signed_date` values from `treaty_meta` (the table of treaties, indexed by `treaty_id`) and subtract: (later − earlier).",
            "`(treaty_meta.loc['prc_dprk_1961', 'signed_date'] - treaty_meta.loc['ussr_dprk_1961', 'signed_date']).days`",
        ],
    ),
    Exercise(
        id="2.2",
        kind="choice",
        choices="ABCD",
        answer="C",
        explanation="Article VII sets no term and no renewal: the treaty stays in force until both parties agree to amend or end it. "
                    "The '20-year renewal' story has no basis in the text; the PRC foreign ministry said so in 2021.",
        hints=[
            "Read Article VII, second paragraph, word for word.",
            "Does Article VII mention any number of years at all?",
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
                    "as a whole has no time term. A takes a dataset as the authority (the course codes from the text and "
                    "only compares with ATOP); B guesses at text nobody has read; D confuses a qualifier with a time word.",
        hints=[
            "Read the definitions of `not_present` and `text_missing` in the section 'Comparing clauses, dimension by "
            "dimension'. Which one needs the whole text?",
            "Is every article of the US–ROK treaty held in full? Look at the `status` of its Article VI in `articles`.",
        ],
    ),
    Exercise(
        id="2.7",
        kind="choice",
        choices="ABCD",
        answer=_russia2000_immediacy_letter,
        explanation="D. A press description is not the treaty: `provisions.csv` codes nothing from reports, so the 2000 "
                    "treaty's immediacy stays `text_missing` until an article is found. A turns a report into a code "
                    "(missing is not the same as absent); B assumes the new treaty kept the old wording, which the "
                    "reports deny; C mixes up the speed of consultation with the timing of military assistance.",
        hints=[
            "Which article of the 2000 treaty could you quote to support a code?",
            "The data README: 'Nothing is coded from press descriptions.'",
        ],
    ),
    Exercise(
        id="2.5",
        kind="list",
        answer=_article4_codes,
        explanation="Article 4 (Korean text and Yonhap's translation): a defence obligation (yes), triggered when a party is put "
                    "in a state of war by an armed invasion (armed_attack_war), 'without delay' (without_delay), 'with all means' "
                    "(all_means), 'in line with Article 51 of the UN Charter and the laws' of both states (un_charter_art51_and_laws).",
        hints=[
            "Five codes, in the order defence_obligation, trigger, immediacy, means, qualifiers, each from the vocabulary table.",
            "The Korean text says 지체없이, 'without delay'; Interfax (from Russian) says 'immediately'. Use the Korean-text wording.",
            "Qualifiers: the clause names UN Charter Article 51 and the laws of the DPRK and Russia.",
        ],
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
        explanation="Not robust: weighting qualifiers puts 1961 ahead (no qualifier); weighting consultation puts 2024 ahead "
                    "(crisis consultation in Article 3 vs a general clause in Article IV).",
        hints=[
            "Read the robustness list under the chart, or `treaties.rank_robustness(points)`.",
            "Which provisions differ between the two treaties? Try a high weight on each in turn.",
        ],
    ),
    Exercise(
        id="2.8",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="ATOP's consultation variable requires a promise to consult in crises that may become militarized, aimed at "
                    "policy coordination; a general promise to consult on important international questions is 'not enough'. "
                    "Article IV is general, so ATOP codes 0 while a looser reading codes 'general'.",
        hints=[
            "Read the note on the PRC–DPRK consultation row.",
            "Compare Article IV's wording with the US–ROK Article II wording, which ATOP does code as consultation.",
        ],
    ),
    Exercise(
        id="2.4",
        kind="number",
        answer=_days_announcement_to_lapse,
        tolerance=0,
        unit="days",
        explanation="7 September 1995 (Russia's announcement; COW's end date) to 10 September 1996 (the lapse; ATOP's end date) "
                    "is 369 days. Two datasets, two defensible end dates.",
        hints=[
            "Use the `date` of events '1995_russia_notice_ussr_dprk_treaty' and '1996_ussr_dprk_treaty_lapse'.",
            "Subtract the earlier date from the later and take `.days`.",
        ],
    ),
)
