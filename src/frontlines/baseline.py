"""Baseline files: control an analyst knows, so that a timeline starts from facts.

YAML, a mapping with defaults and a list of places (or just the list):

    since: 2017-08-01
    source: public record, August 2017
    places:
      - {place: Rawa, country: IQ, holder: Islamic State}
      - {place: Mosul, holder: Iraqi forces, since: 2017-07-10, note: victory declared 10 July}

CSV, with a header: `place,holder,since[,country][,note]`. `holder` is an actor or "contested".
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from frontlines.errors import ControlError


@dataclass(frozen=True)
class BaselineRow:
    place: str
    holder: str
    since: date
    country: str | None = None
    note: str = ""
    source: str = ""
    origin: str = ""  # file and line or entry, for messages


def read_baseline(path: str | Path) -> list[BaselineRow]:
    """The rows of a baseline file (.yaml, .yml or .csv); errors name the file, entry and fix."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ControlError(f"cannot read the baseline file {file}: {exc.strerror}", hint="check the path") from exc
    if file.suffix.lower() == ".csv":
        return _from_csv(text, str(file))
    if file.suffix.lower() in (".yaml", ".yml"):
        return _from_yaml(text, str(file))
    raise ControlError(f"{file}: a baseline file must end in .yaml, .yml or .csv", hint="rename it or convert it")


def _from_yaml(text: str, origin: str) -> list[BaselineRow]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ControlError(f"{origin}: not valid YAML ({exc})", hint="check the indentation and quoting") from exc
    defaults: dict[str, Any] = {}
    if isinstance(data, dict):
        defaults = {k: v for k, v in data.items() if k != "places"}
        data = data.get("places")
    if not isinstance(data, list):
        raise ControlError(f"{origin}: no list of places", hint="write `places:` followed by entries like `- {place: Rawa, holder: Islamic State}`")
    return [_row({**defaults, **entry} if isinstance(entry, dict) else entry, f"{origin} entry {n}") for n, entry in enumerate(data, start=1)]


def _from_csv(text: str, origin: str) -> list[BaselineRow]:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"place", "holder", "since"} - set(reader.fieldnames or ())
    if missing:
        raise ControlError(f"{origin}: the header lacks {', '.join(sorted(missing))}", hint="the first line must be `place,holder,since[,country][,note]`")
    return [_row(dict(record), f"{origin} line {n}") for n, record in enumerate(reader, start=2)]


def _row(entry: Any, origin: str) -> BaselineRow:
    if not isinstance(entry, dict):
        raise ControlError(f"{origin}: not a mapping", hint="write `{place: Rawa, holder: Islamic State, since: 2017-08-01}`")
    place, holder, since = (str(entry.get(k) or "").strip() for k in ("place", "holder", "since"))
    if not place or not holder:
        raise ControlError(f"{origin}: needs a place and a holder", hint="e.g. `{place: Rawa, holder: Islamic State}`")
    try:
        day = date.fromisoformat(since)
    except ValueError as exc:
        raise ControlError(f"{origin}: {since!r} is not a date", hint="write since as YYYY-MM-DD, in the entry or once at the top") from exc
    return BaselineRow(
        place=place, holder=holder, since=day, country=(str(entry.get("country") or "").strip().upper() or None),
        note=str(entry.get("note") or ""), source=str(entry.get("source") or ""), origin=origin,
    )  # fmt: skip
