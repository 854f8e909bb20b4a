"""Time words, zone phrases and calendar conventions loaded from ``rasd/knowledge/time/``."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rasd.knowledge import KnowledgeError, read_tsv, split_list
from rasd.text.normalize import normalize_key

CATEGORIES = {
    "month", "month_weak", "hmonth", "hmonth_weak", "weekday", "relday", "overnight", "dir", "part",
    "unit", "ago", "window", "daypart", "ampm", "clock", "hourmark", "approx", "fraction", "minus",
    "range", "conn", "yearmark", "at", "zone", "minute", "since",
}  # fmt: skip

Phrases = dict[tuple[str, ...], dict[str, str]]


@lru_cache(maxsize=1)
def phrases() -> tuple[Phrases, int]:
    """Every time word or phrase (normalized words) with its categories, and the longest length."""
    table: Phrases = {}
    for row in read_tsv("time/lexicon.tsv", required=("category", "value", "forms")):
        cat = row["category"]
        if cat not in CATEGORIES:
            raise row.error(f"unknown category {cat!r}")
        for form in split_list(row["forms"]):
            key = tuple(normalize_key(form).split())
            if not key:
                raise row.error(f"form {form!r} is empty after normalization")
            table.setdefault(key, {})[cat] = row["value"]
    for row in read_tsv("time/zones.tsv", required=("phrase", "zone")):
        zone = row["zone"]
        if zone != "local":
            _check_zone(zone, row.path, row.line)
        table.setdefault(tuple(normalize_key(row["phrase"]).split()), {})["zone"] = zone
    return table, max(len(k) for k in table)


def _check_zone(zone: str, path: str, line: int) -> None:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise KnowledgeError(path, line, f"unknown time zone {zone!r}") from None


@lru_cache(maxsize=1)
def country_zones() -> dict[str, str]:
    """Default IANA zone per ISO country code."""
    out = {}
    for row in read_tsv("time/countries.tsv", required=("country", "zone")):
        _check_zone(row["zone"], row.path, row.line)
        out[row["country"].upper()] = row["zone"]
    return out


@lru_cache(maxsize=1)
def week_starts() -> dict[str, int]:
    """First weekday (0=Monday) of the calendar week per language."""
    out = {}
    for row in read_tsv("time/week_start.tsv", required=("lang", "first_weekday")):
        value = row["first_weekday"]
        if not value.isdigit() or int(value) > 6:
            raise row.error(f"first_weekday must be 0-6, not {value!r}")
        out[row["lang"]] = int(value)
    return out


def zone_for(tz: str | None) -> str | None:
    """An IANA zone name from a zone name or a country code (None when unknown)."""
    if not tz:
        return None
    if len(tz) == 2 and tz.upper() in country_zones():
        return country_zones()[tz.upper()]
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return tz
