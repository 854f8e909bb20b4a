"""Event pages and counts for the API, filtered as ``rasd events`` filters them (analysts' edits applied).

Events nobody edited are filtered, counted and paged in SQL (bound parameters only); edited events, which
are few, are read whole, edited, filtered in Python and merged into the same order: date, then id.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
import weakref
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, cast, func, or_, select
from sqlalchemy.dialects.postgresql import JSONB

from rasd.geo.spatial import distance_km
from rasd.model import Event
from rasd.store.edits import all_edits, apply_edits_lenient
from rasd.store.query import EventFilter
from rasd.store.schema import edits, events

SQLITE_PK_INDEX = "sqlite_autoindex_events_1"  # SQLite's index of events.id (the primary key)
Key = tuple[bool, dt.date, str]


def sort_key(event: Event) -> Key:
    """The listing order of ``event``: dated before undated, then by start date, then by id."""
    return (event.when is None, event.when.start if event.when else dt.date.min, event.id)


def _json_text(conn: Connection, *path: str) -> ColumnElement[Any]:
    """The text at ``path`` inside the event JSON, in this database's SQL."""
    if conn.dialect.name == "postgresql":
        return func.jsonb_extract_path_text(cast(events.c.data, JSONB), *path)
    return func.json_extract(events.c.data, "$." + ".".join(path))


def _type_condition(given: str) -> ColumnElement[bool]:
    """An ACLED event type or sub-event type, any case, matched on the (event_type, ...) index."""
    from rasd.coding.codebook import load_codebook

    book = load_codebook()
    want = given.casefold()
    for event_type in book.event_types:
        if event_type.casefold() == want:
            return events.c.event_type == event_type
    for sub in book.subs.values():
        if sub.name.casefold() == want:
            return and_(events.c.event_type == sub.event_type, events.c.sub_event_type == sub.name)
    return or_(func.lower(events.c.event_type) == want, func.lower(events.c.sub_event_type) == want)


@lru_cache(maxsize=1)
def _short_names() -> tuple[str, ...]:
    from rasd.actors.lexicon import actor_rows

    return tuple(sorted({row.short.casefold() for row in actor_rows() if row.short}))


def _may_be_short_name(want: str) -> bool:
    """Whether ``want`` is part of an actor's short name (shorts come from rasd/knowledge/actors.tsv)."""
    return any(want.casefold() in short for short in _short_names())


def sql_conditions(conn: Connection, where: EventFilter) -> list[ColumnElement[bool]]:
    """SQL that selects the stored rows ``where`` accepts (``near`` only as a bounding box).

    Edited events are taken out afterwards (see :func:`_stored_edited`): excluding them here would make
    the database probe the edits for every row.
    """
    conds: list[ColumnElement[bool]] = []
    if where.since:
        conds.append(events.c.date_end >= where.since)
    if where.until:
        conds.append(events.c.date_start <= where.until)
    if where.country:
        given = where.country
        codes = events.c.country_code.in_(sorted({given, given.upper(), given.lower()}))
        if len(given) <= 3:
            conds.append(codes)
        else:  # not a known country name (see api_filter): compare with the stored name too
            conds.append(or_(codes, func.lower(_json_text(conn, "location", "country")) == given.lower()))
    if where.event_type:
        conds.append(_type_condition(where.event_type))
    if where.actor:
        want = where.actor.lower()
        names = func.lower(events.c.actors).contains(want, autoescape=True)
        if _may_be_short_name(want):  # short names (SDF...) live only in the event JSON: slower
            names = or_(
                names,
                func.lower(_json_text(conn, "actor1", "short")).contains(want, autoescape=True),
                func.lower(_json_text(conn, "actor2", "short")).contains(want, autoescape=True),
            )
        conds.append(names)
    if where.near:
        lat, lon, km = where.near
        dlat = km / 110.0
        dlon = km / (110.0 * max(0.01, math.cos(math.radians(min(89.9, abs(lat))))))
        conds.append(and_(events.c.lat.between(lat - dlat, lat + dlat), events.c.lon.is_not(None)))
        if dlon < 180:
            conds.append(events.c.lon.between(lon - dlon, lon + dlon))
    return conds


def _near(where: EventFilter, lat: float | None, lon: float | None) -> bool:
    if where.near is None:
        return True
    if lat is None or lon is None:
        return False
    return distance_km(where.near[0], where.near[1], lat, lon) <= where.near[2]


# Per engine: (version of the edited events, every edited event in listing order). Edits are few but
# reading and applying them on every request costs more than the rest of a page.
_EDITED: weakref.WeakKeyDictionary[Engine, tuple[tuple[Any, ...], list[tuple[Key, Event]]]] = (
    weakref.WeakKeyDictionary()
)


