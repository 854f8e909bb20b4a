"""Every placed event a filter accepts as a compact point (id, lat, lon, type): what a clustered map draws.

Unedited rows are read from the events table's columns (no event JSON is parsed); edited events, which
are few, come from the cache of edited events with their edits applied (see :mod:`rasd.web.queries`).
Points are kept in columns (ids, lats, lons, type indexes): 100,000 of them serialize in a fraction of
the time rows would take.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select

from rasd.geo.spatial import distance_km
from rasd.store.query import EventFilter
from rasd.store.schema import edits, events
from rasd.web.queries import api_filter, edited_events, edited_ids, sql_conditions


@dataclass
class Points:
    """Placed events in columns; ``types`` names the values of ``type``; ``unplaced`` counts the others."""

    ids: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    type: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    unplaced: int = 0
    _index: dict[str, int] = field(default_factory=dict)

    def add(self, event_id: str, lat: float | None, lon: float | None, event_type: str) -> None:
        if lat is None or lon is None:
            self.unplaced += 1
            return
        t = self._index.get(event_type)
        if t is None:
            t = self._index[event_type] = len(self.types)
            self.types.append(event_type)
        self.ids.append(event_id)
        self.lat.append(round(lat, 4))
        self.lon.append(round(lon, 4))
        self.type.append(t)

    def body(self, with_ids: bool = True) -> dict[str, Any]:
        """The JSON answer of /api/events/points (without ``ids`` when not ``with_ids``)."""
        answer: dict[str, Any] = {"total": len(self.ids), "unplaced": self.unplaced, "types": self.types}
        if with_ids:
            answer["ids"] = self.ids
        answer.update(lat=self.lat, lon=self.lon, type=self.type)
        return answer


def event_points(engine: Engine, where: EventFilter) -> Points:
    """The points of the events ``where`` accepts (edits applied), unplaced ones only counted."""
    where = api_filter(where)
    out = Points()
    with engine.connect() as conn:
        skip = edited_ids(conn)
        edited = edited_events(conn, where)
        columns = (events.c.id, events.c.lat, events.c.lon, events.c.event_type)
        rows: Any = conn.execute(select(*columns).where(*sql_conditions(conn, where)))
        if where.near:
            lat0, lon0, km = where.near
            rows = (r for r in rows if r[1] is not None and distance_km(lat0, lon0, r[1], r[2] or 0.0) <= km)
        index, ids, lats, lons, kinds = out._index, out.ids, out.lat, out.lon, out.type
        for event_id, lat, lon, etype in rows:  # inlined Points.add: the hot loop, 100,000 rows
            if event_id in skip:
                continue
            if lat is None or lon is None:
                out.unplaced += 1
                continue
            t = index.get(etype)
            if t is None:
                t = index[etype] = len(out.types)
                out.types.append(etype)
            ids.append(event_id)
            lats.append(round(lat, 4))
            lons.append(round(lon, 4))
            kinds.append(t)
    for _, event in edited:
        loc = event.location
        out.add(event.id, loc.lat if loc else None, loc.lon if loc else None, event.event_type)
    return out


def store_version(engine: Engine) -> tuple[Any, ...]:
    """Changes whenever an event is stored, re-merged or deleted, or an edit is made (cheap to read)."""
    with engine.connect() as conn:
        updated, n_events = conn.execute(
            select(func.max(events.c.updated_at), func.count()).select_from(events)
        ).one()
        latest_edit = conn.execute(select(func.max(edits.c.id))).scalar()
    return updated, n_events, latest_edit


class AnswerCache:
    """Encoded answers kept per store and query until the store changes: the map's 100,000 points are read
    and encoded once, not at every page load (a few answers per store, least recently used dropped)."""

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._stores: weakref.WeakKeyDictionary[Engine, OrderedDict[str, tuple[Any, Any]]] = (
            weakref.WeakKeyDictionary()
        )

    def get(self, engine: Engine, key: str, make: Callable[[], Any]) -> Any:
        """The answer for ``key`` on ``engine``: cached while the store is unchanged, else ``make()``."""
        version = store_version(engine)
        with self._lock:
            answers = self._stores.setdefault(engine, OrderedDict())
            hit = answers.get(key)
            if hit is not None and hit[0] == version:
                answers.move_to_end(key)
                return hit[1]
        answer = make()
        with self._lock:
            answers[key] = (version, answer)
            answers.move_to_end(key)
            while len(answers) > self._size:
                answers.popitem(last=False)
        return answer
