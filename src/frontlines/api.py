"""The library API the CLI wraps: ingest, extract, events, evaluate."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from frontlines.config import MAX_INPUT_BYTES, Settings, database_url
from frontlines.model import Claim, Event, IngestProblem, Report

if TYPE_CHECKING:  # SQLAlchemy and the scorer load when a function needs them, not at import
    from frontlines.evaluate import Evaluation
    from frontlines.ingest.published import DateHint
    from frontlines.store import Store
    from frontlines.store.event_filters import EventMatch
    from frontlines.store.fusion_store import FusionUpdate
    from frontlines.theatres import Theatre

Progress = Callable[[int, int], None]  # (done, total)
log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    added: list[int] = field(default_factory=list)
    duplicates: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    claims: int = 0  # claims this run saved (its own reports' and those a killed run left unread)
    events: int = 0  # events this run created
    undated: list[str] = field(default_factory=list)  # origins of the new reports stored without a date
    references: int = 0  # titles of posts' SOURCES lists this run stored (each also a report in `added`)
    unread_references: list[str] = field(default_factory=list)  # SOURCES lines not read, with origin, line and reason

    @property
    def ok(self) -> bool:
        return not self.problems


def open_store(db: str | None = None, *, must_exist: bool = False) -> Store:
    """The store named by --db / FRONTLINES_DB, or ./frontlines.db.

    With ``must_exist`` (read commands), an SQLite file that is not there is a StoreError that says
    so, instead of a new empty database.
    """
    from frontlines.store import Store

    return Store.open(database_url(db), create=not must_exist)


def ingest(
    inputs: Iterable[str | Path],
    *,
    store: Store,
    run_extraction: bool = True,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    fetch: bool = False,
    pipeline: object | None = None,
    progress: Progress | None = None,
    batch_size: int = 200,
    dates: DateHint | None = None,
    theatre: Theatre | str | Path | None = None,
    origin_as: Callable[[str], str] | None = None,
) -> IngestResult:
    """Read files, folders, feeds, JSONL or stdin; store new reports; extract and fuse what is pending.

    Pending is every report not yet extracted and every claim not yet fused, whichever run stored
    it, so running an ingest again after it was killed finishes its work. The result counts what
    this run added: reports, claims saved, events created. Bad inputs are collected as problems
    (file name, reason, hint) and the good ones are stored; re-ingesting the same bytes adds nothing.
    ``dates`` is what the caller knows about publication dates (``--published``, ``--year``; see
    ``frontlines.ingest.published``): a report is stored whatever its date, with no date at all when
    none is found. A post's SOURCES list becomes its references, each cited headline a short report
    of its own (see ``frontlines.citations_api``). ``theatre``: the war every report is read in (a
    theatre, its name or file); by default each report is read in the war it names. ``origin_as``: how
    an input's origin (its path as given) is stored and named in problems; the workbench names an
    upload by its own file name, not by the temporary folder it was saved in.
    """
    import dataclasses

    from frontlines.citations_api import store_citations
    from frontlines.ingest.dispatch import read_inputs

    result = IngestResult()
    pending: list[Report] = []

    def flush() -> None:
        stored = store.add_reports(pending)
        for report, (report_id, is_new) in zip(pending, stored, strict=True):
            if is_new:
                result.added.append(report_id)
                if report.published is None:
                    result.undated.append(report.origin)
            else:
                result.duplicates += 1
        # also for posts stored before: a killed run may have stored a post and not its references
        cited = store_citations(store, [(report, report_id) for report, (report_id, _) in zip(pending, stored, strict=True)])
        result.added += cited.headlines
        result.undated += cited.undated_headlines
        result.references += cited.references
        result.unread_references += cited.unread
        pending.clear()

    for item in read_inputs(inputs, stdin=stdin, max_bytes=max_bytes, fetch=fetch, dates=dates):
        if origin_as is not None:
            item = dataclasses.replace(item, origin=origin_as(item.origin))
        if isinstance(item, IngestProblem):
            result.problems.append(item)
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    flush()
    if run_extraction:
        # everything not yet read, this run's reports and those a killed run stored, then every
        # claim not yet fused: a resumed ingest finishes what an interrupted one left
        pending = store.report_ids_never_extracted()
        result.claims = _extract_claims(store, pending, pipeline=pipeline, progress=progress, unless_extracted=True, theatre=theatre)
        result.events = len(_fuse_pending(store).created)
    return result


def extract(
    store: Store,
    report_ids: Sequence[int] | None = None,
    *,
    pipeline: object | None = None,
    progress: Progress | None = None,
    batch_size: int = 64,
    theatre: Theatre | str | Path | None = None,
) -> int:
    """Extract claims from the given reports (default: those not yet extracted), then fuse events.

    ``theatre``: the war every report is read in (a theatre, its name or file); by default each
    report is read in the war it names (see ``frontlines.theatre_match``).

    Each claim's date is kept no more exact than its report's publication date allows (see
    ``frontlines.report_dates``). A report extraction cannot read (spaCy refusing its text, a date
    past the calendar's end) is logged and left without claims; the others are read as usual.
    """
    from frontlines.extract import EXTRACTOR_VERSION

    ids = list(report_ids) if report_ids is not None else store.report_ids_needing_extraction(EXTRACTOR_VERSION)
    saved = _extract_claims(store, ids, pipeline=pipeline, progress=progress, batch_size=batch_size, theatre=theatre)
    refuse(store)
    return saved


def _extract_claims(
    store: Store, ids: Sequence[int], *, pipeline: object | None, progress: Progress | None, batch_size: int = 64,
    unless_extracted: bool = False, theatre: Theatre | str | Path | None = None,
) -> int:  # fmt: skip
    """Read the given reports and save their claims (without fusing); returns the claims saved.
    ``unless_extracted``: leave a report that another process extracted meanwhile as it is."""
    from frontlines.extract import EXTRACTOR_VERSION, Pipeline

    if not ids:
        return 0  # nothing to read: no model loaded
    if pipeline is not None:
        runner = pipeline
    else:
        from frontlines.gazetteer import Gazetteer

        # the bundled gazetteer plus what `frontlines gazetteer import` stored
        from frontlines.theatres import load_theatre

        chosen = load_theatre(theatre) if isinstance(theatre, str | Path) else theatre
        runner = Pipeline(settings=Settings(batch_size=batch_size), gazetteer=Gazetteer.from_store(store), theatre=chosen)
    saved = 0
    for start in range(0, len(ids), batch_size):
        chunk = [stored.report for stored in store.reports(ids[start : start + batch_size])]
        claims = _extract_each_if_needed(runner, chunk)
        found = {r.id: c for r, c in zip(chunk, claims) if r.id is not None}
        saved += store.save_claims(found, EXTRACTOR_VERSION, unless_extracted=unless_extracted)
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    return saved


def _extract_each_if_needed(runner: object, reports: list[Report]) -> list[list[Claim]]:
    """Claims of each report (dated as far as its publication date allows). When the batch fails,
    each report is read alone, and one that fails alone gets no claims (and a warning)."""
    try:
        return runner.extract_batch(reports)  # type: ignore[attr-defined]
    except (ValueError, OverflowError):
        return [_extract_alone(runner, report) for report in reports]


def _extract_alone(runner: object, report: Report) -> list[Claim]:
    try:
        return runner.extract_batch([report])[0]  # type: ignore[attr-defined]
    except (ValueError, OverflowError) as error:  # spaCy's E088 (text too long), a date past year 9999
        log.warning(
            "report %s (%s): extraction failed and it gets no claims: %s: %s",
            report.id, report.origin or report.title, type(error).__name__, str(error).splitlines()[0] if str(error) else "",
        )  # fmt: skip
        return []


def refuse(store: Store, *, rebuild: bool = False) -> int:
    """Fuse the claims not yet fused into events, incrementally (new claims join the events around
    them, event ids stay), and update the control timeline; `rebuild` fuses every claim again.
    Returns the number of events stored."""
    _fuse_pending(store, rebuild=rebuild)
    return store.count("events")


def _fuse_pending(store: Store, *, rebuild: bool = False) -> FusionUpdate:
    from frontlines.control_api import fuse_events

    return fuse_events(store, rebuild=rebuild)


def events(
    store: Store,
    *,
    place: str | None = None,
    since: date | None = None,
    until: date | None = None,
    types: Sequence[str] | None = None,
    gazetteer: object | None = None,
    include_rejected: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[Event]:
    """Stored events, oldest first, each with its review state (``Event.review``: confirmed,
    rejected, corrected or none); `place` is any spelling of a place name. Events an analyst
    rejected are left out unless `include_rejected`; `offset` and `limit` page through them."""
    return list(iter_events(
        store, place=place, since=since, until=until, types=types, gazetteer=gazetteer,
        include_rejected=include_rejected, limit=limit, offset=offset,
    ))  # fmt: skip


def iter_events(
    store: Store,
    *,
    place: str | None = None,
    since: date | None = None,
    until: date | None = None,
    types: Sequence[str] | None = None,
    gazetteer: object | None = None,
    include_rejected: bool = False,
    limit: int | None = None,
    offset: int = 0,
    actor: str | None = None,
    outlet: str | None = None,
    review: str | None = None,
    text: str | None = None,
    needs_review: bool = False,
) -> Iterator[Event]:
    """The events of :func:`events` one at a time, read from the store in chunks: constant memory
    and a first event at once, however many match. `actor` (doer or target), `outlet` (of a
    source) and `text` (in a quote or the place's name) match any part, in any case; `review` is
    one of confirmed, rejected, corrected, none (asking for rejected ones includes them);
    `needs_review` keeps the review queue (see :func:`review_queue_reasons`)."""
    keys = _place_keys(store, place, gazetteer)
    return store.iter_events(
        place_keys=keys, place_text=place, since=since, until=until, types=types,
        include_rejected=include_rejected or review == "rejected", limit=limit, offset=offset,
        match=_match(actor, outlet, review, text, needs_review),
    )  # fmt: skip


def count_events(
    store: Store,
    *,
    place: str | None = None,
    since: date | None = None,
    until: date | None = None,
    types: Sequence[str] | None = None,
    gazetteer: object | None = None,
    include_rejected: bool = False,
    actor: str | None = None,
    outlet: str | None = None,
    review: str | None = None,
    text: str | None = None,
    needs_review: bool = False,
) -> int:
    """How many events :func:`iter_events` lists without a limit."""
    keys = _place_keys(store, place, gazetteer)
    return store.count_events(
        place_keys=keys, place_text=place, since=since, until=until, types=types,
        include_rejected=include_rejected or review == "rejected", match=_match(actor, outlet, review, text, needs_review),
    )  # fmt: skip


def event(store: Store, event_id: int) -> Event | None:
    """The stored event with this id, with its sources and review state (rejected or not), or None."""
    from frontlines.store.event_filters import EventMatch

    return next(store.iter_events(include_rejected=True, match=EventMatch(event_id=event_id), limit=1), None)


def review_queue_reasons(store: Store, event_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Why each of these events waits in the review queue (disputed, one outlet only, low confidence);
    events that do not wait are left out."""
    return store.review_reasons(event_ids)


def _match(actor: str | None, outlet: str | None, review: str | None, text: str | None, needs_review: bool = False) -> EventMatch | None:
    from frontlines.store.event_filters import EventMatch

    found = EventMatch(actor=actor or None, outlet=outlet or None, review=review or None, text=text or None, needs_review=needs_review)
    return None if found.empty else found


def _place_keys(store: Store, place: str | None, gazetteer: object | None) -> list[str] | None:
    if not place:
        return None
    from frontlines.gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.from_store(store)
    return [p.key for p, _ in gaz.lookup(place)[:5]]  # type: ignore[attr-defined]


def evaluate(directory: str | Path, *, pipeline: object | None = None, progress: Progress | None = None) -> Evaluation:
    """Run extraction over every report that has a gold file in `directory` and score it."""
    from frontlines.errors import GoldError
    from frontlines.evaluate import Evaluation, read_gold, score_report
    from frontlines.extract import Pipeline
    from frontlines.gazetteer import Gazetteer
    from frontlines.ingest.dispatch import read_inputs

    folder = Path(directory)
    gold_files = sorted(folder.rglob("*.gold.jsonl"))
    if not gold_files:
        raise GoldError(f"no gold files (*.gold.jsonl) in {folder}", hint="put X.gold.jsonl beside each report X.txt")
    runner = pipeline if pipeline is not None else Pipeline()
    gazetteer = Gazetteer.bundled()
    reports: list[Report] = []
    golds = []
    for gold_path in gold_files:
        report_path = gold_path.with_name(gold_path.name[: -len(".gold.jsonl")] + ".txt")
        items = list(read_inputs([report_path]))
        bad = [i for i in items if isinstance(i, IngestProblem)]
        if bad or not items:
            raise GoldError(f"{gold_path}: its report cannot be read: {bad[0] if bad else 'missing'}", hint=f"add {report_path.name}")
        reports.append(items[0])  # type: ignore[arg-type]
        golds.append(read_gold(gold_path, gazetteer))
    result = Evaluation()
    for start in range(0, len(reports), _EVAL_BATCH):
        chunk = slice(start, start + _EVAL_BATCH)
        for report, report_claims, gold in zip(reports[chunk], _extract_each_if_needed(runner, reports[chunk]), golds[chunk]):
            score_report(Path(report.origin).name, report_claims, gold, result)
        if progress:
            progress(min(start + _EVAL_BATCH, len(reports)), len(reports))
    return result


_EVAL_BATCH = 16  # reports read per step of `evaluate`, for its progress bar
