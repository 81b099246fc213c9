"""Modality classifiers side by side on dev (train split only): the event decision stays the
linear reader's, so the difference is how events are told.

usage: python scripts/experiments/modality.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import yaml
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction.text import HashingVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reader_variants import fit, load  # noqa: E402

from frontlines.reader.examples import READER_MODALITIES  # noqa: E402

CUES = Path(__file__).resolve().parents[2] / "src/frontlines/data/models/reader/cues.yaml"  # as it is now, not as first measured


def cue_block(texts):
    groups = yaml.safe_load(CUES.read_text())
    pats = [re.compile(r"\b(?:" + "|".join(p) + ")", re.I) for p in groups.values()]
    rows = [[np.log1p(len(p.findall(t))) for p in pats] for t in texts]
    return sparse.csr_matrix(np.array(rows, dtype=np.float32))


def main() -> None:
    train, sets = load()
    reader = fit(train)
    tr = [e for e in train if e.modality]
    y = np.array([READER_MODALITIES.index(e.modality) for e in tr])
    w_art = np.array([3.0 if e.origin.startswith("fakes:") else 1.0 for e in tr])
    base_tr = reader.features([e.text for e in tr])
    wv = HashingVectorizer(analyzer="word", ngram_range=(1, 3), n_features=2**18, alternate_sign=False, token_pattern=r"(?u)\b\w[\w'-]*\b")
    feats = {
        "base": lambda texts: reader.features(texts),
        "base+cues": lambda texts: sparse.hstack([reader.features(texts), cue_block(texts)], format="csr"),
        "base+cues x0.5": lambda texts: sparse.hstack([reader.features(texts), 0.5 * cue_block(texts)], format="csr"),
        "word1-3": lambda texts: _l2(wv.transform(texts)),
        "word1-3+cues": lambda texts: sparse.hstack([_l2(wv.transform(texts)), 0.5 * cue_block(texts)], format="csr"),
    }
    dev_pred = {}
    for name, ex in sets.items():
        v = reader.read([e.text for e in ex])
        dev_pred[name] = [x.modality is not None for x in v]
    for fname, f in feats.items():
        xtr = f([e.text for e in tr])
        for c in (4.0, 16.0):
            for label, sw, cw in (("", None, None), (" art3", w_art, None), (" bal", None, "balanced")):
                m = LogisticRegression(C=c, max_iter=3000, class_weight=cw).fit(xtr, y, sample_weight=sw)
                out = []
                for name, ex in sets.items():
                    idx = [i for i, e in enumerate(ex) if e.modality]
                    p = m.predict(f([ex[i].text for i in idx]))
                    right = sum(dev_pred[name][i] and READER_MODALITIES[k] == ex[i].modality for i, k in zip(idx, p))
                    given = sum(READER_MODALITIES[k] == ex[i].modality for i, k in zip(idx, p) if dev_pred[name][i])
                    out.append(f"{name} {right / len(idx):.3f} (given {given / sum(dev_pred[name][i] for i in idx):.3f})")
                print(f"{fname:15} C={c:4}{label:5} | " + " | ".join(out), flush=True)


def _l2(x):
    x = x.astype(np.float32)
    x.data = np.log1p(x.data)
    n = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    n[n == 0] = 1
    return sparse.diags(1 / n) @ x


if __name__ == "__main__":
    main()
