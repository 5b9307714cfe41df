"""Graph stage: DocResults -> an rdflib Dataset with one named graph per document.

The shape of the output is the contract in ``ontology/README.md``; ``ontology/shapes.ttl``
checks it. Everything here is deterministic: IRIs come from QIDs, class names,
normalised labels and hashes, never from blank nodes or counters, so the same input
gives the same graph in every run.

Entities are reconciled across documents before any triple is written: an IRI gets one
class (majority vote) and one preferred label per language (a Wikidata label first,
then the most frequent name), so the union graph has exactly one ``rdf:type`` and one
``rdfs:label`` per language for every entity, as the shapes require.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SDO, XSD
from rdflib.term import Node

from .dates import date_triples, parse_date
from .errors import DuplicateDocumentError, InvalidExtractionError, TallyError
from .events import doc_date, events_graph, identity_triples, separate_events, signatures
from .graph_terms import (
    _QID,
    T,
    _decimal,
    _doc_lang,
    _int,
    _key,
    _label_lang,
    _lit,
    _modality,
    _plain,
    _qid_number,
    _relation,
)
from .identity import PersonSig, joinable, same_person_triples
from .link.variants import SPELT_CLASSES
from .model import ENTITY_CLASSES, UNASSERTED, DocResult, Entity, Link, Triple
from .place_class import linked_class
from .text import strip_invisible
from .vocab import DEFAULT_BASE, KG, OPEN, PREFIXES, WD, resource

#: Classes whose nodes belong to one document (``{base}doc/{id}/{kind}/{key}``).
DOC_SCOPED_KINDS: dict[str, str] = {
    "Event": "event",
    "Statement": "statement",
    "TimeExpression": "time",
    "Quantity": "quantity",
}

# Longer keys become hashes: an IRI holding a whole quote is unreadable and fragile.
#: A document's metadata (``Document.meta`` keys) and the schema.org properties that carry
#: it: what a reader cites. ``title`` is the headline of a .jsonl record.
_META_PROPERTIES = {
    "headline": SDO.headline,
    "title": SDO.headline,
    "date": SDO.datePublished,
    "author": SDO.author,
    "publisher": SDO.publisher,
    "agency": SDO.sourceOrganization,  # the news agency a dateline credits (kg.agencies)
    "url": SDO.url,
}
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_SAFE_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")

#: Predicates whose objects for a shared entity come from the votes of every document.
VOTED_PREDICATES: frozenset[URIRef] = frozenset({RDF.type, RDFS.label, KG.alias, KG.value})

#: Classes whose entities carry a ``kg:value``.
VALUED_CLASSES = frozenset({"TimeExpression", "Quantity"})

Spo = tuple[Node, Node, Node]


class _Sink(Protocol):
    """Where a document's triples go: an rdflib Graph, or a plain set."""

    def add(self, triple: Any, /) -> Any: ...


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a document, which is also the name of its graph.

    >>> str(document_iri("a b", "http://x/"))
    'http://x/doc/a%20b'
    """
    return URIRef(resource(base, "doc", doc_id))


def sentence_iri(doc: URIRef, index: int) -> URIRef:
    """The IRI of sentence ``index`` (0-based) of a document.

    >>> str(sentence_iri(URIRef("http://x/doc/d1"), 3))
    'http://x/doc/d1/s/3'
    """
    return URIRef(f"{doc}/s/{index}")


def fact_iri(doc: URIRef, s: str, p: str, o: str, sentence: int, start: int, end: int) -> URIRef:
    """The IRI of a fact's provenance node: a hash of what identifies the fact.

    The hash input is the six parts joined by newlines (IRIs cannot hold one).

    >>> str(fact_iri(URIRef("http://x/doc/d1"), "http://x/a", "http://x/p", "http://x/b", 0, 4, 9))
    'http://x/doc/d1/fact/1b395032c94c7415'
    """
    key = "\n".join((str(s), str(p), str(o), str(sentence), str(start), str(end)))
    return URIRef(f"{doc}/fact/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}")


def choose_link(links: Iterable[Link]) -> Link | None:
    """The link that decides an entity's QID: highest score, then lowest QID number.

    >>> choose_link([Link("m1", "Q61", 0.9, "g"), Link("m2", "Q30", 0.9, "g")]).qid
    'Q30'
    >>> choose_link([]) is None
    True
    """
    ranked = sorted(links, key=lambda lk: (-lk.score, _qid_number(lk.qid), lk.qid, lk.linker))
    return ranked[0] if ranked else None


def entity_iri(
    entity: Entity, qid: str | None, doc_id: str, base: str = DEFAULT_BASE, *, named: bool = True
) -> URIRef:
    """The IRI rule: by QID when linked, else by class and name, or by document.

    >>> e = Entity("e1", "ريكس تيلرسون", "Person", ("m1",))
    >>> str(entity_iri(e, "Q7", "d1", "http://x/"))
    'http://x/entity/Q7'
    >>> str(entity_iri(Entity("e2", "Iraq", "Country", ()), None, "d1", "http://x/"))
    'http://x/Country/iraq'
    >>> str(entity_iri(Entity("e3", "Meeting", "Event", ()), None, "d1", "http://x/"))
    'http://x/doc/d1/event/meeting'

    An unlinked person known by a name (``named``: not only by a title or a description)
    is keyed by the skeleton of the name (:mod:`kg.link.variants`), so the spellings of one
    foreign name give one node in every document:

    >>> a = entity_iri(Entity("e4", "ريكس تيليرسون", "Person", ()), None, "d1", "http://x/")
    >>> a == entity_iri(Entity("e5", "ريكس تيلرسون", "Person", ()), None, "d2", "http://x/")
    True
    """
    if qid:
        return URIRef(resource(base, "entity", qid))
    kind = DOC_SCOPED_KINDS.get(entity.cls)
    if kind is None:
        name = _merge_name(entity) if named else entity.label
        return URIRef(resource(base, entity.cls, _key(name)))
    # Statements are told apart by their words, an act's event by its verb's offset.
    text = entity.value if entity.cls in ("Statement", "Event") and entity.value else entity.label
    return URIRef(resource(base, "doc", doc_id, kind, _key(text)))


def _merge_name(entity: Entity) -> str:
    """The name that decides an unlinked entity's IRI: for a person, one key for all the
    spellings of the name (:func:`kg.link.gazetteer.person_key`)."""
    if entity.cls not in SPELT_CLASSES:
        return entity.label
    from .link.gazetteer import person_key  # the gazetteer loads only when a person needs it

    return person_key(entity.label)


def build_graph(results: Iterable[DocResult], *, base: str = DEFAULT_BASE) -> Dataset:
    """The knowledge graph of some documents: one named graph per document.

    >>> from kg.model import AnalysedDoc, Document, Extraction, Mention, Sentence
    >>> text = "Rex met Ali."
    >>> ms = (Mention("m1", 0, 0, 3, "Rex", "Person", "e1"), Mention("m2", 0, 8, 11, "Ali", "Person", "e2"))
    >>> es = (Entity("e1", "Rex", "Person", ("m1",)), Entity("e2", "Ali", "Person", ("m2",)))
    >>> t = Triple("e1", "met", "e2", 0, 0, 11, 0.9, "demo")
    >>> a = AnalysedDoc(Document("d1", text, "en"), (Sentence(0, 0, 12, text, ()),), "demo")
    >>> ds = build_graph([DocResult(Extraction(a, ms, es, (t,)))], base="http://x/")
    >>> [str(g.identifier) for g in ds.graphs() if len(g)]
    ['http://x/doc/d1']
    >>> [(s.n3(), o.n3()) for s, o in union_graph(ds).subject_objects(KG.met)]
    [('<http://x/Person/rex>', '<http://x/Person/ali>')]
    """
    results = list(results)
    _check_unique_ids(results)
    docs = [_place_entities(r, base) for r in results]
    catalog = _Catalog.of(docs)
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for result, placed in zip(results, docs, strict=True):
        g = ds.graph(document_iri(result.doc.id, base))
        _add_document(g, result, placed, catalog, base)
    sigs = [
        sig
        for r in results
        for sig in signatures(
            ds.graph(document_iri(r.doc.id, base)),
            str(document_iri(r.doc.id, base)),
            doc_date(r.doc.meta),
        )
    ]
    same = identity_triples(sigs, base)
    same += same_person_triples(p for d in docs for p in d.people)
    if same:
        events = ds.graph(events_graph(base))
        for t in same:
            events.add(t)
    return ds


def union_graph(ds: Dataset) -> Graph:
    """All triples of every graph of a dataset, as one Graph (what ``graph.ttl`` holds).

    >>> ds = Dataset()
    >>> ds.graph(URIRef("http://x/g")).add((URIRef("http://x/a"), RDF.type, KG.Person))
    <Graph identifier=http://x/g (<class 'rdflib.graph.Graph'>)>
    >>> len(union_graph(ds))
    1
    """
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for ctx in ds.graphs():
        g += ctx
    return g


def owned(term: Node, doc: URIRef) -> bool:
    """Whether a term belongs to one document: the document itself or an IRI under it
    (its sentences, facts, events, statements, times and quantities). No other document
    can make such a term, since document ids are percent-encoded in IRIs.

    >>> d = URIRef("http://x/doc/a")
    >>> owned(URIRef("http://x/doc/a/s/0"), d), owned(URIRef("http://x/doc/ab"), d), owned(URIRef("http://x/Person/x"), d)
    (True, False, False)
    """
    return isinstance(term, URIRef) and (term == doc or str(term).startswith(str(doc) + "/"))


@dataclass(frozen=True, slots=True)
class DocumentPart:
    """One document's named graph as far as it can be made without the other documents.

    Entities that other documents can name too (people, places, organisations, anything
    linked to Wikidata) take their class, labels, aliases and value from the votes of
    every document (``Tally``); those triples are left out of ``triples`` and made by
    ``describe`` once the votes are in. Everything else is final: the document, its
    sentences, facts and provenance, and the entities under its own IRI.
    """

    iri: URIRef
    lang: str
    triples: frozenset[Spo]
    shared: tuple[SharedEntity, ...]
    votes: dict[URIRef, Tally]
    people: tuple[PersonSig, ...] = ()  # its named people, for their identity across documents

    def describe(self, descriptions: Mapping[str, Description]) -> list[Spo]:
        """The triples the votes decide in this document's graph, given the Description
        of each shared entity (``Tally.describe()`` of the votes of every document)."""
        return describe_shared(self.shared, descriptions)


class SharedEntity(NamedTuple):
    """One document's view of an entity other documents can name too."""

    iri: str
    names: tuple[tuple[str, str], ...]  # (language tag, name): every name the document uses
    valued: bool  # its class here is one that carries kg:value


