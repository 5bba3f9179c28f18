"""Evidence cards for lesson 05's role-play, generated from the course data.

    python -m alliancelab.cards --dest build/cards      (or: make cards)

Six delegations (China, North Korea, Russia, South Korea, the United States, Japan) debate one question:
*Should Beijing reaffirm, reinterpret or seek to amend the 1961 treaty after 2024?* Each delegation gets a card of
evidence drawn from the data: treaty articles verbatim, statements, events, votes, trade figures and troop claims,
each with its source keys and the row it comes from. Nothing on a card is typed in by hand: :data:`CARD_SPECS` names
rows, and :func:`delegation_cards` reads them, so the cards stay in step with the data. Where a card quotes part of a
longer field (a sentence of an event's note), the excerpt is checked against the data when the card is built, and a
unit test (``tests/unit/test_sanctions_module.py``) checks every quote and every source key again.

The cards are written as Markdown and as print-ready HTML (one card per printed page), with an index of all six.
"""

from __future__ import annotations

import argparse
import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import data

__all__ = ["QUESTION", "OPTIONS", "DELEGATIONS", "CARD_SPECS", "EvidenceItem", "delegation_cards", "card_markdown",
           "card_html", "write_cards", "main"]

QUESTION = "Should Beijing reaffirm, reinterpret or seek to amend the 1961 treaty after 2024?"
OPTIONS = (
    ("Reaffirm", "keep Article II as it stands and say so in public"),
    ("Reinterpret", "keep the text but state how China reads it (for example, what 'immediately' or 'all means' commit "
                    "China to)"),
    ("Seek to amend", "propose a change to the text, which under Article VII needs North Korea's agreement"),
)
DELEGATIONS = ("China", "North Korea", "Russia", "South Korea", "United States", "Japan")

#: What each delegation is asked to do (role instructions: no facts, only the task).
BRIEFS = {
    "China": "You speak for Beijing and you decide. Hear the others, then choose one of the three options and give "
             "the reason you would put to the Politburo. Say which risk, abandonment or entrapment, your choice "
             "accepts.",
    "North Korea": "You speak for Pyongyang. Argue for the option you prefer for Beijing, and say what you would do "
                   "if Beijing chose another. Use at least one treaty text and one statement.",
    "Russia": "You speak for Moscow. Your own treaty with Pyongyang is in force. Argue what Beijing should do with "
              "its treaty, from Moscow's interest. Use your Article 4 and one statement.",
    "South Korea": "You speak for Seoul. Your alliance treaty says 'constitutional processes'; Beijing's says "
                   "'immediately'. Argue which option for Beijing serves Seoul, and what Seoul would offer or fear.",
    "United States": "You speak for Washington. Argue which option for Beijing serves the United States and its two "
                     "allies, and what Washington would do in answer to each.",
    "Japan": "You speak for Tokyo. Use Cha's quasi-alliance model (through the reviews quoted) to argue what Beijing's "
             "choice would do to Japan–South Korea cooperation, and which option Tokyo prefers.",
}

