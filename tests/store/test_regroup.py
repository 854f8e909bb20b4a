"""Analysts' merges and splits survive re-ingesting, new revisions, new related reports and re-merging."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from rasd.ingest import Document
from rasd.merge import cluster, features
from rasd.model import Event
from rasd.store import add_edit, connect, ingest, read_events, remerge
from rasd.store.regroup import RegroupError, UnknownEvent, merge_events, merged_into, split_event
from rasd.store.schema import documents, mentions
from tests.store.conftest import fake_extract

BASE = (33.79, 42.44)
TOWN = (36.34, 43.13)  # ~300 km from BASE: never one incident by itself


def line(date: str, at: tuple[float, float], fatalities: int | None, source: str) -> str:
    fat = "" if fatalities is None else str(fatalities)
    return f"Explosions/Remote violence|Shelling/artillery/missile attack|{date}|{at[0]}|{at[1]}|X|{fat}|{source}"


def doc(doc_id: str, *lines: str) -> Document:
    return Document(id=doc_id, text="\n".join(lines), origin=f"<test {doc_id}>")


def revising_extract(document: Document, published: str | None) -> list[Event]:
    """Like the fake extractor, but ids change with the text (as rasd's own do for a new revision)."""
    salt = hashlib.sha1(document.text.encode()).hexdigest()[:6]
    return [e.model_copy(update={"id": f"{e.id}-{salt}"}) for e in fake_extract(document, published)]


@pytest.fixture
def store(db_url):
    engine = connect(db_url)
    yield engine
    engine.dispose()


def groups(engine) -> dict[str, set[str]]:
    """event id -> the document ids of its reports."""
    query = select(mentions.c.event_id, documents.c.doc_id).join(
        documents, documents.c.id == mentions.c.document_id
    )
    with engine.connect() as conn:
        out: dict[str, set[str]] = {}
        for event_id, doc_id in conn.execute(query):
            out.setdefault(event_id, set()).add(doc_id)
    return out


def event_of(engine, doc_id: str) -> str:
    return next(eid for eid, docs in groups(engine).items() if doc_id in docs)


def mention_ids(engine, doc_id: str) -> list[int]:
    query = (
        select(mentions.c.id)
        .join(documents, documents.c.id == mentions.c.document_id)
        .where(documents.c.doc_id == doc_id)
    )
    with engine.connect() as conn:
        return [m for (m,) in conn.execute(query)]


def test_a_merge_of_two_far_apart_events_is_kept(store):
    docs = [
        doc("base", line("2024-01-09", BASE, 2, "Outlet A")),
        doc("town", line("2024-01-09", TOWN, 5, "B")),
    ]
    ingest(store, docs, extractor=revising_extract)
    base, town = event_of(store, "base"), event_of(store, "town")
    add_edit(store, base, "location.name", "Air base", "ana")
    with store.begin() as conn:
        merge_events(conn, base, town, "ana")
        assert merged_into(conn, base) == town
    assert groups(store) == {town: {"base", "town"}}
    [event] = list(read_events(store))
    assert event.id == town and event.fatalities == 2 and {s.name for s in event.sources} == {"Outlet A", "B"}

    ingest(store, docs, extractor=revising_extract)  # the same documents again: unchanged
    remerge(store)
    assert groups(store) == {town: {"base", "town"}}
    revised = [doc(d.id, d.text, "") for d in docs]  # new text, new local ids
    assert ingest(store, revised, extractor=revising_extract).revised == 2
    assert groups(store) == {town: {"base", "town"}}
    related = doc("more", line("2024-01-09", (33.80, 42.45), 2, "Outlet C"))
    ingest(store, [related], extractor=revising_extract)
    assert groups(store)[town] >= {"base", "town"}
    remerge(store)
    assert groups(store)[town] >= {"base", "town"} and base not in groups(store)


def test_a_split_of_one_incident_is_kept(store):
    docs = [doc(f"r{i}", line("2024-01-09", BASE, 2, f"Outlet {i}")) for i in range(3)]
    ingest(store, docs, extractor=revising_extract)
    [original] = groups(store)
    add_edit(store, original, "fatalities", 9, "ana")
    with store.begin() as conn:
        new = split_event(conn, original, mention_ids(store, "r2"), "ana")
    assert groups(store) == {original: {"r0", "r1"}, new: {"r2"}}
    by_id = {e.id: e for e in read_events(store)}
    assert by_id[original].fatalities == 9 and by_id[new].fatalities == 2  # edits stay with the original id

    ingest(store, docs, extractor=revising_extract)
    remerge(store)  # by itself it would make one event again
    assert groups(store) == {original: {"r0", "r1"}, new: {"r2"}}
    revised = doc("r2", line("2024-01-09", BASE, 2, "Outlet 2"), "")
    ingest(store, [revised], extractor=revising_extract)
    assert groups(store) == {original: {"r0", "r1"}, new: {"r2"}}
    ingest(store, [doc("r3", line("2024-01-09", BASE, 2, "Outlet 3"))], extractor=revising_extract)
    after = groups(store)
    assert after[original] >= {"r0", "r1"} and after[new] >= {"r2"} and len(after) == 2
    remerge(store)
    after = groups(store)
    assert after[original] >= {"r0", "r1"} and after[new] >= {"r2"} and len(after) == 2


def test_refused_merges_and_splits_change_nothing(store):
    docs = [doc("a", line("2024-01-09", BASE, 2, "A")), doc("b", line("2024-01-09", TOWN, 2, "B"))]
    ingest(store, docs, extractor=revising_extract)
    a, b = event_of(store, "a"), event_of(store, "b")
    before = groups(store)
    with store.begin() as conn:
        with pytest.raises(RegroupError, match="itself"):
            merge_events(conn, a, a, "ana")
        with pytest.raises(UnknownEvent, match="ev-nope"):
            merge_events(conn, a, "ev-nope", "ana")
        with pytest.raises(RegroupError, match="name the reports"):
            split_event(conn, a, [], "ana")
        with pytest.raises(RegroupError, match="at least one must stay"):
            split_event(conn, a, mention_ids(store, "a"), "ana")
        with pytest.raises(RegroupError, match="not reports of event"):
            split_event(conn, a, mention_ids(store, "b"), "ana")
        merge_events(conn, a, b, "ana")
        with pytest.raises(UnknownEvent, match="merged into"):
            merge_events(conn, a, b, "ana")
    assert set(groups(store)) == {b} and before != groups(store)


def test_the_clusterer_honours_must_link_and_cannot_link_pins():
    def report(doc_id: str, at: tuple[float, float]) -> Event:
        [event] = fake_extract(doc(doc_id, line("2024-01-09", at, 2, doc_id)), None)
        return event

    items = [report("a", BASE), report("b", BASE), report("c", BASE), report("d", TOWN)]
    feats = [features(e) for e in items]
    assert len(set(cluster(feats))) == 2  # a, b, c together; d alone
    labels = cluster(feats, ["e", "n", None, None])  # a split from b: c joins one of them, never both
    assert labels[0] != labels[1] and labels[2] in (labels[0], labels[1]) and labels[3] not in labels[:3]
    labels = cluster(feats, ["x", "y", None, "x"])  # a with far-away d; b apart from a
    assert labels[0] == labels[3] != labels[1] and labels[2] in (labels[0], labels[1])
    shuffled = [3, 1, 0, 2]
    again = cluster([feats[k] for k in shuffled], [["x", "y", None, "x"][k] for k in shuffled])
    assert {frozenset(shuffled[i] for i in range(4) if again[i] == lab) for lab in again} == {
        frozenset(k for k in range(4) if labels[k] == lab) for lab in labels
    }
