"""Throughput of find_triggers + classify on every sentence of synthetic 2-4 KB articles.

Usage: python benchmarks/coding_speed.py [N_ARTICLES]
Articles are built from the own-written test snippets (tests/coding/snippets.tsv) plus filler
sentences, half Arabic, half English; prints articles/s (target >= 200 articles/s for the whole
pipeline, so this stage should be well above it).
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from rasd.coding.classify import classify, classify_norm
from rasd.coding.triggers import find_triggers
from rasd.text.normalize import normalize

SNIPPETS = Path(__file__).resolve().parents[1] / "tests/coding/snippets.tsv"
FILLER = {
    "ar": "وقال مصدر محلي إن الوضع في المنطقة ما يزال متوتراً، وسط حالة من الترقب بين السكان.",
    "en": "A local source said the situation in the area remained tense as residents waited for news.",
}
SPLIT = re.compile(r"(?<=[.!?\u061f])\s+")


def articles(n: int) -> list[tuple[str, str]]:
    rows = [ln.split("\t") for ln in SNIPPETS.read_text(encoding="utf-8").splitlines()[2:] if "\t" in ln]
    by_lang: dict[str, list[str]] = {"ar": [], "en": []}
    for text, _ in rows:
        by_lang["en" if text.isascii() else "ar"].append(text)
    rng = random.Random(7)
    out = []
    for i in range(n):
        lang = "ar" if i % 2 == 0 else "en"
        size = rng.randint(2000, 4000)
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(rng.choice(by_lang[lang]) if rng.random() < 0.5 else FILLER[lang])
        out.append((lang, " ".join(parts)))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    docs = articles(n)
    classify("warm up", "en")
    kb = sum(len(t.encode()) for _, t in docs) / 1024
    sents = [(lang, sent) for lang, text in docs for sent in SPLIT.split(text)]
    t0 = time.perf_counter()
    for lang, sent in sents:
        classify(sent, lang)
    dt = time.perf_counter() - t0
    print(f"{n} articles ({kb / n:.1f} KB avg), {len(sents)} sentences")
    print(
        f"classify(text) per sentence, normalize included: {n / dt:.0f} articles/s, {len(sents) / dt:.0f} sentences/s"
    )
    normed = [(lang, normalize(sent)) for lang, sent in sents]
    t0 = time.perf_counter()
    for lang, norm in normed:
        find_triggers(norm, lang)
    dt = time.perf_counter() - t0
    print(f"find_triggers on normalized sentences: {n / dt:.0f} articles/s")
    t0 = time.perf_counter()
    for lang, norm in normed:
        classify_norm(norm, lang)
    dt = time.perf_counter() - t0
    print(f"classify_norm on normalized sentences: {n / dt:.0f} articles/s")


if __name__ == "__main__":
    main()
