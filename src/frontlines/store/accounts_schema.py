"""Tables of the workbench (migrations 0009 and 0010 build the same shape).

- `users`: accounts of the workbench, each with a role (viewer, analyst, admin) and an argon2 hash of
  its password; never the password itself.
- `comments`: analysts' comments on an event or a place, in threads by their target.
- `settings`: small values the store keeps for the application, such as the key that signs
  session cookies when FRONTLINES_SECRET does not give one.
- `jobs`: ingests started from the browser, their progress and their results.
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

# migration 0010: the workbench's background jobs (ingests from the browser), kept in the store so
# that every server process (`frontlines serve --workers N`) shows every job, and a restart tells
# what became of one
jobs = Table(
    "jobs",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("owner", String(100), nullable=False),
    Column("state", String(20), nullable=False),  # waiting | running | done | failed
    Column("done", Integer, nullable=False, default=0),
    Column("total", Integer, nullable=False, default=0),
    Column("result", Text),  # JSON, when done
    Column("error", Text, nullable=False, default=""),
    Column("hint", Text, nullable=False, default=""),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("process", String(100), nullable=False, default=""),  # host and pid of the server that runs it
)
