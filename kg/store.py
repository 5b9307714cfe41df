"""A persistent, incremental knowledge graph: an Oxigraph store that documents join over runs.

``kg build ... --store DIR`` adds every document it reads to ``DIR``; documents built on
earlier days stay. The layout of the folder::

    DIR/oxigraph/       the RDF (pyoxigraph on RocksDB)
    DIR/votes.sqlite    what each document says about each shared entity
    DIR/lock            held by the writer (exclusive) and by readers (shared)

In the RDF, every document is one named graph (named by the document IRI, as in
``graph.trig``) with everything that belongs to it: its node, sentences, facts and their
provenance, mentions, and the entities whose IRIs are under its own (events, statements,
times, quantities). What several documents can assert lives once, in the named graph
``{base}shared``: the descriptions of the entities documents share by IRI (people,
places, organisations, anything linked to Wikidata: one ``rdf:type``, one
``rdfs:label`` per language, every other name as ``kg:alias``, ``owl:sameAs``), the
direct facts between two such entities, and the declarations of open relations. An
entity's description is recomputed, whenever a document that mentions it comes or
goes, from the votes of every document in the store (``kg.graph.Tally``); a shared
triple stays while some document asserts it. So the union of the store is the graph
``kg build`` would write for the same documents in one run, whatever the order and
however often documents are rebuilt; and no triple is in two graphs, which matters
because Oxigraph's union default graph counts a triple once per graph that holds it
(oxigraph/oxigraph#1919), unlike rdflib's.

Writing a document is one Oxigraph transaction (a SPARQL update): its old graph goes,
its new graph and the new descriptions come, all or nothing. The votes live in SQLite
beside it; an intent row written before the transaction and cleared after it lets the
next writer finish or undo the votes of a document whose process died in between.
Readers (``kg query``, ``kg serve``, ``kg export``) open the RDF read-only and never
need the votes. Oxigraph does not support reading a store while another process writes
it, so readers and the writer exclude each other through ``DIR/lock``: a build refuses
to start while the store is served or queried, and a reader refuses while a build runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD
from rdflib.term import Node

from .errors import DocumentCollisionError, InputError
from .graph import (
    DocumentPart,
    Tally,
    TallyRow,
    description_triples,
    document_iri,
    document_part,
    group_rows as _group,
    tally_rows as _rows,
)
from .identity import PersonSig
from .model import DocResult
from .store_files import (
    FORMAT_VERSION as FORMAT_VERSION,
    LOCK_FILE as LOCK_FILE,
    RDF_DIR as RDF_DIR,
    VOTES_DB as VOTES_DB,
    _check_not_damaged,
    _ox,
    damaged as damaged,
    is_store as is_store,
    open_read_only as open_read_only,
    rdf_dir as rdf_dir,
    reading as reading,
    store_lock as store_lock,
)
from .store_people import (
    SCHEMA as PEOPLE_SCHEMA,
    people_of,
    settle_people,
    sync_people,
    write_people,
)
from .store_read import (
    _prefixes,
    export as export,
    names_dataset as names_dataset,
    quads as quads,
    query as query,
    to_dataset as to_dataset,
    to_rdflib as to_rdflib,
)
from .vocab import DEFAULT_BASE, KG

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .store_events import EventIndex


#: Predicates of an entity's description: in the shared graph for shared entities.
DESCRIPTION_PREDICATES: tuple[URIRef, ...] = (RDF.type, RDFS.label, KG.alias, OWL.sameAs, KG.value)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS votes (
    doc TEXT NOT NULL, iri TEXT NOT NULL, kind TEXT NOT NULL,
    tag TEXT NOT NULL, tier INTEGER NOT NULL, text TEXT NOT NULL, n INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS votes_iri ON votes (iri);
CREATE INDEX IF NOT EXISTS votes_doc ON votes (doc);
CREATE TABLE IF NOT EXISTS triples (doc TEXT NOT NULL, s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS triples_doc ON triples (doc);
-- Sums over all documents, kept with the rows above: reading them costs the same
-- however many documents mention an entity.
CREATE TABLE IF NOT EXISTS vote_totals (
    iri TEXT NOT NULL, kind TEXT NOT NULL, tag TEXT NOT NULL, tier INTEGER NOT NULL, text TEXT NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY (iri, kind, tag, tier, text)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS triple_totals (
    s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (s, p, o)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS intent (doc TEXT PRIMARY KEY, digest TEXT NOT NULL, votes TEXT NOT NULL, triples TEXT NOT NULL);
"""