def describe_shared(
    entities: Iterable[SharedEntity], descriptions: Mapping[str, Description]
) -> list[Spo]:
    """``DocumentPart.describe`` for a document's shared entities, kept apart from it."""
    out: list[Spo] = []
    for e in entities:
        out += _voted(e, descriptions[e.iri])
    return out


def document_part(result: DocResult, *, base: str = DEFAULT_BASE) -> DocumentPart:
    """Split one document's graph into what is final and what the votes decide.

    ``build_graph`` of several documents gives, for each, ``part.triples`` plus
    ``part.describe(votes summed over all of them)``: what a corpus build computes
    document by document, in worker processes, without holding the others.

    >>> from kg.model import AnalysedDoc, Document, Extraction, Mention, Sentence
    >>> doc = Document("d1", "Rex spoke.", "en")
    >>> ex = Extraction(AnalysedDoc(doc, (Sentence(0, 0, 10, "Rex spoke.", ()),), "demo"),
    ...     (Mention("m1", 0, 0, 3, "Rex", "Person", "e1"),), (Entity("e1", "Rex", "Person", ("m1",)),), ())
    >>> part = document_part(DocResult(ex), base="http://x/")
    >>> [str(iri) for iri in part.votes], len(part.describe({str(i): t.describe() for i, t in part.votes.items()}))
    (['http://x/Person/rex'], 2)
    """
    placed = _place_entities(result, base)
    doc = document_iri(result.doc.id, base)
    tallies = _tallies(placed)
    shared = [p for p in placed.entities.values() if not owned(p.iri, doc)]
    voted = {p.iri for p in shared}
    # the votes of every document describe the shared entities: this one's own choices
    # for them would be left out of ``final`` below, so they are not made
    catalog = _Catalog.of_tallies({iri: t for iri, t in tallies.items() if iri not in voted})
    everything: set[Spo] = set()
    _add_document(everything, result, placed, catalog, base, voted)
    final = frozenset(t for t in everything if not (t[0] in voted and t[1] in VOTED_PREDICATES))
    entities = tuple(_shared_entity(p, placed.lang) for p in shared)
    return DocumentPart(
        doc,
        placed.lang,
        final,
        entities,
        {iri: tallies[iri] for iri in sorted(voted)},
        placed.people,
    )


