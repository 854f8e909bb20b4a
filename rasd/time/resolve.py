"""Resolution of one time expression against the report's publication date and zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from rasd.text.normalize import is_arabic, normalize
from rasd.time import absolute, relative
from rasd.time.clock import find_clock
from rasd.time.lexer import TTok, lex
from rasd.time.lexicon import zone_for
from rasd.time.spans import Interval, Unresolved, interval
from rasd.time.types import TimeResolution


def resolve_time(
    expr: str, base: date | datetime, tz: str | None = None, lang: str | None = None
) -> TimeResolution:
    """Interval, ACLED precision and time of day of ``expr`` relative to the publication ``base``.

    ``tz`` is an IANA zone or an ISO country code (SY, IQ ...) of the report's place; a zone named in
    the expression wins. Unresolvable expressions give ``start=None`` and the reason.
    """
    base_day = base.date() if isinstance(base, datetime) else base
    lang = lang or ("ar" if is_arabic(expr) else "en")
    toks = [t for t in lex(normalize(expr).text) if t.cats]
    zone, zone_reason = _zone(toks, tz)
    clock = find_clock(toks)
    skip = {clock[2]} if clock else set()
    try:
        span = _date(toks, base, base_day, lang, skip)
    except Unresolved as exc:
        return TimeResolution(None, None, None, None, None, zone, str(exc))
    if span is not None and _since_date(toks) and span.start <= base_day:
        span = interval(span.start, base_day, f"since {span.reason}")
    if span is None and clock:
        span = Interval(base_day, base_day, 1, "time of day only: the date is the publication date")
    if span is None:
        span = _dateparser(expr, base, lang) if _dateparser_may_read(toks) else None
    if span is None:
        return TimeResolution(None, None, None, None, None, zone, "no date or time expression recognised")
    time_s = time_utc = None
    reason = span.reason
    if clock:
        time_s = f"{clock[0]:02d}:{clock[1]:02d}"
        if zone:
            local = datetime(span.start.year, span.start.month, span.start.day, clock[0], clock[1])
            utc = local.replace(tzinfo=ZoneInfo(zone)).astimezone(ZoneInfo("UTC"))
            time_utc = f"{utc.hour:02d}:{utc.minute:02d}"
            if utc.date() != span.start:
                reason += f"; in UTC the day is {utc.date().isoformat()}"
        else:
            reason += "; no time zone known, time_utc left empty"
    if zone_reason:
        reason += f"; {zone_reason}"
    return TimeResolution(span.start, span.end, span.precision, time_s, time_utc, zone, reason)


def _zone(toks: list[TTok], tz: str | None) -> tuple[str | None, str]:
    default = zone_for(tz)
    named = next((t for t in toks if "zone" in t.cats), None)
    if named is None:
        return default, "" if default or not tz else f"unknown time zone {tz!r}"
    if named.cats["zone"] == "local":
        return default, f"'{named.text}' read as the zone of the report's place" if default else (
            f"'{named.text}' but no zone given for the report's place"
        )
    return named.cats["zone"], f"zone named in the text: {named.text}"


def _date(toks: list[TTok], base: date | datetime, d: date, lang: str, skip: set[int]) -> Interval | None:
    for rule in (*absolute.RULES, *relative.RULES):
        span = rule(toks, base, d, lang, skip)
        if span is not None:
            return span
    return None


_SINCE_WHAT = frozenset({"month", "month_weak", "hmonth", "numdate", "weekday"})


def _since_date(toks: list[TTok]) -> bool:
    """منذ or since before an explicit date or a weekday (منذ الخميس, since Monday): the interval runs
    from that day to publication."""
    lead = next((k for k, t in enumerate(toks) if "since" in t.cats or t.text.endswith("منذ")), None)
    return lead is not None and any(set(t.cats) & _SINCE_WHAT for t in toks[lead + 1 :])


def _dateparser_may_read(toks: list[TTok]) -> bool:
    """Could dateparser read a date the rules missed? Only with a month name and a number, and never
    with a Hijri month name: its dictionaries lack them, and it reads nothing from a text with a word
    it does not know (so the 0.3 s it takes to load is not spent for nothing)."""
    cats = {c for t in toks for c in t.cats}
    if cats.isdisjoint({"month", "month_weak"}) or not cats.isdisjoint({"hmonth", "hmonth_weak"}):
        return False
    return any(t.num is not None for t in toks)


def _dateparser(expr: str, base: date | datetime, lang: str) -> Interval | None:
    """Fallback for explicit dates the rules do not cover; dateparser is imported lazily."""
    import dateparser

    rel = base if isinstance(base, datetime) else datetime(base.year, base.month, base.day)
    got = dateparser.parse(
        expr,
        languages=[lang, "en"] if lang != "en" else ["en"],
        settings={"RELATIVE_BASE": rel, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]},
    )
    if got is None:
        return None
    return interval(got.date(), got.date(), "date read by dateparser")
