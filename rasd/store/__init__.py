"""Event store: documents with revisions, merged events with every report kept, edits, errors."""

from rasd.store.db import StoreError, connect, default_db_url, migrate
from rasd.store.edits import EditError, add_edit, apply_edits
from rasd.store.ingest import Ingestor, IngestReport, ingest
from rasd.store.query import ErrorRow, EventFilter, read_errors, read_events, read_mentions
from rasd.store.remerge import RemergeReport, remerge

__all__ = [
    "EditError",
    "ErrorRow",
    "EventFilter",
    "IngestReport",
    "RemergeReport",
    "Ingestor",
    "StoreError",
    "add_edit",
    "apply_edits",
    "connect",
    "default_db_url",
    "ingest",
    "migrate",
    "read_errors",
    "read_events",
    "read_mentions",
    "remerge",
]
