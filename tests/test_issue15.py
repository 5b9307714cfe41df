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
