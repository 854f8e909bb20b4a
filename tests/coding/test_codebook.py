import csv
import os
from pathlib import Path

import pytest

from rasd.coding.codebook import build_codebook, load_codebook
from rasd.knowledge import KnowledgeError, read_yaml

SHARED = Path(os.environ.get("RASD_SHARED", Path(__file__).resolve().parents[3] / "shared"))


def test_six_event_types_and_25_sub_types():
    book = load_codebook()
    assert len(book.event_types) == 6
    assert len(book.sub_event_types) == 25
    assert book.event_type_of("Air/drone strike") == "Explosions/Remote violence"
    assert book.event_type_of("Excessive force against protesters") == "Protests"
    assert book.disorder_type_of("Peaceful protest") == "Demonstrations"
    assert book.disorder_type_of("Arrests") == "Strategic developments"
    assert book.plover_of("Armed clash") == ("FIGHT", "small-arms")
    assert book.plover_of("Abduction/forced disappearance") == ("ASSAULT", "abduction")
    assert book.inter_codes[1] == "State Forces" and book.inter_codes[7] == "Civilians"
    assert set(book.subs_of("Riots")) == {"Violent demonstration", "Mob violence"}


def test_names_match_acled_categories():
    path = SHARED / "data/raw/acled_acledR/acled_event_categories.csv"
    if not path.exists():
        pytest.skip("ACLED categories not available")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    book = load_codebook()
    assert {(r["event_type"], r["sub_event_type"]) for r in rows} == {
        (book.event_type_of(s), s) for s in book.sub_event_types
    }


def test_unknown_sub_type_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown ACLED sub-event type"):
        load_codebook().event_type_of("Skirmish")


def test_invalid_codebook_raises_knowledge_error():
    data = read_yaml("codebook.yaml")
    data["event_types"][0]["sub_event_types"].pop()
    with pytest.raises(KnowledgeError, match="expected 25 sub-event types"):
        build_codebook(data)
    data = read_yaml("codebook.yaml")
    del data["event_types"][1]["sub_event_types"][0]["plover"]
    with pytest.raises(KnowledgeError, match="plover"):
        build_codebook(data)


def test_detentions_by_non_state_or_foreign_actors_recode_as_abductions():
    book = load_codebook()
    recode = book.recode_for_actor("Arrests", 2)
    assert recode is not None and recode.target == "Abduction/forced disappearance"
    assert book.recode_for_actor("Arrests", 8) is not None
    assert book.recode_for_actor("Arrests", 1) is None  # a country's own forces arrest
    assert book.recode_for_actor("Armed clash", 2) is None


def test_a_bad_recode_names_the_problem():
    data = read_yaml("codebook.yaml")
    data["recode_by_actor1"] = [{"from": "Arrests", "to": "Kidnap", "inter1": [2], "reason": "x"}]
    with pytest.raises(KnowledgeError, match="unknown sub-event type 'Kidnap'"):
        build_codebook(data)
    data["recode_by_actor1"] = [
        {"from": "Arrests", "to": "Abduction/forced disappearance", "inter1": [42], "reason": "x"}
    ]
    with pytest.raises(KnowledgeError, match="inter1"):
        build_codebook(data)
