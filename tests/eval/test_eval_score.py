from eval_kit import BATTLES, SOUTH, gold_doc, gold_event, pred

from rasd.eval.score import prf, score


def test_prf_edges() -> None:
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert prf(0, 2, 0)[0] == 0.0
    p, r, f = prf(3, 1, 2)
    assert (p, r, round(f, 4)) == (0.75, 0.6, 0.6667)


def test_micro_averaged_report_over_two_documents() -> None:
    doc_a = gold_doc(
        gold_event("a1", fatalities=2),
        gold_event("a2", required=False, event_type=BATTLES, sub_event_type="Armed clash"),
        doc="a",
    )
    doc_b = gold_doc(gold_event("b1"), gold_event("b2", places=[{"lat": SOUTH[0], "lon": SOUTH[1]}]), doc="b")
    preds = {
        "a": [
            pred("pa1", fatalities=2, doc_id="a"),
            pred("pa2", event_type=BATTLES, sub="Armed clash", doc_id="a"),
        ],
        "b": [pred("pb1", doc_id="b"), pred("pb_extra", event_type=BATTLES, sub="Armed clash", doc_id="b")],
    }
    report = score([doc_a, doc_b], preds)
    assert (report.tp, report.fp, report.fn) == (2, 1, 1)
    data = report.to_dict()
    s = data["summary"]
    assert (s["gold_required"], s["gold_optional"], s["optional_matched"], s["predicted"]) == (3, 1, 1, 4)
    assert (s["precision"], s["recall"]) == (0.6667, 0.6667)
    assert data["fields"]["fatalities"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert data["fields"]["injuries"] == {"correct": 0, "total": 0, "accuracy": None}
    b = data["docs"][1]
    assert b["misses"][0]["gold"] == "b2"
    assert b["extras"][0]["pred"] == "pb_extra"
    assert data["docs"][0]["matches"][0]["fields"]["sub_event_type"] == [1, 1]