def description_triples(iri: URIRef, tally: Tally) -> list[tuple[URIRef, URIRef, Node]]:
    """The description of an entity over every document that voted on it: its class,
    one label per language, every other name as an alias, its Wikidata items, its value.

    >>> t = Tally.vote("City", [("ar", 0, "واشنطن"), ("ar", 1, "واشنطن العاصمة")], [("ar", "واشنطن العاصمة")], qid="Q61")
    >>> for s, p, o in description_triples(URIRef("http://x/entity/Q61"), t): print(p.n3(), o.n3())
    <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kg-builder/ontology#City>
    <http://www.w3.org/2000/01/rdf-schema#label> "واشنطن"@ar
    <https://w3id.org/kg-builder/ontology#alias> "واشنطن العاصمة"@ar
    <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q61>
    """
    d = tally.describe()
    out: list[tuple[URIRef, URIRef, Node]] = [(iri, RDF.type, KG[d.cls])]
    out += [(iri, RDFS.label, Literal(label, lang=tag or None)) for tag, label in d.labels.items()]
    out += [(iri, KG.alias, Literal(name, lang=tag or None)) for tag, name in d.aliases]
    out += [(iri, OWL.sameAs, WD[q]) for q in d.qids]
    if d.value is not None and VALUED_CLASSES & set(tally.classes):
        out.append((iri, KG.value, Literal(d.value)))
    return out


