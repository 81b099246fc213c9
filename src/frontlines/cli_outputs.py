"""`frontlines report`: the situation report of a period, from any store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from frontlines import api
from frontlines.cli import parse_iso_date


@click.command(name="report")
@click.option("--from", "since", callback=parse_iso_date, required=True, help="First day, YYYY-MM-DD.")
@click.option("--to", "until", callback=parse_iso_date, required=True, help="Last day, YYYY-MM-DD.")
@click.option("--region", help="A province name, a country code (IQ) or a place name.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of the terminal.")
@click.pass_context
def report_command(ctx: click.Context, since: date, until: date, region: str | None, fmt: str, out: Path | None) -> None:
    """A situation report: the period's events in order, control at its end, and SOURCES.

    Every sentence comes from stored events and cites the reports behind it by number; background
    history is not told as news.

    \b
    Example:
      frontlines report --from 2017-10-20 --to 2017-11-20 --region Anbar --format html --out anbar.html
    """
    from frontlines.report_api import report

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        text = report(store, since, until, region=region, fmt=fmt)
    if out is None:
        click.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    click.echo(f"report: {out}")
