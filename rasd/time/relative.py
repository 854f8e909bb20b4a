"""Rules for dates relative to publication: weekdays, yesterday, N days ago, last week/month, windows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from rasd.time import calendar_rules as cal
from rasd.time.lexer import TTok
from rasd.time.lexicon import week_starts
from rasd.time.spans import (
    RANGE_WORDS,
    Interval,
    Unresolved,
    dir_near,
    interval,
    next_index,
    part_before,
    prev_index,
)


def _weekday(toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]) -> Interval | None:
    i = next((k for k, t in enumerate(toks) if "weekday" in t.cats), None)
    if i is None:
        return None
    wd = int(toks[i].cats["weekday"])
    direction = dir_near(toks, i)
    rel = next((int(t.cats["relday"]) for t in toks if "relday" in t.cats), None)
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    back = (d.weekday() - wd) % 7
    if direction == "next":
        day = d + timedelta(days=(wd - d.weekday()) % 7 or 7)
        why = f"next {names[wd]}"
    elif direction == "past":
        day = d - timedelta(days=back or 7)
        why = f"last {names[wd]} before the publication date"
    elif direction == "past2":
        day = d - timedelta(days=(back or 7) + 7)
        why = f"{names[wd]} before last"
    elif direction == "this":
        day = cal.week_start(d, week_starts().get(lang, 0)) + timedelta(
            days=(wd - week_starts().get(lang, 0)) % 7
        )
        why = f"{names[wd]} of the publication week"
    else:
        day = d - timedelta(days=back)
        why = f"most recent {names[wd]} up to the publication date"
        if rel is not None:
            target = d + timedelta(days=rel)
            if target.weekday() == wd:
                day, why = target, f"{names[wd]} = publication date {rel:+d} day(s)"
            else:
                why += f" (the text's relative day does not fall on a {names[wd]})"
    nxt = next_index(toks, i)
    ranged = nxt < len(toks) and toks[nxt].text in RANGE_WORDS
    if ranged:  # "الخميس - الجمعة", "Thursday to Saturday", "الخميس والجمعة"
        nxt = next_index(toks, nxt)
    other = int(toks[nxt].cats.get("weekday", wd)) if nxt < len(toks) else wd
    days = (other - wd) % 7
    if days == 1 or (ranged and days):
        if day + timedelta(days=days) > d:
            day -= timedelta(days=7)
        told = f"{names[wd]} to {names[other]}" if ranged else f"the night of {names[wd]} to the next day"
        return interval(day, day + timedelta(days=days), f"{told} ({why})")
    j = prev_index(toks, i)
    if j >= 0 and toks[j].cats.get("daypart") == "night" and toks[j].text in ("ليله",):
        return interval(day - timedelta(days=1), day, f"the night before {names[wd]} ({why})")
    return interval(day, day, why)


def _relday(toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]) -> Interval | None:
    for t in toks:
        if "relday" in t.cats:
            off = int(t.cats["relday"])
            day = d + timedelta(days=off)
            return interval(day, day, f"publication date {off:+d} day(s)" if off else "publication date")
        if "overnight" in t.cats:
            return interval(d - timedelta(days=1), d, "overnight: the night before the publication date")
    return None


def _count(toks: list[TTok], u: int) -> tuple[int | None, bool]:
    """Count of the unit token at ``u`` (ثلاثة أيام, 3 days, يومين) and whether the unit is plural."""
    value = toks[u].cats["unit"]
    if ":" in value:
        return int(value.split(":")[1]), False
    plural = value.endswith("+")
    for j in (u - 1, u + 1, u - 2):
        if 0 <= j < len(toks) and toks[j].num is not None and not toks[j].approx:
            if j == u - 2 and "conn" not in toks[u - 1].cats:
                continue
            return toks[j].num, plural
    return (None if plural else 1), plural


def _unit(toks: list[TTok]) -> tuple[int, str] | None:
    u = next((k for k, t in enumerate(toks) if "unit" in t.cats), None)
    if u is None:
        return None
    return u, toks[u].cats["unit"].split(":")[0].rstrip("+")


def _ago(toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]) -> Interval | None:
    if not any("ago" in t.cats for t in toks) or _since(toks):
        return None
    found = _unit(toks)
    if found is None:
        return None
    u, unit = found
    n, plural = _count(toks, u)
    if n is None:  # "منذ أيام", "weeks ago"
        if unit == "day":
            return interval(d - timedelta(days=7), d - timedelta(days=1), "a few days before publication")
        if unit == "hour":
            return interval(d - timedelta(days=1), d, "a few hours before publication")
        if unit == "week":
            return interval(d - timedelta(days=42), d - timedelta(days=8), "a few weeks before publication")
        raise Unresolved(f"'{unit}s ago' without a number is too vague for ACLED precision")
    if unit == "day":
        day = d - timedelta(days=n)
        return interval(day, day, f"{n} day(s) before publication")
    if unit == "hour":
        if isinstance(base, datetime):
            day = (base - timedelta(hours=n)).date()
            return interval(day, day, f"{n} hour(s) before the publication time")
        midnight = datetime(d.year, d.month, d.day)
        start = (midnight - timedelta(hours=n)).date()
        end = (midnight + timedelta(hours=23, minutes=59) - timedelta(hours=n)).date()
        return interval(start, end, f"{n} hour(s) before publication (no publication time given)")
    if unit == "week":
        c = d - timedelta(days=7 * n)
        return interval(c - timedelta(days=3), min(c + timedelta(days=3), d), f"about {n} week(s) ago", 2)
    if unit == "month":
        y, m = cal.shift_month(d.year, d.month, -n)
        start, end = cal.month_interval(y, m)
        return interval(start, end, f"the month {n} month(s) before publication", 3)
    raise Unresolved("years ago is coarser than ACLED's month precision")


def _since(toks: list[TTok]) -> bool:
    """ "since …" (منذ مطلع الشهر, since last week), not "… ago"."""
    if any("since" in t.cats for t in toks):
        return True
    ar = [k for k, t in enumerate(toks) if t.text.endswith("منذ")]
    return (
        bool(ar)
        and any(set(t.cats) & {"part", "dir"} for t in toks[ar[0] + 1 :])
        and not any(t.num is not None or ":" in t.cats.get("unit", "") for t in toks)
    )


def _period(toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]) -> Interval | None:
    found = _unit(toks)
    if found is None:
        return None
    u, unit = found
    direction = dir_near(toks, u) or next((t.cats["dir"] for t in toks if "dir" in t.cats), None)
    part = part_before(toks, u)
    n, plural = _count(toks, u)
    explicit_n = any(t.num is not None for t in toks) or ":" in toks[u].cats["unit"]
    if direction is None and not part:
        return None
    first = week_starts().get(lang, 0)
    day = _day_of_month(toks, u) if unit == "month" and not plural else None
    if day is not None:
        return _day_in_month(d, day, direction)
    if unit == "year":
        raise Unresolved("a year is coarser than ACLED's month precision")
    rolling = any(t.text == "past" for t in toks) and unit in ("week", "month")
    if direction == "past" and (explicit_n or plural or rolling):
        return _rolling(d, unit, n if explicit_n or rolling else None)
    if _since(toks):
        span = _period_span(toks, d, unit, direction, part, first)
        if span is None:
            return None
        return interval(span.start, d, f"since {span.reason}")
    return _period_span(toks, d, unit, direction, part, first)


def _day_of_month(toks: list[TTok], u: int) -> int | None:
    """The day number before a month word: "السابع من الشهر الجاري", "19 من الشهر الماضي", "the 7th of
    last month" (only connectors, such as من / of / the, and a direction between them)."""
    for j in range(u - 1, -1, -1):
        tok = toks[j]
        if tok.num is not None:
            return tok.num if 1 <= tok.num <= 31 and not tok.approx else None
        if not (set(tok.cats) <= {"conn", "range", "dir"}):
            return None
    return None


