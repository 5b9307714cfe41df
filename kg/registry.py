"""Plug-in tables: a name maps to ``"module:attribute"``, imported only when used.

Outside packages add plug-ins through entry points (group ``kg.analysers``,
``kg.linkers``, ...), the way oxrdflib adds a store to rdflib.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

from .errors import UnknownNameError


class Registry:
    """A named table of lazily imported plug-ins.

    >>> r = Registry("widget", {"json": "json:dumps"})
    >>> r.load("json")({"a": 1})
    '{"a": 1}'
    >>> r.load("yaml")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown widget 'yaml'. Available: json
    """

    def __init__(self, kind: str, builtin: dict[str, str], group: str | None = None) -> None:
        self.kind = kind
        self._table = dict(builtin)
        self._group = group
        self._scanned = group is None

    def register(self, name: str, target: str) -> None:
        self._table[name] = target

    def _scan(self) -> None:
        if self._scanned:
            return
        self._scanned = True
        # imported here: importlib.metadata is a third of what importing kg.link costs
        from importlib.metadata import entry_points

        for ep in entry_points(group=self._group or ""):
            self._table.setdefault(ep.name, ep.value)

    def names(self) -> list[str]:
        self._scan()
        return sorted(self._table)

    def __contains__(self, name: object) -> bool:
        self._scan()
        return name in self._table

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def load(self, name: str) -> Any:
        if name not in self._table:  # a built-in wins over an entry point: no scan needed
            self._scan()
        try:
            target = self._table[name]
        except KeyError:
            raise UnknownNameError(self.kind, name, self.names()) from None
        module, _, attr = target.partition(":")
        obj: Any = importlib.import_module(module)
        for part in attr.split(".") if attr else ():
            obj = getattr(obj, part)
        return obj
