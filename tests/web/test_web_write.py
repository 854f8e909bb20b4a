"""Writing through the API: bearer tokens, edits with an audit log, reviews, reports submitted by text."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from rasd.cli import token_cmd  # noqa: F401  (registers `rasd token`)
from rasd.cli.app import app as cli
from rasd.store import read_edits
from rasd.store.schema import tokens
from rasd.web import Settings, create_app
from rasd.web.tokens import create_token


def test_writes_need_a_write_token(client, engine: Engine, one_event_id):
    eid = one_event_id(client, country="JO")
    reader = create_token(engine, "viewer", "read")
    writes = [
        ("patch", f"/api/events/{eid}", {"changes": {"fatalities": 1}}),
        ("post", f"/api/events/{eid}/approve", None),
        ("post", f"/api/events/{eid}/reject", None),
        ("post", "/api/reports", {"text": "Shelling hit Aleppo on 1 June 2024."}),
    ]
    for method, url, body in writes:
        assert client.request(method, url, json=body).status_code == 401
        bogus = {"Authorization": "Bearer rasd_not-a-token"}
        assert client.request(method, url, json=body, headers=bogus).status_code == 401
        read_only = {"Authorization": f"Bearer {reader}"}
        assert client.request(method, url, json=body, headers=read_only).status_code == 403
    assert client.get(f"/api/events/{eid}").json()["history"] == []


def test_an_edit_is_visible_on_read_and_in_the_audit_log(client, engine: Engine, auth, one_event_id):
    eid = one_event_id(client, near="36.34,43.13,30")
    change = {"changes": {"fatalities": 7, "location.name": "Mosul city"}, "note": "hospital figures"}
    response = client.patch(f"/api/events/{eid}", json=change, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["fatalities"] == 7
    body = client.get(f"/api/events/{eid}").json()
    assert body["event"]["fatalities"] == 7 and body["event"]["location"]["name"] == "Mosul city"
    listed = client.get("/api/events", params={"country": "IQ"}).json()["events"]
    assert next(e for e in listed if e["id"] == eid)["fatalities"] == 7
    feature = client.get("/api/events", params={"format": "geojson", "near": "36.34,43.13,30"}).json()
    assert feature["features"][0]["properties"]["fatalities"] == 7
    by_field = {h["field"]: h for h in body["history"]}
    assert by_field["fatalities"]["before"] == 2 and by_field["fatalities"]["after"] == 7
    assert (
        by_field["location.name"]["before"] == "Mosul" and by_field["location.name"]["after"] == "Mosul city"
    )
    assert all(
        h["author"] == "ana" and h["action"] == "edit" and h["note"] == "hospital figures"
        for h in by_field.values()
    )
    assert client.get("/api/audit", params={"event_id": eid}).json() == body["history"]
    assert [(e.field, e.value, e.author) for e in read_edits(engine, eid)] == [
        ("fatalities", 7, "ana"),
        ("location.name", "Mosul city", "ana"),
    ]


def test_filters_and_pages_see_edited_events(client, auth, one_event_id):
    eid = one_event_id(client, near="36.34,43.13,30")
    client.patch(f"/api/events/{eid}", json={"changes": {"event_type": "Battles"}}, headers=auth)
    assert eid in [e["id"] for e in client.get("/api/events", params={"type": "Battles"}).json()["events"]]
    assert client.get("/api/events", params={"type": "Battles"}).json()["total"] == 3
    assert client.get("/api/stats").json()["by_type"][0] == {"event_type": "Battles", "count": 3}
    edited = client.patch(
        f"/api/events/{eid}",
        json={"changes": {"when.start": "2024-06-01", "when.end": "2024-06-01"}},
        headers=auth,
    )
    assert edited.status_code == 200, edited.text
    everything = [e["id"] for e in client.get("/api/events").json()["events"]]
    assert everything[-1] == eid and len(everything) == 5  # now the latest event
    pages = [client.get("/api/events", params={"limit": 2, "offset": o}).json() for o in (0, 2, 4)]
    assert [e["id"] for p in pages for e in p["events"]] == everything and {p["total"] for p in pages} == {5}
    assert client.get("/api/events", params={"since": "2024-05-15"}).json()["total"] == 1


def test_edits_that_do_not_fit_are_refused(client, auth, one_event_id):
    eid = one_event_id(client, country="JO")
    for changes in ({"no_such_field": 1}, {"fatalities": "many"}, {}):
        response = client.patch(f"/api/events/{eid}", json={"changes": changes}, headers=auth)
        assert response.status_code == 422, changes
    assert (
        client.patch("/api/events/ev-nope", json={"changes": {"fatalities": 1}}, headers=auth).status_code
        == 404
    )
    mixed = {"changes": {"fatalities": 3, "no_such_field": 1}}
    assert client.patch(f"/api/events/{eid}", json=mixed, headers=auth).status_code == 422
    assert client.get(f"/api/events/{eid}").json()["history"] == []  # all or nothing


def test_approve_and_reject_are_logged(client, auth, one_event_id):
    eid = one_event_id(client, country="JO")
    approved = client.post(f"/api/events/{eid}/approve", json={"note": "checked"}, headers=auth).json()
    assert approved["review"]["status"] == "approved" and approved["review"]["by"] == "ana"
    rejected = client.post(f"/api/events/{eid}/reject", headers=auth).json()
    assert rejected["review"]["status"] == "rejected"
    body = client.get(f"/api/events/{eid}").json()
    assert body["review"]["status"] == "rejected"
    assert [(h["action"], h["before"], h["after"]) for h in body["history"]] == [
        ("reject", "approved", "rejected"),
        ("approve", "pending", "approved"),
    ]
    assert client.post("/api/events/ev-nope/approve", headers=auth).status_code == 404


def test_a_submitted_report_is_ingested_and_its_events_returned(client, auth):
    text = "Two rockets hit Aleppo on 1 June 2024, killing three civilians, a monitor said."
    response = client.post("/api/reports", json={"text": text, "published": "2024-06-02"}, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["outcome"] == "new" and len(body["events"]) == 1
    event = body["events"][0]
    assert event["location"]["name"] == "Aleppo" and event["fatalities"] == 3
    assert client.get("/api/events").json()["total"] == 6
    document = client.get(f"/api/documents/{body['document_id']}").json()
    assert document["text"] == text and document["event_ids"] == [event["id"]]
    again = client.post("/api/reports", json={"text": text, "published": "2024-06-02"}, headers=auth).json()
    assert again["outcome"] == "unchanged" and [e["id"] for e in again["events"]] == [event["id"]]
    assert client.post("/api/reports", json={"text": ""}, headers=auth).status_code == 422


def test_bodies_over_the_limit_are_refused(engine: Engine, writer_token):
    auth = {"Authorization": f"Bearer {writer_token}"}
    with TestClient(create_app(engine, Settings(max_body=2_000))) as client:
        response = client.post("/api/reports", json={"text": "x" * 5_000}, headers=auth)
        assert response.status_code == 413

        def chunks():  # no Content-Length: counted as it arrives
            for _ in range(10):
                yield b"x" * 1000

        streamed = client.post(
            "/api/reports", content=chunks(), headers={**auth, "Content-Type": "application/json"}
        )
        assert streamed.status_code == 413


def test_token_cli_prints_a_token_once_and_stores_its_hash(tmp_path):
    db = str(tmp_path / "tokens.sqlite")
    runner = CliRunner()
    created = runner.invoke(cli, ["token", "create", "field-team", "--db", db])
    assert created.exit_code == 0, created.output
    secret = created.output.strip()
    assert secret.startswith("rasd_") and len(secret) > 30
    assert (
        runner.invoke(cli, ["token", "create", "field-team", "--db", db]).exit_code == 1
    )  # names are unique
    from rasd.store import connect

    engine = connect(db)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(tokens)).mappings().all()
        assert len(rows) == 1 and all(secret not in str(value) for value in rows[0].values())
        with TestClient(create_app(engine)) as client:
            auth = {"Authorization": f"Bearer {secret}"}
            assert client.post("/api/events/ev-nope/approve", headers=auth).status_code == 404  # authorised
            listed = runner.invoke(cli, ["token", "list", "--db", db]).output
            assert "field-team\twrite" in listed and secret not in listed
            assert runner.invoke(cli, ["token", "revoke", "field-team", "--db", db]).exit_code == 0
            assert client.post("/api/events/ev-nope/approve", headers=auth).status_code == 401
    finally:
        engine.dispose()
