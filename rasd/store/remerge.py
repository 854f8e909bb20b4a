"""Re-merge every stored report from scratch (order-independent clustering, see :mod:`rasd.merge.cluster`).

Each new incident keeps the id that most of its reports had (ties: the smallest), so analysts'
edits stay attached; incidents that lose all their reports are deleted, their edits kept. Analysts'
merges and splits (pins, see :mod:`rasd.store.pins`) bind the clustering, and a pinned group keeps
the id it is pinned to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update

from rasd.merge import cluster, combine, features
from rasd.model import Event
from rasd.store.pins import all_pins
from rasd.store.placing import new_event_id, refresh
from rasd.store.rows import event_columns
from rasd.store.schema import documents, events, mentions


@dataclass(frozen=True)
class RemergeReport:
    events_before: int
    events_after: int
    reports_moved: int


def remerge(engine: Engine) -> RemergeReport:
    """Recluster all mentions in one transaction; returns counts before and after."""
    with engine.begin() as conn:
        rows = conn.execute(
            select(
                mentions.c.id,
                mentions.c.event_id,
                mentions.c.document_id,
                mentions.c.revision,
                mentions.c.local_id,
                documents.c.key,
                mentions.c.data,
            )
            .join(documents, documents.c.id == mentions.c.document_id)
            .order_by(mentions.c.id)
        ).all()
        before = len({r.event_id for r in rows})
        reports = [Event.model_validate_json(r.data) for r in rows]
        pinned = all_pins(conn)
        pin_list = [pinned.get((r.key, r.local_id)) for r in rows]
        items = [features(e, doc=str(r.document_id)) for e, r in zip(reports, rows, strict=True)]
        labels = cluster(items, pin_list)
        groups: dict[int, list[int]] = {}
        for k, label in enumerate(labels):
            groups.setdefault(label, []).append(k)
        pin_of = {labels[k]: p for k, p in enumerate(pin_list) if p is not None}
        taken: set[str] = set(pin_of.values())
        target: dict[int, str] = {}  # mention index -> event id
        existing = {e for (e,) in conn.execute(select(events.c.id))}
        for label in sorted(
            groups,
            key=lambda g: (g not in pin_of, -len(groups[g]), min(rows[k].id for k in groups[g])),
        ):
            members = groups[label]
            votes = Counter(rows[k].event_id for k in members)
            free = sorted((-n, event_id) for event_id, n in votes.items() if event_id not in taken)
            if label in pin_of:
                event_id = pin_of[label]
            elif free:
                event_id = free[0][1]
            else:
                first = min(members, key=lambda k: rows[k].id)
                event_id = new_event_id(rows[first].key, rows[first].revision, f"remerge:{reports[first].id}")
            taken.add(event_id)
            if event_id not in existing:
                merged = combine([reports[k] for k in members], event_id)
                conn.execute(insert(events).values(**event_columns(merged, len(members))))
                existing.add(event_id)
            for k in members:
                target[k] = event_id
        moved = 0
        touched: set[str] = set()
        for k, event_id in target.items():
            if rows[k].event_id != event_id:
                conn.execute(update(mentions).where(mentions.c.id == rows[k].id).values(event_id=event_id))
                touched.update((rows[k].event_id, event_id))
                moved += 1
        refresh(conn, touched)
        return RemergeReport(before, len(taken), moved)
