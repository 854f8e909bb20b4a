"""Time expressions of a report, resolved against the right base date, and the interval of an event.

A post's expressions are resolved against the post's own date, the rest against the publication
date. Without a publication date only absolute expressions resolve (a relative one would need a
base the report does not give, and rasd never guesses one).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rasd.extraction.sources import reporting_cues
from rasd.model import Span, When
from rasd.text.normalize import is_arabic, normalize
from rasd.text.tokens import tokenize
from rasd.time import TimeResolution, find_time_expressions, resolve_time

UNDATED_WINDOW_DAYS = 6  # an undated event reported on day D: [D - 6, D], precision 2
CAUSE_WINDOW_DAYS = 14  # an undated event another one answered: up to 14 days before that one


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A resolved time expression of the document (document offsets)."""

    start: int
    end: int
    text: str
    kind: str  # date | time | datetime | relative | range
    first: dt.date
    last: dt.date
    precision: int
    time: str | None
    tz: str | None
    reason: str
    reporting: bool = False  # dates the report ("a monitor said Monday", "قال المرصد اليوم"), not the event
    framing: bool = False  # opens its sentence before a comma ("On 20 January 2022, ..."): dates all of it

    @property
    def has_date(self) -> bool:
        return self.kind != "time"

    @property
    def span(self) -> Span:
        return Span(start=self.start, end=self.end, text=self.text)


def document_times(
    text: str, bases: Sequence[tuple[int, int, dt.date | None]], default_base: dt.date | None, tz: str | None
) -> list[TimeRef]:
    """Every time expression of the document that resolves; ``bases`` gives a post's own date."""
    refs: list[TimeRef] = []
    for mention in find_time_expressions(text):
        if mention.kind == "zone":
            continue
        base = next((b for s, e, b in bases if s <= mention.start < e and b is not None), default_base)
        resolved = _resolve(mention.text, base, tz)
        if resolved is None or resolved.start is None or resolved.end is None:
            continue
        refs.append(
            TimeRef(
                mention.start,
                mention.end,
                mention.text,
                mention.kind,
                resolved.start,
                resolved.end,
                resolved.precision or 3,
                resolved.time,
                resolved.tz,
                resolved.reason,
                _after_reporting_word(text, mention.start),
                _frames_sentence(text, mention.start, mention.end),
            )
        )
    return refs


_FRAME_END = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?[,،]")


def _frames_sentence(text: str, start: int, end: int) -> bool:
    """Does a date with a day number open its sentence and end at a comma ("On 20 January 2022, relatives
    of a man found dead on 13 January protested", "Property destruction: On 12 May, ...", "في 9 آذار، ...")?
    Then it dates what the sentence tells, not the earlier dates inside it."""
    if not any(ch.isdigit() for ch in text[start:end]):
        return False  # "اليوم السبت، أعلن ... أنه قصف أمس": the day of the telling, not of the strike
    before = text[max(0, start - 42) : start]
    cut = max(before.rfind(c) for c in ".!?؟\n")
    lead = before[cut + 1 :] if cut >= 0 else (before if start <= 42 else None)
    if lead is None or not _LEAD.fullmatch(lead):
        return False
    return _FRAME_END.match(text, end) is not None


_LEAD = re.compile(
    r"\s*(?:[A-Z][\w /]{0,30}:\s*)?(?:و)?\s*(?:(?:around|about|on|in|by)\s+)?", re.UNICODE | re.IGNORECASE
)


_REPORTING_REACH = 6  # tokens between a reporting word and the time it dates ("قال المرصد السوري اليوم")
_CLAUSE_END = re.compile(r"[.!?؟;؛\n]")


