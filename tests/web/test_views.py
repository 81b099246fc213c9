"""The workbench's plain parts, without a store: the form's filters and the marked sentence."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.errors import ControlError
from frontlines.web.context import web_link
from frontlines.web.views import EventFilters, Marked, mark_quote

TEXT = "Intro line. Iraqi forces took Rawa on Friday. The end."
QUOTE = "Iraqi forces took Rawa on Friday."


def test_the_supporting_sentence_is_cut_out_at_its_offsets() -> None:
    start = TEXT.index(QUOTE)
    assert mark_quote(TEXT, start, start + len(QUOTE), QUOTE) == Marked("Intro line. ", QUOTE, " The end.")


@pytest.mark.parametrize("start, end", [(0, 5), (-1, 3), (40, 400), (9, 2)])
def test_offsets_that_do_not_hold_the_quote_fall_back_to_finding_it(start: int, end: int) -> None:
    assert mark_quote(TEXT, start, end, QUOTE).mark == QUOTE


def test_a_quote_missing_from_the_text_marks_nothing() -> None:
    assert mark_quote(TEXT, 0, 5, "not there") == Marked(TEXT, "", "")


def test_empty_form_fields_are_no_filter_and_the_query_string_keeps_only_the_given_ones() -> None:
    filters = EventFilters.from_form({"since": "2017-10-01", "until": "", "place": " Rawa ", "type": "", "q": "retake"})
    assert filters == EventFilters(since=date(2017, 10, 1), place="Rawa", q="retake")
    assert filters.query(offset=50) == "since=2017-10-01&place=Rawa&q=retake&offset=50"


@pytest.mark.parametrize("field, value, says", [
    ("since", "1 October", "is not a date"), ("type", "massacre", "unknown event type"), ("review", "maybe", "unknown review state"),
])  # fmt: skip
def test_a_bad_form_value_is_refused_with_a_hint(field: str, value: str, says: str) -> None:
    with pytest.raises(ControlError, match=says) as refused:
        EventFilters.from_form({field: value})
    assert refused.value.hint


@pytest.mark.parametrize("url, link", [
    ("https://example.org/a", "https://example.org/a"), ("HTTP://example.org", "HTTP://example.org"),
    ("javascript:alert(1)", None), ("data:text/html,<script>", None), (None, None),
])  # fmt: skip
def test_only_http_urls_become_links(url: str | None, link: str | None) -> None:
    assert web_link(url) == link


def test_the_api_offers_the_event_types_and_review_states_of_the_model() -> None:
    from typing import get_args

    from frontlines.model import EVENT_TYPES, REVIEW_STATES
    from frontlines.web.api import EventType, ReviewState

    assert set(get_args(EventType)) == set(EVENT_TYPES) and set(get_args(ReviewState)) == set(REVIEW_STATES)
