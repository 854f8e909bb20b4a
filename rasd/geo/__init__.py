"""rasd.geo: gazetteer index, toponym detection and resolution, reverse geocoding."""

from rasd.geo.gazetteer import Gazetteer, GeoCandidate
from rasd.geo.records import GazetteerError
from rasd.geo.toponyms import ToponymMention, find_toponyms, resolve_toponyms

__all__ = [
    "GazetteerError",
    "GeoCandidate",
    "Gazetteer",
    "ToponymMention",
    "find_toponyms",
    "resolve_toponyms",
]
