import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from rasd.eval.errors import EvalInputError
from rasd.eval.labels import NO_LABEL, classification_report, label_of, read_label_predictions, read_labels


def test_f1_by_hand() -> None:
    gold = ["a", "a", "a", "b", "b", "c"]
    pred = ["a", "a", "b", "b", "c", "c"]
    r = classification_report(gold, pred)
    by = {c.label: c for c in r.classes}
    # a: P 2/2 R 2/3 F .8 ; b: P 1/2 R 1/2 F .5 ; c: P 1/2 R 1/1 F 2/3
    assert round(by["a"].f1, 4) == 0.8 and by["b"].f1 == 0.5 and round(by["c"].f1, 4) == 0.6667
    assert round(r.macro_f1, 4) == round((0.8 + 0.5 + 2 / 3) / 3, 4)
    assert round(r.weighted_f1, 4) == round((0.8 * 3 + 0.5 * 2 + 2 / 3) / 6, 4)
    assert round(r.accuracy, 4) == round(4 / 6, 4)
    assert r.confusion == {"a": {"a": 2, "b": 1}, "b": {"b": 1, "c": 1}, "c": {"c": 1}}


def test_predicted_only_label_counts_in_macro_but_missing_prediction_does_not() -> None:
    r = classification_report(["a", "a"], ["a", "z"])
    assert [c.label for c in r.classes] == ["a", "z"]
    assert r.macro_f1 == pytest.approx((2 / 3 + 0) / 2)
    r = classification_report(["a", "a"], ["a", NO_LABEL])
    assert r.macro_f1 == pytest.approx(2 / 3)
    assert r.classes[-1].label == NO_LABEL


def test_label_of_accepts_common_classifier_results() -> None:
    @dataclass
    class Result:
        label: str
        score: float

    assert label_of("Armed clash") == "Armed clash"
    assert label_of(Result("Grenade", 0.9)) == "Grenade"
    assert label_of({"event_type": "Riots", "sub_event_type": "Mob violence"}, "event_type") == "Riots"
    assert label_of(("Grenade", 0.9)) == "Grenade"
    assert label_of({"label": "Grenade"}) == "Grenade"
    assert label_of(None) == NO_LABEL


def test_read_labels_and_tsv(tmp_path: Path) -> None:
    path = tmp_path / "l.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(r)
            for r in [{"id": 1, "text": "x", "label": "A"}, {"id": "2", "text": "y", "label": "B"}]
        ),
        encoding="utf-8",
    )
    assert [(s.id, s.label) for s in read_labels(path)] == [("1", "A"), ("2", "B")]
    tsv = tmp_path / "p.tsv"
    tsv.write_text("id\tlabel\n1\tA\n# note\n2\t\n3\tnone\n", encoding="utf-8")
    assert read_label_predictions(tsv) == {"1": "A", "2": NO_LABEL, "3": NO_LABEL}
    tsv.write_text("1 A\n", encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"p\.tsv:1: expected 'id<TAB>label'"):
        read_label_predictions(tsv)
    path.write_text('{"id": 1, "text": "x"}\n', encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"l\.jsonl:1: 'label'"):
        read_labels(path)


def test_many_labels_show_the_most_frequent_confusions() -> None:
    from rich.console import Console

    from rasd.eval.render import confusion_table

    gold = [f"L{i}" for i in range(12)] * 2
    pred = [f"L{i}" for i in range(12)] + ["L1"] * 12
    console = Console(width=100, record=True)
    console.print(confusion_table(classification_report(gold, pred)))
    text = console.export_text()
    assert "Most frequent confusions" in text and "L0" in text
    small = Console(width=100, record=True)
    small.print(confusion_table(classification_report(["a", "b"], ["a", "a"])))
    text = small.export_text()
    assert "Confusion" in text and "│ 2 b  │ 1 │ · │" in text
