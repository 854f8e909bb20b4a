"""The actor and country tables (``actors.tsv``, ``actor_roles/countries.tsv``) and ACLED naming.

ACLED names state forces after the head-of-state period ("Military Forces of Syria (2000-)");
rows hold ``{country}`` / ``{era}`` placeholders that are filled from the country table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.knowledge import KnowledgeError, Row, read_tsv, split_list
from rasd.text.normalize import normalize_key

ACTORS_FILE = "actors.tsv"
COUNTRIES_FILE = "actor_roles/countries.tsv"
INTER_CODES = range(0, 9)
_ERA = re.compile(r"^(\d{4})(?:-(\d{2})-(\d{2}))?$")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Country:
    """A country as ACLED names it, with its head-of-state eras and gentilics."""

    iso2: str
    name: str
    in_actor: str  # form used inside actor names ("the United States")
    eras: tuple[tuple[int, dt.date], ...]  # (label year, start date), oldest first
    ar_adj: tuple[str, ...]
    en_adj: tuple[str, ...]
    names: tuple[str, ...] = ()  # Arabic and English names of the country

    def era(self, date: dt.date | None = None) -> str:
        """The ACLED era label in force at ``date`` (default: the current era), e.g. "2021-"."""
        if not self.eras:
            return ""
        idx = len(self.eras) - 1
        if date is not None:
            idx = 0
            for i, (_, start) in enumerate(self.eras):
                if start <= date:
                    idx = i
        year = self.eras[idx][0]
        if idx + 1 < len(self.eras):
            return f"{year}-{self.eras[idx + 1][0]}"
        return f"{year}-"


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """An actor of the table, resolved to a concrete ACLED name."""

    id: str
    kind: str
    acled_name: str
    short: str | None
    inter: int
    country: str | None  # ACLED country name
    country_code: str | None  # ISO2


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One row of actors.tsv."""

    id: str
    kind: str
    pattern: str  # acled_name, may hold {country} and {era}
    short: str | None
    inter: int
    country: str | None  # ISO2; None on class rows
    where: frozenset[str]
    names: tuple[str, ...]
    generic: tuple[str, ...]
    generic_with_country: tuple[str, ...]

    @property
    def is_class(self) -> bool:
        return "{country}" in self.pattern and self.country is None


