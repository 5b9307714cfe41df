"""The persistent store: incremental builds, shared entities, transactions, reading, exports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from graph_fixtures import BASE, _Doc, coalition_ar, coalition_en, results
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg import store as kg_store
from kg.errors import InputError, InvalidExtractionError
from kg.export import export
from kg.graph import build_graph, union_graph
from kg.model import DocResult
from kg.query import format_result, query, read_query, stored_queries
from kg.serialise import load, write_outputs
from kg.shapes import validate
from kg.store import GraphStore, content_hash, to_dataset
from kg.vocab import KG

ROOT = Path(__file__).resolve().parents[1]
SHARED = URIRef(BASE + "shared")
Q61 = URIRef(BASE + "entity/Q61")


def _union(store: Path, *, hashes: bool = False) -> Graph:
    g = union_graph(to_dataset(store))
    if not hashes:
        g.remove((None, KG.contentHash, None))
    return g


def _graphs(store: Path) -> dict[URIRef, Graph]:
    return {g.identifier: g for g in to_dataset(store).graphs() if len(g)}  # type: ignore[misc]


def _quads(store: Path) -> set[tuple]:
    with kg_store.reading(store) as st:
        return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in st}


def _put(store: Path, *docs: DocResult) -> None:
    with GraphStore(store) as st:
        for d in docs:
            st.put(d)


def _doc(doc_id: str, cls: str, label: str, qid: str = "Q5000", lang: str = "ar") -> DocResult:
    """A one-sentence document that mentions the entity ``qid`` as ``label`` of class ``cls``."""
    sentence = f"{label} شارك في الاجتماع" if lang == "ar" else f"{label} attended the meeting"
    d = _Doc(doc_id, (sentence,), lang)
    d.entity("x", cls, label, (0, label))
    d.link("x", qid, 0.9)
    return d.result()


# --- incremental builds -------------------------------------------------------------------------


def test_add_rebuild_and_add_another(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    ar, en = coalition_ar(), coalition_en()
    _put(store, ar)
    first = _quads(store)
    assert set(_graphs(store)) == {URIRef(BASE + "doc/coalition_ar"), SHARED}
    assert isomorphic(_union(store), union_graph(build_graph([ar])))

    _put(store, ar)  # rebuilding the same document changes nothing
    assert _quads(store) == first

    _put(store, en)
    graphs = _graphs(store)
    assert set(graphs) == {
        URIRef(BASE + "doc/coalition_ar"),
        URIRef(BASE + "doc/coalition_en"),
        SHARED,
    }
    assert isomorphic(_union(store), union_graph(build_graph([ar, en])))
    # Washington is described once, in the shared graph, and mentioned from both documents.
    assert len(list(graphs[SHARED].objects(Q61, RDFS.label))) == 2  # @ar and @en
    assert not any((Q61, RDFS.label, None) in g for k, g in graphs.items() if k != SHARED)
    mentions = {str(s).split("/s/")[0] for s in _union(store).objects(Q61, KG.mentionedIn)}
    assert mentions == {BASE + "doc/coalition_ar", BASE + "doc/coalition_en"}
    counts = query(
        store,
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?f a kg:Fact } } GROUP BY ?g ORDER BY ?g",
    )
    assert [int(r.n) for r in counts] == [11, 2]


def test_order_and_rebuilds_do_not_change_the_union(tmp_path: Path) -> None:
    ar, en = results()
    _put(tmp_path / "a", ar, en)
    _put(tmp_path / "b", en, ar, en, ar)
    assert _quads(tmp_path / "a") == _quads(tmp_path / "b")


def test_majority_class_and_labels_follow_every_build(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    x = URIRef(BASE + "entity/Q5000")

    def described() -> tuple[set, set]:
        g = _union(store)
        return set(g.objects(x, RDF.type)), set(g.objects(x, RDFS.label))

    _put(store, _doc("d1", "Organization", "التحالف"))
    _put(store, _doc("d2", "Group", "التحالف الدولي"))
    # One vote each: the tie goes to the earlier class; labels tie: code-point order.
    assert described() == ({KG.Organization}, {Literal("التحالف", lang="ar")})
    _put(store, _doc("d3", "Group", "التحالف الدولي"))
    assert described() == ({KG.Group}, {Literal("التحالف الدولي", lang="ar")})
    assert (x, KG.alias, Literal("التحالف", lang="ar")) in _union(store)
    _put(store, _doc("d3", "Organization", "التحالف"))  # d3 edited: the majority flips back
    assert described() == ({KG.Organization}, {Literal("التحالف", lang="ar")})
    assert (x, KG.alias, Literal("التحالف الدولي", lang="ar")) in _union(store)
    # The store is what one build of the current documents gives.
    want = build_graph(
        [
            _doc("d1", "Organization", "التحالف"),
            _doc("d2", "Group", "التحالف الدولي"),
            _doc("d3", "Organization", "التحالف"),
        ]
    )
    assert isomorphic(_union(store), union_graph(want))


def _meeting(doc_id: str) -> DocResult:
    """Two linked people who met, and an open relation: what several documents can assert."""
    d = _Doc(doc_id, ("التقى ماكرون بايدن وجدد الدعم",), "ar")
    d.entity("a", "Person", "ماكرون", (0, "ماكرون"))
    d.entity("b", "Person", "بايدن", (0, "بايدن"))
    d.link("a", "Q3052772", 0.9)
    d.link("b", "Q6279", 0.9)
    d.fact("a", "met", "b", 0, "التقى ماكرون بايدن")
    d.fact("a", "open", "b", 0, "ماكرون بايدن وجدد", lemma="جدد")
    return d.result()


def test_no_triple_is_in_two_graphs_so_oxigraph_counts_each_once(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    _put(store, *results(), _meeting("m1"), _meeting("m2"))
    graphs_of: dict[tuple, set] = {}
    for s, p, o, g in _quads(store):
        graphs_of.setdefault((s, p, o), set()).add(g)
    assert max(len(gs) for gs in graphs_of.values()) == 1
    met = "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:met ?b }"
    assert int(next(iter(query(store, met))).n) == 1  # rdflib would say 1 too: the union is a set
    with GraphStore(store) as st:
        st.remove("m1")
    assert int(next(iter(query(store, met))).n) == 1  # m2 still says so
    with GraphStore(store) as st:
        st.remove("m2")
    assert int(next(iter(query(store, met))).n) == 0
    assert isomorphic(_union(store), union_graph(build_graph(results())))


def test_removing_documents_removes_what_only_they_said(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    ar, en = results()
    _put(store, ar, en)
    with GraphStore(store) as st:
        assert st.remove("coalition_ar") is True
        assert st.remove("coalition_ar") is False
        assert list(st.documents()) == ["coalition_en"]
    assert isomorphic(_union(store), union_graph(build_graph([en])))
    with GraphStore(store) as st:
        st.remove("coalition_en")
    assert _quads(store) == set()


def test_documents_carry_their_content_hash(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    ar = coalition_ar()
    _put(store, ar)
    with GraphStore(store) as st:
        assert st.documents() == {"coalition_ar": content_hash(ar.doc.text)}
    assert (
        URIRef(BASE + "doc/coalition_ar"),
        KG.contentHash,
        Literal(content_hash(ar.doc.text)),
    ) in _union(store, hashes=True)


def test_the_union_of_a_store_satisfies_the_shapes(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    _put(
        store,
        coalition_ar(),
        _doc("d1", "Organization", "الدولة الإسلامية", qid="Q2429253"),
        coalition_en(),
    )
    _put(store, _doc("d2", "Group", "داعش", qid="Q2429253"))
    export(store, "trig", tmp_path / "kg.trig")
    conforms, report = validate(load(tmp_path / "kg.trig"))
    assert conforms, report


# --- transactions and crashes -------------------------------------------------------------------

_CRASH = """
import os, sys
sys.path.insert(0, sys.argv[3])
from graph_fixtures import coalition_en
from kg.store import GraphStore

