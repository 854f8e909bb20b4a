from pathlib import Path

import pytest
from eval_kit import NORTH, gold_doc, gold_event, pred

from rasd.eval.fields import actor_agrees, count_ok, score_pair
from rasd.eval.match import Pair, compatible
from rasd.eval.score import score_doc
from rasd.model import Actor, Event, Relation


def fields_of(gold_kw: dict, **pred_kw: object) -> dict[str, tuple[int, int]]:
    g = gold_event("g", **gold_kw)
    p = pred("p", **pred_kw)  # type: ignore[arg-type]
    c = compatible(g, p)
    assert c.ok, c.reason
    return score_pair(Pair(g, p, c.km), {})


def test_date_overlap_matches_but_only_an_interval_inside_is_exact() -> None:
    week = {"date": ["2024-03-04", "2024-03-10"]}
    assert fields_of(week, start="2024-03-05", end="2024-03-06")["date_exact"] == (1, 1)
    assert fields_of(week, start="2024-03-09", end="2024-03-12")["date_exact"] == (0, 1)


def test_sub_event_type_accepts_any_listed_value() -> None:
    either = {"sub_event_type": ["Air/drone strike", "Shelling/artillery/missile attack"]}
    assert fields_of(either, sub="Shelling/artillery/missile attack")["sub_event_type"] == (1, 1)
    assert fields_of(either, sub="Grenade")["sub_event_type"] == (0, 1)
    assert "sub_event_type" not in fields_of({"sub_event_type": None})


def test_local_time_compared_as_hh_mm() -> None:
    assert fields_of({"local_time": "9:05"}, time="09:05")["local_time"] == (1, 1)
    assert fields_of({"local_time": "09:05"}, time="09:50")["local_time"] == (0, 1)
    assert fields_of({"local_time": "09:05"})["local_time"] == (0, 1)
    assert "local_time" not in fields_of({})


def test_time_precision_must_be_honest() -> None:
    vague = {"date": ["2024-03-01", "2024-03-10"], "min_time_precision": 2}
    assert fields_of(vague, start="2024-03-05", precision=2)["time_precision"] == (1, 1)
    assert fields_of(vague, start="2024-03-05", precision=1)["time_precision"] == (0, 1)  # claims a day
    one_day = {"date": ["2024-03-10", "2024-03-10"]}
    assert fields_of(one_day, precision=1)["time_precision"] == (1, 1)
    assert fields_of(one_day, precision=2)["time_precision"] == (0, 1)
    assert "time_precision" not in fields_of({"date": ["2024-03-01", "2024-03-10"]})


def test_count_rules() -> None:
    assert count_ok(None, 3) is None  # gold null: not scored
    assert count_ok(0, None) and count_ok(0, 0)  # zero may be left unstated
    assert not count_ok(0, 2)
    assert count_ok(4, 4) and not count_ok(4, None) and not count_ok(4, 5)
    assert fields_of({"fatalities": 2, "injuries": 0}, fatalities=2)["injuries"] == (1, 1)
    assert "fatalities" not in fields_of({"fatalities": None}, fatalities=7)
    assert fields_of({"abducted": 3}, abducted=3)["abducted"] == (1, 1)


def test_munitions_names_are_case_and_plural_blind() -> None:
    assert fields_of({"munitions": {"rockets": 6}}, munitions={"Rocket": 6})["munitions"] == (1, 1)
    assert fields_of({"munitions": {"rockets": 6}}, munitions={"rockets": 5})["munitions"] == (0, 1)


def test_sources_min_counts_distinct_voices_not_the_outlet() -> None:
    gold = {"sources": ["ministry", "witness"], "sources_min": 2}
    two = fields_of(gold, sources=(("statement", "Ministry"), ("witness", "a resident")))
    assert two["sources"] == (1, 1)
    one_plus_outlet = fields_of(gold, sources=(("statement", "Ministry"), ("outlet", "Daily Paper")))
    assert one_plus_outlet["sources"] == (0, 1)
    same_twice = fields_of(gold, sources=(("statement", "Ministry"), ("statement", "ministry ")))
    assert same_twice["sources"] == (0, 1)
    # without sources_min, a gold that lists a source needs one
    assert fields_of({"sources": ["police"]}, sources=(("agency", "Police"),))["sources"] == (1, 1)
    assert "sources" not in fields_of({})


