"""A place spelt exactly so beats one only spelt alike in the province the text puts it near."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms
from rasd.geo.build import build_index
from tests.geo.test_build import WOF_HEADER, wof_row


def _index(folder: Path, rows: list[str], country: str) -> Gazetteer:
    wof = folder / "wof_invented.tsv"
    wof.write_text(WOF_HEADER + "".join(rows), encoding="utf-8")
    path = folder / "g.sqlite"
    build_index(path, [wof], countries=[country], include_sources_dir=False)
    return Gazetteer(path)


@pytest.fixture(scope="module")
def g(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    rows = [
        wof_row(1, "Atmah", 36.31, 36.69, ar="أطمة", region="Idlib", county="Harim"),
        wof_row(2, "Al Yatimah", 36.62, 36.75, ar="اليتيمة", region="Aleppo", county="Afrin"),
    ]
    return _index(tmp_path_factory.mktemp("speltso"), rows, "SY")


def test_exact_spelling_elsewhere_beats_a_likeness_near_the_named_city(g: Gazetteer) -> None:
    text = "A suicide bombing hit the Atmeh crossing west of Aleppo on Thursday."
    found = {m.text: c.name for m, c, _ in resolve_toponyms(find_toponyms(text, g), text, g) if c}
    assert found.get("Atmeh") == "Atmah"


@pytest.fixture(scope="module")
def iq(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """Two invented namesakes in Anbar: one just east of Ramadi, one by the Syrian border."""
    rows = [
        wof_row(1, "Qaryat Salim", 33.42, 43.45, ar="قرية سالم", cc="IQ", region="Al-Anbar", county="Ramadi"),
        wof_row(2, "Qaryat Salim", 34.39, 40.99, ar="قرية سالم", cc="IQ", region="Al-Anbar", county="Ka'im"),
    ]
    return _index(tmp_path_factory.mktemp("namesakes"), rows, "IQ")


def test_east_of_a_town_picks_the_namesake_near_it(iq: Gazetteer) -> None:
    for text in (
        "صد هجوم في قرية سالم شرقي الرمادي",
        "An attack was repelled in Qaryat Salim east of Ramadi.",
    ):
        found = [c for m, c, _ in resolve_toponyms(find_toponyms(text, iq), text, iq) if c and m.start < 30]
        assert found and round(found[0].lon) == 43, text
