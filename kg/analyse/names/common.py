"""Small helpers the name finders share: span text, clitics, agreement, word shapes.

>>> _nisba("الأردني"), _nisba("الأردن")
(True, False)
"""

from __future__ import annotations

from ...dates import MONTH_WORDS
from ...lexicon.words import (
    people_nouns,
    titles,
)
from ...model import Token
from ...text import normalize

#: Months (and the words of the Levantine and Hijri month names): no names.
MONTHS = MONTH_WORDS

#: Directions that start a region's name after its designator: ولاية شمال دارفور.
_DIRECTIONS = {normalize(w) for w in "شمال جنوب شرق غرب وسط".split()}


def _title_or_people(t: Token) -> bool:
    """A title or a noun for people (الوزير, المسؤولين, للصحفيين): not part of an
    organisation's name."""
    g = normalize(t.form)
    if g.startswith("ل") and not g.startswith("ال"):
        g = "ا" + g  # للصحفيين: ل + الصحفيين, the article's alif dropped
    stem = g[2:] if g.startswith("ال") else g
    for ending in ("ين", "ون", "ات"):
        if stem.endswith(ending) and len(stem) > 4:
            stem = stem[: -len(ending)]
            break
    if stem.endswith("ا") and stem[:-1] in titles():
        return True  # سفيرا, وزيرا: a post in the accusative (عين X سفيرا), no name's part
    return g in titles() or stem in people_nouns() or stem in titles()


#: Words that end a compound name part: نصر الله, صلاح الدين, عبد الرحمن.
_NAME_TAILS = {normalize(w) for w in "الله الدين الرحمن زاده".split()}


_STOP_UPOS = {
    "VERB",
    "AUX",
    "ADP",
    "CCONJ",
    "SCONJ",
    "PUNCT",
    "DET",
    "NUM",
    "PART",
    "SYM",
    "PRON",
}


def _nisba(f: str) -> bool:
    """A definite relative adjective (الكيني, الموريتانية): a nationality, not a name."""
    return f.startswith("ال") and (f.endswith("ي") or f.endswith("يه")) and len(f) >= 5


def _is_unknown_strict(t: Token) -> bool:
    return "Unknown=Yes" in t.misc or "Foreign=Yes" in t.feats
