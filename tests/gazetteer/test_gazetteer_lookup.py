"""Gazetteer.lookup: the spellings of reports resolve to the right entry of the bundled gazetteer."""

from __future__ import annotations

import pytest

from frontlines.errors import GazetteerError
from frontlines.gazetteer import Gazetteer
from frontlines.model import Place

QAIM = "gn:92138"
HUSAYBAH = "fl:husaybah"
RAWA = "gn:92004"
HAWIJA = "gn:390188"
TAL_AFAR = "gn:90393"
ANAH = "gn:6765385"
KIRKUK_CITY = "gn:94787"
KIRKUK_PROVINCE = "gn:98410"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()


SPELLINGS = {
    QAIM: ["al-Qaim", "Qaim", "Al Qa'im", "Al-Qaem", "al Qaim", "القائم", "ٱلْقَائِم"],
    HUSAYBAH: ["Husaybah", "Husaiba", "Husaibah", "al-Husaybah", "حصيبة"],
    RAWA: ["Rawa", "Rawah", "راوة", "راوه"],
    HAWIJA: ["Hawija", "Hawijah", "al-Hawija", "Al Hawijah", "الحويجة"],
    TAL_AFAR: ["Tal Afar", "Tel Afar", "Talafar", "Tall Afar", "Tal'afar", "تلعفر", "تل عفر"],
    ANAH: ["Anah", "Ana", "`Anah", "عنه", "عنة"],
    "fl:ubaydi": ["Ubaydi", "al-Ubaydi", "Obeidi", "Ubaidi", "al-Ubaidi", "العبيدي"],
    "fl:akkas-gas-field": ["Akkas", "Akkas gas field", "Akkas field", "Ekkas", "حقل عكاز"],
    "fl:akashat": ["Akashat", "al-Akashat", "عكاشات"],
    "fl:karabila": ["Karabila", "Karabla", "al-Karabila", "Karablah", "الكرابلة"],
    "fl:saada-anbar": ["Saada", "al-Saada", "Sa'ada"],
    "fl:rumana": ["Rumana", "Rummana", "al-Rumana"],
    "fl:husaybah-border-crossing": ["Husaybah border crossing", "al-Qaim border crossing", "Qaim crossing"],
    "fl:haditha-dam": ["Haditha Dam", "Hadithah Dam", "سد حديثة"],
    "fl:mosul-dam": ["Mosul Dam", "سد الموصل"],
    "fl:h2-air-base": ["H-2", "H2", "H-2 air base"],
    "fl:ayadiya": ["Ayadiya", "al-Ayadiya", "al-Ayadiyah", "العياضية"],
    "fl:kisik": ["Kisik", "Kesik", "Kasik"],
    "gn:95224": ["Abbasi", "al-Abbasi", "العباسي"],
    "fl:rashad": ["Rashad", "al-Rashad", "الرشاد"],
    "fl:zab": ["Zab", "al-Zab", "الزاب"],
    "gn:98697": ["Riyadh", "al-Riyadh", "Riyad"],
    "fl:hamrin-mountains": ["Hamrin mountains", "Hamrin", "Jabal Hamrin", "حمرين"],
    "fl:alas-oil-field": ["Alas oil field", "Allas", "Alas field"],
    "fl:ajil-oil-field": ["Ajil oil field", "Ajeel", "Ajil"],
    "gn:91057": ["Sharqat", "Shirqat", "al-Shirqat", "Ash Sharqat", "الشرقاط"],
    "gn:174448": ["Albu Kamal", "Abu Kamal", "Al Bukamal", "Al-Bukamal", "البوكمال"],
    "gn:170794": ["Deir ez-Zor", "Deir al-Zour", "Deir Ezzor", "دير الزور"],
    "gn:173480": ["Mayadin", "al-Mayadin", "Al-Mayadeen", "الميادين"],
    "gn:98854": ["Nasiriyah", "Nasiriya", "An Nasiriyah", "الناصرية"],
    "gn:97783": ["Baiji", "Bayji", "Beiji", "بيجي"],
    "gn:98677": ["Rutba", "Rutbah", "Ar Rutbah", "الرطبة"],
    "gn:95788": ["Hit", "Heet", "هيت"],
    "gn:98717": ["Ramadi", "al-Ramadi", "Ar Ramadi", "الرمادي"],
    "gn:90150": ["Tikrit", "Tekrit", "تكريت"],
    "gn:99072": ["Mosul", "al-Mawsil", "Mossul", "الموصل"],
    "gn:98182": ["Baghdad", "بغداد"],
    KIRKUK_CITY: ["Kirkuk", "Kerkuk", "كركوك"],
    "gn:96309": ["Haditha", "Hadithah", "حديثة"],
    "gn:99592": ["Anbar", "al-Anbar", "Anbar province", "Anbar Governorate", "الأنبار"],
    "gn:92877": ["Nineveh", "Ninawa", "Nineveh province", "نينوى"],
    KIRKUK_PROVINCE: ["Kirkuk province", "Kirkuk Governorate", "محافظة كركوك"],
    "gn:91695": ["Salahuddin", "Salah ad-Din", "Salah al-Din", "Saladin", "صلاح الدين"],
    "gn:170792": ["Deir ez-Zor Governorate", "Deir ez-Zor province"],
}


