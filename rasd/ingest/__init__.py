"""Ingest stage: read reports from files, folders, standard input and JSONL into documents."""

from rasd.ingest.documents import Document, InputError, read_documents

__all__ = ["Document", "InputError", "read_documents"]
