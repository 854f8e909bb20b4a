"""Rules for dates written out: numeric dates, day and month names, Hijri dates, weeks of a month."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from rasd.time import calendar_rules as cal
from rasd.time.lexer import TTok
from rasd.time.spans import (
    DATE_LEADS,
    HMONTHS,
    MONTH_LEADS,
    MONTHS,
    Interval,
    Unresolved,
    days_around,
    dir_near,
    infer_year,
    interval,
    next_index,
    part_before,
    prev_index,
    safe_date,
    year_near,
)


def _numdate(toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]) -> Interval | None:
    found = []
    for k, t in enumerate(toks):
        if "daymonth" in t.cats and k > 0 and toks[k - 1].text in DATE_LEADS:
            day, m = (int(p) for p in t.text.split("/"))
            found.append(safe_date(infer_year(m, day, d, None), m, day))
            continue
        if "numdate" not in t.cats:
            continue
        raw = [p for p in re.split(r"[-/.]", t.text) if p]
        if len(raw) != 3:
            continue
        if len(raw[0]) == 4:
            y, m, day = (int(p) for p in raw)
        else:
            day, m, y = (int(p) for p in raw)  # day first, as in Arabic and ACLED sources
            y = y + 2000 if y < 100 else y
        found.append(safe_date(y, m, day))
    if not found:
        return None
    return interval(found[0], found[-1], "numeric date" if len(found) == 1 else "range of numeric dates")


def _month_ok(toks: list[TTok], i: int, skip: set[int]) -> bool:
    t = toks[i]
    if "month" in t.cats or "hmonth" in t.cats:
        return True
    if i > 0 and toks[i - 1].text in MONTH_LEADS:
        return True
    near = [
        toks[j] for j in (prev_index(toks, i), next_index(toks, i)) if 0 <= j < len(toks) and j not in skip
    ]
    return any(n.num is not None or set(n.cats) & {"dir", "part", "yearmark"} for n in near)


def _week_of_month(
    toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]
) -> Interval | None:
    """الأسبوع الأول من تموز, the second week of July, the last week of June (precision 2)."""
    u = next((k for k, t in enumerate(toks) if t.cats.get("unit") == "week"), None)
    if u is None:
        return None
    m_idx = next((k for k in range(u + 1, len(toks)) if set(toks[k].cats) & set(MONTHS)), None)
    month_unit = next((k for k in range(u + 1, len(toks)) if toks[k].cats.get("unit") == "month"), None)
    ordinal = next(
        (toks[k] for k in (u + 1, u - 1) if 0 <= k < len(toks) and 1 <= (toks[k].num or 0) <= 5), None
    )
    last = any(toks[k].cats.get("dir") == "past" for k in (u - 1, u + 1) if 0 <= k < len(toks))
    if (m_idx is None and month_unit is None) or (ordinal is None and not last):
        return None
    if m_idx is not None:
        m = int(toks[m_idx].cats.get("month") or toks[m_idx].cats["month_weak"])
        y = year_near(toks, m_idx, 1900, 2100) or infer_year(m, 1, d, dir_near(toks, m_idx))
    else:
        assert month_unit is not None
        direction = dir_near(toks, month_unit)
        y, m = cal.shift_month(d.year, d.month, {"past": -1, "next": 1}.get(direction or "this", 0))
    end_of_month = cal.month_end(y, m)
    if ordinal is None or ordinal.num is None:
        return interval(end_of_month - timedelta(days=6), end_of_month, "last week of the month", 2)
    start = date(y, m, 1) + timedelta(days=7 * (ordinal.num - 1))
    end = min(start + timedelta(days=6), end_of_month)
    return interval(start, end, f"week {ordinal.num} of the month", 2)


def _gregorian(
    toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]
) -> Interval | None:
    idx = [i for i, t in enumerate(toks) if set(t.cats) & set(MONTHS) and _month_ok(toks, i, skip)]
    if not idx:
        return None
    spans = []
    for i in idx[:2]:
        m = int(toks[i].cats.get("month") or toks[i].cats["month_weak"])
        d1, d2 = days_around(toks, i, skip)
        year = year_near(toks, i, 1900, 2100)
        direction = dir_near(toks, i)
        part = part_before(toks, i)
        if d1 is None:
            y = year or infer_year(m, 1, d, direction)
            if year is None and direction is None and m > d.month:
                y = d.year - 1
            start, end = cal.month_interval(y, m, part)
            spans.append((start, end, "part of a month" if part else "whole month"))
        else:
            y = year or infer_year(m, d1, d, direction)
            start = safe_date(y, m, d1)
            end = safe_date(y, m, d2) if d2 else start
            spans.append((start, end, "day and month" if d2 is None else "range of days"))
    if len(spans) == 2 and spans[0][0] <= spans[1][0] and spans[0][1] == spans[0][0]:
        return interval(spans[0][0], spans[1][1], "range across months")
    start, end, why = spans[0]
    if len(idx) >= 1 and not year_near(toks, idx[0], 1900, 2100):
        why += ", year inferred from the publication date"
    return interval(start, end, why)


def _hijri(toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]) -> Interval | None:
    idx = [i for i, t in enumerate(toks) if set(t.cats) & set(HMONTHS) and _month_ok(toks, i, skip)]
    if not idx:
        return None
    i = idx[0]
    m = int(toks[i].cats.get("hmonth") or toks[i].cats["hmonth_weak"])
    d1, d2 = days_around(toks, i, skip)
    year = year_near(toks, i, 1300, 1600)
    y = year or cal.hijri_year_of(d)
    if d1 is None:
        got = cal.hijri_month(y, m)
        if got and year is None and got[0] > d:
            got = cal.hijri_month(y - 1, m)
        if not got:
            raise Unresolved("Hijri month out of range")
        return interval(got[0], got[1], "Hijri month")
    start = cal.hijri_to_gregorian(y, m, d1)
    if start and year is None and start > d:
        y -= 1
        start = cal.hijri_to_gregorian(y, m, d1)
    end = cal.hijri_to_gregorian(y, m, d2) if d2 else start
    if start is None or end is None:
        raise Unresolved("invalid Hijri date")
    return interval(start, end, "Hijri date")


RULES = (_numdate, _week_of_month, _gregorian, _hijri)
