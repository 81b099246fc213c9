"""The model card written beside every trained reader: what it learned from, under which licences, how it scores."""

from __future__ import annotations

from pathlib import Path


def write_card(folder: Path, meta: dict) -> Path:
    lines = [
        f"# {meta.get('name', 'frontlines-reader')}",
        "",
        "A sentence classifier for frontlines: which war events a sentence tells (multi-label over "
        "territory_taken, battle, attack, airstrike, explosion, operation_start, withdrawal, casualties, other) "
        "and how (asserted, reported, hedged, planned, negated, history). Logistic regressions over hashed word "
        "1-2 grams and character 3-5 grams (log tf-idf), counts of cue-word groups (`cues` in meta.json, "
        "from `data/models/reader/cues.yaml`)"
        + (f" and views of each sentence's spaCy parse ({', '.join(meta['views'])}: `frontlines.reader.parse_views`)" if meta.get("views") else "")
        + ", trained with scikit-learn by `frontlines train`.",
        "",
        f"- trained: {meta.get('trained')} on the splits {', '.join(meta.get('splits', []))}: "
        f"{meta.get('examples')} sentences, {meta.get('with_events')} telling events"
        + (f"; each current-events line ending with its outlets also read without them ({meta['lines_also_read_bare']} lines)" if meta.get("lines_also_read_bare") else ""),
        "- annotated items read, every split (only the splits above were learned from): "
        + "; ".join(f"{k} ({v})" for k, v in meta.get("sources", {}).items() if v),
        "",
        "## Data and licences",
        "",
    ]
    lines += [f"- {item}" for item in meta.get("licences", [])] or ["- the user's own annotations"]
    lines += [
        "- labels: annotations written by the frontlines team (ids, offsets and labels; no text is stored in the model);"
        " gold report files and analysts' verdicts belong to whoever wrote them (the bundled demo corpus is the project's own)",
        "",
    ]
    lines += ["## Figures on splits it did not train on", ""]
    held = meta.get("held_out", {})
    if held:
        lines += ["| split | items | event F1 | type macro F1 | modality accuracy |", "|---|---|---|---|---|"]
        lines += [f"| {k} | {v['items']} | {v['event_f1']:.3f} | {v['type_macro_f1']:.3f} | {v['modality_accuracy']:.3f} |" for k, v in held.items()]
    else:
        held_back = [s for s in ("dev", "test") if s not in meta.get("splits", [])]
        lines += [f"None scored: the {' and '.join(held_back)} split{'s were' if len(held_back) > 1 else ' was'} held out unscored."
                  if held_back else "None: it was trained on every split it was given."]  # fmt: skip
    lines += ["", "Thresholds: " + ", ".join(f"{k} {v}" for k, v in meta.get("thresholds", {}).items()), ""]
    lines += _judge_lines(meta.get("judge"))
    path = folder / "MODEL_CARD.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _judge_lines(judge: dict | None) -> list[str]:
    from frontlines.reader.judge import MIN_WORDS

    if not judge:
        return ["No claim judge: every claim the reader and the rules make is kept.", ""]
    figures = judge.get("cross_validated_f1", {})
    threshold = judge["threshold"]
    return [
        "## The claim judge (`judge.json`)",
        "",
        f"A logistic regression over {judge.get('features', 'a few dozen')} features of each claim in its story "
        "(`frontlines.reader.judge_features`), fitted on "
        f"{judge.get('claims')} claims ({judge.get('matched')} matching an analyst's gold event) of {judge.get('stories')} annotated "
        f"FA-KES articles of the splits {', '.join(judge.get('splits', []))}"
        + (f" and {judge['verdicts']} claims analysts reviewed (`frontlines note`)" if judge.get("verdicts") else "")
        + "; a claim told as a current event that names a place, in a "
        f"report of {MIN_WORDS} words or more, is kept when its event's chance reaches {threshold}.",
        f"- F1 of events over those articles, each judged by a judge fitted without it (five folds by article): "
        f"{figures.get('0.0', float('nan')):.3f} with no judge, {figures.get(str(threshold), float('nan')):.3f} at the threshold chosen.",
        *(f"- {name}: events P {v['precision']:.3f} R {v['recall']:.3f} with the judge, P {v['precision_without']:.3f} R {v['recall_without']:.3f} without it"
          for name, v in judge.get("held_out", {}).items()),
        "",
    ]
