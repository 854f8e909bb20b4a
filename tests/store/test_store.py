"""The store on SQLite and PostgreSQL: idempotent ingest, revisions, cross-report merging, edits, errors."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from rasd.ingest import Document, InputError
from rasd.store import (
    EditError,
    EventFilter,
    add_edit,
    connect,
    ingest,
    read_edits,
    read_errors,
    read_events,
    read_mentions,
    remerge,
)
from rasd.store.schema import documents, events, mentions, revisions

BASE = (33.79, 42.44)
TOWN = (36.34, 43.13)


def line(date: str, at: tuple[float, float], fatalities: int | None, source: str, place: str = "Base") -> str:
    fat = "" if fatalities is None else str(fatalities)
    return f"Explosions/Remote violence|Shelling/artillery/missile attack|{date}|{at[0]}|{at[1]}|{place}|{fat}|{source}"


def doc(doc_id: str, *lines: str, url: str | None = None) -> Document:
    return Document(id=doc_id, text="\n".join(lines), url=url, origin=f"<test {doc_id}>")


def count(engine, table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


@pytest.fixture
def store(db_url):
    engine = connect(db_url)
    yield engine
    engine.dispose()


def seven_reports() -> list[Document]:
    """One rocket attack told by a coalition post, a security statement, three Arabic and two English outlets."""
    figures = [("Coalition post", None), ("Security Media Cell", 2), ("Outlet AR1", 3), ("Outlet AR2", 2)]
    figures += [("Outlet AR3", 4), ("Outlet EN1", 3), ("Outlet EN2", None)]
    return [doc(f"r{i}", line("2024-01-09", BASE, n, name)) for i, (name, n) in enumerate(figures)]


def test_seven_reports_of_one_attack_become_one_event_with_every_source(store, extractor):
    report = ingest(store, seven_reports(), extractor=extractor)
    assert (report.stored, report.events_new, report.events_merged) == (7, 1, 6)
    [event] = list(read_events(store))
    assert event.fatalities == 2  # ACLED's conservative rule: the lowest figure
    assert len(event.sources) == 7
    claims = {m.sources[0].name: m.fatalities for _, m in read_mentions(store, event.id)}
    assert claims["Outlet AR3"] == 4 and claims["Coalition post"] is None


def test_ingesting_the_same_documents_again_changes_nothing(store, extractor):
    ingest(store, seven_reports(), extractor=extractor)
    before = [e.model_dump() for e in read_events(store)]
    again = ingest(store, seven_reports(), extractor=extractor)
    assert (again.unchanged, again.stored, again.revised) == (7, 0, 0)
    assert [e.model_dump() for e in read_events(store)] == before
    assert (count(store, documents), count(store, revisions), count(store, mentions)) == (7, 7, 7)


def test_a_changed_version_of_a_url_replaces_its_events(store, extractor):
    url = "https://example.invalid/story"
    ingest(store, [doc("v1", line("2024-01-09", BASE, 1, "Wire"), url=url)], extractor=extractor)
    ingest(store, [doc("other", line("2024-01-09", BASE, 3, "Other"))], extractor=extractor)
    update = doc("v2", line("2024-01-09", BASE, 5, "Wire"), line("2024-01-10", TOWN, 1, "Wire"), url=url)
    report = ingest(store, [update], extractor=extractor)
    assert report.revised == 1
    found = sorted(read_events(store), key=lambda e: e.when.start)
    assert [e.fatalities for e in found] == [3, 1]  # the old figure (1) is gone with its revision
    assert count(store, documents) == 2 and count(store, revisions) == 3 and count(store, mentions) == 3


def test_analyst_edits_survive_reingesting_a_new_revision(store, extractor):
    url = "https://example.invalid/edited"
    ingest(store, [doc("v1", line("2024-01-09", BASE, 1, "Wire"), url=url)], extractor=extractor)
    [event] = read_events(store)
    add_edit(store, event.id, "fatalities", 4, "analyst@example")
    add_edit(store, event.id, "location.name", "Ain al-Asad", "analyst@example")
    ingest(store, [doc("v2", line("2024-01-09", BASE, 2, "Wire"), url=url)], extractor=extractor)
    [after] = read_events(store)
    assert after.id == event.id
    assert (after.fatalities, after.location.name) == (4, "Ain al-Asad")
    history = read_edits(store, event.id)
    assert [(e.field, e.value, e.author) for e in history] == [
        ("fatalities", 4, "analyst@example"),
        ("location.name", "Ain al-Asad", "analyst@example"),
    ]


def test_bad_documents_are_quarantined_and_the_batch_goes_on(store, extractor):
    items = [
        doc("good1", line("2024-01-09", BASE, 1, "A")),
        InputError("bin.dat", "binary data, not text"),
        doc("broken", "BOOM"),
        doc("good2", line("2024-02-01", TOWN, 1, "B")),
    ]
    report = ingest(store, items, extractor=extractor)
    assert (report.stored, report.failed) == (2, 2)
    reasons = {e.origin: e.reason for e in read_errors(store)}
    assert reasons["bin.dat"] == "binary data, not text"
    assert "extraction failed" in reasons["<test broken>"]
    ingest(store, items, extractor=extractor)
    assert {e.origin: e.attempts for e in read_errors(store)}["bin.dat"] == 2


def test_filters_select_by_date_place_type_and_actor(store, extractor):
    ingest(
        store,
        [
            doc("a", line("2024-01-09", BASE, 1, "A")),
            doc("b", line("2024-03-01", TOWN, 2, "B", place="Town")),
        ],
        extractor=extractor,
    )
    assert [e.location.name for e in read_events(store, EventFilter(since=dt.date(2024, 2, 1)))] == ["Town"]
    assert [e.location.name for e in read_events(store, EventFilter(near=(33.8, 42.4, 20)))] == ["Base"]
    assert (
        len(
            list(
                read_events(store, EventFilter(country="iq", event_type="Shelling/artillery/missile attack"))
            )
        )
        == 2
    )
    assert list(read_events(store, EventFilter(actor="Islamic State"))) == []


def test_an_edit_that_moves_an_event_is_honoured_by_filters(store, extractor):
    ingest(store, [doc("a", line("2024-01-09", BASE, 1, "A"))], extractor=extractor)
    [event] = read_events(store)
    add_edit(store, event.id, "when.start", "2024-05-01", "analyst")
    add_edit(store, event.id, "when.end", "2024-05-01", "analyst")
    assert [e.id for e in read_events(store, EventFilter(since=dt.date(2024, 4, 1)))] == [event.id]


def test_migrations_run_once_and_reopening_keeps_data(db_url, extractor):
    engine = connect(db_url)
    ingest(engine, [doc("a", line("2024-01-09", BASE, 1, "A"))], extractor=extractor)
    engine.dispose()
    engine = connect(db_url)
    assert count(engine, events) == 1
    engine.dispose()


def test_remerge_keeps_incident_ids_and_edits_and_is_stable(store, extractor):
    ingest(store, seven_reports(), extractor=extractor)
    ingest(store, [doc("next-day", line("2024-01-10", BASE, 1, "Wire"))], extractor=extractor)
    ids = sorted(e.id for e in read_events(store))
    add_edit(store, ids[0], "notes", "Checked by an analyst.", "analyst")
    first = remerge(store)
    assert (first.events_before, first.events_after, first.reports_moved) == (2, 2, 0)
    assert sorted(e.id for e in read_events(store)) == ids
    assert {e.id: e.notes for e in read_events(store)}[ids[0]] == "Checked by an analyst."
    assert remerge(store).reports_moved == 0


def test_processes_opening_a_new_store_together_migrate_it_once(db_url):
    from concurrent.futures import ThreadPoolExecutor

    def open_and_count(_: int) -> int:
        engine = connect(db_url)
        try:
            return count(engine, documents)
        finally:
            engine.dispose()

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [0, 0, 0, 0]


def test_edits_that_do_not_fit_the_event_are_refused(store, extractor):
    ingest(store, [doc("a", line("2024-01-09", BASE, 1, "A"))], extractor=extractor)
    [event] = read_events(store)
    with pytest.raises(EditError, match="no field"):
        add_edit(store, event.id, "casualties", 3, "analyst")
    with pytest.raises(EditError, match="does not fit"):
        add_edit(store, event.id, "fatalities", "many", "analyst")
    with pytest.raises(EditError, match="no event"):
        add_edit(store, "ev-missing", "fatalities", 1, "analyst")
    assert next(read_events(store)).fatalities == 1


def test_the_same_content_under_another_key_is_a_duplicate_not_a_new_document(store, extractor):
    ingest(store, [doc("a", line("2024-01-09", BASE, 1, "A"))], extractor=extractor)
    report = ingest(store, [doc("a-moved", line("2024-01-09", BASE, 1, "A"))], extractor=extractor)
    assert (report.duplicates, report.stored) == (1, 0)
    assert count(store, documents) == 1 and count(store, mentions) == 1


def test_migrations_build_exactly_the_tables_the_code_declares(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from rasd.store.schema import metadata

    engine = connect(db_url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


def test_very_long_urls_ids_and_dates_are_stored(store, extractor):
    url = "https://example.invalid/" + "x" * 3000
    item = Document(
        id="i" * 900, text=line("2024-01-09", BASE, 1, "A"), url=url, published="2024-01-10" + "Z" * 100
    )
    assert ingest(store, [item], extractor=extractor).stored == 1
    assert ingest(store, [item], extractor=extractor).unchanged == 1
