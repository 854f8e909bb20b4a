import csv
import os
from pathlib import Path

import pytest

from rasd.coding.classify import classify
from rasd.coding.codebook import load_codebook

HERE = Path(__file__).parent
SHARED = Path(os.environ.get("RASD_SHARED", Path(__file__).resolve().parents[3] / "shared"))


def snippets():
    lines = [
        ln for ln in (HERE / "snippets.tsv").read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"
    ]
    return [tuple(ln.split("\t")) for ln in lines[1:]]


@pytest.mark.parametrize(("text", "gold"), snippets())
def test_snippet(text, gold):
    result = classify(text)
    assert (result.sub_event_type if result else "none") == gold


def test_table_covers_both_languages_and_all_event_types():
    rows = snippets()
    arabic = [g for t, g in rows if any("\u0600" <= c <= "\u06ff" for c in t)]
    english = [g for t, g in rows if t.isascii()]
    assert len(arabic) >= 30 and len(english) >= 30
    book = load_codebook()
    for labels in (arabic, english):
        assert {book.event_type_of(g) for g in labels if g != "none"} == set(book.event_types)


def test_result_fields_and_evidence_in_original_text():
    text = "قصفت قواتُ النظام بقذائفِ المدفعية بلدة كفرنبل"
    result = classify(text, "ar")
    assert result is not None
    assert result.event_type == "Explosions/Remote violence"
    assert result.disorder_type == "Political violence"
    assert result.plover == ("FIGHT", "artillery")
    assert 0 < result.score <= 1
    assert result.evidence and all(text[s.start : s.end] == s.text for s in result.evidence)
    assert "قصفت" in [s.text for s in result.evidence]


def test_alternatives_and_cues_are_reported():
    result = classify("Air defences intercepted a drone; no damage was reported.", "en")
    assert result is not None and result.sub_event_type == "Disrupted weapons use"
    assert "no_damage" in result.cues
    assert any(name == "Air/drone strike" for name, _ in result.alternatives)


def test_no_event():
    assert classify("") is None
    assert classify("The committee met to discuss the budget.") is None


def test_acled_notes_sample():
    path = SHARED / "data/raw/acled_acledR/acled_sample_2022H1_global.csv"
    if not path.exists():
        pytest.skip("ACLED sample not available")
    with path.open(encoding="utf-8") as fh:
        rows = [r for i, r in enumerate(csv.DictReader(fh)) if i % 10 == 0]
    correct = 0
    for r in rows:
        result = classify(r["notes"], "en")
        correct += (result.sub_event_type if result else "none") == r["sub_event_type"]
    assert correct / len(rows) >= 0.8


def test_document_main_event_and_evidence_offsets():
    from rasd.coding.classify import classify_document

    doc = (
        "أعلنت فصائل مسلحة مسؤوليتها عن استهداف قاعدة جوية بعشرة صواريخ.\n"
        "وقال مصدر أمني إن الصواريخ سقطت داخل محيط القاعدة دون وقوع إصابات.\n"
        "ونفت الحكومة أن تكون الدفاعات الجوية قد اعترضت أي صاروخ.\n"
        "وكانت مظاهرات قد خرجت الأسبوع الماضي للمطالبة بانسحاب القوات الأجنبية."
    )
    result = classify_document(doc)
    assert result is not None and result.sub_event_type == "Shelling/artillery/missile attack"
    assert all(doc[s.start : s.end] == s.text for s in result.evidence)
    assert "Peaceful protest" in dict(result.alternatives)
    assert classify_document("لا شيء هنا. The weather was mild.") is None


def test_munitions_and_flags():
    from rasd.model import Flags

    result = classify("أعلن التنظيم مسؤوليته عن قصف القاعدة بصواريخ وقذائف هاون دون وقوع أضرار")
    assert result is not None and result.sub_event_type == "Shelling/artillery/missile attack"
    assert set(result.munitions) >= {"rockets", "mortars"}
    flags = Flags(**result.flags)
    assert flags.claimed and flags.no_damage and not flags.denied


def test_rule_constants_are_codebook_names():
    from rasd.coding import classify as mod

    names = set(load_codebook().sub_event_types)
    assert set(mod.REMOTE) | set(mod.STRATEGIC) <= names
    assert {mod.ARMED_CLASH, mod.ATTACK, mod.PEACEFUL, mod.INTERVENTION, mod.EXCESSIVE, mod.MOB} <= names


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake struck southern Turkey on Monday, killing thousands.",
        "وتسبّب الزلزال بوفاة أكثر من 50 ألف شخص في البلدين.",
        "في ظل تفاقم معاناة السوريين بعد كارثة الزلزال الذي ضرب البلاد.",
    ],
)
def test_a_natural_disaster_is_no_political_violence(text: str) -> None:
    assert classify(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "وكانت مجموعة يمينية قد أقدمت على إحراق نسخة عن المصحف أمام السفارة في العاصمة.",
        "أقدم رجل على تمزيق العلم أمام السفارة عقب سماح السلطات له باستهداف المقدسات.",
        "A man burned a copy of the Quran outside the mosque in the capital.",
    ],
)
def test_burning_a_holy_book_or_a_flag_is_no_property_destruction(text: str) -> None:
    assert classify(text) is None


def test_burning_houses_is_still_property_destruction() -> None:
    found = classify("أحرق مسلحون منازل المدنيين في القرية.")
    assert found is not None and found.sub_event_type == "Looting/property destruction"


def test_jets_that_targeted_a_district_carried_out_an_air_strike() -> None:
    found = classify(
        "Local sources said the civilians were killed after US jets targeted a district of the city."
    )
    assert found is not None and found.sub_event_type == "Air/drone strike"


def test_armed_men_clashing_with_police_is_an_armed_clash() -> None:
    found = classify("Unidentified armed men clashed with police in the city, injuring an officer.")
    assert found is not None and found.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Two shepherds were critically injured by the detonation of an explosive device near the village.",
            "Remote explosive/landmine/IED",
        ),
        ("A mob beat up a man accused of theft in the market.", "Mob violence"),
    ],
)
def test_explosive_devices_and_mobs_that_beat_people_up(text: str, sub: str) -> None:
    found = classify(text)
    assert found is not None and found.sub_event_type == sub
