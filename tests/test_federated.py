"""The federated example queries, with SERVICE pointed at the local stub's SPARQL endpoint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from graph_fixtures import results
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.atomic import atomic_write
from kg.cli import main
from kg.graph import build_graph
from kg.link.wdclient import WikidataClient, polite_service, user_agent
from kg.query import query, read_query, stored_queries
from kg.serialise import to_trig
from kg.vocab import KG, WD
from tests.wikidata_stub import StubWikidata, serve

WDQS = "https://query.wikidata.org/sparql"
FEDERATED = sorted(n for n in stored_queries() if "federated" in n)


@pytest.fixture()
def stub() -> Iterator[StubWikidata]:
    with serve() as s:
        yield s


@pytest.fixture()
def ds() -> Dataset:
    d = build_graph(results())
    trump = URIRef("https://w3id.org/kg-builder/resource/entity/Q22686")
    g = d.graph(URIRef("http://example.org/extra"))
    g.add((trump, RDF.type, KG.Person))
    g.add((trump, RDFS.label, Literal("دونالد ترامب", lang="ar")))
    g.add((trump, OWL.sameAs, WD.Q22686))
    return d


def local(name: str, stub: StubWikidata) -> str:
    text = read_query(name)
    assert f"SERVICE <{WDQS}>" in text
    return text.replace(WDQS, stub.sparql)


def rows(ds: Dataset, sparql: str, *cols: str) -> list[tuple[str, ...]]:
    return [tuple("" if r[c] is None else str(r[c]) for c in cols) for r in query(ds, sparql)]


def test_there_are_federated_queries_and_they_are_documented() -> None:
    assert len(FEDERATED) >= 3
    for name in FEDERATED:
        assert "(federated)" in stored_queries()[name]
        # rdflib sends the text of a query's first SERVICE for all of them: one per query
        assert read_query(name).count("SERVICE <") == 1


def test_places(ds: Dataset, stub: StubWikidata) -> None:
    got = rows(
        ds,
        local("wikidata_federated_places", stub),
        "label",
        "wikidata",
        "population",
        "countryAr",
        "countryEn",
    )
    assert got == [
        ("فرنسا", str(WD.Q142), "68042591", "", ""),
        ("المملكة المتحدة", str(WD.Q145), "67326569", "", ""),
        ("واشنطن", str(WD.Q61), "689545", "الولايات المتحدة", "United States"),
    ]
    assert len(stub.requests("sparql")) == 3  # one call per place, with its IRI bound
    assert all("VALUES" in s.params["query"] for s in stub.requests("sparql"))


def test_people(ds: Dataset, stub: StubWikidata) -> None:
    got = rows(
        ds,
        local("wikidata_federated_people", stub),
        "label",
        "wikidata",
        "born",
        "positionAr",
        "positionEn",
    )
    assert got == [
        (
            "دونالد ترامب",
            str(WD.Q22686),
            "1946-06-14T00:00:00+00:00",
            "رئيس الولايات المتحدة",
            "President of the United States",
        )
    ]


def test_classes(ds: Dataset, stub: StubWikidata) -> None:
    got = rows(
        ds,
        local("wikidata_federated_classes", stub),
        "wikidata",
        "description",
        "wikidataClassLabel",
    )
    assert (str(WD.Q61), "capital city of the United States of America", "capital city") in got
    assert (str(WD.Q145), "country in north-west Europe", "sovereign state") in got
    assert (str(WD.Q11010), "", "") in got  # no description nor class label: the entity stays


def test_polite_service_sends_our_user_agent(
    ds: Dataset, stub: StubWikidata, tmp_path: object
) -> None:
    client = WikidataClient(api=stub.api, sparql=stub.sparql, cache_path=f"{tmp_path}/c.sqlite")
    with polite_service(client):
        got = rows(ds, local("wikidata_federated_places", stub), "wikidata", "population")
    assert got[0] == (str(WD.Q142), "68042591")
    assert {s.headers["user-agent"] for s in stub.requests("sparql")} == {user_agent()}
    assert stub.max_active == 1


def test_cli_query_goes_through_the_polite_client(
    ds: Dataset, stub: StubWikidata, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_WIKIDATA_CACHE", f"{tmp_path}/c.sqlite")
    path = f"{tmp_path}/g.trig"
    atomic_write(path, [to_trig(ds)])
    q = f"{tmp_path}/places.rq"
    with open(q, "w", encoding="utf-8") as f:
        f.write(local("wikidata_federated_places", stub))
    r = CliRunner().invoke(main, ["query", path, "-f", q, "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert "689545" in r.output and "United States" in r.output
    assert {s.headers["user-agent"] for s in stub.requests("sparql")} == {user_agent()}
    stub.fail("sparql", "500", "500", "500", "500")
    r = CliRunner().invoke(main, ["query", path, "-f", q])
    assert r.exit_code == 1 and r.output.startswith("kg: ") and "HTTP 500" in r.output
