"""Keys for notebooks/00_start_here.ipynb."""

from ..registry import Exercise, register


def _n_numbered_articles() -> int:
    from .. import data

    arts = data.load_articles()
    rows = arts[(arts["treaty_id"] == "prc_dprk_1961") & ~arts["article"].isin(["preamble", "final"])]
    return int(rows["article"].nunique())


register(
    Exercise(
        id="0.1",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="Article II holds the promise: the other party 'shall immediately render military and other assistance by all means at its disposal'.",
        hints=[
            "Look for the article that talks about an armed attack and a state of war.",
            "Pick the Article dropdown values one by one in the explorer above; the promise of assistance comes straight after the article on keeping the peace.",
            "It is the second article.",
        ],
    ),
    Exercise(
        id="0.2",
        kind="number",
        answer=_n_numbered_articles,
        tolerance=0,
        explanation="The 1961 treaty has seven numbered articles (I–VII), plus a preamble and the final clauses.",
        hints=[
            "Count only the numbered articles: leave out the preamble and the final clauses.",
            "Filter the table to rows whose 'article' is neither 'preamble' nor 'final', then count them with len(...).",
        ],
    ),
    Exercise(
        id="0.3",
        kind="year",
        answer=1961,
        explanation="It was signed in Peking on 11 July 1961 — five days after North Korea signed a similar treaty with the Soviet Union.",
        hints=[
            "The year is in the treaty's final clause: 'Done in duplicate in Peking on the eleventh day of July, …'.",
            "'nineteen sixty-one' — type it as a number, without quotes.",
        ],
    ),
)
