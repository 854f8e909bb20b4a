"""A dateline says where a report was filed, not where its event happened (texts written for these tests)."""

from rasd import extract


def _locations(text: str) -> list[str | None]:
    return [e.location.name if e.location else None for e in extract(text, published="2017-04-05")]


def test_the_dateline_city_is_not_the_event_location() -> None:
    text = "Beirut London- Warplanes dropped bombs on the town of Khan Sheikhoun in Idlib, killing 70 people."
    assert _locations(text) == ["Khān Shaykhūn"]


def test_an_agency_dateline_is_skipped_too() -> None:
    assert _locations(
        "BEIRUT (AFP) - Air strikes killed 12 civilians in Douma on Monday, a monitor said."
    ) == ["Dūmā"]


def test_the_dateline_city_is_the_location_when_the_report_names_no_other_place() -> None:
    text = "دمشق - (سانا): استشهد ثلاثة مدنيين بقذائف صاروخية سقطت على حي سكني اليوم."
    assert _locations(text) == ["Damascus"]


def test_a_dash_between_two_places_is_a_road_not_a_dateline() -> None:
    text = "A roadside bomb hit an army patrol on the Homs - Palmyra road on Monday, killing two soldiers."
    assert "Homs" in _locations(text)


def test_a_capital_that_denies_speaks_for_its_government() -> None:
    text = (
        "Warplanes dropped toxic gas on a town in Idlib province on April 4, killing 80 people. "
        "The opposition accused government troops of the attack while Damascus refuted the allegations."
    )
    assert "Damascus" not in _locations(text)


def test_an_undated_interception_in_a_bulletin_is_still_news() -> None:
    text = "المقاومة تعلن إسقاط طائرة مسيرة إسرائيلية في بيت حانون."
    assert [e.sub_event_type for e in extract(text, published="2023-12-29")] == ["Disrupted weapons use"]
