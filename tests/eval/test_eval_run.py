import datetime as dt
import json
from pathlib import Path
from typing import Any

from eval_kit import pred

from rasd.eval import evaluate_acled, evaluate_gold
from rasd.model import Event


def test_a_failing_document_is_reported_and_scored_as_empty(tmp_path: Path) -> None:
    gold = tmp_path / "g.json"
    docs = [
        {"doc": "ok", "text": "fine", "events": [{"id": "e", "event_type": "Battles"}]},
        {"doc": "boom", "text": "crash", "events": [{"id": "e", "event_type": "Battles"}]},
    ]
    gold.write_text(json.dumps({"docs": docs}), encoding="utf-8")

    def extract(text: str, published: Any = None, doc_id: str | None = None) -> list[Event]:
        if text == "crash":
            raise ValueError("bad sentence")
        return [pred("p", event_type="Battles", sub="Armed clash", doc_id=None)]

    report = evaluate_gold(gold, extractor=extract)
    assert report.failures == {"boom": "ValueError: bad sentence"}
    assert (report.tp, report.fn) == (1, 1)
    assert report.to_dict()["summary"]["extraction_failures"] == 1


def test_acled_extraction_gets_notes_and_upload_date(tmp_path: Path) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,inter2,country,latitude,longitude,notes,fatalities,timestamp\n"
        'TST9,2024-03-10,Explosions/Remote violence,Air/drone strike,X,1,0,Testland,36.0,38.0,"A drone hit.",0,1710460800\n',
        encoding="utf-8",
    )
    calls: list[tuple[str, Any, Any]] = []

    def extract(text: str, published: Any = None, doc_id: str | None = None) -> list[Event]:
        calls.append((text, published, doc_id))
        return [pred("p", doc_id=None)]

    report = evaluate_acled(csv_path, extractor=extract)
    assert calls == [("A drone hit.", dt.date(2024, 3, 15), "TST9")]
    assert report.fields["sub_event_type"].correct == 1


def test_doc_aliases_drop_names_two_documents_share() -> None:
    from rasd.eval.gold import GoldDoc
    from rasd.eval.run import doc_aliases

    docs = [
        GoldDoc.model_validate(
            {"doc": "news/feed.jsonl#n-1", "source": {"file": "news/feed.jsonl", "id": "n-1"}}
        ),
        GoldDoc.model_validate(
            {"doc": "news/feed.jsonl#n-2", "source": {"file": "news/feed.jsonl", "id": "n-2"}}
        ),
        GoldDoc(doc="r9.ar.txt"),
    ]
    aliases = doc_aliases(docs)
    assert aliases["n-1"] == "news/feed.jsonl#n-1" and aliases["n-2"] == "news/feed.jsonl#n-2"
    assert "feed" not in aliases
    assert aliases["r9"] == aliases["r9.ar"] == "r9.ar.txt"
