"""Finding time expressions in running text (longest runs of time tokens, no overlaps)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rasd.text.normalize import normalize
from rasd.time.lexer import TTok, lex
from rasd.time.lexicon import phrases
from rasd.time.types import TimeMention

_ANCHORS = {"month", "hmonth", "weekday", "relday", "overnight", "clock", "numdate", "hhmm", "zone"}
_TIMEY = {"daypart", "ampm", "hourmark", "fraction"}
# Words of these categories (or a digit) must occur in any valid span: a text without them is skipped
# before the (slower) offset-keeping normalization.
_GATE_CATS = _ANCHORS | _TIMEY | {"month_weak", "hmonth_weak", "unit", "yearmark"}
_KEEP_LEAD = {"on", "in", "at", "between", "from", "في", "بين", "يوم", "منذ", "قبل", "خلال", "طوال", "طيله"}
_HEADS = {
    "month",
    "hmonth",
    "weekday",
    "relday",
    "overnight",
    "part",
    "hourmark",
    "at",
    "ago",
    "since",
    "numdate",
}
_TAILS = {"fraction", "minute", "ampm", "zone", "dir", "yearmark", "unit", "minus"}
_CONJ = {"و", "and", ",", "،"}
_DROP_ONLY = {"conn", "range", "at", "approx", "window"}


def find_time_expressions(text: str, lang: str | None = None) -> list[TimeMention]:
    """Every date, time, relative or zone expression in ``text`` (spans in the original text)."""
    if not _gate().search(text.translate(_fold_table()).lower()):
        return []
    nt = normalize(text)
    toks = lex(nt.text)
    out: list[TimeMention] = []
    run: list[TTok] = []
    for tok in [*toks, None]:
        if tok is not None and tok.cats and (not run or _joins(nt.text, run[-1], tok)):
            run.append(tok)
            continue
        for span in _split(run) if run else ():
            s, e = nt.to_original(span[0].start, span[-1].end)
            while e < len(text) and (unicodedata.category(text[e]) == "Mn" or text[e] == "\u0640"):
                e += 1  # keep the word's trailing diacritics (ظهراً)
            out.append(TimeMention(s, e, text[s:e], _kind(span)))
        run = [tok] if tok is not None and tok.cats else []
    return out


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """str.translate table doing normalize()'s per-character folding for Arabic, digits and marks."""
    ranges = [(0x00A0, 0x0100), (0x0600, 0x0700), (0x200B, 0x2070), (0xFB50, 0xFF00)]
    # (presentation forms that NFKC leaves unchanged are skipped: normalize() does not fold them)
    return {
        cp: normalize(chr(cp)).text
        for lo, hi in ranges
        for cp in range(lo, hi)
        if cp < 0xFB50 or unicodedata.normalize("NFKC", chr(cp)) != chr(cp)
    }


@lru_cache(maxsize=1)
def _gate() -> re.Pattern[str]:
    words = {k[0] for k, cats in phrases()[0].items() if set(cats) & _GATE_CATS}
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\d|(?<![^\W\d_])(?:[وفبلك]{{0,2}}(?:ال|لل)?)?(?:{alts})(?![^\W\d_])")


def _split(run: list[TTok]) -> list[list[TTok]]:
    """Valid trimmed spans of a run, cut at "و"/"and"/commas where both sides stand alone."""
    span = _trim(run)
    if not span or not _valid(span):
        return []
    table = phrases()[0]
    for k in range(1, len(span)):
        tok = span[k]
        if tok.text in _CONJ:
            left, right = _trim(span[:k]), _trim(span[k + 1 :])
        elif tok.text.startswith("و") and len(tok.text) > 2 and (tok.text,) not in table and tok.num is None:
            left, right = _trim(span[:k]), _trim(span[k:])
        else:
            continue
        if not (left and right and _valid(left) and _valid(right)):
            continue
        head = set(right[0].cats) & _HEADS or right[0].text in _KEEP_LEAD
        if set(right[0].cats) & _TAILS and not head:
            continue  # "الساعة السابعة والنصف صباحاً" goes on, it does not start anew
        kept = {id(t) for t in left + right}
        if any(
            id(t) not in kept and t is not tok and (t.num is not None or set(t.cats) & _ANCHORS) for t in span
        ):
            continue
        if len(left) == 1 and "weekday" in left[0].cats and any("month" in t.cats for t in right):
            continue  # "Tuesday, July 7, 2021"
        return [left, *_split(right)]
    return [span]


