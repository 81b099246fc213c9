"""Opening a database: the engine, SQLite's settings, the schema brought up to date, and every way
that can fail turned into a StoreError that names the database and the fix."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from frontlines.errors import StoreError
from frontlines.store.locks import MIGRATIONS, SQLITE_BUSY_TIMEOUT_S, hold_write_lock
from frontlines.store.migrations_runner import is_at_head, upgrade_to_head

_OPEN_ATTEMPTS = 12  # tries to open an SQLite database another process is creating
_OPEN_RETRY_S = 0.25  # the first wait between them; each next one is longer by as much
DRIVER_HINT = "for PostgreSQL install psycopg: pip install 'frontlines[postgres]' (or pip install 'psycopg[binary]')"


def open_engine(url: str, *, create: bool = True) -> Engine:
    """An engine on the database at an SQLAlchemy URL, migrated to the newest schema.

    With ``create=False`` an SQLite file that does not exist is a StoreError, not a new database.
    """
    if not create:
        require_existing_sqlite_file(url)
    try:
        is_sqlite = make_url(url).get_backend_name() == "sqlite"
        # SQLite: a writer waits for another process's write instead of failing "database is locked"
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S} if is_sqlite else {})
        if is_sqlite:
            event.listen(engine, "connect", _enable_sqlite_pragmas)
        _bring_up_to_date(engine, is_sqlite)
    except ImportError as exc:  # the dialect's driver module (psycopg) is not installed
        raise StoreError(
            f"cannot open the database {safe_url(url)}: its driver ({exc.name or exc}) is not installed",
            hint=DRIVER_HINT,
        ) from exc
    except (SQLAlchemyError, ValueError) as exc:  # unreachable server, bad URL, unreadable file
        raise StoreError(
            f"cannot open the database {safe_url(url)}: {exc.__class__.__name__}: {exc.args[0] if exc.args else exc}",
            hint="check the path or URL given by --db / FRONTLINES_DB, and that the server is running",
        ) from exc
    return engine


def _bring_up_to_date(engine: Engine, is_sqlite: bool) -> None:
    """Migrate the schema to its head, once however many processes open a new database together.

    SQLite answers "database is locked" at once, without its busy timeout, where waiting could
    deadlock: a second process turning a new file to WAL while the first creates its tables. That
    answer means "try again", so the opening is tried again a few times before it is an error.
    """
    for attempt in range(_OPEN_ATTEMPTS):
        try:
            with engine.connect() as conn:
                up_to_date = is_at_head(conn)
            if not up_to_date:  # a reader of a current database takes no lock
                with engine.begin() as conn:
                    hold_write_lock(conn, MIGRATIONS)  # two processes opening a new database create it once
                    upgrade_to_head(conn)
            return
        except OperationalError as exc:
            if not is_sqlite or "locked" not in str(exc) or attempt == _OPEN_ATTEMPTS - 1:
                raise
            engine.dispose()  # a connection left half set up (no WAL yet) is not reused
            time.sleep(_OPEN_RETRY_S * (attempt + 1))


def require_existing_sqlite_file(url: str) -> None:
    """A StoreError when the URL names an SQLite file that is not there."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url in (prefix, prefix + ":memory:"):
        return
    path = Path(url[len(prefix) :].split("?", 1)[0])
    if not path.exists():
        raise StoreError(
            f"no database at {path}",
            hint="ingest reports first (frontlines ingest FILES), or point --db / FRONTLINES_DB at the database",
        )


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
