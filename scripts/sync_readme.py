#!/usr/bin/env python
"""Regenerate the README's generated parts: the ontology table and the example queries
with their real output on the seed article. ``--check`` only reports whether they are
current (the test suite runs it)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EXAMPLES = [
    (
        "Who took part in which event",
        """SELECT ?who ?event WHERE {
  ?w kg:participatedIn ?e . ?e a kg:Event .
  ?w rdfs:label ?who . ?e rdfs:label ?event .
  FILTER(lang(?who) = "ar" && lang(?event) = "ar")
} ORDER BY ?who LIMIT 6""",
    ),
    (
        "Entities joined to Wikidata",
        """SELECT ?entity ?wikidata WHERE {
  ?e owl:sameAs ?wikidata ; rdfs:label ?entity . FILTER(lang(?entity) = "en")
} ORDER BY ?entity LIMIT 6""",
    ),
    (
        "What Tillerson said, and the sentence it comes from",
        """SELECT ?relation ?sentence WHERE {
  ?p rdfs:label "ريكس تيلرسون"@ar .
  ?f rdf:subject ?p ; rdf:predicate ?rel ; prov:wasDerivedFrom ?s .
  ?rel rdfs:subPropertyOf* kg:said . ?s kg:text ?sentence ; kg:index ?i .
  BIND(STRAFTER(STR(?rel), "#") AS ?relation)
} ORDER BY ?i LIMIT 3""",
    ),
]


def ontology_table() -> str:
    from kg.ontology import table

    return table()


def examples() -> str:
    from kg.pipeline import Options, build
    from kg.query import format_result, query
    from kg.serialise import load

    out = Path(tempfile.mkdtemp())
    build([ROOT / "seeds"], out, Options(analyser="rules", html=False))
    graph = load(out / "graph.trig")
    parts = []
    for title, sparql in EXAMPLES:
        result = format_result(query(graph, sparql), "csv").strip()
        parts.append(f"{title}:\n\n```sparql\n{sparql}\n```\n\n```text\n{result}\n```")
    return "\n\n".join(parts)


def replace(text: str, marker: str, body: str) -> str:
    start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
    a = text.index(start) + len(start)
    b = text.index(end)
    return text[:a] + "\n" + body + "\n" + text[b:]


def render(text: str) -> str:
    return replace(replace(text, "ontology-table", ontology_table()), "sparql-examples", examples())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    readme = ROOT / "README.md"
    old = readme.read_text(encoding="utf-8")
    new = render(old)
    if args.check:
        print("README is current" if new == old else "README is stale: run scripts/sync_readme.py")
        return 0 if new == old else 1
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
