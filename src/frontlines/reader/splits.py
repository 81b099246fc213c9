"""Train, dev and test splits fixed by a hash of the day (lines) or the article id.

All lines of one day fall in one split, so that the reader is never tested on a day whose other
lines it learned from. The test split is frozen: changing these numbers changes what was measured.

Held-out waves are later batches of test-split items, annotated blind and scored once each. Once a
wave's figure is taken, its files are listed in the annotations folder's `scored_waves.txt`, and
their items form a fourth split, `scored`: spent as a measure, they train. A wave drawn from items
outside the test split's days and articles (once the test split had none left to draw) is listed in
`held_out_waves.txt`: its items stand where test items stand, held out until scored, whatever their hash.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

SPLITS = ("train", "dev", "test", "scored")
SCORED_WAVES_FILE = "scored_waves.txt"  # in an annotations folder: the files of the waves already scored
HELD_OUT_WAVES_FILE = "held_out_waves.txt"  # the files of held-out waves drawn outside the test split
_BOUNDS = ((60, "train"), (75, "dev"), (100, "test"))


def split_of(key: str) -> str:
    bucket = int(hashlib.sha1(f"frontlines-split:{key}".encode()).hexdigest(), 16) % 100
    return next(name for bound, name in _BOUNDS if bucket < bound)


def split_of_item(key: str, annotation_file: Path) -> str:
    """The split of an annotated item: its hash's (`test` for any item of a held-out wave drawn outside
    the test split), or `scored` for a test item of a wave already scored."""
    annotations = annotation_file.parent.parent
    split = "test" if annotation_file.name in _listed(annotations, HELD_OUT_WAVES_FILE) else split_of(key)
    if split == "test" and annotation_file.name in scored_wave_files(annotations):
        return "scored"
    return split


def scored_wave_files(annotations: Path) -> frozenset[str]:
    """The annotation files (by name) of held-out waves whose figure has been taken."""
    return _listed(annotations, SCORED_WAVES_FILE)


@lru_cache(maxsize=16)
def _listed(annotations: Path, listing_name: str) -> frozenset[str]:
    """The file names a listing in the annotations folder holds, one a row, `#` comments aside."""
    listing = annotations / listing_name
    if not listing.is_file():
        return frozenset()
    rows = (row.split("#", 1)[0].strip() for row in listing.read_text(encoding="utf-8").splitlines())
    return frozenset(row for row in rows if row)
