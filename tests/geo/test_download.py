"""GeoNames dump download against a local HTTP server: checksums, resume, a broken transfer."""

from __future__ import annotations

import hashlib
import http.server
import io
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.geo import Gazetteer, GazetteerError
from rasd.geo.build import build_index
from rasd.geo.download import download_file, download_geonames

ROWS = [
    # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 admin1 admin2 admin3 admin4 pop elev dem tz date
    [
        "9900001",
        "Tall Tajriba",
        "Tall Tajriba",
        "تل التجربة,Tell Tajriba",
        "36.1",
        "38.2",
        "P",
        "PPL",
        "SY",
        "",
        "09",
        "",
        "",
        "",
        "1200",
        "",
        "300",
        "Asia/Damascus",
        "2024-01-01",
    ],
    [
        "9900002",
        "Haql Tajriba",
        "Haql Tajriba",
        "حقل التجربة",
        "35.2",
        "40.9",
        "L",
        "OILF",
        "SY",
        "",
        "07",
        "",
        "",
        "",
        "0",
        "",
        "200",
        "Asia/Damascus",
        "2024-01-01",
    ],
    [
        "9900003",
        "Wadi Skip",
        "Wadi Skip",
        "",
        "35.0",
        "39.0",
        "H",
        "WAD",
        "SY",
        "",
        "07",
        "",
        "",
        "",
        "0",
        "",
        "200",
        "Asia/Damascus",
        "2024-01-01",
    ],
    [
        "9900004",
        "Bad Row",
        "Bad Row",
        "",
        "north",
        "39.0",
        "P",
        "PPL",
        "SY",
        "",
        "07",
        "",
        "",
        "",
        "0",
        "",
        "200",
        "Asia/Damascus",
        "2024-01-01",
    ],
]


def make_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("SY.txt", "".join("\t".join(r) + "\n" for r in ROWS))
        zf.writestr("readme.txt", "test dump\n")
    return buf.getvalue()


class Handler(http.server.BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}
    broken: set[str] = set()
    ranges: list[str] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        name = self.path.lstrip("/")
        data = self.files.get(name)
        if data is None:
            self.send_error(404)
            return
        start = 0
        rng = self.headers.get("Range")
        if rng:
            self.ranges.append(rng)
            start = int(rng.split("=")[1].split("-")[0])
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(data) - start))
        self.end_headers()
        body = data[start:]
        if name in self.broken:
            self.wfile.write(body[: len(body) // 2])  # then close: a transfer broken halfway
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Handler.files, Handler.broken, Handler.ranges = {}, set(), []
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_download_verify_and_build(server: str, tmp_path: Path) -> None:
    data = make_zip()
    Handler.files = {"SY.zip": data, "SHA256SUMS": f"{hashlib.sha256(data).hexdigest()}  SY.zip\n".encode()}
    index = tmp_path / "g.sqlite"
    folder = tmp_path / "g-sources" / "geonames"
    got = download_geonames(["SY"], folder, server, timeout=5)
    assert got == [folder / "SY.zip"] and (folder / "SY.zip").read_bytes() == data
    report = build_index(index, countries=["SY"])
    assert any("SY.zip" in s for s in report.sources) and report.skipped == 1
    g = Gazetteer(index)
    assert g.lookup("تل التجربة")[0].source_id == "9900001"
    field = g.lookup("حقل التجربة")[0]
    assert field.feature == "oilfield" and field.admin1 == "Deir ez Zor"
    assert g.lookup("Wadi Skip") == []


def test_checksum_mismatch_discards_the_file(server: str, tmp_path: Path) -> None:
    Handler.files = {"SY.zip": make_zip(), "SHA256SUMS": b"0" * 64 + b"  SY.zip\n"}
    with pytest.raises(GazetteerError, match="checksum mismatch"):
        download_geonames(["SY"], tmp_path, server, timeout=5)
    assert not (tmp_path / "SY.zip").exists() and not (tmp_path / "SY.zip.part").exists()


def test_broken_transfer_then_resume(server: str, tmp_path: Path) -> None:
    data = make_zip()
    old = tmp_path / "SY.zip"
    old.write_bytes(b"previous good copy")
    Handler.files = {"SY.zip": data}
    Handler.broken = {"SY.zip"}
    with pytest.raises(GazetteerError, match="interrupted.*run the command again to resume"):
        download_file(server + "SY.zip", old, timeout=5)
    assert old.read_bytes() == b"previous good copy"  # the previous copy is untouched
    part = tmp_path / "SY.zip.part"
    assert 0 < part.stat().st_size < len(data)
    Handler.broken = set()
    download_file(server + "SY.zip", old, timeout=5)
    assert old.read_bytes() == data and not part.exists()
    assert Handler.ranges and Handler.ranges[-1].startswith("bytes=")


def test_not_a_zip(server: str, tmp_path: Path) -> None:
    Handler.files = {"SY.zip": b"<html>error page</html>"}
    with pytest.raises(GazetteerError, match="not a valid zip"):
        download_file(server + "SY.zip", tmp_path / "SY.zip", timeout=5)


def test_server_unreachable(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="cannot download|HTTP"):
        download_file("http://127.0.0.1:9/SY.zip", tmp_path / "SY.zip", timeout=2)
