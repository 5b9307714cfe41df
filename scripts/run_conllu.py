#!/usr/bin/env python3
"""Robustness run: the extractor over gold UD parses, which must never raise.

Runs the ``conllu`` analyser and the UD extractor over every document of a CoNLL-U file
(by default UD Arabic-PUD's 1,000 gold-parsed sentences in ../shared/ud, kept outside the
repository) and reports documents, sentences, mentions, facts (per relation) and seconds.
A document that raises is counted and shown; the exit code is 1 if any did.

Usage::

    python scripts/run_conllu.py [FILE.conllu ...] [--top 15]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "ud" / "ar_pud-ud-test.conllu"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--top", type=int, default=15, help="how many relations to list")
    args = ap.parse_args(argv)

    from kg.analyse.conllu import ConlluAnalyser
    from kg.extract.ud import extract
    from kg.model import Document
    from kg.read import read

    analyser = ConlluAnalyser()
    t0 = time.perf_counter()
    docs = sentences = mentions = facts = 0
    relations: Counter[str] = Counter()
    failures: list[str] = []
    for item in read(args.files):
        if not isinstance(item, Document):
            failures.append(f"{item.source}: {item.reason}")
            continue
        try:
            ex = extract(analyser.analyse(item))
        except Exception:  # the point of the run: count, show, go on
            failures.append(f"{item.source} ({item.id}):\n{traceback.format_exc(limit=4)}")
            continue
        docs += 1
        sentences += len(ex.analysed.sentences)
        mentions += len(ex.mentions)
        facts += len(ex.triples)
        relations.update(t.relation for t in ex.triples)
    seconds = time.perf_counter() - t0
    print(
        f"documents {docs}  sentences {sentences}  mentions {mentions}  facts {facts}  failures {len(failures)}  seconds {seconds:.1f}"
    )
    for rel, n in relations.most_common(args.top):
        print(f"  {rel:16} {n}")
    for f in failures[:10]:
        print("FAILED", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
