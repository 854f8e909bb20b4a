"""Place names in text: find them (after qualifiers and prepositions) and resolve them with context.

Detection works on normalized text with an in-memory set of gazetteer keys (no query per token); a
candidate is kept when a place qualifier or preposition introduces it (في، بـ، قرب، ريف، قاعدة ...; in,
near, outskirts of ...), when a following word names its kind (X province, X air base), or when it is a
well-known place (a facility, province, country or town of 20,000+). Resolution uses the document:
countries and provinces named in it (and right after the name: "البغدادي بمحافظة الأنبار"), the kind
of place the qualifier names, population and nearness to the other places named, and brackets right
after a name (ACLED's "Town (District, Province)", "(Country)"). Two equally likely namesakes far apart give
no answer, unless the text gives no country at all, the name follows a place preposition and one namesake is
DOMINANT_POPULATION times larger than any other ("protested in Cordoba"): that one, with a lowered score.

A capitalised English name no gazetteer spells that way is still a place when a kind word follows or precedes
it ("Tawileh town", "the town of X"; knowledge/geo/name_words.tsv); it is then looked for, loosely, only in the
province the next places name ("... in Al Hasakeh countryside", "X village, Atareb district, Aleppo"). A name
after a place preposition is a place too ("demonstrated in Carhaix-Plouger";
name_words.tsv), unless one of its words is no place name ("in January", "in Israeli strikes";
not_places_en.tsv) or a noun right after it makes it a modifier ("in Houthi positions"); so is a name
before ACLED-style brackets naming its units ("Greiz (Greiz, Thuringen)"). Such a name takes the one place
spelt nearly so (LOOSE_RATIO), if any, with a lowered score. A name
before an armed-group word ("Al Sham Corps") is no place; a name said again is where it was the first time;
an Arabic name found only behind a proclitic ("فورين") must lie in a country the rest of the text speaks of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rasd.geo.gazetteer import AREA_FEATURES, FEATURE_GROUPS, Gazetteer, GeoCandidate, _strip_kind
from rasd.geo.keys import join_fragments, name_key, token_fragment
from rasd.geo.knowledge import Qualifier, admin1_table, canonical_admin1, countries, qualifiers
from rasd.geo.spatial import distance_km, within_km
from rasd.knowledge import KnowledgeError, knowledge_path, read_tsv
from rasd.text.normalize import NormText, normalize, normalize_key
from rasd.text.tokens import Token, clitic_forms, tokenize

MAX_WORDS = 6
DETECTION_CACHE_SIZE = 300_000  # tokens whose possible name starts are remembered per index
AMBIGUOUS_FILE = "geo/ambiguous.tsv"
COMMON_WORDS_FILE = "geo/common_words_ar.tsv"
NAME_WORDS_FILE = "geo/name_words.tsv"
NOT_PLACES_FILE = "geo/not_places_en.tsv"
MAX_GUESSED_WORDS = 4  # a name no gazetteer spells that way is at most this long ("Maaret Al Naasan")
MIN_SCORE = 0.3
MIN_BARE_KEY = 3  # shorter names are taken only after a qualifier that names a kind of place
_GLUED_MIN = 9  # a token this long may hide a facility word glued to the word before it
LOCAL_POPULATION = 100_000  # smaller places outside the document's countries need a qualifier
_JOIN_GAP = re.compile(r"^[\s\-'’]*$")
_WORD_GAP = re.compile(r"^(?:\s+|[-'’])$")  # within a guessed name: "Jabal al-Zawiya", not "Baghdad - Sadr"
_QUALIFIER_GAP = re.compile(r"^[\s\-'’\"«»“”()]*$")  # قاعدة "الإمام علي"
_DISTRICT_GAP = re.compile(r"^(?:\s*district)?\s*(?:,|of|in)?\s*$", re.IGNORECASE)
_PART_OF_GAP = re.compile(r"^\s*(?:\w+\s*)?(?:,|\bof)\s*$")
_CONSTRAINT_GAP = re.compile(r"^[^.!?؟\n]{0,40}$")
_COORDINATION = re.compile(r"\b(?:and|or)\b|(?:^|\s)[وأ]\s*$|(?:^|\s)(?:او|أو)\s")
# Brackets right after a name (or after one or two words: "Hyderabad city (Hyderabad district, Telangana)").
_BRACKETS = re.compile(r"(?:[ \t]+[^\W\d_][\w-]*){0,2}[ \t]*\(([^()\n]{2,80})\)")
DOMINANT_POPULATION = 5.0  # without context, a namesake this many times larger than the others is taken
DOMINANT_FACTOR = 0.75  # ... with its score lowered by this factor
_ARTICLES = frozenset(["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "er"])


@dataclass
class ToponymMention:
    """A place name in text: its span (original offsets, without the qualifier) and how it was introduced."""

    start: int
    end: int
    text: str
    qualifier: str | None = None
    qualifier_start: int | None = None
    feature_hint: str | None = None
    near: bool = False
    lookup_text: str | None = None  # the name to look up when the qualifier is part of it ("حقل العمر")
    country_hint: str | None = None  # from an adjective next to the name ("البوكمال السورية")
    guessed: bool = False  # not a gazetteer spelling; a place by the kind word around it ("Tawileh town")
    stripped: bool = False  # found only behind a proclitic the name does not start with ("فورين" -> ورين)
    region: bool = False  # introduced as the region around it ("ريف حلب", "Hasakah countryside")
    loose: bool = False  # guessed from a preposition or brackets alone: may be a known place spelt otherwise


@lru_cache(maxsize=1)
def _qualifier_maps() -> tuple[
    dict[str, Qualifier], dict[tuple[str, ...], Qualifier], dict[tuple[str, ...], Qualifier]
]:
    ar: dict[str, Qualifier] = {}
    en_before: dict[tuple[str, ...], Qualifier] = {}
    en_after: dict[tuple[str, ...], Qualifier] = {}
    for q in qualifiers():
        if q.lang == "ar":
            ar[normalize_key(q.word)] = q
            if q.feature_hint and " " not in q.word:
                ar.setdefault(normalize_key(_dual(q.word)), q)  # "بلدتي كفرنبل وحاس": two towns
        elif q.after:
            en_after[tuple(q.word.lower().split())] = q
        else:
            en_before[tuple(q.word.lower().split())] = q
    return ar, en_before, en_after


def _dual(word: str) -> str:
    """The construct dual of an Arabic kind word: بلدة -> بلدتي, حقل -> حقلي ("the two towns of")."""
    return word[:-1] + "تي" if word.endswith("ة") else word + "ي"


@lru_cache(maxsize=4096)
def _is_dual(token: str) -> bool:
    """Is the token a kind word in the dual ("بلدتي", "وقاعدتي"), which names two places joined by و?"""
    q = _arabic_qualifier(token)
    if q is None or not q.feature_hint:
        return False
    return any(f == normalize_key(_dual(q.word)) for f in clitic_forms(token))


@lru_cache(maxsize=65536)
def _arabic_qualifier(token: str) -> Qualifier | None:
    """The qualifier an Arabic token is, behind any proclitics (بريف -> ريف), or None."""
    ar_qual = _qualifier_maps()[0]
    forms = clitic_forms(token)
    if token[0] in "وف" and len(token) == 3:
        forms = (*forms, token[1:])  # وفي، فمن: short prepositions behind a conjunction
    found = next((ar_qual[f] for f in forms if f in ar_qual), None)
    if found is None and len(token) >= _GLUED_MIN:
        # "استهدفتقاعدة": text scraped without the space before a link; a facility word at a long word's end
        found = next(
            (q for word, q in _glued_words() if token.endswith(word) and len(token) - len(word) >= 4), None
        )
    return found


@lru_cache(maxsize=1)
def _glued_words() -> tuple[tuple[str, Qualifier], ...]:
    """The Arabic facility words a long token may end with when the space before them was lost."""
    return tuple((word, q) for word, q in _qualifier_maps()[0].items() if q.feature_hint and len(word) >= 4)


@lru_cache(maxsize=1)
def _ambiguous() -> frozenset[str]:
    """Keys taken as places only after a qualifier naming a kind of place (common words, adjectives)."""
    words = [r["word"] for r in read_tsv(AMBIGUOUS_FILE, required=("word",))]
    common = [r["word"] for r in read_tsv(COMMON_WORDS_FILE, required=("word",))]
    names = {name_key(n) for c in countries() for n in c.names}
    # The dual of a common noun is as common ("جسرين": two bridges, also a village); never a country's or
    # a province's name (البحرين).
    provinces = {name_key(n) for a in admin1_table() for n in (a.name, *a.names_en, *a.names_ar)}
    duals = {name_key(w + suffix) for w in common if len(w) >= 3 for suffix in ("ين", "ان")}
    keys = {name_key(w) for w in [*words, *common]} | (duals - names - provinces)
    # Adjectives (السورية) lose their article like names do; keep the country names themselves (سورية).
    keys |= {name_key(a) for c in countries() for a in c.adjectives} - names
    return frozenset(keys)


@lru_cache(maxsize=65536)
def _ambiguous_word(token: str) -> bool:
    """Is the token, or a form of it without proclitics, a key taken as a place only after a qualifier?"""
    ambiguous = _ambiguous()
    return any(name_key(f) in ambiguous for f in clitic_forms(token))


@lru_cache(maxsize=1)
def _name_words() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """English words after a name: kinds of place that make it a place (town, area ...), and words that
    make it an armed group (Corps, Division ...)."""
    by_use = _name_words_by_use()
    return frozenset(by_use["guess"]), frozenset(by_use["organisation"])


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    """English words that start place names ("Tel", "Kafr", "Ras"), lower case."""
    return frozenset(" ".join(w) for w in _name_words_by_use()["prefix"])


@lru_cache(maxsize=1)
def _name_words_by_use() -> dict[str, set[tuple[str, ...]]]:
    rows = read_tsv(NAME_WORDS_FILE, required=("word", "use"))
    by_use: dict[str, set[tuple[str, ...]]] = {
        "guess": set(),
        "organisation": set(),
        "prefix": set(),
        "locative": set(),
        "joiner": set(),
        "follower": set(),
        "adjective": set(),
    }
    for r in rows:
        if r["use"] not in by_use:
            raise KnowledgeError(knowledge_path(NAME_WORDS_FILE), r.line, f"unknown use {r['use']!r}")
        by_use[r["use"]].add(tuple(r["word"].lower().split()))
    return by_use


@lru_cache(maxsize=1)
def _locatives() -> frozenset[str]:
    """English prepositions that put an event at a place ("in", "near", "north of"), lower case."""
    return frozenset(" ".join(w) for w in _name_words_by_use()["locative"])


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    """Lower-case words inside place names between capitalised words ("del" in "Mineral del Chico")."""
    return frozenset(" ".join(w) for w in _name_words_by_use()["joiner"])


@lru_cache(maxsize=1)
def _place_adjectives() -> frozenset[str]:
    """Lower-case words between a preposition and a place name ("in central X", "near occupied X")."""
    return frozenset(w[0] for w in _name_words_by_use()["adjective"] if len(w) == 1)


@lru_cache(maxsize=1)
def _followers() -> frozenset[str]:
    """Lower-case words that may follow a place name (prepositions, units, facilities: "X township")."""
    by_use = _name_words_by_use()
    return frozenset(w[0] for w in by_use["follower"] | by_use["guess"] if len(w) == 1)


def _modifier(nt: NormText, toks: tuple[Token, ...], j: int) -> bool:
    """Is token j, right after a capitalised name, a lower-case word that makes the name a modifier
    ("Houthi positions", "Houthi-controlled", "Ankara's offensive") rather than a place?"""
    if j >= len(toks) or not _WORD_GAP.match(nt.text[toks[j - 1].end : toks[j].start]):
        return False
    tok = toks[j]
    if not tok.text.isascii() or not tok.text.isalpha() or _is_capitalized(nt, tok):
        return False
    if nt.text[toks[j - 1].end : tok.start] in ("-", "'", "’"):
        return True  # "Zarvani-controlled", "Ankara's"
    return tok.text not in _followers() and not tok.text.endswith(("ing", "ed"))


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    """Capitalised English words that are no place names (months, titles, nationalities ...), lower case."""
    words = {r["word"].lower() for r in read_tsv(NOT_PLACES_FILE, required=("word",))}
    adjectives = {a.lower() for c in countries() for a in c.adjectives if a.isascii()}
    return frozenset(words | adjectives)


def _words_at(nt: NormText, toks: tuple[Token, ...], j: int, words: frozenset[tuple[str, ...]]) -> int:
    """How many tokens from j on (1 or 2) form one of ``words``, joined to the token before; 0 if none."""
    if j >= len(toks) or j == 0 or not _JOIN_GAP.match(nt.text[toks[j - 1].end : toks[j].start]):
        return 0
    for width in (2, 1):
        ws = tuple(t.text for t in toks[j : j + width])
        if j + width <= len(toks) and ws in words and _joined(nt, toks, j, width):
            return width
    return 0


def _latin_run(nt: NormText, toks: tuple[Token, ...], i: int, stop: frozenset[tuple[str, ...]]) -> int:
    """How many capitalised tokens (or articles: "Maaret al Naasan") from token i on are joined."""
    n = 0
    while n < MAX_GUESSED_WORDS and i + n < len(toks):
        t = toks[i + n]
        if not t.text.isascii() or (n and not _WORD_GAP.match(nt.text[toks[i + n - 1].end : t.start])):
            break
        joiner = n > 0 and t.text in _joiners()
        if (
            (t.text,) in stop
            or not (_is_capitalized(nt, t) or t.text in _ARTICLES or joiner)
            or t.text.isdigit()
        ):
            break
        n += 1
    while n and (toks[i + n - 1].text in _ARTICLES or toks[i + n - 1].text in _joiners()):
        n -= 1
    return n


def _loose_run(toks: tuple[Token, ...], i: int, run: int, notable: frozenset[str]) -> int:
    """How many of the ``run`` capitalised tokens from token i on may form a name no gazetteer knows: none
    when one of them is no place name ("in Israeli strikes", "in Euphrates Shield") or when a name worth
    finding on its own starts inside them ("in Northern Aleppo" is Aleppo)."""
    stop = _not_places()
    if any(t.text in stop for t in toks[i : i + run]):
        return 0
    if any(join_fragments([token_fragment(t.text)]) in notable for t in toks[i + 1 : i + run]):
        return 0
    n = run
    while n and (toks[i + n - 1].text in _ARTICLES or toks[i + n - 1].text in _joiners()):
        n -= 1
    return n


# ACLED's "Town (District, Province)": a capitalised name, then brackets of two or three capitalised units.
_UNIT_BRACKETS = re.compile(r"[ \t]*\(\s*[A-Z][^(),\n]{1,40}(?:,\s*[A-Z][^(),\n]{1,40}){1,3}\)")


def _unit_brackets_after(text: str, nt: NormText, tok: Token) -> bool:
    """Do ACLED-style brackets naming the units a place lies in follow the token ("Greiz (Greiz, Thuringen)")?"""
    return _UNIT_BRACKETS.match(text, nt.to_original(tok.start, tok.end)[1]) is not None


@lru_cache(maxsize=1)
def _region() -> frozenset[str]:
    """The countries rasd covers in depth (their provinces are in admin1.tsv): its region."""
    return frozenset(a.country for a in admin1_table())


@lru_cache(maxsize=1)
def _country_keys() -> tuple[dict[str, str], dict[str, str]]:
    """Name keys -> country code, and adjective (normalized word) -> country code."""
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for c in countries():
        for n in c.names:
            names.setdefault(name_key(n), c.cc)
        for a in c.adjectives:
            adjectives[normalize_key(a)] = c.cc
    return names, adjectives


def _is_capitalized(nt: NormText, tok: Token) -> bool:
    s, _ = nt.to_original(tok.start, tok.end)
    return nt.original[s].isupper() or nt.original[s].isdigit()


def _is_acronym(nt: NormText, tok: Token) -> bool:
    s, e = nt.to_original(tok.start, tok.end)
    word = nt.original[s:e]
    return 2 <= len(word) <= 5 and word.isupper() and word.isalpha()


def _joined(nt: NormText, toks: tuple[Token, ...], i: int, n: int) -> bool:
    return all(_JOIN_GAP.match(nt.text[toks[k - 1].end : toks[k].start]) for k in range(i + 1, i + n))


@lru_cache(maxsize=8)
def _analyse(text: str) -> tuple[NormText, tuple[Token, ...]]:
    """Normalized text and its tokens."""
    nt = normalize(text)
    return nt, tokenize(nt.text)


def _run(norm: str, toks: tuple[Token, ...], i: int) -> int:
    """How many tokens from token i on are joined without punctuation (at most MAX_WORDS)."""
    n = 1
    while n < MAX_WORDS and i + n < len(toks):
        a, b = toks[i + n - 1].end, toks[i + n].start
        if not (a == b or norm[a:b].isspace() or _JOIN_GAP.match(norm[a:b])):
            break
        n += 1
    return n


def find_toponyms(text: str, gazetteer: Gazetteer | None = None) -> list[ToponymMention]:
    """Place names in ``text`` (Arabic or English), with their qualifiers, in text order."""
    g = gazetteer or Gazetteer.default()
    keys, notable = g.keys, g.notable_keys
    ambiguous = _ambiguous()
    country_names, adjectives = _country_keys()
    _, en_before, en_after = _qualifier_maps()
    nt, toks = _analyse(text)
    detection_cache = g.detection_cache
    out: list[ToponymMention] = []
    pending: list[tuple[Qualifier, int]] = []  # qualifiers right before the current token
    pending_cc: str | None = None  # a country adjective between the qualifiers and the name
    prep_clitic = False
    carry: tuple[Qualifier, int] | None = None  # a dual kind word ("حقلي X وY") still owed its second name
    i = 0
    while i < len(toks):
        tok = toks[i]
        arabic = not tok.text.isascii()
        if carry is not None:
            if arabic and tok.text.startswith("و") and len(tok.text) > 2 and not pending:
                pending = [(carry[0], tok.start)]  # the second name: its own phrase starts at و
            carry = None
        if pending and i > 0 and not _QUALIFIER_GAP.match(nt.text[toks[i - 1].end : tok.start]):
            pending = []
        if not pending:
            pending_cc = None
        # Qualifiers (English ones can be two words: "outskirts of"), then where a name may start.
        if arabic:
            info = detection_cache.get(tok.text)
            if info is None:
                info = _arabic_info(g, tok.text)
            q, heads, multi = info
            if q is not None:
                if normalize_key(tok.text) in _CAPITAL_OF:
                    q = replace(q, feature_hint=None)  # "الرمادي، عاصمة الأنبار": the province, not a town
                pending.append((q, tok.start))
                i += 1
                continue
            if (
                pending and tok.text in adjectives
            ):  # "العاصمة الأردنية عمان": the country between kind and name
                pending_cc = adjectives[tok.text]
                i += 1
                continue
            if not heads and not (pending and pending[-1][0].part_of_name):
                # Most tokens: neither a qualifier nor the start of any name.
                if pending:
                    pending = []
                i += 1
                continue
        else:
            q = None
            if i + 1 < len(toks):
                q = en_before.get((tok.text, toks[i + 1].text))
                if q is not None and not _joined(nt, toks, i, 2):
                    q = None
            if q is not None:
                pending.append((q, tok.start))
                i += 2
                continue
            q = en_before.get((tok.text,))
            if q is not None and not _is_capitalized(nt, tok):
                pending.append((q, tok.start))
                i += 1
                continue
            if pending and tok.text in _place_adjectives() and not _is_capitalized(nt, tok):
                i += 1  # "in central X", "in occupied X": the preposition still introduces the name
                continue
            # Latin names are capitalised ("al-" may start them); a short all-capital token is an
            # acronym (JWS, SDF, PKK), not a place, unless a qualifier introduces it.
            if _is_acronym(nt, tok) and not pending:
                heads, multi = (), False
            elif _is_capitalized(nt, tok) or (
                # "al-Bab", "as Sukhnah"; not "as well as", "as part of"
                tok.text in _ARTICLES and i + 1 < len(toks) and _is_capitalized(nt, toks[i + 1])
            ):
                heads, multi = _latin_heads(g, tok.text)
            else:
                heads, multi = (), False
        part_of_name = bool(pending) and pending[-1][0].part_of_name and bool(heads or arabic)
        match: tuple[int, str, int, bool] | None = None
        if part_of_name or multi:
            # Names of several tokens start with a token that starts such a name in the gazetteer.
            match = _match_at(toks, i, _run(nt.text, toks, i), keys, heads, pending)
        else:
            for offset, _, single in heads:
                if len(single) >= 2 and single in keys:
                    match = (1, single, offset, False)
                    break
        if not arabic and (heads or _is_capitalized(nt, tok)) and not _is_acronym(nt, tok):
            guess_words, org_words = _name_words()
            run = _latin_run(nt, toks, i, guess_words | org_words)
            width = _words_at(nt, toks, i + run, org_words) if run else 0
            if width:
                pending = []  # "Al Sham Corps", "Al Fath Al Mubeen Operation Room": an armed group
                i += run + width
                while i < len(toks) and _is_capitalized(nt, toks[i]) and _joined(nt, toks, i - 1, 2):
                    i += 1
                continue
            kind = _words_at(nt, toks, i + run, guess_words) if run else 0
            kind_before = bool(pending) and pending[-1][0].feature_hint in ("village", "city")
            if run and (kind or kind_before) and (match is None or match[0] < run):
                after = en_after.get(tuple(t.text for t in toks[i + run : i + run + kind])) if kind else None
                out.append(_guessed(text, nt, toks[i], toks[i + run - 1], pending, after))
                pending = []
                i += run + kind
                continue
            loose = _loose_run(toks, i, run, notable) if run and match is None else 0
            locative = bool(pending) and pending[-1][0].word in _locatives()
            if loose and _modifier(nt, toks, i + loose):
                loose = 0  # "in Houthi positions"
            if loose and (locative or _unit_brackets_after(text, nt, toks[i + loose - 1])):
                # "demonstrated in Carhaix-Plouger", "Kpankpaga (Kompienga, Kompienga)": a place by the
                # preposition or the brackets around it, though no gazetteer spells it so
                out.append(
                    replace(_guessed(text, nt, toks[i], toks[i + loose - 1], pending, None), loose=True)
                )
                pending = []
                i += loose
                continue
        if match is None:
            pending = []
            i += 1
            continue
        n, key, form_offset, with_qualifier = match
        if arabic and n == 1 and _ambiguous_word(tok.text):
            key = name_key(tok.text[form_offset:]) if key not in ambiguous else key
            if not with_qualifier and not any(q.feature_hint for q, _ in pending):
                pending = []
                i += 1
                continue
        last = toks[i + n - 1]
        name_start = tok.start + form_offset
        prep_clitic = arabic and form_offset > 0 and tok.text[0] == "ب"
        # Words after the name: a kind ("province", "air base") or a country adjective ("السورية").
        after_q: Qualifier | None = None
        country_hint: str | None = pending_cc
        j = i + n
        if j < len(toks) and _JOIN_GAP.match(nt.text[last.end : toks[j].start]):
            if toks[j].text in adjectives and arabic == (not toks[j].text.isascii()):
                country_hint = adjectives[toks[j].text]
            elif not arabic:
                for width in (2, 1):
                    words = tuple(t.text for t in toks[j : j + width])
                    if len(words) == width and words in en_after and _joined(nt, toks, j, width):
                        after_q = en_after[words]
                        break
        prefixed = not arabic and tok.text.lower() in _name_prefixes()
        dual = (
            next((pq for pq in pending if _is_dual(nt.text[pq[1] : pq[1] + _WORD_CHARS].split()[0])), None)
            if arabic
            else None
        )
        if (
            prefixed
            and n == 1
            and i + 1 < len(toks)
            and _is_capitalized(nt, toks[i + 1])
            and _joined(nt, toks, i, 2)
        ):
            pending = []  # "Tel Hamiskills": the name goes on past what the gazetteer knows
            i += 1
            continue
        if arabic and not pending and i > 0 and toks[i - 1].text in _VERB_PARTICLES:
            i += 1  # "إعادة إعمار ما تدمّر": after ما/لم/قد the word is a verb, not Tadmur
            continue
        introduced = bool(pending) or prep_clitic or after_q is not None or with_qualifier
        introduced = introduced or (prefixed and n >= 2)  # "The capture of Tel Hamis"
        introduced = introduced or (not arabic and _unit_brackets_after(text, nt, last))  # "Greiz (Greiz, X)"
        well_known = key in notable and key not in ambiguous and len(key) >= MIN_BARE_KEY
        hinted = (
            with_qualifier
            or any(q.feature_hint for q, _ in pending)
            or bool(after_q and after_q.feature_hint)
        )
        if not (introduced or well_known) or ((key in ambiguous or len(key) < MIN_BARE_KEY) and not hinted):
            pending = []
            i += 1
            continue
        quals = [q for q, _ in pending]
        hint_q = next((q for q in reversed(quals) if q.feature_hint), None)
        if after_q is not None and after_q.feature_hint:
            hint_q = after_q
        main_q = hint_q or (quals[-1] if quals else after_q)
        feature_hint = hint_q.feature_hint if hint_q else None
        if key in country_names and feature_hint is None:
            feature_hint = "country"
        s, e = nt.to_original(name_start, last.end)
        lookup_text = None
        if with_qualifier and pending:
            q, q_at = pending[-1]
            word = nt.text[q_at:].split(maxsplit=1)[0] if nt.text[q_at:].strip() else ""
            skip = len(word) - len(q.word) if word.endswith(q.word) else 0  # "وقاعدة": the و is no part of it
            qs, _ = nt.to_original(q_at + skip, q_at + skip + 1)
            lookup_text = text[qs:e]
            if not word.endswith(q.word) or q_at + len(word) < nt.text.rfind(" ", 0, name_start):
                lookup_text = f"{q.word} {text[s:e]}"  # a dual ("حقلي X") or its second name ("... وY")
        out.append(
            ToponymMention(
                start=s,
                end=e,
                text=text[s:e],
                qualifier=main_q.word if main_q else None,
                qualifier_start=nt.to_original(pending[0][1], pending[0][1] + 1)[0] if pending else None,
                feature_hint=feature_hint,
                near=any(q.near for q in quals) or bool(after_q and after_q.near),
                region=any(q.region for q in quals) or bool(after_q and after_q.region),
                lookup_text=lookup_text,
                country_hint=country_hint,
                stripped=arabic and form_offset > 0 and not with_qualifier,
            )
        )
        if dual is not None:
            carry = dual
        pending = []
        i += n
    return out


def _guessed(
    text: str,
    nt: NormText,
    first: Token,
    last: Token,
    pending: list[tuple[Qualifier, int]],
    after: Qualifier | None,
) -> ToponymMention:
    """A name no gazetteer spells that way, made a place by the kind word before or after it."""
    quals = [q for q, _ in pending] + ([after] if after else [])
    hint = next((q.feature_hint for q in reversed(quals) if q.feature_hint), None)
    s, e = nt.to_original(first.start, last.end)
    return ToponymMention(
        start=s,
        end=e,
        text=text[s:e],
        qualifier=quals[-1].word if quals else None,
        qualifier_start=nt.to_original(pending[0][1], pending[0][1] + 1)[0] if pending else None,
        feature_hint=hint,
        near=any(q.near for q in quals),
        region=any(q.region for q in quals),
        guessed=True,
    )


Heads = tuple[tuple[int, str, str], ...]


def _latin_heads(g: Gazetteer, token: str) -> tuple[Heads, bool]:
    """A Latin token as the start of a name: ((0, fragment, key of the token alone),) and whether it starts
    a name of several tokens."""
    if len(token) < 2:
        return (), False
    frag = token_fragment(token)
    return ((0, frag, join_fragments([frag])),), frag in g.multiword_starts


def _arabic_info(g: Gazetteer, token: str) -> tuple[Qualifier | None, Heads, bool]:
    """What an Arabic token is to detection (cached per index): the qualifier it is, if any; where a name
    may start in it, as (offset, key fragment, key of that form alone) for each clitic form that begins
    some gazetteer name; and whether one of them starts a name of several tokens."""
    firsts, starts = g.first_fragments, g.multiword_starts
    found = []
    for form in clitic_forms(token):
        frag = token_fragment(form) if len(form) >= 2 else ""
        if frag in firsts:
            found.append((len(token) - len(form), frag, join_fragments([frag]) if len(frag) >= 2 else ""))
    heads = tuple(found)
    info = (_arabic_qualifier(token), heads, any(f in starts for _, f, _ in heads))
    if len(g.detection_cache) < DETECTION_CACHE_SIZE:
        g.detection_cache[token] = info
    return info


def _match_at(
    toks: tuple[Token, ...],
    i: int,
    top: int,
    keys: frozenset[str],
    heads: Heads,
    pending: list[tuple[Qualifier, int]],
) -> tuple[int, str, int, bool] | None:
    """Longest gazetteer name starting at token i: (words, key, offset of the name in the token, uses qualifier)."""
    frags = [token_fragment(t.text) for t in toks[i : i + top]]
    # A facility word before the name may be part of it: حقل العمر, قاعدة عين الأسد.
    if pending and pending[-1][0].part_of_name:
        qfrag = [token_fragment(w) for w in normalize_key(pending[-1][0].word).split()]
        starts = [(0, frags)]
        if toks[i].text.startswith("و") and len(toks[i].text) > 2:
            starts.append((1, [token_fragment(toks[i].text[1:]), *frags[1:]]))  # "حقلي كونيكو والعمر"
        for offset, fr in starts:
            for n in range(top, 0, -1):
                key = join_fragments([*qfrag, *fr[:n]])
                if key in keys:
                    return n, key, offset, True
    tails = [""]
    for f in frags[1:]:
        tails.append(tails[-1] + f)
    for n in range(top, 0, -1):
        for offset, frag, _ in heads:
            key = join_fragments([frag, tails[n - 1]])
            if len(key) >= 2 and key in keys:
                return n, key, offset, False
    return None


def _top(
    g: Gazetteer,
    m: ToponymMention,
    cc: str | None,
    admin1: str | None,
    ctx: _Context | None = None,
    fuzzy: bool = False,
    admin2: str | None = None,
) -> list[GeoCandidate]:
    """Candidates for a mention; ``ctx`` (brackets after it) constrains when it names a known province,
    else prefers the candidates in the units it names; ``admin2`` is the district the text puts it in."""
    words = m.text.split()
    names = [m.lookup_text] if m.lookup_text else []
    if m.text.isascii() and len(words) > 1 and words[-1].lower() in _TOWN_WORDS:
        names.append(" ".join(words[:-1]))  # "Saveh city": the town by its own name first
    names.append(m.text)
    if ctx is not None and admin1 is None and ctx.admin1 and canonical_admin1(cc, ctx.admin1):
        admin1, admin2 = ctx.admin1, ctx.admin2  # "(Al Mayadin, Deir ez Zor)": a province rasd knows
    tails: list[str] = []
    if m.guessed:
        # "Maratet Um Hosh": a gazetteer may know the end of an unfamiliar name, spelt exactly.
        tails = [" ".join(words[k:]) for k in range(1, len(words) - 1)]
    found: list[GeoCandidate] = []
    for name in [*names, *tails]:
        fuzzy = fuzzy and name not in tails
        found = g.lookup(name, cc, admin1, m.feature_hint, limit=8, admin2=admin2, fuzzy=fuzzy)
        if found:
            break
    if ctx is not None and found:
        # Units named like the place ("Karak city (Karak, KPK)") tell nothing apart.
        units = [u for u in ctx.units if not _same_unit(u, name)]
        inside = [c for c in found if any(_same_unit(c.admin1, u) or _same_unit(c.admin2, u) for u in units)]
        if inside:
            found = inside
        elif ctx.countries and any(c.country_code in ctx.countries for c in found):
            found = [c for c in found if c.country_code in ctx.countries]
    return found


LOOSE_RATIO = 85.0  # how alike (rapidfuzz ratio of keys) a name must be to the only place spelt nearly so
LOOSE_FACTOR = 0.7  # ... whose score is lowered by this factor


def _spelt_nearly(
    g: Gazetteer, m: ToponymMention, cc: str | None, ctx: _Context | None
) -> GeoCandidate | None:
    """The one place (or namesakes close together) spelt nearly as a name no gazetteer has, or None."""
    from rapidfuzz import fuzz

    key = name_key(m.text)
    alike = [c for c in _top(g, m, cc, None, ctx) if fuzz.ratio(key, name_key(c.name)) >= LOOSE_RATIO]
    if not alike or any(distance_km(c.lat, c.lon, alike[0].lat, alike[0].lon) > 25 for c in alike):
        return None
    return replace(alike[0], score=round(min(1.0, alike[0].score) * LOOSE_FACTOR, 3))


_TOWN_WORDS = frozenset(["city", "town", "village"])
_WORD_CHARS = 32  # longer than any Arabic kind word with its clitics
# particles an Arabic verb follows, never a place name (normalized)
_VERB_PARTICLES = frozenset(
    normalize_key(w)
    for w in ("ما", "مما", "لم", "ولم", "فلم", "لن", "ولن", "قد", "وقد", "فقد", "لقد", "كي", "لكي", "سوف")
)
# "عاصمة X" without the article is "the capital of X": X is the area, not a city ("العاصمة دمشق")
_CAPITAL_OF = frozenset({normalize_key("عاصمة"), normalize_key("وعاصمة")})
NEAR_TOWN_KM = 60.0  # "X east of Y", "X near Y": how far from town Y a namesake of X may lie


def _same_unit(a: str | None, b: str | None) -> bool:
    return bool(a and b and name_key(a) == name_key(b))


@dataclass(frozen=True)
class _Context:
    """What brackets after a name say about it: ACLED's "Town (District, Province)" or "(Country)"."""

    cc: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    units: tuple[str, ...] = ()
    countries: frozenset[str] = frozenset()  # countries of the areas (provinces, districts) named in brackets


