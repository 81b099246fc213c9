"""The SOURCES list analysts publish: one outlet per entry, its further titles on "- " lines.

    Iraqi News, "Iraqi forces free Hawija," 10/5/17
    - "Troops enter Hawija from the north," 10/4/17
    NINA, "Army retakes Riyadh district," 10/4/17
    Karim, Ali, "Militants flee toward Sharqat," Iraqi News, 10/3/17
    - "Two soldiers killed near Zab," Iraqi News, 10/1/17

A report with a byline starts its entry with the author, last name first, and names the outlet after
the title; its "- " lines are further titles of the same author and outlet. Entries are sorted by
outlet, then author, then date (newest first, as posts list them); each report appears once, and
`numbering` gives each report the number a sentence cites it by. `frontlines.ingest.sources_list`
reads such a list back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from frontlines.ingest.bylines import last_name_first
from frontlines.model import Source

# One line of a SOURCES list, as this module writes it and as docs/outputs.md documents it: `lead` is
# the outlet, or with `outlet_after` the author ("Karim, Ali") of a byline entry.
SOURCE_LINE = re.compile(
    r'^(?:- )?(?:(?P<lead>[^"\n]+), )?"(?P<title>[^"\n]*)," (?:(?P<outlet_after>[^"\n]+), )?(?P<date>\d{1,2}/\d{1,2}/\d{2}|n\.d\.)$'
)


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
    author: str | None = None  # last name first, as the list writes it


def cited_reports(sources: Iterable[Source]) -> list[Cited]:
    """Each report once, in the order of the SOURCES list."""
    seen: dict[int, Cited] = {}
    for s in sources:
        author = last_name_first(_plain(s.author)) if s.author and _plain(s.author) else None
        seen.setdefault(s.report_id, Cited(s.report_id, s.outlet or "Unknown outlet", _title(s.title), s.published, author))
    return sorted(
        seen.values(), key=lambda c: (c.outlet.lower(), (c.author or "").lower(), -(c.published or date.min).toordinal(), c.title)
    )


def numbering(cited: list[Cited]) -> dict[int, int]:
    """report id -> its number in the SOURCES list, from 1."""
    return {c.report_id: n for n, c in enumerate(cited, 1)}


def sources_section(cited: list[Cited]) -> list[str]:
    lines: list[str] = []
    previous = None
    for c in cited:
        if c.author:  # Karim, Ali, "Title," Outlet, 10/3/17 and its "- " lines repeat the outlet
            title = f'"{c.title}," {c.outlet}, {short_date(c.published)}'
            lead = c.author
        else:
            title = f'"{c.title}," {short_date(c.published)}'
            lead = c.outlet
        lines.append(f"- {title}" if (c.outlet, c.author) == previous else f"{lead}, {title}")
        previous = (c.outlet, c.author)
    return lines


def _title(title: str) -> str:
    """A title as it can stand between the list's quotation marks."""
    return " ".join(title.replace('"', "'").split()).rstrip(",") or "untitled"


def _plain(name: str) -> str:
    """A byline as it can stand in a list line: no double quotes, one line."""
    return " ".join(name.replace('"', "'").split())
