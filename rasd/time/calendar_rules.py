"""Date arithmetic of the resolver: weeks, months, parts of months, Hijri conversion."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "h1": (1, 15), "h2": (16, 31)}


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after (y, m)."""
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def month_interval(y: int, m: int, part: str | None = None) -> tuple[date, date]:
    """A whole month, or a part: early (1-10), mid (11-20), late (21-end), h1 (1-15), h2 (16-end)."""
    if part is None:
        return date(y, m, 1), month_end(y, m)
    lo, hi = PARTS[part]
    return date(y, m, lo), month_end(y, m) if hi > 28 else date(y, m, hi)


def week_start(d: date, first_weekday: int) -> date:
    """First day of the calendar week holding ``d``."""
    return d - timedelta(days=(d.weekday() - first_weekday) % 7)


def precision_for(start: date, end: date) -> int:
    """ACLED time_precision of an interval: 1 a day, 2 up to about a week, 3 longer."""
    days = (end - start).days + 1
    if days <= 1:
        return 1
    if days <= 8:
        return 2
    return 3


def hijri_to_gregorian(y: int, m: int, d: int) -> date | None:
    """Gregorian date of a Hijri (Umm al-Qura) date, None when out of range or invalid."""
    from hijridate import Hijri

    try:
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_month(y: int, m: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri month."""
    from hijridate import Hijri

    try:
        first = Hijri(y, m, 1)
        return first.to_gregorian(), Hijri(y, m, first.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_year_of(d: date) -> int:
    from hijridate import Gregorian

    return int(Gregorian(d.year, d.month, d.day).to_hijri().year)
