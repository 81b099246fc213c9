"""Places worldwide, offline: towns of 500 people or more, provinces and countries, in any script."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from geonames_samples import TURKISH_TESTKOY, all_countries_file

from frontlines.cli import main
from frontlines.gazetteer import Gazetteer
from frontlines.gazetteer.normalise import KEY_VERSION, name_key
from frontlines.gazetteer.records import write_places
from frontlines.gazetteer.world import KEY_VERSION_LINE, WORLD_FILE, WorldIndex, build_world_database, cache_dir
from frontlines.gazetteer.world_build import world_name
from frontlines.model import Place

BAKHMUT, KHARKIV, KHARTOUM, EL_FASHER = "gn:713174", "gn:706483", "gn:379252", "gn:379555"
MARIB, LASHKAR_GAH, CHASIV_YAR = "gn:72968", "gn:1134720", "gn:710915"
DONETSK_OBLAST, NORTH_DARFUR, UKRAINE, SUDAN = "gn:709716", "gn:408666", "gn:690791", "gn:366755"
RAQQA, MOSUL, QAIM = "gn:172955", "gn:99072", "gn:92138"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()


@pytest.mark.parametrize(
    ("key", "spellings"),
    [
        (BAKHMUT, ["Бахмут", "Bakhmut", "Bakhmout", "Artemivsk", "Артемівськ"]),
        (KHARKIV, ["Kharkiv", "Харків", "Харьков", "Kharkov"]),
        (KHARTOUM, ["Khartoum", "الخرطوم", "Al Khartum"]),
        (EL_FASHER, ["El Fasher", "Al Fashir", "al-Fashir", "الفاشر", "Эль-Фашер"]),
        (MARIB, ["Marib", "Ma'rib", "مأرب"]),  # Yemen
        (LASHKAR_GAH, ["Lashkar Gah", "Lashkargah"]),  # Afghanistan
        (RAQQA, ["الرقة", "Raqqa", "Ракка"]),  # the bundled, curated entry
        (MOSUL, ["Мосул", "摩苏尔"]),
    ],
)
def test_places_of_any_country_are_found_in_any_of_their_scripts(gazetteer, key, spellings) -> None:
    for spelling in spellings:
        found = gazetteer.lookup(spelling, countries=None)
        assert found and found[0][0].key == key, (spelling, [(p.key, p.name, p.country) for p, _ in found[:3]])


@pytest.mark.parametrize(
    ("name", "key", "code"),
    [
        ("Donetsk Oblast", DONETSK_OBLAST, "ADM1"),
        ("Donetsk region", DONETSK_OBLAST, "ADM1"),
        ("Донецкая область", DONETSK_OBLAST, "ADM1"),
        ("North Darfur", NORTH_DARFUR, "ADM1"),
        ("شمال دارفور", NORTH_DARFUR, "ADM1"),
        ("Ukraine", UKRAINE, "PCLI"),
        ("Sudan", SUDAN, "PCLI"),
    ],
)
def test_first_level_divisions_and_countries_are_places(gazetteer, name, key, code) -> None:
    place = gazetteer.lookup(name, countries=None)[0][0]
    assert (place.key, place.feature_code) == (key, code)


def test_a_town_lies_in_its_division_by_the_divisions_name(gazetteer) -> None:
    assert gazetteer.get(BAKHMUT).admin1 == gazetteer.get(DONETSK_OBLAST).name == "Donetsk Oblast"
    assert gazetteer.get(EL_FASHER).admin1 == "North Darfur"


def test_iraq_and_syria_come_from_the_curated_file_whatever_the_script(gazetteer) -> None:
    curated = gazetteer.lookup("al-Qaim", countries=("IQ",))[0][0]
    assert gazetteer.lookup("Al Qa'im", countries=None)[0][0] is curated
    assert gazetteer.lookup("Мосул", countries=("IQ",))[0][0] is gazetteer.get(MOSUL)
    assert gazetteer.lookup("Raqqa", countries=None)[0][0] is gazetteer.lookup("Raqqa", countries=("SY",))[0][0]


def test_the_wars_countries_still_narrow_the_search(gazetteer) -> None:
    assert gazetteer.lookup("Bakhmut") == []  # the default countries: Iraq and Syria
    assert [p.key for p, _ in gazetteer.lookup("Bakhmut", countries=("UA", "RU"))] == [BAKHMUT]
    assert gazetteer.lookup("Rawa", countries=None)[0][0].country == "IQ"  # the larger of the obscure Rawas


def test_the_story_decides_among_places_worldwide(gazetteer) -> None:
    # A small town in a country the story never named is not taken on its own ...
    assert gazetteer.resolve("Chasiv Yar", countries=None) is None
    # ... but is once the story names a place in that country; a capital or a big town always is.
    bakhmut = gazetteer.get(BAKHMUT)
    assert gazetteer.resolve("Chasiv Yar", countries=None, context=[bakhmut]).key == CHASIV_YAR
    assert gazetteer.resolve("Khartoum", countries=None).key == KHARTOUM
    assert gazetteer.resolve("Chasiv Yar", countries=("UA",)).key == CHASIV_YAR


def test_running_text_of_another_war_finds_its_places(gazetteer) -> None:
    text = "Russian forces shelled Chasiv Yar, west of Bakhmut, in the Donetsk region on Tuesday."
    found = gazetteer.match_spans(text, countries=("UA", "RU"))
    assert [(m.text, m.place.key) for m in found] == [
        ("Chasiv Yar", CHASIV_YAR),
        ("Bakhmut", BAKHMUT),
        ("Donetsk region", DONETSK_OBLAST),
    ]
    worldwide = gazetteer.match_spans(text, countries=None)
    assert [m.place.key for m in worldwide] == [CHASIV_YAR, BAKHMUT, DONETSK_OBLAST]


def test_the_cli_looks_up_every_country_by_default(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "g.db"), "gazetteer", "lookup", "Бахмут", "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert (found[0]["geonames_id"], found[0]["country"], found[0]["admin1"]) == (713174, "UA", "Donetsk Oblast")


def test_a_place_imported_outside_iraq_and_syria_is_found_without_naming_its_country(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    run = CliRunner().invoke
    run(main, ["--db", db, "gazetteer", "import", "--country", "*", str(all_countries_file(tmp_path))])
    found = json.loads(run(main, ["--db", db, "gazetteer", "lookup", "Testköy", "--json"]).stdout)
    assert found[0]["geonames_id"] == TURKISH_TESTKOY
    near = json.loads(run(main, ["--db", db, "gazetteer", "lookup", "Kharkov", "--json"]).stdout)
    assert near[0]["key"] == KHARKIV  # the worldwide places are there too


def test_the_shipped_file_credits_geonames() -> None:
    with gzip.open(WORLD_FILE, "rt", encoding="utf-8") as lines:
        header = "".join(line for line, _ in zip(lines, range(10), strict=False) if line.startswith("#"))
    assert "GeoNames" in header and "CC BY 4.0" in header and KEY_VERSION_LINE in header


@pytest.mark.parametrize(
    ("name", "kept"),
    [("Bakhmut", True), ("Бахмут", True), ("巴赫穆特", True), ("KRT", False), ("ha er ke fu", False), ("x", False)],
)
def test_codes_and_lower_case_machine_transliterations_are_left_out(name: str, kept: bool) -> None:
    assert world_name(name) is kept


def _tiny_world(path: Path, key_version: str) -> None:
    """One town; its keys column is right when written by this normaliser, wrong for an older one."""
    place = Place("gn:1", "Testgrad", 48.0, 37.0, "UA", "Donetsk Oblast", "P", "PPL", 1, 900)
    names = ("Testgrad", "Тестград", "Testgrade")
    fresh = key_version == KEY_VERSION
    write_places(
        path,
        [(place, names)],
        ("test", f"{KEY_VERSION_LINE}{key_version}"),
        extra=("keys", lambda ns: "|".join(name_key(n) if fresh else "stale" for n in ns)),
    )


@pytest.mark.parametrize("key_version", [KEY_VERSION, "0"])
def test_the_index_uses_the_shipped_keys_only_when_the_normaliser_made_them(tmp_path: Path, key_version: str) -> None:
    source = tmp_path / "world.tsv.gz"
    _tiny_world(source, key_version)
    target = tmp_path / "cache" / "world.sqlite"
    assert build_world_database(source, target) == 1
    index = WorldIndex(target)
    assert [p.key for p, _ in index.candidates("testgrad")] == ["gn:1"]
    assert index.get(1).admin1 == "Donetsk Oblast"


def test_the_cache_folder_is_frontlines_cache_when_set(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FRONTLINES_CACHE", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    index = WorldIndex.open(source=_write(tmp_path), folder=None)
    assert index.database.parent == tmp_path / "c" and index.database.exists()


def _write(tmp_path: Path) -> Path:
    source = tmp_path / "w.tsv.gz"
    _tiny_world(source, KEY_VERSION)
    return source


def test_a_new_release_replaces_the_cached_index_of_the_old(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    old = WorldIndex.open(source=_write(tmp_path), folder=folder).database
    newer = tmp_path / "newer.tsv.gz"
    _tiny_world(newer, "0")  # other bytes: another release's file
    new = WorldIndex.open(source=newer, folder=folder).database
    assert new != old and new.exists() and not old.exists()


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The Rapid Support Forces shelled El Fasher, the capital of North Darfur.", ["El Fasher", "North Darfur"]),
        ("Fighting spread to South Kordofan and Port Sudan on Monday.", ["South Kordofan", "Port Sudan"]),
        ("Vladimir Putin met Oleksandr Syrskyi in Moscow.", ["Moscow"]),  # no Vladimir, no Syrskoye
        ("The Kyiv Independent said Russian-occupied Melitopol was hit.", ["Melitopol"]),
        ("The Institute for the Study of War said troops neared Pokrovsk, Ukraine.", ["Pokrovsk", "Ukraine"]),
        ("Hamid Karzai and Fayez al-Sarraj spoke at the University Hospital.", []),
    ],
)
def test_words_and_names_of_people_are_not_taken_for_towns_worldwide(gazetteer, text, places) -> None:
    for countries in (None, ("UA", "RU", "SD", "AF", "LY")):
        assert [m.text for m in gazetteer.match_spans(text, countries=countries)] == places, countries


def test_a_story_naming_a_country_vouches_for_its_small_towns_when_every_country_is_searched(gazetteer) -> None:
    alone = "Shelling hit Chasiv Yar and Kostiantynivka on Tuesday."
    assert gazetteer.match_spans(alone, countries=None) == []
    named = "Shelling hit Chasiv Yar, Ukraine, on Tuesday."
    assert [m.place.key for m in gazetteer.match_spans(named, countries=None)] == [CHASIV_YAR, UKRAINE]
