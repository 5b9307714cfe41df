"""Analyse stage: Document -> AnalysedDoc (sentences of UD tokens plus entity spans).

Every analyser emits Universal Dependencies trees, so one extractor serves them all.

An analyser is any object with

``name``
    recorded in each fact's provenance;
``formats``
    the ``Document.format`` values it accepts (``{"text"}``, ``{"conllu"}``);
``languages``
    the languages it can analyse, or ``None`` for any;
``analyse(doc) -> AnalysedDoc``
    one document;
``analyse_many(docs) -> Iterator[AnalysedDoc]``
    optional, for analysers that batch (stanza).

Built-in analysers are registered by name below and imported only when used; other
packages add theirs through the ``kg.analysers`` entry point group.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, runtime_checkable

from ..errors import StageRequirementError
from ..model import AnalysedDoc, Document
from ..registry import Registry

log = logging.getLogger(__name__)


@runtime_checkable
class Analyser(Protocol):
    name: str
    formats: frozenset[str]
    languages: frozenset[str] | None

    def analyse(self, doc: Document) -> AnalysedDoc: ...


ANALYSERS = Registry(
    "analyser",
    {
        "rules": "kg.analyse.rules:RulesAnalyser",
        "conllu": "kg.analyse.conllu:ConlluAnalyser",
        "stanza": "kg.analyse.stanza:StanzaAnalyser",
    },
    group="kg.analysers",
)


def get_analyser(name: str, **options: Any) -> Analyser:
    """Build the analyser registered as ``name``; unknown names list the available ones.

    >>> get_analyser("rules").name
    'rules'
    >>> get_analyser("spacy")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown analyser 'spacy'. Available: conllu, rules, stanza
    """
    cls = ANALYSERS.load(name)
    return cls(**options)  # type: ignore[no-any-return]


def check(analyser: Analyser, doc: Document) -> None:
    """Raise StageRequirementError if ``analyser`` cannot take ``doc``; says what is missing."""
    if doc.format not in analyser.formats:
        raise StageRequirementError(
            f"{doc.source}: the {analyser.name!r} analyser reads {sorted(analyser.formats)} "
            f"documents, this one is {doc.format!r}"
            + (" (use --analyser conllu or auto)" if doc.format == "conllu" else "")
        )
    if analyser.languages is not None and doc.lang not in analyser.languages:
        raise StageRequirementError(
            f"{doc.source}: the {analyser.name!r} analyser handles {sorted(analyser.languages)}, "
            f"this document is {doc.lang!r}"
        )


class AutoAnalyser:
    """Chooses per document: CoNLL-U -> ``conllu``; stanza when its models for the
    document's language are on disk; ``rules`` otherwise. Logs each choice once per
    language."""

    name = "auto"
    formats = frozenset({"text", "conllu"})
    languages: frozenset[str] | None = None

    def __init__(self, **stanza_options: Any) -> None:
        self._stanza_options = stanza_options
        self._built: dict[str, Analyser] = {}
        self._chosen: dict[str, str] = {}

    def _get(self, name: str) -> Analyser:
        if name not in self._built:
            opts = self._stanza_options if name == "stanza" else {}
            self._built[name] = get_analyser(name, **opts)
        return self._built[name]

    def choose(self, doc: Document) -> Analyser:
        if doc.format == "conllu":
            return self._get("conllu")
        name = self._chosen.get(doc.lang)
        if name is None:
            name = "rules"
            try:
                from .stanza import models_available

                if models_available(doc.lang, self._stanza_options.get("model_dir")):
                    name = "stanza"
            except ImportError:  # stanza not installed
                pass
            self._chosen[doc.lang] = name
            log.info("analyser for %r documents: %s", doc.lang, name)
        return self._get(name)

    def analyse(self, doc: Document) -> AnalysedDoc:
        return self.choose(doc).analyse(doc)


def analyse_all(analyser: Analyser, docs: Iterable[Document]) -> Iterator[AnalysedDoc]:
    """Analyse documents in order, batching where the analyser supports it."""
    many = getattr(analyser, "analyse_many", None)
    if many is not None:
        yield from many(docs)
    else:
        for d in docs:
            yield analyser.analyse(d)
