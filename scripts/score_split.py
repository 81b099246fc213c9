"""Score the shipped reader, today's rules and a keyword list on one split, side by side.

usage: python scripts/score_split.py --split dev|test|heldout [--wave 4|5|6|8|9|10|12|13|14|15|16|17|18|19|20|21|22|23] [--reader FOLDER] [--json OUT]

Sentence level (current-events lines and FA-KES sentences): event vs none, type macro F1, modality
accuracy (over sentences whose gold tells an event; also given that the reader saw an event).
Event level (FA-KES articles, the whole extractor): precision and recall of events matched on type,
place (same entry, within 10 km, or inside the gold's province or country) and date at the gold's
precision. The test split is frozen: score it once, when the reader is final. `heldout` is a later
wave of items of test-split days and articles, drawn and annotated blind after the test split had been
scored once, each wave scored once as a fresh blind figure: wave 4 (lines_15-16, fakes_07-08), wave 5
(lines_17-18, fakes_09-10, for the work done after wave 4 was scored), wave 6 (lines_19-20,
fakes_11-12, for the work done after wave 5 was scored), wave 8 (lines_25-26, fakes_13-14, the last
26 FA-KES test articles, for the work done after wave 6; wave 7 is training data), wave 9 (lines_27-30,
uncategorized lines of any year and other sections, for the work done after wave 8; no FA-KES article left),
wave 10 (lines_31-34, uncategorized lines, half at random and half carrying a word of war, for the work
done after wave 9), wave 12 (lines_39-42, uncategorized lines carrying a word of war, for the work done
after wave 10; wave 11 is training data), wave 13 (lines_43-46, drawn as wave 12 was, for the work done
after wave 12), wave 14 (lines_47-50, drawn the same way, for the work done after wave 13), wave 15
(lines_51-54, drawn the same way, for the work done after wave 14), wave 16 (lines_55-58, drawn the same way,
for the work done after wave 15), wave 17 (lines_59-62, drawn the same way, for the work done after wave 16).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from frontlines.extract.pipeline import Pipeline
from frontlines.reader.article_eval import evaluate_articles
from frontlines.reader.baselines import extractor_verdicts, keyword_verdicts
from frontlines.reader.bundled import BUNDLED
from frontlines.reader.corpus import load_lines
from frontlines.reader.scoring import score_sentences
from frontlines.reader.train import gather

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = {  # wave -> its annotation files
    4: {"current_events": ("lines_15.jsonl", "lines_16.jsonl"), "fakes": ("fakes_07.jsonl", "fakes_08.jsonl")},
    5: {"current_events": ("lines_17.jsonl", "lines_18.jsonl"), "fakes": ("fakes_09.jsonl", "fakes_10.jsonl")},
    6: {"current_events": ("lines_19.jsonl", "lines_20.jsonl"), "fakes": ("fakes_11.jsonl", "fakes_12.jsonl")},
    8: {"current_events": ("lines_25.jsonl", "lines_26.jsonl"), "fakes": ("fakes_13.jsonl", "fakes_14.jsonl")},
    9: {"current_events": ("lines_27.jsonl", "lines_28.jsonl", "lines_29.jsonl", "lines_30.jsonl"), "fakes": ()},  # no FA-KES test article was left
    10: {"current_events": ("lines_31.jsonl", "lines_32.jsonl", "lines_33.jsonl", "lines_34.jsonl"), "fakes": ()},
    12: {"current_events": ("lines_39.jsonl", "lines_40.jsonl", "lines_41.jsonl", "lines_42.jsonl"), "fakes": ()},  # wave 11 is training data
    13: {"current_events": ("lines_43.jsonl", "lines_44.jsonl", "lines_45.jsonl", "lines_46.jsonl"), "fakes": ()},
    14: {"current_events": ("lines_47.jsonl", "lines_48.jsonl", "lines_49.jsonl", "lines_50.jsonl"), "fakes": ()},
    15: {"current_events": ("lines_51.jsonl", "lines_52.jsonl", "lines_53.jsonl", "lines_54.jsonl"), "fakes": ()},
    16: {"current_events": ("lines_55.jsonl", "lines_56.jsonl", "lines_57.jsonl", "lines_58.jsonl"), "fakes": ()},
    17: {"current_events": ("lines_59.jsonl", "lines_60.jsonl", "lines_61.jsonl", "lines_62.jsonl"), "fakes": ()},
    18: {"current_events": ("lines_63.jsonl", "lines_64.jsonl", "lines_65.jsonl", "lines_66.jsonl"), "fakes": ()},  # every section, not only uncategorized
    19: {"current_events": ("lines_67.jsonl", "lines_68.jsonl", "lines_69.jsonl", "lines_70.jsonl"), "fakes": ()},  # drawn as wave 18
    20: {"current_events": ("lines_71.jsonl", "lines_72.jsonl", "lines_73.jsonl", "lines_74.jsonl"), "fakes": ()},  # drawn as wave 18
    21: {"current_events": ("lines_75.jsonl", "lines_76.jsonl", "lines_77.jsonl", "lines_78.jsonl"), "fakes": ()},  # drawn as wave 18
    22: {"current_events": ("lines_79.jsonl", "lines_80.jsonl", "lines_81.jsonl", "lines_82.jsonl"), "fakes": ()},  # drawn as wave 18
    23: {"current_events": ("lines_83.jsonl", "lines_84.jsonl"), "fakes": ()},  # drawn as wave 18: the last 131 such lines
    24: {"current_events": (), "fakes": ("fakes_15.jsonl", "fakes_16.jsonl")},  # articles of any hash (annotations/held_out_waves.txt)
    25: {"current_events": (), "fakes": ("fakes_17.jsonl", "fakes_18.jsonl")},  # drawn as wave 24
    26: {"current_events": (), "fakes": ("fakes_19.jsonl", "fakes_20.jsonl")},  # drawn as wave 24; six near-copies (held_out_waves.txt)
    27: {"current_events": (), "fakes": ("fakes_21.jsonl", "fakes_22.jsonl")},  # drawn as wave 24, near-copies of earlier gold left out
    28: {"current_events": (), "fakes": ("fakes_23.jsonl", "fakes_24.jsonl")},  # drawn as wave 27 from what it left
    29: {"current_events": (), "fakes": ("fakes_25.jsonl", "fakes_26.jsonl")},  # drawn as wave 27 from what wave 28 left
    30: {"current_events": (), "fakes": ("fakes_27.jsonl", "fakes_28.jsonl")},  # drawn as wave 27 from what wave 29 left
    31: {"current_events": (), "fakes": ("fakes_29.jsonl", "fakes_30.jsonl")},  # drawn as wave 27 from what wave 30 left
    32: {"current_events": (), "fakes": ("fakes_31.jsonl",)},  # drawn as wave 27 from what wave 31 left: the last 20 such articles
}


def annotation_files(folder: Path, kind: str, wave: int | None) -> list[Path]:
    """The annotation files of one kind; only the wave's for a held-out figure."""
    return [folder / kind / name for name in HELD_OUT[wave][kind]] if wave else sorted((folder / kind).glob("*.jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", required=True, choices=("dev", "test", "heldout"))
    parser.add_argument("--wave", type=int, choices=sorted(HELD_OUT), default=4, help="with --split heldout: which held-out wave")
    parser.add_argument("--reader", type=Path, default=BUNDLED)
    parser.add_argument("--annotations", type=Path, default=ROOT / "annotations")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    held_out = args.wave if args.split == "heldout" else None
    split = "test" if held_out else args.split  # wave 4 lies in the test split's days and articles
    data = gather(annotation_files(args.annotations, "current_events", held_out), annotation_files(args.annotations, "fakes", held_out))
    lines = load_lines()
    reader_pipeline, rules = Pipeline(reader=str(args.reader)), Pipeline(reader="rules")
    results: dict = {"split": args.split, "sentences": {}, "events": {}}
    for name, prefix in (("lines", "ce:"), ("article sentences", "fakes:")):
        # a wave already scored lies in the `scored` split now (annotations/scored_waves.txt): its files still say which
        examples = [e for e in data.examples if (e.split == split or (held_out and e.split == "scored")) and e.origin.startswith(prefix)]
        if not examples:
            continue  # wave 9 has no FA-KES article
        texts = [e.text for e in examples]
        gold = ([e.types for e in examples], [e.modality for e in examples])
        day = next(iter(lines.values())).day
        items = [(e.text, lines[e.origin[3:]].day if prefix == "ce:" else day) for e in examples]
        verdicts = {
            "trained reader": reader_pipeline.event_reader.read(texts),
            "trained reader, whole extractor": extractor_verdicts(reader_pipeline.extract_batch, items),
            "today's rules (whole extractor)": extractor_verdicts(rules.extract_batch, items),
            "keyword list": keyword_verdicts(texts),
        }
        scores = {}
        for candidate, said in verdicts.items():
            s = score_sentences(*gold, said)
            both = [(g, v.modality) for g, v in zip(gold[1], said, strict=True) if g and v.modality]
            s["modality_accuracy_given_event"] = sum(g == m for g, m in both) / len(both) if both else 0.0
            scores[candidate] = s
        results["sentences"][name] = scores
    articles = annotation_files(args.annotations, "fakes", held_out)
    for candidate, pipeline in (("trained reader", reader_pipeline), ("today's rules", rules)) if articles else ():
        results["events"][candidate] = evaluate_articles(pipeline.extract_batch, articles, pipeline.gazetteer, splits=(split, "scored") if held_out else (split,)).as_dict()["overall"]
    print(f"## {args.split} split\n")
    print("| candidate | set | items | event P | event R | event F1 | type macro F1 | modality acc. | given event |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, scores in results["sentences"].items():
        for candidate, s in scores.items():
            e = s["event"]
            print(f"| {candidate} | {name} | {s['items']} | {e['precision']:.3f} | {e['recall']:.3f} | {e['f1']:.3f} | {s['macro_f1']:.3f} | "
                  f"{s['modality_accuracy']:.3f} | {s['modality_accuracy_given_event']:.3f} |")  # fmt: skip
    print("\n| extractor | FA-KES articles | gold events required | predicted | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    for candidate, o in results["events"].items():
        print(f"| {candidate} | {args.split} | {o['required']} | {o['predicted']} | {o['precision']:.3f} | {o['recall']:.3f} | {o['f1']:.3f} |")
    for name, scores in results["sentences"].items():  # wave 24 has no line, waves 9-23 no article
        print(f"\nper type (trained reader, {name}):", {t: round(v["f1"], 3) for t, v in scores["trained reader"]["types"].items()})
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
