"""Events as a Parquet file: the columns of the ACLED CSV export, typed, for analysis tools.

Needs ``pyarrow`` (``pip install 'rasd[parquet]'``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasd.export.formats import ACLED_COLUMNS, RASD_COLUMNS, acled_row
from rasd.model import Event

BATCH = 10_000  # rows written at a time, so memory stays flat on large exports


class ParquetUnavailable(RuntimeError):
    """pyarrow is not installed."""


def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ParquetUnavailable("Parquet export needs pyarrow: pip install 'rasd[parquet]'") from exc
    return pyarrow


def write_parquet(events: Iterable[Event], path: Path) -> int:
    """Write events to ``path`` in batches; returns how many were written."""
    pa = _arrow()
    columns = [*ACLED_COLUMNS, *RASD_COLUMNS]
    schema = pa.schema([(c, pa.string()) for c in columns])
    written = 0
    with pa.parquet.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, str]] = []
        for event in events:
            row = acled_row(event)
            batch.append({c: "" if row[c] is None else str(row[c]) for c in columns})
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written += len(batch)
                batch = []
        if batch or not written:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
    return written
