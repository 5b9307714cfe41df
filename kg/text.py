"""Text helpers shared by every stage: Arabic normalisation for matching, script detection.

Normalisation is for *matching* only; surface text and offsets are never rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat, tanween, shadda, sukun, dagger alef, Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
# Bidi controls and zero-width characters: invisible, and dangerous inside names.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
_ALEF = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPACES = re.compile(r"\s+")

# What normalize() deletes and maps, in one pass each (the tables' keys and values are
# disjoint, so one table does what the two do one after the other)
_DELETED = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]"
)
_FOLDED: dict[int, str | int | None] = {**_ALEF, **_DIGITS}

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


#: A hashtag's marks in Arabic news (#القمة_العربية): the # before a word, the _ inside it.
_HASHTAG_MARKS = re.compile(r"#(?=[\u0621-\u064a])|(?<=[\u0621-\u0652])_(?=[\u0621-\u064a])")


def without_hashtags(s: str) -> str:
    """The text with a hashtag's marks turned into spaces, so that the names it holds read
    as written; of the same length, so that offsets into it still hold.

    >>> without_hashtags("قال #محمود_عباس إن #القمة_العربية مهمة، #1 و a_b")
    'قال  محمود عباس إن  القمة العربية مهمة، #1 و a_b'
    """
    return _HASHTAG_MARKS.sub(" ", s)


def strip_invisible(s: str) -> str:
    """Remove bidi controls and zero-width characters."""
    return _INVISIBLE.sub("", s)


@lru_cache(maxsize=200_000)
def normalize(s: str) -> str:
    """Normalise Arabic (and Latin) text for matching.

    Removes diacritics, tatweel and invisible characters; unifies alef forms, alef
    maqsura/ya, ta marbuta/ha and hamza seats; folds Latin case and Arabic-Indic digits;
    collapses whitespace.

    >>> normalize("إِيلافُ")
    'ايلاف'
    >>> normalize("الرئيـــس  الأميركيّ")
    'الرييس الاميركي'
    >>> normalize("Rex  TILLERSON")
    'rex tillerson'
    """
    s = _DELETED.sub("", unicodedata.normalize("NFKC", s)).translate(_FOLDED)
    return _SPACES.sub(" ", s).strip().casefold()


#: Characters str.splitlines() breaks on: a text holding one is normalised on its own.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_LINE_SPACES = re.compile(r"[^\S\n]+")
_LINE_EDGES = re.compile(r"(?m)^ | $")


def normalize_many(texts: list[str]) -> list[str]:
    """``[normalize(t) for t in texts]`` in a few passes over one joined string: building an
    index over thousands of names costs a handful of C calls instead of eight per name.

    >>> normalize_many(["إِيلافُ", "الرئيـــس  الأميركيّ", "Rex TILLERSON"])
    ['ايلاف', 'الرييس الاميركي', 'rex tillerson']
    """
    if any(_LINE_BREAKS.search(t) for t in texts):
        return [normalize(t) for t in texts]
    s = unicodedata.normalize("NFKC", "\n".join(texts))
    s = _INVISIBLE.sub("", s)
    s = _DIACRITICS.sub("", s).replace(_TATWEEL, "")
    # str.replace per character beats translate's per-character table look-ups on a long text
    for table in (_ALEF, _DIGITS):
        for a, b in table.items():
            s = s.replace(chr(a), b if isinstance(b, str) else chr(b))
    s = _LINE_EDGES.sub("", _LINE_SPACES.sub(" ", s))
    out = s.casefold().split("\n")
    if len(out) != len(texts):  # NFKC made or removed a line break: be exact instead
        return [normalize(t) for t in texts]
    return out


@lru_cache(maxsize=200_000)
def strip_diacritics(s: str) -> str:
    """Remove harakat and tatweel only (keeps hamza and ta marbuta)."""
    return _DIACRITICS.sub("", s).replace(_TATWEEL, "")


def detect_lang(text: str) -> str:
    """Guess the language from the script: ``ar``, ``en`` or ``und``.

    >>> detect_lang("قال الوزير")
    'ar'
    >>> detect_lang("The minister said")
    'en'
    """
    sample = text[:20_000]
    ar = len(ARABIC_LETTER.findall(sample))
    la = len(LATIN_LETTER.findall(sample))
    if ar == 0 and la == 0:
        return "und"
    return "ar" if ar >= la else "en"


def slug(s: str) -> str:
    """A readable, IRI-safe key from a label: normalised, spaces to underscores.

    >>> slug("ريكس تيلرسون")
    'ريكس_تيلرسون'
    """
    n = normalize(s)
    n = re.sub(r"[^\w\u0600-\u06ff]+", "_", n)
    return n.strip("_") or "_"
