"""Publication dates read from where a report was found and from its own words.

Each finder looks in one place and says nothing when it is not sure:

- :func:`date_in_url`: ``/2017/10/31/``, ``/2017-10-31-...``, ``/20171031/`` (a day) or ``/2017/10/`` (a month);
- :func:`dateline_date`: a "Posted 17 November 2017" / "Published on ..." line, or a news dateline
  ("BAGHDAD, Oct. 31, 2017 (Reuters) -") near the top of the body;
- :func:`dateline_day_month`: the same lines without a year ("BAGHDAD, Oct. 31 (Reuters) -");
- :func:`latest_day_month`: the latest day and month the body names, year or not ("Sept. 29");
- :func:`title_year`: a year in the title ("Iraq's war in 2017");
- :func:`infer_published`: the latest full date (with its year) the texts mention: "11/3/17" in a
  citation line, "November 3, 2017", "3 November 2017", "2017-11-03", "03.11.2017" and "03-11-2017" (day first), "Nov 032017" (its comma stripped). A report is published on or
  after the last day it names.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}  # fmt: skip
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])\.?"
)
_FULL_DATES = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # dots or dashes put the day first, as print does outside the US: "24.08.2013", "15-09-2013"
    re.compile(r"(?<![\d.-])(?P<day>\d{1,2})(?P<sep>[.-])(?P<m>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d-]|\.\d)"),
    # a page scraped with its commas stripped: "Last updated at Oct 042017" is October 4, 2017
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?P<year>(?:19|20)\d\d)\b", re.I),
]
_DAY_MONTHS = [
    # month names as news prints them, capitalised: "may 2" and "mar 3" are words, not days
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:\d])"),  # Sept. 29 (not 10:30)
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"),  # 29 September
]
_URL_DAY = [
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<day>\d{1,2})(?=/|$|[-_.])"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)(?=/|$|[-_.])"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<m>[01]\d)(?P<day>[0-3]\d)(?=/|$)"),
]
_URL_MONTH = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<m>[01]?\d)(?=/)")
# "Posted 17 November 2017", "Published on: Nov 17, 2017 at 10:00", "Posted on Sept. 29"
_POSTED = re.compile(r"^\W{0,3}(?:posted|published|first published)(?:\s+on)?\s*:?\s*(?P<rest>.{4,60})", re.I)
# "BAGHDAD, Oct. 31 (Reuters) -", "MOSUL, Iraq, Oct 31, 2017 (AP) —", "RAQQA, Syria (AFP) --"
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.' -]{1,40})(?:,\s*[A-Z][A-Za-z.' -]{1,30})?,?\s+(?P<rest>[A-Za-z]{3,10}\.?\s+\d{1,2}(?:,\s*\d{4})?)"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]",
)
_TITLE_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?!\d)")
_LEAD_LINES = 8  # datelines and "Posted" lines are looked for in the first lines of the body


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


def date_in_url(url: str | None) -> tuple[date, str] | None:
    """A day (or a month) in a URL's path, with its precision; None when there is none."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=re.I).split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DAY:
        match = pattern.search(path)
        if match:
            parsed = _to_date(match)
            if parsed is not None:
                return parsed, "day"
    match = _URL_MONTH.search(path)
    if match and 1 <= int(match.group("m")) <= 12:
        return date(int(match.group("year")), int(match.group("m")), 1), "month"
    return None


def dateline_date(body: str) -> date | None:
    """The full date of a "Posted ..." line or a news dateline near the top of the body."""
    for rest in _lead_date_texts(body):
        found = infer_published(rest)
        if found is not None:
            return found
    return None


def dateline_day_month(body: str) -> tuple[int, int] | None:
    """(month, day) of a "Posted ..." line or a dateline that gives no year."""
    for rest in _lead_date_texts(body):
        found = _first_day_month(rest)
        if found is not None:
            return found
    return None


def latest_day_month(body: str) -> tuple[int, int] | None:
    """The latest (month, day) the body names, with or without a year."""
    found = [pair for pattern in _DAY_MONTHS for match in pattern.finditer(body) if (pair := _day_month(match))]
    return max(found) if found else None


def title_year(title: str) -> int | None:
    """The latest year between 1900 and 2099 that the title names."""
    years = [int(match.group("year")) for match in _TITLE_YEAR.finditer(title)]
    return max(years) if years else None


def day_in_year(year: int, month_day: tuple[int, int]) -> date | None:
    try:
        return date(year, *month_day)
    except ValueError:
        return None


def _lead_date_texts(body: str) -> list[str]:
    lines = [line.strip() for line in body.split("\n") if line.strip()][:_LEAD_LINES]
    texts = []
    for line in lines:
        for pattern in (_POSTED, _DATELINE):
            match = pattern.match(line)
            if match:
                texts.append(match.group("rest"))
    return texts


def _first_day_month(text: str) -> tuple[int, int] | None:
    matches = [match for pattern in _DAY_MONTHS for match in pattern.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        pair = _day_month(match)
        if pair is not None:
            return pair
    return None


def _day_month(match: re.Match[str]) -> tuple[int, int] | None:
    month = _MONTHS[match.group("month")[:3].lower()]
    day = int(match.group("day"))
    return (month, day) if day_in_year(2000, (month, day)) else None  # 2000: 29 February exists


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    year = year + 2000 if year < 100 else year
    month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["month"][:3].lower()]
    try:
        return date(year, month, int(groups["day"]))
    except ValueError:
        return None
