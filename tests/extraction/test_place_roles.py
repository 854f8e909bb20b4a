"""The part a place plays in a sentence decides whether it can be where the event happened."""

from rasd import extract


def test_a_capital_right_after_a_verb_of_acting_is_its_government_not_the_place() -> None:
    text = "شنت أنقرة ضربات جوية على معسكرات الحزب في 24 من الشهر الماضي."
    events = extract(text, published="2015-08-07")
    assert all(e.location is None or e.location.name != "Ankara" for e in events)


def test_a_place_introduced_by_a_preposition_after_the_verb_is_still_where_it_happened() -> None:
    (event,) = extract("وقالت المصادر إن 17 ضربة جوية نفذت قرب دير الزور أمس.", published="2015-08-07")
    assert event.location is not None and event.location.name == "Deir ez-Zor"
    assert event.location.geo_precision == 2


def test_rockets_on_the_two_fields_of_a_dual_are_two_events_one_per_field() -> None:
    text = "سقطت صواريخ مساء أمس على قاعدتي التحالف في حقلي كونيكو والعمر في ريف دير الزور."
    events = extract(text, published="2023-03-25")
    assert sorted(e.location.name for e in events if e.location) == ["Conoco gas field", "al-Omar oil field"]
