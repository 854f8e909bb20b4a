"""Other romanizations of a name no gazetteer spells that way, matched inside the district (or province) the
caller names, only when one place there is spelt clearly most alike; namesakes told apart by size; a town
named with its province as context is the event's place. All places here are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.extraction.places import choose_location, country_weights, document_places
from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms
from rasd.geo.build import build_index
from rasd.geo.gazetteer import spelling_likeness
from rasd.geo.keys import name_keys
from tests.geo.test_build import WOF_HEADER, wof_row


def row(wof_id: int, name: str, lat: float, lon: float, county: str, pop: str = "", cc: str = "SY") -> str:
    region = "Days Az Zawr" if cc == "SY" else "Ohio"
    return wof_row(wof_id, name, lat, lon, cc=cc, region=region, county=county, pop=pop)


@pytest.fixture(scope="module")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("loose")
    wof = folder / "wof_loose.tsv"
    rows = [
        row(1, "Tuwaysat", 35.00, 40.40, "Al Mayadin"),
        row(2, "Manaq", 35.05, 40.45, "Al Mayadin"),
        row(3, "Sulan", 34.60, 40.80, "Abu Kamal"),
        row(4, "Silun", 34.45, 40.95, "Abu Kamal"),
        row(5, "Kafr Zuhur", 35.30, 40.20, "Deir-ez-Zor", "30000"),
        row(6, "Kafr Zuhur", 34.50, 40.90, "Abu Kamal"),
        row(7, "Bardil", 35.10, 40.35, "Al Mayadin"),
        row(8, "Bardell", 40.00, -83.00, "Franklin", "500", cc="US"),
    ]
    wof.write_text(WOF_HEADER + "".join(rows), encoding="utf-8")
    path = folder / "g.sqlite"
    build_index(path, [wof], countries=["SY", "US"], include_sources_dir=False)
    return path


@pytest.fixture(scope="module")
def places(index_path: Path) -> Gazetteer:
    return Gazetteer(index_path)


def test_spelling_likeness_rewards_agreeing_consonants() -> None:
    exact, skeleton = name_keys("Tweisat")
    assert spelling_likeness(exact, skeleton, name_keys("Tuwaysat")[0]) > spelling_likeness(
        exact, skeleton, name_keys("Tawasiq")[0]
    )


def test_other_spelling_found_in_the_named_district(places: Gazetteer) -> None:
    c = places.lookup("Tweisat", "Syria", "Deir ez Zor", limit=1, admin2="Al Mayadin")
    assert [x.name for x in c] == ["Tuwaysat"]
    # g / q written for the same letter
    assert places.lookup("Menagh", "Syria", "Deir ez Zor", limit=1, admin2="Al Mayadin")[0].name == "Manaq"


def test_other_spelling_not_found_elsewhere(places: Gazetteer) -> None:
    # Not in the district named, nor without a province to look in.
    assert places.lookup("Tweisat", "Syria", "Deir ez Zor", admin2="Abu Kamal") == []
    assert places.lookup("Tweisat", "Syria") == []


def test_two_places_as_alike_give_no_guess(places: Gazetteer) -> None:
    assert places.lookup("Salon", "Syria", "Deir ez Zor", admin2="Abu Kamal") == []


def test_province_named_in_text_allows_the_loose_match(places: Gazetteer) -> None:
    text = "On 3 May 2022, regime forces shelled Tweisat town in Deir ez Zor countryside."
    found = {m.text: c for m, c, _ in resolve_toponyms(find_toponyms(text, places), text, places)}
    assert found["Tweisat"] is not None and found["Tweisat"].name == "Tuwaysat"


def test_larger_namesake_of_the_province_wins(places: Gazetteer) -> None:
    text = "On 3 May 2022, clashes took place in Kafr Zuhur town in Deir ez Zor countryside."
    found = {m.text: c for m, c, _ in resolve_toponyms(find_toponyms(text, places), text, places)}
    assert found["Kafr Zuhur"] is not None and found["Kafr Zuhur"].population == 30000


def test_name_spelt_so_only_abroad_is_looked_for_in_the_province(places: Gazetteer) -> None:
    text = "On 6 May 2022, women held a protest in Bardell town in Deir ez Zor demanding the release of men."
    found = {m.text: c for m, c, _ in resolve_toponyms(find_toponyms(text, places), text, places)}
    assert found["Bardell"] is not None and found["Bardell"].name == "Bardil"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2022, regime forces shelled Tuwaysat town in the countryside of Deir ez Zor.",
        "On 3 May 2022, an IED exploded in Tuwaysat village in Deir ez Zor countryside.",
    ],
)
def test_the_town_not_the_province_it_is_in_is_the_location(
    index_path: Path, places: Gazetteer, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setenv("RASD_GAZETTEER", str(index_path))
    refs = document_places(text, [(0, len(text), "en")])
    best, _ = choose_location(refs, country_weights(refs))
    assert best is not None and best.name == "Tuwaysat"
