"""Whom one meets: the single name under ب after a word of meeting is a person.

A meeting verb takes its other side under ب (التقى ب, اجتمع ب, جمعته ب), and so do the
verbal nouns of meeting (لقاؤه ب). Between the verb and the ب may stand the verb's
subject (التقى الرئيس الكيني بX): a title with its nationality, a construct, a name.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.model import Document
    >>> def tokens(text):
    ...     return RulesAnalyser().analyse(Document("d", text, lang="ar")).sentences[0].tokens
    >>> ts = tokens("اجتمع وزير الخارجية الكيني بهم أمس.")
    >>> meets_with(ts, 4)
    True
    >>> ts = tokens("سافر وزير الخارجية الكيني بالقطار.")
    >>> meets_with(ts, 4)
    False
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ...lexicon.names import arabic_index
from ...model import Token
from ...text import normalize

#: Lemmas of words of meeting that take their other side under ب (جمعته ب, التقى ب,
#: اجتمع ب, لقاؤه ب): the single name after them is a person met, not a place.
MEETING_LEMMAS = frozenset(
    normalize(w) for w in "جمع التقى اجتمع اتصل لقاء اجتماع اتصال التقاء".split()
)

#: Tags of the words of a subject between a meeting verb and its ب: nouns, adjectives,
#: names (وزير الخارجية الكيني, الرئيس وليد شمعون).
_SUBJECT_UPOS = frozenset({"NOUN", "ADJ", "PROPN", "X"})

#: How many words of a subject the search crosses back to the verb.
_SUBJECT_WORDS = 6


def meets_with(tokens: Sequence[Token], k: int) -> bool:
    """Whether the ب at k follows a word of meeting: right before it, across an object
    pronoun (جمعته ب), or across the subject of a meeting verb (التقى الرئيس التونسي ب).

    >>> from kg.model import Token
    >>> words = [("جمعت", "جَمَعَ", "VERB"), ("ه", "هُوَ", "PRON"), ("ب", "بِ", "ADP")]
    >>> ts = [Token(i, f, lem, pos, 0, "dep", 0, 0) for i, (f, lem, pos) in enumerate(words, 1)]
    >>> meets_with(ts, 2), meets_with(ts[2:], 0)
    (True, False)
    """
    h = k - 1
    if h >= 0 and tokens[h].upos == "PRON":
        h -= 1
    if h < 0:
        return False
    if _meeting(tokens[h]):
        return True
    crossed = 0
    while h >= 0 and tokens[h].upos in _SUBJECT_UPOS and crossed < _SUBJECT_WORDS:
        h -= 1
        crossed += 1
    return h >= 0 and tokens[h].upos == "VERB" and _meeting(tokens[h])


def _meeting(t: Token) -> bool:
    return normalize(t.lemma or t.form) in MEETING_LEMMAS


def person_surname(word: str) -> bool:
    """Whether a word (normalised) is the family name of a person of the gazetteer, the
    last word of a full name (ماكرون of إيمانويل ماكرون) that no place of the gazetteer
    is called alone: ب, إلى, من + that word name the person (رحب بماكرون), not a place.

    >>> person_surname("ماكرون"), person_surname("واشنطن"), person_surname("الرئيس")
    (True, False, False)
    """
    return word in _person_surnames()


@lru_cache(maxsize=1)
def _person_surnames() -> frozenset[str]:
    index, _ = arabic_index()
    lasts = {
        n.rsplit(" ", 1)[-1]
        for n, entries in index.items()
        if " " in n and any(e.cls == "Person" for e in entries)
    }
    return frozenset(
        w
        for w in lasts
        if len(w) >= 4
        and not w.startswith("ال")
        and all(e.cls == "Person" for e in index.get(w, ()))
    )
