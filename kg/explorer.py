"""The explorer's data: what ``kg serve`` answers under ``/api/`` for the explorer page.

Every answer is built from a few SPARQL SELECTs run through the endpoint's workers (so
the same time and memory bounds hold) and returned as plain JSON-ready dicts. IRIs that
come from a request reach a query only after :func:`check_iri`, so a request cannot
change a query's shape. Texts are returned as data: the page puts them into the DOM with
``textContent`` only.

>>> ex = Explorer(lambda q: [])
>>> ex.search("x")["hits"], ex.entity("http://x/a")["found"]
([], False)
>>> check_iri("http://x/a> } DROP ALL {")
Traceback (most recent call last):
...
kg.errors.InputError: http://x/a> } DROP ALL {: not an IRI the explorer can look up
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from .analytics import COUNTS_NOTE
from .errors import InputError
from .explorer_search import HIDDEN_CLASSES, NameIndex
from .vocab import CORE_RELATIONS

#: One SPARQL JSON result row: variable -> term (``type``, ``value``, ``xml:lang``, ``datatype``).
Row = dict[str, dict[str, str]]
Ask = Callable[[str], list[Row]]

KG_NS = "https://w3id.org/kg-builder/ontology#"
WD_NS = "http://www.wikidata.org/entity/"
_PREFIXES = """PREFIX kg: <https://w3id.org/kg-builder/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
_IRI = re.compile(r"https?://[^\s<>\"{}|^`\\]{1,2000}")
_QID = re.compile(r"Q[1-9][0-9]{0,12}")
MAX_FACTS = 300  # of one entity page (the page says when there are more)
MAX_NODES = 300  # of one neighbourhood
MAX_DOC_SENTENCES = 2000

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_TYPES = frozenset(_XSD + t for t in ("date", "dateTime", "gYearMonth", "gYear"))
_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_PART_OF = "http://purl.org/dc/terms/isPartOf"
_SDO = "https://schema.org/"
#: Row names of a fact's details -> (whose, predicate IRI): the fact, its sentence, its document.
_FACT_FIELDS = {
    "p": ("f", _RDF + "predicate"),
    "s": ("f", _RDF + "subject"),
    "o": ("f", _RDF + "object"),
    "es": ("f", KG_NS + "evidenceStart"),
    "ee": ("f", KG_NS + "evidenceEnd"),
    "conf": ("f", KG_NS + "confidence"),
    "neg": ("f", KG_NS + "negated"),
    "modality": ("f", KG_NS + "modality"),
    "stext": ("sent", KG_NS + "text"),
    "sstart": ("sent", KG_NS + "start"),
    "sidx": ("sent", KG_NS + "index"),
    "headline": ("doc", _SDO + "headline"),
    "outlet": ("doc", _SDO + "publisher"),
    "pub": ("doc", _SDO + "datePublished"),
    "url": ("doc", _SDO + "url"),
}
Props = dict[str, dict[str, list[dict[str, str]]]]


def check_iri(text: str) -> str:
    """``text`` when it is an http(s) IRI that can stand between ``<`` and ``>`` in a query.

    >>> check_iri("https://w3id.org/kg-builder/resource/Person/x")
    'https://w3id.org/kg-builder/resource/Person/x'
    """
    if not _IRI.fullmatch(text):
        raise InputError(text[:200], "not an IRI the explorer can look up")
    return text


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/kg-builder/ontology#hosted")
    'hosted'
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def _value(row: Row, name: str) -> str:
    term = row.get(name)
    return term["value"] if term else ""


def _int(row: Row, name: str) -> int | None:
    try:
        return int(_value(row, name))
    except ValueError:
        return None


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{check_iri(i)}>" for i in iris)


class Labels:
    """Labels per IRI and language, chosen in the order of the preferred languages."""

    def __init__(self) -> None:
        self._by: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, iri: str, text: str, lang: str) -> None:
        self._by[iri].setdefault(lang, text)

    def get(self, iri: str, lang: str) -> str:
        """The label in ``lang``, else Arabic, English, any; else the IRI's local name.

        >>> ls = Labels(); ls.add("http://x/a", "A", "en"); ls.get("http://x/a", "ar")
        'A'
        """
        got = self._by.get(iri) or {}
        for tag in (lang, "ar", "en", ""):
            if tag in got:
                return got[tag]
        return next(iter(got.values()), None) or _unquote(local_name(iri))


