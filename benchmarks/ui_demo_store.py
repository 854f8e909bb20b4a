"""A demonstration store for the web UI: synthetic events inserted straight into the table (as
``api_latency.py`` does) plus real reports extracted by rasd (so event pages have text and evidence).

    python benchmarks/ui_demo_store.py OUT.sqlite [--events 3000] [--serve]

Used by ``ui_screenshots.py``; with ``--serve`` it serves the store on a free 127.0.0.1 port until ^C.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import api_latency
from api_latency import fill, free_port, start_server

from rasd.ingest import Document
from rasd.store import connect, ingest

ROOT = Path(__file__).resolve().parents[1]
EXTRA_PLACES = [
    ("Fallujah", "IQ", "Iraq", 33.35, 43.78),
    ("Tikrit", "IQ", "Iraq", 34.61, 43.68),
    ("Ramadi", "IQ", "Iraq", 33.43, 43.3),
    ("Deir ez-Zor", "SY", "Syria", 35.33, 40.14),
    ("Daraa", "SY", "Syria", 32.62, 36.1),
    ("Hama", "SY", "Syria", 35.13, 36.75),
    ("Qamishli", "SY", "Syria", 37.05, 41.22),
    ("Tripoli", "LB", "Lebanon", 34.44, 35.83),
    ("Tyre", "LB", "Lebanon", 33.27, 35.2),
    ("Zarqa", "JO", "Jordan", 32.07, 36.09),
    ("Erbil", "IQ", "Iraq", 36.19, 44.01),
    ("Najaf", "IQ", "Iraq", 32.0, 44.33),
]
REPORTS = [
    (
        "ar-report",
        "examples/ar-report.txt",
        "2024-03-11",
        "هجوم بطائرتين مسيرتين على حقل كونيكو للغاز",
        "Enab Baladi",
    ),
    (
        "en-report",
        "examples/en-report.txt",
        "2024-04-17",
        "Rockets hit near Erbil airport; protesters rally in Basra",
        "Rudaw",
    ),
]


def build(path: Path, n: int) -> str:
    """Fill a new store at ``path`` with ``n`` synthetic events and the bundled example reports."""
    url = f"sqlite:///{path}"
    api_latency.PLACES = [*api_latency.PLACES, *EXTRA_PLACES]
    fill(url, n)
    docs = [
        Document(
            id=name, text=(ROOT / file).read_text(encoding="utf-8"), published=day, title=title, outlet=outlet
        )
        for name, file, day, title, outlet in REPORTS
    ]
    engine = connect(url)
    report = ingest(engine, docs)
    engine.dispose()
    if report.stored != len(docs):
        raise SystemExit(f"ingesting the example reports failed: {report.summary()}")
    return url


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    url = build(args.out, args.events)
    print(f"store: {url}")
    if args.serve:
        port = free_port()
        server = start_server(url, port, 1)
        print(f"serving http://127.0.0.1:{port}/ (^C stops)")
        try:
            while server.poll() is None:
                time.sleep(1)
        except KeyboardInterrupt:
            server.terminate()


if __name__ == "__main__":
    main()
