"""``rasd extract``: reports in, ACLED-coded events out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from rasd.cli.app import app
from rasd.export.formats import FORMATS, EventWriter
from rasd.ingest import InputError, read_documents


@app.command("extract")
def extract_cmd(
    paths: Annotated[
        list[str], typer.Argument(help="Text or HTML files, folders, .jsonl of documents, or - for stdin.")
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that do not carry one.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help=f"Output format: {', '.join(FORMATS)}.")] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of standard output.")] = None,
    country: Annotated[
        str | None, typer.Option(help="ISO2 country hint for actors the text leaves generic.")
    ] = None,
) -> None:
    """Extract events from reports. Bad inputs are reported on stderr; the exit code is 1 if any failed."""
    from rasd.extraction.api import extract

    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}", param_hint="--format"
        )
    stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    writer = EventWriter(stream, fmt)
    failed = 0
    try:
        for doc in read_documents(paths):
            if isinstance(doc, InputError):
                failed += 1
                typer.echo(f"rasd extract: {doc}", err=True)
                continue
            try:
                events = extract(
                    doc.text,
                    published=doc.published or published,
                    doc_id=doc.id,
                    outlet=doc.outlet,
                    title=doc.title,
                    country=country,
                )
            except ValueError as exc:
                failed += 1
                typer.echo(f"rasd extract: {doc.origin}: {exc}", err=True)
                continue
            for event in events:
                writer.write(event)
        writer.close()
    finally:
        if out:
            stream.close()
    if failed:
        raise typer.Exit(1)
