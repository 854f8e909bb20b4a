"""The place record every gazetteer source is read into before indexing."""

from __future__ import annotations

from dataclasses import dataclass, field

POPULATED = "populated_place"


@dataclass(slots=True)
class PlaceRecord:
    """One place from one source (or several merged), with every name it is known by."""

    name: str
    lat: float
    lon: float
    cc: str
    feature: str = POPULATED
    names: list[str] = field(default_factory=list)
    admin1: str | None = None  # display name (ACLED-style where known)
    admin1_code: str | None = None
    admin2: str | None = None
    population: int | None = None
    source: str = ""
    source_id: str = ""
    gn_id: int | None = None  # GeoNames id, for merging sources that cite it


class GazetteerError(RuntimeError):
    """A gazetteer file or index is missing, corrupt or unreadable; the message says what to do."""


def valid_coords(lat: float, lon: float) -> bool:
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0 and not (lat == 0.0 and lon == 0.0)
