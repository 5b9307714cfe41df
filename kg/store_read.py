"""Reading a store back: SPARQL over it (the dataset the query names, else the union of the
documents' graphs), its quads as rdflib terms, and exports to files.

>>> names_dataset("SELECT * FROM <urn:x> WHERE { ?s ?p ?o }"), names_dataset("SELECT ?from WHERE { ?from ?p ?o }")
(True, False)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Node

from .atomic import atomic_paths
from .errors import InputError, UnknownNameError
from .formats import FORMATS, Format, Kind, Use
from .store_files import (
    _ox,
    reading,
)
from .vocab import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph as ox


def to_rdflib(t: Any) -> Node:
    """A pyoxigraph term as an rdflib term.

    >>> import pyoxigraph as ox
    >>> from rdflib.namespace import XSD
    >>> to_rdflib(ox.Literal("1", datatype=ox.NamedNode(str(XSD.integer)))).toPython()
    1
    """
    ox = _ox()
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value) if dt == str(XSD.string) else Literal(t.value, datatype=URIRef(dt))
    return Literal(str(t))  # an RDF-star triple term: shown, not interpreted


def _prefixes() -> dict[str, str]:
    return {p: str(ns) for p, ns in PREFIXES.items()} | {"dcterms": "http://purl.org/dc/terms/"}


def query(store: ox.Store, sparql: str) -> Result:
    """Run SPARQL over a store; the default graph is the union of all graphs, as for files,
    unless the query names its dataset (``FROM``, ``FROM NAMED``): then that is honoured.

    The result is an rdflib ``Result``, so ``kg.query.format_result`` prints it like a
    result over a file. The prefixes of ``kg.vocab.PREFIXES`` are predeclared.

    >>> import pyoxigraph as ox
    >>> from rdflib.namespace import RDF
    >>> from kg.vocab import KG
    >>> st = ox.Store()
    >>> st.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Person)), ox.NamedNode("http://x/g")))
    >>> [str(r.s) for r in query(st, "SELECT ?s WHERE { ?s a kg:Person }")]
    ['http://x/a']
    >>> query(st, "ASK { GRAPH ?g { ?s a kg:Event } }").askAnswer
    False
    """
    ox = _ox()
    try:
        answer = store.query(
            sparql, prefixes=_prefixes(), use_default_graph_as_union=not names_dataset(sparql)
        )
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
        elif isinstance(answer, ox.QuerySolutions):
            result = Result("SELECT")
            names = [v.value for v in answer.variables]
            result.vars = [Variable(n) for n in names]
            result.bindings = [
                {Variable(n): cast(Any, to_rdflib(sol[n])) for n in names if sol[n] is not None}
                for sol in answer
            ]
        else:
            result = Result("CONSTRUCT")
            g = Graph()
            for t in cast(Any, answer):
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            result.graph = g
    except SyntaxError as e:
        raise InputError("SPARQL query", str(e).strip()) from None
    return result


# Strings and comments, where FROM means nothing (IRIs are kept: FROM<g> is a dataset clause).
_STRINGS_AND_COMMENTS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*"
)


# FROM as a keyword: not part of a name (ex:FROM, ?from, "x"@from, from:x) and followed
# by white space or an IRI (FROM <g>, FROM NAMED <g>, FROM ex:g).
_FROM = re.compile(r"(?<![\w:?$.@\\-])FROM(?=[\s<])", re.IGNORECASE)


def names_dataset(sparql: str) -> bool:
    """Whether a query names its dataset with ``FROM`` or ``FROM NAMED``.

    >>> names_dataset("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }")
    True
    >>> names_dataset("ASK FROM NAMED<urn:g> { GRAPH ?g { ?s ?p ?o } }")
    True
    >>> names_dataset('SELECT ?from WHERE { ?from ex:FROM "FROM <x>" } # FROM <y>')
    False
    """
    text = _STRINGS_AND_COMMENTS.sub(lambda m: "<>" if m.group().startswith("<") else " ", sparql)
    return bool(_FROM.search(text))


def quads(store: ox.Store) -> Iterator[tuple[Node, Node, Node, Node]]:
    """Every quad of a store as rdflib terms (subject, predicate, object, graph)."""
    for q in store:
        g = q.graph_name
        yield (
            to_rdflib(q.subject),
            to_rdflib(q.predicate),
            to_rdflib(q.object),
            (
                to_rdflib(g)
                if not isinstance(g, _ox().DefaultGraph)
                else URIRef("urn:x-rdflib:default")
            ),
        )


def to_dataset(path: str | os.PathLike[str]) -> Dataset:
    """A store as an rdflib Dataset whose default graph is the union (for validate, stats, view)."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    with reading(path) as store:
        for s, p, o, g in quads(store):
            ctx = DATASET_DEFAULT_GRAPH_ID if str(g) == "urn:x-rdflib:default" else g
            ds.add((s, p, o, ctx))  # type: ignore[arg-type]
    return ds


def export(path: str | os.PathLike[str], fmt: Format, out: str | os.PathLike[str]) -> Path:
    """Write a store in an RDF format Oxigraph writes (``fmt.oxigraph``), streaming: a
    format of triples (Turtle) holds the union of its graphs; one of datasets (TriG,
    N-Quads, JSON-LD) keeps them apart.

    The file is replaced atomically.
    """
    if fmt.kind != Kind.RDF or fmt.oxigraph is None:
        able = [f.name for f in FORMATS.having(Use.EXPORT, Kind.RDF) if f.oxigraph is not None]
        raise UnknownNameError("store export format", fmt.name, able)
    ox = _ox()
    rdf_format = getattr(ox.RdfFormat, fmt.oxigraph)
    target = Path(out)
    with reading(path) as store, atomic_paths([target]) as (tmp,):
        if rdf_format.supports_datasets:
            store.dump(str(tmp), rdf_format, prefixes=_prefixes())  # N-Quads ignores prefixes
        else:
            triples = store.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
            )
            ox.serialize(triples, str(tmp), rdf_format, prefixes=_prefixes())
    return target
