"""Dask scaling: documents/s with 1 and 2 Dask workers, against one process without Dask.

    python benchmarks/dask_scaling.py [--docs 200] [--workers 1 2] [--store]

Reads Arabic articles from ../shared/data/raw (Al Mayadeen, SaudiNewsNet; see SOURCES.md), else (with
a message) rasd's bundled examples repeated. Extraction only by default (documents sent to the
workers through a bounded window of futures, as `rasd ingest --engine dask` does); with --store,
end to end into a temporary SQLite store (storing stays in this one process). Workers are warmed
up (lexicons and gazetteer loaded) before timing. Targets: 2 workers >= 1.7x one worker, and
docs/s per worker within 20% of the single process. Needs: pip install 'rasd[dask]'.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared")) / "data" / "raw"
CORPORA = (
    "almayadeen_hadialshaer/almayadeen_2023-01_2024-08_syr_irq_violence.jsonl",
    "saudinewsnet/saudinewsnet_2015-07_08_syr_irq_violence.jsonl",
)


def corpus(n: int) -> tuple[list[Any], str]:
    """``n`` documents (1-6 KB articles) and a description of where they came from."""
    from rasd.ingest import Document

    docs: list[Document] = []
    found = [SHARED / name for name in CORPORA if (SHARED / name).exists()]
    for path in found:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                if 1000 <= len(obj["text"].encode("utf-8")) <= 6000:
                    docs.append(
                        Document(
                            id=str(obj["id"]),
                            text=obj["text"],
                            published=obj.get("date"),
                            title=obj.get("title") or None,
                            outlet=obj.get("outlet"),
                            origin=f"{path.name}:{obj['id']}",
                        )
                    )
    if docs:
        step = max(1, len(docs) // n)
        return docs[::step][:n], f"{n} articles of 1-6 KB from {', '.join(p.parent.name for p in found)}"
    print(f"shared data not found at {SHARED}: using rasd's bundled examples, repeated", file=sys.stderr)
    texts = [(p.read_text(encoding="utf-8"), p.stem) for p in sorted((ROOT / "examples").glob("*.txt"))]
    for i in range(n):
        text, stem = texts[i % len(texts)]
        docs.append(
            Document(id=f"{stem}-{i}", text=f"{text}\n(copy {i})", published="2024-04-17", origin=stem)
        )
    return docs, f"{n} copies of the bundled examples"


def warm() -> int:
    """Load lexicons and the gazetteer in this process (run on every worker before timing)."""
    import rasd

    return len(
        rasd.extract("A car bomb exploded in Azaz on Monday, killing 3 people.", published="2024-01-02")
    )


def single(docs: list[Any]) -> tuple[float, float, int]:
    """(seconds, CPU seconds, events) extracting every document in this process, one after another."""
    from rasd.store.ingest import default_extractor

    warm()
    t0, c0 = time.perf_counter(), time.process_time()
    events = sum(len(default_extractor(doc, None)) for doc in docs)
    return time.perf_counter() - t0, time.process_time() - c0, events


def on_dask(docs: list[Any], workers: int, batch: int) -> tuple[float, float, int]:
    """(seconds, CPU seconds of the workers, events) extracting every document on a local cluster."""
    from rasd.store.dask_engine import _extract_batch, dask_client

    with dask_client(None, workers) as client:
        client.wait_for_workers(workers)
        client.run(warm)
        window: deque[Any] = deque()
        events = 0
        c0 = client.run(time.process_time)
        t0 = time.perf_counter()
        for start in range(0, len(docs), batch):
            window.append(client.submit(_extract_batch, docs[start : start + batch], None, pure=False))
            while len(window) > 4 * workers:
                events += sum(len(r[0] or []) for r in window.popleft().result())
        while window:
            events += sum(len(r[0] or []) for r in window.popleft().result())
        seconds = time.perf_counter() - t0
        cpu = sum(t - c0[w] for w, t in client.run(time.process_time).items())
        return seconds, cpu, events


def stored(docs: list[Any], workers: int, batch: int) -> tuple[float, float, int]:
    """(seconds, CPU seconds (this process's and the workers'), events) ingesting into a temporary
    SQLite store; ``workers`` 0: no Dask."""
    from rasd.store import Ingestor, connect
    from rasd.store.dask_engine import dask_client, extract_with_dask
    from rasd.store.ingest import ingest_iter

    with tempfile.TemporaryDirectory() as tmp:
        engine = connect(f"sqlite:///{Path(tmp) / 'store.sqlite'}")
        ingestor = Ingestor(engine)
        if workers == 0:
            warm()
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in ingest_iter(ingestor, docs):
                pass
            cpu = time.process_time() - c0
        else:
            with dask_client(None, workers) as client:
                client.wait_for_workers(workers)
                client.run(warm)
                w0, c0 = client.run(time.process_time), time.process_time()
                t0 = time.perf_counter()
                for _ in extract_with_dask(ingestor, docs, client, batch):
                    pass
                cpu = time.process_time() - c0
                cpu += sum(t - w0[w] for w, t in client.run(time.process_time).items())
        seconds = time.perf_counter() - t0
        engine.dispose()
        return seconds, cpu, ingestor.report.events_new + ingestor.report.events_merged


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch", type=int, default=8, help="documents per Dask task")
    parser.add_argument("--store", action="store_true", help="end to end into a temporary SQLite store")
    args = parser.parse_args()
    try:
        import distributed  # noqa: F401
    except ImportError:
        sys.exit("needs Dask: pip install 'rasd[dask]'")
    docs, what = corpus(args.docs)
    mode = "end to end into SQLite" if args.store else "extraction only"
    print(f"corpus: {what}; {mode}; {os.cpu_count()} CPUs; load average before: {os.getloadavg()}")
    seconds, cpu, events = stored(docs, 0, args.batch) if args.store else single(docs)
    base, base_cpu = len(docs) / seconds, len(docs) / cpu
    print(
        f"single process (no Dask): {base:.2f} docs/s ({events} events, {seconds:.1f} s; "
        f"{base_cpu:.2f} docs per CPU second)"
    )
    rates: dict[int, float] = {}
    for n in args.workers:
        seconds, cpu, got = stored(docs, n, args.batch) if args.store else on_dask(docs, n, args.batch)
        rates[n] = len(docs) / seconds
        print(
            f"dask, {n} worker{'s' if n > 1 else ''}: {rates[n]:.2f} docs/s ({got} events, {seconds:.1f} s); "
            f"per worker {rates[n] / n:.2f} docs/s = {rates[n] / n / base:.0%} of the single process; "
            f"{len(docs) / cpu:.2f} docs per CPU second = {len(docs) / cpu / base_cpu:.0%} of the single process's"
        )
        if got != events:
            print(f"  warning: {got} events, the single process found {events}")
    if 1 in rates:
        for n in rates:
            if n > 1:
                print(f"speedup {n} workers / 1 worker: {rates[n] / rates[1]:.2f}x (target for 2: >= 1.7x)")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