#: The rows behind each card. Each spec is (kind, reference, excerpt or None[, source key]):
#: article: (treaty_id, article, version); event/statement/vote/troops/theory: the row id, and an excerpt of the
#: row's note when the card quotes one sentence of a note (None: the row's own quote); share: (year, series) of
#: trade/dprk_total_trade.csv's preferred share; trade: (year, series) of trade/china_dprk_trade.csv's preferred
#: row; russia_trade: (year, series) of trade/russia_dprk_trade.csv's preferred row. A fourth element names the source
#: of a note excerpt when the note credits it to another source than the row's (the key must appear in the note).
CARD_SPECS: dict[str, list[tuple]] = {
    "China": [
        ("article", ("prc_dprk_1961", "II", "peking_review"), None),
        ("article", ("prc_dprk_1961", "VII", "peking_review"), None),
        ("statement", "2024_03_28_geng_shuang_eov", None),
        ("statement", "2025_11_27_arms_control_white_paper", None),
        ("event", "2024_11_01_china_their_own_matter", None),
        ("event", "2025_07_09_china_embassy_treaty_64th", None),
        ("event", "2025_09_04_xi_kim_talks_beijing", None),
        ("share", (2024, "kotra"), None),
        ("trade", (2025, "customs"), None),
    ],
    "North Korea": [
        ("article", ("prc_dprk_1961", "II", "peking_review"), None),
        ("article", ("dprk_russia_2024", "4", "kcna_ko"), None),
        ("article", ("dprk_russia_2024", "4", "yonhap_en"), None),
        ("event", "2024_06_19_kim_calls_ties_alliance", None),
        ("event", "2025_04_28_dprk_acknowledges_troops", None),
        ("event", "2025_11_01_dprk_denuclearization_pipedream", None),
        ("share", (2024, "kotra"), None),
        ("troops", "058", None),
    ],
    "Russia": [
        ("article", ("dprk_russia_2024", "4", "interfax_en"), None),
        ("event", "2024_10_24_putin_our_business", None),
        ("event", "2024_11_04_russia_unsc_article4", None),
        ("event", "2024_09_26_lavrov_denuclearisation_closed", None),
        ("vote", "draft_2019_12_16_russia", None),
        ("vote", "draft_2024_03_28_russia", None),
        ("event", "2025_04_26_gerasimov_acknowledges", None),
        ("troops", "050", None),
        ("russia_trade", (2023, "russian_official"), None),
    ],
    "South Korea": [
        ("article", ("us_rok_1953", "III", "gasengi"), None),
        ("event", "2023_04_26_washington_declaration",
         "The ROK has full confidence in U.S. extended deterrence commitments and recognizes the importance, necessity, "
         "and benefit of its enduring reliance on the U.S. nuclear deterrent.",
         "rok_president_2023_04_27_washington_declaration"),
        ("event", "2025_11_01_xi_lee_gyeongju_summit", None),
        ("event", "2026_01_05_xi_lee_beijing_summit", None),
        ("event", "2026_01_05_xi_lee_beijing_summit",
         "China is a very important cooperative partner in moving toward peace and unification on the Korean Peninsula",
         "cna_2026_01_05_lee_xi"),
        ("event", "2024_10_16_msmt_launched", None),
        ("troops", "047", None),
    ],
    "United States": [
        ("article", ("us_rok_1953", "III", "gasengi"), None),
        ("event", "2023_07_18_ncg_first_meeting", None),
        ("event", "2023_08_18_camp_david_summit",
         "We, the leaders of Japan, the Republic of Korea, and the United States, commit our governments to consult "
         "trilaterally with each other, in an expeditious manner, to coordinate our responses to regional challenges, "
         "provocations, and threats affecting our collective interests and security.",
         "us_embassy_seoul_2023_08_19_commitment_to_consult"),
        ("vote", "draft_2022_05_26_china", None),
        ("event", "2024_03_28_russia_vetoes_panel_of_experts", None),
        ("event", "2025_05_29_msmt_first_report", None),
        ("troops", "012", None),
    ],
    "Japan": [
        ("theory", "cha_1999_quasi_alliance_p3", None),
        ("theory", "cha_1999_hypothesis_blurb", None),
        ("event", "1960_us_japan_security_treaty_signed", None),
        ("statement", "2023_08_18_wang_wenbin_camp_david", None),
        ("statement", "2023_08_21_wang_wenbin_camp_david", None),
        ("event", "2024_09_26_lavrov_denuclearisation_closed", None),
        ("event", "2025_10_22_msmt_second_report", None),
    ],
}

_FILES = {
    "article": "treaties/articles.csv", "event": "events.csv", "statement": "positions/china_statements.csv",
    "vote": "sanctions/votes.csv", "troops": "troops.csv", "theory": "theory_quotes.csv",
    "share": "trade/dprk_total_trade.csv", "trade": "trade/china_dprk_trade.csv",
    "russia_trade": "trade/russia_dprk_trade.csv",
}
_KIND_LABELS = {"article": "Treaty text", "event": "Event", "statement": "China's words", "vote": "Security Council vote",
                "troops": "Troop claim", "theory": "Theory (through a review)", "share": "Trade share",
                "trade": "Trade", "russia_trade": "Trade"}


@dataclass(frozen=True)
class EvidenceItem:
    """One line of a card: what it is, the verbatim quote, the source keys, and where in the data it comes from."""

    kind: str  # a key of _KIND_LABELS
    heading: str  # a short label built from the row (date, article, claimant, ...)
    quote: str  # verbatim: the row's quote or text, or an excerpt of its note
    source: str  # source keys, ';'-separated, as in the row
    file: str  # data file, relative to data/
    row: str  # the row's id (or a description of the row for composite keys)
    field: str  # the column the quote is taken from
    figure: str = ""  # a number from the row, as stored (trade, shares, troop claims)
    wording: str = ""  # for treaty texts: whose wording (the row's translation note)


def _date(value, precision: str = "day") -> str:
    d = pd.Timestamp(value)
    return {"year": f"{d.year}", "month": f"{d:%B %Y}"}.get(str(precision), f"{d.day} {d:%B %Y}")


def _excerpt_or_field(row, excerpt: str | None, where: str) -> tuple[str, str]:
    if excerpt is None:
        return str(row["quote"]), "quote"
    note = str(row["note"]) if isinstance(row["note"], str) else ""
    if excerpt not in note:
        raise ValueError(f"{where}: the excerpt is no longer in the row's note; update alliancelab.cards.CARD_SPECS")
    return excerpt, "note"


