"""Extraction as users get it weighs each claim of a story with the judge shipped beside the reader; a
reader named by folder brings its own judge, and reading with the rules alone has none."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.extract import Pipeline
from frontlines.model import Report
from frontlines.reader.bundled import BUNDLED
from frontlines.reader.judge import ClaimJudge, weighed
from frontlines.reader.judge_features import feature_names

pytestmark = pytest.mark.model

STORY = (
    "Warplanes struck the town of Saraqib in Idlib province on Sunday, killing six civilians. "
    "Rescue workers said the strikes hit a market and a bakery. "
    "The monitor said the toll could rise as people remained under the rubble. "
    "Residents described hearing the jets circle for several minutes before the first blast, and many "
    "families left for nearby farms after dark. Local officials asked aid groups for fuel and medicine, "
    "saying the town's only clinic had run short of both after weeks of strikes across the province. "
    "Traders said the market had reopened only a month earlier, once the roads to the coast were safe again."
)


def report(text: str) -> Report:
    return Report(outlet="Test Wire", title="Strikes", published=date(2016, 8, 15), text=text, raw=text.encode(), id=1)


def test_the_shipped_reader_brings_its_judge_and_the_rules_alone_have_none(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    assert reader_pipeline.judge == ClaimJudge.load(BUNDLED)
    assert Pipeline(reader="rules", nlp=reader_pipeline.nlp, gazetteer=reader_pipeline.gazetteer).judge is None


def test_a_judge_that_doubts_everything_leaves_out_every_placed_current_claim_of_a_story(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    doubting = ClaimJudge(feature_names(), [0.0] * len(feature_names()), -20.0, 0.35)
    unjudged = Pipeline(nlp=reader_pipeline.nlp, gazetteer=reader_pipeline.gazetteer, judge=None).extract(report(STORY))
    judged = Pipeline(nlp=reader_pipeline.nlp, gazetteer=reader_pipeline.gazetteer, judge=doubting).extract(report(STORY))
    assert any(weighed(c) and c.place is not None and c.place.name == "Saraqib" for c in unjudged)
    assert judged == [c for c in unjudged if not weighed(c)]


def test_the_shipped_judge_keeps_a_plain_strike_on_a_named_town(read_news) -> None:  # type: ignore[no-untyped-def]
    strikes = [c for c in read_news(STORY, date(2016, 8, 15)) if c.event_type == "airstrike"]
    assert {c.place.name for c in strikes if c.place} == {"Saraqib"}
