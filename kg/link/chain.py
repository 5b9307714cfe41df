"""Several linkers in order: a mention keeps the first linker's link, and a later linker
sees only the mentions of entities that no earlier linker linked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Extraction, Link
from . import Linker


class ChainLinker:
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
