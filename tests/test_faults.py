"""Fault injection (issue 15, item 8 and its acceptance): damaged store files, read-only
targets and full disks end each command with a one-line error and exit code 1; the
previous outputs are intact and no temporary file is left.

Read-only targets: ``chmod`` for an ordinary user; root ignores it, so as root a
read-only bind mount in a private mount namespace (``unshare -Urm``), skipped where
that is not allowed. Full disks: ``RLIMIT_FSIZE`` (writes past it fail with EFBIG), and
a small tmpfs in a private mount namespace where one may be mounted.
"""

from __future__ import annotations

import os
import resource
import shlex
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT = "استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس."
TEXT2 = "زار وزير الخارجية القطري مصر والأردن."
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def kg(
    *args: str | Path, cwd: Path | None = None, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=ENV,
        timeout=300,
        preexec_fn=preexec,
    )


def in_namespace(setup: str, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` after the shell commands ``setup`` (mounts), in a private mount namespace."""
    command = shlex.join([sys.executable, "-m", "kg.cli", *map(str, args)])
    return subprocess.run(
        ["unshare", "-Urm", "sh", "-c", f"{setup} && exec {command}"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=ENV,
        timeout=300,
    )


def _namespaces() -> bool:
    if shutil.which("unshare") is None:
        return False
    r = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt || exit 1"],
        capture_output=True,
    )
    return r.returncode == 0


NAMESPACES = _namespaces()
needs_namespaces = pytest.mark.skipif(not NAMESPACES, reason="no private mount namespaces here")


def one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("kg: "), r.stderr
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """The files' bytes; RocksDB's own info logs (LOG, LOG.old.*) aside: opening writes them."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith("LOG")
    }


def leftovers(folder: Path) -> list[str]:
    return [
        p.name
        for p in folder.rglob("*")
        if p.name.endswith(".tmp") or p.name.startswith(".kg-spool-")
    ]


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """a.txt, b.txt, out/ (graph files of a.txt) and st/ (a store of a.txt)."""
    d = tmp_path_factory.mktemp("faults")
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "b.txt").write_text(TEXT2, encoding="utf-8")
    for target in (("--out", "out"), ("--store", "st")):
        r = kg("build", "a.txt", *target, "--analyser", "rules", "--no-html", cwd=d)
        assert r.returncode == 0, r.stderr
    return d


# --- damaged stores ------------------------------------------------------------------------


def _damage_sst(st: Path) -> None:
    sst = sorted((st / "oxigraph").glob("*.sst"))[0]
    sst.write_bytes(sst.read_bytes()[:100])


def _damage_current(st: Path) -> None:
    (st / "oxigraph" / "CURRENT").unlink()


def _damage_votes(st: Path) -> None:
    (st / "votes.sqlite").write_bytes(b"not a database" * 400)


@pytest.mark.parametrize("damage", [_damage_sst, _damage_current, _damage_votes])
def test_a_damaged_store_gives_one_line(
    work: Path, tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    st = tmp_path / "st"
    shutil.copytree(work / "st", st)
    damage(st)
    before = snapshot(st)
    r = kg("build", work / "b.txt", "--store", st, "--analyser", "rules")
    assert "st" in one_line_error(r)
    if damage is not _damage_votes:  # the votes are only read by a build
        assert "restore it from a backup" in one_line_error(kg("query", st, COUNT))
    assert snapshot(st) == before and not leftovers(st)


# --- read-only targets ---------------------------------------------------------------------

READ_ONLY_COMMANDS = {
    "build --out": ("build", "b.txt", "--out", "out", "--analyser", "rules", "--no-html"),
    "build --store": ("build", "b.txt", "--store", "st", "--analyser", "rules"),
    "build --report": (
        "build",
        "b.txt",
        "--store",
        "st2",
        "--report",
        "out/r.jsonl",
        "--analyser",
        "rules",
    ),
    "view --out": ("view", "out/graph.ttl", "--out", "out/graph.html"),
    "export --out": ("export", "out/graph.ttl", "--format", "nq", "--out", "out/g.nq"),
}


@pytest.mark.parametrize("name", sorted(READ_ONLY_COMMANDS))
def test_a_read_only_target_gives_one_line(work: Path, name: str) -> None:
    args = READ_ONLY_COMMANDS[name]
    targets = [work / "out", work / "st"]
    before = {t: snapshot(t) for t in targets}
    if os.geteuid() != 0:
        modes = {t: t.stat().st_mode for t in targets}
        for t in targets:
            t.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            r = kg(*args, cwd=work)
        finally:
            for t, m in modes.items():
                t.chmod(m)
    elif NAMESPACES:
        setup = " && ".join(
            f"mount --bind {t} {t} && mount -o remount,bind,ro {t}" for t in targets
        )
        r = in_namespace(setup, *args, cwd=work)
    else:
        pytest.skip("root ignores chmod, and no mount namespaces here")
    line = one_line_error(r)
    assert "Read-only file system" in line or "Permission denied" in line or "readonly" in line
    assert {t: snapshot(t) for t in targets} == before
    assert not leftovers(work)
    shutil.rmtree(work / "st2", ignore_errors=True)


# --- full disks ----------------------------------------------------------------------------


def _file_size_limit(limit: int) -> Callable[[], None]:
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


@pytest.mark.parametrize("target", ["--out", "--store"])
def test_a_full_disk_gives_one_line(work: Path, tmp_path: Path, target: str) -> None:
    folder = tmp_path / "target"
    shutil.copytree(work / ("out" if target == "--out" else "st"), folder)
    before = snapshot(folder)
    r = kg(
        "build",
        work / "a.txt",
        work / "b.txt",
        target,
        folder,
        "--analyser",
        "rules",
        "--no-html",
        "--rebuild" if target == "--store" else "--no-html",
        preexec=_file_size_limit(4000),
    )
    line = one_line_error(r)
    assert "too large" in line.lower() or "full" in line, line
    assert not leftovers(folder)
    if target == "--out":
        assert snapshot(folder) == before
    else:  # each document is one transaction: the store still answers, with a.txt whole
        r = kg("query", folder, COUNT, "--format", "csv")
        assert r.returncode == 0 and int(r.stdout.split()[1]) > 0, r.stderr


@needs_namespaces
def test_a_full_tmpfs_gives_one_line(work: Path, tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    for f in ("a.txt", "b.txt"):
        shutil.copy(work / f, tmp_path / f)
    py = shlex.join([sys.executable, "-m", "kg.cli"])
    script = f"""
mount -t tmpfs -o size=3m tmpfs t
{py} build a.txt --out t/out --analyser rules -q --no-html || exit 9
{py} build a.txt --store t/st --analyser rules -q || exit 9
cp t/out/graph.ttl before.ttl
dd if=/dev/zero of=t/fill bs=1k count=10000 2>/dev/null
{py} build a.txt b.txt --out t/out --analyser rules --no-html 2> out.err; echo $? > out.rc
{py} build b.txt --store t/st --analyser rules 2> st.err; echo $? > st.rc
cmp t/out/graph.ttl before.ttl || exit 8
{py} query t/st '{COUNT}' --format csv > count.csv || exit 7
find t -name '*.tmp' -o -name '.kg-spool-*' > left.txt
"""
    r = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=ENV,
        timeout=300,
    )
    assert r.returncode == 0, (r.returncode, r.stderr)
    for name in ("out", "st"):
        assert (tmp_path / f"{name}.rc").read_text().strip() == "1"
        err = [ln for ln in (tmp_path / f"{name}.err").read_text().splitlines() if ln.strip()]
        assert len(err) == 1 and err[0].startswith("kg: "), err
        assert "full" in err[0].lower() or "No space left" in err[0], err
    assert int((tmp_path / "count.csv").read_text().split()[1]) > 0
    assert (tmp_path / "left.txt").read_text() == ""


# --- other inputs that used to give tracebacks -----------------------------------------------


def test_out_naming_a_file(work: Path) -> None:
    line = one_line_error(kg("build", "b.txt", "--out", "a.txt", "--analyser", "rules", cwd=work))
    assert "a.txt" in line and "folder" in line
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT


def test_eval_on_a_tsv_that_is_not_utf8(work: Path, tmp_path: Path) -> None:
    (tmp_path / "e.tsv").write_bytes(b"id\tqid\ttype\tlabel_en\tsurfaces_ar\n" + b"x\t\xff\xfe\n")
    line = one_line_error(
        kg("eval", work / "out" / "graph.ttl", tmp_path / "e.tsv", tmp_path / "e.tsv")
    )
    assert "not UTF-8" in line
