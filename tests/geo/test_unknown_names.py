"""Capitalised English names no gazetteer spells so, made places by a preposition before them ("protested in
X") or by brackets naming their units after them ("X (District, Province)"); words that are no places."""

from __future__ import annotations

from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms


def names(gaz: Gazetteer, text: str) -> list[tuple[str, bool]]:
    return [(m.text, m.guessed) for m in find_toponyms(text, gaz)]


def test_unknown_name_after_a_place_preposition_is_a_place(gaz: Gazetteer) -> None:
    assert names(gaz, "On 3 May, teachers demonstrated in Quorvellane, demanding higher pay.") == [
        ("Quorvellane", True)
    ]
    assert names(gaz, "Gunmen ambushed a convoy near Bantiqueros Alto on Sunday.") == [
        ("Bantiqueros Alto", True)
    ]
    assert names(gaz, "Quorvellane residents said the road was closed.") == []  # no preposition


def test_capitalised_words_that_are_no_places(gaz: Gazetteer) -> None:
    assert names(gaz, "The talks will resume in Quorvellane.") == [("Quorvellane", True)]
    for text in (
        "The talks will resume in January.",
        "The bill was debated in Parliament on Tuesday.",
        "Three were killed in Israeli strikes overnight.",
        "Fighters took part in Euphrates Shield.",
        "Prices rose sharply in Ramadan.",
    ):
        assert names(gaz, text) == [], text
    assert names(gaz, "Jets struck in Northern Aleppo overnight.") == [("Aleppo", False)]


def test_name_followed_by_a_noun_is_a_modifier(gaz: Gazetteer) -> None:
    assert names(gaz, "Jets struck in Zarvani positions overnight.") == []
    assert names(gaz, "Jets struck in Zarvani-controlled villages overnight.") == []
    assert names(gaz, "Clashes broke out in Zarvani township overnight.") == [("Zarvani", True)]


def test_lower_case_words_inside_a_name(gaz: Gazetteer) -> None:
    assert names(gaz, "Residents blocked the road in Quinta del Morvaz, demanding water.") == [
        ("Quinta del Morvaz", True)
    ]


def test_name_before_brackets_naming_its_units_is_a_place(gaz: Gazetteer) -> None:
    text = "Residents marched through the streets of Kuvarendi (Tessoumbe, Zorkana) on Friday."
    assert names(gaz, text) == [("Kuvarendi", True)]
    text = "Residents marched through the streets of Salqin (Harim, Idleb) on Friday."
    assert names(gaz, text)[0] == ("Salqin", False)


def test_movement_and_area_prepositions_introduce_a_place(gaz: Gazetteer) -> None:
    for text in (
        "Around 300 farmers marched through Quorvellane to demand lower fuel prices.",
        "Drivers slowed the traffic towards Quorvellane.",
        "Gunmen killed a herder in the area of Quorvellane.",
        "Residents gathered in the streets of Quorvellane.",
    ):
        assert names(gaz, text) == [("Quorvellane", True)], text


def test_unknown_spelling_after_a_preposition_takes_the_place_spelt_nearly_so(gaz: Gazetteer) -> None:
    text = "Dozens of teachers demonstrated in Zabadeni to demand higher pay."
    ((mention, cand, precision),) = resolve_toponyms(find_toponyms(text, gaz), text, gaz)
    assert mention.text == "Zabadeni" and cand is not None and cand.country_code == "SY"
    assert abs(cand.lat - 33.72) < 0.1 and precision == 1 and cand.score < 0.8  # Az Zabadani, less sure
    text = "Dozens of teachers demonstrated in Qorowdheere to demand higher pay."
    assert resolve_toponyms(find_toponyms(text, gaz), text, gaz)[0][1] is None


def test_an_adjective_between_preposition_and_name_keeps_it_a_place(gaz: Gazetteer) -> None:
    assert names(gaz, "About 100 taxi drivers gathered in central Quorvellane.") == [("Quorvellane", True)]
    assert names(gaz, "A soldier looted a shop in occupied Quorvellane.") == [("Quorvellane", True)]
