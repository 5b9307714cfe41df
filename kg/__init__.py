"""kg-builder: a knowledge-graph builder for news text, Arabic first.

Five lines to a graph::

    >>> import kg
    >>> g = kg.build(texts=["استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('قمة', 'location', 'باريس'), ('إيمانويل ماكرون', 'hosted', 'قمة'), ('إيمانويل ماكرون', 'holdsPosition', 'الرئيس الفرنسي'), ('إيمانويل ماكرون', 'leaderOf', 'فرنسا')]

``import kg`` is light: the pipeline, rdflib, stanza and the HTTP client load only when
used (``kg.build`` and ``kg.load`` import what they need).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["build", "load", "KnowledgeGraph", "Fact", "EntityInfo", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import EntityInfo, Fact, KnowledgeGraph, build, load


def __getattr__(name: str) -> Any:
    if name in ("build", "load", "KnowledgeGraph", "Fact", "EntityInfo"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
