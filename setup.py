"""The install compiles kg's offline path with mypyc when it can; otherwise pure Python.

Everything else about the package is in pyproject.toml. The modules compiled are
``kg.compiled.MODULES``; they go into C extensions next to their sources (one shared
library, ``kg/_hot__mypyc*.so``, git-ignored). Compiling needs mypy (with mypyc), a C
compiler, the Python headers and kg's dependencies installed (mypyc type-checks the code),
so the Makefile installs the dependencies first and then builds without isolation
(``pip install --no-build-isolation --no-deps -e .``). Without any of these, or with
``KG_PURE_PYTHON=1``, the install is pure Python and says why in one line.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import sysconfig
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


def _modules() -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("_kg_compiled", HERE / "kg/compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.MODULES)


def _notice(why: str) -> None:
    print(f"kg: installing pure Python ({why})", file=sys.stderr)


def _why_not() -> str | None:
    """Why compiling cannot be tried here, or None when it can."""
    if os.environ.get("KG_PURE_PYTHON") == "1":
        return "KG_PURE_PYTHON=1"
    if importlib.util.find_spec("mypyc") is None:
        return "mypyc is not installed"
    cc = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(cc) is None:
        return f"no C compiler ({cc})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers (Python.h)"
    return None


def _extensions() -> list[Any]:
    why = _why_not()
    if why is not None:
        _notice(why)
        return []
    from mypyc.build import mypycify

    paths = [f"{m.replace('.', '/')}.py" for m in _modules()]
    try:
        return list(mypycify(paths, opt_level="3", group_name="kg._hot"))
    except (Exception, SystemExit) as e:  # mypyc exits on a type error
        _notice(f"mypyc failed: {e}")
        return []


class OptionalBuildExt(build_ext):  # type: ignore[misc]
    """A failed C compile leaves kg pure Python instead of failing the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:
            _notice(f"the C compile failed: {e}")

    def build_extension(self, ext: Any) -> None:
        try:
            super().build_extension(ext)
        except Exception as e:
            _notice(f"the C compile of {ext.name} failed: {e}")


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
