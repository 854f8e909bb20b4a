"""Analyst edits: stored as (event id, dotted field, JSON value, who, when), applied when events are read.

Edits are never folded into the merged rows, so re-ingesting and re-merging cannot lose them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from rasd.model import Event
from rasd.store.rows import now
from rasd.store.schema import edits


class EditError(ValueError):
    """An edit names a field the event does not have, or a value the field cannot take."""


def add_edit(engine: Engine, event_id: str, field: str, value: Any, author: str) -> int:
    """Record that ``author`` set ``field`` (e.g. ``fatalities`` or ``location.name``) of ``event_id``."""
    with engine.begin() as conn:
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
