"""Several linkers in order: a mention keeps the first linker's link, and a later linker
sees only the mentions of entities that no earlier linker linked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Extraction, Link
from .base import Linker


class ChainLinker:
    """Run linkers in order; the first link of a mention wins.

    >>> from kg.model import AnalysedDoc, Document, Mention
    >>> ms = tuple(Mention(f"m{i}", 0, 0, 1, n, "City", f"e{i}") for i, n in enumerate("ab"))
    >>> ex = Extraction(AnalysedDoc(Document("d", "ab"), (), "x"), ms, (), ())
    >>> class Fixed:
    ...     def __init__(self, name, links): self.name, self.links = name, links
    ...     def __call__(self, ex): return tuple(
    ...         Link(m.id, self.links[m.id], 1.0, self.name) for m in ex.mentions if m.id in self.links)
    >>> chain = ChainLinker([Fixed("one", {"m1": "Q1"}), Fixed("two", {"m0": "Q2", "m1": "Q3"})])
    >>> chain.name, [(lk.mention, lk.qid, lk.linker) for lk in chain(ex)]
    ('one+two', [('m0', 'Q2', 'two'), ('m1', 'Q1', 'one')])
    """

    def __init__(self, linkers: Sequence[Linker]) -> None:
        self.linkers = list(linkers)
        self.name = "+".join(lk.name for lk in self.linkers)

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        found: dict[str, Link] = {}
        entity_of = {m.id: m.entity for m in extraction.mentions}
        rest = extraction
        for linker in self.linkers:
            if not rest.mentions:
                break
            for link in linker(rest):
                found.setdefault(link.mention, link)
            linked = {entity_of.get(m) for m in found}
            rest = replace(rest, mentions=tuple(m for m in rest.mentions if m.entity not in linked))
        return tuple(
            sorted(
                found.values(),
                key=lambda lk: int(lk.mention[1:]) if lk.mention[1:].isdigit() else 0,
            )
        )
