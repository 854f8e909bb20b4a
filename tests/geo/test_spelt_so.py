"""A place spelt exactly so beats one only spelt alike in the province the text puts it near."""

from __future__ import annotations

import pytest

from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms
from rasd.geo.build import build_index
from tests.geo.test_build import WOF_HEADER
from tests.geo.test_place_words import row


@pytest.fixture(scope="module")
def g(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("speltso")
    wof = folder / "wof_invented.tsv"
    rows = [
        row(1, "Atmah", "أطمة", 36.31, 36.69, "Idlib", "Harim"),
        row(2, "Al Yatimah", "اليتيمة", 36.62, 36.75, "Aleppo", "Afrin"),
    ]
    wof.write_text(WOF_HEADER + "".join(rows), encoding="utf-8")
    path = folder / "g.sqlite"
    build_index(path, [wof], countries=["SY"], include_sources_dir=False)
    return Gazetteer(path)


def test_exact_spelling_elsewhere_beats_a_likeness_near_the_named_city(g: Gazetteer) -> None:
    text = "A suicide bombing hit the Atmeh crossing west of Aleppo on Thursday."
    found = {m.text: c.name for m, c, _ in resolve_toponyms(find_toponyms(text, g), text, g) if c}
    assert found.get("Atmeh") == "Atmah"
