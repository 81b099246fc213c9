"""`frontlines control`, `history`, `timeline` and `note`: thin commands over `frontlines.control_api`."""

from __future__ import annotations

import functools
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

import click
from rich.console import Console

from frontlines import api
from frontlines.cli import parse_iso_date
from frontlines.cli_rows import TABLE_ROWS, json_member, limit_option, print_rows, wants_table, write_json_array
from frontlines.cli_theatres import load_theatre_option
from frontlines.model import CORRECTABLE, VERDICTS
from frontlines.terminal import plain, printable

if TYPE_CHECKING:  # SQLAlchemy loads only when a command runs
    from frontlines.history_api import HistoryEntry
    from frontlines.theatres import Theatre

# markup off: place names, quotes and titles are printed as they are, never read as rich markup
out = Console(highlight=False, soft_wrap=True, markup=False)




@click.group(name="control", invoke_without_command=True)
@click.option("--on", "day", callback=parse_iso_date, help="The day, YYYY-MM-DD (default: today).")
@click.option("--actor", help="Only places this actor held (e.g. 'Islamic State').")
@click.option("--country", help="Only places in this country (ISO code, e.g. IQ).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "geojson"]), default="table", show_default=True)
@click.option("--theatre", callback=load_theatre_option, metavar="NAME|PATH",
              help="Only places in this war's countries (see `frontlines theatres`).")
@limit_option("places")
@click.pass_context
def control_group(
    ctx: click.Context, day: date | None, actor: str | None, country: str | None, fmt: str, theatre: Theatre | None,
    limit: int | None, offset: int,
) -> None:  # fmt: skip
    """Who held each place on a day, contested places included, and each province's tally.

    Subcommands record what an analyst knows: `set` one place, `baseline` a file of them;
    `rebuild` recomputes the timeline after the rules (data/control.yaml) change.

    \b
    Example:
      frontlines control baseline src/frontlines/data/demo/baseline.yaml
      frontlines control --on 2017-11-10 --country IQ
      frontlines control --on 2023-06-01 --theatre ukraine-2022
      frontlines control --on 2017-11-10 --actor "Islamic State" --format geojson > is.geojson
    """
    if ctx.invoked_subcommand is not None:
        return
    from frontlines import control_api  # SQLAlchemy, only when a command runs

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        snapshot = control_api.control_on(store, day or date.today(), actor=actor, country=country, theatre=theatre)
    places = snapshot.places[offset:][:limit]
    if fmt == "json":  # the provinces, then the places written one at a time
        head = json_member("date", snapshot.day.isoformat(), first=True) + json_member("provinces", snapshot.province_dicts())
        write_json_array(map(control_api.held_place_dict, places), head=head + ', "places": ', tail="}")
        return
    if fmt == "geojson":
        sys.stdout.write(json.dumps(snapshot.as_geojson()) + "\n")
        return
    table = wants_table(out, limit)
    page = (limit or TABLE_ROWS) if table else limit
    rows = [
        (held.name, held.province, f"contested ({', '.join(held.contestants)})" if held.contested and held.contestants else held.label,
         held.start.isoformat(), f"{held.confidence:.2f}", held.basis, " ".join(map(str, held.event_ids[-5:])))
        for held in snapshot.places[offset:][: None if page is None else page + table]  # a table: one more, to tell of the rest
    ]  # fmt: skip
    columns = ("place", "province", "held by", "since", "confidence", "basis", "events")
    print_rows(out, columns, rows, noun=f"places on {snapshot.day.isoformat()}", limit=page, offset=offset, total=lambda: len(snapshot.places))
    for province in snapshot.provinces:
        out.print(plain(f"{province.province} ({province.country}): {province.text}"))


@control_group.command(name="set")
@click.argument("place")
@click.argument("actor")
@click.option("--since", "since", callback=parse_iso_date, required=True, help="From this day, YYYY-MM-DD.")
@click.option("--country", help="ISO code, when the name is shared across countries.")
@click.option("--note", default="", help="Why (a source, a map).")
@click.pass_context
def set_command(ctx: click.Context, place: str, actor: str, since: date, country: str | None, note: str) -> None:
    """Record that ACTOR (or "contested") held PLACE from --since: an analyst's fact the timeline starts from.

    \b
    Example:
      frontlines control set Rawa "Islamic State" --since 2017-08-01
    """
    from frontlines import control_api  # SQLAlchemy, only when a command runs

    with api.open_store(ctx.obj["db"]) as store:
        found = control_api.set_control(store, place, actor, since, country=country, note=note)
    out.print(plain(f"{found.name} ({found.admin1}, {found.country}): {actor} since {since.isoformat()}"))


@control_group.command(name="baseline")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def baseline_command(ctx: click.Context, file: str) -> None:
    """Load a baseline of known control from a YAML or CSV file (see frontlines.baseline for the format).

    \b
    Example:
      frontlines control baseline src/frontlines/data/demo/baseline.yaml
    """
    from frontlines import control_api  # SQLAlchemy, only when a command runs

    with api.open_store(ctx.obj["db"]) as store:
        count = control_api.load_baseline(store, file)
    out.print(f"{count} baseline entries stored")


@control_group.command(name="rebuild")
@click.option("--events", "events_too", is_flag=True, help="Fuse every claim into events again first (after editing data/fusion.yaml).")
@click.pass_context
def rebuild_command(ctx: click.Context, events_too: bool) -> None:
    """Recompute every control span (after editing data/control.yaml).

    \b
    Example:
      frontlines control rebuild --events
    """
    from frontlines import control_api  # SQLAlchemy, only when a command runs

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        if events_too:
            api.refuse(store, rebuild=True)
        spans = control_api.rebuild_control(store)
        events = store.count("events")
    out.print(f"{events} events, {spans} control spans")


@click.command(name="history")
@click.argument("place")
@click.option("--country", help="ISO code, when the name is shared across countries.")
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@limit_option("entries")
@click.pass_context
def history_command(ctx: click.Context, place: str, country: str | None, as_json: bool, limit: int | None, offset: int) -> None:
    """Everything known about a place, oldest first: events with their sources, baseline, control, notes.

    \b
    Example:
      frontlines history Rawa
      frontlines history Rawa --json --limit 50
    """
    from frontlines import control_api  # SQLAlchemy, only when a command runs

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        found, entries = control_api.iter_history(store, place, country=country, limit=limit, offset=offset)
        if as_json:
            head = json_member("place", found.name, first=True) + json_member("place_key", found.key) + ', "entries": '
            write_json_array(map(_history_dict, entries), head=head, tail="}")
            return
        out.print(plain(found.name, "bold") + plain(f" ({found.admin1}, {found.country})"))
        for entry in entries:
            prefix = f"[{entry.event.id}] " if entry.event else ""
            lines = [prefix + entry.text] + [f"    {s.outlet}, \"{s.title},\" {s.published or 'n.d.'}: {s.quote}" for s in entry.sources]
            sys.stdout.write("".join(printable(line).replace("\n", " ") + "\n" for line in lines))


def _history_dict(entry: HistoryEntry) -> dict[str, object]:
    return {
        "date": entry.day.isoformat() if entry.day else None, "kind": entry.kind, "text": entry.text,
        "event_id": entry.event.id if entry.event else None,
        "sources": [{"outlet": s.outlet, "title": s.title, "published": s.published.isoformat() if s.published else None,
                     "url": s.url, "quote": s.quote} for s in entry.sources],
    }  # fmt: skip


@click.command(name="timeline")
@click.option("--place", help="One place (any spelling).")
@click.option("--region", help="A province (Anbar) or a country code (IQ).")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@limit_option("changes")
@click.pass_context
def timeline_command(ctx: click.Context, place: str | None, region: str | None, as_json: bool, limit: int | None, offset: int) -> None:
    """Changes of control in date order, for a place, a province, a country or everywhere.

    \b
    Example:
      frontlines timeline --region Anbar
      frontlines timeline --place "Albu Kamal"
      frontlines timeline --limit 1000 > changes.tsv
    """
    from frontlines import control_api  # SQLAlchemy, only when a command runs

    table = not as_json and wants_table(out, limit)
    page = (limit or TABLE_ROWS) if table else limit
    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        changes = control_api.iter_timeline(store, place=place, region=region, limit=page + 1 if table and page else page, offset=offset)
        if as_json:
            write_json_array(
                {"date": ch.day.isoformat(), "place": ch.place.name, "province": ch.place.admin1, "country": ch.place.country,
                 "before": ch.before, "after": ch.after, "contestants": list(ch.span.contestants), "basis": ch.span.basis,
                 "events": list(ch.span.event_ids), "confidence": ch.span.confidence}
                for ch in changes
            )  # fmt: skip
            return
        rows = (
            (ch.day.isoformat(), ch.place.name, ch.before or "",
             f"contested ({', '.join(ch.span.contestants)})" if ch.span.contested and ch.span.contestants else ch.after,
             ch.span.basis, " ".join(map(str, ch.span.event_ids[-5:])))
            for ch in changes
        )  # fmt: skip
        columns = ("date", "place", "from", "to", "basis", "events")
        count = functools.partial(control_api.count_timeline, store, place=place, region=region)
        print_rows(out, columns, rows, noun="changes of control", limit=page, offset=offset, total=count)


def _corrections(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> dict[str, str]:
    fixes: dict[str, str] = {}
    for item in value:
        name, sep, text = item.partition("=")
        if not sep or name.strip() not in CORRECTABLE:
            raise click.BadParameter(f"{item!r}: write FIELD=VALUE with FIELD one of {', '.join(CORRECTABLE)}")
        fixes[name.strip()] = text.strip()
    return fixes


@click.command(name="note")
@click.argument("body")
@click.option("--event", "event_id", type=int, help="The event the note is on (its id in `frontlines events`/`history`).")
@click.option("--report", "report_id", type=int, help="The report the note is on.")
@click.option("--verdict", type=click.Choice(VERDICTS), help="confirm, reject or correct; none for a comment.")
@click.option("--set", "corrections", multiple=True, callback=_corrections, help="With --verdict correct: FIELD=VALUE (date, actor, target_actor, place, event_type).")
@click.option("--author", envvar="USER", default="analyst", show_default=True, help="Who writes the note.")
@click.pass_context
def note_command(ctx: click.Context, body: str, event_id: int | None, report_id: int | None, verdict: str | None, corrections: dict[str, str], author: str) -> None:
    """Add an analyst's note to an event or a report; a verdict flows into fusion and control.

    \b
    Example:
      frontlines note --event 35 --verdict reject "Rawa was not taken in September"
      frontlines note --event 109 --verdict correct --set actor="Syrian forces" "the Syrian army took it"
    """
    if (event_id is None) == (report_id is None):
        raise click.UsageError("give one of --event ID or --report ID")
    kind, target = ("event", event_id) if event_id is not None else ("report", report_id)
    from frontlines import control_api  # SQLAlchemy, only when a command runs

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        note_id = control_api.add_note(store, kind, target, body, author=author, verdict=verdict, corrections=corrections)  # type: ignore[arg-type]
    out.print(plain(f"note {note_id} on {kind} {target}" + (f" ({verdict})" if verdict else "")))
