"""Access to the ontology files (``ontology/`` in the source tree, shipped as ``kg._ontology``)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph


def resource(name: str) -> Traversable:
    """A file of ``ontology/``: ``kg.ttl``, ``shapes.ttl`` or ``queries/NAME.rq``."""
    return files("kg._ontology").joinpath(name)


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The OWL ontology as an rdflib Graph (parsed once)."""
    from rdflib import Graph

    g = Graph()
    g.parse(data=resource("kg.ttl").read_text(encoding="utf-8"), format="turtle")
    return g
