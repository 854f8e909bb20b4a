import csv
import datetime as dt
import os
from pathlib import Path

import pytest
from eval_kit import pred

from rasd.eval.acled import actor_key, best_event, publication_date, read_acled, score_acled, score_row
from rasd.eval.errors import EvalInputError
from rasd.model import Actor

COLUMNS = [
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "inter2",
    "country", "latitude", "longitude", "notes", "fatalities", "timestamp",
]  # fmt: skip


def row(id: str, country: str = "Testland", **kw: str) -> dict[str, str]:
    base = {
        "event_id_cnty": id,
        "event_date": "2024-03-10",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Testland (2001-)",
        "inter1": "1",
        "inter2": "0",
        "country": country,
        "latitude": "36.0",
        "longitude": "38.0",
        "notes": f"On 10 March 2024, a drone struck a depot ({id}).",
        "fatalities": "0",
        "timestamp": "1710460800",  # 2024-03-15 UTC
    }
    base.update(kw)
    return base


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_filters_country_then_sample_then_limit(tmp_path: Path) -> None:
    rows = [row(f"T{i}", "Testland" if i % 2 else "Otherland") for i in range(12)]
    path = write_csv(tmp_path / "a.csv", rows)
    assert [r.id for r in read_acled(path, country="testland")] == ["T1", "T3", "T5", "T7", "T9", "T11"]
    assert [r.id for r in read_acled(path, country="Testland", sample=2)] == ["T1", "T5", "T9"]
    assert [r.id for r in read_acled(path, country="Testland,Otherland", sample=3, limit=2)] == ["T0", "T3"]


def test_publication_date_from_timestamp_else_event_date() -> None:
    day = dt.date(2024, 3, 10)
    assert publication_date(day, "1710460800") == dt.date(2024, 3, 15)
    assert publication_date(day, "") == day
    assert publication_date(day, "soon") == day


def test_bad_csv_names_file_and_reason(tmp_path: Path) -> None:
    with pytest.raises(EvalInputError, match="missing column"):
        read_acled(write_csv(tmp_path / "b.csv", [row("T1")], COLUMNS[:5]))
    with pytest.raises(EvalInputError, match=r"c\.csv:2: bad value"):
        read_acled(write_csv(tmp_path / "c.csv", [row("T1", event_date="10/03/2024")]))
    with pytest.raises(EvalInputError, match="not found"):
        read_acled(tmp_path / "none.csv")


def test_score_row_fields(tmp_path: Path) -> None:
    [r] = read_acled(write_csv(tmp_path / "a.csv", [row("T1", fatalities="3", inter2="0")]))
    good = pred(
        "p",
        at=(36.03, 38.0),
        fatalities=3,
        inter1=1,
        actor1=Actor(name="Military Forces of Testland"),
    )
    scored = score_row(r, good)
    assert all(scored.values()), scored
    week = pred("p", start="2024-03-08", end="2024-03-14", at=(36.7, 38.0))
    scored = score_row(r, week)
    assert not scored["date_exact"] and scored["date_covers"]
    assert (scored["geo_10km"], scored["geo_50km"], scored["geo_161km"]) == (False, False, True)
    assert not scored["fatalities"] and not scored["inter1"] and scored["inter2"]
    assert not any(score_row(r, None).values())
    assert score_row(r, pred("p", actor1=Actor(name="X", inter=1)))["inter1"]  # the actor's code counts


def test_actor_key_ignores_case_and_period() -> None:
    assert actor_key("Military Forces of Testland (2001-)") == actor_key("military forces of testland")
    assert actor_key("Police Forces of Testland (2001-2010)") == "police forces of testland"


def test_best_event_and_report(tmp_path: Path) -> None:
    low, high = pred("low", confidence=0.2, sub="Grenade"), pred("high", confidence=0.9)
    assert best_event([low, high]) is high and best_event([]) is None
    rows = read_acled(write_csv(tmp_path / "a.csv", [row("T1"), row("T2")]))
    report = score_acled(rows, lambda r: [low, high] if r.id == "T1" else [])
    data = report.to_dict()
    assert data["rows"] == 2
    assert data["fields"]["event_found"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert data["fields"]["sub_event_type"]["correct"] == 1
    assert data["sub_event_type_confusion"] == {"Air/drone strike": {"Air/drone strike": 1, "(none)": 1}}


def test_shared_acled_sample_reads() -> None:
    path = (
        Path(os.environ.get("RASD_SHARED", "/work/shared"))
        / "data/raw/acled_acledR/acled_sample_2022H1_global.csv"
    )
    if not path.is_file():
        pytest.skip("shared ACLED sample absent")
    rows = read_acled(path, country="Syria")
    assert len(rows) == 307 and all(r.notes for r in rows)
    assert all(r.published >= r.event_date for r in rows)
