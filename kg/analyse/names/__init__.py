"""Named-entity spans over UD tokens, for analysers without a neural NER.

Two sources:

- the gazetteer, matched longest first on the tokens' text after Arabic normalisation
  (a clitic token in front, ب in بالعراق, is not part of the name); names that are also
  common words (الحرة, القاعدة) only in a name context;
- proper-noun runs nothing knows (foreign names), typed by what announces them: a title
  (الوزير ... → Person), a designator (مدينة → City, تنظيم → Organization), or a
  first-name + surname shape (→ Person).

Works on the tokens of any analyser (rules, conllu, stanza without NER).

The finders by kind: ``known`` (gazetteer, quotes, facilities), ``places``,
``bodies`` (organisations), ``people`` (unknown proper names); ``common`` their helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import (
    EntitySpan,
    Token,
)
from ..names_en import office_word
from .appointer import appointer_and_appointee
from .bodies import (
    _bodies_of_organisations,
    _designated_organisations,
    _named_after_people,
    _papers_named_after_cities,
    _seats_and_branches,
)
from .known import (
    _gazetteer_names,
    _named_facilities,
    _quoted_names,
)
from .people import (
    _surnames_named_like_places,
    _unknown_names,
)
from .places import _designated_places, _sites_named_by_adjectives
from .regions import feature_regions, unlisted_places
from .sites import definite_sites


def find_entities(tokens: Sequence[Token]) -> list[EntitySpan]:
    """Entity spans (1-based token ids, inclusive) in one sentence.

    >>> from kg.model import Token
    >>> ws = ["ب", "العراق", "و", "ريكس", "تيلرسون"]
    >>> toks, pos = [], 0
    >>> for k, (w, up) in enumerate(zip(ws, ["ADP", "PROPN", "CCONJ", "PROPN", "PROPN"]), 1):
    ...     toks.append(Token(k, w, w, up, 0, "dep", pos, pos + len(w)))
    ...     pos += len(w) + (0 if w in ("ب", "و") else 1)
    >>> [(s.first, s.last, s.label) for s in find_entities(toks)]
    [(2, 2, 'Country'), (4, 5, 'Person')]
    """
    spans = _gazetteer_names(tokens)
    spans = _quoted_names(tokens, spans)
    spans = _designated_places(tokens, spans)
    spans = _named_facilities(tokens, spans)
    spans = _papers_named_after_cities(tokens, spans)
    spans = _surnames_named_like_places(tokens, spans)
    spans.extend(_unknown_names(tokens, spans))
    spans = _named_after_people(tokens, spans)
    spans = _sites_named_by_adjectives(tokens, spans)
    spans = definite_sites(tokens, spans)
    spans = _designated_organisations(tokens, spans)
    spans = unlisted_places(tokens, feature_regions(tokens, spans))
    spans.sort(key=lambda s: s.first)
    spans = appointer_and_appointee(tokens, _without_latin_offices(tokens, spans))
    return _seats_and_branches(tokens, _bodies_of_organisations(tokens, spans))


def _without_latin_offices(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """People's names without the Latin words of a title or an office at their ends
    (وزير الخارجية Foreign Minister, مكتب Foreign Affairs: Foreign is nobody); a span
    left with no name-like word names no one.

    >>> from kg.model import Token
    >>> ws = [("مكتب", "NOUN", "_"), ("Foreign", "X", "Foreign=Yes"), ("Affairs", "X", "Foreign=Yes")]
    >>> toks = [Token(k, w, w, u, 0, "dep", 0, 0, feats=f) for k, (w, u, f) in enumerate(ws, 1)]
    >>> _without_latin_offices(toks, [EntitySpan(2, 3, "Person", "name-heuristic")])
    []
    """
    out = []
    for sp in spans:
        a, b = sp.first - 1, sp.last - 1
        if sp.label == "Person":
            while a <= b and _latin_office(tokens[a]):
                a += 1
            while b >= a and _latin_office(tokens[b]):
                b -= 1
            cut = (a, b) != (sp.first - 1, sp.last - 1)
            if cut and (
                a > b or not any(tokens[k].upos in ("PROPN", "X") for k in range(a, b + 1))
            ):
                continue
        out.append(
            replace(sp, first=a + 1, last=b + 1) if a + 1 != sp.first or b + 1 != sp.last else sp
        )
    return out


def _latin_office(t: Token) -> bool:
    return "Foreign=Yes" in t.feats and office_word(t.form)
