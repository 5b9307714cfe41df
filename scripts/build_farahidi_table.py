#!/usr/bin/env python
"""Build the shipped table of farahidi's analyses (kg/data/ar/farahidi_table.blocks).

The rules analyser asks farahidi about every word its lexicon cannot read; a first run
on a new machine pays for each such word once (farahidi's disk cache keeps the answers
for later runs). The shipped table is that disk cache made in advance, from word lists
that have nothing to do with any benchmark or evaluation text:

- the Arabic list of ``wordfreq`` (its ``large_ar.msgpack.gz``: word frequencies from
  Wikipedia, OpenSubtitles, NewsCrawl, GlobalVoices, OSCAR and Twitter; the data is
  CC BY-SA 4.0, the package Apache-2.0), its ``--top`` most frequent words;
- the project's own words: the gazetteer's Arabic labels and aliases, the seed articles,
  the sentences of the suites (tests/data/suite*_ar.tsv).

Only the words that reach farahidi are kept (those the analyser has no lexicon,
function-word or composed reading for, found by running ``analyse_word`` with farahidi
replaced by a recorder), each with exactly what ``farahidi_analyse`` would give, in the
disk cache's encoding. The first line names the farahidi version and the order of the
readings (``farahidi_cache.ORDER``); the analyser uses the table only with both. Rows are
sorted and kept in small zlib blocks (kg/analyse/rules/blocks.py: a look-up decompresses
one block of some 8 KB, not the whole 25 MB), and readings of equal score come in one
fixed order (farahidi's own order of ties follows Python's string hashes; ``farahidi_run``
sorts them): the same inputs give the same bytes in any process. ``--from-table`` packs
the rows of a table written before as one gzip text (``word TAB readings`` lines under
the same header line) without asking farahidi again.

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wf && unzip -o /tmp/wf/*.whl -d /tmp/wf
    python scripts/build_farahidi_table.py --wordfreq /tmp/wf/wordfreq/data/large_ar.msgpack.gz
    python scripts/build_farahidi_table.py --wordfreq ... --check   # the committed table?
    python scripts/build_farahidi_table.py --from-table OLD.tsv.gz   # packed anew
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg/data/ar/farahidi_table.blocks"
_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a]{2,}")


def wordfreq_words(path: Path, top: int) -> list[str]:
    """The ``top`` most frequent words of a wordfreq ``cB`` file (lists of words by
    frequency band, most frequent first), Arabic letters only."""
    try:
        import msgpack
    except ImportError:
        sys.exit(
            "build_farahidi_table: msgpack is needed to read wordfreq's file (pip install msgpack)"
        )
    with gzip.open(path) as f:
        data = msgpack.load(f, raw=False, strict_map_key=False)
    if not data or not isinstance(data[0], dict) or data[0].get("format") != "cB":
        sys.exit(f"build_farahidi_table: {path} is not a wordfreq cB file")
    out: list[str] = []
    for band in data[1:]:
        out.extend(w for w in band if _WORD.fullmatch(w))
    return out[:top]


def project_words() -> list[str]:
    """The Arabic words of the gazetteer, the seed articles and the suites."""
    texts: list[str] = []
    with (ROOT / "kg/data/gazetteer.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            texts.append(row.get("label_ar") or "")
            texts.append(row.get("aliases_ar") or "")
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*_ar.txt"))]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data").glob("suite*_ar.tsv"))
    ]
    return [w for t in texts for w in _WORD.findall(t)]


def reaching_farahidi(words: Iterable[str]) -> list[str]:
    """The words (diacritics off, as the analyser passes them) that ``analyse_word`` would
    send to farahidi, in first-seen order."""
    from kg.analyse.rules import morph

    asked: dict[str, None] = {}

    def record(word: str) -> tuple[tuple[str, ...], ...]:
        asked[word] = None
        return ()

    morph.farahidi_analyse = record  # type: ignore[assignment]
    for k, w in enumerate(dict.fromkeys(words)):
        morph.analyse_word(w)
        if k % 20_000 == 0:
            morph.analyse_word.cache_clear()
            print(f"  {k:,} words read, {len(asked):,} for farahidi", file=sys.stderr)
    return list(asked)


def table(words: list[str]) -> bytes:
    """The bytes of the table: a header line, then ``word TAB readings`` sorted, in
    blocks."""
    import farahidi

    from kg.analyse.rules.blocks import pack
    from kg.analyse.rules.farahidi_cache import encode, farahidi_run, table_header

    rows = []
    t0 = time.process_time()
    for k, w in enumerate(sorted(set(words))):
        rows.append(f"{w}\t{encode(farahidi_run(w))}")
        if k % 10_000 == 0:
            print(f"  {k:,} analysed, {time.process_time() - t0:.0f} s", file=sys.stderr)
    version = getattr(farahidi, "__version__", "0")
    head = f"{table_header(version)}\t{len(rows)} words; scripts/build_farahidi_table.py"
    return pack(head, rows)


def repacked(path: Path) -> bytes:
    """A table written as one gzip text (header line, then sorted rows), in blocks."""
    from kg.analyse.rules.blocks import pack

    head, *rows = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    if rows != sorted(rows) or not head.startswith("# farahidi "):
        raise SystemExit(f"{path}: not a sorted table of farahidi's answers")
    return pack(head, rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordfreq", type=Path, help="wordfreq's large_ar.msgpack.gz")
    ap.add_argument("--from-table", type=Path, help="a gzip text table to pack in blocks")
    ap.add_argument("--top", type=int, default=400_000, help="most frequent words taken")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    args = ap.parse_args()
    if args.from_table:
        if not args.from_table.is_file():
            ap.error(f"{args.from_table}: no such file")
        data = repacked(args.from_table)
    else:
        if args.wordfreq is None or not args.wordfreq.is_file():
            ap.error(f"{args.wordfreq}: no such file (--wordfreq is needed)")
        words = reaching_farahidi([*project_words(), *wordfreq_words(args.wordfreq, args.top)])
        print(f"{len(words):,} words reach farahidi", file=sys.stderr)
        data = table(words)
    if args.check:
        same = args.out.is_file() and args.out.read_bytes() == data
        print(f"{args.out}: {'the same' if same else 'differs'}")
        return 0 if same else 1
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, args.out)  # atomic: a stopped run leaves the old table whole
    print(f"{args.out}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
