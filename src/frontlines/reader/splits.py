"""Train, dev and test splits fixed by a hash of the day (lines) or the article id.

All lines of one day fall in one split, so that the reader is never tested on a day whose other
lines it learned from. The test split is frozen: changing these numbers changes what was measured.
"""

from __future__ import annotations

import hashlib

SPLITS = ("train", "dev", "test")
_BOUNDS = ((60, "train"), (75, "dev"), (100, "test"))


def split_of(key: str) -> str:
    bucket = int(hashlib.sha1(f"frontlines-split:{key}".encode()).hexdigest(), 16) % 100
    return next(name for bound, name in _BOUNDS if bucket < bound)
