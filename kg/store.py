"""Store stage: write graphs to files, load them back, ask SPARQL questions.

Files are written *canonically*: subjects, predicates and objects in sorted order, one
fixed prefix table, literals always in the same escaped single-line form. rdflib's own
serializers order triples by hash-dependent set iteration, so two runs (or two values
of PYTHONHASHSEED) could write different bytes for the same graph; ours cannot. Writes
are atomic: a temporary file in the target folder, then ``os.replace``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, cast
from urllib.parse import unquote

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD
from rdflib.query import Result, ResultRow
from rdflib.term import Node

from .errors import InputError, UnknownNameError
from .vocab import DEFAULT_BASE, PREFIXES

QueryResult = Result  # what query() returns: rdflib's SELECT/ASK/CONSTRUCT/DESCRIBE result

#: File suffixes load() reads, with the rdflib parser of each.
LOAD_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}

#: Output formats of format_result().
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "json", "tsv")

# Turtle PN_LOCAL, restricted to ASCII plus %XX escapes: safe for every parser.
_LOCAL = re.compile(r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_-]|%[0-9A-Fa-f]{2})*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FSI, _PDI = "\u2068", "\u2069"


# --- canonical Turtle and TriG ------------------------------------------------------------


def to_turtle(graph: Graph) -> str:
    """A graph as canonical Turtle: the same text for the same graph, always.

    >>> g = Graph()
    >>> _ = g.add((URIRef("http://x/b"), RDF.type, URIRef("http://x/C")))
    >>> _ = g.add((URIRef("http://x/a"), URIRef("http://x/p"), Literal("قال \\"نعم\\"", lang="ar")))
    >>> print(to_turtle(g).split("\\n\\n", 1)[1], end="")
    <http://x/a> <http://x/p> "قال \\"نعم\\""@ar .
    <BLANKLINE>
    <http://x/b> a <http://x/C> .
    """
    return "".join(_turtle_chunks(graph))


def to_trig(ds: Dataset) -> str:
    """A dataset as canonical TriG: named graphs in IRI order, each sorted like to_turtle.

    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("http://x/g")).add((URIRef("http://x/a"), RDF.type, URIRef("http://x/C")))
    >>> print(to_trig(ds).split("\\n\\n", 1)[1], end="")
    <http://x/g> {
        <http://x/a> a <http://x/C> .
    }
    """
    return "".join(_trig_chunks(ds))


def _turtle_chunks(graph: Graph) -> Iterator[str]:
    yield prefix_header()
    yield from _separated(blocks(sorted(records(graph))))


def _trig_chunks(ds: Dataset) -> Iterator[str]:
    yield prefix_header()
    graphs = sorted((g for g in ds.graphs() if len(g)), key=lambda g: _term_key(g.identifier))
    named = [g for g in graphs if g.identifier != DATASET_DEFAULT_GRAPH_ID]
    for g in graphs:
        if g.identifier == DATASET_DEFAULT_GRAPH_ID:  # triples outside any named graph
            yield from _separated(blocks(sorted(records(g))))
            if named:
                yield "\n"
    for i, g in enumerate(named):
        yield graph_open(g.identifier)
        yield from _separated(indent_block(b) for _, b in blocks(sorted(records(g))))
        yield "}\n" if i == len(named) - 1 else "}\n\n"


def prefix_header() -> str:
    """The fixed prefix table every canonical file starts with (and its blank line)."""
    lines = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())]
    return "".join(lines) + "\n"


def graph_open(name: Node) -> str:
    """The line that opens a named graph in canonical TriG."""
    return f"{_term(name)} {{\n"


#: A term ready to write: its sort key and its Turtle text. The key decides the order
#: (IRIs, then blank nodes, then literals; each by its text, language and datatype).
TermRecord = tuple[tuple[Any, ...], str]
#: One triple as TermRecords; sorting Records gives the canonical order of the files
#: (subjects, then rdf:type before other predicates, then objects).
Record = tuple[TermRecord, TermRecord, TermRecord]


def records(triples: Iterable[tuple[Node, Node, Node]]) -> list[Record]:
    """Triples as Records, unsorted. Sort them, then ``blocks`` writes them.

    >>> r = records([(URIRef("http://x/a"), RDF.type, URIRef("http://x/C"))])
    >>> [(t[1]) for t in r[0]]
    ['<http://x/a>', 'a', '<http://x/C>']
    """
    return [(_term_record(s), _predicate_record(p), _term_record(o)) for s, p, o in triples]


def blocks(sorted_records: Iterable[Record]) -> Iterator[tuple[TermRecord, str]]:
    """One canonical Turtle block per subject, with the subject's record, from Records
    in sorted order; a repeated Record is written once.

    >>> a, p, q = URIRef("http://x/a"), URIRef("http://x/p"), URIRef("http://x/q")
    >>> rs = sorted(records([(a, q, Literal(2)), (a, p, Literal("y")), (a, p, Literal("x")), (a, RDF.type, p)]))
    >>> print("".join(text for _, text in blocks(rs + rs[-1:])), end="")
    <http://x/a> a <http://x/p> ;
        <http://x/p> "x",
            "y" ;
        <http://x/q> 2 .
    """
    subject: TermRecord | None = None
    predicate: TermRecord | None = None
    lines: list[str] = []
    objects: list[str] = []
    previous: Record | None = None
    for rec in sorted_records:
        if rec == previous:
            continue
        previous = rec
        s, p, o = rec
        if s != subject:
            if subject is not None:
                lines.append(objects_line(predicate, objects))
                yield subject, f"{subject[1]} " + " ;\n    ".join(lines) + " .\n"
            subject, predicate, lines, objects = s, p, [], [o[1]]
        elif p != predicate:
            lines.append(objects_line(predicate, objects))
            predicate, objects = p, [o[1]]
        else:
            objects.append(o[1])
    if subject is not None:
        lines.append(objects_line(predicate, objects))
        yield subject, f"{subject[1]} " + " ;\n    ".join(lines) + " .\n"


def objects_line(predicate: TermRecord | None, objects: list[str]) -> str:
    assert predicate is not None
    return f"{predicate[1]} " + ",\n        ".join(objects)


def indent_block(block: str, indent: str = "    ") -> str:
    """A block as it stands inside a named graph of TriG: every line indented.

    (Line breaks inside literals are escaped, so every ``\\n`` ends a line.)

    >>> indent_block("<a> <p> 1 ;\\n    <q> 2 .\\n")
    '    <a> <p> 1 ;\\n        <q> 2 .\\n'
    """
    return indent + block[:-1].replace("\n", "\n" + indent) + "\n"


def _separated(items: Iterable[str] | Iterable[tuple[TermRecord, str]]) -> Iterator[str]:
    """Blocks with a blank line between them."""
    first = True
    for item in items:
        text = item if isinstance(item, str) else item[1]
        if not first:
            yield "\n"
        first = False
        yield text


def _term_key(t: Node) -> tuple[int, str, str, str]:
    if isinstance(t, Literal):
        return (2, str(t), t.language or "", str(t.datatype or ""))
    return (1 if isinstance(t, BNode) else 0, str(t), "", "")


@lru_cache(maxsize=1 << 16)
def _term_record(t: Node) -> TermRecord:
    return (_term_key(t), _term(t))


def term_record(t: Node) -> TermRecord:
    """A term's TermRecord, as the subject of a Record has it.

    >>> term_record(URIRef("http://x/a"))
    ((0, 'http://x/a', '', ''), '<http://x/a>')
    """
    return _term_record(t)


@lru_cache(maxsize=1 << 12)
def _predicate_record(p: Node) -> TermRecord:
    if p == RDF.type:
        return ((0,), "a")
    return ((1, *_term_key(p)), _term(p))


def _term(t: Node) -> str:
    """A term in Turtle syntax, prefixed where the local name is plain."""
    if isinstance(t, Literal):
        return _literal(t)
    if isinstance(t, BNode):
        return f"_:{t}"
    if isinstance(t, URIRef):
        return _compact(str(t)) or _iri(str(t))
    raise TypeError(f"cannot write {t!r} as an RDF term")


# Longest namespace first, so a namespace inside another never wins.
_PREFIX_ORDER = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda kv: -len(kv[1]))


def _compact(iri: str) -> str | None:
    for prefix, ns in _PREFIX_ORDER:
        if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return None


def _iri(iri: str) -> str:
    return "<" + _IRI_FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04X}", iri) + ">"


def _literal(lit: Literal) -> str:
    lex = str(lit)
    if lit.language:
        return f"{_quote(lex)}@{lit.language}"
    dt = lit.datatype
    if dt is None or dt == XSD.string:
        return _quote(lex)
    if (dt == XSD.integer and _INTEGER.fullmatch(lex)) or (
        dt == XSD.decimal and _DECIMAL.fullmatch(lex)
    ):
        return lex
    if dt == XSD.boolean and lex in ("true", "false"):
        return lex
    return f"{_quote(lex)}^^{_term(dt)}"


_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f]')


def _quote(s: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, s) + '"'


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


# --- files ----------------------------------------------------------------------------------


def write_outputs(ds: Dataset, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph.ttl`` (the union of all graphs) and ``graph.trig`` (named graphs).

    Each file is replaced atomically, so a failed run leaves the previous one intact.

    >>> import tempfile
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("http://x/g")).add((URIRef("http://x/a"), RDF.type, URIRef("http://x/C")))
    >>> [p.name for p in write_outputs(ds, tempfile.mkdtemp())]
    ['graph.ttl', 'graph.trig']
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return atomic_write_all(
        [(out / "graph.ttl", _turtle_chunks(_union(ds))), (out / "graph.trig", _trig_chunks(ds))]
    )


def atomic_write(path: str | os.PathLike[str], chunks: Iterable[str]) -> Path:
    """Write text (UTF-8) to ``path`` through a temporary file and ``os.replace``.

    If producing or writing the text fails, ``path`` keeps its previous content and
    the temporary file is removed.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write(p, ["a", "b"]).read_text()
    'ab'
    """
    return atomic_write_all([(Path(path), chunks)])[0]


def atomic_write_all(files: Sequence[tuple[str | os.PathLike[str], Iterable[str]]]) -> list[Path]:
    """Write several files so that either all are replaced or none is.

    Every file is written to a temporary file first; only when all succeeded are they
    moved into place, so ``graph.ttl`` and ``graph.trig`` never come from two runs.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, chunks in files:
            target = Path(path)
            temps.append((_write_temp(target, chunks), target))
        for tmp, target in temps:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)
        raise
    return [target for _, target in temps]


