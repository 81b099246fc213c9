"""Tables of the workbench (migration 0009 builds the same shape).

- `users`: accounts of the workbench, each with a role (viewer, analyst, admin) and an argon2 hash of
  its password; never the password itself.
- `comments`: analysts' comments on an event or a place, in threads by their target.
- `settings`: small values the store keeps for the application, such as the key that signs
  session cookies when FRONTLINES_SECRET does not give one.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, Text

from frontlines.store.schema import metadata

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(20), nullable=False),  # viewer | analyst | admin
    Column("created_at", DateTime(timezone=True), nullable=False),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_kind", String(20), nullable=False),  # "event" | "place"
    Column("target", String(200), nullable=False),  # the event's id, or the place's key
    Column("author", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("body", Text, nullable=False),
    Index("ix_comments_target", "target_kind", "target", "id"),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)
