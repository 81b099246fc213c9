"""The gazetteer in the store: GeoNames dumps imported idempotently, merged with the bundled places."""

from __future__ import annotations

from pathlib import Path

import pytest
from geonames_samples import (
    AL_QAIM,
    ALEPPO_TESTFARM,
    ANBAR,
    IRAQ_ROWS,
    NORTH_TESTVILLE,
    QAIM_DISTRICT,
    RAWA,
    SOUTH_TESTVILLE,
    TURKISH_TESTKOY,
    all_countries_file,
    alternate_names_file,
    iraq_file,
    write_text,
)
from sqlalchemy import update

from frontlines.gazetteer import Gazetteer
from frontlines.gazetteer.geonames_files import geoname_line
from frontlines.gazetteer.geonames_import import import_geonames
from frontlines.gazetteer.normalise import KEY_VERSION, name_key
from frontlines.store import Store
from frontlines.store import gazetteer_store as stored
from frontlines.store.gazetteer_schema import gazetteer_meta, gazetteer_names


def _table_counts(store: Store) -> tuple[int, int]:
    facts = stored.stats(store)
    return facts["places"], facts["names"]


def test_import_stores_places_with_their_facts_and_keyed_names(store: Store, tmp_path: Path) -> None:
    summary = import_geonames(store, [iraq_file(tmp_path)])
    assert summary.totals.places_added == len(IRAQ_ROWS)
    qaim = next(p for p in stored.iter_places(store) if p.geonames_id == AL_QAIM)
    assert (qaim.feature_class, qaim.feature_code, qaim.country, qaim.admin1_code) == ("P", "PPLA2", "IQ", "01")
    assert (round(qaim.lat, 3), round(qaim.lon, 3), qaim.population) == (34.368, 41.094, 74100)
    names = {(name, key) for gid, name, key in stored.iter_names(store) if gid == AL_QAIM}
    assert ("القائم", name_key("القائم")) in names and ("Al Qaim", "kaim") in names
    assert not {n for n, _ in names} & {"BGW", "alqaym"}, "codes and lower-case transliterations are dropped"
    assert stored.key_version(store) == KEY_VERSION


def test_importing_the_same_file_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = iraq_file(tmp_path)
    import_geonames(store, [path, alternate_names_file(tmp_path)])
    before = _table_counts(store), sorted(stored.iter_names(store)), list(stored.iter_places(store))
    again = import_geonames(store, [path, alternate_names_file(tmp_path)])
    assert not again.changed
    assert again.totals.places_unchanged == len(IRAQ_ROWS)
    assert (_table_counts(store), sorted(stored.iter_names(store)), list(stored.iter_places(store))) == before


def test_a_changed_row_is_updated_and_names_it_no_longer_lists_are_removed(store: Store, tmp_path: Path) -> None:
    import_geonames(store, [iraq_file(tmp_path)])
    newer = write_text(tmp_path / "IQ.txt", [
        geoname_line(RAWA, "Rāwah", 34.48, 41.91, feature="P.PPLA2", admin1="01", population=25000,
                     ascii_name="Rawah", alternate_names=("راوة",), modified="2025-01-01"),
    ])  # fmt: skip
    counts = import_geonames(store, [newer]).totals
    assert (counts.places_updated, counts.places_added, counts.names_removed) == (1, 0, 1)
    rawa = next(p for p in stored.iter_places(store) if p.geonames_id == RAWA)
    assert rawa.population == 25000
    assert "Rawa" not in {name for gid, name, _ in stored.iter_names(store) if gid == RAWA}


def test_alternate_names_are_kept_only_for_known_places_and_real_names(store: Store, tmp_path: Path) -> None:
    summary = import_geonames(store, [alternate_names_file(tmp_path), iraq_file(tmp_path)])
    assert [f.kind for f in summary.files] == ["places", "alternate names"], "places are imported first"
    alternates = {(gid, name) for gid, name, _ in stored.iter_names(store)}
    assert (AL_QAIM, "Al-Qa'im City") in alternates
    assert (RAWA, "مدينة راوة") in alternates
    assert (98182, "Madinat as-Salam") in alternates, "a bundled place (Baghdad) is known"
    assert not any(name.startswith("https:") or name == "QIM" for _, name in alternates)
    assert 90_999_999 not in {gid for gid, _ in alternates}


def test_a_store_without_imports_gives_the_bundled_gazetteer(store: Store) -> None:
    assert Gazetteer.from_store(store) is Gazetteer.bundled()


