"""Orthographic normalization of Arabic and English text that keeps character offsets.

Every normalized character knows the index of the original character it came from, so
a span found in normalized text maps back to the exact span of the input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef, Quranic marks) and tatweel.
_DROP = set(
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658"
    "\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670\u0640"
    "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4"
    "\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"
    "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)

_MAP: dict[str, str] = {
    # alef forms, alef maqsura, ta marbuta, hamza carriers
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0622": "\u0627",  # آ
    "\u0671": "\u0627",  # ٱ
    "\u0649": "\u064a",  # ى -> ي
    "\u0629": "\u0647",  # ة -> ه
    "\u0624": "\u0648",  # ؤ -> و
    "\u0626": "\u064a",  # ئ -> ي
    # Persian/Urdu letters seen in Arabic text
    "\u06cc": "\u064a",  # ی
    "\u06a9": "\u0643",  # ک
    # punctuation
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}
# Arabic-Indic and Extended Arabic-Indic (Persian) digits.
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)
    _MAP[chr(0x06F0 + _i)] = str(_i)
_MAP["\u066b"] = "."  # Arabic decimal separator
_MAP["\u066c"] = ","  # Arabic thousands separator

ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]")


@dataclass(frozen=True, slots=True)
class NormText:
    """Normalized text plus, for each of its characters, the index in the original."""

    original: str
    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalized text to the original text."""
        if start >= end:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def original_span(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    if ch in _DROP:
        return ""
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch.isascii():
        return ch.lower()
    if "\ufb50" <= ch <= "\ufeff" or "\uff00" <= ch <= "\uffef":
        # Arabic presentation forms and full-width forms: compatibility-decompose, then map again.
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed == ch:
            return ch
        return "".join(_char(c) for c in decomposed)
    return ch.lower() if ch.isupper() else ch


class _Folds(dict[int, str]):
    """``str.translate`` table of code point -> normalized form, filled in as characters are seen."""

    def __missing__(self, code: int) -> str:
        rep = self[code] = _char(chr(code))
        return rep


_FOLDS = _Folds()
# Every character whose normalized form may not be exactly one character: the dropped ones, the
# presentation and full-width forms (NFKC may expand them) and the one capital whose lower case
# is two characters (İ). Elsewhere the offset map is the identity.
_MAYBE_IRREGULAR = re.compile("[" + "".join(sorted(_DROP)) + "\ufb50-\ufeff\uff00-\uffef\u0130]")


@lru_cache(maxsize=8192)
def normalize(text: str) -> NormText:
    """Normalize orthography (Arabic letters, digits, diacritics, quotes, case) keeping offsets."""
    folds = _FOLDS
    norm = text.translate(folds)
    offsets: list[int] = []
    pos = 0
    for m in _MAYBE_IRREGULAR.finditer(text):
        i = m.start()
        offsets.extend(range(pos, i))
        offsets.extend([i] * len(folds[ord(text[i])]))
        pos = i + 1
    offsets.extend(range(pos, len(text) + 1))  # the last entry is len(text)
    return NormText(text, norm, tuple(offsets))


def normalize_key(text: str) -> str:
    """Normalized form of a short string (a lexicon entry or a name) for lookups."""
    return " ".join(normalize(text).text.split())


def is_arabic(text: str, threshold: float = 0.3) -> bool:
    """True when at least ``threshold`` of the letters are Arabic."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return arabic / len(letters) >= threshold
