"""Cheap sentence spans for annotation and training (the extractor itself uses spaCy's)."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r'(?<=[.!?])["”]?\s+(?=["“]?[A-Z0-9])')


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, split after ., ! or ? before a capital or digit."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start() + (1 if text[m.start()] in '"”' else 0)))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
