"""`frontlines chart`: the timeline chart of a store, as PNG or SVG."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from frontlines import api
from frontlines.cli import parse_iso_date


@click.command(name="chart")
@click.option("--from", "since", callback=parse_iso_date, help="First day, YYYY-MM-DD (default: the first event's).")
@click.option("--to", "until", callback=parse_iso_date, help="Last day, YYYY-MM-DD (default: the last event's).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("timeline.png"), show_default=True,
              help="The chart file: .png or .svg.")  # fmt: skip
@click.option("--title", default="Timeline", show_default=True, help="The chart's title.")
@click.pass_context
def chart_command(ctx: click.Context, since: date | None, until: date | None, out: Path, title: str) -> None:
    """A timeline chart: events per day by type, and places held per side per day.

    \b
    Example:
      frontlines chart --from 2017-10-01 --to 2017-11-20 --out timeline.svg
    """
    from frontlines.outputs.chart import timeline_chart

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        written = timeline_chart(store, out, since=since, until=until, title=title)
    click.echo(f"chart: {written}")