def _after_reporting_word(text: str, start: int) -> bool:
    """Does a reporting word ("said", "told AFP", "قال المرصد") stand just before this time expression,
    in its clause, with no object between them ("claimed a mid-August attack", "مسؤوليته عن هجوم")?
    Then it dates the telling, not necessarily the event."""
    before = _CLAUSE_END.split(text[max(0, start - 80) : start])[-1]
    norm = normalize(before)
    tokens = tokenize(norm.text)[-_REPORTING_REACH:]
    if not tokens:
        return False
    lang = "ar" if is_arabic(before) else "en"
    reach = _REPORTING_REACH if lang == "ar" else 3
    for m in reporting_cues(lang).find_tokens(tokens):
        gap = [t.text for t in tokens[m.last_token + 1 :]]
        if m.payload["kind"] in {"statement", "report"} and len(gap) <= reach and _OBJECT.isdisjoint(gap):
            return True
    return False


# words that open what a reporting verb tells of, not when it was told ("claimed a ... attack", "عن هجوم")
_OBJECT = frozenset({"a", "an", "for", "of", "about", "that", "عن", "ان", "على"})


def _resolve(expr: str, base: dt.date | None, tz: str | None) -> TimeResolution | None:
    if base is not None:
        return resolve_time(expr, base, tz)
    # No base: keep the expression only when it means the same whatever the base (an absolute date).
    today = dt.date.today()
    a = resolve_time(expr, today, tz)
    b = resolve_time(expr, today - dt.timedelta(days=400), tz)
    if a.start is not None and (a.start, a.end) == (b.start, b.end):
        return a
    return None


def overlaps(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    """Do two date intervals overlap (an unknown interval overlaps anything)?"""
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def precision_of(start: dt.date, end: dt.date) -> int:
    """ACLED time_precision of an interval: 1 a day, 2 up to a week (and a bit), 3 longer."""
    days = (end - start).days + 1
    return 1 if days <= 1 else 2 if days <= 10 else 3


def when_from(ref: TimeRef, clock: TimeRef | None) -> When:
    """The event's When from its date expression and, if any, the expression that gave the time of day."""
    time = ref.time or (clock.time if clock else None)
    tz = ref.tz or (clock.tz if clock else None)
    return When(
        start=ref.first,
        end=ref.last,
        time_precision=ref.precision,
        time=time,
        time_utc=utc_iso(ref.first, time, tz) if ref.precision == 1 else None,
        tz=tz,
        text=ref.text,
        reason=ref.reason,
    )


def day_with_clock(start: dt.date, end: dt.date, clock: TimeRef | None, reason: str) -> When:
    """A When for an interval taken from elsewhere, with the time of day a clock expression gives."""
    one_day = start == end
    time = clock.time if clock is not None and one_day else None
    tz = clock.tz if clock is not None else None
    return When(
        start=start,
        end=end,
        time_precision=precision_of(start, end),
        time=time,
        time_utc=utc_iso(start, time, tz) if one_day else None,
        tz=tz,
        text=clock.text if clock is not None else None,
        reason=reason,
    )


def utc_iso(day: dt.date, hhmm: str | None, tz: str | None) -> str | None:
    """ISO 8601 UTC datetime of a local date and time in zone ``tz`` (None when either is unknown)."""
    if not hhmm or not tz:
        return None
    try:
        zone = ZoneInfo(tz)
        hour, minute = (int(x) for x in hhmm.split(":")[:2])
    except (ZoneInfoNotFoundError, ValueError):
        return None
    local = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%MZ")


def undated(published: dt.date | None) -> When | None:
    """The honest interval of an event the report gives no date for."""
    if published is None:
        return None
    start = published - dt.timedelta(days=UNDATED_WINDOW_DAYS)
    return When(
        start=start,
        end=published,
        time_precision=2,
        reason=f"no date in the text; reported on {published.isoformat()}",
    )


def before(later: When) -> When:
    """The interval of an undated event told as coming before ``later`` (which answered it, or
    which the report tells "before that" of): up to two weeks before it."""
    start = later.start - dt.timedelta(days=CAUSE_WINDOW_DAYS)
    return When(
        start=start,
        end=later.end,
        time_precision=precision_of(start, later.end),
        reason=f"no date in the text; before the event told after it ({later.start.isoformat()})",
    )
