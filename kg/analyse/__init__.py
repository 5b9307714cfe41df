"""Analyse stage: Document -> AnalysedDoc (sentences of UD tokens plus entity spans).

Every analyser emits Universal Dependencies trees, so one extractor serves them all.

An analyser subclasses :class:`Analyser`: it says its ``name`` (recorded in each fact's
provenance), the ``formats`` and ``languages`` it takes, and implements ``analyse``.
What else the pipeline may ask of it has a default there, overridden where it differs:
``analyse_many`` (with ``batches = True`` for analysers that do many documents at once
better than one at a time: stanza), ``require`` (fail before reading a corpus when the
analyser cannot run at all) and ``choose`` (the analyser that does a document: itself,
except for ``auto``).

Built-in analysers are registered by name below and imported only when used; other
packages add theirs through the ``kg.analysers`` entry point group.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from ..errors import ModelsMissingError, PluginError, StageRequirementError
from ..model import AnalysedDoc, Document
from ..registry import Registry

log = logging.getLogger(__name__)


class Analyser(ABC):
    """The analyser interface: what the pipeline may ask of any analyser, with defaults."""

    name: str
    formats: frozenset[str]  # the Document.format values it takes ("text", "conllu")
    languages: frozenset[str] | None  # the languages it analyses, None for any
    #: Whether ``analyse_many`` does better than one document at a time; the pipeline
    #: then hands it documents in batches.
    batches: ClassVar[bool] = False

    @abstractmethod
    def analyse(self, doc: Document) -> AnalysedDoc:
        """One document."""

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[AnalysedDoc]:
        """Several documents, in order (by default one at a time)."""
        for doc in docs:
            yield self.analyse(doc)

    def require(self, lang: str | None = None) -> None:
        """Raise a KGError that says what is missing when this analyser cannot run at all
        for ``lang`` (or, with none given, for any language); by default it always can."""
        return None

    def choose(self, doc: Document) -> Analyser:
        """The analyser that does ``doc``: this one (``auto`` picks one per document)."""
        return self


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
    analyser = ANALYSERS.load(name)(**options)
    if not isinstance(analyser, Analyser):
        raise PluginError(
            f"the analyser {name!r} is a {type(analyser).__name__}, which does not subclass "
            "kg.analyse.Analyser"
        )
    return analyser


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


class AutoAnalyser(Analyser):
    """Chooses per document: CoNLL-U -> ``conllu``; stanza when its models for the
    document's language are on disk (its ``require`` passes); ``rules`` otherwise. Logs
    each choice once per language."""

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
            name = "stanza" if self._stanza_can(doc.lang) else "rules"
            self._chosen[doc.lang] = name
            log.info("analyser for %r documents: %s", doc.lang, name)
        return self._get(name)

    def _stanza_can(self, lang: str) -> bool:
        """Whether stanza's models for ``lang`` are on disk (files only: no torch)."""
        if not lang:
            return False
        try:
            self._get("stanza").require(lang)
        except (ImportError, ModelsMissingError):  # stanza not installed, or no models
            return False
        return True

    def analyse(self, doc: Document) -> AnalysedDoc:
        return self.choose(doc).analyse(doc)
