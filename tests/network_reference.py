"""The network projection as it was before it read the graph through
``kg.triple_index`` (one rdflib triple pattern per question, per node): the reference
``tests/test_network_index.py`` holds ``kg.analytics.to_networkx`` to, node for node and
edge for edge. The helpers it shares with the new code (labels, edge attributes,
citations) are imported, the look-ups it made are kept as they were."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS

from kg.analytics import (
    _STRUCTURAL_CLASSES,
    _WIKIDATA_ENTITY,
    _edge_attrs,
    _first,
    _float,
    _TermLabels,
    as_graph,
    citation,
    local_name,
    pick_literal,
)
from kg.analytics_paths import _unique
from kg.model import ENTITY_CLASSES
from kg.vocab import CORE_RELATIONS, KG, KGREL, modality_name


def to_networkx(graph: Graph, *, lang: str = "ar", unasserted: bool = False) -> nx.MultiDiGraph:
    g = as_graph(graph)
    labels = _TermLabels(g, lang)
    sentences = _SentenceIndex(g)
    predicates = _fact_predicates(g)
    direct = {
        (s, p, o)
        for p in predicates
        for s, o in g.subject_objects(p)
        if isinstance(s, URIRef) and isinstance(o, URIRef)
    }
    provenance = _provenance(g, sentences)
    if unasserted:
        direct |= {
            k
            for k in provenance
            if isinstance(k[0], URIRef) and isinstance(k[1], URIRef) and isinstance(k[2], URIRef)
        }
    facts = sorted(direct)
    G: nx.MultiDiGraph = nx.MultiDiGraph(lang=lang)
    entities = _entity_iris(g, facts)
    to: dict[URIRef, URIRef] = {
        m: e
        for e, m in g.subject_objects(KG.reportedAs)
        if isinstance(m, URIRef) and isinstance(e, URIRef)
    }
    members: dict[URIRef, list[URIRef]] = defaultdict(list)
    for m in sorted(to):
        members[to[m]].append(m)
    for iri in sorted({to.get(e, e) for e in entities}):
        attrs = _node_attrs(g, iri, lang, sentences)
        for m in members.get(iri, []):
            attrs["sentences"] = _unique(
                [*attrs["sentences"], *_node_attrs(g, m, lang, sentences)["sentences"]]
            )
        G.add_node(str(iri), **attrs)
    merged: dict[tuple[URIRef, URIRef, URIRef], list[dict[str, Any]]] = defaultdict(list)
    asserted: dict[tuple[URIRef, URIRef, URIRef], bool] = {}
    for s, p, o in facts:
        if s not in entities or o not in entities:
            continue
        key = (to.get(s, s), p, to.get(o, o))
        merged[key] += provenance.get((s, p, o), [])
        asserted[key] = asserted.get(key, False) or (s, p, o) in g
    for (s, p, o), prov in merged.items():
        if s != o:
            attrs = _edge_attrs(p, labels, prov, asserted[(s, p, o)])
            G.add_edge(str(s), str(o), key=str(p), **attrs)
    return G


def _fact_predicates(g: Graph) -> set[URIRef]:
    preds = {KG[r] for r in CORE_RELATIONS}
    preds |= {
        p
        for p in g.predicates(unique=True)
        if isinstance(p, URIRef) and str(p).startswith(str(KGREL))
    }
    preds |= {p for p in g.objects(None, RDF.predicate) if isinstance(p, URIRef)}
    return {p for p in preds if (None, p, None) in g}


def _entity_iris(g: Graph, facts: Iterable[tuple[URIRef, URIRef, URIRef]]) -> set[URIRef]:
    iris: set[URIRef] = set()
    for s, cls in g.subject_objects(RDF.type):
        if (
            isinstance(s, URIRef)
            and str(cls).startswith(str(KG))
            and cls not in _STRUCTURAL_CLASSES
            and (s, KG.reportedAs, None) not in g
        ):
            iris.add(s)
    for s, _, o in facts:
        iris.update((s, o))
    return {i for i in iris if not (set(g.objects(i, RDF.type)) & _STRUCTURAL_CLASSES)}


def _node_attrs(g: Graph, iri: URIRef, lang: str, sentences: _SentenceIndex) -> dict[str, Any]:
    names = [o for o in g.objects(iri, RDFS.label) if isinstance(o, Literal)]
    text = _first(str(o) for o in g.objects(iri, KG.text))
    label = pick_literal(names, lang) or text or local_name(iri)
    aliases = sorted({str(o) for o in g.objects(iri, KG.alias)} - {label})
    attrs: dict[str, Any] = {
        "label": label,
        "labels": sorted({str(o) for o in names} - {label}),
        "cls": entity_class(g, iri),
        "qid": _qid(g, iri),
        "aliases": aliases,
        "sentences": sentences.texts(g.objects(iri, KG.mentionedIn)),
    }
    if text:
        attrs["text"] = text
    return attrs


def entity_class(g: Graph, iri: URIRef) -> str:
    names = {
        str(c)[len(str(KG)) :]
        for c in g.objects(iri, RDF.type)
        if str(c).startswith(str(KG)) and c not in _STRUCTURAL_CLASSES
    }
    if not names:
        return "Thing"
    rank = {c: i for i, c in enumerate(ENTITY_CLASSES)}
    return min(names, key=lambda c: (rank.get(c, len(rank)), c))


def _qid(g: Graph, iri: URIRef) -> str | None:
    qids = sorted(
        m.group(1) for o in g.objects(iri, OWL.sameAs) if (m := _WIKIDATA_ENTITY.match(str(o)))
    )
    return qids[0] if qids else None


def _provenance(g: Graph, sentences: _SentenceIndex) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    out: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for node in sorted(set(g.subjects(RDF.predicate, None)), key=str):
        key = (g.value(node, RDF.subject), g.value(node, RDF.predicate), g.value(node, RDF.object))
        sents = sentences.texts(g.objects(node, PROV.wasDerivedFrom))
        conf = g.value(node, KG.confidence)
        docs = sorted(
            str(d)
            for s in g.objects(node, PROV.wasDerivedFrom)
            for d in g.objects(s, DCTERMS.isPartOf)
        )
        out[key].append(
            {
                "source": citation(g, URIRef(docs[0])) if docs else "",
                "document": docs[0] if docs else "",
                "sentence": sents[0] if sents else "",
                "evidence": _first(str(o) for o in g.objects(node, KG.evidence)) or "",
                "confidence": _float(conf),
                "modality": modality_name(str(g.value(node, KG.modality) or "")),
            }
        )
    return out


class _SentenceIndex:
    def __init__(self, g: Graph) -> None:
        self._g = g
        self._cache: dict[URIRef, tuple[tuple[Any, ...], str]] = {}

    def _entry(self, s: URIRef) -> tuple[tuple[Any, ...], str]:
        if s not in self._cache:
            g = self._g
            text = _first(str(o) for o in g.objects(s, KG.text)) or ""
            index = _float(g.value(s, KG["index"]))
            doc = str(g.value(s, DCTERMS.isPartOf) or "")
            self._cache[s] = ((doc, index if index is not None else -1.0, str(s)), text)
        return self._cache[s]

    def texts(self, iris: Iterable[Any]) -> list[str]:
        entries = sorted(self._entry(i) for i in set(iris) if isinstance(i, URIRef))
        return _unique(text for _, text in entries if text)
