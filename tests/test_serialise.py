"""Canonical writing of graph files, and loading every format."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from graph_fixtures import results
from hypothesis import given, settings, strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import InputError, UnknownNameError
from kg.graph import build_graph, union_graph
from kg.query import query
from kg.serialise import load, to_trig, to_turtle, write_outputs
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
from kg.serialise import write_outputs
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
