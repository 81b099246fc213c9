"""The claim judge: a logistic regression that weighs each claim against its story and keeps it when it is
likely an event an analyst would put in the chronology at that place and day.

The reader says which events a sentence tells; the rules say where and when. Many claims so made are
not the story's events: an earlier strike retold at another town, a neighbourhood where the analyst
codes the city, a date a day off. The judge learns from annotated articles (`judge_training`) which
claims match an analyst's gold event, and from the events analysts confirmed or rejected in the store
(`judge_verdicts`), by the reader's scores and where and when the claim puts the event
(`judge_features`). It only weighs claims told as current events that name a place (a claim with no
place is kept: nothing is dropped for want of a place) in reports of at least `MIN_WORDS` words (a news
summary of a line or two has no story to weigh a claim against; the reader alone reads it). It ships as
`judge.json` beside the reader's weights; a reader folder without one has no judge.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim, Report
from frontlines.reader.judge_features import event_key, feature_names, story_features
from frontlines.reader.scoring import SentenceVerdict

FILE = "judge.json"
MIN_WORDS = 100  # current-events lines: 99% are shorter; news articles: 95% are longer
THRESHOLD_GRID = tuple(round(0.1 + 0.05 * n, 2) for n in range(9))  # 0.10 .. 0.50


@dataclass
class ClaimJudge:
    names: list[str]
    weights: list[float]
    bias: float
    threshold: float
    meta: dict = field(default_factory=dict)

    def probabilities(self, rows: Sequence[dict[str, float]]) -> list[float]:
        out = []
        for row in rows:
            z = self.bias + sum(w * row.get(n, 0.0) for n, w in zip(self.names, self.weights, strict=True))
            out.append(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))))
        return out

    def keep(self, claims: Sequence[Claim], verdicts: Sequence[SentenceVerdict | None], report: Report) -> list[Claim]:
        """The claims of one report the judge keeps, in order: all of them in a report too short to be a
        story, and every claim it does not weigh."""
        if not is_a_story(report) or not claims:
            return list(claims)
        chances = event_chances(claims, self.probabilities(story_features(claims, verdicts, report)))
        return [c for c, p in zip(claims, chances, strict=True) if p >= self.threshold]

    def summary(self) -> dict:
        """What the model card and `frontlines train --json` say of the judge."""
        return {"threshold": self.threshold, "features": len(self.names), **self.meta}

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        data = {"features": dict(zip(self.names, (round(w, 6) for w in self.weights), strict=True)), "bias": round(self.bias, 6),
                "threshold": self.threshold, **self.meta}  # fmt: skip
        (folder / FILE).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> ClaimJudge | None:
        path = folder / FILE
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        meta = {k: v for k, v in data.items() if k not in ("features", "bias", "threshold")}
        return cls(list(data["features"]), list(data["features"].values()), data["bias"], data["threshold"], meta)


def event_chances(claims: Sequence[Claim], chances: Sequence[float]) -> list[float]:
    """Each weighed claim's chance raised to the best of the weighed claims that tell the same event
    (type, place, day): an event is kept or left whole, however many sentences tell it. A claim the
    judge does not weigh has a chance of 1."""
    best: dict[tuple, float] = {}
    for claim, chance in zip(claims, chances, strict=True):
        if weighed(claim):
            best[event_key(claim)] = max(best.get(event_key(claim), 0.0), chance)
    return [best[event_key(c)] if weighed(c) else 1.0 for c in claims]


def is_a_story(report: Report) -> bool:
    return len(report.text.split()) >= MIN_WORDS


def weighed(claim: Claim) -> bool:
    """The claims the judge weighs: current events that name a place (resolved or in the text's words)."""
    return claim.modality in EVENT_MODALITIES and (claim.place is not None or bool(claim.place_mention))


@dataclass
class JudgedStory:
    """One annotated report as the extractor read it, before any judge: its claims, the reader's verdict on
    each claim's sentence, and whether each claim matches an analyst's gold event."""

    report: Report
    claims: list[Claim]
    verdicts: list[SentenceVerdict | None]
    matched: list[bool]
    gold: list = field(default_factory=list)  # the analyst's events (frontlines.evaluate.GoldEvent), to score by
    group: str = ""  # stories of one group (an article) are never split between fitting and choosing
    labelled: list[bool] | None = None  # which claims `matched` speaks for (None: all; an analyst reviews some)

    def teaches(self, index: int) -> bool:
        return weighed(self.claims[index]) and (self.labelled is None or self.labelled[index])


def fit_judge(
    stories: Sequence[JudgedStory],
    score: Callable[[Sequence[JudgedStory], Sequence[list[Claim]]], float],
    *,
    lessons: Sequence[JudgedStory] = (),
    folds: int = 5,
    c: float = 1.0,
) -> ClaimJudge:
    """Fit on every weighed claim; choose the threshold by `score` (F1 of events over the stories) on
    claims judged by judges that did not see their story (folds by group). `lessons` (analysts' verdicts,
    `frontlines.reader.judge_verdicts`) are learned by every fold and by the judge, and scored by none."""
    from sklearn.linear_model import LogisticRegression

    names = feature_names()
    rows, labels, positions = _weighed_rows(stories, names)
    taught, taught_labels, _ = _weighed_rows(lessons, names)
    held_back = _cross_validated(rows, labels, [_fold(stories[s].group, folds) for s, _ in positions], folds, c, taught, taught_labels)
    chances: list[list[float]] = [[1.0] * len(story.claims) for story in stories]
    for (story_index, claim_index), chance in zip(positions, held_back, strict=True):
        chances[story_index][claim_index] = chance
    chances = [event_chances(story.claims, mine) for story, mine in zip(stories, chances, strict=True)]

    def kept_at(threshold: float) -> list[list[Claim]]:
        return [[c for c, p in zip(story.claims, mine, strict=True) if p >= threshold] for story, mine in zip(stories, chances, strict=True)]

    figures = {th: score(stories, kept_at(th)) for th in (0.0, *THRESHOLD_GRID)}
    threshold = max(THRESHOLD_GRID, key=lambda th: (figures[th], -th))
    model = LogisticRegression(C=c, max_iter=5000).fit(rows + taught, labels + taught_labels)
    meta = {"claims": len(rows), "matched": sum(labels), "stories": len(stories), "verdicts": len(taught),
            "cross_validated_f1": {str(th): round(f, 4) for th, f in figures.items()}}  # fmt: skip
    return ClaimJudge(names, [float(w) for w in model.coef_[0]], float(model.intercept_[0]), threshold, meta)


def _weighed_rows(stories: Sequence[JudgedStory], names: list[str]) -> tuple[list[list[float]], list[int], list[tuple[int, int]]]:
    """Features, labels and (story, claim) positions of every claim the stories teach, in order."""
    rows, labels, positions = [], [], []
    for index, story in enumerate(stories):
        if not is_a_story(story.report):
            continue
        for k, (row, matched) in enumerate(zip(story_features(story.claims, story.verdicts, story.report), story.matched, strict=True)):
            if story.teaches(k):
                rows.append([row.get(n, 0.0) for n in names])
                labels.append(int(matched))
                positions.append((index, k))
    return rows, labels, positions


def _cross_validated(
    rows: list[list[float]], labels: list[int], fold_of_row: list[int], folds: int, c: float, taught: list[list[float]], taught_labels: list[int]
) -> list[float]:
    """Each row's chance by a model fitted on the other folds and the lessons (1.0 where a fold cannot be fitted)."""
    from sklearn.linear_model import LogisticRegression

    chances = [1.0] * len(rows)
    for fold in range(folds):
        train = [i for i, f in enumerate(fold_of_row) if f != fold]
        held = [i for i, f in enumerate(fold_of_row) if f == fold]
        if not held or len({labels[i] for i in train} | set(taught_labels)) < 2:
            continue
        model = LogisticRegression(C=c, max_iter=5000).fit([rows[i] for i in train] + taught, [labels[i] for i in train] + taught_labels)
        for i, p in zip(held, model.predict_proba([rows[i] for i in held])[:, 1], strict=True):
            chances[i] = float(p)
    return chances


def _fold(group: str, folds: int) -> int:
    import hashlib

    return int(hashlib.sha1(group.encode("utf-8")).hexdigest(), 16) % folds
