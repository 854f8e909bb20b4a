"""A floor on accuracy over ACLED notes (the full figures come from benchmarks/actors_acled_notes.py)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from rasd.actors import assign_roles, find_actors
from rasd.text.normalize import normalize


def test_inter_codes_on_acled_notes(shared: Path) -> None:
    path = shared / "data/raw/acled_acledR/acled_sample_2022H1_global.csv"
    if not path.exists():
        import pytest

        pytest.skip("ACLED sample absent")
    with path.open(encoding="utf-8") as fh:
        rows = [r for _, r in zip(range(400), csv.DictReader(fh), strict=False)]
    hits = 0
    for row in rows:
        sentence = row["notes"].split(". ")[0]
        mentions = find_actors(
            normalize(sentence), "en", country=row["country"], date=dt.date.fromisoformat(row["event_date"])
        )
        a1, _ = assign_roles(sentence, "en", mentions)
        hits += (a1.inter if a1 else 0) == int(row["inter1"])
    assert hits / len(rows) > 0.7
