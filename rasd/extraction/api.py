"""``extract``: from the text of one report to its ACLED-coded events.

Stages: segments and sentences → reporting voices → event clauses → places and times of the
whole document → incidents (clauses grouped) → actors → events with evidence, dates, relations.
"""

from __future__ import annotations

import datetime as dt
import gc
from bisect import bisect_right
from collections import Counter

from rasd.actors.find import DocumentHeads
from rasd.coding.classify import has_crowd_size
from rasd.extraction.actors import incident_actors, sentence_parties
from rasd.extraction.build import (
    DocContext,
    build_event,
    event_basis,
    finish_dates,
    finish_notes,
    lede_when,
    link_relations,
    merge_repeats,
)
from rasd.extraction.bulletin import bulletin_when, headline_lines
from rasd.extraction.clauses import Clause, Leftover, analyse_sentence
from rasd.extraction.dates import TimeRef, document_times
from rasd.extraction.discourse import find_discourse
from rasd.extraction.genre import document_genre
from rasd.extraction.grouping import Incident, group_clauses
from rasd.extraction.places import UnresolvedPlace, country_weights, document_places
from rasd.extraction.sources import (
    NamedParty,
    Voice,
    has_reporting_cue,
    post_date,
    post_voice,
    sentence_voice,
)
from rasd.model import Event, Span
from rasd.text.normalize import is_arabic, normalize
from rasd.text.segments import Segment, segment
from rasd.text.tokens import tokenize

AGGREGATE_TOLL = 100  # a toll this large told over a month or more is a statistic
MAX_SPAN_DAYS = 45  # an event dated no better than this is a situation, not an event
ORPHAN_REACH = 3  # sentences after a clause within which a trigger-less count or cue still belongs to it
# strategic developments that are acts, not remarks: reported undated, they are the report's news
DATED_BY_REPORT = frozenset({"Disrupted weapons use"})
UNRESOLVED_ROLES = frozenset({"target", "other"})  # an unknown place named as where it happened
UNRESOLVED_CONFIDENCE = 0.7  # an event whose place has no coordinates
STRATEGIC = "Strategic developments"
_settled = False  # set once the first extraction has loaded the lexicons and the gazetteer


def _as_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ValueError(f"published: {value!r} is not a date (YYYY-MM-DD)") from exc


def extract(
    text: str,
    published: dt.date | dt.datetime | str | None = None,
    *,
    doc_id: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    country: str | None = None,
    tz: str | None = None,
) -> list[Event]:
    """Events reported in ``text`` (Arabic, English or both), with evidence spans into ``text``.

    ``published`` anchors relative dates ("yesterday", "اليوم الأربعاء"); without it only
    absolute dates resolve. ``country`` (ISO2) is a hint for generic actors when the text names none.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    day = _as_date(published)
    full = f"{title}\n{text}" if title else text
    offset = len(title) + 1 if title else 0
    segments = segment(full, first_is_title=True if title else None)
    sentence_langs, clauses, leftovers = _read_sentences(full, segments, country, day)
    if not clauses:
        return []
    unresolved: list[UnresolvedPlace] = []
    places = document_places(full, sentence_langs, unresolved)
    bases = [(seg.start, seg.end, post_date(seg.post)) for seg in segments if seg.post is not None]
    times = document_times(full, bases, day, tz)
    headlines = headline_lines(full)
    incidents = group_clauses(clauses, places, times, headlines)
    _attach_leftovers(incidents, leftovers, times)
    doc_lang = Counter(lang for _, _, lang in sentence_langs).most_common(1)[0][0]
    ctx = DocContext(full, doc_id, day, outlet, doc_lang, country_weights(places))
    built: list[tuple[Incident, Event]] = []
    heads = DocumentHeads(full)
    for i, incident in enumerate(incidents):
        basis = event_basis(incident, ctx)
        if basis is None:
            continue
        where = basis.country_code if basis.location else country
        event_day = basis.when.start if basis.when else day
        actors = incident_actors(
            incident.clauses, full, where, event_day, basis.flags.unidentified_perpetrator, heads
        )
        event = build_event(incident, ctx, actors, i, basis)
        if event is not None and event.location is None:
            event = _unresolved_location(event, incident, unresolved)
        if event is not None and event.location is not None:
            # An event with no place below country level, not even a name no gazetteer knows, cannot be
            # coded (ACLED needs a location); it stays out rather than landing on a country centroid.
            built.append((incident, event))
    finish_dates(built, day, bulletin_when(day) if headlines else lede_when(segments, times, built, day))
    # "since 2014", "over the past months": an ongoing situation, not an event ACLED could date.
    built = [(inc, ev) for inc, ev in built if _datable(inc, ev) and not _statistic(inc, ev, full)]
    if document_genre(normalize(full).text) == "opinion":
        # a column mentions events as background: only those it dates to a day are news
        built = [(inc, ev) for inc, ev in built if ev.when is not None and ev.when.time_precision == 1]
    built = merge_repeats(built)
    link_relations(built)
    events = [ev for _, ev in built]
    for ev in events:
        finish_notes(ev)
    if offset:
        events = [_shift_out_title(ev, offset) for ev in events]
    _settle()
    return events


def _settle() -> None:
    """After the first extraction, move what it loaded (lexicons, gazetteer keys) out of the garbage
    collector's way: every full collection would otherwise walk those long-lived objects again."""
    global _settled
    if not _settled:
        _settled = True
        gc.freeze()


