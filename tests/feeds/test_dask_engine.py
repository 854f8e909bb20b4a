"""`--engine dask`: extraction on a (local) Dask cluster stores the same events as one process."""

from __future__ import annotations

import json

import pytest

from rasd.ingest import InputError, read_documents
from rasd.store import Ingestor, connect, read_errors, read_events
from rasd.store.ingest import ingest_iter
from rasd.store.synthetic import write_jsonl

pytest.importorskip("distributed", reason="Dask is not installed (pip install 'rasd[dask]')")


def test_two_dask_workers_store_the_same_events_as_one_process(tmp_path):
    from rasd.store.dask_engine import ingest_with_dask

    docs = write_jsonl(tmp_path / "docs.jsonl", 8, sentences=2)
    results = []
    for engine_name in ("single", "dask"):
        engine = connect(f"sqlite:///{tmp_path / f'{engine_name}.sqlite'}")
        items = [*read_documents([str(docs)]), InputError("broken.html", "no readable text in the HTML page")]
        ingestor = Ingestor(engine)
        if engine_name == "dask":
            outcomes = list(ingest_with_dask(ingestor, items, workers=2, batch=2))
        else:
            outcomes = list(ingest_iter(ingestor, items))
        assert outcomes == ["new"] * 8 + ["failed"]
        assert [e.origin for e in read_errors(engine)] == ["broken.html"]
        results.append([e.model_dump() for e in read_events(engine)])
        engine.dispose()
    assert results[0] == results[1] and len(results[0]) >= 8


def test_ingest_cli_with_dask(tmp_path):
    from typer.testing import CliRunner

    from rasd.cli.main import app

    docs = write_jsonl(tmp_path / "docs.jsonl", 3, sentences=1)
    db = str(tmp_path / "events.sqlite")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(docs), "--db", db, "--engine", "dask", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "3 new documents" in result.output
    rows = [json.loads(line) for line in runner.invoke(app, ["events", "--db", db]).stdout.splitlines()]
    assert rows and {r["doc_id"] for r in rows} <= {"syn-7-000000", "syn-7-000001", "syn-7-000002"}


def test_dask_engine_without_dask_says_how_to_install(tmp_path, monkeypatch):
    import sys

    from typer.testing import CliRunner

    from rasd.cli.main import app

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    docs = write_jsonl(tmp_path / "docs.jsonl", 1, sentences=1)
    result = CliRunner().invoke(
        app, ["ingest", str(docs), "--db", str(tmp_path / "e.sqlite"), "--engine", "dask"]
    )
    assert result.exit_code == 2
    assert "--engine dask needs Dask's distributed scheduler: pip install 'rasd[dask]'" in result.output
