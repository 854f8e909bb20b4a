"""Actor mentions: names, clitics, gentilics, context country, eras, case of acronyms."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.actors import find_actors
from rasd.actors.find import document_heads
from rasd.text.normalize import normalize


def names(text: str, country: str | None = None, date: dt.date | None = None) -> list[str]:
    return [m.acled_name for m in find_actors(normalize(text), country=country, date=date)]


def test_span_maps_back_to_the_original_words() -> None:
    text = "وقالت مصادر إنّ «قسَد» هاجمت"
    norm = normalize(text)
    (m,) = find_actors(norm, "ar", country="SY")
    assert m.text == "قسَد"
    s, e = norm.to_original(m.start, m.end)
    assert text[s:e] == "قسَد"
    assert (m.short, m.inter, m.country, m.country_code, m.generic) == ("SDF", 2, "Syria", "SY", False)


@pytest.mark.parametrize(
    "text",
    [
        "ولقسد مواقع",
        "وقوات سورية الديمقراطية",
        "بقوات سوريا الديمقراطية",
        "The Syrian Democratic Forces (SDF)",
    ],
)
def test_clitics_and_spelling_variants(text: str) -> None:
    assert set(names(text, "SY")) == {"QSD: Syrian Democratic Forces"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("غارات أمريكية", "Military Forces of the United States (2025-)"),
        ("القوات الأميركيّة", "Military Forces of the United States (2025-)"),
        ("الميليشيات الإيرانية", "Militia (Pro-Iran)"),
        ("الفصائل الموالية لإيران", "Militia (Pro-Iran)"),
        ("طائرة مسيرة تركية", "Military Forces of Turkey (2016-)"),
        ("جنديان تركيان", "Military Forces of Turkey (2016-)"),
        ("Russian warplanes", "Military Forces of Russia (2000-)"),
        ("Iraqi police", "Police Forces of Iraq (2022-)"),
        ("Palestinian protesters", "Protesters (Palestine)"),
        ("a US base", "Military Forces of the United States (2025-)"),
    ],
)
def test_gentilic_gives_the_class_its_country(text: str, expected: str) -> None:
    assert names(text, "SY") == [expected]


def test_class_words_take_the_context_country() -> None:
    (m,) = find_actors(normalize("مسلحون مجهولون"), country="Iraq")
    assert (m.acled_name, m.inter, m.generic, m.actor_id) == (
        "Unidentified Armed Group (Iraq)",
        3,
        True,
        "armed_group@IQ",
    )
    assert names("المتظاهرين", "LB") == ["Protesters (Lebanon)"]
    assert names("civilians", "Bangladesh") == ["Civilians (Bangladesh)"]  # not in the country table
    assert names("gunmen") == ["Unidentified Armed Group"]


def test_class_word_needing_a_country_alone_is_not_an_actor() -> None:
    assert names("القوات", "SY") == []
    assert names("drones struck the area", "SY") == []


def test_namesakes_follow_the_context_country() -> None:
    assert names("طيران التحالف", "YE") == ["Operation Restoring Hope"]
    assert names("طيران التحالف", "SY") == ["Global Coalition Against Daesh"]
    assert names("الجيش الوطني", "SY") == ["JWS: Syrian National Army"]
    assert names("الجيش الوطني", "YE") == ["Military Forces of Yemen (2012-)"]


def test_foreign_state_forces_are_external() -> None:
    (m,) = find_actors(normalize("الجيش التركي"), country="SY")
    assert m.inter == 8
    (m,) = find_actors(normalize("الجيش التركي"), country="TR")
    assert m.inter == 1


def test_era_follows_the_date() -> None:
    assert names("الجيش العراقي", "IQ", dt.date(2021, 5, 1)) == ["Military Forces of Iraq (2020-2022)"]
    assert names("الجيش العراقي", "IQ") == ["Military Forces of Iraq (2022-)"]
    assert names("US forces", "SY", dt.date(2022, 3, 1)) == [
        "Military Forces of the United States (2021-2025)"
    ]


def test_short_acronyms_are_case_sensitive() -> None:
    assert names("IS militants attacked", "SY") == ["Islamic State (Syria)"]
    assert names("the road is closed", "SY") == []
    assert names("attack on US troops", "IQ") == ["Military Forces of the United States (2025-)"]
    assert names("let us go", "IQ") == []


def test_longest_name_wins() -> None:
    assert names("كتائب حزب الله", "IQ") == ["Kataib Hezbollah"]
    assert names("حزب الله", "LB") == ["Hezbollah"]


def test_repeated_class_words_merge() -> None:
    (m,) = find_actors(normalize("Turkish army warplanes struck"), country="IQ")
    assert m.text == "Turkish army warplanes"


def test_proclitic_is_reported() -> None:
    ms = find_actors(normalize("بهجوم لداعش"), country="SY")
    assert [(m.acled_name, m.proclitic) for m in ms] == [("Islamic State (Syria)", "ل")]


def test_named_actor_of_a_class_row_is_not_generic() -> None:
    (m,) = find_actors(normalize("هاجم تنظيم داعش"), country="IQ")
    assert (m.acled_name, m.generic, m.inter) == ("Islamic State (Iraq)", False, 2)


def test_plural_gentilic_alone_names_civilians() -> None:
    assert names("مقتل ثلاثة فلسطينيين", "PS") == ["Civilians (Palestine)"]


def test_a_lone_common_noun_stands_for_the_longer_name_the_report_used() -> None:
    """A lone "Coalition" after "the Syrian Coalition" is that body, not the anti-IS coalition."""
    report = (
        "The Syrian Coalition condemned the raids. The Coalition said the regime must be held to account."
    )
    heads = document_heads(normalize(report))
    later = normalize("The Coalition said the regime must be held to account.")
    names = {m.acled_name for m in find_actors(later, "en", country="SY", heads=heads)}
    assert "National Coalition for Syrian Revolutionary and Opposition Forces" in names
    alone = {m.acled_name for m in find_actors(later, "en", country="SY")}
    assert "Global Coalition Against Daesh" in alone


def test_a_head_two_actors_share_is_not_resolved() -> None:
    report = "The Syrian Coalition welcomed the strikes of the US-led coalition. The coalition said more would come."
    heads = document_heads(normalize(report))
    assert "coalition" not in heads
