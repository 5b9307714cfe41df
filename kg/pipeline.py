"""The pipeline: the one place where the order of the stages is written.

::

    read -> analyse -> extract -> link -> graph -> store -> view

``process`` runs the per-document stages (analyse, extract, link); ``build`` runs the
whole path over files and writes the outputs; ``build_corpus`` does the same for an
archive of any size, its workers running :class:`CorpusJob` (the stages, then what the
writers need, ``kg.corpus.built``).
A document that fails at any stage becomes a :class:`~kg.model.Problem` naming its file;
the others go on.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .agencies import credited
from .analyse import Analyser, AutoAnalyser, check, get_analyser
from .dates import dated
from .errors import DuplicateDocumentError, KGError
from .extract import Extractor, get_extractor
from .fetch import WebOptions
from .link import Linker, get_linker
from .model import BuildSummary, DocResult, Document, Problem
from .read import MAX_BYTES_DEFAULT, MAX_CHARS_DEFAULT, from_strings, limit, read
from .salience import HTML_MAX_NODES
from .vocab import DEFAULT_BASE

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Built

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """Everything a build can be told; the CLI and the Python API fill the same object."""

    analyser: str = "auto"
    linker: str = "gazetteer"
    extractor: str = "ud"
    lang: str | None = None  # force the language instead of detecting it from the script
    base: str = DEFAULT_BASE
    html: bool = True
    html_max_nodes: int | None = HTML_MAX_NODES  # of graph.html; None: every entity
    max_bytes: int = MAX_BYTES_DEFAULT
    max_chars: int = MAX_CHARS_DEFAULT
    analyser_options: dict[str, Any] = field(default_factory=dict)
    web: WebOptions | None = None  # URLs, feeds and sitemaps to read besides the files
    date: str = ""  # YYYY-MM-DD: the date of documents that say none (kg build --date)


@dataclass
class Stages:
    """The built stage objects (analyser, extractor, linker), made once per process."""

    analyser: Analyser
    extractor: Extractor
    linker: Linker

    @classmethod
    def from_options(cls, options: Options) -> Stages:
        analyser: Analyser
        if options.analyser == "auto":
            analyser = AutoAnalyser(**options.analyser_options)
        else:
            analyser = get_analyser(options.analyser, **options.analyser_options)
        return cls(analyser, get_extractor(options.extractor), get_linker(options.linker))

    def check(self, lang: str | None = None) -> None:
        """Fail before reading anything when the chosen analyser cannot run at all (an
        explicit ``--analyser stanza`` with no models on disk)."""
        self.analyser.require(lang)


def process(doc: Document, stages: Stages) -> DocResult:
    """Analyse, extract and link one document.

    >>> stages = Stages.from_options(Options(analyser="rules", linker="none"))
    >>> r = process(Document("d", "استضاف ماكرون قمة في باريس.", lang="ar"), stages)
    >>> sorted(t.relation for t in r.extraction.triples), r.links
    (['hosted', 'location'], ())
    """
    analyser = stages.analyser.choose(doc)
    check(analyser, doc)
    analysed = analyser.analyse(doc)
    extraction = stages.extractor(analysed)
    links = stages.linker(extraction)
    return DocResult(extraction=extraction, links=links)


def documents(inputs: Iterable[str | Path], options: Options) -> Iterator[Document | Problem]:
    """Read stage (files and folders, then the web inputs), with the language override
    and the document date (metadata, dateline, ``--date``: :func:`kg.dates.dated`)
    applied."""
    items: Iterable[Document | Problem] = read(
        inputs, max_bytes=options.max_bytes, max_chars=options.max_chars
    )
    if options.web:
        from .fetch import web_documents

        items = itertools.chain(items, limit(web_documents(options.web), options.max_chars))
    for item in items:
        if isinstance(item, Document) and options.lang:
            item = replace(item, lang=options.lang)
        yield _prepared(item, options.date) if isinstance(item, Document) else item


def _prepared(doc: Document, default_date: str) -> Document:
    """A document with what its text tells of itself in its metadata: its date (a
    dateline, else ``default_date``) and the agency its dateline credits."""
    return credited(dated(doc, default_date))


def run(
    items: Iterable[Document | Problem],
    options: Options,
    on_item: Callable[[], None] | None = None,
    stages: Stages | None = None,
) -> Iterator[DocResult | Problem]:
    """The per-document stages over a stream of documents, in input order. Documents
    for an analyser that batches (stanza) are analysed ``BATCH`` at a time."""
    stages = stages or Stages.from_options(options)
    pending: list[Document] = []

    def flush() -> Iterator[DocResult | Problem]:
        for result in _process_batch(pending, stages):
            yield result
            if on_item is not None:
                on_item()
        pending.clear()

    for item in items:
        if isinstance(item, Document) and _batches(item, stages):
            pending.append(item)
            if len(pending) >= BATCH:
                yield from flush()
            continue
        yield from flush()
        yield item if isinstance(item, Problem) else _safe_process(item, stages)
        if on_item is not None:
            on_item()
    yield from flush()


#: Documents per call of an analyser's ``analyse_many``.
BATCH = 32


def _batches(doc: Document, stages: Stages) -> bool:
    try:
        analyser = stages.analyser.choose(doc)
        check(analyser, doc)
    except KGError:
        return False
    return analyser.batches


def _process_batch(docs: list[Document], stages: Stages) -> list[DocResult | Problem]:
    """Analyse a batch in one call, then extract and link each document; if the batch
    fails, each document is processed alone, so the failure is pinned on its file."""
    if not docs:
        return []
    analyser = stages.analyser.choose(docs[0])
    same = [d for d in docs if stages.analyser.choose(d) is analyser]
    try:
        analysed = list(analyser.analyse_many(same))
    except Exception:
        log.debug("batch of %d failed; one by one", len(same), exc_info=True)
        return [_safe_process(d, stages) for d in docs]
    by_id = {id(d): a for d, a in zip(same, analysed, strict=True)}
    out: list[DocResult | Problem] = []
    for d in docs:
        a = by_id.get(id(d))
        if a is None:
            out.append(_safe_process(d, stages))
            continue
        try:
            extraction = stages.extractor(a)
            out.append(DocResult(extraction=extraction, links=stages.linker(extraction)))
        except KGError as exc:
            out.append(Problem(d.source, str(exc), stage="extract"))
        except Exception as exc:  # one bad document must not stop a corpus
            log.debug("failed on %s", d.source, exc_info=True)
            out.append(Problem(d.source, f"{type(exc).__name__}: {exc}", stage="process"))
    return out


def _safe_process(doc: Document, stages: Stages) -> DocResult | Problem:
    try:
        return process(doc, stages)
    except KGError as exc:
        return Problem(doc.source, str(exc), stage="analyse")
    except Exception as exc:  # one bad document must not stop a corpus
        log.debug("failed on %s", doc.source, exc_info=True)
        return Problem(doc.source, f"{type(exc).__name__}: {exc}", stage="process")


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path | None,
    options: Options | None = None,
    *,
    progress: bool = False,
    texts: Iterable[str] | None = None,
    store_dir: str | Path | None = None,
) -> tuple[BuildSummary, Any]:
    """Run every stage; write ``graph.ttl``, ``graph.trig`` and ``graph.html`` to ``out_dir``.

    Returns the summary and the rdflib Dataset (of this run's documents). ``texts`` adds
    in-memory strings as documents. With ``out_dir`` None no file is written. With
    ``store_dir`` every document is also added to that persistent store (``kg.store``)
    as soon as it is processed, one transaction each, replacing an earlier version.
    """
    from . import graph, serialise

    options = options or Options()
    t0 = time.perf_counter()
    stages = Stages.from_options(options)
    stages.check(options.lang)  # before reading the corpus
    items: list[Document | Problem] = list(documents(inputs, options))
    if texts is not None:
        items.extend(_prepared(d, options.date) for d in from_strings(texts))
    writer = _store_writer(store_dir, options)
    bar = _progress(len(items), progress)
    results: list[DocResult] = []
    problems: list[Problem] = []
    try:
        for item in run(items, options, on_item=bar.update if bar else None, stages=stages):
            if isinstance(item, Problem):
                problems.append(item)
            elif writer is not None and (failed := _store_put(writer, item)) is not None:
                problems.append(failed)
            else:
                results.append(item)
        if writer is not None:
            writer.settle_events()  # documents added may report one event
    finally:
        if writer is not None:
            writer.close()
    if bar:
        bar.close()
    dataset, results, refused = _graph_stage(results, options.base)
    problems += refused
    outputs: list[str] = [str(store_dir)] if store_dir is not None and results else []
    if out_dir is not None and results:
        out = Path(out_dir)
        outputs += [str(p) for p in serialise.write_outputs(dataset, out)]
        if options.html:
            from . import view

            union = graph.union_graph(dataset)
            page = view.render_html(
                union, out / "graph.html", lang=options.lang, max_nodes=options.html_max_nodes
            )
            outputs.append(str(page))
    summary = _summary(results, dataset, problems, outputs, time.perf_counter() - t0)
    return summary, dataset


def _graph_stage(results: list[DocResult], base: str) -> tuple[Any, list[DocResult], list[Problem]]:
    """The graph of the results; a document the graph stage refuses (an extraction it
    cannot write) becomes a Problem and the graph is made of the others."""
    from . import graph

    try:
        return graph.build_graph(results, base=base), results, []
    except (ValueError, TypeError):  # GraphError, or rdflib's complaint about a term
        pass
    good: list[DocResult] = []
    refused: list[Problem] = []
    ids: set[str] = set()
    for r in results:
        try:
            if r.doc.id in ids:
                raise DuplicateDocumentError(f"duplicate document id {r.doc.id!r}")
            graph.build_graph([r], base=base)
        except (ValueError, TypeError) as exc:
            refused.append(Problem(r.doc.source, f"{type(exc).__name__}: {exc}", stage="graph"))
            continue
        good.append(r)
        ids.add(r.doc.id)
    return graph.build_graph(good, base=base), good, refused


# --- the work of a corpus build's workers ------------------------------------------------


#: The cyclic garbage collector's first threshold in a worker (Python's default is 700
#: allocations). A build allocates many small objects that live as long as the process:
#: the per-word caches (every word type's readings and their parts) grow through a first
#: pass, and at the default the collector walked them some 500 times over UD Arabic-PUD's
#: 16,000 words (0.8 s of a 10 s cold pass, half in full collections); at 10,000 it runs
#: some 30 times (0.3 s) and no full collection, for the same peak memory.
BATCH_GC_THRESHOLD = 10_000


def batch_collector() -> None:
    """Make the cyclic collector run less often in this process, as a batch of documents
    wants (:data:`BATCH_GC_THRESHOLD`); a higher threshold set by the caller is kept.

    >>> before = gc.get_threshold()
    >>> batch_collector()
    >>> gc.get_threshold()[0] >= BATCH_GC_THRESHOLD, gc.get_threshold()[1:] == before[1:]
    (True, True)
    >>> gc.set_threshold(*before)
    """
    first, *rest = gc.get_threshold()
    if first < BATCH_GC_THRESHOLD:
        gc.set_threshold(BATCH_GC_THRESHOLD, *rest)


class DocumentTimeout(BaseException):
    """A document took longer than the job allows (a BaseException, so that the stages'
    own ``except Exception`` does not swallow it)."""


@dataclass(frozen=True)
class CorpusJob:
    """The per-document work of a corpus build, as run by every worker process (an
    engine job, ``kg.engine``).

    ``files``: make the part the file writer needs; ``store``: make a
    ``kg.store.Prepared``; ``timeout``: seconds a document may take (where the worker
    can be interrupted: the main thread of a process), None for no limit.
    """

    options: Options
    files: bool = True
    store: bool = False
    timeout: float | None = None

    def setup(self) -> Stages:
        batch_collector()
        return Stages.from_options(self.options)

    def run(self, stages: Stages, docs: list[Document]) -> list[Built | Problem]:
        """The chunk at once (stanza analyses it in one batch); if it runs out of time,
        each document alone, so the slow one is the one that fails."""
        if not docs:
            return []
        try:
            with _time_limit(self.timeout * len(docs) if self.timeout else None):
                results = list(run(docs, self.options, stages=stages))
        except DocumentTimeout:
            results = [self._alone(d, stages) for d in docs]
        return [self._finish(d, r) for d, r in zip(docs, results, strict=True)]

    def failed(self, doc: Document, reason: str) -> Problem:
        return Problem(doc.source, reason, stage="process")

    def _alone(self, doc: Document, stages: Stages) -> DocResult | Problem:
        try:
            with _time_limit(self.timeout):
                return next(iter(run([doc], self.options, stages=stages)))
        except DocumentTimeout:
            return Problem(
                doc.source,
                f"took longer than {self.timeout:g} s (--doc-timeout); skipped",
                stage="process",
            )

    def _finish(self, doc: Document, result: DocResult | Problem) -> Built | Problem:
        from . import corpus

        if isinstance(result, Problem):
            return result
        try:
            return corpus.built(
                result,
                base=self.options.base,
                files=self.files,
                store=self.store,
                notes=corpus.notes(doc),
            )
        except (
            ValueError,
            TypeError,
            UnicodeError,
        ) as exc:  # the graph stage refused this document
            return Problem(doc.source, f"{type(exc).__name__}: {exc}", stage="graph")


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this thread after ``seconds`` (main thread of a POSIX
    process only; elsewhere, no limit)."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


#: Documents sent to a worker at a time.
CHUNK = 4
#: A corpus build writes graph.html only up to this many documents (the page would be
#: unreadable, and loading the graph for it would not fit in bounded memory, beyond).
HTML_MAX_DOCUMENTS = 300


def build_corpus(
    inputs: Iterable[str | Path],
    out_dir: str | Path | None,
    options: Options | None = None,
    *,
    engine: str = "serial",
    workers: int = 1,
    scheduler: str | None = None,
    store_dir: str | Path | None = None,
    rebuild: bool = False,
    report: str | Path | None = None,
    doc_timeout: float | None = None,
    progress: bool = False,
) -> BuildSummary:
    """Build a whole archive: the same stages and outputs as ``build``, in memory that
    does not grow with the corpus, on an engine of several workers (``kg.engine``).

    Documents are read here one at a time and processed by the engine's workers; what
    comes back is streamed to the store (``store_dir``, one transaction per document)
    and/or to a ``kg.corpus.CorpusWriter`` that writes ``graph.ttl`` and ``graph.trig``
    in ``out_dir`` at the end (byte-identical to ``build``'s, whatever the engine, the
    number of workers and the input order). With a store and no ``out_dir``, a document
    the store holds with the same text (``kg:contentHash``) is not processed again, so
    a build that was stopped resumes where it was; ``rebuild`` processes everything.
    ``report`` writes one row per input item (JSON lines, or TSV for ``*.tsv``).
    Returns the summary; ``unchanged`` counts the documents skipped as unchanged.
    """
    from . import corpus
    from .engine import get_engine

    options = options or Options()
    t0 = time.perf_counter()
    Stages.from_options(options).check(options.lang)  # before reading the corpus
    sinks = _Sinks(
        _store_writer(store_dir, options),
        corpus.CorpusWriter(out_dir, base=options.base) if out_dir is not None else None,
        report,
    )
    outputs: list[str] = []
    ok = False
    try:
        if sinks.store is not None and not rebuild:
            sinks.known, sinks.sources = sinks.store.documents(), sinks.store.sources()
        job = CorpusJob(
            options,
            files=sinks.writer is not None,
            store=sinks.store is not None,
            timeout=doc_timeout,
        )
        runner = get_engine(engine, workers=workers, scheduler=scheduler)
        _stream(documents(inputs, options), job, runner, sinks, progress)
        log.info(
            "%d documents through the stages in %.1f s",
            sinks.totals.documents,
            time.perf_counter() - t0,
        )
        outputs = _corpus_outputs(sinks, out_dir, store_dir, options)
        ok = True
    finally:
        written = sinks.close(ok)
    if written is not None:
        outputs.append(str(written))
    return sinks.totals.summary(sinks.problems, outputs, time.perf_counter() - t0)


def _stream(
    items: Iterable[Document | Problem], job: CorpusJob, runner: Any, sinks: _Sinks, progress: bool
) -> None:
    """Send the documents through the engine's workers in chunks; take each outcome back,
    in input order, into the sinks. A store-only build skips what the store holds as is."""
    from . import corpus

    skip = sinks.unchanged if sinks.writer is None else (lambda d: False)
    bar = _progress(None, progress)
    try:
        for item, outcome in corpus.in_order(
            items, lambda cs: runner.map(job, cs), chunk=CHUNK, skip=skip
        ):
            sinks.take(item, outcome)
            if bar is not None:
                bar.update()
    finally:
        if bar is not None:
            bar.close()
        runner.close()


def _corpus_outputs(
    sinks: _Sinks, out_dir: str | Path | None, store_dir: str | Path | None, options: Options
) -> list[str]:
    """Finish the files (graph.ttl, graph.trig, graph.html for a small corpus); the paths."""
    outputs: list[str] = []
    if sinks.store is not None:
        sinks.store.settle_events()  # documents added or replaced may tell of one event
    if sinks.store is not None and sinks.totals.documents:
        outputs.append(str(store_dir))
    if sinks.writer is not None and sinks.totals.documents:
        t1 = time.perf_counter()
        outputs += [str(p) for p in sinks.writer.finish()]
        log.info("graph.ttl and graph.trig written in %.1f s", time.perf_counter() - t1)
        if options.html:
            html = _corpus_html(Path(out_dir or "."), sinks.totals.documents, options)
            outputs += [html] if html else []
    return outputs


class _Sinks:
    """Where a corpus build's outcomes go, one at a time and in input order: the store,
    the file writer, the report and the summary's counts."""

    def __init__(self, store: Any, writer: Any, report: str | Path | None) -> None:
        from .corpus import Report

        self.store, self.writer, self.report = store, writer, Report(report)
        self.known: dict[str, str] = {}  # document id -> content hash, of the store
        self.sources: dict[str, str] = {}  # document id -> the file it was read from
        self.totals = _Totals()
        self.problems: list[Problem] = []

    def unchanged(self, doc: Document) -> bool:
        """Whether the store holds this document with the same text."""
        from .store import content_hash

        if not self.known or self.known.get(doc.id) != content_hash(doc.text):
            return False
        # the same text read from another file is another document (the store refuses it)
        stored = self.sources.get(doc.id)
        return stored is None or self.store.same_source(stored, doc.source)

    def take(self, item: Document | Problem, outcome: Any) -> None:
        """One input item and what became of it: a Built, a Problem, or None (unchanged)."""
        if outcome is None:
            assert isinstance(item, Document)
            self.totals.unchanged += 1
            self.report.row(
                item.source, item.id, "unchanged", "store", "in the store with the same text"
            )
        elif isinstance(outcome, Problem):
            self._failed(outcome, getattr(item, "id", ""))
        elif (problem := self._write(item, outcome)) is not None:
            self._failed(problem, outcome.doc_id)
        else:
            self.totals.add(outcome.sentences, outcome.facts, outcome.entities, outcome.qids)
            self.report.row(outcome.source, outcome.doc_id, "built", "", "; ".join(outcome.notes))

    def _write(self, item: Document | Problem, built: Any) -> Problem | None:
        if self.store is not None and not (isinstance(item, Document) and self.unchanged(item)):
            if (failed := _store_put(self.store, built.store)) is not None:
                return Problem(built.source, failed.reason, stage="store")
        if self.writer is not None:
            try:
                self.writer.add(built)
            except DuplicateDocumentError as exc:  # the first one stays
                return Problem(built.source, str(exc), stage="graph")
        return None

    def _failed(self, problem: Problem, doc_id: str) -> None:
        self.problems.append(problem)
        self.report.row(problem.source, doc_id, "skipped", problem.stage, problem.reason)

    def close(self, ok: bool) -> Path | None:
        """Release the store and the spool; move the report into place if ``ok``."""
        if self.writer is not None:
            self.writer.close()
        if self.store is not None:
            self.store.close()
        return self.report.close(ok)


def _corpus_html(out: Path, documents: int, options: Options) -> str | None:
    if documents > HTML_MAX_DOCUMENTS:
        log.warning(
            "graph.html not written: %d documents is over %d (kg view %s --max-nodes %d writes one)",
            documents,
            HTML_MAX_DOCUMENTS,
            out / "graph.ttl",
            HTML_MAX_NODES,
        )
        return None
    from . import view
    from .serialise import load

    page = view.render_html(
        load(out / "graph.ttl"),
        out / "graph.html",
        lang=options.lang,
        max_nodes=options.html_max_nodes,
    )
    return str(page)


def _store_writer(store_dir: str | Path | None, options: Options) -> Any:
    if store_dir is None:
        return None
    from .store import GraphStore

    return GraphStore(store_dir, base=options.base)


def _store_put(writer: Any, result: Any) -> Problem | None:
    """Add one document (a DocResult, or a kg.store.Prepared) to the store; a document
    the store refuses becomes a Problem."""
    try:
        if isinstance(result, DocResult):
            writer.put(result)
        else:
            writer.put_prepared(result)
    except (ValueError, TypeError) as exc:  # bad data in this document: the others go on
        source = result.doc.source if isinstance(result, DocResult) else result.doc_id
        return Problem(source, f"{type(exc).__name__}: {exc}", stage="store")
    return None


def _progress(total: int | None, enabled: bool) -> Any:
    """A progress bar on stderr (documents done, documents per second), or None."""
    if not enabled or (total is not None and total < 2):
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="build", leave=False, dynamic_ncols=True)


