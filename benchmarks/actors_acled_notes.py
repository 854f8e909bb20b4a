"""Accuracy of actor finding and role assignment on ACLED event notes (English).

Runs find_actors + assign_roles on the first sentence of each note of the ACLED sample (the event's
country and date are given as context, as the geocoder and date resolver would) and prints the
accuracy of inter1, inter2 and of the exact actor1 name where that actor is in the tables.
Every 5th row is held out (never looked at while writing rules); both figures are printed, and
the figure for rows of the Middle East and North Africa (both splits).
Eras are compared open-ended ("(2021-2022)" counts as "(2021-)") because the sample was
downloaded while those eras were current.

    python benchmarks/actors_acled_notes.py [path/to/acled_sample.csv] [--errors N]
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

from rasd.actors import assign_roles, find_actors
from rasd.actors.lexicon import actor_rows, class_actor, countries, resolve
from rasd.text.normalize import normalize

SHARED = Path(os.environ.get("RASD_SHARED", "/work/shared"))
DEFAULT = SHARED / "data/raw/acled_acledR/acled_sample_2022H1_global.csv"
_CLOSED_ERA = re.compile(r"\((\d{4})-\d{4}\)")
_ANY_ERA = re.compile(r" ?\(\d{4}-(\d{4})?\)")
MENA = {
    "Syria",
    "Iraq",
    "Yemen",
    "Lebanon",
    "Turkey",
    "Israel",
    "Palestine",
    "Libya",
    "Sudan",
    "Iran",
    "Egypt",
}
_FIRST_SENTENCE = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z0-9])")


def open_era(name: str) -> str:
    return _CLOSED_ERA.sub(r"(\1-)", name)


def no_era(name: str) -> str:
    return _ANY_ERA.sub("", name).strip()


def known_names() -> set[str]:
    names: set[str] = set()
    isos = list(countries())
    for row in actor_rows():
        for iso in isos if row.is_class else [None]:
            names.add(no_era(resolve(row, iso).acled_name))
    return names


def first_sentence(note: str) -> str:
    note = re.sub(r"^[A-Z][a-z ]+: ", "", note)  # "Security measures: On ..." prefixes
    return _FIRST_SENTENCE.split(note, maxsplit=1)[0]


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    show = int(argv[argv.index("--errors") + 1]) if "--errors" in argv else 0
    if not path.exists():
        print(f"no data at {path}")
        return
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    known = known_names()
    stats = {
        split: {"n": 0, "i1": 0, "i2": 0, "named": 0, "a1": 0, "named2": 0, "a2": 0}
        for split in ("dev", "held-out", "MENA")
    }
    errors: list[str] = []
    started = time.perf_counter()
    for idx, row in enumerate(rows):
        split = "held-out" if idx % 5 == 4 else "dev"
        buckets = [stats[split]] + ([stats["MENA"]] if row["country"] in MENA else [])
        date = dt.date.fromisoformat(row["event_date"]) if row.get("event_date") else None
        sentence = first_sentence(row["notes"])
        norm = normalize(sentence)
        mentions = find_actors(norm, "en", country=row["country"], date=date)
        a1, a2 = assign_roles(sentence, "en", mentions)
        if a1 is None and a2 is not None:
            # a victim without a perpetrator: ACLED's "Unidentified Armed Group (<country>)"
            unknown = class_actor("armed_group", row["country"], date)
            inter1, name1 = (unknown.inter, unknown.acled_name) if unknown else (0, "")
        else:
            inter1, name1 = (a1.inter, a1.acled_name) if a1 else (0, "")
        inter2 = a2.inter if a2 else 0
        gold1, gold2 = open_era(row["actor1"]), open_era(row["actor2"])
        ok1 = open_era(name1) == gold1
        ok2 = a2 is not None and open_era(a2.acled_name) == gold2
        for s in buckets:
            s["n"] += 1
            s["i1"] += inter1 == int(row["inter1"] or 0)
            s["i2"] += inter2 == int(row["inter2"] or 0)
            if no_era(gold1) in known:
                s["named"] += 1
                s["a1"] += ok1
            if gold2 and no_era(gold2) in known:
                s["named2"] += 1
                s["a2"] += ok2
        if not ok1 and no_era(gold1) in known and split == "dev" and len(errors) < show:
            errors.append(f"{gold1} | got {name1} :: {sentence[:160]}")
    elapsed = time.perf_counter() - started
    print(f"ACLED notes: {path.name}, {len(rows)} rows, {elapsed / max(len(rows), 1) * 1000:.2f} ms per note")
    for split, s in stats.items():
        n = max(s["n"], 1)
        print(
            f"{split:9s} n={s['n']:5d}  inter1 {s['i1'] / n:.1%}  inter2 {s['i2'] / n:.1%}  "
            f"actor1 exact {s['a1'] / max(s['named'], 1):.1%} (of {s['named']} in table)  "
            f"actor2 exact {s['a2'] / max(s['named2'], 1):.1%} (of {s['named2']} in table)"
        )
    for line in errors:
        print("  miss:", line)


if __name__ == "__main__":
    main(sys.argv[1:])
