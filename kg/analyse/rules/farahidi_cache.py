"""farahidi's analyses of the words the lexicon lacks: running the analyser, a table of
its answers shipped with the package (``data/ar/farahidi_table.blocks``, made by
scripts/build_farahidi_table.py from word lists, for the farahidi version it names), and
a disk cache that keeps its answers across runs (loading farahidi takes about a second).

>>> cache = _DiskCache.__new__(_DiskCache)
>>> cache.db, cache.pending = None, []
>>> cache.get("كتاب") is None  # no database: every word is a miss, and nothing is kept
True
>>> farahidi_analyse.cache_info().maxsize
50000
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...text import strip_diacritics
from .blocks import Blocks, SortedLines


@lru_cache(maxsize=50_000)
def farahidi_analyse(word: str) -> tuple[tuple[str, ...], ...]:
    shipped = _shipped_table().get(word)
    if shipped is not None:
        return decode(shipped)
    cached = _disk_cache().get(word)
    if cached is not None:
        return cached
    result = farahidi_run(word)
    _disk_cache().put(word, result)
    return result


def encode(readings: tuple[tuple[str, ...], ...]) -> str:
    """farahidi's readings of a word as one line of text (the disk cache's and the shipped
    table's form); :func:`decode` gives them back.

    >>> encode((("و", "كتب", "V"), ("", "كتاب", "N")))
    'و,كتب,V;,كتاب,N'
    >>> decode(encode((("و", "كتب", "V"), ("", "كتاب", "N")))) == (("و", "كتب", "V"), ("", "كتاب", "N"))
    True
    >>> decode(encode(()))
    ()
    """
    return ";".join(",".join(r) for r in readings)


def decode(text: str) -> tuple[tuple[str, ...], ...]:
    """The readings :func:`encode` wrote."""
    return tuple(tuple(r.split(",")) for r in text.split(";") if r) if text else ()


#: The order :func:`farahidi_run` gives readings in; a table or a disk cache written in
#: another order is not read (order 1 followed Python's string hashes).
ORDER = 2


def table_header(version: str) -> str:
    """The shipped table's first field: the farahidi version and the order of readings.

    >>> table_header("0.4.0")
    '# farahidi 0.4.0 order 2'
    """
    return f"# farahidi {version} order {ORDER}"


#: The shipped table of farahidi's answers (scripts/build_farahidi_table.py).
SHIPPED_TABLE = Path(__file__).resolve().parents[2] / "data" / "ar" / "farahidi_table.blocks"


@lru_cache(maxsize=1)
def _shipped_table() -> SortedLines | Blocks:
    """The shipped table, its index read at the first word that needs it (and a block of
    it when a word falls there); empty when the file is missing or damaged or was made
    with another farahidi version (its first line names the version), or when farahidi
    is not installed."""
    try:
        import farahidi

        data = SHIPPED_TABLE.read_bytes()
    except (ImportError, OSError):
        return SortedLines(b"")
    start = data.find(b"\n") + 1
    head = data[: start - 1].split(b"\t")[0].decode("utf-8", "replace")
    if not start or head != table_header(getattr(farahidi, "__version__", "0")):
        return SortedLines(b"")
    try:
        return Blocks(data, start)
    except (ValueError, zlib.error):
        return SortedLines(b"")


class _DiskCache:
    """farahidi's analyses of words the lexicon lacks, kept across runs in SQLite
    (``$KG_CACHE_DIR`` or ``~/.cache/kg-builder``; ``KG_CACHE_DIR=off`` disables it).
    Loading farahidi takes about a second; a warm cache skips it for words seen before."""

    def __init__(self) -> None:
        import os
        import sqlite3
        from pathlib import Path

        self.db: sqlite3.Connection | None = None
        self.pending: list[tuple[str, str]] = []
        where = os.environ.get("KG_CACHE_DIR", str(Path.home() / ".cache" / "kg-builder"))
        if where.lower() in ("off", "none", ""):
            return
        try:
            import farahidi

            Path(where).mkdir(parents=True, exist_ok=True)
            version = getattr(farahidi, "__version__", "0")
            path = Path(where) / f"morph-farahidi-{version}-order{ORDER}.sqlite"
            self.db = sqlite3.connect(path, timeout=10, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, readings TEXT)"
            )
        except Exception:  # a read-only home or a locked file: work without the cache
            self.db = None

    def get(self, word: str) -> tuple[tuple[str, ...], ...] | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT readings FROM words WHERE word = ?", (word,)).fetchone()
        except Exception:
            return None
        if row is None:
            return None
        return decode(row[0])

    def put(self, word: str, readings: tuple[tuple[str, ...], ...]) -> None:
        if self.db is None:
            return
        self.pending.append((word, encode(readings)))
        if len(self.pending) >= 100:
            self.flush()

    def flush(self) -> None:
        if self.db is None or not self.pending:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", self.pending)
        except Exception:
            pass
        self.pending.clear()


def disk_cache_state() -> str:
    """Where farahidi's disk cache is and how many words it holds, in a few words (for
    benchmarks, whose cold figures depend on it).

    >>> import os
    >>> old = os.environ.get("KG_CACHE_DIR")
    >>> os.environ["KG_CACHE_DIR"] = "off"
    >>> disk_cache_state()
    'off (KG_CACHE_DIR=off)'
    >>> _ = os.environ.pop("KG_CACHE_DIR") if old is None else os.environ.update(KG_CACHE_DIR=old)
    """
    import os
    import sqlite3
    from pathlib import Path

    where = os.environ.get("KG_CACHE_DIR", str(Path.home() / ".cache" / "kg-builder"))
    if where.lower() in ("off", "none", ""):
        return f"off (KG_CACHE_DIR={where})"
    found = sorted(Path(where).glob("morph-farahidi-*.sqlite"))
    if not found:
        return f"empty ({where})"
    try:
        with sqlite3.connect(found[-1]) as db:
            n = db.execute("SELECT count(*) FROM words").fetchone()[0]
    except sqlite3.Error:
        return f"unreadable ({found[-1]})"
    return f"{n:,} words ({found[-1]})" if n else f"empty ({found[-1]})"


def shipped_table_state() -> str:
    """How many words the shipped table answers for in this process, in a few words (for
    benchmarks: what it holds decides which words farahidi itself must analyse).

    >>> shipped_table_state().endswith("shipped table")
    True
    """
    n = len(_shipped_table())
    return f"{n:,} words in the shipped table" if n else "no words in the shipped table"


@lru_cache(maxsize=1)
def _disk_cache() -> _DiskCache:
    import atexit

    cache = _DiskCache()
    atexit.register(cache.flush)
    return cache


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from .farahidi_fast import indexed_analyzer

    return indexed_analyzer()


def farahidi_run(word: str, limit: int = 12) -> tuple[tuple[str, ...], ...]:
    """farahidi's first ``limit`` analyses of ``word`` as tuples of text fields."""
    from . import _farahidi_codes as codes

    res = []
    # farahidi sorts by score, its ties in an order that follows sets of strings and so
    # Python's string hashes, new in every process: the ties are put in one order here
    # (the whole reading as text) before the first ``limit`` are kept
    ranked = sorted(_analyzer().analyze(word), key=lambda a: (-float(a.score or 0), repr(a)))
    for a in ranked[:limit]:
        pro = "".join(strip_diacritics(p.form) for p in a.proclitics)
        enc = "".join(strip_diacritics(e.form) for e in a.enclitics)
        res.append(
            (
                pro,
                a.lemma,
                codes.POS.get(a.pos, "N"),
                codes.TYPES.get(a.type, "n"),
                codes.TENSE.get(a.tense, ""),
                codes.VOICE.get(a.voice, ""),
                codes.PRON.get(a.pronoun, ""),
                codes.GENDER.get(a.gender, ""),
                codes.NUMBER.get(a.number, ""),
                enc,
                f"{float(a.score or 0):.4g}",
            )
        )
    return tuple(res)
