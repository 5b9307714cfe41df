"""SPARQL over graph files, datasets and stores, the stored example queries, and results
as text: an aligned table for a terminal, CSV, TSV or SPARQL JSON (``kg query``).

A store folder (``kg build --store``) is queried by Oxigraph, anything else by rdflib;
both give rdflib's ``Result``, so ``format_result`` prints them alike.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import cast
from urllib.parse import unquote

from rdflib import BNode, Dataset, Graph, Literal
from rdflib.namespace import XSD
from rdflib.query import Result, ResultRow
from rdflib.term import Node

from .errors import InputError, UnknownNameError
from .formats import FORMATS, Use
from .serialise import compact_iri, load, nt_term, to_turtle
from .vocab import DEFAULT_BASE, PREFIXES

QueryResult = Result  # what query() returns: rdflib's SELECT/ASK/CONSTRUCT/DESCRIBE result

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FSI, _PDI = "\u2068", "\u2069"


def query(source: Graph | str | os.PathLike[str], sparql: str) -> QueryResult:
    """Run SPARQL over a graph, a dataset (default graph = union of all), a file or a store.

    A store folder (``kg build --store``) is queried by Oxigraph, anything else by
    rdflib; the result is the same kind of object, so ``format_result`` prints both alike.

    The prefixes of ``kg.vocab.PREFIXES`` (``kg:``, ``wd:``, ``rdfs:`` ...) are predeclared.
    ``GRAPH ?g { ... }`` reaches the per-document graphs of a TriG file or dataset.

    >>> from rdflib import RDF, URIRef
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("http://x/g")).add((URIRef("http://x/a"), RDF.type, URIRef("http://x/C")))
    >>> [str(row.s) for row in query(ds, "SELECT ?s WHERE { ?s a ?c }")]
    ['http://x/a']
    """
    if not isinstance(source, Graph) and Path(source).is_dir():
        from . import store

        with store.reading(source) as st:
            return store.query(st, sparql)
    graph = source if isinstance(source, Graph) else load(source)
    if isinstance(graph, Dataset) and not graph.default_union:
        # A view over the same store, so the caller's dataset is not changed.
        graph = Dataset(store=graph.store, default_union=True)
    try:
        return graph.query(sparql, initNs=dict(PREFIXES))
    except Exception as e:  # pyparsing and rdflib errors for malformed queries
        raise InputError("SPARQL query", str(e).strip() or type(e).__name__) from None


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
    kg.errors.UnknownNameError: unknown query 'nope'. Available: documents, event_participants, events_by_date, ...
    """
    p = Path(name_or_path)
    if p.is_file():
        return p.read_text(encoding="utf-8")
    name = p.name[:-3] if p.name.endswith(".rq") else p.name
    if name not in (queries := stored_queries()):
        raise UnknownNameError("query", str(name_or_path), sorted(queries))
    from .ontology import resource

    return resource(f"queries/{name}.rq").read_text(encoding="utf-8")


def format_result(result: QueryResult, fmt: str = "table", *, csv_safe: bool = True) -> str:
    """A query result as text: ``table``, ``csv``, ``json`` or ``tsv``.

    In ``csv``, with ``csv_safe`` (the default), a cell a spreadsheet would run as a
    formula is neutralised (:func:`csv_cell`).

    ASK gives ``true``/``false`` (a SPARQL JSON document for ``json``); CONSTRUCT and
    DESCRIBE give canonical Turtle whatever the format.

    >>> from rdflib import URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("http://x/a"), URIRef("http://x/name"), Literal("بغداد", lang="ar")))
    >>> print(format_result(query(g, "SELECT ?s ?n WHERE { ?s ?p ?n }"), "csv"), end="")
    s,n
    http://x/a,بغداد
    >>> format_result(query(g, "ASK { ?s ?p ?o }"), "table")
    'true'
    """
    name = FORMATS.get(fmt, Use.RESULT).name
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return (
            json.dumps({"head": {}, "boolean": answer}) if name == "json" else str(answer).lower()
        )
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return to_turtle(result.graph if result.graph is not None else Graph())
    names = [str(v) for v in (result.vars or [])]
    rows: list[list[Node | None]] = [
        [cast(ResultRow, row)[i] for i in range(len(names))] for row in result
    ]
    if name == "csv":
        return _csv(names, rows, safe=csv_safe)
    writer = _SELECT_WRITERS.get(name)
    if writer is None:
        raise UnknownNameError("result writer", name, sorted(_SELECT_WRITERS))
    return writer(names, rows)


#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def csv_cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run: one that starts with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's rule), unless it is
    a plain number.

    >>> [csv_cell(v) for v in ["=HYPERLINK(1)", "@SUM(A1)", "-3.5", "بغداد"]]
    ["'=HYPERLINK(1)", "'@SUM(A1)", '-3.5', 'بغداد']
    """
    if value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _csv(names: list[str], rows: list[list[Node | None]], *, safe: bool = True) -> str:
    cell = csv_cell if safe else str
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([cell(n) for n in names])
    w.writerows(
        [
            ["" if t is None else cell(f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row]
            for row in rows
        ]
    )
    return buf.getvalue()


def _tsv(names: list[str], rows: list[list[Node | None]]) -> str:
    """SPARQL 1.1 TSV: terms in N-Triples syntax (full IRIs), tabs and newlines escaped."""
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else nt_term(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


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
        text = unquote(compact_iri(iri) or _compact_base(iri) or iri)
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
