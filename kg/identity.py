"""One person across documents: an unlinked name joins the one Wikidata item it names elsewhere.

A person linked to Wikidata gets the IRI of its QID (``entity/Q…``); an unlinked one the
IRI of its name's key (``Person/…``, :func:`kg.link.gazetteer.person_key`: one key for
the spellings of one foreign name). So «هاكان فيدان» linked in one article (after the
title «وزير الخارجية التركي») and left unlinked in the next (named without his title)
would make two nodes. When, over the documents of a build, the people whose names share
a key were linked to exactly one QID, the unlinked node of that key is the same
individual: it gets ``owl:sameAs`` that Wikidata item, so both nodes are one under
owl:sameAs and every query that joins on the Wikidata item finds both. Two different
QIDs under one key join nothing (the name is ambiguous), and neither does a name of one
word or of given names only (محمد علي: thousands of men).

The triples go to the corpus graph (:func:`kg.events.events_graph`), with the identity of
events: decided once every document is in, by ``kg.graph.build_graph`` and by
``kg.corpus.CorpusWriter`` alike.

>>> a = PersonSig("http://x/entity/Q1", "هكن فيدن", "Q1")
>>> b = PersonSig("http://x/Person/hkn", "هكن فيدن", "")
>>> [(str(s), str(o)) for s, _, o in same_person_triples([a, b])]
[('http://x/Person/hkn', 'http://www.wikidata.org/entity/Q1')]
>>> same_person_triples([a, b, a._replace(iri="http://x/entity/Q2", qid="Q2")])
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from rdflib import URIRef
from rdflib.namespace import OWL

from .vocab import WD


class PersonSig(NamedTuple):
    """What identifies one document's named person: its IRI, its name's key
    (:func:`kg.link.gazetteer.person_key`) and its QID ("" when unlinked)."""

    iri: str
    key: str
    qid: str


def joinable(name: str) -> bool:
    """Whether a person's name may join a node of another document: two words or more,
    not all given names (:func:`kg.link.holders.only_given_names`).

    >>> joinable("هاكان فيدان"), joinable("فيدان"), joinable("محمد علي")
    (True, False, False)
    """
    from .link.holders import only_given_names  # the lexicon loads only for people

    return len(name.split()) >= 2 and not only_given_names(name)


def same_person_triples(sigs: Iterable[PersonSig]) -> list[tuple[URIRef, URIRef, URIRef]]:
    """``owl:sameAs`` for each unlinked person's node whose key the linked people of the
    other documents give exactly one QID, sorted."""
    qids: dict[str, set[str]] = defaultdict(set)
    unlinked: dict[str, set[str]] = defaultdict(set)
    for s in sigs:
        if s.qid:
            qids[s.key].add(s.qid)
        else:
            unlinked[s.key].add(s.iri)
    out = []
    for key, iris in unlinked.items():
        found = qids.get(key, set())
        if len(found) == 1:
            (qid,) = found
            out += [(URIRef(iri), OWL.sameAs, WD[qid]) for iri in iris]
    return sorted(out)


__all__ = ["PersonSig", "joinable", "same_person_triples"]
