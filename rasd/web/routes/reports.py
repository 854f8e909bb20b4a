"""/api/reports: submit a report's text; it is ingested like `rasd ingest` and its events returned."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from fastapi import APIRouter, HTTPException, Request, status
from sqlalchemy import select

from rasd.ingest import Document, InputError
from rasd.ingest.fetch import Fetcher
from rasd.ingest.web import fetch_document
from rasd.store.ingest import Ingestor, content_hash, document_key
from rasd.store.schema import documents
from rasd.web.auth import Writer
from rasd.web.records import read_document, read_event
from rasd.web.schemas import ReportIn, ReportOut

router = APIRouter(prefix="/api", tags=["reports"])


@router.post("/reports", response_model=ReportOut, status_code=status.HTTP_201_CREATED)
def submit_report(request: Request, body: ReportIn, token: Writer) -> ReportOut:
    """Extract, geocode and merge the report into the store; the events it supports, edits applied."""
    engine = request.app.state.engine
    if body.text is None:
        doc = _fetched(request, body)
    else:
        digest = hashlib.sha256(
            "\x00".join([body.text, body.title or "", body.url or ""]).encode()
        ).hexdigest()
        doc = Document(
            id=f"api-{digest[:20]}",
            text=body.text,
            published=body.published,
            title=body.title,
            url=body.url,
            outlet=body.outlet,
            origin=f"<api:{token.name}>",
        )
    ingestor = Ingestor(engine, extractor=request.app.state.settings.extractor)
    outcome = ingestor.add(doc)
    if outcome == "failed":
        reason = (
            ingestor.report.failures[-1] if ingestor.report.failures else "the report could not be stored"
        )
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, reason)
    stored = content_hash(doc, None)
    with engine.connect() as conn:
        query = select(documents.c.id).where(documents.c.key == document_key(doc, stored))
        if outcome == "duplicate":  # the same content under another key
            query = select(documents.c.id).where(documents.c.content_hash == stored).limit(1)
        document_id = conn.scalar(query)
    found = read_document(engine, document_id) if document_id is not None else None
    if found is None:
        raise HTTPException(status.HTTP_500_INTERNAL_SERVER_ERROR, "the report was stored but cannot be read")
    events = [e for e in (read_event(engine, event_id) for event_id in found.event_ids) if e is not None]
    return ReportOut(outcome=outcome, document_id=found.id, events=events)


def _fetched(request: Request, body: ReportIn) -> Document:
    """The document of the page at ``body.url`` (what the request says of it wins); 422 when it cannot be had."""
    assert body.url is not None
    make = request.app.state.settings.fetcher or Fetcher
    with make() as fetcher:
        found = fetch_document(body.url, fetcher)
    if isinstance(found, InputError):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{found.origin}: {found.reason}")
    given = {
        k: v for k, v in (("title", body.title), ("outlet", body.outlet), ("published", body.published)) if v
    }
    return replace(found, **given) if given else found
