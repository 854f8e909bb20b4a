"""Finding place names in Arabic and English text and resolving them with the document as context."""

from rasd.geo import Gazetteer, find_toponyms, resolve_toponyms
from rasd.geo.spatial import distance_km


def resolved(text: str, gaz: Gazetteer) -> dict[str, tuple]:
    out = {}
    for m, c, p in resolve_toponyms(find_toponyms(text, gaz), text, gaz):
        out[m.text] = (m, c, p)
    return out


def test_oil_field_with_province_after_it(gaz: Gazetteer) -> None:
    text = "قالت مصادر محلية إن طائرة مسيّرة استهدفت حقل العمر النفطي بريف دير الزور الشرقي فجر اليوم."
    res = resolved(text, gaz)
    m, c, p = res["العمر النفطي"]
    assert m.qualifier == "حقل" and m.feature_hint == "oilfield"
    assert text[m.start : m.end] == "العمر النفطي"
    assert m.qualifier_start == text.index("حقل")
    assert c.feature == "oilfield" and c.admin1 == "Deir ez Zor" and p == 1
    m2, c2, p2 = res["دير الزور"]
    assert m2.near and m2.qualifier == "ريف" and p2 == 2 and c2.country_code == "SY"


def test_near_qualifier_gives_precision_two(gaz: Gazetteer) -> None:
    text = "سقطت ثلاث قذائف قرب مدينة الميادين مساء أمس."
    m, c, p = resolved(text, gaz)["الميادين"]
    assert m.near and p == 2
    assert distance_km(c.lat, c.lon, 35.02, 40.45) < 10


def test_district_and_province(gaz: Gazetteer) -> None:
    text = "شنت طائرات غارات على مواقع في قضاء القائم غرب محافظة الأنبار وفي منطقة البوكمال السورية."
    res = resolved(text, gaz)
    _, qaim, p = res["القائم"]
    assert qaim.country_code == "IQ" and qaim.admin1 == "Al Anbar" and p == 2
    _, anbar, p3 = res["الأنبار"]
    assert anbar.feature == "admin1" and p3 == 3
    m, bukamal, _ = res["البوكمال"]
    assert m.country_hint == "SY" and bukamal.admin1 == "Deir ez Zor"


def test_countries_are_recognised(gaz: Gazetteer) -> None:
    text = "تنتشر الفصائل على الحدود بين سوريا والعراق، وتتلقى دعماً من إيران."
    res = resolved(text, gaz)
    assert res["سوريا"][1].feature == "country" and res["سوريا"][2] == 3
    assert res["العراق"][1].country_code == "IQ"
    assert res["إيران"][1].country_code == "IR"


def test_air_base_in_english(gaz: Gazetteer) -> None:
    text = "Rockets struck Ain al-Asad air base in western Anbar province on Wednesday, officials said."
    res = resolved(text, gaz)
    base = next(v for k, v in res.items() if k.startswith("Ain"))
    assert base[1].feature == "airbase" and base[2] == 1
    anbar = res["Anbar"]
    assert anbar[0].feature_hint == "admin1" and anbar[1].name == "Al Anbar"


def test_english_near_and_apostrophe(gaz: Gazetteer) -> None:
    text = "Clashes were reported on the outskirts of Abu Kamal, close to al-Qa'im across the border."
    res = resolved(text, gaz)
    m, c, p = res["Abu Kamal"]
    assert m.near and p == 2 and c.country_code == "SY"
    assert res["al-Qa'im"][1].country_code == "IQ"


def test_facility_qualifier_and_country_context(gaz: Gazetteer) -> None:
    text = "نقلت الميليشيات أسلحة إلى قاعدة الإمام علي قرب البوكمال شرق سوريا."
    res = resolved(text, gaz)
    m, c, p = res["الإمام علي"]
    assert m.feature_hint == "military_base"
    assert c.country_code == "SY" and distance_km(c.lat, c.lon, 34.45, 40.95) < 3


def test_common_words_are_not_places(gaz: Gazetteer) -> None:
    text = (
        "وفي إطار ذلك، أكد البيان على مستوى التنسيق من دون أن يذكر أي تفاصيل، بل اكتفى بالقول إن الوضع هادئ."
    )
    assert find_toponyms(text, gaz) == []
    assert find_toponyms("Police said the State Department would comment in May.", gaz) == []


def test_a_name_resolved_to_nothing_rather_than_abroad(gaz: Gazetteer) -> None:
    text = "قصفت المدفعية مواقع في سوريا، وقال مصدر في بيان إن القصف استمر ساعة."
    places = {m.text: c for m, c, _ in resolve_toponyms(find_toponyms(text, gaz), text, gaz)}
    assert all(c is None or c.country_code == "SY" for c in places.values())


def test_jordan_camp(gaz: Gazetteer) -> None:
    text = "وصل مئات اللاجئين إلى مخيم الزعتري في محافظة المفرق شمال الأردن."
    res = resolved(text, gaz)
    _, camp, p = res["الزعتري"]
    assert camp.country_code == "JO" and camp.feature == "camp" and p == 1


def test_spans_map_to_original_text_with_diacritics(gaz: Gazetteer) -> None:
    text = "وقع انفجار في مدينة المَيادين."
    (m,) = find_toponyms(text, gaz)
    assert text[m.start : m.end] == m.text == "المَيادين"


