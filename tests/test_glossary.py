"""Checks for glossary.md: sources, lesson references, anchors, order, coverage.

The glossary is prose, so these tests parse its fixed layout:

    <a id="anchor"></a>
    ### Term

    Definition ...

    - **Korean:** name [`key`] · name [`key`, `key`]   (or — when no source gives a name)
    - **Chinese:** ...
    - **Introduced in:** [01 Alliance theory](notebooks/01_alliance_theory.ipynb), section *Section title*
      (or: not yet taught in a lesson's text. It appears in `data/file`.)
    - **Also in:** ... (optional)
    - **Also written:** “variant”; “variant” (optional)
    - **Sources:** `key`, `key`

Cross-reference entries have only "See [Term](#anchor)."
"""
import csv
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "notebooks" / "glossary.md"

ENTRY_RE = re.compile(r'^<a id="([^"]+)"></a>\n+### (.+?)\n(.*?)(?=^<a id="|^## )', re.M | re.S)
FIELD_RE = re.compile(r"^- \*\*(Korean|Chinese|Introduced in|Also in|Also written|Sources):\*\* ?(.*)$", re.M)
NB_LOC_RE = re.compile(r"\]\((?:notebooks/)?([0-9]{2}_[a-z0-9_]+\.ipynb)\), section \*(.+?)\*(?:;|$)")
KEY_RE = re.compile(r"`([a-z0-9_]+)`")
BRACKET_RE = re.compile(r"\[((?:`[a-z0-9_]+`(?:, )?)+)\]")

# Terms the course brief requires (by anchor); a regression test so none is dropped by accident.
REQUIRED = {
    "alliance", "alignment", "balance-of-power", "balance-of-threat", "four-sources-of-threat", "balancing",
    "bandwagoning", "internal-balancing", "external-balancing", "patron-client", "autonomy-security-trade-off",
    "alliance-security-dilemma", "abandonment", "entrapment", "alliance-fatigue", "asymmetrical-interdependence",
    "adjustment-renunciation", "lips-and-teeth", "automatic-assistance", "mutual-assistance-clause", "all-means",
    "constitutional-processes", "un-charter-article-51", "consultation-clause", "atop", "cow", "ratification",
    "exchange-of-instruments", "entry-into-force", "trade-share", "salience", "symmetry", "hirschman-index",
    "sensitivity", "vulnerability", "kotra", "chinese-customs", "preferred-row", "juche", "jangmadang",
    "six-party-talks", "agreed-framework", "vostochny-summit", "treaty-dprk-russia-2024", "treaty-prc-dprk-1961",
    "treaty-ussr-dprk-1961", "treaty-russia-dprk-2000", "treaty-us-rok-1953",
}