#: A tally as rows: (iri, kind, language tag, tier, text, count), kind one of
#: class, label, name, value, qid. Rows of many documents add up in a table.
TallyRow = tuple[str, str, str, int, str, int]


def tally_rows(tallies: Mapping[URIRef, Tally] | Mapping[str, Tally]) -> list[TallyRow]:
    """Tallies as rows (sorted by IRI), for a table that sums them over documents.

    >>> tally_rows({URIRef("http://x/a"): Tally.vote("City", [("ar", 1, "ب")], [("ar", "ب")])})
    [('http://x/a', 'class', '', 0, 'City', 1), ('http://x/a', 'label', 'ar', 1, 'ب', 1), ('http://x/a', 'name', 'ar', 0, 'ب', 1)]
    >>> group_rows(_)["http://x/a"].describe().cls
    'City'
    """
    rows: list[TallyRow] = []
    for iri, t in sorted(tallies.items()):
        i = str(iri)
        rows += [(i, "class", "", 0, c, n) for c, n in t.classes.items()]
        rows += [(i, "label", tag, tier, text, n) for (tag, tier, text), n in t.labels.items()]
        rows += [(i, "name", tag, 0, text, n) for (tag, text), n in t.names.items()]
        rows += [(i, "value", "", 0, v, n) for v, n in t.values.items()]
        rows += [(i, "qid", "", 0, q, n) for q, n in t.qids.items()]
    return rows


def group_rows(rows: Iterable[Sequence[Any]]) -> dict[str, Tally]:
    """Rows (of ``tally_rows``, possibly of many documents) summed into one Tally per IRI."""
    out: dict[str, Tally] = {}
    for iri, kind, tag, tier, text, n in rows:
        t = out.setdefault(iri, Tally())
        if kind == "class":
            t.classes[text] += n
        elif kind == "label":
            t.labels[(tag, int(tier), text)] += n
        elif kind == "name":
            t.names[(tag, text)] += n
        elif kind == "value":
            t.values[text] += n
        elif kind == "qid":
            t.qids[text] += n
    return out


# --- placing entities ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Placed:
    """One entity of one document with its IRI and what it was linked to."""

    entity: Entity
    iri: URIRef
    link: Link | None
    sentences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _PlacedDoc:
    lang: str  # language tag of the document's literals, "" when unknown
    entities: dict[str, _Placed]  # by Entity.key
    people: tuple[PersonSig, ...] = ()  # named people whose node may join another document's


