#!/usr/bin/env python3
"""Benchmark the network page: how long until a large graph is laid out and interactive.

Generates output graphs in the shape ontology/README.md describes (entities with Arabic
and English labels, aliases, QIDs, direct facts with provenance nodes and sentences) of
500, 2,000 and 5,000 entities with about 2.5 facts per entity, renders each with
kg.view.render_html, opens it from disk in headless Chromium with the network blocked,
and measures from navigation start to the end of stabilisation (physics off). The aim:
2,000 entities interactive in under 5 s. ``--max-nodes N`` draws the N entities
``kg.salience`` chooses, as ``kg view --max-nodes`` and a corpus build's graph.html do;
``page s`` is the time to make the page of the projected network (choice, sizes,
communities, edges), the part that grows with the corpus when the page is capped.

    python scripts/bench_view.py                # 500 2000 5000
    python scripts/bench_view.py 2000 --runs 3  # median of three page loads
    python scripts/bench_view.py 4000 --max-nodes 500 --runs 3
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from kg.analytics import to_networkx
from kg.headless import chromium, console_errors, wait_until_ready
from kg.view import page_html, render_html
from kg.vocab import CORE_RELATIONS, KG, KGREL, WD

BASE = Namespace("https://w3id.org/kg-builder/resource/")
CLASSES = ["Person"] * 4 + ["Organization"] * 3 + ["Country", "City", "Place", "Event", "Group"]
SYLLABLES = "با تي رو سا مي لا دو نا كر ها زي فو جا قد ور سل عب مح".split()
OPEN_LEMMAS = ["زاد", "جدد", "ناقش", "بحث", "دعم"]


def synthetic_graph(n_entities: int, facts_per_entity: float = 2.5, seed: int = 0) -> Graph:
    """A contract-shaped graph; hubs arise from preferential attachment, as in news."""
    rnd = random.Random(seed)
    g = Graph()
    doc = BASE[f"doc/bench{n_entities}"]
    g.add((doc, RDF.type, KG.Document))
    entities = [_entity(g, i, rnd) for i in range(n_entities)]
    for lemma in OPEN_LEMMAS:
        g.add((KGREL[lemma], RDF.type, OWL.ObjectProperty))
        g.add((KGREL[lemma], RDFS.label, Literal(lemma, lang="ar")))
    ends: list[URIRef] = list(entities)  # grows with every fact: rich get richer
    for k in range(int(n_entities * facts_per_entity)):
        s, o = rnd.choice(entities), rnd.choice(ends)
        if s == o:
            continue
        rel = rnd.choice(CORE_RELATIONS) if rnd.random() < 0.9 else None
        pred = KG[rel] if rel else KGREL[rnd.choice(OPEN_LEMMAS)]
        _fact(g, doc, k, s, pred, o, rnd)
        ends.extend((s, o))
    return g


def _entity(g: Graph, i: int, rnd: random.Random) -> URIRef:
    cls = rnd.choice(CLASSES)
    name = " ".join(
        "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))) for _ in range(2)
    )
    iri = BASE[f"entity/Q{100000 + i}"] if rnd.random() < 0.6 else BASE[f"{cls}/e{i}"]
    g.add((iri, RDF.type, KG[cls]))
    g.add((iri, RDFS.label, Literal(name, lang="ar")))
    g.add((iri, RDFS.label, Literal(f"Entity {i}", lang="en")))
    g.add((iri, KG.alias, Literal(name.split()[0], lang="ar")))
    if "/entity/" in str(iri):
        g.add((iri, OWL.sameAs, WD[f"Q{100000 + i}"]))
    return iri


def _fact(
    g: Graph, doc: URIRef, k: int, s: URIRef, p: URIRef, o: URIRef, rnd: random.Random
) -> None:
    sentence = BASE[f"doc/bench/s/{k}"]
    text = f"جملة رقم {k} تذكر {g.value(s, RDFS.label)} و{g.value(o, RDFS.label)}."
    g.add((sentence, RDF.type, KG.Sentence))
    g.add((sentence, KG.text, Literal(text, lang="ar")))
    g.add((sentence, DCTERMS.isPartOf, doc))
    g.add((sentence, KG["index"], Literal(k, datatype=XSD.integer)))
    g.add((s, p, o))
    for e in (s, o):
        g.add((e, KG.mentionedIn, sentence))
    fact = BASE[f"doc/bench/fact/{k}"]
    for t in (RDF.Statement, KG.Fact):
        g.add((fact, RDF.type, t))
    g.add((fact, RDF.subject, s))
    g.add((fact, RDF.predicate, p))
    g.add((fact, RDF.object, o))
    g.add((fact, PROV.wasDerivedFrom, sentence))
    g.add((fact, KG.confidence, Literal(round(rnd.uniform(0.5, 1.0), 2), datatype=XSD.decimal)))
    g.add((fact, KG.extractor, Literal("bench")))


def measure(driver: object, page: Path) -> dict[str, float]:
    """Load the page and time it, in the page's own clock (ms since navigation start)."""
    console_errors(driver)
    driver.get(page.as_uri())  # type: ignore[attr-defined]
    ready = wait_until_ready(driver, timeout=120)
    probe = driver.execute_script(  # type: ignore[attr-defined]
        """
        const nav = performance.getEntriesByType('navigation')[0];
        let t = performance.now();
        const hits = kgView.search('با');
        const search = performance.now() - t;
        t = performance.now();
        kgView.select(hits[0]);
        kgView.network.redraw();
        const select = performance.now() - t;
        return {dom: nav.domContentLoadedEventEnd, search: search, select: select,
                physics: kgView.network.physics.physicsEnabled};
        """
    )
    if probe["physics"]:
        raise AssertionError("physics still running after stabilisation")
    errors = console_errors(driver)
    if errors:
        raise AssertionError(f"console errors: {errors}")
    return {
        "ready": ready,
        "dom": probe["dom"],
        "search": probe["search"],
        "select": probe["select"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("sizes", nargs="*", type=int, default=[500, 2000, 5000])
    ap.add_argument("--runs", type=int, default=1, help="page loads per size (median reported)")
    ap.add_argument("--keep", type=Path, help="write the pages into this folder")
    ap.add_argument("--max-nodes", type=int, help="draw this many entities (kg.salience's choice)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        run(args.sizes, args.runs, folder, args.max_nodes)
        if args.keep:
            print(f"pages in {folder}")
    return 0


def run(sizes: list[int], runs: int, folder: Path, max_nodes: int | None = None) -> None:
    """Print one table row per size (page s: the median of ``runs`` page_html calls)."""
    header = (
        f"{'entities':>8} {'facts':>6} {'drawn':>6} {'html MB':>7} {'project s':>9} "
        f"{'page s':>7} {'render_html s':>13} "
        f"{'DOM ms':>7} {'interactive ms':>14} {'search ms':>9} {'select ms':>9}"
    )
    print(header)
    print("-" * len(header))
    with chromium() as driver:
        for n in sizes:
            g = synthetic_graph(n)
            t0 = time.perf_counter()
            G = to_networkx(g, unasserted=True)  # as render_html projects it
            t1 = time.perf_counter()
            page = render_html(g, folder / f"bench_{n}.html", max_nodes=max_nodes)
            t2 = time.perf_counter()
            made = []
            for _ in range(runs):
                t3 = time.perf_counter()
                page_html(G, max_nodes=max_nodes)
                made.append(time.perf_counter() - t3)
            loads = [measure(driver, page) for _ in range(runs)]
            med = {k: statistics.median(r[k] for r in loads) for k in loads[0]}
            drawn = min(G.number_of_nodes(), max_nodes if max_nodes is not None else n)
            print(
                f"{G.number_of_nodes():>8} {G.number_of_edges():>6} {drawn:>6} "
                f"{page.stat().st_size / 1e6:>7.2f} {t1 - t0:>9.2f} {statistics.median(made):>7.2f} "
                f"{t2 - t1:>13.2f} {med['dom']:>7.0f} {med['ready']:>14.0f} "
                f"{med['search']:>9.1f} {med['select']:>9.1f}",
                flush=True,
            )
    print("\ninteractive = navigation start -> layout done and physics off, in the page's clock")


if __name__ == "__main__":
    sys.exit(main())
