"""Dates in a sentence, resolved against the publication date and the story's running date.

Absolute forms ("on October 31", "Oct. 31, 2017", "11/3/17", "2017-11-03") are parsed with
dateparser anchored on the publication date, never the clock. Relative forms are resolved here:
"yesterday" and weekdays against the publication date; "the next day", "two days later",
"the day before" against the last day the text set (the running date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from frontlines.model import DateValue

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_N = r"(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# Each pattern: (kind, compiled regex). Order matters: longer, more specific forms first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("numeric", re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")),
    (
        "month_day",
        re.compile(
            rf"\b(?P<text>{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?)\b(?!\s*(?:km|kilomet|mile|%|percent))",
            re.I,
        ),
    ),
    (
        "day_month",
        re.compile(rf"\b(?P<text>(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<y>(?:19|20)\d\d))?)\b", re.I),
    ),
    ("day_before_yesterday", re.compile(r"\bthe day before yesterday\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this morning|this afternoon|this evening|earlier today)\b", re.I)),
    ("days_ago", re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?)\s+ago\b", re.I)),
    ("next_day", re.compile(r"\b(?:the\s+(?:next|following)\s+(?:day|morning|evening|night)|a\s+day\s+later|the\s+day\s+after|next\s+morning)\b", re.I)),
    ("previous_day", re.compile(r"\b(?:the\s+(?:day|night|evening)\s+before|the\s+previous\s+(?:day|night|evening)|a\s+day\s+earlier|the\s+day\s+prior)\b", re.I)),
    ("after_event", re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?)\s+after\s+(?!that\b)(?=\w)", re.I)),
    ("before_event", re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?)\s+before\s+(?!that\b)(?=\w)", re.I)),
    ("days_later", re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?)\s+(?:later|afterwards?|after(?!\s+(?:the|his|its|their|a|an)\b))\b", re.I)),
    ("days_earlier", re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?)\s+(?:earlier|before(?!\s+(?:the|his|its|their|a|an)\b))\b", re.I)),
    ("same_day", re.compile(r"\b(?:that\s+(?:same\s+)?(?:day|night|morning|evening|afternoon)|the\s+same\s+day|later\s+that\s+day|by\s+nightfall)\b", re.I)),
    ("last_week", re.compile(r"\b(?:last|previous)\s+week\b", re.I)),
    ("past_week", re.compile(r"\b(?:the\s+)?past\s+(?:week|seven\s+days)\b", re.I)),
    ("this_week", re.compile(r"\b(?:earlier\s+|early\s+)?this\s+week\b", re.I)),
    ("next_week", re.compile(r"\b(?:next|the\s+coming)\s+week\b", re.I)),
    ("last_month", re.compile(r"\b(?:last|previous)\s+month\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I)),
    ("next_month", re.compile(r"\b(?:next|the\s+coming)\s+month\b", re.I)),
    ("last_year", re.compile(r"\b(?:last|previous)\s+year\b", re.I)),
    ("next_year", re.compile(r"\bnext\s+year\b", re.I)),
    ("weekday", re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("month_year", re.compile(rf"\b(?P<text>{_MONTH}\s+(?P<y>(?:19|20)\d\d))\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|during|early|mid|late|since|throughout|by|until|end\s+of|beginning\s+of)[\s-]+(?:-\s*)?(?P<text>{_MONTH})(?![\s.]*\d)", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|of|by)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*(?:km|kilomet|mile|people|militants|soldiers|fighters))", re.I)),
]


# Every pattern above needs one of these; most sentences have none and skip the twenty searches.
_MAY_HOLD_A_DATE = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|night|yester|today|morning|evening|afternoon|ago\b",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets within the sentence
    end: int
    value: DateValue

    looks_back: bool = False  # "a day after the army took X": X's date, told from the main clause's

    @property
    def sets_running_date(self) -> bool:
        """The story's date moves with every day the text names, but not with an aside about another event."""
        return self.value.precision == "day" and not self.looks_back


