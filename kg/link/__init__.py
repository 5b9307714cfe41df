"""Link stage: mentions -> Links to Wikidata items.

A linker is a callable ``link(extraction) -> tuple[Link, ...]`` giving at most one
Link per mention. Precision comes first: no link is better than a wrong link, so a
linker abstains below its score threshold. Built-in linkers are registered below
(``gazetteer`` offline; ``wikidata`` online, with a cache); others join through the
``kg.linkers`` entry point group. ``a+b`` chains linkers: ``b`` sees only the mentions
of entities ``a`` left unlinked (``gazetteer+wikidata`` asks Wikidata only about what
the gazetteer does not settle).

A linker receives the whole Extraction (mentions with offsets, the document text, the
entities) so that it can read context; it returns Links for mentions, and the graph
stage gives each entity the QID of its best link (``kg.graph.choose_link``).
"""

from __future__ import annotations

from typing import Any

from ..registry import Registry
from .base import Linker

__all__ = ["LINKERS", "Linker", "get_linker"]


LINKERS = Registry(
    "linker",
    {
        "gazetteer": "kg.link.gazetteer:GazetteerLinker",
        "wikidata": "kg.link.wikidata:WikidataLinker",
        "none": "kg.link.gazetteer:NoLinker",
    },
    group="kg.linkers",
)


def get_linker(name: str = "gazetteer", **options: Any) -> Linker:
    """Build the linker registered as ``name`` (``a+b`` chains linkers, first wins).

    >>> get_linker("gazetteer").name
    'gazetteer'
    """
    if "+" in name:
        from .chain import ChainLinker

        return ChainLinker([get_linker(n, **options) for n in name.split("+")])
    return LINKERS.load(name)(**options)  # type: ignore[no-any-return]
