"""Edit data/README.md under /tmp/h/readme.lock: one quick read-modify-write. Idempotent."""
import csv, fcntl, io, re
from pathlib import Path
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SECTIONS = (Path(__file__).parent / "readme_sections.md").read_text(encoding="utf-8")
WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()

def nrows(rel):
    with (DATA / rel).open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1

with open("/tmp/h/readme.lock", "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    p = DATA / "README.md"
    t = p.read_text(encoding="utf-8")
    # counts that move: sources and events
    t = re.sub(r"(\| `sources\.csv` \|.*\| )\d+( \|)", lambda m: f"{m.group(1)}{nrows('sources.csv')}{m.group(2)}", t)
    ev = list(csv.DictReader((DATA / "events.csv").open(encoding="utf-8", newline="")))
    nvar = sum(1 for r in ev if r["variant_of"])
    dates = sorted(r["date"] for r in ev)
    t = re.sub(r"\| `events\.csv` \| `load_events` \| dated events \(\d+ main rows plus \d+ labelled variants\) \| [0-9-]+ – [0-9-]+ \| \d+ \|",
               f"| `events.csv` | `load_events` | dated events ({len(ev) - nvar} main rows plus {nvar} labelled variants) | {dates[0]} – {dates[-1]} | {len(ev)} |", t)
    # variant list
    bullet = "  - the November 2017 long-range missile launch: 28 Nov (UN meetings coverage; New York time) vs 29 Nov 2017 (ROK government; Korean date)."
    if bullet not in t:
        anchor = "  - the sixth nuclear test: 2 Sep (New York time) vs 3 Sep 2017.\n"
        assert anchor in t
        t = t.replace(anchor, anchor.replace(".\n", ";\n") + bullet + "\n")
    t = re.sub(r"The \w+ variants are:", f"The {WORDS[nvar]} variants are:", t)
    # files table rows
    rows = [
        ("sanctions/resolutions.csv", 'load("sanctions_resolutions")', "UN Security Council sanctions resolutions on the DPRK: date, trigger, measure categories, tally and the line stating the vote", "2006-10-14 – 2017-12-22"),
        ("sanctions/measures.csv", 'load("sanctions_measures")', "what each resolution restricts: one quotation per row, marked operative text or summary", "10 resolutions × 1–9 categories"),
        ("sanctions/votes.csv", 'load("sanctions_votes")', "China's and Russia's votes: each resolution, the 2019 draft, the 2022 double veto, the 2023 panel renewal, the 2024 veto", "2006-10-14 – 2024-03-28"),
        ("positions/china_statements.csv", 'load("china_statements")', "China's stated position on the peninsula (with or without \"denuclearization\") and on US alliance moves", "2005-09-01 – 2025-11-27"),
        ("theory_quotes.csv", 'load("theory_quotes")', "alliance-theory wording quoted with page and route (Cha's quasi-alliance)", "Cha 1999"),
    ]
    for f, loader, what, cov in rows:
        line = f"| `{f}` | `{loader}` | {what} | {cov} | {nrows(f)} |"
        pat = re.compile(rf"^\| `{re.escape(f)}` \|.*$", re.M)
        if pat.search(t):
            t = pat.sub(line.replace("\\", "\\\\"), t)
        else:
            m = re.search(r"^\| `troops\.csv` \|.*$", t, re.M)
            # insert after the last row of the table
            end = t.index("\n\n", m.end())
            t = t[:end] + "\n" + line + t[end:]
    # sections
    if "### `sanctions/resolutions.csv`" not in t:
        anchor = "\n## Where the series come from"
        assert anchor in t
        t = t.replace(anchor, "\n" + SECTIONS.rstrip("\n") + "\n" + anchor, 1)
    # disagreements
    dis = ("- **Sanctions:** resolution 2397's deadline for sending workers home: 12 months (UN meetings coverage) vs 24 months (ROK MOFA, ASIL, Xinhua, Sejong), two rows in `sanctions/measures.csv`.\n"
           "- **China's position:** the 2005 white paper's Korean-Peninsula wording as reported by asiae (nuclear-weapon-free zones) vs eagleintel (\"supports denuclearization\"), two rows in `positions/china_statements.csv`; the 2005 text was not read.\n")
    if "- **Sanctions:** resolution 2397" not in t:
        anchor = "- **Events:** the `variant_of` rows above.\n"
        assert anchor in t
        t = t.replace(anchor, anchor + dis)
    p.write_text(t, encoding="utf-8")
    print("README updated; sources", nrows("sources.csv"), "events", len(ev), "variants", nvar)
