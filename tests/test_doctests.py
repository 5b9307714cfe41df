"""Run the ``>>>`` examples in the package's docstrings."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import tempfile
from pathlib import Path

import pytest

import kg

MODULES = ["kg"] + sorted(
    m.name
    for m in pkgutil.walk_packages(kg.__path__, "kg.")
    if not m.name.startswith(("kg.analyse.stanza", "kg.headless"))
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Examples write into tempfile.mkdtemp() folders: make those inside this test's own
    # tmp_path (which pytest removes), not in the system temp folder, where every run
    # left some twenty of them behind.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_every_module_has_examples(name: str) -> None:
    """A module listed here but without a single ``>>>`` example would pass unseen."""
    module = importlib.import_module(name)
    tests = doctest.DocTestFinder().find(module)
    assert sum(len(t.examples) for t in tests) > 0, f"{name} has no >>> example"
