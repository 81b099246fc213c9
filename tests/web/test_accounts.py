"""Accounts of the workbench: argon2 hashes, never passwords; roles; `frontlines user add`; the
key that signs session cookies; the limit on attempts to sign in. `store` is an SQLite file and a
PostgreSQL database in turn (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from frontlines.accounts import add_user, session_secret, user, verify
from frontlines.cli import main
from frontlines.errors import AccountError
from frontlines.store import Store
from frontlines.store import accounts_schema as a
from frontlines.web.sessions import RateLimit


def stored_hash(store: Store, name: str) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(select(a.users.c.password_hash).where(a.users.c.name == name)).scalar_one())


def test_a_password_is_stored_only_as_an_argon2id_hash(store: Store) -> None:
    add_user(store, "alice", "correct horse battery", "analyst")
    hashed = stored_hash(store, "alice")
    assert hashed.startswith("$argon2id$") and "correct horse" not in hashed


def test_the_right_password_signs_in_and_a_wrong_one_or_an_unknown_name_does_not(store: Store) -> None:
    add_user(store, "alice", "correct horse battery", "analyst")
    assert verify(store, "alice", "correct horse battery") == user(store, "alice")
    assert verify(store, "alice", "Correct horse battery") is None
    assert verify(store, "mallory", "correct horse battery") is None


@pytest.mark.parametrize("role, writes", [("viewer", False), ("analyst", True), ("admin", True)])
def test_analysts_and_admins_write_and_viewers_read(store: Store, role: str, writes: bool) -> None:
    assert add_user(store, "someone", "a long password", role).can_write is writes


@pytest.mark.parametrize(
    "name, password, role, complaint",
    [("alice", "a long password", "root", "unknown role"), ("al ice", "a long password", "viewer", "not a user name"),
     ("bob", "short", "viewer", "characters")],
)  # fmt: skip
def test_a_bad_role_name_or_password_is_refused_with_a_hint(store: Store, name: str, password: str, role: str, complaint: str) -> None:
    with pytest.raises(AccountError, match=complaint) as raised:
        add_user(store, name, password, role)
    assert raised.value.hint


def test_a_name_is_taken_once(store: Store) -> None:
    add_user(store, "alice", "a long password")
    with pytest.raises(AccountError, match="already"):
        add_user(store, "alice", "another long password")


def test_user_add_reads_the_password_twice_or_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    typed = CliRunner().invoke(main, ["--db", db, "user", "add", "alice", "--role", "analyst"], input="a long password\na long password\n")
    assert typed.exit_code == 0 and "user alice (analyst)" in typed.output and "a long password" not in typed.output
    piped = CliRunner().invoke(main, ["--db", db, "user", "add", "bot", "--password-stdin"], input="another password\n")
    assert piped.exit_code == 0 and "user bot (viewer)" in piped.output
    with Store.open(f"sqlite:///{db}") as store:
        assert verify(store, "alice", "a long password") is not None and verify(store, "bot", "another password") is not None


def test_user_add_refuses_a_taken_name_with_a_readable_error(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    args = ["--db", db, "user", "add", "alice", "--password-stdin"]
    assert CliRunner().invoke(main, args, input="a long password\n").exit_code == 0
    again = CliRunner().invoke(main, args, input="a long password\n")
    assert again.exit_code != 0 and "already" in again.output


def test_the_session_key_comes_from_the_environment_or_is_made_once_and_kept(store: Store) -> None:
    assert session_secret(store, {"FRONTLINES_SECRET": "given"}) == "given"
    made = session_secret(store, {})
    assert len(made) >= 32 and session_secret(store, {}) == made


def test_ten_attempts_a_minute_per_address_then_none_until_the_minute_has_passed() -> None:
    now = [0.0]
    limit = RateLimit(attempts=10, window=60.0, clock=lambda: now[0])
    assert all(limit.allow("10.0.0.1") for _ in range(10))
    assert not limit.allow("10.0.0.1") and limit.allow("10.0.0.2")
    now[0] = 61.0
    assert limit.allow("10.0.0.1")


def test_migration_0009_builds_the_tables_of_the_schema_modules(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from frontlines.store import schema as t

    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert [d for d in differences if any(name in repr(d) for name in ("users", "comments", "settings", "previous"))] == []