def _introduced_abroad(m: ToponymMention, cands: list[GeoCandidate]) -> bool:
    """A capitalized English name introduced by a preposition ("protested in Lorient") that only one
    country has is that place, even in a text about another country."""
    return bool(m.text.isascii() and m.qualifier and m.qualifier.isascii()) and (
        len({c.country_code for c in cands}) == 1
    )


def _silent(ctx: _Context | None, cands: list[GeoCandidate]) -> bool:
    """Do the brackets after a name tell nothing about which namesake it is? "Teruel (Aragon)" names a
    province the index does not know: the name may still take its dominant namesake."""
    if ctx is None:
        return True
    if ctx.cc or ctx.countries:
        return False
    return not any(_same_unit(c.admin1, u) or _same_unit(c.admin2, u) for c in cands for u in ctx.units)


def _bracket_context(g: Gazetteer, text: str, m: ToponymMention) -> _Context | None:
    match = _BRACKETS.match(text, m.end)
    if match is None:
        return None
    names, _ = _country_keys()
    cc: str | None = None
    units: list[str] = []
    for part in match.group(1).split(","):
        part = part.strip()
        if not part or part[0].isdigit():
            continue
        key = name_key(part)
        if key in names:
            cc = names[key]
        elif len(units) < 3:
            units.append(part)
    if cc is None and not units:
        return None
    countries: set[str] | None = None
    for unit in units:
        found = {c.country_code for c in g.lookup(unit, cc, limit=8) if c.feature in AREA_FEATURES}
        if found:
            countries = found if countries is None else (countries & found) or countries
    return _Context(
        cc=cc,
        admin1=units[-1] if units else None,
        admin2=units[-2] if len(units) >= 2 else None,
        units=tuple(_strip_kind(u)[0] for u in units),
        countries=frozenset(countries or ()),
    )


