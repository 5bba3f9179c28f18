"""Loaders for the course data in ``data/``.

Every loader returns a typed :class:`pandas.DataFrame` (dates as datetimes,
years as integers, enumerated fields as categoricals) after validating the
file against its schema in ``data/datapackage.json`` — the same descriptor
the test suite validates with Frictionless. The descriptor is the single
source of truth for field names, types and constraints.

A missing file, a bad value or an unknown source key raises :class:`DataError`,
whose message names the file, the line and what to do about it.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "DataError",
    "data_dir",
    "descriptor",
    "load",
    "load_sources",
    "load_treaties",
    "load_articles",
    "load_provisions",
    "load_events",
    "load_han_table1",
    "load_china_dprk_trade",
    "load_dprk_total_trade",
    "load_china_total_trade",
    "load_russia_dprk_trade",
    "load_troops",
    "source_keys",
    "cite",
]

RESTORE_HINT = "Restore the course copy with `git checkout -- {path}` (or download the course again)."


class DataError(Exception):
    """A data file is missing or does not match its schema. The message says where and how to fix it."""


def data_dir() -> Path:
    """Locate ``data/``: $ALLIANCELAB_DATA, else the folder holding datapackage.json above this package or the cwd."""
    env = os.environ.get("ALLIANCELAB_DATA")
    if env:
        path = Path(env)
        if not (path / "datapackage.json").is_file():
            raise DataError(f"ALLIANCELAB_DATA points to {path}, which has no datapackage.json. Unset it or point it to the course's data/ folder.")
        return path
    starts = [Path(__file__).resolve().parent, Path.cwd().resolve()]
    for start in starts:
        for folder in [start, *start.parents]:
            candidate = folder / "data" / "datapackage.json"
            if candidate.is_file():
                return candidate.parent
    raise DataError(
        "Could not find the course data (data/datapackage.json). Open the notebooks from inside the course folder, "
        "or set ALLIANCELAB_DATA to the path of its data/ folder."
    )


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(data_dir().parent))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=4)
def _descriptor(folder: str) -> dict:
    path = Path(folder) / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{_rel(path)} is missing. {RESTORE_HINT.format(path=_rel(path))}")
    except json.JSONDecodeError as error:
        raise DataError(f"{_rel(path)} is not valid JSON (line {error.lineno}: {error.msg}). {RESTORE_HINT.format(path=_rel(path))}")


def descriptor() -> dict:
    """The Frictionless data package descriptor (data/datapackage.json)."""
    return _descriptor(str(data_dir()))


def _resource(name: str) -> dict:
    for res in descriptor()["resources"]:
        if res["name"] == name:
            return res
    names = ", ".join(r["name"] for r in descriptor()["resources"])
    raise DataError(f"No dataset called {name!r} in data/datapackage.json. Known: {names}.")


_BOOL = {"true": True, "false": False}


def _parse(value: str, field: dict) -> Any:
    """Parse one cell; raise ValueError with a plain reason."""
    kind = field.get("type", "string")
    if value == "":
        return None
    if kind == "string":
        return value
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise ValueError(f"{value!r} is not a whole number")
        return int(value)
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a number")
        if not math.isfinite(number):
            raise ValueError(f"{value!r} is not a finite number")
        return number
    if kind == "date":
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date in YYYY-MM-DD form")
    if kind == "boolean":
        if value.lower() not in _BOOL:
            raise ValueError(f"{value!r} is not true or false")
        return _BOOL[value.lower()]
    raise ValueError(f"unsupported type {kind}")


def _check_constraints(value: Any, field: dict) -> None:
    c = field.get("constraints", {})
    if value is None:
        if c.get("required"):
            raise ValueError("is empty but required")
        return
    if "enum" in c and value not in c["enum"]:
        raise ValueError(f"{value!r} is not one of {', '.join(map(str, c['enum']))}")
    if "minimum" in c and value < _parse(str(c["minimum"]), field):
        raise ValueError(f"{value!r} is below the minimum {c['minimum']}")
    if "maximum" in c and value > _parse(str(c["maximum"]), field):
        raise ValueError(f"{value!r} is above the maximum {c['maximum']}")
    if "pattern" in c and not re.fullmatch(c["pattern"], str(value)):
        raise ValueError(f"{value!r} does not match the pattern {c['pattern']}")


def _read_rows(path: Path, schema: dict) -> list[dict]:
    rel = _rel(path)
    if not path.is_file():
        raise DataError(f"Data file missing: {rel}. {RESTORE_HINT.format(path=rel)}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{rel} is not UTF-8 text (byte {error.start}). It may be corrupt. {RESTORE_HINT.format(path=rel)}")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(f"{rel} is empty. {RESTORE_HINT.format(path=rel)}")
    names = [f["name"] for f in schema["fields"]]
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        detail = "; ".join(x for x in [f"missing columns: {', '.join(missing)}" if missing else "",
                                       f"unexpected columns: {', '.join(extra)}" if extra else "",
                                       "columns in a different order" if not missing and not extra else ""] if x)
        raise DataError(f"{rel}, line 1 (header): {detail}. The header must be: {','.join(names)}. {RESTORE_HINT.format(path=rel)}")
    rows = []
    for raw in reader:
        line_no = reader.line_num  # the line where this record ends (records may span lines)
        if not raw:
            continue
        if len(raw) != len(names):
            raise DataError(f"{rel}, line {line_no}: has {len(raw)} values but the header has {len(names)} columns. "
                            "Check for an unquoted comma or a missing value.")
        row = {}
        for field, value in zip(schema["fields"], raw):
            try:
                parsed = _parse(value, field)
                _check_constraints(parsed, field)
            except ValueError as reason:
                raise DataError(f"{rel}, line {line_no}, column '{field['name']}': {reason}. "
                                f"Expected {field.get('type', 'string')}" + (f" ({field['description']})" if field.get("description") else "") + ".")
            row[field["name"]] = parsed
        row["_line"] = line_no
        rows.append(row)
    key = schema.get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else key
        seen: dict[tuple, int] = {}
        for row in rows:
            k = tuple(row[c] for c in key)
            if k in seen:
                raise DataError(f"{rel}, line {row['_line']}: duplicate {'/'.join(key)} {k} (also on line {seen[k]}). Each must be unique.")
            seen[k] = row["_line"]
    return rows


@functools.lru_cache(maxsize=32)
def _load_cached(name: str, folder: str, stamp: float) -> pd.DataFrame:
    res = _resource(name)
    path = Path(folder) / res["path"]
    schema = res["schema"]
    rows = _read_rows(path, schema)
    if any(f["name"] == "source" for f in schema["fields"]) and name != "sources":
        known = source_keys()
        for row in rows:
            for key in _split_keys(row.get("source")):
                if key not in known:
                    raise DataError(f"{_rel(path)}, line {row['_line']}: source key '{key}' is not in data/sources.csv. "
                                    "Add a row for it there (key, citation, url, accessed, note) or fix the key.")
    frame = pd.DataFrame(rows, columns=[f["name"] for f in schema["fields"]])
    for field in schema["fields"]:
        col, kind = field["name"], field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        if kind == "integer":
            frame[col] = frame[col].astype("Int64") if frame[col].isna().any() else frame[col].astype("int64")
        elif kind == "number":
            frame[col] = frame[col].astype("float64")
        elif kind == "date":
            frame[col] = pd.to_datetime(frame[col])
        elif kind == "boolean":
            frame[col] = frame[col].astype("boolean")
        elif enum:
            frame[col] = pd.Categorical(frame[col], categories=enum)
        else:
            frame[col] = frame[col].astype("object")
    frame.attrs["path"] = _rel(path)
    frame.attrs["title"] = res.get("title", name)
    return frame


def _stamp(name: str) -> float:
    folder = data_dir()
    res = _resource(name)
    try:
        return (folder / res["path"]).stat().st_mtime
    except FileNotFoundError:
        return -1.0


def load(name: str) -> pd.DataFrame:
    """Load any dataset of data/datapackage.json by its resource name (a fresh copy each call)."""
    folder = data_dir()
    return _load_cached(name, str(folder), _stamp(name)).copy()


def _split_keys(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return [k.strip() for k in str(value).split(";") if k.strip()]


def source_keys() -> set[str]:
    return set(load("sources")["key"])


def cite(keys: str) -> str:
    """Full citations for a ';'-separated list of source keys (for display beside a figure)."""
    src = load("sources").set_index("key")
    parts = []
    for key in _split_keys(keys):
        if key in src.index:
            row = src.loc[key]
            url = f" {row['url']}" if isinstance(row["url"], str) and row["url"] else ""
            parts.append(f"{row['citation']}{url}")
        else:
            parts.append(f"[unknown source {key}]")
    return "; ".join(parts)


def load_sources() -> pd.DataFrame:
    return load("sources")


def load_treaties() -> pd.DataFrame:
    return load("treaties")


def load_articles() -> pd.DataFrame:
    return load("articles")


def load_provisions() -> pd.DataFrame:
    return load("provisions")


def load_events() -> pd.DataFrame:
    return load("events")


def load_han_table1() -> pd.DataFrame:
    return load("china_dprk_1950_1990")


def load_china_dprk_trade() -> pd.DataFrame:
    return load("china_dprk_trade")


def load_dprk_total_trade() -> pd.DataFrame:
    return load("dprk_total_trade")


def load_china_total_trade() -> pd.DataFrame:
    return load("china_total_trade")


def load_russia_dprk_trade() -> pd.DataFrame:
    return load("russia_dprk_trade")


def load_troops() -> pd.DataFrame:
    return load("troops")


def cutoff() -> pd.Timestamp:
    """The course data's cut-off: the date of the latest dated row in ``events.csv`` and ``troops.csv``.

    This is the one place the cut-off is stated: lessons print :func:`cutoff_text`, and a test checks the README
    against it. Anything after this date is not in the data, and a learner who cites it must source it."""
    latest = [load_events()["date"].max(), load_troops()["date_reported"].max()]
    return max(d for d in latest if pd.notna(d))


def cutoff_text() -> str:
    """The cut-off as a learner reads it, e.g. '23 February 2026'."""
    d = cutoff()
    return f"{d.day} {d:%B %Y}"
