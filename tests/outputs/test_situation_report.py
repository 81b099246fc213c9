"""A situation report reads like an analyst's post: dated sentences in order, control, SOURCES."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import main
from frontlines.demo import demo_corpus_dir
from frontlines.model import Event, Place, Source
from frontlines.outputs.report import Held, ReportPeriod, situation_report
from frontlines.outputs.sources import SOURCE_LINE, cited_reports, sources_section

TOWN = Place(key="gn:1", name="Townville", lat=35.5, lon=43.9, country="IQ", admin1="Kirkuk", feature_code="PPL")


def source(report_id: int, outlet: str, title: str, day: date) -> Source:
    return Source(report_id=report_id, outlet=outlet, title=title, published=day, url=None, quote="q", start=0, end=1)


def event(event_type: str, day: date, actor: str | None, *sources: Source, killed: int | None = None) -> Event:
    return Event(event_type=event_type, date=day, date_precision="day", actor=actor, target_actor=None, controller_after=None,
                 fatalities=killed, place=TOWN, place_name="Townville", confidence=0.8, sources=sources)  # fmt: skip


WIRE_4 = source(1, "Test Wire", "Troops enter Townville", date(2017, 10, 4))
WIRE_5 = source(2, "Test Wire", "Townville freed", date(2017, 10, 5))
POST_5 = source(3, "Front Notes", 'Townville "falls"', date(2017, 10, 5))


def test_one_outlet_per_entry_with_its_further_titles_on_dash_lines() -> None:
    lines = sources_section(cited_reports([WIRE_4, POST_5, WIRE_5]))
    assert lines == ['Front Notes, "Townville \'falls\'," 10/5/17', 'Test Wire, "Townville freed," 10/5/17', '- "Troops enter Townville," 10/4/17']
    assert all(SOURCE_LINE.match(line) for line in lines)


def test_the_report_tells_the_period_in_order_with_numbered_sources_and_control() -> None:
    events = [event("battle", date(2017, 10, 4), "Iraqi forces", WIRE_4), event("territory_taken", date(2017, 10, 5), "Iraqi forces", WIRE_5, POST_5, killed=3)]
    held = [Held("Townville", "Iraqi forces"), Held("Hilltop", None, ("Iraqi forces", "Islamic State"))]
    text = situation_report(events, held, ReportPeriod(date(2017, 10, 1), date(2017, 10, 6)))
    assert text.startswith("# Iraqi forces take Townville\n")
    assert "On October 4, Iraqi forces fought for Townville. [3]" in text
    assert "On October 5, Iraqi forces took Townville, leaving 3 dead. [1, 2]" in text
    assert "On October 6, 2017, Iraqi forces held Townville." in text and "Contested: Hilltop (Iraqi forces, Islamic State)." in text
    assert text.index("## SOURCES") < text.index('Front Notes, "Townville')


def test_in_html_every_sentence_links_to_its_sources_and_report_text_is_escaped() -> None:
    hostile = source(4, "Wire <script>", "<img src=x onerror=alert(1)>", date(2017, 10, 4))
    page = situation_report([event("attack", date(2017, 10, 4), "Islamic State", hostile)], [], ReportPeriod(date(2017, 10, 1), date(2017, 10, 6)), fmt="html")
    assert '<a href="#source-1">1</a>' in page and 'id="source-1"' in page
    assert "<script>" not in page and "<img" not in page


@pytest.mark.model
def test_the_report_command_writes_the_post_of_a_stored_period(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    sample = [str(p) for p in sorted(demo_corpus_dir().glob("qaim-0*.txt"))[:4]]
    assert CliRunner().invoke(main, ["--db", db, "ingest", *sample]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", db, "report", "--from", "2017-10-20", "--to", "2017-11-05"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("# ") and "## SOURCES" in text
    cited = text.split("## SOURCES", 1)[1].strip().splitlines()
    assert cited and all(SOURCE_LINE.match(line) for line in cited)
    assert "On October" in text or "On November" in text


def test_a_chronology_numbers_each_event_s_reports_in_its_sources_list() -> None:
    from frontlines.outputs.chronology import chronology

    events = [event("battle", date(2017, 10, 4), "Iraqi forces", WIRE_4), event("territory_taken", date(2017, 10, 5), "Iraqi forces", WIRE_5, POST_5)]
    text = chronology(events, title="Kirkuk", period=(date(2017, 10, 1), date(2017, 10, 6)))
    assert text.startswith("CHRONOLOGY: Kirkuk\n2017-10-01 to 2017-10-06\n")
    assert "Iraqi forces took Townville  [2 outlets]  [1, 2]" in text and "fighting for Townville (Iraqi forces)  [1 outlet]  [3]" in text
    cited = text.split("SOURCES", 1)[1].splitlines()[1:]
    assert len(cited) == 3 and all(SOURCE_LINE.match(line) for line in cited)


VILLAGE = Place(key="gn:2", name="Hilltop", lat=35.6, lon=43.8, country="IQ", admin1="Kirkuk", feature_code="PPL")


def at(place: Place, ev: Event) -> Event:
    from dataclasses import replace

    return replace(ev, place=place, place_name=place.name)


def test_one_day_s_captures_by_one_side_share_a_sentence_and_a_day_reads_in_the_order_of_a_battle() -> None:
    day = date(2017, 10, 4)
    events = [
        event("territory_taken", day, "Iraqi forces", WIRE_4),
        at(VILLAGE, event("territory_taken", day, "Iraqi forces", POST_5)),
        event("operation_start", day, "Iraqi forces", WIRE_5),
    ]
    text = situation_report(events, [], ReportPeriod(date(2017, 10, 1), date(2017, 10, 6)))
    assert "On October 4, Iraqi forces launched an operation on Townville. [2]" in text
    assert "Iraqi forces took Townville and Hilltop. [1, 3]" in text
    assert text.index("launched an operation") < text.index("took Townville")


def test_an_area_s_story_starts_a_new_paragraph_after_a_lull() -> None:
    events = [event("battle", date(2017, 10, 1), "Iraqi forces", WIRE_4), event("battle", date(2017, 10, 9), "Iraqi forces", WIRE_5)]
    text = situation_report(events, [], ReportPeriod(date(2017, 10, 1), date(2017, 10, 10)))
    assert "**Kirkuk.** On October 1, Iraqi forces fought for Townville. [2]\n\nOn October 9, Iraqi forces fought for Townville. [1]" in text


def test_the_headline_names_the_captures_most_outlets_reported() -> None:
    events = [
        at(VILLAGE, event("territory_taken", date(2017, 10, 3), "Islamic State", WIRE_4)),
        event("territory_taken", date(2017, 10, 5), "Iraqi forces", WIRE_5, POST_5),
    ]
    text = situation_report(events, [], ReportPeriod(date(2017, 10, 1), date(2017, 10, 6)))
    assert text.startswith("# Iraqi forces take Townville; Islamic State takes Hilltop\n")


@pytest.mark.model
def test_a_report_kept_to_one_war_tells_only_the_places_in_its_countries(demo_store_path: Path) -> None:
    db = ["--db", str(demo_store_path)]
    period = ["--from", "2017-10-20", "--to", "2017-11-20"]
    iraq = CliRunner().invoke(main, [*db, "report", *period, "--theatre", "iraq-syria-2014-2019"])
    assert iraq.exit_code == 0, iraq.output
    assert "Iraq and Syria, 2014-2019." in iraq.output and "**Anbar.**" in iraq.output
    ukraine = CliRunner().invoke(main, [*db, "report", *period, "--theatre", "ukraine-2022"])
    assert ukraine.exit_code == 0 and "No event was recorded in the period." in ukraine.output
    chronology = CliRunner().invoke(main, [*db, "chronology", *period, "--theatre", "ukraine-2022"])
    assert chronology.exit_code == 0 and chronology.output.startswith("CHRONOLOGY: Ukraine")
    unknown = CliRunner().invoke(main, [*db, "report", *period, "--theatre", "atlantis-1999"])
    assert unknown.exit_code != 0 and "Traceback" not in unknown.output
