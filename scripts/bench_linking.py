#!/usr/bin/env python3
"""Offline linking speed: gazetteer load time and mentions linked per second.

    python scripts/bench_linking.py [--seconds 3]

Load time is measured in a fresh interpreter (the gazetteer, the linker's index and the
cue table, after ``import kg.link.gazetteer``). Throughput runs the gazetteer linker over
the mentions of the seed article (analysed and extracted once, not timed) and over a
synthetic document of gazetteer names written with clitics and in ambiguous contexts;
"cold" empties the per-name caches before every pass. Each figure is given in wall time
and in this process's CPU time (in brackets): on a shared machine the second says what the
work costs, the first also what else ran.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_LOAD = """
import time
t0, c0 = time.perf_counter(), time.process_time()
import kg.link.gazetteer as g
t1, c1 = time.perf_counter(), time.process_time()
g.GazetteerLinker()
from kg.link.cues import table
table()
t2, c2 = time.perf_counter(), time.process_time()
print(f"{(t1 - t0) * 1000:.1f} {(t2 - t1) * 1000:.1f} {(c1 - c0) * 1000:.1f} {(c2 - c1) * 1000:.1f}")
"""


def load_ms(runs: int = 5) -> tuple[float, float, float, float]:
    """Median import and load time (ms) over fresh interpreters: wall, then CPU."""
    columns: list[list[float]] = [[], [], [], []]
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True
        ).stdout.split()
        for column, value in zip(columns, out, strict=True):
            column.append(float(value))
    imp, load, imp_cpu, load_cpu = (sorted(c)[runs // 2] for c in columns)
    return imp, load, imp_cpu, load_cpu


def seed_extraction():  # type: ignore[no-untyped-def]
    from kg.pipeline import Options, Stages
    from kg.read import read

    stages = Stages.from_options(Options(analyser="rules", linker="none"))
    doc = next(d for d in read([ROOT / "seeds"]))
    return stages.extractor(stages.analyser.analyse(doc))


def synthetic_extraction(n: int, seed: int = 7):  # type: ignore[no-untyped-def]
    """One document of ``n`` sentences, each with one gazetteer name (clitics, designators,
    ambiguous names with and without cues)."""
    from kg.lexicon.gazetteer import load
    from kg.model import AnalysedDoc, Document, Entity, Extraction, Mention, Sentence

    rng = random.Random(seed)
    names = [(n_, e.cls) for e in load().entries for n_ in e.names_ar[:3]]
    names += [
        ("عمان", "Place"),
        ("الكويت", "Place"),
        ("القاعدة", "Organization"),
        ("سيول", "Place"),
        ("طرابلس", "Place"),
    ]
    frames = [
        "قال مسؤولون في {} إن الاجتماع انتهى.",
        "وصل الوفد إلى {} أمس.",
        "أعلنت {} عن خطة جديدة للتعاون.",
        "وشارك ممثلو {} في القمة الأخيرة.",
    ]
    prefixes = ["", "", "", "و", "ب", "ل"]
    text, sentences, mentions, entities = "", [], [], []
    for i in range(n):
        name, cls = rng.choice(names)
        surface = rng.choice(prefixes) + name
        frame = rng.choice(frames)
        s = frame.format(surface)
        start = len(text) + frame.index("{}")
        sentences.append(Sentence(i, len(text), len(text) + len(s), s, ()))
        mentions.append(
            Mention(f"m{i + 1}", i, start, start + len(surface), surface, cls, f"e{i + 1}")
        )
        entities.append(Entity(f"e{i + 1}", surface, cls, (f"m{i + 1}",)))
        text += s + " "
    doc = Document("synthetic", text, "ar")
    return Extraction(
        AnalysedDoc(doc, tuple(sentences), "bench"), tuple(mentions), tuple(entities), ()
    )


def throughput(extraction, seconds: float, cold: bool) -> tuple[float, float, int, int]:  # type: ignore[no-untyped-def]
    """Mentions per second (wall, then CPU) over repeated passes, the mentions per pass,
    the links per pass."""
    from kg.link.gazetteer import GazetteerLinker, _plan, candidates

    linker = GazetteerLinker()
    links = len(linker(extraction))
    n = len(extraction.mentions)
    done, t0, c0 = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < seconds:
        if cold:
            candidates.cache_clear()
            _plan.cache_clear()
        linker(extraction)
        done += n
    return done / (time.perf_counter() - t0), done / (time.process_time() - c0), n, links


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    args = ap.parse_args(argv)
    imp, load, imp_cpu, load_cpu = load_ms()
    print(
        f"gazetteer load  {load:.1f} ms [CPU {load_cpu:.1f}] (import of kg.link.gazetteer"
        f" {imp:.1f} ms [{imp_cpu:.1f}]; median of 5 fresh interpreters)"
    )
    for label, ex in (
        ("seed article", seed_extraction()),
        ("synthetic", synthetic_extraction(5000)),
    ):
        for cold in (False, True):
            rate, cpu_rate, n, links = throughput(ex, args.seconds, cold)
            print(
                f"{label:13s} {'cold' if cold else 'warm'}  {rate:,.0f} mentions/s"
                f" [CPU {cpu_rate:,.0f}]  ({n} mentions, {links} links per pass)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
