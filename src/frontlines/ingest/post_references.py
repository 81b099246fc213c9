"""An analyst's post with a SOURCES list: each cited headline as a short report of its own.

The post itself is stored as it was read; extraction stops at its SOURCES heading (see
``frontlines.extract.sentences.story_paragraphs``), so the cited titles are not read as the post's
own claims. Each title is read instead as what its outlet reported on its date: a report whose text
is the headline, from the outlet the list names, dated as the list dates it.
"""

from __future__ import annotations

from frontlines.ingest.bylines import first_name_first
from frontlines.ingest.fields import language_of
from frontlines.ingest.outlets import canonical_outlet
from frontlines.ingest.sources_list import HEADING, Reference, SourcesList, find_sources_list
from frontlines.model import Report


def post_sources(report: Report) -> SourcesList | None:
    """The SOURCES list of a report's text, or None (most reports have none: one quick search)."""
    if HEADING.search(report.text) is None:
        return None
    return find_sources_list(report.text)


def headline_origin(post: Report, position: int) -> str:
    """Where a cited headline came from: "post.txt#source-3"."""
    return f"{post.origin or '<post>'}#source-{position}"


def headline_report(post: Report, reference: Reference) -> Report:
    """The cited headline as a report: its text is the title, its outlet and date those of the list.

    ``raw`` is the headline written as a report file (title, outlet, date, author), so the same
    headline cited by two posts, or by one post ingested twice, is one report.
    """
    author = first_name_first(reference.author) if reference.author else None
    published = _declared(reference)
    header = [f"title: {reference.title}", f"outlet: {reference.outlet}", f"published: {published}"]
    if author:
        header.append(f"author: {author}")
    raw = ("\n".join(header) + "\n\n" + reference.title + "\n").encode("utf-8")
    return Report(
        outlet=canonical_outlet(reference.outlet),
        title=reference.title,
        published=reference.published,
        text=reference.title,
        raw=raw,
        language=language_of(None, reference.title),
        origin=headline_origin(post, reference.position),
        published_precision=reference.published_precision,
        published_source="header",  # the date the citing list declares for it
        author=author,
    )


def _declared(reference: Reference) -> str:
    day = reference.published
    if day is None:
        return "unknown"
    if reference.published_precision == "year":
        return f"{day.year:04d}"
    if reference.published_precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
