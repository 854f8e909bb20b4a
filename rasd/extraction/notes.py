"""An ACLED-style English notes sentence for an event, from its coded fields."""

from __future__ import annotations

from functools import lru_cache

from rasd.knowledge import read_tsv
from rasd.model import Event


@lru_cache(maxsize=1)
def note_phrases() -> dict[str, str]:
    return {
        r["sub_event_type"]: r["phrase"] for r in read_tsv("notes.tsv", required=("sub_event_type", "phrase"))
    }


def notes_sentence(event: Event) -> str:
    """E.g. "On 7 July 2021, an unidentified armed group fired ... at X (Anbar, Iraq). 3 injuries."."""
    parts: list[str] = []
    if event.when is not None:
        w = event.when
        day = w.start.strftime("%-d %B %Y")
        if w.time_precision == 1:
            lead = f"On {day}" + (f" at {w.time} local time" if w.time else "")
        else:
            lead = f"Between {day} and {w.end.strftime('%-d %B %Y')}"
    else:
        lead = "On an unknown date"
    actor1 = event.actor1.name if event.actor1 else "unidentified actors"
    actor2 = event.actor2.name if event.actor2 else ""
    phrase = note_phrases().get(event.sub_event_type, "were involved in an event with {actor2}")
    verb = phrase.format(actor2=actor2).replace(" against ", " against ").strip()
    if not actor2:
        verb = verb.removesuffix(" on").removesuffix(" at").removesuffix(" with").removesuffix(" against")
        verb = verb.removesuffix(" from").removesuffix(" of").strip()
    where = ""
    if event.location is not None:
        loc = event.location
        context = ", ".join(x for x in (loc.admin1, loc.country) if x and x != loc.name)
        where = f" in {loc.name}" + (f" ({context})" if context else "")
    parts.append(f"{lead}, {actor1} {verb}{where}.")
    if event.munitions:
        parts.append(", ".join(f"{n} {k}" for k, n in event.munitions.items()) + ".")
    tolls = [
        f"{n} {label}" for n, label in ((event.fatalities, "fatalities"), (event.injuries, "injuries")) if n
    ]
    if tolls:
        parts.append(", ".join(tolls) + ".")
    flags = [name.replace("_", " ") for name, on in event.flags.model_dump().items() if on]
    if flags:
        parts.append("Reported: " + ", ".join(flags) + ".")
    if event.sources:
        parts.append("Sources: " + "; ".join(s.name for s in event.sources) + ".")
    return " ".join(parts)