def resolve_toponyms(
    mentions: list[ToponymMention], text: str, gazetteer: Gazetteer | None = None
) -> list[tuple[ToponymMention, GeoCandidate | None, int | None]]:
    """Each mention with its place (or None) and ACLED geo_precision, using the document as context."""
    g = gazetteer or Gazetteer.default()
    _, adjectives = _country_keys()
    brackets = [_bracket_context(g, text, m) for m in mentions]
    first = [
        [] if m.guessed else _top(g, m, m.country_hint or (b.cc if b else None), None, b)
        for m, b in zip(mentions, brackets, strict=True)
    ]
    # The areas the places after each name put it in; a name said again is where it was the first time.
    areas: list[GeoCandidate | None] = []
    for idx, m in enumerate(mentions):
        own = first[idx][0].feature if first[idx] else None
        fixed = own not in AREA_FEATURES and m.feature_hint != "country"
        areas.append(_area_after(idx, mentions, first, text) if fixed else None)
    for idx, area in enumerate(areas):
        for k in range(idx + 1, min(len(mentions), idx + 1 + CHAIN)):
            if area is not None and first[k] and area in first[k] and first[k][0] is not area:
                first[k] = [area, *(c for c in first[k] if c is not area)]  # named as the area it is
    by_name: dict[str, GeoCandidate] = {}
    for m, area in zip(mentions, areas, strict=True):
        if area is not None and area.feature != "country":  # "في بغداد نصرة لفلسطين" is not Baghdad's country
            by_name.setdefault(name_key(m.text), area)
    for idx, m in enumerate(mentions):
        own = first[idx][0].feature if first[idx] else None
        if areas[idx] is None and own not in AREA_FEATURES:
            areas[idx] = by_name.get(name_key(m.text))
    # Document context: countries and provinces it names, places it names unambiguously (each name once;
    # not when the text puts it in another country: "Harbal axis in Aleppo countryside").
    doc_cc: dict[str, float] = {}
    doc_admin1: set[str] = set()
    anchors: list[GeoCandidate] = []
    anchored_by: list[int] = []  # the mention each anchor comes from
    said: list[str | None] = [None] * len(mentions)  # the country each mention adds to the context
    seen: set[str] = set()
    for k, (m, cands) in enumerate(zip(mentions, first, strict=True)):
        if not cands:
            continue
        top = cands[0]
        area = areas[k]
        key = name_key(m.text)
        if (area is not None and area.country_code != top.country_code) or key in seen:
            continue
        seen.add(key)
        said[k] = (
            top.country_code
            if top.feature in AREA_FEATURES or len({c.country_code for c in cands}) == 1
            else None
        )
        if top.feature == "country":
            doc_cc[top.country_code] = doc_cc.get(top.country_code, 0) + 1.0
        elif top.feature == "admin1" or m.feature_hint == "admin1":
            doc_admin1.add(top.admin1 or top.name)
            doc_cc[top.country_code] = doc_cc.get(top.country_code, 0) + 1.0
        elif len({c.country_code for c in cands}) == 1:
            if all(a.source_id != top.source_id for a in anchors):
                anchors.append(top)
                anchored_by.append(k)
            doc_cc[top.country_code] = doc_cc.get(top.country_code, 0) + 0.5
    adjective_cc: set[str] = set()
    for tok in _analyse(text)[1]:
        cc = adjectives.get(tok.text)
        if cc:
            doc_cc[cc] = doc_cc.get(cc, 0) + 0.25
            adjective_cc.add(cc)
    results: list[tuple[ToponymMention, GeoCandidate | None, int | None]] = []
    for idx, m in enumerate(mentions):
        ctx = brackets[idx]
        cc, admin1 = m.country_hint or (ctx.cc if ctx else None), None
        area = areas[idx]
        if area is not None:
            cc = cc or area.country_code
            admin1 = area.admin1 if area.feature != "country" else None
        default_cc = m.country_hint or (ctx.cc if ctx else None)
        if m.guessed and not admin1:
            # a spelling no gazetteer has: only looked for in a named province, or (named as a place by a
            # preposition alone) as a place spelt nearly so ("Carhaix-Plouger": Carhaix-Plouguer)
            near = _spelt_nearly(g, m, cc, ctx) if m.loose else None
            results.append((m, near, 1 if near else None))
            continue
        if _after_district(idx, mentions, first, text):
            m = replace(m, feature_hint="admin1")  # "Ar Rutba district, Anbar": the province
            first[idx] = _top(g, m, cc, None, ctx)
        constrained = (cc, admin1) != (default_cc, None)
        # "X town in Tadmor district": looked for in that district first.
        admin2 = (area.admin2 or area.name) if area is not None and area.feature == "admin2" else None
        cands = _top(g, m, cc, admin1, ctx, fuzzy=bool(admin1), admin2=admin2) if constrained else first[idx]
        if not cands and admin1 and not m.guessed:
            cands = _top(g, m, cc, None, ctx)
        if not cands and constrained and not m.guessed and area is not None and area.feature == "country":
            cands = first[idx]  # "في بغداد نصرة لفلسطين": the country after it is not where it is
        nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
        if (
            area is not None
            and area.feature not in AREA_FEATURES
            and cands
            and nxt
            and nxt.near
            and not nxt.region
        ):
            # "حصيبة شرقي الرمادي": the namesake east of that town, not one across the province
            close = [c for c in cands if distance_km(c.lat, c.lon, area.lat, area.lon) <= NEAR_TOWN_KM]
            cands = close or cands
        if constrained and admin1 and admin2 is None and cands and first[idx]:
            # "the Atmeh crossing west of Aleppo": a place spelt so elsewhere in the country beats one
            # only spelt alike in the province the text puts it near
            exact = g.spelt_so(m.text)
            same_cc = [
                c for c in first[idx] if c.country_code == cands[0].country_code and (c.lat, c.lon) in exact
            ]
            if same_cc and not any((c.lat, c.lon) in exact for c in cands):
                cands = same_cc
        named_cc = {c for c, w in doc_cc.items() if w >= 1.0}  # named, not only an adjective ("Russian jets")
        # A name introduced as a place ("protested in Cordoba") may take its dominant namesake.
        placed = any(w >= 0.5 for w in doc_cc.values())  # more than an adjective ("Russian jets")
        dominant = (
            name_key(m.text) if not placed and _silent(ctx, cands) and m.qualifier is not None else None
        )
        others_anchors = [a for a, k in zip(anchors, anchored_by, strict=True) if k != idx]  # not its own
        best = _rerank(cands, doc_cc, doc_admin1, others_anchors, dominant)
        if (
            best is not None
            and named_cc
            and best.country_code not in named_cc
            and best.feature not in ("country", "admin1")
            and (best.population or 0) < LOCAL_POPULATION
            and best.feature not in FEATURE_GROUPS.get(m.feature_hint or "", ())
            and not _introduced_abroad(m, cands)
        ):
            best = None  # a small place abroad, named without a kind: more likely a word than a place
        if best is not None and best.feature not in AREA_FEATURES and not m.text.isascii():
            # "فورين" is no "ورين" behind "ف": a name found only behind a proclitic must lie in a country
            # the rest of the text speaks of (or, when it speaks of none, in the region rasd knows); and an
            # Arabic word naming a place outside the region, without a kind word, in a text about places
            # elsewhere ("صاروخ من طراز ..."), is a word.
            others = adjective_cc | {c for k, c in enumerate(said) if c and k != idx}
            if _arabic_word_not_place(m, best, others):
                best = None
        if best is None:
            results.append((m, None, None))
            continue
        if best.feature in ("admin1", "country"):
            precision = 3
        elif m.near or best.feature == "admin2" or m.feature_hint == "admin2":
            precision = 2
        else:
            precision = 1
        results.append((m, best, precision))
    return results


