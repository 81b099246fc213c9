"""Gazetteer at GeoNames scale: import of a country file, then lookup speed with 100k+ places loaded.

Without --file, writes a synthetic country file in the GeoNames `geoname` layout (19 tab-separated
columns, names with diacritics, alternate names in Latin and Arabic script) of --places rows (default
130,000, about 21 MB). Then, in one run:
  1. imports it into a fresh SQLite store with `frontlines.gazetteer.geonames_import` (progress bar);
  2. loads the store's gazetteer (`Gazetteer.from_store`: bundled + imported);
  3. times --lookups lookups (default 2,000): names as written in the file, variant spellings that
     normalise onto them (case, article, diacritics), and misspellings that need fuzzy matching.
Prints figures only; asserts nothing.

    python bench/bench_gazetteer.py [--places 130000] [--lookups 2000] [--file IQ.zip] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import unicodedata
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TransferSpeedColumn

from frontlines.gazetteer import Gazetteer
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--places", type=int, default=130_000, help="rows of the synthetic file (default 130000)")
    parser.add_argument("--lookups", type=int, default=2_000, help="names to look up (default 2000)")
    parser.add_argument("--file", type=Path, help="a real GeoNames dump to import instead (IQ.zip, allCountries.zip)")
    parser.add_argument("--keep", type=Path, help="write the file and database here instead of a temporary folder")
    args = parser.parse_args()

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


if __name__ == "__main__":
    main()
