"""SPARQL over datasets and files, result formats, stored queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graph_fixtures import BASE, results
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg.errors import InputError, UnknownNameError
from kg.graph import build_graph
from kg.query import format_result, query, read_query, stored_queries
from kg.serialise import to_trig, write_outputs
from kg.vocab import KG

X = "http://example.org/"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return build_graph(results())


def test_query_default_graph_is_the_union_without_changing_the_dataset(ds: Dataset) -> None:
    ds = Dataset()  # default_union=False: rdflib would query only the empty default graph
    ds.parse(data=to_trig(build_graph(results())), format="trig")
    rows = list(query(ds, "SELECT DISTINCT ?doc WHERE { ?doc a kg:Document } ORDER BY ?doc"))
    assert [str(r.doc) for r in rows] == [BASE + "doc/coalition_ar", BASE + "doc/coalition_en"]
    assert not ds.default_union
    per_graph = query(
        ds,
        "SELECT ?g (COUNT(?f) AS ?n) WHERE { GRAPH ?g { ?f a kg:Fact } } GROUP BY ?g ORDER BY ?g",
    )
    assert [int(r.n) for r in per_graph] == [11, 2]


def test_query_a_file(ds: Dataset, tmp_path: Path) -> None:
    [path, _] = write_outputs(ds, tmp_path)
    assert query(path, "ASK { ?s kg:hosted ?o }").askAnswer is True


def test_bad_sparql_is_an_input_error(ds: Dataset) -> None:
    with pytest.raises(InputError, match="SPARQL query"):
        query(ds, "SELEC ?x WHERE {")


def _people() -> Graph:
    g = Graph()
    for name, iri in [("مُحَمَّد", "m"), ("Ali", "a")]:
        g.add((URIRef(X + iri), RDFS.label, Literal(name, lang="ar" if iri == "m" else "en")))
        g.add((URIRef(X + iri), RDF.type, KG.Person))
    return g


_SELECT = "SELECT ?p ?name ?missing WHERE { ?p rdfs:label ?name OPTIONAL { ?p kg:nothing ?missing } } ORDER BY ?p"


def test_table_aligns_arabic_with_harakat() -> None:
    # مُحَمَّد is 8 code points but 4 columns wide, like "name"; the Arabic cell is
    # bidi-isolated (FSI ... PDI) so a bidi terminal keeps the columns in order.
    assert format_result(query(_people(), _SELECT), "table") == (
        "p                     name  missing\n"
        "--------------------  ----  -------\n"
        "http://example.org/a  Ali\n"
        "http://example.org/m  \u2068مُحَمَّد\u2069\n"
        "(2 rows)\n"
    )


def test_table_shows_short_iris_and_one_line_cells() -> None:
    g = Graph()
    g.add((URIRef(BASE + "Person/%D8%B1%D9%8A%D9%83%D8%B3"), KG.text, Literal("سطر\nآخر\u202e")))
    table = format_result(query(g, "SELECT ?s ?t WHERE { ?s kg:text ?t }"), "table")
    assert table.splitlines()[2] == "\u2068kgr:Person/ريكس\u2069  \u2068سطر آخر\u2069"


def test_csv_tsv_json_formats() -> None:
    result = query(_people(), _SELECT)
    assert (
        format_result(result, "csv")
        == "p,name,missing\nhttp://example.org/a,Ali,\nhttp://example.org/m,مُحَمَّد,\n"
    )
    assert format_result(result, "tsv").splitlines() == [
        "?p\t?name\t?missing",
        '<http://example.org/a>\t"Ali"@en\t',
        '<http://example.org/m>\t"مُحَمَّد"@ar\t',
    ]
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == ["p", "name", "missing"]
    assert doc["results"]["bindings"][1] == {
        "p": {"type": "uri", "value": X + "m"},
        "name": {"type": "literal", "value": "مُحَمَّد", "xml:lang": "ar"},
    }


def test_ask_and_construct_results() -> None:
    g = _people()
    assert format_result(query(g, "ASK { ?s a kg:Person }"), "table") == "true"
    assert json.loads(format_result(query(g, "ASK { ?s a kg:Event }"), "json")) == {
        "head": {},
        "boolean": False,
    }
    text = format_result(query(g, "CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }"), "table")
    want = Graph()
    for t in g.triples((None, RDF.type, None)):
        want.add(t)
    assert isomorphic(Graph().parse(data=text, format="turtle"), want)


def test_unknown_result_format_lists_the_available_ones() -> None:
    with pytest.raises(UnknownNameError, match="Available: table, csv, json, tsv"):
        format_result(query(_people(), _SELECT), "xml")


def test_stored_queries_have_titles_and_resolve_by_name_or_path(tmp_path: Path) -> None:
    queries = stored_queries()
    assert {
        "hosted_events",
        "event_participants",
        "statements",
        "linked_entities",
        "facts_with_sources",
    } <= set(queries)
    assert all(title and not title.startswith("#") for title in queries.values())
    assert read_query("statements.rq") == read_query("statements")
    own = tmp_path / "mine.rq"
    own.write_text("ASK {}", encoding="utf-8")
    assert read_query(own) == "ASK {}"
