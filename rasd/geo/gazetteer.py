"""The gazetteer: an SQLite index of places, looked up by normalized name with context."""

from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.geo.build import INDEX_VERSION, MIN_SKELETON, BuildReport, build_index
from rasd.geo.keys import name_keys
from rasd.geo.knowledge import canonical_admin1, country_by_code, country_code
from rasd.geo.paths import default_index_path
from rasd.geo.records import POPULATED, GazetteerError
from rasd.geo.spatial import Grid, distance_km

# Features a qualifier's hint accepts, best first.
FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "airbase": ("airbase", "airport", "military_base", "heliport"),
    "airport": ("airport", "airbase", "heliport"),
    "military_base": ("military_base", "airbase", "naval_base", "airport"),
    "naval_base": ("naval_base", "military_base"),
    "oilfield": ("oilfield", "gasfield", "refinery"),
    "gasfield": ("gasfield", "oilfield"),
    "refinery": ("refinery", "oilfield"),
    "crossing": ("crossing",),
    "dam": ("dam",),
    "prison": ("prison",),
    "camp": ("camp",),
    "village": (POPULATED, "neighbourhood"),
    "city": (POPULATED,),
    "neighbourhood": ("neighbourhood", POPULATED),
    "admin1": ("admin1",),
    "admin2": ("admin2", POPULATED),
    "country": ("country",),
}
FACILITY_HINTS = frozenset(
    [
        "airbase",
        "airport",
        "military_base",
        "naval_base",
        "oilfield",
        "gasfield",
        "refinery",
        "crossing",
        "dam",
        "prison",
        "camp",
    ]
)
AREA_FEATURES = frozenset(("admin1", "admin2", "country"))
FUZZY_CUTOFF = 84.0


@dataclass
class GeoCandidate:
    """A place a name may refer to, with a score in [0, 1]."""

    name: str
    lat: float
    lon: float
    country_code: str
    country: str
    admin1: str | None
    admin2: str | None
    feature: str
    population: int | None
    source: str
    source_id: str
    score: float


# Words before a name that ACLED and others add ("Lower Baqras", "Lake Hamrin"); tried without when nothing matches.
_MODIFIERS = frozenset(
    [
        "lower",
        "upper",
        "western",
        "eastern",
        "northern",
        "southern",
        "old",
        "new",
        "lake",
        "greater",
        "little",
    ]
)
_KIND_WORDS = {
    "province": "admin1",
    "governorate": "admin1",
    "district": "admin2",
    "محافظة": "admin1",
    "قضاء": "admin2",
}


