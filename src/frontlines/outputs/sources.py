"""The SOURCES list analysts publish: one outlet per entry, its further titles on "- " lines.

    Iraqi News, "Iraqi forces free Hawija," 10/5/17
    - "Troops enter Hawija from the north," 10/4/17
    NINA, "Army retakes Riyadh district," 10/4/17

Entries are sorted by outlet, then by date (newest first, as posts list them); each report appears
once, and `numbering` gives each report the number a sentence cites it by.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from frontlines.model import Source

# One line of a SOURCES list, as this module writes it and as docs/outputs.md documents it.
SOURCE_LINE = re.compile(r'^(?:- )?(?:(?P<outlet>[^"\n]+), )?"(?P<title>[^"\n]*)," (?P<date>\d{1,2}/\d{1,2}/\d{2}|n\.d\.)$')


def short_date(day: date | None) -> str:
    """10/5/17, as analysts cite."""
    return f"{day.month}/{day.day}/{day.strftime('%y')}" if day else "n.d."


@dataclass(frozen=True)
class Cited:
    """A report as a SOURCES list cites it."""

    report_id: int
    outlet: str
    title: str
    published: date | None


def cited_reports(sources: Iterable[Source]) -> list[Cited]:
    """Each report once, in the order of the SOURCES list."""
    seen: dict[int, Cited] = {}
    for s in sources:
        seen.setdefault(s.report_id, Cited(s.report_id, s.outlet or "Unknown outlet", _title(s.title), s.published))
    return sorted(seen.values(), key=lambda c: (c.outlet.lower(), -(c.published or date.min).toordinal(), c.title))


def numbering(cited: list[Cited]) -> dict[int, int]:
    """report id -> its number in the SOURCES list, from 1."""
    return {c.report_id: n for n, c in enumerate(cited, 1)}


def sources_section(cited: list[Cited]) -> list[str]:
    lines: list[str] = []
    previous = None
    for c in cited:
        title = f'"{c.title}," {short_date(c.published)}'
        lines.append(f"- {title}" if c.outlet == previous else f"{c.outlet}, {title}")
        previous = c.outlet
    return lines


def _title(title: str) -> str:
    """A title as it can stand between the list's quotation marks."""
    return " ".join(title.replace('"', "'").split()).rstrip(",") or "untitled"
