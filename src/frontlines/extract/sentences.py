"""Split a report into paragraphs (blank lines) and sentences with character offsets.

Paragraphs are split before spaCy sees the text, so that no sentence runs across a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int  # offset of the paragraph in the report text
    text: str


def paragraphs(text: str) -> Iterator[Paragraph]:
    position = 0
    index = 0
    for piece in _PARAGRAPH_BREAK.split(text):
        start = text.index(piece, position)
        position = start + len(piece)
        stripped = piece.strip()
        if not stripped:
            continue
        offset = start + (len(piece) - len(piece.lstrip()))
        yield Paragraph(index, offset, stripped)
        index += 1