_Row = TallyRow  # iri, kind, tag, tier, text, n
_Spo = tuple[str, str, str]  # a shared triple, each term in N-Triples syntax


# --- finding and opening stores ----------------------------------------------------------


# --- writing -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Put:
    """What adding one document did."""

    doc_id: str
    replaced: bool  # the document was in the store before
    triples: int  # triples of its own graph
    entities: int  # shared entities whose description was recomputed


@dataclass(frozen=True, slots=True)
class Prepared:
    """One document made ready for ``GraphStore.put_prepared``: everything a put computes
    that needs no store, so worker processes can do it while one process writes."""

    doc_id: str
    doc: str  # the document IRI
    base: str
    text: str  # the document's own graph, N-Triples
    digest: str  # of that graph as Oxigraph stores it (see _recover)
    rows: tuple[_Row, ...]  # its votes on shared entities
    spo: tuple[_Spo, ...]  # its triples in the shared graph
    triples: int
    source: str = ""  # the file it was read from (its dcterms:source)
    people: tuple[PersonSig, ...] = ()  # its named people, for their identity across documents


def prepare(
    result: DocResult, *, base: str = DEFAULT_BASE, part: DocumentPart | None = None
) -> Prepared:
    """Split a document into its own graph, its votes and its shared triples.

    >>> from kg.model import AnalysedDoc, Document, Extraction, Mention, Sentence, Entity
    >>> a = AnalysedDoc(Document("d1", "Rex spoke.", "en"), (Sentence(0, 0, 10, "Rex spoke.", ()),), "demo")
    >>> ex = Extraction(a, (Mention("m1", 0, 0, 3, "Rex", "Person", "e1"),), (Entity("e1", "Rex", "Person", ("m1",)),), ())
    >>> p = prepare(DocResult(ex), base="http://x/")
    >>> p.doc, sorted({r[0] for r in p.rows}), len(p.spo)
    ('http://x/doc/d1', ['http://x/Person/rex'], 0)
    """
    if part is None:  # the caller may have made it already (kg.corpus does)
        part = document_part(result, base=base)
    doc = part.iri
    # Descriptions of shared entities live in the shared graph, made from every document's votes.
    own = {t for t in part.triples if not (t[0] in part.votes and t[1] == OWL.sameAs)}
    own.add((doc, KG.contentHash, Literal(content_hash(result.doc.text))))
    shared = {t for t in own if not (_owned(t[0], doc) or _owned(t[2], doc))}
    own -= shared
    spo = sorted(
        {(str(to_oxigraph(a)), str(to_oxigraph(b)), str(to_oxigraph(c))) for a, b, c in shared}
    )
    text = _triples_text(own)
    return Prepared(
        result.doc.id,
        str(doc),
        base,
        text,
        _digest_text(text),
        tuple(_rows(part.votes)),
        tuple(spo),
        len(own) + len(shared),
        result.doc.source,
        part.people,
    )


