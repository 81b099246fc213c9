"""Event-level scores on annotated FA-KES articles: the whole extractor against full event gold.

Each article becomes a report (its date as published); each annotated event a gold event whose
quote is the article text at its offsets. Background, planned and negated gold events are not
required (a reader that leaves them out of the timeline is right).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from frontlines.evaluate import Evaluation, GoldEvent, score_report
from frontlines.fuse import EVENT_MODALITIES
from frontlines.fusion_rules import contains, place_identity
from frontlines.ingest.infer_date import infer_published
from frontlines.model import Claim, Report
from frontlines.reader.corpus import CorpusArticle, load_articles
from frontlines.reader.examples import CURRENT_MODALITIES, annotation_records
from frontlines.reader.splits import split_of_item


_PRINTED_WITHIN = 250  # characters: FA-KES texts print their date before or just after the headline


def printed_date(text: str) -> date | None:
    """The date an article prints at its top ("Wed 05 Apr 2017 ...", "... AFP Monday 17 Mar 2014 ..."), which its weekdays fit."""
    return infer_published(text[:_PRINTED_WITHIN])


def article_report(article: CorpusArticle) -> Report:
    """The article as a report, dated by the date it prints (the data set's date field is sometimes off)."""
    return Report(
        outlet=article.source, title=article.title, published=printed_date(article.text) or article.published, text=article.text,
        raw=article.text.encode("utf-8"), origin=f"fakes:{article.id}",
    )  # fmt: skip


def gold_events(record: dict, article: CorpusArticle, gazetteer: Any) -> list[GoldEvent]:
    events = []
    for number, event in enumerate(record.get("events", []), 1):
        place, country = event.get("place") or "", event.get("country") or ""
        written = article.text[slice(*event["place_span"])] if event.get("place_span") else ""
        candidates = gazetteer.lookup(place, countries=(country,)) if place and country else []
        events.append(
            GoldEvent(
                file=f"fakes:{article.id}", line=number, event_type=event["event_type"], place=place, country=country,
                date=event.get("date") or "", actor=event.get("actor"), fatalities=event.get("fatalities"),
                quote=article.text[event["start"] : event["end"]],
                required=event["modality"] in CURRENT_MODALITIES and bool(event.get("date")),
                resolved=candidates[0][0] if candidates else None, place_words=written,
            )  # fmt: skip
        )
    return events


def evaluate_articles(
    extract: Callable[[Sequence[Report]], list[list[Claim]]],
    annotations: Sequence[Path],
    gazetteer: Any,
    *,
    splits: Sequence[str] = ("dev",),
    batch: int = 16,
) -> Evaluation:
    articles = load_articles()
    records = [r for file, r in annotation_records(annotations) if split_of_item(r["id"], file) in splits]
    result = Evaluation()
    for start in range(0, len(records), batch):
        chunk = records[start : start + batch]
        reports = [article_report(articles[r["id"]]) for r in chunk]
        for record, report, claims in zip(chunk, reports, extract(reports), strict=True):
            score_report(report.origin, one_per_event(claims), gold_events(record, articles[record["id"]], gazetteer), result)
    return result


def one_per_event(claims: Sequence[Claim]) -> list[Claim]:
    """An article that tells one event in its headline and again in its body tells one event: claims of
    one type and day at the same place are one, whether told as fact, as a party's word or hedged (fusion
    makes them one event with its sources); so are a vaguer telling of them ("in Syria", "in the
    province", or no place at all) and the finer one, as fusion joins them."""
    seen: dict[tuple, Claim] = {}
    for claim in claims:
        seen.setdefault((claim.event_type, place_identity(claim), claim.date.value if claim.date else None, _told(claim)), claim)
    kept = list(seen.values())
    return [c for c in kept if not any(other is not c and _finer_telling(other, c) for other in kept)]


def _finer_telling(finer: Claim, vaguer: Claim) -> bool:
    if finer.event_type != vaguer.event_type or _told(finer) != _told(vaguer) or finer.date != vaguer.date:
        return False
    if finer.place is None:
        return False
    if vaguer.place is None:
        return not vaguer.place_mention
    return contains(vaguer.place, finer.place)


def _told(claim: Claim) -> str:
    return "current" if claim.modality in EVENT_MODALITIES else claim.modality
