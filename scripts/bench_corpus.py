#!/usr/bin/env python
"""Corpus builds at archive scale: documents/s and peak memory, per engine and worker count.

Generates a corpus of news-like Arabic articles (sentences of the seed and test articles
recombined, with people, countries, cities and organisations swapped in from the
gazetteer, so that documents share entities as an archive does), one file per article
in folders of 1,000, then runs ``kg build DIR --out OUT --no-html -q`` once per
configuration as a separate process and samples the resident memory of that process and
all its children (workers, Dask's scheduler-side and worker processes) every 0.2 s.

    python scripts/bench_corpus.py                      # 10,000 articles, ~3M words
    python scripts/bench_corpus.py --docs 1000 --runs serial,process:2

Each configuration is ``serial``, ``process:N`` or ``dask:N`` (a local Dask cluster of N
worker processes). graph.ttl must be the same bytes in every configuration; the script
says so (or fails). Timings depend on what else runs on the machine; the CPU seconds
of all the build's processes (as last sampled) tell what the work cost whatever the load.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "seeds/coalition_meeting_2017_ar.txt",
    *sorted((ROOT / "tests/data/articles").glob("*.txt")),
]
SWAPS = {
    "واشنطن": "City",
    "بغداد": "City",
    "الموصل": "City",
    "الرقة": "City",
    "الخرطوم": "City",
    "العراق": "Country",
    "سوريا": "Country",
    "السودان": "Country",
    "قطر": "Country",
    "تيلرسون": "Person",
    "داعش": "Organization",
}


def _sentences() -> list[str]:
    out: list[str] = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        out += [s.strip() for s in re.split(r"(?<=[.؟!])\s+|\n+", text) if len(s.split()) > 4]
    return out


def _name_pools() -> dict[str, list[str]]:
    """bench_build's pools of gazetteer names and made-up people, sorted and without repeats."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_build", Path(__file__).with_name("bench_build.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {k: sorted(set(v)) for k, v in module._name_pools().items()}


def articles(n: int, words: int = 300, seed: int = 7) -> list[str]:
    """``n`` articles of about ``words`` words each, the same for the same arguments."""
    rng = random.Random(seed)
    sentences = _sentences()
    pools = _name_pools()
    out = []
    for _ in range(n):
        body: list[str] = []
        count = 0
        while count < words:
            s = rng.choice(sentences)
            for old, cls in SWAPS.items():
                if old in s and rng.random() < 0.7:
                    s = s.replace(old, rng.choice(pools[cls]))
            body.append(s)
            count += len(s.split())
        # Paragraphs of three sentences, as articles have.
        out.append("\n".join(" ".join(body[i : i + 3]) for i in range(0, len(body), 3)) + "\n")
    return out


def generate(folder: Path, n: int, words: int = 300, seed: int = 7) -> int:
    """Write ``n`` articles to ``folder/NNN/gen-NNNNNN.txt``; returns the number of words."""
    total = 0
    for i, text in enumerate(articles(n, words, seed)):
        path = folder / f"{i // 1000:03d}" / f"gen-{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(text.split())
    return total


def _tree(pid: int, cpu: dict[int, float]) -> int:
    """Resident bytes of a process and its descendants now; records each one's CPU seconds."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            with p.oneshot():
                total += p.memory_info().rss
                t = p.cpu_times()
                cpu[p.pid] = t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def run_build(corpus: Path, out: Path, config: str) -> tuple[float, int, float]:
    """Run one build; returns (seconds, peak resident bytes of its process tree, CPU
    seconds of the tree as last sampled)."""
    engine, _, n = config.partition(":")
    args = [
        sys.executable,
        "-m",
        "kg.cli",
        "build",
        str(corpus),
        "--out",
        str(out),
        "--no-html",
        "-q",
    ]
    if engine == "serial":
        args += ["--workers", "1"]
    else:
        args += ["--engine", engine, "--workers", n or "2"]
    peak = 0
    cpu: dict[int, float] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree(proc.pid, cpu))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    if code != 0:
        raise SystemExit(f"{config}: kg build exited with {code}")
    return seconds, peak, sum(cpu.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=300, help="words per article")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--dir",
        type=Path,
        default=Path("/tmp/kg-bench-corpus"),
        help="where the corpus and the outputs go",
    )
    ap.add_argument(
        "--runs",
        default="serial,process:2,dask:2",
        help="comma-separated: serial, process:N, dask:N",
    )
    args = ap.parse_args()

    corpus = args.dir / f"corpus-{args.docs}-{args.words}-{args.seed}"
    stamp = corpus / ".complete"
    if not stamp.is_file():
        words = generate(corpus, args.docs, args.words, args.seed)
        stamp.write_text(str(words))
    words = int(stamp.read_text())
    print(f"corpus   {args.docs:,} articles, {words:,} words ({corpus})", flush=True)
    base = None
    digests = set()
    for config in args.runs.split(","):
        out = args.dir / f"out-{config.replace(':', '')}"
        seconds, peak, cpu = run_build(corpus, out, config)
        ttl = out / "graph.ttl"
        digests.add(hashlib.sha256(ttl.read_bytes()).hexdigest())
        base = base or seconds
        print(
            f"{config:<10} {seconds:8.1f} s  {args.docs / seconds:7.1f} docs/s  {words / seconds:9,.0f} words/s  "
            f"x{base / seconds:4.2f}  cpu {cpu:7.1f} s  peak {peak / 2**20:7,.0f} MB (all processes)  "
            f"graph.ttl {ttl.stat().st_size / 2**20:,.0f} MB",
            flush=True,
        )
    print(
        "graph.ttl identical in every run"
        if len(digests) == 1
        else f"graph.ttl DIFFERS between runs: {digests}"
    )
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