def _parse_eras(row: Row) -> tuple[tuple[int, dt.date], ...]:
    out: list[tuple[int, dt.date]] = []
    for item in split_list(row.get("eras")):
        m = _ERA.match(item)
        if not m:
            raise row.error(f"bad era {item!r} (want YYYY or YYYY-MM-DD)")
        year = int(m.group(1))
        start = dt.date(year, int(m.group(2)), int(m.group(3))) if m.group(2) else dt.date(year, 1, 1)
        if out and start <= out[-1][1]:
            raise row.error(f"eras must be in increasing order: {item!r}")
        out.append((year, start))
    return tuple(out)


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Countries keyed by ISO2 code."""
    out: dict[str, Country] = {}
    for row in read_tsv(COUNTRIES_FILE, required=("iso2", "name")):
        iso = row["iso2"].upper()
        if iso in out:
            raise row.error(f"duplicate country {iso}")
        out[iso] = Country(
            iso2=iso,
            name=row["name"],
            in_actor=row.get("in_actor") or row["name"],
            eras=_parse_eras(row),
            ar_adj=tuple(split_list(row.get("ar_adj"))),
            en_adj=tuple(split_list(row.get("en_adj"))),
            names=tuple(split_list(row.get("ar")) + split_list(row.get("en"))),
        )
    return out


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for row in read_tsv(COUNTRIES_FILE, required=("iso2", "name")):
        iso = row["iso2"].upper()
        for name in [
            iso,
            row["name"],
            row.get("in_actor"),
            *split_list(row.get("ar")),
            *split_list(row.get("en")),
        ]:
            if name:
                keys.setdefault(normalize_key(name), iso)
    return keys


def country_code(name_or_code: str | None) -> str | None:
    """ISO2 code of a country given by ISO2 code, ACLED name, or English/Arabic name; None if unknown."""
    if not name_or_code:
        return None
    return _country_keys().get(normalize_key(name_or_code))


@lru_cache(maxsize=1)
def actor_rows() -> tuple[ActorRow, ...]:
    """All rows of actors.tsv, validated."""
    rows: list[ActorRow] = []
    seen: set[str] = set()
    known = countries()
    for row in read_tsv(ACTORS_FILE, required=("id", "kind", "acled_name", "inter")):
        rid = row["id"]
        if rid in seen:
            raise row.error(f"duplicate id {rid!r}")
        seen.add(rid)
        try:
            inter = int(row["inter"])
        except ValueError:
            raise row.error(f"inter must be a number 0-8, got {row['inter']!r}") from None
        if inter not in INTER_CODES:
            raise row.error(f"inter must be 0-8, got {inter}")
        iso = row.get("country").upper() or None
        where = frozenset(split_list(row.get("where").upper()))
        for code in ([iso] if iso else []) + sorted(where):
            if code not in known:
                raise row.error(f"unknown country code {code!r} (add it to {COUNTRIES_FILE})")
        pattern = row["acled_name"]
        for ph in _PLACEHOLDER.findall(pattern):
            if ph not in ("country", "era"):
                raise row.error(f"unknown placeholder {{{ph}}} in acled_name")
        if "{era}" in pattern and iso is None and "{country}" not in pattern:
            raise row.error("{era} needs a country")
        rows.append(
            ActorRow(
                id=rid,
                kind=row["kind"],
                pattern=pattern,
                short=row.get("short") or None,
                inter=inter,
                country=iso,
                where=where,
                names=tuple(split_list(row.get("ar")) + split_list(row.get("en"))),
                generic=tuple(split_list(row.get("generic"))),
                generic_with_country=tuple(split_list(row.get("generic_with_country"))),
            )
        )
    return tuple(rows)


@lru_cache(maxsize=1)
def _rows_by_id() -> dict[str, ActorRow]:
    return {r.id: r for r in actor_rows()}


@lru_cache(maxsize=1)
def _rows_by_kind_country() -> dict[tuple[str, str | None], ActorRow]:
    out: dict[tuple[str, str | None], ActorRow] = {}
    for r in actor_rows():
        out.setdefault((r.kind, r.country), r)
    return out


def _fill(pattern: str, iso: str | None, country_name: str | None, date: dt.date | None) -> str:
    """Fill {country}/{era}; an unknown country or era drops the placeholder cleanly."""
    c = countries().get(iso) if iso else None
    in_actor = c.in_actor if c else (country_name or "")
    era = c.era(date) if c else ""
    plain = c.name if c else (country_name or "")
    # ACLED: "Military Forces of the United States (2021-)" but "Civilians (United States)"
    name = pattern.replace("of {country}", f"of {in_actor}").replace("{country}", plain).replace("{era}", era)
    name = name.replace(" ()", "").replace("()", "").replace("(Pro-)", "").strip()
    name = re.sub(r"\s+of\s*$", "", name)  # "Police Forces of" with no country: "Police Forces"
    return re.sub(r"\s{2,}", " ", name)


def resolve(
    row: ActorRow,
    country: str | None = None,
    date: dt.date | None = None,
    ident: str | None = None,
) -> ActorInfo:
    """An :class:`ActorInfo` for a row; class rows take ``country`` (ISO2 or name)."""
    iso = row.country or country_code(country)
    name_for_unknown = None if iso else country
    c = countries().get(iso) if iso else None
    return ActorInfo(
        id=ident or row.id,
        kind=row.kind,
        acled_name=_fill(row.pattern, iso, name_for_unknown, date),
        short=row.short,
        inter=row.inter,
        country=c.name if c else name_for_unknown,
        country_code=iso,
    )


def class_actor(kind: str, country: str | None, date: dt.date | None = None) -> ActorInfo | None:
    """The actor of class ``kind`` for a country: its own row when the table has one, else the pattern."""
    iso = country_code(country)
    own = _rows_by_kind_country().get((kind, iso)) if iso else None
    if own is not None:
        return resolve(own, date=date)
    cls = _rows_by_kind_country().get((kind, None))
    if cls is None:
        return None
    ident = f"{kind}@{iso or country}" if (iso or country) else kind
    return resolve(cls, country, date, ident=ident)


def acled_actor_for(country_code_or_name: str | None, kind: str, date: dt.date | None = None) -> str | None:
    """ACLED name of a generic actor, e.g. ``("SY", "armed_group")`` -> "Unidentified Armed Group (Syria)".

    Kinds are the class rows of actors.tsv: military, police, government, protesters, rioters,
    civilians, armed_group, militia_pro, tribal_militia, clan_militia, communal_militia, islamic_state ...
    """
    actor = class_actor(kind, country_code_or_name, date)
    return actor.acled_name if actor else None


def actor_by_id(ident: str, date: dt.date | None = None) -> ActorInfo | None:
    """The actor with this id: a row id ("sdf") or a class and country ("military@TR")."""
    row = _rows_by_id().get(ident)
    if row is not None:
        return resolve(row, date=date)
    if "@" in ident:
        kind, _, country = ident.partition("@")
        return class_actor(kind, country, date)
    return None


def check_tables() -> None:
    """Load and validate every actor table (raises :class:`KnowledgeError`).

    Beyond the per-row checks done on loading: every row has a name, and a name shared by two
    rows must be told apart by their ``where`` column.
    """
    seen: dict[str, ActorRow] = {}
    for r in actor_rows():
        if not (r.names or r.generic or r.generic_with_country):
            raise KnowledgeError(ACTORS_FILE, None, f"row {r.id!r} has no names")
        for name in r.names:
            key = normalize_key(name)
            other = seen.setdefault(key, r)
            if other is not r and other.id != r.id and not (other.where or r.where):
                raise KnowledgeError(ACTORS_FILE, None, f"{name!r} names both {other.id!r} and {r.id!r}")
