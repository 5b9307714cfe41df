"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Every file kg writes (graph files, exports, pages, reports) goes through
:func:`atomic_paths`: temporary files in the targets' folders, moved into place with
``os.replace`` when the block ends, all of them, or, if it raises, none (the temporary
files are removed). ``atomic_files`` opens them as text and ``atomic_write`` writes
text in one call; both are that same mechanism.

A temporary file is named ``.{target}.kg-{pid}-{random}.tmp``. A process killed while
it writes (SIGKILL, a power cut) cannot remove its own; the next write to any target
of that folder removes those whose process is gone (:func:`remove_stale_temps`), and
``kg build`` sweeps its output folder when it starts.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

PathLike = str | os.PathLike[str]


@contextlib.contextmanager
def atomic_paths(targets: Sequence[PathLike]) -> Iterator[list[Path]]:
    """Temporary paths beside ``targets`` (for writers that take a file name): when the
    block ends they replace their targets, all together; if it raises, none does.

    The temporary files exist, empty, when the block starts; they get the permissions
    of any new file (the umask decides), not mkstemp's 0600. Their data reach the disk
    before they are moved into place.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with atomic_paths([d / "a.txt", d / "sub" / "b.txt"]) as (a, b):
    ...     _ = a.write_text("A"), b.write_text("B")
    >>> (d / "a.txt").read_text(), (d / "sub" / "b.txt").read_text()
    ('A', 'B')
    """
    paths = [Path(t) for t in targets]
    temps: list[Path] = []
    try:
        for target in paths:
            target.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(target.parent, target.name)
            tmp = temp_path(target)
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            temps.append(tmp)
        yield list(temps)
        for tmp in temps:
            _sync(tmp)
        for tmp, target in zip(temps, paths, strict=True):
            os.replace(tmp, target)
    finally:
        for tmp in temps:  # after the moves none is left; after a failure, all go
            with contextlib.suppress(OSError):  # one that cannot go must not keep the others
                tmp.unlink(missing_ok=True)


def temp_path(target: PathLike) -> Path:
    """A new temporary path beside ``target``, of this process, in the pattern
    :func:`remove_stale_temps` knows.

    >>> p = temp_path("/d/graph.ttl")
    >>> p.parent.as_posix(), p.name.startswith(f".graph.ttl.kg-{os.getpid()}-"), p.suffix
    ('/d', True, '.tmp')
    """
    t = Path(target)
    return t.parent / f".{t.name}.kg-{os.getpid()}-{secrets.token_hex(6)}.tmp"


#: A temporary file of ours: .{target}.kg-{pid}-{12 hex}.tmp, or the pattern of kg before
#: 0.x, .{target}.{16 hex}.tmp (no pid: removed once an hour old).
_TEMP = re.compile(r"\.(?P<target>.+)\.(?:kg-(?P<pid>\d+)-[0-9a-f]{12}|[0-9a-f]{16})\.tmp")
#: Seconds after which a temporary file of the old pattern (no pid) counts as abandoned.
OLD_TEMP_AGE = 3600.0


def remove_stale_temps(folder: PathLike, target: str | None = None) -> list[Path]:
    """Remove the temporary files in ``folder`` (of ``target`` only, if given) that a
    process of ours left when it was killed: those whose process is gone. Returns them.

    >>> import tempfile, subprocess, sys
    >>> d = Path(tempfile.mkdtemp())
    >>> dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
    ...     capture_output=True, text=True).stdout.strip()
    >>> _ = (d / f".g.ttl.kg-{dead}-0123456789ab.tmp").write_text("half")
    >>> mine = temp_path(d / "g.ttl"); _ = mine.write_text("being written")
    >>> [p.name[:9] for p in remove_stale_temps(d)], mine.exists()
    (['.g.ttl.kg'], True)
    """
    out: list[Path] = []
    d = Path(folder)
    pattern = f".{target}.*.tmp" if target is not None else ".*.tmp"
    try:
        candidates = list(d.glob(pattern))
    except OSError:
        return out
    for p in candidates:
        m = _TEMP.fullmatch(p.name)
        if m is None or (target is not None and m["target"] != target):
            continue
        try:
            stale = (
                not alive(int(m["pid"]))
                if m["pid"]
                else time.time() - p.stat().st_mtime > OLD_TEMP_AGE
            )
            if stale and p.is_file():
                p.unlink()
                out.append(p)
        except OSError:  # gone already, or not ours to remove
            continue
    return out


def shown_path(path: str) -> str:
    """The path to name in a message about ``path``: a temporary file of ours is named
    by its target, a build's spool folder by the output folder.

    >>> shown_path("out/.graph.ttl.kg-12-0123456789ab.tmp"), shown_path("out/.kg-spool-12-ab/runs")
    ('out/graph.ttl', 'out')
    """
    p = Path(path)
    for i, part in enumerate(p.parts):
        if part.startswith(".kg-spool-"):
            return str(Path(*p.parts[:i])) if i else "."
    m = _TEMP.fullmatch(p.name)
    return str(p.parent / m["target"]) if m else str(path)


def alive(pid: int) -> bool:
    """Whether a process runs (this one, or another user's, count as running).

    >>> import os
    >>> alive(os.getpid())
    True
    """
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):  # someone else's process; or no such pid
        return True
    return True


@contextlib.contextmanager
def atomic_files(targets: Sequence[PathLike]) -> Iterator[list[IO[str]]]:
    """Text files (UTF-8, ``\\n`` line ends) that replace ``targets`` together when the
    block ends, or, if it raises, leave them as they were.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with atomic_files([d / "a.txt", d / "b.txt"]) as (a, b):
    ...     _ = a.write("A"), b.write("B")
    >>> (d / "a.txt").read_text(), (d / "b.txt").read_text()
    ('A', 'B')
    """
    with atomic_paths(targets) as temps, contextlib.ExitStack() as files:
        yield [files.enter_context(open(t, "w", encoding="utf-8", newline="\n")) for t in temps]


def atomic_write(target: PathLike, chunks: Iterable[str]) -> Path:
    """Write text to ``target`` atomically; the chunks are written as they come.

    If producing or writing the text fails, ``target`` keeps its previous content.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write(p, ["a", "b"]).read_text()
    'ab'
    """
    with atomic_files([target]) as (f,):
        f.writelines(chunks)
    return Path(target)


def _sync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())
