"""The ``rasd when`` command, the resolver's unresolved answers, and knowledge validation."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from typer.testing import CliRunner

from rasd.cli.main import app
from rasd.knowledge import KnowledgeError
from rasd.time import TimeResolution, resolve_time
from rasd.time import lexicon as time_lexicon

runner = CliRunner()


def test_when_prints_one_json_object() -> None:
    result = runner.invoke(app, ["when", "بالساعة ١٢٣٠", "--base", "2021-07-07", "--tz", "IQ"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["start"] == out["end"] == "2021-07-07"
    assert (out["precision"], out["time"], out["time_utc"], out["tz"]) == (
        1,
        "12:30",
        "09:30",
        "Asia/Baghdad",
    )


def test_when_reads_lines_from_stdin() -> None:
    lines = "اليوم الأربعاء\t2021-07-07\nlast week\t2021-07-07T14:00\nlast year\t2021-07-07\n"
    result = runner.invoke(app, ["when", "-", "--tz", "SY"], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("start") for r in rows] == ["2021-07-07", "2021-06-28", None]
    assert rows[2]["result"] is None and "year" in rows[2]["reason"]


def test_when_rejects_a_bad_base() -> None:
    result = runner.invoke(app, ["when", "today", "--base", "07/07/2021"])
    assert result.exit_code != 0


def test_unresolved_is_null_with_reason() -> None:
    res = resolve_time("في وقت لاحق", date(2021, 7, 7))
    assert not res.ok and res.precision is None and res.reason
    assert res.to_dict()["start"] is None


def test_to_dict_is_iso() -> None:
    res = resolve_time("July 7, 2021 at 12:30 PM local time", datetime(2021, 7, 8, 9, 0), tz="IQ")
    assert isinstance(res, TimeResolution)
    assert res.to_dict() == {
        "start": "2021-07-07",
        "end": "2021-07-07",
        "precision": 1,
        "time": "12:30",
        "time_utc": "09:30",
        "tz": "Asia/Baghdad",
        "reason": res.reason,
    }


def test_time_without_zone_has_no_utc() -> None:
    res = resolve_time("at 5 pm", date(2021, 7, 7))
    assert res.time == "17:00" and res.time_utc is None and "zone" in res.reason


def test_syria_zone_history() -> None:
    winter_2021 = resolve_time("الساعة 10:00", date(2021, 1, 5), tz="SY")
    winter_2023 = resolve_time("الساعة 10:00", date(2023, 1, 5), tz="SY")
    assert (winter_2021.time_utc, winter_2023.time_utc) == ("08:00", "07:00")


def test_week_start_is_data(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "time").mkdir()
    (tmp_path / "time" / "week_start.tsv").write_text("lang\tfirst_weekday\nar\t5\nen\t0\n", encoding="utf-8")
    monkeypatch.setenv("RASD_KNOWLEDGE", str(tmp_path))
    time_lexicon.week_starts.cache_clear()
    try:
        res = resolve_time("الأسبوع الماضي", date(2021, 7, 7))
        assert res.start == date(2021, 6, 26)  # Saturday-start weeks
    finally:
        monkeypatch.delenv("RASD_KNOWLEDGE")
        time_lexicon.week_starts.cache_clear()


def test_bad_zone_in_knowledge_names_file_and_line(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "time").mkdir()
    (tmp_path / "time" / "countries.tsv").write_text("country\tzone\nSY\tMars/Olympus\n", encoding="utf-8")
    monkeypatch.setenv("RASD_KNOWLEDGE", str(tmp_path))
    time_lexicon.country_zones.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"countries.tsv:2"):
            time_lexicon.country_zones()
    finally:
        monkeypatch.delenv("RASD_KNOWLEDGE")
        time_lexicon.country_zones.cache_clear()


def test_shipped_knowledge_loads() -> None:
    table, longest = time_lexicon.phrases()
    assert ("تموز",) in table and longest >= 2
    assert time_lexicon.week_starts() == {"ar": 6, "en": 0}
    assert time_lexicon.zone_for("IQ") == "Asia/Baghdad"
