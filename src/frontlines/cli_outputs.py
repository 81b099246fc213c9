"""`frontlines report` and `frontlines chronology`: a period told from any store."""

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


@click.command(name="chronology")
@click.option("--from", "since", callback=parse_iso_date, required=True, help="First day, YYYY-MM-DD.")
@click.option("--to", "until", callback=parse_iso_date, required=True, help="Last day, YYYY-MM-DD.")
@click.option("--region", help="A province name, a country code (IQ) or a place name.")
@click.option("--title", help="The chronology's title (default: the region, or the war).")
@click.pass_context
def chronology_command(ctx: click.Context, since: date, until: date, region: str | None, title: str | None) -> None:
    """One line per event of the period, with numbered references into its SOURCES list.

    \b
    Example:
      frontlines chronology --from 2017-10-20 --to 2017-11-20 --region Anbar
    """
    from frontlines.outputs.chronology import chronology
    from frontlines.outputs.report import in_region

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        found = [e for e in api.events(store, since=since, until=until) if in_region(e, region)]
    click.echo(chronology(found, title=title or region or "the war", period=(since, until)), nl=False)
