"""Last checks on a report that was read, before it may be stored and extracted.

A report is refused (and named as a problem) when one of its values holds what no database stores
(a NUL or a lone surrogate), or when one paragraph is longer than extraction reads at once
(``MAX_PARAGRAPH_CHARS``): spaCy would take minutes on it, or refuse it and stop the run.
"""

from __future__ import annotations

import re

from frontlines.config import MAX_PARAGRAPH_CHARS
from frontlines.ingest.decode import unstorable_character
from frontlines.model import IngestProblem, Report

# The same break as extraction's: a blank line, perhaps with spaces or tabs on it.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def report_problem(report: Report, *, max_paragraph_chars: int = MAX_PARAGRAPH_CHARS) -> IngestProblem | None:
    """Why a report that was read cannot be stored, or None when it can."""
    for name in ("text", "title", "outlet", "url", "language"):
        problem = unstorable_character(getattr(report, name) or "")
        if problem:
            return IngestProblem(
                report.origin, f"the {name} holds {problem}", "remove it from the input: it is not text"
            )
    longest = longest_paragraph(report.text)
    if longest > max_paragraph_chars:
        return IngestProblem(
            report.origin,
            f"a paragraph of {longest:,} characters, over the limit of {max_paragraph_chars:,} that extraction reads at once",
            "break the text into paragraphs with blank lines between them",
        )
    return None


def longest_paragraph(text: str) -> int:
    """The length of the longest run of text between blank lines."""
    return max((len(piece.strip()) for piece in _PARAGRAPH_BREAK.split(text)), default=0)
