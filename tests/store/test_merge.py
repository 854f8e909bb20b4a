"""Which reports are one incident, and what the merged event says."""

from __future__ import annotations

import datetime as dt
import random

from rasd.extraction.api import extract
from rasd.merge import cluster, combine, features, same_incident
from rasd.model import Actor, Event, Place, Source, When

BASE = (33.79, 42.44)  # an air base


def ev(
    doc: str,
    day: str = "2024-01-09",
    end: str | None = None,
    sub: str = "Shelling/artillery/missile attack",
    etype: str = "Explosions/Remote violence",
    at: tuple[float, float] = BASE,
    precision: int = 1,
    fatalities: int | None = None,
    injuries: int | None = None,
    actor1: str | None = None,
    source: str = "Outlet",
    country: str = "IQ",
    admin1: str = "Al Anbar",
) -> Event:
    start = dt.date.fromisoformat(day)
    return Event(
        id=f"{doc}-1",
        doc_id=doc,
        event_type=etype,
        sub_event_type=sub,
        actor1=Actor(name=actor1) if actor1 else None,
        location=Place(
            name="X", lat=at[0], lon=at[1], geo_precision=precision, country_code=country, admin1=admin1
        ),
        when=When(
            start=start, end=dt.date.fromisoformat(end) if end else start, time_precision=1 if not end else 2
        ),
        fatalities=fatalities,
        injuries=injuries,
        sources=[Source(kind="outlet", name=source)],
        confidence=0.7,
    )


def test_two_reports_of_one_attack_are_one_incident():
    assert same_incident(ev("a", fatalities=2), ev("b", fatalities=3, at=(33.80, 42.45)))


def test_the_same_base_hit_on_two_days_is_two_incidents():
    assert not same_incident(ev("a"), ev("b", day="2024-01-10"))


def test_a_week_long_interval_overlapping_the_day_can_match():
    assert same_incident(ev("a"), ev("b", day="2024-01-08", end="2024-01-14"))


def test_far_apart_places_different_types_and_same_document_stay_apart():
    assert not same_incident(ev("a"), ev("b", at=(34.50, 43.50)))
    assert not same_incident(ev("a"), ev("b", etype="Battles", sub="Armed clash"))
    assert not same_incident(ev("a"), ev("a"))


def test_named_actors_that_differ_count_against_a_match_generic_ones_do_not():
    a = ev("a", actor1="Islamic State (Iraq)")
    near = (33.84, 42.49)  # ~7 km away
    assert not same_incident(a, ev("b", actor1="Kataib Hezbollah", at=near))
    assert same_incident(a, ev("b", actor1="Unidentified Armed Group (Iraq)", at=near))
    # Same place, day and type: one report's wrong attribution does not split the incident.
    assert same_incident(a, ev("b", actor1="Kataib Hezbollah"))


def test_the_army_and_the_government_of_one_country_are_one_side():
    near = (33.84, 42.49)  # ~7 km away
    army = ev("a", actor1="Military Forces of Iraq (2022-)", at=near)
    assert same_incident(army, ev("b", actor1="Government of Iraq (2022-)"))
    assert not same_incident(army, ev("b", actor1="Military Forces of Syria (2000-2024)"))


def test_a_coalition_is_on_the_side_of_the_country_that_leads_it():
    near = (33.84, 42.49)  # ~7 km away
    us = ev("a", actor1="Military Forces of the United States (2021-2025)", at=near)
    coalition = ev("b")
    coalition.actor1 = Actor(name="Global Coalition Against Daesh", country="United States", inter=8)
    assert same_incident(us, coalition)
    saudi_led = ev("c")
    saudi_led.actor1 = Actor(name="Operation Restoring Hope", country="Saudi Arabia", inter=8)
    assert not same_incident(us, saudi_led)


def test_a_place_14_km_off_agrees_with_near_x_but_not_with_x_itself():
    outskirts = (33.88, 42.54)  # ~14 km from the base
    ied = {"sub": "Remote explosive/landmine/IED", "at": outskirts, "fatalities": 2}
    assert same_incident(ev("a", precision=2, fatalities=2), ev("b", **ied))
    assert not same_incident(ev("a", fatalities=2), ev("b", **ied))


def test_wildly_different_tolls_and_subtypes_keep_incidents_apart():
    a = ev("a", fatalities=0, injuries=0, at=(33.30, 44.40))
    b = ev("b", fatalities=20, injuries=40, sub="Remote explosive/landmine/IED", at=(33.33, 44.45))
    assert not same_incident(a, b)


def test_a_province_level_report_joins_a_precise_one_in_that_province_when_counts_agree():
    precise = ev("a", fatalities=2)
    province = ev("b", fatalities=2, at=(33.42, 43.30), precision=3)
    assert same_incident(precise, province)
    assert not same_incident(precise, ev("c", fatalities=2, at=(33.42, 43.30), precision=3, admin1="Ninawa"))


