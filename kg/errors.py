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
