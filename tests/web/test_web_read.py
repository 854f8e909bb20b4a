"""Reading the API: filters as `rasd events`, pagination, GeoJSON, events with reports, documents, stats."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from rasd.web import Settings, create_app
from rasd.web.tokens import create_token


def ids(client: TestClient, **params: str | int) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def test_every_event_is_listed_by_date_with_a_total(client):
    body = client.get("/api/events").json()
    assert body["total"] == 5 and body["limit"] == 100 and body["offset"] == 0
    starts = [e["when"]["start"] for e in body["events"]]
    assert starts == sorted(starts) and starts[0] == "2024-03-03" and starts[-1] == "2024-05-02"


def test_filters_select_as_rasd_events_does(client):
    assert len(ids(client, country="IQ")) == 2
    assert len(ids(client, country="syria")) == 2
    assert len(ids(client, type="Battles")) == 2
    assert len(ids(client, type="shelling/artillery/missile attack")) == 1
    assert len(ids(client, actor="islamic state")) == 1
    assert ids(client, actor="saa") == ids(client, actor="military forces of syria")  # short names too
    assert len(ids(client, since="2024-04-01")) == 2
    assert len(ids(client, until="2024-03-05")) == 2
    assert len(ids(client, since="2024-03-04", until="2024-03-31", country="SY")) == 1
    mosul = ids(client, near="36.34,43.13,30")
    assert len(mosul) == 1 and mosul == ids(client, country="IQ", type="Explosions/Remote violence")
    assert ids(client, country="Atlantis") == []


def test_bad_filters_are_refused_with_422(client):
    for params in ({"near": "36,43"}, {"near": "north,43,5"}, {"near": "95,43,5"}, {"since": "March"}):
        assert client.get("/api/events", params=params).status_code == 422, params
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"limit": 5000}).status_code == 422


def test_pages_cover_the_list_once(client):
    everything = ids(client)
    pages = [client.get("/api/events", params={"limit": 2, "offset": o}).json() for o in (0, 2, 4, 6)]
    assert [p["total"] for p in pages] == [5, 5, 5, 5]
    assert [len(p["events"]) for p in pages] == [2, 2, 1, 0]
    assert [e["id"] for p in pages for e in p["events"]] == everything


def test_geojson_is_a_feature_collection_of_points(client):
    response = client.get("/api/events", params={"format": "geojson", "country": "IQ"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 2
    mosul = next(f for f in body["features"] if f["properties"]["place"] == "Mosul")
    lon, lat = mosul["geometry"]["coordinates"]
    assert mosul["geometry"]["type"] == "Point" and 36 < lat < 37 and 43 < lon < 44
    assert mosul["properties"]["fatalities"] == 2 and mosul["id"] == mosul["properties"]["id"]


def test_an_event_comes_with_its_reports_sources_and_evidence(client, one_event_id):
    eid = one_event_id(client, near="36.34,43.13,30")
    body = client.get(f"/api/events/{eid}").json()
    assert body["event"]["id"] == eid and body["event"]["fatalities"] == 2
    assert body["event"]["evidence"] and body["event"]["sources"]
    assert body["review"]["status"] == "pending" and body["history"] == []
    (report,) = body["reports"]
    assert report["title"] == "Report mosul" and report["outlet"] == "Test Wire"
    document = client.get(f"/api/documents/{report['document_id']}").json()
    span = report["event"]["evidence"]["fatalities"][0]
    assert document["text"][span["start"] : span["end"]] == span["text"]  # evidence indexes the stored text
    assert eid in document["event_ids"]


def test_unknown_ids_are_404(client):
    assert client.get("/api/events/ev-nope").status_code == 404
    assert client.get("/api/documents/999").status_code == 404
    assert client.get("/api/documents/not-a-number").status_code == 422


def test_a_document_is_json_text_never_html(client, one_event_id, hostile):
    eid = one_event_id(client, country="JO")
    doc_id = client.get(f"/api/events/{eid}").json()["reports"][0]["document_id"]
    response = client.get(f"/api/documents/{doc_id}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["text"] == hostile
    assert "<script>alert(1)</script>" in response.json()["text"]
    assert "<img src=x onerror=alert(1)>" in response.json()["text"]


def test_arabic_text_comes_back_as_stored(client, one_event_id):
    eid = one_event_id(client, country="SY", type="Explosions/Remote violence")
    doc_id = client.get(f"/api/events/{eid}").json()["reports"][0]["document_id"]
    assert client.get(f"/api/documents/{doc_id}").json()["text"].startswith("انفجرت عبوة ناسفة في حمص")


def test_stats_count_per_day_and_per_type(client):
    body = client.get("/api/stats").json()
    assert body["total"] == 5 and body["undated"] == 0
    assert {t["event_type"]: t["count"] for t in body["by_type"]}["Battles"] == 2
    assert body["by_type"][0]["count"] == 2
    assert [d["date"] for d in body["by_day"]] == sorted(d["date"] for d in body["by_day"])
    assert {"date": "2024-03-10", "event_type": "Battles", "count": 1} in body["by_day_type"]
    assert client.get("/api/stats", params={"country": "IQ"}).json()["total"] == 2
    assert client.get("/api/stats", params={"near": "36.34,43.13,30"}).json()["total"] == 1


def test_the_api_is_documented(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents/{document_id}", "/api/stats"):
        assert "get" in paths[path]
    assert "patch" in paths["/api/events/{event_id}"] and "post" in paths["/api/reports"]


def test_a_private_server_needs_a_token_to_read(engine: Engine):
    secret = create_token(engine, "reader", "read")
    with TestClient(create_app(engine, Settings(private=True))) as client:
        assert client.get("/api/events").status_code == 401
        assert client.get("/api/stats").status_code == 401
        assert client.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        response = client.get("/api/events", headers={"Authorization": f"Bearer {secret}"})
        assert response.status_code == 200 and response.json()["total"] == 5


def test_cors_is_off_unless_an_origin_is_allowed(engine: Engine, client):
    preflight = {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    assert "access-control-allow-origin" not in client.options("/api/events", headers=preflight).headers
    assert "access-control-allow-origin" not in client.get("/api/events", headers=preflight).headers
    with TestClient(create_app(engine, Settings(cors_origins=("https://example.org",)))) as allowed:
        headers = allowed.get("/api/events", headers=preflight).headers
        assert headers["access-control-allow-origin"] == "https://example.org"
