"""Extraction over batches of reports: one nlp.pipe pass, then each report read sentence by sentence.

`extract_batch` is the unit of work a worker pool or a cluster calls unchanged: it takes plain
reports and returns plain claims, loading the model once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from spacy.language import Language

from frontlines.config import Settings
from frontlines.extract.actors import ActorFinder
from frontlines.extract.claims import PlaceFinder, SentenceReader
from frontlines.extract.dates import DateResolver
from frontlines.extract.glued_lists import lost_its_commas
from frontlines.extract.lead_dates import with_the_bodys_day
from frontlines.extract.lexicon import (
    ActorTable,
    TriggerTable,
    load_actors,
    load_triggers,
)
from frontlines.extract.nlp import load_nlp
from frontlines.extract.responsibility import claimed_by, with_claimed_doer, with_unnamed_doer
from frontlines.extract.sentences import citations, story_paragraphs
from frontlines.extract.story import StoryContext
from frontlines.model import Claim, Report
from frontlines.reader.bundled import EventReader, load_judge, load_reader, reader_setting
from frontlines.reader.judge import ClaimJudge
from frontlines.reader.scoring import SentenceVerdict
from frontlines.report_dates import anchor_day, dates_as_far_as_known
from frontlines.theatre_match import matcher_for
from frontlines.theatres import Theatre, all_theatres, load_theatre

EXTRACTOR_VERSION = "1"


@dataclass
class ReadReport:
    """One report as the extractor read it, before the claim judge."""

    claims: list[Claim]
    verdicts: list[SentenceVerdict | None]  # the reader's verdict on each claim's sentence


class Pipeline:
    """Reports in, claims out. Dependencies are passed in; defaults are loaded lazily."""

    def __init__(
        self,
        *,
        nlp: Language | None = None,
        gazetteer: PlaceFinder | None = None,
        triggers: TriggerTable | None = None,
        actors: ActorTable | None = None,
        settings: Settings | None = None,
        reader: EventReader | None | str = "default",
        theatre: Theatre | None = None,
        judge: ClaimJudge | None | str = "default",
    ) -> None:
        """`theatre`: the war every report is read in (countries, armed groups, sides). Without one,
        each report is read in the war it names (see `frontlines.theatre_match`), the bundled default
        theatre when it names none. `actors`, a ready actor table, is made for one war: with it, every
        report is read in `theatre` (the default one unless given). `judge`: the claim judge
        (`frontlines.reader.judge`), by default the one beside a reader named by folder; None reads without
        one."""
        self.settings = settings or Settings()
        self.theatre = theatre or load_theatre()
        self._matcher = matcher_for(all_theatres()) if theatre is None and actors is None else None
        self.event_reader = load_reader(reader_setting()) if reader == "default" else (load_reader(reader) if isinstance(reader, str) else reader)
        self.judge = _judge_for(reader, self.event_reader) if judge == "default" else (load_judge(judge) if isinstance(judge, str) else judge)
        self.nlp = nlp or load_nlp(self.settings.model)
        if gazetteer is None:
            from frontlines.gazetteer import Gazetteer

            gazetteer = Gazetteer.bundled()
        self.gazetteer = gazetteer
        self._triggers = triggers or load_triggers()
        self._actors = actors
        self._readers: dict[int, tuple[Theatre, SentenceReader]] = {}  # id of the theatre -> it and its reader
        self.reader = self.reader_for(self.theatre)

    def theatre_of(self, report: Report) -> Theatre:
        """The war a report is read in: the pipeline's when it was given one, else the one it names."""
        if self._matcher is None:
            return self.theatre
        return self._matcher.match(f"{report.title}\n{report.text}", report.published)

    def reader_for(self, theatre: Theatre) -> SentenceReader:
        """The sentence reader of a theatre (its actor table and sides), built once."""
        if id(theatre) not in self._readers:
            actor_finder = ActorFinder(self._actors or load_actors(theatre=theatre), theatre)
            reader = SentenceReader(self._triggers, actor_finder, self.gazetteer, DateResolver(), theatre)
            self._readers[id(theatre)] = (theatre, reader)  # the theatre is kept, so its id is not reused
        return self._readers[id(theatre)][1]

    def extract(self, report: Report) -> list[Claim]:
        return self.extract_batch([report])[0]

    def extract_batch(self, reports: Sequence[Report]) -> list[list[Claim]]:
        """Claims of each report, in order; the quote of each claim is the report text at its span."""
        read = self.read_batch(reports)
        if self.judge is None:
            return [r.claims for r in read]
        return [self.judge.keep(r.claims, r.verdicts, report) for report, r in zip(reports, read, strict=True)]

    def read_batch(self, reports: Sequence[Report]) -> list[ReadReport]:
        """Each report's claims before the judge, with the reader's verdict on each claim's sentence."""
        pieces = [(p.text, (index, p.start)) for index, report in enumerate(reports) for p in story_paragraphs(report.text)]
        results: list[list[Claim]] = [[] for _ in reports]
        theatres = [self.theatre_of(r) for r in reports]
        readers = [self.reader_for(t) for t in theatres]
        contexts = [
            StoryContext(published=_anchor(r), running_date=(day := self._headline_date(r)), base_date=day, cited=_cited_dates(r.text), countries=t.countries or None,
                         commas_lost=lost_its_commas(r.text))
            for r, t in zip(reports, theatres, strict=True)
        ]
        for report, reader, context in zip(reports, readers, contexts, strict=True):
            context.countries_told |= reader.homes_in_story(report.text)
        docs = list(self.nlp.pipe(pieces, as_tuples=True, batch_size=self.settings.batch_size))
        sentences = [(sentence, index, start) for doc, (index, start) in docs for sentence in doc.sents]
        spans = [s for s, _, _ in sentences]
        verdicts = self.event_reader.read([s.text for s in spans], spans) if self.event_reader else [None] * len(sentences)
        verdict_at: list[dict[int, SentenceVerdict | None]] = [{} for _ in reports]  # claim start -> its sentence's verdict
        for (sentence, index, start), verdict in zip(sentences, verdicts, strict=True):
            offset = start + sentence.start_char
            for claim in readers[index].read(sentence, offset, contexts[index], verdict):
                results[index].append(replace(claim, report_id=reports[index].id))
                verdict_at[index][claim.start] = verdict
        told: list[list[str]] = [[] for _ in reports]
        for sentence, index, _ in sentences:
            told[index].append(sentence.text)
        results = [with_claimed_doer(claims, claimed_by(told[i], readers[i].actors), readers[i].actors) for i, claims in enumerate(results)]
        results = [with_unnamed_doer(claims, contexts[i].named_actors, readers[i].actors) for i, claims in enumerate(results)]
        results = [with_the_bodys_day(claims, contexts[i].published) for i, claims in enumerate(results)]
        return [
            ReadReport(claims, [verdict_at[i].get(c.start) for c in claims])
            for i, claims in enumerate(dates_as_far_as_known(report, claims) for report, claims in zip(reports, results, strict=True))
        ]


    def _headline_date(self, report: Report) -> date | None:
        """A day named in the headline ("3 November: ...") is where the story starts."""
        days = [m for m in self.reader.dates.mentions(report.title, _anchor(report), None) if m.sets_running_date]
        return days[0].value.value if days else None


