"""Time expressions: finding them in text and resolving them to ACLED date intervals and precision."""

from rasd.time.find import find_time_expressions
from rasd.time.resolve import resolve_time
from rasd.time.types import TimeMention, TimeResolution

__all__ = ["TimeMention", "TimeResolution", "find_time_expressions", "resolve_time"]
