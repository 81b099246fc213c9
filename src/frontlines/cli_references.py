"""`frontlines references`: the SOURCES lists of the posts ingested, one cited title a row."""

from __future__ import annotations

import json
import sys

import click

from frontlines import api
from frontlines.cli import out
from frontlines.cli_rows import print_rows

COLUMNS = ("post", "n", "author", "outlet", "title", "published", "report")


@click.command(name="references")
@click.option("--post", "post", type=int, metavar="REPORT_ID", help="Only the references of this post (its report id).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="table: a table on a terminal, tab-separated lines when piped; jsonl: one JSON object a line.")  # fmt: skip
@click.pass_context
def references_command(ctx: click.Context, post: int | None, fmt: str) -> None:
    """List the references of analysts' posts: each title of a post's SOURCES list, in list order.

    Each row is one cited title (author, outlet, title, date) with the post that cites it and the
    report its headline became when ingested (`report`); an undated title shows no date.

    \b
    Example:
      frontlines ingest post.txt && frontlines references --post 1
      frontlines references --format jsonl
    """
    from frontlines.citations_api import references

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        found = references(store, post=post)
    if fmt == "jsonl":
        for c in found:
            record = {
                "post": c.post_id, "position": c.position, "author": c.author, "outlet": c.outlet, "title": c.title,
                "published": c.published.isoformat() if c.published else None, "published_precision": c.published_precision,
                "report": c.cited_report_id, "line": c.raw_line,
            }  # fmt: skip
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    rows = (
        (c.post_id, c.position, c.author or "", c.outlet, c.title, c.published.isoformat() if c.published else "", c.cited_report_id or "")
        for c in found
    )
    print_rows(out, COLUMNS, rows, noun="references", limit=None, offset=0)