def _edited_version(conn: Connection) -> tuple[Any, ...]:
    """Changes when an edit is added or an edited event is re-merged, changed or deleted."""
    latest, n_edits = conn.execute(select(func.max(edits.c.id), func.count()).select_from(edits)).one()
    edited = select(edits.c.event_id)
    updated, n_events = conn.execute(
        select(func.max(events.c.updated_at), func.count()).where(events.c.id.in_(edited))
    ).one()
    return latest, n_edits, updated, n_events


def _all_edited(conn: Connection) -> list[tuple[Key, Event]]:
    changes = all_edits(conn)
    ids = sorted(changes)
    out = []
    for start in range(0, len(ids), 500):
        rows = conn.execute(select(events.c.data).where(events.c.id.in_(ids[start : start + 500])))
        for (data,) in rows:
            event = Event.model_validate_json(data)
            event = apply_edits_lenient(event, changes[event.id])
            out.append((sort_key(event), event))
    return sorted(out, key=lambda pair: pair[0])


def edited_ids(conn: Connection) -> set[str]:
    """Ids of the stored events analysts edited."""
    return {event.id for _, event in edited_events(conn)}


def edited_events(conn: Connection, where: EventFilter | None = None) -> list[tuple[Key, Event]]:
    """Every edited event ``where`` accepts, edits applied, in listing order (cached per engine)."""
    version = _edited_version(conn)
    cached = _EDITED.get(conn.engine)
    if cached is None or cached[0] != version:
        cached = (version, _all_edited(conn))
        _EDITED[conn.engine] = cached
    return [pair for pair in cached[1] if where is None or where.accepts(pair[1])]


@dataclass
class Page:
    """One page of events (as stored Event JSON, edits applied) and how many match in all."""

    total: int
    raw: list[str]

    @property
    def events(self) -> list[Event]:
        return [Event.model_validate_json(data) for data in self.raw]


def api_filter(where: EventFilter) -> EventFilter:
    """``where`` with a country given by any of its names turned into its code (matched on an index)."""
    from rasd.geo.knowledge import country_code

    code = country_code(where.country) if where.country else None
    return replace(where, country=code) if code else where


def _window(conn: Connection, conds: list[ColumnElement[bool]], dated: int, start: int, n: int) -> list[Key]:
    """Keys of the unedited events ``conds`` select, ``start`` to ``start + n`` in listing order."""
    out: list[Key] = []
    if start < dated:  # dated events first, ordered on the (date_start, id) index
        query = (
            select(events.c.date_start, events.c.id)
            .where(*conds, events.c.date_start.is_not(None))
            .order_by(events.c.date_start, events.c.id)
            .limit(n)
            .offset(start)
        )
        out = [(False, day, event_id) for day, event_id in conn.execute(query)]
    if len(out) < n:
        undated = (
            select(events.c.id)
            .where(*conds, events.c.date_start.is_(None))
            .order_by(events.c.id)
            .limit(n - len(out))
            .offset(max(0, start - dated))
        )
        out += [(True, dt.date.min, event_id) for (event_id,) in conn.execute(undated)]
    return out


def _merge_page(
    unedited: list[Key], first: int, edited: list[tuple[Key, Event]], offset: int, limit: int
) -> list[tuple[Key, Event | None]]:
    """Positions ``offset`` to ``offset + limit`` of all events, from the unedited ones in listing order
    from position ``first`` (enough of them to fill the page) and every edited one."""
    if not unedited:  # none match, or the page lies past the end
        everything: list[tuple[Key, Event | None]] = list(edited)
        return everything[offset : offset + limit] if first == 0 else []
    head = unedited[0]
    before = sum(1 for key, _ in edited if key < head) if first else 0
    after = [(k, e) for k, e in edited if k > head] if first else list(edited)
    stream = heapq.merge([(k, None) for k in unedited], after, key=lambda pair: pair[0])
    skip = offset - (first + before)
    return list(islice(stream, skip, skip + limit))


def _stored_edited(conn: Connection, conds: list[ColumnElement[bool]]) -> list[tuple[Key, str]]:
    """(listing key, event type) of the stored rows of edited events that ``conds`` select, in order."""
    ids = sorted(edited_ids(conn))
    out = []
    for start in range(0, len(ids), 500):  # looked up by id: edited events are few
        query = (
            select(events.c.date_start, events.c.id, events.c.event_type)
            .where(events.c.id.in_(ids[start : start + 500]), *conds)
            .with_hint(events, f"INDEXED BY {SQLITE_PK_INDEX}", "sqlite")  # not the filters' indexes
        )
        out += [
            ((day is None, day or dt.date.min, event_id), etype)
            for day, event_id, etype in conn.execute(query)
        ]
    return sorted(out)


