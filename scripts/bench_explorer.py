#!/usr/bin/env python3
"""Benchmark the explorer of ``kg serve`` on a corpus of generated articles.

The articles are ``bench_store.synthetic_docs`` (people, organisations and places shared
with a Zipf popularity, events, quotes, facts with provenance) with a headline, an
outlet and a publication date each. They go through the real corpus writer
(``kg.corpus.CorpusWriter``: what ``kg build`` writes) into ``graph.trig``, loaded into an
Oxigraph store folder that a real ``kg.server.Endpoint`` serves (workers holding it in
memory, as ``kg serve`` does). Then:

- search: ``/api/search`` for names of the pool, spelt as they are and folded differently
  (no article, alef with hamza, a diacritic): p50 and p95 over HTTP;
- entity pages: ``/api/entity`` for the entities found: p50 and p95;
- the neighbourhood: the explorer page in headless Chromium (``kg.headless``) opens the
  most mentioned entity with two hops and 200 nodes; time from the request to the
  network laid out and interactive (physics stopped), as the page measures it.

Aims (issue 18): search and entity pages p50 < 100 ms on 10,000 articles, a 200-node
neighbourhood interactive in < 2 s.

    python scripts/bench_explorer.py                 # 10,000 articles (the corpus is kept)
    python scripts/bench_explorer.py --docs 500 --requests 50

The corpus is kept in --dir and reused.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import shutil
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import synthetic_docs  # noqa: E402

from kg.model import DocResult  # noqa: E402

OUTLETS = ["وكالة الأنباء", "الصحيفة اليومية", "The Daily Wire Service"]


def dated(result: DocResult, i: int) -> DocResult:
    """The generated article with a headline, an outlet and a date (spread over 2 years)."""
    doc = result.doc
    day = 1 + i % 28
    meta = (
        ("headline", f"خبر رقم {i}: {doc.text[:40]}"),
        ("publisher", OUTLETS[i % len(OUTLETS)]),
        ("date", f"{2024 + i % 2}-{1 + i % 12:02}-{day:02}"),
        ("url", f"https://news.example/{i}"),
    )
    analysed = dataclasses.replace(
        result.extraction.analysed, doc=dataclasses.replace(doc, meta=meta)
    )
    return dataclasses.replace(
        result, extraction=dataclasses.replace(result.extraction, analysed=analysed)
    )


def make_corpus(folder: Path, docs: int, pool: int, unique: int) -> Path:
    """N-Quads of ``docs`` articles in ``folder`` (reused when it is there): ``unique``
    generated articles written by the corpus writer, then repeated under new document
    IRIs until there are ``docs`` (writing 10,000 distinct ones takes most of an hour on
    two busy cores; a repeat has its own document, sentence, fact and event nodes and
    mentions the same shared entities, so they are mentioned ``docs / unique`` times more)."""
    import pyoxigraph as ox

    from kg.corpus import CorpusWriter, built
    from kg.graph import DEFAULT_BASE

    store = folder / f"store-{docs}"
    if (store / "ready").is_file():
        return store
    nq = folder / f"archive-{docs}.nq"
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    unique = min(unique, docs)
    with CorpusWriter(folder) as writer:
        for i, result in enumerate(synthetic_docs(pool)):
            if i >= unique:
                break
            writer.add(built(dated(result, i), base=DEFAULT_BASE))
        writer.finish()
    # graph.trig repeats the descriptions of shared entities in every document's graph; a
    # store keeps them once, in its shared graph: so do we, and repeat only what is the
    # document's own (its nodes, and the mentions that point at them).
    marker = "/doc/bench%2F"
    own, shared = [], set()
    for q in ox.parse(path=str(folder / "graph.trig"), format=ox.RdfFormat.TRIG):
        triple = f"{q.subject} {q.predicate} {q.object}"
        if marker in str(q.subject) or marker in str(q.object):
            own.append(f"{triple} {q.graph_name} .\n")
        else:
            shared.add(triple)
    text = "".join(own)
    tmp = nq.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as f:
        graph = f"<{DEFAULT_BASE}shared>"
        f.writelines(f"{t} {graph} .\n" for t in sorted(shared))
        for copy in range((docs + unique - 1) // unique):
            f.write(text if copy == 0 else text.replace(marker, f"{marker}r{copy}-"))
    tmp.replace(nq)
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir(parents=True)
    st = ox.Store(str(store / "oxigraph"))  # what kg serve reads: a store folder
    st.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    st.flush()
    st.optimize()
    del st
    nq.unlink()
    (store / "ready").write_text(str(docs))
    print(f"corpus: {docs} articles ({unique} distinct) in {time.perf_counter() - t0:.0f} s")
    return store


def get(url: str) -> tuple[float, dict[str, object]]:
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            body = r.read()
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{url}: {e.code} {e.read().decode()[:300]}") from None
    return (time.perf_counter() - t0) * 1000, json.loads(body)


def pct(values: list[float]) -> str:
    ms = sorted(values)
    p95 = ms[min(len(ms) - 1, round(0.95 * len(ms)) - 1)]
    return f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, n={len(ms)}"


def variants(name: str, rnd: random.Random) -> str:
    """A name as a reader might type it: part of it, with or without the article, alef
    with hamza, a diacritic."""
    words = name.split()
    word = rnd.choice(words)
    pick = rnd.randrange(4)
    if pick == 0:
        return "ال" + word
    if pick == 1:
        return word.replace("ا", "أ", 1)
    if pick == 2:
        return word[:2] + "\u064e" + word[2:]
    return name


def bench_api(base: str, names: list[str], requests: int, rnd: random.Random) -> None:
    ms, hits = get(base + "api/search?q=" + urllib.parse.quote(names[0]))
    print(f"first search: {ms:.0f} ms ({hits['entities']} entities)")
    search_times, entity_times, found = [], [], []
    for _ in range(requests):
        q = variants(rnd.choice(names), rnd)
        t, data = get(base + "api/search?q=" + urllib.parse.quote(q))
        search_times.append(t)
        found += [h["iri"] for h in data["hits"][:2]]  # type: ignore[index]
    for iri in rnd.sample(found, min(requests, len(found))):
        t, _ = get(base + "api/entity?iri=" + urllib.parse.quote(iri, safe=""))
        entity_times.append(t)
    print(f"search:       {pct(search_times)}")
    print(f"entity pages: {pct(entity_times)}")


def bench_network(base: str, iri: str, runs: int) -> None:
    from kg.headless import chromium, find_chromium

    if find_chromium() is None:
        print("neighbourhood: skipped (no chromium; scripts/setup_browser.sh)")
        return
    url = base + "explore#/entity?hops=2&iri=" + urllib.parse.quote(iri, safe="")
    times, fetches, sizes = [], [], []
    with chromium(1400, 900, loopback=True) as driver:
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(url)
            deadline = time.monotonic() + 30
            while not driver.execute_script("return !!(window.kgExplorer && kgExplorer.ready)"):
                if time.monotonic() > deadline:
                    raise TimeoutError("the neighbourhood was not ready in 30 s")
                time.sleep(0.02)
            ms, fetch, nodes, edges = driver.execute_script(
                "return [kgExplorer.renderMs, kgExplorer.fetchMs, kgExplorer.nodes.length,"
                " kgExplorer.edges.length]"
            )
            times.append(float(ms))
            fetches.append(float(fetch))
            sizes.append((nodes, edges))
    print(f"neighbourhood {sizes[0][0]} nodes, {sizes[0][1]} edges: interactive {pct(times)}")
    print(f"  of which the /api/graph answer: {pct(fetches)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--pool", type=int, default=20_000, help="shared entities to draw from")
    ap.add_argument("--unique", type=int, default=1000, help="distinct generated articles")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5, help="neighbourhood renders")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/kg-bench-explorer"))
    args = ap.parse_args(argv)
    from kg.server import Endpoint, free_port

    store = make_corpus(args.dir, args.docs, args.pool, args.unique)
    t0 = time.perf_counter()
    with Endpoint(store, port=free_port()) as endpoint:
        print(f"served {store} in {time.perf_counter() - t0:.0f} s")
        threading.Thread(target=endpoint.serve_forever, daemon=True).start()
        rnd = random.Random(0)
        t0 = time.perf_counter()
        top = endpoint.explorer.index().top(2000)
        print(f"search index: {(time.perf_counter() - t0) * 1000:.0f} ms to build")
        names = [h.name for h in top if h.cls != "Event"]
        bench_api(endpoint.url, names, args.requests, rnd)
        bench_network(endpoint.url, next(h.iri for h in top if h.cls != "Event"), args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
