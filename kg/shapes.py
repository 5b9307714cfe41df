"""SHACL validation of output graphs against ``ontology/shapes.ttl``."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Dataset, Graph

from .ontology import ontology_graph, resource


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes as an rdflib Graph (parsed once)."""
    g = Graph()
    g.parse(data=resource("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def validate(graph: Graph | Dataset) -> tuple[bool, str]:
    """Check a graph against the shapes, with the ontology mixed in.

    A Dataset is validated as the union of its graphs. Warnings (thin but valid data)
    are reported without failing.

    >>> from rdflib import URIRef, Literal
    >>> from rdflib.namespace import RDF, RDFS
    >>> from kg.vocab import KG
    >>> g = Graph()
    >>> _ = g.add((URIRef("http://x/e"), RDF.type, KG.Person))
    >>> validate(g)[0]
    False
    >>> _ = g.add((URIRef("http://x/e"), RDFS.label, Literal("Rex", lang="en")))
    >>> validate(g)[0]
    True
    """
    import pyshacl  # heavy: loaded only when validating

    data = _union(graph) if isinstance(graph, Dataset) else graph
    conforms, _, text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        allow_warnings=True,
    )
    return bool(conforms), str(text)


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for ctx in ds.graphs():
        g += ctx
    return g