def _after_district(
    idx: int, mentions: list[ToponymMention], first: list[list[GeoCandidate]], text: str
) -> bool:
    """Whether mention ``idx`` comes right after a district ("X district, Anbar"; "of Duhok"): its province."""
    m = mentions[idx]
    if not m.text.isascii():
        return False
    start = m.qualifier_start if m.qualifier_start is not None else m.start
    if m.qualifier == "district of":  # "Al Amadiya district of Duhok": the district is the name before
        before = text[max(0, start - 40) : start].split()
        return bool(before) and before[-1][:1].isupper()
    if idx == 0:
        return False
    prev, cands = mentions[idx - 1], first[idx - 1]
    if m.feature_hint is not None:
        return False
    gap = text[prev.end : start]
    if prev.guessed and _PART_OF_GAP.match(gap):
        return True  # "Akashat area of Anbar", "Dardara village, Hasakeh"
    district = (
        prev.feature_hint == "admin2"
        or bool(cands and cands[0].feature == "admin2")
        or prev.text.lower().endswith(" district")
    )
    return district and bool(_DISTRICT_GAP.match(gap))


CHAIN = 3  # places after a name that may say where it is ("X village, Atareb district, Aleppo province")


def _area_after(
    idx: int, mentions: list[ToponymMention], first: list[list[GeoCandidate]], text: str
) -> GeoCandidate | None:
    """The area the places right after mention ``idx`` put it in: the first of them (chained by commas,
    "in", "of"; not "and") that is a province, district or country, or is named as an area ("X countryside");
    for a guessed name, else the last town of the chain (its province is the name's)."""
    m = mentions[idx]
    end = m.end
    town: GeoCandidate | None = None
    for nxt, cands in zip(
        mentions[idx + 1 : idx + 1 + CHAIN], first[idx + 1 : idx + 1 + CHAIN], strict=False
    ):
        gap_start = nxt.qualifier_start if nxt.qualifier_start is not None else nxt.start
        gap = text[end:gap_start]
        coordinated = _COORDINATION.search(gap) or text[max(0, nxt.start - 1) : nxt.start] == "و"
        if gap_start < end or not _CONSTRAINT_GAP.match(gap) or coordinated or not cands:
            break
        area = _containing(cands, first[idx]) or cands[0]
        if area.feature in AREA_FEATURES or nxt.feature_hint in ("admin1", "admin2", "country") or nxt.near:
            return area
        if area.admin1 and (m.guessed or _only_abroad(m, first[idx], area)):
            town = area
        end = nxt.end
    return town


