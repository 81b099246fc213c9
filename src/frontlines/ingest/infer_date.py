"""A publication date read from the text itself, for reports that do not give one.

A report is published on or after the latest full date (with its year) that it mentions:
"11/3/17" in a citation line, "November 3, 2017", "3 November 2017", "2017-11-03". Dates without
a year say nothing certain and are not used. The caller flags such a date as inferred.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}  # fmt: skip
_MONTH = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATES = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I),
]


def infer_published(*texts: str) -> date | None:
    """The latest full date mentioned in the texts (title, body), or None."""
    found: list[date] = []
    for text in texts:
        for pattern in _FULL_DATES:
            for match in pattern.finditer(text):
                parsed = _to_date(match)
                if parsed is not None:
                    found.append(parsed)
    return max(found) if found else None


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    year = year + 2000 if year < 100 else year
    month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["month"][:3].lower()]
    try:
        return date(year, month, int(groups["day"]))
    except ValueError:
        return None
