"""What the claim judge weighs about one claim in its story: how sure the reader was of its sentence, where
and when the claim puts the event, and where the sentence stands in the story (the lead, a retelling, the
background at the end). Every feature is a number; names not listed are zero."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from frontlines.model import EVENT_TYPES, Claim, Report
from frontlines.reader.scoring import SentenceVerdict

_PRECISIONS = ("town", "within", "province", "country", "point")


def story_features(claims: Sequence[Claim], verdicts: Sequence[SentenceVerdict | None], report: Report) -> list[dict[str, float]]:
    """The features of each claim of one report, in order (`verdicts[i]` is the reader's verdict on the
    sentence of `claims[i]`, None where the reader did not read it)."""
    rank_of = {start: rank for rank, start in enumerate(sorted({c.start for c in claims}))}  # the sentence's rank among those that tell claims
    in_sentence = Counter(c.start for c in claims)
    title = (report.title or "").lower()
    length = max(len(report.text), 1)
    told: set[tuple[str, str]] = set()
    places_told: set[str] = set()
    by_type = Counter(c.event_type for c in claims)
    tellings = Counter(event_key(c) for c in claims)  # one event (type, place, day) told in several sentences
    at_place = Counter(_place_key(c) for c in claims)
    rows = []
    for claim, verdict in zip(claims, verdicts, strict=True):
        place = _place_key(claim)
        rank = rank_of[claim.start]
        row = {
            f"type={claim.event_type}": 1.0,
            f"modality={claim.modality}": 1.0,
            "confidence": claim.confidence,
            "reader_only": float(not claim.trigger),
            **_verdict_features(claim, verdict),
            **_place_features(claim, title),
            **_date_features(claim, report),
            "position": claim.start / length,
            "sentence_rank": math.log1p(rank),
            "lead": float(rank == 0),
            "has_toll": float(claim.fatalities is not None),
            "has_actor": float(claim.actor is not None),
            "has_speaker": float(claim.speaker is not None),
            "claims_in_sentence": math.log1p(in_sentence[claim.start]),
            "claims_in_story": math.log1p(len(claims)),
            "claims_of_type": math.log1p(by_type[claim.event_type]),
            "times_told": math.log1p(tellings[event_key(claim)] - 1),
            "claims_at_place": math.log1p(at_place[place] - 1),
            "told_before": float((claim.event_type, place) in told),
            "place_told_before": float(claim.place is not None and place in places_told),
            "quote_length": math.log1p(len(claim.quote)),
        }
        rows.append(row)
        told.add((claim.event_type, place))
        if claim.place is not None:
            places_told.add(place)
    return rows


def feature_names() -> list[str]:
    """Every name `story_features` can give, in a fixed order."""
    names = [f"type={t}" for t in EVENT_TYPES] + [f"modality={m}" for m in ("asserted", "reported_speech", "hedged")]
    names += ["confidence", "reader_only", "type_score", "event_score", "modality_score", "reader_says_history", "reader_says_type", "reader_types"]
    names += [f"precision={p}" for p in _PRECISIONS] + ["unresolved", "place_in_title", "population"]
    names += ["no_date", "date=day", "date=month", "date=year", "date=range", "same_day", "day_before", "days_2_7", "days_8_more", "after_publication", "relative_date"]
    names += ["position", "sentence_rank", "lead", "has_toll", "has_actor", "has_speaker", "claims_in_sentence", "claims_in_story", "claims_of_type",
              "times_told", "claims_at_place", "told_before", "place_told_before", "quote_length"]  # fmt: skip
    return names


def _place_key(claim: Claim) -> str:
    return claim.place.key if claim.place is not None else (claim.place_mention or "").lower()


def event_key(claim: Claim) -> tuple:
    return (claim.event_type, _place_key(claim), claim.date.value if claim.date else None)


def _verdict_features(claim: Claim, verdict: SentenceVerdict | None) -> dict[str, float]:
    if verdict is None:
        return {}
    return {
        "type_score": verdict.scores.get(claim.event_type, 0.0),
        "event_score": verdict.scores.get("event", 0.0),
        "modality_score": verdict.modality_score,
        "reader_says_history": float(verdict.modality == "history"),
        "reader_says_type": float(claim.event_type in verdict.types),
        "reader_types": float(len(verdict.types)),
    }


def _place_features(claim: Claim, title: str) -> dict[str, float]:
    row = {f"precision={claim.place_precision}": 1.0} if claim.place_precision in _PRECISIONS else {}
    if claim.place is None:
        row["unresolved"] = 1.0
        in_title = bool(claim.place_mention) and claim.place_mention.lower() in title
    else:
        row["population"] = math.log1p(claim.place.population or 0) / 15
        in_title = claim.place.name.split()[0].lower() in title
    row["place_in_title"] = float(in_title)
    return row


def _date_features(claim: Claim, report: Report) -> dict[str, float]:
    if claim.date is None:
        return {"no_date": 1.0}
    row = {f"date={claim.date.precision}": 1.0, "relative_date": float(claim.date.relative)}
    if report.published is not None:
        days = (report.published - claim.date.value).days
        row.update({"same_day": float(days == 0), "day_before": float(days == 1), "days_2_7": float(2 <= days <= 7),
                    "days_8_more": float(days > 7), "after_publication": float(days < 0)})  # fmt: skip
    return row
