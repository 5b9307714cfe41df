"""Link stage: mentions -> Links to Wikidata items.

A linker is a callable ``link(extraction) -> tuple[Link, ...]`` giving at most one
Link per mention. Precision comes first: no link is better than a wrong link, so a
linker abstains below its score threshold. Built-in linkers are registered below
(``gazetteer`` offline; ``wikidata`` online); others join through the ``kg.linkers``
entry point group.
"""

from __future__ import annotations

from typing import Any, Protocol

from ..model import Extraction, Link
from ..registry import Registry


class Linker(Protocol):
    name: str

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]: ...


LINKERS = Registry(
    "linker",
    {
        "gazetteer": "kg.link.gazetteer:GazetteerLinker",
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
