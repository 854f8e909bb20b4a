"""Turn an incident (grouped clauses with places and times) into an ACLED-coded :class:`Event`."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from rasd.actors import interaction_code
from rasd.coding.codebook import load_codebook
from rasd.extraction.clauses import Clause
from rasd.extraction.dates import (
    UNDATED_WINDOW_DAYS,
    TimeRef,
    before,
    day_with_clock,
    undated,
    utc_iso,
    when_from,
)
from rasd.extraction.grouping import SAME_PLACE_KM, Incident
from rasd.extraction.notes import notes_sentence
from rasd.extraction.places import PlaceRef, choose_location
from rasd.extraction.sources import Voice
from rasd.geo.spatial import distance_km
from rasd.model import Actor, Event, Flags, Place, Relation, Source, Span, When
from rasd.text.segments import Segment
from rasd.time.lexicon import country_zones

CIVILIANS = 7  # ACLED inter code
_COUNT_FIELDS = ("fatalities", "injuries", "abducted", "arrested")
_FLAG_CUES = {
    "repelled": "repelled",
    "no_damage": "no_damage",
    "claimed": "claimed",
    "unidentified": "unidentified_perpetrator",
    "denial": "denied",
}


@dataclass(slots=True)
class DocContext:
    """What the builder needs to know of the report as a whole."""

    text: str
    doc_id: str | None
    published: dt.date | None
    outlet: str | None
    language: str
    countries: dict[str, int] = field(default_factory=dict)  # country code -> places of the report in it


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _sub_event(incident: Incident) -> tuple[Clause, list[Span]]:
    """The clause whose coding decides the incident's type: weapon evidence first, then score."""
    body = [c for c in incident.clauses if c.classification is not None and not c.is_title] or [
        c for c in incident.clauses if c.classification is not None
    ]
    best = max(
        body, key=lambda c: (c.munition is not None, c.classification.score if c.classification else 0.0)
    )
    chosen = best.classification.sub_event_type if best.classification else None
    spans = [
        e
        for c in body
        if c.classification and c.classification.sub_event_type == chosen
        for e in c.classification.evidence
    ]
    return best, spans


def _when(incident: Incident) -> When | None:
    """The incident's date: its own expression, else the date of the post telling it at a stated
    time of day, else the date of the event it was told to happen at the same time as."""
    ref = incident.date_ref
    clocks = [t for t in incident.times if t.time]
    if ref is not None:
        clock = next((c for c in clocks if c.first == ref.first), None) if ref.precision == 1 else None
        return when_from(ref, clock)
    posted = _post_day(incident)
    if posted is not None and clocks:
        return day_with_clock(posted, posted, clocks[0], "time of day stated in a post dated that day")
    if incident.inherited is not None:
        start, end = incident.inherited
        clock = clocks[0] if clocks and start == end else None
        return day_with_clock(
            start, end, clock, "reported as happening at the same time as the event told before it"
        )
    return None


def _local_to_place(when: When, country_code: str | None) -> When:
    """A time of day given as local time (or with no zone) is in the zone of the event's country."""
    zone = country_zones().get(country_code or "")
    if zone is None:
        return when
    return when.model_copy(update={"tz": zone, "time_utc": utc_iso(when.start, when.time, zone)})


def _post_day(incident: Incident) -> dt.date | None:
    for clause in incident.clauses:
        if clause.voice is not None and clause.voice.kind == "post" and clause.voice.date is not None:
            return clause.voice.date
    return None


def _sources(incident: Incident, ctx: DocContext) -> tuple[list[Source], list[Span]]:
    seen: dict[str, Voice] = {}
    for clause in incident.clauses:
        v = clause.voice
        if v is not None and (v.name not in seen or v.kind == "post"):
            seen[v.name] = v
    sources = [
        Source(
            kind=_source_kind(v.kind),  # type: ignore[arg-type]
            name=v.name,
            author=v.author,
            handle=v.handle,
            platform=v.platform,
            date=v.date,
            span=_span(ctx.text, v.start, v.end),
        )
        for v in seen.values()
    ]
    if ctx.outlet:
        sources.append(Source(kind="outlet", name=ctx.outlet, date=ctx.published))
    return sources, [s.span for s in sources if s.span is not None]


