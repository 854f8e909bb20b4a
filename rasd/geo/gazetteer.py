"""The gazetteer: an SQLite index of places, looked up by normalized name with context."""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasd.geo.build import INDEX_VERSION, MIN_SKELETON, BuildReport, build_index
from rasd.geo.keys import keys_fingerprint, name_keys
from rasd.geo.knowledge import canonical_admin1, country_by_code, country_code, knowledge_fingerprint
from rasd.geo.paths import default_index_path
from rasd.geo.records import POPULATED, GazetteerError
from rasd.geo.spatial import Grid, distance_km
from rasd.geo.upgrade import OutdatedIndexError, rebuild_outdated

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
FUZZY_DISTRICT_CUTOFF = 75.0
SKELETON_MIN_RATIO = 65.0  # Latin spellings matched by skeleton must still be this alike
SKELETON_DISTRICT_RATIO = 50.0  # ... or this alike in the district the caller names
# A name found nowhere is matched to the one place of the named district spelt most alike (see _district_match):
# key ratio, plus a bonus when the consonants agree exactly or up to letters often swapped in romanization.
DISTRICT_LOOSE_CUTOFF = 78.0
DISTRICT_SKELETON_BONUS = 28.0
DISTRICT_LOOSE_BONUS = 24.0
DISTRICT_MARGIN = (
    5.0  # the best place must be this much closer in spelling than any other place of the district
)
# غ/ق/ك written g, gh, q, k or c ("Menagh" / "Minaq"); ث/ذ/ت/د written th, dh, t or d ("Thiban" / "Dhiban").
_LOOSE_LETTERS = str.maketrans("gcqd", "kkkt")
NEIGHBOURHOOD_KM = 15.0  # how far from its city a neighbourhood named "City - X" may be
_REPEAT = re.compile(r"(.)\1+")


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
    # The score before it is capped at 1: namesakes that both score 1 are still told apart by it.
    rank: float = field(default=0.0, repr=False, compare=False)


# Words before a name that ACLED and others add ("Lower Baqras", "Lake Hamrin"); tried without when nothing matches.
# Words before a name that ACLED and others add ("Lower Baqras", "Lake Hamrin"), with the Arabic adjective
# gazetteers write after the name instead ("Shuyukh Fawqani" for "Upper Shyookh"); else tried without.
_MODIFIERS: dict[str, tuple[str, ...]] = {
    "lower": ("tahtani", "tahta"),
    "upper": ("fawqani", "fawqa", "foqani"),
    "western": ("gharbi", "gharbiyah"),
    "eastern": ("sharqi", "sharqiyah"),
    "northern": ("shamali", "shamaliyah"),
    "southern": ("janubi", "janubiyah"),
    "old": ("qadim", "qadimah"),
    "new": ("jadid", "jadidah"),
    "greater": ("kabir", "kabirah"),
    "big": ("kabir", "kabirah"),
    "little": ("saghir", "saghirah"),
    "small": ("saghir", "saghirah"),
    "lake": (),
}
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


# Extra words after a name in ACLED locations ("Al Ghab Plain", "Makhmur Camp", "Adhab Oilfield").
_TRAILING_WORDS = {
    "plain": "",
    "valley": "",
    "mountain": "",
    "mountains": "",
    "farm": "",
    "farms": "",
    "camp": "camp",
    "oilfield": "oilfield",
    "area": "",
    "city": "city",
    "town": "city",
    "village": "village",
}
_SOURCE_RANK = {"rasd-sites": 0, "rasd-admin1": 1, "whosonfirst": 2, "geonames": 3, "ourairports": 4}


def same_admin2(wanted: tuple[str, str], name: str) -> bool:
    """Whether a district name matches the wanted one given as its (exact, skeleton) keys, any spelling."""
    exact, skel = name_keys(name)
    if not exact:
        return False
    if exact == wanted[0] or (len(skel) >= 3 and skel == wanted[1]):
        return True
    short, long = sorted((exact, wanted[0]), key=len)
    return len(short) >= 3 and long.startswith(short)