def norm(text):
    """Lower-case, unify dashes/quotes, drop markdown emphasis, collapse spaces."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"[\u2010-\u2015\-]", " ", t)
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    t = re.sub(r"[*_`]", "", t)
    return re.sub(r"\s+", " ", t).strip()


def sort_key(term):
    t = unicodedata.normalize("NFKD", term).lower().replace("–", " ").replace("-", " ")
    return re.sub(r"[^a-z0-9 ]", "", t).strip()


def contains(haystack, needle):
    n = norm(needle)
    return re.search(r"(?<![a-z0-9])" + re.escape(n) + r"(?![a-z0-9])", norm(haystack)) is not None


@lru_cache(maxsize=None)
def glossary_text():
    return GLOSSARY.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def entries():
    out = []
    for anchor, term, body in ENTRY_RE.findall(glossary_text()):
        fields = {}
        for name, value in FIELD_RE.findall(body):
            assert name not in fields, f"{anchor}: field {name} given twice"
            fields[name] = value.strip()
        see = re.search(r"^See \[.+?\]\(#([a-z0-9-]+)\)\.", body, re.M)
        out.append(dict(anchor=anchor, term=term.strip(), body=body, fields=fields,
                        see=see.group(1) if see and not fields else None))
    return out


def terms():
    return [e for e in entries() if e["see"] is None]


def variants(e):
    """The term as headed (without a parenthetical or surrounding quotes) plus its 'Also written' forms."""
    base = re.sub(r"\s*\([^)]*\)", "", e["term"]).strip().strip('"“”')
    out = [base]
    if "Also written" in e["fields"]:
        out += [v.strip().strip("“”\"") for v in e["fields"]["Also written"].split(";")]
    return [v for v in out if v]


@lru_cache(maxsize=None)
def source_keys():
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as f:
        return {row["key"] for row in csv.DictReader(f)}


@lru_cache(maxsize=None)
def markdown_lines(path):
    nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
    lines = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            lines += src.splitlines()
    return tuple(lines)


def section_text(path, section):
    """Markdown of the section headed `section`, up to the next heading of the same or a higher level."""
    lines = markdown_lines(path)
    start = level = None
    for i, line in enumerate(lines):
        m = re.match(r"^(#{1,6})\s+(.*?)\s*$", line)
        if not m:
            continue
        if start is None and norm(m.group(2)) == norm(section):
            start, level = i, len(m.group(1))
        elif start is not None and len(m.group(1)) <= level:
            return "\n".join(lines[start:i])
    return None if start is None else "\n".join(lines[start:])


def nb_locations(value):
    return [(f"notebooks/{p}", s) for p, s in NB_LOC_RE.findall(value)]  # the glossary sits in notebooks/


# ---------------------------------------------------------------- structure


def test_glossary_parses_into_entries():
    n_anchors = glossary_text().count('<a id="')
    assert len(entries()) == n_anchors, "every <a id> must be followed by a '### term' heading"
    assert len(terms()) >= 45
    assert re.search(r"^## Sources\n", glossary_text(), re.M), "the glossary ends with a Sources note"
    assert "data/sources.csv" in glossary_text().split("## Sources", 1)[1]


def test_every_term_has_all_fields():
    for e in terms():
        missing = {"Korean", "Chinese", "Introduced in", "Sources"} - set(e["fields"])
        assert not missing, f"{e['anchor']}: missing {sorted(missing)}"
        definition = e["body"].split("\n- **", 1)[0].strip()
        # A sentence ends with . ! or ? (perhaps followed by a quote or bracket) before a capital or the end.
        n_sentences = len(re.findall(r"[.!?][\"”)]?(?=\s+[A-Z*\"“\[]|$)", definition))
        assert 1 <= n_sentences <= 3, f"{e['anchor']}: definition has {n_sentences} sentences (want 1–3)"


def test_anchors_unique_and_linkable():
    anchors = [e["anchor"] for e in entries()]
    assert len(anchors) == len(set(anchors)), [a for a in anchors if anchors.count(a) > 1]
    for a in anchors:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", a), f"anchor {a!r} is not a plain slug"
    # every in-page link resolves
    for target in re.findall(r"\]\(#([^)]+)\)", glossary_text()):
        assert target in anchors, f"link to missing anchor #{target}"


def test_cross_references_point_to_terms():
    real = {e["anchor"] for e in terms()}
    for e in entries():
        if e["see"] is not None:
            assert e["see"] in real, f"{e['anchor']}: 'See' points to #{e['see']}, which is not a term"


def test_terms_in_alphabetical_order():
    keys = [sort_key(e["term"]) for e in entries()]
    assert keys == sorted(keys), [
        (a, b) for a, b in zip([e["term"] for e in entries()], [e["term"] for e in entries()][1:])
        if sort_key(a) > sort_key(b)]


def test_letter_sections_match_terms():
    # Each "## X" letter heading holds exactly the entries whose sort key starts with X.
    text = glossary_text().split("## Sources", 1)[0]
    for letter, block in re.findall(r"^## ([A-Z])\n(.*?)(?=^## )", text + "## ", re.M | re.S):
        for term in re.findall(r"^### (.+)$", block, re.M):
            assert sort_key(term)[0].upper() == letter, f"{term!r} filed under {letter}"


def test_required_terms_present():
    missing = REQUIRED - {e["anchor"] for e in entries()}
    assert not missing, sorted(missing)


# ---------------------------------------------------------------- sources


def test_every_cited_source_key_exists():
    known = source_keys()
    for e in terms():
        cited = KEY_RE.findall(e["fields"]["Sources"])
        for name in ("Korean", "Chinese"):
            for group in BRACKET_RE.findall(e["fields"][name]):
                cited += KEY_RE.findall(group)
        unknown = sorted(set(cited) - known)
        assert not unknown, f"{e['anchor']}: keys not in data/sources.csv: {unknown}"


def test_every_name_has_a_source_listed_under_sources():
    for e in terms():
        listed = set(KEY_RE.findall(e["fields"]["Sources"]))
        for name in ("Korean", "Chinese"):
            value = e["fields"][name]
            if value == "—":
                continue
            # Several names are separated by " · "; each must end with its own [`key`, ...] group.
            for part in value.split(" · "):
                m = re.search(r"\[((?:`[a-z0-9_]+`(?:, )?)+)\]$", part.strip())
                assert m, f"{e['anchor']}: {name} name without a source key: {part!r}"
                keys = KEY_RE.findall(m.group(1))
                assert set(keys) <= listed, f"{e['anchor']}: {sorted(set(keys) - listed)} not under Sources"


def test_facts_have_sources():
    # A definition that states a year or a number must list at least one source key.
    for e in terms():
        definition = e["body"].split("\n- **", 1)[0]
        if re.search(r"\b(1[89]|20)\d\d\b", definition):
            assert KEY_RE.findall(e["fields"]["Sources"]), f"{e['anchor']}: dates without a source key"


# ---------------------------------------------------------------- lessons


def test_introduced_in_notebook_teaches_the_term():
    problems = []
    for e in terms():
        value = e["fields"]["Introduced in"]
        if value.startswith("not yet taught"):
            continue
        locs = nb_locations(value)
        assert len(locs) == 1, f"{e['anchor']}: 'Introduced in' must name one notebook and section: {value!r}"
        path, section = locs[0]
        assert (ROOT / path).exists(), f"{e['anchor']}: {path} does not exist"
        text = section_text(path, section)
        if text is None:
            problems.append(f"{e['anchor']}: no heading {section!r} in {path}")
        elif not any(contains(text, v) for v in variants(e)):
            problems.append(f"{e['anchor']}: none of {variants(e)} in section {section!r} of {path}")
    assert not problems, "\n".join(problems)


def test_also_in_locations_exist():
    problems = []
    for e in terms():
        for path, section in nb_locations(e["fields"].get("Also in", "")):
            if not (ROOT / path).exists():
                problems.append(f"{e['anchor']}: {path} does not exist")
            elif section_text(path, section) is None:
                problems.append(f"{e['anchor']}: no heading {section!r} in {path}")
    assert not problems, "\n".join(problems)


def test_not_yet_taught_terms_are_absent_from_lessons():
    """If a lesson starts teaching one of these terms, the glossary's 'Introduced in' must be updated."""
    notebooks = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    problems = []
    for e in terms():
        value = e["fields"]["Introduced in"]
        if not value.startswith("not yet taught"):
            continue
        for path in notebooks:
            text = "\n".join(markdown_lines(path))
            hits = [v for v in variants(e) if contains(text, v)]
            if hits:
                problems.append(f"{e['anchor']}: {hits} now appears in {path}; update 'Introduced in'")
        for f in re.findall(r"`([^`]+/[^`]+)`", value):
            assert (ROOT / f).exists(), f"{e['anchor']}: {f} does not exist"
            assert any(contains((ROOT / f).read_text(encoding="utf-8"), v) for v in variants(e)), \
                f"{e['anchor']}: {f} does not mention {variants(e)}"
    assert not problems, "\n".join(problems)


def test_section_finder_can_fail():
    # Guard against a section finder that matches everything.
    path = "notebooks/01_alliance_theory.ipynb"
    assert section_text(path, "No such section anywhere") is None
    what = section_text(path, "What an alliance is")
    assert what is not None and not contains(what, "bandwagoning")


@pytest.mark.parametrize("text,needle,expected", [
    ("the mutual-assistance clause", "mutual assistance clause", True),
    ("an *automatic* assistance clause", "automatic assistance clause", True),
    ("Moscow and Pyongyang", "COW", False),
    ("Hirschman’s index", "Hirschman's index", True),
])
def test_matching_rules(text, needle, expected):
    assert contains(text, needle) is expected
