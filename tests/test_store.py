"""Canonical, atomic writing; loading every format; SPARQL and result formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from graph_fixtures import BASE, results
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import InputError, UnknownNameError
from kg.graph import build_graph, union_graph
from kg.store import (
    atomic_write,
    atomic_write_all,
    format_result,
    load,
    query,
    read_query,
    stored_queries,
    to_trig,
    to_turtle,
    write_outputs,
)
from kg.vocab import KG, KGREL

X = "http://example.org/"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return build_graph(results())


def _named(ds: Dataset) -> dict[URIRef, Graph]:
    return {g.identifier: g for g in ds.graphs() if len(g)}


def _tricky() -> Graph:
    g = Graph()
    s = URIRef(X + "s")
    for o in [
        Literal('قال "نعم" \\ و\nسطر\tجديد', lang="ar"),
        Literal("en-US text", lang="en-US"),
        Literal(""),
        Literal("\x01\x7f control"),
        Literal(42),
        Literal("-0.50", datatype=XSD.decimal),
        Literal(True),
        Literal(1.5e-7),
        Literal("2017-03-22", datatype=XSD.date),
        Literal("abc", datatype=XSD.integer),  # ill-typed: kept as written
        Literal("x", datatype=URIRef(X + "dt")),
        URIRef(X + "ريكس"),
        URIRef(X + "a%20b"),
        KGREL["%D8%AC%D8%AF%D8%AF"],
        URIRef(str(KG) + "has.dot"),
        BNode("b1"),
    ]:
        g.add((s, URIRef(X + "p"), o))
    g.add((s, RDF.type, KG.Thing))
    g.add((BNode("b1"), RDFS.label, Literal("blank")))
    return g


def test_turtle_round_trips_tricky_terms() -> None:
    g = _tricky()
    back = Graph().parse(data=to_turtle(g), format="turtle")
    assert isomorphic(g, back)


@settings(max_examples=60, deadline=None)
@given(st.text(), st.sampled_from([None, "ar", "en", "fr-CA"]))
def test_any_string_literal_round_trips(text: str, lang: str | None) -> None:
    text = text.encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace"
    )  # only valid UTF-8 can be written
    g = Graph()
    g.add((URIRef(X + "s"), URIRef(X + "p"), Literal(text, lang=lang)))
    assert isomorphic(g, Graph().parse(data=to_turtle(g), format="turtle"))


def test_trig_round_trips_named_graphs(ds: Dataset) -> None:
    back = Dataset()
    back.parse(data=to_trig(ds), format="trig")
    got, want = _named(back), _named(ds)
    assert sorted(got) == sorted(want)
    assert all(isomorphic(got[k], want[k]) for k in want)


def test_canonical_text_is_sorted_and_stable(ds: Dataset) -> None:
    text = to_turtle(union_graph(ds))
    assert text == to_turtle(union_graph(build_graph(list(reversed(results())))))
    subjects = [line.split(" ", 1)[0] for line in text.split("\n\n")[1:]]
    assert subjects == sorted(
        subjects, key=lambda s: s.startswith("<")
    )  # prefixed names, then IRIs...
    assert "\n\n" not in text.split("\n\n", 1)[0]  # one prefix header


def test_write_outputs_writes_union_and_named_graphs(ds: Dataset, tmp_path: Path) -> None:
    paths = write_outputs(ds, tmp_path / "out")
    assert [p.name for p in paths] == ["graph.ttl", "graph.trig"]
    ttl = Graph().parse(paths[0], format="turtle")
    assert isomorphic(ttl, union_graph(ds))
    trig = load(paths[1])
    assert all(isomorphic(_named(trig)[k], g) for k, g in _named(ds).items())
    assert (paths[0].stat().st_mode & 0o777) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_WRITE_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[2])
from graph_fixtures import results
from kg.graph import build_graph
from kg.store import write_outputs
write_outputs(build_graph(results()), sys.argv[1])
"""


def test_outputs_are_byte_identical_across_hash_seeds(ds: Dataset, tmp_path: Path) -> None:
    here = write_outputs(ds, tmp_path / "here")
    outs = []
    for seed in ("0", "4242"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", _WRITE_SCRIPT, str(out), str(Path(__file__).parent)],
            env=env,
            check=True,
        )
        outs.append(out)
    for p in here:
        assert (outs[0] / p.name).read_bytes() == (outs[1] / p.name).read_bytes() == p.read_bytes()


def test_failed_write_leaves_the_previous_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")

    def chunks():
        yield "new part"
        raise RuntimeError("serializer failed")

    with pytest.raises(RuntimeError):
        atomic_write(target, chunks())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_files_written_together_are_replaced_together(tmp_path: Path) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.trig"
    a.write_text("old a", encoding="utf-8")
    b.write_text("old b", encoding="utf-8")

    def failing():
        yield "new b"
        raise RuntimeError("second file failed")

    with pytest.raises(RuntimeError):
        atomic_write_all([(a, ["new a"]), (b, failing())])
    assert (a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")) == ("old a", "old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.trig"]


def test_failed_write_outputs_keeps_previous_outputs(ds: Dataset, tmp_path: Path) -> None:
    before = [p.read_bytes() for p in write_outputs(ds, tmp_path)]
    bad = Dataset()
    # A lone surrogate cannot be encoded as UTF-8: the write fails halfway.
    bad.graph(URIRef(X + "g")).add((URIRef(X + "s"), RDFS.label, Literal("\ud800")))
    with pytest.raises(UnicodeEncodeError):
        write_outputs(bad, tmp_path)
    assert [p.read_bytes() for p in (tmp_path / "graph.ttl", tmp_path / "graph.trig")] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "graph.ttl"]


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for ctx in ds.graphs():
        g += ctx
    return g


@pytest.mark.parametrize("suffix, fmt", [(".nt", "nt"), (".ttl", "turtle"), (".rdf", "xml")])
def test_load_triple_formats(ds: Dataset, tmp_path: Path, suffix: str, fmt: str) -> None:
    path = tmp_path / f"g{suffix}"
    g = union_graph(ds)
    # RDF/XML cannot write a predicate whose IRI ends in %-escapes (open relations).
    for p in [p for p in set(g.predicates()) if str(p).startswith(str(KGREL))]:
        g.remove((None, p, None))
    g.serialize(path, format=fmt)
    loaded = load(path)
    assert isomorphic(_union(loaded), g)
    assert len(query(loaded, "SELECT * WHERE { ?s a kg:Fact }")) == 13


@pytest.mark.parametrize(
    "suffix, fmt", [(".nq", "nquads"), (".trig", "trig"), (".jsonld", "json-ld")]
)
def test_load_quad_formats_keep_named_graphs(
    ds: Dataset, tmp_path: Path, suffix: str, fmt: str
) -> None:
    path = tmp_path / f"g{suffix}"
    ds.serialize(path, format=fmt)
    loaded = _named(load(path))
    assert sorted(loaded) == sorted(_named(ds))
    assert all(isomorphic(loaded[k], g) for k, g in _named(ds).items())


def test_load_errors_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(UnknownNameError, match=r"Available: \.jsonld, \.nq, \.nt"):
        load(tmp_path / "g.csv")
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="not valid turtle"):
        load(bad)


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
