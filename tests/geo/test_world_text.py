"""English notes from anywhere in the world: brackets as context, dominant namesakes, other spellings."""

from __future__ import annotations

import pytest

from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms
from rasd.geo.build import build_index
from rasd.geo.paths import sources_dir
from rasd.geo.sources import _other_spellings

WORLD = ["AR", "ES", "BE", "IN", "PK"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A few countries with GeoNames province names beside the index (as `rasd gazetteer download` leaves)."""
    path = tmp_path_factory.mktemp("world") / "g.sqlite"
    folder = sources_dir(path) / "geonames"
    folder.mkdir(parents=True)
    rows = ["IN.40\tTelangana\tTelangana\t1", "PK.05\tSindh\tSindh\t2"]
    (folder / "admin1CodesASCII.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    build_index(path, countries=WORLD)
    return Gazetteer(path)


def places(text: str, g: Gazetteer) -> dict[str, tuple]:
    return {m.text: (c, p) for m, c, p in resolve_toponyms(find_toponyms(text, g), text, g)}


def test_much_larger_namesake_is_taken_with_a_lower_score(world: Gazetteer) -> None:
    c, p = places("On 3 March, residents protested in Cordoba against higher bus fares.", world)["Cordoba"]
    assert c.country_code == "AR" and p == 1
    assert c.score < 0.6  # a guess, not a certainty


def test_comparable_namesakes_without_context_stay_unresolved(world: Gazetteer) -> None:
    c, _ = places("On 5 May, farmers marched in Hyderabad demanding better prices.", world)["Hyderabad"]
    assert c is None


def test_country_in_brackets(world: Gazetteer) -> None:
    c, _ = places("On 5 May, farmers marched in Hyderabad (Pakistan) over water.", world)["Hyderabad"]
    assert c.country_code == "PK"


def test_province_in_brackets(world: Gazetteer) -> None:
    text = "On 5 May, farmers marched in Hyderabad city (Hyderabad district, Telangana) over prices."
    c, _ = places(text, world)["Hyderabad"]
    assert c.country_code == "IN" and c.admin1 == "Telangana"


def test_local_spelling_of_a_big_city(world: Gazetteer) -> None:
    c, _ = places("On 12 April, dock workers went on strike in Antwerpen over pay.", world)["Antwerpen"]
    assert c.country_code == "BE"


def test_big_cities_keep_other_spellings_not_longer_names() -> None:
    kept = _other_spellings("Hyderabad", ["Haidarabad", "Hyderabad City", "حيدر آباد", "Hyderabad 2"])
    assert kept == ["Haidarabad"]


def test_brackets_naming_an_unknown_unit_do_not_stop_a_dominant_namesake(world: Gazetteer) -> None:
    text = "On 3 March, residents protested in Cordoba (Zona Centro) against higher bus fares."
    c, _ = places(text, world)["Cordoba"]
    assert c is not None and c.country_code == "AR"


def test_a_town_introduced_by_a_preposition_is_that_town_in_a_text_about_another_country(
    world: Gazetteer,
) -> None:
    text = "On 29 March, 120 people demonstrated in Teruel to condemn the Russian invasion of Ukraine."
    found = places(text, world)
    assert found["Ukraine"][0].country_code == "UA"
    c, _ = found["Teruel"]
    assert c is not None and c.country_code == "ES"
