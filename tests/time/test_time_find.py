"""Finding time expressions in running text (spans in the original text)."""

from __future__ import annotations

import pytest

from rasd.time import find_time_expressions

AR = (
    "قالت القوات في بيان لها، اليوم الأربعاء، إنها صدت هجوماً بطائرات مسيرة. وجاء في البيان: "
    "«بتمام الساعة 10:15 بتوقيت شمال وشرق سوريا تعاملت قواتنا مع الهجوم». وأطلق المهاجمون 14 صاروخاً "
    "بالساعة ١٢٣٠ من منطقة قريبة، بعد هجمات مماثلة في الأشهر الماضية، آخرها الأسبوع الماضي "
    "و يوم الجمعة الماضي وأواخر حزيران الماضي."
)
EN = (
    "Initial report: At approx. 12:30 PM local time, the base was attacked by 14 rockets. "
    "3 people were hurt. — Spokesman, July 7, 2021. On 3 January 2022, two drones were downed "
    "between 1 and 2 March. He may visit in March 2021."
)


def _texts(text: str) -> list[str]:
    return [m.text for m in find_time_expressions(text)]


def test_arabic_mentions() -> None:
    assert _texts(AR) == [
        "اليوم الأربعاء",
        "بتمام الساعة 10:15 بتوقيت شمال وشرق سوريا",
        "بالساعة ١٢٣٠",
        "في الأشهر الماضية",
        "الأسبوع الماضي",
        "يوم الجمعة الماضي",
        "أواخر حزيران الماضي",
    ]


def test_english_mentions() -> None:
    assert _texts(EN) == [
        "At approx. 12:30 PM local time",
        "July 7, 2021",
        "On 3 January 2022",
        "between 1 and 2 March",
        "in March 2021",
    ]


def test_spans_point_into_the_original_text() -> None:
    for text in (AR, EN):
        for m in find_time_expressions(text):
            assert text[m.start : m.end] == m.text


def test_kinds() -> None:
    kinds = {m.text: m.kind for m in find_time_expressions(AR + " " + EN)}
    assert kinds["بتمام الساعة 10:15 بتوقيت شمال وشرق سوريا"] == "time"
    assert kinds["الأسبوع الماضي"] == "relative"
    assert kinds["July 7, 2021"] == "date"
    assert kinds["between 1 and 2 March"] == "range"


@pytest.mark.parametrize(
    "text",
    [
        "أطلقت 14 صاروخاً وأصيب 3 جنود",
        "He may come back",
        "قتل ثلاثة أيام من المعارك",
        "The group has 300 fighters and 12 vehicles.",
        "",
    ],
)
def test_no_false_mentions(text: str) -> None:
    assert find_time_expressions(text) == []


def test_no_overlaps() -> None:
    found = find_time_expressions(AR + " " + EN)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


def test_clock_with_attached_conjunction_stays_one_mention() -> None:
    text = "وقع الهجوم عند الساعة الثامنة والربع مساءً بالتوقيت المحلي، ثم انسحب المهاجمون."
    assert _texts(text) == ["الساعة الثامنة والربع مساءً بالتوقيت المحلي"]


def test_conjunction_is_left_out_of_the_mention() -> None:
    assert _texts("قصفت المدفعية القرية أمس وصباح اليوم") == ["أمس", "صباح اليوم"]


def test_words_that_only_look_like_time_words() -> None:
    text = "Local residents said one of the fighters, a man named Khamis, was among those who may leave."
    assert _texts(text) == []
    assert _texts("قال أحد السكان إن واحداً من الجرحى نقل إلى المشفى") == []
