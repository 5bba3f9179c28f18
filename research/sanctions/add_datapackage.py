"""Add (or replace, by name) the lesson-05 resources in data/datapackage.json. Quick read-modify-write."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import build_sanctions as B

P = B.DATA / "datapackage.json"
LIC = [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}]
SRC = [{"title": "see the source column and data/sources.csv"}]
ID = "[a-z0-9_]+"
KEYS = {"name": "source", "type": "string", "description": "one or more keys of data/sources.csv, separated by ';'",
        "constraints": {"required": True, "pattern": "[a-z0-9_]+(;[a-z0-9_]+)*"}}
MEAS = "(" + "|".join(B.MEASURES) + ")"
MEAS_DOC = ("controlled measure categories: arms_embargo (conventional arms), wmd_items (nuclear, missile and other WMD-related items and technology), "
            "luxury_goods, designations (asset freeze and travel ban on listed persons and entities), cargo_inspection (cargo inspection, interdiction, "
            "vessel and port measures), financial (financial sanctions and vigilance), panel_of_experts, coal_iron_minerals (coal, iron, iron ore, "
            "lead and other minerals and metals exported by the DPRK), statues, seafood, textiles, overseas_workers (work authorizations and "
            "repatriation of DPRK workers), joint_ventures, aviation_fuel, refined_petroleum_cap, crude_oil_cap, natural_gas_condensates, "
            "diplomatic_restrictions, other_export_bans (other goods the DPRK may not export: food and agricultural products, machinery, "
            "electrical equipment, earth and stone, wood, vessels), other_import_bans (other goods that may not be supplied to the DPRK: "
            "industrial machinery, vehicles, metals, helicopters and vessels)")


def f(name, typ, desc, required=False, **c):
    field = {"name": name, "type": typ, "description": desc}
    cons = dict(c)
    if required:
        cons["required"] = True
    if cons:
        field["constraints"] = cons
    return field


def res(name, path, title, desc, fields, pk, fks=None):
    schema = {"fields": fields, "primaryKey": pk}
    if fks:
        schema["foreignKeys"] = fks
    return {"name": name, "path": path, "title": title, "format": "csv", "encoding": "utf-8", "description": desc,
            "licenses": LIC, "sources": SRC, "schema": schema}


def fk(field, resource, target="id"):
    return {"fields": field, "reference": {"resource": resource, "fields": target}}


QUOTE_KIND = ["resolution_text", "un_summary", "government_summary", "press_report", "secondary_summary"]

resources = [
    res("sanctions_resolutions", "sanctions/resolutions.csv", "UN Security Council sanctions resolutions on the DPRK, 2006-2017",
        "One row per sanctions resolution: adoption, trigger, measure categories (as far as the stored sources describe them), vote tally and the line that states the vote.",
        [f("resolution", "integer", "resolution number", True, minimum=1),
         f("symbol", "string", "UN document symbol, e.g. S/RES/1718 (2006)", True, pattern=r"S/RES/[0-9]+ \([0-9]{4}\)"),
         f("adoption_date", "date", "date of adoption (New York)", True),
         f("meeting", "integer", "Security Council meeting number where a stored source gives it; empty otherwise", minimum=1),
         f("event_id", "string", "the adoption row in events.csv", True, pattern=ID),
         f("trigger_event_ids", "string", "events.csv ids of the test(s) or launch(es) the resolution responds to, separated by ';'; empty when no single trigger (see trigger)", pattern="[a-z0-9_]+(;[a-z0-9_]+)*"),
         f("trigger", "string", "the trigger in the compilers' words", True),
         f("measures", "string", "measure categories with rows in sanctions/measures.csv, separated by ';'. " + MEAS_DOC + ". A category absent here was not found in the sources read, which does not prove the resolution lacks it.", True, pattern=f"{MEAS}(;{MEAS})*"),
         f("votes_for", "integer", "votes in favour", True, minimum=0, maximum=15),
         f("votes_against", "integer", "votes against", True, minimum=0, maximum=15),
         f("abstentions", "integer", "abstentions", True, minimum=0, maximum=15),
         f("unanimous", "boolean", "adopted unanimously", True),
         f("vote_count_basis", "string", "printed: a source prints the count (15 votes / 15-0); unanimous: the source says 'unanimously' and the 15-0-0 count follows from the Council's fifteen members", True, enum=["printed", "unanimous"]),
         f("vote_quote", "string", "verbatim line of the source stating the vote", True),
         KEYS,
         f("note", "string", "caveats")],
        ["resolution"], [fk("event_id", "events")]),
    res("sanctions_measures", "sanctions/measures.csv", "What each DPRK sanctions resolution restricts, quoted",
        "One row per resolution, measure category and quotation. Most quotations are official UN or government summaries; status says whether the resolution's own operative text is quoted.",
        [f("row_id", "string", "resolution_measure_n", True, pattern="[0-9]{4}_[a-z_]+_[0-9]+"),
         f("resolution", "integer", "resolution number (sanctions/resolutions.csv)", True),
         f("measure", "string", MEAS_DOC, True, enum=B.MEASURES),
         f("paragraph", "string", "operative paragraph number where a source names it; empty otherwise", pattern="[0-9]+"),
         f("status", "string", "operative_text: the quote is the resolution's own wording (possibly via a compilation); summary: an official, government or press summary, the operative paragraph not held; text_missing: no quotation held (quote empty)", True, enum=["operative_text", "summary", "text_missing"]),
         f("quote_kind", "string", "what the quote is: resolution_text, un_summary (UN press release, meetings coverage or the 1718 Committee's unofficial descriptions), government_summary (fact sheet or press release of a government), press_report, secondary_summary (law firm, think tank, society)", enum=QUOTE_KIND),
         f("quote", "string", "verbatim excerpt (original language); empty only when status is text_missing"),
         KEYS,
         f("note", "string", "caveats and disagreements")],
        ["row_id"], [fk("resolution", "sanctions_resolutions", "resolution")]),
    res("sanctions_votes", "sanctions/votes.csv", "China's and Russia's votes on DPRK sanctions in the Security Council",
        "One row per decision and member (China, Russia): each sanctions resolution 2006-2017, the 2019 Sino-Russian draft, the 26 May 2022 double veto, the 2023 renewal of the Panel of Experts (China) and the 28 March 2024 veto that ended the panel.",
        [f("vote_id", "string", "decision_member", True, pattern=ID),
         f("decision_id", "string", "res_<number> or draft_<date>", True, pattern=ID),
         f("decision_date", "date", "date of the vote (New York), or of the draft's circulation", True),
         f("decision_type", "string", "resolution_adopted, draft_vetoed, or draft_not_put_to_vote", True, enum=["resolution_adopted", "draft_vetoed", "draft_not_put_to_vote"]),
         f("resolution", "integer", "resolution number when adopted; empty for drafts"),
         f("document", "string", "document symbol or description"),
         f("member", "string", "Council member", True, enum=["China", "Russia"]),
         f("vote", "string", "in_favour, against, abstention, or proposed (sponsor of a draft that was not put to a vote)", True, enum=["in_favour", "against", "abstention", "proposed"]),
         f("veto", "boolean", "a negative vote by this permanent member that defeated the draft", True),
         f("basis", "string", "explicit: the source names the member's vote; unanimous: inferred from a unanimous adoption", True, enum=["explicit", "unanimous"]),
         f("votes_for", "integer", "tally of the decision: in favour (empty if not read or no vote)", minimum=0, maximum=15),
         f("votes_against", "integer", "tally: against", minimum=0, maximum=15),
         f("abstentions", "integer", "tally: abstentions", minimum=0, maximum=15),
         f("measures_affected", "string", "for drafts and renewals: measure categories the text would have lifted or concerned, separated by ';'", pattern=f"{MEAS}(;{MEAS})*"),
         f("event_id", "string", "row in events.csv, if any", pattern=ID),
         KEYS,
         f("quote", "string", "verbatim line supporting the vote", True),
         f("note", "string", "caveats; the member's stated reasons where read")],
        ["vote_id"], [fk("event_id", "events")]),
    res("china_statements", "positions/china_statements.csv", "China's stated position on the Korean Peninsula and on US alliances, 2005-2025",
        "One row per statement (or per reported version of a text), to trace 'denuclearization of the Korean Peninsula' from China's formulas to the 2025 white paper that dropped it, and China's reactions to the US-ROK-Japan arrangements.",
        [f("statement_id", "string", "unique id", True, pattern=ID),
         f("date", "date", "date of the statement; month- or year-precision dates are stored as the first day", True),
         f("date_precision", "string", "precision of date", True, enum=["day", "month", "year"]),
         f("speaker", "string", "person or body", True),
         f("role", "string", "office held", True),
         f("venue", "string", "occasion or document", True),
         f("topic", "string", "peninsula_position (China's position on the nuclear issue and the peninsula) or us_alliances (reactions to US-ROK and US-Japan-ROK arrangements)", True, enum=["peninsula_position", "us_alliances"]),
         f("kind", "string", "official_text: China's own published words; reported_speech: a report (usually Chinese state media) of what was said; reported_text: a later report of a document's wording", True, enum=["official_text", "reported_speech", "reported_text"]),
         f("language", "string", "language of the quote (BCP 47)", True, enum=["en", "zh-Hant", "zh-Hans", "it", "fr", "ko", "ru"]),
         f("mentions_denuclearization", "boolean", "china_wording contains 'denucleari…' (or 無核化/无核化); computed, checked by the tests", True),
         f("china_wording", "string", "the part of quote attributed to China (verbatim substring of quote)", True),
         f("quote", "string", "verbatim excerpt of the source", True),
         f("event_id", "string", "related row in events.csv, if any", pattern=ID),
         KEYS,
         f("note", "string", "caveats and disagreements")],
        ["statement_id"], [fk("event_id", "events")]),
    res("theory_quotes", "theory_quotes.csv", "Verbatim statements of alliance theory used in the lessons",
        "Definitions and findings quoted with page where known; says whether the author's wording was read directly or through a review or publisher's description.",
        [f("quote_id", "string", "unique id", True, pattern=ID),
         f("concept", "string", "concept", True, enum=["quasi_alliance", "abandonment_entrapment"]),
         f("author", "string", "whose words author_wording are", True),
         f("work", "string", "sources.csv key of the work discussed", True, pattern=ID),
         f("page", "string", "page of the work, where given", pattern="[0-9]+(-[0-9]+)?"),
         f("quoted_via", "string", "direct (the work itself was read), review, or publisher_description", True, enum=["direct", "review", "publisher_description"]),
         f("author_wording", "string", "the words attributed to the author (verbatim substring of quote); empty when the source only summarises"),
         f("quote", "string", "verbatim excerpt of the source read", True),
         KEYS,
         f("note", "string", "caveats")],
        ["quote_id"]),
]

d = json.loads(P.read_text(encoding="utf-8"))
names = {r["name"] for r in resources}
d["resources"] = [r for r in d["resources"] if r["name"] not in names] + resources
P.write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
print("resources:", [r["name"] for r in d["resources"]])
