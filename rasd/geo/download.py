"""Download GeoNames country dumps (``SY.zip`` ...) resumably, with a progress bar and checksums.

Files go to ``<index>-sources/geonames/``. A partial download is kept as ``NAME.part`` and resumed with an
HTTP Range request; a finished file is verified (size, zip integrity, and SHA-256 when the server
publishes a ``SHA256SUMS`` file or the caller passes one) before it replaces any previous copy, so a
download that breaks halfway never spoils the files already there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path

from rasd.geo.records import GazetteerError

GEONAMES_BASE_URL = "https://download.geonames.org/export/dump/"
ENV_BASE_URL = "RASD_GEONAMES_URL"
CHUNK = 1 << 16
EXTRA_FILES = ("admin1CodesASCII.txt", "admin2Codes.txt")

Progress = Callable[[str, int, int | None], None]  # (file name, bytes so far, total or None)


def base_url() -> str:
    return os.environ.get(ENV_BASE_URL, GEONAMES_BASE_URL)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _fetch_checksums(url: str, timeout: float) -> dict[str, str]:
    try:
        with urllib.request.urlopen(url + "SHA256SUMS", timeout=timeout) as resp:
            text = resp.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return {}
    sums = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            sums[parts[1].lstrip("*")] = parts[0].lower()
    return sums


def download_file(
    url: str,
    dest: Path,
    expected_sha256: str | None = None,
    progress: Progress | None = None,
    timeout: float = 60.0,
) -> Path:
    """Download ``url`` to ``dest`` resuming ``dest.part``; verify, then rename into place."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
    try:
        resp = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # already complete
            resp = None
        else:
            raise GazetteerError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise GazetteerError(f"{url}: cannot download ({exc}); check the network and try again") from exc
    total: int | None = None
    if resp is not None:
        with resp:
            if have and resp.status != 206:
                have = 0  # the server ignored the Range header: start again
            length = resp.headers.get("Content-Length")
            total = have + int(length) if length and length.isdigit() else None
            mode = "ab" if have else "wb"
            done = have
            try:
                with part.open(mode) as fh:
                    while True:
                        block = resp.read(CHUNK)
                        if not block:
                            break
                        fh.write(block)
                        done += len(block)
                        if progress:
                            progress(dest.name, done, total)
            except (OSError, urllib.error.URLError) as exc:
                raise GazetteerError(
                    f"{url}: download interrupted after {done} bytes ({exc}); run the command again to resume"
                ) from exc
            if total is not None and done < total:
                raise GazetteerError(
                    f"{url}: download interrupted after {done} of {total} bytes; run the command again to resume"
                )
    if expected_sha256 and sha256_of(part) != expected_sha256.lower():
        part.unlink()
        raise GazetteerError(f"{url}: checksum mismatch (expected sha256 {expected_sha256}); file discarded")
    if dest.suffix == ".zip":
        try:
            with zipfile.ZipFile(part) as zf:
                bad = zf.testzip()
        except zipfile.BadZipFile as exc:
            part.unlink()
            raise GazetteerError(f"{url}: not a valid zip file ({exc}); file discarded") from exc
        if bad is not None:
            part.unlink()
            raise GazetteerError(f"{url}: corrupt member {bad} in zip; file discarded")
    os.replace(part, dest)
    return dest


def download_geonames(
    countries: list[str],
    folder: Path,
    url: str | None = None,
    progress: Progress | None = None,
    with_admin_names: bool = True,
    timeout: float = 60.0,
) -> list[Path]:
    """Download ``CC.zip`` for each country (and the admin1/admin2 name tables) into ``folder``."""
    base = url or base_url()
    if not base.endswith("/"):
        base += "/"
    sums = _fetch_checksums(base, timeout)
    names = [f"{c.upper()}.zip" for c in countries]
    if with_admin_names:
        names += list(EXTRA_FILES)
    out = []
    for name in names:
        try:
            out.append(download_file(base + name, folder / name, sums.get(name), progress, timeout))
        except GazetteerError:
            if name in EXTRA_FILES:
                continue  # optional tables
            raise
    with contextlib.suppress(OSError):
        (folder / "SOURCE").write_text(base + "\n", encoding="utf-8")
    return out
