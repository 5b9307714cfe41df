"""Sample facts from unseen text for hand judging, and score the judged sample.

    python scripts/audit_facts.py TEXTS.conllu --out sample.tsv            # 150 facts, seed 1
    python scripts/audit_facts.py FOLDER --n 200 --seed 7 --out sample.tsv  # a folder of .txt
    python scripts/audit_facts.py TEXTS.conllu --seed 2 --exclude judged.tsv --out fresh.tsv
    python scripts/audit_facts.py --score judged.tsv                       # precision, causes

Building: the ``# text =`` lines of a CoNLL-U file (or the non-empty lines of every .txt
of a folder, file by file) are taken as raw text and built in documents of ``--doc``
consecutive sentences (10 by default), with the offline analyser unless ``--analyser``
says otherwise. Every fact of a core relation is a candidate; ``--seed`` draws ``--n`` of
them (``random.Random(seed).sample``, so the same input and seed give the same sample).
``--exclude`` leaves out every sentence that a TSV written before quotes, so that a fresh
sample is judged on sentences nobody has looked at.

The TSV has the columns id, sentence, subject, relation, object, evidence, confidence,
verdict, cause; verdict and cause are left empty for the judge. A verdict is ``right``
(the sentence says the fact, both ends are the right entities with sensible names),
``half`` (the relation is right but an end is a truncated or overlong name) or ``wrong``.
``--score`` prints strict precision right/(right+wrong+half), lenient precision
(right+half)/judged, and the counts of wrong and half facts by cause.

The TSV quotes its sentences: keep it outside the repository when the text is not yours.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

from kg.vocab import CORE_RELATIONS

COLUMNS = (
    "id",
    "sentence",
    "subject",
    "relation",
    "object",
    "evidence",
    "confidence",
    "verdict",
    "cause",
)
VERDICTS = ("right", "half", "wrong")
TEXT_PREFIX = "# text = "


def read_sentences(source: Path) -> list[list[str]]:
    """The sentences of a CoNLL-U file (one group) or of each .txt of a folder."""
    if source.is_dir():
        groups = []
        for path in sorted(source.glob("*.txt")):
            lines = path.read_text(encoding="utf-8").splitlines()
            groups.append([line.strip() for line in lines if line.strip()])
        return groups
    lines = source.read_text(encoding="utf-8").splitlines()
    return [[line[len(TEXT_PREFIX) :].strip() for line in lines if line.startswith(TEXT_PREFIX)]]


def documents(groups: list[list[str]], size: int) -> list[str]:
    """Consecutive sentences joined into documents of ``size`` sentences (or fewer)."""
    out = []
    for sentences in groups:
        for i in range(0, len(sentences), size):
            out.append(" ".join(sentences[i : i + size]))
    return [d for d in out if d]


def clean(value: str) -> str:
    return " ".join(value.split())


def core_facts(docs: list[str], analyser: str) -> list[dict[str, str]]:
    """Every fact of a core relation in the graph of ``docs``, as TSV rows."""
    import kg

    graph = kg.build(docs, analyser=analyser)
    core = set(CORE_RELATIONS)
    rows = []
    for fact in graph.facts():
        if fact.relation not in core:
            continue
        rows.append(
            {
                "sentence": clean(fact.sentence),
                "subject": clean(fact.subject),
                "relation": fact.relation,
                "object": clean(fact.object),
                "evidence": clean(fact.evidence),
                "confidence": f"{fact.confidence:.2f}",
                "verdict": "",
                "cause": "",
            }
        )
    return rows


def judged_sentences(paths: list[Path]) -> set[str]:
    seen: set[str] = set()
    for path in paths:
        seen.update(row["sentence"] for row in read_tsv(path))
    return seen


def sample(rows: list[dict[str, str]], n: int, seed: int) -> list[dict[str, str]]:
    if n <= 0:  # every fact
        n = len(rows)
    picked = random.Random(seed).sample(range(len(rows)), min(n, len(rows)))
    out = []
    for i, index in enumerate(sorted(picked), 1):
        out.append({"id": f"f{seed}-{i:03d}", **rows[index]})
    return out


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None))


def write_tsv(rows: list[dict[str, str]], out: Path | None) -> None:
    stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    writer = csv.DictWriter(
        stream, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    if out:
        stream.close()


def score(path: Path) -> str:
    """Strict and lenient precision of a judged TSV, and its causes."""
    rows = [r for r in read_tsv(path) if (r.get("verdict") or "").strip() in VERDICTS]
    verdicts = Counter(r["verdict"].strip() for r in rows)
    total = sum(verdicts.values())
    if not total:
        return f"{path}: no judged rows"
    strict = verdicts["right"] / total
    lenient = (verdicts["right"] + verdicts["half"]) / total
    lines = [
        f"{path}: {total} judged  right {verdicts['right']}  half {verdicts['half']}"
        f"  wrong {verdicts['wrong']}",
        f"precision strict {strict:.3f}  lenient {lenient:.3f}",
        "causes (wrong + half):",
    ]
    causes = Counter(
        (r.get("cause") or "").strip() or "(none)" for r in rows if r["verdict"].strip() != "right"
    )
    for cause, count in causes.most_common():
        lines.append(f"  {count:4d}  {cause}")
    by_relation = Counter(r["relation"] for r in rows)
    right_by_relation = Counter(r["relation"] for r in rows if r["verdict"].strip() == "right")
    lines.append("by relation (right/judged):")
    for rel, count in by_relation.most_common():
        lines.append(f"  {right_by_relation[rel]:3d}/{count:<3d} {rel}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("source", nargs="?", type=Path, help="a CoNLL-U file or a folder of .txt")
    ap.add_argument("--score", type=Path, help="score a judged TSV instead")
    ap.add_argument("--n", type=int, default=150, help="facts to sample (150; 0: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--doc", type=int, default=10, help="sentences per document (10)")
    ap.add_argument("--analyser", default="rules")
    ap.add_argument("--exclude", type=Path, action="append", default=[], help="judged TSV")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if args.score:
        print(score(args.score))
        return 0
    if args.source is None:
        ap.error("a source (CoNLL-U file or folder) or --score is needed")
    rows = core_facts(documents(read_sentences(args.source), args.doc), args.analyser)
    seen = judged_sentences(args.exclude)
    fresh = [r for r in rows if r["sentence"] not in seen]
    print(f"{len(rows)} core facts, {len(fresh)} from unjudged sentences", file=sys.stderr)
    write_tsv(sample(fresh, args.n, args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