def _source_kind(kind: str) -> str:
    return {"monitor": "agency", "official": "agency"}.get(kind, kind)


def _counts(
    incident: Incident, ctx: DocContext
) -> tuple[dict[str, int | None], dict[str, int], dict[str, list[Span]]]:
    """People counts (ACLED's conservative rule: the lowest figure reported) and munitions (the highest)."""
    people: dict[str, list[int]] = {}
    munitions: dict[str, int] = {}
    evidence: dict[str, list[Span]] = {}
    for clause in incident.clauses:
        if clause.is_title:
            continue
        for count in clause.counts:
            evidence.setdefault(count.field.split(":")[0], []).append(_span(ctx.text, count.start, count.end))
            if count.field.startswith("munition:"):
                key = count.field.split(":", 1)[1]
                munitions[key] = max(munitions.get(key, 0), count.value)
            else:
                people.setdefault(count.field, []).append(count.value)
    values: dict[str, int | None] = {f: (min(people[f]) if f in people else None) for f in _COUNT_FIELDS}
    return values, munitions, evidence


def _weapons(incident: Incident) -> list[str]:
    """The kinds of weapon the incident's clauses name, in text order."""
    seen: dict[str, None] = {}
    for clause in incident.clauses:
        if clause.classification is not None:
            for key in clause.classification.munitions:
                seen.setdefault(key, None)
    return list(seen)


def _flags(incident: Incident, ctx: DocContext) -> tuple[Flags, list[Span]]:
    flags = Flags()
    spans = []
    for clause in incident.clauses:
        for kind, s, e in clause.cues:
            attr = _FLAG_CUES.get(kind)
            if attr:
                setattr(flags, attr, True)
                spans.append(_span(ctx.text, s, e))
    return flags, spans


@dataclass(slots=True)
class EventBasis:
    """What an incident's event rests on before its actors are known: the clause coding it, the words
    carrying its type, its date, its location and its flags (the actors are found with these)."""

    lead: Clause
    type_spans: list[Span]
    when: When | None
    location: PlaceRef | None
    why: str
    flags: Flags
    flag_spans: list[Span]

    @property
    def country_code(self) -> str | None:
        return self.location.country_code if self.location is not None else None


def event_basis(incident: Incident, ctx: DocContext) -> EventBasis | None:
    """The basis of an incident's event, or None when it lacks the evidence to be one."""
    lead, type_spans = _sub_event(incident)
    if lead.classification is None or not type_spans:
        return None  # no words of the text carry the event type: not emitted
    told = [c for c in incident.clauses if not c.is_title]
    if told and all(c.habitual for c in told) and incident.dated is None:
        return None  # "the continued targeting of US forces": a situation, not a dated event
    when = _when(incident)
    location, why = choose_location(incident.places, ctx.countries)
    if when is not None and when.time and not when.tz and location is not None:
        when = _local_to_place(when, location.country_code)
    flags, flag_spans = _flags(incident, ctx)
    return EventBasis(lead, type_spans, when, location, why, flags, flag_spans)


