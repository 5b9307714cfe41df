"""The shipped table of farahidi's analyses gives what farahidi gives, and the analyser
reads it only for the farahidi version that made it."""

from __future__ import annotations

import pytest

farahidi = pytest.importorskip("farahidi")

from kg.analyse.rules import farahidi_cache as fc  # noqa: E402
from kg.analyse.rules.blocks import unpack  # noqa: E402


def _rows() -> tuple[str, list[str]]:
    return unpack(fc.SHIPPED_TABLE.read_bytes())


def test_table_is_for_the_installed_farahidi() -> None:
    head, rows = _rows()
    if head.split("\t")[0] != fc.table_header(farahidi.__version__):
        pytest.skip(f"table made with another farahidi ({head}); the analyser runs farahidi")
    assert len(rows) > 10_000
    words = [r.split("\t", 1)[0] for r in rows]
    assert words == sorted(set(words))  # sorted, one row a word
    assert len(fc._shipped_table()) == len(rows)
    table = fc._shipped_table()
    assert all(table.get(r.split("\t", 1)[0]) == r.split("\t", 1)[1] for r in rows[::101])
    assert table.get(rows[0].split("\t", 1)[0] + "\u0640") is None  # a word not there


def test_sample_equals_what_farahidi_gives() -> None:
    head, rows = _rows()
    if head.split("\t")[0] != fc.table_header(farahidi.__version__):
        pytest.skip("table made with another farahidi")
    # every 997th row, and rows with no reading at all (a word farahidi cannot read)
    sample = rows[::997] + [r for r in rows if r.endswith("\t")][:20]
    assert len(sample) > 20
    for row in sample:
        word, encoded = row.split("\t", 1)
        assert fc.farahidi_run(word) == fc.decode(encoded), word
        assert fc.farahidi_analyse(word) == fc.decode(encoded), word


def test_readings_in_one_order_in_every_process() -> None:
    """farahidi's ties come in an order that follows Python's string hashes (it visits a
    word's possible roots and stems as sets); ``farahidi_run`` puts them in one order, so
    two processes, on two machines, read an unknown word alike."""
    import os
    import subprocess
    import sys

    words = ["سلته", "لاستلامي", "بروكسلية", "تستضيفان", "فيدانوف", "وبمقاتليها"]
    code = (
        "import sys\n"
        "from kg.analyse.rules.farahidi_cache import farahidi_run\n"
        "for w in sys.argv[1:]: print(w, farahidi_run(w))\n"
    )
    outs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run(
            [sys.executable, "-c", code, *words], env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr[-500:]
        outs.add(run.stdout)
    assert len(outs) == 1


def test_table_words_skip_the_disk_cache(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A word of the table is answered without farahidi or the disk cache."""
    head, rows = _rows()
    if head.split("\t")[0] != fc.table_header(farahidi.__version__):
        pytest.skip("table made with another farahidi")
    word, encoded = rows[len(rows) // 2].split("\t", 1)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    fc._disk_cache.cache_clear()
    fc.farahidi_analyse.cache_clear()
    try:
        assert fc.farahidi_analyse(word) == fc.decode(encoded)
        fc._disk_cache().flush()
        assert "empty" in fc.disk_cache_state() or "0 words" in fc.disk_cache_state()
    finally:
        fc._disk_cache.cache_clear()
        fc.farahidi_analyse.cache_clear()