def _unedited_window(
    conn: Connection, conds: list[ColumnElement[bool]], dated: int, stale: list[Key], start: int, n: int
) -> list[Key]:
    """Keys of the unedited events ``conds`` select, from position ``start`` on (at least ``n`` of them
    when there are), given the ``stale`` keys (stored rows of edited events) mixed among them."""
    raw = _window(conn, conds, dated, start, n + 2 * len(stale))
    if not raw:
        return []
    before = bisect.bisect_left(stale, raw[0])  # edited rows before the window shift the positions
    skip = set(stale)
    return [key for key in raw if key not in skip][before:]


def list_events(engine: Engine, where: EventFilter, limit: int, offset: int) -> Page:
    """Events ``where`` accepts, ``offset`` of them skipped, at most ``limit``; with the total."""
    where = api_filter(where)
    with engine.connect() as conn:
        edited = edited_events(conn, where)
        conds = sql_conditions(conn, where)
        if where.near is None:
            n_all, n_dated = conn.execute(
                select(func.count(), func.count(events.c.date_start)).where(*conds)
            ).one()
            stale = [key for key, _ in _stored_edited(conn, conds)]
            first = max(0, offset - len(edited))
            window = _unedited_window(conn, conds, n_dated, stale, first, offset + limit - first)
            chosen = _merge_page(window, first, edited, offset, limit)
            total = n_all - len(stale) + len(edited)
        else:
            skip = edited_ids(conn)
            query = select(events.c.id, events.c.date_start, events.c.lat, events.c.lon).where(*conds)
            plain: list[tuple[Key, Event | None]] = sorted(
                ((start is None, start or dt.date.min, event_id), None)
                for event_id, start, lat, lon in conn.execute(query)
                if event_id not in skip and _near(where, lat, lon)
            )
            merged = heapq.merge(plain, edited, key=lambda pair: pair[0])
            chosen = list(islice(merged, offset, offset + limit))
            total = len(plain) + len(edited)
        wanted = [key[2] for key, event in chosen if event is None]
        stored = select(events.c.id, events.c.data).where(events.c.id.in_(wanted))
        found: dict[str, str] = {event_id: data for event_id, data in conn.execute(stored)}
        return Page(total, [event.model_dump_json() if event else found[key[2]] for key, event in chosen])


@dataclass
class Stats:
    """Counts of the events a filter accepts: per start day, per type, and per (day, type)."""

    total: int = 0
    undated: int = 0
    by_day: Counter[dt.date] = field(default_factory=Counter)
    by_type: Counter[str] = field(default_factory=Counter)
    by_day_type: Counter[tuple[dt.date, str]] = field(default_factory=Counter)

    def add(self, day: dt.date | None, event_type: str, n: int = 1) -> None:
        self.total += n
        self.by_type[event_type] += n
        if day is None:
            self.undated += n
        else:
            self.by_day[day] += n
            self.by_day_type[day, event_type] += n


def _counted(conn: Connection, where: EventFilter) -> Iterator[tuple[dt.date | None, str, int]]:
    """(start day, event type, count) of the unedited events ``where`` accepts."""
    conds = sql_conditions(conn, where)
    if where.near is None:
        query = (
            select(events.c.date_start, events.c.event_type, func.count())
            .where(*conds)
            .group_by(events.c.date_start, events.c.event_type)
        )
        yield from ((day, etype, n) for day, etype, n in conn.execute(query))
        for (undated, day, _), etype in _stored_edited(conn, conds):  # counted above as they were stored
            yield None if undated else day, etype, -1
        return
    skip = edited_ids(conn)
    query = select(events.c.id, events.c.date_start, events.c.event_type, events.c.lat, events.c.lon).where(
        *conds
    )
    for event_id, day, etype, lat, lon in conn.execute(query):
        if event_id not in skip and _near(where, lat, lon):
            yield day, etype, 1


def event_stats(engine: Engine, where: EventFilter) -> Stats:
    """Counts for a timeline of the events ``where`` accepts."""
    where = api_filter(where)
    stats = Stats()
    with engine.connect() as conn:
        for day, etype, n in _counted(conn, where):
            stats.add(day, etype, n)
        for _, event in edited_events(conn, where):
            stats.add(event.when.start if event.when else None, event.event_type)
    stats.by_day, stats.by_type, stats.by_day_type = +stats.by_day, +stats.by_type, +stats.by_day_type
    return stats
