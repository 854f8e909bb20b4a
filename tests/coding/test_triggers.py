from rasd.coding.triggers import find_cues, find_triggers
from rasd.text.normalize import normalize


def kinds(text, lang):
    return {c.kind for c in find_cues(normalize(text), lang)}


def test_arabic_triggers_with_inflections_and_weapons():
    norm = normalize("وقصفت القوات بقذائف الهاون القرية، واستهدفت طائرةٌ مسيّرة سيارة")
    hits = find_triggers(norm, "ar")
    found = {norm.original_span(h.start, h.end): h for h in hits}
    assert "Shelling/artillery/missile attack" in found["وقصفت"].subs
    assert found["بقذائف الهاون"].munition == "mortars"
    assert found["طائرةٌ مسيّرة"].munition == "drones"
    assert "Air/drone strike" in found["طائرةٌ مسيّرة"].subs


def test_english_triggers_carry_classes_and_sub_types():
    norm = normalize("Protesters clashed with police; an IED exploded.")
    hits = {norm.text[h.start : h.end]: h for h in find_triggers(norm, "en")}
    assert "@protest" in hits["protesters"].classes
    assert hits["ied"].munition == "ied"
    assert "Remote explosive/landmine/IED" in hits["ied"].subs


def test_cues():
    assert {"threat"} <= kinds("هدد قائد الفصيل باستهداف القاعدة", "ar")
    assert {"denial"} <= kinds("نفت الوزارة وقوع أي هجوم", "ar")
    assert {"repelled", "no_damage"} <= kinds("تصدت الدفاعات الجوية للصواريخ دون وقوع أضرار", "ar")
    assert {"claimed"} <= kinds("وأعلن التنظيم مسؤوليته عن الهجوم", "ar")
    assert {"unidentified"} <= kinds("أطلق مسلحون مجهولون النار", "ar")
    assert {"hypothetical", "claimed", "unidentified"} <= kinds(
        "Unknown gunmen may strike again; the group claimed responsibility.", "en"
    )
    assert "hypothetical" not in kinds("On 3 May 2022, rockets hit the base.", "en")


def test_qad_is_hypothetical_only_before_an_imperfect_verb():
    assert "hypothetical" in kinds("قد يتعرض الموقع لهجوم", "ar")
    assert "hypothetical" not in kinds("وكانت مظاهرات قد خرجت الأسبوع الماضي", "ar")


def test_bad_lexicon_row_names_file_and_line(tmp_path, monkeypatch):
    import pytest

    from rasd.coding import triggers
    from rasd.knowledge import KnowledgeError

    (tmp_path / "triggers").mkdir()
    (tmp_path / "triggers" / "en.tsv").write_text(
        "pattern\ttarget\tweight\nshelled\tShelling/artillery/missile attack\t3\nbombed\tBombing\t2\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("RASD_KNOWLEDGE", str(tmp_path))
    triggers.trigger_matcher.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"en\.tsv:3: unknown target 'Bombing'"):
            triggers.trigger_matcher("en")
    finally:
        monkeypatch.delenv("RASD_KNOWLEDGE")
        triggers.trigger_matcher.cache_clear()