def _strip_kind(name: str) -> tuple[str, str | None]:
    """ "Anbar province" -> ("Anbar", "admin1"); names without such a word are returned unchanged."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _KIND_WORDS:
        return " ".join(words[:-1]), _KIND_WORDS[words[-1].lower()]
    if len(words) > 1 and words[0] in _KIND_WORDS:
        return " ".join(words[1:]), _KIND_WORDS[words[0]]
    return name, None


_COLUMNS = (
    "p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.admin2, p.feature, p.population, p.source, p.source_id"
)


class Gazetteer:
    """Read-only access to a built index. ``Gazetteer.default()`` opens (building if needed) the default."""

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerError(f"{self.path}: gazetteer index not found; run `rasd gazetteer build`")
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(self._con.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"{self.path}: not a readable gazetteer index ({exc}); rebuild it with `rasd gazetteer build`"
            ) from exc
        if meta.get("version") != INDEX_VERSION:
            raise GazetteerError(
                f"{self.path}: index version {meta.get('version')!r}, expected {INDEX_VERSION}; "
                "rebuild it with `rasd gazetteer build`"
            )
        self.meta = meta
        self._lock = threading.Lock()
        self._keys: frozenset[str] | None = None
        self._notable: frozenset[str] | None = None
        self._firsts: frozenset[str] = frozenset()
        self._grid: Grid[tuple[str | None, str | None, str]] | None = None
        self._rows = lru_cache(maxsize=65536)(self._rows_uncached)

    # -- opening --------------------------------------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """The index at ``$RASD_GAZETTEER`` or the user data dir, built from the defaults if missing."""
        path = default_index_path()
        with cls._default_lock:
            if cls._default is not None and cls._default.path == path:
                return cls._default
            if not path.exists():
                build_index(path)
            cls._default = cls(path)
            return cls._default

    @classmethod
    def build(cls, path: Path | str, files: list[Path] | None = None, **kwargs: object) -> BuildReport:
        """Build an index (see :func:`rasd.geo.build.build_index`)."""
        return build_index(Path(path), files or [], **kwargs)  # type: ignore[arg-type]

    # -- name keys for detection ----------------------------------------------------------------

    def _load_keys(self) -> None:
        with self._lock:
            if self._keys is not None:
                return
            rows = self._con.execute("SELECT key, max(notable) FROM names WHERE tier = 0 GROUP BY key")
            keys, notable = set(), set()
            for key, n in rows:
                keys.add(key)
                if n:
                    notable.add(key)
            self._notable = frozenset(notable)
            self._firsts = frozenset(f for (f,) in self._con.execute("SELECT frag FROM firsts"))
            self._keys = frozenset(keys)

    @property
    def keys(self) -> frozenset[str]:
        """Every exact-tier name key (for finding place names in text)."""
        if self._keys is None:
            self._load_keys()
        assert self._keys is not None
        return self._keys

    @property
    def first_fragments(self) -> frozenset[str]:
        """Key fragments of the first word of every Arabic name (a quick filter for detection)."""
        if self._keys is None:
            self._load_keys()
        return self._firsts

    @property
    def notable_keys(self) -> frozenset[str]:
        """Keys of places worth finding without a qualifier: facilities, provinces, countries, towns of 20k+."""
        if self._notable is None:
            self._load_keys()
        assert self._notable is not None
        return self._notable

    # -- lookup ---------------------------------------------------------------------------------

    def _rows_uncached(self, key: str, tier: int) -> tuple[tuple[object, ...], ...]:
        with self._lock:
            return tuple(
                self._con.execute(
                    f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.id = n.pid WHERE n.key = ? AND n.tier = ?",
                    (key, tier),
                ).fetchall()
            )

    def lookup(
        self,
        name: str,
        country: str | None = None,
        admin1: str | None = None,
        feature_hint: str | None = None,
        limit: int = 5,
    ) -> list[GeoCandidate]:
        """Places named ``name``, best first; ``country`` filters, ``admin1`` and ``feature_hint`` rank."""
        found = self._lookup(name, country, admin1, feature_hint, limit)
        if not found:
            bare, hint = _strip_kind(name)
            if bare != name:
                found = self._lookup(bare, country, admin1, feature_hint or hint, limit)
        if not found:
            words = name.split()
            if len(words) > 1 and words[0].lower() in _MODIFIERS:
                found = self._lookup(" ".join(words[1:]), country, admin1, feature_hint, limit)
        if not found and " - " in name:
            # ACLED-style "City - Neighbourhood": the neighbourhood, else the city.
            head, _, tail = name.partition(" - ")
            found = self._lookup(tail, country, admin1, feature_hint, limit) or self._lookup(
                head, country, admin1, feature_hint, limit
            )
        return found

    def _lookup(
        self, name: str, country: str | None, admin1: str | None, feature_hint: str | None, limit: int
    ) -> list[GeoCandidate]:
        exact, skeleton = name_keys(name)
        if not exact:
            return []
        cc = country_code(country) if country else None
        rows = self._rows(exact, 0)
        tier = 0
        if cc:
            rows = tuple(r for r in rows if r[4] == cc)
        if not rows and len(skeleton) > MIN_SKELETON:
            rows = self._rows(skeleton, 1)
            tier = 1
            if cc:
                rows = tuple(r for r in rows if r[4] == cc)
        if not rows:
            return []
        a1 = (canonical_admin1(cc, admin1) or admin1) if admin1 else None
        if a1 and cc and canonical_admin1(cc, a1):
            # A known province is a constraint: a namesake elsewhere is more likely wrong than right.
            anywhere = rows
            rows = tuple(r for r in rows if r[5] == a1)
            if not rows and len(skeleton) >= MIN_SKELETON and tier == 0:
                rows = tuple(r for r in self._rows(skeleton, 1) if r[4] == cc and r[5] == a1)
                tier = 1
            if not rows:
                rows = self._fuzzy(exact, 0, cc, a1) or self._fuzzy(skeleton, 1, cc, a1)
                tier = 2
            if not rows:
                # Facilities near a province border are often given to the neighbouring province.
                rows = tuple(r for r in anywhere if r[7] not in (POPULATED, "neighbourhood", *AREA_FEATURES))
        elif a1 and any(r[5] == a1 for r in rows):
            rows = tuple(r for r in rows if r[5] == a1)
        elif a1 and tier == 1:
            return []
        scored = sorted(
            (self._score(r, tier, a1, feature_hint) for r in rows), key=lambda c: c.score, reverse=True
        )
        out: list[GeoCandidate] = []
        for c in scored:
            if any(o.feature == c.feature and distance_km(o.lat, o.lon, c.lat, c.lon) < 3.0 for o in out):
                continue
            out.append(c)
            if len(out) >= limit:
                break
        return out

    def _fuzzy(self, key: str, tier: int, cc: str, admin1: str) -> tuple[tuple[object, ...], ...]:
        """Places of one province whose key is close to ``key`` (rapidfuzz ratio >= FUZZY_CUTOFF)."""
        from rapidfuzz import fuzz, process

        if len(key) < 5 - tier:
            return ()
        names = self._province_keys(cc, admin1, tier)
        hits = process.extract(key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3)
        if not hits:
            return ()
        best = hits[0][1]
        keys = [k for k, score, _ in hits if score >= best - 1]
        return tuple(r for k in keys for r in self._rows(k, tier) if r[4] == cc and r[5] == admin1)

    @lru_cache(maxsize=64)  # noqa: B019 - one cache per open index is intended
    def _province_keys(self, cc: str, admin1: str, tier: int) -> list[str]:
        with self._lock:
            return [
                k
                for (k,) in self._con.execute(
                    "SELECT DISTINCT n.key FROM places p JOIN names n ON n.pid = p.id "
                    "WHERE p.cc = ? AND p.admin1 = ? AND n.tier = ?",
                    (cc, admin1, tier),
                )
            ]

    @staticmethod
    def _score(row: tuple[object, ...], tier: int, admin1: str | None, hint: str | None) -> GeoCandidate:
        _, name, lat, lon, cc, a1, a2, feature, pop, source, source_id = row
        s = (1.0, 0.7, 0.6)[tier]
        if admin1:
            s += 0.35 if a1 == admin1 else -0.35
        group = FEATURE_GROUPS.get(hint or "", ())
        if hint:
            if feature in group:
                s += 0.35 - 0.05 * group.index(str(feature))
            elif hint in FACILITY_HINTS or feature in FACILITY_HINTS or hint in AREA_FEATURES:
                s -= 0.4
        elif feature in AREA_FEATURES:
            s -= 0.3  # a bare name means the town more often than the province or district
        if isinstance(pop, int) and pop > 0:
            s += min(0.2, math.log10(pop) / 35)
        if source == "rasd-sites":
            s += 0.1
        country = country_by_code().get(str(cc))
        return GeoCandidate(
            name=str(name),
            lat=float(lat),  # type: ignore[arg-type]
            lon=float(lon),  # type: ignore[arg-type]
            country_code=str(cc),
            country=country.name if country else str(cc),
            admin1=a1 if a1 is None else str(a1),
            admin2=a2 if a2 is None else str(a2),
            feature=str(feature),
            population=pop if isinstance(pop, int) else None,
            source=str(source),
            source_id=str(source_id),
            score=round(max(0.0, min(1.0, s / 1.7)), 3),
        )

    # -- reverse --------------------------------------------------------------------------------

    def _load_grid(self) -> Grid[tuple[str | None, str | None, str]]:
        with self._lock:
            if self._grid is None:
                grid: Grid[tuple[str | None, str | None, str]] = Grid()
                for lat, lon, a1, a2, cc in self._con.execute(
                    "SELECT lat, lon, admin1, admin2, cc FROM places WHERE feature IN (?, ?) AND admin1 IS NOT NULL",
                    (POPULATED, "neighbourhood"),
                ):
                    grid.add(lat, lon, (a1, a2, cc))
                self._grid = grid
            return self._grid

    def reverse(self, lat: float, lon: float) -> tuple[str | None, str | None]:
        """Province and district at a point, from the nearest populated places (approximate)."""
        grid = self._grid or self._load_grid()
        hit = grid.nearest(lat, lon, 100.0)
        if hit is None:
            return None, None
        (a1, a2, cc), _ = hit
        if a2 is None:
            near2 = grid.nearest(lat, lon, 30.0, lambda item: item[1] is not None and item[0] == a1)
            a2 = near2[0][1] if near2 else None
        return a1, a2

    def close(self) -> None:
        self._con.close()
