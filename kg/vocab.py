"""The project's RDF vocabulary: namespaces, relation ids and IRI rules.

The ontology itself (labels, domains, alignments) is ``ontology/kg.ttl``; this module
holds the names code needs, so a typo in a term fails at import, not in a query.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, XSD, DefinedNamespace

from .text import slug


class KG(DefinedNamespace):
    """The ontology's terms (ontology/kg.ttl). A term that is not there fails at once."""

    _NS = Namespace("https://w3id.org/kg-builder/ontology#")
    _fail = True

    City: URIRef
    Country: URIRef
    Document: URIRef
    Event: URIRef
    Fact: URIRef
    Group: URIRef
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
    accompanied: URIRef
    adopted: URIRef
    affiliatedWith: URIRef
    affirmed: URIRef
    agreed: URIRef
    alias: URIRef
    analyser: URIRef
    announced: URIRef
    appointed: URIRef
    arrested: URIRef
    arrivedIn: URIRef
    attacked: URIRef
    attended: URIRef
    calledFor: URIRef
    coincidedWith: URIRef
    condemned: URIRef
    confidence: URIRef
    contentHash: URIRef
    controls: URIRef
    criticized: URIRef
    demanded: URIRef
    elected: URIRef
    end: URIRef
    evidence: URIRef
    evidenceEnd: URIRef
    evidenceStart: URIRef
    expelled: URIRef
    extended: URIRef
    extractor: URIRef
    fights: URIRef
    holdsPosition: URIRef
    hosted: URIRef
    index: URIRef
    issued: URIRef
    killed: URIRef
    launched: URIRef
    leaderOf: URIRef
    ledBy: URIRef
    liberated: URIRef
    locatedIn: URIRef
    location: URIRef
    memberOf: URIRef
    mentionedIn: URIRef
    met: URIRef
    negated: URIRef
    opened: URIRef
    opposes: URIRef
    participatedIn: URIRef
    pointInTime: URIRef
    praised: URIRef
    provides: URIRef
    recaptured: URIRef
    received: URIRef
    rejected: URIRef
    relatedTo: URIRef
    reported: URIRef
    said: URIRef
    signed: URIRef
    spokespersonOf: URIRef
    start: URIRef
    struck: URIRef
    supports: URIRef
    targeted: URIRef
    text: URIRef
    threatened: URIRef
    value: URIRef
    visited: URIRef
    warned: URIRef
    worksWith: URIRef


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

#: The core relation ids (DESIGN.md). Local names of object properties in ``kg:``.
CORE_RELATIONS: tuple[str, ...] = tuple(
    (
        "hosted participatedIn attended opened issued said announced affirmed warned calledFor "
        "praised condemned criticized supports opposes met received visited arrivedIn accompanied "
        "signed agreed adopted extended rejected demanded attacked targeted killed launched "
        "arrested liberated recaptured expelled controls fights worksWith leaderOf ledBy "
        "holdsPosition memberOf affiliatedWith spokespersonOf locatedIn location pointInTime "
        "provides reported coincidedWith struck threatened appointed elected"
    ).split()
)

#: Relations whose object is what was said (a Statement node).
SPEECH_RELATIONS: frozenset[str] = frozenset(
    {"said", "announced", "affirmed", "warned", "calledFor"}
)

#: Relations that hold in both directions.
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"met", "worksWith", "coincidedWith"})

OPEN = "open"  # Triple.relation of a verb outside the relation lexicon


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
        raise ValueError(f"unknown relation id {relation!r}")
    return URIRef(KGREL[quote(slug(lemma or "related"), safe="")])


def resource(base: str, *parts: str) -> str:
    """An IRI under ``base`` from path parts, each percent-encoded.

    >>> resource("http://x/", "Person", "ريكس_تيلرسون")
    'http://x/Person/%D8%B1%D9%8A%D9%83%D8%B3_%D8%AA%D9%8A%D9%84%D8%B1%D8%B3%D9%88%D9%86'
    """
    return base + "/".join(quote(p, safe="") for p in parts)
