"""`frontlines theatres`, and the `--theatre` option of the commands that read reports."""

from __future__ import annotations

import json

import click
from rich.console import Console

from frontlines.cli_rows import print_rows
from frontlines.theatres import Theatre, all_theatres, describe, load_theatre

# markup off: names and paths are printed as they are
out = Console(highlight=False, soft_wrap=True, markup=False)


def load_theatre_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Theatre | None:
    """The theatre named (bundled or the user's) or the file given; an unreadable one is a friendly error."""
    return None if value is None else load_theatre(value)


theatre_option = click.option(
    "--theatre", callback=load_theatre_option, metavar="NAME|PATH",
    help="Read every report in this war (see `frontlines theatres`, or a theatre file); default: each report's own, from what it names.",
)  # fmt: skip


@click.command(name="theatres")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def theatres_command(as_json: bool) -> None:
    """List the wars frontlines reads: the bundled theatres and those in FRONTLINES_THEATRES.

    A report is read in the war it names; `--theatre NAME` on ingest and extract reads every
    report in one. Add a war by writing a theatre file into the folder FRONTLINES_THEATRES names
    (see docs/theatres.md).

    \b
    Example:
      frontlines theatres
      FRONTLINES_THEATRES=~/wars frontlines theatres --json
    """
    listed = [describe(theatre) for theatre in all_theatres()]
    if as_json:
        out.print_json(json.dumps(listed))
        return
    rows = (
        (row["key"], row["name"], " ".join(row["countries"]), f"{row['start'] or ''}..{row['end'] or ''}", row["groups"], row["source"])  # type: ignore[arg-type]
        for row in listed
    )
    print_rows(out, ("theatre", "name", "countries", "period", "groups", "file"), rows, noun="theatres", limit=None, offset=0)
