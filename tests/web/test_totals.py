"""A filter's total is counted once and counted again after any write to the database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert

from frontlines.store import Store
from frontlines.store import schema as t
from frontlines.web.totals import Totals


def test_a_total_is_remembered_until_the_database_changes(tmp_path: Path) -> None:
    counted: list[int] = []

    def count() -> int:
        counted.append(1)
        return len(counted)

    with Store.open(f"sqlite:///{tmp_path / 'f.db'}") as store:
        totals = Totals(store)
        assert totals.total("all", count) == 1 and totals.total("all", count) == 1
        assert totals.total("other filter", count) == 2
        with store.engine.begin() as conn:  # another writer's commit
            conn.execute(insert(t.outlets), [{"name": "New Wire"}])
        assert totals.total("all", count) == 3 and totals.total("all", count) == 3


def test_a_database_in_memory_is_counted_every_time() -> None:
    with Store.open("sqlite://") as store:
        totals = Totals(store)
        assert [totals.total("all", lambda: 5), totals.total("all", lambda: 6)] == [5, 6]