def _place_entities(result: DocResult, base: str) -> _PlacedDoc:
    ex = result.extraction
    mentions = {m.id: m for m in ex.mentions}
    links_by_entity: dict[str, list[Link]] = defaultdict(list)
    for lk in result.links:
        if not _QID.fullmatch(lk.qid):
            raise InvalidExtractionError(
                f"{result.doc.id}: link of mention {lk.mention!r} has no valid QID: {lk.qid!r}"
            )
        if lk.mention in mentions:
            links_by_entity[mentions[lk.mention].entity].append(lk)
    placed = {}
    people: list[PersonSig] = []
    for e in ex.entities:
        if e.cls not in ENTITY_CLASSES:
            raise InvalidExtractionError(
                f"{result.doc.id}: entity {e.key!r} has class {e.cls!r}, not one of {', '.join(ENTITY_CLASSES)}"
            )
        link = choose_link(links_by_entity.get(e.key, ()))
        named = any(mentions[m].kind == "name" for m in e.mentions if m in mentions)
        iri = entity_iri(e, link.qid if link else None, result.doc.id, base, named=named)
        if named and e.cls in SPELT_CLASSES and joinable(e.label):
            people.append(PersonSig(str(iri), _merge_name(e), link.qid if link else ""))
        sentences = sorted({mentions[m].sentence for m in e.mentions if m in mentions})
        placed[e.key] = _Placed(e, iri, link, tuple(sentences))
    for key, iri in separate_events(ex.triples, placed).items():
        placed[key] = replace(placed[key], iri=iri)
    return _PlacedDoc(_doc_lang(result.doc.lang, result.doc.text), placed, tuple(people))


def _check_unique_ids(results: list[DocResult]) -> None:
    seen: set[str] = set()
    for r in results:
        if r.doc.id in seen:
            # Two documents would share one named graph and mix their sentences.
            raise DuplicateDocumentError(f"duplicate document id {r.doc.id!r}")
        seen.add(r.doc.id)


@dataclass(frozen=True, slots=True)
class _Catalog:
    """Choices made over all documents: one Description (class, labels, value) per IRI."""

    descriptions: Mapping[URIRef, Description]

    @classmethod
    def of(cls, docs: list[_PlacedDoc]) -> _Catalog:
        tallies: dict[URIRef, Tally] = defaultdict(Tally)
        for doc in docs:
            for iri, t in _tallies(doc).items():
                tallies[iri].add(t)
        return cls.of_tallies(tallies)

    @classmethod
    def of_tallies(cls, tallies: Mapping[URIRef, Tally]) -> _Catalog:
        return cls({iri: t.describe() for iri, t in tallies.items()})


@dataclass(frozen=True, slots=True)
class Description:
    """The reconciled description of one entity: what its votes decide."""

    cls: str
    labels: dict[str, str]  # language tag ("" = none) -> the one rdfs:label
    aliases: tuple[tuple[str, str], ...]  # (language tag, name): every other name, sorted
    value: str | None  # the kg:value, for any entity that has one
    qids: tuple[str, ...]  # Wikidata items of owl:sameAs


