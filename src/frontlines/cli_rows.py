"""How read commands write many rows: a table for a screenful, lines as they come for the rest.

A rich table is built whole before it is shown, which cost 96% of `timeline`'s 447 s at a million
events. So a table is drawn only on a terminal and for one page (at most :data:`TABLE_ROWS` rows),
followed by how many more there are and the options that show them; down a pipe, or with a
``--limit`` larger than a page, rows are written as tab-separated lines, one as each arrives, and
JSON is written an item at a time. Memory then stays that of one chunk of rows.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

import click
from rich.console import Console
from rich.table import Table

from frontlines.terminal import printable

TABLE_ROWS = 500  # the most rows a table shows; a terminal user pages with --offset for more

_CELL_BREAKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def limit_option(noun: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--limit N and --offset N for a command that lists `noun`."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = click.option(
            "--offset", type=click.IntRange(min=0), default=0, show_default=True, help=f"Skip the first N {noun}."
        )(command)  # fmt: skip
        return click.option(
            "--limit", type=click.IntRange(min=1), default=None,
            help=f"Show at most N {noun} (default: all; on a terminal, a table of {TABLE_ROWS} and how to see the rest).",
        )(command)  # fmt: skip

    return decorate


def wants_table(console: Console, limit: int | None) -> bool:
    """A table on a terminal, for one page; plain lines down a pipe or for more than a page."""
    return console.is_terminal and (limit is None or limit <= TABLE_ROWS)


def print_rows(
    console: Console,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    noun: str,
    limit: int | None,
    offset: int,
    total: Callable[[], int] | None = None,
) -> None:
    """Rows as a table (see :func:`wants_table`) or as tab-separated lines after a header line.

    A table shows one page; when more rows follow it says how many (`total` counts them all, when
    counting is cheap) and which options show the rest."""
    if not wants_table(console, limit):
        write_lines(columns, rows)
        return
    page = limit or TABLE_ROWS
    head = list(itertools.islice(rows, page + 1))
    more = len(head) > page
    head = head[:page]
    count = total() if more and total else None
    if not more:
        title = f"{len(head)} {noun}" if not offset else f"{noun} {offset + 1}-{offset + len(head)}"
    else:
        title = f"{noun} {offset + 1}-{offset + len(head)}" + (f" of {count}" if count is not None else "")
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in head:
        table.add_row(*map(printable, row))
    console.print(table)
    if more:
        left = f"{count - offset - len(head)} more {noun}" if count is not None else f"more {noun} follow"
        console.print(
            f"{left}: the next page with --offset {offset + len(head)} --limit {page}; all of them as lines when the output "
            "is piped (e.g. | less) or with --limit N"
        )  # fmt: skip


def write_lines(columns: Sequence[str], rows: Iterable[Sequence[object]], stream: TextIO | None = None) -> None:
    """A header line, then one tab-separated line per row as it comes; cells never break the line."""
    stream = stream or sys.stdout
    stream.write("\t".join(columns) + "\n")
    for row in rows:
        stream.write("\t".join(printable(cell).translate(_CELL_BREAKS) for cell in row) + "\n")


def write_json_array(items: Iterable[Any], stream: TextIO | None = None, *, head: str = "", tail: str = "") -> None:
    """A JSON array written an item at a time (one a line), between `head` and `tail` when it is a
    member of an object: ``head='{"place": "Rawa", "entries": '`` and ``tail="}"``."""
    stream = stream or sys.stdout
    stream.write(head + "[")
    for number, item in enumerate(items):
        stream.write(("\n" if number == 0 else ",\n") + json.dumps(item))
    stream.write("\n]" + tail + "\n")


def json_member(name: str, value: Any, *, first: bool = False) -> str:
    """`"name": value` as it goes inside an object being written piece by piece."""
    return ("{" if first else ", ") + json.dumps(name) + ": " + json.dumps(value)
