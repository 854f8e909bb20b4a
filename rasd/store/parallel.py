"""Extraction in worker processes, storage in this one (in input order, one transaction per document)."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from rasd.ingest import Document, InputError
from rasd.model import Event
from rasd.store.ingest import FATAL, Ingestor, default_extractor, extraction_failure


class FatalExtractionError(RuntimeError):
    """A worker hit an error of the installation (gazetteer, knowledge files), not of a document."""


def _extract(doc: Document, published: str | None) -> tuple[list[Event] | None, str | None, bool]:
    try:
        return default_extractor(doc, published), None, False
    except FATAL as exc:
        return None, f"{type(exc).__name__}: {exc}", True
    except Exception as exc:
        return None, extraction_failure(exc), False


def settle(
    ingestor: Ingestor,
    doc: Document,
    todo: tuple[str, str],
    result: tuple[list[Event] | None, str | None, bool],
) -> str:
    """Store (or quarantine) one document a worker extracted; stop on an error of the installation."""
    reports, error, fatal = result
    if fatal:
        raise FatalExtractionError(error)
    if reports is None:
        return ingestor.fail(doc.origin or doc.id, error or "extraction failed", todo[0])
    return ingestor.commit(doc, todo, reports)


def extract_in_pool(
    ingestor: Ingestor, items: Iterable[Document | InputError], workers: int
) -> Iterator[str]:
    """Outcomes of ingesting ``items`` with extraction spread over ``workers`` processes."""
    window: deque[tuple[Document, tuple[str, str], Future[tuple[list[Event] | None, str | None, bool]]]] = (
        deque()
    )
    context = multiprocessing.get_context("spawn")  # workers open their own gazetteer connections
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:

        def drain(limit: int) -> Iterator[str]:
            while len(window) > limit:
                doc, todo, future = window.popleft()
                yield settle(ingestor, doc, todo, future.result())

        for item in items:
            if isinstance(item, InputError):
                yield from drain(0)
                yield ingestor.fail(item.origin, item.reason)
                continue
            todo = ingestor.pending(item)
            if isinstance(todo, str):  # unchanged, or quarantined as too long
                yield todo
                continue
            window.append((item, todo, pool.submit(_extract, item, ingestor.published)))
            yield from drain(8 * workers)
        yield from drain(0)
