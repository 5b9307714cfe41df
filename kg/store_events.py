"""The identity of events in an Oxigraph store: the graph ``{base}events`` of the events
several documents report (``kg.events``).

``settle_events`` makes the whole graph again from the event nodes of every document.
``EventIndex`` keeps it right as documents arrive: a writer holds the signatures of the
store's event nodes, and after each document is put or removed it groups again only the
reports that the change can touch (those linked to the document's old or new reports
through reports of one event), then replaces their corpus events in one update. Groups
are made per set of linked reports (:func:`kg.events.clusters` never joins across them),
so the graph is the one ``settle_events`` would make.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from rdflib.term import Node

from .events import (
    PARTY_RELATIONS,
    EventSig,
    doc_date,
    events_graph,
    identity_triples,
    same_event,
    signatures,
)
from .store_read import to_rdflib
from .vocab import KG, PREFIXES

if TYPE_CHECKING:
    import pyoxigraph as ox

_QUADS = """
SELECT ?g ?s ?p ?o WHERE {{
  GRAPH ?g {{ ?g a kg:Document . ?s ?p ?o . FILTER(?p IN (rdfs:label, kg:location, kg:mentionedIn, kg:startDate, kg:endDate, {parties})) }}
  FILTER(STRSTARTS(STR(?s), CONCAT(STR(?g), "/event/")) || STRSTARTS(STR(?o), CONCAT(STR(?g), "/event/")))
}}
"""
_DATES = "SELECT ?g ?d WHERE { GRAPH ?g { ?g a kg:Document ; schema:datePublished ?d } }"


def _signatures(store: ox.Store, doc: str | None = None) -> dict[str, list[EventSig]]:
    """The event signatures of every document of the store (or of one), by document."""
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    parties = ", ".join(f"kg:{r}" for r in sorted(PARTY_RELATIONS))
    query = _QUADS.format(parties=parties)
    dates_query = _DATES
    if doc is not None:
        only = f"VALUES ?g {{ <{doc}> }}"
        query = query.replace("SELECT ?g ?s ?p ?o WHERE {", "SELECT ?g ?s ?p ?o WHERE { " + only)
        dates_query = dates_query.replace("WHERE {", "WHERE { " + only)
    by_doc: dict[str, list[tuple[Node, Node, Node]]] = defaultdict(list)
    for sol in cast(Any, store.query(query, prefixes=prefixes)):
        by_doc[sol["g"].value].append(
            (to_rdflib(sol["s"]), to_rdflib(sol["p"]), to_rdflib(sol["o"]))
        )
    dates = {
        sol["g"].value: sol["d"].value
        for sol in cast(Any, store.query(dates_query, prefixes=prefixes))
    }
    return {
        d: signatures(triples, d, doc_date([("date", dates.get(d, ""))]))
        for d, triples in sorted(by_doc.items())
    }


def settle_events(store: ox.Store, base: str) -> int:
    """Replace the store's events graph; the number of corpus events it now holds.

    >>> import pyoxigraph as ox
    >>> settle_events(ox.Store(), "http://x/")
    0
    """
    sigs = [sig for sigs in _signatures(store).values() for sig in sigs]
    triples = identity_triples(sigs, base)
    graph = f"<{events_graph(base)}>"
    ops = [f"DROP SILENT GRAPH {graph}"]
    if triples:
        ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(triples)}\n}} }}")
    store.update(" ;\n".join(ops))
    return sum(1 for t in triples if str(t[1]).endswith("#type"))


def _ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


class EventIndex:
    """The signatures of a store's event nodes, kept by its writer so that each put or
    remove updates the events graph (``update``) without reading every document again.

    >>> import pyoxigraph as ox
    >>> index = EventIndex(ox.Store(), "http://x/")
    >>> index.update("http://x/doc/d1")
    0
    """

    def __init__(self, store: ox.Store, base: str) -> None:
        self._store = store
        self._base = base
        self._by_doc = _signatures(store)
        self._by_key: dict[tuple[str, str], set[EventSig]] = defaultdict(set)
        for sigs in self._by_doc.values():
            self._index(sigs, add=True)

    def update(self, doc: str) -> int:
        """Bring the events graph up to date after ``doc`` was put or removed: the number
        of corpus events replaced or made."""
        old = self._by_doc.pop(doc, [])
        self._index(old, add=False)
        new = _signatures(self._store, doc).get(doc, [])
        if new:
            self._by_doc[doc] = new
            self._index(new, add=True)
        seeds = set(new) | {n for s in old for n in self._neighbours(s)}
        linked = self._linked(seeds)
        triples = identity_triples(linked, self._base)
        members = sorted({s.iri for s in linked} | {s.iri for s in old})
        if not members:
            return 0
        graph = f"<{events_graph(self._base)}>"
        values = " ".join(f"<{m}>" for m in members)
        ops = [
            f"DELETE {{ GRAPH {graph} {{ ?e ?p ?o }} }} WHERE {{ GRAPH {graph} "
            f"{{ VALUES ?m {{ {values} }} ?e {KG.reportedAs.n3()} ?m . ?e ?p ?o }} }}"
        ]
        if triples:
            ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(triples)}\n}} }}")
        self._store.update(" ;\n".join(ops))
        return sum(1 for t in triples if str(t[1]).endswith("#type"))

    def _index(self, sigs: Iterable[EventSig], add: bool) -> None:
        for s in sigs:
            for key in _keys(s):
                if add:
                    self._by_key[key].add(s)
                else:
                    self._by_key[key].discard(s)

    def _neighbours(self, s: EventSig) -> set[EventSig]:
        """The reports in the store that can be of one event with ``s``."""
        near = {o for key in _keys(s) for o in self._by_key.get(key, ())}
        return {o for o in near if o != s and same_event(s, o)}

    def _linked(self, seeds: set[EventSig]) -> list[EventSig]:
        """Every report linked to the seeds through reports of one event."""
        seen, todo = set(seeds), list(seeds)
        while todo:
            for o in self._neighbours(todo.pop()):
                if o not in seen:
                    seen.add(o)
                    todo.append(o)
        return sorted(seen)


def _keys(s: EventSig) -> list[tuple[str, str]]:
    """What two reports of one event share: a participant, in an event of one kind."""
    return [(s.kind, p) for p in s.participants]
