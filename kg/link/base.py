"""What every linker is: a callable from an Extraction to Links (see :mod:`kg.link`)."""

from __future__ import annotations

from typing import Protocol

from ..model import Extraction, Link


class Linker(Protocol):
    """``link(extraction) -> tuple[Link, ...]``, at most one Link per mention. Any class
    with a ``name`` and that call is one; nothing needs to inherit from this.

    >>> class Silent:
    ...     name = "silent"
    ...     def __call__(self, extraction): return ()
    >>> linker: Linker = Silent()
    >>> linker.name, linker(None)
    ('silent', ())
    """

    name: str

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]: ...
