"""Who wrote a report: a byline as readers give it, and a name turned for a SOURCES list.

A report file's ``author:`` (or ``byline:``) header, an HTML page's ``<meta name="author">``, a
JSONL ``"author"``, a feed item's ``<author>`` or ``<dc:creator>``; failing those, a "By NAME" line
at the top of the text. Citation lists write the name last name first ("Karim, Ali").
"""

from __future__ import annotations

import re

# "By Ali Karim", "BY ALI KARIM", "By Ali Karim, Iraqi News", "By Ali Karim and Sara Hadi | Baghdad"
_NAME = r"[A-Z\u00c0-\u024f][\w'’.\-]*(?:\s+(?:[A-Z\u00c0-\u024f][\w'’.\-]*|al-\w+|bin|ibn|de|van|von))*"
_BY_LINE = re.compile(rf"(?i:by):?\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*?)\s*(?:[,|–—-]\s*(?P<rest>[^\n]{{0,40}}))?")
# "By Thursday, the army..." is a sentence, not a byline
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december the then now noon midnight early late dawn".split()
)
_EMAIL_NAME = re.compile(r"\S+@\S+\s*\((?P<name>[^)]+)\)")  # RSS <author>: "desk@example.com (Ali Karim)"
# a "By" line is a line of its own near the top, not a sentence
_LONGEST_BY_LINE = 80
_TOP_LINES = 3
_TOP_CHARS = 2000  # where those lines are looked for: a long text is not split whole


def byline(value: str | None) -> str | None:
    """A declared author, tidied: whitespace collapsed, a feed's "email (Name)" reduced to the name,
    a leading "By" dropped; None for nothing, a bare e-mail address or a URL (a profile link)."""
    if not value:
        return None
    text = " ".join(value.split())
    email = _EMAIL_NAME.fullmatch(text)
    if email:
        text = email.group("name").strip()
    text = re.sub(r"^by:?\s+", "", text, flags=re.IGNORECASE)
    if not text or "@" in text or text.lower().startswith(("http://", "https://", "www.")):
        return None
    return text[:200]


def byline_in_text(text: str) -> str | None:
    """The name of a "By NAME" line among the first lines of a text (a headline or dateline may come
    first, the story may not), or None."""
    lines = [line.strip() for line in text[:_TOP_CHARS].split("\n") if line.strip()][:_TOP_LINES]
    for line in lines:
        if len(line) > _LONGEST_BY_LINE or (line.endswith((".", "!", "?")) and len(line.split()) > 6):
            return None  # the story has begun: a byline comes before it
        match = _BY_LINE.fullmatch(line)
        if match is None or (match.group("rest") or "").endswith("."):
            continue
        if match.group("names").split()[0].lower().strip(".,") in _NOT_NAMES:
            continue
        return byline(match.group("names"))
    return None


def last_name_first(name: str) -> str:
    """ "Ali Karim" -> "Karim, Ali", as a SOURCES list starts a byline; a name already turned, a
    single name and several authors ("A and B") are kept as they are."""
    name = " ".join(name.split())
    if "," in name or " and " in name or "&" in name:
        return name
    parts = name.split(" ")
    if len(parts) < 2:
        return name
    return f"{parts[-1]}, {' '.join(parts[:-1])}"


def first_name_first(name: str) -> str:
    """ "Karim, Ali" -> "Ali Karim": a SOURCES list's byline as the article prints it."""
    last, comma, first = name.partition(",")
    if not comma or "," in first or not first.strip():
        return " ".join(name.split())
    return f"{first.strip()} {last.strip()}"
