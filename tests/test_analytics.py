"""kg.analytics: the networkx projection of the output graph, its measures, paths, export."""

from __future__ import annotations

import doctest
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef

import kg.analytics
import kg.ontology
from kg.analytics import export, find_entities, pagerank, shortest_path, stats, to_networkx
from kg.errors import UnknownNameError

DATA = Path(__file__).parent / "data"
KGR = "https://w3id.org/kg-builder/resource/"
TRUMP = KGR + "entity/Q22686"
US = KGR + "entity/Q30"
ISIS = KGR + "entity/Q2429253"
TILLERSON = KGR + "Person/%D8%B1%D9%8A%D9%83%D8%B3_%D8%AA%D9%8A%D9%84%D8%B1%D8%B3%D9%88%D9%86"
MEETING = (
    KGR
    + "doc/coalition/event/%D8%A7%D8%AC%D8%AA%D9%85%D8%A7%D8%B9_%D8%A7%D9%84%D8%AA%D8%AD%D8%A7%D9%84%D9%81_"
    "%D8%A7%D9%84%D8%AF%D9%88%D9%84%D9%8A"
)
HOSTED = "https://w3id.org/kg-builder/ontology#hosted"


def load(name: str) -> Graph:
    return Graph().parse(DATA / name, format="turtle")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load("coalition_small.ttl")


@pytest.fixture(scope="module")
def G(graph: Graph) -> nx.MultiDiGraph:
    return to_networkx(graph, lang="ar")