def test_actors_by_role() -> None:
    gold = {"actors": {"attacker": "unidentified armed group", "target": "Border Guard; local police"}}
    p_kw = {
        "actor1": Actor(name="Unidentified Armed Group (Testland)"),
        "actor2": Actor(name="Police Forces of Testland", short="local police"),
    }
    assert fields_of(gold, **p_kw)["actors"] == (2, 2)
    swapped = {"actor1": p_kw["actor2"], "actor2": p_kw["actor1"]}
    assert fields_of(gold, **swapped)["actors"] == (0, 2)
    assert not actor_agrees("Popular Mobilization Forces", ["Military Forces of Testland"])
    assert actor_agrees("Popular Mobilization Forces (PMF)", ["PMF: Popular Mobilization Forces"])
    civilians = {"actors": {"target": "a civilian woman"}}
    assert fields_of(civilians, actor2=Actor(name="Civilians (Testland)"))["actors"] == (1, 1)


def test_distance_buckets() -> None:
    near = (NORTH[0] + 0.05, NORTH[1])  # about 5.6 km
    mid = (NORTH[0] + 0.2, NORTH[1])  # about 22 km
    assert [fields_of({}, at=near)[f] for f in ("geo_10km", "geo_50km", "geo_161km")] == [(1, 1)] * 3
    wide = {"km": 100}
    assert [fields_of(wide, at=mid)[f] for f in ("geo_10km", "geo_50km", "geo_161km")] == [
        (0, 1),
        (1, 1),
        (1, 1),
    ]
    assert "geo_10km" not in fields_of({"places": []}, at=None)


def test_relation_points_at_the_prediction_matched_to_the_named_gold() -> None:
    cause = gold_event("strike", date=["2024-03-01", "2024-03-05"])
    reply = gold_event("reply", relation="retaliation for strike")
    doc = gold_doc(cause, reply)

    def reply_pred(target: str, kind: str = "retaliation_for") -> Event:
        return pred("r", relations=[Relation(type=kind, target=target)])  # type: ignore[arg-type]

    def relation_field(preds: list[Event]) -> tuple[int, int]:
        scored = score_doc(doc, preds)
        return next(
            f
            for pair, f in zip(scored.match.pairs, scored.pair_fields, strict=True)
            if pair.gold.id == "reply"
        )["relation"]

    s = pred("s", start="2024-03-03")
    assert relation_field([s, reply_pred("s")]) == (1, 1)
    assert relation_field([s, reply_pred("s", "follows")]) == (0, 1)
    assert relation_field([s, reply_pred("nobody")]) == (0, 1)
    assert relation_field([reply_pred("s")]) == (0, 1)  # the cause was not found


def test_split_group_counts_are_summed() -> None:
    g = gold_event(
        "raids", split_ok=True, date=["2024-03-01", "2024-03-31"], fatalities=5, munitions={"missiles": 3}
    )
    preds = [
        pred("r1", start="2024-03-02", fatalities=2, munitions={"missile": 1}),
        pred("r2", start="2024-03-04", fatalities=3, munitions={"missile": 2}),
        pred("r3", start="2024-03-06"),
    ]
    scored = score_doc(gold_doc(g), preds)
    assert scored.pair_fields[0]["fatalities"] == (1, 1)
    assert scored.pair_fields[0]["munitions"] == (1, 1)


def test_actor_known_names_come_from_actors_tsv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.eval import fields

    (tmp_path / "actors.tsv").write_text(
        "id\tkind\tacled_name\tshort\tcountry\ten\n"
        "tl_guard\ttl_guard\tMilitary Forces of Testland\tTLG\tTL\tTestland border guard|frontier troops\n"
        "military\tmilitary\tMilitary Forces of {country}\t\t\tarmy|troops\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("RASD_KNOWLEDGE", str(tmp_path))
    fields.known_actor_names.cache_clear()
    try:
        gold = {"actors": {"attacker": "frontier troops"}}
        assert fields_of(gold, actor1=Actor(name="Military Forces of Testland", id="tl_guard"))["actors"] == (
            1,
            1,
        )
        # a class row's generic words are not used
        assert fields_of(gold, actor1=Actor(name="Military Forces of Elsewhere", id="military"))[
            "actors"
        ] == (0, 1)
    finally:
        fields.known_actor_names.cache_clear()
