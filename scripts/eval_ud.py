#!/usr/bin/env python
"""Score an analyser's UD output against a gold treebank (CoNLL-U).

Reports, over all sentences: tokenisation precision/recall/F1 (syntactic words matched
by character span), UPOS accuracy, UAS and LAS (on words whose span matches a gold word;
a head counts as right when it is the word at the gold head's span; LAS compares the
universal part of the relation, as in the CoNLL 2018 shared task's LAS). Each gold
sentence's ``# text`` is analysed as one sentence.

``--confusions`` lists the commonest relation errors, part-of-speech confusions (gold
UPOS -> predicted, counts) and the word forms most often tagged wrong. ``--conventions``
adds UPOS with the differences of annotation convention discounted (:data:`CONVENTIONS`):
the rules analyser follows PADT where UD Arabic-PUD (Google's scheme, converted) tags
otherwise, and those differences are no errors of the analyser.

    python scripts/eval_ud.py ../shared/ud/ar_pud-ud-test.conllu [--limit N] [--analyser rules]
        [--confusions] [--conventions]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from kg.analyse.conllu import ConlluAnalyser
from kg.model import Document
from kg.text import normalize


class Word(NamedTuple):
    """One syntactic word, gold or predicted (offsets relative to the sentence)."""

    start: int
    end: int
    upos: str
    head: int  # index of the head word, -1 for the root
    rel: str  # universal part of the relation
    form: str = ""
    feats: str = "_"
    lemma: str = ""
    in_entity: bool = False  # inside a predicted entity span


def _gold(path: Path) -> list[tuple[str, list[Word]]]:
    """(text, words) per sentence, read through the project's own CoNLL-U analyser."""
    doc = Document(path.name, path.read_text(encoding="utf-8"), "ar", str(path), format="conllu")
    out = []
    for s in ConlluAnalyser().analyse(doc).sentences:
        words = [
            Word(
                t.start - s.start,
                t.end - s.start,
                t.upos,
                t.head - 1 if t.head else -1,
                t.deprel.split(":")[0],
                t.form,
                t.feats,
                t.lemma,
            )
            for t in s.tokens
        ]
        out.append((s.text, words))
    return out


def _predict(text: str, analyser: str) -> list[Word]:
    if analyser == "rules":
        from kg.analyse.rules import analyse_sentence
        from kg.analyse.rules.segment import words
        from kg.lexicon.names import single_word_names

        vocab = {normalize(text[a:b]) for a, b, k in words(text, 0, len(text)) if k == "ar"}
        sent = analyse_sentence(text, 0, len(text), 0, vocab, single_word_names())
        toks = sent.tokens
        spans = {t for sp in sent.entities for t in range(sp.first, sp.last + 1)}
        heads = [t.head - 1 if t.head else -1 for t in toks]
    else:
        from kg.analyse import get_analyser

        a = get_analyser(analyser).analyse(Document("s", text, "ar"))
        toks = tuple(t for s in a.sentences for t in s.tokens)
        spans = set()
        heads = [-1] * len(toks)
    return [
        Word(
            t.start,
            t.end,
            t.upos,
            h,
            t.deprel.split(":")[0],
            t.form,
            t.feats,
            t.lemma,
            t.id in spans,
        )
        for t, h in zip(toks, heads, strict=True)
    ]


# ------------------------------------------------------------ conventions

#: Nouns of time PUD tags ADV when they stand as adverbials (عام 2010, يوم الأحد); PADT NOUN.
_TIME_NOUNS = {
    normalize(w)
    for w in "عام العام يوم اليوم أسبوع الأسبوع شهر الشهر سنة صباح الصباح مساء وقت مرة المرة مرات ذات ليلة".split()
}


def _demonstrative(g: Word, p: Word) -> bool:
    return g.upos == "PRON" and p.upos == "DET" and "PronType=Dem" in p.feats


def _opening_conjunction(g: Word, p: Word) -> bool:
    return g.upos == "PART" and p.upos == "CCONJ" and normalize(p.form) in ("و", "ف")


def _subordinator(g: Word, p: Word) -> bool:
    return g.upos in ("ADP", "PART") and p.upos == "SCONJ"


def _conjunction(g: Word, p: Word) -> bool:
    return g.upos in ("ADP", "PART") and p.upos == "CCONJ" and normalize(p.form) not in ("و", "ف")


def _auxiliary(g: Word, p: Word) -> bool:
    return g.upos in ("VERB", "PART") and p.upos == "AUX"


def _name_word(g: Word, p: Word) -> bool:
    return g.upos == "PROPN" and p.upos in ("NOUN", "ADJ") and p.in_entity


def _time_noun(g: Word, p: Word) -> bool:
    return g.upos == "ADV" and p.upos == "NOUN" and normalize(p.form) in _TIME_NOUNS


def _one_of(g: Word, p: Word) -> bool:
    return g.upos == "DET" and p.upos == "NOUN" and normalize(p.form) in ("احد", "احدي")


