"""What the trained reader is measured against: a plain keyword list, and the trigger rules alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from frontlines.model import Claim, Report
from frontlines.reader.scoring import SentenceVerdict

KEYWORDS = Path(__file__).resolve().parent.parent / "data" / "reader" / "keyword_baseline.yaml"
# claim modality -> the reader's name for it
READER_NAME = {"reported_speech": "reported", "asserted": "asserted", "hedged": "hedged", "planned": "planned", "negated": "negated", "history": "history"}
_TIMELINE = frozenset({"asserted", "reported_speech", "hedged"})


@lru_cache(maxsize=1)
def _keyword_patterns() -> dict[str, re.Pattern[str]]:
    table = yaml.safe_load(KEYWORDS.read_text(encoding="utf-8"))
    return {t: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.I) for t, words in table.items()}


def keyword_verdicts(texts: Sequence[str]) -> list[SentenceVerdict]:
    patterns = _keyword_patterns()
    verdicts = []
    for text in texts:
        types = frozenset(t for t, p in patterns.items() if p.search(text))
        verdicts.append(SentenceVerdict(types, "asserted" if types else None))
    return verdicts


def claims_verdict(claims: Sequence[Claim]) -> SentenceVerdict:
    """A sentence's claims read back as a verdict: the types it told as events, and how the first was told."""
    told = [c for c in claims if c.modality in _TIMELINE]
    if not claims:
        return SentenceVerdict(frozenset(), None)
    return SentenceVerdict(frozenset(c.event_type for c in told) or frozenset({claims[0].event_type}), READER_NAME.get(claims[0].modality, claims[0].modality))


def extractor_verdicts(extract: Callable[[Sequence[Report]], list[list[Claim]]], items: Sequence[tuple[str, date]]) -> list[SentenceVerdict]:
    """Each text read as a one-line report dated `day`: the whole extractor's answer, sentence by sentence."""
    reports = [Report(outlet="", title="", published=day, text=text, raw=text.encode("utf-8"), origin=str(n)) for n, (text, day) in enumerate(items)]
    return [claims_verdict(claims) for claims in extract(reports)]
