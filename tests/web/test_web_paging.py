"""Pages agree with the store: every page of every filter, edited and undated events included."""

from __future__ import annotations

import datetime as dt
import os
import random
import uuid
from collections import Counter

import pytest
from sqlalchemy import insert

from rasd.model import Actor, Event, Place, When
from rasd.store import EventFilter, add_edit, connect, read_events
from rasd.store.rows import event_columns
from rasd.store.schema import events
from rasd.web.queries import api_filter, event_stats, list_events, sort_key

PG_HOST = os.environ.get("RASD_TEST_PG", "127.0.0.1:5432")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_url(request, tmp_path_factory):
    """A SQLite file, and a fresh PostgreSQL database when a server is reachable (else skipped)."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("paging") / "paging.sqlite")
        return
    psycopg = pytest.importorskip("psycopg")
    admin = None
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(f"postgresql://{user}@{PG_HOST}/test", connect_timeout=2):
                admin = f"postgresql://{user}@{PG_HOST}/test"
                break
        except psycopg.Error:
            continue
    if admin is None:
        pytest.skip(f"no PostgreSQL server reachable at {PG_HOST}")
    name = f"rasd_web_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield admin.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def store(store_url):
    engine = connect(store_url)
    rng = random.Random(3)
    rows = []
    for i in range(60):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(30))
        event = Event(
            id=f"ev-{i:03d}",
            event_type=rng.choice(["Battles", "Protests"]),
            sub_event_type="Armed clash",
            location=Place(name="X", country_code=rng.choice(["IQ", "SY"]), lat=33 + rng.random(), lon=44.0),
            actor1=Actor(name=f"Group {i % 4}", short="HTS" if i % 3 else None),
            when=None if i % 9 == 0 else When(start=day, end=day, time_precision=1),
            confidence=0.5,
        )
        rows.append(event_columns(event, 1))
    with engine.begin() as conn:
        conn.execute(insert(events), rows)
    for i in rng.sample(range(60), 25):
        day = (dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(40))).isoformat()
        add_edit(engine, f"ev-{i:03d}", "when", {"start": day, "end": day, "time_precision": 1}, "t")
        if i % 2:
            add_edit(engine, f"ev-{i:03d}", "event_type", "Protests", "t")
    yield engine
    engine.dispose()


FILTERS = [
    EventFilter(),
    EventFilter(event_type="Protests"),
    EventFilter(country="Iraq", since=dt.date(2024, 1, 10)),
    EventFilter(near=(33.5, 44.0, 30.0)),
    EventFilter(country="Iraq", actor="hts"),  # a short name (in the JSON) and a country name
    EventFilter(country="Atlantis"),
]


@pytest.mark.parametrize("where", FILTERS)
def test_every_page_is_the_store_s_list_cut_in_order(store, where):
    # a country name is matched through its code (api_filter), so "Iraq" selects events coded IQ
    expected = [e.id for e in sorted(read_events(store, api_filter(where)), key=sort_key)]
    for limit in (1, 7, 25, 100):
        seen = []
        for offset in range(0, len(expected) + limit, limit):
            page = list_events(store, where, limit, offset)
            assert page.total == len(expected)
            seen += [e.id for e in page.events]
        assert seen == expected, (where, limit)
    rng = random.Random(5)
    for _ in range(40):
        offset, limit = rng.randrange(len(expected) + 3), rng.randrange(1, 30)
        assert [e.id for e in list_events(store, where, limit, offset).events] == expected[
            offset : offset + limit
        ]
    stats = event_stats(store, where)
    events_ = list(read_events(store, api_filter(where)))
    assert stats.total == len(expected)
    assert stats.by_type == Counter(e.event_type for e in events_)
    assert stats.by_day == Counter(e.when.start for e in events_ if e.when)
    assert stats.undated == sum(1 for e in events_ if e.when is None)
