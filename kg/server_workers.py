"""The endpoint's workers: each a process with its own copy of the graph, answering one query
at a time under a time limit and a memory bound (a watchdog reads the worker's resident
memory and replaces a worker that grows past it).

>>> limits = Limits()
>>> limits.timeout > 0 and limits.max_memory > 0
True
>>> rss(-1) is None
True
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, cast

from .formats import Kind
from .server_rules import (
    media_types,
    negotiate,
)

_LOAD_SECONDS = 600  # to open or load the graph in a worker


#: What a worker's answer is when there is none.
_TIMED_OUT, _DIED, _MEMORY = "timed out", "died", "out of memory"

try:
    _PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
except (AttributeError, ValueError, OSError):  # not POSIX
    _PAGE_SIZE = 4096


@dataclass(frozen=True, slots=True)
class Limits:
    """How long a query may run, how large its result may be, how many run at once."""

    timeout: float = 30.0  # seconds
    max_bytes: int = 64_000_000  # of a serialised result
    workers: int = 2
    max_memory: int = 2_000_000_000  # bytes a query may add to a worker's memory (RSS)
    read_timeout: float = 10.0  # seconds to receive a request (and between two on one connection)
    max_connections: int = 64  # connections served at once; more are refused (503)
    services: tuple[str, ...] = ()  # SERVICE endpoints a query may call (the server fetches them)


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer: status, content type and body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        return cls(
            status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8")
        )


@dataclass(frozen=True, slots=True)
class _Request:
    query: str
    accept: str
    fmt: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]


class _TooLarge(Exception):
    pass


class _CappedBuffer:
    """A binary sink that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size, self.overflow = limit, 0, False
        self.parts: list[bytes] = []

    def write(self, b: bytes) -> int:
        self.size += len(b)
        if self.size > self.limit:
            self.overflow = True
            raise OSError("result too large")
        self.parts.append(bytes(b))
        return len(b)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def answer(store: Any, req: _Request, max_bytes: int, union: bool = True) -> Reply:
    """Run one query over a pyoxigraph store and serialise the result (in a worker).

    Without ``default-graph-uri`` the default graph is the union of all graphs
    (``union``) or the store's default graph, unless the query names its dataset
    (``FROM``, ``FROM NAMED``).
    """
    import pyoxigraph as ox

    from .store import names_dataset
    from .vocab import PREFIXES

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    kwargs: dict[str, Any] = {"prefixes": prefixes}
    try:
        if req.default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in req.default_graphs]
        elif union and not names_dataset(req.query):  # FROM, FROM NAMED: as the query says
            kwargs["use_default_graph_as_union"] = True
        if req.named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in req.named_graphs]
        result = store.query(req.query, **kwargs)
    except (SyntaxError, ValueError) as e:
        return Reply.text(400, f"malformed query: {e}")
    kind = Kind.RDF if isinstance(result, ox.QueryTriples) else Kind.RESULTS
    fmt = negotiate(req.accept, kind, req.fmt)
    if fmt is None:
        available = ", ".join(media_types(kind))
        return Reply.text(406, f"cannot answer in {req.accept!r}; available: {available}")
    sink = _CappedBuffer(max_bytes)
    try:
        if kind == Kind.RDF:
            rdf_format = getattr(ox.RdfFormat, fmt.oxigraph or "")
            ox.serialize(
                result,
                cast(Any, sink),
                rdf_format,
                prefixes=prefixes if fmt.name == "ttl" else None,
            )
        else:
            result.serialize(cast(Any, sink), getattr(ox.QueryResultsFormat, fmt.oxigraph or ""))
    except OSError as e:
        if sink.overflow:
            return Reply.text(
                413,
                f"the result is larger than {max_bytes} bytes; ask for less (LIMIT, fewer variables)",
            )
        return Reply.text(500, f"query failed: {e}")
    except (SyntaxError, ValueError, RuntimeError) as e:  # evaluation errors
        return Reply.text(400, f"query failed: {e}")
    return Reply(200, fmt.content_type, sink.getvalue())


@dataclass(frozen=True, slots=True)
class Source:
    """What a worker queries: ``path`` read as ``how``: ``disk`` (an Oxigraph folder, read
    in place), ``memory`` (an Oxigraph folder copied into memory) or the pyoxigraph name
    of a file format (``TURTLE``, ``TRIG`` ..., parsed into memory)."""

    path: str
    how: str
    union: bool = True  # for "disk": query the union of the graphs, or the default graph


def open_source(source: Source) -> tuple[Any, bool]:
    """The pyoxigraph store a worker answers from, and whether to query the union of its
    graphs (True) or its default graph (False).

    A kg store has every triple in one graph only, so the union is right. A graph file
    may hold a triple in several graphs (``graph.trig`` repeats shared entities), and
    Oxigraph's union would count it once per graph (oxigraph/oxigraph#1919); so the
    union of a file is also written, as a set, into the default graph, and queried there.
    """
    import pyoxigraph as ox

    if source.how == "disk":
        return ox.Store.read_only(source.path), source.union
    store = ox.Store()  # in memory: several times faster to query than RocksDB
    if source.how == "memory":
        store.extend(ox.Store.read_only(source.path))
        return store, True
    store.load(path=source.path, format=getattr(ox.RdfFormat, source.how))
    default = ox.DefaultGraph()
    store.extend(
        [
            ox.Quad(q.subject, q.predicate, q.object, default)
            for q in store
            if q.graph_name != default
        ]
    )
    return store, False


