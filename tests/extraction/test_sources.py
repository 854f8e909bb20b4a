"""Reporting voices: statements, spokespeople, agencies and embedded posts become the event's sources."""

import datetime as dt

from rasd import extract


def names(event):
    return {(s.kind, s.name) for s in event.sources}


def test_monitor_named_after_according_to():
    (event,) = extract(
        "Two civilians were killed in regime shelling on Maarat al-Numan on Sunday, "
        "according to the Syrian Observatory for Human Rights.",
        published="2024-01-08",
    )
    assert ("agency", "Syrian Observatory for Human Rights") in names(event)


def test_spokesperson_and_a_statement_quoted_later_are_both_sources():
    text = (
        "قال المتحدث باسم قوات سوريا الديمقراطية إن طائرة مسيرة استهدفت بلدة عين عيسى صباح اليوم.\n"
        "وجاء في البيان أن الهجوم أدى إلى إصابة مدنيين اثنين في البلدة."
    )
    (event,) = extract(text, published="2024-03-03")
    kinds = {s.kind for s in event.sources}
    assert "spokesperson" in kinds
    assert event.injuries == 2


def test_an_embedded_post_is_a_source_with_author_handle_and_date():
    text = (
        "Rockets hit Baghdad\n"
        "Two rockets fell near Baghdad airport on Tuesday night, officials said.\n"
        "Two Katyusha rockets landed near Baghdad International Airport. No casualties.\n"
        "— Security Media Cell (@SecMedCell) March 5, 2024\n"
    )
    (event,) = extract(text, published="2024-03-06")
    posts = [s for s in event.sources if s.kind == "post"]
    assert posts and posts[0].handle == "@SecMedCell" and posts[0].date == dt.date(2024, 3, 5)
    assert posts[0].name == "Security Media Cell (Iraq)"


def test_the_outlet_is_a_source_when_given():
    (event,) = extract(
        "A car bomb exploded in the market of Azaz on Monday, killing four civilians.",
        published="2024-06-04",
        outlet="Example Daily",
    )
    assert ("outlet", "Example Daily") in names(event)
