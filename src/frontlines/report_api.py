"""The situation report of a period from any store: its events and who held what at its end."""

from __future__ import annotations

from datetime import date

from frontlines.api import events
from frontlines.control_api import control_on
from frontlines.errors import ControlError
from frontlines.outputs.report import Held, ReportPeriod, in_region, in_theatre, situation_report
from frontlines.store import Store
from frontlines.theatres import Theatre, load_theatre


def report(
    store: Store, since: date, until: date, *, region: str | None = None, theatre: Theatre | str | None = None, fmt: str = "md"
) -> str:
    """Markdown (`fmt="md"`) or HTML (`fmt="html"`) telling the events of since..until in order, control
    on `until`, and the SOURCES list. `region` is a province name, a country code or a place name;
    `theatre` (a theatre or its name) keeps the places in that war's countries."""
    if until < since:
        raise ControlError(f"the period ends ({until}) before it begins ({since})", hint="give --from before --to")
    if fmt not in ("md", "html"):
        raise ControlError(f"unknown format {fmt!r}", hint="md or html")
    war = load_theatre(theatre) if isinstance(theatre, str) else theatre
    found = [e for e in events(store, since=since, until=until) if in_theatre(e, war)]
    snapshot = control_on(store, until, theatre=war)
    held = [
        Held(p.name, None if p.contested else p.holder, tuple(p.contestants))
        for p in snapshot.places
        if not region or region.casefold() in {p.country.casefold(), (p.admin1 or "").casefold(), p.name.casefold()}
    ]
    return situation_report([e for e in found if in_region(e, region)], held, ReportPeriod(since, until, region, war.name if war else None), fmt=fmt)
