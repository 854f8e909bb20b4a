"""Names made places by the words around them ("X town in Y countryside"), words that make a name no
place ("X Corps", Arabic words behind a proclitic), and the region rasd covers as the tie-breaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli.main import app
from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms
from rasd.geo.build import build_index
from rasd.geo.spatial import distance_km
from tests.geo.test_build import WOF_HEADER, wof_row


def row(wof_id: int, name: str, ar: str, lat: float, lon: float, region: str, county: str = "") -> str:
    return wof_row(wof_id, name, lat, lon, ar=ar, region=region, county=county)


@pytest.fixture(scope="module")
def g(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """Invented villages (two namesakes in different provinces) and the towns of a few countries."""
    folder = tmp_path_factory.mktemp("placewords")
    wof = folder / "wof_invented.tsv"
    rows = [
        row(1, "Huwayjat Saqr", "حويجة الصقر", 35.21, 40.31, "Days Az Zawr"),
        row(2, "Huwayjat Saqr", "حويجة الصقر", 35.90, 38.90, "Ar Raqqah"),
        row(3, "Kafr Sahlan", "كفر سهلان", 35.62, 36.55, "Idlib"),
        row(4, "Kafr Sahlan", "كفر سهلان", 34.90, 36.70, "Hamah"),
        row(5, "Mazra'at Ward", "مزرعة الورد", 35.70, 36.60, "Idlib"),
        row(6, "Tall Nasr", "تل النصر", 35.00, 40.40, "Days Az Zawr", "Al Mayadin"),
        row(7, "Tall Nasr", "تل النصر", 34.50, 40.90, "Days Az Zawr", "Abu Kamal"),
        row(8, "Uqayrat", "العقيرات", 36.20, 36.90, "Idlib", "Harim"),
        row(9, "Uqayrat", "العقيرات", 35.40, 36.40, "Idlib", "Ariha"),
        row(10, "Jisrayn", "جسرين", 33.47, 36.38, "Rif Dimashq"),
    ]
    wof.write_text(WOF_HEADER + "".join(rows), encoding="utf-8")
    path = folder / "g.sqlite"
    build_index(path, [wof], countries=["SY", "IQ", "SN", "TN", "IR", "NG"], include_sources_dir=False)
    return Gazetteer(path)


def places(g: Gazetteer, text: str) -> list[tuple[str, str | None, str | None]]:
    found = resolve_toponyms(find_toponyms(text, g), text, g)
    return [(m.text, c.admin1 if c else None, c.country_code if c else None) for m, c, _ in found]


def test_unfamiliar_spelling_before_town_is_found_in_the_named_province(g: Gazetteer) -> None:
    text = "Gunmen raided a farm in Hwaijet Sakr village in Deir ez Zor countryside on Monday."
    (mention, cand, precision) = resolve_toponyms(find_toponyms(text, g), text, g)[0]
    assert mention.text == "Hwaijet Sakr" and cand is not None and precision == 1
    assert distance_km(cand.lat, cand.lon, 35.21, 40.31) < 1


def test_the_following_province_picks_the_namesake(g: Gazetteer) -> None:
    assert places(g, "Artillery shelled Kfar Sahlan town in Hama governorate.")[0] == (
        "Kfar Sahlan",
        "Hama",
        "SY",
    )
    assert (
        places(g, "Artillery shelled the town of Kafr Sahlaan in the countryside of Idleb.")[0][1] == "Idleb"
    )


def test_unfamiliar_name_without_a_province_is_not_guessed(g: Gazetteer) -> None:
    assert places(g, "Gunmen raided a farm in Hwaijet Sakr village on Monday.") == [
        ("Hwaijet Sakr", None, None)
    ]


def test_armed_group_named_after_a_place_is_no_place(g: Gazetteer) -> None:
    found = places(g, "Clashes broke out between the Al Sham Brigade and the Deir ez Zor Legion near Raqqa.")
    assert [name for name, _, _ in found] == ["Raqqa"]


def test_country_adjective_does_not_hide_the_province(g: Gazetteer) -> None:
    for text in (
        "Russian jets struck militants in the Ghuwayrat badia in Hama countryside.",
        "Jets struck militants in the Ghuwayrat badia in Hama countryside.",
    ):
        assert places(g, text)[-1] == ("Hama", "Hama", "SY"), text


def test_region_breaks_a_tie_between_namesakes(g: Gazetteer) -> None:
    # A town of Daraa and one of Senegal are spelt alike; rasd's region wins when nothing else tells.
    assert places(g, "Unknown gunmen killed a man in Dara countryside.") == [("Dara", "Dara", "SY")]


def test_arabic_word_behind_a_proclitic_is_no_foreign_town(g: Gazetteer) -> None:
    # فـ + a Nigerian city, بـ + an Iranian one: names of people, not places.
    found = places(g, "وقال فورين إن القصف استهدف أطراف حمص")
    assert [c for name, _, c in found if "ورين" in name] in ([], [None])
    assert found[-1][0] == "حمص" and found[-1][2] == "SY"
    assert places(g, "وأكد باراك أن القوات انسحبت من الرقة")[0][2] is None
    assert places(g, "وسقطت قذيفة بحمص")[0][2] == "SY"  # a place the text is about keeps its preposition


def test_ordinary_arabic_word_is_no_foreign_town(g: Gazetteer) -> None:
    assert [c for _, _, c in places(g, "أطلقت الفصائل صاروخا من طراز جديد باتجاه حلب")] == ["SY"]


def test_arabic_village_after_its_kind_word(g: Gazetteer) -> None:
    found = places(g, "قصفت المدفعية محور بلدة مزرعة الورد في ريف إدلب الجنوبي")
    assert found[0] == ("مزرعة الورد", "Idleb", "SY")


def test_knowledge_file_is_read() -> None:
    from rasd.geo.toponyms import _name_words

    guess, organisation = _name_words()
    assert ("town",) in guess and ("corps",) in organisation
    assert Path(__file__).exists()


def test_geocode_district_option_and_column(g: Gazetteer) -> None:
    runner = CliRunner()
    for admin2, lat in (("Mayadin district", 35.00), ("Abu Kamal", 34.50)):
        res = runner.invoke(
            app,
            ["geocode", "Tal Nasr", "-c", "SY", "-a", "Deir ez Zor", "--admin2", admin2, "-f", "json"]
            + ["--gazetteer", str(g.path)],
        )
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout)["lat"] == lat
    lines = "Tal Nasr\tSyria\tDeir ez Zor\tAbu Kamal\nTal Nasr\tSyria\tDeir ez Zor\tAl Mayadin\n"
    res = runner.invoke(app, ["geocode", "-", "--gazetteer", str(g.path)], input=lines)
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["lat"] for x in res.stdout.splitlines()] == [34.50, 35.00]


def test_district_and_province_after_a_village_in_a_list(g: Gazetteer) -> None:
    text = "A sniper wounded a shepherd near Kfar Sahlan village, Suqaylabiyah district, Hama province."
    assert places(g, text)[0] == ("Kfar Sahlan", "Hama", "SY")


def test_a_name_said_again_is_the_same_place(g: Gazetteer) -> None:
    text = (
        "Rockets hit Kfar Sahlan town in Idleb countryside on Monday. "
        "Later, drones were seen over Kfar Sahlan town again."
    )
    assert [a for _, a, _ in places(g, text)] == ["Idleb", "Idleb", "Idleb"]


def test_province_after_a_district_or_an_area(g: Gazetteer) -> None:
    for text in (
        "Militants attacked a checkpoint in the Wadi Ghazal area of Ar Rutba district, Anbar.",
        "Drones struck a hideout in the Wadi Ghazal area of Anbar on Sunday.",
    ):
        found = resolve_toponyms(find_toponyms(text, g), text, g)
        anbar = next(c for m, c, _ in found if m.text == "Anbar")
        assert anbar is not None and anbar.feature == "admin1", text
    text = "Shells fell on farms in Batifa district of Duhok."
    duhok = next(c for m, c, _ in resolve_toponyms(find_toponyms(text, g), text, g) if m.text == "Duhok")
    assert duhok is not None and duhok.feature == "admin1"


def test_vowels_may_differ_more_in_the_named_district(g: Gazetteer) -> None:
    found = g.lookup("Oqeira", "SY", "Idleb", admin2="Harim", limit=1)
    assert found and found[0].lat == 36.20
    assert g.lookup("Oqeira", "SY", "Idleb") == []  # the whole province: too unlike


def test_front_line_word_introduces_a_village(g: Gazetteer) -> None:
    assert places(g, "تجددت الاشتباكات على محور كفر سهلان جنوبي إدلب")[0] == ("كفر سهلان", "Idleb", "SY")


def test_lower_case_article_starts_no_name_before_an_ordinary_word(g: Gazetteer) -> None:
    text = "Gunmen fired as part of a feud near al-Bab, as well as in Manbij."
    assert [name for name, _, _ in places(g, text)] == ["al-Bab", "Manbij"]


def test_a_name_starting_with_a_place_word_needs_no_preposition(g: Gazetteer) -> None:
    """A village named "Tall Nasr" (written "Tel Nasr") needs no "in" or "town" before it."""
    assert [p[0] for p in places(g, "The capture of Tel Nasr in Deir ez-Zor was announced on Friday.")][
        :1
    ] == ["Tel Nasr"]
    assert places(g, "The flag is flying over Kafr Sahlan, Idlib.")[0][:2] == ("Kafr Sahlan", "Idleb")


def test_a_place_word_alone_before_an_unknown_name_is_no_place(g: Gazetteer) -> None:
    assert not [p for p in places(g, "Rebels liberate Tel Qasimiyat after a week.") if p[0].startswith("Tel")]


def test_the_object_of_shelled_is_a_place(g: Gazetteer) -> None:
    assert places(g, "Government forces shelled Kafr Sahlan in Idlib on Monday.")[0][:2] == (
        "Kafr Sahlan",
        "Idleb",
    )
    assert [p[0] for p in places(g, "Clashes broke out between Uqayrat and Kafr Sahlan.")][:1] == ["Uqayrat"]


def test_the_dual_of_a_common_noun_is_no_village(g: Gazetteer) -> None:
    # "جسرين" is "two bridges" before it is a village of Rural Damascus
    found = places(g, "تسببت الغارات في تهدم جزء كبير من جسرين رئيسيين في محافظة دير الزور")
    assert [name for name, _, c in found if c is not None] == ["دير الزور"]
