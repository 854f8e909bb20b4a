"""Where rasd places ACLED notes of Syria and Iraq: the place it would choose, and any place it finds, within
10 km of ACLED's coordinates, for the development rows and the held-out rows (every 5th row, which rule
changes must not be tuned on: --verbose lists failures of development rows only).

Only the geographic part of extraction runs (toponyms found and resolved with the note as context, the
event's location chosen among them), so it is fast. Uses $RASD_GAZETTEER (or --gazetteer PATH).
Usage: python benchmarks/geo_acled_notes.py [--verbose] [--gazetteer PATH]
Needs shared data (RASD_SHARED, default /work/shared).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rasd.eval.acled import read_acled
from rasd.extraction.places import choose_location, country_weights, document_places
from rasd.geo.spatial import distance_km

DATA = (
    Path(os.environ.get("RASD_SHARED", "/work/shared"))
    / "data/raw/acled_acledR/acled_sample_2022H1_global.csv"
)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gazetteer", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--km", type=float, default=10.0)
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"missing {DATA}", file=sys.stderr)
        return 2
    if args.gazetteer:
        os.environ["RASD_GAZETTEER"] = str(args.gazetteer)
    rows = read_acled(DATA, country="Syria,Iraq")
    stats = {"dev": [0, 0, 0], "held-out": [0, 0, 0]}  # rows, chosen within, any within
    for i, row in enumerate(rows):
        held_out = i % 5 == 4
        refs = document_places(row.notes, [(0, len(row.notes), "en")])
        best, _ = choose_location(refs, country_weights(refs))
        near = [r for r in refs if row.lat is not None and row.lon is not None]
        dist = [distance_km(r.lat, r.lon, row.lat, row.lon) for r in near]  # type: ignore[arg-type]
        ok = best is not None and any(r is best and d <= args.km for r, d in zip(near, dist, strict=True))
        anywhere = any(d <= args.km for d in dist)
        part = stats["held-out" if held_out else "dev"]
        part[0] += 1
        part[1] += ok
        part[2] += anywhere
        if args.verbose and not held_out and not ok:
            found = "; ".join(
                f"{r.text}->{r.name}({r.admin1},{d:.0f}km,{r.role})" for r, d in zip(near, dist, strict=True)
            )
            print(f"{'NEAR' if anywhere else 'MISS'} [{row.id}] {row.notes[:160]!r}\n      {found}")
    for part, (n, ok, anywhere) in stats.items():
        print(
            f"ACLED Syria+Iraq notes ({part}): {n}; chosen place within {args.km:g} km: {ok} ({ok / n:.1%}); "
            f"some place within: {anywhere} ({anywhere / n:.1%})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
