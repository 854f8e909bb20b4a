"""Numbers written as digits (ASCII or Arabic-Indic) or as Arabic and English words.

Word forms live in ``rasd/knowledge/numbers.tsv``; vague quantities ("dozens", عشرات, عدة) carry
ACLED's conservative value and ``approx=True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.knowledge import read_tsv, split_list
from rasd.text.normalize import normalize, normalize_key
from rasd.text.tokens import clitic_forms

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|-")
_KINDS = {"card", "ord", "teen", "hundred", "thousand", "vague"}
_AND_EN = {"and", "-"}


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in normalized text: [start, end) offsets, its value, and whether it is vague."""

    start: int
    end: int
    value: int
    approx: bool = False


@dataclass(frozen=True, slots=True)
class _Entry:
    value: int
    kind: str


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[tuple[str, ...], tuple[_Entry, ...]], int]:
    """Number phrases keyed by their normalized words, and the longest phrase length."""
    table: dict[tuple[str, ...], list[_Entry]] = {}
    for row in read_tsv("numbers.tsv", required=("form", "value", "kind")):
        if row["kind"] not in _KINDS:
            raise row.error(f"unknown kind {row['kind']!r}")
        try:
            value = int(row["value"])
        except ValueError:
            raise row.error(f"value {row['value']!r} is not an integer") from None
        for form in split_list(row["form"]):
            key = tuple(normalize_key(form).split())
            table.setdefault(key, []).append(_Entry(value, row["kind"]))
    longest = max((len(k) for k in table), default=1)
    return {k: tuple(v) for k, v in table.items()}, longest


def number_phrases() -> frozenset[tuple[str, ...]]:
    """Every number phrase of the lexicon as a tuple of normalized words."""
    return frozenset(_lexicon()[0])


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word a number phrase of the lexicon starts with."""
    return frozenset(k[0] for k in _lexicon()[0])


def _lookup(words: list[str], i: int, continuation: bool) -> tuple[int, tuple[_Entry, ...]] | None:
    """Longest number phrase starting at word ``i``: (number of words, entries)."""
    table, longest = _lexicon()
    first = words[i]
    if first[0].isdigit() or first == "-":
        return None
    firsts: tuple[str, ...] = clitic_forms(first)
    if continuation and not first.isascii():
        # an Arabic compound continues only with the conjunction و (خمسة وعشرين)
        if not first.startswith("و"):
            return None
        firsts = clitic_forms(first[1:]) if len(first) > 2 else (first[1:],)
    if _first_words().isdisjoint(firsts):
        return None  # no number phrase starts with this word
    for n in range(min(longest, len(words) - i), 0, -1):
        rest = tuple(words[i + 1 : i + n])
        for form in firsts:
            hit = table.get((form, *rest))
            if hit:
                return n, hit
    return None


def _digits(tok: str) -> int | None:
    if not tok[:1].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", tok):
        return int(tok.replace(",", ""))
    if tok.isdigit():
        return int(tok)
    return None


def find_numbers(norm_text: str) -> list[NumberMention]:
    """Every number in normalized text (see :func:`rasd.text.normalize.normalize`), in order."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm_text)]
    words = [t[2] for t in toks]
    out: list[NumberMention] = []
    i = 0
    # Only digits and words some number phrase starts with can start a number: the rest are skipped.
    for start in [j for j, w in enumerate(words) if w[0].isdigit() or (w != "-" and starts_number(w))]:
        if start < i:
            continue  # inside the number just read
        i = start
        value = _digits(words[i])
        if value is not None:
            j = i + 1
            approx = False
            hit = _lookup(words, j, False) if j < len(toks) else None
            if hit and any(e.kind in ("thousand", "hundred") for e in hit[1]):
                value *= next(e.value for e in hit[1] if e.kind in ("thousand", "hundred"))
                j += hit[0]
            elif hit and any(e.kind == "vague" and e.value == 1000 for e in hit[1]):
                value *= 1000  # "3 آلاف"
                j += hit[0]
            out.append(NumberMention(toks[i][0], toks[j - 1][1], value, approx))
            i = j
            continue
        if words[i] != "-" and not words[i][0].isdigit():
            parsed = number_words_at(words, i)
            if parsed is not None:
                j, value, approx = parsed
                out.append(NumberMention(toks[i][0], toks[j - 1][1], value, approx))
                i = j
    return out


@lru_cache(maxsize=65536)
def starts_number(word: str) -> bool:
    """Can a number phrase start with this (normalized) word, or with a form of it without proclitics?"""
    return not _first_words().isdisjoint(clitic_forms(word))


def number_words_at(words: list[str], i: int) -> tuple[int, int, bool] | None:
    """A number phrase starting at normalized word ``i``: (end word index, value, approx), else None."""
    hit = _lookup(words, i, False)
    if hit is None:
        return None
    n, entries = hit
    kinds = {e.kind: e.value for e in entries}
    if "vague" in kinds:
        value, j = kinds["vague"], i + n
        nxt = _lookup(words, j, False) if j < len(words) else None
        if nxt and any(e.kind == "thousand" or (e.kind == "vague" and e.value == 1000) for e in nxt[1]):
            return j + nxt[0], value * 1000, True  # عشرات الآلاف
        return j, value, True
    if "teen" in kinds and len(kinds) == 1:
        return None
    total, current = 0, 0
    first = next((kinds[k] for k in ("card", "ord", "hundred", "thousand") if k in kinds), None)
    if first is None:
        return None
    if "hundred" in kinds:
        current = 100
    elif "thousand" in kinds:
        total = 1000
    else:
        current = first
    j = i + n
    while j < len(words):
        english = words[j].isascii()
        k = j
        if english and words[k] in _AND_EN and k + 1 < len(words):
            k += 1
        hit = _lookup(words, k, continuation=not english)
        plain = _lookup(words, k, continuation=False) if not english else hit
        step: tuple[int, tuple[_Entry, ...]] | None = None
        kinds2: dict[str, int] = {}
        if plain is not None:
            kinds2 = {e.kind: e.value for e in plain[1]}
            if "teen" in kinds2 and 1 <= current <= 9 and k == j and not words[k].startswith("و"):
                current += 10
                j = k + plain[0]
                continue
            if "hundred" in kinds2 and k == j:
                current = (current or 1) * 100
                j = k + plain[0]
                continue
            if "thousand" in kinds2 and k == j:
                total += (current or 1) * 1000
                current = 0
                j = k + plain[0]
                continue
            if english:
                step = plain
        if not english:
            step = hit
        if step is None:
            break
        kinds2 = {e.kind: e.value for e in step[1]}
        add = kinds2.get("card", kinds2.get("ord"))
        if add is None or "vague" in kinds2:
            break
        units_first = not english and 0 < current % 100 < 10 and add >= 20 and add % 10 == 0
        if not (_fits(current, total, add) or units_first):
            break
        current += add
        j = k + step[0]
    return j, total + current, False


def _fits(current: int, total: int, add: int) -> bool:
    """Whether ``add`` fills a free lower place of ``current`` (twenty + five, مئة + عشرين)."""
    if current == 0:
        return total > 0 and add < 1000
    mag = 1
    while current % (mag * 10) == 0:
        mag *= 10
    return add < mag


def parse_number(text: str) -> int | None:
    """The value of a text that is one number (digits or words), else None: "خمسة وعشرين" → 25."""
    norm = normalize(text).text.strip(" .,،")
    found = find_numbers(norm)
    if len(found) != 1:
        return None
    m = found[0]
    if norm[: m.start].strip() or norm[m.end :].strip():
        return None
    return m.value
