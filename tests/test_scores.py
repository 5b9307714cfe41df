"""The score ratchet: every article keeps the counts recorded in ``tests/data/scores.json``.

Our own articles (``tests/data/articles``) and the seed are built again and scored against
their gold; so are the 40 real news articles of ``../shared/realnews`` when that folder is
there. A count (predicted, judged, right, wrong, core_found, all_found, the gold totals)
that moved by more than ONE fact fails the test, naming the article, the count and the
move: down is a regression; up is an improvement that must be recorded on purpose with
``python scripts/record_scores.py`` (and committed with the change that caused it).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.evaluate import RATCHET_FIELDS, ratchet_moves
from tests.conftest import ROOT


def _record_scores() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "record_scores", ROOT / "scripts" / "record_scores.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


RS = _record_scores()
RECORDED = RS.load()
REALNEWS: Path = RS.REALNEWS
HOW = "re-record on purpose with `python scripts/record_scores.py` (see its docstring)"


@pytest.fixture(scope="module")
def written_scores() -> dict[str, dict[str, int]]:
    scores: dict[str, dict[str, int]] = RS.score_written()
    return scores


@pytest.fixture(scope="module")
def realnews_scores() -> dict[str, dict[str, int]]:
    if not (REALNEWS / "texts").is_dir():
        pytest.skip(f"{REALNEWS} absent")
    scores: dict[str, dict[str, int]] = RS.score_realnews(REALNEWS)
    return scores


def test_every_article_is_recorded(written_scores: dict[str, dict[str, int]]) -> None:
    assert sorted(written_scores) == sorted(RECORDED["articles"]), HOW
    assert len(written_scores) >= 13


@pytest.mark.parametrize("name", sorted(RECORDED["articles"]))
def test_written_article_keeps_its_score(
    name: str, written_scores: dict[str, dict[str, int]]
) -> None:
    now = written_scores.get(name)
    assert now is not None, f"{name}: recorded but no longer found; {HOW}"
    moves = ratchet_moves(name, RECORDED["articles"][name], now)
    assert not moves, "\n".join(moves + [f"now: {now}"])


@pytest.mark.parametrize("name", sorted(RECORDED["articles"]))
def test_recorded_figures_stay_above_the_floor(name: str) -> None:
    """Re-recording cannot lower an article below what the project has long promised."""
    r = RECORDED["articles"][name]
    assert r["right"] >= 0.9 * r["judged"], name
    assert r["core_found"] >= 0.85 * r["core_total"], name
    floor = 0.7 if name.startswith("coalition") else 0.8
    assert r["all_found"] >= floor * r["all_total"], name


def test_every_real_article_is_recorded(realnews_scores: dict[str, dict[str, int]]) -> None:
    assert sorted(realnews_scores) == sorted(RECORDED.get("realnews", {})), HOW
    assert len(realnews_scores) == 40


@pytest.mark.parametrize("name", sorted(RECORDED.get("realnews", {})))
def test_real_article_keeps_its_score(
    name: str, realnews_scores: dict[str, dict[str, int]]
) -> None:
    now = realnews_scores.get(name)
    assert now is not None, f"{name}: recorded but not in {REALNEWS}; {HOW}"
    moves = ratchet_moves(name, RECORDED["realnews"][name], now)
    assert not moves, "\n".join(moves + [f"now: {now}"])


def test_the_ratchet_fails_both_ways_beyond_one_fact() -> None:
    rec = dict.fromkeys(RATCHET_FIELDS, 10)
    assert ratchet_moves("x", rec, dict(rec, right=9, judged=10, all_found=11)) == []
    down = ratchet_moves("x", rec, dict(rec, core_found=8))
    assert down == ["x: core_found 10 -> 8 (-2 facts): REGRESSION"]
    up = ratchet_moves("x", rec, dict(rec, all_found=12))
    assert len(up) == 1 and "improved: re-record" in up[0] and "record_scores.py" in up[0]
    more_wrong = ratchet_moves("x", rec, dict(rec, judged=12))
    assert more_wrong[0] == "x: wrong 0 -> 2 (+2 facts): REGRESSION"
    assert "changed: re-record" in ratchet_moves("x", rec, dict(rec, predicted=13))[0]


def test_the_recording_script_reports_moves(tmp_path: Path) -> None:
    rec = {"a": dict.fromkeys(RATCHET_FIELDS, 5)}
    now = {"a": dict(rec["a"], core_found=2), "b": dict(rec["a"])}
    assert RS.moves(rec, now) == [
        "a: core_found 5 -> 2 (-3 facts): REGRESSION",
        "b: scored but not recorded: run `python scripts/record_scores.py`",
    ]
    out = tmp_path / "s.json"
    RS.save({"articles": rec}, out)
    assert RS.load(out) == {"articles": rec}
