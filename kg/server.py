"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store or a graph file.

The HTTP side is the standard library's ``ThreadingHTTPServer``. Queries never run in
the server process: each runs in one of a few worker processes that hold the store open
read-only, so a query that overruns its time limit is stopped for real (the worker is
killed and replaced), and a result larger than the size limit is cut off while it is
being written, before it fills the memory.

Protocol (https://www.w3.org/TR/sparql11-protocol/):

- ``GET /sparql?query=...``, ``POST /sparql`` with a form (``query=...``) or with a
  ``application/sparql-query`` body; ``default-graph-uri`` and ``named-graph-uri`` are
  honoured, and so are ``FROM`` and ``FROM NAMED`` in the query. Without any of them
  the default graph is the union of all graphs, as for files.
- Updates (``update=``, ``application/sparql-update``) are refused with 403.
- SELECT and ASK answer in SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT and
  DESCRIBE in Turtle (default), N-Triples, RDF/XML or JSON-LD; chosen by the ``Accept``
  header or a ``format`` parameter (``json``, ``xml``, ``csv``, ``tsv``, ``turtle``,
  ``ntriples``, ...). 406 when none fits.
- One thread per connection, at most ``Limits.max_connections`` (more are answered 503
  at once); a request must come within ``Limits.read_timeout`` (408 otherwise; 400 for
  a bad ``Content-Length``, 411 for a chunked body); the listen backlog is 128.
- 400 for a malformed query, 503 when it runs out of time, when it needs more memory
  than a worker may add to what the graph takes (the worker is killed and replaced), or
  when no worker frees up in time; 413 when the result is larger than the limit.
- SERVICE (federated queries, e.g. with Wikidata) makes the server fetch URLs: it is
  refused (403) unless its endpoint is one ``--allow-service`` lists.
- The ``Host`` header must name the address the server listens on, a loopback name
  (``localhost``, ``127.0.0.1``, ``[::1]``) or one of ``--allow-host``; anything else
  is refused (403), so that a web page cannot drive the endpoint through a name it
  controls (DNS rebinding).
- ``GET /`` is a small page to type queries.
"""

from __future__ import annotations

import collections
import html
import ipaddress
import json
import logging
import multiprocessing
import os
import queue
import re
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

from .formats import FORMATS, Format, Kind, Use

log = logging.getLogger(__name__)

_MAX_REQUEST = 1_000_000  # bytes of a POSTed query
_BACKLOG = 128  # connections the kernel queues before the server accepts them
_SEND_RATE = 100_000  # bytes/s a client must at least read a reply at
_LINGER = 0.5  # seconds a refused connection stays open for its client to read the 503
_MAX_LINGERING = 4096  # refused connections left open at once
_LOAD_SECONDS = 600  # to open or load the graph in a worker


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


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: Endpoints ``--allow-service`` knows by name.
SERVICE_NAMES = {"wikidata": "https://query.wikidata.org/sparql"}

# The tokens of a query, as far as SERVICE and PREFIX need: strings, comments and space
# (skipped), IRIs, words (keywords, prefixed names, variables) and single characters.
_TOKENS = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|#[^\n]*|\s+)"
    r'|(?P<iri><(?:[^<>"{}|^`\\\s]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)'
    r"|(?P<word>(?:[^\s{}()\[\];,<>\"'#/|^!=*+&]|\\.)+)"
    r"|(?P<other>.)",
    re.DOTALL,
)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def service_endpoints(query: str, prefixes: dict[str, str] | None = None) -> list[str]:
    """The endpoint of every SERVICE clause of a query, as full IRIs; ``?`` for one that
    is a variable, a relative IRI or a name with an unknown prefix (never allowed).

    ``prefixes`` are the predeclared ones (the query's own PREFIX lines win).

    >>> service_endpoints('SELECT * { SERVICE SILENT <http://x/sparql> { ?s ?p "SERVICE <y>" } } # SERVICE <z>')
    ['http://x/sparql']
    >>> service_endpoints("PREFIX e: <http://x/> SELECT * { SERVICE e:sparql {} SERVICE ?where {} }")
    ['http://x/sparql', '?']
    >>> service_endpoints("SELECT * { ?s <http://x/SERVICE> ex:SERVICE . SERVICE<http\\u003A//y/> {} }")
    ['http://y/']
    """
    known = dict(prefixes or {})
    tokens = [(m.lastgroup, m.group()) for m in _TOKENS.finditer(query) if m.lastgroup != "skip"]
    words = [(kind, text.strip(".") if kind == "word" else text) for kind, text in tokens]
    out = []
    for i, (kind, text) in enumerate(words):
        if kind != "word":
            continue
        if text.upper() == "PREFIX" and i + 2 < len(words):
            (k1, name), (k2, iri) = words[i + 1], words[i + 2]
            if k1 == "word" and name.endswith(":") and k2 == "iri":
                known[name[:-1]] = _unescape_iri(iri[1:-1])
        elif text.upper() == "SERVICE":
            j = i + 1
            if j < len(words) and words[j][1].upper() == "SILENT":
                j += 1
            out.append(_endpoint(words[j] if j < len(words) else ("", ""), known))
    return out


def _unescape_iri(text: str) -> str:
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _endpoint(token: tuple[str | None, str], prefixes: dict[str, str]) -> str:
    kind, text = token
    if kind == "iri":
        iri = _unescape_iri(text[1:-1])
        return iri if _SCHEME.match(iri) else "?"
    if kind == "word" and ":" in text and text[0] not in "?$_":
        prefix, local = text.split(":", 1)
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return "?"


def refused_services(query: str, allowed: Sequence[str]) -> list[str]:
    """The SERVICE endpoints of a query that are not in ``allowed``.

    >>> refused_services("SELECT * { SERVICE <https://query.wikidata.org/sparql> {} SERVICE <http://x/> {} }", [SERVICE_NAMES["wikidata"]])
    ['http://x/']
    """
    from .vocab import PREFIXES

    found = service_endpoints(query, {p: str(ns) for p, ns in PREFIXES.items()})
    return [e for e in found if e == "?" or e not in allowed]


_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without port, brackets or trailing dot, lower case.

    >>> host_name("[::1]:7878"), host_name("LocalHost.:80"), host_name("example.org")
    ('::1', 'localhost', 'example.org')
    """
    h = header.strip().lower()
    if h.startswith("["):
        h = h[1:].split("]", 1)[0]
    elif h.count(":") == 1:
        h = h.split(":", 1)[0]
    return h.rstrip(".")


def host_allowed(header: str | None, bound: str, allowed: Sequence[str]) -> bool:
    """Whether a request's ``Host`` header names this server: the address it is bound to,
    a loopback name, or one of ``allowed`` (``*``: any). Bound to every address (0.0.0.0,
    ::), any IP address is this server's. No header (HTTP/1.0) is let through: browsers
    always send one.

    >>> host_allowed("localhost:7878", "127.0.0.1", []), host_allowed("attacker.example", "127.0.0.1", [])
    (True, False)
    >>> host_allowed("kg.example:80", "0.0.0.0", ["kg.example"]), host_allowed("10.1.2.3", "0.0.0.0", [])
    (True, True)
    """
    if header is None or "*" in allowed:
        return True
    name = host_name(header)
    if (
        name in _LOOPBACK_NAMES
        or name == host_name(bound)
        or name in (host_name(a) for a in allowed)
    ):
        return True
    if bound in ("0.0.0.0", "::", ""):
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


def service_allow_list(names: Sequence[str]) -> tuple[str, ...]:
    """``--allow-service`` values as endpoint IRIs: a name of ``SERVICE_NAMES`` or an
    absolute IRI.

    >>> service_allow_list(["wikidata", "http://localhost:3030/ds/sparql"])
    ('https://query.wikidata.org/sparql', 'http://localhost:3030/ds/sparql')
    """
    from .errors import InputError

    out = []
    for n in names:
        iri = SERVICE_NAMES.get(n.strip().lower(), n.strip())
        if not _SCHEME.match(iri) or any(c in iri for c in '<>" {}|^`\\'):
            known = ", ".join(SERVICE_NAMES)
            raise InputError(n, f"not a SERVICE endpoint: give its full IRI or one of {known}")
        out.append(iri)
    return tuple(out)


#: The answer format when the client does not say: SPARQL JSON for SELECT and ASK,
#: Turtle for CONSTRUCT and DESCRIBE.
DEFAULT_ANSWER: dict[Kind, str] = {Kind.RESULTS: "json", Kind.RDF: "ttl"}


def media_types(kind: Kind) -> dict[str, Format]:
    """Media type -> the format ``kg serve`` answers in for it (``kg.formats``), the
    default format's first.

    >>> list(media_types(Kind.RDF))[:2]
    ['text/turtle', 'application/turtle']
    """
    return {m: f for f in FORMATS.served(kind, DEFAULT_ANSWER[kind]) for m in f.media_types}


def negotiate(accept: str, kind: Kind, fmt: str = "") -> Format | None:
    """The answer format for an ``Accept`` header (and an optional ``format`` parameter).

    ``kind`` is ``Kind.RESULTS`` (SELECT, ASK) or ``Kind.RDF`` (CONSTRUCT, DESCRIBE).
    None means that nothing acceptable can be produced (406).

    >>> negotiate("", Kind.RESULTS).name, negotiate("*/*", Kind.RDF).name
    ('json', 'ttl')
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", Kind.RESULTS).name
    'xml'
    >>> negotiate("application/json", Kind.RESULTS, fmt="csv").name
    'csv'
    >>> negotiate("application/n-triples, text/turtle;q=0.9", Kind.RDF).name
    'nt'
    >>> negotiate("image/png", Kind.RESULTS) is None
    True
    """
    table = media_types(kind)
    default = FORMATS.get(DEFAULT_ANSWER[kind], Use.SERVE, kind)
    if fmt:
        f = fmt.strip().lower()
        if f in {n for s in FORMATS.having(Use.SERVE) for n in (s.name, *s.aliases)}:
            chosen = FORMATS.find(f, Use.SERVE, kind)  # json: SPARQL JSON, or JSON-LD
            if chosen:
                return chosen
        elif f.split(";")[0].strip() in table:
            return table[f.split(";")[0].strip()]
    ranges = _accept_ranges(accept)
    if not ranges:
        return default
    for media, _q in ranges:
        if media in table:
            return table[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):
            major = media[:-1]
            for candidate, found in table.items():
                if candidate.startswith(major):
                    return found
    return None


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    """Media ranges by decreasing quality (stable for equal ones); q=0 ones left out."""
    out = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            out.append((media, q, i))
    return [(m, q) for m, q, _ in sorted(out, key=lambda t: (-t[1], t[2]))]


# --- the worker processes ---------------------------------------------------------------


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


_TIMED_OUT, _DIED, _MEMORY = "timed out", "died", "out of memory"
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


try:
    _PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
except (AttributeError, ValueError, OSError):  # not POSIX
    _PAGE_SIZE = 4096


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


# --- HTTP ----------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    """One thread per connection, at most ``max_connections`` at once: a connection
    beyond that is answered 503 at once and closed (the listen backlog queues the
    connections not yet accepted)."""

    request_queue_size = _BACKLOG
    daemon_threads = True
    block_on_close = False  # an idle keep-alive connection must not hold up close()

    def __init__(self, address: tuple[str, int], handler: Any, max_connections: int) -> None:
        self._slots = threading.BoundedSemaphore(max_connections)
        self.max_connections = max_connections
        # connections refused: answered at once, closed a little later by one thread
        self._lingering: collections.deque[tuple[float, socket.socket]] = collections.deque()
        self._linger_lock = threading.Lock()
        super().__init__(address, handler)
        threading.Thread(target=self._closer, daemon=True).start()

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _refuse(self, sock: socket.socket) -> None:
        """Answer 503 (a small write: the socket's buffer takes it) and close later."""
        body = f"the server is busy: {self.max_connections} connections are open; try again\n"
        reply = (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body.encode())}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
            + body
        )
        try:
            sock.setblocking(False)
            sock.send(reply.encode())
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        with self._linger_lock:
            self._lingering.append((time.monotonic() + _LINGER, sock))
            flood = len(self._lingering) > _MAX_LINGERING
        if flood:
            self._close_due(oldest=True)

    def _closer(self) -> None:
        while True:
            time.sleep(0.1)
            self._close_due()

    def _close_due(self, oldest: bool = False, everything: bool = False) -> None:
        """Close the refused sockets whose time is up, after reading what the client sent:
        closing a socket with unread data resets the connection, and the reply with it."""
        now = time.monotonic()
        while True:
            with self._linger_lock:
                if not self._lingering or not (
                    everything or oldest or self._lingering[0][0] <= now
                ):
                    return
                _, sock = self._lingering.popleft()
            oldest = False
            try:
                while sock.recv(65536):
                    pass
            except OSError:
                pass
            sock.close()

    def server_close(self) -> None:
        super().server_close()
        self._close_due(everything=True)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s failed", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"
    endpoint: Endpoint  # set on the subclass made per endpoint
    read_timeout: float = (
        10.0  # Limits.read_timeout, also the socket's timeout (set on the subclass)
    )

    def _wrong_host(self) -> bool:
        """Refuse (403) a request whose Host header does not name this server."""
        host = self.headers.get("Host")
        if host_allowed(host, self.endpoint.host, self.endpoint.allow_hosts):
            return False
        self._refuse(
            403,
            f"Host {host!r} is not this server's address; start kg serve with "
            f"--allow-host {host_name(host or '')} to accept it",
        )
        return True

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's naming)
        if self._wrong_host():
            return
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql", "/query"):
            self._send(Reply.text(404, "not found; the endpoint is /sparql and the query page /"))
            return
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            self._send(_refuse_update())
        elif "query" in params:
            self._query(params)
        else:
            self._send(Reply(200, "text/html; charset=utf-8", query_page().encode("utf-8")))

    def do_POST(self) -> None:  # noqa: N802
        if self._wrong_host():
            return
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql", "/query", "/update"):
            self._send(Reply.text(404, "not found; the endpoint is /sparql"))
            return
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self._refuse(411, "send the query with a Content-Length (chunked bodies are not read)")
            return
        declared = (self.headers.get("Content-Length") or "0").strip()
        if not declared.isascii() or not declared.isdigit():
            self._refuse(400, f"bad Content-Length: {declared[:40]!r}")
            return
        length = int(declared)
        if length > _MAX_REQUEST:
            self._refuse(413, f"the request is larger than {_MAX_REQUEST} bytes")
            return
        data = self._read_body(length)
        if data is None:
            return
        body = data.decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/update" or ctype == "application/sparql-update":
            self._send(_refuse_update())
        elif ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            params = {**params, **form}
            self._send(_refuse_update()) if "update" in form else self._query(params)
        elif ctype == "application/sparql-query":
            self._query({**params, "query": [body]})
        else:
            self._send(
                Reply.text(
                    415,
                    "send application/sparql-query or a form (application/x-www-form-urlencoded)",
                )
            )

    def _read_body(self, length: int) -> bytes | None:
        """The body, read within ``timeout`` seconds in all (a client that sends less
        than it announced gets 408); None when it was refused."""
        deadline = time.monotonic() + self.read_timeout
        parts, got = [], 0
        try:
            while got < length:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                self.connection.settimeout(left)
                chunk = self.rfile.read1(min(65536, length - got))
                if not chunk:
                    self._refuse(400, f"the body ended after {got} of {length} bytes")
                    return None
                parts.append(chunk)
                got += len(chunk)
        except TimeoutError:
            self._refuse(
                408, f"the body did not come in {self.read_timeout:g} s ({got} of {length} bytes)"
            )
            return None
        finally:
            self.connection.settimeout(self.read_timeout)
        return b"".join(parts)

    def _refuse(self, status: int, message: str) -> None:
        """Answer an error and close the connection (what is left of the request is unread)."""
        self.close_connection = True
        self._send(Reply.text(status, message))

    def _query(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query") or [""]
        if len(queries) != 1 or not queries[0].strip():
            self._send(Reply.text(400, "give exactly one non-empty query parameter"))
            return
        req = _Request(
            queries[0],
            self.headers.get("Accept") or "",
            (params.get("format") or [""])[0],
            tuple(params.get("default-graph-uri", [])),
            tuple(params.get("named-graph-uri", [])),
        )
        refused = refused_services(req.query, self.endpoint.limits.services)
        if refused:
            what = (
                "a SERVICE whose endpoint is a variable, a relative IRI or an unknown prefix"
                if refused[0] == "?"
                else f"SERVICE <{refused[0]}>"
            )
            self._send(
                Reply.text(
                    403,
                    f"{what} is not allowed on this endpoint (the server would fetch it); "
                    "kg serve --allow-service IRI (or --allow-service wikidata) allows an endpoint",
                )
            )
            return
        self._send(self.endpoint.pool.run(req))

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept")
        self.send_header("X-Content-Type-Options", "nosniff")
        if reply.content_type.startswith("text/html"):
            self.send_header(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
            )
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            # a large reply may take longer than a read: give the client _SEND_RATE
            self.connection.settimeout(max(self.read_timeout, len(reply.body) / _SEND_RATE))
            try:
                self.wfile.write(reply.body)
            finally:
                self.connection.settimeout(self.read_timeout)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        log.info("%s %s", self.address_string(), format % args)


def _refuse_update() -> Reply:
    return Reply.text(403, "this endpoint is read-only: SPARQL updates are refused")


class Endpoint:
    """A running endpoint: the worker pool and the HTTP server, bound but not yet serving.

    Each worker holds the graph in memory (copied from the store, or parsed from the
    file) unless ``on_disk``: then a store is read in place (for stores larger than the
    memory; queries are several times slower) and a file is loaded once into a
    temporary on-disk store, removed on close. A store folder is served holding its
    read lock, so that no build writes it meanwhile.
    """

    def __init__(
        self,
        source: str | os.PathLike[str],
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        limits: Limits | None = None,
        on_disk: bool = False,
        allow_hosts: Sequence[str] = (),
    ) -> None:
        from . import store
        from .errors import InputError

        self.source, self.limits = Path(source), limits or Limits()
        self.host, self.allow_hosts = host, tuple(allow_hosts)
        _give_back_freed_memory()
        self._tmp: str | None = None
        self._lock: Any = None
        self._serving = False
        if self.source.is_dir():
            where = store.rdf_dir(self.source)
            if where is None:
                raise InputError(
                    str(self.source), "not a kg store (make one with kg build ... --store DIR)"
                )
            self._lock = store.store_lock(self.source, exclusive=False)
            self._lock.__enter__()
            worker_source = Source(str(where), "disk" if on_disk else "memory")
        else:
            worker_source = Source(str(self.source), _oxigraph_format(self.source))
            if on_disk:
                self._tmp = tempfile.mkdtemp(prefix="kg-serve-")
                try:
                    load_file(self.source, self._tmp)
                except BaseException:
                    self._release()
                    raise
                worker_source = Source(self._tmp, "disk", union=False)
        handler = type(
            "Handler",
            (_Handler,),
            {
                "endpoint": self,
                "timeout": self.limits.read_timeout,  # of each read (StreamRequestHandler)
                "read_timeout": self.limits.read_timeout,
            },
        )
        try:  # bound first: a busy port fails before the workers load anything
            self.httpd = _Server((host, port), handler, self.limits.max_connections)
        except OSError as e:
            self._release()
            raise InputError(f"{host}:{port}", f"cannot listen there: {e.strerror or e}") from None
        try:
            self.pool = WorkerPool(worker_source, self.limits)
        except BaseException:
            self.httpd.server_close()
            self._release()
            raise

    @property
    def url(self) -> str:
        host, port = (str(x) for x in self.httpd.server_address[:2])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def serve_forever(self) -> None:
        """Serve until Ctrl-C or SIGTERM (then ``close`` cleans up)."""
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)
        self._serving = True
        try:
            self.httpd.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            self._serving = False

    def close(self) -> None:
        if self._serving:  # serving in another thread
            self.httpd.shutdown()
        self.httpd.server_close()
        self.pool.close()
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _give_back_freed_memory() -> None:
    """Make glibc return large freed blocks (replies of MBs) to the system at once.

    glibc raises its mmap threshold (up to 32 MB) each time a large block is freed, so
    the later replies come from the heaps of the threads, which keep the memory: a
    server that answered a few large results would stay at hundreds of MB. A fixed
    threshold keeps every block over 1 MB in its own mapping, unmapped when freed.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-3, 1 << 20)  # M_MMAP_THRESHOLD; does nothing elsewhere than glibc
    except (OSError, AttributeError):
        pass


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def load_file(path: Path, store_path: str) -> None:
    """Load a graph file into a new on-disk Oxigraph store (for serving it), its union
    also in the default graph (see ``open_source``)."""
    import pyoxigraph as ox

    from .errors import InputError

    fmt = _oxigraph_format(path)
    store = ox.Store(store_path)
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except (SyntaxError, ValueError, OSError) as e:
        raise InputError(str(path), f"cannot load: {e}") from None
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.flush()
    store.optimize()
    del store  # close it: the workers open it read-only


def _oxigraph_format(path: Path) -> str:
    """The pyoxigraph name of a graph file's format, by its suffix (``kg.formats``)."""
    from .errors import InputError

    fmt = FORMATS.by_suffix(path.suffix)
    if fmt.oxigraph is None:
        raise InputError(str(path), f"Oxigraph does not read {fmt.name}")
    return fmt.oxigraph


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now (for tests and scripts).

    >>> 0 < free_port() < 65536
    True
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


# --- the query page ---------------------------------------------------------------------


def query_page(examples: Sequence[tuple[str, str, str]] | None = None) -> str:
    """The HTML page at ``/``: a text area, a format choice and the stored example queries.

    >>> "<textarea" in query_page([("q", "A question", "ASK {}")])
    True
    """
    if examples is None:
        from .query import read_query, stored_queries

        examples = [(name, title, read_query(name)) for name, title in stored_queries().items()]
    # JSON inside <script>: "</" would end the script element.
    data = json.dumps(
        [{"name": n, "title": t, "query": q} for n, t, q in examples], ensure_ascii=False
    )
    return _PAGE.replace("__EXAMPLES__", data.replace("</", "<\\/")).replace(
        "__TITLE__", html.escape("kg-builder SPARQL")
    )


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>__TITLE__</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 70em; padding: 0 1em; }
textarea { width: 100%; height: 16em; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: 1em; }
th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: start; vertical-align: top; unicode-bidi: plaintext; }
th { background: #f4f4f4; }
#status { color: #555; margin-left: 1em; }
pre { white-space: pre-wrap; unicode-bidi: plaintext; }
</style></head>
<body>
<h1>__TITLE__</h1>
<p>Read-only SPARQL 1.1 endpoint at <code>/sparql</code>. Prefixes <code>kg: kgrel: wd: wdt: rdfs: rdf: owl: xsd: prov: schema: dcterms:</code> are predeclared; the default graph is the union of all documents.</p>
<p><label>Example: <select id="examples"><option value="">…</option></select></label></p>
<textarea id="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<p><button id="run">Run</button>
<label>Answer as <select id="format">
<option value="application/sparql-results+json">table</option>
<option value="text/csv">CSV</option><option value="text/tab-separated-values">TSV</option>
<option value="application/sparql-results+xml">XML</option><option value="text/turtle">Turtle (CONSTRUCT)</option>
</select></label><span id="status"></span></p>
<div id="out"></div>
<script>
"use strict";
const examples = __EXAMPLES__;
const pick = document.getElementById("examples"), q = document.getElementById("query");
for (const e of examples) { const o = document.createElement("option"); o.value = e.name; o.textContent = e.title + " (" + e.name + ")"; pick.append(o); }
pick.onchange = () => { const e = examples.find(x => x.name === pick.value); if (e) q.value = e.query; };
function cell(t) { if (!t) return ""; return t.type === "literal" && t["xml:lang"] ? t.value + " @" + t["xml:lang"] : t.value; }
async function run() {
  const status = document.getElementById("status"), out = document.getElementById("out");
  const accept = document.getElementById("format").value;
  status.textContent = "running…"; out.replaceChildren();
  const t0 = performance.now();
  let r;
  try {
    r = await fetch("sparql", { method: "POST", headers: { "Content-Type": "application/sparql-query", "Accept": accept }, body: q.value });
  } catch (e) { status.textContent = String(e); return; }
  const text = await r.text(), ms = Math.round(performance.now() - t0);
  if (!r.ok) { status.textContent = r.status + " " + r.statusText + " (" + ms + " ms)"; const p = document.createElement("pre"); p.textContent = text; out.append(p); return; }
  if ((r.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) { status.textContent = ms + " ms"; const p = document.createElement("pre"); p.textContent = String(data.boolean); out.append(p); return; }
    const vars = data.head.vars, rows = data.results.bindings, table = document.createElement("table");
    const head = table.insertRow(); for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
    for (const b of rows) { const tr = table.insertRow(); for (const v of vars) tr.insertCell().textContent = cell(b[v]); }
    status.textContent = rows.length + " rows, " + ms + " ms"; out.append(table);
  } else { status.textContent = ms + " ms"; const p = document.createElement("pre"); p.textContent = text; out.append(p); }
}
document.getElementById("run").onclick = run;
q.addEventListener("keydown", e => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
</script>
</body></html>
"""