class Crashing(GraphStore):
    # Dies for real (no cleanup, no exception handling) at one point of the commit.
    def _shared_ops(self, *a):
        if sys.argv[2] == "before-update":
            os._exit(9)
        return super()._shared_ops(*a)

    def _settle(self, *a):
        if sys.argv[2] == "after-update":
            os._exit(9)
        return super()._settle(*a)

Crashing(sys.argv[1]).put(coalition_en())
"""


@pytest.mark.parametrize("where", ["before-update", "after-update"])
def test_a_process_killed_mid_document_leaves_the_store_consistent(
    tmp_path: Path, where: str
) -> None:
    store = tmp_path / "kg"
    _put(store, coalition_ar())
    before = _quads(store)
    r = subprocess.run(
        [sys.executable, "-c", _CRASH, str(store), where, str(Path(__file__).parent)]
    )
    assert r.returncode == 9
    if where == "before-update":
        assert _quads(store) == before  # nothing of the document arrived
    with GraphStore(store) as st:  # the next writer settles what the dead one left
        assert not st._db.execute("SELECT * FROM intent").fetchall()
    want = [coalition_ar()] + ([coalition_en()] if where == "after-update" else [])
    assert isomorphic(_union(store), union_graph(build_graph(want)))
    with GraphStore(store) as st:
        st.put(coalition_en())
        st.remove("coalition_ar")
    # Votes and graphs agree after recovery: only the English document's votes are left.
    assert isomorphic(_union(store), union_graph(build_graph([coalition_en()])))


def test_a_document_that_cannot_be_stored_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    _put(store, coalition_ar())
    before = _quads(store)
    bad = _doc("bad", "Person", "X")
    bad = DocResult(bad.extraction, (bad.links[0].__class__("m1", "not-a-qid", 0.9, "g"),))
    with GraphStore(store) as st, pytest.raises(InvalidExtractionError, match="no valid QID"):
        st.put(bad)
    assert _quads(store) == before


def _corpus(folder: Path, n: int) -> Path:
    text = (ROOT / "seeds" / "coalition_meeting_2017_ar.txt").read_text(encoding="utf-8")
    paras = [p for p in text.split("\n") if p.strip()]
    folder.mkdir()
    for i in range(n):
        chosen = [paras[(i + j) % len(paras)] for j in range(3)]
        (folder / f"d{i:02}.txt").write_text("\n\n".join(chosen), encoding="utf-8")
    return folder


def _kg(*args: object, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *map(str, args)], **kw)


def test_a_build_killed_mid_way_leaves_a_readable_store_that_the_next_build_completes(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "in", 16)
    store, clean = tmp_path / "kg", tmp_path / "clean"
    assert _kg("build", corpus, "--store", clean, "-q").wait() == 0
    build = _kg("build", corpus, "--store", store, "-q")
    # Kill it once some documents are in (votes.sqlite has rows for each), or at 60 s (a
    # loaded machine may take long to start; the loop ends as soon as two are in).
    votes, t0 = store / kg_store.VOTES_DB, time.monotonic()
    while time.monotonic() - t0 < 60 and build.poll() is None:
        if votes.is_file() and _committed(votes) >= 2:
            break
        time.sleep(0.05)
    build.send_signal(signal.SIGKILL)
    build.wait()
    # Readable as it is; every document in it is complete, and the whole satisfies the shapes.
    ds = to_dataset(store)
    graphs = {g.identifier: g for g in ds.graphs() if len(g)}
    ref = {g.identifier: g for g in to_dataset(clean).graphs() if len(g)}
    docs = [k for k in graphs if k != SHARED]
    assert 0 < len(docs) <= 16
    assert all(isomorphic(graphs[k], ref[k]) for k in docs)
    conforms, report = validate(ds)
    assert conforms, report
    # Building again completes the store: the same quads as a clean build.
    assert _kg("build", corpus, "--store", store, "-q").wait() == 0
    assert _quads(store) == _quads(clean)


def _committed(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as c:
            return int(c.execute("SELECT COUNT(DISTINCT doc) FROM votes").fetchone()[0])
    except sqlite3.Error:
        return 0


# --- locks, folders, base -----------------------------------------------------------------------


def test_readers_and_the_writer_exclude_each_other(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    _put(store, coalition_en())
    with kg_store.reading(store), pytest.raises(InputError, match="in use"):
        GraphStore(store)
    with GraphStore(store), pytest.raises(InputError, match="a build is writing"):
        query(store, "ASK { ?s ?p ?o }")
    with kg_store.reading(store), kg_store.reading(store):  # readers share
        pass


def test_folders_that_are_not_stores_are_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a kg store"):
        GraphStore(tmp_path / "notes")
    with pytest.raises(InputError, match="not a kg store"):
        query(tmp_path / "notes", "ASK {}")
    _put(tmp_path / "kg", coalition_en())
    with pytest.raises(InputError, match="built with base"):
        GraphStore(tmp_path / "kg", base="http://example.org/")


# --- reading: queries and exports --------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixtures as a store and as the files of one build (two documents say the same)."""
    root = tmp_path_factory.mktemp("built")
    docs = [*results(), _meeting("m1"), _meeting("m2")]
    _put(root / "kg", *docs)
    write_outputs(build_graph(docs), root / "files")
    return root / "kg", root / "files" / "graph.trig"


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_stored_queries_answer_alike_on_a_store_and_on_files(
    built: tuple[Path, Path], fmt: str
) -> None:
    store, trig = built
    for name in stored_queries():
        if name.startswith("wikidata_federated"):
            continue  # these call Wikidata (tests/test_federated.py runs them against a local stub)
        sparql = read_query(name)
        got, want = (
            format_result(query(store, sparql), fmt),
            format_result(query(trig, sparql), fmt),
        )
        if fmt == "json":
            got_rows, want_rows = (json.loads(x)["results"]["bindings"] for x in (got, want))
            assert sorted(map(json.dumps, got_rows)) == sorted(map(json.dumps, want_rows)), name
        else:  # rows in ORDER BY ties may come in another order
            assert sorted(got.splitlines()) == sorted(want.splitlines()), name


