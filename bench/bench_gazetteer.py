"""Gazetteer speed and memory: the worldwide index, and the import of GeoNames dumps.

Worldwide (the default), in one process:
  1. build: turns the shipped world.tsv.gz into its SQLite index in a fresh folder (what the first
     worldwide lookup on a machine does, once);
  2. load: `Gazetteer.bundled()` (Iraq/Syria in memory) and the worldwide index opened;
  3. memory: resident set size (RSS) after load;
  4. lookups (--lookups, default 3,000) with every country searched: names of random places of the
     worldwide file in Latin, Cyrillic, Arabic and other scripts, and lower-cased Latin variants;
     median and p95 per script and overall;
  5. with --extract, a running extraction: the spaCy pipeline reads the demo corpus and a few
     reports of other wars (Ukraine, Sudan, Yemen), then the peak RSS.
With --import, instead: a synthetic GeoNames country file of --places rows (default 130,000,
about 21 MB; or --file, a real dump) is imported into a fresh SQLite store, the store's gazetteer
loaded and --lookups names timed (exact, variant, misspelled).
Prints figures only; asserts nothing.

    python bench/bench_gazetteer.py [--lookups 3000] [--extract]
    python bench/bench_gazetteer.py --import [--places 130000] [--file IQ.zip] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import resource
import statistics
import tempfile
import time
import unicodedata
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TransferSpeedColumn

from frontlines.gazetteer import Gazetteer
from frontlines.gazetteer.normalise import is_arabic, is_cyrillic
from frontlines.gazetteer.world import WORLD_FILE, WorldIndex
from frontlines.gazetteer.geonames_files import geoname_line
from frontlines.gazetteer.geonames_import import import_geonames
from frontlines.store import Store

console = Console(stderr=True)

# Syllables as GeoNames transliterates Arabic place names, with their Arabic-script spelling.
SYLLABLES = [
    ("Ḩam", "حم"), ("dān", "دان"), ("Qa", "ق"), ("rī", "ري"), ("yah", "ية"), ("Ṭal", "طل"), ("‘Ay", "عي"),
    ("Shay", "شي"), ("khān", "خان"), ("Ja", "ج"), ("bal", "بل"), ("Zu", "ز"), ("bay", "بي"), ("dāt", "دات"),
    ("Kha", "خ"), ("lid", "لد"), ("Ra", "ر"), ("shād", "شاد"), ("Mu", "م"), ("ḩam", "حم"), ("mad", "مد"),
    ("Sa", "س"), ("lām", "لام"), ("Na", "ن"), ("ṣir", "صر"), ("Wa", "و"), ("sit", "سط"), ("Ba", "ب"), ("ṭin", "طين"),
    ("Ḩa", "ح"), ("san", "سن"), ("Ku", "ك"), ("rah", "رة"), ("Dab", "ضب"), ("bāgh", "باغ"), ("Fa", "ف"), ("ris", "رس"),
]  # fmt: skip
PREFIXES = [("Qaryat ", "قرية "), ("Tall ", "تل "), ("Al ", "ال"), ("", ""), ("", ""), ("", ""), ("Umm ", "أم ")]


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ord(ch) < 128)


def synthetic_place(rng: random.Random, number: int) -> tuple[str, str]:
    """(name, line) of one synthetic populated place."""
    parts = rng.sample(SYLLABLES, rng.randint(2, 4))
    prefix, arabic_prefix = rng.choice(PREFIXES)
    stem = "".join(p for p, _ in parts).capitalize()
    name = f"{prefix}{stem}"
    arabic = arabic_prefix + "".join(a for _, a in parts)
    alternates = (_ascii(stem), f"Al-{_ascii(stem)}", arabic, f"{_ascii(stem)} Village", f"{stem} {number % 97}")
    line = geoname_line(
        10_000_000 + number, name, rng.uniform(29.5, 37.3), rng.uniform(38.8, 48.5),
        feature=rng.choice(("P.PPL", "P.PPL", "P.PPL", "P.PPLL", "S.FRM", "H.WLL", "T.HLL")),
        admin1=f"{rng.randint(1, 19):02d}", population=rng.choice((0, 0, 0, rng.randint(100, 90_000))),
        ascii_name=_ascii(name), alternate_names=alternates, modified="2024-05-01",
    )  # fmt: skip
    return name, line


def write_country_file(path: Path, places: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    names = []
    with open(path, "w", encoding="utf-8") as out:
        for number in range(places):
            name, line = synthetic_place(rng, number)
            names.append(name)
            out.write(line)
    return names


def variant(rng: random.Random, name: str) -> str:
    """A spelling that normalises onto the same key: other case, no diacritics, article swapped."""
    plain = _ascii(name)
    choices = [plain.lower(), plain.upper(), plain.replace("Al ", "al-"), plain.replace("Qaryat ", "qaryat ")]
    return rng.choice(choices)


def misspelling(rng: random.Random, name: str) -> str:
    """One letter changed inside the name: found only by fuzzy matching, if at all."""
    plain = _ascii(name)
    i = rng.randrange(1, max(2, len(plain) - 1))
    return plain[:i] + rng.choice("aeiourstnk") + plain[i + 1 :]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def import_bench(args: argparse.Namespace) -> None:
    """Import a (synthetic) country file into a fresh store, load it, time lookups."""

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        rng = random.Random(11)
        if args.file:
            path, names = args.file, []
        else:
            path = folder / "IQ.txt"
            started = time.perf_counter()
            names = write_country_file(path, args.places)
            print(f"generated {path.name}: {len(names)} places, {path.stat().st_size / 1e6:.1f} MB "
                  f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        database = folder / "bench.db"
        database.unlink(missing_ok=True)
        store = Store.open(f"sqlite:///{database}")
        columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeElapsedColumn())
        started = time.perf_counter()
        with Progress(*columns, console=console) as bar:
            tasks: dict[str, object] = {}

            def progress(label: str, done: int, total: int) -> None:
                if label not in tasks:
                    tasks[label] = bar.add_task(f"importing {label}", total=total or None)
                bar.update(tasks[label], completed=done)  # type: ignore[arg-type]

            summary = import_geonames(store, [path], progress=progress)
        imported = time.perf_counter() - started
        totals = summary.totals
        size = path.stat().st_size / 1e6
        print(f"import: {imported:.1f} s for {size:.1f} MB ({summary.files[0].lines} lines, "
              f"{totals.places_added} places, {totals.names_added} names) = {summary.files[0].lines / imported:,.0f} lines/s")  # fmt: skip

        started = time.perf_counter()
        gazetteer = Gazetteer.from_store(store)
        print(f"load: {time.perf_counter() - started:.1f} s for {len(gazetteer)} places, "
              f"{gazetteer.key_count} distinct names")  # fmt: skip
        if not names:
            names = [place.name for place in gazetteer]

        sample = rng.sample(names, min(args.lookups, len(names)))
        queries = []
        for i, name in enumerate(sample):
            kind = "exact" if i % 20 < 12 else "variant" if i % 20 < 17 else "misspelled"
            text = name if kind == "exact" else variant(rng, name) if kind == "variant" else misspelling(rng, name)
            queries.append((kind, text))
        timings: dict[str, list[float]] = {"exact": [], "variant": [], "misspelled": []}
        found = 0
        for kind, text in queries:
            started_ns = time.perf_counter_ns()
            result = gazetteer.lookup(text, countries=None)
            timings[kind].append((time.perf_counter_ns() - started_ns) / 1e6)
            found += bool(result)
        every = [t for values in timings.values() for t in values]
        print(f"lookup over {len(every)} names with {len(gazetteer)} places loaded: "
              f"median {statistics.median(every):.3f} ms, p95 {_percentile(every, 0.95):.3f} ms "
              f"({found} with candidates)")  # fmt: skip
        for kind, values in timings.items():
            if values:
                print(f"  {kind:<10} {len(values):>5} names: median {statistics.median(values):.3f} ms, "
                      f"p95 {_percentile(values, 0.95):.3f} ms")  # fmt: skip
        store.close()



def _rss_mb() -> float:
    """Resident set size now (Linux /proc), else the peak."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return _peak_rss_mb()


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if os.uname().sysname == "Darwin" else peak / 2**10


