"""What the web UI reads: compact map points, the page with its Content-Security-Policy, vendored files."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert

from rasd.model import Event, Place, When
from rasd.store.rows import event_columns
from rasd.store.schema import events
from rasd.web.ui import STATIC


def points(client, **params: str) -> dict:
    response = client.get("/api/events/points", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def rows(body: dict) -> list[tuple]:
    """The columns of a points answer as (id, lat, lon, type index) rows."""
    assert len(body["ids"]) == len(body["lat"]) == len(body["lon"]) == len(body["type"]) == body["total"]
    return list(zip(body["ids"], body["lat"], body["lon"], body["type"], strict=True))


def test_points_are_every_placed_event_as_id_lat_lon_type(client):
    body = points(client)
    assert body["total"] == 5 and body["unplaced"] == 0 and len(body["ids"]) == 5
    listed = {e["id"]: e for e in client.get("/api/events").json()["events"]}
    assert set(body["ids"]) == set(listed)
    for event_id, lat, lon, t in rows(body):
        event = listed[event_id]
        assert (lat, lon) == pytest.approx((event["location"]["lat"], event["location"]["lon"]), abs=1e-4)
        assert body["types"][t] == event["event_type"]


def test_points_take_the_filters_of_the_event_list(client):
    for params in (
        {"country": "IQ"},
        {"type": "Battles"},
        {"near": "36.34,43.13,30"},
        {"since": "2024-04-01"},
    ):
        listed = {e["id"] for e in client.get("/api/events", params=params).json()["events"]}
        assert set(points(client, **params)["ids"]) == listed, params
    empty = {"total": 0, "unplaced": 0, "types": [], "ids": [], "lat": [], "lon": [], "type": []}
    assert points(client, country="Atlantis") == empty
    assert client.get("/api/events/points", params={"near": "north"}).status_code == 422


def test_points_show_analysts_edits(client, auth, one_event_id):
    eid = one_event_id(client, near="36.34,43.13,30")
    change = {"location.lat": 35.0, "location.lon": 40.0, "event_type": "Battles"}
    assert client.patch(f"/api/events/{eid}", json={"changes": change}, headers=auth).status_code == 200
    body = points(client)
    (row,) = [p for p in rows(body) if p[0] == eid]
    assert row[1:3] == (35.0, 40.0) and body["types"][row[3]] == "Battles" and body["total"] == 5
    assert eid not in points(client, near="36.34,43.13,30")["ids"]


def test_points_without_ids_come_in_the_same_order(client):
    full, small = points(client), points(client, ids="false")
    assert "ids" not in small and small["total"] == full["total"]
    assert (small["lat"], small["lon"], small["type"]) == (full["lat"], full["lon"], full["type"])


def test_a_cached_points_answer_follows_an_edit(client, auth, one_event_id):
    eid = one_event_id(client, near="36.34,43.13,30")
    points(client)  # read (and cached) before the edit
    change = {"location.lat": 12.5, "location.lon": 45.5}
    assert client.patch(f"/api/events/{eid}", json={"changes": change}, headers=auth).status_code == 200
    (row,) = [p for p in rows(points(client)) if p[0] == eid]
    assert row[1:3] == (12.5, 45.5)


def test_points_do_not_hide_an_event_called_points(client):
    assert client.get("/api/events/points").status_code == 200
    assert client.get("/api/events/ev-nope").status_code == 404
    assert "get" in client.get("/openapi.json").json()["paths"]["/api/events/points"]


def test_large_point_lists_are_gzipped_when_the_client_accepts_it(client, engine):
    rows = []
    for i in range(100):
        event = Event(
            id=f"ev-{i:016x}",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            location=Place(name="Amman", country_code="JO", lat=31.9 + i / 1000, lon=35.9),
            when=When(start=dt.date(2024, 6, 1), end=dt.date(2024, 6, 1), time_precision=1),
            confidence=0.5,
        )
        rows.append(event_columns(event, 1))
    with engine.begin() as conn:
        conn.execute(insert(events), rows)
    packed = client.get("/api/events/points", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip" and packed.headers["vary"] == "Accept-Encoding"
    assert packed.json()["total"] == 105  # httpx unpacks it
    plain = client.get("/api/events/points", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == packed.json()


def test_the_page_is_served_with_a_strict_content_security_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "/static/js/main.js" in page.text and "http" not in page.text.split("<body>")[0]  # no CDN
    script = client.get("/static/js/main.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert client.get("/static/nope.js").status_code == 404


def test_the_api_is_unchanged_by_the_ui(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths and not any(p.startswith("/static") for p in paths)
    assert client.get("/api/health").json() == {"status": "ok"}
    assert "content-security-policy" not in client.get("/api/events").headers


def test_front_end_packages_are_vendored_with_their_licences():
    vendor = STATIC / "vendor"
    for package, built in [
        ("leaflet", "leaflet.js"),
        ("supercluster", "supercluster.min.js"),
        ("topojson-client", "topojson-client.min.js"),
        ("world-atlas", "countries-50m.json"),
    ]:
        assert (vendor / package / built).stat().st_size > 1000, package
        assert (vendor / package / "LICENSE").is_file(), package
    assert (vendor / "kdbush" / "LICENSE").is_file()  # bundled in supercluster.min.js


def test_static_files_are_compressed(client):
    response = client.get(
        "/static/vendor/world-atlas/countries-50m.json", headers={"Accept-Encoding": "gzip"}
    )
    assert response.status_code == 200 and response.headers["content-encoding"] == "gzip"
    assert response.json()["type"] == "Topology"
