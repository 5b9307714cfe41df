"""How to extend kg, proved: each test adds one thing the way a contributor would (through
its registry, or in its one place) and uses it through the ordinary path.

- an output format: a ``Format`` in ``kg.formats.FORMATS``;
- an analyser: a subclass of ``kg.analyse.Analyser`` in ``kg.analyse.ANALYSERS``;
- a linker: a callable in ``kg.link.LINKERS``;
- a relation: one ``name: Relation`` term of ``kg.vocab.KG`` (plus its declaration in
  ontology/kg.ttl and its lexicon rows, which tests/test_ontology.py holds in step).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from graph_fixtures import results
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DefinedNamespace

import kg
from kg.analyse import ANALYSERS, Analyser
from kg.export import export
from kg.formats import FORMATS, Format, Kind, Use
from kg.graph import build_graph
from kg.lexicon.relations import load as load_lexicon
from kg.link import LINKERS
from kg.model import AnalysedDoc, Document, EntitySpan, Extraction, Link, Sentence, Token
from kg.registry import Registry
from kg.serialise import load, write_outputs
from kg.vocab import CORE_RELATIONS, KG, Relation, relation_iri, relations_of

# --- an output format ----------------------------------------------------------------------


@pytest.fixture
def format_registered() -> Iterator[Callable[[Format], None]]:
    """Register formats for one test; they go when it ends."""
    added: list[str] = []

    def register(fmt: Format) -> None:
        FORMATS.register(fmt)
        added.append(fmt.name)

    yield register
    for name in added:
        FORMATS.unregister(name)


def _named(ds: Dataset) -> dict[Any, Graph]:
    return {g.identifier: g for g in ds.graphs() if len(g)}


def test_an_rdf_format_is_one_registration(tmp_path: Path, format_registered: Any) -> None:
    _, trig = write_outputs(build_graph(results()), tmp_path)
    format_registered(
        Format("trix", Kind.RDF, frozenset({Use.READ, Use.EXPORT}), (".trix",), "trix")
    )
    assert "trix" in FORMATS.names(Use.EXPORT)
    out = export(trig, "trix", tmp_path / "graph.trix")  # what kg export runs
    back, want = _named(load(out)), _named(load(trig))  # and read back by its suffix
    assert sorted(back) == sorted(want)
    assert all(isomorphic(back[k], want[k]) for k in want)


def test_a_network_format_is_one_registration(tmp_path: Path, format_registered: Any) -> None:
    _, trig = write_outputs(build_graph(results()), tmp_path)
    format_registered(Format("gml", Kind.NETWORK, frozenset({Use.EXPORT})))  # nx.write_gml
    G = nx.read_gml(export(trig, "gml", tmp_path / "graph.gml", lang="en"))
    assert G.number_of_edges() > 0
    assert "Person" in {d["cls"] for _, d in G.nodes(data=True)}


# --- an analyser and a linker ------------------------------------------------------------------


@pytest.fixture
def plugin_registered(monkeypatch: pytest.MonkeyPatch) -> Callable[[Registry, str, str], None]:
    """``Registry.register`` for one test (on a copy of the registry's table)."""

    def register(registry: Registry, name: str, target: str) -> None:
        monkeypatch.setattr(registry, "_table", dict(registry._table))
        registry.register(name, target)

    return register


class TinyAnalyser(Analyser):
    """Knows one English sentence: Rex visited Paris."""

    name = "tiny"
    formats = frozenset({"text"})
    languages = frozenset({"en"})

    def analyse(self, doc: Document) -> AnalysedDoc:
        tokens = (
            Token(1, "Rex", "Rex", "PROPN", 2, "nsubj", 0, 3),
            Token(2, "visited", "visit", "VERB", 0, "root", 4, 11, "Tense=Past|VerbForm=Fin"),
            Token(3, "Paris", "Paris", "PROPN", 2, "obj", 12, 17),
            Token(4, ".", ".", "PUNCT", 2, "punct", 17, 18),
        )
        spans = (EntitySpan(1, 1, "Person"), EntitySpan(3, 3, "City"))
        sentence = Sentence(0, 0, len(doc.text), doc.text, tokens, spans)
        return AnalysedDoc(doc, (sentence,), self.name)


def test_an_analyser_is_a_subclass_and_a_registration(plugin_registered: Any) -> None:
    plugin_registered(ANALYSERS, "tiny", "tests.test_extending:TinyAnalyser")
    g = kg.build(texts=["Rex visited Paris."], analyser="tiny", linker="none", lang="en")
    assert [(f.subject, f.relation, f.object) for f in g.facts()] == [("Rex", "visited", "Paris")]
    assert {f.sentence for f in g.facts()} == {"Rex visited Paris."}


class TinyLinker:
    """Links every mention of Paris to Q90, and nothing else."""

    name = "tiny"

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        return tuple(
            Link(m.id, "Q90", 1.0, self.name) for m in extraction.mentions if m.text == "Paris"
        )


def test_a_linker_is_a_callable_and_a_registration(plugin_registered: Any) -> None:
    plugin_registered(LINKERS, "tiny", "tests.test_extending:TinyLinker")
    g = kg.build(texts=["Rex Tillerson visited Paris."], analyser="rules", linker="tiny", lang="en")
    assert {e.label: e.qid for e in g.entities()}["Paris"] == "Q90"
    assert {e.qid for e in g.entities()} == {"Q90", ""}


# --- a relation -----------------------------------------------------------------------------


def test_a_relation_is_one_term_of_the_namespace() -> None:
    class Extended(DefinedNamespace):
        _NS = Namespace(str(KG))
        _fail = True

        Person: URIRef
        alias: URIRef
        hosted: Relation
        toured: Relation  # the one line a new relation needs in Python

    assert relations_of(Extended) == ("hosted", "toured")
    assert Extended.toured == URIRef(str(KG) + "toured")
    with pytest.raises(AttributeError):
        Extended["tourd"]


def test_what_is_derived_from_the_relations_is_in_step() -> None:
    assert CORE_RELATIONS == relations_of(KG)
    for relation in CORE_RELATIONS:
        assert relation in KG and relation_iri(relation) == KG[relation]
    used = {e.relation for lang in ("ar", "en") for e in load_lexicon(lang).verbs.values()}
    assert used <= set(CORE_RELATIONS)
