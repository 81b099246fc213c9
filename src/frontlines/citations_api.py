"""Citation lists: the references of analysts' posts, stored at ingest and listed by
`frontlines references`."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from frontlines.ingest.post_references import headline_report, post_sources
from frontlines.model import Report
from frontlines.store import Store
from frontlines.store.citations_store import StoredCitation, read_citations, save_citations

log = logging.getLogger(__name__)


@dataclass
class CitationsStored:
    references: int = 0  # citation rows this call added
    headlines: list[int] = field(default_factory=list)  # ids of the headline reports it added
    undated_headlines: list[str] = field(default_factory=list)  # their origins, when the list gives no date
    unread: list[str] = field(default_factory=list)  # "origin, line N of its text: reason: the line"


def store_citations(store: Store, posts: Iterable[tuple[Report, int]]) -> CitationsStored:
    """For each stored post (report, its id) with a SOURCES list: its cited headlines as reports
    and one citation row per title, linked to the post and to the headline's report.

    Idempotent: a post stored before, and its headlines, add nothing; a post whose citations a
    killed run did not store gets them now. A line of the list that cannot be read is logged and
    returned in ``unread``; the others are stored.
    """
    result = CitationsStored()
    for post, post_id in posts:
        found = post_sources(post)
        if found is None:
            continue
        for line in found.unread:
            message = f"{post.origin}, line {line.line_number} of its text: {line.reason}: {line.line}"
            log.warning("a SOURCES line not read: %s", message)
            result.unread.append(message)
        headlines = [headline_report(post, reference) for reference in found.references]
        stored = store.add_reports(headlines)
        for headline, (report_id, is_new) in zip(headlines, stored, strict=True):
            if is_new:
                result.headlines.append(report_id)
                if headline.published is None:
                    result.undated_headlines.append(headline.origin)
        rows = [
            {
                "report_id": post_id,
                "position": reference.position,
                "author": reference.author[:200] if reference.author else None,  # the columns' width
                "outlet": reference.outlet[:200],
                "title": reference.title,
                "published": reference.published,
                "published_precision": reference.published_precision,
                "raw_line": reference.line,
                "cited_report_id": report_id,
            }
            for reference, (report_id, _new) in zip(found.references, stored, strict=True)
        ]
        result.references += save_citations(store, rows)
    return result


def references(store: Store, *, post: int | None = None) -> list[StoredCitation]:
    """The stored references of one post (its report id), or of every post, in list order."""
    return read_citations(store, None if post is None else [post])

