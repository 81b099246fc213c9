"""The store keeps reports once, replaces claims transactionally, and serves events with sources."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.api import refuse
from frontlines.model import Claim, DateValue, Place, Report
from frontlines.store import Store

AKKAS = Place(key="fl:akkas-gas-field", name="Akkas gas field", lat=33.93, lon=40.98, country="IQ", admin1="Anbar", feature_code="OILF")


def a_report(text: str = "Iraqi forces retook the Akkas gas field on Tuesday.", outlet: str = "Iraqi News") -> Report:
    raw = f"title: Akkas\n\n{text}".encode()
    return Report(outlet=outlet, title="Akkas retaken", published=date(2017, 10, 31), text=text, raw=raw, url="https://example.org/a", origin="a.txt")


def a_claim(report_id: int, text: str) -> Claim:
    return Claim(
        report_id=report_id, event_type="territory_taken", quote=text, start=0, end=len(text), actor="Iraqi forces",
        target_actor="Islamic State", controller_after="Iraqi forces", place_mention="Akkas gas field", place=AKKAS,
        date=DateValue(date(2017, 10, 31), "day", "on Tuesday"),
    )  # fmt: skip


def test_same_bytes_are_stored_once(store: Store) -> None:
    first = store.add_reports([a_report()])
    again = store.add_reports([a_report()])
    assert first[0][1] is True and again == [(first[0][0], False)]
    assert store.count("reports") == 1


def test_report_round_trips_with_its_raw_bytes(store: Store) -> None:
    report = a_report()
    (report_id, _), = store.add_reports([report])
    stored = store.reports([report_id])[0].report
    assert stored.raw == report.raw and stored.text == report.text and stored.outlet == "Iraqi News"
    assert stored.published == date(2017, 10, 31)


def test_claims_are_replaced_not_duplicated(store: Store) -> None:
    (report_id, _), = store.add_reports([a_report()])
    text = a_report().text
    store.save_claims({report_id: [a_claim(report_id, text)]}, "v1")
    store.save_claims({report_id: [a_claim(report_id, text)]}, "v1")
    claims = store.claims()
    assert len(claims) == 1 and claims[0].place == AKKAS and claims[0].date.value == date(2017, 10, 31)
    assert store.report_ids_needing_extraction("v1") == [] and store.report_ids_needing_extraction("v2") == [report_id]


def test_events_carry_their_sources_with_quote_and_span(store: Store) -> None:
    (report_id, _), = store.add_reports([a_report()])
    text = a_report().text
    store.save_claims({report_id: [a_claim(report_id, text)]}, "v1")
    refuse(store)
    (found,) = store.events(since=date(2017, 10, 1), types=["territory_taken"])
    (source,) = found.sources
    assert source.quote == text[source.start : source.end] and source.outlet == "Iraqi News"
    assert found.place == AKKAS
    assert store.events(until=date(2017, 10, 30)) == []


def test_a_failed_write_leaves_earlier_reports_untouched(store: Store) -> None:
    store.add_reports([a_report()])
    broken = Report(outlet="X", title=None, published=None, text="t", raw=b"other bytes")  # type: ignore[arg-type]
    with pytest.raises(Exception):
        store.add_reports([a_report("A second, good report."), broken])
    assert store.count("reports") == 1


def test_unreachable_database_names_the_url_and_a_fix() -> None:
    from frontlines.errors import StoreError

    with pytest.raises(StoreError) as caught:
        Store.open("postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert "127.0.0.1:1" in str(caught.value) and "secret" not in str(caught.value)
    assert "FRONTLINES_DB" in caught.value.hint
