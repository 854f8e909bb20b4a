"""Analysts' actions through the API, each logged with who, when, before and after.

An edit goes to the store's ``edits`` (via :func:`rasd.store.add_edit`, so re-merging keeps it) and to
``audit``; approvals and rejections go to ``audit`` only (the latest one is the event's review status).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from rasd.model import Event
from rasd.store.edits import EditError, add_edit, apply_edits, field_value
from rasd.store.rows import now
from rasd.store.schema import audit
from rasd.web.records import read_event

REVIEWS = {"approve": "approved", "reject": "rejected"}


class NoEvent(LookupError):
    """The event does not exist."""


def edit_event(
    engine: Engine, event_id: str, changes: dict[str, Any], author: str, note: str | None = None
) -> Event:
    """Apply ``changes`` (dotted field -> value) to ``event_id`` as ``author``; returns the edited event.

    Raises :class:`NoEvent`, or :class:`EditError` (nothing is written) when a change does not fit.
    """
    current = read_event(engine, event_id)
    if current is None:
        raise NoEvent(event_id)
    if not changes:
        raise EditError("no changes given")
    apply_edits(current, changes.items())  # all fit, or none is written
    for field, value in changes.items():
        before = field_value(current, field)
        edit_id = add_edit(engine, event_id, field, value, author)
        current = apply_edits(current, [(field, value)])
        with engine.begin() as conn:
            log_action(
                conn, event_id, "edit", author, note, before, field_value(current, field), field, edit_id
            )
    return current


def review_event(engine: Engine, event_id: str, action: str, author: str, note: str | None = None) -> str:
    """Approve or reject ``event_id`` as ``author``; returns the new review status."""
    if read_event(engine, event_id) is None:
        raise NoEvent(event_id)
    status = REVIEWS[action]
    before = review_status(engine, event_id)["status"]
    with engine.begin() as conn:
        log_action(conn, event_id, action, author, note, before, status)
    return status


def log_action(
    conn: Connection,
    event_id: str,
    action: str,
    author: str,
    note: str | None,
    before: Any,
    after: Any,
    field: str | None = None,
    edit_id: int | None = None,
) -> None:
    """Add one entry to the audit log inside the caller's transaction (``before``/``after`` as JSON)."""
    conn.execute(
        insert(audit).values(
            event_id=event_id,
            action=action,
            field=field,
            before=json.dumps(before, ensure_ascii=False),
            after=json.dumps(after, ensure_ascii=False),
            author=author,
            note=note,
            edit_id=edit_id,
            created_at=now(),
        )
    )


@dataclass(frozen=True)
class AuditEntry:
    """One logged action."""

    id: int
    event_id: str
    action: str
    field: str | None
    before: Any
    after: Any
    author: str
    note: str | None
    created_at: dt.datetime


def read_audit(
    engine: Engine, event_id: str | None = None, limit: int = 100, offset: int = 0
) -> list[AuditEntry]:
    """Logged actions (of ``event_id``, or all), newest first."""
    a = audit.c
    query = select(a.id, a.event_id, a.action, a.field, a.before, a.after, a.author, a.note, a.created_at)
    if event_id is not None:
        query = query.where(a.event_id == event_id)
    query = query.order_by(a.id.desc()).limit(limit).offset(offset)
    with engine.connect() as conn:
        return [
            AuditEntry(
                r.id,
                r.event_id,
                r.action,
                r.field,
                _load(r.before),
                _load(r.after),
                r.author,
                r.note,
                r.created_at,
            )
            for r in conn.execute(query)
        ]


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def review_status(engine: Engine, event_id: str) -> dict[str, Any]:
    """{status: pending|approved|rejected, by, at, note} from the latest approval or rejection."""
    a = audit.c
    query = (
        select(a.action, a.author, a.created_at, a.note)
        .where(a.event_id == event_id, a.action.in_(list(REVIEWS)))
        .order_by(a.id.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return {"status": "pending", "by": None, "at": None, "note": None}
    return {"status": REVIEWS[row.action], "by": row.author, "at": row.created_at, "note": row.note}