def _day_in_month(d: date, day: int, direction: str | None) -> Interval:
    k = {"past": -1, "past2": -2, "next": 1}.get(direction or "this", 0)
    y, m = cal.shift_month(d.year, d.month, k)
    if day > cal.month_end(y, m).day:
        raise Unresolved(f"day {day} is not in the month")
    which = "last" if k < 0 else "next" if k else "this"
    return interval(date(y, m, day), date(y, m, day), f"day {day} of {which} month")


def _period_span(
    toks: list[TTok], d: date, unit: str, direction: str | None, part: str | None, first: int
) -> Interval | None:
    if unit == "week":
        this = cal.week_start(d, first)
        if direction == "past":
            return interval(
                this - timedelta(days=7), d - timedelta(days=1), "last calendar week up to publication", 2
            )
        if direction == "past2":
            return interval(this - timedelta(days=14), this - timedelta(days=8), "the week before last", 2)
        if direction == "next":
            return interval(this + timedelta(days=7), this + timedelta(days=13), "next calendar week", 2)
        return interval(this, d, "the publication week so far", 2)
    if unit == "month":
        k = {"past": -1, "past2": -2, "next": 1}.get(direction or "this", 0)
        y, m = cal.shift_month(d.year, d.month, k)
        start, end = cal.month_interval(y, m, part)
        if k == 0 and not part:
            end = d
        return interval(
            start,
            end,
            f"{part + ' of ' if part else ''}{'last' if k < 0 else 'next' if k else 'this'} month",
            3,
        )
    if unit == "day" and direction == "past":
        return interval(d - timedelta(days=1), d - timedelta(days=1), "the previous day")
    return None


def _rolling(d: date, unit: str, n: int | None) -> Interval:
    """Windows reaching back from publication: "in the past 24 hours", الأيام الماضية, الأشهر الماضية."""
    if n is None:
        if unit == "month":
            y, m = cal.shift_month(d.year, d.month, -3)
            start = date(y, m, min(d.day, cal.month_end(y, m).day))
            return interval(start, d - timedelta(days=1), "the recent months before publication", 3)
        days = {"day": 6, "hour": 1, "week": 28}[unit]
        return interval(d - timedelta(days=days), d, f"recent {unit}s up to publication")
    days = {"day": n, "hour": (n + 23) // 24, "week": 7 * n, "month": 30 * n}[unit]
    return interval(d - timedelta(days=days), d, f"the past {n} {unit}(s) up to publication")


RULES = (_weekday, _relday, _ago, _period)
