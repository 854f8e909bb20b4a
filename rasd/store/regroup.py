"""Analysts merge two events into one, or split reports out of an event into a new one.

Both move mentions, recombine the events from their reports (:func:`rasd.merge.combine`) and pin every
report involved (:mod:`rasd.store.pins`), so re-ingestion and re-merging keep the decision. A merged-away
event id is remembered in ``merges`` (see :func:`merged_into`); its edits stay stored under its id, and
those the survivor has no edit of are copied to the survivor (:func:`carry_edits`). After a split the
original id keeps its edits and the new event starts without any.

Every function takes an open connection: the caller decides the transaction (and logs in it).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from rasd.merge import combine
from rasd.model import Event
from rasd.store.edits import EditError, apply_edits, apply_edits_lenient, edits_for, field_value
from rasd.store.pins import pin, repin, reports_of
from rasd.store.placing import refresh
from rasd.store.rows import event_columns, now
from rasd.store.schema import edits, events, mentions, merges


class RegroupError(ValueError):
    """A merge or split that cannot be done as asked; the message says why."""


class UnknownEvent(LookupError):
    """No event has this id (the message names it, and where it was merged into, if it was)."""


def exists(conn: Connection, event_id: str) -> bool:
    return conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is not None


def merged_into(conn: Connection, event_id: str) -> str | None:
    """The event that holds the reports of the merged-away ``event_id`` now, or None."""
    return conn.scalar(select(merges.c.into_id).where(merges.c.event_id == event_id))


def missing(conn: Connection, event_id: str, role: str = "") -> UnknownEvent:
    """The error for an ``event_id`` that is not stored, saying where it went when it was merged."""
    survivor = merged_into(conn, event_id)
    name = f"{role} {event_id!r}" if role else repr(event_id)
    if survivor is not None:
        return UnknownEvent(f"no event {name}: it was merged into {survivor!r}")
    return UnknownEvent(f"no event {name}")


def merge_events(conn: Connection, event_id: str, into: str, author: str) -> None:
    """Move every report of ``event_id`` to ``into``; ``event_id`` disappears (see :func:`merged_into`).

    Raises :class:`UnknownEvent` for an id that is not stored, :class:`RegroupError` for a self-merge.
    """
    if event_id == into:
        raise RegroupError(f"cannot merge event {event_id!r} into itself")
    if not exists(conn, event_id):
        raise missing(conn, event_id)
    if not exists(conn, into):
        raise missing(conn, into, "to merge into")
    conn.execute(update(mentions).where(mentions.c.event_id == event_id).values(event_id=into))
    repin(conn, event_id, into)
    pin(conn, [(key, local_id) for _, key, local_id in reports_of(conn, into)], into, author)
    conn.execute(update(merges).where(merges.c.into_id == event_id).values(into_id=into))
    conn.execute(delete(merges).where(merges.c.event_id.in_([event_id, into])))
    conn.execute(insert(merges).values(event_id=event_id, into_id=into, author=author, created_at=now()))
    refresh(conn, [event_id, into])


def split_event(conn: Connection, event_id: str, mention_ids: Collection[int], author: str) -> str:
    """Move the reports ``mention_ids`` of ``event_id`` to a new event; returns the new event's id.

    Raises :class:`UnknownEvent`, or :class:`RegroupError` when no report, every report, or a report
    of another event is named.
    """
    if not exists(conn, event_id):
        raise missing(conn, event_id)
    reports = reports_of(conn, event_id)
    wanted = set(mention_ids)
    if not wanted:
        raise RegroupError("name the reports (mentions or documents) to split out")
    strangers = sorted(wanted - {mention_id for mention_id, _, _ in reports})
    if strangers:
        raise RegroupError(f"not reports of event {event_id!r}: mentions {strangers}")
    if len(wanted) == len(reports):
        raise RegroupError(f"cannot split every report out of event {event_id!r}: at least one must stay")
    new_id = f"ev-{uuid.uuid4().hex[:16]}"
    moved = conn.execute(select(mentions.c.data).where(mentions.c.id.in_(sorted(wanted))))
    merged = combine([Event.model_validate_json(data) for (data,) in moved], new_id)
    conn.execute(insert(events).values(**event_columns(merged, len(wanted))))
    conn.execute(update(mentions).where(mentions.c.id.in_(sorted(wanted))).values(event_id=new_id))
    pin(conn, [(key, local_id) for m, key, local_id in reports if m in wanted], new_id, author)
    pin(conn, [(key, local_id) for m, key, local_id in reports if m not in wanted], event_id, author)
    refresh(conn, [event_id, new_id])
    return new_id


def mentions_of_documents(conn: Connection, event_id: str, document_ids: Collection[int]) -> list[int]:
    """Mention ids of ``event_id`` told by the documents ``document_ids`` (``documents.id``).

    Raises :class:`RegroupError` naming a document that tells nothing of the event.
    """
    query = select(mentions.c.id, mentions.c.document_id).where(mentions.c.event_id == event_id)
    found: dict[int, list[int]] = {}
    for mention_id, document_id in conn.execute(query):
        found.setdefault(document_id, []).append(mention_id)
    strangers = sorted(set(document_ids) - set(found))
    if strangers:
        raise RegroupError(f"documents {strangers} have no report of event {event_id!r}")
    return [m for d in document_ids for m in found[d]]


def carry_edits(conn: Connection, source: str, target: str, author: str) -> list[tuple[str, Any, Any, int]]:
    """Copy the edits of the merged-away ``source`` to ``target`` for the fields ``target`` has no edit
    of, when they still fit; returns (field, value before, value after, edit row id) of each copy."""
    changes = edits_for(conn, [source, target])
    own = {field for field, _ in changes.get(target, [])}
    latest: dict[str, Any] = {}
    for field, value in changes.get(source, []):
        if field not in own:
            latest[field] = value
    data = conn.scalar(select(events.c.data).where(events.c.id == target))
    if not latest or data is None:
        return []
    current = apply_edits_lenient(Event.model_validate_json(data), changes.get(target, []))
    out = []
    for field, value in latest.items():
        try:
            edited = apply_edits(current, [(field, value)])
        except EditError:
            continue
        before = field_value(current, field)
        row = conn.execute(
            insert(edits).values(
                event_id=target,
                field=field,
                value=json.dumps(value, ensure_ascii=False),
                author=author,
                created_at=now(),
            )
        )
        assert row.inserted_primary_key is not None
        out.append((field, before, field_value(edited, field), int(row.inserted_primary_key[0])))
        current = edited
    return out
