"""The article absorbed by ل before a word in ل: للجنة الدولية is ل + اللجنة.

ل before the article drops its alif (للأمم: ل + الأمم), and before a word that starts
with ل it drops the article's ل too (للجنة: ل + اللجنة, written with two lams, as ل +
لجنة, for a committee, is). The lexicon gives the indefinite reading only. Before a
definite adjective (للجنة الدولية, للقاء الثلاثي) the noun is definite: an indefinite
noun takes no definite adjective, and a construct takes a noun, not an adjective.

>>> from kg.analyse.rules.morph import analyse_word
>>> [(r.definite, r.head.feats) for r in absorbed_article(analyse_word("للجنة"), "للجنة", "الدولية")][:1]
[(True, 'Definite=Def|Gender=Fem|Number=Sing')]
>>> [r.definite for r in absorbed_article(analyse_word("للجنة"), "للجنة", "الانتخابات")][:1]
[False]

A word nothing knows that starts with لل (وللميليشيات) is ل + a definite word all the same,
the article's alif dropped: :func:`unknown_after_article`.
"""

from __future__ import annotations

from dataclasses import replace

from ...text import normalize, strip_diacritics
from .morph import analyse_word, proper_noun_reading
from .parts import Reading


def absorbed_article(readings: tuple[Reading, ...], surface: str, nxt: str) -> tuple[Reading, ...]:
    """The readings of a word لل + a stem in ل, made definite before a definite adjective."""
    if not normalize(surface).startswith("لل") or not _definite_adjective(nxt):
        return readings
    out = []
    for r in readings:
        head = r.head
        if (
            r.pos in ("N", "A")
            and not r.definite
            and r.main == 1
            and r.parts[0].upos == "ADP"
            and normalize(strip_diacritics(head.lemma)).startswith("ل")
        ):
            feats = "Definite=Def" if head.feats in ("", "_") else "Definite=Def|" + head.feats
            parts = (r.parts[0], replace(head, feats=feats), *r.parts[2:])
            r = replace(r, parts=parts, definite=True)
        out.append(r)
    return tuple(out)


def _definite_adjective(word: str) -> bool:
    """Whether a word is a definite adjective: the article, and an adjective reading."""
    if not normalize(word).startswith("ال"):
        return False
    return any(r.pos == "A" and r.definite and len(r.parts) == 1 for r in analyse_word(word))


def unknown_after_article(surface: str) -> Reading | None:
    """The reading of a word nothing knows written لل (after و or ف) + at least three
    letters: the preposition ل and a definite word whose article it absorbed, as the
    analyser reads the words it knows (للمتمردين: ل + المتمردين); None for other words.
    Arabic names do not start with لل, so the word is no name as written.

    >>> r = unknown_after_article("وللميليشيات")
    >>> [p.upos for p in r.parts], r.definite, r.head.feats, r.head.lemma
    (['CCONJ', 'ADP', 'PROPN'], True, 'Definite=Def', 'ميليشيات')
    >>> unknown_after_article("لندن") is None, unknown_after_article("للين") is None
    (True, True)
    """
    n = normalize(strip_diacritics(surface))
    conj = n[:1] if n[:1] in ("و", "ف") and n[1:3] == "لل" else ""
    if not n.startswith(conj + "لل") or len(n) - len(conj) - 2 < 3:
        return None
    r = proper_noun_reading(surface, pro=conj + "ل", source="unknown")
    # the lemma without the article, as the analyser's: ميليشيات (the name gets its
    # article back from the form: kg.extract.state.article_restored)
    head = replace(r.head, feats="Definite=Def", lemma=strip_diacritics(surface)[len(conj) + 2 :])
    return replace(r, parts=(*r.parts[: r.main], head), definite=True)
