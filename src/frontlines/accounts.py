"""Accounts of the workbench: a name, a role, and an argon2 hash of the password.

Roles: a `viewer` reads (as a visitor does), an `analyst` also reviews and comments, an `admin` does
what an analyst does and manages the accounts (the workbench's /admin page, `frontlines user`); the
last admin cannot be demoted or removed, so that someone can always manage the accounts. Passwords are hashed with argon2id (memory-hard, argon2-cffi's defaults); the
store never holds a password. `frontlines user add` is the shell over `add_user`.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, func, insert, select, update

from frontlines.errors import AccountError
from frontlines.model import ROLES
from frontlines.store import Store
from frontlines.store import accounts_schema as a

WRITERS = ("analyst", "admin")  # roles that may review and comment
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # hashing a longer one is work an attacker could make us do
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
SECRET_ENV = "FRONTLINES_SECRET"


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def can_write(self) -> bool:
        """Whether this user may review events and comment (analysts and admins)."""
        return self.role in WRITERS

    @property
    def is_admin(self) -> bool:
        """Whether this user manages the accounts."""
        return self.role == "admin"


@dataclass(frozen=True)
class Account:
    """An account as the admin page and `frontlines user list` show it."""

    name: str
    role: str
    created_at: datetime


def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    return PasswordHasher()


def add_user(store: Store, name: str, password: str, role: str = "viewer") -> User:
    """Add an account; an AccountError when the name is taken or malformed, the role unknown or the
    password shorter than MIN_PASSWORD characters."""
    if not _NAME.match(name):
        raise AccountError(f"{name!r} is not a user name", hint="letters, digits and . _ @ -, at most 100")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}", hint=f"one of {', '.join(ROLES)}")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters", hint="choose a longer one")
    hashed = _hasher().hash(password)
    with store.engine.begin() as conn:
        if conn.execute(select(a.users.c.id).where(a.users.c.name == name)).first() is not None:
            raise AccountError(f"there is already a user {name!r}", hint="choose another name")
        conn.execute(insert(a.users).values(name=name, password_hash=hashed, role=role, created_at=datetime.now(timezone.utc)))
    return User(name, role)


def verify(store: Store, name: str, password: str) -> User | None:
    """The user when `password` is theirs, else None (an unknown name costs the same hashing time)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _hasher()
    with store.engine.connect() as conn:
        row = conn.execute(select(a.users).where(a.users.c.name == name)).first() if len(password) <= MAX_PASSWORD else None
    if row is None:
        _spend_a_hash(hasher)
        return None
    try:
        hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if hasher.check_needs_rehash(row.password_hash):  # argon2's parameters have grown since
        with store.engine.begin() as conn:
            conn.execute(update(a.users).where(a.users.c.id == row.id).values(password_hash=hasher.hash(password)))
    return User(row.name, row.role)


_DUMMY: list[str] = []


def _spend_a_hash(hasher) -> None:  # type: ignore[no-untyped-def]
    from argon2.exceptions import VerificationError

    if not _DUMMY:
        _DUMMY.append(hasher.hash(secrets.token_hex(16)))
    try:
        hasher.verify(_DUMMY[0], "not the password")
    except VerificationError:
        pass


def accounts(store: Store) -> list[Account]:
    """Every account, by name."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(a.users.c.name, a.users.c.role, a.users.c.created_at).order_by(a.users.c.name))
        return [Account(row.name, row.role, row.created_at) for row in rows]


def set_role(store: Store, name: str, role: str) -> User:
    """Give an account another role; an AccountError for an unknown account or role, or when it would
    leave no admin."""
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}", hint=f"one of {', '.join(ROLES)}")
    with store.engine.begin() as conn:
        _existing(conn, name)
        if role != "admin":
            _keep_an_admin(conn, name)
        conn.execute(update(a.users).where(a.users.c.name == name).values(role=role))
    return User(name, role)


def set_password(store: Store, name: str, password: str) -> None:
    """Give an account a new password (stored as its argon2 hash)."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters", hint="choose a longer one")
    hashed = _hasher().hash(password)
    with store.engine.begin() as conn:
        _existing(conn, name)
        conn.execute(update(a.users).where(a.users.c.name == name).values(password_hash=hashed))


def remove_user(store: Store, name: str) -> None:
    """Remove an account (its comments and verdicts stay, under its name); never the last admin.
    A session of the removed account signs nobody in from then on."""
    with store.engine.begin() as conn:
        _existing(conn, name)
        _keep_an_admin(conn, name)
        conn.execute(delete(a.users).where(a.users.c.name == name))


def _existing(conn, name: str) -> str:  # type: ignore[no-untyped-def]
    role = conn.execute(select(a.users.c.role).where(a.users.c.name == name)).scalar_one_or_none()
    if role is None:
        raise AccountError(f"there is no user {name!r}", hint="`frontlines user list` names the accounts")
    return str(role)


def _keep_an_admin(conn, name: str) -> None:  # type: ignore[no-untyped-def]
    """An AccountError when `name` is the only admin (demoting or removing it would lock everyone out)."""
    if _existing(conn, name) != "admin":
        return
    admins = conn.execute(select(func.count()).select_from(a.users).where(a.users.c.role == "admin")).scalar_one()
    if admins <= 1:
        raise AccountError(f"{name} is the only admin", hint="make another account an admin first")


def user(store: Store, name: str) -> User | None:
    """The account with this name, or None (a session names a user that may have gone since)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(a.users.c.name, a.users.c.role).where(a.users.c.name == name)).first()
    return User(row.name, row.role) if row is not None else None


def session_secret(store: Store, environ: dict[str, str] | None = None) -> str:
    """The key that signs session cookies: FRONTLINES_SECRET when set, else a random key made on first
    use and kept in the store's `settings` (so that every server process over the store shares it)."""
    given = (environ if environ is not None else os.environ).get(SECRET_ENV)
    if given:
        return given
    query = select(a.settings.c.value).where(a.settings.c.key == "session_secret")
    with store.engine.begin() as conn:
        found = conn.execute(query).scalar_one_or_none()
        if found is None:  # two processes starting at once both insert-or-ignore; both then read the one kept
            from sqlalchemy.dialects import postgresql, sqlite

            dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
            row = {"key": "session_secret", "value": secrets.token_urlsafe(48)}
            conn.execute(dialect.insert(a.settings).values(row).on_conflict_do_nothing(index_elements=["key"]))
            found = conn.execute(query).scalar_one()
    return str(found)
