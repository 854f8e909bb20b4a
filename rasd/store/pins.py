"""Analysts' merge and split decisions, kept as pins: the report ``local_id`` of document ``doc_key``
belongs to event ``event_id``.

Reports pinned to one event stay together and reports pinned to different events stay apart, through
re-ingestion (see :func:`rasd.store.placing.place`, which also re-keys pins to a new revision's reports
by :func:`carry_pins`) and re-merging (:func:`rasd.store.remerge.remerge`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete, insert, select, update

from rasd.merge import compare, features
from rasd.model import Event
from rasd.store.rows import now
from rasd.store.schema import documents, mentions, pins


def pins_of(conn: Connection, doc_key: str) -> dict[str, str]:
    """local id -> pinned event id, for the reports of the document ``doc_key``."""
    query = select(pins.c.local_id, pins.c.event_id).where(pins.c.doc_key == doc_key)
    return {local_id: event_id for local_id, event_id in conn.execute(query)}


def all_pins(conn: Connection) -> dict[tuple[str, str], str]:
    """(document key, local id) -> pinned event id, for every pinned report."""
    query = select(pins.c.doc_key, pins.c.local_id, pins.c.event_id)
    return {(key, local_id): event_id for key, local_id, event_id in conn.execute(query)}


def pin(conn: Connection, reports: Iterable[tuple[str, str]], event_id: str, author: str) -> None:
    """Pin each (document key, local id) of ``reports`` to ``event_id`` (replacing earlier pins)."""
    for doc_key, local_id in reports:
        conn.execute(delete(pins).where(pins.c.doc_key == doc_key, pins.c.local_id == local_id))
        conn.execute(
            insert(pins).values(
                doc_key=doc_key, local_id=local_id, event_id=event_id, author=author, created_at=now()
            )
        )


def repin(conn: Connection, old_id: str, new_id: str) -> None:
    """Every pin to ``old_id`` now points to ``new_id`` (``old_id`` was merged into it)."""
    conn.execute(update(pins).where(pins.c.event_id == old_id).values(event_id=new_id))


def reports_of(conn: Connection, event_id: str) -> list[tuple[int, str, str]]:
    """(mention id, document key, local id) of every report of ``event_id``, by mention id."""
    query = (
        select(mentions.c.id, documents.c.key, mentions.c.local_id)
        .join(documents, documents.c.id == mentions.c.document_id)
        .where(mentions.c.event_id == event_id)
        .order_by(mentions.c.id)
    )
    return [(mention_id, key, local_id) for mention_id, key, local_id in conn.execute(query)]


def carry_pins(conn: Connection, doc_key: str, document_id: int, reports: list[Event]) -> None:
    """Before a new revision of ``doc_key`` replaces its reports: re-key the pins of the old reports to
    the new ones that tell the same incident (extractors' ids change with the text).

    A pinned old report goes to the new report :func:`rasd.merge.compare` finds most similar (each new
    report takes at most one pin); a pin nothing matches stays as it is, and binds nothing.
    """
    pinned = pins_of(conn, doc_key)
    if not pinned:
        return
    new_ids = {r.id for r in reports}
    old = conn.execute(
        select(mentions.c.local_id, mentions.c.data).where(mentions.c.document_id == document_id)
    ).all()
    candidates: list[tuple[float, str, str]] = []  # (score, old local id, new local id)
    for local_id, data in old:
        if local_id not in pinned or local_id in new_ids:  # kept its id: the pin still applies
            continue
        before = features(Event.model_validate_json(data), doc=None)
        for report in reports:
            if report.id in pinned:
                continue
            decision = compare(before, features(report, doc=""))
            if decision.same:
                candidates.append((decision.score, local_id, report.id))
    done_old: set[str] = set()
    done_new: set[str] = set()
    for _, old_id, new_id in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if old_id in done_old or new_id in done_new:
            continue
        done_old.add(old_id)
        done_new.add(new_id)
        conn.execute(
            update(pins).where(pins.c.doc_key == doc_key, pins.c.local_id == old_id).values(local_id=new_id)
        )
