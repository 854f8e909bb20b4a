"""Pairwise merge precision/recall on real related reports: eval/merge/related.jsonl (see its README).

Usage: python benchmarks/store_merge_related.py
Reads the labelled articles from the shared data ($RASD_SHARED, else ../shared), extracts them as
the store does, finds the labelled events again by their trigger offsets (anchor) or key,
clusters every event with rasd.merge.cluster (the store's path) and scores pairs of events from different documents:
``strict`` over events labelled with an incident, ``lenient`` also counting miscoded events
(wrong date, type or place) under the incident they tell about. Spurious events are never scored.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.extraction.api import extract
from rasd.merge import cluster, features
from rasd.model import Event

SET = Path(__file__).resolve().parents[1] / "eval" / "merge" / "related.jsonl"
FILES = {
    "FA-KES-Dataset.csv": "fakes_syria/FA-KES-Dataset.csv",
    "saudinewsnet_2015-07_08_syr_irq_violence.jsonl": "saudinewsnet/saudinewsnet_2015-07_08_syr_irq_violence.jsonl",
    "almayadeen_2023-01_2024-08_syr_irq_violence.jsonl": (
        "almayadeen_hadialshaer/almayadeen_2023-01_2024-08_syr_irq_violence.jsonl"
    ),
}


@dataclass
class Article:
    text: str
    published: str | None
    outlet: str | None
    title: str | None


@dataclass
class Result:
    labelled: int = 0
    by_anchor: int = 0
    by_key: int = 0
    approx: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    scores: dict[str, tuple[float, float, int, int, int]] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)


def raw_dir() -> Path:
    """The shared raw data: $RASD_SHARED, else the ``shared`` folder beside the repository."""
    shared = os.environ.get("RASD_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared"
    return Path(shared) / "data" / "raw"


def _fakes_date(value: str) -> str | None:
    """FA-KES dates are m/d/yyyy."""
    try:
        month, day, year = value.split("/")
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    except ValueError:
        return None


def load_articles(wanted: set[str], root: Path) -> dict[str, Article]:
    """The articles ``file#id`` of ``wanted`` from the shared raw data."""
    out: dict[str, Article] = {}
    for name in {w.split("#", 1)[0] for w in wanted}:
        path = root / FILES[name]
        if name.endswith(".csv"):
            with path.open(encoding="latin-1", newline="") as fh:
                for row in csv.DictReader(fh):
                    doc = f"{name}#{row['unit_id']}"
                    if doc in wanted:
                        out[doc] = Article(
                            row["article_content"],
                            _fakes_date(row["date"]),
                            row["source"],
                            row["article_title"],
                        )
        else:
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    d = json.loads(line)
                    doc = f"{name}#{d['id']}"
                    if doc in wanted:
                        out[doc] = Article(d["text"], d.get("date"), d.get("outlet"), d.get("title"))
    return out


def event_key(event: Event) -> str:
    """sub_event_type|place name|start date: how a labelled event is found again."""
    place = event.location.name if event.location else ""
    start = event.when.start.isoformat() if event.when else ""
    return f"{event.sub_event_type}|{place}|{start}"


def keyed(events: list[Event]) -> dict[str, int]:
    """Key (with '#n' for the n-th repeat in a document) -> index of the event."""
    out: dict[str, int] = {}
    counts: dict[str, int] = defaultdict(int)
    for k, event in enumerate(events):
        base = event_key(event)
        out[base + (f"#{counts[base]}" if counts[base] else "")] = k
        counts[base] += 1
    return out


def anchor(event: Event) -> list[int]:
    """The sorted start offsets of the event's trigger words (its ``event_type`` evidence)."""
    return sorted(span.start for span in event.evidence.get("event_type", []))


def _near(key: str, event: Event, days: int) -> bool:
    """Same place name and a start date within ``days`` of the key's."""
    sub, place, start = key.split("#")[0].split("|")
    if not event.when or not start or (event.location.name if event.location else "") != place:
        return False
    return abs((event.when.start - dt.date.fromisoformat(start)).days) <= days


