"""The project's RDF vocabulary: namespaces, relation ids and IRI rules.

The ontology itself (labels, domains, alignments) is ``ontology/kg.ttl``; this module
holds the names code needs, so a typo in a term fails at import, not in a query.
"""

from __future__ import annotations

import re
from functools import lru_cache
from inspect import get_annotations
from typing import NewType
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, XSD, DefinedNamespace

from .errors import InvalidExtractionError
from .model import MODALITIES
from .text import slug

#: The type of a core relation's term in :class:`KG`, which marks it as one: each
#: relation id is written once, there, and ``CORE_RELATIONS`` is read from it.
Relation = NewType("Relation", URIRef)


class KG(DefinedNamespace):
    """The ontology's terms (ontology/kg.ttl). A term that is not there fails at once.

    Adding a relation: a ``name: Relation`` line below (in ``CORE_RELATIONS`` order), its
    declaration in ontology/kg.ttl, and lexicon rows in kg/data/relations_*.tsv;
    tests/test_ontology.py checks that the three agree.
    """

    _NS = Namespace("https://w3id.org/kg-builder/ontology#")
    _fail = True

    # classes
    City: URIRef
    Country: URIRef
    Document: URIRef
    Event: URIRef
    Fact: URIRef
    Group: URIRef
    Modality: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Position: URIRef
    Quantity: URIRef
    Region: URIRef
    Sentence: URIRef
    Statement: URIRef
    Thing: URIRef
    TimeExpression: URIRef

    # properties of documents, sentences, facts and entities; kg:relatedTo is the
    # super-property of every relation
    alias: URIRef
    analyser: URIRef
    confidence: URIRef
    contentHash: URIRef
    date: URIRef  # kg/dates.py: resolved dates
    end: URIRef
    endDate: URIRef
    evidence: URIRef
    evidenceEnd: URIRef
    evidenceStart: URIRef
    extractor: URIRef
    index: URIRef
    mentionedIn: URIRef
    modality: URIRef
    reportedAs: URIRef
    reportedIn: URIRef
    relatedTo: URIRef
    start: URIRef
    startDate: URIRef
    text: URIRef
    value: URIRef

    # the modalities of a fact (kg:modality), one individual of kg:Modality each
    Asserted: URIRef
    Planned: URIRef
    Negated: URIRef
    Reported: URIRef
    Conditional: URIRef

    # the core relations
    hosted: Relation
    participatedIn: Relation
    attended: Relation
    opened: Relation
    issued: Relation
    said: Relation
    announced: Relation
    affirmed: Relation
    warned: Relation
    calledFor: Relation
    praised: Relation
    condemned: Relation
    criticized: Relation
    accused: Relation
    supports: Relation
    opposes: Relation
    met: Relation
    received: Relation
    visited: Relation
    arrivedIn: Relation
    accompanied: Relation
    signed: Relation
    agreed: Relation
    adopted: Relation
    extended: Relation
    postponed: Relation
    resumed: Relation
    rejected: Relation
    demanded: Relation
    attacked: Relation
    targeted: Relation
    killed: Relation
    launched: Relation
    arrested: Relation
    liberated: Relation
    recaptured: Relation
    expelled: Relation
    controls: Relation
    fights: Relation
    worksWith: Relation
    leaderOf: Relation
    ledBy: Relation
    holdsPosition: Relation
    memberOf: Relation
    affiliatedWith: Relation
    spokespersonOf: Relation
    locatedIn: Relation
    location: Relation
    pointInTime: Relation
    provides: Relation
    reported: Relation
    coincidedWith: Relation
    struck: Relation
    threatened: Relation
    appointed: Relation
    elected: Relation
    dismissed: Relation
    resigned: Relation
    sentenced: Relation
    referredToCourt: Relation
    ruled: Relation
    released: Relation
    sanctioned: Relation
    sentMessageTo: Relation
    claimedResponsibility: Relation
    won: Relation
    lost: Relation
    injured: Relation
    evacuated: Relation
    raised: Relation
    lowered: Relation


