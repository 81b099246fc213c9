"""A report's publication date: from the first source that gives one, with its precision and source.

A date is never a reason to lose a report. The sources, in order:

1. ``header``: the report file's ``published:`` line, the JSONL ``"published"`` field, a feed item's
   date. A day, a month (``2017-10``) or a year (``2017``), kept at that precision.
   ``unknown`` (or ``n.d.``, ``?``, an empty value) says nothing and the search goes on.
2. ``given``: ``--published DATE`` on the command line (a day, month or year), for every report
   whose own header gives none. ``--year YYYY`` (for a batch) is weaker than a date: the sources
   below still give the day, but only a day in that year counts, and a day and month without a year
   (a dateline's "Sept. 29") take it; a report with nothing more is dated to the year.
3. ``metadata``: an HTML page's ``article:published_time``, ``<meta name=date>``, JSON-LD
   ``datePublished``, ``<time datetime>``; then ``feed``: the date a feed gave for the page.
4. ``url``: a date in the URL path (``/2017/10/31/``).
5. ``dateline``: a "Posted 17 November 2017" line or a news dateline with its year.
6. ``day_month``: the year in the title with the day and month of the body's dateline (else the
   latest day and month the body names).
7. ``text``: the latest full date the title or body mentions.

Otherwise the date is ``unknown``: the report is stored with no date, flagged, and extraction dates
none of its events from it (see :mod:`frontlines.report_dates`). Sources 4-7 are guesses: the
report is flagged ``published_inferred``. A month or year found on the way (page metadata, a URL's
``/2017/10/``) is refined by a later source's day inside it, and kept when none gives one. A day
outside 1900 to the end of next year is refused when the report or the command line states it, and
skipped when it was guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from frontlines.errors import BadInput
from frontlines.ingest.fields import (
    PUBLISHED_FORMS,
    is_sane_published,
    parse_published_partial,
    sane_range_text,
    says_unknown,
)
from frontlines.ingest.infer_date import (
    date_in_url,
    dateline_date,
    dateline_day_month,
    day_in_year,
    infer_published,
    latest_day_month,
    title_year,
)

PUBLISHED_SOURCES = ("header", "feed", "given", "metadata", "url", "dateline", "day_month", "text", "unknown")
INFERRED_SOURCES = frozenset({"url", "dateline", "day_month", "text"})
PUBLISHED_PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Published:
    """A publication date as far as it is known: its first day, its precision, where it came from."""

    day: date | None
    precision: str | None  # "day", "month" or "year"; None when unknown
    source: str  # one of PUBLISHED_SOURCES

    @property
    def inferred(self) -> bool:
        return self.source in INFERRED_SOURCES

    def holds(self, day: date) -> bool:
        """Whether a day lies inside this date at its precision."""
        if self.day is None:
            return True
        if self.precision == "year":
            return day.year == self.day.year
        if self.precision == "month":
            return (day.year, day.month) == (self.day.year, self.day.month)
        return day == self.day


UNKNOWN = Published(None, None, "unknown")


@dataclass(frozen=True)
class DateHint:
    """What the command line says about a batch's publication dates (``--published`` / ``--year``)."""

    published: Published | None = None
    year: int | None = None


def date_hint(published: str | None = None, year: int | None = None) -> DateHint:
    """A hint from ``--published DATE`` or ``--year YYYY``; ValueError naming the problem."""
    if published and year:
        raise ValueError("give --published or --year, not both")
    if published:
        found = parse_published_partial(published)
        if found is None:
            raise ValueError(f"{published!r} is not a date ({PUBLISHED_FORMS})")
        if not is_sane_published(found[0]):
            raise ValueError(f"{published!r} is outside {sane_range_text()}")
        return DateHint(published=Published(found[0], found[1], "given"))
    if year is not None:
        if not is_sane_published(date(year, 12, 31)) or not is_sane_published(date(year, 1, 1)):
            raise ValueError(f"{year} is outside {sane_range_text()}")
        return DateHint(year=year)
    return DateHint()


def declared_date(
    value: str | None, origin: str, *, source: str = "header", field: str = "published", form: str = '"published: YYYY-MM-DD"'
) -> Published | None:
    """The date a report states for itself, None when it states none; BadInput when it cannot be used.

    ``field`` names the value in messages, ``form`` shows how to write it.
    """
    if value is None or not value.strip() or says_unknown(value):
        return None
    found = parse_published_partial(value)
    if found is None:
        raise BadInput(
            origin,
            f"unreadable {field} date {value.strip()!r} (expected {PUBLISHED_FORMS})",
            f"write it as {form} (or unknown, to have it looked for in the text), or give --published DATE",
        )
    if not is_sane_published(found[0]):
        raise BadInput(
            origin,
            f"{field} date {value.strip()!r} is outside {sane_range_text()}",
            f"correct it ({form}), or write unknown to have it looked for in the text",
        )
    return Published(found[0], found[1], source)


def publication_date(
    *,
    declared: Published | None,
    hint: DateHint | None = None,
    metadata: Iterable[str] = (),
    fallback: Published | None = None,
    url: str | None = None,
    title: str = "",
    body: str = "",
) -> Published:
    """The report's date from the first source that gives one, in the order of the module docstring."""
    if declared is not None:
        return declared
    hint = hint or DateHint()
    if hint.published is not None:
        return hint.published
    bound = Published(date(hint.year, 1, 1), "year", "given") if hint.year is not None else None
    def year_so_far() -> int | None:
        return bound.day.year if bound is not None and bound.day is not None else None

    for candidate in _guesses(metadata, fallback, url, title, body, year_so_far):
        if candidate.day is None or not is_sane_published(candidate.day):
            continue
        if bound is not None and not bound.holds(candidate.day):
            continue
        if candidate.precision == "day":
            return candidate
        bound = candidate  # a month: later guesses may give the day inside it
    return bound or UNKNOWN


def _guesses(
    metadata: Iterable[str],
    fallback: Published | None,
    url: str | None,
    title: str,
    body: str,
    year_so_far: Callable[[], int | None],
) -> Iterator[Published]:
    """Every source after the command line, in order; the later ones are only computed when needed."""
    for value in metadata:
        found = parse_published_partial(value)
        if found is not None:
            yield Published(found[0], found[1], "metadata")
    if fallback is not None:
        yield fallback
    in_url = date_in_url(url)
    if in_url is not None:
        yield Published(in_url[0], in_url[1], "url")
    on_dateline = dateline_date(body)
    if on_dateline is not None:
        yield Published(on_dateline, "day", "dateline")
    month_day = dateline_day_month(body) or latest_day_month(body)
    year = title_year(title) or year_so_far()
    if month_day is not None and year is not None:
        yield Published(day_in_year(year, month_day), "day", "day_month")
    latest = infer_published(title, body)
    if latest is not None:
        yield Published(latest, "day", "text")
