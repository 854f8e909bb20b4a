"""Merge and split through the API: one transaction that regroups the reports (:mod:`rasd.store.regroup`)
and logs the action in ``audit`` on every event involved, with the reports each held before and after.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, Engine

from rasd.store.pins import reports_of
from rasd.store.regroup import (
    carry_edits,
    exists,
    mentions_of_documents,
    merge_events,
    merged_into,
    missing,
    split_event,
)
from rasd.web.audit import log_action


def _holding(conn: Connection, *event_ids: str) -> dict[str, list[str]]:
    """event id -> the document keys of its reports (what the audit log shows before and after)."""
    return {eid: sorted(key for _, key, _ in reports_of(conn, eid)) for eid in event_ids}


def merge(engine: Engine, event_id: str, into: str, author: str, note: str | None = None) -> dict[str, Any]:
    """Merge ``event_id`` into ``into`` (an id merged away before stands for its survivor).

    Returns {event_id: the survivor, merged: the merged-away id, carried_edits: fields copied over}.
    Raises :class:`rasd.store.regroup.UnknownEvent` or :class:`rasd.store.regroup.RegroupError`.
    """
    with engine.begin() as conn:
        into = merged_into(conn, into) or into
        before = _holding(conn, event_id, into)
        merge_events(conn, event_id, into, author)
        after = _holding(conn, into)
        for eid in (into, event_id):
            log_action(conn, eid, "merge", author, note, before, after)
        carried = carry_edits(conn, event_id, into, author)
        for field, old, new, edit_id in carried:
            why = f"from merged event {event_id}" + (f": {note}" if note else "")
            log_action(conn, into, "edit", author, why, old, new, field, edit_id)
    return {"event_id": into, "merged": event_id, "carried_edits": [c[0] for c in carried]}


def split(
    engine: Engine,
    event_id: str,
    mention_ids: Collection[int],
    document_ids: Collection[int],
    author: str,
    note: str | None = None,
) -> dict[str, Any]:
    """Split the reports ``mention_ids`` and those of ``document_ids`` out of ``event_id`` into a new event.

    Returns {event_id: the original, new_event_id}. Raises as :func:`rasd.store.regroup.split_event`.
    """
    with engine.begin() as conn:
        if not exists(conn, event_id):
            raise missing(conn, event_id)
        wanted = set(mention_ids)
        if document_ids:
            wanted.update(mentions_of_documents(conn, event_id, document_ids))
        before = _holding(conn, event_id)
        new_id = split_event(conn, event_id, wanted, author)
        after = _holding(conn, event_id, new_id)
        for eid in (event_id, new_id):
            log_action(conn, eid, "split", author, note, before, after)
    return {"event_id": event_id, "new_event_id": new_id}


def survivor(engine: Engine, event_id: str) -> str | None:
    """The event the merged-away ``event_id`` was merged into, or None."""
    with engine.connect() as conn:
        return merged_into(conn, event_id)


def no_event_message(engine: Engine, event_id: str) -> str:
    """'no event ID', saying where it went when it was merged away."""
    with engine.connect() as conn:
        return str(missing(conn, event_id))
