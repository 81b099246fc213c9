"""Field values every reader shares: publication dates, languages, tidy strings.

Publication dates are parsed from a fixed list of forms, not guessed: an
ingested report's date anchors every relative date in it, so a wrong guess is
worse than a refusal.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME_TAIL = r"(?:[\sT,]+\d{1,2}:\d{2}.*)?"
_NAMED_MONTH = (
    re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TIME_TAIL}", re.ASCII),  # 31 October 2017
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME_TAIL}", re.ASCII),  # October 31, 2017
)
_NUMERIC = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})" + _TIME_TAIL, re.ASCII)
_YMD_SLASHED = re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})" + _TIME_TAIL, re.ASCII)

PUBLISHED_FORMS = "YYYY-MM-DD, an ISO date-time, MM/DD/YYYY or 31 October 2017; YYYY-MM or YYYY for a month or year"

# A publication date before this day, or after the end of next year, is a typo or a placeholder
# (0001-01-01, 9999-12-31), never a report's date.
EARLIEST_PUBLISHED = date(1900, 1, 1)
# Header values that say the date is not known: the report is kept and its date looked for elsewhere.
UNKNOWN_DATE_WORDS = frozenset(
    {"unknown", "n.d.", "n.d", "nd", "none", "null", "undated", "no date", "?", "-", "--", "—", "n/a", "na", "tbd"}
)
_YEAR_MONTH = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})", re.ASCII)
_YEAR_ONLY = re.compile(r"(?P<year>\d{4})", re.ASCII)
_MONTH_NAME_YEAR = re.compile(rf"{_MONTH},?\s+{_YEAR}", re.ASCII)  # October 2017

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")


def parse_published(value: str) -> date | None:
    """A publication date from the forms reports and pages use, or None.

    ISO dates and date-times (``2017-10-31``, ``2017-10-31T10:00:00+03:00``),
    RFC 822 as in RSS (``Tue, 31 Oct 2017 10:00:00 GMT``), ``10/31/2017``
    (month first, as in SOURCES lists; day first only when the first number
    cannot be a month), ``2017/10/31``, ``31 October 2017`` and
    ``October 31, 2017``. A time zone is not applied: the date is the one the
    outlet printed.
    """
    text = " ".join(value.split())
    if not text:
        return None
    for parse in (_iso, _rfc822, _named_month, _numeric):
        found = parse(text)
        if found is not None:
            return found
    return None


def parse_published_partial(value: str) -> tuple[date, str] | None:
    """A publication date with its precision ("day", "month" or "year"), or None.

    Every form :func:`parse_published` reads gives a day; ``2017-10``, ``2017/10`` and
    ``October 2017`` give a month (its first day); ``2017`` gives a year (1 January).
    """
    found = parse_published(value)
    if found is not None:
        return found, "day"
    text = " ".join(value.split())
    match = _YEAR_MONTH.fullmatch(text)
    if match:
        month_start = _date(int(match.group("year")), int(match.group("month")), 1)
        return (month_start, "month") if month_start else None
    match = _MONTH_NAME_YEAR.fullmatch(text.lower())
    if match and match.group("month") in _MONTHS:
        return date(int(match.group("year")), _MONTHS[match.group("month")], 1), "month"
    match = _YEAR_ONLY.fullmatch(text)
    if match and int(match.group("year")) >= 1:
        return date(int(match.group("year")), 1, 1), "year"
    return None


def says_unknown(value: str) -> bool:
    """Whether a header value says the date is not known ("unknown", "n.d.", "?")."""
    return " ".join(value.split()).lower() in UNKNOWN_DATE_WORDS


def latest_published(today: date | None = None) -> date:
    """The last day a publication date may name: 31 December of the year after ``today``."""
    return date((today or date.today()).year + 1, 12, 31)


def is_sane_published(day: date, today: date | None = None) -> bool:
    """Whether a day can be a publication date: from 1900 to the end of next year."""
    return EARLIEST_PUBLISHED <= day <= latest_published(today)


def sane_range_text(today: date | None = None) -> str:
    return f"{EARLIEST_PUBLISHED.isoformat()} to {latest_published(today).isoformat()}"


def tidy(value: str | None) -> str:
    """Collapse runs of whitespace to one space and trim."""
    return " ".join(value.split()) if value else ""


def normalise_language(value: str | None) -> str | None:
    """``en-US`` → ``en``, ``AR`` → ``ar``; None for an empty or unreadable tag."""
    match = _LANGUAGE.match(tidy(value))
    return match.group(0).lower() if match else None


def guess_language(text: str) -> str:
    """``ar`` when Arabic-script letters outnumber Latin ones, else ``en``."""
    sample = text[:4000]
    return "ar" if len(_ARABIC_SCRIPT.findall(sample)) > len(_LATIN.findall(sample)) else "en"


def language_of(declared: str | None, text: str) -> str:
    """The declared language when there is one, else a guess from the text."""
    return normalise_language(declared) or guess_language(text)


def _iso(text: str) -> date | None:
    candidate = text.replace(" ", "T", 1) if re.fullmatch(r"\d{4}-\d\d-\d\d \d.*", text) else text
    try:
        return datetime.fromisoformat(candidate).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _rfc822(text: str) -> date | None:
    if not re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d", text):
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _named_month(text: str) -> date | None:
    lowered = text.lower()
    for pattern in _NAMED_MONTH:
        match = pattern.fullmatch(lowered)
        if match and match.group("month") in _MONTHS:
            return _date(int(match.group("year")), _MONTHS[match.group("month")], int(match.group("day")))
    return None


def _numeric(text: str) -> date | None:
    match = _YMD_SLASHED.fullmatch(text)
    if match:
        return _date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    match = _NUMERIC.fullmatch(text)
    if not match:
        return None
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if len(match.group("year")) == 2:
        year += 2000
    month, day = (second, first) if first > 12 else (first, second)
    return _date(year, month, day)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