def _only_abroad(m: ToponymMention, cands: list[GeoCandidate], town: GeoCandidate) -> bool:
    """Whether a village or town ("Kelly town in Idleb") is spelt so only by small places in other countries
    than the town that locates it: it is then looked for in that town's province too."""
    return m.feature_hint in ("village", "city") and all(
        c.country_code != town.country_code and (c.population or 0) < LOCAL_POPULATION for c in cands
    )


def _containing(areas: list[GeoCandidate], places: list[GeoCandidate]) -> GeoCandidate | None:
    """The province among ``areas`` that the best of ``places`` lies in ("Ramadi city, Anbar": Al Anbar,
    not Ambar in Turkey), when a namesake that is not an area scores higher."""
    if not places or not areas or areas[0].feature in AREA_FEATURES:
        return None
    top = places[0]
    return next(
        (
            a
            for a in areas
            if a.feature == "admin1" and a.country_code == top.country_code and a.admin1 == top.admin1
        ),
        None,
    )


def _arabic_word_not_place(m: ToponymMention, best: GeoCandidate, others: set[str]) -> bool:
    """Whether an Arabic name is more likely a word than ``best``, given the countries ``others`` of the
    rest of the text: it is found only behind a proclitic, without a qualifier word, outside those countries
    (outside the region when the text names none); or it lies outside the region and those countries."""
    cc = best.country_code
    if m.stripped and m.qualifier is None and cc not in (others or _region()):
        return True
    return bool(others) and cc not in others | _region() and m.feature_hint is None


