"""Every normalized character maps back to the original character it came from."""

from rasd.text.normalize import normalize


def _reference_offsets(text: str) -> tuple[int, ...]:
    """Offsets built one character at a time (what normalize() must agree with)."""
    offsets: list[int] = []
    for i, ch in enumerate(text):
        offsets.extend([i] * len(normalize(ch).text))
    return (*offsets, len(text))


def test_offsets_follow_dropped_and_expanded_characters():
    # diacritics and tatweel are dropped, a ligature expands to two letters, İ lowers to two characters
    text = "قُتِلَ ـــ \ufefb شيء İzmir ﷲ، A\u200fB"
    norm = normalize(text)
    assert norm.offsets == _reference_offsets(text)
    assert len(norm.offsets) == len(norm.text) + 1
    start = norm.text.index("لا")
    assert norm.original_span(start, start + 2) == "\ufefb"


def test_plain_text_has_the_identity_offset_map():
    text = "Shelling hit Idlib, killing 3."
    assert normalize(text).offsets == tuple(range(len(text) + 1))
