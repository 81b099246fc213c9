"""Views of a sentence's spaCy parse beside the reader's n-grams, side by side (train split only).

usage: python scripts/experiments/parse_views.py [VIEW[+VIEW...][@WEIGHT] ...]   e.g. none deps deps+masked lemmas tensor@1.0

Each variant trains the shipped reader's model on the train split with the views added (each view
hashed, l2-normalised and weighted), chooses each type's threshold on dev as `frontlines train`
does, and is scored on dev lines, dev article sentences and the spent waves' lines (`scored` split:
held-out waves already scored once, which the train split does not hold). Tuned, not blind, figures.
Views: deps (head>link>word lemmas, `reader.parse_views`), masked (names and numbers replaced by their
kind, word 1-3 grams), lemmas (lemma 1-2 grams), tags (tag:link of verbs), tensor (the mean of the
parser's token vectors).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reader_variants import VARIANTS, fit, load, score  # noqa: E402

from frontlines.config import Settings  # noqa: E402
from frontlines.extract.nlp import load_nlp  # noqa: E402
from frontlines.reader import linear  # noqa: E402
from frontlines.reader.parse_views import parse_words  # noqa: E402
from frontlines.reader.train import gather, tuned_thresholds  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def parse_all(texts: list[str]) -> dict[str, dict]:
    nlp = load_nlp(Settings().model)
    parsed = {}
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=256), strict=True):
        deps, masked = parse_words(doc)
        parsed[text] = {
            "deps": deps, "masked": masked,
            "lemmas": " ".join(t.lemma_.lower() for t in doc if not t.is_punct),
            "tags": " ".join(f"{t.tag_}:{t.dep_}" for t in doc if t.pos_ in ("VERB", "AUX")),
            "tensor": doc.tensor.mean(axis=0) if len(doc) else np.zeros(96),
        }  # fmt: skip
    return parsed


def views_of(parsed: dict[str, dict]) -> dict:
    def hashed(view: str, ngrams: tuple[int, int]):
        vectorizer = HashingVectorizer(n_features=2**16, alternate_sign=False, norm="l2", lowercase=False, token_pattern=r"\S+", ngram_range=ngrams)
        return lambda texts: vectorizer.transform([parsed[t][view] for t in texts])

    def tensor(texts):
        rows = [parsed[t]["tensor"] / (np.linalg.norm(parsed[t]["tensor"]) + 1e-9) for t in texts]
        return sparse.csr_matrix(np.array(rows, dtype=np.float32))

    return {"deps": hashed("deps", (1, 1)), "masked": hashed("masked", (1, 3)), "lemmas": hashed("lemmas", (1, 2)), "tags": hashed("tags", (1, 2)), "tensor": tensor}


def main() -> None:
    train, sets = load()
    every = gather(sorted((ROOT / "annotations" / "current_events").glob("*.jsonl")), [])
    sets["spent"] = [e for e in every.examples if e.split == "scored"]
    texts = sorted({e.text for e in train} | {e.text for v in sets.values() for e in v})
    start = time.perf_counter()
    views = views_of(parse_all(texts))
    print(f"parsed {len(texts)} texts in {time.perf_counter() - start:.0f} s; sets {({k: len(v) for k, v in sets.items()})}", flush=True)
    plain = linear._with_cues
    for spec in sys.argv[1:] or ["none", "deps", "masked", "deps+masked"]:
        names, weight = spec.split("@") if "@" in spec else (spec, "0.5")
        chosen = [v for v in names.split("+") if v and v != "none"]

        def with_views(x, texts, cues, chosen=chosen, weight=float(weight)):
            return sparse.hstack([plain(x, texts, cues)] + [weight * views[v](texts) for v in chosen], format="csr")

        linear._with_cues = with_views
        reader = fit(train, **VARIANTS["shipped"])
        reader.thresholds.update(tuned_thresholds(reader, sets["lines"] + sets["articles"]))
        for name, examples in sets.items():
            s = score(reader, examples)
            per = " ".join(f"{t[:5]} {v:.2f}" for t, v in s["types"].items())
            print(f"{spec:22} {name:8} ev {s['event_f1']:.3f} macro {s['macro_f1']:.3f} mod {s['modality']:.3f} | {per}", flush=True)
        linear._with_cues = plain


if __name__ == "__main__":
    main()