def test_ask_and_construct_on_a_store(built: tuple[Path, Path]) -> None:
    store, _ = built
    assert format_result(query(store, "ASK { ?s kg:hosted ?o }")) == "true"
    text = format_result(query(store, "CONSTRUCT { ?s a kg:City } WHERE { ?s a kg:City }"))
    assert isomorphic(
        Graph().parse(data=text, format="turtle"), Graph().add((Q61, RDF.type, KG.City))
    )
    with pytest.raises(InputError, match="SPARQL query"):
        query(store, "SELEC ?x WHERE {")


def test_from_and_from_named_are_honoured_on_a_store(built: tuple[Path, Path]) -> None:
    store, trig = built

    def count(source: Path, q: str) -> int:
        return int(next(iter(query(source, q))).n)

    every = count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert every > 0
    assert count(store, "SELECT (COUNT(*) AS ?n) FROM <urn:nonexistent> WHERE { ?s ?p ?o }") == 0
    doc = next(str(g) for g in _graphs(store) if "/doc/" in str(g))
    q = "SELECT (COUNT(*) AS ?n) FROM <" + doc + "> WHERE { ?s ?p ?o }"
    assert 0 < count(store, q) < every
    q = "SELECT (COUNT(*) AS ?n) FROM NAMED <" + doc + "> WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert 0 < count(store, q) < every
    q = "SELECT (COUNT(*) AS ?n) FROM NAMED <" + doc + "> WHERE { ?s ?p ?o }"
    assert count(store, q) == 0  # the default graph is empty then, as SPARQL says