class GraphStore:
    """The writer of a store folder: add, replace and remove documents, one transaction each.

    Only one writer may open a store at a time (Oxigraph locks it).

    >>> import tempfile
    >>> from kg.model import AnalysedDoc, Document, Extraction, Mention, Sentence, Entity
    >>> def doc(i, name):
    ...     text = f"{name} spoke."
    ...     a = AnalysedDoc(Document(i, text, "en"), (Sentence(0, 0, len(text), text, ()),), "demo")
    ...     m = Mention("m1", 0, 0, len(name), name, "Person", "e1")
    ...     return DocResult(Extraction(a, (m,), (Entity("e1", name, "Person", ("m1",)),), ()))
    >>> with GraphStore(tempfile.mkdtemp(), base="http://x/") as st:
    ...     [st.put(doc("d1", "Rex")).replaced, st.put(doc("d2", "Rex")).replaced, st.put(doc("d1", "Rex")).replaced]
    ...     sorted(st.documents())
    [False, False, True]
    ['d1', 'd2']
    """

    def __init__(self, path: str | os.PathLike[str], *, base: str | None = None) -> None:
        self.path = Path(path)
        _check_folder(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = contextlib.ExitStack()
        self._lock.enter_context(store_lock(self.path, exclusive=True))
        try:
            if rdf_dir(self.path) is None:
                _check_not_damaged(self.path)
            self._db = sqlite3.connect(self.path / VOTES_DB, isolation_level=None)
        except sqlite3.Error as e:
            self._lock.close()
            raise damaged(self.path, e) from None
        except BaseException:
            self._lock.close()
            raise
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "PRAGMA synchronous=NORMAL"
            )  # survives a killed process; a power cut may lose the last commits, as in RocksDB
            self._db.executescript(_SCHEMA)
            self._db.executescript(PEOPLE_SCHEMA)
            self._fill_totals()
            self.base = self._base(base)
            self._rdf = _open_writer(self.path)
        except sqlite3.Error as e:
            self._db.close()
            self._lock.close()
            raise damaged(self.path / VOTES_DB, e) from None
        except BaseException:
            self._db.close()
            self._lock.close()
            raise
        self.shared_graph = URIRef(self.base + "shared")
        self._events: EventIndex | None = None
        self._recover()

    # -- public API ---------------------------------------------------------------------

    def put(self, result: DocResult) -> Put:
        """Add a document, or replace it if a document with the same id is in the store."""
        return self.put_prepared(prepare(result, base=self.base))

    def put_prepared(self, prepared: Prepared) -> Put:
        """``put`` of a document prepared elsewhere (``prepare``, e.g. in a worker process).

        A document of the same id read from another file (``kg build 2023/ --store st``,
        then ``kg build 2024/ --store st``, both with ``001.txt``) is refused with
        :class:`~kg.errors.DocumentCollisionError`, not silently replaced: ids are paths
        relative to the folder given, so such files must be built from a common folder
        (``kg build news/``: ids ``2023/001.txt`` and ``2024/001.txt``)."""
        if prepared.base != self.base:
            raise ValueError(f"prepared for base {prepared.base!r}; the store's is {self.base!r}")
        doc = URIRef(prepared.doc)
        replaced = self._has_graph(doc)
        if replaced and prepared.source:
            self._check_same_source(doc, prepared)
        old_people = people_of(self._db, str(doc))
        touched = self._commit(
            doc,
            prepared.text,
            list(prepared.rows),
            list(prepared.spo),
            prepared.digest,
            prepared.people,
        )
        self._event_index().update(str(doc))
        sync_people(self._db, self._rdf, self.base, old_people, prepared.people)
        return Put(prepared.doc_id, replaced, prepared.triples, touched)

    def remove(self, doc_id: str) -> bool:
        """Take a document out of the store; False when it was not there."""
        doc = document_iri(doc_id, self.base)
        if not self._has_graph(doc) and not self._doc_rows(str(doc)):
            return False
        old_people = people_of(self._db, str(doc))
        self._commit(doc, None, [], [], people=())
        self._event_index().update(str(doc))
        sync_people(self._db, self._rdf, self.base, old_people, ())
        return True

    def documents(self) -> dict[str, str]:
        """Ids of the documents in the store, with their content hashes ("" if none)."""
        return documents(self._rdf)

    def sources(self) -> dict[str, str]:
        """Ids of the documents in the store, with the file each was read from."""
        q = "SELECT ?id ?s WHERE { GRAPH ?g { ?g a kg:Document ; dcterms:identifier ?id ; dcterms:source ?s } }"
        return {
            sol["id"].value: sol["s"].value
            for sol in cast(Any, self._rdf.query(q, prefixes=_prefixes()))
        }

    def settle_events(self) -> int:
        """Make the graph of the events several documents report again (``kg.events``)
        from every document; the number of such events. ``put`` and ``remove`` keep it
        right as they go (``kg.store_events.EventIndex``): this is the check and repair
        of a whole store (a build ends with it)."""
        from .store_events import settle_events

        self._events = None
        found = settle_events(self._rdf, self.base)
        settle_people(
            self._db, self._rdf, self.base
        )  # the graph was made anew: the people's links too
        return found

    def _event_index(self) -> EventIndex:
        """The signatures of the store's events, read at the first put or remove."""
        from .store_events import EventIndex

        if self._events is None:
            self._events = EventIndex(self._rdf, self.base)
        return self._events

    @staticmethod
    def same_source(a: str, b: str) -> bool:
        """Whether two dcterms:source values name one file."""
        return _same_source(a, b)

    def close(self) -> None:
        self._db.close()
        self._events = None  # holds Oxigraph too
        self._rdf = None  # closes Oxigraph (and its RocksDB lock) as the last reference goes
        self._lock.close()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one document, one transaction ------------------------------------------------------

    def _commit(
        self,
        doc: URIRef,
        text: str | None,
        rows: list[_Row],
        spo: list[_Spo],
        digest: str | None = None,
        people: Sequence[PersonSig] | None = None,
    ) -> int:
        """Replace a document's graph (``text`` None: remove it), its votes and shared triples.

        1. intent: the new votes and shared triples and the digest of the new graph
           (SQLite, committed);
        2. one Oxigraph update: drop the old graph, write the new one, bring the shared
           graph up to date for every entity and triple the old or new document touches;
        3. the new rows replace the old ones and the intent goes (one SQLite transaction).
        A process that dies between 1 and 3 leaves an intent that ``_recover`` settles.
        """
        d = str(doc)
        if digest is None:
            digest = _digest_text(text) if text is not None else ""
        self._db.execute(
            "INSERT OR REPLACE INTO intent VALUES (?, ?, ?, ?)",
            (d, digest, json.dumps(rows), json.dumps(spo)),
        )
        old_rows, old_spo = self._doc_rows(d), set(self._doc_spo(d))
        iris = sorted({r[0] for r in old_rows} | {r[0] for r in rows})
        before, tallies = self._tallies(iris), self._tallies(iris)
        for iri, t in _group(old_rows).items():
            tallies[iri].add(t, sign=-1)
        for iri, t in _group(rows).items():
            tallies.setdefault(iri, Tally()).add(t)
        triples = sorted(set(old_spo) | set(spo))
        counts = self._triple_counts(triples)
        present = {t for t in triples if counts.get(t, 0) - (t in old_spo) > 0} | set(spo)
        ops = [f"DROP SILENT GRAPH {_iri(doc)}"]
        ops += self._shared_ops(iris, tallies, triples, present, before)
        if text is not None:
            ops.append(f"INSERT DATA {{ GRAPH {_iri(doc)} {{\n{text}}} }}")
        self._rdf.update(" ;\n".join(ops))
        self._settle(d, rows, spo, people)
        return len(iris)

    def _shared_ops(
        self,
        iris: Sequence[str],
        tallies: dict[str, Tally],
        triples: Sequence[_Spo],
        present: set[_Spo],
        before: dict[str, Tally] | None = None,
    ) -> list[str]:
        """SPARQL update operations that make the shared graph right for some entities
        (their descriptions, from ``tallies``) and some triples (there when ``present``).

        ``before`` are the tallies the shared graph reflects now; then only the
        difference is written. Without it (recovery, where that is not known) every
        description triple of ``iris`` is deleted by pattern, which is slower on a large
        store. Either way, run again, the operations change nothing.
        """
        g = _iri(self.shared_graph)
        ops = []
        new = _descriptions(iris, tallies)
        old = _descriptions(iris, before) if before is not None else set()
        if before is None and iris:
            values = " ".join(_iri(URIRef(i)) for i in iris)
            preds = " ".join(_iri(p) for p in DESCRIPTION_PREDICATES)
            ops.append(
                f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
                f"VALUES ?p {{ {preds} }} GRAPH {g} {{ ?s ?p ?o }} }}"
            )
        gone = sorted(old - new) + [t for t in triples if t not in present]
        if gone:
            ops.append(f"DELETE DATA {{ GRAPH {g} {{\n{_spo_text(gone)}}} }}")
        added = sorted(new - old) + [t for t in triples if t in present]
        if added:
            ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{_spo_text(added)}}} }}")
        return ops

    def _settle(
        self, doc: str, rows: list[_Row], spo: list[_Spo], people: Sequence[PersonSig] | None = None
    ) -> None:
        """Replace a document's rows (its people too, unless ``people`` is None: recovery)."""
        db = self._db
        with _transaction(db):
            if people is not None:
                write_people(db, doc, people)
            old_rows, old_spo = self._doc_rows(doc), self._doc_spo(doc)
            db.execute("DELETE FROM votes WHERE doc = ?", (doc,))
            db.executemany(
                "INSERT INTO votes VALUES (?, ?, ?, ?, ?, ?, ?)", [(doc, *r) for r in rows]
            )
            db.execute("DELETE FROM triples WHERE doc = ?", (doc,))
            db.executemany("INSERT INTO triples VALUES (?, ?, ?, ?)", [(doc, *t) for t in spo])
            add_vote = (
                "INSERT INTO vote_totals VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (iri, kind, tag, tier, text) DO UPDATE SET n = n + excluded.n"
            )
            db.executemany(add_vote, [(*r[:5], -r[5]) for r in old_rows] + list(rows))
            db.executemany(
                "DELETE FROM vote_totals WHERE iri = ? AND kind = ? AND tag = ? AND tier = ? AND text = ? AND n = 0",
                [r[:5] for r in old_rows],
            )
            add_triple = "INSERT INTO triple_totals VALUES (?, ?, ?, ?) ON CONFLICT (s, p, o) DO UPDATE SET n = n + excluded.n"
            db.executemany(add_triple, [(*t, -1) for t in old_spo] + [(*t, 1) for t in spo])
            db.executemany(
                "DELETE FROM triple_totals WHERE s = ? AND p = ? AND o = ? AND n = 0", old_spo
            )
            db.execute("DELETE FROM intent WHERE doc = ?", (doc,))

    def _recover(self) -> None:
        """Finish or undo what a writer that died mid-document left (see ``_commit``).

        If the document's graph in Oxigraph is the one the intent announced, the update
        happened and the new rows are kept; otherwise it did not and they are dropped.
        What the document touches in the shared graph is then rewritten from the rows
        kept: a no-op in the usual cases, a repair in the rare one where the old and new
        graphs of the document were identical.
        """
        pending = self._db.execute("SELECT doc, digest, votes, triples FROM intent").fetchall()
        for doc, digest, votes, spo_json in pending:
            rows: list[_Row] = [tuple(r) for r in json.loads(votes)]
            spo: list[_Spo] = [tuple(t) for t in json.loads(spo_json)]
            if self._graph_digest(URIRef(doc)) == digest:
                self._settle(doc, rows, spo)
            else:
                self._db.execute("DELETE FROM intent WHERE doc = ?", (doc,))
            iris = sorted({r[0] for r in rows} | {r[0] for r in self._doc_rows(doc)})
            triples = sorted(set(spo) | set(self._doc_spo(doc)))
            counts = self._triple_counts(triples)
            ops = self._shared_ops(
                iris, self._tallies(iris), triples, {t for t in triples if counts.get(t, 0) > 0}
            )
            if ops:
                self._rdf.update(" ;\n".join(ops))
        if pending:  # a writer that died between a document and its events
            self.settle_events()

    # -- reading votes and graphs -------------------------------------------------------------

    def _doc_spo(self, doc: str) -> list[_Spo]:
        cur = self._db.execute("SELECT s, p, o FROM triples WHERE doc = ?", (doc,))
        return [tuple(r) for r in cur.fetchall()]

    def _triple_counts(self, triples: Sequence[_Spo]) -> dict[_Spo, int]:
        """How many documents assert each of these shared triples (absent: none)."""
        out = {}
        for t in triples:
            row = self._db.execute(
                "SELECT n FROM triple_totals WHERE s = ? AND p = ? AND o = ?", t
            ).fetchone()
            if row is not None:
                out[t] = int(row[0])
        return out

    def _doc_rows(self, doc: str) -> list[_Row]:
        cur = self._db.execute(
            "SELECT iri, kind, tag, tier, text, n FROM votes WHERE doc = ?", (doc,)
        )
        return [tuple(r) for r in cur.fetchall()]

    def _tallies(self, iris: Sequence[str]) -> dict[str, Tally]:
        """The summed votes of every document for each IRI (committed rows only)."""
        rows: list[_Row] = []
        for i in range(0, len(iris), 500):
            chunk = iris[i : i + 500]
            marks = ",".join("?" * len(chunk))
            cur = self._db.execute(
                f"SELECT iri, kind, tag, tier, text, n FROM vote_totals WHERE iri IN ({marks})",
                tuple(chunk),
            )
            rows += [tuple(r) for r in cur.fetchall()]
        out = _group(rows)
        for iri in iris:
            out.setdefault(iri, Tally())
        return out

    def _check_same_source(self, doc: URIRef, prepared: Prepared) -> None:
        ox_ = _ox()
        node = ox_.NamedNode(str(doc))
        quads = self._rdf.quads_for_pattern(node, ox_.NamedNode(str(DCTERMS.source)), None, node)
        stored = next((q.object.value for q in quads), "")
        if not stored or _same_source(stored, prepared.source):
            return
        raise DocumentCollisionError(
            f"document id {prepared.doc_id!r} is already in the store, read from {stored}; "
            f"not replaced by {prepared.source}. Build both from a common folder so their "
            "ids differ, or use another store"
        )

    def _has_graph(self, doc: URIRef) -> bool:
        return bool(self._rdf.contains_named_graph(_ox().NamedNode(str(doc))))

    def _graph_digest(self, doc: URIRef) -> str:
        if not self._has_graph(doc):
            return ""
        quads = self._rdf.quads_for_pattern(None, None, None, _ox().NamedNode(str(doc)))
        return _digest_lines(str(q.triple) for q in quads)

    def _fill_totals(self) -> None:
        """Compute the running totals if they are missing (a store from before they existed)."""
        db = self._db
        if (
            db.execute("SELECT 1 FROM vote_totals LIMIT 1").fetchone()
            or not db.execute("SELECT 1 FROM votes LIMIT 1").fetchone()
        ):
            return
        with _transaction(db):
            db.execute(
                "INSERT INTO vote_totals SELECT iri, kind, tag, tier, text, SUM(n) FROM votes "
                "GROUP BY iri, kind, tag, tier, text"
            )
            db.execute(
                "INSERT INTO triple_totals SELECT s, p, o, COUNT(*) FROM triples GROUP BY s, p, o"
            )

    def _base(self, base: str | None) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'base'").fetchone()
        if row is None:
            chosen = base or DEFAULT_BASE
            with _transaction(self._db):
                self._db.execute("INSERT INTO meta VALUES ('base', ?)", (chosen,))
                self._db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT_VERSION,))
            return chosen
        if base is not None and base != row[0]:
            raise InputError(
                str(self.path), f"the store was built with base {row[0]!r}, not {base!r}"
            )
        return str(row[0])


