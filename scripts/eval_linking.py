#!/usr/bin/env python3
"""Accuracy of a linker on the ambiguity set (tests/data/linking_ar.tsv).

    python scripts/eval_linking.py                      # gazetteer linker, both modes
    python scripts/eval_linking.py --mode linker -v     # every case
    python scripts/eval_linking.py FILE.tsv --linker gazetteer+wikidata   (online)

Exit status 1 when a wrong link is made on a name with a single meaning.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.link import get_linker
from kg.link.evalset import format_report, read_cases, run_linker, run_pipeline

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "linking_ar.tsv"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "cases", nargs="?", default=str(DEFAULT), help="TSV of cases (default: %(default)s)"
    )
    ap.add_argument("--linker", default="gazetteer")
    ap.add_argument("--mode", choices=["linker", "pipeline", "both"], default="both")
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="show every case, not only failures"
    )
    args = ap.parse_args(argv)
    try:
        cases = read_cases(args.cases)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bad = 0
    if args.mode in ("linker", "both"):
        r = run_linker(cases, get_linker(args.linker))
        print(format_report(r, "linker    ", args.verbose))
        bad += r.unambiguous_wrong
    if args.mode in ("pipeline", "both"):
        r = run_pipeline(cases, args.linker)
        print(format_report(r, "pipeline  ", args.verbose))
        bad += r.unambiguous_wrong
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
