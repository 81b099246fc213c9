"""Theatres: one war each, as data. Its countries, period, armed groups and sides, what "the army"
means there, the capitals that stand for governments, and whom unclaimed bombings are put down to.

A theatre is a YAML file (see the bundled `data/theatres/iraq-syria-2014-2019.yaml`, which
documents every field). The extractor takes one as a dependency, so that nothing about a
particular war is written in Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from frontlines.errors import TheatreError

DEFAULT_THEATRE = "iraq-syria-2014-2019"


@dataclass(frozen=True)
class ArmedGroup:
    name: str
    side: str
    country: str | None = None  # the country whose force it is; None for a group across borders
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theatre:
    name: str
    countries: tuple[str, ...]  # ISO codes where place names are looked up, the first preferred
    start: date | None
    end: date | None
    groups: Mapping[str, ArmedGroup]  # canonical name -> group
    camps: Mapping[str, str]  # side -> the camp it fights in
    state_forces: Mapping[str, str]  # country -> the group "the army" means there
    capitals: Mapping[str, str]  # capital -> the group its government commands
    common_enemy: str | None = None
    blame_unclaimed_explosions_on: str | None = None
    place_name_articles: tuple[str, ...] = ()  # "al" of "al-Town"
    place_name_prefixes: tuple[str, ...] = ()  # "Umm" of "Umm Town"
    source: str = ""  # the file it was read from

    def camp_of(self, side: str | None) -> str | None:
        """The camp a side fights in; a side no camp lists is its own (and no armed camp at all)."""
        return None if side is None else self.camps.get(side, side)

    def is_armed_side(self, side: str | None) -> bool:
        return side in self.camps

    def state_forces_of(self, country: str | None) -> str | None:
        """The group "the army" means in a country: its state forces, else the theatre's first."""
        if country in self.state_forces:
            return self.state_forces[country]
        return next(iter(self.state_forces.values()), None)


def bundled_theatres() -> list[str]:
    """Names of the theatres shipped with frontlines, for `load_theatre(name)`."""
    return sorted(p.name.removesuffix(".yaml") for p in _bundled_folder().glob("*.yaml"))


def load_theatre(source: str | Path | None = None) -> Theatre:
    """A theatre from a YAML file, or a bundled one by name; the Iraq/Syria theatre by default."""
    if source is None or (isinstance(source, str) and source in bundled_theatres()):
        return _bundled(source or DEFAULT_THEATRE)
    return _read_theatre(Path(source))


def _bundled_folder() -> Path:
    return Path(str(resources.files("frontlines") / "data" / "theatres"))


@lru_cache(maxsize=8)
def _bundled(name: str) -> Theatre:
    return _read_theatre(_bundled_folder() / f"{name}.yaml")


def _read_theatre(path: Path) -> Theatre:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as exc:
        hint = f"check the path and its YAML syntax, or name a bundled theatre: {', '.join(bundled_theatres())}"
        raise TheatreError(path, f"cannot be read: {exc}", hint) from exc
    if not isinstance(data, dict):
        raise TheatreError(path, "is not a mapping", "see the bundled iraq-syria-2014-2019.yaml for its shape")
    groups = {name: _group(path, name, entry) for name, entry in _mapping(path, data, "groups").items()}
    countries = tuple(str(c) for c in data.get("countries") or ())
    if not countries or not all(len(c) == 2 and c.isupper() for c in countries):
        raise TheatreError(path, f"countries {list(countries)} are not two-letter codes", "write e.g. `countries: [IQ, SY]`")
    period = data.get("period") or {}
    camps = {str(side): str(camp) for camp, sides in _mapping(path, data, "camps").items() for side in sides or ()}
    theatre = Theatre(
        name=str(data.get("name") or path.stem),
        countries=countries,
        start=_day(path, period.get("start")),
        end=_day(path, period.get("end")),
        groups=groups,
        camps=camps,
        state_forces={str(k): str(v) for k, v in _mapping(path, data, "state_forces").items()},
        capitals={str(k): str(v) for k, v in _mapping(path, data, "capitals").items()},
        common_enemy=data.get("common_enemy") or None,
        blame_unclaimed_explosions_on=data.get("blame_unclaimed_explosions_on") or None,
        place_name_articles=tuple(str(a) for a in data.get("place_name_articles") or ()),
        place_name_prefixes=tuple(str(p) for p in data.get("place_name_prefixes") or ()),
        source=str(path),
    )
    _check_names(path, theatre)
    return theatre


def _group(path: Path, name: str, entry: object) -> ArmedGroup:
    if not isinstance(entry, dict) or not entry.get("side"):
        raise TheatreError(path, f"the group {name!r} has no side", f"write `{name}: {{side: state, aliases: [...]}}`")
    return ArmedGroup(name=name, side=str(entry["side"]), country=entry.get("country"), aliases=tuple(entry.get("aliases") or ()))


def _mapping(path: Path, data: dict, key: str) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise TheatreError(path, f"`{key}` is not a mapping", "see the bundled iraq-syria-2014-2019.yaml for its shape")
    return value


def _day(path: Path, value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise TheatreError(path, f"the period's {value!r} is not a date", "write it as YYYY-MM-DD") from exc


def _check_names(path: Path, theatre: Theatre) -> None:
    """Every group the theatre refers to is one of its groups: a typo would silently read no one."""
    named = [*theatre.state_forces.values(), *theatre.capitals.values()]
    named += [n for n in (theatre.common_enemy, theatre.blame_unclaimed_explosions_on) if n]
    for name in named:
        if name not in theatre.groups:
            raise TheatreError(path, f"{name!r} is not one of its groups", f"add it under `groups:` or use one of {sorted(theatre.groups)}")
