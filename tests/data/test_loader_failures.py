"""Loader failure paths, on a temporary copy of data/ (ALLIANCELAB_DATA points at it)."""

from __future__ import annotations

import shutil

import pytest

from alliancelab import data as ald
from tests.helpers import DATA


@pytest.fixture
def copy(tmp_path, monkeypatch):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setenv("ALLIANCELAB_DATA", str(target))
    ald._load_cached.cache_clear()
    ald._descriptor.cache_clear()
    yield target
    ald._load_cached.cache_clear()
    ald._descriptor.cache_clear()


def _edit(path, line_no, old, new):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line_no - 1]
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_missing_file_names_the_file(copy):
    (copy / "trade" / "china_dprk_trade.csv").unlink()
    with pytest.raises(ald.DataError, match=r"china_dprk_trade\.csv"):
        ald.load_china_dprk_trade()


def test_bad_number_names_file_line_and_column(copy):
    path = copy / "trade" / "china_dprk_1950_1990.csv"
    _edit(path, 3, "120.37", "12O.37")
    with pytest.raises(ald.DataError) as info:
        ald.load_han_table1()
    message = str(info.value)
    assert "china_dprk_1950_1990.csv" in message and "line 3" in message and "total_usd_million" in message


def test_unknown_source_key_names_key_and_line(copy):
    path = copy / "trade" / "china_dprk_1950_1990.csv"
    _edit(path, 4, "han_2004;hong_yung_lee_1994", "han_2004;no_such_source_key")
    with pytest.raises(ald.DataError) as info:
        ald.load_han_table1()
    assert "no_such_source_key" in str(info.value) and "line 4" in str(info.value)


def test_wrong_header_raises(copy):
    path = copy / "events.csv"
    _edit(path, 1, "date_precision", "precision")
    with pytest.raises(ald.DataError, match="header"):
        ald.load_events()


def test_bad_boolean_raises(copy):
    path = copy / "trade" / "russia_dprk_trade.csv"
    text = path.read_text(encoding="utf-8").replace(",true,", ",yes,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ald.DataError, match="preferred"):
        ald.load_russia_dprk_trade()
