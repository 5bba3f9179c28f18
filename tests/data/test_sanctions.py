"""Sanctions, Security Council votes, China's stated position and theory quotes (lesson 05 data; see data/README.md)."""

from __future__ import annotations

import csv
import datetime as dt
import re

import frictionless
import pytest

from alliancelab import data as ald
from tests.helpers import DATA

NEW = ["sanctions_resolutions", "sanctions_measures", "sanctions_votes", "china_statements", "theory_quotes"]
PATHS = {"sanctions_resolutions": "sanctions/resolutions.csv", "sanctions_measures": "sanctions/measures.csv",
         "sanctions_votes": "sanctions/votes.csv", "china_statements": "positions/china_statements.csv",
         "theory_quotes": "theory_quotes.csv"}
# Resolutions with no single trigger event (the note says why).
NO_SINGLE_TRIGGER = {2356}
DENUC = re.compile(r"denuclear|無核化|无核化", re.I)


def raw(rel):
    with (DATA / rel).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def events():
    return {r["id"]: r for r in raw("events.csv")}


@pytest.fixture(scope="module")
def resolutions():
    return {int(r["resolution"]): r for r in raw(PATHS["sanctions_resolutions"])}


# ---------------------------------------------------------------- schema and provenance

def test_new_resources_are_described_and_validate():
    names = {r["name"]: r["path"] for r in ald.descriptor()["resources"]}
    assert {n: names.get(n) for n in NEW} == PATHS
    report = frictionless.validate(str(DATA / "datapackage.json"))
    errors = [f"{t.name}: {e.message}" for t in report.tasks if t.name in NEW for e in t.errors]
    assert errors == []


@pytest.mark.parametrize("name", NEW)
def test_loads_with_declared_columns(name):
    frame = ald.load(name)
    assert len(frame) > 0
    assert list(frame.columns) == [f["name"] for f in ald._resource(name)["schema"]["fields"]]


@pytest.mark.parametrize("name", NEW)
def test_every_source_key_exists(name):
    known = ald.source_keys()
    keys = {k for r in raw(PATHS[name]) for k in r["source"].split(";")}
    assert keys and keys <= known, sorted(keys - known)


@pytest.mark.parametrize("name", NEW)
def test_dates_are_iso(name):
    for r in raw(PATHS[name]):
        for col, value in r.items():
            if col.endswith("date") or col == "date":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (name, col, value)
                d = dt.date.fromisoformat(value)
                if r.get("date_precision") in ("month", "year"):
                    assert d.day == 1 and (r["date_precision"] == "month" or d.month == 1), r


def test_quotes_are_non_empty():
    for r in raw(PATHS["sanctions_resolutions"]):
        assert r["vote_quote"].strip(), r["resolution"]
    for r in raw(PATHS["sanctions_measures"]):
        assert bool(r["quote"].strip()) == (r["status"] != "text_missing"), r["row_id"]
    for name in ("sanctions_votes", "china_statements", "theory_quotes"):
        for r in raw(PATHS[name]):
            assert r["quote"].strip(), (name, r)


def test_attributed_wording_is_inside_the_quote():
    for r in raw(PATHS["china_statements"]):
        assert r["china_wording"] and r["china_wording"] in r["quote"], r["statement_id"]
    for r in raw(PATHS["theory_quotes"]):
        assert r["author_wording"] in r["quote"], r["quote_id"]


def test_mentions_denuclearization_is_computed_from_the_wording():
    for r in raw(PATHS["china_statements"]):
        assert (r["mentions_denuclearization"] == "true") == bool(DENUC.search(r["china_wording"])), r["statement_id"]


# ---------------------------------------------------------------- resolutions and measures

def test_vote_counts_sum_to_fifteen(resolutions):
    for num, r in resolutions.items():
        counts = [int(r[c]) for c in ("votes_for", "votes_against", "abstentions")]
        assert sum(counts) == 15, num
        assert (r["unanimous"] == "true") == (counts == [15, 0, 0]), num
    for r in raw(PATHS["sanctions_votes"]):
        counts = [r[c] for c in ("votes_for", "votes_against", "abstentions")]
        if all(counts):
            assert sum(map(int, counts)) == 15, r["vote_id"]
        else:
            assert not any(counts), ("partial tally", r["vote_id"])


