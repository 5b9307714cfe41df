"""Enrichment: bring Wikidata's labels, descriptions and classes into a built graph.

For every Wikidata item an entity is linked to (``owl:sameAs wd:Q…``) it adds, on the
item itself and in Wikidata's own terms (the same triples a federated query would read
from query.wikidata.org)::

    wd:Q61 rdfs:label "واشنطن"@ar, "Washington, D.C."@en ;
        <http://schema.org/description> "capital city of the United States of America"@en ;
        wdt:P31 wd:Q5119 .
    wd:Q5119 rdfs:label "capital city"@en .

The entity keeps its own one label per language (the shapes require it); the item's
are one ``owl:sameAs`` away. In a TriG file the added triples go to the named graph
``<https://www.wikidata.org/>``; enriching again replaces them. Needs the network (or a
warm cache): see :mod:`kg.link.wdclient`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDFS

from .vocab import WD, WDT

#: The named graph that holds what enrichment brings from Wikidata.
WIKIDATA_GRAPH = URIRef("https://www.wikidata.org/")
#: Wikidata's description property (Wikidata uses http://schema.org/, not https).
DESCRIPTION = URIRef("http://schema.org/description")
LANGUAGES = ("ar", "en")


@dataclass(frozen=True, slots=True)
class EnrichSummary:
    items: int  # linked Wikidata items found in the graph
    labels: int
    descriptions: int
    classes: int  # wdt:P31 triples
    missing: tuple[str, ...]  # QIDs Wikidata does not know (deleted or merged)


def linked_items(graph: Graph) -> list[str]:
    """The QIDs the graph's entities are linked to, sorted.

    >>> g = Graph()
    >>> _ = g.add((URIRef("http://x/a"), OWL.sameAs, WD.Q61))
    >>> linked_items(g)
    ['Q61']
    """
    out = {
        str(o)[len(str(WD)) :]
        for o in graph.objects(None, OWL.sameAs)
        if str(o).startswith(str(WD))
    }
    return sorted(q for q in out if q[1:].isdigit())


def enrich(
    ds: Dataset, client: Any = None, languages: tuple[str, ...] = LANGUAGES
) -> EnrichSummary:
    """Add Wikidata labels, descriptions and classes of the linked items to ``ds``."""
    from .link.wdclient import WikidataClient

    client = client if client is not None else WikidataClient()
    qids = linked_items(ds)
    items = client.entities(qids, languages)
    classes = sorted({c for it in items.values() for c in it.instance_of})
    class_items = client.entities([c for c in classes if c not in items], languages)
    target = ds.graph(WIKIDATA_GRAPH)
    subjects = [WD[q] for q in (*qids, *classes)]
    for g in ds.graphs():  # enriching again replaces what an earlier run added
        for s in subjects:
            for p in (RDFS.label, DESCRIPTION, WDT.P31):
                g.remove((s, p, None))
    labels = descriptions = typed = 0
    for qid in qids:
        item = items.get(qid)
        if item is None or item.missing:
            continue
        node = WD[qid]
        for lang in languages:
            if item.labels.get(lang):
                target.add((node, RDFS.label, Literal(item.labels[lang], lang=lang)))
                labels += 1
            if item.descriptions.get(lang):
                target.add((node, DESCRIPTION, Literal(item.descriptions[lang], lang=lang)))
                descriptions += 1
        for c in item.instance_of:
            target.add((node, WDT.P31, WD[c]))
            typed += 1
    for c in classes:
        info = items.get(c) or class_items.get(c)
        if info is None or info.missing:
            continue
        for lang in languages:
            if info.labels.get(lang):
                target.add((WD[c], RDFS.label, Literal(info.labels[lang], lang=lang)))
    missing = tuple(q for q in qids if items.get(q) is None or items[q].missing)
    return EnrichSummary(len(qids), labels, descriptions, typed, missing)


def enrich_file(
    path: str | os.PathLike[str], out: str | os.PathLike[str] | None = None, client: Any = None
) -> tuple[EnrichSummary, Path]:
    """Enrich a graph file and write it (to ``out``, else in place), atomically.

    The format follows the suffix: ``.trig`` keeps the named graphs, ``.ttl`` holds
    their union (both written canonically, as ``kg build`` does), others through rdflib.
    """
    from .serialise import load

    ds = load(path)
    summary = enrich(ds, client)
    target = Path(out) if out is not None else Path(path)
    return summary, write_graph(ds, target)


def write_graph(ds: Dataset, target: Path) -> Path:
    """Write a dataset to a file in the format of its suffix (``kg.formats``), atomically:
    TriG and N-Quads keep the named graphs, the others hold their union."""
    from .atomic import atomic_write
    from .errors import InputError
    from .formats import FORMATS
    from .serialise import to_trig, to_turtle

    fmt = FORMATS.by_suffix(target.suffix)
    if fmt.name == "trig":
        return atomic_write(target, [to_trig(ds)])
    union = Graph()
    for prefix, ns in ds.namespaces():
        union.bind(prefix, ns)
    for g in ds.graphs():
        union += g
    if fmt.name == "ttl":
        return atomic_write(target, [to_turtle(union)])
    if fmt.rdflib is None:
        raise InputError(str(target), f"rdflib does not write {fmt.name}")
    data = (ds if fmt.name == "nq" else union).serialize(format=fmt.rdflib)
    return atomic_write(target, [data if isinstance(data, str) else data.decode("utf-8")])


def format_summary(s: EnrichSummary, path: Path) -> str:
    """One line for the CLI.

    >>> format_summary(EnrichSummary(3, 6, 5, 4, ("Q9",)), Path("g.ttl"))
    'enriched 3 Wikidata items: 6 labels, 5 descriptions, 4 classes; unknown to Wikidata: Q9; wrote g.ttl'
    """
    gone = f"; unknown to Wikidata: {', '.join(s.missing)}" if s.missing else ""
    return f"enriched {s.items} Wikidata items: {s.labels} labels, {s.descriptions} descriptions, {s.classes} classes{gone}; wrote {path}"