def _work(conn: Any, source: Source, limits: Limits, parent: int) -> None:
    """Worker process: open the store, then answer requests until the pipe closes."""
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    try:
        store, union = open_source(source)
    except Exception as e:  # reported to the server, which says what went wrong
        conn.send(f"{type(e).__name__}: {e}")
        return
    conn.send("ready")
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = answer(store, req, limits.max_bytes, union)
        except Exception as e:  # keep the worker alive whatever one query does
            reply = Reply.text(500, f"{type(e).__name__}: {e}")
        conn.send(reply)


def _exit_with(parent: int) -> None:
    """Stop this worker, even in the middle of a query, once the server process is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


_WATCH_SECONDS = 0.02  # how often a busy worker's memory is looked at


def rss(pid: int) -> int | None:
    """The resident memory of a process in bytes (None where /proc does not tell).

    >>> rss(os.getpid()) is None or rss(os.getpid()) > 0
    True
    """
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


class _Worker:
    def __init__(self, ctx: Any, source: Source, limits: Limits) -> None:
        self.max_memory = limits.max_memory
        self.memory_cap: int | None = None  # RSS past which a query is stopped
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_work, args=(child, source, limits, os.getpid()), daemon=True
        )
        self.proc.start()
        child.close()

    def wait_ready(self, timeout: float) -> str:
        """ "ready", or what went wrong."""
        try:
            if not self.conn.poll(timeout):
                return f"not ready after {timeout:g} s"
            status = str(self.conn.recv())
        except (EOFError, OSError):
            return "the worker died while opening the graph"
        if status == "ready":  # the graph is loaded: a query may add max_memory to that
            base = rss(self.proc.pid)
            self.memory_cap = None if base is None else base + self.max_memory
        return status

    def ask(self, req: _Request, timeout: float) -> Reply | str:
        """The reply, or why there is none (the worker is then killed): it ran out of
        time, or its memory grew past ``memory_cap`` (looked at every few ms)."""
        deadline = time.monotonic() + timeout
        try:
            self.conn.send(req)
            while not self.conn.poll(max(0.0, min(_WATCH_SECONDS, deadline - time.monotonic()))):
                if self.memory_cap is not None and (rss(self.proc.pid) or 0) > self.memory_cap:
                    self.kill()
                    return _MEMORY
                if time.monotonic() >= deadline:
                    self.kill()
                    return _TIMED_OUT
            reply: Reply = self.conn.recv()
            return reply
        except (EOFError, OSError):
            self.kill()
            return _DIED

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class WorkerPool:
    """A few worker processes over one store; a worker that runs out of time is replaced."""

    def __init__(self, source: Source, limits: Limits) -> None:
        from .errors import InputError

        self.source, self.limits = source, limits
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a process with threads
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._spawn() for _ in range(limits.workers)]  # they load in parallel
        for w in started:
            status = w.wait_ready(_LOAD_SECONDS)
            if status != "ready":
                self.close()
                raise InputError(source.path, f"cannot serve it: {status}")
            self._idle.put(w)

    def run(self, req: _Request) -> Reply:
        """Answer a request within the time limit (waiting for a free worker counts)."""
        limit = self.limits.timeout
        t0 = time.monotonic()
        try:
            w = self._idle.get(timeout=limit)
        except queue.Empty:
            return Reply.text(503, f"all {self.limits.workers} query workers are busy; try again")
        reply = w.ask(req, max(0.05, limit - (time.monotonic() - t0)))
        if reply == _TIMED_OUT:
            self._replace(w)
            return Reply.text(503, f"the query ran out of time ({limit:g} s) and was stopped")
        if reply == _MEMORY:
            self._replace(w)
            mb = self.limits.max_memory / 1_000_000
            return Reply.text(
                503,
                f"the query needed more than {mb:g} MB of memory and was stopped (kg serve --max-memory); "
                "ask for less: LIMIT does not bound what ORDER BY or a join holds",
            )
        if reply == _DIED:
            self._replace(w)
            return Reply.text(500, "the query worker died; try again")
        self._idle.put(w)
        return reply  # type: ignore[return-value]

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.source, self.limits)
        with self._lock:
            self._all.add(w)
        return w

    def _replace(self, dead: _Worker) -> None:
        with self._lock:
            self._all.discard(dead)
            if self._closed:
                return

        def start() -> None:
            w = self._spawn()
            if w.wait_ready(_LOAD_SECONDS) == "ready" and not self._closed:
                self._idle.put(w)
            else:
                w.kill()

        threading.Thread(target=start, daemon=True).start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
