"""Shared fixtures: real stores (SQLite file, PostgreSQL on 127.0.0.1:5432) and the real spaCy pipeline."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from frontlines.gazetteer.world import world_index
from frontlines.store import Store

POSTGRES_ADMIN_URL = os.environ.get("FRONTLINES_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _postgres_database() -> Iterator[str]:
    """A fresh, uniquely named database on the local server, dropped afterwards."""
    name = f"frontlines_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {POSTGRES_ADMIN_URL} is unreachable under CI=true: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc.__class__.__name__}")
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same tests run on an SQLite file and on a PostgreSQL database."""
    if request.param == "sqlite":
        opened = Store.open(f"sqlite:///{tmp_path / 'test.db'}")
        yield opened
        opened.close()
        return
    for url in _postgres_database():
        opened = Store.open(url)
        yield opened
        opened.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database with no schema yet: an SQLite file not yet created, or an empty
    PostgreSQL database (for several processes racing to create it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new.db'}"
        return
    yield from _postgres_database()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'test.db'}")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The real extraction pipeline with the trigger rules alone (spaCy English model + bundled
    gazetteer), built once: the specification of the general rules (places, dates, actors, tolls,
    modality) that the trained reader's events rely on."""
    from frontlines.extract import Pipeline

    return Pipeline(reader="rules")


@pytest.fixture(scope="session")
def reader_pipeline():  # type: ignore[no-untyped-def]
    """The real extraction pipeline as users get it: the shipped trained reader over the rules."""
    from frontlines.extract import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from frontlines.gazetteer import Gazetteer

    return Gazetteer.bundled()


@pytest.fixture(scope="session", autouse=True)
def world_cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The worldwide place index is built once per checkout into pytest's cache folder, not the
    user's: FRONTLINES_CACHE in .pytest_cache (kept between runs: the index's file name says which
    data and normaliser made it, so it is never stale), unless the caller chose a folder."""
    if os.environ.get("FRONTLINES_CACHE"):
        yield
        return
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("frontlines-world") if cache is not None else tmp_path_factory.mktemp("frontlines-world")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FRONTLINES_CACHE", str(folder))
        world_index.cache_clear()
        yield
    world_index.cache_clear()


CHROMIUM = "/usr/bin/chromium"  # Debian's package, which .ci/run installs


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright; the browser tests skip without it, and fail
    without it under CI=true."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing under CI=true: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); the browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()
