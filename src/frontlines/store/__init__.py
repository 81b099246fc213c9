"""The store: one class over SQLAlchemy Core, SQLite or PostgreSQL behind the same interface."""

from frontlines.store.store import Store

__all__ = ["Store"]
