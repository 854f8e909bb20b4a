"""Which clauses tell one incident, and which time dates it (reports written for these tests)."""

from rasd import extract


def test_the_day_of_the_telling_does_not_date_an_event_told_with_its_own_time() -> None:
    text = "Militants beheaded eight fighters in Albu Kamal last week, a monitor said Monday."
    (event,) = extract(text, published="2014-11-03")
    assert (event.when.start.isoformat(), event.when.end.isoformat()) == ("2014-10-27", "2014-11-02")


def test_the_day_of_the_telling_dates_an_event_told_without_a_time_of_its_own() -> None:
    (event,) = extract(
        "Militants beheaded eight fighters in Albu Kamal, a monitor said Monday.", published="2014-11-03"
    )
    assert event.when.start.isoformat() == "2014-11-03"


def test_the_blast_at_a_named_crossing_says_where_an_unplaced_bombing_was() -> None:
    text = (
        "At least 29 people were killed in a suicide bombing at the Syria-Turkey border on Thursday. "
        "The blast targeted FSA fighters on the Syrian side of the Bab al-Hawa crossing, a monitor said."
    )
    events = extract(text, published="2016-10-06")
    assert [(e.sub_event_type, e.location.name if e.location else None, e.fatalities) for e in events] == [
        ("Suicide bomb", "Bab al-Hawa crossing", 29)
    ]


def test_an_earlier_attack_there_is_another_incident_at_the_same_place() -> None:
    text = (
        "At least 29 people were killed in a suicide bombing at the Bab al-Hawa crossing on Thursday. "
        "The group claimed responsibility for a mid-August suicide attack there that killed at least 32."
    )
    events = extract(text, published="2016-10-06")
    got = [(e.location.name if e.location else None, e.when.start.isoformat(), e.fatalities) for e in events]
    assert got == [("Bab al-Hawa crossing", "2016-10-06", 29), ("Bab al-Hawa crossing", "2016-08-11", 32)]


def test_the_connective_wa_dhalika_does_not_tie_a_strike_on_another_town_to_the_last_one() -> None:
    text = (
        "أعلنت المقاومة، فجر اليوم السبت، استهدافها أمس الجمعة هدفاً حيوياً في إيلات بالطيران المسيّر.\n"
        "وأعلنت المقاومة، أمس، استهدافها ميناء حيفا، وذلك عبر الطائرات المسيّرة."
    )
    events = extract(text, published="2024-05-25")
    assert sorted(e.location.name for e in events if e.location) == ["Eilat", "Haifa"]


def test_this_attack_still_tells_the_last_event_again() -> None:
    text = (
        "A car bomb exploded in Azaz on Monday, killing 3 people. This attack was the deadliest this month."
    )
    assert len(extract(text, published="2024-01-02")) == 1


def test_another_attack_at_the_same_town_is_another_event() -> None:
    text = (
        "قصفت المدفعية مدينة معرة النعمان صباح اليوم الأحد.\n"
        "وبعد الظهر، شنت الطائرات غارة أخرى على مدينة معرة النعمان."
    )
    events = extract(text, published="2024-03-10")
    assert sorted(e.sub_event_type for e in events) == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ]


def test_the_last_attack_is_not_another_one() -> None:
    text = "قصفت المدفعية مدينة معرة النعمان صباح اليوم الأحد، وكان آخر قصف على المدينة قبل أسبوع."
    assert len(extract(text, published="2024-03-10")) == 1


def test_the_date_that_opens_the_sentence_dates_it_not_a_date_inside_it() -> None:
    text = "On 20 January 2022, relatives of a man who was found dead on 13 January protested in Baghdad."
    (event,) = extract(text, published="2022-01-25")
    assert event.when is not None and str(event.when.start) == str(event.when.end) == "2022-01-20"


def test_an_undated_sentence_takes_the_date_that_opens_the_report() -> None:
    text = (
        "On 8 June 2022, Russian forces clashed with Ukrainian forces in Severodonetsk. "
        "They also shelled civilian infrastructure in Lysychansk."
    )
    shelling = next(
        e for e in extract(text, published="2022-06-14") if e.location and e.location.name == "Lysychansk"
    )
    assert shelling.when is not None and str(shelling.when.start) == str(shelling.when.end) == "2022-06-08"
