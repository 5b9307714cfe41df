#!/usr/bin/env python3
"""Share of Person and Organization mentions linked on a folder of real news.

    python scripts/link_share.py ../shared/realnews            # shares per split
    python scripts/link_share.py ../shared/realnews --links    # + every link of the dev split
    python scripts/link_share.py ../shared/realnews --unlinked # + the dev names left unlinked

Each ``texts/ID.txt`` goes through the offline pipeline (rules analyser, gazetteer linker);
a name mention (not a title or pronoun) counts as linked when its entity got a QID. The
test split (articles whose number is a multiple of 4) is counted but its links are never
listed, so nobody tunes on it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from eval_realnews import split_of  # the harness's split: one rule for both (run as a file)

from kg.graph import choose_link
from kg.model import Document
from kg.pipeline import Options, Stages, process

CLASSES = ("Person", "Organization")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--links", action="store_true", help="list the links of the dev split")
    ap.add_argument(
        "--unlinked", action="store_true", help="list the names of the dev split left unlinked"
    )
    args = ap.parse_args(argv)
    texts = sorted((args.folder / "texts").glob("*.txt"))
    if not texts:
        print(f"error: no texts/*.txt under {args.folder}", file=sys.stderr)
        return 2
    stages = Stages.from_options(Options(analyser="rules", linker="gazetteer"))
    counts: Counter[tuple[str, str, bool]] = Counter()
    listed: list[str] = []
    for path in texts:
        split = split_of(path.stem)
        result = process(Document(path.stem, path.read_text(encoding="utf-8"), "ar"), stages)
        mentions = {m.id: m for m in result.extraction.mentions}
        # the entity's name, not the mention's surface: للجزيرة is ل + الجزيرة, whose
        # mention text (offsets in the text) starts after the ل
        labels = {e.key: e.label for e in result.extraction.entities}
        by_entity: dict[str, list] = {}
        for lk in result.links:
            if lk.mention in mentions:
                by_entity.setdefault(mentions[lk.mention].entity, []).append(lk)
        for m in result.extraction.mentions:
            if m.kind != "name" or m.label not in CLASSES:
                continue
            link = choose_link(by_entity.get(m.entity, ()))
            counts[(split, m.label, link is not None)] += 1
            if link is not None and split == "dev" and args.links:
                name = labels.get(m.entity, m.text)
                listed.append(f"{path.stem}\t{m.label}\t{name}\t{link.qid}\t{link.label_en}")
            if link is None and split == "dev" and args.unlinked:
                listed.append(f"{path.stem}\t{m.label}\t{labels.get(m.entity, m.text)}\t-\t-")
    for split in ("dev", "test", "all"):
        parts = []
        for cls in CLASSES:
            keys = [(s, cls) for s in (("dev", "test") if split == "all" else (split,))]
            yes = sum(counts[(s, c, True)] for s, c in keys)
            total = yes + sum(counts[(s, c, False)] for s, c in keys)
            share = f"{yes / total:.1%}" if total else "-"
            parts.append(f"{cls} {yes}/{total} ({share})")
        print(f"{split:5} " + "  ".join(parts))
    for line in listed:
        print(line)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader stopped early (| head): nothing more to say
        sys.stderr.close()
        sys.exit(0)