def _unresolved_location(event: Event, incident: Incident, unresolved: list[UnresolvedPlace]) -> Event:
    """An event whose place the report names but no gazetteer knows keeps that name, without
    coordinates, and a lower confidence: an analyst can place it; dropping it would lose the event."""
    spans = [(c.start, c.end) for c in incident.clauses]
    named = next(
        (u for u in unresolved if u.role in UNRESOLVED_ROLES and any(s <= u.start < e for s, e in spans)),
        None,
    )
    if named is None:
        return event
    evidence = {**event.evidence, "location": [Span(start=named.start, end=named.end, text=named.text)]}
    return event.model_copy(
        update={
            "location": named.to_place(),
            "evidence": evidence,
            "confidence": round(event.confidence * UNRESOLVED_CONFIDENCE, 3),
        }
    )


def _datable(incident: Incident, event: Event) -> bool:
    """Is this an event ACLED could date? Not "since 2014" or "over the past months" (a situation),
    and not a strategic development the report gives no date of its own for (a remark, not news)."""
    when = event.when
    if when is None:
        return True
    if (when.end - when.start).days > MAX_SPAN_DAYS:
        return False
    return (
        event.event_type != STRATEGIC or event.sub_event_type in DATED_BY_REPORT or incident.dated is not None
    )


def _statistic(incident: Incident, event: Event, text: str) -> bool:
    """A large toll summed over a month or more ("1,332 Iraqis killed during July", "خلال تموز الماضي"):
    a statistic, not one event (a single attack dated to a month is still an event)."""
    if max(event.fatalities or 0, event.injuries or 0) < AGGREGATE_TOLL:
        return False
    for t in incident.times:
        if t.has_date and (t.last - t.first).days >= 27:
            phrase = text[max(0, t.start - 20) : t.end]
            lang = "ar" if is_arabic(phrase) else "en"
            if any(c.kind == "period" for c in find_discourse(tokenize(normalize(phrase).text), lang)):
                return True
    return False


def _read_sentences(
    full: str, segments: list[Segment], country: str | None, day: dt.date | None
) -> tuple[list[tuple[int, int, str]], list[Clause], list[Leftover]]:
    """Each sentence's language, and the event clauses (with their voice) or leftovers it holds."""
    sentence_langs: list[tuple[int, int, str]] = []
    clauses: list[Clause] = []
    leftovers: list[Leftover] = []
    last_statement: Voice | None = None
    crowd = has_crowd_size(full)  # an ACLED note of a demonstration ("[size=hundreds]")
    for seg in segments:
        for s, e in seg.sentences:
            sentence = full[s:e]
            lang = "ar" if is_arabic(sentence) else "en"
            sentence_langs.append((s, e, lang))
            voice = _voice(seg, sentence, s, e, lang, country, day, last_statement)
            if voice is not None and voice.kind in {"statement", "official", "spokesperson"}:
                last_statement = voice
            found, leftover = analyse_sentence(full, s, e, len(sentence_langs) - 1, seg, lang, voice, crowd)
            clauses.extend(found)
            if leftover is not None:
                leftovers.append(leftover)
    return sentence_langs, clauses, leftovers


def _voice(
    seg: Segment,
    sentence: str,
    start: int,
    end: int,
    lang: str,
    country: str | None,
    day: dt.date | None,
    last_statement: Voice | None,
) -> Voice | None:
    """Who the sentence reports through: the post it stands in, or a party or agency it names."""
    if seg.post is not None:
        return post_voice(seg.post, start, end)
    norm = normalize(sentence)
    if not has_reporting_cue(norm, lang):
        return None
    parties = [
        NamedParty(m.start, m.end, m.short or m.acled_name)
        for m in sentence_parties(sentence, lang, country, day)
    ]
    return sentence_voice(norm, lang, parties, start, last_statement)


def _attach_leftovers(incidents: list[Incident], leftovers: list[Leftover], times: list[TimeRef]) -> None:
    """Counts, cues (and, if the sentence names an event, times) of sentences without a clause
    go to the incident told just before them, within a few sentences."""
    told = sorted(
        (
            (clause.start, clause.sentence, n, inc)
            for inc in incidents
            for n, clause in enumerate(inc.clauses)
            if not clause.is_title
        ),
        key=lambda x: x[0],
    )
    starts = [t[0] for t in told]
    for left in leftovers:
        i = bisect_right(starts, left.start) - 1
        if i < 0 or left.sentence - told[i][1] > ORPHAN_REACH:
            continue
        _, _, n, incident = told[i]
        clause = incident.clauses[n]
        clause.counts.extend(left.counts)
        clause.cues.extend(left.cues)
        if left.names_event:  # "the attack happened at 7:30": a date never overrides the incident's own
            incident.times.extend(
                t for t in times if left.start <= t.start < left.end and not (t.has_date and incident.dated)
            )


def _shift_out_title(event: Event, offset: int) -> Event:
    """Spans index ``text`` when the title was given apart: move them, and drop those in the title."""
    data = event.model_dump()

    def fix(obj: object) -> object:
        if isinstance(obj, dict):
            if set(obj) == {"start", "end", "text"}:
                if obj["start"] < offset:
                    return None
                return {**obj, "start": obj["start"] - offset, "end": obj["end"] - offset}
            return {k: fix(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [x for x in (fix(v) for v in obj) if x is not None]
        return obj

    return Event.model_validate(fix(data))
