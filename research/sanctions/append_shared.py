"""Append this helper's rows to data/sources.csv and data/events.csv, each under its exclusive fcntl lock,
with one quick read-modify-write. Skips keys/ids already present (idempotent)."""
import csv, fcntl, io, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
import build_sanctions as B

DATA = B.DATA

with open("/tmp/h/sources.lock", "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    path = DATA / "sources.csv"
    text = path.read_text(encoding="utf-8")
    have = {r["key"] for r in csv.DictReader(io.StringIO(text))}
    new = [s for s in B.S if s["key"] not in have]
    assert len({s["key"] for s in B.S}) == len(B.S)
    if not text.endswith("\n"):
        text += "\n"
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=["key", "citation", "url", "accessed", "note"], lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerows(new)
    path.write_text(text + out.getvalue(), encoding="utf-8")
    print("sources appended:", len(new), "skipped:", len(B.S) - len(new))

with open("/tmp/h/events.lock", "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    path = DATA / "events.csv"
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    fields = list(rows[0].keys())
    ids = {r["id"] for r in rows}
    new = [e for e in B.E if e["id"] not in ids]
    rows += new
    rows.sort(key=lambda r: (r["date"], r["id"]))
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writeheader(); w.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    print("events appended:", len(new), "total rows:", len(rows))
