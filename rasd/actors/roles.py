"""Which actor did it (actor1) and to whom (actor2), from the words around the mentions.

Cues live in ``actor_roles/cues.tsv``: "من قبل X" / "by X" mark the perpetrator, "على X" /
"X positions" / "مقتل ... من عناصر X" the target, "X repelled" / "أعلنت X التصدي" the defender
(ACLED's actor2), "between X and Y" a pair. Unmarked actors fall back to text order: the first
is the subject in both Arabic word orders (VSO puts it right after the verb, SVO before it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rasd.actors.find import ActorMention
from rasd.actors.lexicon import class_actor
from rasd.coding.matcher import Match, PhraseMatcher
from rasd.knowledge import read_tsv
from rasd.text.normalize import normalize
from rasd.text.tokens import Token, tokenize

CUES_FILE = "actor_roles/cues.tsv"
_ROLES = ("agent", "target", "defender", "pair", "intervention", "assoc", "violence", "barrier")
_CROWD = ("protesters", "rioters")
_BREAK = set(".;؛!?")


@dataclass(frozen=True, slots=True)
class _Cue:
    role: str
    side: str
    window: int
    clitic: str


@dataclass(frozen=True, slots=True)
class _Flags:
    intervention: bool  # force used on a crowd
    violence: bool  # a crowd turned violent


def _as_rioters(m: ActorMention) -> ActorMention:
    """Protesters who threw stones or burned things are Rioters for ACLED."""
    info = class_actor("rioters", m.country_code or m.country)
    if info is None:
        return m
    return replace(m, actor_id=info.id, acled_name=info.acled_name, inter=info.inter, kind=info.kind)


@lru_cache(maxsize=1)
def _cue_matcher() -> PhraseMatcher[_Cue]:
    entries: list[tuple[str, _Cue]] = []
    for row in read_tsv(CUES_FILE, required=("cue", "role", "side", "window")):
        if row["role"] not in _ROLES:
            raise row.error(f"role must be one of {', '.join(_ROLES)}")
        if row["side"] not in ("next", "prev"):
            raise row.error("side must be next or prev")
        if not row["window"].isdigit():
            raise row.error("window must be a number of tokens")
        entries.append((row["cue"], _Cue(row["role"], row["side"], int(row["window"]), row.get("clitic"))))
    return PhraseMatcher(entries, max_gap=0)


def interaction_code(inter1: int | None, inter2: int | None) -> int:
    """ACLED interaction: the two inter codes, smaller digit first (1 and 3 -> 13); one actor -> 10*inter."""
    a = inter1 or 0
    b = inter2 or 0
    if not a and not b:
        return 0
    if not a or not b:
        return 10 * (a or b)
    lo, hi = sorted((a, b))
    return lo * 10 + hi


def _between_clear(
    tokens: Sequence[Token],
    text: str,
    a: int,
    b: int,
    owned: dict[int, int],
    me: int,
    barriers: frozenset[int] = frozenset(),
) -> bool:
    """Tokens a..b (exclusive) hold no other actor, no clause opener and no sentence break."""
    if a < 0 or b > len(tokens):
        return False
    if any(owned.get(i, me) != me or i in barriers for i in range(a, b)):
        return False
    lo = tokens[a - 1].end if a > 0 else 0
    hi = tokens[b].start if b < len(tokens) else len(text)
    return not any(ch in _BREAK for ch in text[lo:hi])


def _roles(
    tokens: Sequence[Token], text: str, mentions: list[ActorMention], cues: list[Match[_Cue]]
) -> tuple[list[str | None], list[int], _Flags]:
    """The role of each mention, the token where each "between" cue ends, and sentence-wide flags."""
    owned: dict[int, int] = {}
    for k, m in enumerate(mentions):
        for i in range(m.first_token, m.last_token + 1):
            owned[i] = k
    roles: list[str | None] = [None] * len(mentions)
    dist = [10**6] * len(mentions)
    pair_after: list[int] = []
    intervention = False
    violence = False
    barriers = frozenset(
        i for c in cues if c.payload.role == "barrier" for i in range(c.first_token, c.last_token + 1)
    )
    for c in cues:
        if any(i in owned for i in range(c.first_token, c.last_token + 1)):
            continue  # the cue word is part of an actor's name ("Houthi fighters")
        cue = c.payload
        if cue.role == "pair":
            pair_after.append(c.last_token)
            continue
        if cue.role == "intervention":
            intervention = True
            continue
        if cue.role == "violence":
            violence = True
            continue
        if cue.role == "barrier":
            continue
        for k, m in enumerate(mentions):
            if cue.side == "next":
                gap = m.first_token - c.last_token - 1
                ok = 0 <= gap <= cue.window and _between_clear(
                    tokens, text, c.last_token + 1, m.first_token, owned, k, barriers
                )
                if ok and cue.clitic and not m.proclitic.endswith(cue.clitic):
                    ok = False
            else:
                gap = c.first_token - m.last_token - 1
                ok = 0 <= gap <= cue.window and _between_clear(
                    tokens, text, m.last_token + 1, c.first_token, owned, k, barriers
                )
            if ok and gap < dist[k]:
                roles[k], dist[k] = cue.role, gap
    return roles, pair_after, _Flags(intervention, violence)


def _verb_token(tokens: Sequence[Token], span: tuple[int, int]) -> int:
    """Index of the last token of the trigger span."""
    last = 0
    for i, t in enumerate(tokens):
        if t.start < span[1]:
            last = i
    return last


def assign_roles(
    sentence: str,
    lang: str,
    mentions: list[ActorMention],
    trigger_span: tuple[int, int] | None = None,
) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) among ``mentions``, which must come from ``find_actors(normalize(sentence))``.

    ``trigger_span`` (normalized offsets of the event word) is optional; when given, actors after
    it are preferred as the target and an unmarked actor before it as the subject.
    """
    if not mentions:
        return None, None
    norm = normalize(sentence)
    tokens = tokenize(norm.text)
    mentions = sorted(mentions, key=lambda m: m.start)
    cues = _cue_matcher().find_tokens(tokens)
    roles, pair_after, flags = _roles(tokens, norm.text, mentions, cues)

    pairs = list(zip(mentions, roles, strict=True))
    if trigger_span is not None:
        # the mentions nearest the event word speak for their actor
        t0, t1 = trigger_span
        pairs.sort(key=lambda p: (max(t0 - p[0].end, p[0].start - t1, 0), p[0].start))
    # one vote per actor: the role of its first (or nearest) mention
    order: list[str] = []
    first: dict[str, ActorMention] = {}
    role_of: dict[str, str | None] = {}
    for m, r in pairs:
        key = m.acled_name
        if key not in first:
            order.append(key)
            first[key] = m
            role_of[key] = r
        elif role_of[key] is None and r in ("agent", "defender"):
            role_of[key] = r  # a later "by X" still makes X the perpetrator
    # allies ("supported by Y") are associated actors, not actor1 or actor2
    actors = sorted((first[k] for k in order if role_of[k] != "assoc"), key=lambda a: a.start)
    if not actors:
        return None, None

    def with_role(*wanted: str | None, exclude: ActorMention | None = None) -> list[ActorMention]:
        return [a for a in actors if role_of[a.acled_name] in wanted and a is not exclude]

    a1: ActorMention | None = None
    a2: ActorMention | None = None
    if pair_after:
        after = [a for a in actors if a.first_token > pair_after[0] and role_of[a.acled_name] != "agent"]
        if len(after) >= 2:
            a1, a2 = after[0], after[1]
    crowd = [a for a in actors if a.kind in _CROWD]
    if a1 is None and crowd:
        # ACLED codes demonstrators as actor1 of a protest or riot, whoever intervened as actor2
        a1 = crowd[0]
        if a1.kind == "protesters" and flags.violence:
            a1 = _as_rioters(a1)
        others = [a for a in actors if a is not a1 and a.kind not in _CROWD and a.kind != "civilians"]
        # a protest "against the military" has no actor2; police dispersing it is actor2
        a2 = others[0] if others and flags.intervention else None
        if a2 is None and a1.kind == "rioters":
            # mob violence: whoever the mob attacked
            victims = [a for a in with_role("target", exclude=a1) if a.kind not in _CROWD]
            a2 = victims[0] if victims else None
        return a1, a2
    if a1 is None:
        agents = with_role("agent")
        unmarked = [a for a in with_role(None) if a.kind != "civilians"]
        if agents:
            a1 = agents[0]
        elif with_role("defender"):
            # "X repelled an attack ... clashed with Y": Y attacked; with no such Y the attacker is unknown
            others = [a for a in with_role("target") if a.kind != "civilians"]
            a1 = others[0] if others else None
        elif unmarked:
            a1 = unmarked[0]
            if trigger_span is not None:
                before = [a for a in unmarked if a.end <= trigger_span[0]]
                after = [a for a in unmarked if a.start >= trigger_span[1]]
                if lang == "ar" and after and after[0].first_token - _verb_token(tokens, trigger_span) <= 2:
                    a1 = after[0]  # VSO: the subject right after the verb
                elif before:
                    a1 = before[-1]  # SVO: the nearest actor before the verb
        elif len(actors) == 1 and role_of[actors[0].acled_name] is None and actors[0].kind != "civilians":
            a1 = actors[0]  # a lone civilian is a victim (actor2), never the actor
    if a2 is None:
        targets = with_role("target", "defender", exclude=a1)
        rest = with_role(None, exclude=a1)
        if trigger_span is not None:
            after = [a for a in targets if a.start >= trigger_span[1]]
            targets = after or targets
        candidates = targets or rest
        a2 = candidates[0] if candidates else None
    if a1 is not None and a2 is not None and a1.kind == "civilians" and a2.kind != "civilians":
        a1, a2 = a2, a1
    return a1, a2