def test_a_car_bomb_and_a_roadside_bomb_the_same_day_in_one_city_are_two_incidents():
    ied = "Remote explosive/landmine/IED"
    car = ev("a", sub=ied).model_copy(update={"weapons": ["car_bomb"]})
    roadside = ev("b", sub=ied, at=(33.83, 42.47)).model_copy(update={"weapons": ["ied"]})
    again = ev("c", sub=ied, at=(33.80, 42.45)).model_copy(update={"weapons": ["car_bomb"]})
    unnamed = ev("d", sub=ied, at=(33.80, 42.45))
    assert not same_incident(car, roadside)
    assert same_incident(car, again)
    assert same_incident(roadside, unnamed)  # a report that names no weapon contradicts none
    assert combine([car, again], "m").weapons == ["car_bomb"]


def test_merged_event_keeps_every_source_and_codes_the_lowest_toll():
    reports = [
        ev("en", fatalities=3, source="Reuters"),
        ev("ar", fatalities=2, source="Security Media Cell"),
        ev("post", fatalities=None, source="Coalition post"),
    ]
    merged = combine(reports, "ev-1")
    assert merged.id == "ev-1"
    assert merged.fatalities == 2
    assert sorted(s.name for s in merged.sources) == ["Coalition post", "Reuters", "Security Media Cell"]
    assert "Fatalities reported: 2 (Security Media Cell); 3 (Reuters). Coded: 2 (lowest)." in merged.notes
    assert "Reported in 3 documents." in merged.notes


def test_merged_dates_are_the_intersection_of_the_reports():
    merged = combine([ev("a", day="2024-01-08", end="2024-01-14"), ev("b", day="2024-01-09")], "m")
    assert merged.when is not None and merged.when.start == merged.when.end == dt.date(2024, 1, 9)
    assert merged.when.time_precision == 1


def test_clustering_is_order_independent_and_never_joins_two_events_of_one_document():
    reports = [
        ev("a", fatalities=2),
        ev("b", fatalities=2, at=(33.80, 42.45)),
        ev("c", fatalities=3),
        ev("d", day="2024-01-10"),
        ev("e", day="2024-01-10", at=(33.78, 42.43)),
        ev("a", fatalities=2, at=(33.785, 42.44)).model_copy(update={"id": "a-2"}),
    ]

    def groups(order: list[Event]) -> set[frozenset[str]]:
        labels = cluster([features(e) for e in order])
        out: dict[int, set[str]] = {}
        for label, e in zip(labels, order, strict=True):
            out.setdefault(label, set()).add(e.id)
        return {frozenset(g) for g in out.values()}

    expected = groups(reports)
    assert frozenset({"d-1", "e-1"}) in expected
    assert not any({"a-1", "a-2"} <= g for g in expected)
    rng = random.Random(3)
    for _ in range(5):
        shuffled = reports[:]
        rng.shuffle(shuffled)
        assert groups(shuffled) == expected


def test_reports_a_day_apart_with_the_same_toll_are_one_incident_different_tolls_are_not():
    province = {"precision": 3, "at": (35.93, 36.63), "country": "SY", "admin1": "Idleb"}
    monday = ev("a", day="2015-07-20", fatalities=7, **province)
    tuesday = ev("b", day="2015-07-21", fatalities=7, **province)
    assert len(set(cluster([features(monday), features(tuesday)]))) == 1
    other = ev("c", day="2015-07-21", fatalities=2, **province)
    assert len(set(cluster([features(monday), features(other)]))) == 2
    two_days = ev("d", day="2015-07-22", fatalities=7, **province)
    assert len(set(cluster([features(monday), features(two_days)]))) == 2


def test_no_incident_gathers_reports_of_different_days_through_a_third():
    week = ev("a", day="2024-01-08", end="2024-01-14")
    assert len(set(cluster([features(ev("b")), features(week), features(ev("c", day="2024-01-11"))]))) == 2


def _incidents(reports: list[tuple[str, str, str]]) -> int:
    """How many incidents the events extracted from (doc, text, publication date) reports make."""
    events = [e for doc, text, day in reports for e in extract(text, published=day, doc_id=doc)]
    return len(set(cluster([features(e) for e in events])))


def test_strikes_since_a_weekday_join_a_report_of_one_day_in_that_span():
    since = (
        "a",
        "Drones have struck a military base near Hasakah since Thursday, wounding six soldiers.",
        "2023-03-25",
    )
    friday = (
        "b",
        "A drone struck a military base near Hasakah on Friday, wounding six soldiers.",
        "2023-03-24",
    )
    assert _incidents([since, friday]) == 1
    night = (
        "c",
        "صواريخ سقطت على قاعدة عسكرية قرب الحسكة ليل الخميس - الجمعة، بحسب مصادر محلية.",
        "2023-03-25",
    )
    on_friday = ("d", "صواريخ سقطت على قاعدة عسكرية قرب الحسكة يوم الجمعة، بحسب مصادر محلية.", "2023-03-25")
    assert _incidents([night, on_friday]) == 1


def test_the_base_hit_on_two_named_days_stays_two_incidents():
    tuesday = (
        "a",
        "A drone struck a military base near Hasakah on Tuesday, wounding six soldiers.",
        "2023-03-25",
    )
    friday = (
        "b",
        "A drone struck a military base near Hasakah on Friday, wounding six soldiers.",
        "2023-03-25",
    )
    assert _incidents([tuesday, friday]) == 2
    since = (
        "c",
        "Drones have struck a military base near Hasakah since Thursday, wounding six soldiers.",
        "2023-03-25",
    )
    assert _incidents([tuesday, since]) == 2
