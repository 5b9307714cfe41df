"""Atomic writes: a failure leaves the previous files and no temporary file."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kg.atomic import atomic_files, atomic_write, remove_stale_temps, temp_path


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


# --- issue 15, item 7: killed writers and full disks ----------------------------------------

ROOT = Path(__file__).resolve().parent.parent

KILLED_MID_WRITE = """
import os, signal, sys
from kg.atomic import atomic_write
def chunks():
    yield "half of a new graph\\n" * 1000
    os.kill(os.getpid(), signal.SIGKILL)
atomic_write(sys.argv[1], chunks())
"""

FULL_DISK = """
import resource, signal, sys
from kg.atomic import atomic_files
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))
try:
    with atomic_files([sys.argv[1], sys.argv[2]]) as (a, b):
        a.write("small")
        b.write("x" * 200_000)
except OSError as e:
    print(e.errno)
"""


def _python(code: str, *args: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_write_killed_midway_leaves_a_temp_file_the_next_build_removes(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس.", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old", encoding="utf-8")
    r = _python(KILLED_MID_WRITE, out / "graph.ttl")
    assert r.returncode == -signal.SIGKILL
    left = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert len(left) == 1 and left[0].startswith(".graph.ttl.kg-")
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "old"
    (out / "unrelated.tmp").write_text("not ours", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "--no-html"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["graph.trig", "graph.ttl", "unrelated.tmp"]


def test_a_full_disk_leaves_the_previous_files_and_no_temp_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.trig"
    a.write_text("old a", encoding="utf-8")
    b.write_text("old b", encoding="utf-8")
    r = _python(FULL_DISK, a, b)
    assert r.returncode == 0 and r.stdout.strip() == str(errno.EFBIG), r.stderr
    assert a.read_text(encoding="utf-8") == "old a" and b.read_text(encoding="utf-8") == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.trig"]


def test_a_temp_file_of_a_running_process_is_left_alone(tmp_path: Path) -> None:
    mine = temp_path(tmp_path / "g.ttl")
    mine.write_text("being written", encoding="utf-8")
    atomic_write(tmp_path / "g.ttl", ["done"])
    assert mine.exists() and remove_stale_temps(tmp_path) == []
