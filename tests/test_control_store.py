"""Fusion and control in the store (SQLite and PostgreSQL): new reports join the events around them,
event ids stay, baselines and analysts' notes flow into the timeline, and `control --on` reads it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.control_api import add_note, control_on, fuse_events, history, load_baseline, set_control, timeline
from frontlines.errors import ControlError
from frontlines.model import Claim, DateValue, Place, Report
from frontlines.store import Store

IS, IRAQ = "Islamic State", "Iraqi forces"


@pytest.fixture
def places(gazetteer) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    return {name: gazetteer.lookup(name)[0][0] for name in ("Rawa", "Anah", "al-Qaim", "Husaybah", "Anbar")}


def report(store: Store, outlet: str, published: date, *claims: tuple) -> list[int]:  # type: ignore[type-arg]
    """Store a report with hand-made claims (event type, place, day, actor[, modality]); fuse."""
    text = f"{outlet} {published} " + " ".join(f"{c[0]} {c[1].name}" for c in claims)
    (report_id, _), = store.add_reports([Report(outlet=outlet, title=text[:40], published=published, text=text, raw=text.encode())])
    made = [
        Claim(
            report_id=report_id, event_type=kind, quote=f"{actor} {kind} {place.name}", start=i, end=i + 1, actor=actor,
            target_actor=IS if actor == IRAQ else None, controller_after=actor if kind == "territory_taken" else None,
            place_mention=place.name, place=place, date=DateValue(when, "day"), modality=rest[0] if rest else "asserted",
            trigger=kind,
        )
        for i, (kind, place, when, actor, *rest) in enumerate(claims)
    ]  # fmt: skip
    store.save_claims({report_id: made}, "test")
    fuse_events(store)
    return [c.id for c in store.claims([report_id])]  # type: ignore[misc]


def events_at(store: Store, place: Place) -> list:  # type: ignore[type-arg]
    return store.events(place_keys=[place.key])


def test_a_new_report_joins_the_event_it_tells_and_the_event_keeps_its_id(store: Store, places: dict[str, Place]) -> None:
    rawa = places["Rawa"]
    report(store, "Iraqi News", date(2017, 11, 17), ("territory_taken", rawa, date(2017, 11, 17), IRAQ))
    (first,) = events_at(store, rawa)
    report(store, "Xinhua", date(2017, 11, 18), ("territory_taken", rawa, date(2017, 11, 17), IRAQ))
    report(store, "Anadolu Agency", date(2017, 11, 19), ("territory_taken", rawa, date(2017, 11, 18), None))
    (event,) = events_at(store, rawa)
    assert event.id == first.id and {s.outlet for s in event.sources} == {"Iraqi News", "Xinhua", "Anadolu Agency"}
    assert event.date == date(2017, 11, 17) and event.confidence > first.confidence


def test_a_report_extracted_again_leaves_no_ghost_sources(store: Store, places: dict[str, Place]) -> None:
    rawa, anah = places["Rawa"], places["Anah"]
    report(store, "Iraqi News", date(2017, 11, 17), ("territory_taken", rawa, date(2017, 11, 17), IRAQ))
    report(store, "Xinhua", date(2017, 11, 18), ("territory_taken", rawa, date(2017, 11, 17), IRAQ))
    (xinhua,) = [s for s in store.reports() if s.report.outlet == "Xinhua"]
    fixed = Claim(report_id=xinhua.id, event_type="territory_taken", quote="q", start=0, end=1, actor=IRAQ, controller_after=IRAQ,
                  place=anah, place_mention="Anah", date=DateValue(date(2017, 9, 21)))  # fmt: skip
    store.save_claims({xinhua.id: [fixed]}, "test-2")
    fuse_events(store)
    (at_rawa,) = events_at(store, rawa)
    assert [s.outlet for s in at_rawa.sources] == ["Iraqi News"] and len(events_at(store, anah)) == 1


def test_control_on_a_day_follows_the_baseline_and_the_captures(store: Store, places: dict[str, Place], gazetteer) -> None:  # type: ignore[no-untyped-def]
    rawa, anah = places["Rawa"], places["Anah"]
    set_control(store, "Rawa", IS, date(2017, 8, 1), gazetteer=gazetteer)
    set_control(store, "Anah", IS, date(2017, 8, 1), gazetteer=gazetteer)
    report(store, "Al Sumaria", date(2017, 9, 21), ("territory_taken", anah, date(2017, 9, 21), IRAQ))
    report(store, "NINA", date(2017, 11, 15), ("battle", rawa, date(2017, 11, 14), IRAQ))
    on_10th = {pc.place.name: pc.span for pc in control_on(store, date(2017, 11, 10)).places}
    assert on_10th["Rawa"].holder == IS and on_10th["Anah"].holder == IRAQ and on_10th["Anah"].start == date(2017, 9, 21)
    on_15th = control_on(store, date(2017, 11, 15), country="IQ")
    assert {pc.place.name: pc.span.label for pc in on_15th.places} == {"Rawa": "contested", "Anah": IRAQ}
    assert [pc.place.name for pc in control_on(store, date(2017, 11, 15), actor=IRAQ).places] == ["Anah"]
    (anbar,) = on_15th.provinces
    assert anbar.province == "Anbar" and dict(anbar.holders) == {IRAQ: 1, "contested": 1}
    assert control_on(store, date(2017, 7, 1)).places == ()


def test_a_baseline_file_in_yaml_or_csv_starts_the_timeline(store: Store, tmp_path: Path, gazetteer) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "b.yaml").write_text("since: 2017-08-01\nplaces:\n  - {place: Rawa, holder: Islamic State}\n  - {place: Deir ez-Zor, country: SY, holder: contested}\n")
    (tmp_path / "b.csv").write_text("place,holder,since,country\nal-Qaim,Islamic State,2017-08-01,IQ\n")
    assert load_baseline(store, tmp_path / "b.yaml", gazetteer=gazetteer) == 2
    assert load_baseline(store, tmp_path / "b.csv", gazetteer=gazetteer) == 1
    held = {pc.place.name: pc.span.label for pc in control_on(store, date(2017, 9, 1)).places}
    assert held == {"Rawa": IS, "al-Qaim": IS, "Deir ez-Zor": "contested"}


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("places:\n  - {place: Rawa, holder: Islamic State}\n", "not a date"),
        ("since: 2017-08-01\nplaces:\n  - {place: Nowhereville Xq, holder: Islamic State}\n", "no place called"),
        ("since: 2017-08-01\nplaces: [{holder: Islamic State}]\n", "needs a place"),
    ],
)
def test_a_bad_baseline_names_the_entry_and_the_fix(sqlite_store: Store, tmp_path: Path, gazetteer, content: str, says: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "b.yaml").write_text(content)
    with pytest.raises(ControlError) as caught:
        load_baseline(sqlite_store, tmp_path / "b.yaml", gazetteer=gazetteer)
    assert says in caught.value.message and "entry 1" in caught.value.message and caught.value.hint


def test_a_rejected_event_no_longer_moves_control_and_repeats_of_it_stay_rejected(store: Store, places: dict[str, Place], gazetteer) -> None:  # type: ignore[no-untyped-def]
    rawa = places["Rawa"]
    set_control(store, "Rawa", IS, date(2017, 8, 1), gazetteer=gazetteer)
    report(store, "Between Two Rivers", date(2017, 9, 30), ("territory_taken", rawa, date(2017, 9, 20), IRAQ))
    (false_capture,) = events_at(store, rawa)
    assert control_on(store, date(2017, 10, 1)).places[0].span.holder == IRAQ
    add_note(store, "event", false_capture.id, "Rawa held out until November", author="analyst", verdict="reject")  # type: ignore[arg-type]
    assert control_on(store, date(2017, 10, 1)).places[0].span.holder == IS
    report(store, "Al Mada", date(2017, 9, 22), ("territory_taken", rawa, date(2017, 9, 21), IRAQ))
    (still,) = events_at(store, rawa)
    assert still.id == false_capture.id and len(still.sources) == 2
    assert control_on(store, date(2017, 10, 1)).places[0].span.holder == IS
    assert any(e.kind == "note" and "held out" in e.text for e in history(store, "Rawa", gazetteer=gazetteer).entries)


def test_a_correction_of_the_date_moves_the_event_and_the_change_of_control(store: Store, places: dict[str, Place], gazetteer) -> None:  # type: ignore[no-untyped-def]
    rawa = places["Rawa"]
    set_control(store, "Rawa", IS, date(2017, 8, 1), gazetteer=gazetteer)
    report(store, "Iraqi News", date(2017, 11, 17), ("territory_taken", rawa, date(2017, 11, 10), IRAQ))
    (event,) = events_at(store, rawa)
    add_note(store, "event", event.id, "Friday was the 17th", author="analyst", verdict="correct", corrections={"date": "2017-11-17"})  # type: ignore[arg-type]
    (corrected,) = events_at(store, rawa)
    assert corrected.id == event.id and corrected.date == date(2017, 11, 17)
    assert control_on(store, date(2017, 11, 12)).places[0].span.holder == IS


def test_a_rejected_report_leaves_every_event(store: Store, places: dict[str, Place]) -> None:
    rawa = places["Rawa"]
    report(store, "Iraqi News", date(2017, 11, 17), ("territory_taken", rawa, date(2017, 11, 17), IRAQ))
    report(store, "Fake Wire", date(2017, 11, 17), ("territory_taken", rawa, date(2017, 11, 17), IRAQ))
    (fake,) = [s for s in store.reports() if s.report.outlet == "Fake Wire"]
    add_note(store, "report", fake.id, "fabricated", author="analyst", verdict="reject")
    (event,) = events_at(store, rawa)
    assert [s.outlet for s in event.sources] == ["Iraqi News"]


@pytest.mark.parametrize(
    ("kind", "target", "verdict", "fixes", "says"),
    [
        ("event", 999, "reject", None, "no event with id 999"),
        ("place", 1, None, None, "not 'place'"),
        ("event", 1, "approve", None, "unknown verdict"),
        ("event", 1, "correct", {"colour": "red"}, "cannot correct"),
        ("event", 1, "reject", {"date": "2017-11-17"}, "need the verdict `correct`"),
    ],
)
def test_a_bad_note_is_refused_with_a_hint(sqlite_store: Store, kind: str, target: int, verdict: str | None, fixes: dict | None, says: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ControlError) as caught:
        add_note(sqlite_store, kind, target, "x", author="a", verdict=verdict, corrections=fixes)
    assert says in caught.value.message and caught.value.hint


def test_a_disputed_capture_lists_both_sides_and_leaves_the_place_contested(store: Store, places: dict[str, Place], gazetteer) -> None:  # type: ignore[no-untyped-def]
    anah = places["Anah"]
    set_control(store, "Anah", IS, date(2017, 8, 1), gazetteer=gazetteer)
    report(store, "Al Sumaria", date(2017, 9, 21), ("territory_taken", anah, date(2017, 9, 21), IRAQ))
    report(store, "Amaq", date(2017, 9, 21), ("territory_taken", anah, date(2017, 9, 21), IS))
    (event,) = events_at(store, anah)
    entry = next(e for e in history(store, "Anah", gazetteer=gazetteer).entries if e.event is not None)
    assert entry.facts is not None and entry.facts.disputed and "disputed" in entry.text
    assert control_on(store, date(2017, 9, 22)).places[0].span.label == "contested"
    add_note(store, "event", event.id, "confirmed by our stringer", author="analyst", verdict="confirm")  # type: ignore[arg-type]
    assert control_on(store, date(2017, 9, 22)).places[0].span.label == IRAQ


def test_the_timeline_lists_changes_of_control_in_order(store: Store, places: dict[str, Place], gazetteer) -> None:  # type: ignore[no-untyped-def]
    set_control(store, "Rawa", IS, date(2017, 8, 1), gazetteer=gazetteer)
    set_control(store, "Anah", IS, date(2017, 8, 1), gazetteer=gazetteer)
    report(store, "Al Sumaria", date(2017, 9, 21), ("territory_taken", places["Anah"], date(2017, 9, 21), IRAQ))
    report(store, "Iraqi News", date(2017, 11, 17), ("territory_taken", places["Rawa"], date(2017, 11, 17), IRAQ))
    changes = timeline(store, region="Anbar", gazetteer=gazetteer)
    assert [(c.day, c.place.name, c.before, c.after) for c in changes][-2:] == [
        (date(2017, 9, 21), "Anah", IS, IRAQ), (date(2017, 11, 17), "Rawa", IS, IRAQ),
    ]  # fmt: skip
    assert [c.place.name for c in timeline(store, place="Rawa", gazetteer=gazetteer)] == ["Rawa", "Rawa"]
    assert len(timeline(store, region="IQ", gazetteer=gazetteer)) == 4


def test_a_corrected_place_joins_the_event_there_and_the_note_follows(store: Store, places: dict[str, Place], gazetteer) -> None:  # type: ignore[no-untyped-def]
    anah, rawa = places["Anah"], places["Rawa"]
    report(store, "Al Sumaria", date(2017, 9, 21), ("territory_taken", anah, date(2017, 9, 21), IRAQ))
    report(store, "NINA", date(2017, 9, 22), ("territory_taken", rawa, date(2017, 9, 21), IRAQ))  # "Ana" read as Rawa
    (at_anah,), (misplaced,) = events_at(store, anah), events_at(store, rawa)
    note_id = add_note(store, "event", misplaced.id, "the report means Anah", author="analyst", verdict="correct", corrections={"place": "Anah"}, gazetteer=gazetteer)  # type: ignore[arg-type]
    (merged,) = events_at(store, anah)
    assert merged.id == at_anah.id and {s.outlet for s in merged.sources} == {"Al Sumaria", "NINA"} and events_at(store, rawa) == []
    notes = history(store, "Anah", gazetteer=gazetteer).entries
    assert any(e.kind == "note" and "means Anah" in e.text for e in notes) and note_id