def _nested(a: GeoCandidate, b: GeoCandidate) -> bool:
    """Whether one is a district or province the other lies in (Najaf, the town, in Najaf district)."""
    for area, place in ((a, b), (b, a)):
        if area.feature == "admin2" and place.admin2 and _same_unit(area.admin2 or area.name, place.admin2):
            return area.country_code == place.country_code
        if area.feature == "admin1" and place.admin1 and area.admin1 == place.admin1:
            return area.country_code == place.country_code
    return False


def _rerank(
    cands: list[GeoCandidate],
    doc_cc: dict[str, float],
    doc_admin1: set[str],
    anchors: list[GeoCandidate],
    dominant: str | None = None,
) -> GeoCandidate | None:
    """The best candidate after document context, or None when unsure; ``dominant`` (the mention's key)
    allows a namesake much larger than the others, when that is its own name (not an alternate name)."""
    if not cands:
        return None
    rescored = []
    named = any(w >= 1.0 for w in doc_cc.values())  # an adjective alone ("Russian jets") names no country
    placed = any(w >= 0.5 for w in doc_cc.values())  # ... but a place only one country has tells something
    for c in cands:
        s = max(c.score, c.rank)  # uncapped: of two namesakes scoring 1, the larger or better placed
        if doc_cc:
            s += 0.12 if c.country_code in doc_cc else (-0.15 if named else (-0.1 if placed else 0.0))
        if not named and c.country_code in _region():
            s += 0.03  # without a named country, rasd's region first ("Dara countryside": Daraa, not Senegal)
        if c.admin1 and c.admin1 in doc_admin1:
            s += 0.08
        if any(
            a is not c and a.source_id != c.source_id and within_km(a.lat, a.lon, c.lat, c.lon, 150)
            for a in anchors
        ):
            s += 0.06
        rescored.append((s, c))
    rescored.sort(key=lambda sc: sc[0], reverse=True)
    s0, best = rescored[0]
    if s0 < MIN_SCORE:
        return None
    if len(rescored) > 1:
        s1, second = rescored[1]
        far = distance_km(best.lat, best.lon, second.lat, second.lon) > 25 and not _nested(best, second)
        if far and s0 - s1 < 0.02:
            # Two equally likely places far apart: better no answer than a wrong one, unless one is
            # much larger than every namesake (Córdoba, Argentina) -- then it, with a lower score.
            big = max(cands, key=lambda c: c.population or 0)
            others = [
                c.population or 0
                for c in cands
                if c is not big and distance_km(c.lat, c.lon, big.lat, big.lon) > 25
            ]
            if (
                dominant is None
                or name_key(big.name) != dominant
                or (big.population or 0) < DOMINANT_POPULATION * max(others, default=0)
            ):
                return None
            big.score = round(min(1.0, s0) * DOMINANT_FACTOR, 3)
            return big
    best.score = round(min(1.0, s0), 3)
    return best
