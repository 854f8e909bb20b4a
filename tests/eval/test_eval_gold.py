import json
import os
from pathlib import Path

import pytest

from rasd.eval.errors import EvalInputError
from rasd.eval.gold import load_gold
from rasd.eval.texts import doc_text, load_texts

EVENT = {
    "id": "e1",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "date": "2024-05-02",
    "places": [{"name": "Hill 7", "lat": 34.1, "lon": 39.2}],
    "actors": {"actor": "village guards"},
    "fatalities": None,
}


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_single_document_with_defaults(tmp_path: Path) -> None:
    [doc] = load_gold(write(tmp_path, "one.gold.json", {"doc": "r1.en.txt", "about": "x", "events": [EVENT]}))
    e = doc.events[0]
    assert e.required and not e.split_ok and e.km == 25
    assert e.sub_event_type == ["Armed clash"]
    assert e.date is not None and e.date[0] == e.date[1]
    assert doc.aliases() >= {"r1.en.txt", "r1.en", "r1"}


def test_docs_list_and_jsonl(tmp_path: Path) -> None:
    docs = load_gold(write(tmp_path, "many.json", {"docs": [{"doc": "a", "events": [EVENT]}, {"doc": "b"}]}))
    assert [d.key for d in docs] == ["a", "b"]
    lines = json.dumps({"doc": "a", "id": "A"}) + "\n\n" + json.dumps({"doc": "b"}) + "\n"
    assert [d.key for d in load_gold(write(tmp_path, "many.jsonl", lines))] == ["A", "b"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "invalid JSON"),
        ({"doc": "a", "events": [{**EVENT, "fatalites": 2}]}, "events[0].fatalites: Extra inputs"),
        ({"doc": "a", "events": [{**EVENT, "date": ["2024-05-03", "2024-05-01"]}]}, "ends before it starts"),
        ({"doc": "a", "events": [{**EVENT, "relation": "retaliation for ghost"}]}, "unknown gold id 'ghost'"),
        ({"doc": "a", "events": [EVENT, EVENT]}, "duplicate event id(s): e1"),
        ({"doc": "a", "events": [{**EVENT, "local_time": "noon"}]}, "not HH:MM"),
        ({"docs": [{"doc": "a"}, {"events": []}]}, "docs[1].doc: Field required"),
        ({"docs": [{"doc": "a"}, {"doc": "a"}]}, "duplicate document(s): a"),
    ],
)
def test_malformed_gold_names_file_and_reason(tmp_path: Path, content: object, reason: str) -> None:
    path = write(tmp_path, "bad.json", content)
    with pytest.raises(EvalInputError) as info:
        load_gold(path)
    assert str(path) in str(info.value) and reason in str(info.value)


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(EvalInputError, match="gold file not found"):
        load_gold(tmp_path / "absent.json")


def test_texts_beside_gold_inline_or_in_jsonl(tmp_path: Path) -> None:
    (tmp_path / "r1.en.txt").write_text("Guards clashed near Hill 7.", encoding="utf-8")
    gold = write(
        tmp_path,
        "g.json",
        {
            "docs": [
                {"doc": "r1.en.txt", "published": "2024-05-03"},
                {"doc": "r2", "text": "inline"},
                {"doc": "r3"},
            ]
        },
    )
    docs = load_gold(gold)
    assert doc_text(docs[0], gold)[0].startswith("Guards")
    assert str(doc_text(docs[0], gold)[1]) == "2024-05-03"
    assert doc_text(docs[1], gold) == ("inline", None)
    with pytest.raises(EvalInputError, match="text of gold document 'r3' not found"):
        doc_text(docs[2], gold)
    texts = load_texts(
        write(tmp_path, "t.jsonl", json.dumps({"id": "r3", "text": "from jsonl", "published": "2024-05-04"}))
    )
    text, published = doc_text(docs[2], gold, texts)
    assert text == "from jsonl" and str(published) == "2024-05-04"


def test_seed_gold_loads() -> None:
    seed = Path(os.environ.get("RASD_SHARED", "/work/shared")) / "seed"
    files = sorted(seed.glob("*.gold.json")) if seed.is_dir() else []
    if not files:
        pytest.skip("shared seed gold absent")
    for path in files:
        for doc in load_gold(path):
            assert doc.events and all(e.places for e in doc.events)


def test_free_text_relation_is_kept_but_not_scored(tmp_path: Path) -> None:
    [doc] = load_gold(
        write(tmp_path, "g.json", {"doc": "a", "events": [{**EVENT, "relation": "e1 answers this"}]})
    )
    assert doc.events[0].relation == "e1 answers this" and doc.events[0].relation_parts is None


def test_text_from_a_shared_data_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "shared" / "data" / "raw" / "news"
    raw.mkdir(parents=True)
    (raw / "n.jsonl").write_text(
        json.dumps({"id": "n-7", "title": "Headline", "text": "Body."}) + "\n", encoding="utf-8"
    )
    (raw / "f.csv").write_text(
        "unit_id,article_title,article_content\n42,Title,Content here\n", encoding="utf-8"
    )
    monkeypatch.setenv("RASD_SHARED", str(tmp_path / "shared"))
    gold = write(
        tmp_path,
        "g.json",
        {
            "docs": [
                {
                    "doc": "news/n.jsonl#n-7",
                    "source": {"file": "news/n.jsonl", "id": "n-7"},
                    "published": "2024-01-02",
                },
                {"doc": "news/f.csv#42", "source": {"file": "news/f.csv", "id": "42"}},
                {"doc": "news/f.csv#43", "source": {"file": "news/f.csv", "id": "43"}},
            ]
        },
    )
    docs = load_gold(gold)
    assert doc_text(docs[0], gold) == ("Headline\n\nBody.", docs[0].published)
    assert doc_text(docs[1], gold)[0] == "Title\n\nContent here"
    with pytest.raises(EvalInputError, match="no row with id '43'"):
        doc_text(docs[2], gold)
