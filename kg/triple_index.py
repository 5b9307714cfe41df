"""A graph read once into dictionaries, for code that asks the same few questions of every
node: the network projection asks about a dozen per entity and per fact.

rdflib's in-memory store answers each triple pattern through generators and a context
check per triple; asked one pattern at a time for every node of a 4,000-entity graph, the
projection spent most of its time there. Reading every triple once and grouping them by
predicate answers the same questions from plain dictionaries.
"""

from __future__ import annotations

from typing import Any

from rdflib import Graph
from rdflib.term import Node


class TripleIndex:
    """The triples of ``graph`` read in one pass into a table per predicate: subject ->
    objects.

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
        tables: dict[Node, dict[Node, list[Node]]] = {}
        for s, p, o in graph:
            table = tables.get(p)
            if table is None:
                table = tables[p] = {}
            objects = table.get(s)
            if objects is None:
                table[s] = [o]
            else:
                objects.append(o)
        self._tables = tables

    def predicates(self) -> set[Node]:
        """Every predicate of the graph."""
        return set(self._tables)

    def pairs(self, predicate: Node) -> list[tuple[Node, Node]]:
        """``(subject, object)`` of every triple with ``predicate``."""
        return [(s, o) for s, objects in self.table(predicate).items() for o in objects]

    def subjects_with(self, predicate: Node) -> set[Node]:
        """The subjects that have ``predicate``."""
        return set(self.table(predicate))

    def objects(self, subject: Any, predicate: Node) -> list[Node]:
        """The objects of ``subject predicate ?o`` (do not change the list)."""
        return self.table(predicate).get(subject, _NONE)

    def value(self, subject: Any, predicate: Node) -> Node | None:
        """``Graph.value(subject, predicate)``: its object, or None."""
        objects = self.objects(subject, predicate)
        if len(objects) > 1:  # which one is the graph's order: ask the graph
            chosen: Node | None = self.graph.value(subject, predicate)
            return chosen
        return objects[0] if objects else None

    def table(self, predicate: Node) -> dict[Node, list[Node]]:
        """Subject -> its objects, of ``predicate`` (do not change it)."""
        return self._tables.get(predicate, _EMPTY)


_NONE: list[Node] = []
_EMPTY: dict[Node, list[Node]] = {}
