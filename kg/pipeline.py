"""The pipeline: the one place where the order of the stages is written.

::

    read -> analyse -> extract -> link -> graph -> store -> view

``process`` runs the per-document stages (analyse, extract, link) and is what worker
processes execute; ``build`` runs the whole path over files and writes the outputs.
A document that fails at any stage becomes a :class:`~kg.model.Problem` naming its file;
the others go on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .analyse import Analyser, AutoAnalyser, check, get_analyser
from .errors import KGError
from .extract import Extractor, get_extractor
from .link import Linker, get_linker
from .model import BuildSummary, DocResult, Document, Problem
from .read import MAX_BYTES_DEFAULT, from_strings, read
from .vocab import DEFAULT_BASE

log = logging.getLogger(__name__)

STAGES = ("read", "analyse", "extract", "link", "graph", "store", "view")


@dataclass(frozen=True)
class Options:
    """Everything a build can be told; the CLI and the Python API fill the same object."""

    analyser: str = "auto"
    linker: str = "gazetteer"
    extractor: str = "ud"
    lang: str | None = None  # force the language instead of detecting it from the script
    base: str = DEFAULT_BASE
    html: bool = True
    max_bytes: int = MAX_BYTES_DEFAULT
    analyser_options: dict[str, Any] = field(default_factory=dict)


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
        require = getattr(self.analyser, "require", None)
        if require is not None:
            require(lang)


def process(doc: Document, stages: Stages) -> DocResult:
    """Analyse, extract and link one document."""
    analyser = stages.analyser
    if isinstance(analyser, AutoAnalyser):
        analyser = analyser.choose(doc)
    check(analyser, doc)
    analysed = analyser.analyse(doc)
    extraction = stages.extractor(analysed)
    links = stages.linker(extraction)
    return DocResult(extraction=extraction, links=links)


def documents(inputs: Iterable[str | Path], options: Options) -> Iterator[Document | Problem]:
    """Read stage, with the language override applied."""
    for item in read(inputs, max_bytes=options.max_bytes):
        if isinstance(item, Document) and options.lang:
            item = replace(item, lang=options.lang)
        yield item


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


def _chosen(doc: Document, stages: Stages) -> Analyser:
    analyser = stages.analyser
    return analyser.choose(doc) if isinstance(analyser, AutoAnalyser) else analyser


def _batches(doc: Document, stages: Stages) -> bool:
    try:
        analyser = _chosen(doc, stages)
        check(analyser, doc)
    except KGError:
        return False
    return hasattr(analyser, "analyse_many")


def _process_batch(docs: list[Document], stages: Stages) -> list[DocResult | Problem]:
    """Analyse a batch in one call, then extract and link each document; if the batch
    fails, each document is processed alone, so the failure is pinned on its file."""
    if not docs:
        return []
    analyser = _chosen(docs[0], stages)
    same = [d for d in docs if _chosen(d, stages) is analyser]
    try:
        analysed = list(analyser.analyse_many(same))  # type: ignore[attr-defined]
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
    ``store_dir`` every document is also added to that persistent store (``kg.oxstore``)
    as soon as it is processed, one transaction each, replacing an earlier version.
    """
    from . import graph, store

    options = options or Options()
    t0 = time.perf_counter()
    stages = Stages.from_options(options)
    stages.check(options.lang)  # before reading the corpus
    items: list[Document | Problem] = list(documents(inputs, options))
    if texts is not None:
        items.extend(from_strings(texts))
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
    finally:
        if writer is not None:
            writer.close()
    if bar:
        bar.close()
    dataset = graph.build_graph(results, base=options.base)
    outputs: list[str] = [str(store_dir)] if store_dir is not None and results else []
    if out_dir is not None and results:
        out = Path(out_dir)
        outputs += [str(p) for p in store.write_outputs(dataset, out)]
        if options.html:
            from . import view

            outputs.append(str(view.render_html(graph.union_graph(dataset), out / "graph.html")))
    summary = _summary(results, problems, outputs, time.perf_counter() - t0)
    return summary, dataset


def _store_writer(store_dir: str | Path | None, options: Options) -> Any:
    if store_dir is None:
        return None
    from .oxstore import GraphStore

    return GraphStore(store_dir, base=options.base)


def _store_put(writer: Any, result: DocResult) -> Problem | None:
    """Add one document to the store; a document the store refuses becomes a Problem."""
    try:
        writer.put(result)
    except (ValueError, TypeError) as exc:  # bad data in this document: the others go on
        return Problem(result.doc.source, f"{type(exc).__name__}: {exc}", stage="store")
    return None


def _progress(total: int, enabled: bool) -> Any:
    if not enabled or total < 2:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="build", leave=False)


def _summary(results: list[DocResult], problems: list[Problem], outputs: list[str], seconds: float) -> BuildSummary:
    entities: set[tuple[str, str]] = set()
    linked: set[str] = set()
    for r in results:
        doc_id = r.doc.id
        by_mention = {lk.mention: lk.qid for lk in r.links}
        for e in r.extraction.entities:
            qids = [by_mention[m] for m in e.mentions if m in by_mention]
            entities.add(("qid", qids[0]) if qids else (doc_id, e.key))
            if qids:
                linked.add(qids[0])
    return BuildSummary(
        documents=len(results),
        sentences=sum(len(r.extraction.analysed.sentences) for r in results),
        entities=len(entities),
        linked=len(linked),
        facts=sum(len(r.extraction.triples) for r in results),
        seconds=round(seconds, 3),
        problems=tuple(problems),
        outputs=tuple(outputs),
    )
