"""Building, importing and failing safely: the index that was there keeps working."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rasd.geo import Gazetteer, GazetteerError
from rasd.geo.build import build_index
from rasd.geo.knowledge import sites
from rasd.knowledge import KnowledgeError

WOF_HEADER = (
    "wof_id\tplacetype\tplacetype_local\tname\tname_ara_preferred\tname_ara_variant\tname_eng_preferred\t"
    "name_eng_variant\tother_names\tlat\tlon\tcountry\tregion\tcounty\tlocaladmin\tlocality\tparent_id\tgn_id\t"
    "wd_id\tother_concordances\tis_current\tdeprecated\tsuperseded_by\tpopulation\tsrc_geom\n"
)


def wof_row(
    wof_id: int,
    name: str,
    lat: float,
    lon: float,
    *,
    ar: str = "",
    cc: str = "SY",
    region: str = "",
    county: str = "",
    pop: str = "",
) -> str:
    """One current locality line of a Who's On First TSV (columns of WOF_HEADER)."""
    cols = [str(wof_id), "locality", "", name, ar, "", "", "", "", str(lat), str(lon), cc, region]
    cols += [county, "", "", "", "", "", "", "1", "", "", pop, "geonames"]
    return "\t".join(cols) + "\n"


def wof_file(tmp_path: Path) -> Path:
    rows = [
        "1\tlocality\t\tQaryat Zuhur\tقرية الزهور التجريبية\t\tZuhur Test Village\t\t\t35.10\t40.50\tSY\tDays Az Zawr\tMayadin\t\t\t\t\t\t\t1\t\t\t\tgeonames\n",
        "2\tlocality\t\tBroken Place\tمكان مكسور\t\t\t\t\tnot-a-number\t40.0\tSY\t\t\t\t\t\t\t\t\t1\t\t\t\tgeonames\n",
        "3\tlocality\t\tOld Place\tمكان قديم\t\t\t\t\t35.0\t40.0\tSY\t\t\t\t\t\t\t\t\t1\t2020\t\t\tgeonames\n",
    ]
    path = tmp_path / "wof_test_places.tsv"
    path.write_text(WOF_HEADER + "".join(rows), encoding="utf-8")
    return path


def test_import_wof_rows_and_skip_bad_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    report = build_index(path, [wof_file(tmp_path)], countries=["SY"], include_sources_dir=False)
    assert report.skipped == 1 and "bad coordinates" in report.warnings[0]
    assert "wof_test_places.tsv:3" in report.warnings[0]
    g = Gazetteer(path)
    c = g.lookup("قرية الزهور التجريبية")[0]
    assert c.source == "whosonfirst" and c.admin1 == "Deir ez Zor" and c.admin2 == "Mayadin"
    assert g.lookup("مكان قديم") == []  # deprecated rows are left out


def test_missing_index_gives_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="not found.*rasd gazetteer build"):
        Gazetteer(tmp_path / "nope.sqlite")


def test_corrupt_index_gives_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError, match="not a readable gazetteer index"):
        Gazetteer(bad)


def test_unknown_file_format(tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="unknown gazetteer format"):
        build_index(tmp_path / "g.sqlite", [odd], countries=["SY"], include_sources_dir=False)


def test_failed_build_keeps_the_previous_index(
    tmp_path: Path, index_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.sqlite"
    shutil.copyfile(index_path, path)
    override = tmp_path / "knowledge"
    override.mkdir()
    good = Path(sites()[0].path).read_text(encoding="utf-8")
    (override / "sites.tsv").write_text(
        good + "xx-bad\tBad Site\tموقع سيئ\tdam\tSY\tHoms\t95.0\t40.0\tapprox.\n", encoding="utf-8"
    )
    monkeypatch.setenv("RASD_KNOWLEDGE", str(override))
    sites.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"sites.tsv:\d+: coordinates out of range"):
            build_index(path, countries=["SY"], include_sources_dir=False)
    finally:
        monkeypatch.delenv("RASD_KNOWLEDGE")
        sites.cache_clear()
    assert Gazetteer(path).lookup("حقل العمر")[0].feature == "oilfield"
    assert not list(tmp_path.glob(".*.tmp"))


def test_default_builds_itself_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rasd.geo.gazetteer as gz

    target = tmp_path / "auto" / "gazetteer.sqlite"
    monkeypatch.setenv("RASD_GAZETTEER", str(target))
    monkeypatch.setattr(
        gz, "build_index", lambda p: build_index(p, countries=["SY"], include_sources_dir=False)
    )
    monkeypatch.setattr(Gazetteer, "_default", None)
    g = Gazetteer.default()
    assert target.exists() and g.path == target
    assert Gazetteer.default() is g
    assert g.lookup("Deir ez-Zor")[0].country_code == "SY"


def test_arabic_exonyms_name_places_the_gazetteer_has_only_in_latin(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    build_index(path, countries=["IL", "TR"], include_sources_dir=False)
    g = Gazetteer(path)
    assert [(c.name, c.country_code) for c in g.lookup("أسدود")][:1] == [("Ashdod", "IL")]
    assert g.lookup("سروج")[0].country_code == "TR"


def test_an_index_built_from_other_knowledge_files_is_rebuilt_when_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasd.geo.knowledge import exonyms_ar

    override = tmp_path / "knowledge"
    (override / "geo").mkdir(parents=True)
    exonyms = override / "geo" / "exonyms_ar.tsv"
    exonyms.write_text("country\tname\tnames_ar\nIL\tAshdod\tأسدود\n", encoding="utf-8")
    monkeypatch.setenv("RASD_KNOWLEDGE", str(override))
    exonyms_ar.cache_clear()
    try:
        path = tmp_path / "g.sqlite"
        build_index(path, countries=["IL"], include_sources_dir=False)
        assert not Gazetteer(path).lookup("عسقلان")
        # an analyst adds a name: the index built before the edit is rebuilt with it
        exonyms.write_text(exonyms.read_text(encoding="utf-8") + "IL\tAshkelon\tعسقلان\n", encoding="utf-8")
        exonyms_ar.cache_clear()
        assert Gazetteer(path).lookup("عسقلان")[0].name == "Ashkelon"
    finally:
        monkeypatch.delenv("RASD_KNOWLEDGE")
        exonyms_ar.cache_clear()
