"""Lookup keys of place names: orthographic and transliteration variants fold to the same key.

Arabic names are normalized (hamza and alef forms, ى/ي, ة/ه, tatweel, diacritics), lose the article on
every word and are joined without spaces, so البو كمال and البوكمال share a key. Latin names are
accent-stripped, lose articles (al-, el-, ad- ...) and apostrophes, go through the rules of
``knowledge/geo/translit.tsv`` and are joined with doubled letters collapsed. The *skeleton* key (second
tier) also drops short vowels, for looser matching.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rasd.knowledge import read_tsv
from rasd.text.normalize import ARABIC_LETTERS, normalize, normalize_key
from rasd.text.tokens import strip_article, tokenize

TRANSLIT_FILE = "geo/translit.tsv"

LATIN_ARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "an",
        "ez",
        "es",
        "ed",
        "er",
        "adh",
        "ath",
        "aj",
        "ag",
        "ul",
        "ud",
        "un",
        "us",
        "ut",
        "uz",
        "il",
    ]
)
_APOS = re.compile(r"['’‘`ʿʾ´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_REPEAT = re.compile(r"(.)\1+")
_AR_NON_LETTER = re.compile(r"[^\u0621-\u064a0-9a-z ]+")
_LATIN_VOWELS = re.compile(r"(?<=.)[aeiouyw]")
_AR_VOWELS = re.compile(r"(?<=.)[اوي](?=.)")
# Persian and Kurdish letters in GeoNames' Arabic-script names (چمچمال): fold to the Arabic letter nearest in sound.
_EXTRA_LETTERS = str.maketrans("چپگژڤڨڭکی", "جبكزفقككي")


KEYS_VERSION = "3"  # bump when the key-making code changes (indexes built with other keys are rebuilt)


@lru_cache(maxsize=1)
def keys_fingerprint() -> str:
    """Identifies how keys are made (this module's version and the transliteration rules in use)."""
    import hashlib

    rules = "\n".join(f"{p.pattern}\t{r}" for p, r in _translit_rules())
    return f"{KEYS_VERSION}:{hashlib.sha1(rules.encode('utf-8')).hexdigest()[:12]}"


@lru_cache(maxsize=1)
def _translit_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = []
    for row in read_tsv(TRANSLIT_FILE, required=("pattern",)):
        try:
            rules.append((re.compile(row["pattern"]), row.get("replacement")))
        except re.error as exc:
            raise row.error(f"bad pattern: {exc}") from exc
    return tuple(rules)


# Latin letters that do not decompose into a base letter and accents.
_LATIN_LETTERS = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "þ": "th"}
)


def fold_latin(text: str) -> str:
    """Lower-case ASCII form of a Latin-script name (accents stripped, apostrophes removed)."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LATIN_LETTERS))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOS.sub("", ascii_text.lower())


@lru_cache(maxsize=100_000)
def _rewrite_word(word: str) -> tuple[str, ...]:
    text = word
    for pattern, repl in _translit_rules():
        text = pattern.sub(repl, text)
    return tuple(w for w in text.split() if w not in LATIN_ARTICLES)


def _latin_words(name: str) -> list[str]:
    words = _NON_ALNUM.sub(" ", fold_latin(name)).split()
    kept = [x for w in words for x in _rewrite_word(w)]
    return kept or words


def _arabic_words(name: str, normalized: bool = False) -> list[str]:
    text = _AR_NON_LETTER.sub(" ", (name if normalized else normalize_key(name)).translate(_EXTRA_LETTERS))
    words = [strip_article(w) for w in text.split()]
    # ابو / البو (Abu, Albu) are written both ways and both joined and split: fold them to بو.
    return ["بو" + w[3:] if w.startswith("ابو") else w for w in words]


def is_arabic_name(name: str) -> bool:
    return ARABIC_LETTERS.search(name) is not None


@lru_cache(maxsize=200_000)
def name_keys(name: str) -> tuple[str, str]:
    """Exact-tier and skeleton-tier keys of a place name (empty when it has no letters or digits).

    The skeleton drops vowels inside words and merges q/k, dh/d and similar letters, for looser matching.
    """
    if is_arabic_name(name):
        words = _arabic_words(name)
        skeleton = "".join(_AR_VOWELS.sub("", w.rstrip("ه")) or w for w in words)
        return "".join(words), skeleton
    words = _latin_words(name)
    out = []
    for w in words:
        w = w.replace("q", "k").replace("dh", "d").replace("th", "t").replace("gh", "g").replace("kh", "k")
        head = "a" if w[0] in "aeiouyw" else w[0]
        out.append(head + _LATIN_VOWELS.sub("", w)[1:])
    return _REPEAT.sub(r"\1", "".join(words)), _REPEAT.sub(r"\1", "".join(out))


def name_key(name: str) -> str:
    """Exact-tier key of a place name."""
    return name_keys(name)[0]


def skeleton_key(name: str) -> str:
    """Looser second-tier key of a place name."""
    return name_keys(name)[1]


@lru_cache(maxsize=200_000)
def token_fragment(token: str) -> str:
    """Key fragment of one normalized token; the key of a phrase is ``join_fragments`` of its tokens."""
    if is_arabic_name(token):
        return "".join(_arabic_words(token, normalized=True))
    words = _NON_ALNUM.sub(" ", fold_latin(token)).split()
    return "".join(x for w in words for x in _rewrite_word(w))


def join_fragments(fragments: list[str]) -> str:
    """Key of a phrase from its tokens' fragments (equal to ``name_key`` of the phrase)."""
    joined = "".join(fragments)
    return _REPEAT.sub(r"\1", joined) if joined.isascii() else joined


def first_fragment(name: str) -> str:
    """Fragment of a name's first word (Arabic names only; "" for Latin ones, which are not pre-filtered)."""
    if not is_arabic_name(name):
        return ""
    words = _arabic_words(name)
    return words[0] if words else ""


_SEPARATOR = re.compile(r"[^\w]|_")


def multiword_start(name: str) -> str | None:
    """Key fragment of the first token of a name of two or more tokens (as text is tokenized), else None."""
    if not _SEPARATOR.search(name.strip()):
        return None
    toks = tokenize(normalize(name).text)
    return token_fragment(toks[0].text) if len(toks) >= 2 else None
