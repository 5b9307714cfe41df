"""Places that no gazetteer lists, found by the words around them.

Regions named by a feature of the land and a direction: الساحل الغربي, الريف الشمالي.

A definite noun for a stretch of land (ساحل, ريف, شريط, ضفة, صحراء, سهل, هضبة, بادية,
قطاع) with a definite adjective of direction after it (الغربي, الشمالية, الأوسط) names a
region of its own (the west coast of Yemen, the northern countryside of a city), whether
or not the gazetteer lists it: a cue of the words, not a list of places. The noun alone
(الساحل) or with another adjective (الساحل الجميل) names none.

A town after في or إلى: a definite word the lexicon does not list (الفوعة: the morphology
only guesses at it), nor its lemma (الفيضانات is a plural of a listed noun), ending its
phrase, names a place (:func:`unlisted_places`).

>>> from kg.analyse.rules import RulesAnalyser
>>> from kg.model import Document
>>> def spans(text):
...     s = RulesAnalyser().analyse(Document("d", text, lang="ar")).sentences[0]
...     return [" ".join(t.form for t in s.tokens[e.first - 1 : e.last]) + " " + e.label
...             for e in s.entities]
>>> spans("تقدمت القوات في الساحل الغربي.")
['الساحل الغربي Region']
>>> spans("جلسنا على الساحل الجميل.")
[]
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon.words import titles
from ...model import EntitySpan, Token
from ...text import normalize, strip_diacritics

#: Nouns for a stretch of land (singular and plural), compared without the article.
_FEATURES = frozenset(
    normalize(w) for w in "ساحل سواحل ريف أرياف شريط ضفة صحراء سهل هضبة بادية قطاع".split()
)
#: Adjectives of direction, masculine and feminine, compared without the article.
_DIRECTIONS = frozenset(
    normalize(w) for w in ("غربي شرقي شمالي جنوبي أوسط غربية شرقية شمالية جنوبية وسطى").split()
)


def feature_regions(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """Region spans for a definite land feature + a definite direction adjective that no
    span covers."""
    covered = {k for sp in spans for k in range(sp.first - 1, sp.last)}
    out = list(spans)
    for i in range(len(tokens) - 1):
        t, adj = tokens[i], tokens[i + 1]
        if i in covered or i + 1 in covered or t.end >= adj.start:
            continue
        if t.upos not in ("NOUN", "ADJ") or adj.upos not in ("ADJ", "NOUN"):
            continue
        f, g = normalize(t.form), normalize(adj.form)
        if not (f.startswith("ال") and g.startswith("ال")):
            continue
        if i > 0 and tokens[i - 1].end == t.start and tokens[i - 1].upos != "ADP":
            continue  # a clitic other than a preposition glued to it: not a name's start
        if f[2:] in _FEATURES and g[2:] in _DIRECTIONS:
            out.append(EntitySpan(i + 1, i + 2, "Region", "designator"))
            covered.update((i, i + 1))
    return sorted(out, key=lambda sp: sp.first)


#: Prepositions after which an unlisted definite word names a place.
_IN_TO = frozenset(normalize(w) for w in "في إلى الى".split())


def unlisted_places(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """Place spans for a definite word the lexicon does not list right after في or إلى,
    with no genitive or adjective after it (اندلعت اشتباكات في الفوعة).

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.model import Document
    >>> s = RulesAnalyser().analyse(Document("d", "اندلعت اشتباكات في الفوعة.", lang="ar"))
    >>> [(e.first, e.last, e.label) for e in s.sentences[0].entities]
    [(4, 4, 'Place')]
    """
    from ..rules.tagger import attested  # the rules analyser's lexicon

    covered = {k for sp in spans for k in range(sp.first - 1, sp.last)}
    out = list(spans)
    for i in range(1, len(tokens)):
        t, p = tokens[i], tokens[i - 1]
        g = normalize(t.form)
        if i in covered or normalize(p.form) not in _IN_TO or p.end >= t.start:
            continue
        if not g.startswith("ال") or t.upos not in ("NOUN", "ADJ", "PROPN", "X"):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.upos in ("NOUN", "ADJ", "PROPN") and t.end < nxt.start:
            continue  # a genitive or an adjective after it: a phrase, not a town's name
        if attested(t.form) or g[2:] in titles() or g in titles():
            continue
        lemma = strip_diacritics(t.lemma)
        if lemma and attested(lemma):
            continue  # الفيضانات, المستودع: an inflection of a word the lexicon lists
        out.append(EntitySpan(i + 1, i + 1, "Place", "name-heuristic"))
        covered.add(i)
    return sorted(out, key=lambda sp: sp.first)
