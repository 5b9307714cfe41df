"""kg enrich: Wikidata labels, descriptions and classes of linked items, from the local stub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_fixtures import results
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg import serialise, shapes
from kg.cli import main
from kg.enrich import DESCRIPTION, WIKIDATA_GRAPH, enrich, enrich_file, linked_items
from kg.graph import build_graph
from kg.link.wdclient import WikidataClient
from kg.vocab import WD, WDT
from tests.wikidata_stub import StubWikidata, closed_port, serve


@pytest.fixture()
def stub() -> Iterator[StubWikidata]:
    with serve() as s:
        yield s


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    serialise.write_outputs(build_graph(results()), tmp_path / "g")
    return tmp_path / "g"


def client(stub: StubWikidata, tmp_path: Path) -> WikidataClient:
    return WikidataClient(api=stub.api, sparql=stub.sparql, cache_path=tmp_path / "c.sqlite")


def test_enrich_adds_wikidata_terms_on_the_items(stub: StubWikidata, tmp_path: Path) -> None:
    ds = build_graph(results())
    assert linked_items(ds) == ["Q11010", "Q142", "Q145", "Q2429253", "Q61"]
    summary = enrich(ds, client(stub, tmp_path))
    assert summary.items == 5 and summary.missing == ()
    g = ds.graph(WIKIDATA_GRAPH)
    assert (WD.Q61, RDFS.label, Literal("واشنطن", lang="ar")) in g
    assert (
        WD.Q61,
        DESCRIPTION,
        Literal("capital city of the United States of America", lang="en"),
    ) in g
    assert (WD.Q61, WDT.P31, WD.Q5119) in g and (
        WD.Q5119,
        RDFS.label,
        Literal("capital city", lang="en"),
    ) in g
    assert (WD.Q145, WDT.P31, WD.Q3624078) in g
    assert summary.labels == 10 and summary.classes == 5
    # The entities keep their own labels: one per language, as the shapes require.
    conforms, report = shapes.validate(ds)
    assert conforms, report


def test_enrich_file_in_place_and_again(stub: StubWikidata, built: Path, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    before = len(serialise.load(built / "graph.trig"))
    s1, path = enrich_file(built / "graph.trig", client=c)
    once = serialise.load(path)
    s2, _ = enrich_file(built / "graph.trig", client=c)
    twice = serialise.load(built / "graph.trig")
    assert len(once) == len(twice) > before and s1 == s2
    assert URIRef(str(WIKIDATA_GRAPH)) in {g.identifier for g in twice.graphs()}


def test_enrich_to_another_file_and_format(stub: StubWikidata, built: Path, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    for name in ("out.ttl", "out.nt", "out.jsonld"):
        _, path = enrich_file(built / "graph.ttl", tmp_path / name, client=c)
        g = serialise.load(path)
        assert (WD.Q142, RDFS.label, Literal("France", lang="en")) in g
    assert "schema.org/description" not in (built / "graph.ttl").read_text(
        encoding="utf-8"
    )  # source untouched


def test_unknown_items_are_reported(stub: StubWikidata, tmp_path: Path) -> None:
    del stub.items["Q11010"]
    summary = enrich(build_graph(results()), client(stub, tmp_path))
    assert summary.missing == ("Q11010",)


def test_cli_enrich(
    stub: StubWikidata, built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_WIKIDATA_API", stub.api)
    r = CliRunner().invoke(
        main,
        [
            "enrich",
            str(built / "graph.ttl"),
            "--out",
            str(tmp_path / "e.ttl"),
            "--cache",
            str(tmp_path / "c.sqlite"),
        ],
    )
    assert r.exit_code == 0, r.output
    assert r.output.startswith("enriched 5 Wikidata items: 10 labels") and "e.ttl" in r.output
    r = CliRunner().invoke(
        main,
        [
            "query",
            str(tmp_path / "e.ttl"),
            "SELECT ?d WHERE { wd:Q61 <http://schema.org/description> ?d }",
            "--format",
            "csv",
        ],
    )
    assert "capital city of the United States" in r.output
    r = CliRunner().invoke(main, ["validate", str(tmp_path / "e.ttl")])
    assert r.exit_code == 0, r.output


def test_cli_enrich_offline_is_one_line(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_WIKIDATA_API", f"http://127.0.0.1:{closed_port()}/w/api.php")
    r = CliRunner().invoke(
        main, ["enrich", str(built / "graph.ttl"), "--cache", str(tmp_path / "c.sqlite")]
    )
    assert (
        r.exit_code == 1 and r.output.startswith("kg: cannot reach") and r.output.count("\n") == 1
    )
    assert serialise.load(built / "graph.ttl")  # the graph is untouched
