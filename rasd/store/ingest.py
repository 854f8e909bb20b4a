"""Ingest documents: extract, merge into stored incidents, one transaction per document.

A document is keyed by its URL, else its file path, else its id. The same content again changes
nothing; changed content is a new revision whose events replace the previous revision's. A
document that cannot be read or extracted is quarantined in ``errors`` and the batch goes on.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from rasd.geo.records import GazetteerError
from rasd.ingest import Document, InputError
from rasd.knowledge import KnowledgeError
from rasd.model import Event
from rasd.store.pins import carry_pins
from rasd.store.placing import place, refresh
from rasd.store.rows import now
from rasd.store.schema import documents, errors, mentions, revisions

MAX_KEY = 1000  # length of documents.key
MAX_CHARS = 1_000_000  # longer texts are quarantined: no single report is that long
# Errors of the installation, not of a document: ingestion stops instead of quarantining everything.
FATAL = (GazetteerError, KnowledgeError, sqlite3.Error, MemoryError)
Extractor = Callable[[Document, str | None], list[Event]]


def default_extractor(doc: Document, published: str | None) -> list[Event]:
    """rasd's extraction of one document (``published`` is used when the document has no date)."""
    from rasd.extraction.api import extract

    return extract(
        doc.text, published=doc.published or published, doc_id=doc.id, outlet=doc.outlet, title=doc.title
    )


@dataclass
class IngestReport:
    """What a batch did: documents stored, revised, unchanged, failed; incidents created and merged into."""

    stored: int = 0
    revised: int = 0
    unchanged: int = 0
    duplicates: int = 0  # same content as a stored document under another key
    failed: int = 0
    events_new: int = 0
    events_merged: int = 0
    failures: list[str] = field(default_factory=list)  # the first 100

    @property
    def seen(self) -> int:
        return self.stored + self.revised + self.unchanged + self.duplicates + self.failed

    def summary(self) -> str:
        return (
            f"{self.stored} new documents, {self.revised} revised, {self.unchanged} unchanged, "
            f"{self.duplicates} duplicates, {self.failed} failed; "
            f"{self.events_new} new events, {self.events_merged} reports merged into existing events"
        )


def document_key(doc: Document, digest: str) -> str:
    """The identity of a document across revisions: URL, else file path, else id; standard input has none
    (each text read from it is its own document, keyed by its content hash ``digest``)."""
    key = _raw_key(doc, digest)
    if len(key) > MAX_KEY:  # the column is indexed: very long URLs or ids are keyed by their hash
        return f"{key[:400]}#sha256:{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()}"
    return key


def _raw_key(doc: Document, digest: str) -> str:
    if doc.url:
        return f"url:{doc.url}"
    if doc.origin == "<stdin>":
        return f"stdin:{digest}"
    if doc.origin and not doc.origin.startswith("<") and Path(doc.origin).is_file():
        return f"file:{Path(doc.origin).resolve()}"
    return f"id:{doc.id}"


def content_hash(doc: Document, published: str | None) -> str:
    parts = (doc.text, doc.title or "", doc.published or published or "", doc.outlet or "")
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def quarantine(conn: Connection, origin: str, reason: str, doc_key: str | None = None) -> None:
    """Record (or count again) that ``origin`` failed for ``reason``."""
    row = conn.execute(
        select(errors.c.id).where(errors.c.origin == origin, errors.c.reason == reason).limit(1)
    ).first()
    if row:
        conn.execute(
            update(errors)
            .where(errors.c.id == row[0])
            .values(attempts=errors.c.attempts + 1, last_seen=now())
        )
    else:
        conn.execute(
            insert(errors).values(origin=origin, doc_key=doc_key, reason=reason, attempts=1, last_seen=now())
        )