def test_baghdadi_needs_wof_and_takes_province_after_it(wof_gaz: Gazetteer) -> None:
    text = "توقفت شاحنة في منطقة البغدادي بمحافظة الأنبار وأطلقت صواريخ."
    res = resolved(text, wof_gaz)
    _, c, p = res["البغدادي"]
    assert c.admin1 == "Al Anbar" and p == 1
    assert distance_km(c.lat, c.lon, 33.85, 42.55) < 10


def test_quoted_name_after_qualifier_and_coalition_base(gaz: Gazetteer) -> None:
    text = "وصلت شحنة أسلحة إلى قاعدة «الإمام علي» في سورية، بينما تعرضت قاعدة التحالف لهجوم."
    res = resolved(text, gaz)
    assert res["الإمام علي"][1].feature == "military_base"
    assert res["سورية"][1].feature == "country"
    assert res.get("التحالف", (None, None, None))[1] is None


def test_a_capital_named_with_its_country_adjective(gaz: Gazetteer) -> None:
    res = resolved("وخرج المحتجون في العاصمة الأردنية عمان مساء الجمعة.", gaz)
    m, c, _ = res["عمان"]
    assert m.country_hint == "JO" and c.name == "Amman"


def test_a_second_facility_joined_by_wa_is_looked_up_without_it(gaz: Gazetteer) -> None:
    res = resolved("قصفت الطائرات حقل العمر وقاعدة الشدادي شرقي سوريا.", gaz)
    m, c, p = res["الشدادي"]
    assert m.lookup_text == "قاعدة الشدادي"
    assert c is not None and c.feature == "military_base" and p == 1


def test_a_town_then_its_province_after_a_comma(gaz: Gazetteer) -> None:
    res = resolved("Gunmen attacked a checkpoint in Ramadi city, Anbar, on Monday.", gaz)
    assert res["Anbar"][1].feature == "admin1" and res["Anbar"][1].country_code == "IQ"


def test_a_facility_word_glued_to_the_word_before_it_still_introduces_the_name(gaz: Gazetteer) -> None:
    text = 'وقالت إنها استهدفتقاعدة "عين الأسد" غربي العراق.'  # scraped text lost the space before a link
    m, c, _ = resolved(text, gaz)["عين الأسد"]
    assert c is not None and c.feature == "airbase"


def test_a_dual_kind_word_names_both_places_joined_by_wa(gaz: Gazetteer) -> None:
    text = "سقطت صواريخ على قاعدتي التحالف في حقلي كونيكو والعمر شرقي نهر الفرات مساء أمس."
    res = resolved(text, gaz)
    assert res["كونيكو"][1].feature == "gasfield"
    m, c, _ = res["العمر"]
    assert m.qualifier == "حقل" and text[m.start : m.end] == "العمر"
    assert c.feature == "oilfield" and c.admin1 == "Deir ez Zor"


def test_a_dual_base_word_reaches_past_a_facility_word(gaz: Gazetteer) -> None:
    res = resolved("استهدفت طائرات مسيّرة قاعدتي حقل العمر والشدادي الأميركيتين في سوريا.", gaz)
    assert res["العمر"][1].feature == "oilfield"
    assert res["الشدادي"][1].feature == "military_base"


def test_a_name_after_wa_without_a_dual_keeps_no_kind(gaz: Gazetteer) -> None:
    res = resolved("قصفت الطائرات مدينة حلب والعمر يتجاوز الستين.", gaz)
    assert "العمر" not in res


def test_a_town_after_northeast_of_is_only_near_the_event(gaz: Gazetteer) -> None:
    text = "Barrel bombs killed 18 civilians in a village northeast of Aleppo on Tuesday."
    m, c, p = resolved(text, gaz)["Aleppo"]
    assert m.near and m.qualifier == "northeast of" and c.name == "Aleppo" and p == 2


def test_capital_of_without_the_article_names_the_province(wof_gaz: Gazetteer) -> None:
    # Who's On First also has a village "Anbar" in Aleppo province
    res = resolved("وقال إن الضربات ستؤثر في الرمادي، عاصمة الأنبار.", wof_gaz)
    assert res["الأنبار"][1].feature == "admin1" and res["الأنبار"][2] == 3
    assert resolved("سقطت قذائف على العاصمة دمشق أمس.", wof_gaz)["دمشق"][1].name == "Damascus"


def test_a_word_after_a_verb_particle_is_a_verb_not_a_town(gaz: Gazetteer) -> None:
    assert "تدمّر" not in resolved("ودعا إلى البدء بإعادة إعمار ما تدمّر خلال هذه الكارثة.", gaz)
    assert resolved("وصلت القوات إلى تدمر أمس.", gaz)["تدمر"][1].name == "Tadmur"


def test_a_capital_after_its_country_adjective_is_found_in_a_text_about_another_region() -> None:
    text = "خرجت تظاهرات في بغداد والبصرة. وتظاهر المئات في العاصمة الفرنسية باريس نصرة لغزة."
    m, c, _ = resolved(text, Gazetteer.default())["باريس"]
    assert c is not None and c.country_code == "FR" and m.country_hint == "FR"
