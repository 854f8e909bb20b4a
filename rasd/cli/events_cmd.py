"""``rasd events``: merged events from the store (analysts' edits applied), filtered, in an export format."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rasd.cli.app import app
from rasd.cli.ingest_cmd import DB_HELP
from rasd.export.formats import FORMATS

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from rasd.store import EventFilter


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=name) from exc


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not LAT,LON,KM", param_hint="--near") from exc
    return lat, lon, km


@app.command("events")
def events_cmd(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    since: Annotated[
        str | None, typer.Option(help="Events ending on or after this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Events starting on or before this date (YYYY-MM-DD).")
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO2 code or country name.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name, any case.")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON,KM: events within KM of the point.")] = None,
    fmt: Annotated[
        str, typer.Option("--format", help=f"Output format: {', '.join(FORMATS)}, or parquet (with --out).")
    ] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of standard output.")] = None,
) -> None:
    """Export merged events: one per incident, every source kept, fatalities the lowest reported figure."""
    from rasd.export.formats import EventWriter
    from rasd.store import EventFilter, StoreError, connect, read_events

    if fmt not in (*FORMATS, "parquet"):
        raise typer.BadParameter(
            f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}, parquet", param_hint="--format"
        )
    if fmt == "parquet" and out is None:
        raise typer.BadParameter("parquet is written to a file: give --out FILE.parquet", param_hint="--out")
    where = EventFilter(
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        country=country,
        event_type=event_type,
        actor=actor,
        near=_near(near),
    )
    try:
        engine = connect(db, create=False)
    except StoreError as exc:
        typer.echo(f"rasd events: {exc}", err=True)
        raise typer.Exit(2) from exc
    if fmt == "parquet":
        assert out is not None  # checked above
        _export_parquet(engine, where, out)
        return
    stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        writer = EventWriter(stream, fmt)
        for event in read_events(engine, where):
            writer.write(event)
        writer.close()
    finally:
        engine.dispose()
        if out:
            stream.close()


def _export_parquet(engine: Engine, where: EventFilter, out: Path) -> None:
    from rasd.export.parquet import ParquetUnavailable, write_parquet
    from rasd.store import read_events

    try:
        write_parquet(read_events(engine, where), out)
    except ParquetUnavailable as exc:
        typer.echo(f"rasd events: {exc}", err=True)
        raise typer.Exit(2) from exc
    finally:
        engine.dispose()