#: Differences of convention between PUD's tags and PADT's, which the analyser follows:
#: (name, whether the brief of issue "UPOS" names it, test on a gold and predicted word).
CONVENTIONS: list[tuple[str, bool, Callable[[Word, Word], bool]]] = [
    ("demonstratives: PUD PRON, PADT DET", True, _demonstrative),
    ("clause-opening و/ف: PUD PART, PADT CCONJ", True, _opening_conjunction),
    ("subordinators (أن, إن, عندما, حيث): PUD ADP/PART, PADT SCONJ", False, _subordinator),
    ("conjunctions (لكن, ثم): PUD ADP/PART, PADT CCONJ", False, _conjunction),
    ("كان and its sisters, future س: PUD VERB/PART, PADT AUX", False, _auxiliary),
    ("common words inside a found name: PUD PROPN, PADT NOUN/ADJ", False, _name_word),
    ("nouns of time as adverbials (عام, يوم): PUD ADV, PADT NOUN", False, _time_noun),
    ("أحد/إحدى: PUD DET, PADT NOUN", False, _one_of),
]


def _convention(g: Word, p: Word) -> str:
    """The name of the convention difference that makes p's tag differ from g's, or ""."""
    return next((name for name, _, test in CONVENTIONS if test(g, p)), "")


# ------------------------------------------------------------------ report


class Tally:
    """The counts the report prints."""

    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.matched = self.upos_ok = self.uas_ok = self.las_ok = 0
        self.rel_errors: Counter[tuple[str, str]] = Counter()
        self.upos_errors: Counter[tuple[str, str]] = Counter()
        self.form_errors: Counter[tuple[str, str, str]] = Counter()
        self.conventions: Counter[str] = Counter()

    def add(self, gws: list[Word], pws: list[Word]) -> None:
        self.n_gold += len(gws)
        self.n_pred += len(pws)
        gspan = {(w.start, w.end): i for i, w in enumerate(gws)}
        for p in pws:
            gi = gspan.get((p.start, p.end))
            if gi is None:
                continue
            self.matched += 1
            g = gws[gi]
            if p.upos == g.upos:
                self.upos_ok += 1
            else:
                self.upos_errors[(g.upos, p.upos)] += 1
                self.form_errors[(g.form, g.upos, p.upos)] += 1
                self.conventions[_convention(g, p)] += 1
            phead = (pws[p.head].start, pws[p.head].end) if p.head >= 0 else None
            ghead = (gws[g.head].start, gws[g.head].end) if g.head >= 0 else None
            if phead == ghead:
                self.uas_ok += 1
                if p.rel == g.rel:
                    self.las_ok += 1
                else:
                    self.rel_errors[(g.rel, p.rel)] += 1


def _print_scores(t: Tally, name: str, sentences: int, words: int, seconds: float) -> None:
    p = t.matched / t.n_pred if t.n_pred else 0.0
    r = t.matched / t.n_gold if t.n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    m = max(1, t.matched)
    print(f"treebank   {name}: {sentences} sentences, {t.n_gold} gold words")
    print(f"tokens     precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(f"UPOS       {t.upos_ok / t.n_gold:.3f}  (of gold words; {t.upos_ok / m:.3f} of matched)")
    print(f"UAS        {t.uas_ok / t.n_gold:.3f}  (of gold words; {t.uas_ok / m:.3f} of matched)")
    print(f"LAS        {t.las_ok / t.n_gold:.3f}  (of gold words; {t.las_ok / m:.3f} of matched)")
    print(f"speed      {words / seconds:,.0f} words/s ({seconds:.1f} s)")


def _print_conventions(t: Tally) -> None:
    named = sum(t.conventions[name] for name, brief, _ in CONVENTIONS if brief)
    every = sum(t.conventions[name] for name, _, _ in CONVENTIONS)
    print(
        f"UPOS, convention differences discounted (of gold words; {t.upos_ok / t.n_gold:.3f} raw):"
    )
    print(f"  demonstratives and clause-opening و/ف     {(t.upos_ok + named) / t.n_gold:.3f}")
    print(f"  every PUD/PADT difference below          {(t.upos_ok + every) / t.n_gold:.3f}")
    for name, _, _ in CONVENTIONS:
        print(f"    {t.conventions[name]:5d}  {name}")


def _print_confusions(t: Tally) -> None:
    print("relations (head right, label wrong): gold -> predicted")
    for (g, pr), c in t.rel_errors.most_common(15):
        print(f"  gold {g:10s} predicted {pr:10s} {c}")
    print("UPOS: gold -> predicted")
    for (g, pr), c in t.upos_errors.most_common(30):
        print(f"  {g:6s} -> {pr:6s} {c:5d}")
    print("word forms most often tagged wrong: count form gold -> predicted")
    print("  " + "  ".join(f"{c} {f} {g}>{pr}" for (f, g, pr), c in t.form_errors.most_common(60)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("treebank", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--analyser", default="rules")
    ap.add_argument(
        "--confusions",
        action="store_true",
        help="print the commonest relation and part-of-speech errors",
    )
    ap.add_argument(
        "--conventions",
        action="store_true",
        help="print UPOS with PUD/PADT convention differences discounted",
    )
    args = ap.parse_args()

    gold = _gold(args.treebank)
    if args.limit:
        gold = gold[: args.limit]
    tally = Tally()
    words = 0
    t0 = time.perf_counter()
    for text, gws in gold:
        tally.add(gws, _predict(text, args.analyser))
        words += len(text.split())
    seconds = time.perf_counter() - t0
    _print_scores(tally, args.treebank.name, len(gold), words, seconds)
    if args.conventions:
        _print_conventions(tally)
    if args.confusions:
        _print_confusions(tally)
    return 0


if __name__ == "__main__":
    sys.exit(main())