def _item(kind: str, ref, excerpt: str | None, source: str | None = None) -> EvidenceItem:
    if kind == "article":
        treaty, article, version = ref
        a = data.load_articles()
        row = a[(a["treaty_id"] == treaty) & (a["article"] == article) & (a["version"] == version)].iloc[0]
        names = data.load_treaties().set_index("treaty_id")
        title = names.loc[treaty, "short_name"] if "short_name" in names else treaty
        status = " (partial: the source breaks off)" if str(row["status"]) == "partial" else ""
        return EvidenceItem(kind, f"{title}, Article {article}{status}", str(row["text"]), str(row["source"]), _FILES[kind],
                            f"{treaty} / {article} / {version}", "text", wording=str(row["translation_note"]))
    if kind == "event":
        e = data.load_events().set_index("id")
        row = e.loc[ref]
        quote, field = _excerpt_or_field(row, excerpt, ref)
        head = f"{_date(row['date'], row['date_precision'])}: {row['description']}"
        if field == "note":
            head += " (a sentence quoted in the row's note)"
            if source is not None and source not in str(row["note"]) and source not in str(row["source"]).split(";"):
                raise ValueError(f"{ref}: source {source!r} is neither in the row's note nor among its sources")
        return EvidenceItem(kind, head, quote, source or str(row["source"]), _FILES[kind], ref, field)
    if kind == "statement":
        s = data.load("china_statements").set_index("statement_id")
        row = s.loc[ref]
        head = f"{_date(row['date'], row['date_precision'])}: {row['speaker']} ({row['role']}), {row['venue']}"
        return EvidenceItem(kind, head, str(row["quote"]), str(row["source"]), _FILES[kind], ref, "quote")
    if kind == "vote":
        v = data.load("sanctions_votes").set_index("vote_id")
        row = v.loc[ref]
        tally = "" if pd.isna(row["votes_for"]) else f", {int(row['votes_for'])}–{int(row['votes_against'])}–{int(row['abstentions'])}"
        head = (f"{_date(row['decision_date'])}: {row['member']} {str(row['vote']).replace('_', ' ')} "
                f"({str(row['decision_type']).replace('_', ' ')}{tally})")
        return EvidenceItem(kind, head, str(row["quote"]), str(row["source"]), _FILES[kind], ref, "quote")
    if kind == "troops":
        t = data.load_troops().set_index("row_id")
        row = t.loc[ref]
        low = "" if pd.isna(row["low"]) else f"{int(row['low']):,}"
        high = "" if pd.isna(row["high"]) else f"{int(row['high']):,}"
        figure = low if low == high else (f"{low}–{high}" if low and high else (f"at least {low}" if low else f"up to {high}"))
        head = (f"{_date(row['date_reported'], row['date_precision'])}: {row['claimant']}, "
                f"{str(row['measure']).replace('_', ' ')} (a claim, not a count)")
        return EvidenceItem(kind, head, str(row["quote"]), str(row["source"]), _FILES[kind], ref, "quote", figure)
    if kind == "theory":
        q = data.load("theory_quotes").set_index("quote_id")
        row = q.loc[ref]
        page = f", p. {row['page']}" if isinstance(row["page"], str) and row["page"] else ""
        head = f"{row['author']} on {row['concept'].replace('_', ' ')}{page}, quoted via {str(row['quoted_via']).replace('_', ' ')}"
        return EvidenceItem(kind, head, str(row["quote"]), str(row["source"]), _FILES[kind], ref, "quote")
    if kind == "share":
        year, series = ref
        d = data.load_dprk_total_trade()
        row = d[(d["year"] == year) & (d["series"].astype(str) == series) & d["preferred_share"]].iloc[0]
        head = f"China's share of North Korea's trade, {year} ({series.upper()} as reported)"
        return EvidenceItem(kind, head, str(row["quote"]), str(row["source"]), _FILES[kind],
                            f"{year} / {series} / preferred_share", "quote", f"{row['china_share_pct_reported']}%")
    if kind in ("trade", "russia_trade"):
        year, series = ref
        t = data.load_china_dprk_trade() if kind == "trade" else data.load_russia_dprk_trade()
        row = t[(t["year"] == year) & (t["series"].astype(str) == series) & t["preferred"]].iloc[0]
        who = "China–North Korea" if kind == "trade" else "Russia–North Korea"
        head = f"{who} trade, {year} ({series.replace('_', ' ')})"
        return EvidenceItem(kind, head, str(row["quote"]), str(row["source"]), _FILES[kind],
                            f"{year} / {series} / preferred", "quote", f"US${row['total_usd_million']:,} million")
    raise ValueError(f"unknown evidence kind {kind!r}")


