#!/usr/bin/env python
"""Score an analyser's UD output against a gold treebank (CoNLL-U).

Reports, over all sentences: tokenisation precision/recall/F1 (syntactic words matched
by character span), UPOS accuracy, UAS and LAS (on words whose span matches a gold word;
a head counts as right when it is the word at the gold head's span; LAS compares the
universal part of the relation, as in the CoNLL 2018 shared task's LAS). Each gold
sentence's ``# text`` is analysed as one sentence.

    python scripts/eval_ud.py ../shared/ud/ar_pud-ud-test.conllu [--limit N] [--analyser rules]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from kg.analyse.conllu import ConlluAnalyser
from kg.model import Document
from kg.text import normalize


def _gold(path: Path) -> list[tuple[str, list[tuple[int, int, str, int, str]]]]:
    """(text, [(start, end, upos, head index or -1, deprel)]) per sentence, read through the
    project's own CoNLL-U analyser (offsets relative to the sentence)."""
    doc = Document(path.name, path.read_text(encoding="utf-8"), "ar", str(path), format="conllu")
    out = []
    for s in ConlluAnalyser().analyse(doc).sentences:
        words = [
            (
                t.start - s.start,
                t.end - s.start,
                t.upos,
                t.head - 1 if t.head else -1,
                t.deprel.split(":")[0],
            )
            for t in s.tokens
        ]
        out.append((s.text, words))
    return out


def _predict(text: str, analyser: str) -> list[tuple[int, int, str, int, str]]:
    if analyser == "rules":
        from kg.analyse.rules import analyse_sentence
        from kg.analyse.rules.segment import words
        from kg.lexicon.names import single_word_names

        vocab = {normalize(text[a:b]) for a, b, k in words(text, 0, len(text)) if k == "ar"}
        sent = analyse_sentence(text, 0, len(text), 0, vocab, single_word_names())
    else:
        from kg.analyse import get_analyser

        a = get_analyser(analyser).analyse(Document("s", text, "ar"))
        toks = [t for s in a.sentences for t in s.tokens]
        return [(t.start, t.end, t.upos, -1, t.deprel.split(":")[0]) for t in toks]
    toks = sent.tokens
    return [
        (t.start, t.end, t.upos, t.head - 1 if t.head else -1, t.deprel.split(":")[0]) for t in toks
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("treebank", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--analyser", default="rules")
    ap.add_argument("--confusions", action="store_true", help="print the commonest relation errors")
    args = ap.parse_args()

    gold = _gold(args.treebank)
    if args.limit:
        gold = gold[: args.limit]
    n_gold = n_pred = matched = upos_ok = uas_ok = las_ok = 0
    words = 0
    errors: Counter[tuple[str, str]] = Counter()
    t0 = time.perf_counter()
    for text, gws in gold:
        pws = _predict(text, args.analyser)
        words += len(text.split())
        n_gold += len(gws)
        n_pred += len(pws)
        gspan = {(a, b): i for i, (a, b, *_r) in enumerate(gws)}
        for a, b, upos, head, rel in pws:
            gi = gspan.get((a, b))
            if gi is None:
                continue
            matched += 1
            ga, gb, gupos, ghead, grel = gws[gi]
            upos_ok += upos == gupos
            phead_span = (pws[head][0], pws[head][1]) if head >= 0 else None
            ghead_span = (gws[ghead][0], gws[ghead][1]) if ghead >= 0 else None
            if phead_span == ghead_span:
                uas_ok += 1
                if rel == grel:
                    las_ok += 1
                else:
                    errors[(grel, rel)] += 1
    seconds = time.perf_counter() - t0
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"treebank   {args.treebank.name}: {len(gold)} sentences, {n_gold} gold words")
    print(f"tokens     precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(
        f"UPOS       {upos_ok / n_gold:.3f}  (of gold words; {upos_ok / max(1, matched):.3f} of matched)"
    )
    print(
        f"UAS        {uas_ok / n_gold:.3f}  (of gold words; {uas_ok / max(1, matched):.3f} of matched)"
    )
    print(
        f"LAS        {las_ok / n_gold:.3f}  (of gold words; {las_ok / max(1, matched):.3f} of matched)"
    )
    print(f"speed      {words / seconds:,.0f} words/s ({seconds:.1f} s)")
    if args.confusions:
        for (g, pr), c in errors.most_common(15):
            print(f"  gold {g:10s} predicted {pr:10s} {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
