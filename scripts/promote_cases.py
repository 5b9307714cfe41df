"""Move the known-failure suite cases that now pass to the suite they belong to.

    python scripts/promote_cases.py            # move them, print what moved
    python scripts/promote_cases.py --check    # print what would move, change nothing

``tests/test_suite.py`` runs the cases of ``suite_lexicon_failing_ar.tsv`` and
``suite_failing_ar.tsv`` as strict xfails: a case that starts passing fails the tests until
it is moved — lexicon cases to ``suite_lexicon_ar.tsv``, the others to ``suite_ar.tsv``.
Each line moves as it is written (its id, text and expectations unchanged).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a file: the repository's kg first
    sys.path.insert(0, str(ROOT))

from kg import suite  # noqa: E402

DATA = ROOT / "tests" / "data"
MOVES = {
    DATA / "suite_lexicon_failing_ar.tsv": DATA / "suite_lexicon_ar.tsv",
    DATA / "suite_failing_ar.tsv": DATA / "suite_ar.tsv",
}


def passing(path: Path) -> set[str]:
    """Ids of the cases of a suite file that pass now."""
    return {o.case.id for o in suite.run(path) if o.ok}


def move(source: Path, target: Path, ids: set[str]) -> None:
    """Move the lines of ``ids`` from ``source`` to the end of ``target``, as written."""
    kept, moved = [], []
    for line in source.read_text(encoding="utf-8").splitlines(keepends=True):
        case_id = line.split("\t", 1)[0]
        (moved if case_id in ids and not line.startswith("#") else kept).append(line)
    text = target.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    target.write_text(text + "".join(moved), encoding="utf-8")
    source.write_text("".join(kept), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--check", action="store_true", help="print what would move, change nothing")
    args = ap.parse_args(argv)
    for source, target in MOVES.items():
        ids = passing(source)
        for case_id in sorted(ids):
            print(
                f"{'would move' if args.check else 'moved'} {case_id}: {source.name} -> {target.name}"
            )
        if ids and not args.check:
            move(source, target, ids)
    return 0


if __name__ == "__main__":
    sys.exit(main())