def _joins(norm: str, prev: TTok, tok: TTok) -> bool:
    gap = norm[prev.end : tok.start]
    if not gap.strip() or (
        gap.strip() in ("و", "ف") and not gap[-1].isspace()
    ):  # clitic left out of the token
        return True
    # "approx." and "Jan." end with a dot that does not close the sentence
    return gap.strip() == "." and ("approx" in prev.cats or (prev.text.isalpha() and len(prev.text) <= 4))


def _only(tok: TTok, cats: set[str]) -> bool:
    return set(tok.cats) <= cats


def _trim(run: list[TTok]) -> list[TTok]:
    """The run without dangling joiners and stray numbers at either end."""
    span = list(run)
    while span:
        first, last = span[0], span[-1]
        lone_joiner = len(span) == 1 and _only(first, _DROP_ONLY | {"ago"})
        drop_first = (_only(first, _DROP_ONLY) and first.text not in _KEEP_LEAD) or (
            first.cats.keys() == {"num"} and not _num_leads(span)
        )
        drop_last = (len(span) > 1 and _only(last, _DROP_ONLY | {"ago"}) and last.text != "ago") or (
            last.cats.keys() == {"num"} and not _num_trails(span)
        )
        if drop_first or lone_joiner:
            span.pop(0)
        elif drop_last:
            span.pop()
        else:
            break
    return span


def _num_leads(span: list[TTok]) -> bool:
    nxt = span[1] if len(span) > 1 else None
    if nxt is None:
        return False
    if nxt.text in ("th", "st", "nd", "rd", "-", "و", "and", "to", "الى", "من", "of") and len(span) > 2:
        return True
    return bool(set(nxt.cats) & {"month", "month_weak", "hmonth", "hmonth_weak", "unit", "ampm", "daypart",
                                  "fraction", "yearmark", "hourmark", "ago"})  # fmt: skip


def _num_trails(span: list[TTok]) -> bool:
    prev = span[-2] if len(span) > 1 else None
    last = span[-1]
    if prev is None:
        return False
    yearlike = last.text.isdigit() and (1900 <= (last.num or 0) <= 2100 or 1300 <= (last.num or 0) <= 1600)
    if prev.text in (",", "،") or prev.num is not None:
        return yearlike
    return bool(set(prev.cats) & {"month", "month_weak", "hmonth", "hmonth_weak", "hourmark", "range",
                                  "yearmark", "unit"})  # fmt: skip


def _valid(span: list[TTok]) -> bool:
    cats = set().union(*(t.cats for t in span))
    if cats & _ANCHORS:
        return True
    for t in span:
        if t.num is None and "dotclock" not in t.cats:
            continue
        others = set().union(*(o.cats for o in span if o is not t))
        if others & _TIMEY or (t.text.isdigit() and others & {"month_weak", "hmonth_weak", "yearmark"}):
            return True
    if ("month_weak" in cats or "hmonth_weak" in cats) and cats & {"dir", "part"}:
        return True
    return "unit" in cats and bool(cats & {"dir", "ago"})


def _kind(span: list[TTok]) -> str:
    cats = set().union(*(t.cats for t in span))
    timed = bool(cats & {"hhmm", "clock", "dotclock", "ampm", "hourmark", "fraction"})
    dated = bool(cats & {"month", "month_weak", "hmonth", "hmonth_weak", "numdate", "weekday", "relday"})
    if cats == {"zone"}:
        return "zone"
    if timed and dated:
        return "datetime"
    if timed:
        return "time"
    if "range" in cats and sum(t.num is not None for t in span) >= 2:
        return "range"
    if cats & {"relday", "weekday", "dir", "ago", "unit", "overnight"}:
        return "relative"
    return "date"
