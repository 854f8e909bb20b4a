"""Casualty and munition counts in Arabic and English sentences."""

import pytest

from rasd.extraction.counts import find_counts
from rasd.text.normalize import normalize


def counts(text: str) -> dict[str, int]:
    return {c.field: c.value for c in find_counts(normalize(text).text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أسفر القصف عن مقتل 4 مدنيين وإصابة 7 آخرين", {"fatalities": 4, "injuries": 7}),
        ("سقط ٣ قتلى و١٠ جرحى في الانفجار", {"fatalities": 3, "injuries": 10}),
        ("أطلق المسلحون 6 صواريخ على المطار", {"munition:rockets": 6}),
        ("أسقطت الدفاعات طائرتين مسيرتين", {"munition:drones": 2}),
        ("Two soldiers were killed and 5 wounded in the ambush", {"fatalities": 2, "injuries": 5}),
        ("The blast killed three people, injuring 12", {"fatalities": 3, "injuries": 12}),
        (
            "Militants fired 9 rockets at the base; no casualties were reported",
            {"munition:rockets": 9, "fatalities": 0, "injuries": 0},
        ),
        ("دون وقوع إصابات", {"injuries": 0}),
        ("Sixteen civilians including three children were killed", {"fatalities": 16}),
        ("استشهد 12 مدنيا بينهم 5 أطفال", {"fatalities": 12}),
        ("The militants beheaded eight fighters who had surrendered", {"fatalities": 8}),
        ("أعدم التنظيم خمسة مدنيين", {"fatalities": 5}),
        ("استهدفت طائرتين مسيرتين القاعدة", {"munition:drones": 2}),
        ("وتصدت الدفاعات لإحدى الطائرتين", {}),
    ],
)
def test_counts(text, expected):
    got = counts(text)
    for key, value in expected.items():
        assert got.get(key) == value, (text, got)


def test_a_sentence_without_numbers_has_no_counts():
    assert counts("Heavy fighting continued near the town") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HPG claimed one Turkish soldier was killed in the clashes", {"fatalities": 1}),
        ("Unknown gunmen shot and killed a civilian near his house", {"fatalities": 1}),
        ("أسفر الهجوم عن مقتل شخص وإصابة اثنين", {"fatalities": 1, "injuries": 2}),
        ("The attack caused 1 fatality.", {"fatalities": 1}),
        ("Gunmen shot and killed a regime 5th Division member in the town", {"fatalities": 1}),
        ("A shepherd's body was found on the road near the village", {"fatalities": 1}),
        ("A bomb exploded in his car, killing him", {"fatalities": 1}),
        ("Assailants killed a doctor in front of the clinic", {"fatalities": 1}),
        ("The bodies of three men were found in a field", {"fatalities": 3}),
    ],
)
def test_singular_victims_count_one(text, expected):
    assert counts(text) == expected


def test_an_age_is_not_a_toll():
    assert counts("Gunmen shot and killed a sixteen years old boy").get("fatalities") != 16
    assert counts("قتل شاب يبلغ 20 عاما برصاص مجهولين").get("fatalities") != 20


def test_a_year_is_not_a_toll():
    assert counts("أصيب جنديان في الهجوم الذي وقع في آذار 2024").get("injuries") == 2
    assert counts("The attack on 3 March 2024 wounded three soldiers").get("injuries") == 3


def test_an_ordinal_in_a_unit_name_is_not_a_toll():
    assert counts("Militants attacked the 7th Brigade; two soldiers were killed") == {"fatalities": 2}


def test_a_note_that_states_its_coding_convention_is_read():
    assert counts("The blast caused an unknown number of deaths. Fatalities coded as 10.") == {
        "fatalities": 10
    }
    assert counts("Unknown fatalities estimated as 3.") == {"fatalities": 3}


def test_a_colonel_killed_counts_one() -> None:
    counts = find_counts(normalize("Gunmen shot and killed a colonel in Latakia on Sunday.").text)
    assert [(c.field, c.value) for c in counts] == [("fatalities", 1)]
