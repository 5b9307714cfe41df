"""The graph as a network: a networkx projection of the output RDF graph, and measures on it.

The projection keeps what a person exploring the network needs and drops the RDF
plumbing: one node per entity (not per document, sentence or provenance node), one edge
per direct fact triple, with the sentences behind it taken from the provenance nodes
(``ontology/README.md`` describes the graph this reads).

networkx is imported inside the functions: ``import kg.analytics`` stays cheap.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from rdflib import ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO

from .analytics_paths import (
    Hop as Hop,
    _unique,
    export as export,
    find_entities as find_entities,
    format_hop as format_hop,
    shortest_path as shortest_path,
)
from .errors import UnknownNameError
from .model import ENTITY_CLASSES
from .triple_index import TripleIndex
from .vocab import CORE_RELATIONS, KG, KGREL, modality_name

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Types that are RDF plumbing, never network nodes.
_STRUCTURAL_CLASSES = frozenset({KG.Document, KG.Sentence, KG.Fact, RDF.Statement})
#: Terms read for every node, looked up once (a ``KG.x`` is a method call each time).
_KG_NS = str(KG)
_TEXT, _ALIAS, _MENTIONED_IN = KG.text, KG.alias, KG.mentionedIn
_CONFIDENCE, _EVIDENCE, _MODALITY, _INDEX = KG.confidence, KG.evidence, KG.modality, KG["index"]
_QID = re.compile(r"^Q[0-9]+$")
_WIKIDATA_ENTITY = re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q[0-9]+)$")
#: Betweenness costs one graph traversal per source; past this many node+edge visits in
#: total it is estimated from a seeded sample of sources (a few seconds at most).
_BETWEENNESS_BUDGET = 1_000_000


# --------------------------------------------------------------------------- projection


def to_networkx(
    graph: Graph, *, lang: str = "ar", unasserted: bool = False
) -> nx.MultiDiGraph[str]:
    """Project the output graph onto entities and the facts between them.

    Edges are the direct triples: what the articles say happened (``modality``
    ``asserted``, or ``reported`` when every source only attributes it). With
    ``unasserted`` the facts without a direct triple join too, with their ``modality``
    (``planned``, ``conditional`` or ``negated``): the view draws them apart.

    Nodes are entity IRIs with ``label`` (in ``lang`` when there is one), ``labels`` (every
    other label), ``cls``, ``qid``, ``aliases``, ``text`` (a statement's text) and
    ``sentences`` (those that mention it). Edges are keyed by predicate IRI and carry
    ``relation`` (the id: local name or open lemma), ``label``, ``open``, ``sentences``,
    ``evidence``, ``confidence`` (the highest of its provenance nodes) and ``documents``
    (the IRIs of the documents that state it).

    >>> ttl = '''@prefix kg: <https://w3id.org/kg-builder/ontology#> .
    ... @prefix e: <https://w3id.org/kg-builder/resource/entity/> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... e:Q1 a kg:Person ; rdfs:label "أ"@ar, "A"@en .
    ... e:Q2 a kg:City ; rdfs:label "ب"@ar .
    ... e:Q1 kg:visited e:Q2 .'''
    >>> G = to_networkx(Graph().parse(data=ttl, format="turtle"), lang="en")
    >>> sorted(G.nodes[n]["label"] for n in G)
    ['A', 'ب']
    >>> [(d["relation"], d["modality"]) for _, _, d in G.edges(data=True)]
    [('visited', 'asserted')]
    """
    import networkx as nx

    g = as_graph(graph)
    ix = TripleIndex(g)  # one pass; every question below is a dictionary look-up
    labels = _TermLabels(g, lang)
    sentences = _SentenceIndex(ix)
    stated = {
        (s, p, o)
        for p in _fact_predicates(ix)
        for s, o in ix.pairs(p)
        if isinstance(s, URIRef) and isinstance(o, URIRef)
    }
    direct = set(stated)
    provenance = _provenance(ix, sentences)
    if unasserted:
        direct |= {
            k
            for k in provenance
            if isinstance(k[0], URIRef) and isinstance(k[1], URIRef) and isinstance(k[2], URIRef)
        }
    facts = sorted(direct, key=_by_text)  # all IRIs: the order sorted(direct) gives
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph(lang=lang)
    entities = _entity_iris(ix, facts)
    # a document's event node that reports a corpus event is drawn as that event
    to: dict[URIRef, URIRef] = {
        m: e
        for e, m in g.subject_objects(KG.reportedAs)
        if isinstance(m, URIRef) and isinstance(e, URIRef)
    }
    members: dict[URIRef, list[URIRef]] = defaultdict(list)
    for m in sorted(to):
        members[to[m]].append(m)
    for iri in sorted({to.get(e, e) for e in entities}):
        attrs = _node_attrs(ix, iri, lang, sentences)
        for m in members.get(iri, []):
            attrs["sentences"] = _unique(
                [*attrs["sentences"], *_node_attrs(ix, m, lang, sentences)["sentences"]]
            )
        G.add_node(str(iri), **attrs)
    merged: dict[tuple[URIRef, URIRef, URIRef], list[dict[str, Any]]] = defaultdict(list)
    asserted: dict[tuple[URIRef, URIRef, URIRef], bool] = {}
    for s, p, o in facts:
        if s not in entities or o not in entities:  # e.g. a relation to a document
            continue
        key = (to.get(s, s), p, to.get(o, o))
        merged[key] += provenance.get((s, p, o), [])
        asserted[key] = asserted.get(key, False) or (s, p, o) in stated
    for (s, p, o), prov in merged.items():
        if s != o:
            attrs = _edge_attrs(p, labels, prov, asserted[(s, p, o)])
            G.add_edge(str(s), str(o), key=str(p), **attrs)
    return G


class Counts(NamedTuple):
    """What every count of the project means (build summary, ``kg stats``, the page
    header, ``KnowledgeGraph``): ``entities`` are the nodes of the network, each entity
    IRI once however many documents name it (people, organisations, places, events,
    statements, times, quantities: whatever has a ``kg:`` class or is an end of a fact);
    ``facts`` are its edges, each distinct ``subject relation object`` triple between
    two entities once however many sentences state it."""

    entities: int
    facts: int


#: What the counts mean, printed under them by ``kg build`` and ``kg stats``.
COUNTS_NOTE = (
    "(entities: each node of the network once; facts: each distinct"
    " subject-relation-object triple between two of them once)"
)
Fact3 = tuple[URIRef, URIRef, URIRef]


def network_parts(g: Graph) -> tuple[set[URIRef], list[Fact3]]:
    """The entities of the network and its facts (sorted), of a plain graph: what
    :func:`to_networkx` draws and :func:`counts` counts.

    >>> ttl = '''@prefix kg: <https://w3id.org/kg-builder/ontology#> .
    ... <http://x/a> a kg:Person ; kg:visited <http://x/b>, <http://x/d> .
    ... <http://x/d> a kg:Document .'''
    >>> entities, facts = network_parts(Graph().parse(data=ttl, format="turtle"))
    >>> sorted(str(e) for e in entities), [str(o) for _, _, o in facts]
    (['http://x/a', 'http://x/b'], ['http://x/b'])
    """
    return triples_network_parts(g)


def triples_network_parts(
    triples: Graph | Iterable[tuple[Any, Any, Any]],
) -> tuple[set[URIRef], list[Fact3]]:
    """The entities of the network and its facts (sorted), of a graph or of plain triples
    (one document's part in a corpus worker, which needs no rdflib graph built for it).

    >>> X = "http://x/"
    >>> ts = [(URIRef(X + "a"), RDF.type, KG.Person), (URIRef(X + "a"), KG.visited, URIRef(X + "b")),
    ...       (URIRef(X + "a"), KG.visited, URIRef(X + "d")), (URIRef(X + "d"), RDF.type, KG.Document)]
    >>> entities, facts = triples_network_parts(ts)
    >>> sorted(str(e) for e in entities), [str(o) for _, _, o in facts]
    (['http://x/a', 'http://x/b'], ['http://x/b'])
    """
    if not isinstance(triples, Graph):
        triples = list(triples)  # read twice below
    types: dict[Any, set[Any]] = defaultdict(set)
    named: set[Any] = set()
    corpus_events: set[Any] = set()
    present: set[Any] = set()
    # the three predicates read here, told apart by one dict look-up (rdflib's == is slow)
    role: dict[Any, int] = {RDF.type: 1, RDF.predicate: 2, KG.reportedAs: 3}
    for s, p, o in triples:
        present.add(p)
        what = role.get(p)
        if what == 1:
            types[s].add(o)
        elif what == 2:
            named.add(o)
        elif what == 3:
            corpus_events.add(s)
    core = _core_relations()
    wanted = {
        p
        for p in present
        if isinstance(p, URIRef) and (p in core or p in named or str(p).startswith(str(KGREL)))
    }
    facts: list[Fact3] = sorted(
        (s, p, o)
        for s, p, o in triples
        if p in wanted and isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)
    )
    iris = {
        s
        for s, classes in types.items()
        if isinstance(s, URIRef)
        and s not in corpus_events
        and any(str(c).startswith(str(KG)) and c not in _STRUCTURAL_CLASSES for c in classes)
    }
    for s, _, o in facts:
        iris.update((s, o))
    entities = {i for i in iris if not (types.get(i, set()) & _STRUCTURAL_CLASSES)}
    return entities, [(s, p, o) for s, p, o in facts if s in entities and o in entities]


@lru_cache(maxsize=1)
def _core_relations() -> frozenset[URIRef]:
    """The ontology's relation IRIs (made once: a corpus worker asks for every document)."""
    return frozenset(KG[r] for r in CORE_RELATIONS)


def counts(graph: Graph) -> Counts:
    """Entities and facts as :class:`Counts` defines them.

    >>> ttl = '''@prefix kg: <https://w3id.org/kg-builder/ontology#> .
    ... <http://x/a> a kg:Person ; kg:visited <http://x/b> .'''
    >>> counts(Graph().parse(data=ttl, format="turtle"))
    Counts(entities=2, facts=1)
    """
    entities, facts = network_parts(as_graph(graph))
    return Counts(len(entities), len(facts))


def as_graph(graph: Graph) -> Graph:
    """A plain graph as is; a dataset (``graph.trig``) as the union of its graphs.

    >>> from rdflib import Dataset
    >>> ds = Dataset(); _ = ds.graph(URIRef("urn:g")).add((URIRef("urn:a"), RDFS.label, Literal("a")))
    >>> g = as_graph(ds)
    >>> type(g).__name__, len(g)
    ('Graph', 1)
    """
    if not isinstance(graph, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        return graph
    union = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _fact_predicates(ix: TripleIndex) -> set[URIRef]:
    """Predicates of direct fact triples: core relations, open relations, and any
    predicate a provenance node names (relations the ontology adds beyond the core list)."""
    present = ix.predicates()
    preds = {KG[r] for r in CORE_RELATIONS}
    preds |= {p for p in present if isinstance(p, URIRef) and str(p).startswith(str(KGREL))}
    preds |= {p for _, p in ix.pairs(RDF.predicate) if isinstance(p, URIRef)}
    return preds & present


def _entity_iris(ix: TripleIndex, facts: Iterable[tuple[URIRef, URIRef, URIRef]]) -> set[URIRef]:
    """Entities: typed with a non-structural ``kg:`` class, or an end of a fact. An event
    several documents report (``kg:reportedAs``) is counted as its documents' event nodes,
    as a corpus build counts them document by document; the view draws it as one node."""
    reported = ix.subjects_with(KG.reportedAs)
    iris: set[URIRef] = {
        s
        for s, cls in ix.pairs(RDF.type)
        if isinstance(s, URIRef)
        and str(cls).startswith(str(KG))
        and cls not in _STRUCTURAL_CLASSES
        and s not in reported
    }
    for s, _, o in facts:
        iris.update((s, o))
    return {i for i in iris if _STRUCTURAL_CLASSES.isdisjoint(ix.objects(i, RDF.type))}


def _node_attrs(
    ix: TripleIndex, iri: URIRef, lang: str, sentences: _SentenceIndex
) -> dict[str, Any]:
    names = [o for o in ix.objects(iri, RDFS.label) if isinstance(o, Literal)]
    text = _first(str(o) for o in ix.objects(iri, _TEXT))
    label = pick_literal(names, lang) or text or local_name(iri)
    aliases = sorted({str(o) for o in ix.objects(iri, _ALIAS)} - {label})
    attrs: dict[str, Any] = {
        "label": label,
        "labels": sorted({str(o) for o in names} - {label}),
        "cls": _most_specific(ix.objects(iri, RDF.type)),
        "qid": _first_qid(ix.objects(iri, OWL.sameAs)),
        "aliases": aliases,
        "sentences": sentences.texts(ix.objects(iri, _MENTIONED_IN)),
    }
    if text:
        attrs["text"] = text
    return attrs


def entity_class(g: Graph, iri: URIRef) -> str:
    """The most specific ``kg:`` class of an entity (``Thing`` when untyped).

    Order follows ``kg.model.ENTITY_CLASSES``, where City comes before Place.

    >>> g = Graph().add((URIRef("urn:x"), RDF.type, KG.City)).add((URIRef("urn:x"), RDF.type, KG.Place))
    >>> entity_class(g, URIRef("urn:x")), entity_class(g, URIRef("urn:y"))
    ('City', 'Thing')
    """
    return _most_specific(g.objects(iri, RDF.type))


def _most_specific(classes: Iterable[Any]) -> str:
    names = {
        str(c)[len(_KG_NS) :]
        for c in classes
        if str(c).startswith(_KG_NS) and c not in _STRUCTURAL_CLASSES
    }
    if not names:
        return "Thing"
    rank = {c: i for i, c in enumerate(ENTITY_CLASSES)}
    return min(names, key=lambda c: (rank.get(c, len(rank)), c))


def _first_qid(same_as: Iterable[Any]) -> str | None:
    qids = sorted(m.group(1) for o in same_as if (m := _WIKIDATA_ENTITY.match(str(o))))
    return qids[0] if qids else None


def valid_qid(qid: object) -> bool:
    """True for a Wikidata item id such as ``Q22686``, the only thing a link is built from.

    >>> valid_qid("Q22686"), valid_qid("javascript:alert(1)"), valid_qid("Q1\\n")
    (True, False, False)
    """
    return isinstance(qid, str) and _QID.fullmatch(qid) is not None


def _edge_attrs(
    pred: URIRef, labels: _TermLabels, provenance: list[dict[str, Any]], asserted: bool
) -> dict[str, Any]:
    confidences = [p["confidence"] for p in provenance if p["confidence"] is not None]
    return {
        "relation": local_name(pred),
        "modality": _edge_modality([p["modality"] for p in provenance], asserted),
        "label": labels.label(pred),
        "open": str(pred).startswith(str(KGREL)),
        "sentences": _unique(p["sentence"] for p in provenance if p["sentence"]),
        "evidence": _unique(p["evidence"] for p in provenance if p["evidence"]),
        "confidence": max(confidences) if confidences else None,
        "documents": sorted({p["document"] for p in provenance if p["document"]}),
    } | (
        {"sources": sources}
        if (sources := _unique(p["source"] for p in provenance if p["source"]))
        else {}
    )


def _provenance(
    ix: TripleIndex, sentences: _SentenceIndex
) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    """(subject, predicate, object) -> its provenance records, in a stable order."""
    out: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    cited: dict[str, str] = {}  # a corpus has few documents and many facts
    for node in sorted(ix.subjects_with(RDF.predicate), key=str):
        key = (
            ix.value(node, RDF.subject),
            ix.value(node, RDF.predicate),
            ix.value(node, RDF.object),
        )
        derived = ix.objects(node, PROV.wasDerivedFrom)
        sents = sentences.texts(derived)
        docs = sorted(str(d) for s in derived for d in ix.objects(s, DCTERMS.isPartOf))
        if docs and docs[0] not in cited:
            cited[docs[0]] = citation(ix.graph, URIRef(docs[0]))
        out[key].append(
            {
                "source": cited[docs[0]] if docs else "",
                "document": docs[0] if docs else "",
                "sentence": sents[0] if sents else "",
                "evidence": _first(str(o) for o in ix.objects(node, _EVIDENCE)) or "",
                "confidence": _float(ix.value(node, _CONFIDENCE)),
                "modality": modality_name(str(ix.value(node, _MODALITY) or "")),
            }
        )
    return out


#: The modality an edge shows when its sources differ: a triple in the graph is asserted
#: unless every source only reports it; otherwise the first of these its sources give.
_EDGE_MODALITIES = ("planned", "conditional", "negated")


def _edge_modality(modalities: list[str], asserted: bool) -> str:
    """The modality of one edge from its provenance records' modalities.

    >>> _edge_modality(["reported", "asserted"], True), _edge_modality(["reported"], True)
    ('asserted', 'reported')
    >>> _edge_modality(["negated", "planned"], False)
    'planned'
    """
    if asserted:
        return "reported" if modalities and set(modalities) == {"reported"} else "asserted"
    return next((m for m in _EDGE_MODALITIES if m in modalities), "asserted")


def citation(g: Graph, doc: URIRef) -> str:
    """A document as a reader cites it: ``headline — outlet, date <url>`` from its
    schema.org metadata; "" when it has none.

    >>> g = Graph()
    >>> d = URIRef("urn:d")
    >>> _ = g.add((d, SDO.headline, Literal("عنوان"))).add((d, SDO.publisher, Literal("الموقع")))
    >>> _ = g.add((d, SDO.datePublished, Literal("2026-01-10"))).add((d, SDO.url, URIRef("https://a.example/1")))
    >>> citation(g, d)
    'عنوان — الموقع, 2026-01-10 <https://a.example/1>'
    """
    headline, outlet, date = (
        _first(str(o) for o in g.objects(doc, p))
        for p in (SDO.headline, SDO.publisher, SDO.datePublished)
    )
    url = _first(str(o) for o in g.objects(doc, SDO.url))
    where = ", ".join(x for x in (outlet, date) if x)
    text = " — ".join(x for x in (headline, where) if x)
    if url:
        text = f"{text} <{url}>" if text else f"<{url}>"
    return text


class _SentenceIndex:
    """Sentence IRI -> text, ordered by document and ``kg:index``."""

    def __init__(self, ix: TripleIndex) -> None:
        self._ix = ix
        self._cache: dict[URIRef, tuple[tuple[Any, ...], str]] = {}

    def _entry(self, s: URIRef) -> tuple[tuple[Any, ...], str]:
        if s not in self._cache:
            ix = self._ix
            text = _first(str(o) for o in ix.objects(s, _TEXT)) or ""
            index = _float(ix.value(s, _INDEX))  # KG["index"], not KG.index: str.index
            doc = str(ix.value(s, DCTERMS.isPartOf) or "")
            self._cache[s] = ((doc, index if index is not None else -1.0, str(s)), text)
        return self._cache[s]

    def texts(self, iris: Iterable[Any]) -> list[str]:
        entries = sorted(self._entry(i) for i in set(iris) if isinstance(i, URIRef))
        return _unique(text for _, text in entries if text)


class _TermLabels:
    """Labels of ontology terms (relations, classes): the data graph first, then kg.ttl."""

    def __init__(self, g: Graph, lang: str) -> None:
        from .ontology import ontology_graph

        self._graphs = (g, ontology_graph())
        self._lang = lang
        self._cache: dict[URIRef, str] = {}

    def label(self, term: URIRef) -> str:
        if term not in self._cache:
            names = [
                o
                for gr in self._graphs
                for o in gr.objects(term, RDFS.label)
                if isinstance(o, Literal)
            ]
            # A core relation's local name is English: better than another language's label.
            picked = pick_literal(names, self._lang, others=str(term).startswith(str(KGREL)))
            self._cache[term] = picked or local_name(term)
        return self._cache[term]


def term_label(g: Graph | None, term: URIRef, lang: str) -> str:
    """The label of an ontology term in ``lang`` (from ``g`` or kg.ttl), else its local name.

    >>> term_label(None, KG.Person, "xx")
    'Person'
    """
    return _TermLabels(g if g is not None else Graph(), lang).label(term)


def pick_literal(literals: Iterable[Literal], lang: str, *, others: bool = True) -> str | None:
    """The literal in ``lang``, else an untagged one, else (if ``others``) Arabic, English,
    then any; ties broken by text so the choice is stable.

    >>> pick_literal([Literal("Trump", lang="en"), Literal("ترامب", lang="ar")], "en")
    'Trump'
    >>> pick_literal([Literal("ترامب", lang="ar")], "en")
    'ترامب'
    """
    order: dict[str | None, int] = {None: 1, "ar": 2, "en": 3}
    order[lang] = 0
    ranked = sorted(
        (order.get(lit.language, 4), str(lit))
        for lit in literals
        if str(lit).strip() and (others or order.get(lit.language, 4) < 2)
    )
    return ranked[0][1] if ranked else None


def local_name(iri: object) -> str:
    """The last segment of an IRI, percent-decoded: a relation id, an open lemma, a slug.

    >>> local_name("https://w3id.org/kg-builder/relation/%D8%AC%D8%AF%D8%AF")
    'جدد'
    >>> local_name("https://w3id.org/kg-builder/ontology#hosted")
    'hosted'
    """
    from urllib.parse import unquote

    s = str(iri)
    return unquote(re.split(r"[#/]", s.rstrip("/#"))[-1]) or s


def _by_text(fact: tuple[URIRef, URIRef, URIRef]) -> tuple[str, str, str]:
    """The key that sorts IRIs as rdflib's ``<`` does (by their text), without a call
    to ``URIRef.__lt__`` per comparison."""
    return str(fact[0]), str(fact[1]), str(fact[2])


def _first(values: Iterable[str]) -> str | None:
    return min(values, default=None)


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- measures


def pagerank(
    G: nx.MultiDiGraph[str], alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200
) -> dict[str, float]:
    """PageRank by power iteration, parallel facts counting as weight.

    networkx's own ``pagerank`` needs scipy; this needs nothing and gives the same
    numbers to within ``tol``, in a fixed summation order (deterministic output).

    >>> import networkx as nx
    >>> pr = pagerank(nx.MultiDiGraph([("a", "b"), ("c", "b")]))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('b', 1.0)
    """
    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    out_w: dict[str, float] = {u: float(G.out_degree(u)) for u in nodes}
    links = [(u, v) for u, v in G.edges()]
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if out_w[u] == 0.0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v in links:
            new[v] += alpha * rank[u] / out_w[u]
        err = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if err < n * tol:
            break
    return rank


def centrality(G: nx.MultiDiGraph[str], by: str = "degree") -> dict[str, float]:
    """Node scores used to size and rank nodes: ``degree`` (facts touching the node,
    both directions) or ``pagerank``.

    >>> import networkx as nx
    >>> centrality(nx.MultiDiGraph([("a", "b"), ("a", "b")]))
    {'a': 2.0, 'b': 2.0}
    """
    if by == "degree":
        return {u: float(d) for u, d in G.degree()}
    if by == "pagerank":
        return pagerank(G)
    raise UnknownNameError("centrality", by, ["degree", "pagerank"])


def most_central(G: nx.MultiDiGraph[str], n: int, by: str = "degree") -> list[str]:
    """The ``n`` highest-scoring nodes, ties broken by IRI (stable).

    >>> import networkx as nx
    >>> most_central(nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "d")]), 2)
    ['hub', 'a']
    """
    scores = centrality(G, by)
    return sorted(G, key=lambda u: (-scores[u], u))[: max(n, 0)]


def stats(G: nx.MultiDiGraph[str], top: int = 10) -> dict[str, Any]:
    """Counts and measures of the projection, as plain JSON-ready values.

    Keys: ``entities``, ``facts``, ``classes`` and ``relations`` (counts, largest first),
    ``degree``, ``pagerank``, ``betweenness`` (the ``top`` entities, each
    ``{"id", "label", "value"}``), ``communities`` (lists of labels, largest first,
    Louvain with a fixed seed) and ``betweenness_sample`` (sources sampled, or None when
    exact).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="A", cls="Person"); G.add_node("b", label="B", cls="City")
    >>> _ = G.add_edge("a", "b", key="p", relation="visited", label="visited")
    >>> s = stats(G)
    >>> s["entities"], s["facts"], s["relations"], s["degree"][0]["label"]
    (2, 1, {'visited': 1}, 'A')
    """
    import networkx as nx

    simple: nx.Graph[str] = nx.Graph(G.to_undirected(as_view=True))
    sample = _betweenness_sample(simple.number_of_nodes(), simple.number_of_edges())
    between = nx.betweenness_centrality(simple, k=sample, seed=0 if sample else None)
    return {
        "entities": G.number_of_nodes(),
        "facts": G.number_of_edges(),
        "classes": _count(d.get("cls", "Thing") for _, d in G.nodes(data=True)),
        "relations": _count(_relation_name(d) for *_, d in G.edges(data=True)),
        "degree": _top(G, centrality(G, "degree"), top),
        "pagerank": _top(G, pagerank(G), top),
        "betweenness": _top(G, between, top),
        "betweenness_sample": sample,
        "communities": _communities(G, simple),
    }


def _relation_name(d: dict[str, Any]) -> str:
    """A core relation by its id (labels differ by language), an open one by its lemma."""
    from .vocab import CORE_RELATIONS

    rel = d.get("relation", "")
    return str(rel if rel in CORE_RELATIONS else (d.get("label") or rel or "?"))


def format_stats(s: dict[str, Any]) -> str:
    """:func:`stats` as text for a terminal (``kg stats``).

    >>> print(format_stats({"entities": 2, "facts": 1, "classes": {"Person": 2},
    ...     "relations": {"met": 1}, "degree": [{"id": "a", "label": "A", "value": 1.0}],
    ...     "pagerank": [], "betweenness": [], "betweenness_sample": None, "communities": [["A", "B"]]}))
    entities 2, facts 1
    (entities: each node of the network once; facts: each distinct subject-relation-object triple between two of them once)
    classes: Person 2
    relations: met 1
    degree: A 1
    communities: 1 (largest: A, B)
    """
    lines = [f"entities {s['entities']}, facts {s['facts']}", COUNTS_NOTE]
    for key in ("classes", "relations"):
        if s[key]:
            lines.append(f"{key}: " + ", ".join(f"{k} {v}" for k, v in s[key].items()))
    for key in ("degree", "pagerank", "betweenness"):
        if s[key]:
            shown = ", ".join(f"{r['label']} {r['value']:g}" for r in s[key])
            note = (
                f" (sampled from {s['betweenness_sample']} sources)"
                if key == "betweenness" and s["betweenness_sample"]
                else ""
            )
            lines.append(f"{key}{note}: {shown}")
    if s["communities"]:
        biggest = ", ".join(s["communities"][0][:10])
        lines.append(f"communities: {len(s['communities'])} (largest: {biggest})")
    return "\n".join(lines)


def _betweenness_sample(n: int, m: int) -> int | None:
    """Sources to sample for betweenness, or None for the exact value.

    >>> _betweenness_sample(500, 1250), _betweenness_sample(5000, 12500)
    (None, 57)
    """
    k = max(32, _BETWEENNESS_BUDGET // max(n + m, 1))
    return None if k >= n else k


def _count(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def _top(G: nx.MultiDiGraph[str], scores: dict[str, float], n: int) -> list[dict[str, Any]]:
    best = sorted(scores, key=lambda u: (-scores[u], u))[:n]
    return [
        {"id": u, "label": G.nodes[u].get("label", u), "value": round(scores[u], 6)} for u in best
    ]


def _communities(G: nx.MultiDiGraph[str], simple: Any) -> list[list[str]]:
    groups = communities(simple)
    named = [sorted(str(G.nodes[u].get("label", u)) for u in c) for c in groups if len(c) > 1]
    return sorted(named, key=lambda c: (-len(c), c))


def communities(G: Any) -> list[list[str]]:
    """Louvain communities of a graph (its direction and parallel edges ignored), each a
    sorted list of nodes, largest first, then by first node: the same in every run.

    Louvain walks sets of nodes, and a set of strings is iterated in an order that
    changes with Python's hash seed from one process to the next; the nodes are
    numbered in sorted order first, so the walk, with its fixed seed, never changes.

    >>> import networkx as nx
    >>> communities(nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")]))
    [['a', 'b', 'c'], ['x', 'y']]
    """
    order = sorted(G)
    number = {u: i for i, u in enumerate(order)}
    groups = numbered_communities(len(order), ((number[u], number[v]) for u, v in G.edges()))
    return [[order[i] for i in c] for c in groups]


def numbered_communities(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """:func:`communities` of the nodes ``0 … n-1`` joined by ``pairs`` (either way round,
    repeated or not): for a caller that has numbered its nodes in sorted order already
    (the network page numbers the nodes it draws), so no graph view is walked again.

    >>> numbered_communities(5, [(0, 1), (1, 2), (2, 0), (4, 3), (3, 4)])
    [[0, 1, 2], [3, 4]]
    """
    import networkx as nx

    simple: nx.Graph[int] = nx.Graph()
    simple.add_nodes_from(range(n))
    simple.add_edges_from(sorted({(min(a, b), max(a, b)) for a, b in pairs}))
    if simple.number_of_edges() == 0:
        return [[i] for i in range(n)]
    groups = nx.community.louvain_communities(simple, seed=0)
    return sorted((sorted(c) for c in groups), key=lambda c: (-len(c), c))


# --------------------------------------------------------------------------- paths


# --------------------------------------------------------------------------- export
