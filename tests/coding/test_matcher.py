import pytest

from rasd.coding.matcher import PhraseMatcher
from rasd.knowledge import KnowledgeError, Row
from rasd.text.normalize import normalize


def spans(matcher, text):
    norm = normalize(text)
    return [(norm.original_span(m.start, m.end), m.payload) for m in matcher.find(norm)]


def test_arabic_proclitics_article_and_variants():
    m = PhraseMatcher([("عبوة ناسفة", "ied"), ("الطيران الحربي", "air")])
    assert spans(m, "وانفجرت العبوةُ الناسفة قرب الحاجز") == [("العبوةُ الناسفة", "ied")]
    assert spans(m, "قصف بطيران حربي") == [("بطيران حربي", "air")]
    assert spans(m, "والطيران الحربي") == [("والطيران الحربي", "air")]


def test_prefix_wildcard_and_gap():
    m = PhraseMatcher([("استهدف*", "target"), ("أطلق* ... صواريخ", "rockets"), ("attack*", "attack")])
    assert spans(m, "واستهدفت المسيرة الموقع") == [("واستهدفت", "target")]
    assert spans(m, "أطلقت الميليشيا عدة صواريخ") == [("أطلقت الميليشيا عدة صواريخ", "rockets")]
    assert spans(m, "Attackers attacked") == [("Attackers", "attack"), ("attacked", "attack")]
    # a gap never runs past max_gap words
    assert spans(m, "أطلقت في ذلك اليوم الميليشيا عدة صواريخ") == []


def test_longest_match_wins_and_matches_do_not_overlap():
    m = PhraseMatcher([("air strike", "air"), ("strike", "strike"), ("strike on", "x")])
    assert spans(m, "an air strike on the town") == [("air strike", "air")]


def test_same_phrase_returns_every_payload():
    m = PhraseMatcher([("killed", "a"), ("killed", "b")])
    assert sorted(p for _, p in spans(m, "two were killed")) == ["a", "b"]


def test_from_rows_reports_file_and_line():
    rows = [Row("lex.tsv", 3, {"pattern": "ok"}), Row("lex.tsv", 4, {"pattern": "... *"})]
    with pytest.raises(KnowledgeError, match="lex.tsv:4"):
        PhraseMatcher.from_rows(rows, "pattern")
    m = PhraseMatcher.from_rows(rows[:1], "pattern")
    assert m.find(normalize("It is OK"))[0].payload.line == 3
