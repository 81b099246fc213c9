"""Inputs for `bench/faults.py`: well-formed wire reports, and a folder of hostile and unlucky files
with good reports among them. Each file's name says its kind (``bad-xml_bomb-00012.xml``)."""

from __future__ import annotations

import os
import random
from pathlib import Path

TOWNS = ("Anah", "Rawa", "Qaim", "Hit", "Haditha", "Rutba", "Tal Afar", "Hawija", "Mosul", "Tikrit", "Baiji", "Sharqat")
OUTLETS = 7

# kind -> (extension, the most files of it, whether it must be named as a problem)
BAD_KINDS: dict[str, tuple[str, int, bool]] = {
    "random_bytes": (".txt", 10**9, True),
    "empty": (".txt", 10**9, True),
    "truncated_utf8": (".txt", 10**9, False),  # a cut multi-byte character: refused, or read as far as it goes
    "utf16": (".txt", 10**9, False),  # with a byte-order mark: read, or refused as not UTF-8
    "latin1": (".txt", 10**9, False),
    "broken_jsonl": (".jsonl", 10**9, True),
    "xml_bomb": (".xml", 10**9, True),
    "xml_external": (".xml", 10**9, True),
    "truncated_html": (".html", 10**9, False),
    "deep_html": (".html", 40, False),  # 100,000 nested elements, 0.7 MB
    "long_line": (".txt", 4, True),  # one 5 MB paragraph
    "symlink_loop": (".txt", 10**9, True),
    "named_pipe": (".txt", 20, True),
}


def report_text(number: int) -> str:
    """A short dated wire report from which extraction reads one territory_taken claim."""
    town = TOWNS[number % len(TOWNS)]
    day = 1 + number % 28
    return (
        f"url: https://example.org/{number}\ntitle: {town} retaken ({number})\noutlet: Outlet {number % OUTLETS}\n"
        f"published: 2017-{1 + number // 28 % 12:02d}-{day:02d}\n\n"
        f"Iraqi forces retook the town of {town} on Thursday after {number % 9 + 2} days of fighting.\n"
    )


def write_reports(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"report-{number:05d}.txt"
        path.write_text(report_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def write_bad_inputs(folder: Path, count: int, rng: random.Random, *, good_every: int = 10) -> dict[str, str]:
    """`count` files in `folder`, one good report in every `good_every`, the rest of BAD_KINDS in
    turn (the rare big kinds capped). Returns file name -> kind ("good" for the good ones)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, int] = {}
    kinds: dict[str, str] = {}
    cycle = list(BAD_KINDS)
    for index in range(count):
        if index % good_every == 0:
            name = f"good-{index:05d}.txt"
            (folder / name).write_text(report_text(100_000 + index), encoding="utf-8")
            kinds[name] = "good"
            continue
        kind = cycle[index % len(cycle)]
        extension, cap, _ = BAD_KINDS[kind]
        if made.get(kind, 0) >= cap:
            kind, extension = "random_bytes", ".txt"
        made[kind] = made.get(kind, 0) + 1
        name = f"bad-{kind}-{index:05d}{extension}"
        _write_bad(folder / name, kind, index, rng)
        kinds[name] = kind
    return kinds


def _write_bad(path: Path, kind: str, index: int, rng: random.Random) -> None:
    good = report_text(200_000 + index)
    if kind == "random_bytes":
        path.write_bytes(rng.randbytes(rng.randint(1, 4096)))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated_utf8":
        path.write_bytes(good.replace("Iraqi", "Iraqi — العراق").encode("utf-8")[:-3] + "ق".encode()[:1])
    elif kind == "utf16":
        path.write_bytes(good.encode("utf-16"))
    elif kind == "latin1":
        path.write_bytes(good.replace("Iraqi", "Iraqi café").encode("latin-1"))
    elif kind == "broken_jsonl":
        path.write_bytes(b'{"published": "2017-10-16", "text": "Kirkuk ta\n{not json}\n[1, 2\n')
    elif kind == "xml_bomb":
        entities = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
        path.write_text(
            f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{entities}]>'
            "<rss><channel><item><title>&l9;</title><description>&l9;</description></item></channel></rss>",
            encoding="utf-8",
        )
    elif kind == "xml_external":
        path.write_text(
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<rss><channel><item><title>&x;</title><pubDate>Mon, 16 Oct 2017 10:00:00 GMT</pubDate></item></channel></rss>",
            encoding="utf-8",
        )
    elif kind == "truncated_html":
        path.write_text(f"<html><head><title>Rawa {index}</title></head><body><article><p>Troops entered Ra", encoding="utf-8")
    elif kind == "deep_html":
        path.write_text("<html><body>" + "<div>" * 100_000 + "Rawa" + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    elif kind == "long_line":
        path.write_text("title: Long\npublished: 2017-10-16\n\n" + "word " * 1_000_000 + "\n", encoding="utf-8")
    elif kind == "symlink_loop":
        os.symlink(path.name, path)  # a link to itself: opening it loops
    elif kind == "named_pipe":
        os.mkfifo(path)
    else:
        raise ValueError(f"unknown bad input kind {kind!r}")
