"""A store for the workbench's tests: the demo corpus, its baseline, and one report that carries
script payloads in its title and text. Built once; the tests only read it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines import ingest
from frontlines.control_api import load_baseline
from frontlines.demo import demo_corpus_dir
from frontlines.accounts import add_user
from frontlines.store import Store
from frontlines.web import create_app

with warnings.catch_warnings():  # Starlette asks for `httpx2` when its test client imports httpx
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_REPORT = f"""url: https://example.org/hostile
title: Iraqi forces retake Kubaisa {SCRIPT}
outlet: Hostile Wire
published: 2017-10-09

Iraqi forces recaptured the town of Kubaisa from Islamic State on Sunday, the army said. {SCRIPT} {IMG}

Residents said the fighting had lasted two days.
"""


@pytest.fixture(scope="session")
def web_store_path(tmp_path_factory: pytest.TempPathFactory, pipeline, gazetteer) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / "kubaisa.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    path = folder / "web.db"
    with Store.open(f"sqlite:///{path}") as store:
        ingest([demo_corpus_dir(), hostile], store=store, pipeline=pipeline)
        load_baseline(store, demo_corpus_dir().parent / "baseline.yaml", gazetteer=gazetteer)
    return path


@pytest.fixture
def writable_store_path(web_store_path: Path, tmp_path: Path) -> Path:
    """A copy of the test store that a test may write to (reviews, comments, accounts)."""
    import sqlite3

    copy = tmp_path / "writable.db"
    with sqlite3.connect(web_store_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    return copy


@pytest.fixture(scope="module")
def client(web_store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(web_store_path)), raise_server_exceptions=False) as opened:
        yield opened


@pytest.fixture
def client_of() -> Iterator[object]:
    """A test client for an application the test builds (500s come back as responses, not raised)."""
    opened: list[TestClient] = []

    def make(app: object) -> TestClient:
        opened.append(TestClient(app, raise_server_exceptions=False))  # type: ignore[arg-type]
        return opened[-1]

    yield make
    for each in opened:
        each.close()


@pytest.fixture
def store_with_accounts(writable_store_path: Path) -> Iterator[Store]:
    """A writable copy of the test store with an analyst (ana) and a viewer (vic), both with the
    password "a long password"."""
    with Store.open(f"sqlite:///{writable_store_path}") as opened:
        add_user(opened, "ana", "a long password", "analyst")
        add_user(opened, "vic", "a long password", "viewer")
        yield opened
