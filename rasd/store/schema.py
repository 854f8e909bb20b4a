"""Tables of the event store (SQLAlchemy Core). Alembic migrations in ``migrations/`` create them.

documents  one row per report (keyed by URL, else document id) with its current revision
revisions  every version of a document that was ingested, by content hash
events     merged incidents: the merged Event JSON plus the columns merging and filtering use
mentions   event x document: what one report says about the incident (its own Event JSON, figures)
edits      analyst edits (event id, field, JSON value, who, when), applied when events are read
errors     documents that could not be stored, and why
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(1000), nullable=False, unique=True),
    Column("doc_id", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Text),
    Column("origin", Text),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("revision", Integer, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "number", name="uq_revisions_document_number"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("time_precision", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("country_code", String(8)),
    Column("admin1", Text),
    Column("actors", Text, nullable=False, default=""),  # '|'-joined actor names, for filtering
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("n_mentions", Integer, nullable=False),
    Column("data", Text, nullable=False),  # the merged Event as JSON
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_events_type_start", "event_type", "date_start"),
    Index("ix_events_start", "date_start"),
    Index("ix_events_country", "country_code"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False, index=True),
    Column(
        "document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("revision", Integer, nullable=False),
    Column("local_id", Text, nullable=False),  # the Event id the extractor gave
    Column("sources", Text, nullable=False, default=""),  # '; '-joined source names
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("data", Text, nullable=False),  # this document's Event as JSON (evidence spans into its text)
    UniqueConstraint("document_id", "local_id", name="uq_mentions_document_local"),
)

edits = Table(
    "edits",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(40), nullable=False, index=True),  # no FK: edits outlive re-merging
    Column("field", Text, nullable=False),  # dotted path into the Event, e.g. location.name
    Column("value", Text, nullable=False),  # JSON
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

errors = Table(
    "errors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("doc_key", Text),
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Index("ix_errors_origin", "origin"),
)
