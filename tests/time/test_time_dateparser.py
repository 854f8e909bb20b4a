"""The dateparser fallback: tried only where it can read something."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.time.lexicon import phrases
from rasd.time.resolve import resolve_time

BASE = dt.date(2015, 8, 6)
HIJRI = sorted(" ".join(k) for k, cats in phrases()[0].items() if {"hmonth", "hmonth_weak"} & set(cats))


@pytest.mark.parametrize("month", HIJRI)
def test_dateparser_reads_no_hijri_month(month: str) -> None:
    """resolve_time skips dateparser for a Hijri month name: dateparser knows none of them."""
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    for expr in (f"4-{month}", f"4 {month} 2015", f"{month} 12/3"):
        assert dateparser.parse(expr, languages=["ar", "en"], settings=settings) is None, expr


def test_hijri_day_the_rules_miss_stays_undated() -> None:
    assert resolve_time("4-صفر", BASE).start is None
