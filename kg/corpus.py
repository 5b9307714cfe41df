"""Whole archives: what a worker makes of one processed document (:func:`built`), and a
writer whose memory does not grow with the corpus.

``kg.pipeline.build_corpus`` reads documents one at a time, hands them in chunks to an
engine (``kg.engine``) whose workers run ``kg.pipeline.CorpusJob`` (the stages, then
:func:`built`), and feeds what comes back, in input order, to a :class:`CorpusWriter`
and/or an Oxigraph store (``kg.store``).

Why the work splits the way it does. One document's named graph is final as soon as it
is processed, except for the descriptions of the entities other documents can name too
(class, labels, aliases: decided by the votes of every document, ``kg.graph.Tally``).
So a worker does everything else: analysis, extraction, linking, the document's
triples, and their canonical Turtle text (``kg.graph.document_part``,
``kg.serialise.blocks``). The writer keeps:

- on disk, in a spool folder next to the outputs: each document's part (its own
  subjects' finished blocks, its triples about shared subjects, its shared entities),
  and the triples about shared subjects of all documents in sorted runs;
- in SQLite beside it: the summed votes per shared entity and the spool's index.

At the end it writes ``graph.trig`` document by document in IRI order (each document's
own blocks merged with its shared entities' blocks, described from the summed votes)
and, in the same pass, ``graph.ttl``: the documents' own blocks (no other document has
triples about them) merged with the blocks of the shared subjects, which come from an
external merge sort of the runs plus the descriptions. Both files are byte for byte
what ``kg.serialise.write_outputs(kg.graph.build_graph(all results))`` writes, whatever
the order of the documents and however many workers made them.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import heapq
import json
import os
import pickle
import shutil
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rdflib import URIRef

from .atomic import alive, atomic_files, remove_stale_temps, temp_path
from .errors import DuplicateDocumentError
from .events import EventSig, doc_date, events_graph, identity_triples, signatures
from .graph import (
    Description,
    DocumentPart,
    SharedEntity,
    Spo,
    Tally,
    TallyRow,
    describe_shared,
    description_triples,
    document_part,
    group_rows,
    tally_rows,
)
from .identity import PersonSig, same_person_triples
from .model import DocResult, Document, Problem
from .serialise import (
    Record,
    TermRecord,
    blocks,
    graph_open,
    indent_block,
    prefix_header,
    records,
    term_record,
)
from .vocab import DEFAULT_BASE

#: Records of shared subjects held in memory before they are sorted into a run on disk.
RUN_RECORDS = 200_000
#: Prefix of the spool folders in the output folder.
SPOOL_PREFIX = ".kg-spool-"

# --- the work of one document (in a worker) -----------------------------------------------


@dataclass(frozen=True, slots=True)
class Built:
    """One document after the per-document stages, as a worker returns it."""

    doc_id: str
    source: str
    iri: str
    sentences: int
    facts: tuple[int, ...]  # keys of its facts (network_keys), summed over documents as a set
    entities: tuple[int, ...]  # keys of its entities, likewise
    qids: tuple[str, ...]  # the Wikidata items of the linked entities
    notes: tuple[str, ...]  # what the reader did to get the text (decoded, extracted)
    part: bytes  # _FilePart, pickled and compressed, for the writer's spool (b"" without file outputs)
    shared: tuple[Record, ...]  # this document's final triples about shared subjects
    votes: tuple[TallyRow, ...]  # its votes on shared entities
    store: Any = None  # a kg.store.Prepared when the build writes to a store
    events: tuple[EventSig, ...] = ()  # its event nodes, for the identity of events
    people: tuple[PersonSig, ...] = ()  # its named people, for their identity across documents


@dataclass(frozen=True, slots=True)
class _FilePart:
    """What the writer needs of one document at the end (kept pickled in the spool)."""

    iri: str
    lang: str
    own: tuple[tuple[TermRecord, str], ...]  # finished blocks of the document's own subjects
    shared: tuple[Record, ...]  # final triples about shared subjects, sorted
    entities: tuple[SharedEntity, ...]  # described from the votes at the end


def built(
    result: DocResult,
    *,
    base: str,
    files: bool = True,
    store: bool = False,
    notes: tuple[str, ...] = (),
) -> Built:
    """Everything the writers need of one processed document."""
    part = document_part(result, base=base)
    doc, prefix = str(part.iri), str(part.iri) + "/"
    own: list[Spo] = []
    other: list[Spo] = []
    for t in part.triples:  # subjects the document owns: no other document has triples about them
        subject = str(t[0])  # a URIRef equals no plain str: compare the IRI's text
        (own if subject == doc or subject.startswith(prefix) else other).append(t)
    shared = tuple(sorted(records(other)))
    blob = b""
    if files:
        own_blocks = tuple(blocks(sorted(records(own))))
        _check_writable(own_blocks, shared, part.shared)
        fp = _FilePart(str(part.iri), part.lang, own_blocks, shared, part.shared)
        blob = zlib.compress(
            pickle.dumps(fp, protocol=pickle.HIGHEST_PROTOCOL), 1
        )  # text: a sixth of the size
    prepared = None
    if store:
        from .store import prepare

        prepared = prepare(result, base=base, part=part)
    entities, facts = network_keys(part)
    events = tuple(signatures(part.triples, str(part.iri), doc_date(result.doc.meta)))
    return Built(
        result.doc.id,
        result.doc.source,
        str(part.iri),
        len(result.extraction.analysed.sentences),
        facts,
        entities,
        linked_qids(result),
        notes,
        blob,
        shared if files else (),
        tuple(tally_rows(part.votes)),
        prepared,
        events,
        part.people,
    )


def linked_qids(result: DocResult) -> tuple[str, ...]:
    """The Wikidata items of one document's linked entities."""
    by_mention = {lk.mention: lk.qid for lk in result.links}
    qids: list[str] = []
    for e in result.extraction.entities:
        linked = [by_mention[m] for m in e.mentions if m in by_mention]
        if linked:
            qids.append(linked[0])
    return tuple(qids)


