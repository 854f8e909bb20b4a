"""Speed of time-expression finding and resolution on real Arabic articles (Al Mayadeen sample).

Prints articles/s for find_time_expressions over every sentence plus resolve_time on every mention.
Usage: python benchmarks/time_find.py [N_ARTICLES]
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from datetime import date
from pathlib import Path

SHARED = Path(os.environ.get("RASD_SHARED", "/work/shared"))
DATA = SHARED / "data/raw/almayadeen_hadialshaer/almayadeen_2023-01_2024-08_syr_irq_violence.jsonl"
_SENT = re.compile(r"(?<=[.!?؟\n])\s+")


def main() -> None:
    if not DATA.exists():
        print(f"data not found: {DATA}")
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")][:n]
    t0 = time.perf_counter()
    from rasd.time import find_time_expressions, resolve_time

    find_time_expressions("اليوم الأربعاء")  # load knowledge
    t_import = time.perf_counter() - t0
    chars = sum(len(r["text"]) for r in rows)
    mentions = resolved = 0
    t0 = time.perf_counter()
    for r in rows:
        base = date.fromisoformat(r["date"][:10])
        for sent in _SENT.split(r["text"]):
            for m in find_time_expressions(sent):
                mentions += 1
                resolved += resolve_time(m.text, base, tz="SY").ok
    dt = time.perf_counter() - t0
    print(f"import+load {t_import * 1000:.0f} ms")
    print(
        f"{len(rows)} articles, {chars / len(rows) / 1024:.1f} KB mean, {mentions} mentions "
        f"({resolved} resolved): {len(rows) / dt:.0f} articles/s, {chars / dt / 1024:.0f} KB/s"
    )


if __name__ == "__main__":
    main()
