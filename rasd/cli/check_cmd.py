"""``rasd check``: load and validate every knowledge file, reporting problems by file and line."""

from __future__ import annotations

from collections.abc import Callable

import typer

from rasd.cli.app import app
from rasd.knowledge import KnowledgeError


def _loaders() -> list[tuple[str, Callable[[], object]]]:
    """Every loader of analyst-editable knowledge, by what it loads."""
    from rasd.actors.lexicon import check_tables
    from rasd.coding.codebook import load_codebook
    from rasd.coding.triggers import cue_matcher, trigger_matcher
    from rasd.extraction import counts, discourse, genre, notes, places, sources
    from rasd.geo import knowledge as geo
    from rasd.text.numbers import number_phrases
    from rasd.time.lexicon import country_zones, phrases, week_starts

    return [
        ("codebook", load_codebook),
        ("triggers and weapons", lambda: (trigger_matcher("ar"), trigger_matcher("en"))),
        ("status cues", lambda: cue_matcher("any")),
        ("actors", check_tables),
        ("time words and zones", lambda: (phrases(), country_zones(), week_starts())),
        ("number words", number_phrases),
        ("count words", counts.count_terms),
        (
            "reporting words and sources",
            lambda: (sources.reporting_cues("ar"), sources.reporting_cues("en"), sources.source_matcher()),
        ),
        ("discourse cues", lambda: (discourse.discourse_matcher("ar"), discourse.discourse_matcher("en"))),
        ("place roles", lambda: (places.role_matcher("ar"), places.role_matcher("en"))),
        ("notes phrases", notes.note_phrases),
        ("genre markers", genre.document_genre_markers),
        (
            "places: sites, provinces, countries, qualifiers",
            lambda: (geo.sites(), geo.admin1_table(), geo.countries(), geo.qualifiers()),
        ),
    ]


@app.command("check")
def check_cmd() -> None:
    """Validate every knowledge file (or your overrides in $RASD_KNOWLEDGE); exit 1 on the first problem per file."""
    failed = 0
    for name, load in _loaders():
        try:
            load()
        except (KnowledgeError, ValueError) as exc:
            failed += 1
            typer.echo(f"rasd check: {name}: {exc}", err=True)
        else:
            typer.echo(f"ok  {name}")
    if failed:
        raise typer.Exit(1)
