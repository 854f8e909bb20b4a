"""Actors of an incident: who acted (actor1), against whom (actor2), and ACLED's inter codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from rasd.actors import ActorMention, acled_actor_for, assign_roles, find_actors
from rasd.actors.lexicon import ActorRow
from rasd.extraction.clauses import Clause
from rasd.model import Actor, Span
from rasd.text.normalize import NormText, normalize


def sentence_parties(
    sentence: str, lang: str, country: str | None, day: dt.date | None
) -> list[ActorMention]:
    """Actors named in a sentence (normalized offsets of that sentence)."""
    return find_actors(normalize(sentence), lang, country=country, date=day)


def _to_actor(m: ActorMention, norm: NormText, offset: int, text: str) -> Actor:
    s, e = norm.to_original(m.start, m.end)
    span = Span(start=offset + s, end=offset + e, text=text[offset + s : offset + e])
    return Actor(
        name=m.acled_name,
        short=m.short,
        inter=m.inter,
        country=m.country,
        text=span.text,
        span=span,
        id=m.actor_id,
    )


def _is_voice(m: ActorMention, norm: NormText, clause: Clause) -> bool:
    """Is this actor the one reporting the event ("X said"), rather than a party to it?"""
    voice = clause.voice
    if voice is None:
        return False
    if voice.name in {
        m.short,
        m.acled_name,
    }:  # "أعلنت قوات سوريا الديمقراطية (قسد)": both names are the voice
        return True
    s, e = norm.to_original(m.start, m.end)
    return clause.start + s < voice.end and voice.start < clause.start + e


def incident_actors(
    clauses: Sequence[Clause],
    text: str,
    country: str | None,
    day: dt.date | None,
    unidentified: bool,
    heads: Mapping[str, ActorRow] | None = None,
) -> tuple[Actor | None, Actor | None, list[Actor]]:
    """actor1, actor2 and associated actors of an incident from the roles in each of its clauses
    (``heads``: the document's long names by head word, see :func:`rasd.actors.find.document_heads`)."""
    actor1: Actor | None = None
    actor2: Actor | None = None
    for clause in clauses:
        if clause.is_title:
            continue
        sentence = text[clause.start : clause.end]
        norm = normalize(sentence)
        mentions = [
            m
            for m in find_actors(norm, clause.lang, country=country, date=day, heads=heads)
            if not _is_voice(m, norm, clause)
        ]
        if not mentions:
            continue
        trigger = None
        if clause.classification and clause.classification.triggers:
            hit = clause.classification.triggers[0]
            trigger = (hit.start, hit.end)
        a1, a2 = assign_roles(norm.text, clause.lang, mentions, trigger)
        if a1 is not None and actor1 is None and (actor2 is None or a1.actor_id != actor2.id):
            actor1 = _to_actor(a1, norm, clause.start, text)  # the target of one clause is not the attacker
        if a2 is not None and actor2 is None and (actor1 is None or a2.actor_id != actor1.id):
            actor2 = _to_actor(a2, norm, clause.start, text)
    if unidentified and country:
        # The report says the perpetrator is unknown: whoever the roles put first is on the receiving side.
        name = acled_actor_for(country, "armed_group", day)
        if name:
            if actor2 is None and actor1 is not None:
                actor2 = actor1
            actor1 = Actor(name=name, inter=3)
    return actor1, actor2, []
