"""Analyst edits: stored as (event id, dotted field, JSON value, who, when), applied when events are read.

Edits are never folded into the merged rows, so re-ingesting and re-merging cannot lose them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from rasd.model import Event
from rasd.store.rows import now
from rasd.store.schema import edits, events


class EditError(ValueError):
    """An edit names a field the event does not have, or a value the field cannot take."""


def add_edit(engine: Engine, event_id: str, field: str, value: Any, author: str) -> int:
    """Record that ``author`` set ``field`` (e.g. ``fatalities`` or ``location.name``) of ``event_id``.

    Raises :class:`EditError` when the event does not exist or the edit does not fit it.
    """
    with engine.begin() as conn:
        row = conn.execute(select(events.c.data).where(events.c.id == event_id)).first()
        if row is None:
            raise EditError(f"no event {event_id!r}")
        current = Event.model_validate_json(row[0])
        apply_edits(current, [*edits_for(conn, [event_id]).get(event_id, []), (field, value)])
        result = conn.execute(
            insert(edits).values(
                event_id=event_id,
                field=field,
                value=json.dumps(value, ensure_ascii=False),
                author=author,
                created_at=now(),
            )
        )
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])


@dataclass(frozen=True)
class Edit:
    """One analyst edit, as stored."""

    id: int
    event_id: str
    field: str
    value: Any
    author: str
    created_at: dt.datetime


def read_edits(engine: Engine, event_id: str | None = None) -> list[Edit]:
    """The edits of ``event_id`` (or of every event), oldest first: the history an analyst sees."""
    query = select(edits).order_by(edits.c.id)
    if event_id is not None:
        query = query.where(edits.c.event_id == event_id)
    with engine.connect() as conn:
        return [
            Edit(r.id, r.event_id, r.field, json.loads(r.value), r.author, r.created_at)
            for r in conn.execute(query)
        ]


def edits_for(conn: Connection, event_ids: Iterable[str]) -> dict[str, list[tuple[str, Any]]]:
    """(field, value) edits per event id, oldest first."""
    ids = list(set(event_ids))
    out: dict[str, list[tuple[str, Any]]] = {}
    for chunk in range(0, len(ids), 500):
        rows = conn.execute(
            select(edits.c.event_id, edits.c.field, edits.c.value)
            .where(edits.c.event_id.in_(ids[chunk : chunk + 500]))
            .order_by(edits.c.id)
        )
        for event_id, field, value in rows:
            out.setdefault(event_id, []).append((field, json.loads(value)))
    return out


def all_edits(conn: Connection) -> dict[str, list[tuple[str, Any]]]:
    """(field, value) edits of every event, oldest first."""
    out: dict[str, list[tuple[str, Any]]] = {}
    for event_id, field, value in conn.execute(
        select(edits.c.event_id, edits.c.field, edits.c.value).order_by(edits.c.id)
    ):
        out.setdefault(event_id, []).append((field, json.loads(value)))
    return out


def apply_edits_lenient(event: Event, changes: list[tuple[str, Any]]) -> Event:
    """Like :func:`apply_edits`, but an edit that no longer fits (the model changed) is skipped."""
    try:
        return apply_edits(event, changes)
    except EditError:
        for change in changes:
            try:
                event = apply_edits(event, [change])
            except EditError:
                continue
        return event


def apply_edits(event: Event, changes: Iterable[tuple[str, Any]]) -> Event:
    """``event`` with each (dotted field, value) change applied in order; later edits win."""
    data = event.model_dump(mode="json")
    for field, value in changes:
        *parents, last = field.split(".")
        node: Any = data
        for name in parents:
            if not isinstance(node, dict) or name not in node:
                raise EditError(f"event {event.id}: no field {field!r}")
            if node[name] is None:
                node[name] = {}
            node = node[name]
        if not isinstance(node, dict) or (not parents and last not in data):
            raise EditError(f"event {event.id}: no field {field!r}")
        node[last] = value
    try:
        return Event.model_validate(data)
    except ValueError as exc:
        raise EditError(f"event {event.id}: edit does not fit the event model: {exc}") from exc


def field_value(event: Event, field: str) -> Any:
    """The JSON value of the dotted ``field`` of ``event`` (None when a parent is missing)."""
    node: Any = event.model_dump(mode="json")
    for name in field.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(name)
    return node
