"""Keys for notebooks/00_start_here.ipynb.

Lesson 00 shows the four forms of exercise the course uses, once each, on the 1961 treaty: a prediction
(0.P1, before the article explorer), a letter (0.1, read the articles to judge a claim), a number from the data
(0.2, search the texts) and a decide-and-defend answer (0.3, a validated choice plus a justification that a
rubric marks; the rubric is in instructors/00_start_here.md).
"""

from __future__ import annotations

import re

from ..registry import Exercise, register

TREATY = "prc_dprk_1961"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
#: Words that speak of how long the treaty lasts or how it may end (0.3's consistency check).
DURATION_WORDS = ("in force", "until", "amendment", "termination")


def _parts() -> dict[str, str]:
    """The 1961 treaty's parts as the course holds them: article label -> text (the preferred version)."""
    from .. import data

    arts = data.load_articles()
    rows = arts[arts["treaty_id"] == TREATY].sort_values(["article_order", "version_rank"])
    rows = rows.drop_duplicates("article")
    return dict(zip(rows["article"], rows["text"].astype(str)))


def _words_in(article: str) -> int:
    return len(_parts()[article].split())


def _n_parts_mentioning(word: str) -> int:
    return sum(1 for text in _parts().values() if word in text)


def _plain(text: str) -> str:
    """Casefolded, one space between words, straight quotes: how quoted words are compared with the text."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def _article(value) -> str | None:
    """A learner's name for a part of the treaty, as the data label it: 'VII', 'Article 7', 7 -> 'VII'."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return ROMAN[value - 1] if 1 <= value <= len(ROMAN) else None
    if not isinstance(value, str):
        return None
    text = re.sub(r"^(article|art\.?)\s*", "", value.strip(), flags=re.I).strip().rstrip(".")
    if text.isdigit():
        return ROMAN[int(text) - 1] if 1 <= int(text) <= len(ROMAN) else None
    if text.casefold() in ("preamble", "final", "final clauses"):
        return text.casefold().split()[0]
    return text.upper() or None


def _label(article: str) -> str:
    return {"preamble": "the preamble", "final": "the final clauses"}.get(article, f"Article {article}")


def validate_0_3(choice: dict) -> tuple[list[str], str]:
    """0.3: the part exists in the 1961 treaty, the quoted words are in it, and they speak of duration or ending.

    Checks validity and consistency with the text, never the wording of the justification (the rubric marks that).
    """
    parts = _parts()
    problems: list[str] = []
    article = _article(choice.get("article"))
    if article is None or article not in parts:
        given = choice.get("article")
        named = isinstance(given, (str, int)) and not isinstance(given, bool)
        start = f"The 1961 treaty has no part {given!r}." if named else "Give the article as text in quotes."
        problems.append(f"{start} Name one of Articles I–VII, like \"III\", or \"preamble\" or \"final\".")
        return problems, ""
    words = choice.get("words")
    if not isinstance(words, str) or not words.strip():
        problems.append("Put the words you quote under \"words\" as text in quotes, copied from the explorer.")
        return problems, ""
    quoted = _plain(words).strip(" \"'.,;:")
    if len(quoted.split()) < 4:
        problems.append("Quote at least four words in a row, so a reader can find them in the article.")
    elif quoted not in _plain(parts[article]):
        elsewhere = [a for a, text in parts.items() if quoted in _plain(text)]
        where = f" They are in {_label(elsewhere[0])}." if elsewhere else " Copy them exactly from the explorer, not in your own words."
        problems.append(f"These words are not in {_label(article)} as the course holds it.{where}")
    elif not any(w in quoted for w in DURATION_WORDS):
        problems.append(f"The words you quote from {_label(article)} say nothing about how long the treaty lasts or "
                        "how it can end; quote the words that do.")
    summary = f"You quote {_label(article)}: \"{words.strip()}\"."
    return problems, summary


register(
    Exercise(
        id="0.P1",
        kind="prediction",
        answer=lambda: _words_in("II"),
        tolerance=10,
        unit="words",
        explanation="Article II packs two promises into two sentences: to 'adopt all measures to prevent aggression', "
                    "and, if one party is attacked and at war, assistance 'immediately' and 'by all means at its "
                    "disposal'. The chart shows how it compares with the other parts.",
        hints=["Guess the length of the promise of military assistance: one line, a paragraph, or a page?"],
    ),
    Exercise(
        id="0.1",
        kind="choice",
        choices="ABCD",
        answer="B",
        explanation="Article V: the parties 'will continue to render each other every possible economic and "
                    "technical aid in the cause of socialist construction of the two countries'. 'Each other': "
                    "like the promise of assistance, it runs both ways on paper.",
        misconceptions={
            "A": "A goal is a promise of help: Article I says the parties will safeguard 'the peace of Asia and the "
                 "world'; it promises no help of any kind to the other party.",
            "C": "Any 'assistance' is economic help: Article II's 'military and other assistance' is owed only when a "
                 "party is attacked and 'involved in a state of war', so it is a wartime promise.",
            "D": "Consulting is helping: Article IV promises that the parties 'consult with each other' on "
                 "international questions; talking gives the economy nothing.",
        },
        hints=[
            "Pick each article in the explorer and look for words about the economy.",
            "Article II's 'other assistance' is owed only in a war. Look for a promise in peacetime.",
            "The article you want speaks of 'economic and technical aid'; it comes right after the one on consultation.",
        ],
    ),
    Exercise(
        id="0.2",
        kind="number",
        answer=lambda: _n_parts_mentioning("peace"),
        tolerance=0,
        unit="parts of the treaty",
        explanation="Three parts: the preamble, Article I ('the peace of Asia and the world') and Article VI "
                    "('preserving peace in the Far East'). Lesson 02 searches all five treaties of the course this way.",
        hints=[
            "Reuse the example above with another word: change \"aggression\" to \"peace\".",
            "Count parts of the treaty, not how often the word occurs: a part that says 'peace' twice counts once.",
            "treaty_1961[\"text\"].str.contains(\"peace\").sum() counts the rows that contain the word.",
        ],
    ),
    Exercise(
        id="0.3",
        kind="decide",
        answer=None,
        fields=("article", "words"),
        validate=validate_0_3,
        min_words=15,
        explanation="The rubric looks for three things: the words that settle the question, quoted exactly; what they "
                    "mean for one party that wants out; and one limit of your evidence (whose text is this?).",
        hints=[
            "Read Articles I–VII in the explorer and find the one that says how long the treaty stays in force.",
            "Copy several words in a row exactly as the explorer shows them, in quotes, under \"words\".",
            "Article VII's second paragraph begins 'The present Treaty will remain in force until …'.",
        ],
    ),
)
