"""ontology/kg.ttl declares every term the graph stage writes, with labels and alignments."""

from __future__ import annotations

import doctest

import pytest
from graph_fixtures import results
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS

import kg.evaluate
import kg.graph
import kg.query
import kg.serialise
import kg.shapes
from kg.graph import build_graph, union_graph
from kg.model import ENTITY_CLASSES
from kg.ontology import ontology_graph
from kg.vocab import CORE_RELATIONS, KG, KGREL, SPEECH_RELATIONS, SYMMETRIC_RELATIONS, WDT
from tests.conftest import ROOT

ONT = ontology_graph()


def _langs(g: Graph, node: URIRef, p: URIRef = RDFS.label) -> set[str | None]:
    return {o.language for o in g.objects(node, p)}


@pytest.mark.parametrize("relation", CORE_RELATIONS)
def test_every_core_relation_is_a_labelled_object_property(relation: str) -> None:
    p = KG[relation]
    assert (p, RDF.type, OWL.ObjectProperty) in ONT
    assert {"ar", "en"} <= _langs(ONT, p)
    assert ONT.value(p, RDFS.comment) is not None
    # Every relation is under kg:relatedTo, so RDFS inference finds every fact.
    assert KG.relatedTo in set(ONT.transitive_objects(p, RDFS.subPropertyOf))


def _local(term: object) -> str:
    return str(term)[len(str(KG)) :]


def test_the_ontology_declares_exactly_the_python_relations() -> None:
    """kg.ttl and kg/vocab.py list the same relations: every object property under
    kg:relatedTo is a Relation term of vocab.KG, and every one of those is declared (the
    test above: with ar and en labels, a comment, under kg:relatedTo)."""
    below = set(ONT.transitive_subjects(RDFS.subPropertyOf, KG.relatedTo)) - {KG.relatedTo}
    declared = {_local(p) for p in below if (p, RDF.type, OWL.ObjectProperty) in ONT}
    assert declared == set(CORE_RELATIONS)
    # and every other object property of kg.ttl is a term of vocab.KG too
    properties = {_local(p) for p in ONT.subjects(RDF.type, OWL.ObjectProperty)}
    assert all(name in KG for name in properties)


def _lexicon_relations(lang: str) -> set[str]:
    text = (ROOT / "kg" / "data" / f"relations_{lang}.tsv").read_text(encoding="utf-8")
    header, *rows = [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    column = header.index("relation")
    return {row[column] for row in rows}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_relation_of_the_lexicons_is_a_python_relation(lang: str) -> None:
    used = _lexicon_relations(lang)
    assert len(used) > 20
    assert used - set(CORE_RELATIONS) == set()


def test_the_sets_of_relations_are_relations() -> None:
    assert SPEECH_RELATIONS | SYMMETRIC_RELATIONS <= set(CORE_RELATIONS)
    assert len(set(CORE_RELATIONS)) == len(CORE_RELATIONS)


@pytest.mark.parametrize("cls", [*ENTITY_CLASSES, "Document", "Sentence", "Fact"])
def test_every_class_is_declared_with_labels(cls: str) -> None:
    assert (KG[cls], RDF.type, OWL.Class) in ONT
    assert {"ar", "en"} <= _langs(ONT, KG[cls])
    assert ONT.value(KG[cls], RDFS.comment) is not None


def test_places_and_speech() -> None:
    for cls in ("Country", "City", "Region"):
        assert (KG[cls], RDFS.subClassOf, KG.Place) in ONT
    for rel in SPEECH_RELATIONS - {"said"}:
        assert (KG[rel], RDFS.subPropertyOf, KG.said) in ONT
    assert (KG.said, RDFS.range, KG.Statement) in ONT
    assert (
        ONT.value(KG.said, RDFS.domain) is None
    )  # persons, organisations, groups, countries, documents speak
    assert {s for s in ONT.subjects(RDF.type, OWL.SymmetricProperty)} == {
        KG[r] for r in SYMMETRIC_RELATIONS
    }
    assert (KG.leaderOf, OWL.inverseOf, KG.ledBy) in ONT


def test_wikidata_and_schema_alignments() -> None:
    assert (KG.participatedIn, RDFS.subPropertyOf, WDT.P1344) in ONT
    assert (KG.holdsPosition, RDFS.subPropertyOf, WDT.P39) in ONT
    assert (KG.location, RDFS.subPropertyOf, WDT.P276) in ONT
    assert (KG.memberOf, SKOS.closeMatch, WDT.P463) in ONT
    assert (KG.locatedIn, SKOS.closeMatch, WDT.P131) in ONT
    assert (KG.pointInTime, SKOS.closeMatch, WDT.P585) in ONT
    assert {WDT.P488, WDT.P35} <= set(ONT.objects(KG.ledBy, SKOS.closeMatch))
    assert (KG.Person, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q5")) in ONT
    assert (KG.Person, RDFS.subClassOf, URIRef("https://schema.org/Person")) in ONT


def test_every_term_the_graph_uses_is_defined() -> None:
    g = union_graph(build_graph(results()))
    used = set(g.predicates()) | set(g.objects(None, RDF.type))
    standard = {
        RDF.type,
        RDF.subject,
        RDF.predicate,
        RDF.object,
        RDF.Statement,
        RDFS.label,
        RDFS.subPropertyOf,
        OWL.sameAs,
        OWL.ObjectProperty,
        PROV.wasDerivedFrom,
    }
    standard |= {DCTERMS.identifier, DCTERMS.source, DCTERMS.language, DCTERMS.isPartOf}
    standard |= {
        SDO.inLanguage,
        SDO.headline,
        SDO.datePublished,
        SDO.author,
        SDO.publisher,
        SDO.url,
    }
    declared = set(ONT.subjects(RDF.type, None))
    undefined = {t for t in used - standard - declared if not str(t).startswith(str(KGREL))}
    assert not undefined


def test_rdfs_inference_adds_no_surprising_types() -> None:
    """Domains and ranges must agree with what the graph stage writes (no wrong types)."""
    import owlrl

    g = union_graph(build_graph(results()))
    asserted = {s: set(g.objects(s, RDF.type)) for s in set(g.subjects(RDF.type, None))}
    g += ONT
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(g)
    kg_classes = {KG[c] for c in (*ENTITY_CLASSES, "Document", "Sentence", "Fact")}
    for node, types in asserted.items():
        allowed = set()
        for t in types:
            allowed |= set(ONT.transitive_objects(t, RDFS.subClassOf))
        inferred = set(g.objects(node, RDF.type)) & kg_classes
        assert inferred <= allowed, (node, inferred - allowed)
    # And the relation hierarchy works: every fact is a kg:relatedTo.
    assert len(set(g.subject_objects(KG.relatedTo))) >= 12


@pytest.mark.parametrize(
    "module", [kg.graph, kg.serialise, kg.query, kg.shapes, kg.evaluate], ids=lambda m: m.__name__
)
def test_docstring_examples_run(module) -> None:
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0
