"""Teach the claim judge from annotated FA-KES articles: read each with the reader (no judge), mark which
claims match an analyst's gold event (`frontlines.evaluate.matches`: type, place, day at the gold's
precision), fit (`frontlines.reader.judge.fit_judge`), and keep the judge beside the reader's weights."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from frontlines.evaluate import Evaluation, matches, score_report
from frontlines.model import Claim
from frontlines.reader.judge import ClaimJudge, JudgedStory, fit_judge


def judged_stories(
    reader_folder: Path, article_annotations: Sequence[Path], splits: Sequence[str], progress: Callable[[str], None] = lambda _: None, batch: int = 16
) -> list[JudgedStory]:
    """The annotated articles of `splits`, each read by the reader in `reader_folder` with no judge."""
    from frontlines.extract.pipeline import Pipeline
    from frontlines.reader.article_eval import article_report, gold_events
    from frontlines.reader.corpus import load_articles
    from frontlines.reader.examples import annotation_records
    from frontlines.reader.splits import split_of_item

    records = [r for file, r in annotation_records(article_annotations) if split_of_item(r["id"], file) in splits]
    if not records:
        return []
    articles = load_articles()
    pipeline = Pipeline(reader=str(reader_folder), judge=None)
    stories = []
    for start in range(0, len(records), batch):
        progress(f"reading annotated articles for the claim judge: {start} of {len(records)}")
        chunk = records[start : start + batch]
        reports = [article_report(articles[r["id"]]) for r in chunk]
        for record, report, read in zip(chunk, reports, pipeline.read_batch(reports), strict=True):
            gold = gold_events(record, articles[record["id"]], pipeline.gazetteer)
            stories.append(JudgedStory(report, read.claims, read.verdicts, [any(matches(c, g) for g in gold) for c in read.claims], gold, record["id"]))
    return stories


def event_f1(stories: Sequence[JudgedStory], kept: Sequence[list[Claim]]) -> float:
    """F1 of events over the stories, as `frontlines.reader.article_eval` scores articles."""
    from frontlines.reader.article_eval import one_per_event

    result = Evaluation()
    for story, claims in zip(stories, kept, strict=True):
        score_report(story.group, one_per_event(claims), story.gold, result)
    return result.as_dict()["overall"]["f1"]


def train_judge(
    reader_folder: Path,
    article_annotations: Sequence[Path],
    splits: Sequence[str],
    progress: Callable[[str], None] = lambda _: None,
    *,
    lessons: Sequence[JudgedStory] = (),
) -> ClaimJudge | None:
    """Fit a judge for the reader in `reader_folder` and save it there; None when no annotated article is
    in `splits` (the reader then reads without one). `lessons`: reports analysts reviewed
    (`frontlines.reader.judge_verdicts`), learned beside the articles."""
    stories = judged_stories(reader_folder, article_annotations, splits, progress)
    if not stories:
        return None
    progress(f"fitting the claim judge on {sum(len(s.claims) for s in stories)} claims of {len(stories)} articles")
    judge = fit_judge(stories, event_f1, lessons=lessons)
    judge.meta["splits"] = list(splits)
    judge.save(reader_folder)
    return judge