def network_keys(part: DocumentPart) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Keys (64-bit hashes) of one document's entities and facts, as
    ``kg.analytics.network_parts`` finds them in the finished graph: the union over the
    documents has as many keys as the graph has entities and facts (``Counts``), so a
    corpus build counts them without holding the graph. A shared entity's class is
    voted at the end; any class makes it an entity.

    >>> from kg.model import AnalysedDoc, Document, Extraction, Mention, Sentence, Entity
    >>> doc = Document("d1", "Rex spoke.", "en")
    >>> ex = Extraction(AnalysedDoc(doc, (Sentence(0, 0, 10, "Rex spoke.", ()),), "demo"),
    ...     (Mention("m1", 0, 0, 3, "Rex", "Person", "e1"),), (Entity("e1", "Rex", "Person", ("m1",)),), ())
    >>> [len(k) for k in network_keys(document_part(DocResult(ex), base="http://x/"))]
    [1, 0]
    """
    from rdflib.namespace import RDF

    from .analytics import triples_network_parts
    from .vocab import KG

    triples: list[Any] = list(part.triples)
    triples += [(URIRef(e.iri), RDF.type, KG.Thing) for e in part.shared]
    entities, facts = triples_network_parts(triples)
    return (
        tuple(sorted(_key(str(e)) for e in entities)),
        tuple(sorted(_key(" ".join(t.n3() for t in f)) for f in facts)),
    )


def _key(text: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _check_writable(
    own: tuple[tuple[TermRecord, str], ...],
    shared: tuple[Record, ...],
    entities: tuple[SharedEntity, ...],
) -> None:
    """Text UTF-8 cannot write (a lone surrogate) fails this document here, rather than
    the output files at the end."""
    "".join(text for _, text in own).encode("utf-8")
    "".join(f"{s[1]}{o[1]}" for s, _, o in shared).encode("utf-8")
    "".join(name for e in entities for _, name in e.names).encode("utf-8")


def notes(doc: Document) -> tuple[str, ...]:
    """What the read stage did to get a document's text, for the report.

    >>> notes(Document("a", "x", meta=(("encoding", "windows-1256"), ("markup", "html"))))
    ('decoded as windows-1256', 'main text extracted from HTML')
    """
    meta = dict(doc.meta)
    out = []
    if meta.get("encoding"):
        out.append(f"decoded as {meta['encoding']}")
    if meta.get("markup"):
        what = "text" if meta.get("extraction") else "main text"
        out.append(f"{what} extracted from {meta['markup'].upper()}")
    if meta.get("extraction"):
        out.append(f"{meta['extraction']}: no main text found")
    if meta.get("fetch"):
        out.append(meta["fetch"])
    return tuple(out)


# --- the writer (in the parent) ----------------------------------------------------------------


class CorpusWriter:
    """``graph.ttl`` and ``graph.trig`` of any number of documents, in bounded memory.

    ``add`` the documents in any order, then ``finish``; the spool folder (in the output
    folder, so on the same disk as the outputs) goes away on ``close``. A spool left by
    a killed build is removed by the next one.
    """

    def __init__(
        self,
        out_dir: str | os.PathLike[str],
        *,
        run_records: int | None = None,
        base: str = DEFAULT_BASE,
    ) -> None:
        self.out = Path(out_dir)
        self.base = base
        # a few signatures per document: what the identity of events is decided from
        self._events: list[EventSig] = []
        self._people: list[PersonSig] = []  # likewise for the identity of people
        self.out.mkdir(parents=True, exist_ok=True)
        remove_stale_spools(self.out)
        remove_stale_temps(self.out)
        self.spool = self.out / f"{SPOOL_PREFIX}{os.getpid()}-{time.time_ns():x}"
        self.spool.mkdir()
        try:
            self._parts = open(self.spool / "parts.bin", "w+b")  # noqa: SIM115 (closed in close())
            self._db = sqlite3.connect(self.spool / "index.sqlite", isolation_level=None)
            self._db.executescript(
                """
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                CREATE TABLE docs (iri TEXT PRIMARY KEY, start INTEGER NOT NULL, size INTEGER NOT NULL);
                CREATE TABLE descriptions (iri TEXT PRIMARY KEY, description TEXT NOT NULL) WITHOUT ROWID;
                """
            )
            self._db.execute("BEGIN")
            self._run: list[Record] = []
            self._runs: list[Path] = []
            self._run_records = run_records or RUN_RECORDS
            self._votes = _Votes(self.spool, self._run_records)
        except BaseException:  # a full disk: no spool left behind
            shutil.rmtree(self.spool, ignore_errors=True)
            raise
        self.documents = 0

    def add(self, doc: Built) -> None:
        """Spool one document (from a worker's ``Built``)."""
        start = self._parts.seek(0, os.SEEK_END)
        try:
            self._db.execute("INSERT INTO docs VALUES (?, ?, ?)", (doc.iri, start, len(doc.part)))
        except sqlite3.IntegrityError:
            raise DuplicateDocumentError(f"duplicate document id {doc.doc_id!r}") from None
        self._parts.write(doc.part)
        self._votes.add(doc.votes)
        self._collect(doc.shared)
        self._events.extend(doc.events)
        self._people.extend(doc.people)
        self.documents += 1

    def finish(self) -> list[Path]:
        """Write ``graph.ttl`` and ``graph.trig`` (atomically, both or neither)."""
        self._collect(self._descriptions())
        joined = identity_triples(self._events, self.base)
        joined += same_person_triples(self._people)
        same = sorted(records(joined))
        self._collect(same)
        self._db.execute("COMMIT")
        self._spill()
        shared_blocks = blocks(heapq.merge(*(_read_run(p) for p in self._runs)))
        ttl, trig = self.out / "graph.ttl", self.out / "graph.trig"
        with atomic_files([ttl, trig]) as (fttl, ftrig):
            _write_both(self._documents(), shared_blocks, fttl, ftrig)
            if same:  # the events graph sorts after every document's ({base}doc/…)
                texts = [indent_block(text) for _, text in blocks(same)]
                ftrig.write("\n" + graph_open(events_graph(self.base)) + "\n".join(texts) + "}\n")
        return [ttl, trig]

    def close(self) -> None:
        try:
            with contextlib.suppress(OSError):  # a full disk fails the last flush
                self._parts.close()
            self._db.close()
        finally:
            shutil.rmtree(self.spool, ignore_errors=True)

    def __enter__(self) -> CorpusWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- shared subjects: sorted runs on disk ------------------------------------------------

    def _collect(self, recs: Iterable[Record]) -> None:
        for rec in recs:
            self._run.append(rec)
            if len(self._run) >= self._run_records:
                self._spill()

    def _spill(self) -> None:
        if not self._run:
            return
        self._run.sort()
        path = self.spool / f"run-{len(self._runs):05d}.bin"
        _write_run(path, self._run)
        self._runs.append(path)
        self._run = []

    def _descriptions(self) -> Iterator[Record]:
        """Each shared entity's description from the summed votes: kept for the
        documents' graphs, and its records (the union's) for graph.ttl."""
        batch: list[tuple[str, str]] = []
        for iri, tally in self._votes.tallies():
            d = tally.describe()
            batch.append((iri, json.dumps([d.cls, d.labels, d.value], ensure_ascii=False)))
            if len(batch) >= 5000:
                self._db.executemany("INSERT INTO descriptions VALUES (?, ?)", batch)
                batch = []
            yield from records(description_triples(URIRef(iri), tally))
        self._db.executemany("INSERT INTO descriptions VALUES (?, ?)", batch)

    # -- documents in IRI order ------------------------------------------------------------------

    def _documents(self) -> Iterator[tuple[_FilePart, list[Record]]]:
        """Each document's part with the records of its voted triples, in IRI order."""
        cache = _DescriptionCache(self._db)
        for _, start, size in self._db.execute(
            "SELECT iri, start, size FROM docs ORDER BY iri"
        ).fetchall():
            self._parts.seek(start)
            fp: _FilePart = pickle.loads(zlib.decompress(self._parts.read(size)))
            voted = describe_shared(fp.entities, cache.get([e.iri for e in fp.entities]))
            yield fp, sorted(records(voted))


class _Votes:
    """Vote rows of every document, summed: in memory up to ``limit`` distinct keys,
    beyond that in sorted runs on disk, merged (and summed) at the end."""

    def __init__(self, spool: Path, limit: int) -> None:
        self.spool, self.limit = spool, limit
        self.counts: collections.Counter[tuple[str, str, str, int, str]] = collections.Counter()
        self.runs: list[Path] = []

    def add(self, rows: Iterable[TallyRow]) -> None:
        counts = self.counts
        for iri, kind, tag, tier, text, n in rows:
            counts[(iri, kind, tag, tier, text)] += n
        if len(counts) >= self.limit:
            self._spill()

    def _spill(self) -> None:
        path = self.spool / f"votes-{len(self.runs):05d}.bin"
        _write_run(path, sorted(self.counts.items()))
        self.runs.append(path)
        self.counts = collections.Counter()

    def tallies(self) -> Iterator[tuple[str, Tally]]:
        """(IRI, summed Tally) for every IRI voted on, in IRI order."""
        streams: list[Iterable[Any]] = [_read_run(p) for p in self.runs]
        merged = heapq.merge(*streams, sorted(self.counts.items()))
        iri = ""
        rows: list[Any] = []
        for key, n in merged:
            if key[0] != iri and rows:
                yield iri, group_rows(rows)[iri]
                rows = []
            iri = key[0]
            rows.append((*key, n))
        if rows:
            yield iri, group_rows(rows)[iri]


class _DescriptionCache:
    """Descriptions of shared entities (class, labels, value) read from SQLite; the
    last ``size`` kept."""

    def __init__(self, db: sqlite3.Connection, size: int = 16384) -> None:
        self.db, self.size = db, size
        self.kept: dict[str, Description] = {}

    def get(self, iris: list[str]) -> dict[str, Description]:
        missing = sorted({i for i in iris if i not in self.kept})
        for k in range(0, len(missing), 500):
            chunk = missing[k : k + 500]
            cur = self.db.execute(
                f"SELECT iri, description FROM descriptions WHERE iri IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for iri, text in cur.fetchall():
                if len(self.kept) >= self.size:
                    self.kept.pop(next(iter(self.kept)))
                cls, labels, value = json.loads(text)
                self.kept[iri] = Description(cls, labels, (), value, ())
        return {i: self.kept[i] for i in iris}


def _write_run(path: Path, items: list[Any]) -> None:
    """Sorted items to a run file, in pickled batches (read back by ``_read_run``)."""
    with open(path, "wb") as f:
        for i in range(0, len(items), 5000):
            pickle.dump(items[i : i + 5000], f, protocol=pickle.HIGHEST_PROTOCOL)


def _read_run(path: Path) -> Iterator[Any]:
    with open(path, "rb") as f:
        while True:
            try:
                batch: list[Any] = pickle.load(f)
            except EOFError:
                return
            yield from batch


def _write_both(
    documents: Iterable[tuple[_FilePart, list[Record]]],
    shared_blocks: Iterator[tuple[TermRecord, str]],
    ttl: IO[str],
    trig: IO[str],
) -> None:
    """One pass over the documents in IRI order writes both files.

    TriG: each document's graph, its own blocks merged with its shared subjects' blocks.
    Turtle: the documents' own blocks (pending in a heap until no later document can
    come before them) merged with the union's shared blocks, all in subject order.
    """
    ttl.write(prefix_header())
    trig.write(prefix_header())
    pending: list[tuple[TermRecord, str]] = []
    shared_head = next(shared_blocks, None)
    out: list[str] = []  # Turtle blocks waiting to be written, a blank line between them
    first_block = True

    def put(text: str) -> None:
        out.append(text)
        if len(out) >= 256:
            flush()

    def flush() -> None:
        nonlocal first_block
        if out:
            ttl.write(("" if first_block else "\n") + "\n".join(out))
            first_block = False
            out.clear()

    def emit(limit: TermRecord | None) -> None:
        """Write every waiting block that sorts before ``limit`` (None: all of them)."""
        nonlocal shared_head
        while True:
            own = pending[0] if pending else None
            if shared_head is not None and (own is None or shared_head[0] < own[0]):
                if limit is not None and shared_head[0] >= limit:
                    return
                put(shared_head[1])
                shared_head = next(shared_blocks, None)
            elif own is not None:
                if limit is not None and own[0] >= limit:
                    return
                put(heapq.heappop(pending)[1])
            else:
                return

    for n, (fp, voted) in enumerate(documents):
        iri = URIRef(fp.iri)
        emit(term_record(iri))  # no later document has a subject before its own IRI
        own_blocks = fp.own
        both = sorted([*own_blocks, *blocks(heapq.merge(fp.shared, voted))])
        texts = [indent_block(text) for _, text in both]
        trig.write(("\n" if n else "") + graph_open(iri) + "\n".join(texts) + "}\n")
        for b in own_blocks:
            heapq.heappush(pending, b)
    emit(None)
    flush()


def remove_stale_spools(out: Path) -> None:
    """Remove spool folders whose build is no longer running (killed, or crashed)."""
    for d in out.glob(SPOOL_PREFIX + "*"):
        pid = d.name[len(SPOOL_PREFIX) :].split("-", 1)[0]
        if d.is_dir() and pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(d, ignore_errors=True)


# --- the per-document report -------------------------------------------------------------------


REPORT_FIELDS = ("source", "id", "outcome", "stage", "reason")


class Report:
    """One row per input item: built, unchanged (already in the store) or skipped, with
    the reason or what the reader did; JSON lines, or TSV when the file ends in .tsv,
    CSV (RFC 4180, formula cells neutralised) when it ends in .csv. Written to a
    temporary file and moved into place at the end."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = Path(path) if path is not None else None
        self._f: IO[str] | None = None
        self._tmp: Path | None = None
        self._writer: Any = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(self.path.parent, self.path.name)
            self._tmp = temp_path(self.path)
            self._f = open(self._tmp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            if self._csv:
                self._writer = csv.writer(self._f, lineterminator="\n")
                self._writer.writerow(REPORT_FIELDS)
            elif self._tsv:
                self._f.write("\t".join(REPORT_FIELDS) + "\n")

    @property
    def _csv(self) -> bool:
        return self.path is not None and self.path.suffix.lower() == ".csv"

    @property
    def _tsv(self) -> bool:
        return self.path is not None and self.path.suffix.lower() == ".tsv"

    def row(
        self, source: str, doc_id: str, outcome: str, stage: str = "", reason: str = ""
    ) -> None:
        if self._f is None:
            return
        values = (source, doc_id, outcome, stage, reason)
        if self._csv:
            from .query import csv_cell

            self._writer.writerow([csv_cell(v) for v in values])
        elif self._tsv:
            self._f.write("\t".join(" ".join(v.split()) for v in values) + "\n")
        else:
            self._f.write(
                json.dumps(dict(zip(REPORT_FIELDS, values, strict=True)), ensure_ascii=False) + "\n"
            )

    def close(self, ok: bool = True) -> Path | None:
        if self._f is None or self._tmp is None or self.path is None:
            return None
        f, self._f = self._f, None
        try:
            f.close()  # on a full disk, the last write fails here
            if ok:
                os.replace(self._tmp, self.path)
                return self.path
        finally:
            with contextlib.suppress(OSError):
                self._tmp.unlink(missing_ok=True)
        return None


# --- keeping input order around the engine ---------------------------------------------------------


def in_order(
    items: Iterable[Document | Problem],
    process: Callable[[Iterable[list[Document]]], Iterator[list[Built | Problem]]],
    *,
    chunk: int,
    skip: Callable[[Document], bool] = lambda d: False,
) -> Iterator[tuple[Document | Problem, Built | Problem | None]]:
    """Pair every input item with its outcome, in input order: documents go through
    ``process`` in chunks of ``chunk``; a Problem is its own outcome; a document that
    ``skip`` accepts pairs with None (not processed).

    >>> from kg.model import Document, Problem
    >>> upper = lambda chunks: ([Problem(d.id.upper(), "") for d in c] for c in chunks)
    >>> items = [Document("a", "x"), Problem("p", "bad"), Document("b", "y"), Document("c", "z")]
    >>> [(getattr(i, "id", "-"), o.source if o else None) for i, o in in_order(items, upper, chunk=2, skip=lambda d: d.id == "b")]
    [('a', 'A'), ('-', 'p'), ('b', None), ('c', 'C')]
    """
    held: collections.deque[list[tuple[Document | Problem, bool]]] = collections.deque()

    def chunks() -> Iterator[list[Document]]:
        buf: list[tuple[Document | Problem, bool]] = []
        sent = 0
        for item in items:
            send = isinstance(item, Document) and not skip(item)
            buf.append((item, send))
            sent += send
            if sent >= chunk or len(buf) >= 64 * chunk:
                held.append(buf)
                yield [x for x, s in buf if s]  # type: ignore[misc]
                buf, sent = [], 0
        if buf:
            held.append(buf)
            yield [x for x, s in buf if s]  # type: ignore[misc]

    for outcomes in process(chunks()):
        buf = held.popleft()
        results = iter(outcomes)
        for item, send in buf:
            yield item, (next(results) if send else item if isinstance(item, Problem) else None)