def _plausible_skeleton_match(exact: str, row: tuple[object, ...], admin2: tuple[str, str] | None) -> bool:
    """A loose (skeleton) match is kept only in the wanted district and, for Latin names, when the
    spellings are still alike ("Rmelan" / "Rumaylan", not "Ithariyah" / "Waytira")."""
    if admin2 and row[6] and not same_admin2(admin2, str(row[6])):
        return False
    other = name_keys(str(row[1]))[0]
    if exact.isascii() and other.isascii():
        from rapidfuzz import fuzz

        # In the wanted district few places share a skeleton: vowels may differ more ("Oqayba" / "`Aqibah").
        cutoff = SKELETON_DISTRICT_RATIO if admin2 and row[6] else SKELETON_MIN_RATIO
        return fuzz.ratio(exact, other) >= cutoff
    return True


def _loose_skeleton(skeleton: str) -> str:
    return _REPEAT.sub(r"\1", skeleton.translate(_LOOSE_LETTERS))


def consonants_agree(skeleton: str, other: str) -> float:
    """The bonus two spellings get when their consonant skeletons agree, exactly or up to letters often
    swapped in romanization (0 when they do not, or when one consonant is all there is)."""
    if len(skeleton) < 2:
        return 0.0
    other_skeleton = name_keys(other)[1]
    if other_skeleton == skeleton:
        return DISTRICT_SKELETON_BONUS
    if _loose_skeleton(other_skeleton) == _loose_skeleton(skeleton):
        return DISTRICT_LOOSE_BONUS
    return 0.0


def spelling_likeness(exact: str, skeleton: str, other: str) -> float:
    """How alike two romanized spellings of a name are (rapidfuzz ratio of their keys, plus a bonus when
    their consonant skeletons agree): "Kelly" / "Killi" 78, "Tweis" / "Tuways" 83, "Menagh" / "Minaq" 79."""
    from rapidfuzz import fuzz

    return fuzz.ratio(exact, other) + consonants_agree(skeleton, other)


@dataclass(frozen=True, slots=True)
class _Query:
    cc: str | None
    admin1: str | None
    admin2: str | None
    feature_hint: str | None
    limit: int
    fuzzy: bool = False

    @property
    def admin2_keys(self) -> tuple[str, str] | None:
        if not self.admin2:
            return None
        keys = name_keys(_strip_kind(self.admin2)[0])
        return keys if keys[0] else None

    def with_hint(self, hint: str | None) -> _Query:
        return _Query(self.cc, self.admin1, self.admin2, hint or None, self.limit, self.fuzzy)


_COLUMNS = (
    "p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.admin2, p.feature, p.population, p.source, p.source_id"
)


