#!/usr/bin/env python
"""Speed of the offline path on a generated Arabic corpus, one core.

Generates articles by recombining the seed article's sentences with other names (people,
countries, cities, organisations from the gazetteer and the name lists), then runs every
document through analyse -> extract -> link -> RDF (its named graph serialised as
TriG) in this one process, twice: the first pass starts with empty caches (cold), the
second reuses the per-word caches (warm). Prints words/s for each pass, the CPU time of
the whole process (imports, loading the lexicons, both passes) and peak memory.

What a pass does to each document is what a corpus build's worker does
(``kg.pipeline.CorpusJob``: its set-up, which makes the stages and runs the garbage
collector less often, then per document the stages and ``kg.corpus.built``, which makes
the document's canonical Turtle blocks and its votes without an rdflib graph). ``--graph``
measures the small-build path instead: ``kg.graph.build_graph`` of the one document,
then ``kg.serialise.to_trig``.

With ``--real FILE``, real text instead: the ``# text`` lines of a CoNLL-U treebank (UD
Arabic-PUD's 1,000 news and wiki sentences, in documents of 20 sentences), or a folder of
``.txt`` articles (each one document); ``--repeat N`` runs it N times over for a longer
measure. The issue's figure is the whole process's first pass on PUD: every stage, one
core, from text to the serialised graph, start-up (imports, lexicons, gazetteer) included,
in words per CPU second, printed last as ``first run``.

farahidi's disk cache (its analyses of words the lexicon lacks, kept across runs) decides
much of the cold figure, so the benchmark says what it held, and by default (``--cache
empty``) runs with a new empty one in a temporary folder, as a first run on a new machine;
``--cache as-is`` keeps ``$KG_CACHE_DIR`` (or ``~/.cache/kg-builder``) as it is, ``--cache
off`` runs without one. The table of farahidi's analyses shipped with the package
(``kg/data/ar/farahidi_table.tsv.gz``, made by scripts/build_farahidi_table.py from
wordfreq's Arabic list and the project's own words, never from benchmark text) is part of
a new machine's first run, so it is used in every mode; the benchmark says how many words
it holds (reading it for that line, inside the start-up figure).

    python scripts/bench_build.py [--words 1000000] [--seed 7]
    python scripts/bench_build.py --real ../shared/ud/ar_pud-ud-test.conllu --repeat 5
    python scripts/bench_build.py --real ../shared/realnews/texts
    python scripts/bench_build.py --real ../shared/ud/ar_pud-ud-test.conllu --cache as-is
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from kg.analyse.rules.farahidi_cache import disk_cache_state, shipped_table_state
from kg.corpus import built
from kg.graph import build_graph
from kg.lexicon import gazetteer
from kg.model import Document
from kg.pipeline import CorpusJob, Options, Stages, process
from kg.serialise import to_trig
from kg.vocab import DEFAULT_BASE

ROOT = Path(__file__).resolve().parents[1]


def _name_pools() -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {"Country": [], "City": [], "Organization": [], "Person": []}
    for e in gazetteer.load().entries:
        if e.cls in pools and e.label_ar:
            pools[e.cls].append(e.label_ar)
    firsts = [
        x
        for x in (ROOT / "kg/data/ar/first_names.txt").read_text(encoding="utf-8").split()
        if not x.startswith("#")
    ]
    pools["Person"] += [
        f"{a} {b}" for a, b in zip(firsts, reversed(firsts), strict=False) if a != b
    ][:150]
    return pools


def corpus(words: int, seed: int) -> list[Document]:
    """Articles of about 600 words recombined from the seed's sentences with new names."""
    rng = random.Random(seed)
    text = (ROOT / "seeds/coalition_meeting_2017_ar.txt").read_text(encoding="utf-8")
    sentences = [s.strip() for s in re.split(r"(?<=[.؟!])\s+|\n+", text) if len(s.split()) > 4]
    pools = _name_pools()
    swaps = {
        "واشنطن": "City",
        "العراق": "Country",
        "سوريا": "Country",
        "تيلرسون": "Person",
        "داعش": "Organization",
        "الموصل": "City",
        "الرقة": "City",
    }
    docs: list[Document] = []
    total = 0
    while total < words:
        body = []
        n = 0
        while n < 600:
            s = rng.choice(sentences)
            for old, cls in swaps.items():
                if old in s and rng.random() < 0.7:
                    s = s.replace(old, rng.choice(pools[cls]))
            body.append(s)
            n += len(s.split())
        article = " ".join(body)
        docs.append(
            Document(id=f"gen-{len(docs):05d}", text=article, lang="ar", source="<generated>")
        )
        total += n
    return docs


