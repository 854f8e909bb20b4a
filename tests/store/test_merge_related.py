"""The related-reports merge benchmark (eval/merge/related.jsonl) runs on the shared articles."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "store_merge_related.py"


def _benchmark():
    spec = importlib.util.spec_from_file_location("store_merge_related", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_labelled_set_holds_ids_and_labels_only():
    bench = _benchmark()
    rows = bench.SET.read_text(encoding="utf-8").splitlines()
    assert rows
    for line in rows:
        row = bench.json.loads(line)
        assert set(row) == {"doc", "event_key", "anchor", "trigger", "incident"}
        assert row["doc"].split("#", 1)[0] in bench.FILES
        assert row["anchor"] == sorted(row["anchor"]) and all(isinstance(x, int) for x in row["anchor"])


def test_related_reports_are_extracted_merged_and_scored():
    bench = _benchmark()
    root = bench.raw_dir()
    if not (root / bench.FILES["FA-KES-Dataset.csv"]).exists():
        pytest.skip(f"shared data absent under {root}")
    result = bench.evaluate(root)
    assert result.labelled == len(bench.SET.read_text(encoding="utf-8").splitlines())
    assert len(result.not_found) < result.labelled
    found = result.by_anchor + result.by_key + len(result.approx) + len(result.not_found)
    assert found == result.labelled
    assert result.by_anchor > result.labelled // 2  # the trigger offsets find most events again
    for name in ("strict", "lenient"):
        precision, recall, merged, true, correct = result.scores[name]
        assert 0.0 <= precision <= 1.0 and 0.0 <= recall <= 1.0
        assert true > 0 and correct <= min(merged, true)
