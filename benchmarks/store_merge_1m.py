"""Merge 1M synthetic event reports into incidents with blocking: time, peak memory, pairwise P/R.

Usage: python benchmarks/store_merge_1m.py [N]   (default 1,000,000 reports)
Synthetic truth: incidents over Iraq/Syria and three years, each told by 1-5 reports from different
documents with jittered places (<= 3 km), shifted tolls and some week-long date intervals. Prints the
time to cluster, peak RSS, and pairwise precision/recall of "same incident" against the truth.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import sys
import time
from collections import Counter

from rasd.merge import Features, cluster

TYPES = (
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
)
ACTORS = ("Islamic State (Iraq)", "Military Forces of Iraq", "QSD: Syrian Democratic Forces", "Hamas", "")


def synthetic(n: int, seed: int = 1) -> tuple[list[Features], list[int]]:
    rng = random.Random(seed)
    items: list[Features] = []
    truth: list[int] = []
    day0 = dt.date(2021, 1, 1).toordinal()
    incident = 0
    doc = 0
    while len(items) < n:
        etype, sub = rng.choice(TYPES)
        lat, lon = rng.uniform(29.5, 37.0), rng.uniform(36.0, 48.0)
        day = day0 + rng.randrange(3 * 365)
        killed = rng.choice((None, 0, 1, 2, 3, 5, 8, 12))
        actor = rng.choice(ACTORS)
        for _ in range(min(rng.choice((1, 1, 2, 2, 3, 4, 5)), n - len(items))):
            week = rng.random() < 0.1
            jitter_lat, jitter_lon = rng.uniform(-0.02, 0.02), rng.uniform(-0.02, 0.02)
            told = killed if killed is None or rng.random() < 0.6 else killed + rng.randint(0, 2)
            items.append(
                Features(
                    event_type=etype,
                    sub_event_type=sub,
                    start=day - 3 if week else day,
                    end=day + 3 if week else day,
                    precision=2 if week else 1,
                    lat=lat + jitter_lat,
                    lon=lon + jitter_lon,
                    geo_precision=1,
                    country="IQ" if lon > 41 else "SY",
                    admin1=f"A{int(lat)}{int(lon)}",
                    actors=frozenset({actor} if actor and rng.random() < 0.7 else ()),
                    fatalities=told,
                    injuries=None,
                    doc=f"d{doc}",
                )
            )
            truth.append(incident)
            doc += 1
        incident += 1
    return items, truth


def pairs(labels: list[int]) -> int:
    return sum(c * (c - 1) // 2 for c in Counter(labels).values())


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    t0 = time.perf_counter()
    items, truth = synthetic(n)
    print(f"generated {len(items)} reports of {truth[-1] + 1} incidents in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    labels = cluster(items)
    elapsed = time.perf_counter() - t0
    joint = pairs([hash((a, b)) for a, b in zip(labels, truth, strict=True)])
    found, true = pairs(labels), pairs(truth)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"merged {n} reports into {len(set(labels))} events in {elapsed:.1f} s ({n / elapsed:.0f} reports/s)"
    )
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    print(f"pairwise precision {joint / max(found, 1):.4f}, recall {joint / max(true, 1):.4f}")


if __name__ == "__main__":
    main()
