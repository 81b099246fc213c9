"""Insert-or-ignore on a unique key, for rows that two processes may add at once (an outlet, a
report's content hash, a place): the second writer finds the row instead of failing on the key."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def insert_or_ignore(conn: Connection, table: Table, values: dict[str, Any], key: Column[Any]) -> tuple[int, bool]:
    """The id of the row whose `key` column has ``values[key.name]``, inserting it when there is none.

    Returns (id, inserted). On PostgreSQL a concurrent insert of the same key waits for the other
    transaction and then finds its row; on SQLite writers are serialised by the database lock.
    """
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(values).on_conflict_do_nothing(index_elements=[key]).returning(table.c.id)
    new_id = conn.execute(statement).scalar_one_or_none()
    if new_id is not None:
        return new_id, True
    return conn.execute(select(table.c.id).where(key == values[key.name])).scalar_one(), False
