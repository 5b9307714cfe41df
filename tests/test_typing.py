"""The package type-checks under mypy --strict (settings and the justified exceptions in
pyproject.toml), and the tree is ruff-clean: lint and format."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT

TREES = ["kg", "tests", "scripts"]


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[dev]')")
    return subprocess.run(
        [sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_mypy_strict() -> None:
    run = _run("mypy", "kg")
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_lint() -> None:
    run = _run("ruff", "check", *TREES)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format() -> None:
    run = _run("ruff", "format", "--check", *TREES)
    assert run.returncode == 0, "run `ruff format kg tests scripts`:\n" + run.stdout + run.stderr
