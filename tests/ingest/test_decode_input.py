"""Bytes → text: encodings, and the inputs refused before any reading."""

from __future__ import annotations

import codecs
import io

import pytest

from frontlines.errors import BadInput
from frontlines.ingest.decode import decode_bytes, looks_arabic, read_limited

AKKAS = "Iraqi forces recaptured the Akkas gas field.\n"
ARABIC = "استعادت القوات العراقية السيطرة على حقل عكاز للغاز غرب الأنبار.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (AKKAS.encode("utf-8"), AKKAS),
        (codecs.BOM_UTF8 + AKKAS.encode("utf-8"), AKKAS),
        (codecs.BOM_UTF16_LE + AKKAS.encode("utf-16-le"), AKKAS),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), ARABIC),
        (ARABIC.encode("utf-8"), ARABIC),
        (ARABIC.encode("windows-1256"), ARABIC),
        (b"Iraqi forces\r\nretook Akkas.\r\n", "Iraqi forces\nretook Akkas.\n"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "arabic-utf-8",
        "arabic-windows-1256",
        "crlf",
    ],
)
def test_text_decodes_to_the_same_string_whatever_its_encoding(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "report.txt") == expected


@pytest.mark.parametrize(
    ("data", "reason", "hint"),
    [
        (b"", "empty file", "saved completely"),
        (b"  \n\t\n", "empty file", "saved completely"),
        (codecs.BOM_UTF8, "empty file", "saved completely"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", "text report"),
        (bytes(range(1, 32)) * 3 + b"Akkas", "binary file", "text report"),
        (
            "Ça a été très dur à Mossoul, déjà.".encode("latin-1"),
            "not UTF-8 text",
            "re-save the file as UTF-8",
        ),
    ],
    ids=["empty", "whitespace-only", "bom-only", "nul-bytes", "control-characters", "latin-1"],
)
def test_unreadable_bytes_are_refused_with_reason_and_hint(data: bytes, reason: str, hint: str) -> None:
    with pytest.raises(BadInput) as caught:
        decode_bytes(data, "corpus/bad.txt")
    assert caught.value.origin == "corpus/bad.txt"
    assert caught.value.reason.startswith(reason)
    assert hint in caught.value.hint


def test_undecodable_text_names_the_first_bad_byte() -> None:
    with pytest.raises(BadInput, match=r"byte 0xe9 at offset 14"):
        decode_bytes(b"Iraqi forces d\xe9j\xe0 vu", "x.txt")


def test_over_the_limit_names_the_size_and_the_limit() -> None:
    with pytest.raises(BadInput) as caught:
        decode_bytes(b"a" * 2049, "big.txt", max_bytes=2048)
    assert caught.value.reason == (
        "file too large: 2.0 KiB (2,049 bytes), over the limit of 2.0 KiB (2,048 bytes)"
    )
    assert "--max-bytes" in caught.value.hint and "split" in caught.value.hint


class CountingStream(io.BytesIO):
    """A stream that remembers how many bytes were asked of it."""

    requested = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.requested += len(data)
        return data


def test_a_huge_input_is_refused_after_reading_one_byte_past_the_limit() -> None:
    stream = CountingStream(b"x" * 1_000_000)
    with pytest.raises(BadInput, match="too large"):
        read_limited(stream, "<stdin>", max_bytes=1000)
    assert stream.requested == 1001


def test_an_input_at_the_limit_is_read_whole() -> None:
    assert read_limited(io.BytesIO(b"x" * 1000), "<stdin>", max_bytes=1000) == b"x" * 1000


def test_a_declared_encoding_is_used_when_the_bytes_are_not_utf_8() -> None:
    data = "Mossoul libérée".encode("iso-8859-1")
    assert decode_bytes(data, "page.html", declared="iso-8859-1") == "Mossoul libérée"


@pytest.mark.parametrize(
    ("text", "arabic"),
    [
        (ARABIC, True),
        ("Ça a été très dur à Mossoul, déjà.".encode("latin-1").decode("windows-1256"), False),
        ("Grüße aus Köln, schöne Straße".encode("latin-1").decode("windows-1256"), False),
        ("Plain ASCII only", False),
    ],
    ids=["arabic", "french-latin-1", "german-latin-1", "ascii"],
)
def test_windows_1256_is_accepted_only_when_it_reads_as_arabic(text: str, arabic: bool) -> None:
    assert looks_arabic(text) is arabic
