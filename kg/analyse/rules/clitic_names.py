"""Names behind a proclitic: when a word is و, ب, ل ... + a name rather than one name.

A name the gazetteer knows only as the last word of a full name (ماكرون of إيمانويل
ماكرون) is written alone in news after its first mention, and often glued to a
proclitic: وماكرون, بماكرون (التقى الرئيس بماكرون), لماكرون. Such a word is the proclitic
and the name, not one foreign name.

>>> known_after_clitic("ماكرون", set(), set())
True
>>> known_after_clitic("اكرون", set(), set()), known_after_clitic("اكرون", {"اكرون"}, set())
(False, True)
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import lru_cache

from ...lexicon.names import multiword_name_index
from ...lexicon.words import first_names
from ...text import normalize
from .morph import analyse_word, listed_form


def known_after_clitic(rest: str, names: AbstractSet[str], vocabulary: set[str]) -> bool:
    """Whether ``rest`` (normalised), what follows a proclitic in a word nothing knows, is
    a name: a one-word name of the gazetteer or of the document so far (``names``), a word
    the document writes on its own (``vocabulary``), or the last word of a gazetteer name of
    several words."""
    return rest in names or rest in vocabulary or rest in multiword_lasts()


def and_known_name(surface: str, names: AbstractSet[str]) -> bool:
    """Whether a word is و + a name the gazetteer, the first names or the lexicon know
    (وأردوغان, وماكرون), to be split rather than read as one foreign name.

    >>> and_known_name("وميركل", {"ميركل"}), and_known_name("ويلسون", {"ميركل"})
    (True, False)
    >>> and_known_name("ولليمن", {"اليمن"})
    True
    """
    n = normalize(surface)
    if not n.startswith("و") or len(n) <= 3:
        return False
    rest = n[1:]
    if rest in names or rest in first_names() or rest in multiword_lasts():
        return True
    if rest.startswith("لل") and "ا" + rest[1:] in names:
        return True  # ولليمن: و + ل + اليمن, the article's alif dropped
    # (a name of the lexicon's own needs a listed form: no farahidi run for the others)
    return listed_form(surface[1:]) and any(
        r.pos == "PN" and r.source == "lex" for r in analyse_word(surface[1:])
    )


@lru_cache(maxsize=1)
def multiword_lasts() -> frozenset[str]:
    """The last words of the gazetteer's names of several words (أردوغان of رجب طيب
    أردوغان), of four letters or more.

    >>> "اردوغان" in multiword_lasts()
    True
    """
    index, _ = multiword_name_index()
    return frozenset(w for n in index if len(w := n.rsplit(" ", 1)[-1]) >= 4 and " " in n)
