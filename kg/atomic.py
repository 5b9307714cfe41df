"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Every file kg writes (graph files, exports, pages, reports) goes through
:func:`atomic_paths`: temporary files in the targets' folders, moved into place with
``os.replace`` when the block ends, all of them, or, if it raises, none (the temporary
files are removed). ``atomic_files`` opens them as text and ``atomic_write`` writes
text in one call; both are that same mechanism.
"""

from __future__ import annotations

import contextlib
import os
import secrets
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
            tmp = target.parent / f".{target.name}.{secrets.token_hex(8)}.tmp"
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            temps.append(tmp)
        yield list(temps)
        for tmp in temps:
            _sync(tmp)
        for tmp, target in zip(temps, paths, strict=True):
            os.replace(tmp, target)
    finally:
        for tmp in temps:  # after the moves none is left; after a failure, all go
            tmp.unlink(missing_ok=True)


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
