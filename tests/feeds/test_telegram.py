"""Telegram Desktop channel exports (result.json): one document per message with text."""

from __future__ import annotations

import json

from rasd.ingest import Document, InputError, read_documents
from rasd.ingest.telegram import message_text

EXPORT = {
    "name": "Hawija Now",
    "type": "public_channel",
    "id": 1234567890,
    "messages": [
        {"id": 1, "type": "service", "date": "2024-04-13T20:00:00", "action": "create_channel", "text": ""},
        {
            "id": 2,
            "type": "message",
            "date": "2024-04-14T09:12:45",
            "from": "Hawija Now",
            "text": "عاجل: مقتل جنديين بانفجار عبوة ناسفة في قضاء الحويجة جنوب غرب كركوك",
        },
        {
            "id": 3,
            "type": "message",
            "date": "2024-04-14T11:30:00",
            "text": [
                {"type": "bold", "text": "Breaking:"},
                " two soldiers were killed by a roadside bomb near ",
                {"type": "hashtag", "text": "#Hawija"},
                ", a security source said. ",
                {"type": "text_link", "text": "Details", "href": "https://example.org/x"},
            ],
        },
        {"id": 4, "type": "message", "date": "2024-04-14T12:00:00", "photo": "photos/1.jpg", "text": ""},
    ],
}


def test_messages_of_a_channel_export_become_documents(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(EXPORT, ensure_ascii=False), encoding="utf-8")
    docs = list(read_documents([str(tmp_path)]))
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 2  # no service message, no bare photo
    ar, en = docs
    assert ar.id == "telegram:1234567890:2" and ar.outlet == "Hawija Now" and ar.published == "2024-04-14"
    assert ar.text.startswith("عاجل: مقتل جنديين")
    assert en.text == (
        "Breaking: two soldiers were killed by a roadside bomb near #Hawija, a security source said. Details"
    )
    assert en.origin == f"{path}#1234567890:3"


def test_text_is_a_string_or_a_list_of_strings_and_entities():
    assert message_text("plain") == "plain"
    assert message_text(["a ", {"type": "bold", "text": "b"}, {"type": "custom_emoji"}]) == "a b"
    assert message_text(42) is None


def test_a_json_file_that_is_not_an_export_is_a_clear_error(tmp_path):
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"messages": [', encoding="utf-8")
    errors = list(read_documents([str(tmp_path / "other.json"), str(tmp_path / "broken.json")]))
    assert errors[0] == InputError(
        str(tmp_path / "other.json"),
        "a .json input must be a Telegram Desktop export (result.json with a 'messages' list); documents go in .jsonl",
    )
    assert isinstance(errors[1], InputError) and errors[1].reason.startswith("malformed JSON: ")


def test_a_whole_account_export_lists_its_chats(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"chats": {"list": [EXPORT]}}, ensure_ascii=False), encoding="utf-8")
    assert [d.id for d in read_documents([str(path)])] == ["telegram:1234567890:2", "telegram:1234567890:3"]
