"""Which of kg's modules run compiled, and the guard against a stale compiled build.

The install (``make install``: ``pip install -e '.[dev]'``, see ``setup.py``) compiles the
modules in ``MODULES`` (the offline path: analyser, name finders, extractor, linker,
corpus blocks) with mypyc into C extensions next to their sources, when a C compiler is
there; without one, or with ``KG_PURE_PYTHON=1``, kg stays pure Python. The compiled
modules share one library (``kg/_hot__mypyc*.so``) and call each other directly, so they
run all together or not at all: when any of their sources is newer than that library (a
module edited since the build) or one of them was not built, ``guard()``, which
``import kg`` runs, makes every one of them load from its ``.py`` instead, and says so once
on stderr; ``make install`` compiles again. ``KG_PURE_PYTHON=1`` at run time loads the
sources too (the benchmark's A/B). This module uses the standard library only: setup.py
reads ``MODULES`` from it before kg is installed.

>>> "kg.extract.coref" in MODULES and "kg.compiled" not in MODULES
True
>>> state().startswith(("compiled", "pure Python"))
True
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent  # the kg package
LIBRARY = "kg._hot"  # mypyc's group: its shared library is kg/_hot__mypyc.<suffix>

# Packages' __init__ modules stay pure (small; kg/__init__ runs the guard). Left out too:
# farahidi_fast (subclasses of farahidi's classes inside a function: mypyc compiles no
# nested class) and the modules of the CLI, store, server and views (not the hot path).
MODULES: tuple[str, ...] = tuple(
    f"kg.{m}"
    for m in """
    analyse.rules.closed analyse.rules.farahidi_cache
    analyse.rules.morph analyse.rules.parts analyse.rules.segment analyse.rules.tagger
    analyse.rules.tagger_names analyse.rules.twins analyse.rules._farahidi_codes
    analyse.rules.parser.appositions analyse.rules.parser.arguments
    analyse.rules.parser.clauses analyse.rules.parser.finish analyse.rules.parser.frames
    analyse.rules.parser.phrases analyse.rules.parser.relatives analyse.rules.parser.words
    analyse.names.bodies analyse.names.common analyse.names.known analyse.names.people
    analyse.names.places
    extract.actions extract.affiliation extract.appointments extract.appraisal
    extract.arguments extract.attendance extract.casualties extract.confidence extract.coref
    extract.credentials extract.events extract.eventsplit extract.finish extract.meetings
    extract.mentions extract.modality extract.nouns extract.occurrences extract.phrases
    extract.places extract.predicates extract.purposes extract.relations extract.reporting
    extract.rulings extract.speech extract.state extract.targets extract.titles extract.tree
    extract.ud extract.words
    link.as_written link.base link.cues link.gazetteer link.gazindex link.holders
    link.skeleton link.titled link.variants
    corpus text identity salience triple_index graph_terms
    """.split()
)


def source(module: str, root: Path = ROOT) -> Path:
    """The ``.py`` file of one of kg's modules.

    >>> source("kg.extract.coref").relative_to(ROOT).as_posix()
    'extract/coref.py'
    """
    return root.joinpath(*module.split(".")[1:]).with_suffix(".py")


def _built(path: Path) -> Path | None:
    """The extension module built for ``path`` (``x.py`` -> ``x.cpython-311-….so``)."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.exists():
            return candidate
    return None


def library(root: Path = ROOT) -> Path | None:
    """The shared library of the compiled modules, if the install built one."""
    return _built(root / (LIBRARY.split(".")[-1] + "__mypyc.py"))


def stale(modules: Sequence[str] = MODULES, root: Path = ROOT) -> list[str]:
    """The modules that cannot run compiled: their extension is missing or older than
    their source (a module edited, or added to ``MODULES``, since the build); without the
    library, the extensions left by a half-finished build."""
    lib = library(root)
    if lib is None:
        return [m for m in modules if _built(source(m, root)) is not None]
    built_at = lib.stat().st_mtime
    out = []
    for m in modules:
        ext = _built(source(m, root))
        if ext is None or source(m, root).stat().st_mtime > built_at:
            out.append(m)
    return out


def state() -> str:
    """One line: whether kg's hot modules run compiled, and if not, why."""
    if library() is None and not stale():
        return "pure Python (no compiled modules: no C compiler at install, or KG_PURE_PYTHON=1)"
    if os.environ.get("KG_PURE_PYTHON") == "1":
        return "pure Python (KG_PURE_PYTHON=1; compiled modules present but not used)"
    old = stale()
    if old:
        return f"pure Python (the compiled build is older than {old[0]} or incomplete; `make install` rebuilds)"
    return f"compiled with mypyc ({len(MODULES)} modules)"


def running() -> tuple[int, int]:
    """How many of the listed modules imported so far run compiled, of how many imported.

    >>> compiled, imported = running()
    >>> 0 <= compiled <= imported <= len(MODULES)
    True
    """
    loaded = [sys.modules[m] for m in MODULES if m in sys.modules]
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sum(str(getattr(m, "__file__", "")).endswith(suffixes) for m in loaded), len(loaded)


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Loads the listed modules from their ``.py`` files, never the extension modules."""

    def __init__(self, modules: Sequence[str]) -> None:
        self.modules = frozenset(modules)

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name not in self.modules:
            return None
        return importlib.util.spec_from_file_location(name, source(name))


def guard() -> None:
    """Run the compiled modules only when they are all fresh; otherwise load every listed
    module from source (with one line on stderr when the build is stale)."""
    if any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        return
    pure = os.environ.get("KG_PURE_PYTHON") == "1"
    old = stale()
    if library() is None and not old:
        return
    old = [] if pure else old
    if pure or old:
        if old:
            print(f"kg: {state()}", file=sys.stderr)
        sys.meta_path.insert(0, _SourceFirst(MODULES))
