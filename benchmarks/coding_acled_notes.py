"""Sub-event type accuracy of rasd.coding.classify on ACLED notes (2022 H1 global sample).

Usage: python benchmarks/coding_acled_notes.py [--no-labels] [--errors SUB] [--show N]
Prints accuracy, weighted and macro F1 over all rows, the held-out rows (every 5th) and the
rest, then the most frequent confusions. --no-labels strips ACLED's leading note labels
("Displacement: ...") to measure the rules on plain sentences.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import time
from collections import Counter
from pathlib import Path

from rasd.coding.classify import classify

DATA = (
    Path(os.environ.get("RASD_SHARED", "/work/shared"))
    / "data/raw/acled_acledR/acled_sample_2022H1_global.csv"
)
LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z /-]{2,40}:\s*")


def f1_scores(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    labels = sorted(set(gold))
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    support = Counter(gold)
    f1s = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = support[lab] - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    weighted = sum(f1s[lab] * support[lab] for lab in labels) / len(gold)
    macro = sum(f1s.values()) / len(labels)
    return acc, weighted, macro


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-labels", action="store_true")
    ap.add_argument("--errors", default="")
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}")
        return
    rows = list(csv.DictReader(DATA.open(encoding="utf-8")))
    gold, pred = [], []
    t0 = time.perf_counter()
    for r in rows:
        note = LABEL.sub("", r["notes"]) if args.no_labels else r["notes"]
        c = classify(note, "en")
        gold.append(r["sub_event_type"])
        pred.append(c.sub_event_type if c else "none")
    dt = time.perf_counter() - t0
    print(
        f"rows={len(rows)} time={dt:.2f}s ({len(rows) / dt:.0f} notes/s) labels={'off' if args.no_labels else 'on'}"
    )
    for name, idx in (
        ("all", range(len(rows))),
        ("held-out (every 5th)", range(0, len(rows), 5)),
        ("rest", [i for i in range(len(rows)) if i % 5]),
    ):
        g = [gold[i] for i in idx]
        p = [pred[i] for i in idx]
        acc, wf1, mf1 = f1_scores(g, p)
        print(f"{name:22s} n={len(g):5d} accuracy={acc:.3f} weighted_F1={wf1:.3f} macro_F1={mf1:.3f}")
    conf = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    print("top confusions (gold -> predicted: count):")
    for (g, p), n in conf.most_common(15):
        print(f"  {g} -> {p}: {n}")
    if args.errors:
        shown = 0
        for r, g, p in zip(rows, gold, pred, strict=True):
            wanted = g == args.errors or (args.errors.startswith("->") and p == args.errors[2:])
            if wanted and p != g and shown < args.show:
                print(f"[{g} -> {p}] {r['notes'][:260]}")
                shown += 1


if __name__ == "__main__":
    main()
