"""`rasd ingest`, `rasd events`, `rasd errors` from the command line, with rasd's real extraction."""

from __future__ import annotations

import csv
import importlib
import io
import json

from typer.testing import CliRunner

import rasd.cli.errors_cmd
import rasd.cli.events_cmd
import rasd.cli.ingest_cmd  # noqa: F401  (registers the commands)
from rasd.cli.main import app

runner = CliRunner()
EN = "A rocket attack hit Ain al-Asad air base in Anbar on Tuesday, killing two soldiers, the Security Media Cell said.\n"
EN2 = "Three soldiers were killed when rockets struck Ain al-Asad air base in western Iraq on Tuesday, Reuters reported.\n"
AR = "قتل جنديان بهجوم صاروخي استهدف قاعدة عين الأسد في الأنبار يوم الثلاثاء، بحسب خلية الإعلام الأمني.\n"
OTHER = "A car bomb exploded in Mosul on Wednesday, wounding four civilians, police said.\n"


def folder(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "en.txt").write_text(EN, encoding="utf-8")
    (reports / "en2.txt").write_text(EN2, encoding="utf-8")
    (reports / "ar.txt").write_text(AR, encoding="utf-8")
    (reports / "other.txt").write_text(OTHER, encoding="utf-8")
    (reports / "image.bin").write_bytes(bytes(range(256)) * 8)
    return reports


def test_ingest_merges_arabic_and_english_reports_and_quarantines_binary(tmp_path, db_url):
    db = db_url
    result = runner.invoke(app, ["ingest", str(folder(tmp_path)), "--db", db, "--published", "2024-01-10"])
    assert result.exit_code == 1, result.output  # one document failed; the others are stored
    assert "4 new documents" in result.stderr and "1 failed" in result.stderr

    out = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    events = [json.loads(line) for line in out.stdout.splitlines()]
    base = [e for e in events if e["location"] and "Asad" in e["location"]["name"]]
    assert len(base) == 1, [(e["location"] or {}).get("name") for e in events]
    assert base[0]["fatalities"] == 2  # 2, 3 and 2 reported: the lowest is coded
    assert "Reported in 3 documents." in base[0]["notes"]

    errors = runner.invoke(app, ["errors", "--db", db])
    assert "image.bin\tbinary data, not text\t1" in errors.stdout

    again = runner.invoke(
        app, ["ingest", str(tmp_path / "reports"), "--db", db, "--published", "2024-01-10", "--remerge"]
    )
    assert "0 new documents, 0 revised, 4 unchanged" in again.stderr
    assert "re-merged: 2 -> 2 events, 0 reports moved" in again.stderr


def test_events_filters_and_acled_format(tmp_path):
    db = str(tmp_path / "events.sqlite")
    runner.invoke(app, ["ingest", str(folder(tmp_path)), "--db", db, "--published", "2024-01-10"])
    out = runner.invoke(app, ["events", "--db", db, "--format", "acled", "--near", "36.34,43.13,30"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["location"] for r in rows] == ["Mosul"]
    none = runner.invoke(app, ["events", "--db", db, "--since", "2024-02-01", "--format", "geojson"])
    assert json.loads(none.stdout)["features"] == []
    bad = runner.invoke(app, ["events", "--db", db, "--near", "north"])
    assert bad.exit_code == 2


def test_malformed_and_enormous_documents_are_quarantined_with_their_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(importlib.import_module("rasd.store.ingest"), "MAX_CHARS", 5_000)
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "ok", "text": OTHER, "published": "2024-01-10"}),
        "{not json",
        json.dumps({"id": "huge", "text": OTHER * 200}),
        json.dumps({"id": "empty", "text": ""}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 ol\xe9 ".encode("latin-1") * 3 + b"\xff\xfe\x00\x01" * 50)
    db = str(tmp_path / "events.sqlite")
    result = runner.invoke(app, ["ingest", str(batch), str(tmp_path / "latin.txt"), "--db", db])
    assert "1 new documents" in result.stderr
    reasons = dict(
        line.split("\t")[:2] for line in runner.invoke(app, ["errors", "--db", db]).stdout.splitlines()
    )
    assert reasons[f"{batch}:2"].startswith("malformed JSON")
    assert reasons[f"{batch}:3"].startswith("too long to extract: 16,")
    assert reasons[f"{batch}:4"].startswith("no 'text' field")
    assert str(tmp_path / "latin.txt") in reasons


def test_unreachable_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["errors", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 2
    assert "cannot open the store" in result.stderr


def test_each_text_read_from_stdin_is_its_own_document(tmp_path):
    db = str(tmp_path / "events.sqlite")
    for text in (EN, OTHER, EN):
        runner.invoke(app, ["ingest", "-", "--db", db, "--published", "2024-01-10"], input=text.encode())
    out = runner.invoke(app, ["events", "--db", db])
    assert sorted(json.loads(line)["location"]["name"] for line in out.stdout.splitlines()) == [
        "Ain al-Asad air base",
        "Mosul",
    ]


def test_reading_a_store_that_does_not_exist_says_so(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "typo.sqlite")])
    assert result.exit_code == 2
    assert "no store at" in result.stderr and not (tmp_path / "typo.sqlite").exists()


def test_a_broken_installation_stops_ingest_instead_of_quarantining_every_document(tmp_path, monkeypatch):
    broken = tmp_path / "gazetteer.sqlite"
    broken.write_bytes(b"this is not a gazetteer index" * 100)
    monkeypatch.setenv("RASD_GAZETTEER", str(broken))
    db = str(tmp_path / "events.sqlite")
    result = runner.invoke(app, ["ingest", str(folder(tmp_path)), "--db", db, "--published", "2024-01-10"])
    assert result.exit_code == 2
    assert "stopped, the installation needs fixing" in result.stderr
    assert "ar.txt" not in runner.invoke(app, ["errors", "--db", db]).stdout


def test_a_bad_published_date_is_refused_before_anything_is_read(tmp_path):
    result = runner.invoke(
        app, ["ingest", str(tmp_path), "--db", str(tmp_path / "e.sqlite"), "--published", "May"]
    )
    assert result.exit_code == 2 and "is not a date" in result.stderr


def test_a_changed_document_with_the_same_id_replaces_its_events(tmp_path):
    db = str(tmp_path / "events.sqlite")
    batch = tmp_path / "feed.jsonl"
    first = {"id": "story-1", "text": OTHER, "published": "2024-01-10"}
    batch.write_text(json.dumps(first) + "\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(batch), "--db", db])
    [before] = [json.loads(line) for line in runner.invoke(app, ["events", "--db", db]).stdout.splitlines()]
    assert before["injuries"] == 4
    changed = {**first, "text": OTHER.replace("four", "six")}
    batch.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(batch), "--db", db])
    assert "0 new documents, 1 revised" in result.stderr
    [after] = [json.loads(line) for line in runner.invoke(app, ["events", "--db", db]).stdout.splitlines()]
    assert (after["id"], after["injuries"]) == (before["id"], 6)
