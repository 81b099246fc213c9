"""`frontlines train`: teach the reader from annotations, gold files and analysts' verdicts."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from frontlines.reader.splits import SPLITS

out = Console(highlight=False, soft_wrap=True)


@click.command(name="train")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for the trained reader.")
@click.option("--annotations", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Annotations folder (current_events/, fakes/).")
@click.option("--gold", "gold_folders", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path), help="Report folder with X.gold.jsonl files (repeatable).")
@click.option("--from-notes", is_flag=True, help="Learn from the analysts' verdicts in the database (--db).")
@click.option("--splits", default="train,dev,scored", show_default=True, help="Splits to train on; the others are scored (scored: held-out waves whose figure is taken).")
@click.option("--score-test", is_flag=True, help="Also score the frozen test split (once, for a final reader).")
@click.option("--quiet-sections/--no-quiet-sections", default=False, show_default=True,
              help="With --annotations: also learn, as sentences with no event, the corpus lines of sections that tell no war which a keyword list takes for war.")
@click.option("--judge/--no-judge", "judge_claims", default=True, show_default=True,
              help="With annotated FA-KES articles: also fit the claim judge, which keeps the claims likely to be the story's events.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def train_command(
    ctx: click.Context, out_dir: Path, annotations: Path | None, gold_folders: tuple[Path, ...], from_notes: bool, splits: str, score_test: bool,
    quiet_sections: bool, judge_claims: bool, as_json: bool,
) -> None:  # fmt: skip
    """Train the event reader on CPU; use it with FRONTLINES_READER=FOLDER.

    A confirmed event's sentence is a positive, a rejected one a negative, a corrected event type a
    relabel. The model card (MODEL_CARD.md) beside the weights names the data and the figures.

    \b
    Example:
      frontlines train --annotations annotations --gold my_reports --from-notes --out my-reader
      FRONTLINES_READER=my-reader frontlines ingest reports/
    """
    from frontlines.config import database_url
    from frontlines.reader.train import train

    chosen = tuple(s.strip() for s in splits.split(",") if s.strip())
    unknown = [s for s in chosen if s not in SPLITS]
    if unknown:
        raise click.BadParameter(f"unknown split {unknown[0]!r}; splits are {', '.join(SPLITS)}", param_hint="--splits")
    store_url = database_url(ctx.obj.get("db") if ctx.obj else None) if from_notes else None
    result = train(out_dir, annotations=annotations, gold_folders=gold_folders, store_url=store_url, splits=chosen,
                   score_test=score_test, quiet_sections=quiet_sections, judge_claims=judge_claims,
                   progress=lambda message: None if as_json else out.print(message))  # fmt: skip
    if as_json:
        out.print_json(json.dumps({"folder": str(result.folder), "examples": result.examples, "sources": result.sources,
                                   "held_out": result.held_out, "judge": result.judge}))  # fmt: skip
        return
    out.print(f"trained on {result.examples} sentences: " + ", ".join(f"{k} {v}" for k, v in result.sources.items() if v))
    for split, scores in result.held_out.items():
        out.print(f"{split}: event F1 {scores['event']['f1']:.3f}, type macro F1 {scores['macro_f1']:.3f}, modality accuracy {scores['modality_accuracy']:.3f}")
    if result.judge:
        figures = result.judge["cross_validated_f1"]
        out.print(f"claim judge: keeps a claim at a chance of {result.judge['threshold']}; article event F1 (cross-validated) "
                  f"{figures['0.0']:.3f} without it, {figures[str(result.judge['threshold'])]:.3f} with it")  # fmt: skip
    out.print(f"reader: {result.folder} (use it with FRONTLINES_READER={result.folder})")
