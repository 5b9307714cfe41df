"""Corpus builds: the same bytes whatever the engine, the number of workers and the input
order; resumable through the store; a report per input; workers that die or hang; and a
build killed with SIGKILL leaves the previous outputs and the store intact."""

from __future__ import annotations

import filecmp
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import psutil
import pytest
from click.testing import CliRunner

import kg.corpus
from kg import serialise, store as kg_store
from kg.analyse import Analyser
from kg.cli import main
from kg.engine import ProcessEngine, SerialEngine
from kg.graph import union_graph
from kg.model import AnalysedDoc, Document, Problem
from kg.pipeline import CorpusJob, Options, build, build_corpus
from kg.read import read
from tests.conftest import DATA, ROOT, SEEDS


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_corpus", ROOT / "scripts" / "bench_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_corpus(folder: Path, n: int, words: int = 120, seed: int = 3) -> Path:
    """Generated articles that share entities, the project's own articles, and a .jsonl."""
    bench().generate(folder / "gen", n, words=words, seed=seed)
    shutil.copy(SEEDS / "coalition_meeting_2017_ar.txt", folder)
    for f in (DATA / "articles").glob("*.txt"):
        shutil.copy(f, folder)
    shutil.copy(DATA / "english_article.txt", folder)
    rows = [
        {
            "id": "j1",
            "text": "زار وزير الخارجية القطري بغداد والتقى رئيس الوزراء العراقي.",
            "title": "زيارة",
            "date": "2024-01-02",
        },
        {"id": "j2", "text": "The French president met the Egyptian president in Cairo."},
    ]
    (folder / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    return folder


# besides the generated ones: the seed, the project's articles, the English article, two .jsonl rows
OWN_DOCS = 1 + len(list((DATA / "articles").glob("*.txt"))) + 1 + 2
CORPUS_DOCS = 16 + OWN_DOCS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), 16)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built by the in-memory build (no engine, no spool)."""
    out = tmp_path_factory.mktemp("reference")
    summary, _ = build([corpus], out, Options(html=False))
    assert summary.documents == CORPUS_DOCS and not summary.problems
    return out


def assert_same_files(a: Path, b: Path) -> None:
    for name in ("graph.ttl", "graph.trig"):
        assert filecmp.cmp(a / name, b / name, shallow=False), name


def test_a_corpus_build_writes_the_bytes_of_the_in_memory_build(
    corpus: Path, reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        kg.corpus, "RUN_RECORDS", 300
    )  # many sorted runs: the external merge at work
    summary = build_corpus([corpus], tmp_path, Options(html=False))
    assert_same_files(reference, tmp_path)
    expected, _ = build([corpus], None, Options(html=False))
    assert (
        summary.documents,
        summary.sentences,
        summary.entities,
        summary.linked,
        summary.facts,
    ) == (
        expected.documents,
        expected.sentences,
        expected.entities,
        expected.linked,
        expected.facts,
    )
    assert not list(tmp_path.glob(".kg-spool-*")), "the spool is removed"


def test_two_workers_and_any_input_order_give_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    build_corpus(files, tmp_path / "one", Options(html=False))
    shuffled = files[1::2] + files[::2][::-1]
    summary = build_corpus(
        shuffled, tmp_path / "two", Options(html=False), engine="process", workers=2
    )
    assert summary.documents == len(files) + 1  # the .jsonl holds two
    assert_same_files(tmp_path / "one", tmp_path / "two")


def test_a_local_dask_cluster_of_two_workers_gives_the_same_bytes(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        summary = build_corpus(
            [corpus],
            tmp_path,
            Options(html=False),
            engine="dask",
            scheduler=cluster.scheduler_address,
        )
    assert summary.documents == CORPUS_DOCS and not summary.problems
    assert_same_files(reference, tmp_path)


def test_the_cli_takes_workers_engine_and_report(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.tsv"
    r = CliRunner().invoke(
        main,
        [
            "build",
            str(corpus),
            "--out",
            str(tmp_path / "o"),
            "--no-html",
            "-w",
            "2",
            "--report",
            str(report),
        ],
    )
    assert r.exit_code == 0, r.output
    assert f"documents {CORPUS_DOCS}" in r.output and f"wrote {report}" in r.output
    assert_same_files(reference, tmp_path / "o")
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["source", "id", "outcome", "stage", "reason"]
    assert len(lines) == 1 + CORPUS_DOCS and all(
        line.split("\t")[2] == "built" for line in lines[1:]
    )


def test_a_store_build_resumes_and_skips_unchanged_documents(tmp_path: Path) -> None:
    src = make_corpus(tmp_path / "in", 4, words=60)
    st = tmp_path / "store"

    def kg_build(*extra: str) -> str:
        r = CliRunner().invoke(main, ["build", str(src), "--store", str(st), *extra])
        assert r.exit_code == 0, r.output
        return r.output

    n = 4 + OWN_DOCS
    assert f"documents {n} " in kg_build()
    assert f"documents 0  unchanged {n} " in kg_build("--report", str(tmp_path / "r.jsonl"))
    rows = [
        json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert {r["outcome"] for r in rows} == {"unchanged"} and len(rows) == n
    (src / "gen" / "000" / "gen-000001.txt").write_text(
        "استقبل الرئيس المصري وزير الخارجية الأميركي في القاهرة.", encoding="utf-8"
    )
    assert f"documents 1  unchanged {n - 1} " in kg_build()
    assert f"documents {n} " in kg_build("--rebuild")
    with kg_store.reading(st) as s:
        assert len(kg_store.documents(s)) == n


def test_the_report_has_one_row_per_input(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("قال الوزير إن الاجتماع ناجح.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"\x00\x01")
    (tmp_path / "in" / "c.jsonl").write_text(
        '{"id": "c1", "text": "زار الرئيس مصر."}\n{oops\n', encoding="utf-8"
    )
    build_corpus(
        [tmp_path / "in"], tmp_path / "out", Options(html=False), report=tmp_path / "report.jsonl"
    )
    rows = [
        json.loads(x) for x in (tmp_path / "report.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    got = [(Path(r["source"]).name, r["outcome"]) for r in rows]
    assert got == [
        ("a.txt", "built"),
        ("b.txt", "skipped"),
        ("c.jsonl:1", "built"),
        ("c.jsonl:2", "skipped"),
    ]
    assert "binary" in rows[1]["reason"] and "invalid JSON" in rows[3]["reason"]


# --- workers that die or hang ---------------------------------------------------------------


class DyingJob:
    """Squares numbers; a worker given 13 dies on it."""

    def setup(self) -> None:
        return None

    def run(self, state: None, items: list[int]) -> list[int | str]:
        if 13 in items:
            os._exit(3)
        return [i * i for i in items]

    def failed(self, item: int, reason: str) -> str:
        return f"{item}: {reason}"


def test_a_worker_that_dies_fails_its_document_and_no_other() -> None:
    engine = ProcessEngine(workers=2)
    try:
        chunks = [[1, 2], [3, 13], [5, 6], [7]]
        out = [x for chunk in engine.map(DyingJob(), chunks) for x in chunk]
    finally:
        engine.close()
    assert out[:3] == [1, 4, 9] and out[4:] == [25, 36, 49]
    assert out[3] == "13: the worker process died while processing this document"


class SleepyAnalyser(Analyser):
    """Sleeps on documents that say so (to test --doc-timeout)."""

    name = "sleepy"
    formats = frozenset({"text"})
    languages = None

    def analyse(self, doc: Document) -> AnalysedDoc:
        if "sleep" in doc.text:
            time.sleep(30)
        return AnalysedDoc(doc, (), self.name)


def test_a_document_over_the_time_limit_is_skipped_and_the_others_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kg.analyse import ANALYSERS

    monkeypatch.setitem(ANALYSERS._table, "sleepy", "tests.test_corpus:SleepyAnalyser")
    job = CorpusJob(Options(analyser="sleepy", linker="none"), timeout=0.5)
    docs = [
        Document("a", "fine", "en", "a.txt"),
        Document("b", "sleep", "en", "b.txt"),
        Document("c", "fine", "en", "c.txt"),
    ]
    t0 = time.perf_counter()
    out = [x for chunk in SerialEngine().map(job, [docs]) for x in chunk]
    assert time.perf_counter() - t0 < 10
    assert [type(x).__name__ for x in out] == ["Built", "Problem", "Built"]
    assert isinstance(out[1], Problem) and "--doc-timeout" in out[1].reason


# --- crash safety ----------------------------------------------------------------------------


def test_sigkill_mid_build_leaves_the_previous_outputs_and_store_intact(tmp_path: Path) -> None:
    first = make_corpus(tmp_path / "first", 2, words=60)
    second = make_corpus(tmp_path / "second", 30, words=150, seed=5)
    out, st = tmp_path / "out", tmp_path / "store"
    kg = [sys.executable, "-m", "kg.cli", "build"]
    subprocess.run(
        [*kg, str(first), "--out", str(out), "--store", str(st), "--no-html", "-q"],
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig")}
    with kg_store.reading(st) as s:
        stored = kg_store.documents(s)

    proc = subprocess.Popen(
        [
            *kg,
            str(second),
            "--out",
            str(out),
            "--store",
            str(st),
            "--no-html",
            "-q",
            "--workers",
            "2",
        ],
        cwd=ROOT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:  # kill once documents are flowing
        spooled = [p for d in out.glob(".kg-spool-*") for p in d.glob("parts.bin")]
        if spooled and spooled[0].stat().st_size > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be killed; make the corpus bigger"
    helpers = psutil.Process(proc.pid).children(recursive=True)  # the forkserver, the workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    _, alive = psutil.wait_procs(helpers, timeout=15)
    assert not alive, f"processes outlived the killed build: {alive}"

    for name, data in before.items():  # the files of the first build, untouched
        assert (out / name).read_bytes() == data, name
    assert len(serialise.load(out / "graph.trig")) > 0
    # The store opens, and every document in it is as the first build or the killed one
    # left it, never half-written (each document is one transaction).
    new = {d.id: kg_store.content_hash(d.text) for d in read([second]) if isinstance(d, Document)}
    with kg_store.reading(st) as s:
        after = kg_store.documents(s)
    assert set(stored) <= set(after)
    assert all(h in (stored.get(doc), new.get(doc)) for doc, h in after.items())

    # The next build skips what the store has and ends with the store that builds
    # without a kill make; a build into the output folder removes the dead one's spool.
    subprocess.run([*kg, str(second), "--store", str(st), "-q"], check=True, cwd=ROOT, timeout=600)
    fresh = tmp_path / "fresh"
    subprocess.run(
        [*kg, str(first), "--store", str(fresh), "-q"], check=True, cwd=ROOT, timeout=300
    )
    subprocess.run(
        [*kg, str(second), "--store", str(fresh), "-q"], check=True, cwd=ROOT, timeout=600
    )
    assert serialise.to_turtle(union_graph(serialise.load(st))) == serialise.to_turtle(
        union_graph(serialise.load(fresh))
    )
    assert list(out.glob(".kg-spool-*"))
    subprocess.run(
        [*kg, str(first), "--out", str(out), "--no-html", "-q"], check=True, cwd=ROOT, timeout=300
    )
    assert not list(out.glob(".kg-spool-*"))


def test_a_corpus_build_page_draws_the_salient_entities_up_to_its_cap(tmp_path: Path) -> None:
    from kg.analytics import to_networkx
    from kg.salience import HTML_MAX_NODES, choose
    from tests.test_view import embedded_data

    assert Options().html_max_nodes == HTML_MAX_NODES == 500  # the documented default
    build_corpus([SEEDS], tmp_path / "capped", Options(html_max_nodes=12))
    data = embedded_data((tmp_path / "capped" / "graph.html").read_text(encoding="utf-8"))
    G = to_networkx(serialise.load(tmp_path / "capped" / "graph.ttl"), lang="ar", unasserted=True)
    assert (data["meta"]["shown"], data["meta"]["total"]) == (12, G.number_of_nodes())
    assert G.number_of_nodes() > 12 and data["ui"]["count_some"].startswith(
        "الكيانات المعروضة: {shown} من {total}"
    )
    chosen = sorted(choose(G, 12))  # kg.salience's order, drawn in IRI order
    assert [n["label"] for n in data["nodes"]] == [G.nodes[u]["label"] for u in chosen]
    # --max-nodes 0: every entity, as before the cap
    result = CliRunner().invoke(
        main, ["build", str(SEEDS), "--out", str(tmp_path / "all"), "--max-nodes", "0", "-q"]
    )
    assert result.exit_code == 0, result.output
    data = embedded_data((tmp_path / "all" / "graph.html").read_text(encoding="utf-8"))
    assert data["meta"]["shown"] == data["meta"]["total"] == G.number_of_nodes()


def test_a_documents_own_triples_are_not_filed_as_shared() -> None:
    """The document node is the document's alone (no other document has triples about
    it): its triples go with the document's own blocks, none with the shared subjects
    (the IRI in a triple is a URIRef, the document's IRI a str: compared as strings)."""
    from kg.corpus import built
    from kg.model import Document
    from kg.pipeline import Options, Stages, process

    stages = Stages.from_options(Options(analyser="rules", linker="none"))
    result = process(Document("d", "استضاف ماكرون قمة في باريس.", lang="ar"), stages)
    b = built(result, base="http://example.org/kg/")
    assert b.iri and not [r for r in b.shared if r[0][1] == f"<{b.iri}>"]
