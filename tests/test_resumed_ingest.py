"""An ingest killed part-way (kill -9) leaves reports stored but not extracted, or claims saved but not
fused; running the same ingest again finishes that work instead of saying "already stored"."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

import frontlines
from frontlines.extract import EXTRACTOR_VERSION
from frontlines.store import Store
from frontlines.store import control_schema as c
from frontlines.store import schema as t

ANAH = """url: https://example.org/anah
title: Anah retaken
outlet: Iraqi News
published: 2017-09-21

Iraqi forces retook the town of Anah on Thursday after three days of fighting.
"""

RAWA = ANAH.replace("Anah retaken", "Rawa retaken").replace("town of Anah", "town of Rawa")


def two_reports(folder: Path) -> Path:
    folder.mkdir()
    (folder / "anah.txt").write_text(ANAH, encoding="utf-8")
    (folder / "rawa.txt").write_text(RAWA, encoding="utf-8")
    return folder


def unfused_claims(store: Store) -> list[int]:
    seen = select(c.claim_fusion.c.claim_id).where(c.claim_fusion.c.claim_id == t.claims.c.id).exists()
    with store.engine.connect() as conn:
        return list(conn.execute(select(t.claims.c.id).where(~seen)).scalars())


@pytest.mark.model
def test_reports_stored_by_a_killed_ingest_are_extracted_when_it_runs_again(store: Store, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    folder = two_reports(tmp_path / "in")
    killed = frontlines.ingest([folder], store=store, run_extraction=False)  # killed before extraction
    assert len(killed.added) == 2 and store.count("claims") == 0

    again = frontlines.ingest([folder], store=store, pipeline=pipeline)

    assert again.added == [] and again.duplicates == 2
    assert store.report_ids_needing_extraction(EXTRACTOR_VERSION) == []
    assert again.claims == store.count("claims") >= 2
    assert again.events == store.count("events") >= 2
    assert unfused_claims(store) == []
    assert {e.place.name for e in frontlines.events(store) if e.place} >= {"Anah", "Rawa"}


@pytest.mark.model
def test_claims_saved_by_a_killed_ingest_are_fused_when_it_runs_again(store: Store, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    folder = two_reports(tmp_path / "in")
    frontlines.ingest([folder], store=store, run_extraction=False)
    stored = store.reports()
    claims = pipeline.extract_batch([s.report for s in stored])
    store.save_claims({s.id: found for s, found in zip(stored, claims)}, EXTRACTOR_VERSION)  # killed before fusion
    assert store.count("claims") >= 2 and store.count("events") == 0

    again = frontlines.ingest([folder], store=store, pipeline=pipeline)

    assert again.added == [] and again.claims == 0
    assert unfused_claims(store) == []
    assert again.events == store.count("events") >= 2


@pytest.mark.model
def test_a_finished_ingest_run_again_adds_and_fuses_nothing(sqlite_store: Store, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    folder = two_reports(tmp_path / "in")
    first = frontlines.ingest([folder], store=sqlite_store, pipeline=pipeline)
    again = frontlines.ingest([folder], store=sqlite_store, pipeline=pipeline)
    assert first.events == sqlite_store.count("events") >= 2
    assert (again.claims, again.events, again.duplicates) == (0, 0, 2)