KGREL = Namespace("https://w3id.org/kg-builder/relation/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
DEFAULT_BASE = "https://w3id.org/kg-builder/resource/"

PREFIXES: dict[str, object] = {
    "kg": KG,
    "kgrel": KGREL,
    "wd": WD,
    "wdt": WDT,
    "owl": OWL,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
    "prov": PROV,
    "schema": SDO,
    "dcterms": DCTERMS,
}


def relations_of(namespace: type[DefinedNamespace]) -> tuple[str, ...]:
    """The relation ids of a namespace class: its terms typed ``Relation``, in order.

    >>> relations_of(KG)[:3]
    ('hosted', 'participatedIn', 'attended')
    """
    terms = get_annotations(namespace, eval_str=True)
    return tuple(name for name, kind in terms.items() if kind is Relation)


#: The core relation ids: local names of the object properties in ``kg:`` that facts use.
CORE_RELATIONS: tuple[str, ...] = relations_of(KG)

#: Relations whose object is what was said (a Statement node).
SPEECH_RELATIONS: frozenset[str] = frozenset(
    {"said", "announced", "affirmed", "warned", "calledFor"}
)

#: Relations that hold in both directions.
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"met", "worksWith", "coincidedWith"})

OPEN = "open"  # Triple.relation of a verb outside the relation lexicon


def modality_iri(modality: str) -> URIRef:
    """The individual of ``kg:Modality`` that names a fact's modality (``Triple.modality``).

    >>> str(modality_iri("planned"))
    'https://w3id.org/kg-builder/ontology#Planned'
    """
    if modality not in MODALITIES:
        raise InvalidExtractionError(
            f"unknown modality {modality!r}. Available: {', '.join(MODALITIES)}"
        )
    return KG[modality.capitalize()]


def modality_name(iri: str) -> str:
    """The modality a ``kg:Modality`` IRI names (``asserted`` for anything else).

    >>> modality_name(str(KG.Negated)), modality_name("")
    ('negated', 'asserted')
    """
    name = iri.rpartition("#")[2].lower()
    return name if iri.startswith(str(KG)) and name in MODALITIES else MODALITIES[0]


def relation_iri(relation: str, lemma: str = "") -> URIRef:
    """The predicate IRI of a relation id; open relations live under ``kgrel:`` by lemma.

    >>> str(relation_iri("hosted"))
    'https://w3id.org/kg-builder/ontology#hosted'
    >>> str(relation_iri("open", "جدد"))
    'https://w3id.org/kg-builder/relation/%D8%AC%D8%AF%D8%AF'
    """
    if relation in CORE_RELATIONS:
        return KG[relation]
    if relation != OPEN:
        raise InvalidExtractionError(f"unknown relation id {relation!r}")
    return URIRef(KGREL[quote(slug(lemma or "related"), safe="")])


def resource(base: str, *parts: str) -> str:
    """An IRI under ``base`` from path parts, each percent-encoded.

    >>> resource("http://x/", "Person", "ريكس_تيلرسون")
    'http://x/Person/%D8%B1%D9%8A%D9%83%D8%B3_%D8%AA%D9%8A%D9%84%D8%B1%D8%B3%D9%88%D9%86'
    """
    return base + "/".join(_quoted(p) for p in parts)


@lru_cache(maxsize=1 << 14)
def _quoted(part: str) -> str:
    """A path part percent-encoded (parts recur: classes, names, a document's id)."""
    return quote(part, safe="")


_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f]+")


def is_base_iri(base: str) -> bool:
    """Whether ``base`` can prefix the resources' IRIs: an absolute IRI (a scheme, then
    no spaces nor the characters IRIs forbid).

    >>> [is_base_iri(b) for b in ("https://example.org/kg/", "urn:x:", "not an iri", "/rel/")]
    [True, True, False, False]
    """
    return _ABSOLUTE_IRI.fullmatch(base) is not None
