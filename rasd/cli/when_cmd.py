"""``rasd when``: resolve a time expression against a publication date."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

import typer

from rasd.cli.app import app


def _base(text: str) -> date | datetime:
    text = text.strip()
    try:
        return datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"base must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {text!r}") from None


def _line(expr: str, base: date | datetime, tz: str | None, lang: str | None) -> str:
    from rasd.time import resolve_time

    res = resolve_time(expr, base, tz=tz, lang=lang)
    out = res.to_dict() if res.ok else {"result": None, "reason": res.reason}
    return json.dumps({"expression": expr, **out}, ensure_ascii=False)


@app.command("when")
def when(
    expr: str = typer.Argument(
        ..., help="Time expression, or '-' to read 'expression<TAB>base' lines from stdin."
    ),
    base: str = typer.Option(None, "--base", help="Publication date YYYY-MM-DD[THH:MM] (default: today)."),
    tz: str = typer.Option(
        None, "--tz", help="Zone of the report's place: IANA name or country code (SY, IQ)."
    ),
    lang: str = typer.Option(None, "--lang", help="ar or en (default: guessed from the text)."),
) -> None:
    """Resolve a time expression to {start, end, precision, time, time_utc, tz, reason} as one JSON object.

    start/end are inclusive ISO dates, precision is ACLED's time_precision (1 day, 2 week, 3 month).
    An expression that cannot be resolved prints {"expression": ..., "result": null, "reason": ...}.
    With '-', each stdin line is 'expression<TAB>base' (base optional: --base is used) and one JSON
    object is printed per line.
    """
    default_base = _base(base) if base else date.today()
    if expr != "-":
        typer.echo(_line(expr, default_base, tz, lang))
        return
    for raw in sys.stdin:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        text, _, b = line.partition("\t")
        typer.echo(_line(text, _base(b) if b.strip() else default_base, tz, lang))
