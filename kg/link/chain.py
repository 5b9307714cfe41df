"""Several linkers in order: a mention keeps the first linker's link."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Extraction, Link
from . import Linker


class ChainLinker:
    def __init__(self, linkers: Sequence[Linker]) -> None:
        self.linkers = list(linkers)
        self.name = "+".join(lk.name for lk in self.linkers)

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        found: dict[str, Link] = {}
        for linker in self.linkers:
            for link in linker(extraction):
                found.setdefault(link.mention, link)
        return tuple(sorted(found.values(), key=lambda lk: int(lk.mention[1:]) if lk.mention[1:].isdigit() else 0))