def _same_source(a: str, b: str) -> bool:
    """Whether two dcterms:source values name one file (one relative, one absolute, or
    both written from different folders of the same tree)."""
    if a == b:
        return True
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, ValueError):
        return False


def content_hash(text: str) -> str:
    """The ``kg:contentHash`` of a document: SHA-256 of its UTF-8 text, in hex.

    >>> content_hash("")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def documents(store: ox.Store) -> dict[str, str]:
    """Document id -> content hash ("" when not recorded) of every document in a store."""
    q = (
        "SELECT ?id ?h WHERE { GRAPH ?g { ?g a kg:Document ; dcterms:identifier ?id "
        "OPTIONAL { ?g kg:contentHash ?h } } }"
    )
    out = {}
    for sol in cast(Any, store.query(q, prefixes=_prefixes())):
        h = sol["h"]
        out[sol["id"].value] = h.value if h is not None else ""
    return out


def _check_folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise InputError(str(path), "not a folder")
    if (
        path.is_dir()
        and any(p.name != LOCK_FILE for p in path.iterdir())
        and not (path / VOTES_DB).is_file()
    ):
        raise InputError(str(path), "exists and is not a kg store; give a new or empty folder")


def _open_writer(path: Path) -> Any:
    try:
        return _ox().Store(str(path / RDF_DIR))
    except (OSError, RuntimeError) as e:
        if "lock" in str(e).lower() and "Corruption" not in str(e):
            raise InputError(
                str(path), "the store is open in another process (kg serve, or another build?)"
            ) from None
        raise damaged(path, e) from None


class _transaction:
    """``with _transaction(db):`` BEGIN ... COMMIT, or ROLLBACK on error (autocommit mode)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


