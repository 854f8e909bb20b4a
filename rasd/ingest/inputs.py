"""Command-line inputs in order: http(s) URLs are fetched, everything else is read as a path."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rasd.ingest.decode import MAX_BYTES
from rasd.ingest.documents import Document, InputError, read_documents

if TYPE_CHECKING:
    from rasd.ingest.fetch import Fetcher


def read_inputs(args: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """Documents (or errors) of each argument in turn: URLs (fetched once each), files, folders, JSONL, ``-``."""
    fetcher: Fetcher | None = None
    try:
        for arg in args:
            if arg.lower().startswith(("http://", "https://")):
                from rasd.ingest.web import fetch_document

                if fetcher is None:
                    from rasd.ingest.fetch import Fetcher

                    fetcher = Fetcher()
                yield fetch_document(arg, fetcher)
            else:
                yield from read_documents([arg], max_bytes)
    finally:
        if fetcher is not None:
            fetcher.close()
