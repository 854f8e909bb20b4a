"""Places of a report: toponyms resolved with the whole document as context, each with its role.

The role (target, launch, base, other) comes from the words just before the place phrase
(``knowledge/place_roles.tsv``). The event's location is then the most specific target.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rasd.coding.matcher import PhraseMatcher, lexicon_matcher
from rasd.extraction.sources import reporting_cues, source_names
from rasd.knowledge import Row, read_tsv
from rasd.model import Place, Span
from rasd.text.normalize import NormText, normalize
from rasd.text.tokens import tokenize

if TYPE_CHECKING:
    from rasd.geo.toponyms import ToponymMention

ROLES = ("target", "launch", "base", "cause", "voice")
ROLE_WINDOW = 6  # tokens before a place a role cue reaches (within its clause), unless its row says otherwise
MAX_ROLE_REACH = 8
VOICE_REACH = 1  # a reporting word this many tokens after a place makes the place a speaker
# Between a place and the place that only locates it: "X في ريف Y", "X town in Y countryside", "X, Y",
# "Izra' town in the countryside of Y", "X military camp in Y", "X badia in Y".
_CONTEXT_GAP = re.compile(
    r"['’]?[\s,،()\-]*(?:(?:military\s+)?(?:town|village|city|area|district|sub-?district|axis|"
    r"neighbou?rhood|camp|badia|desert|region|front(?:line)?|road|plains?|valley|farms?|hills?)\s+)?"
    r"(?:في|ب|من|in|of)?[\s,،()\-]*(?:the\s+)?",
    re.IGNORECASE,
)
_AND_GAP = re.compile(r"\s*(?:و|and|&)\s*", re.IGNORECASE)
# After a dateline's place(s): "Beirut London- Warplanes ...", "BEIRUT (AFP) - ...", "دمشق - (سانا):".
_DATELINE_TAIL = re.compile(
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[-–—ـ]+[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?:?[ \t]+\S"
)
_DATELINE_LINK = re.compile(r"[ \t]*(?:[,/،][ \t]*)?")
_INHERITED_ROLES = frozenset({"cause", "launch"})  # a role the next place shares when joined by "and"
_SENTENCE_END = re.compile(r"[.!?؟\n]")  # "... جنوبي إدلب. وأشارت المصادر": the next sentence's speaker
_PUNCT = re.compile(r"[،,.;:؛!?؟\n()\"«»]")
CONTEXT_PENALTY = 1.5  # a place that only says where the one before it is rarely is the event's place
DATELINE_GAP = 6  # characters after an outlet's name within which a place is the reporter's, not the event's
_SPECIFIC = {"country": 0.0, "admin1": 0.5, "admin2": 1.0}
COUNTRY_BONUS = 1.5
# a dateline's place is where the report was filed: the event's place only when the report names no other
_ROLE_SCORE = {
    "target": 3.0,
    "other": 2.0,
    "base": 0.0,
    "launch": 0.0,
    "dateline": -2.5,
    "cause": -5.0,
    "voice": -5.0,
}


@dataclass(slots=True)
class PlaceRef:
    """A resolved toponym of the document (document offsets) and its role in its sentence."""

    start: int
    end: int
    phrase_start: int
    text: str
    lat: float
    lon: float
    name: str
    country_code: str
    country: str
    admin1: str | None
    admin2: str | None
    feature: str
    precision: int
    source: str
    source_id: str
    role: str = "other"
    context: bool = False  # only says where the place before it is ("حقل العمر في ريف دير الزور")

    @property
    def key(self) -> str:
        return f"{self.source}:{self.source_id}"

    def to_place(self, reason: str | None = None) -> Place:
        role = self.role if self.role in {"target", "launch", "base"} else "other"
        return Place(
            name=self.name,
            country=self.country,
            country_code=self.country_code,
            admin1=self.admin1,
            admin2=self.admin2,
            lat=self.lat,
            lon=self.lon,
            geo_precision=self.precision,
            feature=self.feature,
            source=self.source,
            source_id=self.source_id,
            text=self.text,
            span=Span(start=self.start, end=self.end, text=self.text),
            role=role,  # type: ignore[arg-type]
            reason=reason,
        )


@lru_cache(maxsize=4)
def role_matcher(lang: str) -> PhraseMatcher[Row]:
    """Role cues of ``knowledge/place_roles.tsv`` (checked: known roles, a reach from 1 to MAX_ROLE_REACH)."""
    for row in read_tsv("place_roles.tsv"):
        reach = row.get("reach") or str(ROLE_WINDOW)
        if not reach.isdigit() or not 1 <= int(reach) <= MAX_ROLE_REACH:
            raise row.error(f"reach must be a whole number from 1 to {MAX_ROLE_REACH}, not {reach!r}")
    return lexicon_matcher("place_roles.tsv", lang, "role", frozenset(ROLES))


def place_role(doc: NormText, phrase_start: int, end: int, lang: str) -> str:
    """The role the words around a place give it: those just before ``phrase_start`` (target,
    launch, base, cause), or a reporting word right after it ("Moscow said", "واشنطن تتهم"):
    then the place stands for its government, ``voice``, and is not where anything happened.

    ``doc`` is the normalized document; offsets are offsets into the original text."""
    after = tokenize(_SENTENCE_END.split(_normalized_slice(doc, end, end + 40), 1)[0])[:VOICE_REACH]
    if any(m.payload["kind"] == "statement" for m in reporting_cues(lang).find_tokens(after)):
        return "voice"
    before = _PUNCT.split(_normalized_slice(doc, max(0, phrase_start - 60), phrase_start))[-1]
    tokens = tokenize(before)[-MAX_ROLE_REACH:]
    # a cue speaks for the few words after it; one with a longer reach (its `reach` column) for more:
    # "من اتجاه البحر المتوسط غربي اللاذقية"
    hits = [
        h for h in role_matcher(lang).find_tokens(tokens) if h.first_token >= len(tokens) - _reach(h.payload)
    ]
    return hits[-1].payload["role"] if hits else "other"


def _reach(row: Row) -> int:
    return int(row.get("reach") or ROLE_WINDOW)


def _normalized_slice(doc: NormText, start: int, end: int) -> str:
    """``normalize(original[start:end]).text``, read off the normalized document (normalization
    maps each character on its own, so a slice normalizes to the slice of the normalized text)."""
    return doc.text[bisect_left(doc.offsets, start) : bisect_left(doc.offsets, end)]


@dataclass(frozen=True, slots=True)
class UnresolvedPlace:
    """A place the report names (by a qualifier or a kind word) that no gazetteer entry resolves."""

    start: int
    end: int
    text: str
    role: str

    def to_place(self) -> Place:
        return Place(
            name=self.text,
            text=self.text,
            span=Span(start=self.start, end=self.end, text=self.text),
            reason="named in the report, not found in the gazetteer: no coordinates",
        )


def _named_as_place(mention: ToponymMention) -> bool:
    """Is an unresolved name surely a place? A name guessed from the kind word after it ("X village"),
    or an English capitalized name after a preposition or kind word ("protested in X"); not a country
    ("in Syria"). An Arabic word after "في" or a kind word is too often no name ("في مؤشر نادر",
    "قاعدتي التحالف")."""
    if mention.feature_hint == "country":
        return False
    if mention.guessed:
        return True
    return mention.text.isascii() and bool(mention.qualifier or mention.feature_hint)


def _bare_voice(role: str, mention: ToponymMention) -> str:
    """A voice cue right before a place ("بدأت أنقرة") speaks for a bare name, not for one a preposition
    introduces ("نفذت قرب دير الزور": where the strikes were)."""
    return "other" if role == "voice" and mention.qualifier is not None else role


def document_places(
    text: str, langs: Sequence[tuple[int, int, str]], unresolved: list[UnresolvedPlace] | None = None
) -> list[PlaceRef]:
    """Every toponym of the document that resolves, with its role; ``langs`` gives each sentence's language.
    Names introduced as places that do not resolve are added to ``unresolved`` when it is given."""
    from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms

    gazetteer = Gazetteer.default()
    doc = normalize(text)
    outlets = [(m.start, m.end) for m in source_names(text)]
    mentions = [
        m
        for m in find_toponyms(text, gazetteer)
        if not any(s <= m.start < e + DATELINE_GAP for s, e in outlets)
    ]  # "مراسل الميادين" is the outlet's correspondent, not the town; "مراسل الميادين في حلب" is where he is
    refs: list[PlaceRef] = []
    coordinated: set[int] = (
        set()
    )  # "... وقاعدة الشدادي": a second place joined by و, not the first's whereabouts
    for mention, cand, precision in resolve_toponyms(mentions, text, gazetteer):
        phrase_start = mention.qualifier_start if mention.qualifier_start is not None else mention.start
        lang = next((lg for s, e, lg in langs if s <= mention.start < e), "ar")
        if cand is None:
            if unresolved is not None and _named_as_place(mention):
                role = place_role(doc, phrase_start, mention.end, lang)
                unresolved.append(UnresolvedPlace(mention.start, mention.end, mention.text, role))
            continue
        if mention.qualifier and text[phrase_start] == "و" and not mention.qualifier.startswith("و"):
            coordinated.add(mention.start)
        refs.append(
            PlaceRef(
                start=mention.start,
                end=mention.end,
                phrase_start=phrase_start,
                text=mention.text,
                lat=cand.lat,
                lon=cand.lon,
                name=cand.name,
                country_code=cand.country_code,
                country=cand.country,
                admin1=cand.admin1,
                admin2=cand.admin2,
                feature=cand.feature,
                precision=precision or 1,
                source=cand.source,
                source_id=cand.source_id,
                role=_bare_voice(place_role(doc, phrase_start, mention.end, lang), mention),
            )
        )
    refs.sort(key=lambda r: r.start)
    _mark_datelines(text, refs)
    for a, b in zip(refs, refs[1:], strict=False):
        if (
            a.role in _INHERITED_ROLES
            and b.role != a.role
            and _AND_GAP.fullmatch(text[a.end : b.phrase_start])
        ):
            b.role = a.role  # "نصرة لفلسطين وغزة": both are what the protest is for, not where it is
        b.context = b.start not in coordinated and bool(_CONTEXT_GAP.fullmatch(text[a.end : b.phrase_start]))
    return refs


def _mark_datelines(text: str, refs: list[PlaceRef]) -> None:
    """Places of a dateline ("Beirut London- Warplanes struck ...", "بيروت - ...") are where the report
    was filed: they get the ``dateline`` role, the event's place only when no other is named. A dash
    that leads to another place ("the Aleppo - Damascus road") is no dateline."""
    starts = {r.phrase_start for r in refs} | {r.start for r in refs}
    chain: list[PlaceRef] = []
    for k, ref in enumerate(refs):
        chain.append(ref)
        nxt = refs[k + 1] if k + 1 < len(refs) else None
        if nxt is not None and _DATELINE_LINK.fullmatch(text[ref.end : nxt.phrase_start]):
            continue  # "Beirut London-": the chain goes on
        tail = _DATELINE_TAIL.match(text, ref.end)
        if tail is not None and tail.end() - 1 not in starts and _dateline_head(text, chain):
            for r in chain:
                r.role = "dateline"
        chain = []


def _dateline_head(text: str, chain: list[PlaceRef]) -> bool:
    """Does the chain of places stand where a dateline does: first on its line, or (in English text
    run together with its headline) right after a capitalized word? Countries are never datelines
    ("الغارات السورية - الروسية")."""
    if any(r.feature == "country" for r in chain):
        return False
    line = text[text.rfind("\n", 0, chain[0].phrase_start) + 1 : chain[0].phrase_start]
    if not line.strip():
        return True
    words = line.split()
    return chain[0].text.isascii() and words[-1][:1].isupper()


def specificity(ref: PlaceRef) -> float:
    """How precisely a place pins an event: facilities and villages over provinces and countries."""
    return _SPECIFIC.get(ref.feature, 2.0)


def choose_location(
    refs: Sequence[PlaceRef], countries: Mapping[str, int] | None = None
) -> tuple[PlaceRef | None, str]:
    """The event's location among its places, with the reason for the choice.

    Target places beat launch sites and bases, facilities and towns beat provinces, and a place in
    the country the report is mostly about beats one abroad ("Moscow said ..." is rarely where it happened).
    """
    usable = [r for r in refs if r.feature != "country" and r.role not in {"cause", "voice"}]
    if not usable:
        return None, "no place below country level is named as where it happened"
    home = max(countries, key=lambda c: countries[c]) if countries else None

    def score(r: PlaceRef) -> tuple[float, int]:
        bonus = COUNTRY_BONUS if home is not None and r.country_code == home else 0.0
        penalty = CONTEXT_PENALTY if r.context else 0.0
        return _ROLE_SCORE.get(r.role, 2.0) + specificity(r) + bonus - penalty, -r.start

    best = max(usable, key=score)
    why = f"{best.role} place, most specific named ({best.feature})"
    if home is not None and best.country_code == home:
        why += f", in the country the report is about ({home})"
    return best, why


def country_weights(refs: Sequence[PlaceRef]) -> dict[str, int]:
    """How many of a report's places lie in each country (a dateline says where the reporter is, not
    what the report is about)."""
    weights: dict[str, int] = {}
    for r in refs:
        if r.country_code and r.role != "dateline":
            weights[r.country_code] = weights.get(r.country_code, 0) + 1
    return weights