def test_imported_rows_win_over_bundled_ones_and_names_merge(store: Store, tmp_path: Path) -> None:
    import_geonames(store, [iraq_file(tmp_path), alternate_names_file(tmp_path)])
    gazetteer = Gazetteer.from_store(store)
    qaim = gazetteer.get(f"gn:{AL_QAIM}")
    assert qaim.name == Gazetteer.bundled().get(f"gn:{AL_QAIM}").name, "the curated display name stays"
    assert (qaim.feature_code, qaim.population, qaim.admin1) == ("PPLA2", 74100, "Anbar")
    assert "Al-Qa'im City" in gazetteer.names(qaim.key) and "القائم" in gazetteer.names(qaim.key)
    assert gazetteer.lookup("Al-Qa'im City")[0][0].key == qaim.key
    assert gazetteer.get(f"gn:{ANBAR}").name == "Anbar"
    assert len(gazetteer) == len(Gazetteer.bundled()) + 3  # two Testvilles and the Qaim district are new


def test_a_name_the_supplement_removes_stays_removed_after_import(store: Store, tmp_path: Path) -> None:
    # GeoNames lists "Husaybah" among al-Qaim's names; frontlines keeps Husaybah a place of its own.
    import_geonames(store, [iraq_file(tmp_path)])
    gazetteer = Gazetteer.from_store(store)
    assert "Husaybah" not in gazetteer.names(f"gn:{AL_QAIM}")
    assert [place.key for place, _ in gazetteer.lookup("Husaybah")] == ["fl:husaybah"]


def test_imported_places_have_named_provinces(store: Store, tmp_path: Path) -> None:
    import_geonames(store, [all_countries_file(tmp_path)], countries=["IQ", "SY", "TR"])
    gazetteer = Gazetteer.from_store(store)
    assert gazetteer.get(f"gn:{NORTH_TESTVILLE}").admin1 == "Nineveh"  # admin1.tsv
    assert gazetteer.get(f"gn:{SOUTH_TESTVILLE}").admin1 == "Wasit"
    assert gazetteer.get(f"gn:{ALEPPO_TESTFARM}").admin1 == "Aleppo"
    assert gazetteer.get(f"gn:{TURKISH_TESTKOY}").admin1 == "Şanlıurfa"  # the imported ADM1 row
    assert gazetteer.get(f"gn:{QAIM_DISTRICT}").feature_code == "ADM2"


def test_keys_written_by_an_older_normaliser_are_recomputed(store: Store, tmp_path: Path) -> None:
    import_geonames(store, [iraq_file(tmp_path)])
    with store.engine.begin() as conn:
        conn.execute(update(gazetteer_names).where(gazetteer_names.c.name == "Qaryat Testville").values(key="stale"))
        conn.execute(update(gazetteer_meta).where(gazetteer_meta.c.name == "key_version").values(value="0"))
    assert Gazetteer.from_store(store).lookup("Qaryat Testville")[0][0].key == f"gn:{NORTH_TESTVILLE}"
    import_geonames(store, [iraq_file(tmp_path)])  # an import rewrites the stale keys first
    assert stored.key_version(store) == KEY_VERSION
    assert "stale" not in {key for _, _, key in stored.iter_names(store)}


@pytest.mark.parametrize("chunk_size", [1, 2, 4])
def test_chunk_size_does_not_change_the_result(sqlite_store: Store, tmp_path: Path, chunk_size: int) -> None:
    files = [iraq_file(tmp_path), alternate_names_file(tmp_path)]
    import_geonames(sqlite_store, files, chunk_size=chunk_size)
    with Store.open(f"sqlite:///{tmp_path / 'whole.db'}") as whole:
        import_geonames(whole, files)
        assert sorted(stored.iter_names(sqlite_store)) == sorted(stored.iter_names(whole))
        assert list(stored.iter_places(sqlite_store)) == list(stored.iter_places(whole))


@pytest.mark.model
def test_extraction_and_event_queries_use_the_imported_places(sqlite_store: Store, tmp_path: Path) -> None:
    import frontlines

    import_geonames(sqlite_store, [iraq_file(tmp_path)])
    report = tmp_path / "report.txt"
    report.write_text(
        "title: Village retaken\noutlet: Iraqi News\npublished: 2017-11-07\n\n"
        "Iraqi forces recaptured the village of Qaryat Testville from Islamic State militants on Tuesday.\n",
        encoding="utf-8",
    )
    frontlines.ingest([report], store=sqlite_store)
    [event] = frontlines.events(sqlite_store, place="Qaryat Testville")
    assert event.place is not None and event.place.key == f"gn:{NORTH_TESTVILLE}"
    assert (event.event_type, event.place.admin1) == ("territory_taken", "Nineveh")


def test_migration_0003_builds_the_tables_of_the_schema_module(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from frontlines.store.schema import metadata

    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    ours = [d for d in differences if "gazetteer_" in repr(d)]
    assert ours == []
