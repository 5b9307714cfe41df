#!/usr/bin/env python3
"""Benchmark the store: rdflib's memory store against Oxigraph, on graphs shaped like ours.

Synthetic news documents (sentences, people, organisations and places shared across
documents with a Zipf popularity, 60 % linked to Wikidata, events and times of their
own, facts with provenance, statements) go through the real graph stage into a real
store, document by document (``GraphStore.put``, one transaction each): that is the
incremental write rate. The store is dumped as N-Quads, and that file is loaded into
rdflib's memory ``Dataset``, into a new on-disk Oxigraph store (``bulk_load``) and into
an in-memory Oxigraph store (what ``kg serve`` queries): load triples/s. Then every
query of ``ontology/queries/`` runs on the three, results consumed in full: p50 and p95
latency. The aims: Oxigraph load >= 200k triples/s and canned query
p50 < 50 ms on 1M triples.

    python scripts/bench_store.py                        # 100k and 1M triples
    python scripts/bench_store.py 200000 --runs 20 --rdflib-runs 3
    python scripts/bench_store.py 1000000 --no-rdflib-queries

Takes minutes at 1M triples (rdflib parses about 20-40k triples/s); not part of the tests.
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.model import (
    AnalysedDoc,
    DocResult,
    Document,
    Entity,
    Extraction,
    Link,
    Mention,
    Sentence,
    Triple,
)
from kg.vocab import CORE_RELATIONS, PREFIXES

CLASSES = (
    ["Person"] * 5
    + ["Organization"] * 3
    + ["Country", "City", "Region", "Group", "Position", "Thing"]
)
SYLLABLES = "با تي رو سا مي لا دو نا كر ها زي فو جا قد ور سل عب مح".split()
VERBS = [
    "استضاف",
    "التقى",
    "زار",
    "انتقد",
    "دعم",
    "أعلن",
    "هاجم",
    "وقع",
    "رفض",
    "جدد",
    "ناقش",
    "بحث",
]
OPEN_LEMMAS = ["جدد", "ناقش", "بحث"]


# --- synthetic documents ------------------------------------------------------------------


class _Pool:
    """Entities shared by the corpus; a few are in most documents, most in few (Zipf)."""

    def __init__(self, size: int, rnd: random.Random) -> None:
        self.items = []
        for i in range(size):
            name = " ".join(
                "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))) for _ in range(2)
            )
            qid = f"Q{100000 + i}" if rnd.random() < 0.6 else ""
            self.items.append((f"p{i}", rnd.choice(CLASSES), name, qid))
        self.weights = [1 / (r + 1) for r in range(size)]
        self.rnd = rnd

    def pick(self, k: int) -> list[tuple[str, str, str, str]]:
        return self.rnd.choices(self.items, self.weights, k=k)


def synthetic_docs(pool_size: int, seed: int = 0) -> Iterator[DocResult]:
    """News-shaped DocResults without end: 6-10 sentences, 3-5 entities and 1-3 facts each."""
    rnd = random.Random(seed)
    pool = _Pool(pool_size, rnd)
    d = 0
    while True:
        yield _doc(d, pool, rnd)
        d += 1


def _doc(d: int, pool: _Pool, rnd: random.Random) -> DocResult:
    text_parts: list[str] = []
    pos = 0
    sentences, mentions, triples, links = [], [], [], []
    entities: dict[
        str, tuple[str, str, list[str], list[str], str]
    ] = {}  # key -> cls, label, mention ids, names, value

    def mention(
        key: str, cls: str, label: str, name: str, si: int, start: int, value: str = ""
    ) -> None:
        mid = f"m{len(mentions) + 1}"
        mentions.append(Mention(mid, si, start, start + len(name), name, cls, key))
        e = entities.setdefault(key, (cls, label, [], [], value))
        e[2].append(mid)
        if name not in e[3]:
            e[3].append(name)

    for si in range(rnd.randint(6, 10)):
        a, b, c = pool.pick(3)
        verb = rnd.choice(VERBS)
        a_name = a[2] if rnd.random() < 0.8 else a[2].split()[0]  # sometimes a short name: an alias
        event = f"اجتماع {si}"
        time_words = "يوم الأربعاء"
        if si % 4 == 3:
            quote = f"نريد السلام في {b[2]} رقم {d}-{si}"
            s = f'وقال {a_name} إن "{quote}".'
        else:
            s = f"{verb} {a_name} {b[2]} خلال {event} في {c[2]} {time_words}."
        start = pos
        sentences.append(Sentence(si, start, start + len(s), s, ()))
        ia = start + s.index(a_name)
        mention(a[0], a[1], a[2], a_name, si, ia)
        if si % 4 == 3:
            qs = start + s.index(quote)
            key = f"q{si}"
            mention(key, "Statement", quote, quote, si, qs, value=quote)
            triples.append(
                Triple(a[0], "said", key, si, start, start + len(s), _conf(rnd), "bench/1")
            )
        else:
            ib, ie, ic = (start + s.index(x) for x in (b[2], event, c[2]))
            it = start + s.index(time_words)
            mention(b[0], b[1], b[2], b[2], si, ib)
            mention(f"ev{si}", "Event", event, event, si, ie)
            mention(c[0], c[1], c[2], c[2], si, ic)
            mention(f"t{si}", "TimeExpression", time_words, time_words, si, it, value="2017-03-22")
            ab = _span((ia, ia + len(a_name)), (ib, ib + len(b[2])))
            rel, lemma = ("open", verb) if verb in OPEN_LEMMAS else (rnd.choice(CORE_RELATIONS), "")
            triples.append(Triple(a[0], rel, b[0], si, *ab, _conf(rnd), "bench/1", lemma=lemma))
            ec = _span((ie, ie + len(event)), (ic, ic + len(c[2])))
            triples.append(Triple(f"ev{si}", "location", c[0], si, *ec, _conf(rnd), "bench/1"))
            ae = _span((ia, ia + len(a_name)), (ie, ie + len(event)))
            triples.append(
                Triple(a[0], "participatedIn", f"ev{si}", si, *ae, _conf(rnd), "bench/1")
            )
        text_parts.append(s)
        pos += len(s) + 1
    for key, qid_holder in {x[0]: x for x in pool.items if x[0] in entities}.items():
        if qid_holder[3]:
            first = entities[key][2][0]
            links.append(Link(first, qid_holder[3], 0.9, "bench", f"Entity {key}", qid_holder[2]))
    text = " ".join(text_parts)
    ents = tuple(
        Entity(k, label, cls, tuple(ms), tuple(names), value)
        for k, (cls, label, ms, names, value) in entities.items()
    )
    analysed = AnalysedDoc(
        Document(f"bench/{d:06}", text, "ar", source=f"bench/{d:06}.txt"), tuple(sentences), "bench"
    )
    return DocResult(Extraction(analysed, tuple(mentions), ents, tuple(triples)), tuple(links))


def _span(x: tuple[int, int], y: tuple[int, int]) -> tuple[int, int]:
    return min(x[0], y[0]), max(x[1], y[1])


def _conf(rnd: random.Random) -> float:
    return round(rnd.uniform(0.3, 0.95), 2)


# --- measuring ----------------------------------------------------------------------------------


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _percentiles(times: list[float]) -> tuple[float, float]:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))]
    return statistics.median(ms), p95


def build_store(target: Path, triples: int) -> tuple[int, int, float]:
    """Put synthetic documents into a store until it holds ``triples``; (docs, triples, s)."""
    from kg.store import GraphStore

    docs = written = 0
    t0 = time.perf_counter()
    with GraphStore(target) as st:
        for doc in synthetic_docs(max(500, triples // 150)):
            written += st.put(doc).triples
            docs += 1
            if written >= triples * 0.93:  # the entities graph adds the rest
                break
    return docs, written, time.perf_counter() - t0


def bench(
    triples: int,
    runs: int,
    rdflib_runs: int,
    rdflib_queries: bool,
    workdir: Path,
    queries: bool = True,
) -> dict[str, object]:
    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.query import query as rdflib_query, read_query, stored_queries

    store = workdir / f"store{triples}"
    docs, put_triples, put_s = build_store(store, triples)
    nq = workdir / f"bench{triples}.nq"
    src = ox.Store.read_only(str(store / "oxigraph"))
    src.dump(str(nq), ox.RdfFormat.N_QUADS)
    del src
    n = sum(1 for _ in nq.open("rb"))
    print(
        f"\n{n:,} triples in {docs:,} documents ({nq.stat().st_size / 1e6:.0f} MB of N-Quads)",
        file=sys.stderr,
    )
    print(
        f"  incremental: {put_triples / put_s:,.0f} triples/s through GraphStore.put ({docs / put_s:.0f} docs/s)",
        file=sys.stderr,
    )

    ox_dir = workdir / f"ox{triples}"
    ox_s, _ = _timed(
        lambda: ox.Store(str(ox_dir)).bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    )
    disk = ox.Store.read_only(str(ox_dir))
    print(f"  oxigraph bulk_load: {n / ox_s:,.0f} triples/s", file=sys.stderr)
    mem = ox.Store()
    mem_s, _ = _timed(lambda: mem.load(path=str(nq), format=ox.RdfFormat.N_QUADS))
    print(f"  oxigraph in memory: {n / mem_s:,.0f} triples/s", file=sys.stderr)
    ds = Dataset(default_union=True)
    rdf_s, _ = _timed(lambda: ds.parse(nq, format="nquads"))
    print(f"  rdflib parse: {n / rdf_s:,.0f} triples/s", file=sys.stderr)

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    rows = []
    for name in sorted(stored_queries()) if queries else []:
        q = read_query(name)

        def run_ox(q: str = q, st: object = mem) -> int:
            return sum(1 for _ in st.query(q, prefixes=prefixes, use_default_graph_as_union=True))  # type: ignore[attr-defined]

        ox_times, disk_times, count = [], [], 0
        for st, times in ((mem, ox_times), (disk, disk_times)):
            run_ox(st=st)  # warm the caches, as a server would be
            for _ in range(runs):
                t, count = _timed(lambda st=st: run_ox(st=st))
                times.append(t)
        rdf_times: list[float] = []
        if rdflib_queries:
            for _ in range(rdflib_runs):
                t, _ = _timed(lambda q=q: len(list(rdflib_query(ds, q))))
                rdf_times.append(t)
        rows.append(
            (
                name,
                count,
                _percentiles(ox_times),
                _percentiles(disk_times),
                _percentiles(rdf_times) if rdf_times else None,
            )
        )
        print(f"  {name}: {count} rows, oxigraph p50 {rows[-1][2][0]:.1f} ms", file=sys.stderr)
    return {
        "triples": n,
        "docs": docs,
        "put": put_triples / put_s,
        "ox_load": n / ox_s,
        "mem_load": n / mem_s,
        "rdflib_load": n / rdf_s,
        "queries": rows,
    }


def report(r: dict[str, object]) -> str:
    lines = [
        f"## {r['triples']:,} triples, {r['docs']:,} documents",
        "",
        "| load | triples/s |",
        "|---|---:|",
        f"| rdflib Dataset.parse (N-Quads, memory) | {r['rdflib_load']:,.0f} |",
        f"| Oxigraph Store.bulk_load (N-Quads, disk) | {r['ox_load']:,.0f} |",
        f"| Oxigraph Store.load (N-Quads, memory: what kg serve does) | {r['mem_load']:,.0f} |",
        f"| kg store, document by document (GraphStore.put, graph stage included) | {r['put']:,.0f} |",
        "",
        "| query | rows | Oxigraph memory p50 ms | p95 | Oxigraph disk p50 ms | p95 | rdflib p50 ms | p95 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, count, (o50, o95), (d50, d95), rdf in r["queries"]:  # type: ignore[attr-defined]
        rd = f"{rdf[0]:,.0f} | {rdf[1]:,.0f}" if rdf else "- | -"
        lines.append(
            f"| {name} | {count:,} | {o50:,.1f} | {o95:,.1f} | {d50:,.1f} | {d95:,.1f} | {rd} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "sizes", nargs="*", type=int, default=[100_000, 1_000_000], help="Triples per run."
    )
    ap.add_argument("--runs", type=int, default=20, help="Oxigraph runs per query.")
    ap.add_argument("--rdflib-runs", type=int, default=3, help="rdflib runs per query.")
    ap.add_argument(
        "--no-rdflib-queries", action="store_true", help="Skip the (slow) rdflib queries."
    )
    ap.add_argument("--no-queries", action="store_true", help="Measure loading only.")
    ap.add_argument("--keep", type=Path, default=None, help="Work in this folder and keep it.")
    args = ap.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        for size in args.sizes:
            r = bench(
                size,
                args.runs,
                args.rdflib_runs,
                not args.no_rdflib_queries,
                workdir,
                not args.no_queries,
            )
            print(report(r) + "\n", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
