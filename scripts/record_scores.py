"""Record the per-article scores that the score ratchet tests hold the extractor to.

    python scripts/record_scores.py                    # our articles + the seed, and real news
    python scripts/record_scores.py --only articles    # tests/data/articles/* and the seed
    python scripts/record_scores.py --only realnews    # ../shared/realnews (when present)
    python scripts/record_scores.py --check            # compare, print the moves, write nothing
    python scripts/eval_realnews.py ../shared/realnews --json rn.json
    python scripts/record_scores.py --only realnews --from-json rn.json
    python scripts/record_scores.py --only extras      # tests/data/suite_extras.tsv

The figures go to ``tests/data/scores.json``: for each article the counts of
:data:`kg.evaluate.RATCHET_FIELDS` (predicted, judged, right, core_found, core_total,
all_found, all_total). ``tests/test_scores.py`` builds every article again and fails when
a count moved by more than one fact, in either direction: down is a regression; up is an
improvement that must be recorded (run this script and commit the file with the change
that caused it), so that the next regression is measured from the new level.

It also records ``tests/data/suite_extras.tsv``: the core-relation facts that the passing
suite cases give beyond their expected ones (``tests/test_suite.py`` fails on a new one).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a file: the repository's kg first
    sys.path.insert(0, str(ROOT))

from kg.evaluate import RATCHET_FIELDS, evaluate, ratchet_figures, ratchet_moves  # noqa: E402

SCORES = ROOT / "tests" / "data" / "scores.json"
ARTICLES = ROOT / "tests" / "data" / "articles"
SEED = ROOT / "seeds" / "coalition_meeting_2017_ar.txt"
SEED_GOLD = ROOT / "seeds" / "gold"
REALNEWS = ROOT.parent / "shared" / "realnews"
EXTRAS = ROOT / "tests" / "data" / "suite_extras.tsv"


def written_articles() -> dict[str, tuple[Path, Path, Path]]:
    """Our own articles and the seed: name -> (text, entities.tsv, facts.tsv)."""
    out = {
        SEED.stem: (
            SEED,
            SEED_GOLD / f"{SEED.stem}.entities.tsv",
            SEED_GOLD / f"{SEED.stem}.facts.tsv",
        )
    }
    for text in sorted(ARTICLES.glob("*.txt")):
        ents = text.with_suffix(".entities.tsv")
        facts = text.with_suffix(".facts.tsv")
        if ents.exists() and facts.exists():
            out[text.stem] = (text, ents, facts)
    return out


def score_article(text: Path, entities: Path, facts: Path) -> dict[str, int]:
    """Build one article on its own (as ``kg build TEXT`` does) and count its facts."""
    from kg.graph import union_graph
    from kg.pipeline import Options, build

    _, ds = build([text], None, Options(html=False))
    return ratchet_figures(evaluate(union_graph(ds), entities, facts))


def score_written() -> dict[str, dict[str, int]]:
    return {name: score_article(*paths) for name, paths in written_articles().items()}


def _eval_realnews() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "eval_realnews", ROOT / "scripts" / "eval_realnews.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def score_realnews(root: Path) -> dict[str, dict[str, int]]:
    """Every real article, scored as ``scripts/eval_realnews.py ROOT --json`` scores it."""
    mod = _eval_realnews()
    rows = mod.score(root)  # type: ignore[attr-defined]
    return {r.id: ratchet_figures(r.report) for r in rows}


def from_json(path: Path) -> dict[str, dict[str, int]]:
    """Figures from ``scripts/eval_realnews.py --json`` output."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {gid: {f: int(t[f]) for f in RATCHET_FIELDS} for gid, t in data.items()}


def suite_extras() -> list[tuple[str, str, str, str]]:
    """(case, subject, relation, object) of every core-relation fact that the passing suite
    cases give beyond their expected facts."""
    from kg import suite
    from tests.conftest import suite_files

    return sorted(
        (o.case.id, *f) for path in suite_files() for o in suite.run(path) for f in o.extras
    )


def save_extras(rows: list[tuple[str, str, str, str]], path: Path = EXTRAS) -> None:
    lines = ["case\tsubject\trelation\tobject"] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load(path: Path = SCORES) -> dict[str, dict[str, dict[str, int]]]:
    if not path.exists():
        return {}
    data: dict[str, dict[str, dict[str, int]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def save(data: dict[str, dict[str, dict[str, int]]], path: Path = SCORES) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def moves(recorded: dict[str, dict[str, int]], current: dict[str, dict[str, int]]) -> list[str]:
    out = []
    for name in sorted(set(recorded) | set(current)):
        if name not in current:
            out.append(f"{name}: recorded but not scored any more")
        elif name not in recorded:
            out.append(f"{name}: scored but not recorded: run `python scripts/record_scores.py`")
        else:
            out += ratchet_moves(name, recorded[name], current[name])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--only", choices=("articles", "realnews", "extras"), help="record one group only"
    )
    ap.add_argument("--realnews", type=Path, default=REALNEWS, help="the real news folder")
    ap.add_argument("--from-json", type=Path, help="real news figures from eval_realnews --json")
    ap.add_argument("--check", action="store_true", help="print the moves, write nothing")
    ap.add_argument("--out", type=Path, default=SCORES)
    args = ap.parse_args(argv)
    data = load(args.out)
    new = dict(data)
    if args.only in (None, "articles"):
        new["articles"] = score_written()
    if args.only in (None, "realnews"):
        if args.from_json:
            new["realnews"] = from_json(args.from_json)
        elif (args.realnews / "texts").is_dir():
            new["realnews"] = score_realnews(args.realnews)
        else:
            print(f"{args.realnews}: absent, real news figures kept as they are", file=sys.stderr)
    found = [m for group in new for m in moves(data.get(group, {}), new[group])]
    if args.only in (None, "extras") and not args.check:
        rows = suite_extras()
        save_extras(rows)
        print(f"recorded {len(rows)} facts beyond the expected ones in {EXTRAS}")
    print("\n".join(found) if found else "no article moved by more than one fact")
    if not args.check:
        save(new, args.out)
        print(f"recorded {sum(len(v) for v in new.values())} articles in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
