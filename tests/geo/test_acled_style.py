"""Structured lookups as ACLED writes them: district context, namesakes, spellings, "City - Part"."""

from __future__ import annotations

import pytest

from rasd.geo import Gazetteer, find_toponyms
from rasd.geo.build import build_index
from rasd.geo.spatial import distance_km
from tests.geo.test_build import WOF_HEADER, wof_row


def row(wof_id: int, name: str, ar: str, lat: float, lon: float, county: str, pop: str = "") -> str:
    return wof_row(wof_id, name, lat, lon, ar=ar, region="Days Az Zawr", county=county, pop=pop)


@pytest.fixture(scope="module")
def villages(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("acled")
    wof = folder / "wof_villages.tsv"
    rows = [
        row(1, "Tall Zuhur", "تل الزهور", 35.10, 40.30, "Deir-ez-Zor"),
        row(2, "Tall Zuhur", "تل الزهور", 34.60, 40.80, "Abu Kamal"),
        row(3, "Qaryat Nakhil", "قرية النخيل", 35.20, 40.10, "Deir-ez-Zor", "900"),
        row(4, "Qaryat Nakhil", "قرية النخيل", 35.30, 40.60, "Deir-ez-Zor", "4000"),
        row(5, "Suwaydiyah Fawqani", "السويدية الفوقاني", 35.00, 40.20, "Al Mayadin"),
        row(6, "Jurf Rimal", "جرف الرمال", 35.33, 40.17, "Deir-ez-Zor"),
        row(7, "Jurf Rimal", "جرف الرمال", 34.95, 40.55, "Al Mayadin"),
    ]
    wof.write_text(WOF_HEADER + "".join(rows), encoding="utf-8")
    path = folder / "g.sqlite"
    build_index(path, [wof], countries=["SY"], include_sources_dir=False)
    return Gazetteer(path)


def near(c, lat: float, lon: float, km: float = 5.0) -> bool:
    return distance_km(c.lat, c.lon, lat, lon) <= km


def test_district_picks_the_namesake(villages: Gazetteer) -> None:
    for admin2, lat, lon in (("Deir ez Zor", 35.10, 40.30), ("Abu Kamal", 34.60, 40.80)):
        c = villages.lookup("Tal Zuhour", "Syria", "Deir ez Zor", limit=1, admin2=admin2)[0]
        assert near(c, lat, lon), admin2


def test_without_district_the_larger_namesake_wins(villages: Gazetteer) -> None:
    c = villages.lookup("Qaryat al-Nakhil", "Syria", "Deir ez Zor")[0]
    assert c.population == 4000


def test_district_written_another_way(villages: Gazetteer) -> None:
    c = villages.lookup("Jurf al-Rimal", "SY", "Deir ez Zor", admin2="Mayadin district")[0]
    assert near(c, 34.95, 40.55) and c.admin2 == "Al Mayadin"


def test_near_spelling_only_inside_the_district(villages: Gazetteer) -> None:
    c = villages.lookup("Jurf Rimaal", "SY", "Deir ez Zor", admin2="Al Mayadin")[0]
    assert near(c, 34.95, 40.55)
    assert villages.lookup("Zuhur Tall Sharqi", "SY", "Deir ez Zor", admin2="Al Mayadin") == []


def test_upper_is_fawqani(villages: Gazetteer) -> None:
    c = villages.lookup("Upper Suwaydiyeh", "SY", "Deir ez Zor", admin2="Al Mayadin")[0]
    assert c.name == "Suwaydiyah Fawqani"


def test_city_dash_part(villages: Gazetteer) -> None:
    # The part is a village far from the city: the city is meant.
    c = villages.lookup("Deir ez-Zor - Tall Zuhur", "SY", "Deir ez Zor", admin2="Abu Kamal")[0]
    assert near(c, 35.34, 40.14, 10)
    base = villages.lookup("Menagh - Military Airbase", "SY", "Aleppo", admin2="Azaz")[0]
    assert base.feature == "airbase"


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("Al Hasakeh", 36.50, 40.75), ("Deir-ez-Zor", 35.34, 40.14), ("Quamishli", 37.05, 41.23)],
)
def test_acled_spellings(gaz: Gazetteer, name: str, lat: float, lon: float) -> None:
    c = gaz.lookup(name, "Syria", limit=1)[0]
    assert near(c, lat, lon, 10) and c.feature == "populated_place"


def test_conjunction_on_a_common_word_is_not_a_place(gaz: Gazetteer) -> None:
    text = "أعلنت وزارة الدفاع في بيان أن الوحدات أنهت مهامها."
    assert [m.text for m in find_toponyms(text, gaz)] == []


def test_persian_letters_in_names_are_folded() -> None:
    from rasd.geo.keys import name_key

    assert name_key("چمچمال") == name_key("جمجمال")
    assert name_key("گیلان") == name_key("كيلان")
