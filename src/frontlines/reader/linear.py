"""The shipped reader model: logistic regressions over hashed word and character n-grams, and a
few counts of cue-word groups (`data/models/reader/cues.yaml`: "said", "reportedly", "will", a year)
that say how an event is told; the groups a reader learned with are kept in its meta.json.

Hashing keeps no vocabulary, so the file holds only the idf weights and the coefficients, stored
as float16 in one compressed `.npz` beside a `meta.json`; loading is a numpy read. scikit-learn
is needed to train, and at run time only for its (stateless) hashing vectorizers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from frontlines.reader.scoring import SentenceVerdict

if TYPE_CHECKING:
    from spacy.tokens import Span

N_FEATURES = 2**17
CUES = Path(__file__).resolve().parent.parent / "data" / "models" / "reader" / "cues.yaml"
TIMELINE_MODALITIES = frozenset({"asserted", "reported", "hedged"})
CUE_WEIGHT = 0.5  # a cue group's log count, beside the l2-normalised n-grams


def default_cues() -> dict[str, list[str]]:
    """The cue groups in `data/models/reader/cues.yaml`: words that tell how an event is told."""
    import yaml

    return yaml.safe_load(CUES.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _cue_patterns(groups: tuple[tuple[str, tuple[str, ...]], ...]) -> list[re.Pattern[str]]:
    return [re.compile(r"\b(?:" + "|".join(patterns) + ")", re.IGNORECASE) for _, patterns in groups]


def cue_counts(texts: Sequence[str], cues: Mapping[str, Sequence[str]]) -> sparse.csr_matrix:
    """log(1 + how often each cue group occurs) in each text, one column per group."""
    patterns = _cue_patterns(tuple((k, tuple(v)) for k, v in cues.items()))
    rows = [[np.log1p(len(p.findall(text))) for p in patterns] for text in texts]
    return sparse.csr_matrix(np.array(rows, dtype=np.float32).reshape(len(texts), len(patterns)))


def _vectorizers() -> list:
    from sklearn.feature_extraction.text import HashingVectorizer

    common = dict(n_features=N_FEATURES, alternate_sign=False, norm=None, lowercase=True, dtype=np.float32)
    return [
        HashingVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"(?u)\b\w[\w'-]*\b", **common),
        HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), **common),
    ]


def hashed_counts(texts: Sequence[str]) -> sparse.csr_matrix:
    """Word 1-2 grams and character 3-5 grams of each text, hashed side by side."""
    return sparse.hstack([v.transform(texts) for v in _vectorizers()], format="csr")


def _features(texts: Sequence[str], idf: np.ndarray, cues: Mapping[str, Sequence[str]]) -> sparse.csr_matrix:
    return _with_cues(_tfidf(hashed_counts(texts), idf), texts, cues)


def _with_cues(x: sparse.csr_matrix, texts: Sequence[str], cues: Mapping[str, Sequence[str]]) -> sparse.csr_matrix:
    if not cues:
        return x
    return sparse.hstack([x, CUE_WEIGHT * cue_counts(texts, cues)], format="csr")


def _with_views(
    x: sparse.csr_matrix, texts: Sequence[str], views: Sequence[str], sentences: Sequence[Span] | None = None, parsed: Sequence[tuple[str, str]] | None = None
) -> sparse.csr_matrix:
    """The parse views beside the features: from views already taken (`parsed`), from the parsed
    `sentences` the texts are, or from parsing the texts."""
    if not views:
        return x
    from frontlines.reader.parse_views import parse_texts, parse_words, view_features

    if parsed is None:
        parsed = [parse_words(s) for s in sentences] if sentences is not None else parse_texts(texts)
    return sparse.hstack([x, view_features(parsed, views)], format="csr")


def _tfidf(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    x = counts.copy()
    x.data = np.log1p(x.data)
    x = x @ sparse.diags(idf.astype(np.float32))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ x


@dataclass
class LinearReader:
    """Scores for "tells an event", each event type (independent, sigmoid) and each modality (softmax)."""

    types: tuple[str, ...]
    modalities: tuple[str, ...]
    idf: np.ndarray
    event_coef: np.ndarray  # (features,)
    event_bias: float
    type_coef: np.ndarray  # (types, features)
    type_bias: np.ndarray
    modality_coef: np.ndarray  # (modalities, features)
    modality_bias: np.ndarray
    thresholds: dict[str, float]
    meta: dict
    cues: dict[str, list[str]] = field(default_factory=dict)
    views: tuple[str, ...] = ()  # views of the parse it reads (`reader.parse_views`), beside the words

    def features(self, texts: Sequence[str], sentences: Sequence[Span] | None = None) -> sparse.csr_matrix:
        """The features of texts; a reader with parse views takes them from the parsed `sentences`
        the texts are, or parses the texts itself."""
        return _with_views(_features(texts, self.idf, self.cues), texts, self.views, sentences)

    def event_probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        z = np.asarray(x @ self.event_coef.astype(np.float32)).ravel() + self.event_bias
        return 1.0 / (1.0 + np.exp(-z))

    def type_probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        z = np.asarray(x @ self.type_coef.T.astype(np.float32)) + self.type_bias
        return 1.0 / (1.0 + np.exp(-z))

    def modality_probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        z = np.asarray(x @ self.modality_coef.T.astype(np.float32)) + self.modality_bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def tells_event(self, events: np.ndarray, types: np.ndarray) -> np.ndarray:
        """Which sentences tell an event: the event score reaches its threshold, or one type's score
        reaches `any_type` (a withdrawal or a toll the event score underrates)."""
        return (events >= self.thresholds["event"]) | (types.max(axis=1) >= self.thresholds.get("any_type", 1.01))

    def read(self, texts: Sequence[str], sentences: Sequence[Span] | None = None) -> list[SentenceVerdict]:
        """Which events each text tells, and how: the verdicts the extractor acts on (given the parsed
        sentences, a reader with parse views reads them from there)."""
        if not texts:
            return []
        x = self.features(texts, sentences)
        events, types, modalities = self.event_probabilities(x), self.type_probabilities(x), self.modality_probabilities(x)
        verdicts = []
        for p_event, p_types, p_modality, tells in zip(events, types, modalities, self.tells_event(events, types), strict=True):
            scores = {"event": float(p_event), **{t: float(p) for t, p in zip(self.types, p_types, strict=True)}}
            if not tells:
                verdicts.append(SentenceVerdict(frozenset(), None, scores))
                continue
            told = {t for t, p in zip(self.types, p_types, strict=True) if p >= self.thresholds[t]}
            told = told or {self.types[int(p_types.argmax())]}
            best = int(p_modality.argmax())
            verdicts.append(SentenceVerdict(frozenset(told), self.modalities[best], scores, float(p_modality[best])))
        return verdicts

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / "weights.npz",
            idf=self.idf.astype(np.float32),
            event_coef=self.event_coef.astype(np.float16),
            event_bias=np.array([self.event_bias], dtype=np.float32),
            type_coef=self.type_coef.astype(np.float16),
            type_bias=self.type_bias.astype(np.float32),
            modality_coef=self.modality_coef.astype(np.float16),
            modality_bias=self.modality_bias.astype(np.float32),
        )
        meta = {**self.meta, "types": list(self.types), "modalities": list(self.modalities), "thresholds": self.thresholds, "cues": self.cues, "views": list(self.views),
                "features": {"hashing": N_FEATURES, "word_ngrams": [1, 2], "char_wb_ngrams": [3, 5], "weighting": "log tf-idf, l2"}}  # fmt: skip
        (folder / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> LinearReader:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        with np.load(folder / "weights.npz") as w:
            arrays = {k: w[k] for k in w.files}
        return cls(
            types=tuple(meta["types"]),
            modalities=tuple(meta["modalities"]),
            idf=arrays["idf"],
            event_coef=arrays["event_coef"],
            event_bias=float(arrays["event_bias"][0]),
            type_coef=arrays["type_coef"],
            type_bias=arrays["type_bias"],
            modality_coef=arrays["modality_coef"],
            modality_bias=arrays["modality_bias"],
            thresholds=meta["thresholds"],
            meta=meta,
            cues=meta.get("cues", {}),
            views=tuple(meta.get("views", ())),
        )


def fit_linear(
    texts: Sequence[str],
    types: Sequence[frozenset[str]],
    modalities: Sequence[str | None],
    *,
    type_names: Sequence[str],
    modality_names: Sequence[str],
    c_types: float = 4.0,
    c_modality: float = 4.0,
    meta: dict | None = None,
    cues: Mapping[str, Sequence[str]] | None = None,
    origins: Sequence[str] | None = None,
    c_event: float | None = None,
    type_weight: str | None = "balanced",
    types_on_events: bool = False,
    modality_weight: str | None = "timeline",
    article_modality_weight: float = 1.0,
    views: Sequence[str] = (),
    parsed: Sequence[tuple[str, str]] | None = None,
) -> LinearReader:
    """Train on sentences with their event types (multi-label) and the modality of those with events.

    `cues` adds one feature per cue group. The options after it are the alternatives measured in
    `scripts/experiments/reader_variants.py` (their defaults are what ships): the event model's own C,
    unweighted types, types learned from event sentences only, modality classes weighted (balanced,
    halfway with "sqrt_balanced", or None), and FA-KES
    sentences (`origins` starting "fakes:") weighted up in the modality model. `views` adds views of
    each text's parse (`reader.parse_views`), from `parsed` when the texts were parsed already.
    """
    from sklearn.linear_model import LogisticRegression

    counts = hashed_counts(texts)
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = (np.log((1 + len(texts)) / (1 + df)) + 1.0).astype(np.float32)
    cues = {k: list(v) for k, v in (cues or {}).items()}
    x = _with_cues(_tfidf(counts, idf), texts, cues)
    x = _with_views(x, texts, views, parsed=parsed)
    event = LogisticRegression(C=c_event or c_types, class_weight="balanced", max_iter=2000)
    event.fit(x, np.array([bool(t) for t in types], dtype=int))
    type_coef = np.zeros((len(type_names), x.shape[1]), dtype=np.float32)
    type_bias = np.full(len(type_names), -10.0, dtype=np.float32)
    rows = [i for i, t in enumerate(types) if t] if types_on_events else list(range(len(types)))
    for row, name in enumerate(type_names):
        y = np.array([name in types[i] for i in rows], dtype=int)
        if y.sum() == 0 or y.sum() == len(y):
            continue
        model = LogisticRegression(C=c_types, class_weight=type_weight, max_iter=2000)
        model.fit(x[rows], y)
        type_coef[row] = model.coef_[0]
        type_bias[row] = model.intercept_[0]
    with_event = [i for i, m in enumerate(modalities) if m is not None]
    modality_coef = np.zeros((len(modality_names), x.shape[1]), dtype=np.float32)
    modality_bias = np.full(len(modality_names), -10.0, dtype=np.float32)
    told = sorted({modalities[i] for i in with_event})
    if len(told) == 1:
        modality_bias[modality_names.index(told[0])] = 10.0  # one way of telling in the data: the reader knows no other
    elif told:
        y = np.array([modality_names.index(modalities[i]) for i in with_event])
        weight = np.array([article_modality_weight if origins and origins[i].startswith("fakes:") else 1.0 for i in with_event])
        model = LogisticRegression(C=c_modality, class_weight=_modality_weights(y, modality_names, modality_weight), max_iter=2000)
        model.fit(x[with_event], y, sample_weight=weight)
        if len(model.classes_) == 2:
            negative, positive = model.classes_
            modality_coef[positive], modality_bias[positive] = model.coef_[0], model.intercept_[0]
            modality_coef[negative], modality_bias[negative] = -model.coef_[0], -model.intercept_[0]
        else:
            for row, index in enumerate(model.classes_):
                modality_coef[index], modality_bias[index] = model.coef_[row], model.intercept_[row]
    return LinearReader(
        types=tuple(type_names),
        modalities=tuple(modality_names),
        idf=idf,
        event_coef=event.coef_[0].astype(np.float32),
        event_bias=float(event.intercept_[0]),
        type_coef=type_coef,
        type_bias=type_bias,
        modality_coef=modality_coef,
        modality_bias=modality_bias,
        thresholds={"event": 0.5, **{name: 0.5 for name in type_names}},
        meta=dict(meta or {}),
        cues=cues,
        views=tuple(views),
    )


def _modality_weights(y: np.ndarray, modality_names: Sequence[str], scheme: str | None) -> str | dict[int, float] | None:
    """Class weights of the modality model. "sqrt_balanced": halfway to balanced (the rarer ways of
    telling count more, not fully); "timeline": the same among asserted, reported and hedged only, the
    others (which move a claim out of the timeline) at 1; else scikit-learn's own (balanced, None)."""
    if scheme not in ("sqrt_balanced", "timeline"):
        return scheme
    labels, counts = np.unique(y, return_counts=True)
    weighed = {int(k): int(n) for k, n in zip(labels, counts, strict=True)}
    if scheme == "timeline":
        weighed = {k: n for k, n in weighed.items() if modality_names[k] in TIMELINE_MODALITIES}
    total = sum(weighed.values())
    return {int(k): float(np.sqrt(total / (len(weighed) * weighed[int(k)]))) if int(k) in weighed else 1.0 for k in labels}
