"""Speed of actor finding and role assignment (load once, then per sentence).

python benchmarks/actors_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "actors"))

from actor_cases import ARABIC, ENGLISH  # noqa: E402

from rasd.actors import assign_roles, find_actors  # noqa: E402
from rasd.text.normalize import normalize  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    find_actors(normalize("تحميل"), "ar")
    assign_roles("تحميل", "ar", find_actors(normalize("قسد"), "ar"))
    load = time.perf_counter() - started
    cases = ARABIC + ENGLISH
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        for lang, country, sentence, _a1, _a2 in cases:
            assign_roles(sentence, lang, find_actors(normalize(sentence), lang, country=country))
    per = (time.perf_counter() - started) / (rounds * len(cases))
    print(f"tables and matchers load: {load * 1000:.0f} ms")
    print(f"find_actors + assign_roles: {per * 1e6:.0f} us per sentence ({1 / per:,.0f} sentences/s)")


if __name__ == "__main__":
    main()
