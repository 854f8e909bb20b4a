"""Actors: find who is named in a sentence, name them as ACLED does, and tell actor1 from actor2."""

from rasd.actors.find import ActorMention, find_actors
from rasd.actors.lexicon import ActorInfo, acled_actor_for, actor_by_id
from rasd.actors.roles import assign_roles, interaction_code

__all__ = [
    "ActorInfo",
    "ActorMention",
    "acled_actor_for",
    "actor_by_id",
    "assign_roles",
    "find_actors",
    "interaction_code",
]
