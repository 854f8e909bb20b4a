"""``rasd classify``: the ACLED sub-event type of each document of a JSONL file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from rasd.cli.app import app


@app.command("classify")
def classify_command(
    docs: Annotated[Path, typer.Argument(help='JSONL of documents {"id", "text", "lang"?}; "-" for stdin.')],
    lang: Annotated[
        str | None, typer.Option(help="Language of every document: ar or en (default: detect).")
    ] = None,
) -> None:
    """Print id<TAB>label per document: the ACLED sub-event type of its main event, or none.

    Every sentence is classified; the main event is the sub-type with the most votes, weighted by
    each sentence's score and by its position (reports lead with their main event).
    """
    from rasd.coding.classify import classify_document

    fh = sys.stdin if str(docs) == "-" else docs.open(encoding="utf-8")
    out = sys.stdout
    try:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                doc_id, text = str(doc["id"]), str(doc["text"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                typer.echo(f"{docs}:{lineno}: not a document with id and text ({exc})", err=True)
                raise typer.Exit(2) from None
            result = classify_document(text, doc.get("lang") or lang)
            out.write(f"{doc_id}\t{result.sub_event_type if result else 'none'}\n")
    finally:
        if fh is not sys.stdin:
            fh.close()
