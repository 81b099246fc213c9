"""Theatres: one war each, as data. Its countries, period, armed groups and sides, what "the army"
means there, the capitals that stand for governments, and whom unclaimed bombings are put down to.

A theatre is a YAML file (see the bundled `data/theatres/iraq-syria-2014-2019.yaml`, which
documents every field). The extractor takes one as a dependency, so that nothing about a
particular war is written in Python. A user adds a war by writing a file into the folder named by
FRONTLINES_THEATRES: it is then listed, loaded by name and matched like the bundled ones (a user
file with a bundled theatre's name replaces it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from frontlines.errors import TheatreError

DEFAULT_THEATRE = "iraq-syria-2014-2019"
# The war a report is read in when it names none of the theatres: any war, places looked up in every
# country, "the army" the state forces of the country where it happened.
FALLBACK_THEATRE = "world"
USER_THEATRES_VARIABLE = "FRONTLINES_THEATRES"  # a folder of the user's theatre files


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
    cues: tuple[str, ...] = ()  # words that tell a report is about this war: countries, demonyms, cities
    source: str = ""  # the file it was read from
    key: str = ""  # the file's name without .yaml: what `load_theatre(key)` and `--theatre` take
    # "{demonym} forces": how "the army" is named in a country `state_forces` does not list
    state_forces_pattern: str | None = None

    @property
    def anywhere(self) -> bool:
        """No countries listed: place names are looked up in every country."""
        return not self.countries

    def camp_of(self, side: str | None) -> str | None:
        """The camp a side fights in; a side no camp lists is its own (and no armed camp at all)."""
        return None if side is None else self.camps.get(side, side)

    def is_armed_side(self, side: str | None) -> bool:
        return side in self.camps

    def state_forces_of(self, country: str | None) -> str | None:
        """The group "the army" means in a country: its state forces; else, with a pattern, the
        country's forces by name ("Nigerian forces"); else the theatre's first."""
        if country in self.state_forces:
            return self.state_forces[country]
        if self.state_forces_pattern and country:
            return self.state_forces_pattern.format(demonym=demonym(country))
        return next(iter(self.state_forces.values()), None)


def holds_for(theatre: Theatre) -> dict[str, str]:
    """Group -> the state forces it holds ground for: a militia, a foreign force or a mercenary group
    fighting in the camp of a state's forces holds what it takes for them (the Popular Mobilization
    Forces for Iraqi forces, Wagner for Russian forces in Ukraine). A group with a country holds for
    that country's state forces when they share its camp; one without holds for the only state
    forces of its camp. State forces hold for themselves; a camp with no or several state forces
    holds for no one (the US-led coalition in Iraq and Syria fights beside two states' armies)."""
    states = set(theatre.state_forces.values())
    side = {name: theatre.camp_of(group.side) for name, group in theatre.groups.items()}
    found: dict[str, str] = {}
    for name, group in theatre.groups.items():
        if name in states or not theatre.is_armed_side(group.side):
            continue
        own = theatre.state_forces.get(group.country or "")
        allies = {s for s in states if side[s] == side[name]}
        if own is not None and own in allies:
            found[name] = own
        elif own is None and len(allies) == 1:
            found[name] = next(iter(allies))
    return found


def holds_for_in_every_war(theatres: list[Theatre]) -> dict[str, str]:
    """`holds_for` of every theatre at once, leaving out a group two wars read differently (Wagner
    holds for Russian forces in Ukraine, for no state in Libya): control is kept by group names."""
    read: dict[str, set[str | None]] = {}
    for theatre in theatres:
        mine = holds_for(theatre)
        for name in theatre.groups:
            read.setdefault(name, set()).add(mine.get(name))
    agreed: dict[str, str] = {}
    for name, held in read.items():
        only = held.pop() if len(held) == 1 else None
        if only is not None:
            agreed[name] = only
    return agreed


def bundled_theatres() -> list[str]:
    """Names of the theatres shipped with frontlines, for `load_theatre(name)`."""
    return sorted(p.name.removesuffix(".yaml") for p in _bundled_folder().glob("*.yaml"))


def theatre_files() -> dict[str, Path]:
    """Every theatre by name -> its file: the bundled ones, then the user's (FRONTLINES_THEATRES) over them."""
    files = {path.name.removesuffix(".yaml"): path for path in sorted(_bundled_folder().glob("*.yaml"))}
    folder = os.environ.get(USER_THEATRES_VARIABLE, "")
    if folder:
        files |= {path.name.removesuffix(".yaml"): path for path in sorted(Path(folder).expanduser().glob("*.yaml"))}
    return dict(sorted(files.items()))


def all_theatres() -> list[Theatre]:
    """Every theatre, bundled and the user's, by name: those a report is matched against."""
    return [_cached(path) for path in theatre_files().values()]


def describe(theatre: Theatre) -> dict[str, object]:
    """What `frontlines theatres` lists of a theatre: plain values, ready for JSON."""
    return {
        "key": theatre.key, "name": theatre.name, "countries": list(theatre.countries),
        "start": theatre.start.isoformat() if theatre.start else None, "end": theatre.end.isoformat() if theatre.end else None,
        "groups": len(theatre.groups), "source": theatre.source,
    }  # fmt: skip


def load_theatre(source: str | Path | None = None) -> Theatre:
    """A theatre by name (bundled or in FRONTLINES_THEATRES) or from a YAML file; the Iraq/Syria theatre by default."""
    files = theatre_files()
    name = DEFAULT_THEATRE if source is None else source
    if isinstance(name, str) and name in files:
        return _cached(files[name])
    return _read_theatre(Path(name))


def _bundled_folder() -> Path:
    return Path(str(resources.files("frontlines") / "data" / "theatres"))


def _cached(path: Path) -> Theatre:
    """A theatre file read once while it is unchanged (the same object each time)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = 0
    return _read_once(str(path), stamp)


@lru_cache(maxsize=64)
def _read_once(path: str, stamp: int) -> Theatre:
    return _read_theatre(Path(path))


def _read_theatre(path: Path) -> Theatre:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, ValueError, yaml.YAMLError) as exc:  # ValueError: a name no path can hold ("a\x00b")
        hint = f"check the path and its YAML syntax, or name a bundled theatre: {', '.join(bundled_theatres())}"
        raise TheatreError(path, f"cannot be read: {exc}", hint) from exc
    if not isinstance(data, dict):
        raise TheatreError(path, "is not a mapping", "see the bundled iraq-syria-2014-2019.yaml for its shape")
    groups = {name: _group(path, name, entry) for name, entry in _mapping(path, data, "groups").items()}
    if "countries" not in data:
        raise TheatreError(path, "names no countries", "write e.g. `countries: [IQ, SY]`, or `countries: []` for a war anywhere")
    countries = tuple(str(c) for c in data.get("countries") or ())
    if not all(len(c) == 2 and c.isupper() for c in countries):
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
        cues=tuple(str(c) for c in data.get("cues") or ()),
        source=str(path),
        key=path.name.removesuffix(".yaml"),
        state_forces_pattern=_pattern(path, data.get("state_forces_pattern")),
    )
    _check_names(path, theatre)
    return theatre


def _pattern(path: Path, value: object) -> str | None:
    if not value:
        return None
    if "{demonym}" not in str(value):
        raise TheatreError(path, f"state_forces_pattern {value!r} has no {{demonym}}", 'write e.g. `state_forces_pattern: "{demonym} forces"`')
    return str(value)


@lru_cache(maxsize=1)
def _country_rows() -> tuple[tuple[str, ...], ...]:
    """data/lexicon/demonyms.tsv: code, demonym, name and other words ("|"-separated), per country."""
    path = Path(str(resources.files("frontlines") / "data" / "lexicon" / "demonyms.tsv"))
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
    return tuple(tuple(cell.strip() for cell in cells) for cells in rows if cells[0].strip() != "country" and len(cells) > 1)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {cells[0]: cells[1] for cells in _country_rows()}


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Words that name a country or its forces -> its ISO code: "Russia", "Russian", "Kremlin"."""
    found: dict[str, str] = {}
    for code, *words in _country_rows():
        for word in [*words[:2], *(words[2].split("|") if len(words) > 2 else [])]:
            if word.strip():
                found.setdefault(word.strip().casefold(), code)
    return found


def country_of(words: str) -> str | None:
    """The ISO code of the country these words name, by name or adjective, possessive or not
    ("Freedonia's", "Freedonian"); None when they name none."""
    return country_words().get(words.removesuffix("'s").removesuffix("’s").casefold())


def country_name(country: str) -> str | None:
    """The country's name in English ("Nigeria"), as data/lexicon/demonyms.tsv gives it; None when unlisted."""
    return _names().get(country)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {cells[0]: cells[2] for cells in _country_rows() if len(cells) > 2 and cells[2]}


def demonym(country: str) -> str:
    """The adjective news uses for a country's forces ("Nigerian"); its code when none is listed."""
    return _demonyms().get(country, country)


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
