"""What the reader sees of a sentence's parse beside its words, so that it reads a war it was not
trained on as it reads the ones it was:

- **deps**: each word's grammatical link to its head, as lemmas ("strike>dobj>base", "kill>nsubj>
  militant", "capture>aux>will"): who did what to what, however many words stand between them;
- **masked**: the sentence with each name spaCy finds (a place, a person, a group, a people) and each
  number replaced by its kind ("ENT_GPE", "NUM"), read as word 1-3 grams: "gunmen attacked a
  checkpoint in ENT_GPE" is the same sentence in every war.

Both come from the spaCy parse the extractor makes anyway; a reader trained with them keeps their
names in its meta.json ("views"), and one trained before them reads without. Chosen on the dev split
and on the spent waves beside the other views tried (lemmas, tags, the parser's vectors):
`scripts/experiments/parse_views.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse
from spacy.tokens import Doc, Span

VIEWS = ("deps", "masked")
VIEW_FEATURES = 2**16  # hashed columns of each view
VIEW_WEIGHT = 0.5  # each view's l2-normalised counts, beside the l2-normalised n-grams
_LINKS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "prep", "agent", "aux", "auxpass", "neg", "advmod", "compound", "amod", "ROOT"})
_NAMES = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})


def parse_words(sentence: Span | Doc) -> tuple[str, str]:
    """The deps and masked views of one parsed sentence, each as space-separated tokens."""
    deps = [f"{t.head.lemma_.lower()}>{t.dep_}>{t.lemma_.lower()}" for t in sentence if t.dep_ in _LINKS]
    masked = []
    for token in sentence:
        if token.ent_type_ in _NAMES:
            if token.ent_iob_ == "B" or token.i == sentence[0].i:
                masked.append("ENT_" + token.ent_type_)
        elif token.like_num:
            masked.append("NUM")
        elif not token.is_space:
            masked.append(token.lower_)
    return " ".join(deps), " ".join(masked)


_PARSED: dict[tuple[str, str], tuple[str, str]] = {}  # (pipeline, text) -> views: training reads each text several times
_PARSED_MOST = 200_000


def parse_texts(texts: Sequence[str], model: str | None = None, batch_size: int = 256) -> list[tuple[str, str]]:
    """Parse texts with the extractor's spaCy pipeline (FRONTLINES_MODEL) and take their views."""
    from frontlines.config import Settings
    from frontlines.extract.nlp import load_nlp

    name = model or Settings().model
    missing = list(dict.fromkeys(t for t in texts if (name, t) not in _PARSED))
    if len(_PARSED) + len(missing) > _PARSED_MOST:
        _PARSED.clear()
        missing = list(dict.fromkeys(texts))
    if missing:
        nlp = load_nlp(name)
        for text, doc in zip(missing, nlp.pipe(missing, batch_size=batch_size), strict=True):
            _PARSED[(name, text)] = parse_words(doc)
    return [_PARSED[(name, t)] for t in texts]


@lru_cache(maxsize=1)
def _vectorizers() -> tuple:
    from sklearn.feature_extraction.text import HashingVectorizer

    common = dict(n_features=VIEW_FEATURES, alternate_sign=False, norm="l2", lowercase=False, token_pattern=r"\S+", dtype=np.float32)
    return HashingVectorizer(ngram_range=(1, 1), **common), HashingVectorizer(ngram_range=(1, 3), **common)


def view_features(parsed: Sequence[tuple[str, str]], views: Sequence[str]) -> sparse.csr_matrix:
    """The hashed, weighted counts of the chosen views, one block of columns per view."""
    deps, masked = _vectorizers()
    blocks = {"deps": lambda: deps.transform([p[0] for p in parsed]), "masked": lambda: masked.transform([p[1] for p in parsed])}
    return sparse.hstack([VIEW_WEIGHT * blocks[v]() for v in views], format="csr")
