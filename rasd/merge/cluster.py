"""Cluster many events into incidents: block, compare candidate pairs, join best pairs first.

Items are first put in a canonical order (by document, date, type, place, counts), pairs are
joined in order of decreasing score (ties by canonical position), each end of a pair must also
match the other group's seed (against chaining), and two groups are never joined when they share
a document, so a report's separate incidents stay separate. The grouping therefore
does not depend on the input order.

Analysts' decisions come as ``pins``: items with the same pin are one incident whatever they say
(must-link), and two groups pinned differently are never joined (cannot-link).
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.merge.blocking import Key, file_keys, mergeable, probe_keys
from rasd.merge.features import Features
from rasd.merge.similar import compare, dates_agree


def candidate_pairs(items: Sequence[Features]) -> list[tuple[float, int, int]]:
    """(score, i, j) for every pair i < j that :func:`compare` calls the same incident."""
    blocks: dict[Key, list[int]] = {}
    pairs: list[tuple[float, int, int]] = []
    for j, f in enumerate(items):
        if not mergeable(f):
            continue
        seen: set[int] = set()
        for key in probe_keys(f):
            for i in blocks.get(key, ()):
                if i in seen:
                    continue
                seen.add(i)
                decision = compare(items[i], f)
                if decision.same:
                    pairs.append((decision.score, i, j))
        for key in file_keys(f):
            blocks.setdefault(key, []).append(j)
    return pairs


def _canonical(f: Features) -> tuple[object, ...]:
    return (
        f.doc or "",
        f.start or 0,
        f.end or 0,
        f.event_type,
        f.sub_event_type,
        f.lat or 0.0,
        f.lon or 0.0,
        -1 if f.fatalities is None else f.fatalities,
        -1 if f.injuries is None else f.injuries,
        sorted(f.actors),
        f.country or "",
        f.admin1 or "",
        f.geo_precision,
        f.precision,
    )


def cluster(items: Sequence[Features], pins: Sequence[str | None] | None = None) -> list[int]:
    """A cluster label per item: the smallest index (in ``items``) of its cluster.

    ``pins`` (one per item, None for most) are analysts' decisions: see the module docstring.
    """
    order = sorted(range(len(items)), key=lambda k: _canonical(items[k]))
    roots = _cluster([items[k] for k in order], [pins[k] for k in order] if pins else None)
    label: dict[int, int] = {}
    for pos, root in enumerate(roots):
        label[root] = min(label.get(root, order[pos]), order[pos])
    out = [0] * len(items)
    for pos, root in enumerate(roots):
        out[order[pos]] = label[root]
    return out


def _cluster(items: Sequence[Features], pins: Sequence[str | None] | None = None) -> list[int]:
    parent = list(range(len(items)))
    docs: dict[int, set[str]] = {}
    pin_of: dict[int, str] = {}  # root -> the pin of its group
    members: dict[int, list[int]] = {}  # root -> items of its group (groups of one are not stored)

    def group_of(r: int) -> list[int]:
        return members.get(r) or [r]

    first: dict[str, int] = {}
    for x, pin in enumerate(pins or ()):  # must-link: one group per pin, rooted at its first item
        if pin is None:
            continue
        doc = items[x].doc
        if pin in first:
            parent[x] = first[pin]
            members[first[pin]] = [*group_of(first[pin]), x]
        else:
            first[pin] = x
            pin_of[x] = pin
            docs[x] = set()
        if doc is not None:
            docs[first[pin]].add(doc)

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def docs_of(r: int) -> set[str]:
        found = docs.get(r)
        if found is None:
            doc = items[r].doc
            found = docs[r] = {doc} if doc is not None else set()
        return found

    pairs = candidate_pairs(items)
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, i, j in pairs:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        di, dj = docs_of(ri), docs_of(rj)
        if di & dj:
            continue
        pi, pj = pin_of.get(ri), pin_of.get(rj)
        if pi is not None and pj is not None and pi != pj:  # cannot-link
            continue
        # Against chaining: each end must also match the other group's seed (its root item), and
        # no two members may tell different days.
        if (rj != j and not compare(items[i], items[rj]).same) or (
            ri != i and not compare(items[j], items[ri]).same
        ):
            continue
        if not all(dates_agree(items[x], items[y]) for x in group_of(ri) for y in group_of(rj)):
            continue
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        parent[gone] = keep
        members[keep] = group_of(keep) + members.pop(gone, [gone])
        merged = di | dj if len(di) >= len(dj) else dj | di
        docs[keep] = merged
        docs.pop(gone, None)
        pin = pin_of.pop(gone, None) or pin_of.get(keep)
        if pin is not None:
            pin_of[keep] = pin
    return [root(x) for x in range(len(items))]
