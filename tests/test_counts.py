"""One count everywhere (issue 18): the build summary, ``kg stats``, the page header and
``KnowledgeGraph`` count the same entities and facts (kg.analytics.Counts); communities
are the same in every process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.analytics import counts, to_networkx
from kg.cli import main
from kg.pipeline import Options, build_corpus
from kg.serialise import load
from kg.view import payload
from tests.conftest import DATA, ROOT, SEEDS

runner = CliRunner()


def cli(*args: object) -> str:
    r = runner.invoke(main, [str(a) for a in args])
    assert r.exit_code == 0, r.output
    return r.output


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("seed")
    return out, cli("build", SEEDS, "--out", out, "--no-html", "--workers", "1")


def test_build_stats_view_and_api_agree(seed_build: tuple[Path, str]) -> None:
    out, printed = seed_build
    m = re.search(r"entities (\d+)\s+linked \d+\s+facts (\d+)", printed)
    assert m, printed
    built = (int(m.group(1)), int(m.group(2)))
    assert "each distinct subject-relation-object triple" in printed  # says what it counts
    stats = json.loads(cli("stats", out / "graph.trig", "--json"))
    meta = payload(to_networkx(load(out / "graph.trig")))["meta"]
    g = kg.load(out / "graph.trig")
    assert (
        built
        == (stats["entities"], stats["facts"])
        == (meta["total"], meta["total_edges"])
        == tuple(g.counts())
        == tuple(counts(load(out / "graph.ttl")))
    )
    assert repr(g) == f"<KnowledgeGraph: {built[0]} entities, {built[1]} facts>"


def test_a_corpus_build_counts_what_its_graph_holds(tmp_path: Path) -> None:
    """Counted document by document (kg.corpus.network_keys), without the graph in memory."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for f in [
        SEEDS / "coalition_meeting_2017_ar.txt",
        *sorted((DATA / "articles").glob("*.txt"))[:3],
    ]:
        (corpus / f.name).write_bytes(f.read_bytes())
    summary = build_corpus([corpus], tmp_path / "out", Options(html=False))
    assert (summary.entities, summary.facts) == tuple(counts(load(tmp_path / "out" / "graph.ttl")))


def test_communities_do_not_depend_on_the_hash_seed(seed_build: tuple[Path, str]) -> None:
    out, _ = seed_build
    code = (
        "import json, sys; from kg.analytics import stats, to_networkx; from kg.serialise import load;"
        "print(json.dumps(stats(to_networkx(load(sys.argv[1])))['communities'], ensure_ascii=False))"
    )
    seen = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        r = subprocess.run(
            [sys.executable, "-c", code, str(out / "graph.trig")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        seen.add(r.stdout)
    assert len(seen) == 1


def test_an_english_corpus_gets_an_english_ltr_page(tmp_path: Path) -> None:
    out = tmp_path / "en"
    cli("build", DATA / "english_article.txt", "--out", out, "--workers", "1")
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in page
    assert '"count_all":"{shown} entities' in page  # English interface text
    cli("export", out / "graph.trig", "--format", "csv", "--out", tmp_path / "auto.csv")
    cli(
        "export",
        out / "graph.trig",
        "--format",
        "csv",
        "--out",
        tmp_path / "ar.csv",
        "--lang",
        "ar",
    )
    assert (tmp_path / "auto.csv").read_text(encoding="utf-8") != ""


def test_csv_honours_lang(seed_build: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = seed_build
    for lang in ("ar", "en"):
        cli(
            "export",
            out / "graph.trig",
            "--format",
            "csv",
            "--out",
            tmp_path / f"{lang}.csv",
            "--lang",
            lang,
        )
    ar = (tmp_path / "ar.csv").read_text(encoding="utf-8")
    en = (tmp_path / "en.csv").read_text(encoding="utf-8")
    isis = "Islamic State of Iraq and the Levant"  # linked: it has an English label
    assert isis in en and isis not in ar
    assert "ريكس تيلرسون" in en  # unlinked: the name as written
    assert ar.count("\n") == en.count("\n")  # the same facts, labelled in another language


def test_the_capped_view_prefers_named_entities_of_many_documents(
    seed_build: tuple[Path, str],
) -> None:
    from kg.salience import is_background

    out, _ = seed_build
    G = to_networkx(load(out / "graph.trig"))
    data = payload(G, max_nodes=20)
    labels = {n["label"] for n in data["nodes"]}
    assert len(data["nodes"]) == 20 and "ريكس تيلرسون" in labels
    kept = [u for u in G if G.nodes[u]["label"] in labels]
    assert not [u for u in kept if is_background(G.nodes[u])]


def test_the_explorer_counts_what_build_and_stats_count(seed_build: tuple[Path, str]) -> None:
    """``kg serve``'s explorer (/api/counts, shown on its home page) counts by SPARQL what
    the build summary and ``kg stats`` count in Python."""
    import urllib.request

    from explorer_data import serving

    out, printed = seed_build
    m = re.search(r"entities (\d+)\s+linked \d+\s+facts (\d+)", printed)
    assert m, printed
    with (
        serving(out / "graph.trig") as base,
        urllib.request.urlopen(base + "api/counts", timeout=60) as r,
    ):
        got = json.loads(r.read())
    assert (got["entities"], got["facts"]) == (int(m.group(1)), int(m.group(2)))
    assert "each distinct subject-relation-object triple" in got["note"]