def _unquote(text: str) -> str:
    from urllib.parse import unquote

    return unquote(text).replace("_", " ")


#: What no entity is (``kg.analytics``'s structural classes).
_STRUCTURAL = "kg:Document, kg:Sentence, kg:Fact, rdf:Statement"
#: A direct fact triple between two entities, as ``kg.analytics.network_parts`` finds it:
#: a core relation, an open one (kgrel:), or one a fact node names; no end a document,
#: sentence or fact.
_FACT_PATTERN = (
    "?s ?p ?o . FILTER(isIRI(?s) && isIRI(?o)) "
    "FILTER(?p IN (" + ", ".join(f"kg:{r}" for r in CORE_RELATIONS) + ") "
    "|| STRSTARTS(STR(?p), STR(kgrel:)) || EXISTS { ?f rdf:predicate ?p }) "
    f"FILTER NOT EXISTS {{ ?s a ?c1 FILTER(?c1 IN ({_STRUCTURAL})) }} "
    f"FILTER NOT EXISTS {{ ?o a ?c2 FILTER(?c2 IN ({_STRUCTURAL})) }}"
)
_PREFIXES = (
    "PREFIX kg: <https://w3id.org/kg-builder/ontology#> "
    "PREFIX kgrel: <https://w3id.org/kg-builder/relation/> "
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
)
_COUNT_FACTS = (
    _PREFIXES
    + "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
    + _FACT_PATTERN
    + " } }"
)
_COUNT_ENTITIES = (
    _PREFIXES + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { "
    "{ ?e a ?c FILTER(isIRI(?e) && STRSTARTS(STR(?c), STR(kg:)) "
    f"&& ?c NOT IN ({_STRUCTURAL})) FILTER NOT EXISTS {{ ?e kg:reportedAs ?m }} }} "
    "UNION { " + _FACT_PATTERN + " BIND(?s AS ?e) } "
    "UNION { " + _FACT_PATTERN + " BIND(?o AS ?e) } "
    f"FILTER NOT EXISTS {{ ?e a ?c3 FILTER(?c3 IN ({_STRUCTURAL})) }} }}"
)


class Explorer:
    """The explorer's answers over a graph reached through ``ask`` (a SPARQL SELECT runner)."""

    def __init__(self, ask: Ask) -> None:
        self.ask = ask
        self._index: NameIndex | None = None
        self._lock = threading.Lock()
        self._relations: Labels | None = None
        self._counts: dict[str, Any] | None = None

    # --- counts -----------------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        """The graph's entities and facts, counted as ``kg build``, ``kg stats`` and the
        network page count them (``kg.analytics.network_parts``), once per server.

        >>> from rdflib import Graph
        >>> g = Graph().parse(data="@prefix kg: <https://w3id.org/kg-builder/ontology#> . "
        ...     "<http://x/a> a kg:Person ; kg:met <http://x/b> . <http://x/d> a kg:Document .", format="turtle")
        >>> ask = lambda q: [{k: {"value": str(v)} for k, v in r.asdict().items()} for r in g.query(q)]
        >>> Explorer(ask).counts()["entities"], Explorer(ask).counts()["facts"]
        (2, 1)
        """
        with self._lock:
            if self._counts is None:
                facts = _int(self.ask(_COUNT_FACTS)[0], "n") or 0
                entities = _int(self.ask(_COUNT_ENTITIES)[0], "n") or 0
                self._counts = {"entities": entities, "facts": facts, "note": COUNTS_NOTE}
            return self._counts

    # --- search -----------------------------------------------------------------------

    def index(self) -> NameIndex:
        """The name index, built on first use from every label and alias in the graph."""
        with self._lock:
            if self._index is None:
                self._index = NameIndex(self._name_rows())
            return self._index

    def _name_rows(self) -> list[tuple[str, str, str, int]]:
        """(entity, name, class, mentions) for every name; one query per class keeps each
        answer under the endpoint's result size limit on large archives."""
        counts = {
            _value(r, "e"): _int(r, "n") or 0
            for r in self.ask(
                _PREFIXES + "SELECT ?e (COUNT(DISTINCT ?s) AS ?n) WHERE { ?e kg:mentionedIn ?s }"
                " GROUP BY ?e"
            )
        }
        classes = self.ask(
            f"SELECT DISTINCT ?c WHERE {{ ?e a ?c . FILTER(STRSTARTS(STR(?c), '{KG_NS}')) }}"
        )
        rows = []
        for c in sorted(_value(r, "c") for r in classes):
            cls = local_name(c)
            if cls in HIDDEN_CLASSES:
                continue
            query = (
                _PREFIXES + f"SELECT DISTINCT ?e ?name WHERE {{ ?e a <{check_iri(c)}> ."
                " { ?e rdfs:label ?name } UNION { ?e kg:alias ?name } }"
            )
            rows += [
                (e, _value(r, "name"), cls, counts.get(e, 0))
                for r in self.ask(query)
                for e in [_value(r, "e")]
            ]
        return rows

    def search(self, text: str, limit: int = 20, lang: str = "ar") -> dict[str, Any]:
        """Entities whose name contains ``text`` once folded (``kg.explorer_search``)."""
        index = self.index()
        hits = index.search(text[:200], max(1, min(limit, 100)))
        labels = self.labels(h.iri for h in hits)
        return {
            "query": text,
            "entities": index.entities,
            "hits": [
                {
                    "iri": h.iri,
                    "label": labels.get(h.iri, lang),
                    "matched": h.name,
                    "class": h.cls,
                    "mentions": h.mentions,
                }
                for h in hits
            ],
        }

    # --- labels -----------------------------------------------------------------------

    def labels(self, iris: Iterable[str]) -> Labels:
        """The ``rdfs:label``s of these IRIs (relations: the ontology's labels too)."""
        out = Labels()
        wanted = sorted(set(iris))
        for start in range(0, len(wanted), 400):
            chunk = wanted[start : start + 400]
            query = (
                _PREFIXES
                + f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {_values(chunk)} }} ?e rdfs:label ?l }}"
            )
            for r in self.ask(query):
                out.add(_value(r, "e"), _value(r, "l"), r["l"].get("xml:lang", ""))
        return out

    def relation_labels(self) -> Labels:
        """The ontology's labels of its properties (the store holds the facts, not kg.ttl)."""
        if self._relations is None:
            from rdflib import Literal
            from rdflib.namespace import RDFS

            from .ontology import ontology_graph

            labels = Labels()
            for s, o in ontology_graph().subject_objects(RDFS.label):
                if isinstance(o, Literal):
                    labels.add(str(s), str(o), o.language or "")
            self._relations = labels
        return self._relations

    def classes(self, iris: Iterable[str]) -> dict[str, str]:
        """The ontology class (local name) of each IRI that has one."""
        out: dict[str, str] = {}
        wanted = sorted(set(iris))
        for start in range(0, len(wanted), 400):
            chunk = wanted[start : start + 400]
            query = (
                _PREFIXES + f"SELECT ?e ?c WHERE {{ VALUES ?e {{ {_values(chunk)} }} ?e a ?c ."
                f" FILTER(STRSTARTS(STR(?c), '{KG_NS}')) }}"
            )
            for r in self.ask(query):
                out.setdefault(_value(r, "e"), local_name(_value(r, "c")))
        return out

    # --- the entity page ----------------------------------------------------------------

    def entity(self, iri: str, lang: str = "ar") -> dict[str, Any]:
        """An entity's classes, labels, Wikidata link, facts (grouped by relation, each
        with its sentence split around the evidence, and its document) and timeline."""
        check_iri(iri)
        rows = self.ask(
            _PREFIXES + f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o . FILTER(?p IN "
            "(rdf:type, rdfs:label, kg:alias, owl:sameAs, kg:value, kg:text)) }"
        )
        if not rows:
            return {"iri": iri, "found": False}
        about = _describe(rows)
        facts = self._facts(iri, lang)
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in facts:
            groups[f["relationLabel"]].append(f)
        label = next((t for t, tag in about["labels"] if tag == lang), None)
        return {
            "iri": iri,
            "found": True,
            "label": label
            or (about["labels"][0][0] if about["labels"] else _unquote(local_name(iri))),
            **about,
            "relations": [
                {"relation": name, "facts": items} for name, items in sorted(groups.items())
            ],
            "facts": len(facts),
            "truncated": len(facts) >= MAX_FACTS,
            "timeline": timeline(facts),
        }

    def _facts(self, iri: str, lang: str) -> list[dict[str, Any]]:
        query = (
            _PREFIXES + "SELECT ?f ?dir ?other WHERE {"
            f" {{ ?f rdf:subject <{iri}> ; rdf:object ?other . BIND('out' AS ?dir) }}"
            f" UNION {{ ?f rdf:object <{iri}> ; rdf:subject ?other . BIND('in' AS ?dir) }}"
            f" }} LIMIT {MAX_FACTS}"
        )
        ends = {_value(r, "f"): r for r in self.ask(query)}
        rows = [
            {**row, "dir": ends[f]["dir"], "other": ends[f]["other"]}
            for row in self.fact_rows(list(ends)[:MAX_FACTS])
            for f in [_value(row, "f")]
        ]
        others = {_value(r, "other") for r in rows}
        labels = self.labels(others | {_value(r, "p") for r in rows})
        classes = self.classes(others)
        return [self._fact(r, labels, classes, lang) for r in rows]

    def _fact(self, r: Row, labels: Labels, classes: dict[str, str], lang: str) -> dict[str, Any]:
        p, other = _value(r, "p"), _value(r, "other")
        return {
            "fact": _value(r, "f"),
            "direction": _value(r, "dir"),
            "relation": p,
            "relationLabel": self.relation_label(p, labels, lang),
            "other": other,
            "otherLabel": labels.get(other, lang),
            "otherClass": classes.get(other, ""),
            **_fact_detail(r),
        }

    def relation_label(self, p: str, labels: Labels, lang: str) -> str:
        """A relation's label: the ontology's, else the graph's (open relations), else its id."""
        if p.startswith(KG_NS):
            return self.relation_labels().get(p, lang)
        return labels.get(p, lang)

    def _document_fact(self, r: Row, labels: Labels, lang: str) -> dict[str, Any]:
        s, p, o = _value(r, "s"), _value(r, "p"), _value(r, "o")
        return {
            "subject": s,
            "subjectLabel": labels.get(s, lang),
            "relation": p,
            "relationLabel": self.relation_label(p, labels, lang),
            "object": o,
            "objectLabel": labels.get(o, lang),
            **_fact_detail(r),
        }

    def props(self, iris: Iterable[str]) -> Props:
        """Every (predicate, object) of these subjects: one index look-up per subject,
        which Oxigraph answers in milliseconds where a join over the whole graph would not."""
        out: Props = defaultdict(lambda: defaultdict(list))
        wanted = sorted(set(iris))
        for start in range(0, len(wanted), 300):
            chunk = wanted[start : start + 300]
            query = f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_values(chunk)} }} ?s ?p ?o }}"
            for r in self.ask(query):
                out[_value(r, "s")][_value(r, "p")].append(r["o"])
        return out

    def fact_rows(self, facts: Iterable[str]) -> list[Row]:
        """Each fact's details as one row (names of ``_FACT_FIELDS``, ``f``, ``sent``,
        ``doc``, ``date``), in document order."""
        fp = self.props(facts)
        sent_of = {f: _first(p, _DERIVED) for f, p in fp.items()}
        sp = self.props(t["value"] for t in sent_of.values() if t)
        doc_of = {s: _first(p, _PART_OF) for s, p in sp.items()}
        dp = self.props(t["value"] for t in doc_of.values() if t)
        rows = []
        for f, props in fp.items():
            sent = sent_of[f]
            if sent is None:
                continue
            doc = doc_of.get(sent["value"])
            whose = {"f": props, "sent": sp[sent["value"]], "doc": dp[doc["value"]] if doc else {}}
            row: Row = {"f": {"type": "uri", "value": f}, "sent": sent}
            if doc:
                row["doc"] = doc
            for name, (owner, pred) in _FACT_FIELDS.items():
                term = _first(whose[owner], pred)
                if term:
                    row[name] = term
            date = _date_of(props)
            if date:
                row["date"] = date
            rows.append(row)
        return sorted(rows, key=_fact_order)

    # --- the neighbourhood --------------------------------------------------------------

    def neighbourhood(
        self, iri: str, hops: int = 1, limit: int = 200, lang: str = "ar"
    ) -> dict[str, Any]:
        """The entities within ``hops`` (1 or 2) facts of ``iri``, at most ``limit`` nodes
        (nearest first), and the facts between them, one edge per (subject, relation, object)."""
        check_iri(iri)
        hops, limit = max(1, min(hops, 2)), max(2, min(limit, MAX_NODES))
        nodes: dict[str, int] = {iri: 0}
        edges: dict[tuple[str, str, str], int] = {}
        frontier = [iri]
        for depth in range(1, hops + 1):
            found: list[str] = []
            for s, p, o in self._edges_of(frontier, limit * 4):
                for n in (s, o):
                    if n not in nodes and len(nodes) < limit:
                        nodes[n] = depth
                        found.append(n)
                if s in nodes and o in nodes:
                    edges[(s, p, o)] = edges.get((s, p, o), 0) + 1
            frontier = found
            if not frontier:
                break
        labels = self.labels(set(nodes) | {p for _, p, _ in edges})
        classes = self.classes(nodes)
        return {
            "center": iri,
            "nodes": [
                {"id": n, "label": labels.get(n, lang), "class": classes.get(n, ""), "hop": d}
                for n, d in nodes.items()
            ],
            "edges": [
                {
                    "from": s,
                    "to": o,
                    "relation": p,
                    "label": self.relation_label(p, labels, lang),
                    "count": c,
                }
                for (s, p, o), c in sorted(edges.items())
            ],
            "capped": len(nodes) >= limit,
        }

    def _edges_of(self, frontier: list[str], cap: int) -> list[tuple[str, str, str]]:
        out: list[tuple[str, str, str]] = []
        for start in range(0, len(frontier), 300):
            chunk = frontier[start : start + 300]
            query = (
                _PREFIXES + f"SELECT ?s ?p ?o WHERE {{ VALUES ?n {{ {_values(chunk)} }}"
                " { ?f rdf:subject ?n ; rdf:object ?o . BIND(?n AS ?s) }"
                " UNION { ?f rdf:object ?n ; rdf:subject ?s . BIND(?n AS ?o) }"
                f" ?f a kg:Fact ; rdf:predicate ?p }} LIMIT {cap}"
            )
            out += [(_value(r, "s"), _value(r, "p"), _value(r, "o")) for r in self.ask(query)]
        return out

    # --- the document page --------------------------------------------------------------

    def document(self, iri: str, lang: str = "ar") -> dict[str, Any]:
        """A document's metadata, its sentences with each fact's evidence marked, and the
        entities it mentions."""
        check_iri(iri)
        meta = self.ask(_PREFIXES + f"SELECT ?p ?o WHERE {{ <{iri}> a kg:Document ; ?p ?o }}")
        if not meta:
            return {"iri": iri, "found": False}
        info = {local_name(_value(r, "p")): _value(r, "o") for r in meta}
        sentences = self.ask(
            _PREFIXES + f"SELECT ?s ?i ?t WHERE {{ ?s dcterms:isPartOf <{iri}> ; kg:index ?i ;"
            f" kg:text ?t }} ORDER BY ?i LIMIT {MAX_DOC_SENTENCES}"
        )
        facts = self.fact_rows(
            _value(r, "f")
            for r in self.ask(
                _PREFIXES + f"SELECT ?f WHERE {{ ?sent dcterms:isPartOf <{iri}> ."
                f" ?f prov:wasDerivedFrom ?sent }} LIMIT {MAX_FACTS}"
            )
        )
        mentioned = self.ask(
            _PREFIXES + "SELECT ?e (COUNT(?s) AS ?n) WHERE { ?s dcterms:isPartOf"
            f" <{iri}> . ?e kg:mentionedIn ?s }} GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 500"
        )
        ends = {_value(r, k) for r in facts for k in ("s", "o")}
        entities = [_value(r, "e") for r in mentioned]
        labels = self.labels(ends | set(entities) | {_value(r, "p") for r in facts})
        classes = self.classes(entities)
        return {
            "iri": iri,
            "found": True,
            "headline": info.get("headline", ""),
            "outlet": info.get("publisher", ""),
            "date": info.get("datePublished", ""),
            "url": info.get("url", "") if _IRI.fullmatch(info.get("url", "")) else "",
            "identifier": info.get("identifier", ""),
            "source": info.get("source", ""),
            "language": info.get("language", ""),
            "sentences": [{"index": _int(r, "i"), "text": _value(r, "t")} for r in sentences],
            "facts": [self._document_fact(r, labels, lang) for r in facts],
            "entities": [
                {
                    "iri": e,
                    "label": labels.get(e, lang),
                    "class": classes.get(e, ""),
                    "mentions": _int(r, "n"),
                }
                for r, e in zip(mentioned, entities, strict=True)
            ],
        }


