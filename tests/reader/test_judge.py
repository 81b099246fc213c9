"""The claim judge weighs each claim against its story and keeps the ones likely to be the story's events:
it never weighs a claim with no place, history or a plan, or the claims of a report too short to be a story;
it keeps or leaves one event whole; it learns from which claims matched an analyst's gold event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from frontlines.model import Claim, DateValue, Place, Report
from frontlines.reader.judge import ClaimJudge, JudgedStory, fit_judge
from frontlines.reader.judge_features import feature_names, story_features
from frontlines.reader.scoring import SentenceVerdict

DAY = date(2016, 8, 14)
TOWN = Place(key="gn:3", name="Townville", lat=35.9, lon=36.6, country="SY", admin1="Idlib", feature_code="PPL", population=20000)
OTHER = Place(key="gn:4", name="Otherton", lat=35.5, lon=36.2, country="SY", admin1="Idlib", feature_code="PPL", population=5000)
REPORT = Report(outlet="Wire", title="Strikes on Townville", published=DAY, text="word " * 400, raw=b"")
SURE = SentenceVerdict(types=frozenset({"airstrike"}), modality="asserted", scores={"event": 0.99, "airstrike": 0.98}, modality_score=0.9)
UNSURE = SentenceVerdict(types=frozenset({"airstrike"}), modality="asserted", scores={"event": 0.4, "airstrike": 0.2}, modality_score=0.4)


def strike(start: int, place: Place | None = TOWN, **changes: object) -> Claim:
    claim = Claim(report_id=1, event_type="airstrike", quote="q", start=start, end=start + 1, place=place, date=DateValue(DAY), place_precision="town")
    return replace(claim, **changes)  # type: ignore[arg-type]


def judge_of_type_score(threshold: float = 0.5) -> ClaimJudge:
    """A judge that trusts the reader's score of the claim's type and nothing else."""
    names = feature_names()
    return ClaimJudge(names, [12.0 if n == "type_score" else 0.0 for n in names], -6.0, threshold)


def test_a_claim_the_reader_is_unsure_of_is_left_out_and_a_sure_one_kept() -> None:
    sure, unsure = strike(0), strike(100, OTHER)
    assert judge_of_type_score().keep([sure, unsure], [SURE, UNSURE], REPORT) == [sure]


def test_what_the_judge_never_weighs_is_kept() -> None:
    no_place = strike(100, None, place_precision=None)
    history = strike(200, OTHER, modality="history")
    plan = strike(300, OTHER, modality="planned")
    kept = judge_of_type_score().keep([no_place, history, plan], [UNSURE] * 3, REPORT)
    assert kept == [no_place, history, plan]


def test_a_report_too_short_to_be_a_story_is_kept_whole() -> None:
    claims = [strike(0, OTHER)]
    summary = replace(REPORT, text=" ".join(["word"] * 99))
    assert judge_of_type_score().keep(claims, [UNSURE], summary) == claims
    assert judge_of_type_score().keep(claims, [UNSURE], replace(summary, text=summary.text + " more")) == []


def test_an_event_told_in_a_sure_sentence_keeps_its_unsure_tellings() -> None:
    told_twice = [strike(0), strike(100)]
    assert judge_of_type_score().keep(told_twice, [SURE, UNSURE], REPORT) == told_twice


def test_a_history_telling_does_not_vouch_for_a_doubted_current_one() -> None:
    doubted, background = strike(0), strike(100, modality="history")
    assert judge_of_type_score().keep([doubted, background], [UNSURE, SURE], REPORT) == [background]


def test_a_saved_judge_loads_as_it_was(tmp_path: Path) -> None:
    judge = judge_of_type_score(0.35)
    judge.meta = {"claims": 3}
    judge.save(tmp_path)
    assert ClaimJudge.load(tmp_path) == judge
    assert ClaimJudge.load(tmp_path / "nothing") is None


def test_fitting_learns_which_claims_match_the_gold_and_chooses_its_threshold_on_held_back_articles() -> None:
    def story(number: int) -> JudgedStory:
        claims = [strike(0, TOWN), strike(100, OTHER)]
        return JudgedStory(REPORT, claims, [SURE, UNSURE], matched=[True, False], group=f"article {number}")

    stories = [story(n) for n in range(40)]

    def share_kept_that_matched(stories: list[JudgedStory], kept: list[list[Claim]]) -> float:
        claims = [c for k in kept for c in k]
        return sum(c.place == TOWN for c in claims) / len(claims) if claims else 0.0

    judge = fit_judge(stories, share_kept_that_matched)
    assert judge.threshold > 0
    assert judge.meta["claims"] == 80 and judge.meta["matched"] == 40
    assert judge.meta["cross_validated_f1"]["0.0"] == pytest.approx(0.5)
    assert judge.keep(stories[0].claims, stories[0].verdicts, REPORT) == [stories[0].claims[0]]


@pytest.mark.model
def test_a_judge_is_fitted_from_annotated_articles_and_kept_beside_its_reader(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from frontlines.reader.bundled import BUNDLED
    from frontlines.reader.judge_training import train_judge

    reader = tmp_path / "reader"
    shutil.copytree(BUNDLED, reader)
    (reader / "judge.json").unlink()
    annotated = tmp_path / "fakes_00.jsonl"
    source = Path(__file__).resolve().parents[2] / "annotations" / "fakes" / "fakes_00.jsonl"
    annotated.write_text("".join(source.read_text(encoding="utf-8").splitlines(keepends=True)[:10]), encoding="utf-8")
    judge = train_judge(reader, [annotated], ("train", "dev", "scored", "test"))
    assert judge is not None and judge.meta["stories"] == 10 and 0 < judge.meta["matched"] < judge.meta["claims"]
    loaded = ClaimJudge.load(reader)
    assert loaded is not None and loaded.names == judge.names and loaded.threshold == judge.threshold
    assert loaded.weights == pytest.approx(judge.weights, abs=1e-6)
    assert train_judge(reader, [annotated], ()) is None


def test_the_card_names_the_judge_its_threshold_and_its_blind_figures(tmp_path: Path) -> None:
    from frontlines.reader.card import write_card

    judge = {"threshold": 0.3, "features": 53, "claims": 10, "matched": 6, "stories": 4, "splits": ["train"],
             "cross_validated_f1": {"0.0": 0.41, "0.3": 0.45},
             "held_out": {"wave 99": {"precision": 0.5, "recall": 0.6, "precision_without": 0.4, "recall_without": 0.7}}}  # fmt: skip
    card = write_card(tmp_path, {"judge": judge}).read_text(encoding="utf-8")
    assert "chance reaches 0.3" in card and "0.410 with no judge, 0.450 at the threshold chosen" in card
    assert "wave 99: events P 0.500 R 0.600 with the judge, P 0.400 R 0.700 without it" in card
    assert "No claim judge" in write_card(tmp_path, {}).read_text(encoding="utf-8")


def test_analysts_verdicts_teach_the_judge_beside_the_articles() -> None:
    def story(number: int) -> JudgedStory:
        return JudgedStory(REPORT, [strike(0, TOWN), strike(100, OTHER)], [SURE, UNSURE], matched=[True, False], group=f"article {number}")

    def share(stories: list[JudgedStory], kept: list[list[Claim]]) -> float:
        claims = [c for k in kept for c in k]
        return sum(c.place == TOWN for c in claims) / len(claims) if claims else 0.0

    # a team whose analysts rejected every strike the reader was sure of, and confirmed the doubted ones
    rejected = [JudgedStory(REPORT, [strike(0, TOWN), strike(100, OTHER)], [SURE, UNSURE], matched=[False, True], group=f"report:{n}") for n in range(400)]
    taught = fit_judge([story(n) for n in range(40)], share, lessons=rejected)
    alone = fit_judge([story(n) for n in range(40)], share)
    sure = story(0).claims[:1]
    assert taught.meta["verdicts"] == 800 and alone.meta["verdicts"] == 0
    assert taught.probabilities(story_features(sure, [SURE], REPORT)) < alone.probabilities(story_features(sure, [SURE], REPORT))


def test_claims_no_analyst_reviewed_teach_nothing() -> None:
    reviewed = JudgedStory(REPORT, [strike(0, TOWN), strike(100, OTHER)], [SURE, UNSURE], matched=[True, False], labelled=[True, False])
    assert [reviewed.teaches(k) for k in range(2)] == [True, False]


@pytest.mark.model
def test_a_confirmed_event_and_a_rejected_one_label_their_claims_read_again(sqlite_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import frontlines
    from frontlines.reader.bundled import BUNDLED
    from frontlines.reader.judge_verdicts import verdict_stories

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "two.txt").write_text(
        "title: Two towns\noutlet: Test Wire\npublished: 2017-11-18\n\n"
        "Iraqi forces retook the town of Rawa from the Islamic State on Friday, the army said. "
        "A car bomb exploded in Kirkuk on Friday, killing four people, police said.\n",
        encoding="utf-8",
    )
    frontlines.ingest([folder], store=sqlite_store)
    events = {e.event_type: e for e in frontlines.events(sqlite_store)}
    frontlines.add_note(sqlite_store, "event", events["territory_taken"].id, "right", author="analyst", verdict="confirm")
    frontlines.add_note(sqlite_store, "event", events["explosion"].id, "wrong", author="analyst", verdict="reject")
    (story,) = verdict_stories(sqlite_store, BUNDLED)
    labelled = {c.event_type: m for c, m, known in zip(story.claims, story.matched, story.labelled or [], strict=True) if known}
    assert labelled == {"territory_taken": True, "explosion": False}