@contextlib.contextmanager
def atomic_files(paths: Sequence[str | os.PathLike[str]]) -> Iterator[list[IO[str]]]:
    """Text files (UTF-8) to write at once: all replace their targets when the block
    ends, or, if it raises, none does and the temporary files are removed.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with atomic_files([d / "a.txt", d / "b.txt"]) as (a, b):
    ...     _ = a.write("A"), b.write("B")
    >>> (d / "a.txt").read_text(), (d / "b.txt").read_text()
    ('A', 'B')
    """
    targets = [Path(p) for p in paths]
    temps: list[tuple[str, IO[str]]] = []
    try:
        for target in targets:
            tmp = str(target.parent / f".{target.name}.{secrets.token_hex(8)}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            temps.append((tmp, os.fdopen(fd, "w", encoding="utf-8", newline="\n")))
        yield [f for _, f in temps]
        for _, f in temps:
            f.flush()
            os.fsync(f.fileno())
            f.close()
        for (tmp, _), target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    except BaseException:
        for tmp, f in temps:
            f.close()
            Path(tmp).unlink(missing_ok=True)
        raise


def _write_temp(target: Path, chunks: Iterable[str]) -> str:
    # os.open with mode 0o666 lets the umask decide the permissions, as for any new file
    # (tempfile.mkstemp would leave 0600).
    tmp = str(target.parent / f".{target.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for chunk in chunks:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def load(path: str | os.PathLike[str]) -> Dataset:
    """Read a graph file, or a store folder, into a Dataset whose default graph is the union.

    The format of a file comes from the suffix (see ``LOAD_FORMATS``); a folder made by
    ``kg build --store`` is read through Oxigraph (``kg.oxstore``).

    >>> load("graph.xyz")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown graph file suffix '.xyz'. Available: .jsonld, .nq, .nt, .owl, .rdf, .trig, .ttl
    """
    p = Path(path)
    if p.is_dir():
        from . import oxstore

        return oxstore.to_dataset(p)
    fmt = LOAD_FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise UnknownNameError("graph file suffix", p.suffix, sorted(LOAD_FORMATS))
    if not p.is_file():
        raise InputError(str(p), "no such file")
    ds = Dataset(default_union=True)
    try:
        ds.parse(p, format=fmt)
    except Exception as e:  # rdflib raises many unrelated types for bad input
        raise InputError(str(p), f"not valid {fmt}: {e}") from None
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, replace=True)
    return ds


# --- SPARQL ---------------------------------------------------------------------------------


def query(source: Graph | str | os.PathLike[str], sparql: str) -> QueryResult:
    """Run SPARQL over a graph, a dataset (default graph = union of all), a file or a store.

    A store folder (``kg build --store``) is queried by Oxigraph, anything else by
    rdflib; the result is the same kind of object, so ``format_result`` prints both alike.

    The prefixes of ``kg.vocab.PREFIXES`` (``kg:``, ``wd:``, ``rdfs:`` ...) are predeclared.
    ``GRAPH ?g { ... }`` reaches the per-document graphs of a TriG file or dataset.

    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("http://x/g")).add((URIRef("http://x/a"), RDF.type, URIRef("http://x/C")))
    >>> [str(row.s) for row in query(ds, "SELECT ?s WHERE { ?s a ?c }")]
    ['http://x/a']
    """
    if not isinstance(source, Graph) and Path(source).is_dir():
        from . import oxstore

        with oxstore.reading(source) as st:
            return oxstore.query(st, sparql)
    graph = source if isinstance(source, Graph) else load(source)
    if isinstance(graph, Dataset) and not graph.default_union:
        # A view over the same store, so the caller's dataset is not changed.
        graph = Dataset(store=graph.store, default_union=True)
    try:
        return graph.query(sparql, initNs=dict(PREFIXES))
    except Exception as e:  # pyparsing and rdflib errors for malformed queries
        raise InputError("SPARQL query", str(e).strip() or type(e).__name__) from None


#: ``kg export`` formats: RDF (ttl is the union of all graphs), the entity network
#: (graphml, gexf) and a table of every fact with its source (csv).
EXPORT_FORMATS: tuple[str, ...] = ("ttl", "trig", "nq", "jsonld", "graphml", "gexf", "csv")


def export(
    source: str | os.PathLike[str], fmt: str, out: str | os.PathLike[str], *, lang: str = "ar"
) -> Path:
    """Write a graph file or a store in another format; the output is replaced atomically.

    ``ttl`` and ``trig`` of a file are canonical (as ``kg build`` writes them); a store
    writes RDF through Oxigraph, streaming. ``csv`` is the ``facts_with_sources`` query.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> g = Graph()
    >>> _ = g.add((URIRef("http://x/a"), RDF.type, URIRef("http://x/C")))
    >>> _ = g.serialize(d / "g.nt", format="nt")
    >>> export(d / "g.nt", "ttl", d / "g.ttl").read_text().endswith("<http://x/a> a <http://x/C> .\\n")
    True
    >>> export(d / "g.nt", "xls", d / "g.xls")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown export format 'xls'. Available: ttl, trig, nq, jsonld, graphml, gexf, csv
    """
    if fmt not in EXPORT_FORMATS:
        raise UnknownNameError("export format", fmt, EXPORT_FORMATS)
    src, target = Path(source), Path(out)
    if src.resolve() == target.resolve():
        raise InputError(str(target), "is the input; give another --out")
    if fmt in ("graphml", "gexf"):
        from . import analytics

        return analytics.export(analytics.to_networkx(load(src), lang=lang), target, fmt)
    if fmt == "csv":
        return atomic_write(
            target, [format_result(query(src, read_query("facts_with_sources")), "csv")]
        )
    if src.is_dir():
        from . import oxstore

        return oxstore.export(src, fmt, target)
    ds = load(src)
    if fmt == "ttl":
        return atomic_write(target, _turtle_chunks(_union(ds)))
    if fmt == "trig":
        return atomic_write(target, _trig_chunks(ds))
    text = ds.serialize(format="nquads" if fmt == "nq" else "json-ld")
    return atomic_write(target, [text])


def _union(ds: Dataset) -> Graph:
    union = Graph()
    for g in ds.graphs():
        union += g
    return union


def stored_queries() -> dict[str, str]:
    """The example queries of ``ontology/queries/``: name -> title (first comment line).

    >>> stored_queries()["hosted_events"]
    'Who hosted which event'
    """
    from .ontology import resource

    out = {}
    for f in sorted(resource("queries").iterdir(), key=lambda f: f.name):
        if f.name.endswith(".rq"):
            first = f.read_text(encoding="utf-8").lstrip().splitlines()[0]
            out[f.name[:-3]] = first.lstrip("#").strip()
    return out


def read_query(name_or_path: str | os.PathLike[str]) -> str:
    """The text of a query file, or of a stored query by name (``hosted_events``).

    >>> read_query("hosted_events").startswith("# Who hosted which event")
    True
    >>> read_query("nope")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown query 'nope'. Available: event_participants, facts_with_sources, hosted_events, ...
    """
    p = Path(name_or_path)
    if p.is_file():
        return p.read_text(encoding="utf-8")
    name = p.name[:-3] if p.name.endswith(".rq") else p.name
    if name not in (queries := stored_queries()):
        raise UnknownNameError("query", str(name_or_path), sorted(queries))
    from .ontology import resource

    return resource(f"queries/{name}.rq").read_text(encoding="utf-8")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """A query result as text: ``table``, ``csv``, ``json`` or ``tsv``.

    ASK gives ``true``/``false`` (a SPARQL JSON document for ``json``); CONSTRUCT and
    DESCRIBE give canonical Turtle whatever the format.

    >>> g = Graph()
    >>> _ = g.add((URIRef("http://x/a"), URIRef("http://x/name"), Literal("بغداد", lang="ar")))
    >>> print(format_result(query(g, "SELECT ?s ?n WHERE { ?s ?p ?n }"), "csv"), end="")
    s,n
    http://x/a,بغداد
    >>> format_result(query(g, "ASK { ?s ?p ?o }"), "table")
    'true'
    """
    if fmt not in RESULT_FORMATS:
        raise UnknownNameError("result format", fmt, RESULT_FORMATS)
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return json.dumps({"head": {}, "boolean": answer}) if fmt == "json" else str(answer).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return to_turtle(result.graph if result.graph is not None else Graph())
    names = [str(v) for v in (result.vars or [])]
    rows: list[list[Node | None]] = [
        [cast(ResultRow, row)[i] for i in range(len(names))] for row in result
    ]
    return _SELECT_WRITERS[fmt](names, rows)


def _csv(names: list[str], rows: list[list[Node | None]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(names)
    w.writerows(
        [
            ["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row]
            for row in rows
        ]
    )
    return buf.getvalue()


def _tsv(names: list[str], rows: list[list[Node | None]]) -> str:
    """SPARQL 1.1 TSV: terms in N-Triples syntax (full IRIs), tabs and newlines escaped."""
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else _nt(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def _nt(t: Node) -> str:
    if isinstance(t, Literal):
        if t.language:
            return f"{_quote(str(t))}@{t.language}"
        if t.datatype is None or t.datatype == XSD.string:
            return _quote(str(t))
        return f"{_quote(str(t))}^^{_iri(str(t.datatype))}"
    return f"_:{t}" if isinstance(t, BNode) else _iri(str(t))


def _json(names: list[str], rows: list[list[Node | None]]) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [
        {n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None} for row in rows
    ]
    doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _json_term(t: Node) -> dict[str, str]:
    if isinstance(t, Literal):
        out = {"type": "literal", "value": str(t)}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype is not None and t.datatype != XSD.string:
            out["datatype"] = str(t.datatype)
        return out
    return {"type": "bnode" if isinstance(t, BNode) else "uri", "value": str(t)}


def _table(names: list[str], rows: list[list[Node | None]]) -> str:
    """Aligned columns for a terminal; Arabic cells are bidi-isolated so columns stay put."""
    cells = [names] + [[_display(t) for t in row] for row in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(names))]
    lines = []
    for n, row in enumerate(cells):
        padded = [
            _isolate(c) + " " * (w - display_width(c)) for c, w in zip(row, widths, strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


_SELECT_WRITERS = {"table": _table, "csv": _csv, "json": _json, "tsv": _tsv}


def _display(t: Node | None) -> str:
    """A term for human eyes: prefixed IRIs with percent-escapes decoded, bare literals."""
    if t is None:
        return ""
    if isinstance(t, Literal):
        text = str(t)
    elif isinstance(t, BNode):
        text = f"_:{t}"
    else:
        iri = str(t)
        text = unquote(_compact(iri) or _compact_base(iri) or iri)
    # Newlines and stray bidi controls would break the table's rows and columns.
    return _BIDI_CONTROLS.sub("", " ".join(text.split()))


def _compact_base(iri: str) -> str | None:
    return "kgr:" + iri[len(DEFAULT_BASE) :] if iri.startswith(DEFAULT_BASE) else None


def _isolate(cell: str) -> str:
    return f"{_FSI}{cell}{_PDI}" if _RTL.search(cell) else cell


def display_width(s: str) -> int:
    """Terminal columns of a string: combining marks (harakat) take none, wide CJK two.

    >>> display_width("مُحَمَّد"), display_width("abc"), display_width("漢字")
    (4, 3, 4)
    """
    width = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
