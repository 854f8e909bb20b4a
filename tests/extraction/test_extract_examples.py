"""End-to-end extraction on the bundled example reports (written for rasd, not real articles)."""

import datetime as dt

import pytest

from rasd import extract
from rasd.model import Event


def by_type(events: list[Event], sub: str) -> Event:
    found = [e for e in events if e.sub_event_type == sub]
    assert len(found) == 1, [(e.sub_event_type, e.location and e.location.name) for e in events]
    return found[0]


@pytest.fixture(scope="module")
def arabic(examples) -> list[Event]:
    return extract(
        (examples / "ar-report.txt").read_text(encoding="utf-8"), published="2024-03-11", doc_id="ar"
    )


@pytest.fixture(scope="module")
def english(examples) -> list[Event]:
    return extract(
        (examples / "en-report.txt").read_text(encoding="utf-8"), published="2024-04-17", doc_id="en"
    )


def test_arabic_report_gives_two_events(arabic):
    assert len(arabic) == 2


def test_drone_attack_is_dated_timed_located_and_sourced(arabic):
    drone = by_type(arabic, "Air/drone strike")
    assert drone.event_type == "Explosions/Remote violence"
    assert drone.location is not None and "Conoco" in drone.location.name
    assert drone.location.country_code == "SY" and drone.location.geo_precision in (1, 2)
    assert drone.when is not None and drone.when.start == drone.when.end == dt.date(2024, 3, 11)
    assert drone.when.time_precision == 1 and drone.when.time == "07:30"
    assert drone.when.time_utc == "2024-03-11T04:30Z"  # local time is the place's zone, UTC+3
    assert drone.munitions.get("drones") == 2
    assert drone.flags.repelled
    assert any(s.name in {"SDF", "QSD: Syrian Democratic Forces"} for s in drone.sources)


def test_ied_yesterday_counts_the_dual_and_the_post(arabic):
    ied = by_type(arabic, "Remote explosive/landmine/IED")
    assert ied.when is not None and ied.when.start == dt.date(2024, 3, 10) and ied.when.time_precision == 1
    assert ied.fatalities == 2 and ied.injuries == 3
    assert ied.location is not None and ied.location.country_code == "SY"
    assert any(s.kind == "post" and s.handle == "@syriahr" for s in ied.sources)


def test_every_field_has_evidence_inside_the_text(arabic, examples):
    text = (examples / "ar-report.txt").read_text(encoding="utf-8")
    for event in arabic:
        assert event.evidence["sub_event_type"]
        for spans in event.evidence.values():
            for span in spans:
                assert text[span.start : span.end] == span.text


def test_english_report_one_rocket_attack_and_one_protest(english):
    assert sorted(e.sub_event_type for e in english) == [
        "Peaceful protest",
        "Shelling/artillery/missile attack",
    ]
    rockets = by_type(english, "Shelling/artillery/missile attack")
    assert rockets.location is not None and "Erbil" in rockets.location.name
    assert (
        rockets.when is not None
        and rockets.when.start == dt.date(2024, 4, 16)
        and rockets.when.time == "23:40"
    )
    assert rockets.munitions.get("rockets") == 3 and rockets.fatalities == 0
    assert len({s.name for s in rockets.sources if s.kind != "outlet"}) >= 2
    protest = by_type(english, "Peaceful protest")
    assert protest.location is not None and protest.location.country_code == "IQ"
    assert protest.when is not None and protest.when.start == dt.date(2024, 4, 17)


def test_threats_denials_and_plans_are_not_events():
    text = (
        "هدد قائد الفصيل بقصف مواقع الجيش في حال استمر التصعيد.\n"
        "ونفى الجيش أن يكون قد نفذ أي غارة على البلدة.\n"
        "The militia said it may attack the base next week."
    )
    assert extract(text, published="2024-02-01") == []


def test_undated_report_says_how_uncertain_its_date_is():
    events = extract("Gunmen attacked a checkpoint in Kirkuk, killing two policemen.", published="2024-05-20")
    assert len(events) == 1
    when = events[0].when
    assert when is not None and when.start < when.end == dt.date(2024, 5, 20) and when.time_precision >= 2
    assert when.reason and "no date" in when.reason


def test_a_title_given_apart_is_read_but_spans_index_the_text():
    title = "Car bomb kills four in Azaz"
    text = "A car bomb exploded in the market of Azaz on Monday, killing four civilians."
    events = extract(text, published="2024-06-04", title=title)
    assert len(events) == 1
    for spans in events[0].evidence.values():
        for span in spans:
            assert text[span.start : span.end] == span.text


def test_the_correspondents_town_is_not_where_the_event_happened():
    text = "أفاد مراسل الجزيرة في دمشق، اليوم الأحد، بسقوط 3 قذائف صاروخية على مدينة حمص."
    (event,) = extract(text, published="2024-02-04")
    assert event.location is not None and event.location.name.lower().startswith("hom")
    assert event.munitions.get("shells") == 3 or event.munitions.get("rockets") == 3


def test_an_event_told_before_that_is_a_separate_earlier_event():
    text = "قصفت المدفعية بلدة كفرنبل في ريف إدلب اليوم الخميس.\nوسبق ذلك غارة جوية استهدفت مدينة سراقب."
    events = extract(text, published="2024-02-08")
    assert len(events) == 2
    shelling, strike = sorted(events, key=lambda e: e.sub_event_type != "Shelling/artillery/missile attack")
    assert shelling.when is not None and shelling.when.start == dt.date(2024, 2, 8)
    assert strike.sub_event_type == "Air/drone strike"
    assert (
        strike.when is not None and strike.when.end <= dt.date(2024, 2, 8) and strike.when.time_precision > 1
    )