def _describe(rows: list[Row]) -> dict[str, Any]:
    classes, labels, aliases, wikidata, value = set(), [], [], [], ""
    for r in rows:
        p, o = local_name(_value(r, "p")), r["o"]
        if p == "type" and o["value"].startswith(KG_NS):
            classes.add(local_name(o["value"]))
        elif p == "label":
            labels.append((o["value"], o.get("xml:lang", "")))
        elif p == "alias":
            aliases.append((o["value"], o.get("xml:lang", "")))
        elif p == "sameAs" and o["value"].startswith(WD_NS):
            qid = o["value"][len(WD_NS) :]
            if _QID.fullmatch(qid):
                wikidata.append(qid)
        elif p in ("value", "text"):
            value = o["value"]
    return {
        "classes": sorted(classes),
        "labels": sorted(labels, key=lambda x: (x[1], x[0])),
        "aliases": sorted(aliases, key=lambda x: (x[1], x[0])),
        "wikidata": sorted(wikidata),
        "value": value,
    }


def _first(props: dict[str, list[dict[str, str]]], pred: str) -> dict[str, str] | None:
    """The smallest object of ``pred`` (one, deterministically), or None."""
    values = props.get(pred)
    return min(values, key=lambda t: t["value"]) if values else None


def _date_of(props: dict[str, list[dict[str, str]]]) -> dict[str, str] | None:
    """A fact's date: the earliest literal typed as a date (whatever property holds it)."""
    dates = [t for ts in props.values() for t in ts if t.get("datatype") in _DATE_TYPES]
    return min(dates, key=lambda t: t["value"]) if dates else None