def delegation_cards(specs: dict[str, list[tuple]] | None = None) -> dict[str, list[EvidenceItem]]:
    """Every delegation's evidence, read from the data now."""
    specs = CARD_SPECS if specs is None else specs
    return {d: [_item(*spec) for spec in specs[d]] for d in DELEGATIONS}


def card_markdown(delegation: str, items: list[EvidenceItem]) -> str:
    lines = [f"# Delegation: {delegation}", "", f"**The question.** {QUESTION}", ""]
    lines += [f"- **{name}**: {what}." for name, what in OPTIONS]
    lines += ["", f"**Your task.** {BRIEFS[delegation]}", "",
              "Everything below is copied from the course data; quote it exactly, with its source key. Claims are "
              "claims: name the claimant.", ""]
    for i, it in enumerate(items, 1):
        lines.append(f"## {i}. {_KIND_LABELS[it.kind]}: {it.heading}")
        lines.append("")
        if it.figure:
            lines.append(f"**Figure:** {it.figure}")
            lines.append("")
        if it.wording:
            lines.append(f"*Wording:* {it.wording}")
            lines.append("")
        lines.append("> " + it.quote.replace("\n\n", "\n>\n> "))
        lines.append("")
        lines.append(f"Source: `{it.source}` · data: `data/{it.file}`, row `{it.row}`, column `{it.field}`")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_CSS = ("body{font-family:Arial,Helvetica,sans-serif;color:#111;max-width:48em;margin:1.5em auto;line-height:1.4}"
        "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.05em;margin:1em 0 .2em}"
        "blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:4px solid #0072B2}"
        ".src{font-size:.85em;color:#333}.card{page-break-after:always;break-after:page}"
        "@media print{body{margin:0;max-width:none}a{color:#111}}")


def card_html(delegation: str, items: list[EvidenceItem], standalone: bool = True) -> str:
    parts = [f"<section class='card' lang='en'><h1>Delegation: {html.escape(delegation)}</h1>",
             f"<p><strong>The question.</strong> {html.escape(QUESTION)}</p><ul>"]
    parts += [f"<li><strong>{html.escape(n)}</strong>: {html.escape(w)}.</li>" for n, w in OPTIONS]
    parts.append(f"</ul><p><strong>Your task.</strong> {html.escape(BRIEFS[delegation])}</p>"
                 "<p>Everything below is copied from the course data; quote it exactly, with its source key. Claims "
                 "are claims: name the claimant.</p>")
    for i, it in enumerate(items, 1):
        fig = f"<p><strong>Figure:</strong> {html.escape(it.figure)}</p>" if it.figure else ""
        if it.wording:
            fig += f"<p class='src'><em>Wording:</em> {html.escape(it.wording)}</p>"
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in it.quote.split("\n\n"))
        parts.append(f"<h2>{i}. {html.escape(_KIND_LABELS[it.kind])}: {html.escape(it.heading)}</h2>{fig}"
                     f"<blockquote>{paras}</blockquote><p class='src'>Source: <code>{html.escape(it.source)}</code> · "
                     f"data: <code>data/{html.escape(it.file)}</code>, row <code>{html.escape(it.row)}</code>, column "
                     f"<code>{html.escape(it.field)}</code></p>")
    parts.append("</section>")
    body = "".join(parts)
    if not standalone:
        return body
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Evidence card: {html.escape(delegation)}"
            f"</title><style>{_CSS}</style></head><body>{body}</body></html>\n")


def _slug(name: str) -> str:
    return name.lower().replace(" ", "_")


def write_cards(dest: Path | str = "build/cards") -> list[Path]:
    """Write one Markdown and one HTML card per delegation, and an index (all six, one per printed page)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    cards = delegation_cards()
    written = []
    for name, items in cards.items():
        for suffix, text in ((".md", card_markdown(name, items)), (".html", card_html(name, items))):
            path = dest / f"{_slug(name)}{suffix}"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    index_md = "\n\n".join(card_markdown(n, i) for n, i in cards.items())
    (dest / "all_cards.md").write_text(index_md, encoding="utf-8")
    index_html = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Role-play evidence cards</title>"
                  f"<style>{_CSS}</style></head><body>"
                  + "".join(card_html(n, i, standalone=False) for n, i in cards.items()) + "</body></html>\n")
    (dest / "all_cards.html").write_text(index_html, encoding="utf-8")
    return written + [dest / "all_cards.md", dest / "all_cards.html"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliancelab.cards", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dest", default="build/cards", help="folder to write the cards to (default build/cards)")
    args = parser.parse_args(argv)
    paths = write_cards(args.dest)
    print(f"wrote {len(paths)} files to {args.dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
