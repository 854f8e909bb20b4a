"""Field accuracy of a matched pair: each check returns (correct, scored) or None when gold says nothing."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, utils

from rasd.eval.geo import DISTANCE_BUCKETS_KM, bucket_name
from rasd.eval.gold import GoldEvent, normalize_time
from rasd.eval.match import Pair
from rasd.knowledge import KnowledgeError, read_tsv, split_list
from rasd.model import Actor, Event

Tally = tuple[int, int]
"""(correct, scored) counts."""

ACTOR_MIN_SIMILARITY = 85.0
"""rapidfuzz token_set_ratio at or above which a predicted actor name agrees with a gold description."""

FIELDS: tuple[str, ...] = (
    "sub_event_type",
    "date_exact",
    "local_time",
    "time_precision",
    "fatalities",
    "injuries",
    "abducted",
    "munitions",
    "actors",
    "sources",
    "relation",
    *(bucket_name(km) for km in DISTANCE_BUCKETS_KM),
)


def one(ok: bool) -> Tally:
    return (1 if ok else 0, 1)


def count_ok(gold: int | None, pred: int | None) -> bool | None:
    """A count agrees when equal; a gold 0 also accepts an unstated (None) prediction; gold None is unscored."""
    if gold is None:
        return None
    if gold == 0:
        return pred in (0, None)
    return pred == gold


def date_exact(gold: GoldEvent, pred: Event) -> Tally | None:
    """The predicted interval lies inside the gold interval."""
    if gold.date is None:
        return None
    w = pred.when
    return one(w is not None and gold.date[0] <= w.start and w.end <= gold.date[1])


def local_time(gold: GoldEvent, pred: Event) -> Tally | None:
    """The predicted time of day equals the gold ``local_time`` (HH:MM)."""
    if gold.local_time is None:
        return None
    predicted = normalize_time(pred.when.time) if pred.when and pred.when.time else None
    return one(predicted == gold.local_time)


def time_precision(gold: GoldEvent, pred: Event) -> Tally | None:
    """Honest precision: at least ``min_time_precision``; exactly 1 (day) when gold is a single day."""
    if pred.when is None:
        return None if gold.min_time_precision is None and not _one_day(gold) else one(False)
    if gold.min_time_precision is not None:
        return one(pred.when.time_precision >= gold.min_time_precision)
    if _one_day(gold):
        return one(pred.when.time_precision == 1)
    return None


def _one_day(gold: GoldEvent) -> bool:
    return gold.date is not None and gold.date[0] == gold.date[1]


def _munition_key(name: str) -> str:
    key = name.strip().casefold()
    return key[:-1] if key.endswith("s") else key


def munitions(gold: GoldEvent, pred: Event) -> Tally | None:
    """Every gold munition count is predicted exactly (names compared case-blind, singular or plural)."""
    if gold.munitions is None:
        return None
    predicted = {_munition_key(k): v for k, v in pred.munitions.items()}
    return one(all(predicted.get(_munition_key(k)) == v for k, v in gold.munitions.items()))


def distinct_sources(pred: Event) -> int:
    """Distinct voices the prediction cites; the publishing outlet itself is not counted."""
    return len({(s.kind, s.name.strip().casefold()) for s in pred.sources if s.kind != "outlet"})


def sources(gold: GoldEvent, pred: Event) -> Tally | None:
    """The prediction names at least ``sources_min`` distinct sources."""
    need = gold.effective_sources_min
    if need <= 0:
        return None
    return one(distinct_sources(pred) >= need)


_ROLE_SIDE = {"attacker": 1, "actor": 1, "actor1": 1, "perpetrator": 1, "target": 2, "actor2": 2, "victim": 2}


@functools.lru_cache(maxsize=1)
def known_actor_names() -> dict[str, tuple[str, ...]]:
    """English names of the country-specific actors of ``actors.tsv``, by id (empty when unreadable).

    Class rows (no country, e.g. "military") are left out: their generic words would agree with any force.
    """
    try:
        rows = read_tsv("actors.tsv", required=["id"])
    except KnowledgeError:
        return {}
    return {
        row["id"]: tuple(n for n in (row.get("short"), *split_list(row.get("en"))) if n)
        for row in rows
        if row.get("country")
    }


def _actor_texts(actors: Iterable[Actor | None]) -> list[str]:
    texts: list[str] = []
    for actor in actors:
        if actor is not None:
            texts.extend(t for t in (actor.name, actor.short, actor.text) if t)
            head = _QUALIFIER.sub("", actor.name).strip()
            if head and head != actor.name:
                texts.append(head)  # "Civilians (Syria)" also as "Civilians"
            if actor.id:
                texts.extend(known_actor_names().get(actor.id, ()))
    return texts


_QUALIFIER = re.compile(r"\s*\([^)]*\)")


def _words(text: str) -> str:
    """Lower-cased words without punctuation, plural ``s`` dropped (``Civilians`` = ``civilian``)."""
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in utils.default_process(text).split()
    )


def actor_agrees(description: str, names: list[str]) -> bool:
    """A gold actor description (``;`` between alternatives) agrees with any predicted actor name."""
    for part in description.split(";"):
        for name in names:
            score = fuzz.token_set_ratio(part, name, processor=_words)
            if score >= ACTOR_MIN_SIMILARITY:
                return True
    return False


def actors(gold: GoldEvent, pred: Event) -> Tally | None:
    """One check per gold role: attacker/actor → actor1 side, target → actor2 side, other roles → any actor."""
    if not gold.actors:
        return None
    side1 = _actor_texts([pred.actor1, *pred.assoc_actor_1])
    side2 = _actor_texts([pred.actor2, *pred.assoc_actor_2])
    correct = 0
    for role, description in gold.actors.items():
        side = _ROLE_SIDE.get(role.casefold())
        names = side1 if side == 1 else side2 if side == 2 else side1 + side2
        correct += actor_agrees(description, names)
    return (correct, len(gold.actors))


def relation(gold: GoldEvent, pred: Event, gold_of_pred: dict[str, str]) -> Tally | None:
    """The prediction links, with the same relation type, to the prediction matched to the named gold event."""
    parts = gold.relation_parts
    if parts is None:
        return None
    rel_type, target = parts
    return one(any(r.type == rel_type and gold_of_pred.get(r.target) == target for r in pred.relations))


def distance(km: float | None, limit: float, gold: GoldEvent) -> Tally | None:
    if not gold.places:
        return None
    return one(km is not None and km <= limit)


def _total(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def score_pair(
    pair: Pair, gold_of_pred: dict[str, str], split: list[Event] | None = None
) -> dict[str, Tally]:
    """Every scored field of a matched pair.

    ``split`` holds the extra predictions matched to the same ``split_ok`` gold event: fatalities, injuries,
    abducted and munitions are then compared with the sum over the whole group.
    """
    gold, pred = pair.gold, pair.pred
    if split:
        group = [pred, *split]
        summed: dict[str, int] = {}
        for event in group:
            for key, value in event.munitions.items():
                summed[key] = summed.get(key, 0) + value
        pred = pred.model_copy(
            update={
                "fatalities": _total([e.fatalities for e in group]),
                "injuries": _total([e.injuries for e in group]),
                "abducted": _total([e.abducted for e in group]),
                "munitions": summed,
            }
        )
    checks: dict[str, Tally | None] = {
        "sub_event_type": one(pred.sub_event_type in gold.sub_event_type) if gold.sub_event_type else None,
        "date_exact": date_exact(gold, pred),
        "local_time": local_time(gold, pred),
        "time_precision": time_precision(gold, pred),
        "fatalities": _count(count_ok(gold.fatalities, pred.fatalities)),
        "injuries": _count(count_ok(gold.injuries, pred.injuries)),
        "abducted": _count(count_ok(gold.abducted, pred.abducted)),
        "munitions": munitions(gold, pred),
        "actors": actors(gold, pred),
        "sources": sources(gold, pred),
        "relation": relation(gold, pred, gold_of_pred),
    }
    for km in DISTANCE_BUCKETS_KM:
        checks[bucket_name(km)] = distance(pair.km, km, gold)
    return {k: v for k, v in checks.items() if v is not None}


def _count(ok: bool | None) -> Tally | None:
    return None if ok is None else one(ok)
