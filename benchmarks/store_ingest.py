"""Ingest throughput into SQLite in one process: N synthetic reports, extraction included.

Usage: python benchmarks/store_ingest.py [N] [DB_URL|-] [WORKERS] [SENTENCES_PER_DOCUMENT]
(default 2000 documents, a temporary SQLite file, 1 process; a PostgreSQL URL must name an empty database)
Prints documents/s for the whole run (read, extract, merge, commit per document).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from rasd.ingest import read_documents
from rasd.store import connect, ingest
from rasd.store.synthetic import write_jsonl


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        url = (
            sys.argv[2]
            if len(sys.argv) > 2 and sys.argv[2] != "-"
            else f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        )
        workers = int(sys.argv[3]) if len(sys.argv) > 3 else 1
        sentences = int(sys.argv[4]) if len(sys.argv) > 4 else 1
        docs = write_jsonl(Path(tmp) / "docs.jsonl", n, sentences=sentences)
        engine = connect(url)
        from rasd import extract

        extract("warm-up: two rockets hit Baghdad on 3 May 2024.", published="2024-05-04")
        t0 = time.perf_counter()
        report = ingest(engine, read_documents([str(docs)]), workers=workers)
        elapsed = time.perf_counter() - t0
        print(report.summary())
        print(f"mean document size: {docs.stat().st_size / n:.0f} bytes of JSONL")
        print(
            f"ingest: {n} documents in {elapsed:.1f} s = {n / elapsed:.0f} documents/s ({url.split(':')[0]}, {workers} extraction process(es))"
        )
        t0 = time.perf_counter()
        again = ingest(engine, read_documents([str(docs)]))
        print(f"re-ingest (unchanged): {again.unchanged} documents in {time.perf_counter() - t0:.1f} s")
        engine.dispose()


if __name__ == "__main__":
    main()
