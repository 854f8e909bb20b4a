"""The geocode and gazetteer commands as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli.main import app

runner = CliRunner()


def test_geocode_json(index_path: Path) -> None:
    res = runner.invoke(
        app, ["geocode", "حقل العمر النفطي", "--format", "json", "--gazetteer", str(index_path)]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["feature"] == "oilfield" and out["country"] == "Syria" and out["geo_precision"] == 1
    assert set(out) == {
        "name",
        "lat",
        "lon",
        "country",
        "admin1",
        "admin2",
        "feature",
        "geo_precision",
        "source",
        "source_id",
        "score",
    }


def test_geocode_text_with_country(index_path: Path) -> None:
    res = runner.invoke(app, ["geocode", "al-Qa'im", "--country", "IQ", "--gazetteer", str(index_path)])
    assert res.exit_code == 0 and "Al Anbar" in res.stdout


def test_geocode_stdin_lines(index_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASD_GAZETTEER", str(index_path))
    lines = "البو كمال\tSyria\t\nAin Al-Assad Air Base\t\t\nNowhere Qwzx\t\t\nالأنبار\tIraq\t\n"
    res = runner.invoke(app, ["geocode", "-"], input=lines)
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert rows[0]["admin1"] == "Deir ez Zor"
    assert rows[1]["feature"] == "airbase"
    assert rows[2] is None
    assert rows[3]["geo_precision"] == 3


def test_gazetteer_build_and_import(tmp_path: Path) -> None:
    from tests.geo.test_build import wof_file

    path = tmp_path / "g.sqlite"
    res = runner.invoke(app, ["gazetteer", "build", "--countries", "SY", "--gazetteer", str(path)])
    assert res.exit_code == 0, res.output
    assert "places" in res.stdout and path.exists()
    args = ["gazetteer", "import", str(wof_file(tmp_path)), "--countries", "SY", "--gazetteer", str(path)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert (tmp_path / "g-sources" / "imports" / "wof_test_places.tsv").exists()
    res = runner.invoke(app, ["geocode", "Zuhur Test Village", "-f", "json", "--gazetteer", str(path)])
    assert json.loads(res.stdout)["source"] == "whosonfirst"


def test_errors_are_clear(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 200)
    res = runner.invoke(app, ["geocode", "Homs", "--gazetteer", str(bad)])
    assert res.exit_code == 1 and "not a readable gazetteer index" in res.output
    res = runner.invoke(app, ["gazetteer", "import", str(tmp_path / "missing.tsv"), "--gazetteer", str(bad)])
    assert res.exit_code == 1 and "file not found" in res.output


def test_gazetteer_download_from_local_server(tmp_path: Path) -> None:
    from tests.geo.test_download import Handler, make_zip, server

    gen = server.__wrapped__()  # type: ignore[attr-defined]
    url = next(gen)
    try:
        Handler.files = {"SY.zip": make_zip()}
        path = tmp_path / "g.sqlite"
        args = ["gazetteer", "download", "SY", "--url", url, "--countries", "SY", "--gazetteer", str(path)]
        res = runner.invoke(app, args)
        assert res.exit_code == 0, res.output
        assert "downloaded" in res.stdout and (tmp_path / "g-sources" / "geonames" / "SY.zip").exists()
        res = runner.invoke(app, ["geocode", "تل التجربة", "-f", "json", "--gazetteer", str(path)])
        assert json.loads(res.stdout)["source_id"] == "9900001"
    finally:
        next(gen, None)
