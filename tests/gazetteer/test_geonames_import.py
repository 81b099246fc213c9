"""Reading GeoNames dumps: zipped or plain, filtered by country, streamed, bad files named with a hint."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest
from geonames_samples import (
    AL_QAIM,
    ALEPPO_TESTFARM,
    IRAQ_ROWS,
    OTHER_ROWS,
    TURKISH_TESTKOY,
    all_countries_file,
    iraq_file,
    write_text,
    write_zip,
)

from frontlines.errors import GazetteerError
from frontlines.gazetteer.geonames_files import ALTERNATE_NAMES, PLACES, DumpReader, dump_kind, geoname_line
from frontlines.gazetteer.geonames_import import import_geonames
from frontlines.store import Store
from frontlines.store import gazetteer_store as stored


def _ids(store: Store) -> set[int]:
    return stored.stored_geonames_ids(store)


def test_a_zipped_country_file_reads_like_the_text_file(sqlite_store: Store, tmp_path: Path) -> None:
    zipped = write_zip(tmp_path / "IQ.zip", "IQ.txt", IRAQ_ROWS, extra={"readme.txt": "GeoNames readme\n"})
    with DumpReader(zipped) as dump:
        assert (dump.kind, dump.member) == (PLACES, "IQ.txt")
        zipped_rows = list(dump.rows())
    with DumpReader(iraq_file(tmp_path)) as dump:
        assert list(dump.rows()) == zipped_rows
    assert len(zipped_rows) == len(IRAQ_ROWS)


def test_the_kind_of_dump_is_told_by_its_columns(tmp_path: Path) -> None:
    assert dump_kind(iraq_file(tmp_path)) == PLACES
    alternates = write_text(tmp_path / "names.txt", ["7\t92138\tar\tالقائم\t1\t\t\t\t\t\n"])
    assert dump_kind(alternates) == ALTERNATE_NAMES


def test_all_countries_is_filtered_to_iraq_and_syria_by_default(sqlite_store: Store, tmp_path: Path) -> None:
    summary = import_geonames(sqlite_store, [all_countries_file(tmp_path)])
    assert ALEPPO_TESTFARM in _ids(sqlite_store) and AL_QAIM in _ids(sqlite_store)
    assert TURKISH_TESTKOY not in _ids(sqlite_store)
    assert summary.files[0].skipped == 2


def test_the_country_option_chooses_the_countries(sqlite_store: Store, tmp_path: Path) -> None:
    import_geonames(sqlite_store, [all_countries_file(tmp_path)], countries=["tr"])
    assert {p.country for p in stored.iter_places(sqlite_store)} == {"TR"}


def test_a_star_keeps_every_country(sqlite_store: Store, tmp_path: Path) -> None:
    import_geonames(sqlite_store, [all_countries_file(tmp_path)], countries=["*"])
    assert {p.country for p in stored.iter_places(sqlite_store)} == {"IQ", "SY", "TR"}


def test_a_country_file_is_taken_whole_by_default(sqlite_store: Store, tmp_path: Path) -> None:
    turkey = write_text(tmp_path / "TR.txt", OTHER_ROWS[1:])
    import_geonames(sqlite_store, [turkey])
    assert TURKISH_TESTKOY in _ids(sqlite_store)


def test_progress_is_reported_in_bytes_up_to_the_file_size(sqlite_store: Store, tmp_path: Path) -> None:
    path = iraq_file(tmp_path)
    seen: list[tuple[str, int, int]] = []
    import_geonames(sqlite_store, [path], chunk_size=2, progress=lambda *call: seen.append(call))
    assert seen[-1] == ("IQ.txt", path.stat().st_size, path.stat().st_size)
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)


def test_a_file_that_is_no_geonames_dump_is_named_with_its_line_and_a_hint(sqlite_store: Store, tmp_path: Path) -> None:
    path = write_text(tmp_path / "IQ.txt", ["# exported\n", "name,lat,lon\n", "Rawa,34.4,41.9\n"])
    with pytest.raises(GazetteerError) as caught:
        import_geonames(sqlite_store, [path])
    assert str(path) in caught.value.message and "line 2" in caught.value.message
    assert "geonames.org" in caught.value.hint
    assert _ids(sqlite_store) == set()


def test_a_truncated_zip_is_named_with_a_hint(sqlite_store: Store, tmp_path: Path) -> None:
    whole = write_zip(tmp_path / "whole.zip", "IQ.txt", IRAQ_ROWS)
    cut = tmp_path / "IQ.zip"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(GazetteerError) as caught:
        import_geonames(sqlite_store, [cut])
    assert str(cut) in caught.value.message and "truncated" in caught.value.message
    assert "download it again" in caught.value.hint


def test_a_corrupt_archive_names_the_line_and_keeps_the_rows_before_it(sqlite_store: Store, tmp_path: Path) -> None:
    rows = [geoname_line(90_100_000 + i, f"Testplace {i}", 33.0, 44.0, admin1="07") for i in range(20_000)]
    path = tmp_path / "IQ.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("IQ.txt", "".join(rows))
    data = bytearray(path.read_bytes())
    middle = data.index(b"Testplace 10000")
    data[middle : middle + 9] = b"Testpl4ce"  # still valid text, but the CRC no longer matches
    path.write_bytes(bytes(data))
    with pytest.raises(GazetteerError) as caught:
        import_geonames(sqlite_store, [path], chunk_size=1000)
    assert "IQ.zip (IQ.txt): line" in caught.value.message and "corrupt" in caught.value.message
    assert "importing again adds only what is missing" in caught.value.hint
    assert stored.count_places(sqlite_store) > 0


def test_a_malformed_line_is_named_and_the_rows_before_it_are_kept(sqlite_store: Store, tmp_path: Path) -> None:
    path = write_text(tmp_path / "IQ.txt", [*IRAQ_ROWS[:3], "92004\tRawah\tRawah\n", *IRAQ_ROWS[3:]])
    with pytest.raises(GazetteerError) as caught:
        import_geonames(sqlite_store, [path], chunk_size=100)
    assert f"{path}: line 4" in caught.value.message
    assert stored.count_places(sqlite_store) == 3


def test_a_bad_number_is_named_with_its_line(sqlite_store: Store, tmp_path: Path) -> None:
    bad = geoname_line(90_000_010, "Badlat", 33.0, 44.0).replace("33.00000", "north")
    path = write_text(tmp_path / "IQ.txt", [IRAQ_ROWS[0], bad])
    with pytest.raises(GazetteerError, match=r"IQ.txt: line 2: could not convert string to float"):
        import_geonames(sqlite_store, [path])


def test_a_missing_file_is_refused_before_anything_is_imported(sqlite_store: Store, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such file"):
        import_geonames(sqlite_store, [iraq_file(tmp_path), tmp_path / "SY.zip"])
    assert _ids(sqlite_store) == set()


@pytest.mark.parametrize("zipped", [False, True])
def test_a_large_file_is_streamed_not_loaded(tmp_path: Path, zipped: bool) -> None:
    rows = [geoname_line(90_200_000 + i, f"Streamville {i}", 33.0, 44.0, admin1="07") for i in range(40_000)]
    path = write_zip(tmp_path / "IQ.zip", "IQ.txt", rows) if zipped else write_text(tmp_path / "IQ.txt", rows)
    size = sum(len(row.encode()) for row in rows)
    tracemalloc.start()
    try:
        with DumpReader(path) as dump:
            count = sum(1 for _ in dump.rows())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40_000
    assert peak < size / 10, f"peak {peak} bytes for {size} bytes of rows"
