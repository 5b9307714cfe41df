"""Atomic writes: a failure leaves the previous files and no temporary file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.atomic import atomic_files, atomic_write


def test_failed_write_leaves_the_previous_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")

    def chunks():
        yield "new part"
        raise RuntimeError("serializer failed")

    with pytest.raises(RuntimeError):
        atomic_write(target, chunks())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_files_written_together_are_replaced_together(tmp_path: Path) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.trig"
    a.write_text("old a", encoding="utf-8")
    b.write_text("old b", encoding="utf-8")

    def failing():
        yield "new b"
        raise RuntimeError("second file failed")

    with pytest.raises(RuntimeError), atomic_files([a, b]) as (fa, fb):
        fa.write("new a")
        fb.writelines(failing())
    assert (a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")) == ("old a", "old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.trig"]


def test_writers_that_take_a_file_name_are_atomic_too(tmp_path: Path) -> None:
    from kg.atomic import atomic_paths

    target = tmp_path / "sub" / "g.graphml"
    with pytest.raises(RuntimeError), atomic_paths([target]) as (tmp,):
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("writer failed")
    assert not target.exists() and list((tmp_path / "sub").iterdir()) == []
    with atomic_paths([target]) as (tmp,):
        tmp.write_text("whole", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "whole"
