"""The network projection reads the graph once (kg.triple_index) and draws exactly the
network it drew when it asked rdflib one triple pattern at a time (tests/network_reference.py):
the same nodes, attributes, edges, keys and order, on the project's articles one by one,
on a generated corpus built as one graph, on the benchmark's contract-shaped graph, and
on a graph where some nodes have several values of a property read as one."""

from __future__ import annotations

import importlib.util
import json
import shutil
from types import ModuleType
from typing import Any

import networkx as nx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.analytics import as_graph, to_networkx
from kg.pipeline import Options, build
from kg.vocab import KG
from tests import network_reference
from tests.conftest import DATA, ROOT, SEEDS
from tests.test_events import ARTICLES as EVENT_ARTICLES

ARTICLES = sorted((DATA / "articles").glob("*.txt"))


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drawn(G: nx.MultiDiGraph) -> tuple[Any, ...]:
    """Everything a networkx graph holds, in its order."""
    return (
        G.graph,
        list(G.nodes(data=True)),
        list(G.edges(keys=True, data=True)),
    )


def assert_same_network(graph: Graph | Dataset) -> nx.MultiDiGraph:
    for lang in ("ar", "en"):
        for unasserted in (False, True):
            new = to_networkx(graph, lang=lang, unasserted=unasserted)
            old = network_reference.to_networkx(graph, lang=lang, unasserted=unasserted)
            assert drawn(new) == drawn(old), (lang, unasserted)
    return new


@pytest.fixture(scope="module")
def articles() -> Dataset:
    """The project's articles built together: one named graph per document."""
    _, ds = build(ARTICLES, None, Options(html=False))
    return ds


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """Generated articles sharing entities, the project's articles, the seed, and one
    meeting three documents report (so corpus events are drawn as one node)."""
    folder = tmp_path_factory.mktemp("corpus")
    script("bench_corpus").generate(folder / "gen", 24, words=120, seed=5)
    shutil.copy(SEEDS / "coalition_meeting_2017_ar.txt", folder)
    for f in ARTICLES:
        shutil.copy(f, folder)
    rows = [{"id": i, "date": d, "text": t} for i, d, t in EVENT_ARTICLES]
    (folder / "news.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    summary, ds = build([folder], None, Options(html=False))
    assert not summary.problems
    return ds


@pytest.mark.parametrize("article", [p.stem for p in ARTICLES])
def test_each_article_draws_the_same_network(articles: Dataset, article: str) -> None:
    (doc,) = [g for g in articles.graphs() if str(g.identifier).endswith(f"/doc/{article}.txt")]
    G = assert_same_network(doc)
    assert G.number_of_edges() > 0


def test_the_articles_together_draw_the_same_network(articles: Dataset) -> None:
    assert_same_network(articles)


def test_a_generated_corpus_draws_the_same_network(corpus: Dataset) -> None:
    union = as_graph(corpus)
    assert (None, KG.reportedAs, None) in union  # the merged-event path is taken
    G = assert_same_network(union)
    assert G.number_of_nodes() > 200 and G.number_of_edges() > 200


def test_the_benchmark_graph_draws_the_same_network() -> None:
    assert_same_network(script("bench_view").synthetic_graph(300))


def test_several_values_where_one_is_read(articles: Dataset) -> None:
    """A fact node with two confidences and a sentence in two documents: the choice is
    the graph's own, as Graph.value makes it."""
    g = as_graph(articles)
    node = sorted(g.subjects(RDF.predicate, None), key=str)[0]
    g.add((node, KG.confidence, Literal("0.11", datatype=XSD.decimal)))
    sentence = next(g.objects(node, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
    g.add((sentence, DCTERMS.isPartOf, URIRef("https://w3id.org/kg-builder/resource/doc/zz")))
    g.add((sentence, KG["index"], Literal(99)))
    assert_same_network(g)
