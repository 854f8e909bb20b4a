"""`rasd events --format parquet`: the ACLED columns, typed as text, one row per merged event."""

import pytest
from typer.testing import CliRunner

from rasd.cli.main import app
from rasd.export import ACLED_COLUMNS

pq = pytest.importorskip("pyarrow.parquet")
runner = CliRunner()


def test_events_export_to_parquet(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("Two rockets hit Baghdad airport on Monday, injuring one contractor.")
    (reports / "b.txt").write_text(
        "A car bomb exploded in the market of Azaz on Monday, killing four civilians."
    )
    db = tmp_path / "events.sqlite"
    ingested = runner.invoke(app, ["ingest", str(reports), "--db", str(db), "--published", "2024-01-10"])
    assert ingested.exit_code == 0, ingested.stderr
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    table = pq.read_table(out)
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert sorted(table.column("country").to_pylist()) == ["Iraq", "Syria"]


def test_parquet_needs_a_file(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "x.sqlite"), "--format", "parquet"])
    assert result.exit_code == 2 and "--out" in result.stderr
