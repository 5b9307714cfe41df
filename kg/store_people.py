"""One person across the documents of an Oxigraph store: the ``owl:sameAs`` links of
:mod:`kg.identity`, kept right as documents are put and removed one at a time.

A ``--out`` build sees every document before it writes, so it joins an unlinked person's
node to the one Wikidata item the linked people of its name's key have
(:func:`kg.identity.same_person_triples`). A store receives documents one at a time, so
its writer keeps each document's named people (:class:`~kg.identity.PersonSig`: IRI,
name key, QID) in the ``people`` table of its SQLite file, and after each put or remove
decides again only the keys the document had or has: the ``owl:sameAs`` triples of those
keys' unlinked nodes in the corpus graph (``{base}events``, where a build writes them
too) are replaced by what the rule gives over every document now in the store. The rule
is the build's, so a store filled document by document holds the same links as a build
of the same documents.

A store written before this table existed has no rows for its documents: they join
nothing until they are put again.

>>> import sqlite3, pyoxigraph as ox
>>> from kg.identity import PersonSig
>>> db, rdf = sqlite3.connect(":memory:"), ox.Store()
>>> db.executescript(SCHEMA) and None
>>> def put(doc, people):
...     old = people_of(db, doc)
...     write_people(db, doc, people)
...     return sync_people(db, rdf, "http://x/", old, people)
>>> put("http://x/doc/a", [PersonSig("http://x/entity/Q1", "k", "Q1")])
0
>>> put("http://x/doc/b", [PersonSig("http://x/Person/k", "k", "")])
1
>>> put("http://x/doc/a", []), len(rdf)
(0, 0)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import OWL

from .events import events_graph
from .identity import PersonSig, same_person_triples

if TYPE_CHECKING:
    import pyoxigraph as ox

SCHEMA = """
CREATE TABLE IF NOT EXISTS people (doc TEXT NOT NULL, iri TEXT NOT NULL, key TEXT NOT NULL, qid TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS people_doc ON people (doc);
CREATE INDEX IF NOT EXISTS people_key ON people (key);
"""


def people_of(db: sqlite3.Connection, doc: str) -> list[PersonSig]:
    """The named people a document of the store has (read before it is replaced)."""
    rows = db.execute("SELECT iri, key, qid FROM people WHERE doc = ?", (doc,))
    return [PersonSig(*r) for r in rows]


def write_people(db: sqlite3.Connection, doc: str, people: Sequence[PersonSig]) -> None:
    """Replace one document's rows (inside the caller's transaction)."""
    db.execute("DELETE FROM people WHERE doc = ?", (doc,))
    db.executemany(
        "INSERT INTO people VALUES (?, ?, ?, ?)", [(doc, p.iri, p.key, p.qid) for p in people]
    )


def sync_people(
    db: sqlite3.Connection,
    rdf: ox.Store,
    base: str,
    old: Sequence[PersonSig],
    new: Sequence[PersonSig],
) -> int:
    """Bring the ``owl:sameAs`` links of the keys a document had (``old``) or has
    (``new``, already written) up to date; the number of those keys' links now there."""
    keys = sorted({p.key for p in old} | {p.key for p in new})
    sigs = _sigs(db, keys)
    unlinked = sorted({s.iri for s in [*sigs, *old] if not s.qid})
    triples = same_person_triples(sigs)
    graph = f"<{events_graph(base)}>"
    ops = []
    if unlinked:
        values = " ".join(f"<{i}>" for i in unlinked)
        ops.append(
            f"DELETE {{ GRAPH {graph} {{ ?s <{OWL.sameAs}> ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
            f"GRAPH {graph} {{ ?s <{OWL.sameAs}> ?o }} }}"
        )
    if triples:
        ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(triples)}\n}} }}")
    if ops:
        rdf.update(" ;\n".join(ops))
    return len(triples)


def settle_people(db: sqlite3.Connection, rdf: ox.Store, base: str) -> int:
    """Write the ``owl:sameAs`` links of every key again (after the corpus graph was made
    anew, :meth:`kg.store.GraphStore.settle_events`); their number."""
    rows = db.execute("SELECT iri, key, qid FROM people").fetchall()
    triples = same_person_triples(PersonSig(*r) for r in rows)
    if triples:
        graph = f"<{events_graph(base)}>"
        rdf.update(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(triples)}\n}} }}")
    return len(triples)


def _sigs(db: sqlite3.Connection, keys: Sequence[str]) -> list[PersonSig]:
    out: list[PersonSig] = []
    for i in range(0, len(keys), 500):  # SQLite's limit on bound parameters
        chunk = keys[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        rows = db.execute(f"SELECT iri, key, qid FROM people WHERE key IN ({marks})", chunk)
        out += [PersonSig(*r) for r in rows]
    return out


def _ntriples(triples: Iterable[tuple[URIRef, URIRef, URIRef]]) -> str:
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


__all__ = ["SCHEMA", "people_of", "settle_people", "sync_people", "write_people"]
