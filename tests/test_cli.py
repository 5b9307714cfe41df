"""Every command: help, a real run, and clear errors (the CLI is a thin shell)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import GOLD_ENTITIES, GOLD_FACTS

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    r = runner.invoke(main, [str(a) for a in args])
    return r.exit_code, r.output


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(command: str) -> None:
    code, out = run(command, "--help")
    assert code == 0 and "Usage" in out and len(out.splitlines()) > 3


def test_build_prints_a_summary_and_writes_the_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس.", encoding="utf-8"
    )
    (src / "bad.txt").write_bytes(b"\xff\xfe\x00")
    code, out = run("build", src, "--out", tmp_path / "out")
    assert code == 0
    assert "documents 1" in out and "facts" in out and "seconds" in out
    assert "skipped" in out and "bad.txt" in out
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / "out" / name).stat().st_size > 0


def test_build_fails_when_nothing_can_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out = run("build", tmp_path, "--out", tmp_path / "out")
    assert code == 1 and "nothing could be read" in out and "empty.txt" in out


def test_unknown_analyser_lists_the_available_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال الوزير.", encoding="utf-8")
    code, out = run("build", tmp_path, "--analyser", "spacy", "--out", tmp_path / "o")
    assert code != 0 and "Available: conllu, rules, stanza" in out


def test_query_eval_validate_view_stats_path_export(seed_build: Path, tmp_path: Path) -> None:
    ttl = seed_build / "graph.ttl"
    code, out = run("query", ttl, "-f", "hosted_events", "--format", "csv")
    assert code == 0 and "تيلرسون" in out
    code, out = run(
        "query",
        ttl,
        "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:participatedIn ?o }",
        "--format",
        "json",
    )
    assert code == 0 and '"n"' in out
    code, out = run("eval", ttl, GOLD_ENTITIES, GOLD_FACTS)
    assert code == 0 and "precision" in out and "recall core" in out
    code, out = run("validate", ttl)
    assert code == 0 and "Conforms: True" in out
    code, out = run("view", ttl, "--out", tmp_path / "v.html", "--lang", "en")
    assert code == 0 and (tmp_path / "v.html").exists()
    code, out = run("stats", ttl)
    assert code == 0 and "participatedIn" in out
    code, out = run("path", ttl, "ستولتنبرغ", "تيلرسون")
    assert code == 0 and "اجتماع" in out
    code, out = run("path", ttl, "ستولتنبرغ", "نابليون")
    assert code != 0 and "unknown entity" in out
    code, out = run("export", ttl, "--format", "graphml", "--out", tmp_path / "g.graphml")
    assert code == 0 and (tmp_path / "g.graphml").exists()


def test_query_without_a_query_is_a_usage_error(seed_build: Path) -> None:
    code, out = run("query", seed_build / "graph.ttl")
    assert code == 2 and "give a query" in out


def test_analyse_prints_conllu(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("زار الوزير بغداد.", encoding="utf-8")
    code, out = run("analyse", tmp_path / "a.txt")
    assert code == 0 and "# text = زار الوزير بغداد." in out and "\troot\t" in out


def test_python_dash_m_kg_is_the_same_command_line() -> None:
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Usage: kg ") and "build" in r.stdout