class Ingestor:
    """Ingests documents one by one into the store at ``engine``."""

    def __init__(
        self,
        engine: Engine,
        *,
        published: str | None = None,
        extractor: Extractor | None = None,
        max_chars: int | None = None,
    ) -> None:
        self.engine = engine
        self.max_chars = max_chars or MAX_CHARS
        self.published = published
        self.extractor = extractor or default_extractor
        self.report = IngestReport()

    def fail(self, origin: str, reason: str, doc_key: str | None = None) -> str:
        self.report.failed += 1
        if len(self.report.failures) < 100:
            self.report.failures.append(f"{origin}: {reason}")
        with self.engine.begin() as conn:
            quarantine(conn, origin, reason, doc_key)
        return "failed"

    def add(self, item: Document | InputError) -> str:
        """Ingest one document (or record one input error); returns new, revised, unchanged or failed."""
        if isinstance(item, InputError):
            return self.fail(item.origin, item.reason)
        todo = self.pending(item)
        if isinstance(todo, str):
            return todo
        try:
            reports = self.extractor(item, self.published)
        except FATAL:  # the installation is broken, not the document: stop rather than quarantine all
            raise
        except Exception as exc:  # one bad document must not stop the batch
            return self.fail(item.origin or item.id, extraction_failure(exc), todo[0])
        return self.commit(item, todo, reports)

    def pending(self, doc: Document) -> tuple[str, str] | str:
        """(key, content hash) of a document to extract, else its outcome: unchanged, or failed (too long)."""
        digest = content_hash(doc, self.published)
        key = document_key(doc, digest)
        if len(doc.text) > self.max_chars:
            reason = f"too long to extract: {len(doc.text):,} characters (the limit is {self.max_chars:,})"
            return self.fail(doc.origin or doc.id, reason, key)
        with self.engine.connect() as conn:
            current = conn.execute(select(documents.c.content_hash).where(documents.c.key == key)).first()
            twin = None
            if current is None:  # a new key: the same content may be stored under another (moved file)
                query = select(documents.c.key).where(documents.c.content_hash == digest).limit(1)
                twin = conn.execute(query).first()
        if current is not None and current[0] == digest:
            self.report.unchanged += 1
            return "unchanged"
        if twin is not None:
            self.report.duplicates += 1
            return "duplicate"
        return key, digest

    def commit(self, doc: Document, todo: tuple[str, str], reports: list[Event]) -> str:
        """Store a document and its extracted events in one transaction."""
        key, digest = todo
        for attempt in (1, 2):
            try:
                with self.engine.begin() as conn:
                    outcome, created, merged = self._store(conn, doc, key, digest, reports)
                    conn.execute(delete(errors).where(errors.c.origin == (doc.origin or doc.id)))
                break
            except IntegrityError:  # another process stored the same document meanwhile: look again
                if attempt == 2:
                    raise
        counter = {"new": "stored", "revised": "revised", "unchanged": "unchanged"}[outcome]
        setattr(self.report, counter, getattr(self.report, counter) + 1)
        self.report.events_new += created
        self.report.events_merged += merged
        return outcome

    def _store(
        self, conn: Connection, doc: Document, key: str, digest: str, reports: list[Event]
    ) -> tuple[str, int, int]:
        """Store one document in the open transaction: (outcome, incidents created, reports merged)."""
        row = conn.execute(
            select(documents.c.id, documents.c.revision, documents.c.content_hash).where(
                documents.c.key == key
            )
        ).first()
        if row is not None and row.content_hash == digest:  # stored meanwhile by another process
            return "unchanged", 0, 0
        values = {
            "doc_id": doc.id,
            "url": doc.url,
            "outlet": doc.outlet,
            "title": doc.title,
            "published": doc.published or self.published,
            "origin": doc.origin,
            "content_hash": digest,
            "n_events": len(reports),
            "ingested_at": now(),
        }
        if row is None:
            revision = 1
            pk = conn.execute(insert(documents).values(key=key, revision=1, **values)).inserted_primary_key
            assert pk is not None
            document_id = pk[0]
        else:
            document_id, revision = row.id, row.revision + 1
            conn.execute(
                update(documents).where(documents.c.id == document_id).values(revision=revision, **values)
            )
        conn.execute(
            insert(revisions).values(
                document_id=document_id, number=revision, content_hash=digest, text=doc.text, created_at=now()
            )
        )
        old_events: set[str] = set()
        if row is not None:
            old_events = {
                e
                for (e,) in conn.execute(
                    select(mentions.c.event_id).where(mentions.c.document_id == document_id)
                )
            }
            carry_pins(conn, key, document_id, reports)  # analysts' merges/splits follow the new text
            conn.execute(delete(mentions).where(mentions.c.document_id == document_id))
        # Incidents the old revision supported stay findable until the new events are placed, so that a
        # report that still describes them re-attaches to them and keeps their ids (and analysts' edits).
        created, merged = place(conn, reports, document_id, key, revision)
        refresh(conn, old_events)
        return ("new" if row is None else "revised"), created, merged


def extraction_failure(exc: BaseException) -> str:
    return f"extraction failed: {type(exc).__name__}: {exc}"


def ingest(
    engine: Engine,
    items: Iterable[Document | InputError],
    *,
    published: str | None = None,
    extractor: Extractor | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest every document of ``items``; see :class:`Ingestor` and :func:`ingest_iter`."""
    ingestor = Ingestor(engine, published=published, extractor=extractor)
    for _ in ingest_iter(ingestor, items, workers=workers):
        pass
    return ingestor.report


def ingest_iter(
    ingestor: Ingestor, items: Iterable[Document | InputError], workers: int = 1
) -> Iterator[str]:
    """Ingest lazily, yielding each item's outcome in input order (for progress bars).

    With ``workers > 1`` (and rasd's own extractor) extraction runs in that many worker processes
    while this process stores documents one transaction at a time, in input order.
    """
    if workers <= 1 or ingestor.extractor is not default_extractor:
        for item in items:
            yield ingestor.add(item)
        return
    from rasd.store.parallel import extract_in_pool

    yield from extract_in_pool(ingestor, items, workers)