@dataclass(slots=True)
class Tally:
    """What documents say about one entity IRI, as counts that can be added and taken away.

    ``build_graph`` reconciles the entities of one build from these; an incremental store
    keeps one tally per document and entity, so that replacing a document changes the
    choices exactly as rebuilding everything would.

    >>> t = Tally()
    >>> t.add(Tally.vote("City", [("ar", 1, "واشنطن")], [("ar", "واشنطن")]))
    >>> t.add(Tally.vote("Place", [("ar", 1, "العاصمة")], [("ar", "العاصمة")]))
    >>> t.add(Tally.vote("City", [("ar", 1, "واشنطن")], [("ar", "واشنطن")]))
    >>> d = t.describe()
    >>> d.cls, d.labels, d.aliases
    ('City', {'ar': 'واشنطن'}, (('ar', 'العاصمة'),))
    >>> t.add(Tally.vote("City", [("ar", 1, "واشنطن")], [("ar", "واشنطن")]), sign=-1)
    >>> t.add(Tally.vote("City", [("ar", 1, "واشنطن")], [("ar", "واشنطن")]), sign=-1)
    >>> t.describe().cls, t.describe().labels
    ('Place', {'ar': 'العاصمة'})
    """

    classes: Counter[str] = field(default_factory=Counter)
    labels: Counter[tuple[str, int, str]] = field(
        default_factory=Counter
    )  # (tag, tier, text); tier 0 = Wikidata
    names: Counter[tuple[str, str]] = field(
        default_factory=Counter
    )  # (tag, name): candidates for kg:alias
    values: Counter[str] = field(default_factory=Counter)
    qids: Counter[str] = field(default_factory=Counter)

    @classmethod
    def vote(
        cls,
        entity_class: str,
        labels: Iterable[tuple[str, int, str]] = (),
        names: Iterable[tuple[str, str]] = (),
        value: str = "",
        qid: str = "",
    ) -> Tally:
        """The tally of one entity of one document."""
        t = cls(Counter([entity_class]), Counter(labels), Counter(set(names)))
        if value:
            t.values[value] += 1
        if qid:
            t.qids[qid] += 1
        return t

    def add(self, other: Tally, sign: int = 1) -> None:
        """Add (``sign=1``) or take away (``sign=-1``) another tally; zero counts vanish."""
        for mine, theirs in self._pairs(other):
            for key, n in theirs.items():
                mine[key] += sign * n
                if mine[key] == 0:
                    del mine[key]
                elif mine[key] < 0:
                    raise TallyError(f"tally count below zero for {key!r}")

    def is_empty(self) -> bool:
        return not self.classes

    def describe(self) -> Description:
        """The choices: majority class (ties: earlier class), best label per language
        (Wikidata labels first, then the most frequent name, then code-point order),
        every other name as an alias."""
        if self.is_empty():
            raise TallyError("an empty tally describes nothing")
        c = self.classes
        entity_class = min(c, key=lambda k: (-c[k], _class_rank(k), k))
        by_lang: dict[str, Counter[tuple[int, str]]] = defaultdict(Counter)
        for (tag, tier, text), n in self.labels.items():
            by_lang[tag][(tier, text)] += n
        labels = {tag: _best(cands) for tag, cands in sorted(by_lang.items())}
        aliases = tuple(sorted((tag, n) for tag, n in self.names if labels.get(tag) != n))
        value = _best(Counter({(0, v): n for v, n in self.values.items()})) if self.values else None
        return Description(entity_class, labels, aliases, value, tuple(sorted(self.qids)))

    def _pairs(self, other: Tally) -> list[tuple[Counter, Counter]]:  # type: ignore[type-arg]
        return [
            (self.classes, other.classes),
            (self.labels, other.labels),
            (self.names, other.names),
            (self.values, other.values),
            (self.qids, other.qids),
        ]


def entity_tallies(result: DocResult, *, base: str = DEFAULT_BASE) -> dict[URIRef, Tally]:
    """What one document says about each entity IRI it mentions.

    >>> from kg.model import AnalysedDoc, Document, Extraction, Mention, Sentence
    >>> doc = Document("d1", "Rex spoke.", "en")
    >>> ex = Extraction(AnalysedDoc(doc, (Sentence(0, 0, 10, "Rex spoke.", ()),), "demo"),
    ...     (Mention("m1", 0, 0, 3, "Rex", "Person", "e1"),), (Entity("e1", "Rex", "Person", ("m1",)),), ())
    >>> t = entity_tallies(DocResult(ex), base="http://x/")
    >>> list(t), t[URIRef("http://x/Person/rex")].describe().labels
    ([rdflib.term.URIRef('http://x/Person/rex')], {'en': 'Rex'})
    """
    return _tallies(_place_entities(result, base))


def _tallies(doc: _PlacedDoc) -> dict[URIRef, Tally]:
    out: dict[URIRef, Tally] = {}
    for p in doc.entities.values():
        link_labels = _link_labels(p.link)
        own = _names(p.entity)
        # The label, else (an extractor that left it empty) the first name.
        label = own[0] if own else ""
        labels = [(lang, 0, text) for lang, text in link_labels]
        if label:
            labels.append((_label_lang(doc.lang, label), 1, label))
        names = [(_label_lang(doc.lang, n), n) for n in own]
        names += [(lang, text) for lang, text in link_labels]
        qid = p.link.qid if p.link is not None else ""
        # a linked place takes the class the gazetteer gives its item (عمان linked to Amman)
        vote = Tally.vote(linked_class(p.entity.cls, qid), labels, names, p.entity.value, qid)
        known = out.get(p.iri)
        if known is None:
            out[p.iri] = vote  # what an empty tally with this vote added holds
        else:
            known.add(vote)
    return out


def _names(e: Entity) -> list[str]:
    """An entity's label and names as names are written in the graph: without bidi
    controls and zero-width characters (invisible, and an override inside a name
    reverses how the text after it is displayed); empty ones dropped. Evidence and
    sentence text keep every character, since offsets index them.

    >>> _names(Entity("e", "ماك\u200bرون", "Person", (), names=("\u202e", "ماكرون")))
    ['ماكرون', 'ماكرون']
    """
    out = [strip_invisible(n) for n in (e.label, *e.names)]
    return [n for n in out if n.strip()]


