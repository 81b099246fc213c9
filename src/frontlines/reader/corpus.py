"""The real text the reader learns from: ../shared/corpus (or FRONTLINES_CORPUS), read by id."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from frontlines.errors import FrontlinesError


class CorpusMissing(FrontlinesError):
    """The shared corpus is not where the annotations say their text lives."""


@dataclass(frozen=True)
class CorpusLine:
    id: str
    day: date
    category: str | None
    topic: str | None
    text: str


@dataclass(frozen=True)
class CorpusArticle:
    id: str
    title: str
    source: str
    published: date | None
    text: str


def corpus_dir() -> Path:
    """FRONTLINES_CORPUS, else ../shared/corpus beside the project checkout."""
    configured = os.environ.get("FRONTLINES_CORPUS")
    if configured:
        return Path(configured)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "corpus"
        if (parent / "pyproject.toml").exists() and candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "corpus"


def _require(path: Path) -> Path:
    if not path.exists():
        raise CorpusMissing(
            f"{path}: the corpus file is missing",
            hint="point FRONTLINES_CORPUS at the folder holding current-events/ and fa-kes/",
        )
    return path


@lru_cache(maxsize=2)
def load_lines(folder: Path | None = None) -> dict[str, CorpusLine]:
    path = _require((folder or corpus_dir()) / "current-events" / "lines.jsonl")
    lines = {}
    with path.open(encoding="utf-8") as handle:
        for row in handle:
            d = json.loads(row)
            lines[d["id"]] = CorpusLine(d["id"], date.fromisoformat(d["date"]), d.get("category"), d.get("topic"), d["text"])
    return lines


def _article_date(value: str | None) -> date | None:
    try:
        return datetime.strptime(value or "", "%m/%d/%Y").date()
    except ValueError:
        return None


@lru_cache(maxsize=2)
def load_articles(folder: Path | None = None) -> dict[str, CorpusArticle]:
    path = _require((folder or corpus_dir()) / "fa-kes" / "articles.jsonl")
    articles = {}
    with path.open(encoding="utf-8") as handle:
        for row in handle:
            d = json.loads(row)
            articles[d["id"]] = CorpusArticle(d["id"], d.get("title") or "", d.get("source") or "", _article_date(d.get("date")), d["text"])
    return articles
