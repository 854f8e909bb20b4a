"""Great-circle distance, and the distance buckets evaluation reports."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
DISTANCE_BUCKETS_KM: tuple[float, ...] = (10.0, 50.0, 161.0)
"""Geocoding is reported within 10, 50 and 161 km (100 miles, a common geoparsing threshold)."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km between two points given in decimal degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bucket_name(km: float) -> str:
    """Field name of a distance bucket, e.g. ``geo_10km``."""
    return f"geo_{km:g}km"
