"""Access to the ontology files (``ontology/`` in the source tree, shipped as ``kg._ontology``)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph
    from rdflib.term import Node


def resource(name: str) -> Traversable:
    """A file of ``ontology/``: ``kg.ttl``, ``shapes.ttl`` or ``queries/NAME.rq``.

    Imported from a source tree (a checkout, or a worktree run with ``PYTHONPATH``), the
    package reads the ``ontology/`` next to it, so code and ontology always come from
    the same tree; an editable install's ``kg._ontology`` may point at another one.

    >>> resource("kg.ttl").is_file()
    True
    """
    beside = _source_tree()
    return beside.joinpath(name) if beside is not None else files("kg._ontology").joinpath(name)


@lru_cache(maxsize=1)
def _source_tree() -> Traversable | None:
    from pathlib import Path

    here = Path(__file__).resolve().parent.parent / "ontology"
    return here if (here / "kg.ttl").is_file() else None


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The OWL ontology as an rdflib Graph (parsed once)."""
    from rdflib import Graph

    g = Graph()
    g.parse(data=resource("kg.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def table() -> str:
    """The ontology in one Markdown table: every class and relation with its English and
    Arabic labels and what it aligns with (schema.org, PROV-O, Wikidata).

    >>> rows = table().splitlines()
    >>> rows[0]
    '| term | kind | label | تسمية | aligned with |'
    >>> any(r.startswith("| `kg:participatedIn` ") and "wdt:P1344" in r for r in rows)
    True
    """
    from rdflib import OWL, RDF, RDFS, Namespace

    g = ontology_graph()
    skos = Namespace("http://www.w3.org/2004/02/skos/core#")
    kg = "https://w3id.org/kg-builder/ontology#"
    prefixes = {
        kg: "kg:",
        "http://www.wikidata.org/entity/": "wd:",
        "http://www.wikidata.org/prop/direct/": "wdt:",
        "https://schema.org/": "schema:",
        "http://schema.org/": "schema:",
        "http://www.w3.org/ns/prov#": "prov:",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    }

    def short(u: object) -> str:
        text = str(u)
        for base, p in prefixes.items():
            if text.startswith(base):
                return p + text[len(base) :]
        return text

    def label(u: Node, lang: str) -> str:
        labels = (str(x) for x in g.objects(u, RDFS.label) if getattr(x, "language", None) == lang)
        return next(labels, "")

    rows = ["| term | kind | label | تسمية | aligned with |", "|---|---|---|---|---|"]
    kinds = ((OWL.Class, "class"), (OWL.ObjectProperty, "relation"))
    for kind, name in kinds:
        terms = sorted({t for t in g.subjects(RDF.type, kind) if str(t).startswith(kg)}, key=str)
        for t in terms:
            links = [
                short(o)
                for p in (
                    RDFS.subClassOf,
                    RDFS.subPropertyOf,
                    OWL.equivalentProperty,
                    skos.exactMatch,
                    skos.closeMatch,
                )
                for o in sorted(g.objects(t, p), key=str)
                if not str(o).startswith(kg)
            ]
            rows.append(
                f"| `{short(t)}` | {name} | {label(t, 'en')} | {label(t, 'ar')} | {', '.join(links)} |"
            )
    return "\n".join(rows)
