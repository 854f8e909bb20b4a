"""Reading reports: encodings, HTML, JSONL, and clear errors for bad input."""

import json

from rasd.ingest import InputError, read_documents
from rasd.ingest.decode import DecodeError, decode_bytes

ARABIC = "قصفت الطائرات بلدة في ريف إدلب صباح اليوم"


def test_windows_1256_and_utf16_are_detected(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARABIC.encode("cp1256"))
    (tmp_path / "b.txt").write_bytes(ARABIC.encode("utf-16"))
    (tmp_path / "c.txt").write_bytes(ARABIC.encode("utf-16-le"))
    docs = list(read_documents([str(tmp_path)]))
    assert [d.text for d in docs] == [ARABIC, ARABIC, ARABIC]


def test_empty_binary_and_oversized_inputs_are_named_errors(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    results = list(read_documents([str(tmp_path / "empty.txt"), str(tmp_path / "blob.bin")]))
    results += list(read_documents([str(big)], max_bytes=1000))
    results += list(read_documents([str(tmp_path / "missing.txt")]))
    assert all(isinstance(r, InputError) for r in results)
    reasons = [str(r) for r in results]
    assert "empty.txt: empty" in reasons[0]
    assert "blob.bin: binary" in reasons[1]
    assert "big.txt: too large" in reasons[2]
    assert "missing.txt: cannot read" in reasons[3]


def test_malformed_jsonl_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": ARABIC, "published": "2024-01-02"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "Clashes in Daraa", "outlet": "Example Post"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_documents([str(path)]))
    assert [getattr(r, "id", None) for r in results] == ["a", None, None, "d"]
    assert str(results[1]).startswith(f"{path}:2: malformed JSON")
    assert str(results[2]) == f"{path}:3: no 'text' field (a non-empty string is required)"
    assert results[0].published == "2024-01-02" and results[3].outlet == "Example Post"


def test_html_gives_its_main_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Blast</title><script>var x = 1;</script></head><body>"
        "<p>A car bomb exploded in the market of Azaz on Monday, killing four people.</p></body></html>",
        encoding="utf-8",
    )
    (doc,) = list(read_documents([str(page)]))
    assert "car bomb exploded" in doc.text and "var x" not in doc.text


def test_decode_refuses_nul_bytes():
    try:
        decode_bytes(b"abc\x00\x00def" * 100)
    except DecodeError as exc:
        assert "binary" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("binary data decoded")
