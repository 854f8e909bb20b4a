"""Merging and splitting events through the API: recombined events, redirects, audit entries, errors."""

from __future__ import annotations

from sqlalchemy import Engine

from rasd.store import remerge
from rasd.web.tokens import create_token


def test_merge_moves_every_report_and_recombines_the_survivor(client, engine: Engine, auth, one_event_id):
    mosul = one_event_id(client, near="36.34,43.13,30")
    kirkuk = one_event_id(client, near="35.47,44.39,30")
    client.patch(f"/api/events/{mosul}", json={"changes": {"location.name": "Mosul city"}}, headers=auth)
    response = client.post(
        f"/api/events/{mosul}/merge", json={"into": kirkuk, "note": "one incident"}, headers=auth
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["event_id"] == kirkuk and body["merged"] == mosul
    assert body["carried_edits"] == ["location.name"]  # kirkuk had no edit of its own
    assert body["event"]["fatalities"] == 2  # the lowest toll of the two reports
    detail = client.get(f"/api/events/{kirkuk}").json()
    assert {r["document_key"] for r in detail["reports"]} == {"id:mosul", "id:kirkuk"}
    assert detail["event"]["location"]["name"] == "Mosul city"
    listed = [e["id"] for e in client.get("/api/events").json()["events"]]
    assert mosul not in listed and kirkuk in listed and len(listed) == 4

    gone = client.get(f"/api/events/{mosul}", follow_redirects=False)
    assert gone.status_code == 307 and gone.json()["merged_into"] == kirkuk
    assert gone.headers["location"] == f"/api/events/{kirkuk}"
    assert client.get(f"/api/events/{mosul}").json()["event"]["id"] == kirkuk  # followed
    patched = client.patch(f"/api/events/{mosul}", json={"changes": {"fatalities": 1}}, headers=auth)
    assert patched.status_code == 404 and "merged into" in patched.json()["detail"]

    [merge] = [h for h in detail["history"] if h["action"] == "merge"]
    assert merge["author"] == "ana" and merge["note"] == "one incident"
    assert merge["before"] == {mosul: ["id:mosul"], kirkuk: ["id:kirkuk"]}
    assert merge["after"] == {kirkuk: ["id:kirkuk", "id:mosul"]}
    assert [h["action"] for h in client.get("/api/audit", params={"event_id": mosul}).json()] == [
        "merge",
        "edit",
    ]
    remerge(engine)  # re-merging the store keeps the analyst's decision
    after = client.get(f"/api/events/{kirkuk}").json()
    assert len(after["reports"]) == 2 and after["event"]["location"]["name"] == "Mosul city"


def test_split_moves_the_named_reports_into_a_new_event(client, auth, one_event_id):
    mosul = one_event_id(client, near="36.34,43.13,30")
    kirkuk = one_event_id(client, near="35.47,44.39,30")
    client.post(f"/api/events/{kirkuk}/merge", json={"into": mosul}, headers=auth)
    reports = client.get(f"/api/events/{mosul}").json()["reports"]
    moved = next(r for r in reports if r["document_key"] == "id:kirkuk")
    response = client.post(
        f"/api/events/{mosul}/split", json={"mentions": [moved["mention_id"]], "note": "two"}, headers=auth
    )
    assert response.status_code == 200, response.text
    body = response.json()
    new = body["new_event_id"]
    assert body["event_id"] == mosul and new not in (mosul, kirkuk)
    assert body["new_event"]["fatalities"] == 4 and body["event"]["fatalities"] == 2
    assert [r["document_key"] for r in client.get(f"/api/events/{new}").json()["reports"]] == ["id:kirkuk"]
    history = client.get(f"/api/events/{mosul}").json()["history"]
    assert history[0]["action"] == "split" and history[0]["after"] == {
        mosul: ["id:mosul"],
        new: ["id:kirkuk"],
    }
    assert client.get("/api/events").json()["total"] == 5
    # by document id: the mosul report moves out of the merged pair again
    client.post(f"/api/events/{new}/merge", json={"into": mosul}, headers=auth)
    document_id = next(r for r in reports if r["document_key"] == "id:mosul")["document_id"]
    again = client.post(f"/api/events/{mosul}/split", json={"documents": [document_id]}, headers=auth).json()
    assert [
        r["document_key"] for r in client.get(f"/api/events/{again['new_event_id']}").json()["reports"]
    ] == ["id:mosul"]


def test_refused_merges_and_splits(client, engine: Engine, auth, one_event_id):
    mosul = one_event_id(client, near="36.34,43.13,30")
    kirkuk = one_event_id(client, near="35.47,44.39,30")
    post = client.post
    itself = post(f"/api/events/{mosul}/merge", json={"into": mosul}, headers=auth)
    assert itself.status_code == 422 and "itself" in itself.json()["detail"]
    unknown = post(f"/api/events/{mosul}/merge", json={"into": "ev-nope"}, headers=auth)
    assert unknown.status_code == 404 and "ev-nope" in unknown.json()["detail"]
    assert post("/api/events/ev-nope/merge", json={"into": mosul}, headers=auth).status_code == 404
    assert post(f"/api/events/{mosul}/merge", json={}, headers=auth).status_code == 422
    assert post(f"/api/events/{mosul}/split", json={"mentions": []}, headers=auth).status_code == 422
    mine = client.get(f"/api/events/{mosul}").json()["reports"][0]["mention_id"]
    every = post(f"/api/events/{mosul}/split", json={"mentions": [mine]}, headers=auth)
    assert every.status_code == 422 and "at least one must stay" in every.json()["detail"]
    theirs = client.get(f"/api/events/{kirkuk}").json()["reports"][0]
    assert (
        post(
            f"/api/events/{mosul}/split", json={"mentions": [theirs["mention_id"]]}, headers=auth
        ).status_code
        == 422
    )
    assert (
        post(
            f"/api/events/{mosul}/split", json={"documents": [theirs["document_id"]]}, headers=auth
        ).status_code
        == 422
    )
    assert post("/api/events/ev-nope/split", json={"mentions": [mine]}, headers=auth).status_code == 404
    assert client.get("/api/audit").json() == []  # nothing happened
    reader = {"Authorization": f"Bearer {create_token(engine, 'viewer', 'read')}"}
    for url, body in (
        (f"/api/events/{mosul}/merge", {"into": kirkuk}),
        (f"/api/events/{mosul}/split", {"mentions": [mine]}),
    ):
        assert post(url, json=body).status_code == 401
        assert post(url, json=body, headers=reader).status_code == 403
    assert client.get("/api/events").json()["total"] == 5