def real(path: Path, repeat: int) -> list[Document]:
    """Documents of real text: a CoNLL-U file's sentences in groups of 20, or the .txt
    files of a folder; ``repeat`` copies (with their own ids)."""
    if path.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
        sents = [x[len("# text = ") :] for x in lines if x.startswith("# text = ")]
        texts = [" ".join(sents[i : i + 20]) for i in range(0, len(sents), 20)]
    return [
        Document(id=f"real-{r}-{k:05d}", text=t, lang="ar", source=str(path))
        for r in range(repeat)
        for k, t in enumerate(texts)
    ]


def run(docs: list[Document], stages: Stages, sink: Path, graph: bool) -> tuple[float, float]:
    """Wall and CPU seconds to take every document from text to serialised triples: the
    corpus worker's part (its blocks written out), or with ``graph`` a TriG file."""
    t0, c0 = time.perf_counter(), time.process_time()
    with sink.open("w", encoding="utf-8") as out:
        for doc in docs:
            result = process(doc, stages)
            if graph:
                out.write(to_trig(build_graph([result])))
            else:
                part = built(result, base=DEFAULT_BASE)
                out.write(f"{part.iri} {len(part.part)} bytes, {len(part.shared)} shared\n")
    return time.perf_counter() - t0, time.process_time() - c0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sink", type=Path, default=Path("/tmp/kg-bench-build.trig"))
    ap.add_argument("--real", type=Path, help="a CoNLL-U file's # text lines, or a folder of .txt")
    ap.add_argument("--repeat", type=int, default=1, help="with --real: copies of the text")
    ap.add_argument(
        "--graph", action="store_true", help="build_graph + to_trig per document (small builds)"
    )
    ap.add_argument(
        "--cache",
        choices=("empty", "as-is", "off"),
        default="empty",
        help="farahidi's disk cache: a new empty one (default), the usual one as it is, or none",
    )
    args = ap.parse_args()
    if args.real and not args.real.exists():
        ap.error(f"{args.real}: no such file or folder")
    with tempfile.TemporaryDirectory(prefix="kg-bench-cache-") as tmp:
        if args.cache != "as-is":
            os.environ["KG_CACHE_DIR"] = tmp if args.cache == "empty" else "off"
        return measure(args)


def measure(args: argparse.Namespace) -> int:
    """Both passes, then the whole process's figures (the CPU time since it started)."""
    if args.real:
        docs = real(args.real, args.repeat)
        what = f"real text from {args.real}" + (f", {args.repeat} times" if args.repeat > 1 else "")
    else:
        docs = corpus(args.words, args.seed)
        what = f"generated, seed {args.seed}"
    words = sum(len(d.text.split()) for d in docs)
    print(f"corpus     {len(docs):,} documents, {words:,} words ({what})")
    print(f"disk cache {disk_cache_state()} at start")
    print(f"farahidi   {shipped_table_state()} (read at start-up for this line)")
    stages = CorpusJob(Options(analyser="rules", linker="gazetteer")).setup()  # a worker's
    startup = time.process_time()  # the CPU time of this process so far
    cpus = []
    for name, note in (("cold", "caches empty at start"), ("warm", "per-word caches filled")):
        wall, cpu = run(docs, stages, args.sink, args.graph)
        cpus.append(cpu)
        print(
            f"{name:<10} {words / cpu:,.0f} words per CPU second  ({cpu:.2f} s CPU, "
            f"{wall:.1f} s wall: {words / wall:,.0f} words/s; {note})"
        )
    usage = resource.getrusage(resource.RUSAGE_SELF)
    first = startup + cpus[0]
    print(
        f"process    {usage.ru_utime + usage.ru_stime:.2f} s CPU in all, of which start-up "
        f"(imports, lexicons, gazetteer, reading the corpus) {startup:.2f} s"
    )
    print(f"memory     {usage.ru_maxrss / 1024:,.0f} MB peak resident")
    print(
        f"first run  {words / first:,.0f} words per CPU second  ({first:.2f} s CPU: a new "
        f"process's start-up and cold pass; disk cache {args.cache})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
