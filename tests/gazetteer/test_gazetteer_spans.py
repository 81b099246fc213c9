"""Gazetteer.match_spans: place names in running text, as character spans into the text."""

from __future__ import annotations

import pytest

from frontlines.gazetteer import Gazetteer
from frontlines.gazetteer.spans import tokenize


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()


def spans(gazetteer: Gazetteer, text: str, **kwargs) -> list[tuple[str, str]]:
    found = gazetteer.match_spans(text, **kwargs)
    for match in found:
        assert text[match.start : match.end] == match.text
    return [(match.text, match.place.key) for match in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Iraqi forces retook the Akkas gas field on Tuesday.", [("Akkas gas field", "fl:akkas-gas-field")]),
        ("Troops entered Husaiba from the east.", [("Husaiba", "fl:husaybah")]),
        ("The offensive to free Anah and Rawa began.", [("Anah", "gn:6765385"), ("Rawa", "gn:92004")]),
        ("Forces hit positions near Rawa.", [("Rawa", "gn:92004")]),
        ("Fighting spread across Kirkuk province.", [("Kirkuk province", "gn:98410")]),
        ("Troops reached Kirkuk on Friday.", [("Kirkuk", "gn:94787")]),
        ("Husaybah border crossing was secured.", [("Husaybah border crossing", "fl:husaybah-border-crossing")]),
        ("Engineers inspected the Haditha Dam.", [("Haditha Dam", "fl:haditha-dam")]),
        ("Militants were cleared from Anbar province.", [("Anbar province", "gn:99592")]),
        ("Troops moved into al-Qaim.", [("al-Qaim", "gn:92138")]),
        ("Troops moved into Al Qa'im.", [("Al Qa'im", "gn:92138")]),
        ("Police patrolled the town of Rawa.", [("Rawa", "gn:92004")]),
        ("Aircraft struck the Hamrin mountains.", [("Hamrin mountains", "fl:hamrin-mountains")]),
        ("Militants fled to Albu Kamal in Syria.", [("Albu Kamal", "gn:174448"), ("Syria", "gn:163843")]),
        ("The army freed Tal Afar, then Tel Afar's villages.", [("Tal Afar", "gn:90393"), ("Tel Afar", "gn:90393")]),
        ("Husaybah's streets were empty.", [("Husaybah", "fl:husaybah")]),
        ("Rashad and Riyadh fell on the same day.", [("Rashad", "fl:rashad"), ("Riyadh", "gn:98697")]),
    ],
)
def test_sentences_yield_the_places_they_name(gazetteer, sentence, expected):
    assert spans(gazetteer, sentence) == expected


def test_the_verb_hit_is_never_the_town(gazetteer):
    assert spans(gazetteer, "Forces hit positions near Rawa.") == [("Rawa", "gn:92004")]
    assert spans(gazetteer, "Hit was quiet.") == []  # sentence-initial: could be the verb
    assert spans(gazetteer, "Troops entered Hit on Monday.") == [("Hit", "gn:95788")]


def test_ambiguous_names_next_to_other_capitalised_words_are_left_alone(gazetteer):
    assert spans(gazetteer, "The minister met Qasim Soleimani in Baghdad.") == [("Baghdad", "gn:98182")]
    assert spans(gazetteer, "Forces took Ana and Rawa.") == [("Ana", "gn:6765385"), ("Rawa", "gn:92004")]


def test_a_feature_word_joins_the_name_only_when_that_feature_exists(gazetteer):
    assert spans(gazetteer, "Fighting near Kirkuk province ended.") == [("Kirkuk province", "gn:98410")]
    assert spans(gazetteer, "Fighting near Kirkuk ended.") == [("Kirkuk", "gn:94787")]
    # no "Kirkuk dam" in the gazetteer: the name stays the city, the word stays outside
    assert spans(gazetteer, "Fighting near Kirkuk dam ended.") == [("Kirkuk", "gn:94787")]
    # a river named like a town is not the town
    assert spans(gazetteer, "Fighters crossed the Zab river.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Iraqi and Syrian troops met the Kurdish Peshmerga.",
        "Islamic State and Daesh are one group; ISIS and ISIL too.",
        "The Hashd al-Shaabi, the Popular Mobilization Forces, joined the offensive.",
        "On Monday in May, in March and on Sunday in December, nothing happened.",
        "The Anbar Operations Command said the Joint Operations Command agreed.",
        "Muharram and Ramadan passed quietly.",
        "hit rawa anah kirkuk",  # lower case is not a name
    ],
)
def test_demonyms_actors_months_and_common_words_never_match(gazetteer, sentence):
    assert spans(gazetteer, sentence) == []


def test_arabic_script_names_match_without_their_proclitics(gazetteer):
    text = "حررت القوات القائم وراوة وعنه وتلعفر والحويجة"
    assert spans(gazetteer, text) == [
        ("القائم", "gn:92138"),
        ("راوة", "gn:92004"),
        ("عنه", "gn:6765385"),
        ("تلعفر", "gn:90393"),
        ("الحويجة", "gn:390188"),
    ]


def test_arabic_feature_names_and_joined_conjunctions(gazetteer):
    text = "سقطت قذائف على قضاء حديثة وسد حديثة ومنفذ القائم الحدودي"
    assert spans(gazetteer, text) == [
        ("حديثة", "gn:96309"),
        ("سد حديثة", "fl:haditha-dam"),
        ("منفذ القائم الحدودي", "fl:husaybah-border-crossing"),
    ]


def test_longest_match_wins_and_matches_never_overlap(gazetteer):
    found = gazetteer.match_spans("Forces secured the al-Qaim border crossing and al-Qaim itself.")
    assert [(m.text, m.place.key) for m in found] == [
        ("al-Qaim border crossing", "fl:husaybah-border-crossing"),
        ("al-Qaim", "gn:92138"),
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_names_do_not_run_across_punctuation(gazetteer):
    # "Tal, Afar" is not "Tal Afar"
    assert ("Tal Afar", "gn:90393") not in spans(gazetteer, "They reached Tal, Afar and beyond.")


def test_countries_limit_the_places_matched(gazetteer):
    text = "Troops moved from al-Qaim to Albu Kamal."
    assert spans(gazetteer, text, countries=("IQ",)) == [("al-Qaim", "gn:92138")]
    assert spans(gazetteer, text, countries=("SY",)) == [("Albu Kamal", "gn:174448")]


def test_scores_lie_between_zero_and_one(gazetteer):
    for match in gazetteer.match_spans("Troops entered Hit, Rawa, Tel Afar and the Akkas field."):
        assert 0.0 < match.score <= 1.0


def test_tokens_know_sentence_starts_and_possessives():
    tokens = tokenize("Troops left. Hit's market reopened.")
    assert [t.text for t in tokens] == ["Troops", "left", "Hit", "market", "reopened"]
    assert [t.sentence_start for t in tokens] == [True, False, True, False, False]
