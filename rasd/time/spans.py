"""Intervals and the token helpers shared by the resolver's rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rasd.time import calendar_rules as cal
from rasd.time.lexer import TTok

MONTHS = ("month", "month_weak")
HMONTHS = ("hmonth", "hmonth_weak")
JOIN = {"conn", "approx"}
DATE_LEADS = {"يوم", "بتاريخ", "تاريخ", "on", "في", "date"}
MONTH_LEADS = {"in", "during", "since", "until", "by", "شهر", "في"}
RANGE_WORDS = {"و", "and", "to", "-", "الى", "حتى", "until", "till", "through", "لغايه"}


@dataclass(frozen=True)
class Interval:
    """A resolved interval of dates (inclusive) with its ACLED precision and why."""

    start: date
    end: date
    precision: int
    reason: str


class Unresolved(Exception):
    """An expression recognised as time but too coarse or contradictory to give an honest interval."""


def prev_index(toks: list[TTok], i: int, over: set[str] = JOIN) -> int:
    """Index of the nearest token before ``i`` that is not a mere joiner (-1 if none)."""
    j = i - 1
    while (
        j >= 0 and toks[j].cats and set(toks[j].cats) <= over | {"range"} and toks[j].text not in RANGE_WORDS
    ):
        j -= 1
    return j


def next_index(toks: list[TTok], i: int, over: set[str] = JOIN) -> int:
    j = i + 1
    while j < len(toks) and set(toks[j].cats) <= over | {"range"} and toks[j].text not in RANGE_WORDS:
        j += 1
    return j


def day_num(toks: list[TTok], i: int, skip: set[int]) -> int | None:
    if 0 <= i < len(toks) and i not in skip and toks[i].num is not None and not toks[i].approx:
        if toks[i].text.isdigit() and len(toks[i].text) > 2:
            return None
        if 1 <= toks[i].num <= 31:  # type: ignore[operator]
            return toks[i].num
    return None


def year_near(toks: list[TTok], i: int, lo: int, hi: int, reach: int = 4) -> int | None:
    for t in toks[i + 1 : i + 1 + reach]:
        if t.num is not None and lo <= t.num <= hi and t.text.isdigit():
            return t.num
        if set(t.cats) & {"month", "hmonth", "weekday"}:
            break
    return None


def dir_near(toks: list[TTok], i: int) -> str | None:
    j = next_index(toks, i)
    if j < len(toks) and "dir" in toks[j].cats:
        return toks[j].cats["dir"]
    j = prev_index(toks, i)
    if j >= 0 and "dir" in toks[j].cats and toks[j].text.isascii():
        return toks[j].cats["dir"]
    return None


def part_before(toks: list[TTok], i: int) -> str | None:
    j = i - 1
    while j >= 0 and (set(toks[j].cats) <= JOIN | {"range", "dir"}):
        if "part" in toks[j].cats:
            break
        j -= 1
    if j >= 0 and "part" in toks[j].cats and toks[j].num is None:
        return toks[j].cats["part"]
    return None


def days_around(toks: list[TTok], i: int, skip: set[int]) -> tuple[int | None, int | None]:
    """Day numbers of a month token at ``i``: (first, last); last is None for a single day."""
    j = prev_index(toks, i)
    d2 = day_num(toks, j, skip)
    if d2 is not None:
        k = j - 1
        if k >= 0 and toks[k].text in RANGE_WORDS:
            d1 = day_num(toks, prev_index(toks, k), skip)
            if d1 is not None and d1 < d2:
                return d1, d2
        return d2, None
    j = next_index(toks, i)
    d1 = day_num(toks, j, skip)
    if d1 is None:
        return None, None
    k = next_index(toks, j)
    if k < len(toks) and toks[k].text in RANGE_WORDS:
        d2 = day_num(toks, next_index(toks, k), skip)
        if d2 is not None and d2 > d1:
            return d1, d2
    return d1, None


def infer_year(m: int, day: int, d: date, direction: str | None) -> int:
    if direction == "this":
        return d.year
    if direction == "next":
        return d.year if (m, day) > (d.month, d.day) else d.year + 1
    if direction == "past":
        return d.year if m < d.month else d.year - 1
    return d.year if (m, day) <= (d.month, d.day) else d.year - 1


def safe_date(y: int, m: int, day: int) -> date:
    try:
        return date(y, m, day)
    except ValueError:
        raise Unresolved(f"no such date: {y}-{m:02d}-{day:02d}") from None


def interval(start: date, end: date, reason: str, precision: int | None = None) -> Interval:
    return Interval(start, end, precision or cal.precision_for(start, end), reason)