def _judge_for(reader: EventReader | None | str, event_reader: EventReader | None) -> ClaimJudge | None:
    """The judge beside a reader named by folder (the bundled one by default); none for a reader passed
    as an object, or for the trigger rules alone."""
    folder = reader_setting() if reader == "default" else (reader if isinstance(reader, str) else None)
    return load_judge(folder) if folder and event_reader is not None else None


def _cited_dates(text: str) -> dict[str, date]:
    """Outlet -> the day of its article in the post's SOURCES list (when it cites that outlet once)."""
    by_outlet: dict[str, set[date]] = {}
    for citation in citations(text):
        by_outlet.setdefault(citation.outlet, set()).add(citation.published)
    return {outlet: next(iter(days)) for outlet, days in by_outlet.items() if len(days) == 1}


def _anchor(report: Report) -> date:
    """The day the report's relative dates resolve against: its publication day; the last day of its
    month or year when it knows only that; ``UNKNOWN_ANCHOR`` when it has no date (or an impossible
    one). Dates resolved against a month, a year or nothing are then widened or dropped by
    ``frontlines.report_dates.dates_as_far_as_known``, last step of ``extract_batch``."""
    return anchor_day(report)


@lru_cache(maxsize=2)
def default_pipeline(model: str) -> Pipeline:
    return Pipeline(settings=Settings(model=model))


def extract_batch(reports: Sequence[Report], model: str | None = None) -> list[list[Claim]]:
    """The batch function workers call: the pipeline is built once per process and reused."""
    return default_pipeline(model or Settings().model).extract_batch(reports)
