"""A second stage over the reader's own scores, learned out-of-fold on the train split; scored on dev.

usage: python scripts/experiments/stacking.py

Stage 1 is the linear reader; stage 2 sees the event logit, the nine type logits and the six
modality log-probabilities of a sentence (from readers that did not train on it) and decides the
event, each type and the modality again, so that one decision can use the others (a casualty toll
told as an attack, a withdrawal the event score missed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reader_variants import fit, load  # noqa: E402

from frontlines.model import EVENT_TYPES  # noqa: E402
from frontlines.reader.examples import READER_MODALITIES  # noqa: E402
from frontlines.reader.scoring import SentenceVerdict, score_sentences  # noqa: E402

GRID = [round(0.1 + 0.05 * n, 2) for n in range(17)]  # 0.10 .. 0.90


def logit(p):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def stage1(reader, texts):
    x = reader.features(texts)
    return np.hstack([logit(reader.event_probabilities(x))[:, None], logit(reader.type_probabilities(x)), np.log(reader.modality_probabilities(x) + 1e-6)])


def oof(train, options, folds=4):
    groups = sorted({e.group for e in train})
    rng = np.random.default_rng(0)
    fold_of = dict(zip(groups, rng.integers(0, folds, len(groups)), strict=True))
    z = np.zeros((len(train), 16))
    for k in range(folds):
        inner = [e for e in train if fold_of[e.group] != k]
        idx = [i for i, e in enumerate(train) if fold_of[e.group] == k]
        z[idx] = stage1(fit(inner, **options), [train[i].text for i in idx])
    return z


def main(options=None, c2=1.0, type_inputs="all"):
    options = options or {}
    train, sets = load()
    z_train = oof(train, options)
    reader = fit(train, **options)
    event_y = np.array([bool(e.types) for e in train])
    ev2 = LogisticRegression(C=c2, max_iter=1000, class_weight="balanced").fit(z_train[:, :10], event_y)
    pe_train = ev2.predict_proba(z_train[:, :10])[:, 1]
    type_models, thresholds = [], {}
    for j, t in enumerate(EVENT_TYPES):
        y = np.array([t in e.types for e in train])
        cols = list(range(10)) if type_inputs == "all" else [0, 1 + j]
        m = LogisticRegression(C=c2, max_iter=1000, class_weight="balanced").fit(z_train[:, cols], y)
        type_models.append((m, cols))
        p = m.predict_proba(z_train[:, cols])[:, 1]
        thresholds[t] = float(min(GRID, key=lambda th: -_f1(p, y, pe_train >= 0.35, th)))
    mod_rows = [i for i, e in enumerate(train) if e.modality]
    mod2 = LogisticRegression(C=c2, max_iter=2000).fit(z_train[mod_rows], [READER_MODALITIES.index(train[i].modality) for i in mod_rows])
    print("thresholds", thresholds)
    for name, ex in sets.items():
        z = stage1(reader, [e.text for e in ex])
        pe = ev2.predict_proba(z[:, :10])[:, 1]
        pt = np.column_stack([m.predict_proba(z[:, cols])[:, 1] for m, cols in type_models])
        pm = mod2.predict_proba(z)
        for variant in ("stage1 modality", "stage2 modality"):
            verdicts = []
            for i in range(len(ex)):
                if pe[i] < 0.35:
                    verdicts.append(SentenceVerdict(frozenset(), None))
                    continue
                told = {t for j, t in enumerate(EVENT_TYPES) if pt[i, j] >= thresholds[t]} or {EVENT_TYPES[int(pt[i].argmax())]}
                mod = READER_MODALITIES[int(mod2.classes_[pm[i].argmax()])] if variant.startswith("stage2") else READER_MODALITIES[int(z[i, 10:].argmax())]
                verdicts.append(SentenceVerdict(frozenset(told), mod))
            s = score_sentences([e.types for e in ex], [e.modality for e in ex], verdicts)
            per = " ".join(f"{t[:5]} {v['f1']:.2f}" for t, v in s["types"].items())
            print(f"{variant} {name:8} ev {s['event']['f1']:.3f} (P {s['event']['precision']:.3f} R {s['event']['recall']:.3f}) macro {s['macro_f1']:.3f} mod {s['modality_accuracy']:.3f} | {per}", flush=True)


def _f1(p, y, gate, th):
    said = gate & (p >= th)
    tp = (said & y).sum()
    return 2 * tp / (said.sum() + y.sum()) if tp else 0.0


if __name__ == "__main__":
    main()
