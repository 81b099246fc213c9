"""The demo corpus in a store, extracted once for every output test that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines import ingest
from frontlines.control_api import load_baseline
from frontlines.demo import demo_corpus_dir
from frontlines.store import Store


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory, pipeline, gazetteer) -> Path:  # type: ignore[no-untyped-def]
    """An SQLite file holding the demo corpus, its events and its control timeline (from the
    analyst's baseline). Read it; do not write to it."""
    path = tmp_path_factory.mktemp("demo-outputs") / "demo.db"
    with Store.open(f"sqlite:///{path}") as store:
        ingest([demo_corpus_dir()], store=store, pipeline=pipeline)
        load_baseline(store, demo_corpus_dir().parent / "baseline.yaml", gazetteer=gazetteer)
    return path
