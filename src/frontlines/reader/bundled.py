"""Where the shipped reader lives and how it is loaded: lazily, once per process, from the package."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from frontlines.errors import ModelError
from frontlines.reader.scoring import SentenceVerdict

if TYPE_CHECKING:
    from spacy.tokens import Span

    from frontlines.reader.judge import ClaimJudge

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "models" / "reader"
RULES_ONLY = "rules"  # FRONTLINES_READER=rules: read with the trigger rules alone


class EventReader(Protocol):
    def read(self, texts: list[str], sentences: list[Span] | None = None) -> list[SentenceVerdict]: ...


def reader_setting() -> str:
    """FRONTLINES_READER: a model folder, or `rules`; the bundled model by default."""
    return os.environ.get("FRONTLINES_READER", str(BUNDLED))


@lru_cache(maxsize=4)
def load_reader(setting: str) -> EventReader | None:
    if setting == RULES_ONLY:
        return None
    folder = Path(setting)
    if not (folder / "meta.json").exists():
        raise ModelError(
            f"{folder}: no trained reader here (meta.json is missing)",
            hint="train one with `frontlines train`, or set FRONTLINES_READER=rules to read with the trigger rules alone",
        )
    from frontlines.reader.linear import LinearReader

    return LinearReader.load(folder)


@lru_cache(maxsize=4)
def load_judge(setting: str) -> ClaimJudge | None:
    """The claim judge beside a reader's weights (`judge.json`), or None: a reader trained without one,
    or the trigger rules alone."""
    if setting == RULES_ONLY:
        return None
    from frontlines.reader.judge import ClaimJudge

    return ClaimJudge.load(Path(setting))
