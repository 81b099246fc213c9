"""Extraction reads a post's prose and stops at its SOURCES list, however the heading is written."""

from __future__ import annotations

import pytest

from frontlines.extract.sentences import story_paragraphs

PROSE = "Army units retook the town on Friday.\n\nThe road west was reopened."
CITED = 'Daily Courier, "Army retakes the town," 11/17/17'


@pytest.mark.parametrize(
    "heading", ["SOURCES", "Sources:", "References", "## Sources", "**SOURCES**", "Links:"],
)
def test_nothing_after_a_sources_heading_is_read_as_prose(heading: str) -> None:
    text = f"{PROSE}\n\n{heading}\n{CITED}\n\nA reader's comment: the army retook nothing."
    assert [p.text for p in story_paragraphs(text)] == ["Army units retook the town on Friday.", "The road west was reopened."]


def test_a_heading_with_no_blank_line_before_it_still_ends_the_prose() -> None:
    text = f"{PROSE}\nSources:\n{CITED}"
    assert [p.text for p in story_paragraphs(text)] == ["Army units retook the town on Friday.", "The road west was reopened."]


def test_a_sentence_that_merely_mentions_sources_is_prose() -> None:
    text = "Sources said the army retook the town.\n\nSources: none named."
    assert [p.text for p in story_paragraphs(text)] == ["Sources said the army retook the town.", "Sources: none named."]


def test_the_other_stories_a_news_page_lists_are_not_read_as_this_one() -> None:
    text = "Rebels shelled Townville on Monday, killing two. Source AFP Related News Army retakes Ridgeton - Car bomb kills five in Hillford"
    assert [p.text for p in story_paragraphs(text)] == ["Rebels shelled Townville on Monday, killing two. Source AFP"]
    assert [p.text for p in story_paragraphs("Army took Townville.\n\nRelated Articles\nCar bomb kills five in Hillford")] == ["Army took Townville."]
    assert [p.text for p in story_paragraphs("Officials related news of the attack to reporters.")]  # only the heading, in its own case
