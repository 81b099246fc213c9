"""Reading an analyst's SOURCES list back into references, as people really write these lists."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.ingest.sources_list import Reference, find_sources_list, parse_line, read_list
from post_samples import EXPECTED, POST

def test_a_post_with_fifteen_entries_of_mixed_forms_yields_fifteen_references() -> None:
    found = find_sources_list(POST)
    assert found is not None
    assert [(r.outlet, r.title, r.published, r.author) for r in found.references] == EXPECTED
    assert [r.position for r in found.references] == list(range(1, 16))


def test_a_line_that_cannot_be_read_is_reported_with_its_line_and_reason_and_the_rest_are_kept() -> None:
    found = find_sources_list(POST)
    assert found is not None and len(found.references) == 15
    [unread] = found.unread
    assert unread.line == 'Reuters, "A story with a broken date," 13/45/17'
    assert "13/45/17" in unread.reason and "not a date" in unread.reason
    assert POST.split("\n")[unread.line_number - 1] == unread.line


def test_the_comment_after_the_list_is_not_a_reference_and_stays_outside_the_list() -> None:
    found = find_sources_list(POST)
    assert found is not None
    assert POST[: found.start].rstrip().endswith("Rawa on the 17th.")
    assert POST[found.end :].strip() == "I will come back to the desert operations in a later post."


def test_a_reference_keeps_its_line_as_written_and_its_line_number() -> None:
    found = find_sources_list(POST)
    assert found is not None
    rudaw = found.references[5]
    assert rudaw.line == "Rudaw, \u201cPeshmerga withdraw from Kirkuk,\u201d 10/16/2017"
    assert POST.split("\n")[rudaw.line_number - 1] == rudaw.line


def test_a_continuation_line_takes_the_outlet_and_author_of_its_entry() -> None:
    found = read_list('Karim, Ali, "Militants flee toward Sharqat," Iraqi News, 10/3/17\n- "Two soldiers killed near Zab," 10/1/17\n')
    assert [(r.author, r.outlet) for r in found.references] == [("Karim, Ali", "Iraqi News")] * 2


def test_a_continuation_that_names_its_outlet_keeps_the_author_of_its_entry() -> None:
    found = read_list('Karim, Ali, "Militants flee," Iraqi News, 10/3/17\n- "Zab quiet," Rudaw, 10/1/17\n')
    assert [(r.author, r.outlet) for r in found.references] == [("Karim, Ali", "Iraqi News"), ("Karim, Ali", "Rudaw")]


def test_a_bulleted_entry_with_its_own_outlet_starts_a_new_entry_for_the_lines_below() -> None:
    found = read_list('Iraqi News, "A," 10/3/17\n- Rudaw, "B," 10/2/17\n- "C," 10/1/17\n')
    assert [r.outlet for r in found.references] == ["Iraqi News", "Rudaw", "Rudaw"]


@pytest.mark.parametrize(
    ("line", "outlet", "title", "published", "precision"),
    [
        ('Iraqi News, "Iraqi forces free Hawija," 10/5/17', "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), "day"),
        ("Iraqi News, \u201cIraqi forces free Hawija,\u201d 10/5/17", "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), "day"),
        ('Iraqi News, "Iraqi forces free Hawija", 10/5/17', "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), "day"),
        ('Iraqi News, "Iraqi forces free Hawija," 10/5/2017', "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), "day"),
        ('Iraqi News, "Iraqi forces free Hawija," Oct. 5, 2017', "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), "day"),
        ('Iraqi News, "Iraqi forces free Hawija," 2017-10-05', "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), "day"),
        ('Iraqi News, "Iraqi forces free Hawija," October 2017', "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 1), "month"),
        ('Iraqi News, "Iraqi forces free Hawija,"', "Iraqi News", "Iraqi forces free Hawija", None, None),
        ('Iraqi News, "Iraqi forces free Hawija," n.d.', "Iraqi News", "Iraqi forces free Hawija", None, None),
        ('Iraqi News, "Abadi: \'Hawija is free\'," 10/5/17', "Iraqi News", "Abadi: 'Hawija is free'", date(2017, 10, 5), "day"),
        ('"Iraqi forces free Hawija," Iraqi News, 10/5/17', "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), "day"),
        ('[3] Iraqi News, "Iraqi forces free Hawija," 10/5/17', "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), "day"),
    ],
)
def test_the_ways_people_write_an_entry(line: str, outlet: str, title: str, published: date | None, precision: str | None) -> None:
    reference = parse_line(line)
    assert isinstance(reference, Reference)
    assert (reference.outlet, reference.title, reference.published, reference.published_precision) == (outlet, title, published, precision)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Iraqi News, Iraqi forces free Hawija, 10/5/17", "no title in double quotes"),
        ('- "Troops enter Hawija," 10/4/17', 'a "- " line with no entry above it'),
        ('Iraqi News, "Iraqi forces free Hawija," 10/45/17', "not a date"),
        ('"Iraqi forces free Hawija," 10/5/17', "no outlet"),
    ],
)
def test_a_line_that_cannot_be_read_says_why(line: str, reason: str) -> None:
    said = parse_line(line)
    assert isinstance(said, str) and reason in said


@pytest.mark.parametrize("heading", ["SOURCES", "Sources:", "sources", "References", "REFERENCES:", "  Sources  "])
def test_the_list_starts_at_a_heading_in_any_case(heading: str) -> None:
    found = find_sources_list(f'Prose.\n\n{heading}\n\nNINA, "Army retakes Riyadh district," 10/4/17\n')
    assert found is not None and [r.outlet for r in found.references] == ["NINA"]


@pytest.mark.parametrize(
    "text",
    [
        'NINA, "Army retakes Riyadh district," 10/4/17\n',  # no heading: a citation in the prose
        "Prose.\n\nSources said the army had entered the town.\n",  # "Sources" starting a sentence
        "Prose.\n\nSOURCES\n\nThe army's statements and our own reporting.\n",  # a heading and no reference
    ],
)
def test_a_text_without_a_heading_followed_by_references_has_no_list(text: str) -> None:
    assert find_sources_list(text) is None


def test_a_sentence_around_a_quotation_after_the_list_ends_it() -> None:
    text = 'Prose.\n\nSOURCES\nNINA, "Army retakes Riyadh district," 10/4/17\n\nI doubt the army\'s claim that "the district is clear" today.\n'
    found = find_sources_list(text)
    assert found is not None and len(found.references) == 1 and found.unread == ()
    assert text[found.end :].strip().startswith("I doubt")


def test_a_rule_line_after_the_list_ends_it_with_the_comment_below() -> None:
    text = 'Prose.\n\nSources:\nNINA, "Army retakes Riyadh district," 10/4/17\n---\nMore on this next week.\n'
    found = find_sources_list(text)
    assert found is not None and len(found.references) == 1 and found.unread == ()
    assert text[found.end :].strip() == "---\nMore on this next week."
