"""Cluster many events into incidents: block, compare candidate pairs, join best pairs first.

Pairs are joined in order of decreasing score (ties by index), and two groups are never joined
when they share a document, so a report's separate incidents stay separate. The result does not
depend on input order except between equal scores.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.merge.blocking import Key, file_keys, mergeable, probe_keys
from rasd.merge.features import Features
from rasd.merge.similar import compare


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


def cluster(items: Sequence[Features]) -> list[int]:
    """A cluster label per item (the smallest index in its cluster)."""
    parent = list(range(len(items)))
    docs: dict[int, set[str]] = {}

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
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        parent[gone] = keep
        merged = di | dj if len(di) >= len(dj) else dj | di
        docs[keep] = merged
        docs.pop(gone, None)
    return [root(x) for x in range(len(items))]