def find_all(events: list[Event], rows: list[dict[str, Any]]) -> list[tuple[int | None, str]]:
    """The event each labelled row tells about (None when gone) and how it was found.

    By anchor first: the event sharing the most trigger start offsets with the row's ``anchor``
    (most shared offsets first, each event used once); then by the exact key; then by the same
    sub-event type and place on another date; then by the same place within a week (extraction may
    have refined the type or the date since the set was labelled). ``how`` is ``anchor``, ``key``
    or ``approx``.
    """
    out: list[tuple[int | None, str]] = [(None, "")] * len(rows)
    taken: set[int] = set()
    anchors = [set(anchor(e)) for e in events]
    keys = [event_key(e) for e in events]
    candidates = []  # (row, event) pairs sharing a trigger, best first once sorted
    for n, row in enumerate(rows):
        mark = {int(x) for x in row.get("anchor") or []}
        for k, offsets in enumerate(anchors):
            if common := len(mark & offsets):
                same_key = keys[k] == row["event_key"].split("#")[0]
                candidates.append(((-common, not same_key, abs(len(mark) - len(offsets)), n, k), n, k))
    for _, n, k in sorted(candidates):
        if out[n][0] is None and k not in taken:
            out[n] = (k, "anchor")
            taken.add(k)
    exact = keyed(events)
    for n, row in enumerate(rows):
        hit = exact.get(row["event_key"])
        if out[n][0] is None and hit is not None and hit not in taken:
            out[n] = (hit, "key")
            taken.add(hit)
    tests = (
        lambda key, e: event_key(e).split("|")[:2] == key.split("|")[:2],
        lambda key, e: _near(key, e, 7),
    )
    for test in tests:
        for n, row in enumerate(rows):
            if out[n][0] is not None:
                continue
            key = row["event_key"]
            hit = next((k for k, e in enumerate(events) if k not in taken and test(key, e)), None)
            if hit is not None:
                out[n] = (hit, "approx")
                taken.add(hit)
    return out


def pairwise(
    labels: dict[int, str], docs: dict[int, str], found: list[int]
) -> tuple[float, float, int, int, int]:
    """(precision, recall, merged pairs, true pairs, correct pairs) over cross-document pairs."""
    merged = true = both = 0
    for a, b in itertools.combinations(sorted(labels), 2):
        if docs[a] == docs[b]:
            continue
        same_found = found[a] == found[b]
        same_true = labels[a] == labels[b]
        merged += same_found
        true += same_true
        both += same_found and same_true
    return both / max(merged, 1), both / max(true, 1), merged, true, both


def evaluate(root: Path | None = None) -> Result:
    """Extract, re-find, cluster and score the labelled set."""
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = load_articles({r["doc"] for r in rows}, root or raw_dir())
    events: list[Event] = []
    docs: list[str] = []
    index: dict[str, list[int]] = {}
    for doc in sorted(articles):
        art = articles[doc]
        extracted = extract(art.text, published=art.published, doc_id=doc, outlet=art.outlet, title=art.title)
        index[doc] = list(range(len(events), len(events) + len(extracted)))
        events.extend(extracted)
        docs.extend([doc] * len(extracted))
    found = cluster([features(e, doc=d) for e, d in zip(events, docs, strict=True)])
    result = Result(labelled=len(rows))
    strict: dict[int, str] = {}
    lenient: dict[int, str] = {}
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    for doc, labelled in by_doc.items():
        mine = index.get(doc, [])
        hits = find_all([events[i] for i in mine], labelled)
        for row, (hit, how) in zip(labelled, hits, strict=True):
            label = row["incident"]
            if hit is None:
                result.not_found.append(f"{doc} {row['event_key']} ({label})")
                continue
            result.by_anchor += how == "anchor"
            result.by_key += how == "key"
            if how == "approx":
                result.approx.append(f"{doc} {row['event_key']} as {event_key(events[mine[hit]])} ({label})")
            if label == "spurious":
                continue
            lenient[mine[hit]] = label.removeprefix("miscoded:")
            if not label.startswith("miscoded:"):
                strict[mine[hit]] = label
    pos = {i: d for i, d in enumerate(docs)}
    result.scores["strict"] = pairwise(strict, pos, found)
    result.scores["lenient"] = pairwise(lenient, pos, found)
    for a, b in itertools.combinations(sorted(strict), 2):
        if docs[a] != docs[b] and (found[a] == found[b]) != (strict[a] == strict[b]):
            what = "merged" if found[a] == found[b] else "missed"
            result.wrong.append(f"{what}: {strict[a]} [{docs[a]}] ~ {strict[b]} [{docs[b]}]")
    return result


def main() -> int:
    root = raw_dir()
    if not (root / FILES["FA-KES-Dataset.csv"]).exists():
        print(f"shared data not found under {root} (set RASD_SHARED): skipped")
        return 0
    result = evaluate(root)
    print(
        f"labelled events: {result.labelled}, found again by anchor: {result.by_anchor}, by key: {result.by_key}, "
        f"only approximately: {len(result.approx)}, not found: {len(result.not_found)}"
    )
    for line in result.approx:
        print(f"  found approximately: {line}")
    for line in result.not_found:
        print(f"  not found: {line}")
    for name, (precision, recall, merged, true, both) in result.scores.items():
        print(
            f"{name}: pairwise precision {precision:.3f}, recall {recall:.3f} "
            f"({both} correct of {merged} merged pairs, {true} true pairs)"
        )
    for line in result.wrong:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
