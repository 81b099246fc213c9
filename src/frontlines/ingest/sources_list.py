"""The SOURCES list at the end of an analyst's post, read back into references.

    SOURCES

    Iraqi News, "Iraqi forces free Hawija," 10/5/17
    - "Troops enter Hawija from the north," 10/4/17
    NINA, "Army retakes Riyadh district," 10/4/17
    Karim, Ali, "Militants flee toward Sharqat," Iraqi News, 10/3/17
    - "Two soldiers killed near Zab," Iraqi News, 10/1/17

An entry names its outlet before the quoted title; a byline entry names the author (last name first)
before the title and the outlet after it. A "- " line is a further title of the entry above it and
takes its outlet and author unless it names its own. People write these lists by hand, so: curly
quotes, the comma inside or outside the closing quote, 2- or 4-digit years, "Oct. 5, 2017" and
"2017-10-05", a missing date (kept, undated), blank lines, and a numbered or bulleted entry are all
read. The list starts at a line that is only a heading (the same words extraction stops at, see
``frontlines.extract.sentences``): "SOURCES", "Sources:", "References", in any case. It ends at the
text's end or at the first line that is neither a reference nor looks like one (an analyst's comment
after the list); a line that looks like a reference but cannot be read is kept as an
:class:`UnreadLine`, never fatal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from frontlines.ingest.fields import parse_published_partial, says_unknown

# The heading a SOURCES list starts at, and where extraction stops reading a post (extract.sentences):
# "SOURCES", "Sources:", "## References", "**Links**".
HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?[*_]{0,2}(?:sources?|references|links)[ \t]*:?[*_]{0,2}[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
# Outlet-or-author, "Title[,]"[,] tail: the title runs to the last double quote of the line.
_ENTRY = re.compile(r'(?P<before>[^"]*?)\s*,?\s*"(?P<title>.+)"\s*,?\s*(?P<after>[^"]*)')
_NUMBERING = re.compile(r"^(?:\[\d+\]|\(\d+\)|\d+[.)]|[*•·])\s+")
_CONTINUATION = re.compile(r'^[-–—](?=\s|")\s*')  # "- ", not a "---" rule
_LONGEST_NAME_WORDS = 8
_DATE_LIKE = re.compile(r"^(?:\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{1,4})?|n\.?d\.?)$", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    """One title a SOURCES list cites. ``author`` is as the list writes it ("Karim, Ali")."""

    position: int  # from 1, in the order of the list
    outlet: str
    title: str
    published: date | None  # None: the list gives no date (or "n.d.")
    published_precision: str | None  # "day", "month", "year"; None when undated
    author: str | None
    line: str  # the line as written
    line_number: int  # in the text, from 1


@dataclass(frozen=True)
class UnreadLine:
    """A line of a SOURCES list that looks like a reference but could not be read."""

    line_number: int
    line: str
    reason: str


@dataclass(frozen=True)
class SourcesList:
    references: tuple[Reference, ...]
    unread: tuple[UnreadLine, ...]
    start: int  # offset of the heading in the text
    end: int  # offset just after the list's last line


def find_sources_list(text: str) -> SourcesList | None:
    """The SOURCES list of a text: the last heading followed by at least one reference; None when
    the text has none."""
    for heading in reversed(list(HEADING.finditer(text))):
        found = read_list(text, heading.end())
        if found.references:
            return SourcesList(found.references, found.unread, heading.start(), found.end)
    return None


def read_list(text: str, start: int = 0) -> SourcesList:
    """Read references from the lines of `text` from offset `start` up to the end of the list."""
    references: list[Reference] = []
    unread: list[UnreadLine] = []
    entry: Reference | None = None
    end = start
    line_number = text.count("\n", 0, start) + 1
    offset = start
    for raw_line in text[start:].split("\n"):
        line_end = offset + len(raw_line)
        stripped = raw_line.strip()
        number, offset = line_number, line_end + 1
        line_number += 1
        if not stripped:
            continue
        parsed = parse_line(stripped, entry, position=len(references) + 1, line_number=number)
        if isinstance(parsed, Reference):
            references.append(parsed)
            if _is_entry(stripped):
                entry = parsed
        elif _looks_like_reference(stripped):
            unread.append(UnreadLine(number, stripped, parsed))
        else:
            break  # the analyst's own text after the list
        end = line_end
    return SourcesList(tuple(references), tuple(unread), start, end)


def parse_line(line: str, entry: Reference | None = None, *, position: int = 1, line_number: int = 1) -> Reference | str:
    """One line as a Reference, or the reason it cannot be read. `entry` is the entry a "- " line
    continues."""
    text = _NUMBERING.sub("", " ".join(line.translate(_QUOTES).split()))
    continuation = _CONTINUATION.match(text)
    if continuation:
        text = text[continuation.end() :]
    match = _ENTRY.fullmatch(text)
    if match is None:
        return "no title in double quotes"
    before, after = match.group("before").strip(" ,"), match.group("after").strip(" ,.")
    title = match.group("title").strip().rstrip(",").strip()
    if not title:
        return "an empty title"
    outlet_after, when = _outlet_and_date(after)
    if isinstance(when, str):
        return when
    if not all(_is_name(part) for part in (before, outlet_after) if part):
        return "words around the title that are not an outlet, an author or a date"
    if before and outlet_after:  # Karim, Ali, "Title," Outlet, 10/3/17
        author, outlet = before, outlet_after
    elif before:  # Outlet, "Title," 10/5/17
        author, outlet = None, before
    elif continuation and entry is not None:  # - "Title," [Outlet,] 10/4/17
        author, outlet = entry.author, outlet_after or entry.outlet
    elif continuation:
        return 'a "- " line with no entry above it to take the outlet from'
    elif outlet_after:  # "Title," Outlet, 10/5/17
        author, outlet = None, outlet_after
    else:
        return "no outlet before or after the title"
    day, precision = when if when else (None, None)
    return Reference(position, outlet, title, day, precision, author, line, line_number)


def _outlet_and_date(after: str) -> tuple[str | None, tuple[date, str] | None | str]:
    """What follows the title: [outlet,] [date]. The date is (day, precision), None when there is
    none, or the reason it cannot be read."""
    if not after:
        return None, None
    pieces = after.split(",")
    for cut in range(len(pieces)):  # the outlet is what comes before the first piece that starts a date
        outlet, tail = ",".join(pieces[:cut]).strip(), ",".join(pieces[cut:]).strip()
        if says_unknown(tail) or re.sub(r"[\s.]", "", tail.lower()) == "nd":
            return outlet or None, None
        found = parse_published_partial(tail)
        if found is not None:
            return outlet or None, found
    last = pieces[-1].strip()
    if _DATE_LIKE.match(last) or (any(ch.isdigit() for ch in last) and not any(ch.isalpha() for ch in last)):
        return None, f"the date {last!r} is not a date (write M/D/YY, YYYY-MM-DD or Oct. 5, 2017)"
    return after, None  # an outlet and no date


def _is_name(words: str) -> bool:
    """An outlet or an author: a few words, not a sentence."""
    split = words.split()
    sentence = re.search(r"[!?;:]|\.\s+\S", words) or (words.endswith(".") and len(split) > 3)
    # names are capitalised but for short words ("Institute for the Study of War"); a domain is a name
    lowercase = [w for w in split if w[:1].islower() and len(w) > 3 and "." not in w]
    return len(split) <= _LONGEST_NAME_WORDS and not sentence and len(lowercase) * 2 <= len(split)


def _is_entry(line: str) -> bool:
    """An entry names its own outlet or author before the title; a "- " line with nothing there
    continues the entry above."""
    text = _NUMBERING.sub("", line.translate(_QUOTES))
    continuation = _CONTINUATION.match(text)
    return continuation is None or not text[continuation.end() :].startswith('"')


def _looks_like_reference(line: str) -> bool:
    """A line a reader would take for a reference: a "- " or numbered line, a quoted title between a
    few words, or a few words ending in a date; a sentence around a quotation is the analyst's text."""
    text = line.translate(_QUOTES)
    if _CONTINUATION.match(text) or _NUMBERING.match(text):
        return True
    match = _ENTRY.fullmatch(text)
    if match:
        return all(_is_name(part.strip(" ,")) for part in (match.group("before"), match.group("after")) if part.strip(" ,"))
    tail = text.rsplit(",", 1)[-1].strip(" .")
    return "," in text and (parse_published_partial(tail) is not None or bool(_DATE_LIKE.match(tail)))
