"""The ACLED codebook: event types, sub-event types, disorder types, PLOVER mapping and inter codes.

Loaded once from ``rasd/knowledge/codebook.yaml`` and validated (exactly 25 unique sub-event types).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rasd.knowledge import KnowledgeError, knowledge_path, read_yaml

CODEBOOK_FILE = "codebook.yaml"
N_SUB_EVENT_TYPES = 25


@dataclass(frozen=True, slots=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    definition: str
    plover_type: str
    plover_mode: str


@dataclass(frozen=True, slots=True)
class ActorRecode:
    """ACLED practice that turns one sub-event type into another by who acted (actor1's inter code)."""

    source: str
    target: str
    inter1: frozenset[int]
    reason: str


@dataclass(frozen=True)
class Codebook:
    """ACLED categories with lookups by sub-event type name."""

    event_types: tuple[str, ...]
    subs: dict[str, SubEventType]
    inter_codes: dict[int, str]
    disorder_types: tuple[str, ...] = field(default=())
    actor_recodes: tuple[ActorRecode, ...] = field(default=())

    def recode_for_actor(self, sub: str, inter1: int | None) -> ActorRecode | None:
        """The recode ACLED practice applies to ``sub`` when actor1 has inter code ``inter1``, if any."""
        if inter1 is None:
            return None
        return next((r for r in self.actor_recodes if r.source == sub and inter1 in r.inter1), None)

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return tuple(self.subs)

    def _get(self, sub: str) -> SubEventType:
        try:
            return self.subs[sub]
        except KeyError:
            raise KeyError(f"unknown ACLED sub-event type: {sub!r}") from None

    def event_type_of(self, sub: str) -> str:
        """The ACLED event type a sub-event type belongs to."""
        return self._get(sub).event_type

    def disorder_type_of(self, sub: str) -> str:
        """The ACLED disorder type of a sub-event type."""
        return self._get(sub).disorder_type

    def plover_of(self, sub: str) -> tuple[str, str]:
        """The PLOVER (event type, mode) a sub-event type maps to."""
        s = self._get(sub)
        return s.plover_type, s.plover_mode

    def definition_of(self, sub: str) -> str:
        return self._get(sub).definition

    def subs_of(self, event_type: str) -> tuple[str, ...]:
        """The sub-event types of one event type."""
        return tuple(s.name for s in self.subs.values() if s.event_type == event_type)


def _req(obj: Any, key: str, where: str, path: str) -> str:
    if not isinstance(obj, dict) or not isinstance(obj.get(key), str) or not obj[key].strip():
        raise KnowledgeError(path, None, f"{where}: missing or empty {key!r}")
    return str(obj[key]).strip()


def build_codebook(data: Any, path: str = CODEBOOK_FILE) -> Codebook:
    """Validate parsed codebook YAML and build a :class:`Codebook`."""
    if not isinstance(data, dict) or not isinstance(data.get("event_types"), list):
        raise KnowledgeError(path, None, "expected a mapping with an 'event_types' list")
    disorders = tuple(str(d) for d in data.get("disorder_types") or ())
    event_types: list[str] = []
    subs: dict[str, SubEventType] = {}
    for et in data["event_types"]:
        name = _req(et, "name", "event type", path)
        if name in event_types:
            raise KnowledgeError(path, None, f"duplicate event type {name!r}")
        event_types.append(name)
        disorder = _req(et, "disorder_type", name, path)
        for sub in et.get("sub_event_types") or []:
            sname = _req(sub, "name", f"sub-event type of {name}", path)
            if sname in subs:
                raise KnowledgeError(path, None, f"duplicate sub-event type {sname!r}")
            sdis = str(sub.get("disorder_type") or disorder)
            if disorders and sdis not in disorders:
                raise KnowledgeError(path, None, f"{sname}: unknown disorder type {sdis!r}")
            plover = sub.get("plover")
            if not isinstance(plover, dict) or not plover.get("type"):
                raise KnowledgeError(path, None, f"{sname}: missing plover type")
            subs[sname] = SubEventType(
                name=sname,
                event_type=name,
                disorder_type=sdis,
                definition=_req(sub, "definition", sname, path),
                plover_type=str(plover["type"]),
                plover_mode=str(plover.get("mode") or ""),
            )
    if len(subs) != N_SUB_EVENT_TYPES:
        raise KnowledgeError(path, None, f"expected {N_SUB_EVENT_TYPES} sub-event types, found {len(subs)}")
    inter_raw = data.get("inter_codes") or {}
    try:
        inter = {int(k): str(v) for k, v in inter_raw.items()}
    except (TypeError, ValueError, AttributeError) as exc:
        raise KnowledgeError(path, None, f"bad inter_codes: {exc}") from exc
    recodes = tuple(_recode(raw, subs, inter, path) for raw in data.get("recode_by_actor1") or [])
    return Codebook(tuple(event_types), subs, inter, disorders, recodes)


def _recode(raw: Any, subs: dict[str, SubEventType], inter: dict[int, str], path: str) -> ActorRecode:
    """One validated ``recode_by_actor1`` entry."""
    source = _req(raw, "from", "recode_by_actor1 entry", path)
    target = _req(raw, "to", f"recode_by_actor1 {source}", path)
    for name in (source, target):
        if name not in subs:
            raise KnowledgeError(path, None, f"recode_by_actor1: unknown sub-event type {name!r}")
    codes = raw.get("inter1")
    if not isinstance(codes, list) or not codes or any(c not in inter for c in codes):
        raise KnowledgeError(path, None, f"recode_by_actor1 {source}: 'inter1' must list known inter codes")
    return ActorRecode(source, target, frozenset(int(c) for c in codes), _req(raw, "reason", source, path))


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """The shipped (or overridden) ACLED codebook, loaded once."""
    return build_codebook(read_yaml(CODEBOOK_FILE), str(knowledge_path(CODEBOOK_FILE)))
