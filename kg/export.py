"""``kg export``: a graph file or a store in another format, chosen from ``kg.formats``.

Each kind of export format has one writer: RDF goes through ``kg.serialise`` (canonical
``ttl`` and ``trig``, the others by rdflib) or, for a store, through Oxigraph
(``kg.store.export``, streaming); a network format through ``kg.analytics``; a result
format is the ``facts_with_sources`` query written by ``kg.query``. So a format
registered in ``kg.formats.FORMATS`` with ``EXPORT`` among its uses is exported here
with no change to this module.
"""

from __future__ import annotations

import os
from pathlib import Path

from .atomic import atomic_write
from .errors import InputError
from .formats import FORMATS, Kind, Use
from .query import format_result, query, read_query
from .serialise import load, write_dataset
from .view import documents_lang


def export(
    source: str | os.PathLike[str],
    fmt: str,
    out: str | os.PathLike[str],
    *,
    lang: str | None = None,
    csv_safe: bool = True,
) -> Path:
    """Write a graph file or a store in another format; the output is replaced atomically.

    ``ttl`` and ``trig`` of a file are canonical (as ``kg build`` writes them); a store
    writes RDF through Oxigraph, streaming. ``csv`` is the ``facts_with_sources`` query;
    ``graphml`` and ``gexf`` the entity network, labelled in ``lang`` (subjects and
    objects of ``csv`` too; by default the language of most documents). In ``csv`` a
    cell a spreadsheet would run as a formula is neutralised unless ``csv_safe`` is
    False (``kg.query.csv_cell``).

    >>> import tempfile
    >>> from rdflib import RDF, Graph, URIRef
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
    f = FORMATS.get(fmt, Use.EXPORT)
    src, target = Path(source), Path(out)
    if src.resolve() == target.resolve():
        raise InputError(str(target), "is the input; give another --out")
    if f.kind == Kind.NETWORK:
        from . import analytics

        g = load(src)
        return analytics.export(
            analytics.to_networkx(g, lang=lang or documents_lang(g)), target, f.name
        )
    if f.kind == Kind.RESULTS:
        sparql = labels_first(read_query("facts_with_sources"), lang or documents_lang(src))
        facts = query(src, sparql)
        return atomic_write(target, [format_result(facts, f.name, csv_safe=csv_safe)])
    if src.is_dir():
        from . import store

        return store.export(src, f, target)
    return write_dataset(load(src), target, f)


def labels_first(sparql: str, lang: str) -> str:
    """A query whose labels prefer Arabic (``COALESCE(?sAr, ?sEn, …)``) made to prefer
    English for ``lang`` ``en``; any other language keeps Arabic first. An entity with no
    label in the preferred language keeps the name as written in the other.

    >>> labels_first("COALESCE(?sAr, ?sEn, STR(?s)) COALESCE(?oAr, ?oEn, STR(?o))", "en")
    'COALESCE(?sEn, ?sAr, STR(?s)) COALESCE(?oEn, ?oAr, STR(?o))'
    """
    if lang.split("-")[0].lower() != "en":
        return sparql
    for x in ("s", "o"):
        sparql = sparql.replace(f"COALESCE(?{x}Ar, ?{x}En,", f"COALESCE(?{x}En, ?{x}Ar,")
    return sparql
