"""Time tokens of normalized text: words, phrases and numbers tagged with their time categories."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from rasd.text.numbers import number_phrases, number_words_at, starts_number
from rasd.text.tokens import clitic_forms
from rasd.time.lexicon import phrases

_TOKEN = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{1,2}/\d{1,2}/\d{2}"
    r"|\d{1,2}/\d{1,2}(?![\d/])|\d+(?:[:.]\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?|[-,،/]"
)
_HHMM = re.compile(r"(\d{1,2}):(\d{2})")
_NUMDATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})")
_DOT = re.compile(r"(\d{1,2})\.(\d{2})")


@dataclass(slots=True)
class TTok:
    """A token of normalized text with its time categories (``cats``) and numeric value (``num``)."""

    start: int
    end: int
    text: str
    cats: dict[str, str] = field(default_factory=dict)
    num: int | None = None
    approx: bool = False


def lex(norm: str) -> list[TTok]:
    """Time and number tokens of normalized text (other words are left out).

    Multi-word phrases (كانون الثاني, local time) become one token.
    """
    found = list(_TOKEN.finditer(norm))
    words = [m.group() for m in found]
    table = phrases()[0]
    lengths = _phrase_lengths()
    out: list[TTok] = []
    # Only digits and words that may start a time or number phrase make tokens: other words are
    # skipped (the gap then separates runs).
    live = _live(words)
    i = 0
    for j in live:
        if j < i:
            continue  # inside the phrase or number just read
        i = j
        s, e, w = found[i].start(), found[i].end(), words[i]
        if w[0].isdigit():
            out.append(_digit_token(s, e, w))
            i += 1
            continue
        n_phrase, cats = 0, {}
        firsts = clitic_forms(w)
        # (a word that only starts numbers needs no phrase search; none is longer than its forms' longest)
        longest = max(lengths.get(f, 0) for f in firsts)
        if longest:
            for n in range(min(longest, len(words) - i), 0, -1):
                rest = tuple(words[i + 1 : i + n])
                form = next((f for f in firsts if (f, *rest) in table), None)
                if form is not None:
                    n_phrase, cats = n, dict(table[(form, *rest)])
                    # a leading conjunction (و, ف) is not part of the expression
                    if len(w) > len(form) and w[0] in "وف" and w[1:].endswith(form):
                        s += 1
                    break
        num = number_words_at(words, i) if w != "-" and starts_number(w) else None
        n_num = num[0] - i if num else 0
        if n_num > n_phrase:
            assert num is not None
            out.append(
                TTok(s, found[num[0] - 1].end(), " ".join(words[i : num[0]]), {"num": ""}, num[1], num[2])
            )
            i = num[0]
            continue
        if n_phrase:
            tok = TTok(s, found[i + n_phrase - 1].end(), " ".join(words[i : i + n_phrase]), cats)
            if num and n_num == n_phrase:
                tok.num, tok.approx = num[1], num[2]
                tok.cats["num"] = ""
            out.append(tok)
            i += n_phrase
            continue
        i += 1
    return out


@lru_cache(maxsize=1)
def _phrase_lengths() -> dict[str, int]:
    """Every word that can start a time phrase, with the length of the longest phrase it starts."""
    lengths: dict[str, int] = {}
    for key in phrases()[0]:
        lengths[key[0]] = max(lengths.get(key[0], 0), len(key))
    return lengths


_LIVE_CACHE_SIZE = 100_000
_live_words: dict[str, bool] = {}  # word -> may it start a token (cached: words repeat a lot)


def _live(words: list[str]) -> list[int]:
    """Indexes of the words that may start a token: digits and words that may start a phrase."""
    new = set(words).difference(_live_words)
    if new:
        if len(_live_words) + len(new) > _LIVE_CACHE_SIZE:
            _live_words.clear()
            new = set(words)
        for w in new:
            _live_words[w] = w[0].isdigit() or _may_start(w)
    return list(compress(range(len(words)), map(_live_words.__getitem__, words)))


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word that can start a time phrase or a number phrase."""
    firsts = {k[0] for k in phrases()[0]}
    firsts |= {k[0] for k in number_phrases()}
    return frozenset(firsts)


@lru_cache(maxsize=65536)
def _may_start(word: str) -> bool:
    firsts = _first_words()
    return any(f in firsts for f in clitic_forms(word)) or (word.startswith("و") and _may_start(word[1:]))


def _digit_token(s: int, e: int, w: str) -> TTok:
    tok = TTok(s, e, w)
    if _HHMM.fullmatch(w):
        tok.cats["hhmm"] = w
    elif _DOT.fullmatch(w):
        tok.cats["dotclock"] = w
    elif w.isdigit():
        tok.cats["num"] = ""
        tok.num = int(w)
    elif w.count("/") == 1:
        tok.cats["daymonth"] = w  # 6/7: a date only after يوم, بتاريخ, on
    elif _NUMDATE.fullmatch(w):
        tok.cats["numdate"] = w
    return tok