@pytest.mark.parametrize("fmt, parse", [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_quad_exports_keep_the_named_graphs(
    built: tuple[Path, Path], tmp_path: Path, fmt: str, parse: str
) -> None:
    store, _ = built
    out = export(store, fmt, tmp_path / f"kg.{fmt}")
    back = Dataset()
    back.parse(out, format=parse)
    got = {g.identifier: g for g in back.graphs() if len(g)}
    want = _graphs(store)
    assert set(got) == set(want)
    assert all(isomorphic(got[k], want[k]) for k in want)


def test_turtle_csv_and_network_exports(built: tuple[Path, Path], tmp_path: Path) -> None:
    store, _ = built
    ttl = export(store, "ttl", tmp_path / "kg.ttl")
    assert isomorphic(Graph().parse(ttl, format="turtle"), _union(store, hashes=True))
    rows = export(store, "csv", tmp_path / "facts.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("doc,index,subjectLabel,relation") and len(rows) == 1 + 13 + 2 * 2
    assert export(store, "graphml", tmp_path / "kg.graphml").stat().st_size > 0


def test_cli_build_query_export_on_a_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    runner = CliRunner()
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس.", encoding="utf-8"
    )
    store = tmp_path / "kg"
    r = runner.invoke(main, ["build", str(src), "--store", str(store)])
    assert r.exit_code == 0, r.output
    assert (
        f"wrote {store}" in r.output and not (tmp_path / "build").exists()
    )  # no files unless --out
    (src / "b.txt").write_text("زار ماكرون بغداد.", encoding="utf-8")
    assert (
        runner.invoke(main, ["build", str(src / "b.txt"), "--store", str(store), "-q"]).exit_code
        == 0
    )
    r = runner.invoke(
        main,
        [
            "query",
            str(store),
            "SELECT ?id WHERE { ?d a kg:Document ; dcterms:identifier ?id } ORDER BY ?id",
            "--format",
            "csv",
        ],
    )
    assert r.exit_code == 0 and r.output.split() == ["id", "a.txt", "b.txt"]
    r = runner.invoke(
        main, ["export", str(store), "--format", "trig", "--out", str(tmp_path / "kg.trig")]
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["validate", str(tmp_path / "kg.trig")])
    assert r.exit_code == 0 and "Conforms: True" in r.output
    r = runner.invoke(main, ["stats", str(store)])
    assert r.exit_code == 0, r.output


def test_export_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    path = write_outputs(build_graph(results()), tmp_path)[0]
    with pytest.raises(InputError, match="is the input"):
        export(path, "ttl", path)


def test_kg_export_formats_are_the_registry_s() -> None:
    import click

    from kg.cli import export as export_command
    from kg.formats import FORMATS, Use

    [choice] = [p.type for p in export_command.params if p.name == "fmt"]
    assert isinstance(choice, click.Choice)
    assert list(choice.choices) == FORMATS.names(Use.EXPORT)


@pytest.fixture(autouse=True)
def _no_stray_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))
    )


