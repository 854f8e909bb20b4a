"""Normalization keeps offsets; segmentation finds titles, posts and sentences."""

from rasd.text.normalize import normalize
from rasd.text.segments import segment, split_sentences
from rasd.text.tokens import clitic_forms


def test_normalized_spans_map_back_to_the_original():
    text = "قُتِلَ «ثلاثةُ» مدنيين في إدلب ١٢٣٠"
    norm = normalize(text)
    assert "ادلب" in norm.text and "1230" in norm.text
    start = norm.text.index("ادلب")
    assert norm.original_span(start, start + 4) == "إدلب"
    s = norm.text.index("1230")
    assert norm.original_span(s, s + 4) == "١٢٣٠"


def test_alef_ya_ta_marbuta_and_tatweel_are_unified():
    assert normalize("مدرســة الأمَل على").text == normalize("مدرسه الامل علي").text


def test_clitic_forms_strip_conjunction_preposition_and_article():
    forms = clitic_forms(normalize("وبالقصف").text)
    assert "قصف" in forms and "القصف" in forms
    assert "تحالف" in clitic_forms(normalize("للتحالف").text)
    assert clitic_forms("بلد")[0] == "بلد"  # a short word is never cut below two letters


def test_embedded_post_is_a_segment_with_author_handle_and_date():
    text = (
        "Rockets hit a base near the town\n"
        "The army said two rockets fell on the base.\n"
        "Two rockets landed at 09:10. No injuries.\n"
        "— Army Press Office (@ArmyPress) May 3, 2023\n"
        "Officials later said the launcher was found.\n"
    )
    segs = segment(text)
    assert [s.kind for s in segs] == ["title", "body", "post", "body"]
    post = segs[2].post
    assert post is not None and post.author == "Army Press Office" and post.handle == "@ArmyPress"
    assert post.date_text == "May 3, 2023"
    assert len(segs[2].sentences) == 2


def test_sentences_do_not_break_on_times_decimals_or_abbreviations():
    text = "At approx. 12:30 PM local time the base was hit. وسقطت القذائف عند الساعة 12.30 ظهراً. انتهى"
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "At approx. 12:30 PM local time the base was hit.",
        "وسقطت القذائف عند الساعة 12.30 ظهراً.",
        "انتهى",
    ]


def test_presentation_forms_decompose_and_ornate_brackets_survive():
    assert normalize("\ufefb").text == "لا"  # lam-alef ligature
    assert normalize("\ufd3eنص\ufd3f").text == "\ufd3eنص\ufd3f"


def test_titles_and_abbreviations_do_not_end_a_sentence() -> None:
    from rasd.text.segments import split_sentences

    text = "Sen. Rob Smith joined inmates of prison nr. 4 and members of the D.C. Caucus in the protest. It ended."
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "Sen. Rob Smith joined inmates of prison nr. 4 and members of the D.C. Caucus in the protest.",
        "It ended.",
    ]
