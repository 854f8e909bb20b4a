"""Export stage: events as ACLED CSV, JSON Lines or GeoJSON."""

from rasd.export.formats import ACLED_COLUMNS, FORMATS, RASD_COLUMNS, acled_row, write_events

__all__ = ["ACLED_COLUMNS", "FORMATS", "RASD_COLUMNS", "acled_row", "write_events"]
