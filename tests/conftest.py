"""Shared fixtures: paths of the project's own data (never ../shared)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests never read or fill the user's word-analysis cache: a folder of their own, removed
# when the test run ends (one was left behind by every run before).
if "KG_CACHE_DIR" not in os.environ:
    os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp(prefix="kg-test-cache-")
    atexit.register(shutil.rmtree, os.environ["KG_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"
GOLD_ENTITIES = SEEDS / "gold" / "coalition_meeting_2017_ar.entities.tsv"
GOLD_FACTS = SEEDS / "gold" / "coalition_meeting_2017_ar.facts.tsv"


def require_browser() -> None:
    """Skip a browser test when chromium, chromedriver or selenium is missing; fail instead
    when ``KG_REQUIRE_BROWSER`` is set (``make test`` sets it where chromium can be
    installed, so the browser tests run there rather than skip)."""
    from kg.headless import find_chromium

    missing = find_chromium() is None
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing = True
    if not missing:
        return
    if os.environ.get("KG_REQUIRE_BROWSER", "") not in ("", "0"):
        pytest.fail("KG_REQUIRE_BROWSER is set but chromium, chromedriver or selenium is missing")
    pytest.skip("chromium and chromedriver not installed (scripts/setup_browser.sh)")


def suite_files(failing: bool = False) -> list[Path]:
    """The Arabic sentence suites in tests/data: the ones whose cases must pass, or (with
    ``failing``) the known failures, run as strict xfails. A new suite file joins by its
    name: ``suite_*_ar.tsv`` or ``heldout*_ar.tsv``, ``*_failing_ar.tsv`` for failures.

    >>> [p.name for p in suite_files(failing=True)]
    ['suite_failing_ar.tsv', 'suite_lexicon_failing_ar.tsv']
    """
    files = sorted([*DATA.glob("suite*_ar.tsv"), *DATA.glob("heldout*_ar.tsv")])
    return [p for p in files if p.name.endswith("_failing_ar.tsv") == failing]


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article built once for the session: the output folder."""
    from kg.pipeline import Options, build

    out = tmp_path_factory.mktemp("seed")
    summary, _ = build([SEEDS], out, Options())
    assert summary.documents == 1
    return out
