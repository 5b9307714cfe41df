"""A title of one country before a person of another: no apposition.

A title with a nationality adjective right before a person's name is that person's title
(الرئيس التونسي قيس سعيد). When the name is a person the gazetteer knows and the office
holders' table places in other countries only (استقبل الرئيس التونسي ماكرون: Macron held
France's offices, not Tunisia's), the title is someone else, the verb's subject, and the
name its object. Only a known mismatch decides: a person the tables do not place, or a
title with no country, keeps the apposition.
"""

from __future__ import annotations

from functools import lru_cache

from ....lexicon import gazetteer
from ....lexicon.names import arabic_index
from .words import W


def foreign_to_title(ws: list[W], title: list[int], name: list[int]) -> bool:
    """Whether the person named by tokens ``name`` holds offices of other countries only
    than the one a nationality adjective among tokens ``title`` names.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of the first four tokens
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens][:4]
    >>> parsed("استقبل الرئيس التونسي ماكرون في قرطاج.")
    [('استقبل', 'root', 0), ('الرئيس', 'nsubj', 1), ('التونسي', 'amod', 2), ('ماكرون', 'obj', 1)]

    The same title before the country's own president stays in apposition:

    >>> parsed("استقبل الرئيس الفرنسي ماكرون وفدا.")[3]
    ('ماكرون', 'appos', 2)
    """
    countries = {
        e.qid
        for k in title
        if ws[k].upos == "ADJ"
        and (e := gazetteer.country_of_nisba(ws[k].form)) is not None
        and e.qid
    }
    if len(countries) != 1:
        return False
    held = _offices_of(" ".join(ws[k].norm for k in name))
    return bool(held) and not (held & countries)


def _offices_of(name: str) -> frozenset[str]:
    """The countries whose offices the one gazetteer person of this name (a full name, or a
    family name only one person has) held, else the one office holder the name spells
    (:func:`kg.link.as_written.holder_countries`); empty when it is not one known holder."""
    # the holders' tables, only for a name after a title with a nationality
    from ....link.as_written import holder_countries
    from ....link.holders import countries_of_holder

    index, _ = arabic_index()
    people = {e.qid for e in index.get(name, ()) if e.cls == "Person" and e.qid}
    if not people and " " not in name:
        people = set(_by_family_name().get(name, ()))
    if len(people) == 1:
        return countries_of_holder(next(iter(people)))
    return holder_countries(name) if not people else frozenset()


@lru_cache(maxsize=1)
def _by_family_name() -> dict[str, frozenset[str]]:
    """The last word of every gazetteer person's name of two words or more -> their QIDs
    (only words no other kind of entry is called alone)."""
    index, _ = arabic_index()
    out: dict[str, set[str]] = {}
    for n, entries in index.items():
        if " " in n:
            for e in entries:
                if e.cls == "Person" and e.qid:
                    out.setdefault(n.rsplit(" ", 1)[-1], set()).add(e.qid)
    return {
        w: frozenset(q)
        for w, q in out.items()
        if len(w) >= 4 and all(e.cls == "Person" for e in index.get(w, ()))
    }
