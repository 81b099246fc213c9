"""`frontlines report` and `frontlines chronology`: a period told from any store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from frontlines import api
from frontlines.cli import parse_iso_date
from frontlines.cli_theatres import load_theatre_option
from frontlines.theatres import Theatre

theatre_filter = click.option(
    "--theatre", callback=load_theatre_option, metavar="NAME|PATH", help="Only places in this war's countries (see `frontlines theatres`)."
)


@click.command(name="report")
@click.option("--from", "since", callback=parse_iso_date, required=True, help="First day, YYYY-MM-DD.")
@click.option("--to", "until", callback=parse_iso_date, required=True, help="Last day, YYYY-MM-DD.")
@click.option("--region", help="A province name, a country code (IQ) or a place name.")
@theatre_filter
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of the terminal.")
@click.pass_context
def report_command(
    ctx: click.Context, since: date, until: date, region: str | None, theatre: Theatre | None, fmt: str, out: Path | None
) -> None:
    """A situation report: the period's events in order, control at its end, and SOURCES.

    Every sentence comes from stored events and cites the reports behind it by number; background
    history is not told as news.

    \b
    Example:
      frontlines report --from 2017-10-20 --to 2017-11-20 --region Anbar --format html --out anbar.html
      frontlines report --from 2022-09-01 --to 2022-11-30 --theatre ukraine-2022
    """
    from frontlines.report_api import report

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        text = report(store, since, until, region=region, theatre=theatre, fmt=fmt)
    if out is None:
        click.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    click.echo(f"report: {out}")


@click.command(name="chronology")
@click.option("--from", "since", callback=parse_iso_date, required=True, help="First day, YYYY-MM-DD.")
@click.option("--to", "until", callback=parse_iso_date, required=True, help="Last day, YYYY-MM-DD.")
@click.option("--region", help="A province name, a country code (IQ) or a place name.")
@theatre_filter
@click.option("--title", help="The chronology's title (default: the region, or the war).")
@click.pass_context
def chronology_command(ctx: click.Context, since: date, until: date, region: str | None, theatre: Theatre | None, title: str | None) -> None:
    """One line per event of the period, with numbered references into its SOURCES list.

    \b
    Example:
      frontlines chronology --from 2017-10-20 --to 2017-11-20 --region Anbar
    """
    from frontlines.outputs.chronology import chronology
    from frontlines.outputs.report import in_region, in_theatre

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        found = [e for e in api.events(store, since=since, until=until) if in_region(e, region) and in_theatre(e, theatre)]
    default_title = region or (theatre.name if theatre else "the war")
    click.echo(chronology(found, title=title or default_title, period=(since, until)), nl=False)


@click.command(name="map")
@click.option("--on", "on", callback=parse_iso_date, help="The slider's first day, YYYY-MM-DD (default: the period's last).")
@click.option("--from", "since", callback=parse_iso_date, help="First day, YYYY-MM-DD (default: the first event's).")
@click.option("--to", "until", callback=parse_iso_date, help="Last day, YYYY-MM-DD (default: the last event's).")
@theatre_filter
@click.option("--title", help="The page's title.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default="map.html", show_default=True, help="The HTML file to write.")
@click.pass_context
def map_command(
    ctx: click.Context, on: date | None, since: date | None, until: date | None, theatre: Theatre | None, title: str | None, out: Path
) -> None:
    """An HTML map that works offline: places coloured by who held them, events with their sources.

    One self-contained file (Leaflet and a Natural Earth basemap inside): a slider moves through the
    period's days, recolouring places by control and showing the events up to the day.

    \b
    Example:
      frontlines map --from 2017-09-15 --to 2017-11-30 --on 2017-11-17 --out map.html
    """
    from frontlines.map_api import map_page

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        page = map_page(store, since=since, until=until, on=on, title=title, theatre=theatre)
    out.write_text(page, encoding="utf-8")
    click.echo(f"map: {out}")