# --- RDF terms between rdflib and Oxigraph --------------------------------------------------


def to_oxigraph(t: Node) -> Any:
    """An rdflib term as a pyoxigraph term.

    >>> str(to_oxigraph(Literal("قال", lang="ar")))
    '"قال"@ar'
    """
    ox = _ox()
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None and t.datatype != XSD.string:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise TypeError(f"cannot store {t!r}")


def _iri(t: URIRef) -> str:
    return str(to_oxigraph(t))


def _owned(t: Node, doc: URIRef) -> bool:
    """Whether a term belongs to one document: the document itself or an IRI under it."""
    return isinstance(t, URIRef) and (t == doc or str(t).startswith(str(doc) + "/"))


def _descriptions(iris: Sequence[str], tallies: dict[str, Tally]) -> set[_Spo]:
    """The description triples of these entities, as N-Triples terms."""
    out = set()
    for iri in iris:
        t = tallies.get(iri)
        if t is not None and not t.is_empty():
            for s, p, o in description_triples(URIRef(iri), t):
                out.add((str(to_oxigraph(s)), str(to_oxigraph(p)), str(to_oxigraph(o))))
    return out


def _spo_text(triples: Iterable[_Spo]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)


def _triples_text(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Triples in N-Triples syntax (also valid inside SPARQL INSERT DATA)."""
    return "".join(f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} .\n" for s, p, o in triples)


def _digest_text(text: str) -> str:
    """Digest of triples as Oxigraph will store them (it normalises literals: "01" -> "1")."""
    mem = _ox().Store()
    mem.update(f"INSERT DATA {{\n{text}}}")
    return _digest_lines(str(q.triple) for q in mem)


def _digest_lines(lines: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()


# --- reading ----------------------------------------------------------------------------------
