"""A page of the events API is kept whole while the store is unchanged, and read anew after a write."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines import ingest
from frontlines.store import Store
from frontlines.web import create_app

pytestmark = pytest.mark.model

REPORT = "title: Clashes at the crossing\noutlet: Test Wire\npublished: 2025-01-04\n\nIraqi forces retook Rawa from the militants on Saturday.\n"


def test_the_same_page_twice_is_the_same_body_and_a_write_shows_at_once(writable_store_path: Path, client_of, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    client = client_of(create_app(str(writable_store_path)))
    first = client.get("/api/events", params={"limit": 5, "since": "2025-01-01"})
    assert first.status_code == 200 and first.json()["total"] == 0
    assert client.get("/api/events", params={"limit": 5, "since": "2025-01-01"}).content == first.content
    (tmp_path / "new.txt").write_text(REPORT, encoding="utf-8")
    with Store.open(f"sqlite:///{writable_store_path}") as store:  # another process writes, as `frontlines ingest` would
        ingest([tmp_path / "new.txt"], store=store, pipeline=pipeline)
    after = client.get("/api/events", params={"limit": 5, "since": "2025-01-01"}).json()
    assert after["total"] >= 1 and any(e["place"]["name"] == "Rawa" for e in after["items"])
