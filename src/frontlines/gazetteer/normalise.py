"""Normalised lookup keys for place names.

Reports spell the same town many ways: "al-Qaim", "Al Qa'im", "Qaem", "القائم". `name_key`
folds such spellings onto one key, so the gazetteer can be an exact dictionary lookup for
most of them and fuzzy matching is left for the rest.

Latin script: lower case, no diacritics, no apostrophes or ayn/hamza marks, the Arabic article
dropped ("al-", "el-", assimilated "ar-Ramadi", "As Samawah", ...; also "the "), then light
spelling folding (q→k, o→u, ee→i, y→i inside words, then ei→ai, ae→ai, dh→d, doubled letters
single, word-final -ah/-eh→-a) and finally spaces and hyphens removed ("Tal Afar" = "Talafar").

Arabic script: tashkeel and tatweel stripped, alef/hamza forms unified, ta marbuta → ha,
alef maqsura → ya, Persian/Kurdish kaf, ya and ha folded, the article ال dropped from
every word, spaces removed ("تل عفر" = "تلعفر").

Cyrillic script is transliterated to Latin (anyascii) and then folded as Latin, so "Бахмут",
"Bakhmut" and "Bakhmout" share one key, and "Харків" is "Kharkiv". Other scripts (Greek, Hebrew,
Chinese, Devanagari, ...) keep a native-script key: NFKC, case-folded, letters and digits only.

The folding is deliberately light: it must not make two different towns collide. Spellings it
cannot reach ("Tel Afar", "Abu Kamal" / "Albu Kamal") are explicit aliases in the data.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["KEY_VERSION", "name_key", "is_arabic", "is_cyrillic", "strip_article"]

# Bump whenever a change to name_key can change a key: keys stored in a database by an older
# version are then recomputed (see frontlines.store.gazetteer_store.rekey).
KEY_VERSION = "3"

_CYRILLIC_LETTER = re.compile(r"[\u0400-\u052F\u1C80-\u1C8F\u2DE0-\u2DFF\uA640-\uA69F]")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF]")
_TASHKEEL = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ء": "",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",  # Persian/Kurdish ya
        "ێ": "ي",
        "ک": "ك",  # Persian/Kurdish kaf
        "ە": "ه",  # Kurdish ae
        "ھ": "ه",
        "ۆ": "و",
        "ڵ": "ل",
        "ڕ": "ر",
    }
)
_ARABIC_NON_LETTER = re.compile(r"[^\u0621-\u064A\u0660-\u0669\u06F0-\u06F9\s]")

# Apostrophes and the marks transliterations use for ayn and hamza.
_MARKS = re.compile("['’‘`´ʼʻʿʾ′\u02bd\u02be\u02bf]")
_SEPARATORS = re.compile(r"[-‐‑‒–—_/.,;:()\[\]\"“”]+")
_NON_KEY = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")

# "al-Qaim", "el-Zor", "ash-Sharqat": a hyphenated article is always an article.
_HYPHEN_ARTICLE = re.compile(
    r"(?<![^\s-])(?:al|el|ad|ar|as|ash|at|az|an|adh|ath|dh|ed|er|es|esh|et|ez|en)[-‐‑](?=\w)",
)
# "Al Qaim", "El Bab": the article as a separate word.
_WORD_ARTICLE = re.compile(r"(?<!\S)(?:al|el)\s+(?=\w)")
# "Ar Rutbah", "As Samawah", "Ash Shaykhan": a separate sun-letter article only when it
# assimilates to the next word, so English "at Rawa" or "as Syria" keep their words.
_SUN_ARTICLE = re.compile(r"(?<!\S)[ae](sh|dh|th|[dnrstz])\s+(?=\1)")
_THE = re.compile(r"^the\s+(?=\w)")


def is_arabic(text: str) -> bool:
    """True when the text contains Arabic-script letters."""
    return bool(_ARABIC_LETTER.search(text))


def is_cyrillic(text: str) -> bool:
    """True when the text contains Cyrillic letters."""
    return bool(_CYRILLIC_LETTER.search(text))


_HYPHENED_ARTICLE = re.compile(r"(?i)(?:al|el|ad|ar|as|ash|at|az|an|adh|ath|ed|er|es|esh|et|ez|en)[-‐‑](?=\w)")


@lru_cache(maxsize=65536)
def strip_article(word: str) -> str:
    """A single word without a leading Latin-script article: "al-Qaim" → "Qaim"."""
    match = _HYPHENED_ARTICLE.match(word)
    return word[match.end() :] if match else word


def _arabic_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = _TASHKEEL.sub("", text).translate(_ARABIC_FOLD)
    text = _ARABIC_NON_LETTER.sub(" ", text)
    words = []
    for word in text.split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word)
    return "".join(words)


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    word = word.replace("ee", "i").replace("ou", "u").replace("o", "u")
    # y as a consonant only at the start of a word; elsewhere it is the vowel i ("Sweyda" = "Sweida").
    if len(word) > 1:
        word = word[0] + word[1:].replace("y", "i")
    word = word.replace("ei", "ai").replace("ae", "ai").replace("q", "k").replace("dh", "d")
    if word.endswith("eh") and len(word) > 3:
        word = word[:-2] + "a"
    word = _DOUBLED.sub(r"\1", word)
    if word.endswith("ah") and len(word) > 3:
        word = word[:-1]
    return word


def _latin_key(name: str) -> str:
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.casefold()
        text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    text = _MARKS.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    text = _THE.sub("", text)
    text = _HYPHEN_ARTICLE.sub("", text)
    text = _WORD_ARTICLE.sub("", text)
    text = _SUN_ARTICLE.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    text = _NON_KEY.sub("", text)
    return "".join(_fold_word(word) for word in text.split())


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The normalised lookup key of a place name ("" when nothing is left of it).

    >>> name_key("Al Qa'im") == name_key("al-Qaim") == name_key("Qaem")
    True
    >>> name_key("القائم") == name_key("ٱلْقَائِم")
    True
    >>> name_key("Бахмут") == name_key("Bakhmut") == name_key("Bakhmout")
    True
    """
    if not name:
        return ""
    if is_arabic(name):
        return _arabic_key(name)
    if is_cyrillic(name):
        return _latin_key(anyascii(name))
    key = _latin_key(name)
    if key or name.isascii():
        return key
    return _native_key(name)


def _native_key(name: str) -> str:
    """Scripts without a transliteration here: letters, marks and digits, case-folded, no spaces."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if ch.isalnum() or unicodedata.category(ch).startswith("M"))