@pytest.mark.parametrize(
    ("spelling", "key"),
    [(spelling, key) for key, spellings in SPELLINGS.items() for spelling in spellings],
)
def test_spelling_variants_resolve_to_same_place(gazetteer, spelling, key):
    best, score = gazetteer.lookup(spelling)[0]
    assert best.key == key, f"{spelling!r} → {best.key} {best.name}"
    assert 0.9 <= score <= 1.0


# The "Canonical place list" of the demo corpus brief: every gold `place` is one of these.
CANONICAL = [
    ("Tal Afar", "IQ", TAL_AFAR),
    ("Ayadiya", "IQ", "fl:ayadiya"),
    ("Kisik", "IQ", "fl:kisik"),
    ("Mosul", "IQ", "gn:99072"),
    ("Nineveh", "IQ", "gn:92877"),
    ("Hawija", "IQ", HAWIJA),
    ("Sharqat", "IQ", "gn:91057"),
    ("Riyadh", "IQ", "gn:98697"),
    ("Abbasi", "IQ", "gn:95224"),
    ("Rashad", "IQ", "fl:rashad"),
    ("Zab", "IQ", "fl:zab"),
    ("Kirkuk", "IQ", KIRKUK_CITY),
    ("Kirkuk province", "IQ", KIRKUK_PROVINCE),
    ("Hamrin mountains", "IQ", "fl:hamrin-mountains"),
    ("Alas oil field", "IQ", "fl:alas-oil-field"),
    ("Ajil oil field", "IQ", "fl:ajil-oil-field"),
    ("Salahuddin", "IQ", "gn:91695"),
    ("Tikrit", "IQ", "gn:90150"),
    ("Baiji", "IQ", "gn:97783"),
    ("Anah", "IQ", ANAH),
    ("Rawa", "IQ", RAWA),
    ("Rumana", "IQ", "fl:rumana"),
    ("Akashat", "IQ", "fl:akashat"),
    ("Akkas", "IQ", "fl:akkas-gas-field"),
    ("al-Qaim", "IQ", QAIM),
    ("Husaybah", "IQ", HUSAYBAH),
    ("Husaybah border crossing", "IQ", "fl:husaybah-border-crossing"),
    ("Ubaydi", "IQ", "fl:ubaydi"),
    ("Karabila", "IQ", "fl:karabila"),
    ("Saada", "IQ", "fl:saada-anbar"),
    ("Haditha", "IQ", "gn:96309"),
    ("Haditha Dam", "IQ", "fl:haditha-dam"),
    ("Hit", "IQ", "gn:95788"),
    ("Ramadi", "IQ", "gn:98717"),
    ("Rutba", "IQ", "gn:98677"),
    ("Anbar", "IQ", "gn:99592"),
    ("Baghdad", "IQ", "gn:98182"),
    ("Nasiriyah", "IQ", "gn:98854"),
    ("Albu Kamal", "SY", "gn:174448"),
    ("Deir ez-Zor", "SY", "gn:170794"),
    ("Mayadin", "SY", "gn:173480"),
]