class Gazetteer:
    """Read-only access to a built index. ``Gazetteer.default()`` opens (building if needed) the default."""

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(self, path: Path | str, upgrade: bool = True) -> None:
        """Open the index at ``path``; one built by an older rasd is rebuilt from its recorded sources
        first (``upgrade=False`` raises :class:`OutdatedIndexError` instead)."""
        self.path = Path(path)
        meta = self._open()
        if (
            meta.get("version") != INDEX_VERSION
            or meta.get("keys") != keys_fingerprint()
            or meta.get("knowledge") != knowledge_fingerprint()
        ):
            # Built by another rasd, with other transliteration rules (keys would not match), or from
            # other versions of the knowledge files (sites, provinces, countries, exonyms).
            self._con.close()
            if not upgrade:
                found = meta.get("version")
                if found == INDEX_VERSION:
                    found = f"{found} with other transliteration rules or knowledge files"
                raise OutdatedIndexError(self.path, found, INDEX_VERSION)
            rebuild_outdated(self.path)
            meta = self._open()
        self.meta = meta
        self._lock = threading.Lock()
        self._keys: frozenset[str] | None = None
        self._notable: frozenset[str] | None = None
        self._firsts: frozenset[str] = frozenset()
        self._starts: frozenset[str] = frozenset()
        self._grid: Grid[tuple[str | None, str | None, str]] | None = None
        self._rows = lru_cache(maxsize=65536)(self._rows_uncached)
        # Arabic token -> what it is to detection (filled by rasd.geo.toponyms, tied to this index's keys).
        self.detection_cache: dict[str, Any] = {}

    # -- opening --------------------------------------------------------------------------------

    def _open(self) -> dict[str, str]:
        if not self.path.exists():
            raise GazetteerError(f"{self.path}: gazetteer index not found; run `rasd gazetteer build`")
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            return dict(self._con.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"{self.path}: not a readable gazetteer index ({exc}); rebuild it with `rasd gazetteer build`"
            ) from exc

    @classmethod
    def default(cls) -> Gazetteer:
        """The index at ``$RASD_GAZETTEER`` or the user data dir, built from the defaults if missing and
        rebuilt (from its recorded sources) if an older rasd built it."""
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
            self._starts = frozenset(f for (f,) in self._con.execute("SELECT frag FROM starts"))
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
    def multiword_starts(self) -> frozenset[str]:
        """Key fragments of the first token of every name of two or more tokens (longer matches start there)."""
        if self._keys is None:
            self._load_keys()
        return self._starts

    @property
    def notable_keys(self) -> frozenset[str]:
        """Keys of places worth finding without a qualifier: facilities, provinces, countries, towns of 20k+."""
        if self._notable is None:
            self._load_keys()
        assert self._notable is not None
        return self._notable

    # -- lookup ---------------------------------------------------------------------------------

    def spelt_so(self, name: str) -> set[tuple[float, float]]:
        """Points of the places whose own lookup key is this name's (an exact spelling, not one alike)."""
        return {(float(r[2]), float(r[3])) for r in self._rows(name_keys(name)[0], 0)}  # type: ignore[arg-type]

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
        admin2: str | None = None,
        fuzzy: bool = False,
    ) -> list[GeoCandidate]:
        """Places named ``name``, best first; ``country`` filters, ``admin1``, ``admin2`` (district, any
        spelling) and ``feature_hint`` rank. A name found nowhere is matched loosely (other spellings) within
        a known province when the district is given too, or with ``fuzzy`` (the text names the province)."""
        q = _Query(country_code(country) if country else None, admin1, admin2, feature_hint, limit, fuzzy)
        found = self._lookup(name, q)
        if not found:
            bare, hint = _strip_kind(name)
            if bare != name:
                found = self._lookup(bare, q.with_hint(feature_hint or hint))
        if not found:
            words = name.split()
            if len(words) > 1 and words[0].lower() in _MODIFIERS:
                rest = " ".join(words[1:])
                for adjective in _MODIFIERS[words[0].lower()]:
                    found = (
                        found
                        or self._lookup(f"{rest} {adjective}", q)
                        or self._lookup(f"{rest} al {adjective}", q)
                    )
                found = found or self._lookup(rest, q)
            elif len(words) > 1 and words[-1].lower() in _TRAILING_WORDS:
                found = self._lookup(
                    " ".join(words[:-1]), q.with_hint(feature_hint or _TRAILING_WORDS[words[-1].lower()])
                )
        if not found and " - " in name:
            found = self._city_part(name, q)
        return found

    def _city_part(self, name: str, q: _Query) -> list[GeoCandidate]:
        """ACLED-style "City - Neighbourhood": the neighbourhood near the city, else the city.

        "Menagh - Military Airbase" (a kind after the dash) is looked up as one name.
        """
        head, _, tail = name.partition(" - ")
        joined = self._lookup(f"{head} {tail}", q)
        if joined:
            return joined
        cities = self._lookup(head, q)
        parts = [
            c
            for c in self._lookup(tail, q.with_hint(q.feature_hint or "neighbourhood"))
            if c.feature not in AREA_FEATURES
        ]
        if not cities:
            return parts
        city = cities[0]
        near = [c for c in parts if distance_km(c.lat, c.lon, city.lat, city.lon) <= NEIGHBOURHOOD_KM]
        return near or cities

    def _lookup(self, name: str, q: _Query) -> list[GeoCandidate]:
        exact, skeleton = name_keys(name)
        if not exact:
            return []
        cc = q.cc
        rows = self._rows(exact, 0)
        tier = 0
        if cc:
            rows = tuple(r for r in rows if r[4] == cc)
        if not rows and len(skeleton) > MIN_SKELETON:
            rows = self._rows(skeleton, 1)
            tier = 1
            if cc:
                rows = tuple(r for r in rows if r[4] == cc)
        elif (
            rows
            and not q.feature_hint
            and all(r[7] in AREA_FEATURES for r in rows)
            and len(skeleton) > MIN_SKELETON
        ):
            # Only a district or province of that spelling: the town it is named after may be spelt apart.
            towns = tuple(r for r in self._rows(skeleton, 1) if r[7] == POPULATED and (not cc or r[4] == cc))
            rows = rows + towns
        a1 = (canonical_admin1(cc, q.admin1) or q.admin1) if q.admin1 else None
        known_a1 = bool(a1 and cc and canonical_admin1(cc, a1))
        if not rows and not (known_a1 and (q.admin2 or q.fuzzy)):
            return []  # names found nowhere are only guessed at (fuzzily) in a known province and district
        if known_a1:
            assert a1 is not None and cc is not None
            # A known province is a constraint: a namesake elsewhere is more likely wrong than right.
            anywhere = rows
            rows = tuple(r for r in rows if r[5] == a1)
            a2k = q.admin2_keys
            # Not spelt so in the province: the place of the named district spelt most alike, if one stands out.
            loose = (
                self._district_match(exact, skeleton, cc, a1, a2k)
                if (tier or not rows) and (a2k or q.fuzzy)
                else None
            )
            if loose is not None:
                rows, tier = loose, 1
            else:
                if not rows and len(skeleton) >= MIN_SKELETON and tier == 0:
                    rows = tuple(r for r in self._rows(skeleton, 1) if r[4] == cc and r[5] == a1)
                    tier = 1
                if tier == 1:
                    rows = tuple(r for r in rows if _plausible_skeleton_match(exact, r, a2k))
                if not rows:
                    rows = self._fuzzy(exact, 0, cc, a1, a2k)
                    if not rows:
                        rows = self._fuzzy(skeleton, 1, cc, a1, a2k)
                        if not a2k:
                            # In a whole province, skeletons are alike by chance ("Gire Hakkari" / "Kirikur"):
                            # the spellings must be alike too.
                            rows = tuple(r for r in rows if _plausible_skeleton_match(exact, r, None))
                    tier = 2
            if not rows:
                # Facilities near a province border are often given to the neighbouring province.
                rows = tuple(r for r in anywhere if r[7] not in (POPULATED, "neighbourhood", *AREA_FEATURES))
        elif a1 and any(r[5] == a1 for r in rows):
            rows = tuple(r for r in rows if r[5] == a1)
        elif a1 and tier == 1:
            return []
        a2 = q.admin2_keys
        scored = sorted(
            (self._score(r, tier, a1, a2, q.feature_hint) for r in rows),
            # Ties between namesakes: the matching district, the larger place, then the better source.
            key=lambda sc: (-sc[1], -sc[2], -(sc[0].population or 0), _SOURCE_RANK.get(sc[0].source, 9)),
        )
        out: list[GeoCandidate] = []
        for c, _, _ in scored:
            if any(o.feature == c.feature and distance_km(o.lat, o.lon, c.lat, c.lon) < 3.0 for o in out):
                continue
            out.append(c)
            if len(out) >= q.limit:
                break
        return out

    def _district_match(
        self, exact: str, skeleton: str, cc: str, admin1: str, admin2: tuple[str, str] | None
    ) -> tuple[tuple[object, ...], ...] | None:
        """The place of one district (or, without ``admin2``, of the province) whose romanized name is spelt
        most like ``exact`` (see :func:`spelling_likeness`): its rows when it is alike enough and no other
        place there comes close, () when two places are as alike (no guess), None when none is alike (other
        matching is tried). In a whole province, many more names are alike by chance: the consonants must
        agree, or the spellings be as alike as FUZZY_CUTOFF asks."""
        from rapidfuzz import fuzz

        if not exact.isascii() or len(exact) < 4:
            return None
        keys = {
            k
            for k, a2 in self._province_keys(cc, admin1, 0)
            if k.isascii() and (admin2 is None or (a2 and same_admin2(admin2, a2)))
        }
        near: dict[object, tuple[float, str, tuple[object, ...]]] = {}
        for k in keys:
            ratio = fuzz.ratio(exact, k)
            bonus = (
                consonants_agree(skeleton, k)
                if ratio >= DISTRICT_LOOSE_CUTOFF - DISTRICT_SKELETON_BONUS - DISTRICT_MARGIN
                else 0.0
            )
            like = ratio + bonus
            if like < DISTRICT_LOOSE_CUTOFF - DISTRICT_MARGIN:
                continue
            if admin2 is None and not bonus and ratio < FUZZY_CUTOFF - DISTRICT_MARGIN:
                continue
            for r in self._rows(k, 0):
                if r[4] != cc or r[5] != admin1:
                    continue
                if admin2 is not None and not (r[6] and same_admin2(admin2, str(r[6]))):
                    continue
                if like > near.get(r[0], (0.0, k, r))[0]:
                    near[r[0]] = (like, k, r)
        if not near:
            return None
        ranked = sorted(near.values(), key=lambda lr: -lr[0])
        best, key, top = ranked[0]
        if best < DISTRICT_LOOSE_CUTOFF or (
            admin2 is None and not consonants_agree(skeleton, key) and fuzz.ratio(exact, key) < FUZZY_CUTOFF
        ):
            return None
        close = [(k, r) for like, k, r in ranked if like > best - DISTRICT_MARGIN]
        lat, lon = float(top[2]), float(top[3])  # type: ignore[arg-type]
        # Namesakes (one spelling) are ranked as exact ones are; two spellings as alike leave no guess.
        if any(k != key and distance_km(float(r[2]), float(r[3]), lat, lon) > 3.0 for k, r in close):  # type: ignore[arg-type]
            return ()
        return tuple(r for _, r in close)

    def _fuzzy(
        self, key: str, tier: int, cc: str, admin1: str, admin2: tuple[str, str] | None
    ) -> tuple[tuple[object, ...], ...]:
        """Places of one province whose key is close to ``key`` (rapidfuzz ratio >= FUZZY_CUTOFF), or,
        when the district is known, of that district (a smaller set, so a looser FUZZY_DISTRICT_CUTOFF)."""

        if len(key) < 5 - tier:
            return ()
        keyed = self._province_keys(cc, admin1, tier)
        if admin2:
            district = [k for k, a2 in keyed if a2 and same_admin2(admin2, a2)]
            cutoff = FUZZY_DISTRICT_CUTOFF if tier == 0 else FUZZY_CUTOFF
            found = self._best_rows(key, district, tier, cc, admin1, admin2, cutoff)
            if found:
                return found
        names = list(dict.fromkeys(k for k, _ in keyed))
        return self._best_rows(key, names, tier, cc, admin1, admin2, FUZZY_CUTOFF)

    def _best_rows(
        self,
        key: str,
        names: list[str],
        tier: int,
        cc: str,
        admin1: str,
        admin2: tuple[str, str] | None,
        cutoff: float,
    ) -> tuple[tuple[object, ...], ...]:
        from rapidfuzz import fuzz, process

        hits = process.extract(key, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=10)
        best: float | None = None
        out: list[tuple[object, ...]] = []
        for k, score, _ in hits:
            if best is not None and score < best - 1:
                break
            rows = [r for r in self._rows(k, tier) if r[4] == cc and r[5] == admin1]
            if admin2:
                # A near spelling in another district is another place.
                rows = [r for r in rows if not r[6] or same_admin2(admin2, str(r[6]))]
            if rows:
                best = score if best is None else best
                out += rows
        return tuple(out)

    @lru_cache(maxsize=64)  # noqa: B019 - one cache per open index is intended
    def _province_keys(self, cc: str, admin1: str, tier: int) -> list[tuple[str, str | None]]:
        with self._lock:
            return list(
                self._con.execute(
                    "SELECT DISTINCT n.key, p.admin2 FROM places p JOIN names n ON n.pid = p.id "
                    "WHERE p.cc = ? AND p.admin1 = ? AND n.tier = ?",
                    (cc, admin1, tier),
                )
            )

    @staticmethod
    def _score(
        row: tuple[object, ...],
        tier: int,
        admin1: str | None,
        admin2: tuple[str, str] | None,
        hint: str | None,
    ) -> tuple[GeoCandidate, float, int]:
        """A candidate with its displayed score, its raw score (for ranking) and whether its district
        matches (1), differs (-1) or is unknown (0)."""
        _, name, lat, lon, cc, a1, a2, feature, pop, source, source_id = row
        s = (1.0, 0.7, 0.6)[tier]
        if admin1 and a1 is not None:
            s += 0.35 if a1 == admin1 else -0.35
        same_district = 0
        if admin2 and a2:
            same_district = 1 if same_admin2(admin2, str(a2)) else -1
            s += 0.25 if same_district > 0 else -0.1
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
        return (
            GeoCandidate(
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
                rank=round(max(0.0, s / 1.7), 3),
            ),
            s,
            same_district,
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
