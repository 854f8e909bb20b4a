"""Counts in a sentence: people killed, injured, abducted, arrested, and munitions fired.

Works on normalized text; spans are normalized offsets. The words and where their number
stands come from ``knowledge/counts.tsv`` and ``knowledge/weapons.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.knowledge import read_tsv
from rasd.text.normalize import normalize_key
from rasd.text.numbers import find_numbers
from rasd.text.tokens import Token, clitic_forms, tokenize
from rasd.time.lexicon import phrases

WINDOW = 4  # tokens between a number and the word it counts
_ARTICLES = {"a", "an", "one", "another", "his", "her"}
_SINGULAR_REACH = 6  # tokens between "a" and its noun ("a regime 4th Armored Division member")
_NP_BREAK = {
    "and",
    "or",
    "of",
    "the",
    "with",
    "by",
    "in",
    "on",
    "at",
    "to",
    "from",
    "were",
    "was",
    "who",
    "their",
}
_ORDINAL_ENDINGS = {"th", "st", "nd", "rd"}
_PRONOUNS = {"him", "her"}  # "killing him": one person when right after a count word
_AGE = {"years", "year", "yr", "عاما", "عام", "سنوات", "سنه", "سنين", "اعوام"}
_NEGATORS = {"no", "without", "not", "zero", "لا", "لم", "دون", "بدون", "عدم", "وعدم", "ولا", "ولم"}
_ZERO_WORDS = {
    "casualties": ("fatalities", "injuries"),
    "اصابات": ("injuries",),
    "ضحايا": ("fatalities",),
}
_ZERO_HINTS = {form for word in _ZERO_WORDS for form in (word, "ب" + word, "و" + word)}


@dataclass(frozen=True, slots=True)
class Count:
    """A counted quantity: ``field`` is fatalities/injuries/abducted/arrested or ``munition:<key>``."""

    field: str
    value: int
    start: int
    end: int
    approx: bool = False


@dataclass(frozen=True, slots=True)
class _Term:
    field: str
    position: str
    prefix: bool


@lru_cache(maxsize=1)
def count_terms() -> dict[str, _Term]:
    terms: dict[str, _Term] = {}
    for row in read_tsv("counts.tsv", required=("lang", "term", "field", "position")):
        if row["position"] not in {"before", "after", "either"}:
            raise row.error(f"position must be before, after or either, not {row['position']!r}")
        term = normalize_key(row["term"])
        prefix = term.endswith("*")
        terms[term.rstrip("*")] = _Term(row["field"], row["position"], prefix)
    for word, key in _munition_rows():
        terms.setdefault(word.rstrip("*"), _Term(f"munition:{key}", "before", word.endswith("*")))
    return terms


@lru_cache(maxsize=1)
def _munition_rows() -> tuple[tuple[str, str], ...]:
    """(normalized word, munition key) for every word of weapons.tsv that names a countable munition."""
    try:
        rows = read_tsv("weapons.tsv")
    except Exception:  # the weapons lexicon is optional for counting
        return ()
    out = []
    for row in rows:
        key = row.get("munition")
        term = row.get("term") or row.get("pattern")
        if key and term and " " not in term.strip():
            out.append((normalize_key(term), key))
    return tuple(out)


@lru_cache(maxsize=65536)
def _match_term(token: str) -> _Term | None:
    terms = count_terms()
    for form in clitic_forms(token):
        term = terms.get(form)
        if term is not None:
            return term
    for form in clitic_forms(token):
        for size in range(len(form) - 1, 2, -1):
            term = terms.get(form[:size])
            if term is not None and term.prefix:
                return term
    return _dual_munition(token)


def _dual_munition(token: str) -> _Term | None:
    """Arabic dual of a munition noun (صاروخين، طائرتين) counts two."""
    if token.isascii() or len(token) < 5:
        return None
    terms = count_terms()
    for suffix, restore in (("تين", "ه"), ("تان", "ه"), ("ين", ""), ("ان", "")):
        if token.endswith(suffix):
            stem = token[: -len(suffix)] + restore
            for form in clitic_forms(stem):
                term = terms.get(form)
                if term is not None and term.field.startswith("munition:"):
                    return _Term(term.field, "dual", False)
    return None


def find_counts(norm_text: str) -> list[Count]:
    """Counts stated in one (normalized) sentence."""
    tokens = tokenize(norm_text)
    terms = list(map(_match_term, [tok.text for tok in tokens]))
    if not any(terms) and not any(t.text in _ZERO_HINTS for t in tokens):
        return []  # no word that counts anything: skip the number search
    numbers = find_numbers(norm_text)
    number_at: dict[int, tuple[int, int, bool, int]] = {}
    for i, (tok, term) in enumerate(zip(tokens, terms, strict=True)):
        if term is not None and term.field == "two":
            number_at[i] = (2, tok.start, False, tok.end)
        elif term is not None and term.field == "one":
            at = _singular(tokens, terms, i)
            if at is not None:  # the number stands where the noun phrase starts ("killed a ... member")
                number_at.setdefault(at, (1, tokens[at].start, False, tok.end))
    for n in numbers:
        if norm_text[n.end : n.end + 2] in _ORDINAL_ENDINGS:
            continue  # "the 4th Armored Division": a name, not a count
        for i, tok in enumerate(tokens):
            if tok.start >= n.start and tok.end <= n.end and not _is_age(tokens, i):
                number_at.setdefault(i, (n.value, n.start, n.approx, n.end))
    out: list[Count] = []
    used: set[int] = set()
    subsets = frozenset(i for i, t in enumerate(terms) if t is not None and t.field == "subset")
    for i, tok in enumerate(tokens):
        term = terms[i]
        if term is None or term.field in {"one", "two", "subset"}:
            continue
        if term.position == "dual":
            after = terms[i + 1] if i + 1 < len(terms) else None
            if after is not None and after.position == "dual" and after.field.startswith("munition:"):
                continue  # "طائرتين مسيرتين": two drones (the noun and the kind it is), not two of each
            if any(form.startswith("ال") for form in clitic_forms(tok.text)[:2]):
                continue  # "لإحدى الطائرتين": the two already counted, told again
            out.append(Count(term.field, 2, tok.start, tok.end))
            continue
        found = _nearby_number(tokens, number_at, i, term.position, used, subsets)
        if found is not None:
            value, start, approx = found
            out.append(Count(term.field, value, min(start, tok.start), max(tok.end, start), approx))
        elif _negated(tokens, i):
            out.append(Count(term.field, 0, tokens[max(0, i - WINDOW)].start, tok.end))
        elif i > 0 and tokens[i - 1].text in {"a", "an"}:  # "a body was found", "an injured man"
            out.append(Count(term.field, 1, tokens[i - 1].start, tok.end))
    for i, tok in enumerate(tokens):
        forms = clitic_forms(tok.text)
        if _ZERO_WORDS.keys().isdisjoint(forms):
            continue
        fields = next((f for w, f in _ZERO_WORDS.items() if w in forms), None)
        if fields and _negated(tokens, i):
            for field in fields:
                if not any(c.field == field for c in out):
                    out.append(Count(field, 0, tokens[max(0, i - WINDOW)].start, tok.end))
    return out


def _nearby_number(
    tokens: Sequence[Token],
    number_at: dict[int, tuple[int, int, bool, int]],
    i: int,
    position: str,
    used: set[int],
    subsets: frozenset[int] = frozenset(),
) -> tuple[int, int, bool] | None:
    """The closest unused number on the allowed side(s) of token i; marks it used. A number that only
    counts part of the toll ("16 civilians including 3 children were killed") gives way to the total."""
    sides = {"before": (-1,), "after": (1,), "either": (-1, 1)}[position]
    for step in sides:
        j = i + step
        while 0 <= j < len(tokens) and abs(j - i) <= WINDOW:
            if j in number_at and j not in used and not _is_date_year(tokens, j, number_at[j][0]):
                used.add(j)
                if step < 0:
                    j = _total_before(tokens, number_at, j, used, subsets)
                value, start, approx, end = number_at[j]
                return value, (start if step < 0 else end), approx
            if j in number_at or _is_count_word(tokens[j].text):
                break
            j += step
    return None


def _total_before(
    tokens: Sequence[Token],
    number_at: dict[int, tuple[int, int, bool, int]],
    j: int,
    used: set[int],
    subsets: frozenset[int],
) -> int:
    """The total a part-count at token j belongs to ("Sixteen civilians including three children"),
    when a subset word stands just before j and a number a few words before that; else j."""
    marker = next((k for k in (j - 1, j - 2) if k in subsets), None)
    if marker is None:
        return j
    for k in range(marker - 1, max(-1, marker - 1 - WINDOW), -1):
        if k in number_at and k not in used and not _is_date_year(tokens, k, number_at[k][0]):
            used.add(k)
            return k
    return j


def _is_date_year(tokens: Sequence[Token], j: int, value: int) -> bool:
    """A year after a month or a year word ("3 March 2024", "عام 2015") is part of a date, not a toll."""
    if not 1900 <= value <= 2100 or j == 0:
        return False
    table, _ = phrases()
    before = table.get((tokens[j - 1].text,), {})
    return any(cat in before for cat in ("month", "month_weak", "hmonth", "hmonth_weak", "yearmark"))


def _is_count_word(token: str) -> bool:
    term = _match_term(token)
    return term is not None and term.field not in {"one", "two"}


def _singular(tokens: Sequence[Token], terms: Sequence[_Term | None], i: int) -> int | None:
    """Where a singular word for a person counts one, the token the count stands at: the a/an/his of
    its English noun phrase ("a regime 4th Armored Division member"), or the word itself right after a
    count word in Arabic ("مقتل شخص") or as an English object pronoun ("killing him")."""
    if i == 0:
        return None
    prev = tokens[i - 1].text
    before = terms[i - 1]
    after_count = before is not None and before.field in {"fatalities", "injuries", "abducted", "arrested"}
    if not prev.isascii() or tokens[i].text in _PRONOUNS:
        return i if after_count else None
    for j in range(i - 1, max(-1, i - 1 - _SINGULAR_REACH), -1):
        word = tokens[j].text
        if word in _ARTICLES:
            return j
        ordinal = j + 1 < i and tokens[j + 1].text in _ORDINAL_ENDINGS
        if word in _NP_BREAK or terms[j] is not None or (word.isdigit() and not ordinal):
            return None
    return None


def _is_age(tokens: Sequence[Token], i: int) -> bool:
    """ "a sixteen years old man", "شاب يبلغ 20 عاما": a number that gives an age counts nobody."""
    return i + 1 < len(tokens) and tokens[i + 1].text in _AGE


def _negated(tokens: Sequence[Token], i: int) -> bool:
    return any(tokens[j].text in _NEGATORS for j in range(max(0, i - WINDOW), i))
