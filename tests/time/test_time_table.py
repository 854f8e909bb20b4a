"""Table-driven resolution tests: every row of expressions.tsv must resolve as written."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from rasd.time import resolve_time

TABLE = Path(__file__).with_name("expressions.tsv")


def _rows() -> list[dict[str, str]]:
    lines = [
        line for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def _base(text: str) -> date | datetime:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def test_table_is_large_and_bilingual() -> None:
    arabic = [r for r in ROWS if any("\u0600" <= c <= "\u06ff" for c in r["expr"])]
    assert len(ROWS) >= 150
    assert 60 <= len(arabic) <= len(ROWS) - 60


@pytest.mark.parametrize("row", ROWS, ids=[r["expr"] for r in ROWS])
def test_expression(row: dict[str, str]) -> None:
    res = resolve_time(row["expr"], _base(row["base"]), tz=None if row["tz"] == "-" else row["tz"])
    if row["start"] == "null":
        assert not res.ok, res
        assert res.reason
        return
    assert res.ok, res.reason
    got = (res.start.isoformat() if res.start else None, res.end.isoformat() if res.end else None)
    assert got == (row["start"], row["end"]), res.reason
    assert res.precision == int(row["precision"])
    assert res.time == (None if row["time"] == "-" else row["time"])
    if row["time_utc"] != "-":
        assert res.time_utc == row["time_utc"]