def _fact_order(r: Row) -> tuple[str, str, int, int, str]:
    return (
        _value(r, "pub") or "9999",
        _value(r, "doc"),
        _int(r, "sidx") or 0,
        _int(r, "es") or 0,
        _value(r, "f"),
    )


def _modality(value: str) -> str:
    """A modality's name from its individual (``kg:Planned``) or a plain literal.

    >>> _modality("https://w3id.org/kg-builder/ontology#Planned"), _modality("negated")
    ('planned', 'negated')
    """
    return (local_name(value) if value.startswith("http") else value).lower()


def _fact_detail(r: Row) -> dict[str, Any]:
    """A fact's sentence split around its evidence, its modality, date and document."""
    text, sstart = _value(r, "stext"), _int(r, "sstart") or 0
    es, ee = _int(r, "es"), _int(r, "ee")
    before, evidence, after = text, "", ""
    if es is not None and ee is not None and 0 <= es - sstart <= ee - sstart <= len(text):
        a, b = es - sstart, ee - sstart
        before, evidence, after = text[:a], text[a:b], text[b:]
    modality = _value(r, "modality")
    return {
        "sentence": {"before": before, "evidence": evidence, "after": after},
        "sentenceIndex": _int(r, "sidx"),
        "negated": _value(r, "neg").lower() in ("true", "1"),
        # kg:Planned -> "planned"; a plain assertion is the default and not shown
        "modality": "" if _modality(modality) == "asserted" else _modality(modality),
        "date": _value(r, "date"),
        "confidence": _value(r, "conf"),
        "document": {
            "iri": _value(r, "doc"),
            "headline": _value(r, "headline"),
            "outlet": _value(r, "outlet"),
            "date": _value(r, "pub"),
            "url": _value(r, "url") if _IRI.fullmatch(_value(r, "url")) else "",
        },
    }


def timeline(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entity's events in time: facts whose other end is an Event (all its facts when
    there is none), dated by the fact's date, else the document's; undated ones after
    the dated, in document order.

    >>> f = {"otherClass": "Event", "date": "", "document": {"date": "2024-05-01", "iri": "d"}, "sentenceIndex": 1}
    >>> [t["date"] for t in timeline([f, {**f, "date": "2023-01-02"}])]
    ['2023-01-02', '2024-05-01']
    """
    events = [f for f in facts if f.get("otherClass") == "Event"] or facts
    items = []
    for order, f in enumerate(events):
        date = f.get("date") or f["document"].get("date") or ""
        items.append((date == "", date, order, {**f, "date": date, "dated": bool(date)}))
    items.sort(key=lambda t: t[:3])
    return [t[3] for t in items]