def test_pipeline_build_writes_files_and_the_store(tmp_path: Path) -> None:
    from kg.pipeline import Options, build as run_build

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("زار ماكرون بغداد.", encoding="utf-8")
    summary, ds = run_build([src], tmp_path / "out", Options(html=False), store_dir=tmp_path / "kg")
    assert summary.outputs == (
        str(tmp_path / "kg"),
        str(tmp_path / "out" / "graph.ttl"),
        str(tmp_path / "out" / "graph.trig"),
    )
    assert isomorphic(_union(tmp_path / "kg"), union_graph(ds))


def test_a_store_keeps_modality_and_answers_planned_facts(tmp_path: Path) -> None:
    """A planned fact goes into a store as a fact node with kg:Planned and no direct
    triple; the stored query finds it there as on files."""
    from dataclasses import replace

    ar = coalition_ar()
    ex = ar.extraction
    triples = tuple(
        replace(t, modality="planned") if t.relation == "hosted" else t for t in ex.triples
    )
    planned = replace(ar, extraction=replace(ex, triples=triples))
    store = tmp_path / "kg"
    _put(store, planned)
    rows = [str(r["relation"]) for r in query(store, read_query("planned_facts"))]
    assert rows == ["hosted"]
    assert format_result(query(store, "ASK { ?s kg:hosted ?o }")) == "false"
    assert isomorphic(_union(store), union_graph(build_graph([planned])))
