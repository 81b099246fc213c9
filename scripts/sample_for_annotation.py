"""Draw the items the team annotates from ../shared/corpus (ids only), in batches for annotators.

usage: python scripts/sample_for_annotation.py OUT_DIR [--wave 1|2|...|32]

Deterministic (seeded). Wave 1: 1,700 conflict lines capped per topic so that many wars are drawn,
700 uncategorized lines of 2020 on (where the later wars are filed), 800 lines of the other
sections, and 132 FA-KES articles at random; batches of 640 lines and 44 articles. Wave 2: 2,700
more conflict lines and 1,300 more uncategorized lines of 2020 on, none drawn before, in batches
of 670 numbered from 05. Wave 3, for training only: 3,000 lines of train-split days that carry a
cue of the rarer types and modalities (withdrawals, offensives, tolls, coups; claims, hedges, plans,
denials, years), 2,400 of them from conflict sections or war topics, in batches of 750 from 11; and
160 more FA-KES articles in batches of 40 from 03 (their split is their hash's, as always).
Wave 4, held out: 600 lines of test-split days none drawn before (360 conflict lines capped per
topic, 150 uncategorized lines of 2020 on, 90 of the other sections, as wave 1 drew them), drawn
after the reader was tuned and scored once on the test split, annotated blind and scored once more:
a fresh blind figure. Batches of 300 from 15; with them 40 FA-KES articles of the test split none
drawn before, in batches of 20 from 07. Wave 5, held out once more, drawn the same way from what
the earlier waves left (batches of 300 lines from 17, of 20 articles from 09), to score once the
work done after wave 4 was scored. Wave 6, held out for the work after wave 5: drawn the same way
from what the earlier waves left; only about 200 conflict lines of test-split days remained, so the
uncategorized lines of 2020 on (where the later wars are filed) fill the 600 (batches of 300 from 19,
of 20 articles from 11). Wave 7, for training only: 1,200 lines of train-split days none drawn before
that carry a cue of the rarer types (withdrawals, tolls, hijackings and kidnappings, offensives) or
modalities, 1,000 of them from conflict sections or war topics, in batches of 300 from 21. Wave 8,
held out for the work after wave 6, drawn as wave 6 was from what was left (batches of 300 lines from
25; the 26 FA-KES test articles left, in files 13 and 14). Wave 9, held out for the work after wave 8:
400 lines of test-split days none drawn before, 320 uncategorized lines of any year (capped per topic;
the portal left days of 2002-2010 uncategorized too, and their wars were not drawn yet) and 80 of the
other sections, in batches of 100 from 27; no FA-KES article of the test split is left. Wave 10,
held out for the work after wave 9: 400 uncategorized lines of test-split days none drawn before,
200 at random (capped per topic; files 31-32) and 200 that carry a word of war (files 33-34), so
that more of its lines tell events with places and doers. Wave 11, for training only: up to 800 lines of
train-split days none drawn before that carry a cue of the rarer types and modalities (as wave 7
drew them), 600 of them from conflict sections or war topics, in batches of 100 from 35; only 315
such lines were left (files 35-38). Wave 12, held out for the work after wave 11: 400 uncategorized
lines of test-split days none drawn before, all carrying a word of war (capped per topic), so that
most of its lines tell events, with places and doers to score (batches of 100 from 39). Wave 13, held
out for the work after wave 12: drawn as wave 12 was from what was left (batches of 100 from 43). Wave 14, held out for the work
after wave 13: drawn the same way again (batches of 100 from 47). Wave 15, held out for the work
after wave 14: drawn the same way again (batches of 100 from 51). Wave 16, held out for the work
after wave 15: drawn the same way again (batches of 100 from 55). Wave 17, held out for the work
after wave 16: drawn the same way again (batches of 100 from 59). Waves 18 to 23 drew lines with a word
of war from every section of test days until none was left. Wave 24, held out for the work after wave
23: 40 FA-KES articles none drawn before, of any split's hash (none of the test split was left), held
out until scored (batches of 20 from 15). Wave 25, held out for the work after wave 24: drawn the same
way from what wave 24 left (batches of 20 from 17). Wave 26, held out for the work after wave 25: drawn
the same way from what wave 25 left (batches of 20 from 19). Wave 27, for the work after wave 26: drawn
the same way, leaving out near-copies of articles drawn before (batches of 20 from 21). Wave 28, for the
work after wave 27: drawn as wave 27 from what it left (batches of 20 from 23). Wave 29, for the work
after wave 28: drawn as wave 27 from what wave 28 left (batches of 20 from 25). Wave 30, for the work after
wave 29: drawn as wave 27 from what wave 29 left (batches of 20 from 27). Wave 31, for the work after
wave 30: drawn as wave 27 from what wave 30 left (batches of 20 from 29). Wave 32, for the work after
wave 31: drawn as wave 27 from what wave 31 left (batches of 20 from 31).
Writes OUT_DIR/lines_NN.ids and OUT_DIR/fakes_NN.ids, one id a line.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CONFLICT = {"Armed conflicts and attacks", "Armed conflict and attacks"}


def _write_batches(out: Path, kind: str, ids: list[str], size: int, first: int) -> None:
    """The ids in files of `size` ids (the last may hold fewer), numbered from `first`: OUT/<kind>_NN.ids."""
    for n in range(0, len(ids), size):
        (out / f"{kind}_{first + n // size:02d}.ids").write_text("".join(i + "\n" for i in ids[n : n + size]))


def _capped(lines: list[dict], total: int, cap: int, rng: random.Random, none_factor: int = 8) -> list[dict]:
    by_topic: dict[str | None, list[dict]] = defaultdict(list)
    for line in lines:
        by_topic[line["topic"]].append(line)
    picked: list[dict] = []
    for topic, members in sorted(by_topic.items(), key=lambda kv: str(kv[0])):
        rng.shuffle(members)
        picked += members[: (cap * none_factor if topic is None else cap)]
    rng.shuffle(picked)
    return picked[:total]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--wave", type=int, default=1, choices=range(1, _LAST_WAVE + 1))
    args = parser.parse_args()
    lines = [json.loads(row) for row in (CORPUS / "current-events" / "lines.jsonl").open(encoding="utf-8")]
    wave_one(lines, args.out)
    if args.wave >= 2:
        drawn = {i for f in args.out.glob("lines_0[0-4].ids") for i in f.read_text().split()}
        wave_two([x for x in lines if x["id"] not in drawn], args.out)
    if args.wave >= 3:
        articles_drawn = {i for f in args.out.glob("fakes_*.ids") for i in f.read_text().split()}
        wave_three(_undrawn(lines, args.out), articles_drawn, args.out)
    if args.wave >= 4:
        articles_drawn = {i for f in args.out.glob("fakes_0[0-6].ids") for i in f.read_text().split()}
        wave_four(_undrawn(lines, args.out), articles_drawn, args.out)
    if args.wave >= 5:
        articles_drawn = {i for f in args.out.glob("fakes_*.ids") for i in f.read_text().split()}
        wave_four(_undrawn(lines, args.out), articles_drawn, args.out, seed=20261204, first_lines=17, first_articles=9)
    if args.wave >= 6:
        articles_drawn = {i for f in args.out.glob("fakes_*.ids") for i in f.read_text().split()}
        wave_four(_undrawn(lines, args.out), articles_drawn, args.out, seed=20261205, first_lines=19, first_articles=11)
    if args.wave >= 7:
        wave_seven(_undrawn(lines, args.out), args.out)
    if args.wave >= 8:
        articles_drawn = {i for f in args.out.glob("fakes_*.ids") for i in f.read_text().split()}
        wave_four(_undrawn(lines, args.out), articles_drawn, args.out, seed=20261207, first_lines=25, first_articles=13)
    if args.wave >= 9:
        wave_nine(_undrawn(lines, args.out), args.out)
    if args.wave >= 10:
        wave_ten(_undrawn(lines, args.out), args.out)
    if args.wave >= 11:
        _cue_lines(_undrawn(lines, args.out), _RARE, random.Random(20261210), (600, 200), args.out, batch=100, first=35)
    for wave, (seed, first) in _DRAWN_AS_WAVE_TWELVE.items():
        if args.wave >= wave:
            wave_twelve(_undrawn(lines, args.out), args.out, seed=seed, first=first)
    for wave, (seed, first) in _DRAWN_AS_WAVE_EIGHTEEN.items():
        if args.wave >= wave:
            wave_eighteen(_undrawn(lines, args.out), args.out, seed=seed, first=first)
    for wave, (seed, first) in _DRAWN_AS_WAVE_TWENTY_FOUR.items():
        if args.wave >= wave:
            drawn = {i for f in args.out.glob("fakes_*.ids") for i in f.read_text().split()}
            wave_twenty_four(drawn, args.out, seed=seed, first=first, distinct=wave >= _DISTINCT_FROM)


def _undrawn(lines: list[dict], out: Path) -> list[dict]:
    """The lines no batch written to OUT so far holds."""
    drawn = {i for f in out.glob("lines_*.ids") for i in f.read_text().split()}
    return [x for x in lines if x["id"] not in drawn]


# the waves drawn as wave 12 was, each from what the waves before it left: wave -> (seed, first file number)
_DRAWN_AS_WAVE_TWELVE = {12: (20261211, 39), 13: (20261212, 43), 14: (20261213, 47), 15: (20261214, 51), 16: (20261215, 55), 17: (20261216, 59)}


# the waves drawn as wave 18 was (every section), each from what the waves before it left
_DRAWN_AS_WAVE_EIGHTEEN = {18: (20261217, 63), 19: (20261218, 67), 20: (20261219, 71), 21: (20261220, 75), 22: (20261221, 79), 23: (20261222, 83)}
# the waves of FA-KES articles drawn as wave 24 was, each from what the waves before it left
_DRAWN_AS_WAVE_TWENTY_FOUR = {24: (20261223, 15), 25: (20261224, 17), 26: (20261225, 19), 27: (20261226, 21), 28: (20261227, 23), 29: (20261228, 25), 30: (20261229, 27), 31: (20261230, 29), 32: (20261231, 31)}
_DISTINCT_FROM = 27  # from this wave on, no near-copy of an article drawn before
_LAST_WAVE = max(_DRAWN_AS_WAVE_TWENTY_FOUR)

_WAR_WORDS = re.compile(
    r"\b(kill\w*|attack\w*|strikes?|struck|shell\w*|bomb\w*|troops|forces|militants?|rebels?|clash\w*|captur\w*|"
    r"offensive|missiles?|drones?|gunmen|insurgents?|fighting|raid\w*)\b",
    re.I,
)


def wave_twelve(lines: list[dict], out: Path, seed: int = 20261211, first: int = 39) -> None:
    from frontlines.reader.splits import split_of

    rng = random.Random(seed)
    warlike = [x for x in lines if split_of(x["date"]) == "test" and x["category"] == "Uncategorized" and _WAR_WORDS.search(x["text"])]
    _write_batches(out, "lines", [x["id"] for x in _capped(warlike, 400, 6, rng, 200)], 100, first)


def wave_eighteen(lines: list[dict], out: Path, seed: int = 20261217, first: int = 63, total: int = 400) -> None:
    """What the waves drawn as wave 12 left of uncategorized lines with war words on test days, then lines
    with war words from every other section of those days (crime, disasters, relations, a war's own
    heading), so that the wave also measures what the reader says of text outside the conflict pages."""
    from frontlines.reader.splits import split_of

    rng = random.Random(seed)
    warlike = [x for x in lines if split_of(x["date"]) == "test" and _WAR_WORDS.search(x["text"])]
    uncategorized = _capped([x for x in warlike if x["category"] == "Uncategorized"], total, 6, rng, 200)
    elsewhere = _capped([x for x in warlike if x["category"] != "Uncategorized"], total - len(uncategorized), 6, rng, 200)
    drawn = uncategorized + elsewhere
    rng.shuffle(drawn)
    _write_batches(out, "lines", [x["id"] for x in drawn], 100, first)


def wave_twenty_four(articles_drawn: set[str], out: Path, seed: int = 20261223, first: int = 15, total: int = 40, distinct: bool = False) -> None:
    """40 FA-KES articles none drawn before, whatever their split's hash: no test article was left, and an
    article no one has annotated was never learned from nor tuned on. They are held out until scored
    (annotations/held_out_waves.txt lists their files), in batches of 20 from 15. `distinct` (wave 27 on):
    no article that is another outlet's copy of one drawn before or in the same wave (word 5-gram Jaccard
    of NEAR_COPY or more): waves 24 to 26 held 4, 1 and 6 such copies, which the reader had learned."""
    rng = random.Random(seed)
    rows = [json.loads(row) for row in (CORPUS / "fa-kes" / "articles.jsonl").open(encoding="utf-8")]
    texts = {d["id"]: d["text"] for d in rows}
    rest = [d["id"] for d in rows if d["id"] not in articles_drawn]  # every row, as drawn since wave 24 (some ids are twice)
    rng.shuffle(rest)
    if distinct:
        rest = _distinct(rest, [texts[a] for a in articles_drawn if a in texts], texts, total)
    _write_batches(out, "fakes", rest[:total], 20, first)


NEAR_COPY = 0.5


def _distinct(candidates: list[str], drawn_texts: list[str], texts: dict[str, str], total: int) -> list[str]:
    """The first `total` candidates, in order, that are no near-copy of a drawn text nor of one taken before."""
    seen = [_shingles(t) for t in drawn_texts]
    taken: list[str] = []
    for article in candidates:
        shingles = _shingles(texts[article])
        if any(_near_copy(shingles, other) for other in seen):
            continue
        taken.append(article)
        seen.append(shingles)
        if len(taken) == total:
            break
    return taken


def _near_copy(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> bool:
    union = len(a | b)
    return union > 0 and len(a & b) >= NEAR_COPY * union


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 5]) for i in range(max(0, len(words) - 4))}


def wave_ten(lines: list[dict], out: Path) -> None:
    from frontlines.reader.splits import split_of

    rng = random.Random(20261209)
    uncategorized = [x for x in lines if split_of(x["date"]) == "test" and x["category"] == "Uncategorized"]
    at_random = _capped(uncategorized, 200, 6, rng, 200)
    taken = {x["id"] for x in at_random}
    warlike = [x for x in uncategorized if x["id"] not in taken and _WAR_WORDS.search(x["text"])]
    with_war_words = _capped(warlike, 200, 6, rng, 200)
    _write_batches(out, "lines", [x["id"] for x in at_random], 100, 31)
    _write_batches(out, "lines", [x["id"] for x in with_war_words], 100, 33)


def wave_nine(lines: list[dict], out: Path) -> None:
    from frontlines.reader.splits import split_of

    rng = random.Random(20261208)
    held_out = [x for x in lines if split_of(x["date"]) == "test"]
    uncategorized = [x for x in held_out if x["category"] == "Uncategorized"]
    other = [x for x in held_out if x["category"] not in CONFLICT and x["category"] != "Uncategorized"]
    chosen = _capped(uncategorized, 320, 6, rng, 200) + rng.sample(other, 80)
    rng.shuffle(chosen)
    _write_batches(out, "lines", [x["id"] for x in chosen], 100, 27)


def wave_four(lines: list[dict], articles_drawn: set[str], out: Path, seed: int = 20261203, first_lines: int = 15, first_articles: int = 7) -> None:
    from frontlines.reader.splits import split_of

    rng = random.Random(seed)
    held_out = [x for x in lines if split_of(x["date"]) == "test"]
    conflict = [x for x in held_out if x["category"] in CONFLICT]
    late_uncategorized = [x for x in held_out if x["category"] == "Uncategorized" and x["date"] >= "2020"]
    other = [x for x in held_out if x["category"] not in CONFLICT and x["category"] != "Uncategorized"]
    conflict_chosen = _capped(conflict, 360, 40, rng)
    chosen = conflict_chosen + _capped(late_uncategorized, 510 - len(conflict_chosen), 6, rng) + rng.sample(other, 90)
    rng.shuffle(chosen)
    _write_batches(out, "lines", [x["id"] for x in chosen], 300, first_lines)
    articles = [json.loads(row)["id"] for row in (CORPUS / "fa-kes" / "articles.jsonl").open(encoding="utf-8")]
    rest = [a for a in articles if a not in articles_drawn and split_of(a) == "test"]
    rng.shuffle(rest)
    _write_batches(out, "fakes", rest[:40], 20, first_articles)  # the test articles may run out


_CUES = re.compile(
    r"\b(withdr\w*|retreat\w*|pull(?:ed|s)? out|evacuat\w*|launch\w*|offensive|counteroffensive|killed|dead|bodies|"
    r"death toll|coup|hijack\w*|hostages?|sabotage|seiz\w*|captur\w*|recaptur\w*|retak\w*|liberat\w*|reportedly|"
    r"allegedly|suspected|claims?|accus\w*|according to|says|said|will|plans?|threat\w*|vows?|denie[sd]|den(?:y|ies)|"
    r"foil\w*|thwart\w*|anniversary|(?:19|20)\d\d)\b",
    re.I,
)
_WAR_TOPIC = re.compile(r"war|conflict|insurgen|attack|offensive|battle|invasion|crisis|terror", re.I)


_RARE = re.compile(
    r"\b(withdr\w*|retreat\w*|pull(?:ed|s|ing)? (?:out|back)|evacuat\w*|abandon\w*|death toll|toll|bodies|casualties|"
    r"killed in total|hijack\w*|kidnap\w*|abduct\w*|hostages?|coup|sabotage\w*|arson|set fire|torch\w*|storm\w*|"
    r"launch\w*|offensive|counteroffensive|counter-offensive|operation|campaign|reportedly|allegedly|claims?|denie[sd]|"
    r"will|plans?|threat\w*|vows?|anniversary|years? (?:ago|after|since))\b",
    re.I,
)


def wave_seven(lines: list[dict], out: Path) -> None:
    _cue_lines(lines, _RARE, random.Random(20261206), (1000, 200), out, batch=300, first=21)


def _cue_lines(lines: list[dict], cues: re.Pattern[str], rng: random.Random, counts: tuple[int, int], out: Path, *, batch: int, first: int) -> None:
    """Lines of train-split days that carry a cue, so many from conflict sections or war topics and
    so many from elsewhere (`counts`), shuffled and written in batches numbered from `first`."""
    from frontlines.reader.splits import split_of

    pool = [x for x in lines if split_of(x["date"]) == "train" and cues.search(x["text"]) and len(x["text"]) > 40]
    rng.shuffle(pool)
    warlike = [x for x in pool if _warlike(x)]
    other = [x for x in pool if not _warlike(x)]
    chosen = warlike[: counts[0]] + other[: counts[1]]
    rng.shuffle(chosen)
    _write_batches(out, "lines", [x["id"] for x in chosen], batch, first)


def _warlike(line: dict) -> bool:
    return line["category"] in CONFLICT or bool(line["topic"] and _WAR_TOPIC.search(line["topic"]))


def wave_three(lines: list[dict], articles_drawn: set[str], out: Path) -> None:
    rng = random.Random(20261202)
    _cue_lines(lines, _CUES, rng, (2400, 600), out, batch=750, first=11)
    articles = [json.loads(row)["id"] for row in (CORPUS / "fa-kes" / "articles.jsonl").open(encoding="utf-8")]
    rest = [a for a in articles if a not in articles_drawn]
    rng.shuffle(rest)
    _write_batches(out, "fakes", rest[:160], 40, 3)


def wave_two(lines: list[dict], out: Path) -> None:
    rng = random.Random(20261201)
    conflict = [x for x in lines if x["category"] in CONFLICT]
    late_uncategorized = [x for x in lines if x["category"] == "Uncategorized" and x["date"] >= "2020"]
    chosen = _capped(conflict, 2700, 40, rng, 10) + _capped(late_uncategorized, 1300, 12, rng, 10)
    rng.shuffle(chosen)
    _write_batches(out, "lines", [x["id"] for x in chosen], 670, 5)


def wave_one(lines: list[dict], out: Path, lines_per_batch: int = 640, articles_per_batch: int = 44) -> None:
    rng = random.Random(20261130)
    conflict = [x for x in lines if x["category"] in CONFLICT]
    late_uncategorized = [x for x in lines if x["category"] == "Uncategorized" and x["date"] >= "2020"]
    other = [x for x in lines if x["category"] not in CONFLICT and x["category"] != "Uncategorized"]
    chosen = _capped(conflict, 1700, 35, rng) + _capped(late_uncategorized, 700, 10, rng) + rng.sample(other, 800)
    rng.shuffle(chosen)
    out.mkdir(parents=True, exist_ok=True)
    _write_batches(out, "lines", [x["id"] for x in chosen], lines_per_batch, 0)
    articles = [json.loads(row)["id"] for row in (CORPUS / "fa-kes" / "articles.jsonl").open(encoding="utf-8")]
    picked = rng.sample(articles, 132)
    _write_batches(out, "fakes", picked, articles_per_batch, 0)


if __name__ == "__main__":
    main()
