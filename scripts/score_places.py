"""Score where and by whom, worldwide: the places and actors of annotated current-events lines.

usage: python scripts/score_places.py --split dev|test|heldout [--wave 4|5|...|22|23] [--theatre T] [--json OUT] [--show-errors]

Items: `annotations/places/<split>_lines_places_*.jsonl`, each an event of a current-events line of
a war outside Iraq and Syria with its place's coordinates and its doer (see the README there). Every
line is read by the whole extractor (each report matched to its war, the shipped reader) as a
one-line report dated on its day. For each event that names a populated place:

- place: the extractor's place for it (a claim whose place words are the annotated span's), else the
  place reader's resolution of the span in the line (with the countries the line names as context,
  as the extractor reads it); right when within 25 km of the annotation;
- actor and side: the actor of a claim at that place (else of the line's first claim); the actor is
  right when it is the annotated one (same name or alias, or the same state's forces), the side when
  its kind (state, foreign state, non-state, civilian, unknown) and, for states, its country agree;
  an annotated doer described, not named ("gunmen", "a suicide bomber"), is the unidentified armed group,
  also where the annotation calls its kind unknown ("unknown assailants").

The test split is frozen: score it once, when the work is done. `heldout` is a later wave
(`heldout_lines_places_NN.jsonl`: 15-16 wave 4, 17-18 wave 5, 19-20 wave 6, 25-26 wave 8, 27-30 wave 9, 31-34 wave 10, 39-42 wave 12, 43-46 wave 13, 47-50 wave 14, 51-54 wave 15, 55-58 wave 16, 59-62 wave 17): lines of test-split days drawn and labelled after the test split
had been scored once, scored once more as a fresh blind figure.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter
from functools import lru_cache
from dataclasses import replace
from pathlib import Path

from frontlines.extract.countries_told import CountryPlaces, countries_told
from frontlines.extract.pipeline import Pipeline
from frontlines.fuse import EVENT_MODALITIES, fuse
from frontlines.model import Claim, Place, Report
from frontlines.reader.corpus import load_lines
from frontlines.theatres import Theatre, country_words, load_theatre

ROOT = Path(__file__).resolve().parents[1]
WITHIN_KM = 25.0
UNNAMED = "Unidentified armed group"  # the generic actor of data/lexicon/actors.yaml


WAVES = {4: ("15", "16"), 5: ("17", "18"), 6: ("19", "20"), 8: ("25", "26"), 9: ("27", "28", "29", "30"), 10: ("31", "32", "33", "34"), 12: ("39", "40", "41", "42"), 13: ("43", "44", "45", "46"), 14: ("47", "48", "49", "50"), 15: ("51", "52", "53", "54"), 16: ("55", "56", "57", "58"), 17: ("59", "60", "61", "62"), 18: ("63", "64", "65", "66"), 19: ("67", "68", "69", "70"), 20: ("71", "72", "73", "74"), 21: ("75", "76", "77", "78"), 22: ("79", "80", "81", "82"), 23: ("83", "84")}  # held-out wave -> the numbers of its files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", required=True, choices=("dev", "test", "heldout"))
    parser.add_argument("--wave", type=int, choices=sorted(WAVES), default=4, help="with --split heldout: which held-out wave")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--theatre", help="read every line in this theatre (a baseline) instead of each in its own war")
    parser.add_argument("--events", action="store_true", help="score the events fusion makes of each line's claims (their place and actor), not the claims")
    args = parser.parse_args()
    files = sorted((ROOT / "annotations" / "places").glob(f"{args.split}_lines_places_*.jsonl"))
    if args.split == "heldout":
        files = [f for f in files if f.stem.rsplit("_", 1)[-1] in WAVES[args.wave]]
    labels = [json.loads(line) for f in files for line in f.open()]
    spans = _annotated_events()
    lines = load_lines()
    ids = sorted({label["id"] for label in labels})
    pipeline = Pipeline(theatre=load_theatre(args.theatre) if args.theatre else None)
    reports = [Report(outlet="Wikipedia Current Events", title="", published=lines[i].day, text=lines[i].text, raw=lines[i].text.encode(), id=n) for n, i in enumerate(ids)]
    claims = dict(zip(ids, pipeline.extract_batch(reports), strict=True))
    if args.events:
        claims = {i: _as_events(found) for i, found in claims.items()}
    theatres = {i: pipeline.theatre_of(r) for i, r in zip(ids, reports, strict=True)}
    tally: Counter[str] = Counter()
    errors: list[str] = []
    for label in labels:
        if label["place_kind"] != "populated" or label["lat"] is None:
            continue
        text = lines[label["id"]].text
        event = spans[label["id"]][label["event"]]
        start, end = event["place"]
        words = text[start:end]
        theatre = theatres[label["id"]]
        found = _claim_at(claims[label["id"]], words)
        place = found.place if found and found.place else _read_place(pipeline, text, start, end, theatre)
        tally["items"] += 1
        near = place is not None and _km(place, label) <= WITHIN_KM
        tally["place right"] += near
        tally["place found"] += place is not None
        doer = found or (claims[label["id"]][0] if claims[label["id"]] else None)
        actor = doer.actor if doer else None
        kind, country = _kind(actor, theatre, label["country"])
        actor_right = _same_actor(actor, kind, country, label, theatre)
        side_right = kind == label["actor_kind"] and (kind not in ("state", "foreign_state") or country == label["side_country"])
        side_right = side_right or (actor == UNNAMED and label["actor_kind"] == "unknown" and label["actor"] is not None)
        tally["actor right"] += actor_right
        tally["side right"] += side_right
        tally["actor and side right"] += actor_right and side_right
        if not near:
            got = f"{place.name} ({place.country}, {_km(place, label):.0f} km)" if place else "nothing"
            errors.append(f"place {label['id']}: {words!r} -> {got} [{theatre.key}]")
        if not (actor_right and side_right):
            errors.append(f"actor {label['id']}: {actor!r} ({kind} {country}) vs {label['actor']!r} ({label['actor_kind']} {label['side_country']}) [{theatre.key}]")
    n = tally["items"]
    figures = {key: round(tally[key] / n, 3) if n else 0.0 for key in ("place right", "place found", "actor right", "side right", "actor and side right")}
    print(f"## {args.split} split: {n} events at populated places, {len({lab['id'] for lab in labels})} lines\n")
    print("| figure | share |\n|---|---|")
    for key, value in figures.items():
        print(f"| {key} | {value:.3f} |")
    if args.show_errors:
        print("\n" + "\n".join(errors))
    if args.json:
        args.json.write_text(json.dumps({"split": args.split, "items": n, **figures}, indent=1))


def _as_events(claims: list[Claim]) -> list[Claim]:
    """Each claim as the event fusion makes of the line's claims tells it: the event's place and actor
    (an actor named in one sentence of a line is the event's, though another sentence tells it first)."""
    numbered = [replace(c, id=n, report_id=1) for n, c in enumerate(claims, 1)]
    by_id = {c.id: c for c in numbered}
    told = {}
    for fused in fuse([c for c in numbered if c.modality in EVENT_MODALITIES], {1: "Wikipedia Current Events"}):
        for claim_id in fused.claim_ids:
            told[claim_id] = replace(by_id[claim_id], actor=fused.event.actor, place=fused.event.place or by_id[claim_id].place)
    return [told.get(c.id, c) for c in numbered]


def _annotated_events() -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for path in sorted((ROOT / "annotations" / "current_events").glob("*.jsonl")):
        for line in path.open():
            record = json.loads(line)
            found[record["id"]] = record["events"]
    return found


def _claim_at(claims: list[Claim], words: str) -> Claim | None:
    folded = words.casefold()
    for claim in claims:
        mention = (claim.place_mention or "").casefold()
        if mention and (mention in folded or folded in mention):
            return claim
    return None


def _read_place(pipeline: Pipeline, text: str, start: int, end: int, theatre: Theatre) -> Place | None:
    # as the extractor reads a sentence: the countries the line names vouch for their towns
    told = CountryPlaces(pipeline.gazetteer.lookup).of(countries_told(text))
    for match in pipeline.gazetteer.match_spans(text, countries=theatre.countries or None, context=told):
        if match.start < end and start < match.end:
            return match.place
    return None


def _km(place: Place, label: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (place.lat, place.lon, label["lat"], label["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _kind(actor: str | None, theatre: Theatre, where: str | None) -> tuple[str, str | None]:
    """The annotation's kind of an actor the extractor named, and the state whose forces it is."""
    if actor is None:
        return "unknown", None
    country = _state_of(actor, theatre)
    if country is not None:
        return ("state" if country == where else "foreign_state"), country
    group = theatre.groups.get(actor)
    if group is not None and group.side in ("foreign state", "foreign-state", "coalition"):
        return "foreign_state", None  # NATO, a multinational mission: foreign forces of no one state
    if group is not None and group.side == "civilian" or _generic_actors().get(actor, {}).get("side") == "civilian":
        return "civilian", None
    return "non_state", None


@lru_cache(maxsize=1)
def _generic_actors() -> dict[str, dict]:
    """The generic actors of data/lexicon/actors.yaml (civilians, rioters, settlers...): side and aliases."""
    from frontlines.extract.lexicon import data_file, read_yaml

    return read_yaml(data_file("actors.yaml"))


def _state_of(actor: str, theatre: Theatre) -> str | None:
    for country, forces in theatre.state_forces.items():
        if forces == actor:
            return country
    group = theatre.groups.get(actor)
    if group is not None and group.country and group.side in ("state", "foreign state", "foreign-state", "coalition"):
        return group.country
    if actor.endswith(" forces"):
        return country_words().get(actor.removesuffix(" forces").casefold())  # "Nigerian forces", named by the pattern
    return None


def _same_actor(actor: str | None, kind: str, country: str | None, label: dict, theatre: Theatre) -> bool:
    wanted = label["actor"]
    if wanted is not None and label["actor_kind"] == "unknown" and actor == UNNAMED:
        return True  # "unknown assailants" labelled as no one known: the unidentified armed group says the same
    if wanted is None or label["actor_kind"] == "unknown":
        return actor is None
    if actor is None:
        return False
    if kind in ("state", "foreign_state") and label["actor_kind"] in ("state", "foreign_state"):
        return country == label["side_country"]
    if actor == UNNAMED and label["actor_kind"] == "non_state" and wanted.split()[-1].islower():
        return True  # "gunmen", "a suicide bomber", "Islamist militants": the line names no group
    group = theatre.groups.get(actor) or load_theatre("world").groups.get(actor)  # the groups of any war, which every war knows too
    aliases = group.aliases if group else _generic_actors().get(actor, {}).get("aliases", ())
    names = {_folded(actor), *(_folded(a) for a in aliases)}
    wanted = _folded(wanted)
    return wanted in names or any(wanted in n or n in wanted for n in names if len(n) > 3)


def _folded(name: str) -> str:
    """A name however its words are joined: "wal-Muslimin" is "wal Muslimin", "Islamic State – Khorasan" "Islamic State Khorasan"."""
    return re.sub(r"['’ʼ‘`]", "'", re.sub(r"[\s\-‐‑–—]+", " ", name)).casefold()


if __name__ == "__main__":
    main()
