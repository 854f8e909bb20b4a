"""A small grid index for nearest-place queries (reverse geocoding, filling admin units)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
CELL = 0.25  # degrees


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def within_km(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> bool:
    """Whether two points are at most ``km`` apart (a cheap latitude test first)."""
    if abs(lat1 - lat2) * 111.2 > km:
        return False
    return distance_km(lat1, lon1, lat2, lon2) <= km


class Grid(Generic[T]):
    """Points bucketed in CELL-degree cells; ``nearest`` searches rings of cells outwards."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, T]]] = {}

    def add(self, lat: float, lon: float, item: T) -> None:
        self._cells.setdefault((int(lat // CELL), int(lon // CELL)), []).append((lat, lon, item))

    def __len__(self) -> int:
        return sum(len(v) for v in self._cells.values())

    def nearest(
        self, lat: float, lon: float, max_km: float = 100.0, accept: Callable[[T], bool] | None = None
    ) -> tuple[T, float] | None:
        """The nearest accepted item within ``max_km`` and its distance, or None."""
        ci, cj = int(lat // CELL), int(lon // CELL)
        best: tuple[T, float] | None = None
        max_ring = int(max_km / (CELL * 111.0 * max(0.2, math.cos(math.radians(lat))))) + 1
        for ring in range(max_ring + 1):
            for i in range(ci - ring, ci + ring + 1):
                for j in range(cj - ring, cj + ring + 1):
                    if max(abs(i - ci), abs(j - cj)) != ring:
                        continue
                    for plat, plon, item in self._cells.get((i, j), ()):
                        if accept is not None and not accept(item):
                            continue
                        d = distance_km(lat, lon, plat, plon)
                        if d <= max_km and (best is None or d < best[1]):
                            best = (item, d)
            # Anything in a further ring is at least ring*CELL degrees away.
            if best is not None and best[1] < ring * CELL * 111.0 * max(0.2, math.cos(math.radians(lat))):
                break
        return best
