"""The mypyc build's guard (kg/compiled.py): compiled modules run all together, only when
every one is at least as new as its source; KG_PURE_PYTHON=1 runs the sources."""

from __future__ import annotations

import importlib.machinery
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import compiled

ROOT = Path(__file__).resolve().parents[1]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
MODULES = ("kg.extract.coref", "kg.corpus")


def _tree(tmp_path: Path, built: tuple[str, ...], library: bool) -> Path:
    """A package folder like an install's: sources, and empty files where the build's
    extensions would be (the guard only looks at names and times)."""
    root = tmp_path / "kg"
    for m in MODULES:
        src = compiled.source(m, root)
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_text("x = 1\n", encoding="utf-8")
        os.utime(src, (1_000, 1_000))
        if m in built:
            src.with_name(src.stem + SUFFIX).write_bytes(b"")
    if library:
        (root / f"_hot__mypyc{SUFFIX}").write_bytes(b"")
        os.utime(root / f"_hot__mypyc{SUFFIX}", (2_000, 2_000))
    return root


def test_a_fresh_build_is_used(tmp_path: Path) -> None:
    assert compiled.stale(MODULES, _tree(tmp_path, MODULES, library=True)) == []


def test_an_edited_source_makes_the_build_stale(tmp_path: Path) -> None:
    root = _tree(tmp_path, MODULES, library=True)
    os.utime(compiled.source("kg.corpus", root), (3_000, 3_000))
    assert compiled.stale(MODULES, root) == ["kg.corpus"]


def test_a_module_not_built_or_a_missing_library_makes_it_stale(tmp_path: Path) -> None:
    assert compiled.stale(MODULES, _tree(tmp_path / "a", ("kg.corpus",), library=True)) == [
        "kg.extract.coref"
    ]
    assert compiled.stale(MODULES, _tree(tmp_path / "b", ("kg.corpus",), library=False)) == [
        "kg.corpus"
    ]
    assert compiled.stale(MODULES, _tree(tmp_path / "c", (), library=False)) == []


def _running(env: dict[str, str]) -> str:
    code = (
        "import kg.compiled as c, kg.pipeline, kg.corpus, kg.extract.coref;"
        "print(c.running(), c.state())"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.strip()


def test_pure_python_on_request() -> None:
    out = _running({"KG_PURE_PYTHON": "1"})
    assert out.startswith("(0, ") and "pure Python" in out


@pytest.mark.skipif(compiled.library() is None, reason="kg is not compiled here")
def test_the_compiled_build_runs_whole() -> None:
    out = _running({"KG_PURE_PYTHON": "0"})
    if compiled.stale():
        assert out.startswith("(0, ") and "older than" in out
    else:
        n = out.split(")")[0].split(", ")[1]
        assert out.startswith(f"({n}, {n})") and "compiled with mypyc" in out
