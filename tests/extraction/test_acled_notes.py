"""ACLED notes as input: their own conventions are evidence too."""

from rasd import extract


def test_a_crowd_size_tag_makes_a_gathering_a_demonstration() -> None:
    text = "On 2 April 2022, hundreds of people gathered in Yakutsk to support the troops. [size=hundreds]"
    (event,) = extract(text, published="2022-04-05")
    assert event.sub_event_type == "Peaceful protest" and event.location is not None
    assert event.location.name == "Yakutsk"


def test_without_the_tag_a_gathering_is_no_event() -> None:
    text = "On 2 April 2022, hundreds of people gathered in Yakutsk to support the troops."
    assert extract(text, published="2022-04-05") == []
