"""Produced graphs satisfy ontology/shapes.ttl, and broken graphs do not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from graph_fixtures import BASE, results
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from kg.graph import build_graph, union_graph
from kg.shapes import validate
from kg.vocab import KG, WD

Q61 = URIRef(BASE + "entity/Q61")


@pytest.fixture(scope="module")
def good() -> Graph:
    return union_graph(build_graph(results()))


def _a_fact(g: Graph, relation: URIRef = KG.location) -> URIRef:
    return sorted(g.subjects(RDF.predicate, relation))[0]


def test_built_graph_conforms(good: Graph) -> None:
    conforms, report = validate(good)
    assert conforms, report


def test_dataset_is_validated_as_its_union() -> None:
    assert validate(build_graph(results()))[0]


def _set(g: Graph, s, p, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


# Each breaks one rule of the contract; the report must name the rule.
BREAKAGES: dict[str, tuple[Callable[[Graph], None], str]] = {
    "entity without a label": (lambda g: g.remove((Q61, RDFS.label, None)), "rdfs:label"),
    "two labels in one language": (
        lambda g: g.add((Q61, RDFS.label, Literal("واشنطن العاصمة", lang="ar"))),
        "UniqueLang",
    ),
    "entity without a class": (lambda g: g.remove((Q61, RDF.type, None)), "exactly one rdf:type"),
    "entity with two classes": (
        lambda g: g.add((Q61, RDF.type, KG.Country)),
        "exactly one rdf:type",
    ),
    "sameAs outside Wikidata": (
        lambda g: _set(g, Q61, OWL.sameAs, URIRef("http://dbpedia.org/resource/Washington")),
        "Wikidata item IRIs",
    ),
    "two sameAs": (lambda g: g.add((Q61, OWL.sameAs, WD.Q62)), "at most one Wikidata item"),
    "confidence above 1": (
        lambda g: _set(g, _a_fact(g), KG.confidence, Literal("1.5", datatype=XSD.decimal)),
        "confidence in [0, 1]",
    ),
    "confidence as a string": (
        lambda g: _set(g, _a_fact(g), KG.confidence, Literal("0.5")),
        "confidence",
    ),
    "evidence start after end": (
        lambda g: _set(g, _a_fact(g), KG.evidenceStart, Literal(10_000)),
        "start <= end",
    ),
    "evidence offset not an integer": (
        lambda g: _set(g, _a_fact(g), KG.evidenceEnd, Literal("12")),
        "evidenceEnd",
    ),
    "fact without a sentence": (
        lambda g: g.remove((_a_fact(g), PROV.wasDerivedFrom, None)),
        "derived from exactly one kg:Sentence",
    ),
    "fact derived from a document": (
        lambda g: _set(g, _a_fact(g), PROV.wasDerivedFrom, URIRef(BASE + "doc/coalition_ar")),
        "derived from exactly one kg:Sentence",
    ),
    "fact not an rdf:Statement": (
        lambda g: g.remove((_a_fact(g), RDF.type, RDF.Statement)),
        "rdf:Statement",
    ),
    "fact predicate not a relation": (
        lambda g: _set(g, _a_fact(g), RDF.predicate, RDFS.seeAlso),
        "sub-property of kg:relatedTo",
    ),
    "fact whose triple is missing": (
        lambda g: g.remove((None, KG.location, None)),
        "direct triple of a fact",
    ),
    "triple without a fact": (
        lambda g: g.add((Q61, KG.locatedIn, URIRef(BASE + "entity/Q30"))),
        "provenance node",
    ),
    "relation to an untyped node": (
        lambda g: [g.remove((s, RDF.type, None)) for s in g.subjects(RDF.type, KG.TimeExpression)],
        "both ends of a relation triple are entities",
    ),
    "sentence outside any document": (
        lambda g: g.remove((URIRef(BASE + "doc/coalition_ar/s/0"), DCTERMS.isPartOf, None)),
        "isPartOf",
    ),
    "sentence ending before it starts": (
        lambda g: _set(g, URIRef(BASE + "doc/coalition_ar/s/0"), KG.start, Literal(999)),
        "start <= end",
    ),
    "statement without words": (
        lambda g: [g.remove((s, KG.text, None)) for s in g.subjects(RDF.type, KG.Statement)],
        "kg:text",
    ),
    "open relation without a label": (
        lambda g: [
            g.remove((p, RDFS.label, None)) for p in g.subjects(RDFS.subPropertyOf, KG.relatedTo)
        ],
        "a relation has an rdfs:label",
    ),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_graph_fails_validation(good: Graph, name: str) -> None:
    g = Graph()
    g += good
    breaker, expected = BREAKAGES[name]
    breaker(g)
    conforms, report = validate(g)
    assert not conforms
    assert expected in report, report


def test_entity_never_mentioned_is_only_a_warning(good: Graph) -> None:
    g = Graph()
    g += good
    g.remove((Q61, KG.mentionedIn, None))
    conforms, report = validate(g)
    assert conforms
    assert "grounded in at least one sentence" in report


def test_plain_literals_are_fine_where_the_language_is_unknown(good: Graph) -> None:
    g = Graph()
    g += good
    g.remove((Q61, RDFS.label, None))
    g.add((Q61, RDFS.label, Literal("Washington")))
    assert validate(g)[0]


def test_the_news_relations_conform_and_a_claimed_thing_does_not() -> None:
    """A build of sentences with the relations news reports after meetings and attacks
    conforms; a claim of responsibility for something that is no event violates the
    claimedResponsibility shape."""
    from kg import build

    texts = [
        "تبنى تنظيم داعش الهجوم على الكنيسة.",
        "أقال الرئيس الكيني وزير المالية.",
        "أفرجت حركة حماس عن ثلاثة رهائن.",
        "فرض الاتحاد الأوروبي عقوبات جديدة على روسيا.",
        "أصاب الانفجار عشرة أشخاص.",
        "رفع البنك المركزي المصري سعر الفائدة.",
    ]
    g = union_graph(build(texts=texts).to_rdflib())
    for relation in ("claimedResponsibility", "dismissed", "released", "sanctioned", "injured"):
        assert any(g.triples((None, KG[relation], None))), relation
    conforms, report = validate(g)
    assert conforms, report
    s, o = next(iter(g.subject_objects(KG.claimedResponsibility)))
    g.remove((o, RDF.type, KG.Event))
    g.add((o, RDF.type, KG.Thing))
    conforms, report = validate(g)
    assert not conforms
    assert "the object of kg:claimedResponsibility is a kg:Event" in report