def build_event(
    incident: Incident,
    ctx: DocContext,
    actors: tuple[Actor | None, Actor | None, list[Actor]],
    index: int,
    basis: EventBasis | None = None,
) -> Event | None:
    """The Event of an incident, or None when it lacks the evidence to be one (``basis``: its
    :func:`event_basis`, when already worked out)."""
    basis = basis or event_basis(incident, ctx)
    if basis is None:
        return None
    cls = basis.lead.classification
    assert cls is not None
    type_spans, when, location, why = basis.type_spans, basis.when, basis.location, basis.why
    counts, munitions, count_ev = _counts(incident, ctx)
    sources, source_spans = _sources(incident, ctx)
    flags, flag_spans = basis.flags, basis.flag_spans
    actor1, actor2, assoc = actors
    evidence: dict[str, list[Span]] = {"event_type": type_spans, "sub_event_type": type_spans}
    if location is not None:
        evidence["location"] = [_span(ctx.text, location.start, location.end)]
    if when is not None and when.text:
        evidence["when"] = [_span(ctx.text, t.start, t.end) for t in incident.times]
    for key, spans in count_ev.items():
        evidence["munitions" if key == "munition" else key] = spans
    if source_spans:
        evidence["sources"] = source_spans
    if flag_spans:
        evidence["flags"] = flag_spans
    for name, actor in (("actor1", actor1), ("actor2", actor2)):
        if actor is not None and actor.span is not None:
            evidence[name] = [actor.span]
    places: list[Place] = []
    seen_keys: set[str] = set()
    for ref in incident.places:
        if ref.key not in seen_keys:
            seen_keys.add(ref.key)
            places.append(ref.to_place())
    codebook = load_codebook()
    sub = cls.sub_event_type
    recode = codebook.recode_for_actor(sub, actor1.inter if actor1 else None)
    if recode is not None:
        sub = recode.target
    plover = codebook.plover_of(sub) if recode is not None else cls.plover
    event = Event(
        id=_event_id(ctx, incident, index),
        doc_id=ctx.doc_id,
        language=ctx.language,
        event_type=codebook.event_type_of(sub),
        sub_event_type=sub,
        disorder_type=codebook.disorder_type_of(sub),
        plover_type=plover[0] or None,
        plover_mode=plover[1] or None,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=assoc,
        inter1=actor1.inter if actor1 else None,
        inter2=actor2.inter if actor2 else None,
        interaction=_interaction(actor1, actor2),
        civilian_targeting=bool(actor2 is not None and actor2.inter == CIVILIANS),
        location=location.to_place(why) if location is not None else None,
        places=places,
        when=when,
        fatalities=counts["fatalities"],
        injuries=counts["injuries"],
        abducted=counts["abducted"],
        arrested=counts["arrested"],
        munitions=munitions,
        weapons=_weapons(incident),
        sources=sources,
        flags=flags,
        evidence=evidence,
        confidence=_confidence(cls.score, location is not None, when, len(sources)),
    )
    return event


def finish_dates(
    events: list[tuple[Incident, Event]], published: dt.date | None, lede: When | None = None
) -> None:
    """Give undated events an honest interval: before the event they provoked, the time frame of the
    report's opening line (see :func:`lede_when`), or around publication."""
    by_incident = {id(inc): ev for inc, ev in events}
    for inc, ev in events:
        if ev.when is not None:
            continue
        effects = [by_incident[id(e)] for e in (*inc.caused, *inc.earlier_than) if id(e) in by_incident]
        effect_when = next((e.when for e in effects if e.when is not None), None)
        if effect_when is not None:
            ev.when = before(effect_when)
        elif lede is not None and not _background(inc):
            ev.when = lede
        else:
            ev.when = undated(published)


def _background(incident: Incident) -> bool:
    """Told as background ("before that", "in recent months"), not as the report's news."""
    return any(
        c.prior or (c.classification is not None and "background" in c.classification.cues)
        for c in incident.clauses
    )


def lede_when(
    segments: Sequence[Segment],
    times: Sequence[TimeRef],
    events: list[tuple[Incident, Event]],
    published: dt.date | None,
) -> When | None:
    """The time frame a report's opening line gives ("مدن عدة تشهد تظاهرات في ساعات الليل والفجر",
    "On 8 June 2022, ..."),
    for the events it tells without a date of their own: only when it is recent, narrower than an
    undated event's window, and no event of the report is dated outside it (one time frame)."""
    opening = [seg.sentences[0] for seg in segments[:2] if seg.sentences]
    if segments and segments[0].kind != "title":
        opening = opening[:1]  # the title and the lede, or the lede alone
    if published is None or not opening:
        return None
    # a relative expression ("overnight", "اليوم"), or a date that frames the opening sentence ("On 8 June
    # 2022, ..."); any other absolute date up front is usually a dateline
    ref = next(
        (
            t
            for t in times
            if (t.kind == "relative" or t.framing) and any(s <= t.start < e for s, e in opening)
        ),
        None,
    )
    if ref is None or ref.last > published or (published - ref.first).days > UNDATED_WINDOW_DAYS:
        return None
    if (ref.last - ref.first).days >= UNDATED_WINDOW_DAYS:
        return None
    for _, ev in events:
        if ev.when is not None and (ev.when.start < ref.first or ev.when.end > ref.last):
            return None
    when = when_from(ref, None)
    return when.model_copy(update={"reason": f"no date of its own; the report's opening line: {ref.reason}"})


