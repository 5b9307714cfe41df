"""Score the extractor on a folder of real news with blind gold facts.

    python scripts/eval_realnews.py ../shared/realnews            # per article and totals
    python scripts/eval_realnews.py ../shared/realnews --errors   # + every missed core fact and wrong fact
    python scripts/eval_realnews.py ../shared/realnews --split dev --errors --only rn05
    python scripts/eval_realnews.py ../shared/realnews --json out.json

The folder holds ``texts/ID.txt`` and ``gold/ID.entities.tsv``, ``gold/ID.facts.tsv``. Each
article is built on its own (as ``kg build ID.txt`` would) and scored with ``kg eval``'s
matching (:func:`kg.evaluate.evaluate`), with its date from ``sources.tsv`` (as ``kg build
--date`` gives it) when the file is there. Totals are sums of the articles' counts (micro
averages). Facts are matched with their modality (``kg eval``'s rules): a gold fact marked
``planned:`` is found by a fact node of any modality but negated, and is right only when
that fact is planned; ``planned`` counts the gold ``planned:`` facts a planned fact
matches, and ``negated direct`` the negated facts that have a direct triple (none
should). Articles whose number is a multiple of 4 are the *test* split: they are scored
and reported apart, and ``--errors`` never lists their errors unless ``--split test`` asks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.dates import DEICTIC, WEEKDAYS, ordinal_day, parse_date
from kg.evaluate import EvalReport, evaluate, read_gold_entities
from kg.graph import union_graph
from kg.pipeline import Options, build
from kg.vocab import KG


def negated_direct(g: Graph) -> int:
    """Negated fact nodes whose triple is in the graph although no asserted or reported
    fact node states it."""
    happened = {KG.Asserted, KG.Reported}
    count = 0
    for node in g.subjects(KG.modality, KG.Negated):
        spo = (g.value(node, RDF.subject), g.value(node, RDF.predicate), g.value(node, RDF.object))
        if spo not in g:
            continue
        others = set(g.subjects(RDF.subject, spo[0])) & set(g.subjects(RDF.object, spo[2]))
        if not any(
            (o, RDF.predicate, spo[1]) in g and g.value(o, KG.modality) in happened for o in others
        ):
            count += 1
    return count


@dataclass
class Scored:
    id: str
    split: str
    report: EvalReport
    graph: Graph
    entities: Path


def split_of(article_id: str) -> str:
    """``test`` for the articles whose number is a multiple of 4, else ``dev``. The number
    follows the set's letters, an optional set number and an optional hyphen (``rn08_x``,
    ``u04``, ``u3-12``, ``pl-08``).

    >>> split_of("rn08_x"), split_of("rn09_y"), split_of("u3-12"), split_of("u3-02")
    ('test', 'dev', 'test', 'dev')
    >>> split_of("pl-08"), split_of("pl-03")
    ('test', 'dev')
    """
    m = re.match(r"[a-z]+(?:\d+-)?-?(\d+)", article_id)
    return "test" if m and int(m.group(1)) % 4 == 0 else "dev"


def articles(root: Path) -> list[tuple[str, Path, Path, Path]]:
    out = []
    for text in sorted((root / "texts").glob("*.txt")):
        gid = text.stem
        ents, facts = root / "gold" / f"{gid}.entities.tsv", root / "gold" / f"{gid}.facts.tsv"
        if ents.exists() and facts.exists():
            out.append((gid, text, ents, facts))
    return out


def source_dates(root: Path) -> dict[str, str]:
    """Article id -> its date (YYYY-MM-DD) from ``sources.tsv`` (empty when absent)."""
    path = root / "sources.tsv"
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    if not rows or "date" not in rows[0] or "id" not in rows[0]:
        return {}
    i, d = rows[0].index("id"), rows[0].index("date")
    return {r[i]: r[d] for r in rows[1:] if len(r) > max(i, d) and parse_date(r[d])}


def score(root: Path, only: str = "", analyser: str = "auto") -> list[Scored]:
    out = []
    dates = source_dates(root)
    for gid, text, ents, facts in articles(root):
        if only and not gid.startswith(only):
            continue
        options = Options(html=False, analyser=analyser, date=dates.get(gid, ""))
        _, ds = build([text], None, options)
        g = union_graph(ds)
        out.append(Scored(gid, split_of(gid), evaluate(g, ents, facts), g, ents))
    return out


def totals(rows: list[Scored]) -> dict[str, float]:
    right = sum(r.report.right for r in rows)
    judged = sum(r.report.judged for r in rows)
    cf, ct = sum(r.report.core_found for r in rows), sum(r.report.core_total for r in rows)
    af, at = sum(r.report.all_found for r in rows), sum(r.report.all_total for r in rows)
    return {
        "precision": right / judged if judged else 0.0,
        "core": cf / ct if ct else 0.0,
        "all": af / at if at else 0.0,
        "predicted": sum(r.report.predicted for r in rows),
        "right": right,
        "judged": judged,
        "core_found": cf,
        "core_total": ct,
        "all_found": af,
        "all_total": at,
        "entities_found": sum(r.report.entities_found for r in rows),
        "entities_total": sum(r.report.entities_total for r in rows),
        "planned_found": sum(r.report.planned_found for r in rows),
        "planned_total": sum(r.report.planned_total for r in rows),
        "negated_direct": sum(negated_direct(r.graph) for r in rows),
    }


#: Words that name a day relative to the document's date (أمس, اليوم, غدا, a weekday).
_DAY_WORDS = "|".join(sorted({w for w, _ in DEICTIC} | set(WEEKDAYS), key=len, reverse=True))
_RELATIVE_DAY = re.compile(rf"(?:^|[\s\u0648\u0641\u0628])(?:{_DAY_WORDS})(?=[\s.,،؛:]|$)")


def dated(r: Scored, text: str) -> tuple[bool, int, int]:
    """Whether the article's text names a relative day, and how many of its events and
    of its facts carry a resolved date (kg:startDate)."""
    from kg.text import normalize

    norm = normalize(text)
    # اليوم الثاني من الهدنة: a numbered day of something else, not today
    relative = any(
        not ordinal_day(norm[m.start() : m.end() + 30]) for m in _RELATIVE_DAY.finditer(norm)
    )
    g = r.graph
    events = {s for s in g.subjects(RDF.type, KG.Event) if (s, KG.startDate, None) in g}
    facts = {s for s in g.subjects(RDF.type, KG.Fact) if (s, KG.startDate, None) in g}
    return relative, len(events), len(facts)


def _line(name: str, t: dict[str, float]) -> str:
    return (
        f"{name:<34} P {t['precision']:.3f} ({t['right']:>3}/{t['judged']:<3})  "
        f"core {t['core']:.3f} ({t['core_found']:>3}/{t['core_total']:<3})  "
        f"all {t['all']:.3f} ({t['all_found']:>3}/{t['all_total']:<3})  "
        f"entities {t['entities_found']:>3}/{t['entities_total']:<3}  "
        f"planned {t['planned_found']:>2}/{t['planned_total']:<2}  "
        f"negated direct {t['negated_direct']}"
    )


def _label(g: Graph, iri: str) -> str:
    labels = sorted(str(o) for o in g.objects(URIRef(iri), RDFS.label))
    return labels[0] if labels else iri.rsplit("/", 1)[-1]


def _sentence_of(g: Graph, s: str, p: str, o: str) -> str:
    for st in g.subjects(RDF.subject, URIRef(s)):
        if (st, RDF.predicate, KG[p]) in g and (st, RDF.object, URIRef(o)) in g:
            for sent in g.objects(st, PROV.wasDerivedFrom):
                for text in g.objects(sent, KG.text):
                    return str(text)
    return ""


def errors(r: Scored, extra: bool = False) -> list[str]:
    lines = []
    found = {gid for _, gid in r.report.mapping}
    for e in read_gold_entities(r.entities):
        if e.id not in found:
            lines.append(f"  NO ENTITY {e.id} ({e.type}) «{'|'.join(e.surfaces[:-1])}»")
    for f in r.report.missed:
        if f.level == "core" or extra:
            lines.append(
                f"  MISSED {f.subject} {'|'.join(f.relations)} {f.object}\n      « {f.evidence} »"
            )
    for w in r.report.wrong:
        subj = w.subject_gold or _label(r.graph, w.subject)
        obj = w.object_gold or _label(r.graph, w.object)
        sent = _sentence_of(r.graph, w.subject, w.relation, w.object)
        mods = "" if w.modalities == ("asserted",) else f" ({'|'.join(w.modalities)})"
        lines.append(f"  WRONG  {subj} {w.relation} {obj}{mods}\n      « {sent} »")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("root", type=Path, help="folder with texts/ and gold/")
    ap.add_argument(
        "--errors",
        action="store_true",
        help="list gold entities not found, missed core facts and wrong facts",
    )
    ap.add_argument(
        "--extra", action="store_true", help="with --errors, list missed extra facts too"
    )
    ap.add_argument(
        "--split", choices=("dev", "test", "all"), default="dev", help="whose errors --errors lists"
    )
    ap.add_argument("--only", default="", help="articles whose id starts with this")
    ap.add_argument("--analyser", default="auto")
    ap.add_argument("--json", type=Path, help="write per-article figures to this file")
    args = ap.parse_args(argv)
    if not (args.root / "texts").is_dir():
        print(
            f"{args.root}: no texts/ folder (expected texts/ID.txt and gold/ID.*.tsv)",
            file=sys.stderr,
        )
        return 2
    rows = score(args.root, args.only, args.analyser)
    if not rows:
        print(f"{args.root}: no article with both gold files", file=sys.stderr)
        return 2
    for r in rows:
        t = totals([r])
        print(_line(f"{r.id} [{r.split}]", t))
        if args.errors and args.split in (r.split, "all"):
            print("\n".join(errors(r, args.extra)))
    print()
    for name, part in (
        ("dev", [r for r in rows if r.split == "dev"]),
        ("test", [r for r in rows if r.split == "test"]),
    ):
        if part:
            print(_line(f"TOTAL {name} ({len(part)} articles)", totals(part)))
    print(_line(f"TOTAL all ({len(rows)} articles)", totals(rows)))
    texts = {gid: text for gid, text, _, _ in articles(args.root)}
    counted = [dated(r, texts[r.id].read_text(encoding="utf-8")) for r in rows]
    relative = [(n, f) for rel, n, f in counted if rel]
    known = source_dates(args.root)
    with_date = [n for r, (rel, n, _) in zip(rows, counted, strict=True) if rel and r.id in known]
    print(
        f"dates: {sum(1 for n, _ in relative if n)} of {len(relative)} articles naming a "
        f"relative day have dated events ({sum(n for n, _ in relative)} events; "
        f"{sum(1 for _, f in relative if f)} have dated facts, {sum(f for _, f in relative)} facts); "
        f"in all {len(rows)}: {sum(c[1] for c in counted)} dated events, "
        f"{sum(c[2] for c in counted)} dated facts; of those with a sources.tsv date, "
        f"{sum(1 for n in with_date if n)} of {len(with_date)}"
    )
    if args.json:
        args.json.write_text(
            json.dumps({r.id: totals([r]) for r in rows}, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader stopped early (| head): nothing more to say
        sys.stderr.close()
        sys.exit(0)
