"""A graph read once into dictionaries, for code that asks the same few questions of every
node: the network projection asks about a dozen per entity and per fact.

rdflib's in-memory store answers each triple pattern through generators and a context
check per triple; asked one pattern at a time for every node of a 4,000-entity graph, the
projection spent most of its time there. Reading every triple once and grouping them by
predicate answers the same questions from plain dictionaries.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rdflib import Graph
from rdflib.term import Node


class TripleIndex:
    """The triples of ``graph`` by predicate, read in one pass; a predicate's per-subject
    table is made the first time it is asked for.

    :meth:`objects` gives the objects :meth:`rdflib.Graph.objects` gives, in an order of
    its own (callers that care sort them); :meth:`value` gives exactly what
    :meth:`rdflib.Graph.value` gives, asking the graph itself in the rare case of a
    subject with several values, where the graph's own order decides.

    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import RDFS
    >>> a, b = URIRef("http://x/a"), URIRef("http://x/b")
    >>> g = Graph()
    >>> _ = g.add((a, RDFS.label, Literal("A"))).add((a, RDFS.seeAlso, b))
    >>> ix = TripleIndex(g)
    >>> str(ix.value(a, RDFS.label)), ix.value(b, RDFS.label), ix.objects(a, RDFS.seeAlso) == [b]
    ('A', None, True)
    >>> sorted(str(p) for p in ix.predicates())
    ['http://www.w3.org/2000/01/rdf-schema#label', 'http://www.w3.org/2000/01/rdf-schema#seeAlso']
    >>> ix.pairs(RDFS.seeAlso) == [(a, b)], ix.subjects_with(RDFS.label) == {a}
    (True, True)
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        by_predicate: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        for s, p, o in graph:
            by_predicate[p].append((s, o))
        self._pairs = dict(by_predicate)
        self._tables: dict[Node, dict[Node, list[Node]]] = {}

    def predicates(self) -> set[Node]:
        """Every predicate of the graph."""
        return set(self._pairs)

    def pairs(self, predicate: Node) -> list[tuple[Node, Node]]:
        """``(subject, object)`` of every triple with ``predicate``."""
        return self._pairs.get(predicate, [])

    def subjects_with(self, predicate: Node) -> set[Node]:
        """The subjects that have ``predicate``."""
        return set(self._table(predicate))

    def objects(self, subject: Any, predicate: Node) -> list[Node]:
        """The objects of ``subject predicate ?o`` (do not change the list)."""
        return self._table(predicate).get(subject, [])

    def value(self, subject: Any, predicate: Node) -> Node | None:
        """``Graph.value(subject, predicate)``: its object, or None."""
        objects = self.objects(subject, predicate)
        if len(objects) > 1:  # which one is the graph's order: ask the graph
            chosen: Node | None = self.graph.value(subject, predicate)
            return chosen
        return objects[0] if objects else None

    def _table(self, predicate: Node) -> dict[Node, list[Node]]:
        table = self._tables.get(predicate)
        if table is None:
            grouped: dict[Node, list[Node]] = defaultdict(list)
            for s, o in self.pairs(predicate):
                grouped[s].append(o)
            table = self._tables[predicate] = dict(grouped)
        return table
