"""The identity of events in an Oxigraph store: the graph ``{base}events`` made again
from the event nodes of every document (``kg.events``).

A store grows one document at a time, so the corpus events are settled after a batch of
documents (the end of ``kg build --store``), not after each one: one pass over the event
nodes of the store, then one update that replaces the graph.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, cast

from rdflib.term import Node

from .events import PARTY_RELATIONS, doc_date, events_graph, identity_triples, signatures
from .store_read import to_rdflib
from .vocab import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph as ox

_QUADS = """
SELECT ?g ?s ?p ?o WHERE {{
  GRAPH ?g {{ ?g a kg:Document . ?s ?p ?o . FILTER(?p IN (rdfs:label, kg:location, kg:mentionedIn, kg:startDate, kg:endDate, {parties})) }}
  FILTER(STRSTARTS(STR(?s), CONCAT(STR(?g), "/event/")) || STRSTARTS(STR(?o), CONCAT(STR(?g), "/event/")))
}}
"""
_DATES = "SELECT ?g ?d WHERE { GRAPH ?g { ?g a kg:Document ; schema:datePublished ?d } }"


def settle_events(store: ox.Store, base: str) -> int:
    """Replace the store's events graph; the number of corpus events it now holds.

    >>> import pyoxigraph as ox
    >>> settle_events(ox.Store(), "http://x/")
    0
    """
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    parties = ", ".join(f"kg:{r}" for r in sorted(PARTY_RELATIONS))
    by_doc: dict[str, list[tuple[Node, Node, Node]]] = defaultdict(list)
    for sol in cast(Any, store.query(_QUADS.format(parties=parties), prefixes=prefixes)):
        by_doc[sol["g"].value].append(
            (to_rdflib(sol["s"]), to_rdflib(sol["p"]), to_rdflib(sol["o"]))
        )
    dates = {
        sol["g"].value: sol["d"].value for sol in cast(Any, store.query(_DATES, prefixes=prefixes))
    }
    sigs = [
        sig
        for doc, triples in sorted(by_doc.items())
        for sig in signatures(triples, doc, doc_date([("date", dates.get(doc, ""))]))
    ]
    triples = identity_triples(sigs, base)
    graph = f"<{events_graph(base)}>"
    ops = [f"DROP SILENT GRAPH {graph}"]
    if triples:
        body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
        ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    store.update(" ;\n".join(ops))
    return sum(1 for t in triples if str(t[1]).endswith("#type"))