def test_a_capital_that_speaks_is_not_where_it_happened():
    text = "Moscow said on Tuesday that rebel mortar shells hit a school in Aleppo, killing two children."
    (event,) = extract(text, published="2024-03-05")
    assert event.location is not None and event.location.country_code == "SY"
    assert event.fatalities == 2


def test_continued_targeting_without_a_date_is_a_situation_not_an_event():
    text = "وفي ظل استمرار استهداف القوات الأميركية في قاعدة عين الأسد، حذرت واشنطن رعاياها من السفر."
    assert extract(text, published="2024-02-01") == []


def test_a_month_abbreviation_is_not_a_place():
    text = "Thu 14 Jul 2016 Air strikes killed 12 civilians in the town of Maarat al-Numan, the Observatory said."
    (event,) = extract(text, published="2016-07-14")
    assert event.sub_event_type == "Air/drone strike"
    assert event.location is not None and event.location.country_code == "SY"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 May 2024, SDF fighters detained four men in al-Busayrah town in Deir ez-Zor.",
            "Abduction/forced disappearance",
        ),
        ("On 3 May 2024, Iraqi police arrested four men in Ramadi city, Anbar.", "Arrests"),
    ],
)
def test_who_detains_decides_between_arrest_and_abduction(text, sub):
    events = extract(text, published=dt.date(2024, 5, 4))
    assert [e.sub_event_type for e in events] == [sub]


def test_a_named_armed_group_attacking_troops_is_a_clash():
    text = "On 9 May 2024, ISIS militants attacked the Peshmerga near Makhmour in Erbil province."
    events = extract(text, published=dt.date(2024, 5, 10))
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_two_bases_hit_in_one_sentence_are_two_events():
    text = "تبنت فصائل مسلحة، اليوم الأحد، استهداف حقل العمر النفطي في ريف دير الزور وقاعدة الشدادي بطائرات مسيرة."
    events = extract(text, published=dt.date(2024, 3, 3))
    assert sorted(e.location.name for e in events) == ["al-Omar oil field", "al-Shaddadi base"]
    assert all(e.when.start == dt.date(2024, 3, 3) for e in events)


def test_places_a_protest_is_for_are_not_where_it_is():
    text = "خرجت تظاهرات حاشدة في بغداد نصرة لفلسطين وغزة يوم الجمعة 2 شباط 2024."
    events = extract(text, published=dt.date(2024, 2, 3))
    assert [e.location.name for e in events] == ["Baghdad"]


def test_undated_events_take_the_time_frame_of_the_opening_line():
    text = (
        "شهدت عواصم عدة تظاهرات في ساعات الليل والفجر.\n"
        "وشهدت العاصمة الأردنية عمان تظاهرات مطالبة بوقف الحرب."
    )
    (event,) = extract(text, published=dt.date(2024, 2, 3))
    assert event.location.name == "Amman"
    assert (event.when.start, event.when.end) == (dt.date(2024, 2, 2), dt.date(2024, 2, 3))
    assert "opening line" in (event.when.reason or "")


def test_an_air_aggression_from_the_sea_is_an_air_strike_on_its_target_not_its_origin():
    text = (
        "وفي الخامس من الشهر الجاري، تصدت الدفاعات الجوية لعدوان جوي من اتجاه البحر المتوسط غربي "
        "اللاذقية، استهدف مطار حلب الدولي."
    )
    events = extract(text, published=dt.date(2024, 3, 20))
    assert [(e.sub_event_type, e.location.admin1, e.when.start) for e in events] == [
        ("Air/drone strike", "Aleppo", dt.date(2024, 3, 5))
    ]


def test_a_months_toll_is_a_statistic_not_an_event():
    text = "أعلنت بعثة الأمم المتحدة في بغداد أمس عن مقتل 1250 عراقيا نتيجة أعمال العنف خلال حزيران الماضي."
    assert extract(text, published=dt.date(2024, 7, 2)) == []
    text = "Bombings in Baghdad killed 1,250 Iraqis during June, the UN mission said on Monday."
    assert extract(text, published=dt.date(2024, 7, 2)) == []


def test_an_opinion_column_keeps_only_events_it_dates_to_a_day():
    column = (
        "يبدو أن الصراع في سوريا سيطول، فقد قصفت قوات النظام بالمدفعية مدينة سراقب في ريف إدلب.\n"
        "وقصفت الطائرات الروسية مدينة إدلب يوم 3 آذار 2024 مما أدى إلى مقتل 5 مدنيين.\n"
        "للحديث صلة."
    )
    events = extract(column, published=dt.date(2024, 3, 20))
    assert [(e.sub_event_type, e.when.start) for e in events] == [("Air/drone strike", dt.date(2024, 3, 3))]
    news = column.replace("للحديث صلة.", "")
    assert len(extract(news, published=dt.date(2024, 3, 20))) > len(events)


def test_where_fire_landed_is_the_target_even_after_where_it_came_from():
    text = "Rockets launched from Iraq landed in Hasakah city on 3 May 2024, wounding two civilians."
    (event,) = extract(text, published=dt.date(2024, 5, 4))
    assert event.location.admin1 == "Al Hasakeh" and event.location.role != "launch"
