"""Pure treaty-text functions: term comparison, side-by-side HTML, and (lesson 02) clause comparison, search, index."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from alliancelab import treaties
from alliancelab.treaties import STOP_WORDS, side_by_side_html, term_diff, terms


# --- terms / term_diff -------------------------------------------------------------------------------------------


def test_terms_lowercases_strips_punctuation_and_stop_words():
    assert terms("The Treaty, of FRIENDSHIP; and co-operation!") == {"treaty", "friendship", "co-operation"}


def test_terms_keeps_obligation_words():
    assert {"shall", "not", "no"} <= terms("shall not, no")
    assert {"shall", "not", "no"}.isdisjoint(STOP_WORDS)


def test_terms_possessive_and_curly_apostrophe():
    assert terms("People’s Republic") == {"people", "republic"}
    assert terms("people's republic") == {"people", "republic"}


def test_terms_bad_input():
    assert terms(None) == set()
    assert terms(float("nan")) == set()
    assert terms("") == set()
    assert terms("the of and") == set()


def test_term_diff_hand_computed():
    a = "The Contracting Parties shall immediately render military assistance."
    b = "The Parties shall provide military and other assistance without delay."
    d = term_diff(a, b)
    assert d == {
        "shared": ["assistance", "military", "parties", "shall"],
        "only_a": ["contracting", "immediately", "render"],
        "only_b": ["delay", "provide"],
    }


def test_term_diff_sorted_and_keys():
    d = term_diff("zeta alpha beta", "beta gamma")
    assert list(d) == ["shared", "only_a", "only_b"]
    assert d["only_a"] == ["alpha", "zeta"]


def test_term_diff_empty_sides():
    assert term_diff("", "war peace") == {"shared": [], "only_a": [], "only_b": ["peace", "war"]}
    assert term_diff(None, None) == {"shared": [], "only_a": [], "only_b": []}


def test_term_diff_is_symmetric():
    a, b = "armed attack upon either party", "armed aggression against one party"
    d1, d2 = term_diff(a, b), term_diff(b, a)
    assert d1["shared"] == d2["shared"] and d1["only_a"] == d2["only_b"] and d1["only_b"] == d2["only_a"]


# --- side_by_side_html ---------------------------------------------------------------------------------------------


def _marked(html_text: str, cls: str) -> list[str]:
    return re.findall(rf"<mark class='{cls}'[^>]*>([^<]*)</mark>", html_text)


def test_side_by_side_marks_shared_and_new():
    out = side_by_side_html("A", "armed attack on a party", "B", "armed aggression on a party")
    body = out.split("alliancelab-sbs-legend", 1)[1].split("</div>", 1)[1]  # skip the legend
    assert sorted(_marked(body, "alliancelab-shared")) == ["armed", "armed", "party", "party"]
    assert sorted(_marked(body, "alliancelab-new")) == ["aggression", "attack"]


def test_side_by_side_escapes_labels_and_text():
    out = side_by_side_html("<b>L</b>", "x <script>alert(1)</script> & y", "R&D", "\"quoted\" 'text'")
    assert "<script" not in out and "<b>" not in out
    plain = re.sub(r"</?mark[^>]*>", "", out)  # words inside the escaped markup are still marked as terms
    assert "&lt;script&gt;" in plain and "&lt;b&gt;L&lt;/b&gt;" in plain and "R&amp;D" in plain
    assert "&amp; y" in plain and "&quot;quoted&quot;" in plain


def test_side_by_side_legend_names_styles_in_words():
    out = side_by_side_html("A", "war", "B", "war peace")
    legend = out.split("alliancelab-sbs-legend", 1)[1]
    assert "underlined bold" in legend and "highlighted italic" in legend
    assert "text-decoration:underline" in out and "font-style:italic" in out


def test_side_by_side_empty_text_is_a_message():
    out = side_by_side_html("A", "", "B", None)
    assert out.count("(no text)") == 2


def test_side_by_side_keeps_original_case_and_counts():
    out = side_by_side_html("A", "Peace", "B", "peace War")
    assert ">Peace</mark>" in out and ">War</mark>" in out
    assert "1 term(s) only on this side" in out and "0 term(s) only on this side" in out


# --- lesson 02: clause comparison, search, index -------------------------------------------------------------------

from alliancelab import data  # noqa: E402


@pytest.fixture(scope="module")
def tables():
    return data.load_provisions(), data.load_articles(), data.load_treaties()


def test_clause_table_orders_by_signing_and_names_articles(tables):
    prov, arts, tdf = tables
    t = treaties.clause_table("immediacy", prov, arts, tdf)
    assert list(t["treaty_id"]) == ["us_rok_1953", "ussr_dprk_1961", "prc_dprk_1961", "russia_dprk_2000", "dprk_russia_2024"]
    prc = t.set_index("treaty_id").loc["prc_dprk_1961"]
    assert prc["article"] == "II" and prc["excerpt"] in prc["article_text"]


def test_clause_table_unknown_dimension(tables):
    with pytest.raises(KeyError, match="Known"):
        treaties.clause_table("nonsense", *tables)


def test_clause_comparison_html_marks_excerpt_and_missing(tables):
    out = treaties.clause_comparison_html(treaties.clause_table("qualifiers", *tables), "qualifiers")
    assert "Article 51 of the UN Charter" in out
    assert out.count("[Text missing") == 1  # Russia–DPRK 2000 (US–ROK Article III is held complete since issue 13)
    assert "The full text is held and has no such clause" in out  # PRC–DPRK 1961
    assert "<mark class='alliancelab-hit'" in out
    assert treaties.clause_comparison_html(pd.DataFrame(), "means").startswith("<p>No provisions")


def test_highlight_escapes_and_is_case_insensitive():
    out = treaties.highlight("A <b> Immediately; immediately", "IMMEDIATELY")
    assert out.count("<mark") == 2 and "&lt;b&gt;" in out
    assert treaties.highlight("x < y", "") == "x &lt; y"
    assert treaties.highlight(None, "x") == ""


def test_search_counts_and_context(tables):
    _, arts, tdf = tables
    r = treaties.search_texts("Immediately", arts, tdf)
    assert r["counts"] == {"US–ROK 1953": 0, "USSR–DPRK 1961": 1, "PRC–DPRK 1961": 1, "Russia–DPRK 2000": 0, "DPRK–Russia 2024": 3}
    assert sum(r["counts"].values()) == len(r["hits"])
    h = r["hits"][0]
    assert h["match"].lower() == "immediately" and h["before"] and h["after"]


def test_search_first_versions_only(tables):
    _, arts, tdf = tables
    assert treaties.search_texts("without delay", arts, tdf, all_versions=True)["counts"]["DPRK–Russia 2024"] == 2
    assert treaties.search_texts("without delay", arts, tdf, all_versions=False)["counts"]["DPRK–Russia 2024"] == 0


def test_search_regex_characters_are_literal(tables):
    _, arts, tdf = tables
    assert treaties.search_texts("a.l", arts, tdf)["hits"] == []  # '.' is not a wildcard
    assert treaties.search_texts("[…]", arts, tdf)["hits"]  # the literal cut marker is found


def test_search_empty_and_bad_input(tables):
    _, arts, tdf = tables
    for q in ("", "   ", None, 42):
        r = treaties.search_texts(q, arts, tdf)
        assert r["hits"] == [] and set(r["counts"].values()) == {0}
    assert "Type a word" in treaties.search_html(treaties.search_texts("", arts, tdf))


def test_search_html_escapes_markup(tables):
    _, arts, tdf = tables
    out = treaties.search_html(treaties.search_texts("<script>alert(1)</script>", arts, tdf))
    assert "<script>" not in out and "&lt;script&gt;" in out and "No passage" in out
    out = treaties.search_html(treaties.search_texts("state", arts, tdf))
    assert "<mark" in out and "hits</strong>" in out


def test_points_matrix(tables):
    prov, _, tdf = tables
    p = treaties.points_matrix(prov, tdf)
    assert list(p.columns) == list(treaties.INDEX_DIMENSIONS)
    assert p.loc["prc_dprk_1961"].tolist() == [1, 1, 1, 1, 0.5, 1, 1]
    assert p.loc["russia_dprk_2000"].isna().all()
    assert p.loc["dprk_russia_2024", "qualifiers"] == 0.5


def _toy():
    return pd.DataFrame({"x": [1.0, 0.0, 1.0], "y": [0.0, 1.0, float("nan")]}, index=["A", "B", "C"])


def test_commitment_index_hand_computed():
    res = treaties.commitment_index({"x": 3, "y": 1}, _toy())
    assert res.loc["A", "index"] == pytest.approx(75.0)
    assert res.loc["B", "index"] == pytest.approx(25.0)
    assert res.loc["C", "index"] == pytest.approx(100.0) and res.loc["C", "coverage"] == pytest.approx(0.75)
    assert list(res["rank"]) == [2, 3, 1]
    zero = treaties.commitment_index({"x": 3, "y": 1}, _toy(), missing="zero")
    assert zero.loc["C", "index"] == pytest.approx(75.0) and zero.loc["C", "rank"] == 1 and zero.loc["A", "rank"] == 1


def test_commitment_index_coverage_rule_and_bad_input():
    res = treaties.commitment_index({"x": 1, "y": 3}, _toy())
    assert not res.loc["C", "scored"] and pd.isna(res.loc["C", "index"])  # only 25% of the weight has text
    none = treaties.commitment_index({}, _toy())
    assert not none["scored"].any()
    with pytest.raises(ValueError):
        treaties.commitment_index({"x": -1}, _toy())
    with pytest.raises(ValueError):
        treaties.commitment_index({"x": 1}, _toy(), missing="guess")


def test_rank_robustness_toy():
    rob = treaties.rank_robustness(_toy(), levels=(0, 1)).set_index(["a", "b"])
    # weights (1,0): A=100, B=0 ; (0,1): A=0, B=100 ; (1,1): tie -> depends
    assert rob.loc[("A", "B"), "verdict"] == "depends on the weights"
    assert rob.loc[("A", "B"), "n"] == 3
    # C is scored only when x has weight >= half: (1,0) -> C=100=A ; (1,1) -> C=100 > A=50
    assert rob.loc[("A", "C"), "verdict"] == "C never ranks lower"


def test_rank_robustness_course_data(tables):
    prov, _, tdf = tables
    rob = treaties.rank_robustness(treaties.points_matrix(prov, tdf)).set_index(["a", "b"])
    assert rob.loc[("prc_dprk_1961", "dprk_russia_2024"), "verdict"] == "depends on the weights"
    assert rob.loc[("ussr_dprk_1961", "prc_dprk_1961"), "verdict"] == "prc_dprk_1961 never ranks lower"
    assert rob.loc[("prc_dprk_1961", "russia_dprk_2000"), "n"] == 0


# --- lesson 02: what a wording supports, and whether a ranking's lead survives ---------------------------------------


def test_wording_codes_give_every_coded_assistance_row_its_code(tables):
    """The cue phrases reproduce every coded row of provisions.csv on the five assistance dimensions from its text."""
    prov, arts, _ = tables
    text = arts.set_index(["treaty_id", "article", "version"])["text"]
    rows = prov[prov["dimension"].isin(treaties.ASSISTANCE_DIMENSIONS) & (prov["status"] == "coded")]
    assert len(rows) >= 15
    for _, r in rows.iterrows():
        got = treaties.wording_codes(text[(r["treaty_id"], r["article"], r["version"])])[r["dimension"]]
        assert got["code"] == r["code"], (r["treaty_id"], r["dimension"], got)


def test_wording_codes_article4_versions_differ_only_on_the_time_word(tables):
    _, arts, _ = tables
    a4 = arts[(arts["treaty_id"] == "dprk_russia_2024") & (arts["article"] == "4") & (arts["status"] == "complete")]
    codes = {v: {d: c["code"] for d, c in treaties.wording_codes(t).items()} for v, t in zip(a4["version"], a4["text"])}
    assert set(codes) == {"kcna_ko", "yonhap_en", "chosun_en", "interfax_en"}
    assert {v: c["immediacy"] for v, c in codes.items()} == {
        "kcna_ko": "without_delay", "yonhap_en": "without_delay", "chosun_en": "without_delay", "interfax_en": "immediately"}
    rest = {v: {d: c for d, c in cs.items() if d != "immediacy"} for v, cs in codes.items()}
    assert len({tuple(sorted(r.items())) for r in rest.values()}) == 1


def test_wording_codes_precedence_fallbacks_and_bad_input():
    assert treaties.wording_codes("an armed attack ... and thus a state of war")["trigger"] == {"code": "armed_attack_war", "cue": "state of war"}
    assert treaties.wording_codes("in case of a threat")["trigger"]["code"] == "threat"
    empty = treaties.wording_codes("")
    assert empty["trigger"]["code"] is None and empty["defence_obligation"]["code"] is None
    assert (empty["immediacy"]["code"], empty["means"]["code"], empty["qualifiers"]["code"]) == ("none", "unspecified", "none")
    assert treaties.wording_codes(None) == empty and treaties.wording_codes(float("nan")) == empty
    assert treaties.wording_codes("IMMEDIATELY")["immediacy"]["code"] == "immediately"  # case-insensitive


def test_lead_survives_toy():
    toy = _toy()  # see above: A and B trade places; C only scored when x carries at least half the weight
    rob = treaties.rank_robustness(toy)
    r = treaties.lead_survives({"x": 3, "y": 1}, toy, robustness=rob)
    assert r["first"] == ["C"] and r["second"] == ["A"] and r["survives"] is True
    r = treaties.lead_survives({"x": 1, "y": 3}, toy, robustness=rob)
    assert r["first"] == ["B"] and r["second"] == ["A"] and r["survives"] is False
    both = treaties.lead_survives({"x": 1, "y": 1}, toy)  # C=100; A and B tie second at 50, and C never ranks below either
    assert both["first"] == ["C"] and both["second"] == ["A", "B"] and both["survives"] is True
    twins = pd.concat([toy.loc[["A", "B"]], toy.loc[["A"]].rename(index={"A": "D"})])  # D codes exactly like A
    tied = treaties.lead_survives({"x": 3, "y": 1}, twins)
    assert tied["first"] == ["A", "D"] and tied["second"] == [] and tied["survives"] is True  # always tied
    assert treaties.lead_survives({"x": 3}, toy.loc[["A"]])["survives"] is None  # one treaty: nothing to rank
    assert treaties.lead_survives({}, toy)["survives"] is None


def test_lead_survives_course_data(tables):
    prov, _, tdf = tables
    points = treaties.points_matrix(prov, tdf)
    rob = treaties.rank_robustness(points)
    equal = treaties.lead_survives({d: 1 for d in treaties.INDEX_DIMENSIONS}, points, robustness=rob)
    assert equal["first"] == ["prc_dprk_1961"] and set(equal["second"]) == {"ussr_dprk_1961", "dprk_russia_2024"}
    assert equal["survives"] is False
    heavy_qualifiers = treaties.lead_survives({"qualifiers": 3, "consultation": 1, "duration_termination": 1}, points, robustness=rob)
    assert heavy_qualifiers["second"] == ["ussr_dprk_1961"] and heavy_qualifiers["survives"] is True
    tied_first = treaties.lead_survives({"defence_obligation": 1, "means": 1}, points, robustness=rob)
    assert len(tied_first["first"]) > 1 and tied_first["survives"] is False
