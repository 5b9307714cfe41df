"""Typed errors whose messages say what to do next."""

from __future__ import annotations

from collections.abc import Sequence


class KGError(Exception):
    """Base class of the errors this package raises on purpose."""


class UnknownNameError(KGError, KeyError):
    """A plug-in, format, query or entity name that does not exist; lists those that do.

    >>> str(UnknownNameError("analyser", "spacy", ["rules", "stanza"]))
    "unknown analyser 'spacy'. Available: rules, stanza"
    >>> isinstance(UnknownNameError("query", "x", []), KeyError)
    True
    """

    def __init__(self, kind: str, name: str, available: Sequence[str]) -> None:
        self.kind, self.name, self.available = kind, name, list(available)
        shown = ", ".join(self.available) if self.available else "(none)"
        super().__init__(f"unknown {kind} {name!r}. Available: {shown}")

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0])


class InputError(KGError):
    """An input that cannot be read; the message names the file and the reason.

    >>> e = InputError("news.txt", "not UTF-8")
    >>> str(e), e.source, e.reason
    ('news.txt: not UTF-8', 'news.txt', 'not UTF-8')
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


class StageRequirementError(KGError):
    """A stage cannot run with what the previous stages provide."""


class ModelsMissingError(KGError):
    """A neural analyser's models are not on disk."""


class PluginError(KGError, TypeError):
    """A registered plug-in that does not implement its stage's interface."""


class GraphError(KGError, ValueError):
    """Data the graph stage cannot write, with what is wrong. A ValueError too: callers
    that skip one bad document and go on with the others catch ValueError, which covers
    rdflib's and Oxigraph's complaints about bad terms as well."""


class DuplicateDocumentError(GraphError):
    """Two documents of one build with one id: they would share a named graph."""


class DocumentCollisionError(GraphError):
    """A document whose id a store already holds for a document read from another file
    (ids are paths relative to the folder given to ``kg build``)."""


class InvalidExtractionError(GraphError):
    """An extraction the graph stage cannot write: a link without a valid QID, an entity
    of no ontology class, a fact whose evidence lies outside the text or whose end is an
    entity the extraction does not define, a relation id the ontology does not have."""


class TallyError(GraphError):
    """Votes on a shared entity that do not add up: a count below zero, a description
    asked of no votes (a store whose votes were damaged, or a bug)."""


class SkippedDocumentWarning(UserWarning):
    """``kg.build`` left one document out (it could not be read, analysed or written to
    the graph); the others are in the graph. ``source`` names it, ``reason`` says why.

    >>> w = SkippedDocumentWarning("<text-2>", "InvalidExtractionError: unknown relation id '-'")
    >>> str(w), w.source
    ("<text-2>: InvalidExtractionError: unknown relation id '-'", '<text-2>')
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")
