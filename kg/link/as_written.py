"""A name as written: whether a word or two, spelt as they stand, name a person the linker
knows, so that the analyser does not read them as a proclitic and another name (ناليدي
باندور is Naledi Pandor, not ب + إندور, the Indian city). It reads both the gazetteer's
people (:mod:`kg.link.gazetteer`) and the office holders (:mod:`kg.link.holders`), so it
sits apart from both, and the analyser imports it only when such a word comes up.
"""

from __future__ import annotations

import re

from ..lexicon.words import first_names
from ..text import normalize
from .gazetteer import match_key, skeleton_index
from .holders import by_key
from .skeleton import arabic_words, joined, vowels_agree
from .variants import skeleton


def names_a_person(name: str) -> bool:
    """Whether a name of two words or more, as written, is a person the linker knows by
    its spelling: a gazetteer person (:func:`kg.link.gazetteer.skeleton_index`) or an
    office holder whose English label's skeleton it has, long vowels agreeing. The
    analyser asks it before reading a word as a proclitic and another name (ناليدي
    باندور is Naledi Pandor, not ناليدي + ب + إندور, Indore).

    >>> names_a_person("ناليدي باندور"), names_a_person("ناليدي اندور")
    (True, False)
    """
    if len(name.split()) < 2 or re.search("[A-Za-z]", name):
        return False
    if skeleton(match_key(name)) in skeleton_index():
        return True
    words = arabic_words(name)
    return any(vowels_agree(name, h.label_en, h.french) for k in joined(words) for h in by_key(k))


def name_as_written(word: str, before: str = "") -> bool:
    """Whether a word is a name as written, so that reading it as a proclitic and another
    name (mostly a place) is the weaker reading: a first name (كريم, not ك + ريم), or with
    the word before it a person the linker knows by spelling (:func:`names_a_person`:
    ناليدي باندور is Naledi Pandor, not ب + إندور, the Indian city).

    >>> name_as_written("باندور", "ناليدي"), name_as_written("بعمان", "عبدالله")
    (True, False)
    """
    n = normalize(word)
    if n in first_names():
        return True
    return bool(before) and names_a_person(normalize(before) + " " + n)


__all__ = ["name_as_written", "names_a_person"]


def holder_countries(name: str) -> frozenset[str]:
    """The countries whose offices the one office holder a name of two words or more
    spells (:func:`names_a_person`'s skeleton match, long vowels agreeing) held; empty when
    no holder or several fit.

    >>> sorted(holder_countries("أنتوني بلينكن")), holder_countries("أحمد")
    (['Q30'], frozenset())
    """
    if len(name.split()) < 2 or re.search("[A-Za-z]", name):
        return frozenset()
    words = arabic_words(name)
    found = {
        h.qid: h.countries
        for k in joined(words)
        for h in by_key(k)
        if h.linkable and vowels_agree(name, h.label_en, h.french)
    }
    return next(iter(found.values())) if len(found) == 1 else frozenset()
