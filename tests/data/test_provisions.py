"""treaties/provisions.csv: schema, completeness, verbatim excerpts, honest status, controlled codes."""

from __future__ import annotations

import re

import frictionless
import pandas as pd
import pytest

from alliancelab import data as ald
from alliancelab.treaties import DIMENSIONS, PROVISION_VOCAB
from tests.helpers import DATA

NONE_CODES = {"none", "no"}


@pytest.fixture(scope="module")
def prov() -> pd.DataFrame:
    return ald.load_provisions()


@pytest.fixture(scope="module")
def arts() -> pd.DataFrame:
    return ald.load_articles()


def _article(arts, treaty, article, version):
    rows = arts[(arts.treaty_id == treaty) & (arts.article == article) & (arts.version == version)]
    assert len(rows) == 1, f"{treaty} {article} {version}: no such article row in articles.csv"
    return rows.iloc[0]


def test_frictionless_validates_provisions_resource():
    package = frictionless.Package(str(DATA / "datapackage.json"))
    report = package.get_resource("provisions").validate()
    errors = [e.message for t in report.tasks for e in t.errors] + [e.message for e in report.errors]
    assert report.valid, "\n".join(errors[:20])


def test_every_treaty_dimension_exactly_once(prov):
    treaties = list(ald.load_treaties()["treaty_id"])
    assert len(treaties) == 5
    counts = prov.groupby(["treaty_id", "dimension"], observed=True).size()
    expected = pd.MultiIndex.from_product([treaties, DIMENSIONS])
    missing = [k for k in expected if k not in counts.index]
    assert not missing, f"missing (treaty, dimension): {missing}"
    assert (counts == 1).all(), counts[counts != 1]
    assert len(prov) == len(treaties) * len(DIMENSIONS)


def test_vocabulary_matches_datapackage_and_readme():
    field = next(f for f in ald._resource("provisions")["schema"]["fields"] if f["name"] == "code")
    assert set(field["constraints"]["enum"]) == {c for v in PROVISION_VOCAB.values() for c in v}
    assert tuple(PROVISION_VOCAB) == DIMENSIONS
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `treaties/provisions.csv`", 1)[1].split("\n## ", 1)[0]
    for dim, codes in PROVISION_VOCAB.items():
        line = next((ln for ln in section.splitlines() if f"`{dim}`" in ln), "")
        assert line, f"README provisions section does not document {dim}"
        for code in codes:
            assert f"`{code}`" in line, f"README does not list code {code} for {dim}"


def test_codes_within_vocabulary(prov):
    for _, r in prov.iterrows():
        if r.status == "text_missing":
            assert pd.isna(r.code), f"{r.treaty_id}/{r.dimension}: text_missing rows must leave code empty"
        else:
            assert r.code in PROVISION_VOCAB[r.dimension], f"{r.treaty_id}/{r.dimension}: {r.code!r} not in vocabulary"
        if r.status == "not_present":
            assert r.code in NONE_CODES, f"{r.treaty_id}/{r.dimension}: not_present must use the none/no code"


def test_coded_excerpts_are_verbatim_and_short(prov, arts):
    for _, r in prov[prov.status == "coded"].iterrows():
        assert isinstance(r.excerpt, str) and r.excerpt.strip(), f"{r.treaty_id}/{r.dimension}: coded row without excerpt"
        art = _article(arts, r.treaty_id, r.article, r.version)
        assert art.status in ("complete", "partial")
        assert r.excerpt in art.text, f"{r.treaty_id}/{r.dimension}: excerpt not verbatim in Article {r.article} ({r.version})"
        assert len(r.excerpt) <= 200, f"{r.treaty_id}/{r.dimension}: excerpt longer than 200 characters"
        assert "[…]" not in r.excerpt


def test_source_is_the_article_rows_source(prov, arts):
    treaties = ald.load_treaties().set_index("treaty_id")
    for _, r in prov.iterrows():
        if isinstance(r.article, str) and r.article:
            assert r.source == _article(arts, r.treaty_id, r.article, r.version).source
        else:
            assert r.source == treaties.loc[r.treaty_id, "source"]


def test_not_present_rows_have_complete_text(prov, arts):
    rows = prov[prov.status == "not_present"]
    assert len(rows) >= 1
    for _, r in rows.iterrows():
        assert pd.isna(r.excerpt)
        held = arts[(arts.treaty_id == r.treaty_id) & (arts.version_rank == 1)]
        assert (held.status == "complete").all(), f"{r.treaty_id}: not_present needs the full text held"
        if isinstance(r.article, str) and r.article:
            assert _article(arts, r.treaty_id, r.article, r.version).status == "complete"


def test_text_missing_rows_point_at_missing_text(prov, arts):
    rows = prov[prov.status == "text_missing"]
    for _, r in rows.iterrows():
        assert pd.isna(r.excerpt)
        assert isinstance(r.note, str) and len(r.note) > 20, f"{r.treaty_id}/{r.dimension}: say what is missing"
        if isinstance(r.article, str) and r.article:
            art = _article(arts, r.treaty_id, r.article, r.version)
            assert art.status in ("missing", "partial"), f"{r.treaty_id}/{r.dimension}: Article {r.article} is complete"
        else:
            treaty_rows = arts[arts.treaty_id == r.treaty_id]
            assert (treaty_rows.status != "complete").any(), f"{r.treaty_id}: text is complete, so code it"


def test_notes_mention_atop_where_datasets_cover_the_treaty(prov):
    covered = {"prc_dprk_1961", "ussr_dprk_1961", "us_rok_1953", "russia_dprk_2000"}
    for treaty in covered:
        notes = " ".join(prov[prov.treaty_id == treaty].note.dropna())
        assert "ATOP" in notes
    # the teaching cases: consultation coded differently from ATOP's consul, and the aid split
    prc = prov[(prov.treaty_id == "prc_dprk_1961")].set_index("dimension")
    assert prc.loc["consultation", "code"] == "general" and "consul=0" in prc.loc["consultation", "note"]
    assert "ecaid" in prc.loc["aid", "note"]


def test_known_codings(prov):
    """Hand-read from articles.csv: a few cells that the lesson relies on."""
    c = prov.set_index(["treaty_id", "dimension"])
    assert c.loc[("prc_dprk_1961", "immediacy"), "code"] == "immediately"
    assert c.loc[("prc_dprk_1961", "duration_termination"), "article"] == "VII"
    assert c.loc[("dprk_russia_2024", "immediacy"), "code"] == "without_delay"
    assert c.loc[("dprk_russia_2024", "qualifiers"), "code"] == "un_charter_art51_and_laws"
    assert c.loc[("us_rok_1953", "qualifiers"), "code"] == "constitutional_processes"  # Article III, held complete since issue 13
    assert (prov[prov.treaty_id == "russia_dprk_2000"].status == "text_missing").all()
    assert re.search(r"immediately", c.loc[("dprk_russia_2024", "immediacy"), "note"])
