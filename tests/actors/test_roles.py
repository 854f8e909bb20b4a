"""actor1 / actor2 on sentences written for these tests, Arabic and English."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from rasd.actors import assign_roles, find_actors, interaction_code
from rasd.text.normalize import normalize


def _load_cases() -> ModuleType:
    """The shared case table (also read by benchmarks/actors_speed.py)."""
    spec = importlib.util.spec_from_file_location("actor_cases", Path(__file__).with_name("actor_cases.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CASES = _load_cases()
ARABIC = _CASES.ARABIC
ENGLISH = _CASES.ENGLISH


def roles(lang: str, country: str, sentence: str) -> tuple[str | None, str | None]:
    mentions = find_actors(normalize(sentence), lang, country=country)
    a1, a2 = assign_roles(sentence, lang, mentions)
    return (a1.acled_name if a1 else None, a2.acled_name if a2 else None)


def test_enough_arabic_cases() -> None:
    assert len(ARABIC) >= 25


@pytest.mark.parametrize(("lang", "country", "sentence", "actor1", "actor2"), ARABIC + ENGLISH)
def test_roles(lang: str, country: str, sentence: str, actor1: str | None, actor2: str | None) -> None:
    assert roles(lang, country, sentence) == (actor1, actor2)


def test_no_mentions_no_roles() -> None:
    assert assign_roles("لا شيء هنا", "ar", []) == (None, None)


def test_trigger_span_prefers_target_after_the_verb() -> None:
    sentence = "SDF fighters and Turkish forces were seen; Turkish forces shelled SDF positions."
    norm = normalize(sentence)
    mentions = find_actors(norm, "en", country="SY")
    verb = norm.text.index("shelled")
    a1, a2 = assign_roles(sentence, "en", mentions, (verb, verb + len("shelled")))
    assert a1 is not None and a2 is not None
    assert a2.acled_name == "QSD: Syrian Democratic Forces"


@pytest.mark.parametrize(
    ("inter1", "inter2", "code"),
    [(1, 3, 13), (3, 1, 13), (8, 2, 28), (6, 0, 60), (6, None, 60), (7, 7, 77), (None, None, 0), (0, 1, 10)],
)
def test_interaction_code(inter1: int | None, inter2: int | None, code: int) -> None:
    assert interaction_code(inter1, inter2) == code


def test_trigger_span_in_arabic_verb_subject_order() -> None:
    sentence = "قالت قسد إن القوات التركية قصفت مواقعها، ثم قصفت قسد القاعدة التركية"
    norm = normalize(sentence)
    mentions = find_actors(norm, "ar", country="SY")
    verb = norm.text.rindex("قصفت")
    a1, a2 = assign_roles(sentence, "ar", mentions, (verb, verb + len("قصفت")))
    assert a1 is not None and a2 is not None
    assert (a1.short, a2.acled_name) == ("SDF", "Military Forces of Turkey (2016-)")
