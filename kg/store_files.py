"""The files of a store: where its RDF lives, opening it read-only, telling a damaged store
from a missing one, and the lock that lets one writer in at a time.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     is_store(d), rdf_dir(d)
(False, None)
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .errors import InputError

if TYPE_CHECKING:
    import pyoxigraph as ox

RDF_DIR = "oxigraph"


VOTES_DB = "votes.sqlite"


LOCK_FILE = "lock"


FORMAT_VERSION = "1"


def _ox() -> Any:
    try:
        import pyoxigraph
    except ImportError:  # a core dependency, but say what to do if it is missing
        raise InputError("pyoxigraph", "not installed: pip install pyoxigraph") from None
    return pyoxigraph


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a store folder (``kg build --store``) or a bare Oxigraph folder.

    >>> import tempfile
    >>> is_store(tempfile.mkdtemp())
    False
    """
    return rdf_dir(path) is not None


def rdf_dir(path: str | os.PathLike[str]) -> Path | None:
    """The Oxigraph folder of a store: ``DIR/oxigraph``, or ``DIR`` itself when it is one."""
    p = Path(path)
    for candidate in (p / RDF_DIR, p):
        if (candidate / "CURRENT").is_file() and (candidate / "IDENTITY").is_file():
            return candidate
    return None


def open_read_only(path: str | os.PathLike[str]) -> ox.Store:
    """Open a store to read, without taking its lock (see ``reading``).

    >>> import tempfile
    >>> open_read_only(tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    kg.errors.InputError: ...: not a kg store (make one with kg build ... --store DIR)
    """
    where = rdf_dir(path)
    if where is None:
        _check_not_damaged(Path(path))
        raise InputError(str(path), "not a kg store (make one with kg build ... --store DIR)")
    try:
        return cast("ox.Store", _ox().Store.read_only(str(where)))
    except (OSError, RuntimeError) as e:  # RocksDB says Corruption, IO error ... as RuntimeError
        raise damaged(path, e) from None


def damaged(path: str | os.PathLike[str], e: BaseException) -> InputError:
    """The one-line error of a store that cannot be opened or read (a damaged file, a
    full or read-only disk): the first line of what Oxigraph or SQLite says.

    >>> str(damaged("st", RuntimeError("Corruption: Sst file size mismatch\\nmore")))
    'st: the store cannot be read (Corruption: Sst file size mismatch); restore it from a backup or build it again'
    """
    first = (str(e).splitlines() or [type(e).__name__])[0].strip()
    if isinstance(e, OSError) and e.strerror:
        return InputError(str(path), f"cannot open the store: {e.strerror}")
    if isinstance(e, sqlite3.OperationalError):  # not the file's fault: the disk's
        return InputError(
            str(path), f"cannot write to the store: {first} (is the disk full or read-only?)"
        )
    return InputError(
        str(path),
        f"the store cannot be read ({first}); restore it from a backup or build it again",
    )


def _check_not_damaged(path: Path) -> None:
    """A store folder (it has votes.sqlite) whose Oxigraph folder lost its CURRENT or
    IDENTITY file is damaged, not "not a store"."""
    ox_dir = path / RDF_DIR
    if (path / VOTES_DB).is_file() and ox_dir.is_dir() and any(ox_dir.iterdir()):
        missing = [n for n in ("CURRENT", "IDENTITY") if not (ox_dir / n).is_file()]
        raise InputError(
            str(path),
            f"the store is damaged ({RDF_DIR}/{', '.join(missing)} missing); "
            "restore it from a backup or build it again",
        )


@contextlib.contextmanager
def reading(path: str | os.PathLike[str]) -> Iterator[ox.Store]:
    """A store opened to read, with a shared lock that keeps builds out meanwhile.

    >>> import tempfile
    >>> from kg.store import GraphStore
    >>> with GraphStore(tempfile.mkdtemp()) as st:
    ...     with reading(st.path) as r:
    ...         pass
    Traceback (most recent call last):
    ...
    kg.errors.InputError: ...: a build is writing to the store; try again when it is done
    """
    with store_lock(path, exclusive=False):
        yield open_read_only(path)


@contextlib.contextmanager
def store_lock(path: str | os.PathLike[str], *, exclusive: bool) -> Iterator[None]:
    """Hold ``DIR/lock``: exclusive for the writer, shared for readers; never wait.

    A bare Oxigraph folder (not made by kg) has no lock file and is not locked.
    """
    lock = Path(path) / LOCK_FILE
    if not (exclusive or lock.is_file()):
        yield
        return
    try:
        import fcntl
    except ImportError:  # not on POSIX: no advisory locks
        yield
        return
    with open(lock, "a+b") as f:
        try:
            fcntl.flock(f, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError:
            why = (
                "the store is in use (kg serve or kg query is reading it, or a build is writing it); stop it first"
                if exclusive
                else "a build is writing to the store; try again when it is done"
            )
            raise InputError(str(path), why) from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