def _script(name: str) -> str:
    if is_arabic(name):
        return "arabic"
    if is_cyrillic(name):
        return "cyrillic"
    if all(ord(ch) < 0x250 or not ch.isalpha() for ch in name):
        return "latin"
    return "other"


def world_queries(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(script, name) pairs: names of random worldwide places, a share of each script."""
    by_script: dict[str, list[str]] = {"latin": [], "cyrillic": [], "arabic": [], "other": []}
    with gzip.open(WORLD_FILE, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or rng.random() > 0.1:
                continue
            for name in line.split("\t")[10].split("|"):
                by_script[_script(name)].append(name)
    shares = {"latin": 0.4, "latin lower-case": 0.1, "cyrillic": 0.2, "arabic": 0.15, "other": 0.15}
    queries = []
    for script, share in shares.items():
        pool = by_script["latin" if script.startswith("latin") else script]
        for name in rng.sample(pool, min(len(pool), int(count * share))):
            queries.append((script, name.lower() if script == "latin lower-case" else name))
    rng.shuffle(queries)
    return queries


OTHER_WARS = [
    ("Kyiv Independent", "Russian forces pushed toward Chasiv Yar after shelling Kostiantynivka and Bakhmut in the "
     "Donetsk region on Tuesday, Ukraine's General Staff said. Drones struck Kharkiv overnight."),
    ("Sudan Tribune", "The Rapid Support Forces shelled El Fasher, the capital of North Darfur, on Monday, and "
     "fighting was reported near Kassala and in Omdurman, residents said."),
    ("Yemen Monitor", "Houthi forces attacked government positions south of Marib on Sunday, while Saudi-led "
     "coalition aircraft struck targets in Sanaa and Hodeidah, officials said."),
]  # fmt: skip


def _extract(gazetteer: Gazetteer) -> None:
    from datetime import date

    from frontlines.demo import demo_corpus_dir
    from frontlines.extract import Pipeline
    from frontlines.ingest.dispatch import read_inputs
    from frontlines.model import Report

    started = time.perf_counter()
    pipeline = Pipeline(gazetteer=gazetteer)
    reports = [r for r in read_inputs([demo_corpus_dir()]) if isinstance(r, Report)]
    reports += [Report(outlet, "", date(2024, 5, 7), text, text.encode()) for outlet, text in OTHER_WARS]
    claims = pipeline.extract_batch(reports)
    print(f"extraction: {len(reports)} reports, {sum(map(len, claims))} claims in {time.perf_counter() - started:.1f} s; "
          f"RSS {_rss_mb():.0f} MB, peak {_peak_rss_mb():.0f} MB")  # fmt: skip
    for (outlet, _), found in zip(OTHER_WARS, claims[-len(OTHER_WARS):], strict=True):
        places = sorted({f"{c.place.name} ({c.place.country})" for c in found if c.place})
        print(f"  {outlet}: {', '.join(places) or 'no place'}")


def world_bench(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["FRONTLINES_CACHE"] = scratch  # a fresh cache: the build below is the first use's
        started = time.perf_counter()
        built = WorldIndex.open()
        size = built.database.stat().st_size / 1e6
        print(f"build: {time.perf_counter() - started:.1f} s, once per machine "
              f"({WORLD_FILE.stat().st_size / 1e6:.1f} MB shipped -> {size:.0f} MB index in the cache)")  # fmt: skip
        before = _rss_mb()
        started = time.perf_counter()
        gazetteer = Gazetteer.bundled()  # Iraq/Syria in memory, the worldwide index on disk
        gazetteer.lookup("Bakhmut", countries=None)  # opens the index
        world = gazetteer.world
        assert world is not None
        print(f"load: {time.perf_counter() - started:.2f} s ({len(gazetteer)} places in memory, "
              f"{len(world)} worldwide); RSS {_rss_mb():.0f} MB (+{_rss_mb() - before:.0f} MB)")  # fmt: skip

        queries = world_queries(random.Random(11), args.lookups)
        timings: dict[str, list[float]] = {}
        found = 0
        for script, name in queries:
            started_ns = time.perf_counter_ns()
            result = gazetteer.lookup(name, countries=None)
            timings.setdefault(script, []).append((time.perf_counter_ns() - started_ns) / 1e6)
            found += bool(result)
        every = [t for values in timings.values() for t in values]
        print(f"lookup over {len(every)} names, every country: median {statistics.median(every):.3f} ms, "
              f"p95 {_percentile(every, 0.95):.3f} ms ({found} found); RSS {_rss_mb():.0f} MB")  # fmt: skip
        for script, values in sorted(timings.items()):
            print(f"  {script:<17} {len(values):>5} names: median {statistics.median(values):.3f} ms, "
                  f"p95 {_percentile(values, 0.95):.3f} ms")  # fmt: skip
        if args.extract:
            _extract(gazetteer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lookups", type=int, default=3_000, help="names to look up (default 3000)")
    parser.add_argument("--extract", action="store_true", help="also run an extraction and report its memory")
    parser.add_argument("--import", dest="import_", action="store_true", help="bench `gazetteer import` instead")
    parser.add_argument("--places", type=int, default=130_000, help="--import: rows of the synthetic file")
    parser.add_argument("--file", type=Path, help="--import: a real GeoNames dump instead (IQ.zip, allCountries.zip)")
    parser.add_argument("--keep", type=Path, help="--import: write the file and database here, not in a temporary folder")
    args = parser.parse_args()
    if args.import_:
        import_bench(args)
    else:
        world_bench(args)


if __name__ == "__main__":
    main()
