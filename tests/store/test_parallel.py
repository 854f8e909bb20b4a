"""Extraction in worker processes stores exactly what a single process stores, in the same order."""

from __future__ import annotations

from rasd.ingest import InputError, read_documents
from rasd.store import connect, ingest, read_errors, read_events
from rasd.store.synthetic import write_jsonl


def test_two_workers_store_the_same_events_as_one_process(tmp_path):
    docs = write_jsonl(tmp_path / "docs.jsonl", 60, sentences=2)
    results = []
    for workers in (1, 2):
        engine = connect(f"sqlite:///{tmp_path / f'w{workers}.sqlite'}")
        items = [*read_documents([str(docs)]), InputError("broken.html", "no readable text in the HTML page")]
        report = ingest(engine, items, workers=workers)
        assert (report.stored, report.failed) == (60, 1)
        assert [e.origin for e in read_errors(engine)] == ["broken.html"]
        results.append([e.model_dump() for e in read_events(engine)])
        engine.dispose()
    assert results[0] == results[1] and len(results[0]) > 60
