"""Split a report into paragraphs (blank lines) and sentences with character offsets.

Paragraphs are split before spaCy sees the text, so that no sentence runs across a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from frontlines.extract import grammar
from frontlines.ingest.sources_list import HEADING as SOURCES_HEADING

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# `Daily Courier, "Army retakes Townville," 3/14/19`: a citation names a source, it asserts nothing.
_CITATION = re.compile(
    r"^(?P<outlet>[^\n\"“”]{2,80}),\s*[\"“](?P<title>[^\n]+?),?[\"”],?\s*(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2,4})\s*$"
)


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


def story_paragraphs(text: str) -> Iterator[Paragraph]:
    """The paragraphs that tell the story: not citation lines, nor anything after a SOURCES heading
    or a news page's list of other stories ("Related News": their headlines are not this report's)."""
    for paragraph in paragraphs(text):
        heading = SOURCES_HEADING.search(paragraph.text) or _page_furniture().search(paragraph.text)
        if heading is not None:
            before = paragraph.text[: heading.start()].rstrip()
            if before:  # a heading with no blank line before it
                yield Paragraph(paragraph.index, paragraph.start, before)
            return
        lines = [line for line in paragraph.text.split("\n") if line.strip()]
        if lines and all(_CITATION.match(line.strip()) for line in lines):
            continue
        yield paragraph


@lru_cache(maxsize=1)
def _page_furniture() -> re.Pattern[str]:
    """The headings under which a news page lists other stories, written as the page writes them."""
    headings = sorted(grammar.words("page_furniture_headings"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in headings) + r")(?![\w-])")


@dataclass(frozen=True)
class Citation:
    outlet: str
    title: str
    published: date


def citations(text: str) -> list[Citation]:
    """The citation lines of an analyst's post: `Outlet, "Title," 10/5/17`."""
    found = []
    for line in text.split("\n"):
        match = _CITATION.match(line.strip())
        if not match:
            continue
        year = int(match["y"])
        try:
            day = date(year + 2000 if year < 100 else year, int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        found.append(Citation(match["outlet"].strip(), match["title"].strip(), day))
    return found
