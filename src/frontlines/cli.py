"""The `frontlines` command: thin commands over the library API."""

from __future__ import annotations

import json
import logging
import sys
from datetime import date

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from frontlines import api
from frontlines._version import __version__
from frontlines.cli_errors import EXIT_INPUT_REFUSED, FriendlyErrors, console
from frontlines.cli_rows import TABLE_ROWS, limit_option, print_rows, wants_table
from frontlines.cli_theatres import theatre_option
from frontlines.model import EVENT_TYPES, Event
from frontlines.terminal import plain, styled
from frontlines.theatres import Theatre

# markup off: report text, quotes and paths are printed as they are, never read as rich markup
out = Console(highlight=False, soft_wrap=True, markup=False)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )  # fmt: skip


def check_date_hint(_ctx: click.Context, param: click.Parameter, value: object) -> object:
    """--published DATE or --year YYYY: a date or year a report can have been published in."""
    from frontlines.ingest.published import date_hint

    if value is None:
        return None
    try:
        date_hint(year=int(value)) if param.name == "year" else date_hint(published=str(value))
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def parse_iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from exc


@click.group(cls=FriendlyErrors)
@click.version_option(__version__, prog_name="frontlines")
@click.option("--db", envvar="FRONTLINES_DB", help="Database: a SQLite file path or a postgresql:// (or postgres://) URL (default ./frontlines.db).")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens.")
@click.pass_context
def main(ctx: click.Context, db: str | None, verbose: bool) -> None:
    """frontlines: dated war reports in, sourced and geolocated events out.

    Exit status: 0 done, 1 some input refused, 2 usage or setup error, 3 internal error.

    \b
    Example:
      frontlines ingest reports/ && frontlines events --format jsonl
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"db": db}


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--no-extract", is_flag=True, help="Store the reports only; extract later with `frontlines extract`.")
@click.option("--max-bytes", type=int, default=None, help="Refuse inputs larger than this (default 20 MiB).")
@click.option("--fetch", is_flag=True, help="For feeds: fetch each item's page (network).")
@click.option("--published", "published", callback=check_date_hint, metavar="DATE",
              help="Publication date of reports whose own header gives none: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--year", "year", type=int, callback=check_date_hint, metavar="YYYY",
              help="For a batch from one year: a report's own date must lie in it, a dateline's day and month take it.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@theatre_option
@click.pass_context
def ingest(
    ctx: click.Context, inputs: tuple[str, ...], no_extract: bool, max_bytes: int | None, fetch: bool,
    published: str | None, year: int | None, as_json: bool, theatre: Theatre | None,
) -> None:  # fmt: skip
    """Ingest report files, HTML pages, RSS/Atom feeds, JSONL, folders, or - for stdin.

    A report is kept whatever its date: from its header, --published/--year, the page's metadata,
    the URL, a dateline or the text; one with none is stored undated and flagged.

    \b
    Example:
      frontlines ingest reports/ feed.xml extra.jsonl
      cat report.txt | frontlines ingest -
      frontlines ingest --year 2017 saved-pages/
      frontlines ingest --theatre ukraine-2022 kharkiv-reports/
    """
    from frontlines.config import MAX_INPUT_BYTES
    from frontlines.ingest.published import date_hint

    if published and year:
        raise click.UsageError("give --published DATE or --year YYYY, not both")
    with api.open_store(ctx.obj["db"]) as store, _progress() as bar:
        task = bar.add_task("extracting", total=None)
        result = api.ingest(
            inputs, store=store, run_extraction=not no_extract, stdin=sys.stdin.buffer,
            max_bytes=max_bytes or MAX_INPUT_BYTES, fetch=fetch, dates=date_hint(published, year), theatre=theatre,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )  # fmt: skip
    if as_json:
        out.print_json(json.dumps({
            "added": len(result.added), "duplicates": result.duplicates, "claims": result.claims,
            "events": result.events, "undated": len(result.undated), "problems": [p.__dict__ for p in result.problems],
            "references": result.references, "unread_references": result.unread_references,
        }))  # fmt: skip
    else:
        table = Table(title="ingest")
        for column in ("new reports", "already stored", "new claims", "new events", "problems"):
            table.add_column(column, justify="right")
        table.add_row(*map(str, (len(result.added), result.duplicates, result.claims, result.events, len(result.problems))))
        out.print(table)
        if result.undated:
            console.print(plain(
                f"{len(result.undated)} new report(s) have no publication date (e.g. {result.undated[0]}): stored and "
                "flagged; their events are dated only where the text gives a full date"
            ))  # fmt: skip
        if result.references:
            console.print(plain(f"{result.references} reference(s) read from SOURCES lists; each cited headline is stored as a short report"))
        for line in result.unread_references:
            console.print(styled(("? SOURCES line not read: ", "yellow"), (line, "")))
        for problem in result.problems:
            console.print(styled(("✗ " + problem.origin, "red"), (": " + problem.reason, "")))
            console.print(styled(("  hint:", "yellow"), (" " + problem.hint, "")))
    if result.problems:
        sys.exit(EXIT_INPUT_REFUSED)


@main.command()
@theatre_option
@click.pass_context
def extract(ctx: click.Context, theatre: Theatre | None) -> None:
    """Extract claims from stored reports not yet extracted, then fuse events.

    Each report is read in the war it names (see `frontlines theatres`), or all in --theatre.

    \b
    Example:
      frontlines ingest --no-extract reports/ && frontlines extract
      frontlines extract --theatre sudan-2023
    """
    with api.open_store(ctx.obj["db"], must_exist=True) as store, _progress() as bar:
        task = bar.add_task("extracting", total=None)
        saved = api.extract(store, theatre=theatre, progress=lambda done, total: bar.update(task, completed=done, total=total))
        total = store.count("events")
    out.print(f"{saved} claims extracted; {total} events stored")


@main.command()
@click.option("--place", help="Any spelling of a place name (al-Qaim, Qaim, القائم).")
@click.option("--since", callback=parse_iso_date, help="First day, YYYY-MM-DD.")
@click.option("--until", callback=parse_iso_date, help="Last day, YYYY-MM-DD.")
@click.option("--type", "types", multiple=True, type=click.Choice(EVENT_TYPES), help="Event type (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "geojson", "acled"]), default="table", show_default=True,
              help="table: a table on a terminal (one page), tab-separated lines when piped; geojson: a FeatureCollection; acled: CSV in ACLED's columns.")
@click.option("--include-rejected", is_flag=True, help="Also list the events an analyst rejected (review: rejected).")
@click.option("--needs-review", is_flag=True, help="Only the review queue: unreviewed events that are disputed, captures told by one outlet, or of low confidence.")
@limit_option("events")
@click.pass_context
def events(
    ctx: click.Context, place: str | None, since: date | None, until: date | None, types: tuple[str, ...], fmt: str,
    include_rejected: bool, needs_review: bool, limit: int | None, offset: int,
) -> None:  # fmt: skip
    """List events with their ids, review states and sources, oldest first, as they are read.

    An event rejected with `frontlines note --verdict reject` is left out unless --include-rejected.

    \b
    Example:
      frontlines events --place Qaim --since 2017-10-26 --format jsonl
      frontlines events --format geojson > events.geojson
      frontlines events --limit 100 --offset 200
      frontlines events --needs-review
    """
    from frontlines.outputs.acled import acled_csv_lines
    from frontlines.outputs.exports import event_csv_lines, event_jsonl_lines
    from frontlines.outputs.geojson import geojson_lines

    filters = {"place": place, "since": since, "until": until, "types": list(types) or None, "include_rejected": include_rejected, "needs_review": needs_review}
    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        table = fmt == "table" and wants_table(out, limit)
        if table:
            limit = limit or TABLE_ROWS  # one page, and one event more to know whether more follow
        found = api.iter_events(store, **filters, limit=limit + 1 if table and limit else limit, offset=offset)
        writers = {"jsonl": event_jsonl_lines, "csv": event_csv_lines, "geojson": geojson_lines, "acled": acled_csv_lines}
        if fmt in writers:
            sys.stdout.writelines(writers[fmt](found))
            return
        rows = (
            (
                ev.id, ev.date.isoformat() if ev.date else "", ev.event_type, ev.place.name if ev.place else (ev.place_name or ""),
                ev.actor or "", "" if ev.fatalities is None else ev.fatalities, "" if ev.review == "none" else ev.review,
                len(ev.sources), _first_quote(ev),
            )
            for ev in found
        )  # fmt: skip
        columns = ("id", "date", "type", "place", "actor", "killed", "review", "sources", "first quote")
        print_rows(out, columns, rows, noun="events", limit=limit, offset=offset, total=lambda: api.count_events(store, **filters))


def _first_quote(event: Event) -> str:
    quote = event.sources[0].quote if event.sources else ""
    return (quote[:80] + "…") if len(quote) > 80 else quote


@main.command(name="eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--show-errors", is_flag=True, help="List missed gold events and false alarms.")
def eval_command(directory: str, as_json: bool, show_errors: bool) -> None:
    """Score extraction against the gold files (X.gold.jsonl beside X.txt) in DIRECTORY.

    \b
    Example:
      frontlines eval src/frontlines/data/demo/reports --json
    """
    with _progress() as bar:
        task = bar.add_task("reading the gold reports", total=None)
        result = api.evaluate(directory, progress=lambda done, total: bar.update(task, completed=done, total=total))
    if as_json:
        out.print_json(json.dumps(result.as_dict()))
        return
    table = Table(title=f"extraction vs gold ({result.reports} reports)")
    for column in ("event type", "precision", "recall", "predicted", "required gold"):
        table.add_column(column, justify="right")
    rows = [("ALL", result.overall)] + sorted(result.by_type.items())
    for name, tally in rows:
        table.add_row(name, f"{tally.precision:.3f}", f"{tally.recall:.3f}", str(tally.predicted), str(tally.required))
    out.print(table)
    fields = Table(title=f"field accuracy over {result.field_pairs} same-sentence pairs")
    for name in result.field_accuracy():
        fields.add_column(name, justify="right")
    fields.add_row(*(f"{v:.3f}" for v in result.field_accuracy().values()))
    out.print(fields)
    if show_errors:
        for line in result.misses:
            out.print(styled(("missed", "red"), (" " + line, "")))
        for line in result.false_alarms:
            out.print(styled(("extra", "yellow"), ("  " + line, "")))


@main.command()
@click.option("--out", "out_dir", default="frontlines-demo", show_default=True, help="Folder for the database and outputs.")
def demo(out_dir: str) -> None:
    """Run the whole pipeline on the bundled demo corpus and print a chronology.

    \b
    Example:
      frontlines demo --out /tmp/demo
    """
    from frontlines.demo import run_demo

    with _progress() as bar:
        task = bar.add_task("extracting", total=None)
        result = run_demo(out_dir, progress=lambda done, total: bar.update(task, completed=done, total=total))
    out.print(plain(result.chronology))
    out.print(plain(f"{len(result.ingest.added)} reports, {result.ingest.claims} claims, {result.event_count} events", "bold"))
    out.print(f"database: {result.database}")
    for name, path in result.outputs.items():
        out.print(f"{name}: {path}")
# Command groups that live in their own modules, registered last (they import this module's helpers).
from frontlines.cli_charts import chart_command  # noqa: E402
from frontlines.cli_control import control_group, history_command, note_command, timeline_command  # noqa: E402
from frontlines.cli_gazetteer import gazetteer_group  # noqa: E402
from frontlines.cli_outputs import chronology_command, map_command, report_command  # noqa: E402
from frontlines.cli_reader import train_command  # noqa: E402
from frontlines.cli_references import references_command  # noqa: E402
from frontlines.cli_serve import serve_command  # noqa: E402
from frontlines.cli_theatres import theatres_command  # noqa: E402
from frontlines.cli_users import user_group  # noqa: E402

for _command in (gazetteer_group, control_group, history_command, timeline_command, note_command, train_command, report_command, chronology_command, map_command, chart_command, references_command, theatres_command, serve_command, user_group):
    main.add_command(_command)
