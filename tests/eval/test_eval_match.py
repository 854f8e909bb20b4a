from eval_kit import BATTLES, SOUTH, gold_doc, gold_event, pred

from rasd.eval.match import compatible, match_doc


def test_compatible_needs_type_date_overlap_and_distance() -> None:
    g = gold_event("g", date=["2024-03-08", "2024-03-10"])
    assert compatible(g, pred("p")).ok
    assert compatible(g, pred("p", start="2024-03-01", end="2024-03-08")).ok  # overlap is enough
    assert "event type" in compatible(g, pred("p", event_type=BATTLES)).reason
    assert "outside" in compatible(g, pred("p", start="2024-03-11")).reason
    far = compatible(g, pred("p", at=SOUTH))
    assert not far.ok and far.km is not None and 54 < far.km < 57
    assert compatible(g, pred("p", at=None)).reason == "no coordinates predicted"


def test_any_gold_place_is_acceptable() -> None:
    g = gold_event(
        "g",
        places=[
            {"name": "far", "lat": 10.0, "lon": 10.0},
            {"name": "south", "lat": SOUTH[0], "lon": SOUTH[1]},
        ],
    )
    c = compatible(g, pred("p", at=SOUTH))
    assert c.ok and c.km is not None and c.km < 0.01


def test_one_to_one_counts_tp_fp_fn() -> None:
    doc = gold_doc(gold_event("a"), gold_event("b", event_type=BATTLES, sub_event_type="Armed clash"))
    m = match_doc(doc, [pred("p1"), pred("p2")])
    assert [(p.gold.id, p.pred.id) for p in m.pairs] == [("a", "p1")]
    assert m.true_positives == 1
    assert [(g.id, why) for g, why in m.misses] == [("b", "no prediction of type 'Battles'")]
    # p2 could match 'a' but 'a' is taken and not split_ok: a duplicate is a false positive
    assert [(e.id, why) for e, why in m.false_positives] == [
        ("p2", "duplicate of the prediction matched to 'a'")
    ]


def test_assignment_maximises_matches_not_greedy() -> None:
    wide = gold_event("wide", date=["2024-03-01", "2024-03-20"])
    narrow = gold_event("narrow", date=["2024-03-10", "2024-03-10"])
    # p_both fits both gold events (and fits 'wide' best by confidence); p_wide_only fits 'wide' only
    p_both = pred("p_both", start="2024-03-10", confidence=1.0)
    p_wide = pred("p_wide_only", start="2024-03-15", confidence=0.1)
    m = match_doc(gold_doc(wide, narrow), [p_both, p_wide])
    assert sorted((p.gold.id, p.pred.id) for p in m.pairs) == [("narrow", "p_both"), ("wide", "p_wide_only")]
    assert not m.misses and not m.false_positives


def test_assignment_prefers_the_better_pair() -> None:
    g1 = gold_event("g1", sub_event_type="Air/drone strike")
    g2 = gold_event("g2", sub_event_type="Shelling/artillery/missile attack")
    shell = pred("shell", sub="Shelling/artillery/missile attack")
    air = pred("air")
    m = match_doc(gold_doc(g1, g2), [shell, air])
    assert sorted((p.gold.id, p.pred.id) for p in m.pairs) == [("g1", "air"), ("g2", "shell")]


def test_split_ok_takes_several_predictions_without_false_positives() -> None:
    g = gold_event("campaign", split_ok=True, date=["2024-03-01", "2024-03-31"])
    preds = [pred("s1", start="2024-03-02"), pred("s2", start="2024-03-09"), pred("s3", start="2024-03-20")]
    m = match_doc(gold_doc(g), preds)
    assert len(m.pairs) == 1 and len(m.split_extras) == 2
    assert not m.false_positives and m.true_positives == 1
    assert m.gold_of_pred() == {"s1": "campaign", "s2": "campaign", "s3": "campaign"}


def test_optional_gold_neither_rewards_nor_penalises() -> None:
    opt = gold_event("maybe", required=False)
    missing = match_doc(gold_doc(opt), [])
    assert not missing.misses and [g.id for g in missing.optional_unmatched] == ["maybe"]
    found = match_doc(gold_doc(opt), [pred("p")])
    assert found.true_positives == 0 and not found.false_positives and len(found.pairs) == 1


def test_miss_reason_names_the_nearest_failure() -> None:
    m = match_doc(gold_doc(gold_event("g")), [pred("p", at=SOUTH)])
    assert "km from the nearest gold place" in m.misses[0][1]
    assert match_doc(gold_doc(gold_event("g")), []).misses[0][1] == "no event predicted in this document"
