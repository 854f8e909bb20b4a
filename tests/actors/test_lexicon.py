"""The actor tables: coverage, ids, generic patterns, eras, and errors naming file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rasd.actors import acled_actor_for, actor_by_id, lexicon
from rasd.knowledge import KnowledgeError


def test_table_is_large_and_resolves() -> None:
    lexicon.check_tables()
    rows = lexicon.actor_rows()
    assert len(rows) >= 200
    for row in rows:
        info = lexicon.resolve(row, "SY")
        assert "{" not in info.acled_name and info.acled_name
    covered = {r.country for r in rows}
    assert {"SY", "IQ", "YE", "LB", "TR", "IL", "PS", "LY", "SD"} <= covered


def test_actor_by_id() -> None:
    sdf = actor_by_id("sdf")
    assert sdf is not None and (sdf.acled_name, sdf.short, sdf.inter) == (
        "QSD: Syrian Democratic Forces",
        "SDF",
        2,
    )
    turkey = actor_by_id("military@TR")
    assert turkey is not None and turkey.id == "tur_mil"
    assert actor_by_id("protesters@EG") is not None
    assert actor_by_id("no-such-actor") is None


@pytest.mark.parametrize(
    ("country", "kind", "name"),
    [
        ("SY", "armed_group", "Unidentified Armed Group (Syria)"),
        ("IQ", "civilians", "Civilians (Iraq)"),
        ("Iraq", "police", "Police Forces of Iraq (2022-)"),
        ("US", "military", "Military Forces of the United States (2025-)"),
        ("US", "protesters", "Protesters (United States)"),
        ("IR", "militia_pro", "Militia (Pro-Iran)"),
        ("LY", "islamic_state", "Islamic State (Libya)"),
    ],
)
def test_acled_actor_for(country: str, kind: str, name: str) -> None:
    assert acled_actor_for(country, kind) == name


def test_an_unknown_country_leaves_no_dangling_of() -> None:
    assert acled_actor_for(None, "police") == "Police Forces"
    assert acled_actor_for(None, "military") == "Military Forces"


def test_acled_actor_for_a_past_date() -> None:
    assert acled_actor_for("SY", "military", dt.date(2022, 1, 1)) == "Military Forces of Syria (2000-2024)"


def test_bad_table_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "actors.tsv").write_text(
        "id\tkind\tacled_name\tshort\tinter\tcountry\twhere\tar\ten\tgeneric\tgeneric_with_country\n"
        "x\tx\tX Movement\t\t9\t\t\tاكس\tX\t\t\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("RASD_KNOWLEDGE", str(tmp_path))
    lexicon.actor_rows.cache_clear()
    try:
        with pytest.raises(KnowledgeError) as err:
            lexicon.actor_rows()
        assert err.value.line == 2 and err.value.path.endswith("actors.tsv")
    finally:
        monkeypatch.delenv("RASD_KNOWLEDGE")
        lexicon.actor_rows.cache_clear()