def link_relations(events: list[tuple[Incident, Event]]) -> None:
    """Record ``retaliation_for`` from each event to the events it answered."""
    by_incident = {id(inc): ev for inc, ev in events}
    for inc, ev in events:
        for cause in inc.causes:
            target = by_incident.get(id(cause))
            if target is not None and target is not ev and all(r.target != target.id for r in ev.relations):
                ev.relations.append(Relation(type="retaliation_for", target=target.id))


def _same_event(a: Event, b: Event) -> bool:
    """Two events of one report that are the same incident told twice (same type, place and dates)."""
    if a.sub_event_type != b.sub_event_type or a.location is None or b.location is None:
        return False
    la, lb = a.location, b.location
    same_place = (la.source, la.source_id) == (lb.source, lb.source_id) or (
        None not in (la.lat, la.lon, lb.lat, lb.lon)
        and distance_km(la.lat, la.lon, lb.lat, lb.lon) <= SAME_PLACE_KM  # type: ignore[arg-type]
    )
    if not same_place and not (_contains(la, lb) or _contains(lb, la)):
        return False
    if a.when is None or b.when is None:
        return a.when is b.when
    return a.when.start <= b.when.end and b.when.start <= a.when.end


def _contains(area: Place, place: Place) -> bool:
    """Is ``place`` in the province or district ``area``?"""
    return (
        area.feature in {"admin1", "admin2"}
        and area.country_code == place.country_code
        and area.name in {place.admin1, place.admin2}
    )


def merge_repeats(events: list[tuple[Incident, Event]]) -> list[tuple[Incident, Event]]:
    """Fold events a report tells twice into the first telling, keeping every span and source."""
    kept: list[tuple[Incident, Event]] = []
    for inc, ev in events:
        first = next((k for k in kept if _same_event(k[1], ev)), None)
        if first is None:
            kept.append((inc, ev))
            continue
        host_inc, host = first
        for key, spans in ev.evidence.items():
            host.evidence.setdefault(key, []).extend(s for s in spans if s not in host.evidence[key])
        names = {s.name for s in host.sources}
        host.sources.extend(s for s in ev.sources if s.name not in names)
        for name in ("fatalities", "injuries", "abducted", "arrested"):
            if getattr(host, name) is None:
                setattr(host, name, getattr(ev, name))
        for key, n in ev.munitions.items():
            host.munitions[key] = max(n, host.munitions.get(key, 0))
        host.weapons.extend(w for w in ev.weapons if w not in host.weapons)
        if host.when is not None and ev.when is not None and _narrower(ev.when, host.when):
            host.when = ev.when
        host_inc.causes.extend(ev_cause for ev_cause in inc.causes if ev_cause not in host_inc.causes)
        for other, _ in events:  # what answered the folded incident answered the host
            other.causes[:] = [host_inc if c is inc else c for c in other.causes]
    return kept


def _narrower(a: When, b: When) -> bool:
    return (a.end - a.start) < (b.end - b.start)


def finish_notes(event: Event) -> None:
    event.notes = notes_sentence(event)


def _interaction(actor1: Actor | None, actor2: Actor | None) -> int | None:
    if actor1 is None or actor1.inter is None:
        return None
    return interaction_code(actor1.inter, actor2.inter if actor2 else None)


def _event_id(ctx: DocContext, incident: Incident, index: int) -> str:
    first = min(c.start for c in incident.clauses)
    digest = hashlib.sha1(f"{ctx.doc_id}|{first}|{ctx.text[:200]}".encode()).hexdigest()[:10]
    return f"{ctx.doc_id or 'doc'}-{index + 1}-{digest}"


def _confidence(score: float, located: bool, when: When | None, n_sources: int) -> float:
    value = (
        0.5 * score
        + (0.2 if located else 0.0)
        + (0.15 if when is not None and when.time_precision == 1 else 0.05)
    )
    value += min(0.15, 0.05 * n_sources)
    return round(min(1.0, value), 3)
