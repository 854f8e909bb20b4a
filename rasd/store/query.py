"""Read merged events (with analysts' edits applied), their mentions, and quarantined documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, and_, or_, select

from rasd.geo.spatial import distance_km
from rasd.model import Event
from rasd.store.edits import all_edits, apply_edits_lenient
from rasd.store.schema import documents, edits, errors, events, mentions


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every given condition must hold (on the edited event)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO2 code or country name
    event_type: str | None = None  # event type or sub-event type
    actor: str | None = None  # substring of any actor name, case-insensitive
    near: tuple[float, float, float] | None = None  # lat, lon, km

    def accepts(self, event: Event) -> bool:
        loc, when = event.location, event.when
        if self.since and (when is None or when.end < self.since):
            return False
        if self.until and (when is None or when.start > self.until):
            return False
        if self.country:
            want = self.country.casefold()
            if loc is None or want not in {
                (loc.country_code or "").casefold(),
                (loc.country or "").casefold(),
            }:
                return False
        if self.event_type and self.event_type.casefold() not in {
            event.event_type.casefold(),
            event.sub_event_type.casefold(),
        }:
            return False
        if self.actor:
            names = [
                a.name for a in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2) if a
            ]
            names += [a.short for a in (event.actor1, event.actor2) if a and a.short]
            if not any(self.actor.casefold() in n.casefold() for n in names):
                return False
        if self.near:
            lat, lon, km = self.near
            if (
                loc is None
                or loc.lat is None
                or loc.lon is None
                or distance_km(lat, lon, loc.lat, loc.lon) > km
            ):
                return False
        return True


def read_events(engine: Engine, where: EventFilter | None = None) -> Iterator[Event]:
    """Merged events with edits applied, by date then id. SQL pre-filters; edited events are always checked."""
    where = where or EventFilter()
    order = (
        events.c.date_start.is_(None),
        events.c.date_start,
        events.c.id,
    )  # undated last, on every backend
    query = select(events.c.id, events.c.data).order_by(*order)
    conds = []
    if where.since:
        conds.append(events.c.date_end >= where.since)
    if where.until:
        conds.append(events.c.date_start <= where.until)
    if where.near:
        lat, lon, km = where.near
        conds += [events.c.lat.between(lat - km / 110.0, lat + km / 110.0)]
    if conds:
        edited = select(edits.c.event_id)
        query = query.where(or_(events.c.id.in_(edited), and_(*conds)))
    with engine.connect() as conn:
        changes = all_edits(conn)  # analysts' edits are few next to events: read them all first
        for chunk in conn.execution_options(yield_per=2000).execute(query).partitions():
            for event_id, data in chunk:
                event = Event.model_validate_json(data)
                if event_id in changes:
                    event = apply_edits_lenient(event, changes[event_id])
                if where.accepts(event):
                    yield event


def read_mentions(engine: Engine, event_id: str) -> list[tuple[str, Event]]:
    """(document key, that document's event) for every report of the incident ``event_id``."""
    query = (
        select(documents.c.key, mentions.c.data)
        .join(documents, documents.c.id == mentions.c.document_id)
        .where(mentions.c.event_id == event_id)
        .order_by(documents.c.key, mentions.c.local_id)
    )
    with engine.connect() as conn:
        return [(key, Event.model_validate_json(data)) for key, data in conn.execute(query)]


@dataclass(frozen=True)
class ErrorRow:
    origin: str
    reason: str
    attempts: int
    last_seen: dt.datetime


def read_errors(engine: Engine) -> list[ErrorRow]:
    """Quarantined documents, most recent first."""
    query = select(errors.c.origin, errors.c.reason, errors.c.attempts, errors.c.last_seen).order_by(
        errors.c.last_seen.desc(), errors.c.id.desc()
    )
    with engine.connect() as conn:
        return [ErrorRow(*row) for row in conn.execute(query)]
