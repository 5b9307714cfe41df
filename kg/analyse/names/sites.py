"""Palaces and seats named by a definite word: قصر اليمامة, قصر الشعب, مقر الأمانة العامة.

A palace's name after قصر often carries the article (قصر اليمامة, قصر المرادية, قصر
السلام), and so does what a seat (مقر) is the seat of (مقر الرئاسة, مقر القيادة العامة).
The name finders take a word nothing knows after a designator as a name; a definite
common word only after a division of a country (محافظة الجيزة). Here, after a preposition
of place (في, إلى, من, ب, أمام ...), قصر or مقر and a definite word (with its definite
adjectives) name one place: the preposition says a place follows, which keeps out قصر the
noun of shortness (بسبب قصر المدة).

>>> from kg.analyse.rules import RulesAnalyser
>>> from kg.model import Document
>>> def spans(text):
...     s = RulesAnalyser().analyse(Document("d", text, lang="ar")).sentences[0]
...     return [" ".join(t.form for t in s.tokens[e.first - 1 : e.last]) + " " + e.label
...             for e in s.entities]
>>> spans("عقد اللقاء في قصر الصنوبر.")
['قصر الصنوبر Place']
>>> spans("اعتذر بسبب قصر المدة.")
[]
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon.words import designators, titles
from ...model import EntitySpan, Token
from ...text import normalize

#: Sites whose name (or whose body) is a definite word in construct after them.
_SITES = frozenset(normalize(w) for w in "قصر مقر".split())

#: Prepositions (and nouns of place) after which a place is named.
_OF_PLACE = frozenset(
    normalize(w) for w in "في إلى الى من ب داخل أمام قرب عند نحو حول خارج لدى".split()
)

#: Definite words that make the construct a description, not a name: times, and nouns of
#: size and duration (قصر المدة: the shortness of the period).
_NOT_NAMES = frozenset(
    normalize(w)
    for w in (
        "المدة الفترة الوقت الزمن النظر القامة اليوم الليل النهار الأسبوع الشهر العام الإقامة الحكم"
    ).split()
)


def definite_sites(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """Spans for قصر/مقر + a definite word (+ definite adjectives) after a preposition
    of place, where no span covers those words."""
    covered = {k for sp in spans for k in range(sp.first - 1, sp.last)}
    out = list(spans)
    n = len(tokens)
    for i in range(1, n - 1):
        t, name = tokens[i], tokens[i + 1]
        if (
            t.upos != "NOUN"
            or normalize(t.form) not in _SITES
            or normalize(tokens[i - 1].form) not in _OF_PLACE
            or i in covered
            or i + 1 in covered
            or t.end == name.start
            or not _name_word(name)
        ):
            continue
        end = i + 2
        while (
            end < n
            and end not in covered
            and tokens[end].upos == "ADJ"
            and normalize(tokens[end].form).startswith("ال")
            and tokens[end - 1].end < tokens[end].start
        ):
            end += 1  # مقر الأمانة العامة
        out.append(EntitySpan(i + 1, end, "Place", "designator"))
        covered.update(range(i, end))
    return sorted(out, key=lambda sp: sp.first)


def _name_word(t: Token) -> bool:
    """A definite word that can name a palace or a seat's body (قصر الشعب too): no title
    (قصر الرئيس: the president's), verbal noun, designator of its own (مقر الحزب has its
    span already) or word of time and size."""
    g = normalize(t.form)
    if not g.startswith("ال") or t.upos not in ("NOUN", "PROPN", "X", "ADJ"):
        return False
    bare = g[2:]
    return (
        "VerbForm=Vnoun" not in t.misc
        and g not in titles()
        and bare not in titles()
        and bare not in designators()
        and g not in _NOT_NAMES
    )
