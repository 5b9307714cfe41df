"""The graph stage produces exactly the contract of ontology/README.md."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from pathlib import Path

import pytest
from graph_fixtures import BASE, coalition_ar, coalition_en, results
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from kg.errors import DuplicateDocumentError, InvalidExtractionError, KGError
from kg.graph import build_graph, choose_link, document_iri, entity_iri, fact_iri, union_graph
from kg.model import DocResult, Entity, Link, Triple
from kg.serialise import to_trig
from kg.vocab import KG, KGREL, WD

GOLDEN = Path(__file__).parent / "data" / "graph" / "coalition.trig"
AR_DOC = URIRef(BASE + "doc/coalition_ar")
EN_DOC = URIRef(BASE + "doc/coalition_en")
Q61 = URIRef(BASE + "entity/Q61")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return build_graph(results())


@pytest.fixture(scope="module")
def union(ds: Dataset) -> Graph:
    return union_graph(ds)


def _named(ds: Dataset) -> dict[URIRef, Graph]:
    return {g.identifier: g for g in ds.graphs() if len(g)}


def _node(g: Graph, cls: URIRef, label: str) -> URIRef:
    [node] = [
        s
        for s in g.subjects(RDF.type, cls)
        if any(str(o) == label for o in g.objects(s, RDFS.label))
    ]
    return node


def test_matches_the_reviewed_golden_graph(ds: Dataset) -> None:
    golden = Dataset()
    golden.parse(GOLDEN, format="trig")
    got, want = _named(ds), _named(golden)
    assert sorted(got) == sorted(want) == [AR_DOC, EN_DOC]
    for name in want:
        assert isomorphic(got[name], want[name]), name


def test_one_named_graph_per_document_named_by_its_iri(ds: Dataset) -> None:
    graphs = _named(ds)
    for name, g in graphs.items():
        assert (name, RDF.type, KG.Document) in g
        assert {str(o) for o in g.objects(name, DCTERMS.identifier)} == {name.rsplit("/", 1)[1]}
    # Each graph holds its own sentences only.
    assert set(graphs[EN_DOC].subjects(RDF.type, KG.Sentence)) == {URIRef(f"{EN_DOC}/s/0")}


def test_sentences_carry_text_offsets_and_document(union: Graph) -> None:
    s1 = URIRef(f"{AR_DOC}/s/1")
    doc = coalition_ar().doc
    start, end = (int(union.value(s1, KG[p])) for p in ("start", "end"))
    assert union.value(s1, KG.text) == Literal(doc.text[start:end], lang="ar")
    assert union.value(s1, KG["index"]) == Literal(1)
    assert union.value(s1, DCTERMS.isPartOf) == AR_DOC


def test_no_blank_nodes(union: Graph) -> None:
    assert not [t for t in union if any(isinstance(x, BNode) for x in t)]


def test_linked_entity_keyed_by_qid_with_labels_from_the_link(union: Graph) -> None:
    isis = URIRef(BASE + "entity/Q2429253")  # Q1 scored lower and must lose
    assert union.value(isis, OWL.sameAs) == WD.Q2429253
    assert set(union.objects(isis, RDFS.label)) == {
        Literal("الدولة الإسلامية", lang="ar"),
        Literal("Islamic State", lang="en"),
    }
    assert set(union.objects(isis, KG.alias)) == {Literal("داعش", lang="ar")}


def test_entity_shared_across_documents_has_one_type_and_one_label_per_language(
    ds: Dataset,
) -> None:
    graphs = _named(ds)
    for g in graphs.values():
        assert set(g.objects(Q61, RDF.type)) == {KG.City}
        assert set(g.objects(Q61, RDFS.label)) == {
            Literal("واشنطن", lang="ar"),
            Literal("Washington, D.C.", lang="en"),
        }
    # The English document's own name is kept as an alias, in its graph only.
    assert set(graphs[EN_DOC].objects(Q61, KG.alias)) == {Literal("Washington", lang="en")}
    assert set(graphs[AR_DOC].objects(Q61, KG.alias)) == set()
    assert set(union_graph(ds).objects(Q61, KG.mentionedIn)) == {
        URIRef(f"{AR_DOC}/s/0"),
        URIRef(f"{EN_DOC}/s/0"),
    }


def test_unlinked_and_document_scoped_iris(union: Graph) -> None:
    person = URIRef(
        BASE + "Person/%D8%B1%D9%8A%D9%83%D8%B3_%D8%AA%D9%8A%D9%84%D8%B1%D8%B3%D9%88%D9%86"
    )
    assert (person, RDF.type, KG.Person) in union
    assert (person, RDFS.label, Literal("ريكس تيلرسون", lang="ar")) in union
    assert (person, KG.alias, Literal("تيلرسون", lang="ar")) in union
    assert (URIRef(BASE + "doc/coalition_en/event/coalition_meeting"), RDF.type, KG.Event) in union
    time = _node(union, KG.TimeExpression, "اليوم الأربعاء")
    assert str(time).startswith(f"{AR_DOC}/time/")
    assert union.value(time, KG.value) == Literal("2017-03-22")


def test_statement_carries_its_words_and_a_hashed_iri(union: Graph) -> None:
    [statement] = union.subjects(RDF.type, KG.Statement)
    assert union.value(statement, KG.text) == Literal(
        "هزيمة داعش هي الهدف الأول للولايات المتحدة في المنطقة", lang="ar"
    )
    assert str(statement).startswith(f"{AR_DOC}/statement/h")  # a long quote becomes a hash


def test_entity_iri_rules() -> None:
    person = Entity("e", "أبو بكر البغدادي", "Person", ())
    assert entity_iri(person, "Q1", "d", "http://x/") == URIRef("http://x/entity/Q1")
    assert entity_iri(person, None, "d", "http://x/") == URIRef(
        "http://x/Person/%D8%A7%D8%A8%D9%88_%D8%A8%D9%83%D8%B1_%D8%A7%D9%84%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF%D9%8A"
    )
    # Spelling variants (hamza, diacritics) of one name give one IRI.
    assert entity_iri(
        replace(person, label="ابو بكر البغدادي"), None, "d", "http://x/"
    ) == entity_iri(person, None, "d", "http://x/")
    q = Entity("q", "قال", "Statement", (), value="نص طويل " * 10)
    other = replace(q, value="نص آخر طويل " * 10)
    assert entity_iri(q, None, "d", "http://x/") != entity_iri(other, None, "d", "http://x/")
    assert (
        str(entity_iri(Entity("t", "2017", "Quantity", ()), None, "d/1", "http://x/"))
        == "http://x/doc/d%2F1/quantity/2017"
    )
    assert str(entity_iri(Entity("x", "!!!", "Thing", ()), None, "d", "http://x/")).startswith(
        "http://x/Thing/h"
    )


def test_choose_link_highest_score_then_qid_number() -> None:
    assert choose_link([Link("m", "Q10", 0.5, "a"), Link("m", "Q9", 0.5, "a")]).qid == "Q9"
    assert choose_link([Link("m", "Q10", 0.6, "a"), Link("m", "Q9", 0.5, "a")]).qid == "Q10"


def test_fact_triple_and_provenance_node(union: Graph) -> None:
    doc = coalition_ar()
    person = _node(union, KG.Person, "ريكس تيلرسون")
    meeting = _node(union, KG.Event, "اجتماع لوزراء خارجية التحالف الدولي")
    assert (person, KG.hosted, meeting) in union
    t = next(t for t in doc.extraction.triples if t.relation == "hosted")
    key = "\n".join(
        [str(person), str(KG.hosted), str(meeting), str(t.sentence), str(t.start), str(t.end)]
    )
    fact = URIRef(f"{AR_DOC}/fact/{hashlib.sha1(key.encode()).hexdigest()[:16]}")
    assert fact == fact_iri(AR_DOC, person, KG.hosted, meeting, t.sentence, t.start, t.end)
    assert set(union.objects(fact, RDF.type)) == {RDF.Statement, KG.Fact}
    assert union.value(fact, RDF.subject) == person
    assert union.value(fact, RDF.predicate) == KG.hosted
    assert union.value(fact, RDF.object) == meeting
    assert union.value(fact, PROV.wasDerivedFrom) == URIRef(f"{AR_DOC}/s/0")
    assert union.value(fact, KG.evidence) == Literal(doc.doc.text[t.start : t.end], lang="ar")
    assert union.value(fact, KG.evidenceStart) == Literal(t.start)
    assert union.value(fact, KG.evidenceEnd) == Literal(t.end)
    assert union.value(fact, KG.confidence) == Literal("0.85", datatype=XSD.decimal)
    assert union.value(fact, KG.extractor) == Literal("ud-extractor/1")
    assert union.value(fact, KG.analyser) == Literal("rules")


def test_open_relation_is_declared_under_related_to(union: Graph) -> None:
    p = KGREL["%D9%87%D8%B2%D9%8A%D9%85%D9%87"]  # slug of the lemma هزيمة
    assert (p, RDF.type, OWL.ObjectProperty) in union
    assert (p, RDFS.subPropertyOf, KG.relatedTo) in union
    assert (p, RDFS.label, Literal("هزيمة", lang="ar")) in union
    assert len(list(union.subject_objects(p))) == 1


def test_negated_fact_has_provenance_but_no_direct_triple(union: Graph) -> None:
    [fact] = union.subjects(KG.modality, KG.Negated)
    assert union.value(fact, RDF.predicate) == KG.attended
    assert not list(union.subject_objects(KG.attended))


def test_every_fact_has_one_modality(union: Graph) -> None:
    facts = set(union.subjects(RDF.type, KG.Fact))
    assert facts and all(len(list(union.objects(f, KG.modality))) == 1 for f in facts)
    assert {union.value(f, KG.modality) for f in facts} == {KG.Asserted, KG.Negated}


@pytest.mark.parametrize("modality", ["planned", "negated", "conditional"])
def test_unasserted_facts_keep_their_node_but_no_direct_triple(modality: str) -> None:
    r = coalition_ar()
    ex = r.extraction
    hosted = next(t for t in ex.triples if t.relation == "hosted")
    triples = tuple(replace(t, modality=modality) if t is hosted else t for t in ex.triples)
    g = union_graph(build_graph([replace(r, extraction=replace(ex, triples=triples))]))
    [fact] = g.subjects(RDF.predicate, KG.hosted)
    assert g.value(fact, KG.modality) == KG[modality.capitalize()]
    assert not list(g.subject_objects(KG.hosted))


def test_a_reported_fact_keeps_its_direct_triple() -> None:
    r = coalition_ar()
    ex = r.extraction
    triples = tuple(
        replace(t, modality="reported") if t.relation == "hosted" else t for t in ex.triples
    )
    g = union_graph(build_graph([replace(r, extraction=replace(ex, triples=triples))]))
    [fact] = g.subjects(RDF.predicate, KG.hosted)
    assert g.value(fact, KG.modality) == KG.Reported
    assert len(list(g.subject_objects(KG.hosted))) == 1


def test_output_does_not_depend_on_input_order() -> None:
    def shuffled(r: DocResult, seed: int) -> DocResult:
        rnd = random.Random(seed)
        ex = r.extraction
        ents, trips, links = list(ex.entities), list(ex.triples), list(r.links)
        for xs in (ents, trips, links):
            rnd.shuffle(xs)
        return DocResult(replace(ex, entities=tuple(ents), triples=tuple(trips)), tuple(links))

    base = to_trig(build_graph(results()))
    for seed in range(3):
        assert to_trig(build_graph([shuffled(r, seed) for r in reversed(results())])) == base


def test_class_conflict_across_documents_resolved_by_vote() -> None:
    ar, en = coalition_ar(), coalition_en()
    # The English document calls Washington (Q61) a Place; City and Place tie 1:1 and
    # City comes first in ENTITY_CLASSES.
    ents = tuple(
        replace(e, cls="Place") if e.key == "washington" else e for e in en.extraction.entities
    )
    en = DocResult(replace(en.extraction, entities=ents), en.links)
    u = union_graph(build_graph([ar, en]))
    assert set(u.objects(Q61, RDF.type)) == {KG.City}


def test_duplicate_facts_keep_the_most_confident() -> None:
    r = coalition_en()
    t = r.extraction.triples[0]
    twice = (*r.extraction.triples, replace(t, confidence=0.99, extractor="other/1"))
    u = union_graph(build_graph([DocResult(replace(r.extraction, triples=twice), r.links)]))
    [fact] = u.subjects(RDF.predicate, KG.hosted)
    assert (u.value(fact, KG.confidence), u.value(fact, KG.extractor)) == (
        Literal("0.99", datatype=XSD.decimal),
        Literal("other/1"),
    )


@pytest.mark.parametrize(
    "change, message, error",
    [
        (lambda r: [r, r], "duplicate document id", DuplicateDocumentError),
        (
            lambda r: [_with_triple(r, replace(r.extraction.triples[0], object="ghost"))],
            "ghost",
            InvalidExtractionError,
        ),
        (
            lambda r: [_with_triple(r, replace(r.extraction.triples[0], end=10_000))],
            "outside the text",
            InvalidExtractionError,
        ),
        (
            lambda r: [_with_triple(r, replace(r.extraction.triples[0], relation="hosts"))],
            "unknown relation id 'hosts'",
            InvalidExtractionError,
        ),
        (
            lambda r: [DocResult(r.extraction, (Link("m1", "61", 1.0, "x"),))],
            "valid QID",
            InvalidExtractionError,
        ),
        (
            lambda r: [
                DocResult(
                    replace(
                        r.extraction, entities=(replace(r.extraction.entities[0], cls="Human"),)
                    ),
                    r.links,
                )
            ],
            "not one of Person",
            InvalidExtractionError,
        ),
    ],
)
def test_bad_input_is_refused_with_a_reason(change, message, error) -> None:
    with pytest.raises(error, match=message) as raised:
        build_graph(change(coalition_en()))
    # a ValueError too, which is what callers that skip one bad document catch
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, KGError)


def _with_triple(r: DocResult, t: Triple) -> DocResult:
    return DocResult(replace(r.extraction, triples=(t,)), r.links)


def test_document_without_language_tags_by_script() -> None:
    r = coalition_en()
    doc = replace(r.doc, lang="und")
    analysed = replace(r.extraction.analysed, doc=doc)
    u = union_graph(build_graph([DocResult(replace(r.extraction, analysed=analysed), r.links)]))
    assert Literal("Rex Tillerson", lang="en") in set(u.objects(None, RDFS.label))


def test_document_iri_is_percent_encoded() -> None:
    assert document_iri("news/2017 a", "http://x/") == URIRef("http://x/doc/news%2F2017%20a")


def test_empty_label_falls_back_to_a_name_and_one_value_per_node() -> None:
    r = coalition_ar()
    ex = r.extraction
    ents = [replace(e, label="") if e.key == "tillerson" else e for e in ex.entities]
    # A second time expression with the same words but another value shares the IRI.
    wed = ex.entity("wednesday")
    ents.append(replace(wed, key="wednesday2", value="2017-03-29"))
    u = union_graph(build_graph([DocResult(replace(ex, entities=tuple(ents)), r.links)]))
    tillerson = next(u.subjects(KG.alias, Literal("تيلرسون", lang="ar")))
    assert set(u.objects(tillerson, RDFS.label)) == {Literal("ريكس تيلرسون", lang="ar")}
    [time] = u.subjects(RDF.type, KG.TimeExpression)
    assert set(u.objects(time, KG.value)) == {Literal("2017-03-22")}


def test_a_linked_place_takes_the_gazetteer_class_of_its_item() -> None:
    """A place the analyser typed Country but linked to a city (عمان typed as Oman and
    linked to Amman) is described as the item is: a City. Classes other than places keep
    the analyser's (a person linked to a city's item is not made a city)."""
    r = coalition_ar()
    ex = r.extraction

    def typed(key: str, cls: str) -> DocResult:
        ents = tuple(replace(e, cls=cls) if e.key == key else e for e in ex.entities)
        return replace(r, extraction=replace(ex, entities=ents))

    g = union_graph(build_graph([typed("washington", "Country")]))
    assert set(g.objects(URIRef(f"{BASE}entity/Q61"), RDF.type)) == {KG.City}
    g = union_graph(build_graph([typed("france", "City")]))
    assert set(g.objects(URIRef(f"{BASE}entity/Q142"), RDF.type)) == {KG.Country}
    g = union_graph(build_graph([typed("parliament", "Person")]))
    assert set(g.objects(URIRef(f"{BASE}entity/Q11010"), RDF.type)) == {KG.Person}
