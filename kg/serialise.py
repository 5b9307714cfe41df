"""Graph files: write them canonically, read them back.

Files are written *canonically*: subjects, predicates and objects in sorted order, one
fixed prefix table, literals always in the same escaped single-line form. rdflib's own
serializers order triples by hash-dependent set iteration, so two runs (or two values
of PYTHONHASHSEED) could write different bytes for the same graph; ours cannot. Writes
are atomic (``kg.atomic``). Which suffix is which format is ``kg.formats``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from .atomic import atomic_files, atomic_write
from .errors import InputError
from .formats import FORMATS, Format
from .vocab import PREFIXES

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
        return compact_iri(str(t)) or _iri(str(t))
    raise TypeError(f"cannot write {t!r} as an RDF term")


# Longest namespace first, so a namespace inside another never wins.
_PREFIX_ORDER = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda kv: -len(kv[1]))


def compact_iri(iri: str) -> str | None:
    """An IRI as ``prefix:local`` with the fixed prefix table, or None when it has no
    plain local name there.

    >>> compact_iri("https://w3id.org/kg-builder/ontology#hosted"), compact_iri("http://x/a")
    ('kg:hosted', None)
    """
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


def nt_term(t: Node) -> str:
    """A term in N-Triples syntax: full IRIs, no prefixes, no short forms of literals.

    >>> nt_term(Literal(2)), nt_term(URIRef("http://x/a"))
    ('"2"^^<http://www.w3.org/2001/XMLSchema#integer>', '<http://x/a>')
    """
    if isinstance(t, Literal):
        if t.language:
            return f"{_quote(str(t))}@{t.language}"
        if t.datatype is None or t.datatype == XSD.string:
            return _quote(str(t))
        return f"{_quote(str(t))}^^{_iri(str(t.datatype))}"
    return f"_:{t}" if isinstance(t, BNode) else _iri(str(t))


# --- files ----------------------------------------------------------------------------------


def write_outputs(ds: Dataset, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph.ttl`` (the union of all graphs) and ``graph.trig`` (named graphs).

    Both files are replaced atomically and together, so a failed run leaves the previous
    ones intact and the two never come from two runs.

    >>> import tempfile
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("http://x/g")).add((URIRef("http://x/a"), RDF.type, URIRef("http://x/C")))
    >>> [p.name for p in write_outputs(ds, tempfile.mkdtemp())]
    ['graph.ttl', 'graph.trig']
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ttl, trig = out / "graph.ttl", out / "graph.trig"
    with atomic_files([ttl, trig]) as (fttl, ftrig):
        fttl.writelines(_turtle_chunks(_union(ds)))
        ftrig.writelines(_trig_chunks(ds))
    return [ttl, trig]


def write_dataset(ds: Dataset, target: str | os.PathLike[str], fmt: Format) -> Path:
    """Write a dataset to a file in an RDF format, atomically: ``ttl`` (the union of its
    graphs) and ``trig`` canonically, as ``kg build`` writes them; others through rdflib.

    >>> import tempfile
    >>> from kg.formats import Use
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("http://x/g")).add((URIRef("http://x/a"), RDF.type, URIRef("http://x/C")))
    >>> p = write_dataset(ds, Path(tempfile.mkdtemp()) / "g.nq", FORMATS.get("nq", Use.EXPORT))
    >>> p.read_text().strip()
    '<http://x/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/C> <http://x/g> .'
    """
    if fmt.name in _CANONICAL:
        return atomic_write(target, _CANONICAL[fmt.name](ds))
    if fmt.rdflib is None:
        raise InputError(str(target), f"{fmt.name} is not a format rdflib writes")
    return atomic_write(target, [ds.serialize(format=fmt.rdflib)])


#: The formats written canonically, by kg itself rather than by rdflib.
_CANONICAL: dict[str, Callable[[Dataset], Iterator[str]]] = {
    "ttl": lambda ds: _turtle_chunks(_union(ds)),
    "trig": _trig_chunks,
}


def _union(ds: Dataset) -> Graph:
    union = Graph()
    for g in ds.graphs():
        union += g
    return union


def load(path: str | os.PathLike[str]) -> Dataset:
    """Read a graph file, or a store folder, into a Dataset whose default graph is the union.

    The format of a file comes from its suffix (``kg.formats``); a folder made by
    ``kg build --store`` is read through Oxigraph (``kg.store``).

    >>> load("graph.xyz")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown graph file suffix '.xyz'. Available: .jsonld, .nq, .nt, .owl, .rdf, .trig, .ttl
    """
    p = Path(path)
    if p.is_dir():
        from . import store

        return store.to_dataset(p)
    fmt = FORMATS.by_suffix(p.suffix).rdflib
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
