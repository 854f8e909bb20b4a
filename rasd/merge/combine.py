"""One event from the reports of an incident: the most precise report's fields, every source, and
fatalities by ACLED's conservative rule (the lowest figure any report gives)."""

from __future__ import annotations

from collections.abc import Sequence

from rasd.extraction.notes import notes_sentence
from rasd.model import Event, Source, When


def _rank(event: Event) -> tuple[int, int, float, str, str]:
    loc, when = event.location, event.when
    geo = (loc.geo_precision or 4) if loc and loc.lat is not None else 5
    day = when.time_precision if when else 4
    return (geo, day, -event.confidence, event.doc_id or "", event.id)


def representative(mentions: Sequence[Event]) -> Event:
    """The report whose fields the merged event takes: most precise place, then date, then confidence."""
    return min(mentions, key=_rank)


def _lowest(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _sources(mentions: Sequence[Event]) -> list[Source]:
    seen: set[tuple[str, str]] = set()
    out: list[Source] = []
    for event in sorted(mentions, key=_rank):
        for source in event.sources:
            key = (source.kind, source.name.casefold())
            if key not in seen:
                seen.add(key)
                out.append(source)
    return out


def _when(mentions: Sequence[Event], base: When | None) -> When | None:
    """The intersection of the reports' date intervals when it is not empty, else the representative's."""
    intervals = [m.when for m in mentions if m.when is not None]
    if base is None or len(intervals) < 2:
        return base
    start, end = max(w.start for w in intervals), min(w.end for w in intervals)
    if start > end or (start, end) == (base.start, base.end):
        return base
    precision = 1 if start == end else base.time_precision
    return base.model_copy(update={"start": start, "end": end, "time_precision": precision})


def figures_note(mentions: Sequence[Event]) -> str:
    """'Fatalities reported: 2 (Reuters), 3 (Security Media Cell)' for conflicting figures, else ''."""
    parts = []
    for field in ("fatalities", "injuries"):
        claims = sorted(
            {
                (value, ", ".join(s.name for s in m.sources) or m.doc_id or "?")
                for m in mentions
                if (value := getattr(m, field)) is not None
            }
        )
        values = {v for v, _ in claims}
        if len(values) > 1:
            said = "; ".join(f"{v} ({who})" for v, who in claims)
            parts.append(f"{field.capitalize()} reported: {said}. Coded: {min(values)} (lowest).")
    return " ".join(parts)


def combine(mentions: Sequence[Event], event_id: str) -> Event:
    """The merged event ``event_id`` of the reports ``mentions`` (one or more)."""
    if not mentions:
        raise ValueError("combine needs at least one event")
    base = representative(mentions)
    if len(mentions) == 1:
        return base.model_copy(update={"id": event_id})
    docs = sorted({m.doc_id for m in mentions if m.doc_id})
    merged = base.model_copy(
        update={
            "id": event_id,
            "fatalities": _lowest([m.fatalities for m in mentions]),
            "injuries": _lowest([m.injuries for m in mentions]),
            "sources": _sources(mentions),
            "when": _when(mentions, base.when),
            "confidence": max(m.confidence for m in mentions),
            "weapons": list(dict.fromkeys(w for m in mentions for w in m.weapons)),
        }
    )
    notes = [notes_sentence(merged), figures_note(mentions)]
    if len(docs) > 1:
        notes.append(f"Reported in {len(docs)} documents.")
    merged.notes = " ".join(n for n in notes if n)
    return merged
