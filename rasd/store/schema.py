"""Tables of the event store (SQLAlchemy Core). Alembic migrations in ``migrations/`` create them.

documents  one row per report (keyed by URL, else document id) with its current revision
revisions  every version of a document that was ingested, by content hash
events     merged incidents: the merged Event JSON plus the columns merging and filtering use
mentions   event x document: what one report says about the incident (its own Event JSON, figures)
edits      analyst edits (event id, field, JSON value, who, when), applied when events are read
errors     documents that could not be stored, and why
tokens     API bearer tokens (only their SHA-256 hash), by name, with scope read or write
audit      what analysts did through the API: edits, approvals, rejections (who, when, before, after)
feeds      watched RSS/Atom feeds (`rasd watch`): ETag, Last-Modified, last poll and error
feed_entries  entries of a feed already ingested (or given up on), so a poll adds only new ones
pins       analysts' merge/split decisions: the report (document key, local id) belongs to event id
merges     ids of events merged into another (the survivor), so old links still lead somewhere
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
    # API (rasd/web): pages in listing order and its filters, answered from the index alone
    Index("ix_events_start_id", "date_start", "id", "date_end"),
    Index("ix_events_lat_lon", "lat", "lon", "date_start", "id", "date_end"),
    Index("ix_events_country_start_id", "country_code", "date_start", "id", "date_end", "event_type"),
    Index("ix_events_type_start_id", "event_type", "date_start", "id", "date_end"),
    # web app map: the latest change (its answers are cached until then) and every point from the index
    Index("ix_events_updated", "updated_at"),
    Index("ix_events_points", "event_type", "lat", "lon", "id"),
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

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 hex of the token
    Column("scope", String(16), nullable=False),  # read | write
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(40), nullable=False, index=True),
    Column("action", String(16), nullable=False),  # edit | approve | reject | merge | split
    Column("field", Text),  # the edited field (edits only)
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("author", Text, nullable=False),
    Column("note", Text),
    Column("edit_id", Integer),  # the edits row an edit made
    Column("created_at", DateTime(timezone=True), nullable=False),
)

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(1000), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),  # the Last-Modified header, as the server gave it
    Column("last_polled", DateTime(timezone=True)),
    Column("last_ok", DateTime(timezone=True)),
    Column("last_error", Text),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(1000), nullable=False),  # the entry's id, else its link
    Column("link", Text),
    Column("status", String(16), nullable=False),  # done | failed (tried again on later polls, a few times)
    Column("attempts", Integer, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_tried", DateTime(timezone=True), nullable=False),
    UniqueConstraint("feed_id", "key", name="uq_feed_entries_feed_key"),
)

pins = Table(
    "pins",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_key", String(1000), nullable=False),  # documents.key: outlives the document's revisions
    Column("local_id", Text, nullable=False),  # mentions.local_id
    Column("event_id", String(40), nullable=False, index=True),  # no FK: decisions outlive re-merging
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("doc_key", "local_id", name="uq_pins_doc_local"),
)

merges = Table(
    "merges",
    metadata,
    Column("event_id", String(40), primary_key=True),  # the merged-away event
    Column("into_id", String(40), nullable=False, index=True),  # the event that holds its reports now
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
