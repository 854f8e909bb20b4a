"""Event store: documents with revisions, merged events with every report kept, edits, errors."""

from rasd.store.db import StoreError, connect, default_db_url, migrate
from rasd.store.edits import Edit, EditError, add_edit, apply_edits, read_edits
from rasd.store.ingest import Ingestor, IngestReport, ingest
from rasd.store.query import ErrorRow, EventFilter, read_errors, read_events, read_mentions
from rasd.store.remerge import RemergeReport, remerge

__all__ = [
    "Edit",
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
    "read_edits",
    "read_errors",
    "read_events",
    "read_mentions",
    "remerge",
]
