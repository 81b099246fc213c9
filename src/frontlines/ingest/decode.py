"""Bytes to text, and the checks every input goes through first.

Order of the checks: size, then binary, then encoding, then empty. A file is
read at most ``max_bytes + 1`` bytes deep, so a huge file is refused without
being read whole.

Encodings, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), then strict
UTF-8, then the encoding the document declares (HTML ``<meta charset>``, XML
declaration) when a reader passes one, then windows-1256 only when the result
reads as Arabic. Anything else is refused rather than guessed: a wrongly
decoded report would give wrong quotes downstream.
"""

from __future__ import annotations

import codecs
import os
import re
from typing import BinaryIO

from frontlines.config import MAX_INPUT_BYTES
from frontlines.errors import BadInput

_BOMS = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls and DEL, less the whitespace ones text files do carry; ESC and
# form feed turn up in real exports too.
_CONTROL_BYTES = bytes(b for b in (*range(0x20), 0x7F) if b not in b"\t\n\r\x0b\x0c\x1b")
_CONTROL_CHARS = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "]")
_BINARY_CONTROL_SHARE = 0.10
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u0750-\u077f]")
_WORD = re.compile(r"[^\W\d_]+")

SIZE_HINT = "split the file into smaller ones, or raise the limit with --max-bytes"


def too_large(origin: str, size: int | None, max_bytes: int) -> BadInput:
    """The error for an input over the size limit; ``size`` None when unknown (stdin)."""
    if size is None:
        reason = f"input too large: more than {_human(max_bytes)} (limit {max_bytes:,} bytes)"
    else:
        reason = (
            f"file too large: {_human(size)} ({size:,} bytes), "
            f"over the limit of {_human(max_bytes)} ({max_bytes:,} bytes)"
        )
    return BadInput(origin, reason, SIZE_HINT)


def read_limited(stream: BinaryIO, origin: str, *, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Read a stream, refusing it once it passes ``max_bytes`` (reads at most one byte more)."""
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        chunk = stream.read(left)  # a socket or pipe may hand over less than asked
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        size: int | None = None
        try:
            size = os.fstat(stream.fileno()).st_size
        except (OSError, AttributeError, ValueError):
            pass  # a pipe or an in-memory stream: the size is not known
        if size is not None and size <= max_bytes:
            size = None  # not a regular file: fstat says nothing useful
        raise too_large(origin, size, max_bytes)
    return data


def check_bytes(data: bytes, origin: str, *, max_bytes: int = MAX_INPUT_BYTES) -> None:
    """Refuse inputs that are too large or binary, before any decoding."""
    if len(data) > max_bytes:
        raise too_large(origin, len(data), max_bytes)
    if _bom_encoding(data) is not None:
        return  # UTF-16/32 text is full of NUL bytes; checked after decoding
    if b"\x00" in data:
        raise _binary(origin, "it contains NUL bytes")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if data and controls / len(data) > _BINARY_CONTROL_SHARE:
        raise _binary(origin, f"{controls / len(data):.0%} of its bytes are control characters")


def decode_bytes(
    data: bytes,
    origin: str,
    *,
    max_bytes: int = MAX_INPUT_BYTES,
    declared: str | None = None,
) -> str:
    """Decode one input to text with newlines as LF, or raise BadInput.

    ``declared`` is the encoding the document itself names, tried after strict
    UTF-8. A leading byte-order mark is dropped from the text.
    """
    check_bytes(data, origin, max_bytes=max_bytes)
    text = _decode(data, origin, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInput(origin, "empty file", "the file holds no text; check that it was saved completely")
    controls = len(_CONTROL_CHARS.findall(text))
    if "\x00" in text or controls / len(text) > _BINARY_CONTROL_SHARE:
        raise _binary(origin, "its decoded text is mostly control characters")
    return text


def unstorable_character(text: str) -> str | None:
    """What in a text no database can store, with its offset: a NUL, or a lone UTF-16 surrogate
    (which JSON escapes such as \\ud800 can spell); None when there is nothing."""
    match = _UNSTORABLE.search(text)
    if match is None:
        return None
    char = match.group(0)
    what = "a NUL character" if char == "\x00" else f"a lone surrogate U+{ord(char):04X}"
    return f"{what} at offset {match.start()}"


def looks_arabic(text: str) -> bool:
    """Whether a windows-1256 decoding reads as Arabic words rather than mojibake.

    Arabic text in windows-1256 decodes to whole Arabic words separated by
    ASCII; Latin-1 or other 8-bit text decodes to accented Latin letters and to
    words that mix Arabic and Latin letters.
    """
    arabic_words = mixed_words = 0
    for word in _WORD.findall(text):
        arabic = len(_ARABIC_LETTER.findall(word))
        if arabic == len(word):
            arabic_words += 1
        elif arabic:
            mixed_words += 1
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F and not ch.isspace())
    arabic_letters = len(_ARABIC_LETTER.findall(text))
    return arabic_words >= 2 and mixed_words <= arabic_words // 20 and arabic_letters >= 0.8 * non_ascii


def _decode(data: bytes, origin: str, declared: str | None) -> str:
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, mark = bom
        try:
            return data[len(mark) :].decode(encoding)
        except UnicodeDecodeError as error:
            raise BadInput(
                origin,
                f"not {encoding.upper()} text despite its byte-order mark ({_where(error)})",
                "re-save the file as UTF-8",
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_error = error
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        if codec and codec != "utf-8":
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    arabic = data.decode("windows-1256", errors="replace")
    if looks_arabic(arabic):
        return arabic
    raise BadInput(
        origin,
        f"not UTF-8 text ({_where(first_error)}), and not Arabic in windows-1256 either",
        "re-save the file as UTF-8",
    )


def _bom_encoding(data: bytes) -> tuple[str, bytes] | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, mark
    return None


def _binary(origin: str, why: str) -> BadInput:
    return BadInput(
        origin,
        f"binary file: {why}",
        "give a text report, HTML page, feed or JSONL file; UTF-16 text needs a byte-order mark",
    )


def _where(error: UnicodeDecodeError) -> str:
    byte = error.object[error.start : error.start + 1]
    return f"byte 0x{byte.hex()} at offset {error.start}"


def _human(size: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
