"""rasd.geo: gazetteer index, toponym detection and resolution, reverse geocoding."""

from rasd.geo.gazetteer import Gazetteer, GeoCandidate
from rasd.geo.records import GazetteerError
from rasd.geo.toponyms import ToponymMention, find_toponyms, resolve_toponyms
from rasd.geo.upgrade import OutdatedIndexError

__all__ = [
    "GazetteerError",
    "GeoCandidate",
    "Gazetteer",
    "OutdatedIndexError",
    "ToponymMention",
    "find_toponyms",
    "resolve_toponyms",
]
