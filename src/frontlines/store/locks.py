"""Writers that must not interleave: several processes (two ingests at once) on one database.

``hold_write_lock(conn, name)`` makes the transaction on ``conn`` the only one of that name until it
ends. On PostgreSQL it is a transaction-level advisory lock, released at commit or rollback; on
SQLite it is the database's write lock taken at the start (``BEGIN IMMEDIATE``), so what the
transaction reads cannot change before it writes. The other writers wait (SQLite's busy timeout,
PostgreSQL's lock queue) instead of failing.

Used for schema migrations, saving claims, and fusion. Reports and outlets need no lock: they are
inserted with insert-or-ignore on their unique keys.
"""

from __future__ import annotations

import zlib

from sqlalchemy import text
from sqlalchemy.engine import Connection

# How long an SQLite writer waits for another one before "database is locked": long enough for a
# fusion run over a large store, so that the message never reaches a user of two ingests at once.
SQLITE_BUSY_TIMEOUT_S = 600.0

MIGRATIONS = "frontlines.migrations"
CLAIMS_AND_EVENTS = "frontlines.claims_and_events"


def hold_write_lock(conn: Connection, name: str) -> None:
    """Wait until no other transaction holds the lock `name`, then hold it until this one ends.

    Call it first in the transaction: on SQLite nothing may have been written in it yet.
    """
    dialect = conn.dialect.name
    if dialect == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name)})
    elif dialect == "sqlite":
        driver = conn.connection.driver_connection
        if driver is not None and not driver.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def lock_key(name: str) -> int:
    """A stable 64-bit signed key for an advisory lock name."""
    return zlib.crc32(name.encode("utf-8")) - 2**31