def _summary(
    results: list[DocResult],
    dataset: Any,
    problems: list[Problem],
    outputs: list[str],
    seconds: float,
) -> BuildSummary:
    from .analytics import counts
    from .corpus import linked_qids
    from .graph import union_graph

    totals = _Totals()
    for r in results:
        totals.add(len(r.extraction.analysed.sentences), (), (), linked_qids(r))
    summary = totals.summary(problems, outputs, seconds)
    entities, facts = counts(union_graph(dataset)) if results else (0, 0)
    return replace(summary, entities=entities, facts=facts)


@dataclass
class _Totals:
    """The summary's counts, added document by document: entities and facts as
    ``kg.analytics.Counts`` defines them (each once, however many documents have it),
    summed as sets of keys (``kg.corpus.network_keys``)."""

    documents: int = 0
    sentences: int = 0
    unchanged: int = 0
    facts: set[int] = field(default_factory=set)
    entities: set[int] = field(default_factory=set)
    qids: set[str] = field(default_factory=set)

    def add(
        self, sentences: int, facts: Iterable[int], entities: Iterable[int], qids: Iterable[str]
    ) -> None:
        self.documents += 1
        self.sentences += sentences
        self.facts.update(facts)
        self.entities.update(entities)
        self.qids.update(qids)

    def summary(self, problems: list[Problem], outputs: list[str], seconds: float) -> BuildSummary:
        return BuildSummary(
            documents=self.documents,
            sentences=self.sentences,
            entities=len(self.entities),
            linked=len(self.qids),
            facts=len(self.facts),
            seconds=round(seconds, 3),
            problems=tuple(problems),
            outputs=tuple(outputs),
            unchanged=self.unchanged,
        )
