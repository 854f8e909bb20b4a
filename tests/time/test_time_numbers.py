"""Numbers as digits and as Arabic/English words."""

from __future__ import annotations

import pytest

from rasd.text.normalize import normalize
from rasd.text.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14", 14),
        ("١٤", 14),
        ("۱۲", 12),
        ("1,500", 1500),
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("الثالث", 3),
        ("الثالثة", 3),
        ("عشرين", 20),
        ("خمسة وعشرين", 25),
        ("خمس وعشرون", 25),
        ("الحادي عشر", 11),
        ("أحد عشر", 11),
        ("ثلاثة عشر", 13),
        ("الحادي والعشرين", 21),
        ("مئة", 100),
        ("مائة", 100),
        ("مئة وعشرين", 120),
        ("ثلاثمئة وخمسين", 350),
        ("ألفين وخمسمئة", 2500),
        ("3 آلاف", 3000),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("twenty-first", 21),
        ("a dozen", 12),
        ("one hundred and twenty", 120),
        ("two thousand three hundred", 2300),
        ("seventh", 7),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "قتلى", "three people", "الأحد", "ثلاثة وثلاثة", "3.5"])
def test_not_a_single_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("dozens", 12), ("عشرات", 12), ("مئات", 100), ("hundreds", 100), ("several", 3), ("عدة", 3)],
)
def test_vague_numbers_carry_acled_values_and_approx(text: str, value: int) -> None:
    [m] = find_numbers(normalize(text).text)
    assert (m.value, m.approx) == (value, True)


def test_find_numbers_spans_in_normalized_text() -> None:
    nt = normalize("قُتل ثلاثة أشخاص وأصيب ١٤ آخرون، بينهم خمسة وعشرين طفلاً يوم الأحد")
    found = find_numbers(nt.text)
    assert [m.value for m in found] == [3, 14, 25]
    assert [nt.original_span(m.start, m.end) for m in found] == ["ثلاثة", "١٤", "خمسة وعشرين"]
    assert not any(m.approx for m in found)


def test_find_numbers_english_and_vague() -> None:
    found = find_numbers(normalize("Dozens were hurt and twenty-one people died; 3 rockets hit").text)
    assert [(m.value, m.approx) for m in found] == [(12, True), (21, False), (3, False)]
