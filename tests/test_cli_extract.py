"""`rasd extract` from the command line: formats, batches with bad documents, exit codes."""

import csv
import io
import json

from typer.testing import CliRunner

from rasd.cli.main import app
from rasd.export import ACLED_COLUMNS

runner = CliRunner()
REPORT = "Two rockets hit Baghdad airport on Monday, injuring one contractor, the Security Media Cell said."


def test_jsonl_batch_with_bad_lines_processes_the_rest(tmp_path):
    batch = tmp_path / "docs.jsonl"
    batch.write_text(
        json.dumps({"id": "good", "text": REPORT, "published": "2024-01-10"}) + "\n{broken\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(batch)])
    assert result.exit_code == 1
    assert f"{batch}:2: malformed JSON" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["doc_id"] for e in events] == ["good"]
    assert events[0]["sub_event_type"] == "Shelling/artillery/missile attack"


def test_acled_csv_has_acled_columns_first_then_doc_id(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--published", "2024-01-10", "--format", "acled"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header = rows[0]
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert header[len(ACLED_COLUMNS)] == "doc_id"
    record = dict(zip(header, rows[1], strict=True))
    assert record["event_date"] == "2024-01-08" and record["country"] == "Iraq" and record["doc_id"] == "r"


def test_geojson_and_stdin(tmp_path):
    result = runner.invoke(
        app, ["extract", "-", "--published", "2024-01-10", "--format", "geojson"], input=REPORT
    )
    assert result.exit_code == 0, result.stderr
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 1
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert 33.0 < lat < 33.6 and 44.0 < lon < 44.5


def test_empty_input_fails_with_its_name(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1 and f"{empty}: empty" in result.stderr
