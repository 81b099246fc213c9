"""Scoring fusion against a hand-made gold clustering (`clusters.gold.jsonl`).

Each gold line is one happening with the reports that tell it:
`{"happening": "qaim-liberated", "event_type": "territory_taken", "place": "al-Qaim", "country": "IQ",
"date": "2017-11-03", "reports": ["qaim-08-alqaim-liberated", {"report": "narr-15-...", "date": "2017-11"}]}`.
A member that is a bare report stem tells the happening with its type, place and date; an object
may override `event_type`, `date` or `actor` for that report. A claim belongs to the happening whose
member has its report, type, place and date (at the member's precision); the actor settles a tie.

Pairwise dedupe scores: over every pair of claims that match gold members, a pair is a true
positive when fusion put both in one event and the gold puts both in one happening.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from frontlines.errors import GoldError
from frontlines.model import Claim, DateValue, Place


@dataclass(frozen=True)
class GoldMember:
    happening: str
    report: str  # report file stem
    event_type: str
    place_key: str | None
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD
    actor: str | None = None


@dataclass(frozen=True)
class PairScores:
    true_positive: int
    false_positive: int
    false_negative: int
    claims: int  # claims that matched a gold member
    unmatched: int  # claims that matched none (extraction's misses, not fusion's)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "true_positive": self.true_positive, "false_positive": self.false_positive,
            "false_negative": self.false_negative, "claims": self.claims, "unmatched": self.unmatched,
        }  # fmt: skip


def _resolve(gazetteer: Any, name: str, country: str) -> str | None:
    found = gazetteer.lookup(name, countries=(country,))
    return found[0][0].key if found else None


def read_gold_clusters(path: str | Path, gazetteer: Any) -> list[GoldMember]:
    members: list[GoldMember] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            place_key = _resolve(gazetteer, data["place"], data.get("country") or "IQ")
            for item in data["reports"]:
                spec = {"report": item} if isinstance(item, str) else dict(item)
                members.append(GoldMember(
                    happening=data["happening"], report=spec["report"],
                    event_type=spec.get("event_type", data["event_type"]), place_key=place_key,
                    date=str(spec.get("date", data["date"])), actor=spec.get("actor", data.get("actor")),
                ))  # fmt: skip
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: not a gold happening ({exc})", hint="see frontlines.fusion_eval for the format") from exc
    return members


def match(claim: Claim, report: str, members: Sequence[GoldMember]) -> GoldMember | None:
    """The gold member a claim of this report stands for, if any."""
    found = [
        m for m in members
        if m.report == report and m.event_type == claim.event_type and claim.place is not None
        and claim.place.key == m.place_key and claim.date is not None and claim.date.value.isoformat().startswith(m.date)
    ]  # fmt: skip
    if len(found) > 1:
        found = [m for m in found if m.actor == claim.actor] or found
    return found[0] if found else None


def pairwise(predicted: Mapping[Any, Any], gold: Mapping[Any, Any]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over pairs of the items both map."""
    items = sorted(set(predicted) & set(gold), key=repr)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_predicted, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
            tp += same_predicted and same_gold
            fp += same_predicted and not same_gold
            fn += same_gold and not same_predicted
    return tp, fp, fn


def score_clustering(
    claims: Iterable[tuple[Claim, str, Any]], members: Sequence[GoldMember]
) -> PairScores:
    """Score (claim, report stem, predicted event) triples against the gold members."""
    by_report: dict[str, list[GoldMember]] = {}
    for member in members:
        by_report.setdefault(member.report, []).append(member)
    predicted: dict[int, Any] = {}
    gold: dict[int, str] = {}
    unmatched = 0
    for index, (claim, report, event) in enumerate(claims):
        member = match(claim, report, by_report.get(report, ()))
        if member is None:
            unmatched += 1
            continue
        predicted[index], gold[index] = event, member.happening
    tp, fp, fn = pairwise(predicted, gold)
    return PairScores(tp, fp, fn, len(gold), unmatched)


def gold_claims(directory: str | Path, gazetteer: Any) -> tuple[list[Claim], dict[int, str], dict[int, tuple[str, date | None]]]:
    """The claims of the per-report gold files (X.gold.jsonl beside X.txt), as if extracted perfectly.

    Returns the claims (ids and report ids numbered in file order), each report id's stem, and
    each report id's (outlet, published) read from the report's header.
    """
    folder = Path(directory)
    claims: list[Claim] = []
    stems: dict[int, str] = {}
    headers: dict[int, tuple[str, date | None]] = {}
    for report_id, gold_path in enumerate(sorted(folder.glob("*.gold.jsonl")), start=1):
        stem = gold_path.name[: -len(".gold.jsonl")]
        stems[report_id] = stem
        headers[report_id] = _header(gold_path.with_name(stem + ".txt"))
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            data = json.loads(line)
            found = gazetteer.lookup(data["place"], countries=(data.get("country") or "IQ",))
            place: Place | None = found[0][0] if found else None
            text = str(data["date"])
            precision = {4: "year", 7: "month"}.get(len(text), "day")
            value = date.fromisoformat(text + {4: "-01-01", 7: "-01"}.get(len(text), ""))
            claims.append(Claim(
                id=len(claims) + 1, report_id=report_id, event_type=data["event_type"], quote=data.get("quote", ""),
                start=0, end=0, actor=data.get("actor"), target_actor=data.get("target_actor"),
                controller_after=data.get("controller_after"), place_mention=data["place"], place=place,
                date=DateValue(value, precision, text), fatalities=data.get("fatalities"),
                modality="asserted" if data.get("required", True) else "hedged",
            ))  # fmt: skip
    return claims, stems, headers


def _header(path: Path) -> tuple[str, date | None]:
    outlet, published = path.stem, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        name, _, value = line.partition(":")
        if name.strip() == "outlet":
            outlet = value.strip()
        elif name.strip() == "published":
            published = date.fromisoformat(value.strip())
    return outlet, published
