"""An event whose place the report names but no gazetteer knows keeps the name, without coordinates."""

from rasd import extract


def test_an_unknown_village_keeps_its_name_without_coordinates() -> None:
    text = (
        "On 10 January 2022, gunmen attacked a police checkpoint in Qorowdheere village, killing 2 policemen."
    )
    (event,) = extract(text, published="2022-01-12")
    assert event.location is not None
    assert event.location.name == "Qorowdheere"
    assert event.location.lat is None and event.location.lon is None and event.location.geo_precision is None
    assert event.evidence["location"][0].text == "Qorowdheere"
    assert "not found in the gazetteer" in (event.location.reason or "")
    assert event.fatalities == 2


def test_an_unknown_place_lowers_confidence() -> None:
    known = "On 10 January 2022, gunmen attacked a police checkpoint in Mosul, killing 2 policemen."
    unknown = known.replace("in Mosul", "in Qorowdheere village")
    (a,) = extract(known, published="2022-01-12")
    (b,) = extract(unknown, published="2022-01-12")
    assert a.sub_event_type == b.sub_event_type
    assert b.confidence < a.confidence


def test_a_country_alone_is_still_no_place() -> None:
    assert (
        extract("On 10 January 2022, gunmen attacked a police checkpoint in Syria, killing 2 policemen.")
        == []
    )


def test_an_arabic_word_after_fi_is_not_taken_for_an_unknown_place() -> None:
    text = "قتل ثلاثة مدنيين أمس في مؤشر جديد على تصاعد العنف."
    assert extract(text, published="2022-01-12") == []


def test_an_unknown_town_after_in_keeps_the_event() -> None:
    text = "On 3 May 2022, about 200 teachers demonstrated in Quorvellane to demand higher pay."
    (event,) = extract(text, published="2022-05-04")
    assert event.sub_event_type == "Peaceful protest"
    assert event.location is not None and event.location.name == "Quorvellane"
