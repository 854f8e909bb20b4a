"""Extraction on a Dask cluster, storage in this process (in input order, one transaction per document).

With a scheduler address the documents go to that cluster (its workers need rasd installed and a
gazetteer); without one a local cluster of ``workers`` processes is started and closed afterwards.
A bounded window of futures keeps memory flat: the same design as :mod:`rasd.store.parallel`, and
the same events as a single-process run.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from rasd.ingest import Document, InputError
from rasd.model import Event
from rasd.store.ingest import Ingestor
from rasd.store.parallel import _extract, settle

INSTALL_HINT = "pip install 'rasd[dask]' (or pip install 'dask[distributed]')"
BATCH = 16  # documents per Dask task: a task costs milliseconds of scheduling, a document tens
Result = tuple[list[Event] | None, str | None, bool]  # events, else the error; whether it is fatal


class DaskUnavailable(RuntimeError):
    """Dask (distributed) is not installed, or the cluster cannot be reached."""


def require_dask() -> Any:
    """The ``distributed`` module, or :class:`DaskUnavailable` saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise DaskUnavailable(f"--engine dask needs Dask's distributed scheduler: {INSTALL_HINT}") from exc
    return distributed


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Any]:
    """A Dask client of the cluster at ``scheduler``, else of a new local cluster of ``workers`` processes."""
    distributed = require_dask()
    for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny"):
        logging.getLogger(name).setLevel(logging.WARNING)
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            yield client
        finally:
            client.close()
        return
    import dask

    # Off or slowed for the local cluster (its workers get this process's config): the workers' statistical
    # profiler samples the extraction thread every 10 ms (a tenth of the CPU for pure-Python tasks), and
    # the event loop's tick and the system and memory monitors wake each worker many times a second
    # (another tenth with two workers on two cores). See docs/scale.md for a cluster of your own.
    with dask.config.set(LOCAL_CONFIG):
        cluster = distributed.LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,  # extraction is CPU-bound Python: one document per process at a time
            processes=True,
            dashboard_address=None,
        )
    try:
        client = distributed.Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1000ms",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "5s",
}


def _extract_batch(docs: list[Document], published: str | None) -> list[Result]:
    """Extraction results of several documents: one task per batch keeps Dask's per-task cost small."""
    return [_extract(doc, published) for doc in docs]


def extract_with_dask(
    ingestor: Ingestor, items: Iterable[Document | InputError], client: Any, batch: int = BATCH
) -> Iterator[str]:
    """Outcomes of ingesting ``items`` (stored in input order) with extraction on the ``client``'s workers.

    Documents go to the workers in batches of ``batch``; at most a few batches per worker thread are
    in flight, so memory stays flat however long the input.
    """
    window: deque[tuple[list[tuple[Document, tuple[str, str]]], Any]] = deque()
    pending: list[tuple[Document, tuple[str, str]]] = []
    limit = 4 * max(1, sum(client.nthreads().values()))

    def submit() -> None:
        if pending:
            docs = [doc for doc, _ in pending]
            window.append(
                (list(pending), client.submit(_extract_batch, docs, ingestor.published, pure=False))
            )
            pending.clear()

    def drain(keep: int) -> Iterator[str]:
        while len(window) > keep:
            todos, future = window.popleft()
            results = future.result()
            future.release()
            for (doc, todo), result in zip(todos, results, strict=True):
                yield settle(ingestor, doc, todo, result)

    try:
        for item in items:
            if isinstance(item, InputError):
                submit()
                yield from drain(0)
                yield ingestor.fail(item.origin, item.reason)
                continue
            todo = ingestor.pending(item)
            if isinstance(todo, str):  # unchanged, or quarantined as too long
                yield todo
                continue
            pending.append((item, todo))
            if len(pending) >= batch:
                submit()
                yield from drain(limit)
        submit()
        yield from drain(0)
    finally:
        for _, future in window:
            future.cancel()


def ingest_with_dask(
    ingestor: Ingestor,
    items: Iterable[Document | InputError],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    batch: int = BATCH,
) -> Iterator[str]:
    """:func:`extract_with_dask` on the cluster at ``scheduler`` or on a local one of ``workers`` processes."""
    with dask_client(scheduler, workers) as client:
        yield from extract_with_dask(ingestor, items, client, batch)
