"""Merging on the labelled set data/merge_set.jsonl (see data/README.md): every incident whole, traps apart."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from rasd.ingest import read_documents
from rasd.store import connect, ingest
from rasd.store.schema import documents, mentions

SET = Path(__file__).parent / "data" / "merge_set.jsonl"


def test_reports_of_one_incident_share_one_event_and_traps_stay_apart(tmp_path):
    gold = {d["id"]: d["incident"] for d in map(json.loads, SET.read_text(encoding="utf-8").splitlines())}
    engine = connect(f"sqlite:///{tmp_path / 'set.sqlite'}")
    ingest(engine, read_documents([str(SET)]))
    with engine.connect() as conn:
        rows = conn.execute(
            select(documents.c.doc_id, mentions.c.event_id).join(
                documents, documents.c.id == mentions.c.document_id
            )
        ).all()
    engine.dispose()
    events_of: dict[str, set[str]] = defaultdict(set)
    incidents_of: dict[str, set[str]] = defaultdict(set)
    for doc_id, event_id in rows:
        events_of[gold[doc_id]].add(event_id)
        incidents_of[event_id].add(gold[doc_id])
    assert {i: len(e) for i, e in events_of.items() if len(e) > 1} == {}  # recall: no incident split
    mixed = sorted(sorted(i) for i in incidents_of.values() if len(i) > 1)
    # Known limit: two bombings in Baghdad on one day, told without distinguishing detail, are merged.
    assert mixed in ([], [["baghdad-carbomb", "baghdad-ied"]])
    assert {"asad-0109", "asad-0110"} <= set(events_of) and events_of["asad-0109"] != events_of["asad-0110"]
