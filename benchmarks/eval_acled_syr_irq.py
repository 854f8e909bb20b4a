"""rasd.extract on ACLED notes of Syria and Iraq (2022 H1 sample): field accuracy and speed.

Usage: python benchmarks/eval_acled_syr_irq.py [--country Syria,Iraq] [--sample N] [--limit N]
Prints each field's accuracy over every row (a row with no event counts as wrong), rows per second,
and how many rows the extractor failed on. Same figures as `rasd eval --acled FILE --country ...`.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from rasd.eval import evaluate_acled

DATA = (
    Path(os.environ.get("RASD_SHARED", "/work/shared"))
    / "data/raw/acled_acledR/acled_sample_2022H1_global.csv"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--country", default="Syria,Iraq")
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not DATA.is_file():
        raise SystemExit(f"{DATA}: not found (set RASD_SHARED)")
    start = time.perf_counter()
    report = evaluate_acled(DATA, country=args.country, sample=args.sample, limit=args.limit)
    seconds = time.perf_counter() - start
    print(f"rows {report.rows}  ({args.country})  {seconds:.1f} s  {report.rows / seconds:.1f} rows/s")
    for name, score in report.fields.items():
        accuracy = "-" if score.accuracy is None else f"{100 * score.accuracy:5.1f}%"
        print(f"{name:16} {accuracy:>7}  {score.correct}/{score.total}")
    if report.failures:
        first = next(iter(report.failures.items()))
        print(f"extraction failed on {len(report.failures)} row(s), e.g. {first[0]}: {first[1]}")


if __name__ == "__main__":
    main()
