"""`frontlines gazetteer ...`: import GeoNames dumps, look names up, count what is there."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TransferSpeedColumn
from rich.table import Table

from frontlines import api
from frontlines.model import Place

# markup off: file and place names are printed as they are, never read as rich markup
console = Console(stderr=True, soft_wrap=True, highlight=False, markup=False)  # never wrap a message inside a path
out = Console(highlight=False, soft_wrap=True, markup=False)


def _countries(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """"--country IQ --country SY" or "--country IQ,SY"; ("*",) means every country; () the default."""
    codes = [code.strip().upper() for item in value for code in item.split(",") if code.strip()]
    if "*" in codes:
        return ("*",)
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise click.BadParameter(f"{code!r} is not a two-letter country code such as IQ or SY")
    return tuple(codes)


def _place_dict(place: Place, score: float) -> dict[str, Any]:
    return {
        "score": score, "key": place.key, "geonames_id": place.geonames_id, "name": place.name,
        "feature_class": place.feature_class, "feature_code": place.feature_code, "admin1": place.admin1,
        "country": place.country, "lat": place.lat, "lon": place.lon, "population": place.population,
    }  # fmt: skip


@click.group(name="gazetteer")
def gazetteer_group() -> None:
    """The gazetteer: import GeoNames dumps, look names up, count places.

    \b
    Example:
      frontlines gazetteer import IQ.zip SY.zip alternateNamesV2.zip
      frontlines gazetteer lookup "Al Qa'im"
    """


@gazetteer_group.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--country", "countries", multiple=True, callback=_countries,
              help="Keep places of these countries (IQ,SY or repeat; '*' for all). Default: a country file "
                   "whole, any other place file (allCountries) filtered to IQ,SY.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def import_command(ctx: click.Context, files: tuple[str, ...], countries: tuple[str, ...], as_json: bool) -> None:
    """Import GeoNames dumps (IQ.zip, allCountries.zip, alternateNamesV2.zip; .txt or .zip).

    Streams each file, writes it in chunks (one transaction each) and can be run again: a second
    import of the same file changes nothing. Place files go first, then alternate names, which are
    kept for places already known.

    \b
    Example:
      frontlines gazetteer import IQ.zip SY.zip alternateNamesV2.zip
      frontlines gazetteer import allCountries.zip --country IQ,SY,TR
    """
    from frontlines.gazetteer.geonames_import import import_geonames

    wanted = countries or None  # None: the per-file default; ("*",): every country
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeElapsedColumn())
    with api.open_store(ctx.obj["db"]) as store, Progress(*columns, console=console, transient=True,
                                                          disable=not console.is_terminal) as bar:  # fmt: skip
        tasks: dict[str, Any] = {}

        def progress(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(f"importing {label}", total=total or None)
            bar.update(tasks[label], completed=done)

        summary = import_geonames(store, files, countries=wanted, progress=progress)
    if as_json:
        out.print_json(json.dumps([
            {"file": f.file, "kind": f.kind, "lines": f.lines, "skipped": f.skipped, "seconds": round(f.seconds, 2),
             **f.counts.__dict__} for f in summary.files
        ]))  # fmt: skip
        return
    table = Table(title="gazetteer import")
    for column in ("file", "kind", "lines", "skipped", "places added", "updated", "unchanged", "names added", "removed", "seconds"):
        table.add_column(column, justify="left" if column in ("file", "kind") else "right")
    for f in summary.files:
        c = f.counts
        table.add_row(f.file, f.kind, *map(str, (f.lines, f.skipped, c.places_added, c.places_updated,
                      c.places_unchanged, c.names_added, c.names_removed)), f"{f.seconds:.1f}")  # fmt: skip
    out.print(table)
    if not summary.changed:
        out.print("nothing changed: everything in these files was already stored")


@gazetteer_group.command()
@click.argument("name")
@click.option("--country", "countries", multiple=True, callback=_countries,
              help="Countries to search, preferred first (IQ,SY or repeat; '*' for all). Default: every country.")  # fmt: skip
@click.option("--near", multiple=True, help="A place the story already named (repeatable): ranks shared names.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the candidates as JSON.")
@click.pass_context
def lookup(ctx: click.Context, name: str, countries: tuple[str, ...], near: tuple[str, ...], limit: int,
           as_json: bool) -> None:  # fmt: skip
    """Candidates for a place name, best first, with scores, feature, province and coordinates.

    Searches places worldwide in any script (GeoNames towns of 500 people or more, provinces,
    countries; the first worldwide search builds its index, once) plus what `frontlines gazetteer
    import` stored.

    \b
    Example:
      frontlines gazetteer lookup "Al Qa'im"
      frontlines gazetteer lookup Бахмут
      frontlines gazetteer lookup Sinjar --country SY,IQ --near Idlib --json
    """
    from frontlines.gazetteer.stored import lookup_in_store

    search = None if countries in ((), ("*",)) else countries
    with api.open_store(ctx.obj["db"]) as store:
        found = lookup_in_store(store, name, countries=search, near=near, limit=limit)
    if as_json:
        out.print_json(json.dumps([_place_dict(place, score) for place, score in found], ensure_ascii=False))
        return
    if not found:
        out.print(f"no place named {name!r} in {', '.join(search) if search else 'any country'}")
        return
    table = Table(title=f"{name}: {len(found)} candidate(s)")
    widest_key = max(len(place.key) for place, _ in found)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("key", no_wrap=True, min_width=widest_key)
    table.add_column("name", overflow="fold")
    for column in ("feature", "admin1", "cc", "lat, lon"):
        table.add_column(column, no_wrap=column != "admin1", overflow="fold")
    table.add_column("pop.", justify="right", no_wrap=True)
    for place, score in found:
        table.add_row(f"{score:.3f}", place.key, place.name, f"{place.feature_class}.{place.feature_code}", place.admin1,
                      place.country, f"{place.lat:.3f}, {place.lon:.3f}", str(place.population))  # fmt: skip
    out.print(table)


@gazetteer_group.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Counts of the gazetteer: bundled and imported places, names, countries, the import log.

    \b
    Example:
      frontlines gazetteer stats --json
    """
    from frontlines.gazetteer.stored import gazetteer_stats

    with api.open_store(ctx.obj["db"]) as store:
        found = gazetteer_stats(store)
    if as_json:
        out.print_json(json.dumps(found, ensure_ascii=False))
        return
    imported = found["imported"]
    out.print(f"{found['places']} places ({found['bundled_places']} bundled, {imported['places']} imported), "
              f"{found['distinct_names']} distinct normalised names ({imported['names']} names stored)")  # fmt: skip
    table = Table(title="places by country")
    table.add_column("country")
    table.add_column("places", justify="right")
    for country, count in found["places_by_country"].items():
        table.add_row(country, str(count))
    out.print(table)
    for record in found["imports"][-5:]:
        out.print(f"imported {record['file']} ({record['kind']}) at {record['finished_at']}: "
                  f"{record['places_added']} places added, {record['places_updated']} updated, "
                  f"{record['names_added']} names added")  # fmt: skip