class DateResolver:
    """Finds and resolves date expressions; holds no state between reports."""

    def __init__(self, language: str = "en") -> None:
        self.language = language

    def mentions(self, sentence: str, published: date, running: date | None) -> list[DateMention]:
        """All date expressions of a sentence, left to right, each resolved.

        `running` is the story's date before this sentence; relative expressions later in the
        sentence resolve against dates set earlier in it.
        """
        if not _MAY_HOLD_A_DATE.search(sentence):
            return []
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, int, str, re.Match[str]]] = []
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(sentence):
                start, end = match.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                found.append((start, end, kind, match))
        found.sort(key=lambda item: item[0])
        results: list[DateMention] = []
        current = running
        for start, end, kind, match in found:
            value = self._resolve(kind, match, published, current)
            if value is None:
                continue
            mention = DateMention(start, end, value, looks_back=kind in ("after_event", "before_event"))
            results.append(mention)
            if mention.sets_running_date:
                current = value.value
        return results

    def _resolve(self, kind: str, match: re.Match[str], published: date, running: date | None) -> DateValue | None:
        text = match.group(0)
        anchor = running or published
        if kind == "iso":
            return _safe_day(int(match["y"]), int(match["m"]), int(match["d"]), text)
        if kind == "numeric":
            year = int(match["y"])
            year = year + 2000 if year < 100 else year
            return _safe_day(year, int(match["m"]), int(match["d"]), text)
        if kind in ("month_day", "day_month"):
            return self._parse_absolute(match["text"], published, has_year=bool(match["y"]), text=text)
        if kind == "month_year":
            parsed = self._parse_absolute(match["text"], published, has_year=True, text=text, precision="month")
            return parsed
        if kind == "in_month":
            return self._parse_absolute(match["text"], published, has_year=False, text=text, precision="month")
        if kind == "year":
            return DateValue(date(int(match["y"]), 1, 1), "year", text)
        if kind == "yesterday":
            return DateValue(published - timedelta(days=1), "day", text, relative=True)
        if kind == "day_before_yesterday":
            return DateValue(published - timedelta(days=2), "day", text, relative=True)
        if kind == "today":
            return DateValue(published, "day", text, relative=True)
        if kind == "days_ago":
            days = _count(match["n"]) * (7 if match["unit"].lower().startswith("week") else 1)
            return DateValue(published - timedelta(days=days), "day", text, relative=True)
        if kind == "last_week":
            monday = published - timedelta(days=published.weekday() + 7)
            return DateValue(monday, "range", text, relative=True, until=monday + timedelta(days=6))
        if kind == "past_week":
            return DateValue(published - timedelta(days=6), "range", text, relative=True, until=published)
        if kind == "this_week":
            monday = published - timedelta(days=published.weekday())
            return DateValue(monday, "range", text, relative=True, until=published)
        if kind == "next_week":
            monday = published + timedelta(days=7 - published.weekday())
            return DateValue(monday, "range", text, relative=True, until=monday + timedelta(days=6))
        if kind in ("last_month", "this_month", "next_month"):
            month = published.year * 12 + published.month - 1 + {"last_month": -1, "this_month": 0, "next_month": 1}[kind]
            return DateValue(date(month // 12, month % 12 + 1, 1), "month", text, relative=True)
        if kind in ("last_year", "next_year"):
            return DateValue(date(published.year + (-1 if kind == "last_year" else 1), 1, 1), "year", text, relative=True)
        if kind == "weekday":
            return DateValue(_last_weekday(match["wd"], published), "day", text, relative=True)
        if kind == "next_day":
            return DateValue(anchor + timedelta(days=1), "day", text, relative=True)
        if kind == "previous_day":
            return DateValue(anchor - timedelta(days=1), "day", text, relative=True)
        if kind == "same_day":
            return DateValue(anchor, "day", text, relative=True)
        if kind in ("after_event", "before_event"):
            # "on Monday, a week after rebels took Townville": Townville fell the Monday before
            days = _count(match["n"]) * (7 if match["unit"].lower().startswith("week") else 1)
            return DateValue(anchor - timedelta(days=days if kind == "after_event" else -days), "day", text, relative=True)
        if kind in ("days_later", "days_earlier"):
            days = _count(match["n"]) * (7 if match["unit"].lower().startswith("week") else 1)
            sign = 1 if kind == "days_later" else -1
            return DateValue(anchor + timedelta(days=sign * days), "day", text, relative=True)
        return None

    def _parse_absolute(
        self, words: str, published: date, *, has_year: bool, text: str, precision: str = "day"
    ) -> DateValue | None:
        parsed = _parse_calendar_words(words.replace(".", " ").strip(), self.language)
        if parsed is None:
            return None
        value = parsed.replace(day=1) if precision == "month" else parsed
        if not has_year:
            value = _nearest_year(value, published)
        return DateValue(value, precision, text)


# A year-less "October 31" is parsed in a fixed leap year (so that 29 February exists), never
# against the clock; the caller then picks the year from the publication date.
_NEUTRAL_BASE = datetime(2000, 1, 1)


@lru_cache(maxsize=8)
def _calendar_parser(language: str) -> DateDataParser:
    return DateDataParser(
        languages=[language],
        settings={"RELATIVE_BASE": _NEUTRAL_BASE, "REQUIRE_PARTS": ["month"], "PREFER_DAY_OF_MONTH": "first"},
    )


@lru_cache(maxsize=4096)
def _parse_calendar_words(words: str, language: str) -> date | None:
    found = _calendar_parser(language).get_date_data(words)
    return found.date_obj.date() if found and found.date_obj else None


def _nearest_year(value: date, published: date) -> date:
    """A day-month without a year: the publication year, or the year before when that lies far ahead."""
    try:
        candidate = value.replace(year=published.year)
    except ValueError:  # 29 February
        candidate = value.replace(year=published.year, day=28)
    if candidate > published + timedelta(days=31):
        candidate = candidate.replace(year=published.year - 1)
    return candidate


def _safe_day(year: int, month: int, day: int, text: str) -> DateValue | None:
    try:
        return DateValue(date(year, month, day), "day", text)
    except ValueError:
        return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _last_weekday(name: str, published: date) -> date:
    """The most recent such weekday on or before the publication date (the same day included)."""
    wanted = _WEEKDAYS.index(name.lower())
    return published - timedelta(days=(published.weekday() - wanted) % 7)
