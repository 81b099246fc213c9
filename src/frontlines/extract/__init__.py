"""Extraction: sentences of reports -> claims (event type, actor, place, date, fatalities, quote span)."""

from frontlines.extract.pipeline import EXTRACTOR_VERSION, Pipeline, extract_batch

__all__ = ["EXTRACTOR_VERSION", "Pipeline", "extract_batch"]
