"""Issue 15 (a hostile tester's findings): CSV injection, small UX errors, store id
collisions, temporary files, one-line errors on damaged stores and failing disks.
Every command runs as a real ``kg`` process."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT = "استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس."
TEXT2 = "زار وزير الخارجية القطري مصر والأردن."


def kg(
    *args: str | Path, cwd: Path | None = None, preexec: object = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        preexec_fn=preexec,  # type: ignore[arg-type]
    )


def one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    """The process failed with exit 1 and one line on stderr starting ``kg:``."""
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("kg: "), r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build whose document id looks like a spreadsheet formula."""
    d = tmp_path_factory.mktemp("built")
    src = d / "in"
    src.mkdir()
    (src / "=HYPERLINK(1).txt").write_text(TEXT, encoding="utf-8")
    r = kg("build", src, "--out", d / "out", "--analyser", "rules")
    assert r.returncode == 0, r.stderr
    return d / "out"


# --- item 11: CSV injection ---------------------------------------------------------------


def test_export_csv_neutralises_formulas(built: Path, tmp_path: Path) -> None:
    r = kg("export", built / "graph.ttl", "--format", "csv", "--out", tmp_path / "f.csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "f.csv").read_text(encoding="utf-8"))))
    assert rows[1][0] == "'=HYPERLINK(1).txt"
    assert all(not c.startswith(("=", "+", "@", "\t", "\r")) for row in rows for c in row)
    r = kg(
        "export", built / "graph.ttl", "--format", "csv", "--out", tmp_path / "raw.csv", "--raw-csv"
    )
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "raw.csv").read_text(encoding="utf-8"))))
    assert rows[1][0] == "=HYPERLINK(1).txt"


def test_query_csv_neutralises_formulas(built: Path) -> None:
    q = 'SELECT ?id ?n WHERE { ?d dcterms:identifier ?id BIND("-2.5" AS ?n) }'
    r = kg("query", built / "graph.ttl", q, "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1] == "'=HYPERLINK(1).txt,-2.5"  # a number stays a number
    r = kg("query", built / "graph.ttl", q, "--format", "csv", "--raw-csv")
    assert r.stdout.splitlines()[1] == "=HYPERLINK(1).txt,-2.5"


# --- item 12: small UX ---------------------------------------------------------------------

CONLLU_MISMATCH = """# text = Something else entirely.
1\tRex\tRex\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tspoke\tspeak\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def test_view_refuses_max_nodes_0(built: Path, tmp_path: Path) -> None:
    r = kg("view", built / "graph.ttl", "--out", tmp_path / "v.html", "--max-nodes", "0")
    assert r.returncode != 0 and "--max-nodes" in r.stderr
    assert not (tmp_path / "v.html").exists()


def test_build_refuses_a_base_that_is_not_an_iri(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    r = kg("build", tmp_path / "a.txt", "--out", tmp_path / "o", "--base", "not an iri")
    assert r.returncode != 0 and "not an absolute IRI" in r.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "entities",
    [
        "id\tqid\ttype\tlabel_en\tsurfaces_ar\n",  # the header alone
        "name\tkind\nx\ty\n",  # other columns
    ],
)
def test_eval_refuses_an_empty_or_foreign_tsv(built: Path, tmp_path: Path, entities: str) -> None:
    (tmp_path / "e.tsv").write_text(entities, encoding="utf-8")
    (tmp_path / "f.tsv").write_text(
        "subject\trelations\tobject\tlevel\tevidence\nx\thosted\ty\tcore\t-\n", encoding="utf-8"
    )
    line = one_line_error(kg("eval", built / "graph.ttl", tmp_path / "e.tsv", tmp_path / "f.tsv"))
    assert "e.tsv" in line


def test_report_csv_is_csv(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    r = kg(
        "build",
        tmp_path / "in",
        "--out",
        tmp_path / "o",
        "--report",
        tmp_path / "r.csv",
        "--no-html",
    )
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["source", "id", "outcome", "stage", "reason"]
    assert sorted(row[2] for row in rows[1:]) == ["built", "skipped"]
    r = kg("build", tmp_path / "in", "--out", tmp_path / "o", "--report", tmp_path / "r.xlsx")
    assert r.returncode != 0 and ".jsonl" in r.stderr and not (tmp_path / "r.xlsx").exists()


def test_workers_above_the_cpus_are_capped_with_a_warning_that_q_silences(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.conllu").write_text(CONLLU_MISMATCH, encoding="utf-8")
    args = ("build", tmp_path / "a.txt", tmp_path / "b.conllu", "--no-html", "--analyser", "auto")
    r = kg(*args, "--out", tmp_path / "o1", "--workers", "999")
    assert r.returncode == 0, r.stderr
    assert "--workers 999 is more than the" in r.stderr
    r = kg(*args, "--out", tmp_path / "o2", "--workers", "999", "-q")
    assert r.returncode == 0 and r.stderr == "" and r.stdout == ""


def test_export_does_not_replace_the_builds_own_trig(built: Path, tmp_path: Path) -> None:
    before = (built / "graph.trig").read_bytes()
    line = one_line_error(kg("export", built / "graph.ttl", "--format", "trig"))
    assert "graph.trig exists" in line and "--out" in line
    assert (built / "graph.trig").read_bytes() == before


def test_enrich_says_it_replaces_its_input() -> None:
    r = kg("enrich", "--help")
    assert "GRAPH itself is replaced" in r.stdout


# --- item 4: one id from two folders in one store ---------------------------------------------


def test_a_store_refuses_an_id_read_from_another_file(tmp_path: Path) -> None:
    for year, text in (("2023", TEXT), ("2024", TEXT2)):
        (tmp_path / year).mkdir()
        (tmp_path / year / "001.txt").write_text(text, encoding="utf-8")
    st = tmp_path / "st"
    r = kg("build", tmp_path / "2023", "--store", st, "--analyser", "rules")
    assert r.returncode == 0, r.stderr
    r = kg("build", tmp_path / "2024", "--store", st, "--analyser", "rules")
    assert r.returncode == 1  # nothing built
    assert "already in the store, read from" in r.stderr and "2024/001.txt" in r.stderr
    # the same text from another file is another document too, not "unchanged"
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "001.txt").write_text(TEXT, encoding="utf-8")
    r = kg("build", tmp_path / "2025", "--store", st, "--analyser", "rules")
    assert r.returncode == 1 and "already in the store, read from" in r.stderr, r.stderr
    r = kg("query", st, "SELECT ?s WHERE { GRAPH ?g { ?g dcterms:source ?s } }", "--format", "csv")
    assert r.stdout.split() == ["s", str(tmp_path / "2023" / "001.txt")]
    # the same file, named another way, still replaces its earlier version
    (tmp_path / "2023" / "001.txt").write_text(TEXT2, encoding="utf-8")
    r = kg("build", "2023", "--store", st, "--analyser", "rules", cwd=tmp_path)
    assert r.returncode == 0 and "documents 1" in r.stdout, r.stderr
    # built from their common folder, the two files have two ids
    r = kg("build", tmp_path, "--store", tmp_path / "st2", "--analyser", "rules")
    assert "documents 3" in r.stdout, r.stderr
