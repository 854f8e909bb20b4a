"""One event with its reports, one document with its text: what an analyst opens."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, and_, select

from rasd.model import Event
from rasd.store.edits import apply_edits_lenient, edits_for
from rasd.store.schema import documents, events, mentions, revisions
from rasd.web.schemas import DocumentOut


def read_event(engine: Engine, event_id: str) -> Event | None:
    """The merged event ``event_id`` with analysts' edits applied, or None."""
    with engine.connect() as conn:
        data = conn.scalar(select(events.c.data).where(events.c.id == event_id))
        if data is None:
            return None
        event = Event.model_validate_json(data)
        changes = edits_for(conn, [event_id]).get(event_id)
    return apply_edits_lenient(event, changes) if changes else event


def read_reports(engine: Engine, event_id: str) -> list[dict[str, Any]]:
    """Every report of ``event_id``: its document (id, title, outlet...) and what it says (an Event)."""
    query = (
        select(
            mentions.c.id,
            documents.c.id,
            documents.c.key,
            documents.c.title,
            documents.c.outlet,
            documents.c.url,
            documents.c.published,
            mentions.c.revision,
            mentions.c.data,
        )
        .join(documents, documents.c.id == mentions.c.document_id)
        .where(mentions.c.event_id == event_id)
        .order_by(documents.c.key, mentions.c.local_id)
    )
    with engine.connect() as conn:
        return [
            {
                "mention_id": mention_id,
                "document_id": doc_id,
                "document_key": key,
                "title": title,
                "outlet": outlet,
                "url": url,
                "published": published,
                "revision": revision,
                "event": Event.model_validate_json(data).model_dump(mode="json"),
            }
            for mention_id, doc_id, key, title, outlet, url, published, revision, data in conn.execute(query)
        ]


def read_document(engine: Engine, document_id: int) -> DocumentOut | None:
    """The document ``document_id`` (the ``documents`` row id), or None."""
    d = documents.c
    query = select(
        d.id, d.key, d.doc_id, d.url, d.outlet, d.title, d.published, d.revision, d.n_events, d.ingested_at
    ).where(d.id == document_id)
    with engine.connect() as conn:
        row = conn.execute(query).first()
        if row is None:
            return None
        text = conn.scalar(
            select(revisions.c.text).where(
                and_(revisions.c.document_id == document_id, revisions.c.number == row.revision)
            )
        )
        ids = conn.execute(
            select(mentions.c.event_id).where(mentions.c.document_id == document_id).order_by(mentions.c.id)
        )
        event_ids = list(dict.fromkeys(event_id for (event_id,) in ids))
    return DocumentOut(**row._mapping, text=text or "", event_ids=event_ids)