@pytest.mark.parametrize(("name", "country", "key"), CANONICAL)
def test_canonical_corpus_places_resolve_in_the_right_country(gazetteer, name, country, key):
    best, score = gazetteer.lookup(name)[0]
    assert (best.key, best.country) == (key, country)
    assert score >= 0.95
    assert best.admin1, "every place names its province"


def test_town_comes_before_the_province_of_the_same_name(gazetteer):
    keys = [place.key for place, _ in gazetteer.lookup("Kirkuk")]
    assert keys[:2] == [KIRKUK_CITY, KIRKUK_PROVINCE]
    assert gazetteer.lookup("Kirkuk province")[0][0].feature_code == "ADM1"


def test_husaybah_and_al_qaim_stay_two_places(gazetteer):
    assert QAIM not in {place.key for place, _ in gazetteer.lookup("Husaybah")}
    assert HUSAYBAH not in {place.key for place, _ in gazetteer.lookup("al-Qaim")}


def test_riyadh_resolves_to_the_iraqi_town(gazetteer):
    place, _ = gazetteer.lookup("Riyadh", countries=("IQ",))[0]
    assert (place.key, place.admin1, place.country) == ("gn:98697", "Kirkuk", "IQ")


def test_countries_filter_and_order_the_candidates(gazetteer):
    # Sinjar is a town in Iraq and a village in Syria.
    iraq_first = [place.country for place, _ in gazetteer.lookup("Sinjar", countries=("IQ", "SY"))]
    syria_first = [place.country for place, _ in gazetteer.lookup("Sinjar", countries=("SY", "IQ"))]
    assert iraq_first == ["IQ", "SY"]
    assert syria_first == ["SY", "IQ"]
    assert [place.country for place, _ in gazetteer.lookup("Sinjar", countries=("SY",))] == ["SY"]
    assert gazetteer.lookup("Albu Kamal", countries=("IQ",)) == []


def test_countries_themselves_are_entries(gazetteer):
    for name, country in [("Iraq", "IQ"), ("العراق", "IQ"), ("Syria", "SY")]:
        place, _ = gazetteer.lookup(name)[0]
        assert (place.country, place.feature_code) == (country, "PCLI")


@pytest.mark.parametrize(
    ("misspelling", "key"),
    [("Tikreit", "gn:90150"), ("Hawijia", HAWIJA), ("Ubaydie", "fl:ubaydi"), ("Karabilia", "fl:karabila")],
)
def test_fuzzy_match_only_when_no_exact_key(gazetteer, misspelling, key):
    place, score = gazetteer.lookup(misspelling)[0]
    assert place.key == key
    assert 0.0 < score < 1.0


def test_exact_match_scores_above_any_fuzzy_match(gazetteer):
    _, exact = gazetteer.lookup("Tikrit")[0]
    _, fuzzy = gazetteer.lookup("Tikrita")[0]
    assert exact > fuzzy


@pytest.mark.parametrize("nonsense", ["", "  ", "Xyzzyqwerty", "Hi"])
def test_unknown_names_give_no_candidates(gazetteer, nonsense):
    assert gazetteer.lookup(nonsense) == []


def test_get_returns_the_place_and_rejects_unknown_keys(gazetteer):
    assert gazetteer.get(RAWA).name == "Rawa"
    with pytest.raises(GazetteerError, match="gn:0"):
        gazetteer.get("gn:0")


def test_a_gazetteer_can_be_built_from_plain_entries():
    town = Place(key="fl:test-town", name="Testabad", lat=33.0, lon=44.0, country="IQ", admin1="Baghdad",
                 feature_class="P", feature_code="PPL", population=10)
    field = Place(key="fl:test-field", name="Testabad oil field", lat=33.1, lon=44.1, country="IQ",
                  admin1="Baghdad", feature_class="L", feature_code="OILF")
    gazetteer = Gazetteer([(town, ("Testabad", "Tastabad")), (field, ("Testabad oil field",))])
    assert len(gazetteer) == 2
    assert gazetteer.lookup("Tastabad")[0] == (town, 0.95)
    assert [m.place for m in gazetteer.match_spans("Troops took the Testabad oil field.")] == [field]


def test_duplicate_keys_are_refused():
    town = Place(key="fl:x", name="X", lat=0, lon=0, country="IQ")
    with pytest.raises(GazetteerError, match="duplicate"):
        Gazetteer([(town, ()), (town, ())])
