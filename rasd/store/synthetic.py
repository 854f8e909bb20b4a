"""Synthetic reports for tests and benchmarks: template sentences, well-known cities, varied dates."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

CITIES = (
    "Baghdad", "Mosul", "Basra", "Kirkuk", "Erbil", "Tikrit", "Fallujah", "Ramadi", "Samarra", "Najaf",
    "Damascus", "Aleppo", "Homs", "Hama", "Raqqa", "Idlib", "Daraa", "Latakia", "Amman", "Beirut",
)  # fmt: skip
CITIES_AR = (
    "بغداد", "الموصل", "البصرة", "كركوك", "أربيل", "تكريت", "الفلوجة", "الرمادي", "سامراء", "النجف",
    "دمشق", "حلب", "حمص", "حماة", "الرقة", "إدلب", "درعا", "اللاذقية", "عمان", "بيروت",
)  # fmt: skip
EN = (
    "{n} rockets hit {city} on {date}, killing {k} people and wounding {w}, police said.",
    "A roadside bomb exploded in {city} on {date}, killing {k} soldiers, a security source said.",
    "Gunmen attacked a checkpoint in {city} on {date}, killing {k} policemen, officials said.",
)
AR = (
    "سقطت {n} صواريخ على {city} في {date}، ما أدى إلى مقتل {k} أشخاص وإصابة {w} آخرين، بحسب الشرطة.",
    "انفجرت عبوة ناسفة في {city} في {date}، ما أسفر عن مقتل {k} جنود، وفق مصدر أمني.",
)
AR_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)


def synthetic_documents(
    n: int, seed: int = 7, start: dt.date = dt.date(2024, 1, 1), sentences: int = 1
) -> Iterator[dict[str, str]]:
    """``n`` JSONL-ready documents {id, text, published, outlet} of ``sentences`` reports each; a quarter in Arabic."""
    rng = random.Random(seed)
    for i in range(n):
        parts = [_sentence(rng, start) for _ in range(sentences)]
        published = max(day for day, _ in parts) + dt.timedelta(days=1)
        text = "\n".join(t for _, t in parts)
        outlet = f"Outlet {seed}-{i:06d}"  # unique, so no two documents have the same content
        yield {
            "id": f"syn-{seed}-{i:06d}",
            "text": text,
            "published": published.isoformat(),
            "outlet": outlet,
        }


def _sentence(rng: random.Random, start: dt.date) -> tuple[dt.date, str]:
    day = start + dt.timedelta(days=rng.randrange(365))
    city = rng.randrange(len(CITIES))
    figures = {"n": rng.randint(2, 9), "k": rng.randint(1, 9), "w": rng.randint(1, 20)}
    if rng.random() < 0.25:
        date = f"{day.day} {AR_MONTHS[day.month - 1]} {day.year}"
        return day, rng.choice(AR).format(city=CITIES_AR[city], date=date, **figures)
    return day, rng.choice(EN).format(city=CITIES[city], date=day.strftime("%-d %B %Y"), **figures)


def write_jsonl(path: Path, n: int, seed: int = 7, sentences: int = 1) -> Path:
    """Write ``n`` synthetic documents to ``path`` (JSONL) and return it."""
    with path.open("w", encoding="utf-8") as fh:
        for doc in synthetic_documents(n, seed, sentences=sentences):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path
