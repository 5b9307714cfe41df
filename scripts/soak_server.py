#!/usr/bin/env python3
"""Soak ``kg serve``: many concurrent clients, mixed and hostile queries, a large store.

A store of ``--triples`` triples (default 1M) is made from the synthetic news documents
of ``scripts/bench_store.py``: a few hundred go through the real graph stage
(``kg.store.prepare``), then their graphs are copied under new document ids until the
store is large enough, and the quads are bulk-loaded into an Oxigraph folder (kept in
``--store`` for the next run). ``kg serve`` then runs on it on loopback, as a separate
process, and ``--clients`` threads (20) send ``--requests`` requests each (500), a mix of
cheap queries (the stored ones, ASK, lookups, counts) and hostile ones: the query of
issue 15 that grows a worker without bound, a SERVICE call, a foreign Host header, a
malformed query, FROM a graph that does not exist, a large result. The server's memory
(its process and its workers) is sampled every 50 ms.

It passes when every request is answered with a status the query calls for (200, or
a clear refusal: 400, 403, 413, 503 with a text body), nothing goes unanswered (reset,
refused, client time-out), the run ends within ``--deadline`` seconds, and the peak
memory stays under the stated bound: the server's and the workers' RSS after loading,
plus ``--max-memory`` per worker, plus 512 MB for the server's threads and replies.

    python scripts/soak_server.py                         # 1M triples, 20 x 500
    python scripts/soak_server.py --triples 100000 --requests 200

Exit status 0 when it passes, 1 otherwise. Not part of the tests (minutes at 1M).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

HUNGRY = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"

CHEAP = [
    "ASK { ?s a kg:Person }",
    "SELECT ?p ?l WHERE { ?p a kg:Person ; rdfs:label ?l } LIMIT 20",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:City }",
    "SELECT ?f ?s ?o WHERE { ?f a kg:Fact ; rdf:subject ?s ; rdf:object ?o } LIMIT 50",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:Event } } GROUP BY ?g LIMIT 10",
    "SELECT ?e ?w WHERE { ?e owl:sameAs ?w } LIMIT 100",
]
#: name -> (query, statuses that are a right answer to it, how many in 500 requests).
#: What needs a worker may also get 503 when every worker stays busy for --timeout.
HOSTILE: dict[str, tuple[str, set[int], int]] = {
    "hungry": (HUNGRY, {503}, 1),
    "service": (
        "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } } LIMIT 1",
        {403},
        5,
    ),
    "foreign_host": ("ASK { ?s ?p ?o }", {403}, 5),
    "malformed": ("SELEC ?x WHERE {", {400, 503}, 5),
    "from_nothing": (
        "SELECT (COUNT(*) AS ?n) FROM <urn:nonexistent> WHERE { ?s ?p ?o }",
        {200, 503},
        5,
    ),
    "large": ("SELECT * WHERE { ?s ?p ?o }", {200, 413, 503}, 1),
}


# --- the store ---------------------------------------------------------------------------


def make_store(folder: Path, triples: int, seed: int = 0) -> int:
    """An Oxigraph folder of about ``triples`` quads (kept: reused when it is there)."""
    import pyoxigraph as ox
    from bench_store import synthetic_docs

    from kg.store import prepare

    marker = folder / "soak-triples"
    if marker.is_file():
        return int(marker.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    t0 = time.perf_counter()
    base, shared = [], set()
    for doc in synthetic_docs(600, seed=seed):  # about 380 triples a document
        p = prepare(doc)
        base.append((doc.doc.id, p.doc, p.text))
        shared.update(p.spo)
        if len(base) >= 300:
            break
    nq = folder / "soak.nq"
    n = 0
    with open(nq, "w", encoding="utf-8") as f:
        graph = "<https://w3id.org/kg-builder/resource/shared>"
        for s, p_, o in sorted(shared):
            f.write(f"{s} {p_} {o} {graph} .\n")
            n += 1
        copy = 0
        while n < triples:
            for doc_id, iri, text in base:
                new_id = urllib.parse.quote(f"soak{copy}/{doc_id}", safe="")
                old_id = iri.rsplit("/", 1)[1]
                g = f"<{iri[: -len(old_id)]}{new_id}>"
                for line in text.replace(old_id, new_id).splitlines():
                    if line.endswith(" ."):
                        f.write(f"{line[:-2]} {g} .\n")
                        n += 1
                if n >= triples:
                    break
            copy += 1
    st = ox.Store(str(folder / "oxigraph"))
    st.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    st.flush()
    st.optimize()
    n = len(st)
    del st
    nq.unlink()
    marker.write_text(str(n))
    print(f"store: {n} quads in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return n


# --- memory -------------------------------------------------------------------------------


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    stat = f.read()
                ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


@dataclass
class Memory:
    """Peak RSS of a process tree, sampled in a thread."""

    pid: int
    peak_total: int = 0
    peak_server: int = 0
    peak_worker: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> tuple[int, int, list[int]]:
        pids = _descendants(self.pid)
        server = _rss(self.pid)
        workers = [_rss(p) for p in pids if p != self.pid]
        return server + sum(workers), server, workers

    def run(self) -> None:
        while not self.stop.wait(0.05):
            total, server, workers = self.sample()
            self.peak_total = max(self.peak_total, total)
            self.peak_server = max(self.peak_server, server)
            self.peak_worker = max([self.peak_worker, *workers])


# --- clients ----------------------------------------------------------------------------


@dataclass
class Outcome:
    kind: str
    status: int  # 0: no answer
    seconds: float
    ok: bool
    note: str = ""


def plan(requests: int, rnd: random.Random) -> list[str]:
    """The kinds of one client's requests, shuffled: the hostile ones at their rate per
    500, the rest cheap."""
    kinds = []
    for name, (_, _, per_500) in HOSTILE.items():
        kinds += [name] * max(1, round(per_500 * requests / 500))
    kinds += ["cheap"] * max(0, requests - len(kinds))
    rnd.shuffle(kinds)
    return kinds[:requests]


def client(
    port: int, kinds: list[str], rnd: random.Random, deadline: float, timeout: float
) -> list[Outcome]:
    out = []
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    for kind in kinds:
        if time.monotonic() > deadline:
            out.append(Outcome(kind, 0, 0.0, False, "not sent: past the deadline"))
            continue
        if kind == "cheap":
            query, want = rnd.choice(CHEAP), {200, 503}
        else:
            query, want, _ = HOSTILE[kind]
        host = "attacker.example" if kind == "foreign_host" else f"127.0.0.1:{port}"
        t0 = time.monotonic()
        try:
            if rnd.random() < 0.5:
                path = "/sparql?" + urllib.parse.urlencode({"query": query})
                conn.request("GET", path, headers={"Host": host})
            else:
                conn.request(
                    "POST",
                    "/sparql",
                    body=query.encode(),
                    headers={"Host": host, "Content-Type": "application/sparql-query"},
                )
            r = conn.getresponse()
            body = r.read()
            took = time.monotonic() - t0
            clear = r.status == 200 or (
                bool(body.strip()) and r.headers.get("Content-Type", "").startswith("text/plain")
            )
            note = "" if r.status == 200 else body[:100].decode("utf-8", "replace").strip()
            if kind == "from_nothing" and r.status == 200 and b'"value":"0"' not in body:
                clear, note = False, f"FROM <urn:nonexistent> counted: {body[:200]!r}"
            out.append(Outcome(kind, r.status, took, r.status in want and clear, note))
            if r.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException) as e:
            out.append(Outcome(kind, 0, time.monotonic() - t0, False, f"{type(e).__name__}: {e}"))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.close()
    return out


def _pct(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, max(0, round(q * len(v)) - 1))] if v else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=500, help="per client")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10.0, help="kg serve --timeout")
    ap.add_argument("--max-memory", type=float, default=1000.0, help="kg serve --max-memory (MB)")
    ap.add_argument("--deadline", type=float, default=1800.0, help="seconds for the whole run")
    ap.add_argument("--store", type=Path, default=None, help="where the store is (made if absent)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    store = args.store or Path(tempfile.gettempdir()) / f"kg-soak-{args.triples}"
    quads = make_store(store, args.triples)
    from kg.server import free_port

    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "kg.cli",
        "serve",
        str(store / "oxigraph"),
        "--port",
        str(port),
        "--workers",
        str(args.workers),
        "--timeout",
        str(args.timeout),
        "--max-memory",
        str(args.max_memory),
    ]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        said = []
        while proc.stderr and "serving" not in (line := proc.stderr.readline()):
            said.append(line)
            if not line:
                print(f"kg serve did not start: {''.join(said)}", file=sys.stderr)
                return 1
        threading.Thread(target=lambda: proc.stderr and proc.stderr.read(), daemon=True).start()
        started = time.monotonic() - t0
        mem = Memory(proc.pid)
        base_total, base_server, base_workers = mem.sample()
        bound = base_total + args.workers * int(args.max_memory * 1e6) + 512_000_000
        sampler = threading.Thread(target=mem.run, daemon=True)
        sampler.start()

        rnd = random.Random(args.seed)
        deadline = time.monotonic() + args.deadline
        results: list[list[Outcome]] = [[] for _ in range(args.clients)]

        def run(i: int) -> None:
            r = random.Random(rnd.random() + i)
            results[i] = client(port, plan(args.requests, r), r, deadline, args.timeout + 30)

        t1 = time.monotonic()
        threads = [threading.Thread(target=run, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t1
        mem.stop.set()
        sampler.join()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()

    outcomes = [o for r in results for o in r]
    bad = [o for o in outcomes if not o.ok]
    by_kind: dict[str, Counter[int]] = {}
    for o in outcomes:
        by_kind.setdefault(o.kind, Counter())[o.status] += 1
    answered = [o.seconds * 1000 for o in outcomes if o.status]
    ok200 = [o.seconds * 1000 for o in outcomes if o.status == 200]
    mb = 1e6
    print(f"store: {quads} quads ({store}); kg serve up in {started:.1f} s")
    print(
        f"{len(outcomes)} requests from {args.clients} clients in {wall:.1f} s "
        f"(deadline {args.deadline:g} s): {len(outcomes) - len(bad)} right, {len(bad)} wrong"
    )
    for kind, c in sorted(by_kind.items()):
        print(f"  {kind:13} " + ", ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(c.items())))
    print(
        f"latency, all answers: p50 {statistics.median(answered):.0f} ms, p99 {_pct(answered, 0.99):.0f} ms; "
        f"200s: p50 {statistics.median(ok200) if ok200 else 0:.0f} ms, p99 {_pct(ok200, 0.99):.0f} ms"
    )
    print(
        f"RSS after loading: {base_total / mb:.0f} MB (server {base_server / mb:.0f}, workers "
        + ", ".join(f"{w / mb:.0f}" for w in base_workers)
        + f"); peak {mem.peak_total / mb:.0f} MB (server {mem.peak_server / mb:.0f}, one worker "
        f"{mem.peak_worker / mb:.0f}); bound {bound / mb:.0f} MB "
        f"(after loading + {args.workers} x --max-memory {args.max_memory:g} + 512)"
    )
    notes = Counter(f"{o.kind} {o.status}: {re.sub(r'[0-9.]+', 'N', o.note)}" for o in bad)
    for note, n in notes.most_common(10):
        print(f"  wrong x{n}: {note}")
    passed = not bad and mem.peak_total < bound
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