def test_adoption_and_trigger_events_exist_and_come_first(resolutions, events):
    for num, r in resolutions.items():
        adopted = events[r["event_id"]]
        assert adopted["date"] == r["adoption_date"] and adopted["category"] == "sanctions", num
        triggers = [t for t in r["trigger_event_ids"].split(";") if t]
        if num in NO_SINGLE_TRIGGER:
            assert not triggers and "no single trigger" in r["trigger"], num
            continue
        assert triggers, num
        for t in triggers:
            assert t in events, (num, t)
            assert not events[t]["variant_of"], ("trigger must be a main row", num, t)
            assert events[t]["date"] <= r["adoption_date"], (num, t)


def test_the_ten_resolutions_2006_2017():
    nums = sorted(int(r["resolution"]) for r in raw(PATHS["sanctions_resolutions"]))
    assert nums == [1718, 1874, 2087, 2094, 2270, 2321, 2356, 2371, 2375, 2397]


def test_measures_match_the_resolution_lists(resolutions):
    rows = raw(PATHS["sanctions_measures"])
    for num, r in resolutions.items():
        assert set(r["measures"].split(";")) == {m["measure"] for m in rows if int(m["resolution"]) == num}, num
    assert {int(m["resolution"]) for m in rows} <= set(resolutions)


def test_measure_status_matches_quote_kind():
    for m in raw(PATHS["sanctions_measures"]):
        assert (m["status"] == "operative_text") == (m["quote_kind"] == "resolution_text"), m["row_id"]
        assert re.fullmatch(rf"{m['resolution']}_{m['measure']}_\d+", m["row_id"]), m["row_id"]


def test_disagreement_rows_are_labelled():
    rows = [m for m in raw(PATHS["sanctions_measures"]) if m["resolution"] == "2397" and m["measure"] == "overseas_workers"]
    assert len(rows) == 2 and all("DISAGREEMENT" in m["note"] for m in rows)
    assert {"12 months" in m["quote"] for m in rows} == {True, False}


# ---------------------------------------------------------------- votes

def test_votes_agree_with_resolutions(resolutions, events):
    votes = raw(PATHS["sanctions_votes"])
    for num, r in resolutions.items():
        rows = [v for v in votes if v["decision_id"] == f"res_{num}"]
        assert {v["member"] for v in rows} == {"China", "Russia"}, num
        for v in rows:
            assert v["vote"] == "in_favour" and v["decision_date"] == r["adoption_date"], v["vote_id"]
            assert [v["votes_for"], v["votes_against"], v["abstentions"]] == [r["votes_for"], r["votes_against"], r["abstentions"]]
    for v in votes:
        assert (v["veto"] == "true") == (v["decision_type"] == "draft_vetoed" and v["vote"] == "against"), v["vote_id"]
        assert (v["vote"] == "proposed") == (v["decision_type"] == "draft_not_put_to_vote"), v["vote_id"]
        if v["basis"] == "unanimous":
            assert v["decision_type"] == "resolution_adopted" and resolutions[int(v["resolution"])]["unanimous"] == "true"
        if v["event_id"]:
            assert events[v["event_id"]]["date"] == v["decision_date"], v["vote_id"]


def test_the_vetoes_and_the_panel():
    votes = {v["vote_id"]: v for v in raw(PATHS["sanctions_votes"])}
    assert votes["draft_2022_05_26_china"]["veto"] == votes["draft_2022_05_26_russia"]["veto"] == "true"
    assert (votes["draft_2024_03_28_russia"]["vote"], votes["draft_2024_03_28_china"]["vote"]) == ("against", "abstention")
    assert [votes["draft_2024_03_28_russia"][c] for c in ("votes_for", "votes_against", "abstentions")] == ["13", "1", "1"]


def test_the_2019_draft_would_have_lifted_measures_that_exist():
    imposed = {m["measure"] for m in raw(PATHS["sanctions_measures"])}
    for v in raw(PATHS["sanctions_votes"]):
        wanted = {m for m in v["measures_affected"].split(";") if m}
        assert wanted <= imposed, (v["vote_id"], wanted - imposed)


def test_statement_and_vote_events_exist(events):
    for name in ("sanctions_votes", "china_statements"):
        for r in raw(PATHS[name]):
            if r["event_id"]:
                assert r["event_id"] in events, (name, r["event_id"])


def test_readme_lists_the_new_files():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for path in PATHS.values():
        assert re.search(rf"^\| `{re.escape(path)}` \|", readme, re.M), path
        assert re.search(rf"^### .*`{re.escape(path)}`", readme, re.M), path
