#!/usr/bin/env python
"""Build kg/data/ar_lexicon.tsv.gz: the rules analyser's open-class Arabic lexicon.

Source: farahidi (GPL-3.0-or-later; a port of AlKhalil Morpho Sys 2 by the Oujda NLP
Team). Its in-context language model lists, for ~114k word forms seen in an MSA corpus,
the lemmas those forms had there. For each such form we keep only farahidi's readings
whose lemma was attested for it, which removes most of the implausible analyses a
morphological analyser produces out of context (وزير as "and he was visited").

Output: one line per word form::

    FORM <TAB> reading ; reading ; ...

where a reading is ``pro,lemma,pos,type,tense,voice,pron,gender,number,enc,score`` with
unvocalised proclitic/enclitic forms, farahidi's Arabic labels shortened to codes
(see CODES) and ``score`` its out-of-context frequency weight times the lemma's corpus
weight. The lemma weights go in a trailing section ``#lemma<TAB>lemma<TAB>weight``.

Run: python scripts/build_ar_lexicon.py [--out kg/data/ar_lexicon.tsv.gz] [--workers 2]
Takes a few minutes; the result is committed, so users never run it.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing as mp
import re
import sys
import time

from kg.analyse.rules._farahidi_codes import GENDER, NUMBER, POS, PRON, TENSE, TYPES, VOICE

DIAC = re.compile("[\u064b-\u0652\u0670]")


def _plain(s: str | None) -> str:
    return DIAC.sub("", s or "")


def _readings(item: tuple[str, frozenset[str]]) -> tuple[str, list[str]]:
    import farahidi

    word, lemmas = item
    seen: dict[tuple[str, ...], float] = {}
    for a in farahidi.analyze(word):
        if a.lemma not in lemmas:
            continue
        pro = "".join(_plain(p.form) for p in a.proclitics)
        enc = "".join(_plain(e.form) for e in a.enclitics)
        key = (
            pro,
            a.lemma,
            POS.get(a.pos, "N"),
            TYPES.get(a.type, "n"),
            TENSE.get(a.tense, ""),
            VOICE.get(a.voice, ""),
            PRON.get(a.pronoun, ""),
            GENDER.get(a.gender, ""),
            NUMBER.get(a.number, ""),
            enc,
        )
        seen[key] = max(seen.get(key, 0.0), float(a.score or 0.0))
    out = [
        ",".join(k) + f",{v:.4g}" for k, v in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return word, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="kg/data/ar_lexicon.tsv.gz")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N forms (for a quick try)")
    args = ap.parse_args()

    from farahidi.lm import LanguageModel, load_lm

    t0 = time.time()
    _, emission, _ = load_lm()
    attested: dict[str, set[str]] = {}
    for key in emission:
        w, _, lemma = key.partition(":")
        attested.setdefault(w, set()).add(lemma)
    items = sorted((w, frozenset(ls)) for w, ls in attested.items())
    if args.limit:
        items = items[: args.limit]
    print(
        f"{len(items):,} attested word forms; analysing with {args.workers} workers",
        file=sys.stderr,
    )
    lemma_weight = LanguageModel().map_lemma
    n_read = 0
    used_lemmas: set[str] = set()
    with (
        mp.Pool(args.workers) as pool,
        gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh,
    ):
        for i, (word, readings) in enumerate(pool.imap(_readings, items, chunksize=200), 1):
            if readings:
                fh.write(word + "\t" + ";".join(readings) + "\n")
                n_read += len(readings)
                used_lemmas.update(r.split(",")[1] for r in readings)
            if i % 10000 == 0:
                print(f"  {i:,} forms, {time.time() - t0:.0f} s", file=sys.stderr)
        for lemma in sorted(used_lemmas):
            w = lemma_weight.get(lemma)
            if w:
                fh.write(f"#lemma\t{lemma}\t{w:.4g}\n")
    print(
        f"wrote {args.out}: {len(items):,} forms, {n_read:,} readings, {time.time() - t0:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
