#!/usr/bin/env python
"""What a capped corpus view shows: the share of quantities, times and generic nouns.

    python scripts/view_share.py OUT/graph.ttl                  # the 300-node view
    python scripts/view_share.py OUT/graph.ttl --max-nodes 500 --list 40

Prints, for the nodes ``kg view GRAPH --max-nodes N`` draws, how many are quantities
(class Quantity, or a name that is a number), times (class TimeExpression) and generic
nouns (``kg.salience.is_background``: an unlinked plain Thing, or a person, group or
position named by one common noun of the lexicon), with their share; then the same for
the choice by plain degree that the view made before ``kg.salience`` (``before``), and
the events of a single document among the nodes. Acceptance (issue 18): under 10%.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def kind(d: dict[str, Any]) -> str:
    """quantity, time, generic or named."""
    from kg.salience import _NUMERAL, is_background

    if d.get("cls") == "Quantity" or _NUMERAL.match(str(d.get("label") or "")):
        return "quantity"
    if d.get("cls") == "TimeExpression":
        return "time"
    return "generic" if is_background(d) else "named"


def by_degree(G: Any, n: int) -> list[str]:
    """The choice before kg.salience: most facts first, ties by IRI."""
    return sorted(G, key=lambda u: (-G.degree(u), u))[:n]


def report(G: Any, kept: list[str], name: str, show: int) -> float:
    from kg.salience import ranks

    r = ranks(G)
    kinds = Counter(kind(G.nodes[u]) for u in kept)
    odd = sum(kinds[k] for k in ("quantity", "time", "generic"))
    share = odd / len(kept) if kept else 0.0
    events = sum(1 for u in kept if G.nodes[u].get("cls") == "Event" and r[u].reach <= 1)
    print(
        f"{name:6} nodes {len(kept)}  quantities {kinds['quantity']}  times {kinds['time']}  "
        f"generic nouns {kinds['generic']}  share {100 * share:.1f}%  "
        f"events of one document {events}"
    )
    for u in kept[:show]:
        d = G.nodes[u]
        print(f"    {kind(d):8} {d.get('cls', '?'):14} reach {r[u].reach:3}  {d.get('label', u)}")
    return share


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("--max-nodes", type=int, default=300)
    ap.add_argument("--lang", default="ar")
    ap.add_argument("--list", type=int, default=0, help="also list the first N nodes of each")
    args = ap.parse_args()
    if not args.graph.exists():
        print(f"view_share: {args.graph}: no such file or folder", file=sys.stderr)
        return 2
    from kg.analytics import to_networkx
    from kg.salience import choose
    from kg.serialise import load

    G = to_networkx(load(args.graph), lang=args.lang)
    print(f"graph: {G.number_of_nodes()} entities, {G.number_of_edges()} facts")
    report(G, by_degree(G, args.max_nodes), "before", args.list)
    share = report(G, choose(G, args.max_nodes), "now", args.list)
    return 0 if share < 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