def test_doctests() -> None:
    result = doctest.testmod(kg.analytics, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_projection_has_entities_and_facts_only(G: nx.MultiDiGraph) -> None:
    assert G.number_of_nodes() == 11
    assert G.number_of_edges() == 11
    assert not [u for u in G if "/s/" in u or "/fact/" in u or u.endswith("/doc/coalition")]


def test_node_attributes(G: nx.MultiDiGraph) -> None:
    trump = G.nodes[TRUMP]
    assert trump["label"] == "دونالد ترامب"
    assert trump["cls"] == "Person"
    assert trump["qid"] == "Q22686"
    assert "ترمب" in trump["aliases"]
    assert trump["labels"] == ["Donald Trump"]
    assert trump["sentences"] == [
        "ويقول مسؤولون أميركيون إن الاجتماع في واشنطن يؤكد أهمية هذا الحلف بالنسبة إلى إدارة الرئيس دونالد ترامب."
    ]
    # The most specific class wins over its superclass.
    assert G.nodes[KGR + "entity/Q61"]["cls"] == "City"
    assert G.nodes[US]["cls"] == "Country"
    # Mentions come in document order.
    assert [s[:8] for s in G.nodes[TILLERSON]["sentences"]] == ["تزامن ال", "وكان وزي", "وقال في "]


def test_sentences_follow_their_index_not_their_iri() -> None:
    ttl = """@prefix kg: <https://w3id.org/kg-builder/ontology#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    <urn:x:a> a kg:Person ; kg:mentionedIn <urn:d/s/10>, <urn:d/s/2> .
    <urn:d/s/10> kg:text "ten" ; kg:index 10 ; dcterms:isPartOf <urn:d> .
    <urn:d/s/2> kg:text "two" ; kg:index 2 ; dcterms:isPartOf <urn:d> ."""
    G = to_networkx(Graph().parse(data=ttl, format="turtle"))
    assert G.nodes["urn:x:a"]["sentences"] == ["two", "ten"]


def test_statement_is_labelled_by_its_text(G: nx.MultiDiGraph) -> None:
    statement = G.nodes[KGR + "doc/coalition/statement/1"]
    assert statement["cls"] == "Statement"
    assert (
        statement["label"]
        == statement["text"]
        == "هزيمة داعش هي الهدف الأول للولايات المتحدة في المنطقة"
    )


def test_edge_carries_provenance(G: nx.MultiDiGraph) -> None:
    hosted = G.edges[TILLERSON, MEETING, HOSTED]
    assert hosted["relation"] == "hosted"
    assert hosted["open"] is False
    assert hosted["confidence"] == 0.9  # the higher of its two provenance nodes
    assert len(hosted["sentences"]) == 2
    assert hosted["sentences"][0].startswith("تزامن الهجوم")
    assert "الذي استضافه وزير الخارجية الأميركي ريكس تيلرسون" in hosted["evidence"]
    # Two relations between the same pair are two edges.
    assert len(G.get_edge_data(TILLERSON, MEETING)) == 2


def test_open_relation_is_labelled_by_its_lemma(G: nx.MultiDiGraph) -> None:
    ((key, d),) = G.get_edge_data(US, ISIS).items()
    assert key == "https://w3id.org/kg-builder/relation/%D8%B2%D8%A7%D8%AF"
    assert d["relation"] == d["label"] == "زاد"
    assert d["open"] is True


def test_label_language_and_fallback(graph: Graph) -> None:
    G = to_networkx(graph, lang="en")
    assert G.nodes[TRUMP]["label"] == "Donald Trump"
    assert "دونالد ترامب" in G.nodes[TRUMP]["labels"]
    baghdadi = next(u for u in G if "%D8%A7%D8%A8%D9%88_" in u)
    assert G.nodes[baghdadi]["label"] == "أبو بكر البغدادي"  # no English label: Arabic


def test_relation_labels_come_from_the_ontology(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    onto = load("relation_labels.ttl")
    monkeypatch.setattr(kg.ontology, "ontology_graph", lambda: onto)
    ar = to_networkx(graph, lang="ar")
    en = to_networkx(graph, lang="en")
    assert ar.edges[TILLERSON, MEETING, HOSTED]["label"] == "استضاف"
    assert en.edges[TILLERSON, MEETING, HOSTED]["label"] == "hosted"
    assert (
        en.edges[TRUMP, US, "https://w3id.org/kg-builder/ontology#leaderOf"]["label"] == "leader of"
    )
    # Only an Arabic label: English falls back to the relation id, not to Arabic.
    ledby = "https://w3id.org/kg-builder/ontology#ledBy"
    coalition = next(u for u, v, k in ar.edges(keys=True) if k == ledby)
    assert ar.edges[coalition, US, ledby]["label"] == "بقيادة"
    assert en.edges[coalition, US, ledby]["label"] == "ledBy"
    # No label at all: the relation id.
    assert (
        ar.edges[TILLERSON, MEETING, "https://w3id.org/kg-builder/ontology#opened"]["label"]
        == "opened"
    )


def test_dataset_is_read_as_the_union_of_its_graphs(graph: Graph) -> None:
    ds = Dataset()
    named = ds.graph(URIRef(KGR + "doc/coalition"))
    for t in graph:
        named.add(t)
    G = to_networkx(ds)
    assert (G.number_of_nodes(), G.number_of_edges()) == (11, 11)


def test_projection_is_deterministic(graph: Graph) -> None:
    a, b = (
        to_networkx(graph),
        to_networkx(Graph().parse(data=graph.serialize(format="nt"), format="nt")),
    )
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_stats(G: nx.MultiDiGraph) -> None:
    s = stats(G, top=3)
    assert s["entities"] == 11 and s["facts"] == 11
    assert s["classes"]["Person"] == 4
    assert s["relations"]["leaderOf"] == 2
    assert s["degree"][0] == {"id": MEETING, "label": "اجتماع التحالف الدولي", "value": 4.0}
    assert len(s["pagerank"]) == 3
    assert s["betweenness"][0]["value"] > 0
    assert s["betweenness_sample"] is None
    members = {name for community in s["communities"] for name in community}
    assert "دونالد ترامب" in members
    assert s == stats(G, top=3)  # seeded: the same every time


def test_pagerank_agrees_with_networkx(G: nx.MultiDiGraph) -> None:
    reference = getattr(nx.algorithms.link_analysis.pagerank_alg, "_pagerank_python", None)
    if reference is None:
        pytest.skip("networkx's pure-Python pagerank is not available")
    ours, theirs = pagerank(G), reference(G)
    assert ours.keys() == theirs.keys()
    assert all(abs(ours[u] - theirs[u]) < 1e-6 for u in ours)


def test_shortest_path_with_sentences(G: nx.MultiDiGraph) -> None:
    hops = shortest_path(G, "ترمب", "البغدادي")
    assert [(h.frm_label, h.relation, h.to_label, h.inverse) for h in hops] == [
        ("دونالد ترامب", "leaderOf", "الولايات المتحدة", False),
        ("الولايات المتحدة", "زاد", "تنظيم الدولة الإسلامية", False),
        ("تنظيم الدولة الإسلامية", "leaderOf", "أبو بكر البغدادي", True),
    ]
    assert all(h.sentence for h in hops)
    assert "البغدادي" in hops[-1].sentence


def test_names_match_after_normalisation(G: nx.MultiDiGraph) -> None:
    assert find_entities(G, "تَرَمْب") == [TRUMP]  # diacritics
    assert find_entities(G, "ابو بكر البغدادي") == find_entities(G, "أبو بكر البغدادي")  # hamza
    assert find_entities(G, "donald TRUMP") == [TRUMP]  # another language, case
    assert find_entities(G, "Q22686") == [TRUMP]
    assert find_entities(G, TRUMP) == [TRUMP]


def test_unknown_name_lists_close_candidates(G: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownNameError) as err:
        shortest_path(G, "ترامبو", "واشنطن")
    assert "ترامبو" in str(err.value)
    assert "دونالد ترامب" in err.value.available


def test_no_path_and_same_entity(G: nx.MultiDiGraph) -> None:
    H = G.copy()
    H.add_node("urn:x:lonely", label="وحيد", aliases=[], labels=[])
    assert shortest_path(H, "ترمب", "وحيد") == []
    assert shortest_path(G, "ترمب", "دونالد ترامب") == []


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_round_trips(G: nx.MultiDiGraph, tmp_path: Path, fmt: str) -> None:
    out = export(G, tmp_path / f"g.{fmt}", fmt)
    assert out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    text = out.read_text(encoding="utf-8")
    assert "دونالد ترامب" in text and "ترمب" in text and HOSTED in text


def test_export_unknown_format_lists_formats(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(UnknownNameError, match="graphml, gexf|gexf, graphml"):
        export(G, tmp_path / "g.x", "dot")


def test_import_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, kg.analytics; print(sorted(m for m in ('networkx', 'pyvis', 'selenium') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
