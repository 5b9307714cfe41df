"""Extract stage: AnalysedDoc -> Extraction (mentions, entities, facts).

One extractor reads the UD trees of every analyser (``ud``: its driver is
``kg/extract/ud.py``, one module of this package per step); its relation lexicon is data
(``kg/data/relations_*.tsv``, read by ``kg.lexicon.relations``). Other extractors
register in the ``kg.extractors`` entry point group.
"""

from __future__ import annotations

from typing import Protocol

from ..model import AnalysedDoc, Extraction
from ..registry import Registry


class Extractor(Protocol):
    def __call__(self, analysed: AnalysedDoc) -> Extraction: ...


EXTRACTORS = Registry("extractor", {"ud": "kg.extract.ud:extract"}, group="kg.extractors")


def get_extractor(name: str = "ud") -> Extractor:
    """The extractor registered as ``name``.

    >>> get_extractor("ud").__name__
    'extract'
    """
    return EXTRACTORS.load(name)  # type: ignore[no-any-return]
