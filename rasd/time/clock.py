"""Time of day in a list of time tokens: 10:15, ١٢٣٠ after الساعة, 12.30 ظهراً, السابعة والنصف صباحاً, 5 PM."""

from __future__ import annotations

from rasd.time.lexer import TTok

_SKIP = {"conn", "approx"}
_MILITARY = {"hrs", "h", "gmt", "utc", "z"}


def _marked(toks: list[TTok], i: int) -> str | None:
    """The hour marker (الساعة, تمام, at) right before token ``i``, skipping articles and "approx"."""
    j = i - 1
    while j >= 0 and set(toks[j].cats) <= _SKIP and toks[j].cats:
        j -= 1
    if j >= 0 and ("hourmark" in toks[j].cats or "at" in toks[j].cats):
        return "at" if "at" in toks[j].cats and "hourmark" not in toks[j].cats else "hour"
    return None


def _after(toks: list[TTok], i: int, cat: str, reach: int = 2) -> str | None:
    for t in toks[i + 1 : i + 1 + reach]:
        if cat in t.cats:
            return t.cats[cat]
    return None


def find_clock(toks: list[TTok]) -> tuple[int, int, int] | None:
    """(hour, minute, token index) of the stated time of day, 24-hour, or None."""
    daypart = next((t.cats["daypart"] for t in toks if "daypart" in t.cats), None)
    for i, t in enumerate(toks):
        hm: tuple[int, int] | None = None
        mark = _marked(toks, i)
        ampm = _after(toks, i, "ampm")
        if "hhmm" in t.cats:
            hm = _pair(t.text, ":")
        elif "dotclock" in t.cats and (mark or ampm or _after(toks, i, "daypart", 1)):
            hm = _pair(t.text, ".")
        elif "clock" in t.cats:
            fixed = _pair(t.cats["clock"], ":")
            return fixed[0], fixed[1], i
        elif t.num is not None and not t.approx and "unit" not in t.cats:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            after = set(nxt.cats) if nxt else set()
            military = nxt is not None and (nxt.text in _MILITARY or "zone" in nxt.cats)
            if (
                t.text.isdigit()
                and len(t.text) in (3, 4)
                and (mark == "hour" or military or (mark == "at" and not 1900 <= t.num <= 2100))
            ):
                hm = t.num // 100, t.num % 100
            elif t.num <= 24 and (
                mark == "hour"
                or ampm
                or after & {"fraction", "minus", "hourmark"}
                or (after & {"daypart"} and (not t.text.isdigit() or t.num <= 12))
                or (mark and _after(toks, i, "daypart", 3))
            ):
                hm = t.num, 0
        if hm is None:
            continue
        hour, minute = hm
        minute += _fraction(toks, i)
        if minute < 0:
            hour, minute = hour - 1, minute + 60
        hour = _adjust(hour, ampm, daypart)
        if 0 <= hour <= 24 and 0 <= minute < 60:
            return hour % 24, minute, i
    return None


def _pair(text: str, sep: str) -> tuple[int, int]:
    h, m = text.split(sep)
    return int(h), int(m)


def _fraction(toks: list[TTok], i: int) -> int:
    """Minutes added by والنصف / والربع, or taken by إلا ربعاً."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return 0
    if "fraction" in nxt.cats:
        return int(nxt.cats["fraction"])
    if "minus" in nxt.cats and i + 2 < len(toks) and "fraction" in toks[i + 2].cats:
        return -int(toks[i + 2].cats["fraction"])
    # السابعة و15 دقيقة, 9 و 15 دقيقة
    k = i + 2 if nxt.text in ("و", "and") else i + 1
    minutes = toks[k].num if k + 1 < len(toks) and "minute" in toks[k + 1].cats else None
    return minutes if minutes is not None and minutes < 60 else 0


def _adjust(h: int, ampm: str | None, daypart: str | None) -> int:
    if h > 12:
        return h
    if ampm == "pm":
        return h if h == 12 else h + 12
    if ampm == "am":
        return 0 if h == 12 else h
    if daypart == "pm" and h < 12:
        return h + 12
    if daypart == "noon" and 1 <= h <= 5:
        return h + 12
    if daypart == "night":
        if 6 <= h <= 11:
            return h + 12
        if h == 12:
            return 0
    return h
