"""Extraction speed: articles/s per core (steady state, 2-4 KB news articles), start-up, peak memory.

    python benchmarks/extract_speed.py [--limit 300]

Reads Arabic articles from ../shared/data/raw (Al Mayadeen, SaudiNewsNet) and English ones (FA-KES).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("RASD_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "data" / "raw"


def articles(limit: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name in (
        "almayadeen_hadialshaer/almayadeen_2023-01_2024-08_syr_irq_violence.jsonl",
        "saudinewsnet/saudinewsnet_2015-07_08_syr_irq_violence.jsonl",
    ):
        with (SHARED / name).open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                size = len(doc["text"].encode("utf-8"))
                if 2000 <= size <= 4096:
                    out.append((doc["text"], doc["date"]))
    with (SHARED / "fakes_syria/FA-KES-Dataset.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            size = len(row["article_content"].encode("utf-8"))
            if 2000 <= size <= 4096:
                out.append((row["article_content"], ""))
    out = out[:: max(1, len(out) // limit)][:limit]
    return out


def startup() -> float:
    code = "import time;t=time.time();import rasd;rasd.extract('A car bomb exploded in Azaz, killing 3.', published='2024-01-02');print(time.time()-t)"
    best = min(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    )
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"shared data not found at {SHARED}")
    import rasd

    docs = articles(args.limit)
    rasd.extract(docs[0][0], published=docs[0][1] or None)  # warm: lexicons and gazetteer loaded
    t0 = time.process_time()
    events = 0
    for text, date in docs:
        events += len(rasd.extract(text, published=date or None))
    cpu = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(docs)} (2-4 KB, Arabic and English), events: {events}")
    print(f"throughput: {len(docs) / cpu:.1f} articles/s per core (CPU time)")
    print(f"start-up (import + first extraction, index already built): {startup():.2f} s")
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
