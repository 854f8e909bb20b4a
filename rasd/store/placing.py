"""Place one document's events among the stored incidents: attach to the best match or start a new one.

A report an analyst pinned to an event (a merge or split, see :mod:`rasd.store.pins`) goes to that event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from rasd.merge import combine, compare, features
from rasd.merge.blocking import MAX_DAYS
from rasd.merge.similar import PROVINCE_KM
from rasd.model import Event
from rasd.store.pins import pins_of
from rasd.store.rows import event_columns, mention_columns
from rasd.store.schema import events, mentions


def new_event_id(doc_key: str, revision: int, local_id: str) -> str:
    digest = hashlib.sha1(f"{doc_key}\x00{revision}\x00{local_id}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def _box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    dlat = km / 111.0
    dlon = km / (111.0 * max(0.2, math.cos(math.radians(lat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


CANDIDATES = select(events.c.id, events.c.data).where(
    events.c.event_type == bindparam("etype"),
    events.c.date_start <= bindparam("end"),
    events.c.date_start >= bindparam("earliest"),
    events.c.date_end >= bindparam("start"),
    events.c.lat.between(bindparam("lat0"), bindparam("lat1")),
    events.c.lon.between(bindparam("lon0"), bindparam("lon1")),
)
MENTIONS_OF = select(mentions.c.data).where(mentions.c.event_id == bindparam("eid")).order_by(mentions.c.id)
EXISTS = select(events.c.id).where(events.c.id == bindparam("eid"))
DELETE_EVENT = delete(events).where(events.c.id == bindparam("eid"))
UPDATE_EVENT = update(events).where(events.c.id == bindparam("eid"))
INSERT_EVENT = insert(events)
INSERT_MENTION = insert(mentions)


def find_match(conn: Connection, event: Event, exclude: set[str]) -> str | None:
    """Id of the stored incident ``event`` belongs to (best score, then smallest id), or None."""
    mine = features(event, doc="")
    loc, when = event.location, event.when
    if when is None or loc is None or loc.lat is None or loc.lon is None:
        return None
    # Province-level events may lie far from precise ones: search the province radius always.
    lat0, lat1, lon0, lon1 = _box(loc.lat, loc.lon, PROVINCE_KM)
    params = {
        "etype": event.event_type,
        "end": when.end,
        "earliest": when.start - dt.timedelta(days=MAX_DAYS),
        "start": when.start,
        "lat0": lat0,
        "lat1": lat1,
        "lon0": lon0,
        "lon1": lon1,
    }
    best: tuple[float, str] | None = None
    for event_id, data in conn.execute(CANDIDATES, params):
        if event_id in exclude:
            continue
        decision = compare(features(Event.model_validate_json(data), doc=None), mine)
        if decision.same and (best is None or (-decision.score, event_id) < (-best[0], best[1])):
            best = (decision.score, event_id)
    return best[1] if best else None


def refresh(conn: Connection, event_ids: Iterable[str]) -> None:
    """Recombine each incident from its mentions; incidents left without mentions are deleted."""
    for event_id in sorted(set(event_ids)):
        rows = conn.execute(MENTIONS_OF, {"eid": event_id})
        reports = [Event.model_validate_json(data) for (data,) in rows]
        if not reports:
            conn.execute(DELETE_EVENT, {"eid": event_id})
            continue
        values = event_columns(combine(reports, event_id), len(reports))
        if conn.execute(EXISTS, {"eid": event_id}).first():
            values.pop("id")
            conn.execute(UPDATE_EVENT, {"eid": event_id, **values})
        else:
            conn.execute(INSERT_EVENT, values)


def place(
    conn: Connection, reports: list[Event], document_id: int, doc_key: str, revision: int
) -> tuple[int, int]:
    """Store one document's events as mentions; returns (new incidents, merged into stored ones)."""
    used: set[str] = set()
    touched: set[str] = set()  # stored incidents that gained a report and must be recombined
    created = merged = 0
    pinned = pins_of(conn, doc_key)
    for report in sorted(reports, key=lambda r: r.id not in pinned):  # pinned first: they take their events
        match = pinned.get(report.id)
        if match is not None and not conn.execute(EXISTS, {"eid": match}).first():
            conn.execute(INSERT_EVENT, event_columns(combine([report], match), 1))  # the pinned event again
            created += 1
        elif match is not None or (match := find_match(conn, report, used)) is not None:
            merged += 1
            touched.add(match)
        else:
            match = new_event_id(doc_key, revision, report.id)
            conn.execute(INSERT_EVENT, event_columns(combine([report], match), 1))
            created += 1
        used.add(match)
        conn.execute(INSERT_MENTION, mention_columns(report, document_id, revision, match))
    refresh(conn, touched)
    return created, merged