def _class_rank(cls: str) -> int:
    return ENTITY_CLASSES.index(cls) if cls in ENTITY_CLASSES else len(ENTITY_CLASSES)


def _best(candidates: Counter[tuple[int, str]]) -> str:
    """Lowest tier, then most frequent, then first in code-point order (deterministic)."""
    _, text = min(candidates, key=lambda c: (c[0], -candidates[c], c[1]))
    return text


def _link_labels(link: Link | None) -> list[tuple[str, str]]:
    if link is None:
        return []
    return [
        (lang, label)
        for lang, label in (("ar", link.label_ar), ("en", link.label_en))
        if label.strip()
    ]


# --- writing one document --------------------------------------------------------------


def _add_document(
    g: _Sink,
    result: DocResult,
    placed: _PlacedDoc,
    catalog: _Catalog,
    base: str,
    voted: Collection[URIRef] = (),
) -> None:
    """One document's triples; entities in ``voted`` without the class, labels and value
    the votes decide (``catalog`` need not describe them)."""
    doc = result.doc
    doc_node = document_iri(doc.id, base)
    _add_doc_node(g, doc_node, result)
    for s in result.extraction.analysed.sentences:
        node = sentence_iri(doc_node, s.index)
        g.add((node, T.TYPE, T.SENTENCE))
        g.add((node, T.TEXT, _lit(s.text, placed.lang)))
        g.add((node, T.PART_OF, doc_node))
        g.add((node, T.INDEX, _int(s.index)))
        g.add((node, T.START, _int(s.start)))
        g.add((node, T.END, _int(s.end)))
    for p in placed.entities.values():
        _add_entity(g, p, doc_node, placed.lang, None if p.iri in voted else catalog)
    for t in _unique_facts(result.extraction.triples, placed, doc_node):
        _add_fact(g, t, result, placed, doc_node)
    # resolved dates on time expressions, dated events and their facts (kg/dates.py)
    for spo in date_triples(
        result, lambda k: placed.entities[k].iri, lambda t: _fact_node(t, placed, doc_node)
    ):
        g.add(spo)


def _add_doc_node(g: _Sink, node: URIRef, result: DocResult) -> None:
    doc = result.doc
    g.add((node, RDF.type, KG.Document))
    g.add((node, DCTERMS.identifier, Literal(doc.id)))
    g.add((node, DCTERMS.source, Literal(doc.source)))
    if doc.lang:
        g.add((node, DCTERMS.language, Literal(doc.lang)))
        g.add((node, SDO.inLanguage, Literal(doc.lang)))
    done: set[URIRef] = set()
    for key, value in doc.meta:
        prop = _META_PROPERTIES.get(key)
        if prop is None or prop in done or not value.strip():
            continue
        obj = _meta_value(key, value.strip())
        if obj is not None:
            g.add((node, prop, obj))
            done.add(prop)


def _meta_value(key: str, value: str) -> Literal | URIRef | None:
    """A metadata value as an RDF term: a date as ``xsd:date``, a URL as an IRI (None
    when it is not a usable http(s) URL), the rest as plain literals.

    >>> _meta_value("date", "2026-03-01T10:00:00Z"), _meta_value("url", "javascript:x")
    (rdflib.term.Literal('2026-03-01', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date')), None)
    >>> _meta_value("date", "2026-02-30") is None
    True
    """
    if key == "date":
        if parse_date(value) is not None:
            return Literal(value[:10], datatype=XSD.date)
        return None if _DATE.match(value) else Literal(value)
    if key == "url":
        return URIRef(value) if _SAFE_URL.fullmatch(value) else None
    return Literal(value)


def _add_entity(
    g: _Sink, p: _Placed, doc_node: URIRef, lang: str, catalog: _Catalog | None
) -> None:
    e, iri = p.entity, p.iri
    if catalog is not None:
        for t in _voted(_shared_entity(p, lang), catalog.descriptions[iri]):
            g.add(t)
    if p.link is not None:
        g.add((iri, T.SAME_AS, WD[p.link.qid]))
    for index in p.sentences:
        g.add((iri, T.MENTIONED_IN, sentence_iri(doc_node, index)))
    if e.cls == "Statement":
        g.add((iri, T.TEXT, _lit(e.value or e.label, lang)))


