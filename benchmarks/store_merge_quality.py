"""Pairwise precision/recall of merging on the labelled set tests/store/data/merge_set.jsonl.

Usage: python benchmarks/store_merge_quality.py
Ingests the set into a temporary SQLite store (real extraction, incremental merging), scores the
pairs of reports put in one event against the gold incidents, then re-merges and scores again.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path

from sqlalchemy import Engine, select

from rasd.ingest import read_documents
from rasd.store import connect, ingest, remerge
from rasd.store.schema import documents, mentions

SET = Path(__file__).resolve().parents[1] / "tests" / "store" / "data" / "merge_set.jsonl"


def gold() -> dict[str, str]:
    lines = SET.read_text(encoding="utf-8").splitlines()
    return {d["id"]: d["incident"] for d in map(json.loads, lines) if d}


def score(engine: Engine, labels: dict[str, str]) -> tuple[float, float, list[str]]:
    """(precision, recall, wrong pairs) over pairs of stored reports."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(documents.c.doc_id, mentions.c.local_id, mentions.c.event_id).join(
                documents, documents.c.id == mentions.c.document_id
            )
        ).all()
    found = true = both = 0
    wrong = []
    for a, b in itertools.combinations(rows, 2):
        same_found = a.event_id == b.event_id
        same_true = labels.get(a.doc_id) == labels.get(b.doc_id) and a.doc_id != b.doc_id
        found += same_found
        true += same_true
        both += same_found and same_true
        if same_found != same_true:
            wrong.append(f"{'merged' if same_found else 'missed'}: {a.doc_id} ~ {b.doc_id}")
    return both / max(found, 1), both / max(true, 1), wrong


def evaluate() -> dict[str, tuple[float, float, list[str]]]:
    labels = gold()
    with tempfile.TemporaryDirectory() as tmp:
        engine = connect(f"sqlite:///{Path(tmp) / 'set.sqlite'}")
        ingest(engine, read_documents([str(SET)]))
        out = {"incremental": score(engine, labels)}
        remerge(engine)
        out["remerged"] = score(engine, labels)
        engine.dispose()
    return out


def main() -> None:
    for name, (precision, recall, wrong) in evaluate().items():
        print(f"{name}: pairwise precision {precision:.3f}, recall {recall:.3f}")
        for line in wrong:
            print(f"  {line}")


if __name__ == "__main__":
    main()
