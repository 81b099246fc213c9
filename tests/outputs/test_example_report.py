"""The example situation report committed in docs/ is a post of the demo corpus whose SOURCES parse."""

from __future__ import annotations

from pathlib import Path

from frontlines.outputs.sources import SOURCE_LINE

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "situation-report-2017-10-20-2017-11-20.md"


def test_the_committed_example_report_has_a_headline_dated_paragraphs_control_and_sources_that_parse() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.startswith("# ") and "*November 20, 2017." in text
    assert "**Anbar.** On October" in text
    assert "## Control at the end of the period" in text
    cited = text.split("## SOURCES", 1)[1].strip().splitlines()
    assert len(cited) >= 20
    assert [line for line in cited if not SOURCE_LINE.match(line)] == []