def _shared_entity(p: _Placed, lang: str) -> SharedEntity:
    names = [(_label_lang(lang, n), n) for n in _names(p.entity)] + _link_labels(p.link)
    return SharedEntity(str(p.iri), tuple(names), p.entity.cls in VALUED_CLASSES)


def _voted(e: SharedEntity, d: Description) -> list[Spo]:
    """An entity's triples in one document that the votes decide: its class, its label
    per language, the document's other names as aliases, its value."""
    iri = URIRef(e.iri)
    out: list[Spo] = [(iri, T.TYPE, _class_iri(d.cls))]
    out += [(iri, T.LABEL, _name_literal(label, tag)) for tag, label in d.labels.items()]
    out += [
        (iri, T.ALIAS, _name_literal(name, tag))
        for tag, name in e.names
        if d.labels.get(tag) != name
    ]
    if e.valued and d.value is not None:
        out.append((iri, T.VALUE, Literal(d.value)))
    return out


@lru_cache(maxsize=64)
def _class_iri(cls: str) -> URIRef:
    return KG[cls]


@lru_cache(maxsize=1 << 14)
def _name_literal(text: str, tag: str) -> Literal:
    """A name as a literal; names recur across documents (the corpus writer describes
    each shared entity once per document that mentions it)."""
    return _lit(text, tag)


def _unique_facts(triples: Iterable[Triple], placed: _PlacedDoc, doc_node: URIRef) -> list[Triple]:
    """One triple per fact IRI; of duplicates the most confident (then extractor name) wins."""
    best: dict[URIRef, Triple] = {}
    for t in sorted(triples, key=lambda t: (-t.confidence, t.extractor)):
        best.setdefault(_fact_node(t, placed, doc_node), t)
    return list(best.values())


def _fact_node(t: Triple, placed: _PlacedDoc, doc_node: URIRef) -> URIRef:
    s, o = _end(placed, t.subject), _end(placed, t.object)
    return fact_iri(doc_node, s, _predicate(t), o, t.sentence, t.start, t.end)


def _predicate(t: Triple) -> URIRef:
    return _relation(t.relation, t.lemma if t.relation == OPEN else "")


def _add_fact(g: _Sink, t: Triple, result: DocResult, placed: _PlacedDoc, doc_node: URIRef) -> None:
    s, o = _end(placed, t.subject), _end(placed, t.object)
    p = _predicate(t)
    text = result.doc.text
    if not 0 <= t.start <= t.end <= len(text):
        raise InvalidExtractionError(
            f"{result.doc.id}: evidence span {t.start}:{t.end} outside the text"
        )
    if t.relation == OPEN:
        _declare_open_relation(g, p, t.lemma, placed.lang)
    if t.modality not in UNASSERTED:  # planned, denied or conditional: provenance only
        g.add((s, p, o))
    node = fact_iri(doc_node, s, p, o, t.sentence, t.start, t.end)
    g.add((node, T.TYPE, T.STATEMENT))
    g.add((node, T.TYPE, T.FACT))
    g.add((node, T.SUBJECT, s))
    g.add((node, T.PREDICATE, p))
    g.add((node, T.OBJECT, o))
    g.add((node, T.DERIVED_FROM, sentence_iri(doc_node, t.sentence)))
    g.add((node, T.EVIDENCE, _lit(text[t.start : t.end], placed.lang)))
    g.add((node, T.EVIDENCE_START, _int(t.start)))
    g.add((node, T.EVIDENCE_END, _int(t.end)))
    g.add((node, T.CONFIDENCE, _decimal(t.confidence)))
    g.add((node, T.EXTRACTOR, _plain(t.extractor)))
    g.add((node, T.ANALYSER, _plain(result.extraction.analysed.analyser)))
    g.add((node, T.MODALITY, _modality(t.modality)))


def _declare_open_relation(g: _Sink, p: URIRef, lemma: str, lang: str) -> None:
    g.add((p, RDF.type, OWL.ObjectProperty))
    g.add((p, RDFS.subPropertyOf, KG.relatedTo))
    label = strip_invisible(lemma).strip() or "related"
    g.add((p, RDFS.label, _lit(label, _label_lang(lang, label))))


def _end(placed: _PlacedDoc, key: str) -> URIRef:
    try:
        return placed.entities[key].iri
    except KeyError:
        raise InvalidExtractionError(
            f"a triple refers to entity {key!r}, which the extraction does not define"
        ) from None
